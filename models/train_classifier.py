"""Train the figure classifier (architecture figure? which kind?) on synthetic figures only; export ONNX.

Reproducible: fixed seeds, deterministic torch ops, data from fixed-seed generators. See models/README.md for
the full command (data generation + training). The real corpus images are only evaluated, never trained on.

/usr/bin/python3 models/train_classifier.py --data DIR [DIR ...] --epochs 14 --out models/figure-classifier.onnx
"""
import argparse
import hashlib
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from preprocess import SIZE, load_rgba, preprocess  # noqa: E402

# Order is the model's output order; src/classify/classes.ts holds the same list.
CLASSES = ["other", "keras", "caffe", "neurons", "flow2d", "stacked2d", "cuboids3d", "pipeline", "table"]
# src/synth styles and models/gen_figures.py / gen_looks.py kinds → class. Anything not listed is a negative ("other").
STYLE_CLASS = {"keras": "keras", "keras2": "keras", "keras3": "keras", "caffe": "caffe", "smallgraph": "caffe",
               "neurons": "neurons", "flow2d": "flow2d", "branches": "flow2d", "resblock": "flow2d", "darkstrip": "flow2d",
               "blockstrip": "flow2d", "stacked2d": "stacked2d", "greystacks": "stacked2d", "cuboids3d": "cuboids3d",
               "linecuboids": "cuboids3d", "longcuboids": "cuboids3d", "slabs": "cuboids3d", "pipeline": "pipeline", "archtable": "table"}
# DLPaper2Code's five kinds: Keras and Caffe plots are 2-D box drawings; an architecture table is none of the five.
FIVE_KIND = {"keras": "flow2d", "caffe": "flow2d", "flow2d": "flow2d", "neurons": "neurons", "stacked2d": "stacked2d",
             "cuboids3d": "cuboids3d", "pipeline": "pipeline", "table": "table"}
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_ROOT = os.path.normpath(os.path.join(HERE, "../../shared/corpus"))
CORPUS = os.path.join(CORPUS_ROOT, "images")
MANIFEST = os.path.normpath(os.path.join(HERE, "../eval/manifest.json"))
REFERENCE_IMAGE = "arch/busyboxs__lenet.png"


