"""More looks of real figures for models/gen_figures.py (PIL): the drawings real papers and blogs make that the
first generator did not cover, and the tables that sit between architecture and results.

Architecture: `archtable` (a network's layer table saved as an image: layer names, kernel shapes, sizes; the
`table` class), `linecuboids` (unfilled line-art 3-D boxes with their sizes on the edges and a column of layer
text under each, on white or black), `greystacks` (feature-map stacks drawn as grey fills without outlines, with
the lines that converge from a window to the next map), `resblock` (two or three boxes, large text and formulas,
an identity arrow curving round them), `smallgraph` (a Caffe draw_net of a handful of blobs and layers),
`darkstrip` (a strip of tall touching blocks with turned labels, grouped by colour, on white or black), `slabs`
(PlotNeuralNet: thin pastel slabs with small numbers, much white space).
Negative: `resultstable` (methods × metrics, numbers, the best in bold).
Drawn only on request (`--kinds`): `longcuboids` (3-D boxes lying along the flow, hidden edges dashed, kernel wedges
or arrows between them, dense layers as thin or slanted bars), `blockstrip` (a diagram editor's strip of blocks in
groups, with a title, braces naming the groups, Input / Output) and the negative `barhchart` (horizontal bar charts).
"""
import math

import numpy as np
from PIL import Image, ImageDraw

from gen_figures import arrow, canvas, colour, font, ink, pastel, text_centered  # noqa: F401  (shared drawing helpers)

LAYER_ROWS = ["Conv / s2", "Conv dw / s1", "Conv / s1", "Conv dw / s2", "Avg Pool / s1", "FC / s1", "Softmax / s1",
              "conv3-64", "conv3-128", "conv3-256", "conv3-512", "conv1-256", "maxpool", "FC-4096", "FC-1000", "soft-max",
              "conv1", "conv2_x", "conv3_x", "pool", "fc", "LRN", "Dropout", "3x3 conv, 64", "Inception (3a)",
              "Convolution", "Max pool", "Linear", "ReLU", "BatchNorm", "Embedding", "LSTM", "Attention", "Dense"]
SHAPE_CELLS = ["3 × 3 × 32", "3 × 3 × 32 dw", "1 × 1 × 64 × 128", "224 × 224 × 3", "112 × 112 × 64", "56 × 56 × 128",
               "28 × 28 × 256", "14 × 14 × 512", "7 × 7 × 1024", "1 × 1 × 1000", "Pool 7 × 7", "Classifier",
               "1024 × 1000", "3×3, 64", "[3×3, 128] × 2", "7×7, 64, stride 2", "3×3 max pool", "55×55×96", "4096"]
HEADERS = [["Type / Stride", "Filter Shape", "Input Size"], ["layer name", "output size", "18-layer", "34-layer"],
           ["Layer", "Kernel", "Stride", "Output"], ["type", "patch size/stride", "output size", "depth", "params"],
           ["Block", "Operation", "Channels", "Resolution"]]
METHODS = ["Ours", "Baseline", "ResNet-50", "VGG-16", "AlexNet", "DenseNet", "Inception-v3", "MobileNet", "SVM", "LSTM",
           "Transformer", "w/o attention", "w/o BN", "Random", "Human"]
METRICS = ["Top-1", "Top-5", "mAP", "Acc. (%)", "F1", "BLEU", "Params", "FLOPs", "Time (ms)", "IoU", "AUC", "Error"]
NET_WORDS = ["Conv. Layer", "Maxpool Layer", "Conn. Layer", "Convolution", "Subsampling", "Full connection",
             "3x3x192", "7x7x64-s-2", "2x2-s-2", "1x1x128", "3x3x256", "3x3x1024", "C1: feature maps", "S2: f. maps",
             "6@28x28", "16@10x10", "INPUT 32x32", "OUTPUT", "F6: layer 84", "conv", "pool", "fc"]


def text_size(d, s, f):
    box = d.textbbox((0, 0), s, font=f)
    return box[2] - box[0], box[3] - box[1]


