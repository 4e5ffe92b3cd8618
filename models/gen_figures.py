"""A small PIL generator of figures for the classifier, independent of src/synth (a second drawing hand adds variety).

Draws the five architecture kinds DLPaper2Code found in papers (neurons, flow2d, stacked2d, cuboids3d, pipeline),
Keras/Caffe-like box chains, paper block diagrams (branches), and negatives (line/bar charts, scatter/embeddings,
confusion matrices, sample grids, photo-like and segmentation images, heatmaps, and the looks of real figures:
matplotlib training curves with legends, grids of feature-map panels, MNIST digit strips, flat-colour blobs). Every image is drawn from its own seeded RNG, so
`gen_figures.py --out DIR --count N --seed S` is reproducible.

Usage: /usr/bin/python3 models/gen_figures.py --out /tmp/clsdata/pil --count 3000 --seed 1
"""
import argparse
import io
import json
import math
import os

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = "/usr/share/fonts/truetype"
FONTS = [
    "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf", "dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSansCondensed.ttf",
    "dejavu/DejaVuSansMono.ttf", "liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
    "liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Italic.ttf",
    "liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationMono-Regular.ttf",
]
_font_cache = {}

# "branches" (paper block diagrams: Inception / ResNet / ShuffleNet units) is trained as flow2d.
ARCH_KINDS = ["neurons", "flow2d", "stacked2d", "cuboids3d", "pipeline", "keras", "caffe", "branches"]
NEG_KINDS = ["linechart", "barchart", "scatter", "confusion", "samplegrid", "photo", "segmap", "heatmap",
             "mplcurves", "featuregrid", "digitstrip", "blobs"]

LAYER_WORDS = [
    "conv", "Conv", "CONV", "conv3-64", "conv3-128", "conv3-256", "conv3-512", "conv1x1", "Conv 3x3", "3x3 conv, 64",
    "3x3 conv, 128", "1x1 conv", "maxpool", "MaxPool", "max pool", "pool/2", "avg pool", "AvgPool", "FC-4096",
    "FC-1000", "fc", "Dense", "dense_1", "softmax", "Softmax", "ReLU", "relu", "BN", "BatchNorm", "Dropout", "LSTM",
    "GRU", "Embedding", "Input", "input", "Output", "Concat", "concat", "Add", "+", "Flatten", "Upsample",
    "Deconv", "Linear", "Attention", "Encoder", "Decoder", "Inception", "Residual", "Block 1", "Block 2",
    "Filter concat", "LRN", "Norm", "data", "loss", "prob", "ip1", "conv1", "pool1", "fc6", "fc7", "fc8",
]
SHAPE_WORDS = ["224x224x3", "112x112", "56x56x128", "28x28", "14x14x512", "7x7", "(None, 32, 32, 64)", "6@28x28",
               "16@10x10", "120", "84", "10", "4096", "1000", "64", "128", "256", "512", "3x3", "5x5", "stride 2"]
WORDS = ["accuracy", "loss", "epoch", "train", "val", "test", "error", "precision", "recall", "Model", "ours",
         "baseline", "iteration", "time", "F1", "mAP", "score", "class", "predicted", "true label", "count"]


def font(rng, size):
    path = FONTS[rng.integers(len(FONTS))]
    key = (path, int(size))
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(os.path.join(FONT_DIR, path), int(size))
    return _font_cache[key]


def colour(rng, light=False, grey=False):
    if grey or rng.random() < 0.3:
        v = int(rng.integers(170, 250) if light else rng.integers(0, 90))
        return (v, v, v)
    base = rng.integers(150, 256, 3) if light else rng.integers(0, 200, 3)
    return tuple(int(c) for c in base)


def pastel(rng):
    return tuple(int(c) for c in rng.integers(150, 256, 3))


def ink(rng):
    v = int(rng.integers(0, 70))
    return (v, v, v) if rng.random() < 0.8 else colour(rng)


def canvas(rng, w, h):
    bg = (255, 255, 255) if rng.random() < 0.9 else tuple(int(c) for c in rng.integers(235, 256, 3))
    im = Image.new("RGB", (int(w), int(h)), bg)
    return im, ImageDraw.Draw(im)


def text_centered(d, xy, s, f, fill):
    x, y = xy
    box = d.textbbox((0, 0), s, font=f)
    d.text((x - (box[2] - box[0]) / 2, y - (box[3] - box[1]) / 2 - box[1]), s, font=f, fill=fill)


def arrow(d, p, q, fill, width, head=8):
    d.line([p, q], fill=fill, width=width)
    ang = math.atan2(q[1] - p[1], q[0] - p[0])
    a = (q[0] - head * math.cos(ang - 0.4), q[1] - head * math.sin(ang - 0.4))
    b = (q[0] - head * math.cos(ang + 0.4), q[1] - head * math.sin(ang + 0.4))
    d.polygon([q, a, b], fill=fill)


def layer_label(rng):
    s = LAYER_WORDS[rng.integers(len(LAYER_WORDS))]
    if rng.random() < 0.35:
        s += ("\n" if rng.random() < 0.5 else " ") + SHAPE_WORDS[rng.integers(len(SHAPE_WORDS))]
    return s


# ---------------------------------------------------------------- architecture kinds

def draw_neurons(rng):
    n_layers = int(rng.integers(2, 7))
    horizontal = rng.random() < 0.8
    long_side = rng.integers(400, 1000)
    w, h = (long_side, rng.integers(250, 700)) if horizontal else (rng.integers(250, 700), long_side)
    im, d = canvas(rng, w, h)
    sizes = [int(rng.integers(2, 10)) for _ in range(n_layers)]
    r = float(rng.uniform(6, 18))
    line = ink(rng) if rng.random() < 0.6 else colour(rng, light=True, grey=True)
    lw = int(rng.integers(1, 3))
    fills = [pastel(rng) if rng.random() < 0.7 else (255, 255, 255) for _ in range(n_layers)]
    margin = 50
    pos = []
    for i, n in enumerate(sizes):
        t = margin + (i + 0.5) * ((w if horizontal else h) - 2 * margin) / n_layers
        span = (h if horizontal else w) - 2 * margin
        step = min(span / max(n, 1), 4 * r)
        start = ((h if horizontal else w) - step * (n - 1)) / 2
        pos.append([(t, start + k * step) if horizontal else (start + k * step, t) for k in range(n)])
    dense = rng.random() < 0.85
    for i in range(n_layers - 1):
        for a in pos[i]:
            for b in pos[i + 1]:
                if dense or rng.random() < 0.3:
                    d.line([a, b], fill=line, width=lw)
    f = font(rng, rng.integers(11, 20))
    for i, layer in enumerate(pos):
        for (x, y) in layer:
            d.ellipse([x - r, y - r, x + r, y + r], fill=fills[i], outline=ink(rng), width=int(rng.integers(1, 3)))
        if rng.random() < 0.3 and len(layer) > 3:
            x, y = layer[-2]
            text_centered(d, (x, y), "...", f, (0, 0, 0))
        if rng.random() < 0.7:
            x, y = layer[-1] if horizontal else layer[0]
            label = ["Input layer", "Hidden layer", "Output layer", "h%d" % i, "x", "y", "Layer %d" % (i + 1)][rng.integers(7)]
            text_centered(d, (x, min(h - 15, y + 3 * r)) if horizontal else (max(40, x - 4 * r), y), label, f, ink(rng))
    return im


