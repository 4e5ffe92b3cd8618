"""Checks a generated Keras file's LocalResponseNormalization against torch.nn.LocalResponseNorm.

Usage: python_keras_lrn.py FILE SIZE ALPHA BETA K   → prints the largest absolute difference as JSON.
"""
import json
import os
import runpy
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "python_keras_shim"))

import torch  # noqa: E402

path, size, alpha, beta, k = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
namespace = runpy.run_path(path, run_name="paper2net_keras_model")
layer = namespace["LocalResponseNormalization"](size=size, alpha=alpha, beta=beta, k=k, name="lrn")
torch.manual_seed(0)
channels_last = torch.randn(2, 6, 5, 12) * 3
ours = layer.call(channels_last)
reference = torch.nn.LocalResponseNorm(size, alpha=alpha, beta=beta, k=k)(channels_last.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
print(json.dumps({"max_difference": float((ours - reference).abs().max()), "config": layer.get_config()}))