class FigureNet(nn.Module):
    """A small plain CNN (≈0.24 M params, ≈10 M multiply-adds): 128² ink map → class probabilities."""

    def __init__(self, n_classes=len(CLASSES)):
        super().__init__()

        def conv(i, o, stride=1):
            return [nn.Conv2d(i, o, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]

        # A 2×2 max-pool first (a 1-px line survives it), then strided convs: the CPU budget is ≤ 20 ms per image.
        self.features = nn.Sequential(
            nn.MaxPool2d(2),  # 64
            *conv(1, 24, 2),  # 32
            *conv(24, 48, 2),  # 16
            *conv(48, 64), nn.MaxPool2d(2),  # 8
            *conv(64, 96), nn.MaxPool2d(2),  # 4
            *conv(96, 128),
        )
        self.dropout = nn.Dropout(0.3)
        self.head = nn.Linear(256, n_classes)

    def forward(self, x):
        f = self.features(x)
        # Average and max pooling both: "a few boxes" and "ink everywhere" are both telling.
        pooled = torch.cat([f.mean(dim=(2, 3)), f.amax(dim=(2, 3))], dim=1)
        return self.head(self.dropout(pooled))


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        return F.softmax(self.net(image), dim=1)


def class_of(style):
    return CLASSES.index(STYLE_CLASS.get(style, "other"))


def wear_image(rgba, seed):
    """A src/synth render through the wear of gen_figures.degrade (caption, small size, rescale, blur, JPEG,
    margins), so the Graphviz and SVG drawings vary as real figures do."""
    from PIL import Image
    from gen_figures import degrade

    im = Image.fromarray(rgba).convert("RGB")
    im = degrade(np.random.default_rng(seed), im).convert("RGBA")
    return np.asarray(im, dtype=np.uint8)


def load_dir(directory, exclude, wear=False):
    """Preprocessed tensors, labels and styles of one dataset dir (cached next to it, keyed by the preprocessing)."""
    manifest = os.path.join(directory, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest) as fh:
            samples = json.load(fh)["samples"]
    else:  # an interrupted run: both generators name files NNNNNN-style.png
        samples = [{"image": f, "style": f[:-4].split("-", 1)[1]} for f in sorted(os.listdir(directory)) if f.endswith(".png")]
    samples = [s for s in samples if s["style"] not in exclude]
    key = hashlib.sha1(open(os.path.join(HERE, "preprocess.py"), "rb").read() + (b"wear" if wear else b"")).hexdigest()[:10]
    cache = os.path.join(directory, "classifier-cache-%s-%s-%d.npz" % (key, hashlib.sha1(",".join(sorted(exclude)).encode()).hexdigest()[:6], len(samples)))
    if os.path.exists(cache):
        z = np.load(cache)
        return z["x"], z["y"], list(z["styles"])
    xs = []
    for i, s in enumerate(samples):
        rgba = load_rgba(os.path.join(directory, s["image"]))
        xs.append(preprocess(wear_image(rgba, [i, 7]) if wear else rgba))
    xs = np.stack(xs)
    ys = np.array([class_of(s["style"]) for s in samples], dtype=np.int64)
    styles = [s["style"] for s in samples]
    np.savez_compressed(cache, x=xs, y=ys, styles=np.array(styles))
    return xs, ys, styles


def augment(x, rng):
    """Batch augmentation on the ink maps, all at once: shrink (60–100 %, half the time) and shift a little about
    the centre, stroke weight (v^γ), horizontal mirror."""
    n = x.shape[0]
    scale = np.where(rng.random(n) < 0.5, rng.uniform(0.6, 1.0, n), 1.0)
    shift = rng.uniform(-8, 8, (n, 2)) * 2 / SIZE
    mirror = np.where(rng.random(n) < 0.5, -1.0, 1.0)
    theta = np.zeros((n, 2, 3), dtype=np.float32)
    theta[:, 0, 0] = mirror / scale
    theta[:, 1, 1] = 1 / scale
    theta[:, :, 2] = shift / scale[:, None]
    grid = F.affine_grid(torch.from_numpy(theta), list(x.shape), align_corners=False)
    out = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    gamma = torch.from_numpy(rng.uniform(0.6, 1.5, (n, 1, 1, 1)).astype(np.float32))
    return out.clamp(0, 1) ** gamma


def evaluate(net, x, batch=256):
    net.eval()
    with torch.no_grad():
        return torch.cat([F.softmax(net(x[i:i + batch]), dim=1) for i in range(0, len(x), batch)]).numpy()


def binary_report(probs, labels):
    pred_arch = probs[:, 0] < 0.5
    true_arch = labels != 0
    cm = [[int(((~true_arch) & (~pred_arch)).sum()), int(((~true_arch) & pred_arch).sum())],
          [int((true_arch & ~pred_arch).sum()), int((true_arch & pred_arch).sum())]]
    return float((pred_arch == true_arch).mean()), cm


def corpus_images():
    """The labelled real images of eval/manifest.json's classify section: (path under images/, architecture, kind)."""
    with open(MANIFEST) as fh:
        images = json.load(fh)["classify"]["images"]
    return [(e["input"][len("images/"):], e["architecture"], e.get("kind")) for e in images]


def corpus_report(probs, corpus):
    """Architecture-vs-not precision / recall / accuracy and the five-kind accuracy on the real images."""
    pred = probs[:, 0] < 0.5
    truth = np.array([a for _, a, _ in corpus])
    tp, fp = int((pred & truth).sum()), int((pred & ~truth).sum())
    fn, tn = int((~pred & truth).sum()), int((~pred & ~truth).sum())
    kinds = [(k, FIVE_KIND[CLASSES[1 + int(np.argmax(p[1:]))]]) for p, (_, a, k) in zip(probs, corpus) if a and k and k != "table"]
    return {"architecture_accuracy": round((tp + tn) / len(corpus), 4), "precision": round(tp / max(1, tp + fp), 4),
            "recall": round(tp / max(1, tp + fn), 4), "architecture_confusion": [[tn, fp], [fn, tp]],
            "five_kind_accuracy": round(sum(t == p for t, p in kinds) / max(1, len(kinds)), 4), "five_kind_images": len(kinds)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", nargs="+", required=True, help="dataset dirs with manifest.json (src/synth or gen_figures.py)")
    ap.add_argument("--wear", nargs="*", default=[], help="of those, the dirs whose images go through gen_figures' wear first (src/synth renders)")
    ap.add_argument("--exclude-styles", default="", help="comma-separated styles to leave out")
    ap.add_argument("--epochs", type=int, default=14)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--val-fraction", type=float, default=0.15)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "figure-classifier.onnx"))
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)  # a shared 2-core machine
    rng = np.random.default_rng(args.seed)
    exclude = set(filter(None, args.exclude_styles.split(",")))

    started = time.time()
    wear = {os.path.normpath(d) for d in args.wear}
    parts = [load_dir(d, exclude, os.path.normpath(d) in wear) for d in args.data]
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    styles = sum((p[2] for p in parts), [])
    print("data: %d images from %s in %.0f s; per class %s" % (len(x), args.data, time.time() - started,
          {c: int((y == i).sum()) for i, c in enumerate(CLASSES)}), flush=True)
    order = rng.permutation(len(x))
    n_val = int(len(x) * args.val_fraction)
    val_idx, train_idx = order[:n_val], order[n_val:]
    xt = torch.from_numpy(x[train_idx]).unsqueeze(1)
    yt = torch.from_numpy(y[train_idx])
    xv = torch.from_numpy(x[val_idx]).unsqueeze(1)
    yv = y[val_idx]

    # Balance the loss for the decision that matters, architecture or not: "other" carries 40 % of the total weight
    # (at 50 % the held-out synthetic split had four misses for every false alarm), the architecture kinds share the
    # rest by the square root of their counts (equal shares gave the 160 tables so much weight per image that
    # "table" became the kind of anything with text in it).
    counts = np.maximum(np.bincount(y[train_idx], minlength=len(CLASSES)).astype(np.float64), 1)
    root = np.sqrt(counts[1:])
    share = np.concatenate([[0.4], 0.6 * root / root.sum()])
    weights = torch.tensor(share * counts.sum() / counts, dtype=torch.float32)

    net = FigureNet()
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    steps = args.epochs * ((len(xt) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps)
    train_started = time.time()
    for epoch in range(args.epochs):
        net.train()
        perm = torch.from_numpy(rng.permutation(len(xt)))
        total, correct, loss_sum = 0, 0, 0.0
        for i in range(0, len(xt), args.batch):
            idx = perm[i:i + args.batch]
            xb, yb = augment(xt[idx], rng), yt[idx]
            logits = net(xb)
            loss = F.cross_entropy(logits, yb, weight=weights, label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            loss_sum += float(loss) * len(idx)
            correct += int((logits.argmax(1) == yb).sum())
            total += len(idx)
        pv = evaluate(net, xv)
        print("epoch %d: loss %.3f train acc %.3f | val acc %.3f val arch-acc %.3f | %.0f s" % (
            epoch + 1, loss_sum / total, correct / total, (pv.argmax(1) == yv).mean(), binary_report(pv, yv)[0],
            time.time() - train_started), flush=True)
    train_seconds = time.time() - train_started

    # Held-out synthetic split.
    pv = evaluate(net, xv)
    kind_cm = np.zeros((len(CLASSES), len(CLASSES)), dtype=int)
    for t, p in zip(yv, pv.argmax(1)):
        kind_cm[t, p] += 1
    val_arch_acc, val_cm = binary_report(pv, yv)
    # Per generator kind: which synthetic looks the model still gets wrong (architecture or not).
    val_styles = [styles[i] for i in val_idx]
    per_style = {}
    for st, p, t in zip(val_styles, pv[:, 0] < 0.5, yv != 0):
        c = per_style.setdefault(st, [0, 0])
        c[0] += int(p == t)
        c[1] += 1
    # Real corpus (test only).
    corpus = corpus_images()
    xc = torch.from_numpy(np.stack([preprocess(load_rgba(os.path.join(CORPUS, f))) for f, _, _ in corpus])).unsqueeze(1)
    pc = evaluate(net, xc)
    real = corpus_report(pc, corpus)
    per_image = {f: {"architecture": round(float(1 - p[0]), 4), "kind": CLASSES[1 + int(np.argmax(p[1:]))]}
                 for (f, _, _), p in zip(corpus, pc)}
    for f, r in per_image.items():
        print("  %-45s arch %.3f  %s" % (f, r["architecture"], r["kind"]))

    exported = Exported(net).eval()  # a new Module starts in training mode; export restores the mode it finds
    torch.onnx.export(exported, torch.zeros(1, 1, SIZE, SIZE), args.out, input_names=["image"], output_names=["probs"],
                      dynamic_axes={"image": {0: "batch"}, "probs": {0: "batch"}}, opset_version=13)

    # The fixed image both preprocessings must agree on, with the probabilities the model gives it.
    ref_x = preprocess(load_rgba(os.path.join(CORPUS, REFERENCE_IMAGE)))
    exported.eval()
    with torch.no_grad():
        ref_p = exported(torch.from_numpy(ref_x)[None, None]).numpy()[0]
    flat = ref_x.ravel()
    probe = list(range(0, flat.size, 61))
    report = {
        "classes": CLASSES, "input": [1, 1, SIZE, SIZE], "seed": args.seed, "epochs": args.epochs,
        "train_images": int(len(train_idx)), "val_images": int(n_val),
        "data": [os.path.basename(os.path.normpath(d)) for d in args.data], "excluded_styles": sorted(exclude),
        "train_seconds": round(train_seconds), "onnx_bytes": os.path.getsize(args.out),
        "params": sum(p.numel() for p in net.parameters()),
        "val": {"kind_accuracy": round(float((pv.argmax(1) == yv).mean()), 4), "architecture_accuracy": round(val_arch_acc, 4),
                "architecture_confusion": val_cm, "kind_confusion": kind_cm.tolist(),
                "architecture_correct_per_style": dict(sorted(per_style.items()))},
        "corpus": {**real, "per_image": per_image},
        "reference": {"image": REFERENCE_IMAGE, "sum": float(flat.astype(np.float64).sum()),
                      "probe_step": 61, "probe": [round(float(flat[i]), 6) for i in probe],
                      "probs": [round(float(v), 6) for v in ref_p]},
    }
    with open(os.path.splitext(args.out)[0] + ".json", "w") as fh:
        json.dump(report, fh, indent=1)
    print("val kind acc %.3f, val arch acc %.3f %s; corpus %s; onnx %d bytes; train %.0f s" % (
        report["val"]["kind_accuracy"], val_arch_acc, val_cm, real, report["onnx_bytes"], train_seconds))


if __name__ == "__main__":
    main()