def box_chain(rng, d, w, h, horizontal, n, f, fill_for, rounded):
    """Boxes in a row or column, arrows between; sometimes a parallel branch block. Returns box centres."""
    margin = 25
    span = (w if horizontal else h) - 2 * margin
    step = span / n
    thick = float(rng.uniform(0.35, 0.8)) * step
    cross = float(rng.uniform(0.25, 0.8)) * (h if horizontal else w)
    mid = (h if horizontal else w) / 2 + rng.uniform(-20, 20)
    lw = int(rng.integers(1, 3))
    line = ink(rng)
    centres = []
    for i in range(n):
        t = margin + (i + 0.5) * step
        branches = int(rng.integers(2, 5)) if rng.random() < 0.15 else 1
        for b in range(branches):
            off = (b - (branches - 1) / 2) * cross / branches * 1.1 if branches > 1 else 0
            c = (t, mid + off) if horizontal else (mid + off, t)
            bw, bh = (thick, cross / branches * 0.85) if horizontal else (cross / branches * 0.85, thick)
            if rng.random() < 0.2:
                bw, bh = bw * rng.uniform(0.5, 1), bh * rng.uniform(0.4, 1)
            rect = [c[0] - bw / 2, c[1] - bh / 2, c[0] + bw / 2, c[1] + bh / 2]
            fill = fill_for(i)
            if rounded:
                d.rounded_rectangle(rect, radius=min(bw, bh) / 4, fill=fill, outline=line, width=lw)
            else:
                d.rectangle(rect, fill=fill, outline=line, width=lw)
            label = layer_label(rng)
            if horizontal and bw < 60 and rng.random() < 0.6:
                tmp = Image.new("L", (int(bh), int(bw)), 0)
                ImageDraw.Draw(tmp).text((3, 2), label.split("\n")[0], font=f, fill=255)
                tmp = tmp.rotate(90, expand=True)
                d.bitmap((rect[0], rect[1]), tmp, fill=ink(rng))
            else:
                text_centered(d, c, label, f, (0, 0, 0))
            centres.append((i, c, rect))
    for (i, c, r) in centres:
        for (j, c2, r2) in centres:
            if j == i + 1:
                p = (r[2], c[1]) if horizontal else (c[0], r[3])
                q = (r2[0], c2[1]) if horizontal else (c2[0], r2[1])
                arrow(d, p, q, line, lw, head=int(rng.integers(5, 11)))
    return centres


def draw_flow2d(rng):
    horizontal = rng.random() < 0.5
    n = int(rng.integers(3, 12))
    long_side = int(rng.integers(60, 110) * n)
    w, h = (long_side, rng.integers(150, 450)) if horizontal else (rng.integers(180, 600), long_side)
    im, d = canvas(rng, w, h)
    f = font(rng, rng.integers(10, 18))
    palette = [pastel(rng) for _ in range(4)]
    mode = rng.integers(3)
    fill_for = (lambda i: (255, 255, 255)) if mode == 0 else (lambda i: palette[i % 4]) if mode == 1 else (lambda i: pastel(rng))
    centres = box_chain(rng, d, w, h, horizontal, n, f, fill_for, rounded=rng.random() < 0.4)
    if rng.random() < 0.4 and n > 3:  # a skip connection drawn as a detour
        line = ink(rng)
        i = int(rng.integers(0, n - 2))
        a = [c for (k, c, r) in centres if k == i][0]
        b = [c for (k, c, r) in centres if k == i + 2][0]
        off = 0.45 * (h if horizontal else w)
        if horizontal:
            pts = [a, (a[0], a[1] - off), (b[0], b[1] - off), b]
        else:
            pts = [a, (a[0] + off, a[1]), (b[0] + off, b[1]), b]
        d.line(pts, fill=line, width=2)
    return im


def draw_keras_like(rng, caffe=False):
    """plot_model / draw_net look: a vertical (Keras) or horizontal/vertical (Caffe) chain of labelled records."""
    n = int(rng.integers(4, 25))
    vertical = (not caffe) or rng.random() < 0.5
    f = font(rng, rng.integers(11, 16))
    boxw, boxh, gap = int(rng.integers(140, 340)), int(rng.integers(28, 60)), int(rng.integers(25, 50))
    if vertical:
        w, h = boxw + rng.integers(40, 200), n * (boxh + gap) + 40
    else:
        w, h = n * (boxw // 2 + gap) + 40, boxh * 2 + rng.integers(40, 200)
    im, d = canvas(rng, w, h)
    line = (0, 0, 0)
    for i in range(n):
        if vertical:
            x0 = (w - boxw) / 2 + (rng.uniform(-30, 30) if rng.random() < 0.2 else 0)
            rect = [x0, 20 + i * (boxh + gap), x0 + boxw, 20 + i * (boxh + gap) + boxh]
        else:
            rect = [20 + i * (boxw // 2 + gap), h / 2 - boxh / 2, 20 + i * (boxw // 2 + gap) + boxw // 2, h / 2 + boxh / 2]
        if caffe:
            is_blob = i % 2 == 1
            fill = (255, 230, 140) if is_blob else [(120, 160, 230), (240, 120, 120), (150, 220, 150)][rng.integers(3)]
            if is_blob:
                cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
                rx, ry = (rect[2] - rect[0]) / 2 * 0.7, (rect[3] - rect[1]) / 2
                pts = [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 9)[:-1] + math.pi / 8]
                d.polygon(pts, fill=fill, outline=line)
            else:
                d.rectangle(rect, fill=fill, outline=line)
            text_centered(d, ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2), layer_label(rng), f, (0, 0, 0))
        else:
            d.rectangle(rect, fill=(255, 255, 255), outline=line)
            split = rect[0] + (rect[2] - rect[0]) * rng.uniform(0.4, 0.6)
            if rng.random() < 0.7:
                d.line([(split, rect[1]), (split, rect[3])], fill=line)
                text_centered(d, ((rect[0] + split) / 2, (rect[1] + rect[3]) / 2), "%s: %s" % (LAYER_WORDS[rng.integers(len(LAYER_WORDS))].lower(), ["Conv2D", "Dense", "MaxPooling2D", "Dropout", "Flatten", "InputLayer"][rng.integers(6)]), font(rng, 10), line)
                text_centered(d, ((split + rect[2]) / 2, (rect[1] + rect[3]) / 2), "input:\noutput:", font(rng, 10), line)
            else:
                text_centered(d, ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2), layer_label(rng), f, line)
        if i > 0:
            if vertical:
                arrow(d, ((rect[0] + rect[2]) / 2, rect[1] - gap), ((rect[0] + rect[2]) / 2, rect[1]), line, 1, 7)
            else:
                arrow(d, (rect[0] - gap, h / 2), (rect[0], h / 2), line, 1, 7)
    return im