def _table(rng, rows_text, header, bold_cells=()):
    f = font(rng, rng.integers(11, 20))
    d0 = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    cols = len(header)
    widths = [max(text_size(d0, r[c], f)[0] for r in rows_text + [header]) + 24 for c in range(cols)]
    lh = int(f.size * rng.uniform(1.35, 1.8))
    title = rng.random() < 0.4
    top = lh + 6 if title else 6
    w, h = sum(widths) + 12, top + lh * (len(rows_text) + 1) + 12
    im, d = canvas(rng, w, h)
    line = ink(rng)
    style = rng.integers(3)  # 0 full grid, 1 booktabs, 2 header rule only
    if title:
        text_centered(d, (w / 2, lh / 2 + 2), "Table %d. %s" % (rng.integers(1, 9), ["Architecture", "Results", "Body Architecture", "Comparison"][rng.integers(4)]), f, line)
    y = top
    for r, row in enumerate([header] + rows_text):
        x = 6
        for c, cell in enumerate(row):
            if cell:
                tw, th = text_size(d, cell, f)
                cx = x + 12 if (c == 0 and rng.random() < 0.5) else x + (widths[c] - tw) / 2
                d.text((cx, y + (lh - th) / 2 - 2), cell, font=f, fill=line)
                if (r, c) in bold_cells:
                    d.text((cx + 1, y + (lh - th) / 2 - 2), cell, font=f, fill=line)
            if style == 0:
                d.rectangle([x, y, x + widths[c], y + lh], outline=line)
            x += widths[c]
        if style == 1 and r in (0, len(rows_text)):
            d.line([(6, y + lh), (w - 6, y + lh)], fill=line, width=1)
        if style != 0 and r == 0:
            d.line([(6, y), (w - 6, y)], fill=line, width=2)
            d.line([(6, y + lh), (w - 6, y + lh)], fill=line, width=1)
        y += lh
    if style != 0:
        d.line([(6, y), (w - 6, y)], fill=line, width=2)
    return im


def draw_archtable(rng):
    """A network's layers as a table: layer names in the first column, kernel shapes and sizes beside them."""
    if rng.random() < 0.3:  # VGG-style configurations: columns of conv3-N with full-width pooling rows
        cols = int(rng.integers(2, 7))
        header = [chr(65 + c) for c in range(cols)]
        rows = []
        for stage in range(int(rng.integers(3, 6))):
            for _ in range(int(rng.integers(1, 4))):
                rows.append(["conv3-%d" % (64 * 2 ** min(stage, 3)) if rng.random() < 0.85 else "" for _ in range(cols)])
            rows.append(["maxpool"] + [""] * (cols - 1))
        rows += [["FC-4096"] + [""] * (cols - 1), ["FC-1000"] + [""] * (cols - 1), ["soft-max"] + [""] * (cols - 1)]
        return _table(rng, rows, header)
    header = list(HEADERS[rng.integers(len(HEADERS))])
    n = int(rng.integers(5, 22))
    rows = [[LAYER_ROWS[rng.integers(len(LAYER_ROWS))]] + [SHAPE_CELLS[rng.integers(len(SHAPE_CELLS))] for _ in header[1:]] for _ in range(n)]
    return _table(rng, rows, header)


def draw_resultstable(rng):
    """A results table: methods down, metrics across, numbers with the best in bold."""
    cols = int(rng.integers(2, 8))
    header = ["Method"] + [METRICS[rng.integers(len(METRICS))] for _ in range(cols)]
    n = int(rng.integers(3, 16))
    digits = int(rng.integers(1, 3))
    rows = [[METHODS[rng.integers(len(METHODS))]] + [("%." + str(digits) + "f") % rng.uniform(10, 99) for _ in range(cols)] for _ in range(n)]
    bold = {(n, c + 1) for c in range(cols)} if rng.random() < 0.6 else set()
    return _table(rng, rows, header, bold)


def _dark(rng):
    return rng.random() < 0.3


def wire_cuboid(d, x, y, w, h, depth, line, fill=None, lw=1):
    dx, dy = depth * 0.6, -depth * 0.45
    front = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    if fill is not None:
        d.polygon(front, fill=fill)
    for poly in (front, [(x, y), (x + dx, y + dy), (x + w + dx, y + dy), (x + w, y)], [(x + w, y), (x + w + dx, y + dy), (x + w + dx, y + h + dy), (x + w, y + h)]):
        d.line(poly + [poly[0]], fill=line, width=lw)
    return x + w + dx


