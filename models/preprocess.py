"""Figure image -> classifier input, the same arithmetic as src/classify/preprocess.ts (keep the two in step).

ink = alpha * (1 - luma/255) (1 = black ink, 0 = white paper); area-average so the longer side is SIZE, keeping
the aspect ratio; centre on a SIZE x SIZE square of paper (0); flip (1 - v) when the drawing is mostly dark.
"""
import math

import numpy as np
from PIL import Image

SIZE = 128


def load_rgba(path):
    """RGBA uint8 array (H, W, 4) of a PNG/JPEG file, as the Node CLI decodes it."""
    with Image.open(path) as im:
        return np.asarray(im.convert("RGBA"), dtype=np.uint8)


def ink_of(rgba):
    rgba = rgba.astype(np.float64)
    luma = 0.299 * rgba[..., 0] + 0.587 * rgba[..., 1] + 0.114 * rgba[..., 2]
    return (rgba[..., 3] / 255.0) * (1.0 - luma / 255.0)


def fitted_size(width, height, size=SIZE):
    scale = size / max(width, height)
    return max(1, math.floor(width * scale + 0.5)), max(1, math.floor(height * scale + 0.5))


def area_weights(n, m):
    """(m, n) matrix: output cell i averages input cells over [i*s, (i+1)*s), s = n/m, by overlap."""
    s = n / m
    lo = np.arange(m, dtype=np.float64)[:, None] * s
    hi = np.arange(1, m + 1, dtype=np.float64)[:, None] * s
    j = np.arange(n, dtype=np.float64)[None, :]
    return np.clip(np.minimum(j + 1, hi) - np.maximum(j, lo), 0, None) / s


def preprocess(rgba, size=SIZE):
    """(size, size) float32 model input for an (H, W, 4) uint8 RGBA image."""
    height, width = rgba.shape[:2]
    w, h = fitted_size(width, height, size)
    ink = ink_of(rgba)
    down = area_weights(height, h) @ (ink @ area_weights(width, w).T)
    if down.mean() > 0.5:
        down = 1.0 - down
    out = np.zeros((size, size), dtype=np.float32)
    x0, y0 = (size - w) // 2, (size - h) // 2
    out[y0:y0 + h, x0:x0 + w] = down
    return out