def draw_stacked2d(rng):
    """LeNet-style: stacks of overlapping feature-map squares shrinking along the flow, then thin FC bars."""
    n = int(rng.integers(3, 8))
    w, h = int(rng.integers(120, 200) * n), int(rng.integers(250, 500))
    im, d = canvas(rng, w, h)
    f = font(rng, rng.integers(10, 16))
    x = 30.0
    size = h * rng.uniform(0.45, 0.7)
    outline = ink(rng)
    fill_mode = rng.integers(3)
    prev = None
    for i in range(n):
        fc = i >= n - rng.integers(1, 3)
        depth = int(rng.integers(2, 9))
        off = float(rng.uniform(3, 9))
        fw, fh = (size * 0.12, size * rng.uniform(0.9, 1.4)) if fc else (size, size)
        y = h / 2 - fh / 2 - depth * off / 2
        fill = (255, 255, 255) if fill_mode == 0 else pastel(rng) if fill_mode == 1 else colour(rng, light=True, grey=True)
        for k in range(depth):
            rect = [x + k * off, y + k * off, x + k * off + fw, y + k * off + fh]
            d.rectangle(rect, fill=fill, outline=outline, width=1)
        last = [x + (depth - 1) * off, y + (depth - 1) * off, x + (depth - 1) * off + fw, y + (depth - 1) * off + fh]
        if prev is not None and rng.random() < 0.7:
            px, py = prev[0] + (prev[2] - prev[0]) * 0.6, prev[1] + (prev[3] - prev[1]) * 0.4
            s = 6
            d.rectangle([px, py, px + s, py + s], outline=outline)
            d.line([(px + s, py), (last[0] + fw * 0.3, last[1] + fh * 0.5)], fill=outline)
            d.line([(px + s, py + s), (last[0] + fw * 0.3, last[1] + fh * 0.5)], fill=outline)
        if rng.random() < 0.8:
            label = SHAPE_WORDS[rng.integers(len(SHAPE_WORDS))]
            text_centered(d, (x + fw / 2, max(12, y - 14)), label, f, ink(rng))
        if rng.random() < 0.5:
            text_centered(d, (x + fw / 2, min(h - 12, last[3] + 14)), LAYER_WORDS[rng.integers(len(LAYER_WORDS))], f, ink(rng))
        prev = last
        x = last[2] + rng.uniform(20, 60)
        size *= rng.uniform(0.6, 0.9)
        if x > w - 40:
            break
    return im


def cuboid(d, x, y, w, h, depth, fill, outline, lw):
    """A box seen from the front-right-top: front face at (x, y, w, h), receding by `depth` up and right."""
    dx, dy = depth * 0.7, -depth * 0.5
    front = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    top = [(x, y), (x + dx, y + dy), (x + w + dx, y + dy), (x + w, y)]
    side = [(x + w, y), (x + w + dx, y + dy), (x + w + dx, y + h + dy), (x + w, y + h)]
    shade = lambda c, k: tuple(max(0, int(v * k)) for v in c)
    d.polygon(front, fill=fill, outline=outline)
    d.polygon(top, fill=shade(fill, 0.9), outline=outline)
    d.polygon(side, fill=shade(fill, 0.75), outline=outline)
    if lw > 1:
        for poly in (front, top, side):
            d.line(poly + [poly[0]], fill=outline, width=lw)


def draw_cuboids3d(rng):
    """AlexNet / PlotNeuralNet style: 3-D boxes whose size tracks the feature map, kernels projected onward."""
    n = int(rng.integers(3, 10))
    w, h = int(rng.integers(90, 170) * n), int(rng.integers(250, 550))
    im, d = canvas(rng, w, h)
    f = font(rng, rng.integers(9, 15))
    outline = ink(rng) if rng.random() < 0.8 else (90, 90, 90)
    style = rng.integers(3)
    x = 30.0
    hh = h * rng.uniform(0.4, 0.65)
    for i in range(n):
        thick = float(rng.uniform(6, 40))
        depth = hh * rng.uniform(0.5, 1.0)
        fill = pastel(rng) if style == 0 else (250, 250, 250) if style == 1 else [(255, 200, 120), (255, 140, 140), (150, 170, 230)][i % 3]
        y = h / 2 - hh / 2 + depth * 0.25
        if rng.random() < 0.3 and style != 1:  # PlotNeuralNet draws a block as several slabs
            for k in range(int(rng.integers(2, 4))):
                cuboid(d, x + k * thick, y, thick, hh, depth, fill, outline, 1)
            right = x + thick * 3
        else:
            cuboid(d, x, y, thick, hh, depth, fill, outline, int(rng.integers(1, 3)))
            right = x + thick
        if rng.random() < 0.5:
            kx, ky = x + thick * 0.3, y + hh * rng.uniform(0.2, 0.6)
            cuboid(d, kx, ky, thick * 0.3, hh * 0.15, depth * 0.15, (255, 255, 255), outline, 1)
            nx = right + depth * 0.7 + 40
            d.line([(kx, ky), (nx, h / 2)], fill=outline)
            d.line([(kx + thick * 0.3, ky + hh * 0.15), (nx, h / 2)], fill=outline)
        if rng.random() < 0.7:
            text_centered(d, (x + thick / 2, min(h - 10, y + hh + 14)), SHAPE_WORDS[rng.integers(len(SHAPE_WORDS))], f, ink(rng))
        if rng.random() < 0.3:
            text_centered(d, (x + thick / 2 + depth * 0.35, max(10, y - depth * 0.5 - 12)), LAYER_WORDS[rng.integers(len(LAYER_WORDS))], f, ink(rng))
        x = right + depth * 0.7 + rng.uniform(15, 50)
        hh *= rng.uniform(0.65, 1.0)
        if x > w - 60:
            break
    if rng.random() < 0.5:  # dense layers as thin tall bars
        for k in range(int(rng.integers(1, 3))):
            if x > w - 20:
                break
            cuboid(d, x, h * 0.2, 6, h * 0.55, 8, pastel(rng), outline, 1)
            x += 30
    return im


