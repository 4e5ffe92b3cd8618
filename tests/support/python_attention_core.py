"""Checks the attention core of generated files against torch.nn.MultiheadAttention with identity projections.

Usage: python_attention_core.py PYTORCH_FILE KERAS_FILE
  PYTORCH_FILE defines dot_product_attention(query, key, value, heads, causal); KERAS_FILE defines the
  DotProductAttention layer, run here on a torch-backed stand-in for keras.ops. Prints, per case, the
  largest absolute difference of each from the reference, as JSON.
"""
import json
import os
import runpy
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "python_keras_shim"))

import torch  # noqa: E402

torch_file, keras_file = sys.argv[1], sys.argv[2]
attend = runpy.run_path(torch_file, run_name="paper2net_model")["dot_product_attention"]
KerasAttention = runpy.run_path(keras_file, run_name="paper2net_keras_model")["DotProductAttention"]


def reference(query, key, value, heads, causal):
    """nn.MultiheadAttention whose four projections are the identity: the bare core."""
    features = query.shape[-1]
    mha = torch.nn.MultiheadAttention(features, heads, bias=False, batch_first=True)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.eye(features).repeat(3, 1))
        mha.out_proj.weight.copy_(torch.eye(features))
    mask = torch.ones(query.shape[1], key.shape[1], dtype=torch.bool).triu(1) if causal else None
    with torch.no_grad():
        return mha(query, key, value, attn_mask=mask, need_weights=False)[0]


torch.manual_seed(0)
cases = {
    "self": (5, 5, 8, 2, False),
    "self causal": (6, 6, 12, 3, True),
    "cross": (4, 7, 8, 4, False),
    "cross causal": (4, 7, 8, 1, True),
}
results = {}
for name, (steps, key_steps, features, heads, causal) in cases.items():
    query = torch.randn(2, steps, features)
    memory = torch.randn(2, key_steps, features)
    values = memory * 0.5 + 1
    expected = reference(query, memory, values, heads, causal)
    ours = attend(query, memory, values, heads=heads, causal=causal)
    keras = KerasAttention(heads=heads, causal=causal, name="core").call(query, memory, values)
    results[name] = {"pytorch": float((ours - expected).abs().max()), "keras": float((keras - expected).abs().max())}
print(json.dumps(results))