def draw_linecuboids(rng):
    """Line-art 3-D boxes (YOLO / AlexNet drawings): sizes on the edges, a kernel box inside, layer text below."""
    n = int(rng.integers(3, 9))
    w, h = int(rng.integers(110, 190) * n), int(rng.integers(260, 520))
    dark = _dark(rng)
    im = Image.new("RGB", (w, h), (0, 0, 0) if dark else (255, 255, 255))
    d = ImageDraw.Draw(im)
    line = (230, 230, 230) if dark else ink(rng)
    f = font(rng, rng.integers(8, 13))
    x = 20.0
    hh = h * rng.uniform(0.35, 0.6)
    text_below = rng.random() < 0.6
    for i in range(n):
        thick = float(rng.uniform(4, 45))
        depth = hh * rng.uniform(0.3, 1.0)
        y = h * 0.45 - hh / 2
        right = wire_cuboid(d, x, y, thick, hh, depth, line, None, 1)
        if rng.random() < 0.6:
            kx, ky = x + thick * 0.2, y + hh * rng.uniform(0.2, 0.6)
            colour = ((200, 80, 80) if dark else line) if rng.random() < 0.5 else (120, 120, 220)
            wire_cuboid(d, kx, ky, max(3, thick * 0.3), hh * 0.12, depth * 0.12, colour, None, 1)
            nxt = right + rng.uniform(15, 45) + 10
            d.line([(kx, ky), (nxt, h * 0.45)], fill=colour)
            d.line([(kx, ky + hh * 0.12), (nxt, h * 0.45)], fill=colour)
        if rng.random() < 0.7:
            d.text((x - 14, y + hh / 2), str(int(rng.choice([448, 224, 112, 56, 28, 14, 7]))), font=f, fill=line)
            d.text((x + thick / 2, y + hh + 2), str(int(rng.choice([3, 64, 192, 256, 512, 1024]))), font=f, fill=line)
        if text_below:
            for k in range(int(rng.integers(1, 6))):
                d.text((x, h * 0.45 + hh / 2 + 18 + k * (f.size + 2)), NET_WORDS[rng.integers(len(NET_WORDS))], font=f, fill=line)
        x = right + rng.uniform(15, 45)
        hh *= rng.uniform(0.6, 0.95)
        if x > w - 50:
            break
    for _ in range(int(rng.integers(0, 3))):  # fully-connected layers as thin tall boxes
        if x > w - 30:
            break
        x = wire_cuboid(d, x, h * 0.25, 5, h * 0.4, 8, line, None, 1) + 20
    return im


def draw_greystacks(rng):
    """LeNet-style feature maps drawn as overlapping grey fills without outlines, windows projecting to the next map."""
    n = int(rng.integers(3, 8))
    w, h = int(rng.integers(120, 200) * n), int(rng.integers(220, 420))
    im, d = canvas(rng, w, h)
    f = font(rng, rng.integers(9, 14))
    line = ink(rng)
    x = 15.0
    size = h * rng.uniform(0.4, 0.6)
    if rng.random() < 0.6:  # an input picture with a drawn character
        d.rectangle([x, h / 2 - size / 2, x + size, h / 2 + size / 2], fill=(205, 205, 205))
        text_centered(d, (x + size / 2, h / 2), "ABCDEFGH"[rng.integers(8)], font(rng, int(size * 0.7)), (20, 20, 20))
        prev = (x + size * 0.5, h / 2 - size * 0.2)
        x += size + rng.uniform(15, 40)
    else:
        prev = None
    for i in range(n):
        depth = int(rng.integers(3, 12))
        off = float(rng.uniform(3, 8))
        fc = i >= n - 2 and rng.random() < 0.6
        fw, fh = (size * 0.1, size * 1.2) if fc else (size, size)
        y0 = h / 2 - fh / 2 - depth * off / 2
        for k in range(depth):
            g = int(rng.integers(120, 220))
            d.rectangle([x + k * off, y0 + k * off, x + k * off + fw, y0 + k * off + fh], fill=(g, g, g), outline=None if rng.random() < 0.7 else (90, 90, 90))
        target = (x + fw * 0.4, y0 + fh * 0.4)
        if prev is not None:
            d.line([prev, target], fill=line)
            d.line([(prev[0] + 6, prev[1] + 6), target], fill=line)
        if rng.random() < 0.8:
            d.text((x, max(2, y0 - 2 * f.size - 4)), NET_WORDS[rng.integers(len(NET_WORDS))] + "\n" + NET_WORDS[rng.integers(len(NET_WORDS))], font=f, fill=line)
        if rng.random() < 0.6:
            d.text((x, min(h - f.size - 2, y0 + fh + depth * off + 6)), ["Convolutions", "Subsampling", "Full connection", "Gaussian connections"][rng.integers(4)], font=f, fill=line)
        prev = (x + (depth - 1) * off + fw * 0.6, y0 + (depth - 1) * off + fh * 0.5)
        x += (depth - 1) * off + fw + rng.uniform(20, 50)
        size *= rng.uniform(0.55, 0.85)
        if x > w - 40:
            break
    return im