def texture(rng, w, h):
    """A smooth random colour image (stands in for a photo or an input sample)."""
    small = rng.integers(0, 256, (int(rng.integers(3, 10)), int(rng.integers(3, 10)), 3)).astype(np.uint8)
    im = Image.fromarray(small).resize((max(2, int(w)), max(2, int(h))), Image.BICUBIC)
    arr = np.asarray(im).astype(np.int16) + rng.integers(-25, 25, (int(h), int(w), 1))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def draw_pipeline(rng):
    """A method overview: input picture → processing blocks → output, with grouped stages and side labels."""
    w, h = int(rng.integers(700, 1500)), int(rng.integers(250, 600))
    im, d = canvas(rng, w, h)
    f = font(rng, rng.integers(11, 18))
    line = ink(rng)
    s = int(h * rng.uniform(0.25, 0.45))
    im.paste(texture(rng, s, s), (20, int(h / 2 - s / 2)))
    x = 20 + s + 20
    n = int(rng.integers(2, 6))
    seg = (w - x - (s + 40 if rng.random() < 0.5 else 20)) / n
    for i in range(n):
        kind = rng.integers(4)
        bx, by = x + 25, h * rng.uniform(0.2, 0.35)
        bw, bh = seg - 35, h - 2 * by
        arrow(d, (x, h / 2), (bx, h / 2), line, 2, 9)
        if kind == 0:
            d.rounded_rectangle([bx, by, bx + bw, by + bh], radius=12, fill=pastel(rng), outline=line, width=2)
            text_centered(d, (bx + bw / 2, h / 2), layer_label(rng), f, (0, 0, 0))
        elif kind == 1:  # a trapezoid encoder/decoder
            narrow = bh * rng.uniform(0.3, 0.6)
            left, right = (bh, narrow) if rng.random() < 0.5 else (narrow, bh)
            d.polygon([(bx, h / 2 - left / 2), (bx + bw, h / 2 - right / 2), (bx + bw, h / 2 + right / 2), (bx, h / 2 + left / 2)], fill=pastel(rng), outline=line)
            text_centered(d, (bx + bw / 2, h / 2), ["Encoder", "Decoder", "CNN", "Backbone"][rng.integers(4)], f, (0, 0, 0))
        elif kind == 2:  # a dashed group of small blocks
            for k in range(0, int(bw), 10):
                d.line([(bx + k, by), (bx + min(k + 5, bw), by)], fill=line)
                d.line([(bx + k, by + bh), (bx + min(k + 5, bw), by + bh)], fill=line)
            m = int(rng.integers(2, 4))
            for k in range(m):
                cy = by + (k + 0.5) * bh / m
                d.rectangle([bx + 10, cy - bh / m / 3, bx + bw - 10, cy + bh / m / 3], fill=pastel(rng), outline=line)
                text_centered(d, (bx + bw / 2, cy), LAYER_WORDS[rng.integers(len(LAYER_WORDS))], font(rng, 11), (0, 0, 0))
        else:  # feature maps as a small stack
            for k in range(4):
                o = k * 6
                d.rectangle([bx + o, by + o, bx + bw * 0.6 + o, by + bh * 0.8 + o], fill=pastel(rng), outline=line)
        if rng.random() < 0.5:
            text_centered(d, (bx + bw / 2, max(10, by - 15)), ["Stage %d" % (i + 1), "Feature extraction", "Region proposal", "Classifier", "(a)", "(b)"][rng.integers(6)], f, line)
        x = bx + bw
    if x + 40 < w - 20:
        arrow(d, (x, h / 2), (x + 30, h / 2), line, 2, 9)
        if rng.random() < 0.5:
            out = int(min(s, w - x - 45))
            if out > 10:
                im.paste(texture(rng, out, out), (int(x + 35), int(h / 2 - out / 2)))
        else:
            text_centered(d, (min(w - 40, x + 70), h / 2), ["cat", "dog: 0.92", "Output", "label"][rng.integers(4)], f, line)
    return im


# ---------------------------------------------------------------- negatives

def axes(rng, d, box, f, line):
    x0, y0, x1, y1 = box
    d.line([(x0, y0), (x0, y1), (x1, y1)], fill=line, width=1)
    if rng.random() < 0.6:
        d.line([(x1, y0), (x1, y1)], fill=line)
        d.line([(x0, y0), (x1, y0)], fill=line)
    grid = rng.random() < 0.3
    for k in range(int(rng.integers(4, 9))):
        t = k / 6
        gx, gy = x0 + t * (x1 - x0), y1 - t * (y1 - y0)
        if gx <= x1:
            d.line([(gx, y1), (gx, y1 + 5)], fill=line)
            text_centered(d, (gx, y1 + 14), "%g" % round(k * rng.choice([0.2, 1, 5, 10, 25]), 2), f, line)
            if grid:
                d.line([(gx, y0), (gx, y1)], fill=(220, 220, 220))
        if gy >= y0:
            d.line([(x0 - 5, gy), (x0, gy)], fill=line)
            text_centered(d, (x0 - 20, gy), "%g" % round(k * 0.2, 1), f, line)
            if grid:
                d.line([(x0, gy), (x1, gy)], fill=(220, 220, 220))
    text_centered(d, ((x0 + x1) / 2, y1 + 32), WORDS[rng.integers(len(WORDS))], f, line)


def subplots(rng, drawer):
    cols = int(rng.integers(1, 4)) if rng.random() < 0.4 else 1
    pw, ph = int(rng.integers(300, 600)), int(rng.integers(220, 450))
    im, d = canvas(rng, pw * cols, ph)
    f = font(rng, rng.integers(9, 15))
    for c in range(cols):
        box = (c * pw + 55, 30, c * pw + pw - 20, ph - 50)
        if rng.random() < 0.5:
            text_centered(d, ((box[0] + box[2]) / 2, 14), " ".join(WORDS[k] for k in rng.integers(len(WORDS), size=2)), f, (0, 0, 0))
        drawer(rng, im, d, box, f)
    return im


def draw_linechart(rng):
    def plot(rng, im, d, box, f):
        line = ink(rng)
        axes(rng, d, box, f, line)
        x0, y0, x1, y1 = box
        for k in range(int(rng.integers(1, 5))):
            n = 200
            t = np.linspace(0, 1, n)
            kind = rng.integers(3)
            if kind == 0:
                y = np.exp(-t * rng.uniform(2, 10)) * rng.uniform(0.5, 1)
            elif kind == 1:
                y = 1 - np.exp(-t * rng.uniform(2, 10)) * rng.uniform(0.5, 1)
            else:
                y = np.cumsum(rng.normal(0, 0.03, n)) + 0.5
            y = y + rng.normal(0, rng.uniform(0, 0.04), n)
            y = np.clip(y, 0, 1)
            pts = [(x0 + a * (x1 - x0), y1 - b * (y1 - y0)) for a, b in zip(t, y)]
            d.line(pts, fill=colour(rng), width=int(rng.integers(1, 3)))
        if rng.random() < 0.6:
            lx, ly = x1 - 110, y0 + 10
            d.rectangle([lx, ly, x1 - 5, ly + 45], outline=(180, 180, 180), fill=(255, 255, 255))
            for k in range(2):
                d.line([(lx + 5, ly + 12 + k * 20), (lx + 25, ly + 12 + k * 20)], fill=colour(rng), width=2)
                d.text((lx + 30, ly + 5 + k * 20), WORDS[rng.integers(len(WORDS))], font=f, fill=line)
    return subplots(rng, plot)


def draw_barchart(rng):
    def plot(rng, im, d, box, f):
        line = ink(rng)
        axes(rng, d, box, f, line)
        x0, y0, x1, y1 = box
        n = int(rng.integers(3, 20))
        groups = int(rng.integers(1, 4))
        cols = [colour(rng) for _ in range(groups)]
        bw = (x1 - x0) / n / (groups + 0.5)
        for i in range(n):
            for g in range(groups):
                v = rng.uniform(0.1, 0.95)
                bx = x0 + i * (x1 - x0) / n + g * bw + 3
                d.rectangle([bx, y1 - v * (y1 - y0), bx + bw, y1], fill=cols[g], outline=line if rng.random() < 0.5 else None)
    return subplots(rng, plot)


def draw_scatter(rng):
    def plot(rng, im, d, box, f):
        line = ink(rng)
        axes(rng, d, box, f, line)
        x0, y0, x1, y1 = box
        k = int(rng.integers(1, 11))
        total = int(rng.integers(100, 4000))
        centres = rng.uniform(0.15, 0.85, (k, 2))
        spread = rng.uniform(0.02, 0.2)
        r = float(rng.uniform(1, 4))
        cols = [colour(rng) for _ in range(k)]
        for _ in range(total):
            c = rng.integers(k)
            px, py = np.clip(centres[c] + rng.normal(0, spread, 2), 0, 1)
            x, y = x0 + px * (x1 - x0), y1 - py * (y1 - y0)
            d.ellipse([x - r, y - r, x + r, y + r], fill=cols[c])
        if rng.random() < 0.4:  # colour bar
            for t in range(100):
                v = int(255 * t / 100)
                d.line([(x1 + 8, y1 - t * (y1 - y0) / 100), (x1 + 18, y1 - t * (y1 - y0) / 100)], fill=(v, 100, 255 - v))
    return subplots(rng, plot)


def draw_confusion(rng):
    n = int(rng.integers(2, 15))
    cell = int(rng.integers(25, 70))
    w, h = n * cell + int(rng.integers(120, 220)), n * cell + int(rng.integers(90, 160))
    im, d = canvas(rng, w, h)
    f = font(rng, max(8, min(16, cell // 3)))
    x0, y0 = 80, 40
    hue = rng.integers(3)
    for i in range(n):
        for j in range(n):
            v = rng.uniform(0.6, 1) if i == j else rng.uniform(0, 0.25) * (rng.random() < 0.5)
            base = [255, 255, 255]
            base[hue] = 255
            c = tuple(int(255 - v * (255 - (30 if k != hue else 120))) for k in range(3))
            d.rectangle([x0 + j * cell, y0 + i * cell, x0 + (j + 1) * cell, y0 + (i + 1) * cell], fill=c,
                        outline=(255, 255, 255) if rng.random() < 0.5 else None)
            if rng.random() < 0.8:
                text_centered(d, (x0 + (j + 0.5) * cell, y0 + (i + 0.5) * cell), str(int(v * 100)) if rng.random() < 0.7 else "%.2f" % v, f, (0, 0, 0) if v < 0.5 else (255, 255, 255))
        text_centered(d, (x0 - 20, y0 + (i + 0.5) * cell), str(i), f, (0, 0, 0))
        text_centered(d, (x0 + (i + 0.5) * cell, y0 + n * cell + 12), str(i), f, (0, 0, 0))
    text_centered(d, (x0 + n * cell / 2, y0 + n * cell + 35), "Predicted label", f, (0, 0, 0))
    if rng.random() < 0.7:
        for t in range(100):
            v = t / 100
            c = tuple(int(255 - v * (255 - (30 if k != hue else 120))) for k in range(3))
            d.line([(x0 + n * cell + 20, y0 + n * cell - t * n * cell / 100), (x0 + n * cell + 35, y0 + n * cell - t * n * cell / 100)], fill=c)
    return im


def digit_tile(rng, s):
    tile = Image.new("L", (s, s), 0)
    td = ImageDraw.Draw(tile)
    text_centered(td, (s / 2, s / 2), str(rng.integers(10)) if rng.random() < 0.7 else chr(65 + rng.integers(26)), font(rng, s * 0.8), 255)
    tile = tile.filter(ImageFilter.GaussianBlur(rng.uniform(0, 1.5)))
    return tile


def draw_samplegrid(rng):
    rows, cols = int(rng.integers(1, 7)), int(rng.integers(2, 11))
    s = int(rng.integers(40, 110))
    gap = int(rng.integers(0, 25))
    title = rng.random() < 0.5
    w, h = cols * (s + gap) + 20, rows * (s + gap + (18 if title else 0)) + 20
    im, d = canvas(rng, w, h)
    f = font(rng, 11)
    kind = rng.integers(3)
    for r in range(rows):
        for c in range(cols):
            x, y = 10 + c * (s + gap), 10 + r * (s + gap + (18 if title else 0)) + (18 if title else 0)
            if kind == 0:
                tile = digit_tile(rng, s)
                if rng.random() < 0.5:
                    tile = Image.eval(tile, lambda v: 255 - v)
                im.paste(tile.convert("RGB"), (x, y))
            elif kind == 1:
                im.paste(texture(rng, s, s), (x, y))
            else:
                arr = (np.asarray(texture(rng, s, s).convert("L")) * rng.uniform(0.5, 1.5)).clip(0, 255).astype(np.uint8)
                im.paste(Image.fromarray(arr).convert("RGB"), (x, y))
            if title:
                text_centered(d, (x + s / 2, y - 9), ["label: %d" % rng.integers(10), "pred %d" % rng.integers(10), WORDS[rng.integers(len(WORDS))]][rng.integers(3)], f, (0, 0, 0))
    return im


def draw_photo(rng):
    w, h = int(rng.integers(250, 900)), int(rng.integers(200, 800))
    im = texture(rng, w, h)
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(0, 12))):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(10, min(w, h) / 3)
        shape = [x - r, y - r * rng.uniform(0.3, 1.5), x + r, y + r]
        d.ellipse(shape, fill=colour(rng)) if rng.random() < 0.5 else d.polygon(
            [(x + r * math.cos(a), y + r * math.sin(a)) for a in rng.uniform(0, 6.3, int(rng.integers(3, 7)))], fill=colour(rng))
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0, 3)))
    arr = np.asarray(im).astype(np.int16) + rng.integers(-20, 20, (h, w, 3))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def draw_segmap(rng):
    w, h = int(rng.integers(250, 700)), int(rng.integers(250, 700))
    labels = np.asarray(Image.fromarray(rng.integers(0, int(rng.integers(2, 6)), (int(rng.integers(3, 8)), int(rng.integers(3, 8)))).astype(np.uint8)).resize((w, h), Image.BICUBIC))
    noise = np.asarray(texture(rng, w, h).convert("L")) // 64
    labels = (labels.astype(int) + (noise if rng.random() < 0.5 else 0)) % 6
    pal = np.array([colour(rng) for _ in range(6)], dtype=np.uint8)
    if rng.random() < 0.5:
        pal[0] = (0, 0, 0)
    return Image.fromarray(pal[labels])


def draw_heatmap(rng):
    n, m = int(rng.integers(5, 40)), int(rng.integers(5, 40))
    vals = np.asarray(Image.fromarray(rng.integers(0, 256, (int(rng.integers(2, 6)), int(rng.integers(2, 6)))).astype(np.uint8)).resize((m, n), Image.BILINEAR)).astype(float) / 255
    cell = int(rng.integers(8, 30))
    w, h = m * cell + 120, n * cell + 80
    im, d = canvas(rng, w, h)
    a, b = colour(rng), colour(rng)
    for i in range(n):
        for j in range(m):
            v = vals[i, j]
            d.rectangle([60 + j * cell, 30 + i * cell, 60 + (j + 1) * cell, 30 + (i + 1) * cell], fill=tuple(int(a[k] * v + b[k] * (1 - v)) for k in range(3)))
    return im


# ---------------------------------------------------------------- the looks of real figures (matplotlib, papers)

# matplotlib's default colour cycle: real training curves are drawn in these.
TAB10 = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
         (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)]
VIRIDIS = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
CAPTION_WORDS = ["Figure", "The", "network", "architecture", "of", "our", "proposed", "model", "with", "and", "the",
                 "convolution", "layers", "units", "a)", "b)", "training", "results", "shows", "each", "block", "is"]


def colormap(rng):
    """A lookup table (256, 3) like matplotlib's viridis / gray / hot / coolwarm."""
    kind = rng.integers(4)
    anchors = VIRIDIS if kind == 0 else [(0, 0, 0), (255, 255, 255)] if kind == 1 else \
        [(10, 0, 0), (230, 30, 0), (255, 210, 0), (255, 255, 255)] if kind == 2 else [(59, 76, 192), (221, 221, 221), (180, 4, 38)]
    t = np.linspace(0, len(anchors) - 1, 256)
    a = np.array(anchors, dtype=float)
    lo = np.floor(t).astype(int).clip(0, len(anchors) - 2)
    f = (t - lo)[:, None]
    return ((1 - f) * a[lo] + f * a[lo + 1]).astype(np.uint8)