def draw_resblock(rng):
    """A residual or gated block: two or three boxes with large text, activations beside the arrows, a skip arrow
    curving round them into a circled plus, formulas to the side."""
    n = int(rng.integers(2, 4))
    f = font(rng, rng.integers(16, 30))
    bw, bh = int(f.size * rng.uniform(6, 9)), int(f.size * rng.uniform(1.6, 2.4))
    gap = int(f.size * rng.uniform(1.5, 3))
    w, h = bw + int(f.size * rng.uniform(8, 14)), (n + 1) * (bh + gap) + f.size * 3
    im, d = canvas(rng, w, h)
    line = ink(rng)
    fill = (255, 255, 255) if rng.random() < 0.6 else pastel(rng)
    cx = w * rng.uniform(0.4, 0.5)
    y = f.size * 1.5
    text_centered(d, (cx, y - f.size * 0.6), ["x", "input", "x_l", "a[l]"][rng.integers(4)], f, line)
    top = y
    for i in range(n):
        by = y + gap
        arrow(d, (cx, y), (cx, by), line, 2, 10)
        d.rectangle([cx - bw / 2, by, cx + bw / 2, by + bh], fill=fill, outline=line, width=2)
        text_centered(d, (cx, by + bh / 2), ["weight layer", "3x3 conv", "conv", "BN", "Linear", "1x1, 64"][rng.integers(6)], f, line)
        if i < n - 1 and rng.random() < 0.8:
            d.text((cx + 8, by + bh + gap * 0.2), "relu", font=f, fill=line)
        y = by + bh
    r = f.size * 0.5
    py = y + gap
    arrow(d, (cx, y), (cx, py - r), line, 2, 10)
    d.ellipse([cx - r, py - r, cx + r, py + r], outline=line, width=2)
    d.line([(cx - r * 0.6, py), (cx + r * 0.6, py)], fill=line, width=2)
    d.line([(cx, py - r * 0.6), (cx, py + r * 0.6)], fill=line, width=2)
    arrow(d, (cx, py + r), (cx, min(h - 2, py + r + gap * 0.7)), line, 2, 10)
    side = cx + bw / 2 + f.size * rng.uniform(1.5, 3)
    skip = (255, 0, 0) if rng.random() < 0.2 else line
    pts = [(cx, top + gap * 0.3)] + [(side - (side - cx) * (1 - math.sin(t * math.pi)) * 0.2 + 0 * t, top + gap * 0.3 + (py - top - gap * 0.3) * t) for t in np.linspace(0.1, 0.9, 12)] + [(cx + r, py)]
    d.line(pts, fill=skip, width=2)
    d.text((side + 6, (top + py) / 2), ["identity", "x", "shortcut"][rng.integers(3)], font=f, fill=skip)
    if rng.random() < 0.7:
        d.text((4, (top + py) / 2 - f.size), ["F(x)", "f(x)", "H(x)"][rng.integers(3)], font=f, fill=line)
    if rng.random() < 0.5:
        d.text((4, py + 2), "H(x) = F(x) + x", font=f, fill=line)
    return im


def octagon(d, cx, cy, rx, ry, fill, outline):
    pts = [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 9)[:-1] + math.pi / 8]
    d.polygon(pts, fill=fill, outline=outline)


def draw_smallgraph(rng):
    """Caffe draw_net of a small net: a few blue layer boxes and yellow blob octagons, one branch, arrows up or right."""
    f = font(rng, rng.integers(12, 22))
    ranks = int(rng.integers(3, 7))
    vertical = rng.random() < 0.7
    cell_w, cell_h = int(f.size * rng.uniform(10, 14)), int(f.size * rng.uniform(4, 6))
    width = cell_w * 2 + 40 if vertical else cell_w * ranks + 40
    height = cell_h * ranks + 40 if vertical else cell_h * 2 + 40
    im, d = canvas(rng, width, height)
    line = (0, 0, 0)
    blue = [(100, 149, 237), (120, 160, 230), (96, 140, 225)][rng.integers(3)]
    yellow = (240, 230, 140)
    nodes = []
    for k in range(ranks):
        layer = k % 2 == 0
        lane = 0 if rng.random() < 0.8 or k == 0 else 1
        cx = (20 + cell_w * (lane + 0.5)) if vertical else (20 + cell_w * (k + 0.5))
        cy = (height - 20 - cell_h * (k + 0.5)) if vertical else (20 + cell_h * (lane + 0.5))
        text = ["mnist (DATA)", "ip (INNER_PRODUCT)", "conv1 (CONVOLUTION)", "pool1 (POOLING)", "loss (SOFTMAX_LOSS)", "relu1 (RELU)"][rng.integers(6)] if layer else ["data", "ip", "label", "conv1", "pool1", "prob"][rng.integers(6)]
        tw, _ = text_size(d, text, f)
        if layer:
            d.rectangle([cx - tw / 2 - 10, cy - cell_h * 0.25, cx + tw / 2 + 10, cy + cell_h * 0.25], fill=blue, outline=line)
        else:
            octagon(d, cx, cy, tw / 2 + 14, cell_h * 0.28, yellow, line)
        text_centered(d, (cx, cy), text, f, line)
        nodes.append((cx, cy))
    for a, b in zip(nodes, nodes[1:]):
        dx, dy = b[0] - a[0], b[1] - a[1]
        norm = math.hypot(dx, dy) or 1
        arrow(d, (a[0] + dx / norm * cell_h * 0.3, a[1] + dy / norm * cell_h * 0.3), (b[0] - dx / norm * cell_h * 0.3, b[1] - dy / norm * cell_h * 0.3), line, 1, 10)
    if rng.random() < 0.6 and ranks >= 3:  # a side input (label) joining the last layer
        a, b = nodes[0], nodes[-1]
        side = (a[0] + cell_w, (a[1] + b[1]) / 2) if vertical else ((a[0] + b[0]) / 2, a[1] + cell_h)
        octagon(d, side[0], side[1], f.size * 2.5, cell_h * 0.28, yellow, line)
        text_centered(d, side, "label", f, line)
        arrow(d, a, (side[0], side[1] + (cell_h * 0.3 if vertical else -cell_h * 0.3)), line, 1, 10)
        arrow(d, side, b, line, 1, 10)
    return im