def mpl_axes(rng, im, d, box, f, title, log_y):
    """matplotlib default axes: a thin full frame, outward ticks, tick labels, axis labels, sometimes a grid."""
    x0, y0, x1, y1 = box
    grid = rng.random() < 0.3
    n = int(rng.integers(4, 9))
    xmax = float(rng.choice([10, 20, 35, 50, 100, 200, 1000]))
    for k in range(n):
        gx = x0 + (k + 0.3) / n * (x1 - x0)
        if grid:
            d.line([(gx, y0), (gx, y1)], fill=(176, 176, 176) if rng.random() < 0.5 else (230, 230, 230))
        d.line([(gx, y1), (gx, y1 + 5)], fill=(0, 0, 0))
        text_centered(d, (gx, y1 + 14), "%g" % round(k * xmax / n), f, (0, 0, 0))
    for k in range(int(rng.integers(3, 9))):
        gy = y1 - (k + 0.2) / 7 * (y1 - y0)
        if gy < y0:
            break
        if grid:
            d.line([(x0, gy), (x1, gy)], fill=(176, 176, 176) if rng.random() < 0.5 else (230, 230, 230))
        d.line([(x0 - 5, gy), (x0, gy)], fill=(0, 0, 0))
        label = "10$^{%d}$" % (k - 3) if log_y else "%.1f" % (k * 0.1 + rng.choice([0, 0.3]))
        label = label.replace("$^{", "").replace("}$", "") if log_y else label
        box_ = d.textbbox((0, 0), label, font=f)
        d.text((x0 - 9 - (box_[2] - box_[0]), gy - (box_[3] - box_[1]) / 2 - box_[1]), label, font=f, fill=(0, 0, 0))
    d.rectangle([x0, y0, x1, y1], outline=(0, 0, 0), width=1)
    text_centered(d, ((x0 + x1) / 2, y1 + 32), ["Epoch", "epoch", "Iteration", "steps", "Epochs"][rng.integers(5)], f, (0, 0, 0))
    ylab = ["Loss", "Accuracy", "loss", "accuracy", "Error", "MSE"][rng.integers(6)]
    tmp = Image.new("L", (d.textbbox((0, 0), ylab, font=f)[2] + 4, f.size + 6), 0)
    ImageDraw.Draw(tmp).text((2, 1), ylab, font=f, fill=255)
    tmp = tmp.rotate(90, expand=True)
    im.paste((0, 0, 0), (int(max(0, x0 - 60)), int((y0 + y1) / 2 - tmp.height / 2)), tmp)
    if title:
        text_centered(d, ((x0 + x1) / 2, y0 - 14), "Model " + ylab.lower() if rng.random() < 0.5 else " ".join(
            WORDS[k] for k in rng.integers(len(WORDS), size=2)), font(rng, f.size + 2), (0, 0, 0))


def mpl_figure(rng, panels_max=3):
    """A matplotlib figure canvas with its default margins: 12.5 % left, 10 % right, 11 % bottom, 12 % top."""
    cols = int(rng.integers(1, panels_max + 1))
    rows = 1 if cols > 1 or rng.random() < 0.8 else 2
    w = int(cols * rng.integers(380, 720))
    h = int(rows * rng.integers(300, 520))
    im, d = canvas(rng, w, h)
    left, right, bottom, top = (rng.uniform(0.06, 0.14), rng.uniform(0.88, 0.97), rng.uniform(0.85, 0.92), rng.uniform(0.06, 0.13))
    gap = rng.uniform(0.05, 0.1)
    boxes = []
    pw = (right - left - gap * (cols - 1)) / cols
    ph = (bottom - top - gap * 1.5 * (rows - 1)) / rows
    for r in range(rows):
        for c in range(cols):
            bx0 = (left + c * (pw + gap)) * w
            by0 = (top + r * (ph + gap * 1.5)) * h
            boxes.append((bx0, by0, bx0 + pw * w, by0 + ph * h))
    return im, d, boxes


def training_curve(rng, n):
    t = np.linspace(0, 1, n)
    rate = rng.uniform(2, 25)
    kind = rng.integers(4)
    if kind == 0:  # loss
        y = np.exp(-t * rate) * rng.uniform(0.5, 0.95) + rng.uniform(0, 0.1)
    elif kind == 1:  # accuracy
        y = 1 - np.exp(-t * rate) * rng.uniform(0.3, 0.8) - rng.uniform(0, 0.1)
    elif kind == 2:  # log-scale loss: fast drop then slow
        y = 0.9 - 0.3 * np.log1p(t * rate * 10) / np.log1p(rate * 10) * rng.uniform(1, 2.5)
    else:
        y = np.cumsum(rng.normal(0, 0.03, n)) + 0.5
    y = y + rng.normal(0, rng.uniform(0, 0.03), n)
    if rng.random() < 0.4:  # a few spikes
        idx = rng.integers(0, n, int(rng.integers(1, 5)))
        y[idx] += rng.uniform(-0.1, 0.15, len(idx))
    return t, np.clip(y, 0.01, 0.99)


def draw_mplcurves(rng):
    """Training curves as matplotlib draws them: 1-3 panels, tab10 lines in train/val pairs, legend box, titles."""
    im, d, boxes = mpl_figure(rng)
    f = font(rng, rng.integers(10, 15))
    log_y = rng.random() < 0.3
    for box in boxes:
        mpl_axes(rng, im, d, box, f, rng.random() < 0.7, log_y)
        x0, y0, x1, y1 = box
        n_lines = int(rng.choice([1, 2, 2, 2, 3, 4]))
        n = int(rng.choice([10, 20, 35, 50, 100, 300]))
        lw = int(rng.choice([1, 1, 2, 2, 3]))
        markers = rng.random() < 0.25
        names = []
        for k in range(n_lines):
            t, y = training_curve(rng, n)
            pts = [(x0 + 0.04 * (x1 - x0) + a * 0.92 * (x1 - x0), y1 - (0.04 + 0.92 * b) * (y1 - y0)) for a, b in zip(t, y)]
            col = TAB10[k % 10] if rng.random() < 0.85 else colour(rng)
            if rng.random() < 0.15:  # dashed
                for a, b in zip(pts[::2], pts[1::2]):
                    d.line([a, b], fill=col, width=lw)
            else:
                d.line(pts, fill=col, width=lw)
            if markers:
                r = 2 + lw
                for (px, py) in pts[::max(1, n // 15)]:
                    d.ellipse([px - r, py - r, px + r, py + r], fill=col) if rng.random() < 0.7 else d.rectangle([px - r, py - r, px + r, py + r], fill=col)
            names.append(["Training", "Validation", "Test", "train", "val", "baseline", "ours"][rng.integers(7)] + " " + ["Loss", "Accuracy", "loss", "acc", ""][rng.integers(5)])
        if rng.random() < 0.75:  # legend
            lf = font(rng, f.size - 1)
            lw_ = max(d.textbbox((0, 0), s, font=lf)[2] for s in names) + 50
            lh = 22 * len(names) + 8
            corner = rng.integers(4)
            lx = x1 - lw_ - 8 if corner in (0, 1) else x0 + 8
            ly = y0 + 8 if corner in (0, 2) else y1 - lh - 8
            d.rounded_rectangle([lx, ly, lx + lw_, ly + lh], radius=3, outline=(204, 204, 204), fill=(255, 255, 255))
            for k, s in enumerate(names):
                cy = ly + 15 + 22 * k
                d.line([(lx + 8, cy), (lx + 36, cy)], fill=TAB10[k % 10], width=lw)
                d.text((lx + 42, cy - lf.size / 2 - 2), s, font=lf, fill=(0, 0, 0))
    return im


def draw_featuregrid(rng):
    """A matplotlib grid of small image panels (feature maps, filters, samples), widely spaced, with big margins."""
    rows, cols = int(rng.integers(2, 7)), int(rng.integers(2, 9))
    pw, ph = int(rng.integers(30, 110)), int(rng.integers(30, 110))
    sx, sy = int(pw * rng.uniform(0.1, 1.2)), int(ph * rng.uniform(0.1, 0.8))
    title = rng.random() < 0.4
    ty = 16 if title else 0
    mx, my = int(rng.uniform(0.05, 0.2) * cols * (pw + sx)) + 10, int(rng.uniform(0.05, 0.2) * rows * (ph + sy)) + 10
    w, h = 2 * mx + cols * (pw + sx), 2 * my + rows * (ph + sy + ty)
    im, d = canvas(rng, w, h)
    lut = colormap(rng)
    f = font(rng, 10)
    filled = rows * cols - (int(rng.integers(0, cols)) if rng.random() < 0.4 else 0)
    style = rng.integers(3)
    for k in range(filled):
        r, c = divmod(k, cols)
        x, y = mx + c * (pw + sx), my + r * (ph + sy + ty) + ty
        if style == 0:  # smooth activations
            v = np.asarray(texture(rng, pw, ph).convert("L")).astype(float)
        elif style == 1:  # sparse, stripy maps like the activations of a 1-D model
            cols_v = rng.exponential(0.3, (1, max(2, pw // int(rng.integers(2, 6)))))
            v = np.repeat(cols_v, ph, axis=0) * 255 + rng.exponential(20, (ph, cols_v.shape[1]))
            v = np.asarray(Image.fromarray(v.clip(0, 255).astype(np.uint8)).resize((pw, ph), Image.NEAREST)).astype(float)
        else:  # pixel noise, filters
            small = rng.random((int(rng.integers(3, 12)), int(rng.integers(3, 12)))) * 255
            v = np.asarray(Image.fromarray(small.astype(np.uint8)).resize((pw, ph), Image.NEAREST)).astype(float)
        v = (v - v.min()) / max(1e-6, np.ptp(v)) * 255
        im.paste(Image.fromarray(lut[v.astype(np.uint8)]), (x, y))
        if title:
            text_centered(d, (x + pw / 2, y - 8), ["%d" % k, "filter %d" % k, "ch %d" % k, "pred: %d" % rng.integers(10)][rng.integers(4)], f, (0, 0, 0))
    if rng.random() < 0.3:
        text_centered(d, (w / 2, my / 2), " ".join(WORDS[k] for k in rng.integers(len(WORDS), size=3)), font(rng, 14), (0, 0, 0))
    return im


def mnist_digit(rng, s):
    """A handwritten-looking digit: thick white strokes on black, jittered and blurred."""
    big = Image.new("L", (s * 2, s * 2), 0)
    bd = ImageDraw.Draw(big)
    f = ImageFont.truetype(os.path.join(FONT_DIR, ["dejavu/DejaVuSans-Bold.ttf", "liberation/LiberationSans-Bold.ttf", "dejavu/DejaVuSerif.ttf"][rng.integers(3)]), int(s * 1.3))
    text_centered(bd, (s, s), str(rng.integers(10)), f, 255)
    big = big.rotate(float(rng.uniform(-20, 20)), resample=Image.BILINEAR)
    big = big.filter(ImageFilter.MaxFilter(int(rng.choice([1, 3, 5]))))
    return big.resize((s, s), Image.BILINEAR).filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))


def draw_digitstrip(rng):
    """MNIST samples as matplotlib shows them: black tiles with white digits in a row (or a few), titled."""
    rows = 1 if rng.random() < 0.6 else int(rng.integers(2, 5))
    cols = int(rng.integers(4, 16))
    s = int(rng.integers(28, 90))
    gap = int(s * rng.uniform(0.05, 0.5))
    title = rng.random() < 0.7
    ty = int(s * 0.3) if title else 0
    w, h = cols * (s + gap) + 2 * gap, rows * (s + gap + ty) + gap
    im, d = canvas(rng, w, h)
    f = font(rng, max(7, ty * 0.7) if title else 8)
    inverted = rng.random() < 0.15
    for r in range(rows):
        for c in range(cols):
            x, y = gap + c * (s + gap), gap // 2 + r * (s + gap + ty) + ty
            tile = mnist_digit(rng, s)
            if inverted:
                tile = Image.eval(tile, lambda v: 255 - v)
            im.paste(tile.convert("RGB"), (x, y))
            if title:
                text_centered(d, (x + s / 2, y - ty / 2), ["Label: %d", "%d", "pred %d", "y=%d"][rng.integers(4)] % rng.integers(10), f, (0, 0, 0))
    return im


def draw_blobs(rng):
    """A segmentation output: a few large flat-coloured smooth regions, on black or on white."""
    w, h = int(rng.integers(250, 700)), int(rng.integers(250, 700))
    bg = np.array((0, 0, 0) if rng.random() < 0.6 else (255, 255, 255), dtype=np.uint8)
    out = np.tile(bg, (h, w, 1))
    for _ in range(int(rng.integers(1, 4))):
        small = rng.random((int(rng.integers(3, 9)), int(rng.integers(3, 9))))
        field = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)).astype(float) / 255
        field += np.asarray(texture(rng, w, h).convert("L")).astype(float) / 255 * rng.uniform(0, 0.3)
        mask = field > rng.uniform(0.55, 0.8)
        out[mask] = colour(rng) if rng.random() < 0.5 else pastel(rng)
    im = Image.fromarray(out)
    return im.filter(ImageFilter.GaussianBlur(rng.uniform(0, 1))) if rng.random() < 0.5 else im


def unit_column(rng, d, x, top, bottom, width, f, line, fills, shadow):
    """One vertical column of labelled boxes with arrows; returns (top box, bottom box) rectangles."""
    n = int(rng.integers(1, 4))
    bw = int(min(rng.integers(70, 130), width * 0.85))
    bh = int(min(40, (bottom - top) / (2 * n + 1)))
    rects = []
    for k in range(n):
        cy = top + (k + 0.5) * (bottom - top) / n
        rect = [x - bw / 2, cy - bh / 2, x + bw / 2, cy + bh / 2]
        if shadow:
            d.rectangle([rect[0] + 3, rect[1] + 3, rect[2] + 3, rect[3] + 3], fill=(170, 170, 170))
        fill = fills[rng.integers(len(fills))]
        outline = tuple(max(0, int(c * 0.6)) for c in fill) if rng.random() < 0.5 else line
        d.rectangle(rect, fill=fill, outline=outline, width=int(rng.integers(1, 3)))
        text_centered(d, (x, cy), layer_label(rng).split("\n")[0], f, (0, 0, 0))
        if k > 0:
            arrow(d, (x, rects[-1][3]), (x, rect[1]), line, int(rng.integers(1, 3)), 6)
            if rng.random() < 0.3:
                d.text((x + 6, (rects[-1][3] + rect[1]) / 2 - 6), ["BN ReLU", "BN", "ReLU", "stride 2"][rng.integers(4)], font=f, fill=line)
        rects.append(rect)
    return rects[0], rects[-1]


def draw_branches(rng):
    """Paper-style block diagrams (Inception / ResNet / ShuffleNet units): 1-3 panels, each a split into parallel
    columns of coloured boxes that merge again, with (a), (b) labels."""
    panels = int(rng.integers(1, 4))
    pw, h = int(rng.integers(220, 420)), int(rng.integers(260, 520))
    w = panels * pw
    im, d = canvas(rng, w, h)
    f = font(rng, rng.integers(9, 15))
    line = ink(rng)
    fills = [pastel(rng) for _ in range(int(rng.integers(1, 5)))] if rng.random() < 0.85 else [(255, 255, 255)]
    shadow = rng.random() < 0.2
    for p in range(panels):
        cx0 = p * pw
        top_y, bot_y = 28, h - (45 if panels > 1 else 28)
        node = "circle" if rng.random() < 0.4 else "box"
        ends = []
        for yy in (top_y, bot_y):
            c = (cx0 + pw / 2, yy)
            if node == "circle":
                d.ellipse([c[0] - 9, yy - 9, c[0] + 9, yy + 9], fill=pastel(rng), outline=line)
            else:
                d.rectangle([c[0] - 55, yy - 14, c[0] + 55, yy + 14], fill=fills[0], outline=line)
                text_centered(d, c, ["Filter concat", "Concat", "Add", "Previous layer", "Input", "+"][rng.integers(6)], f, (0, 0, 0))
            ends.append(c)
        k = int(rng.integers(1, 5))
        for b in range(k):
            x = cx0 + (b + 0.5) * pw / k
            first, last = unit_column(rng, d, x, top_y + 35, bot_y - 35, pw / k, f if k < 4 else font(rng, 9), line, fills, shadow)
            # flow goes top → bottom or bottom → top
            src, dst = (ends[0], ends[1]) if rng.random() < 0.5 else (ends[1], ends[0])
            (a, z) = ((first[0] + first[2]) / 2, first[1]), ((last[0] + last[2]) / 2, last[3])
            if src[1] < dst[1]:
                arrow(d, (src[0], src[1] + 10), a, line, 1, 6)
                arrow(d, z, (dst[0], dst[1] - 12), line, 1, 6)
            else:
                arrow(d, (src[0], src[1] - 10), z, line, 1, 6)
                arrow(d, a, (dst[0], dst[1] + 12), line, 1, 6)
        if rng.random() < 0.4:  # identity shortcut drawn around the side
            sx = cx0 + 8
            d.line([(ends[0][0], ends[0][1]), (sx, ends[0][1] + 20), (sx, ends[1][1] - 20), (ends[1][0], ends[1][1])], fill=line, width=2)
        if panels > 1:
            text_centered(d, (cx0 + pw / 2, h - 12), "(%s)" % "abc"[p], f, line)
    return im


def add_caption(rng, im):
    """A paper's caption under the figure, 1-3 lines of small text across its width (any kind may have one)."""
    f = font(rng, max(9, min(18, im.width // 60 + int(rng.integers(0, 5)))))
    n = int(rng.integers(1, 4))
    lh = f.size + 4
    out = Image.new("RGB", (im.width, im.height + n * lh + 10), (255, 255, 255))
    out.paste(im, (0, 0))
    d = ImageDraw.Draw(out)
    for k in range(n):
        words, x = [], 0
        limit = im.width * (rng.uniform(0.3, 1) if k == n - 1 else 0.97)
        s = "Figure %d." % rng.integers(1, 9) if k == 0 else ""
        while d.textbbox((0, 0), s, font=f)[2] < limit - 40:
            s += " " + CAPTION_WORDS[rng.integers(len(CAPTION_WORDS))]
        d.text((5, im.height + 5 + k * lh), s.strip(), font=f, fill=(0, 0, 0))
    return out


DRAWERS = {
    "neurons": draw_neurons, "flow2d": draw_flow2d, "stacked2d": draw_stacked2d, "cuboids3d": draw_cuboids3d,
    "pipeline": draw_pipeline, "keras": lambda rng: draw_keras_like(rng, caffe=False),
    "caffe": lambda rng: draw_keras_like(rng, caffe=True), "linechart": draw_linechart, "barchart": draw_barchart,
    "scatter": draw_scatter, "confusion": draw_confusion, "samplegrid": draw_samplegrid, "photo": draw_photo,
    "segmap": draw_segmap, "heatmap": draw_heatmap, "branches": draw_branches, "mplcurves": draw_mplcurves,
    "featuregrid": draw_featuregrid, "digitstrip": draw_digitstrip, "blobs": draw_blobs,
}


def degrade(rng, im):
    """How figures reach us from papers: a caption below, rescaled (often small), blurred, JPEG, white margins."""
    if rng.random() < 0.2:
        im = add_caption(rng, im)
    r = rng.random()
    if r < 0.2:  # a small figure: the longer side 150-400 px, text barely legible
        s = rng.uniform(150, 400) / max(im.width, im.height)
        if s < 1:
            im = im.resize((max(8, int(im.width * s)), max(8, int(im.height * s))), Image.LANCZOS)
    elif r < 0.6:
        s = rng.uniform(0.4, 1.0)
        im = im.resize((max(8, int(im.width * s)), max(8, int(im.height * s))), Image.BILINEAR)
    if rng.random() < 0.3:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))
    if rng.random() < 0.25:
        buf = io.BytesIO()
        im.convert("RGB").save(buf, "JPEG", quality=int(rng.integers(30, 90)))
        im = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    if rng.random() < 0.4:
        m = int(rng.integers(0, 40)) if rng.random() < 0.7 else int(max(im.size) * rng.uniform(0.05, 0.2))
        bg = Image.new("RGB", (im.width + 2 * m, im.height + 2 * m), (255, 255, 255))
        bg.paste(im, (m, m))
        im = bg
    return im


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    import gen_looks  # here, not at the top: gen_looks draws with this module's helpers

    DRAWERS.update(gen_looks.DRAWERS)
    ap.add_argument("--kinds", default=",".join(ARCH_KINDS + gen_looks.ARCH_LOOKS + NEG_KINDS + gen_looks.NEG_LOOKS))
    arch_kinds = ARCH_KINDS + gen_looks.ARCH_LOOKS + gen_looks.EXTRA_ARCH_LOOKS
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    os.makedirs(args.out, exist_ok=True)
    samples = []
    for i in range(args.count):
        kind = kinds[i % len(kinds)]
        rng = np.random.default_rng([args.seed, i])
        im = degrade(rng, DRAWERS[kind](rng))
        name = "%06d-%s.png" % (i, kind)
        im.save(os.path.join(args.out, name))
        samples.append({"image": name, "style": kind, "architecture": kind in arch_kinds})
    with open(os.path.join(args.out, "manifest.json"), "w") as fh:
        json.dump({"format": "paper2net.classifier-figures/1", "seed": args.seed, "count": args.count, "samples": samples}, fh)


if __name__ == "__main__":
    main()