def draw_darkstrip(rng):
    """A VGG-like strip of tall narrow blocks touching in stages, labels turned 90°, stages told apart by colour."""
    stages = int(rng.integers(3, 7))
    f = font(rng, rng.integers(10, 16))
    bw = int(f.size * rng.uniform(1.4, 2.2))
    bh = int(f.size * rng.uniform(6, 9))
    dark = rng.random() < 0.4
    widths = [int(rng.integers(2, 5)) for _ in range(stages)]
    gap = int(bw * rng.uniform(0.3, 1.2))
    w = sum(widths) * bw + (stages + 3) * gap + 2 * bw * 2
    h = bh + int(f.size * rng.uniform(2, 6))
    im = Image.new("RGB", (w, h), (0, 0, 0) if dark else (255, 255, 255))
    d = ImageDraw.Draw(im)
    line = (20, 20, 20)
    conv_fill = (255, 255, 255) if dark or rng.random() < 0.5 else pastel(rng)
    special = [(250, 200, 200), (200, 235, 200), (200, 220, 250), (255, 230, 170)]
    y0 = (h - bh) / 2
    x = 2 * bw
    colour = (30, 150, 230) if rng.random() < 0.5 else (200, 200, 200) if dark else ink(rng)
    arrow(d, (4, h / 2), (x - 4, h / 2), colour, int(rng.integers(2, 6)), 12)
    for s in range(stages):
        for k in range(widths[s]):
            last = k == widths[s] - 1 and s < stages - 1
            fill = special[s % 2] if last else (special[1] if s == stages - 1 else conv_fill)
            d.rectangle([x, y0, x + bw, y0 + bh], fill=fill, outline=line)
            label = ("Pooling" if last else "Dense" if s == stages - 1 else "Conv %d-%d" % (s + 1, k + 1))
            tmp = Image.new("L", (int(bh), int(bw)), 0)
            ImageDraw.Draw(tmp).text((6, (bw - f.size) / 2 - 1), label, font=f, fill=255)
            d.bitmap((x, y0), tmp.rotate(90, expand=True), fill=(0, 0, 0))
            x += bw
        x += gap
    arrow(d, (x, h / 2), (min(w - 2, x + 2 * bw), h / 2), colour, int(rng.integers(2, 6)), 12)
    return im


def draw_slabs(rng):
    """PlotNeuralNet: thin pastel slabs (conv) with darker bands (relu), pools as narrow red slabs, small numbers."""
    n = int(rng.integers(4, 12))
    w, h = int(rng.integers(60, 120) * n), int(rng.integers(200, 420))
    im, d = canvas(rng, w, h)
    f = font(rng, rng.integers(7, 11))
    conv = (255, 228, 181) if rng.random() < 0.6 else pastel(rng)
    band = (236, 170, 110)
    pool = (200, 90, 90)
    line = (80, 80, 80) if rng.random() < 0.7 else (150, 150, 150)
    x = 20.0
    hh = h * rng.uniform(0.5, 0.8)
    for i in range(n):
        slabs = int(rng.integers(1, 4))
        depth = hh * rng.uniform(0.3, 0.9)
        y = h / 2 - hh / 2 + depth * 0.2
        for k in range(slabs):
            t = float(rng.uniform(4, 16))
            right = wire_cuboid(d, x, y, t, hh, depth, line, conv, 1)
            d.rectangle([x + t * 0.6, y + 1, x + t - 1, y + hh - 1], fill=band)
            x += t
        if rng.random() < 0.6:
            wire_cuboid(d, x, y + hh * 0.1, 3, hh * 0.8, depth * 0.8, line, pool, 1)
            x += 3
        if rng.random() < 0.7:
            d.text((x - 10, y + hh + 3), str(int(rng.choice([64, 128, 256, 512, 1024]))), font=f, fill=(0, 0, 0))
            d.text((x - 22, y + hh / 2), str(int(rng.choice([224, 112, 56, 28, 14, 7]))), font=f, fill=(0, 0, 0))
        nx = right + rng.uniform(12, 35)
        if rng.random() < 0.7:
            arrow(d, (right - depth * 0.3, h / 2), (nx, h / 2), (0, 0, 0), 1, 5)
        x = nx
        hh *= rng.uniform(0.7, 1.0)
        if x > w - 40:
            break
    if x < w - 30 and rng.random() < 0.6:  # the softmax slab
        wire_cuboid(d, x, h * 0.3, 8, h * 0.35, 12, line, (180, 100, 180), 1)
    return im


def dashed(d, p, q, fill, dash=4):
    n = max(1, int(math.hypot(q[0] - p[0], q[1] - p[1]) / dash))
    for k in range(0, n, 2):
        a, b = k / n, min(1, (k + 1) / n)
        d.line([(p[0] + (q[0] - p[0]) * a, p[1] + (q[1] - p[1]) * a), (p[0] + (q[0] - p[0]) * b, p[1] + (q[1] - p[1]) * b)], fill=fill)


def draw_longcuboids(rng):
    """3-D boxes lying along the flow (channels drawn as length, the face as the spatial size): line art, light grey
    or pastel fills, hidden edges dashed, kernel boxes and wedges or arrows between them, dense layers as thin
    upright or slanted bars, numbers on the edges or columns of layer text below."""
    n = int(rng.integers(3, 8))
    w, h = int(rng.integers(100, 180) * (n + 2)), int(rng.integers(220, 480))
    im, d = canvas(rng, w, h)
    line = ink(rng)
    f = font(rng, rng.integers(8, 14))
    fill = [None, (238, 238, 238), (255, 235, 200), pastel(rng)][rng.integers(4)]
    tint = [(230, 120, 110), (120, 120, 230), (90, 160, 160)][rng.integers(3)]
    hidden = rng.random() < 0.5
    link = ["wedge", "arrow", "none"][rng.integers(3)]
    text_below = rng.random() < 0.4
    unit = w / (n + 2)
    cy = h * rng.uniform(0.4, 0.55)
    face = h * rng.uniform(0.3, 0.55)
    x = 15.0
    if rng.random() < 0.6:  # the input as a thin tall plane
        x = wire_cuboid(d, x, cy - face * 0.7, float(rng.uniform(3, 10)), face * 1.4, face * rng.uniform(0.2, 0.6), line, fill, 1) + unit * 0.2
    for i in range(n):
        length = unit * rng.uniform(0.4, 0.9)
        depth = face * rng.uniform(0.3, 0.9)
        y = cy - face / 2
        right = wire_cuboid(d, x, y, length, face, depth, line, fill, 1)
        if hidden:  # the three edges behind, dashed
            bx, by = x + depth * 0.6, y + face - depth * 0.45
            dashed(d, (x, y + face), (bx, by), line)
            dashed(d, (bx, by), (bx + length, by), line)
            dashed(d, (bx, by), (bx, y - depth * 0.45), line)
        nxt = right + unit * rng.uniform(0.15, 0.4)
        if link == "wedge":  # a kernel box at the end of this box, its window widening to the next
            kx, ky, ks = x + length * rng.uniform(0.6, 0.9), cy - face * 0.15, face * 0.3
            d.rectangle([kx, ky, kx + ks * 0.3, ky + ks], fill=tint, outline=line)
            d.polygon([(kx + ks * 0.3, ky), (kx + ks * 0.3, ky + ks), (nxt + 4, cy)], fill=tuple(min(255, c + 60) for c in tint), outline=tint)
        elif link == "arrow":
            arrow(d, (right - depth * 0.3, cy), (nxt, cy), line, int(rng.integers(1, 3)), 8)
        if rng.random() < 0.7:
            d.text((x + length / 2, y + face + 3), str(int(rng.choice([64, 96, 128, 256, 384, 512, 1024]))), font=f, fill=line)
            d.text((right - depth * 0.2, y + face - depth * 0.3), str(int(rng.choice([224, 55, 27, 13, 7]))), font=f, fill=line)
        if text_below:
            for k in range(int(rng.integers(1, 6))):
                d.text((x, y + face + f.size * (k + 2)), NET_WORDS[rng.integers(len(NET_WORDS))], font=f, fill=line)
        x = nxt
        face *= rng.uniform(0.7, 0.95)
        if x > w - unit:
            break
    slanted = rng.random() < 0.4
    for k in range(int(rng.integers(1, 4))):  # dense layers
        if x > w - 20:
            break
        if rng.random() < 0.3 and k > 0:  # crossing lines between two dense layers
            d.line([(x - 18, cy - 10), (x - 4, cy + 10)], fill=line)
            d.line([(x - 18, cy + 10), (x - 4, cy - 10)], fill=line)
        if slanted:
            bar = [(x, cy + face * 0.8), (x + 6, cy + face * 0.8), (x + 6 + face * 0.9, cy - face * 0.8), (x + face * 0.9, cy - face * 0.8)]
            d.polygon(bar, fill=[(200, 235, 210), (238, 238, 238)][rng.integers(2)], outline=line)
            x += face * 0.9 + 25
        else:
            x = wire_cuboid(d, x, cy - face, 6, face * 2, 8, line, fill, 1) + 25
    return im


GROUP_WORDS = ["Convolutional and Pooling Layers", "Fully-Connected Layers", "Encoder", "Decoder", "Feature extractor",
               "Classifier", "Block 1", "Stage 2", "Backbone", "Head"]


def draw_blockstrip(rng):
    """A strip of blocks in groups, as diagram editors draw it: tall blocks with turned labels or squarer ones with
    level text, square or rounded, a colour per layer type, groups touching or apart; around it what such figures
    carry: a title, braces under groups with their names, Input / Output beside the end arrows, much empty ground."""
    f = font(rng, rng.integers(10, 16))
    turned = rng.random() < 0.6
    bw = int(f.size * (rng.uniform(1.4, 2.4) if turned else rng.uniform(4, 7)))
    bh = int(f.size * (rng.uniform(6, 10) if turned else rng.uniform(2, 4)))
    groups = [int(rng.integers(1, 5)) for _ in range(int(rng.integers(3, 8)))]
    gap = int(bw * rng.uniform(0.2, 1.0)) if turned else int(f.size * rng.uniform(1.5, 3))
    w = sum(groups) * bw + (len(groups) + 5) * gap + 6 * f.size
    h = int(bh * rng.uniform(1.6, 3.2)) + 4 * f.size
    im, d = canvas(rng, w, h)
    line = ink(rng)
    types = [(255, 255, 255), pastel(rng), pastel(rng), pastel(rng)]
    rounded = rng.random() < 0.4
    y0 = h * rng.uniform(0.3, 0.45) - bh / 2 + f.size
    arrows_between = not turned or rng.random() < 0.3
    colour = (30, 150, 230) if rng.random() < 0.4 else line
    x = 3 * f.size
    arrow(d, (4, y0 + bh / 2), (x - 4, y0 + bh / 2), colour, int(rng.integers(1, 6)), 10)
    if rng.random() < 0.5:
        d.text((2, y0 + bh / 2 - 2 * f.size), ["Input", "input", "x", "Image"][rng.integers(4)], font=f, fill=line)
    if rng.random() < 0.5:
        text_centered(d, (w / 2, f.size), ["Model Architecture", "Network", "Proposed model", "CNN"][rng.integers(4)], font(rng, f.size + 4), line)
    for gi, size in enumerate(groups):
        start = x
        for k in range(size):
            kind = int(rng.integers(1, 4)) if k == size - 1 and rng.random() < 0.6 else 0
            box = [x, y0, x + bw, y0 + bh]
            if rounded:
                d.rounded_rectangle(box, radius=max(2, bw // 6), fill=types[kind], outline=line)
            else:
                d.rectangle(box, fill=types[kind], outline=line)
            label = LAYER_WORDS_SHORT[rng.integers(len(LAYER_WORDS_SHORT))] + ("" if rng.random() < 0.5 else " %d-%d" % (gi + 1, k + 1))
            if turned:
                tmp = Image.new("L", (int(bh), int(bw)), 0)
                ImageDraw.Draw(tmp).text((6, (bw - f.size) / 2 - 1), label, font=f, fill=255)
                d.bitmap((x, y0), tmp.rotate(90, expand=True), fill=line)
            else:
                text_centered(d, (x + bw / 2, y0 + bh / 2), label, f, line)
            x += bw
            if not turned and k < size - 1:
                arrow(d, (x, y0 + bh / 2), (x + gap, y0 + bh / 2), line, 1, 6)
                x += gap
        if rng.random() < 0.5:  # a brace under the group and its name
            by = y0 + bh + f.size * 0.6
            d.line([(start, by), (start, by + 5), (x, by + 5), (x, by)], fill=line)
            text_centered(d, ((start + x) / 2, by + 6 + f.size), GROUP_WORDS[rng.integers(len(GROUP_WORDS))], f, line)
        if arrows_between and gi < len(groups) - 1:
            arrow(d, (x, y0 + bh / 2), (x + gap, y0 + bh / 2), line, int(rng.integers(1, 3)), 8)
        x += gap
    arrow(d, (x, y0 + bh / 2), (min(w - 2, x + 2 * f.size), y0 + bh / 2), colour, int(rng.integers(1, 6)), 10)
    if rng.random() < 0.5:
        d.text((x, y0 + bh / 2 - 2 * f.size), ["Output", "output", "y", "Class"][rng.integers(4)], font=f, fill=line)
    return im


LAYER_WORDS_SHORT = ["Conv", "Pooling", "Dense", "ReLU", "BN", "Dropout", "Max pool", "FC", "Softmax", "Upsample", "Concat"]


def draw_barhchart(rng):
    """Horizontal bar charts (error rates or timings per method): names on the left, bars of many lengths, values
    at their ends, vertical grid lines, sometimes groups under headings and hatched bars — rows of long boxes that
    are no network (the counterpart of the strips and lying cuboids)."""
    f = font(rng, rng.integers(9, 15))
    rows = int(rng.integers(4, 22))
    lh = int(f.size * rng.uniform(1.3, 2.2))
    left = int(f.size * rng.uniform(6, 12))
    w, h = left + int(rng.integers(250, 600)), rows * lh + 4 * f.size
    im, d = canvas(rng, w, h)
    line = ink(rng)
    x0, x1, y = left, w - 3 * f.size, 2 * f.size
    ticks = int(rng.integers(2, 7))
    for k in range(ticks + 1):
        gx = x0 + (x1 - x0) * k / ticks
        d.line([(gx, y), (gx, h - 2 * f.size)], fill=line if rng.random() < 0.5 else (180, 180, 180))
        text_centered(d, (gx, h - f.size), "%g" % (k * rng.choice([1, 2, 5, 10, 100])), f, line)
    fills = [line, colour(rng), (255, 255, 255)]
    for r in range(rows):
        if rng.random() < 0.15:  # a group heading
            d.text((4, y), ["No Language Model", "with global training", "[dist]", "Baselines", "Ours"][rng.integers(5)], font=f, fill=line)
            y += lh
            continue
        d.text((4, y), METHODS[rng.integers(len(METHODS))], font=f, fill=line)
        v = x0 + (x1 - x0) * rng.uniform(0.02, 1.0)
        fill = fills[rng.integers(3)]
        d.rectangle([x0, y + lh * 0.15, v, y + lh * 0.8], fill=fill, outline=line)
        if fill == (255, 255, 255) and rng.random() < 0.6:  # hatching
            for hx in range(int(x0), int(v) - 4, 6):
                d.line([(hx, y + lh * 0.8), (hx + 5, y + lh * 0.15)], fill=line)
        if rng.random() < 0.7:
            d.text((v + 4, y), "%.1f" % rng.uniform(0.1, 50), font=f, fill=line)
        y += lh
        if y > h - 2 * f.size - lh:
            break
    return im


DRAWERS = {
    "archtable": draw_archtable, "resultstable": draw_resultstable, "linecuboids": draw_linecuboids,
    "greystacks": draw_greystacks, "resblock": draw_resblock, "smallgraph": draw_smallgraph,
    "darkstrip": draw_darkstrip, "slabs": draw_slabs, "longcuboids": draw_longcuboids, "blockstrip": draw_blockstrip,
    "barhchart": draw_barhchart,
}
ARCH_LOOKS = ["archtable", "linecuboids", "greystacks", "resblock", "smallgraph", "darkstrip", "slabs"]
NEG_LOOKS = ["resultstable"]
# Drawn only when asked for (gen_figures.py --kinds), so that the default set (pil3, the committed model's) stays as it
# was; models/README.md ("Tried since") says what training with them did.
EXTRA_ARCH_LOOKS = ["longcuboids", "blockstrip"]
EXTRA_NEG_LOOKS = ["barhchart"]
