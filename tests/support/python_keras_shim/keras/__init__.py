"""Just enough of the Keras 3 API, backed by torch, to run a generated Keras file without Keras.

Keras is not installed here. With this package first on sys.path, a generated file's build function
runs: every layer call is recorded (class, name, inbound layers) instead of computed, so the Python
wiring can be compared with the model JSON; `keras.ops` runs on torch for the file's own layers (LRN, DotProductAttention).
"""
import types

import torch

RECORDED = []


class KerasTensor:
    def __init__(self, layer_name):
        self.layer_name = layer_name


def _flatten(items):
    flat = []
    for item in items:
        flat.extend(item if isinstance(item, (list, tuple)) else [item])
    return flat


class Layer:
    def __init__(self, *args, name=None, **kwargs):
        self.name, self.args, self.kwargs = name, args, kwargs

    def __call__(self, *inputs, **kwargs):
        inbound = [tensor.layer_name for tensor in _flatten(inputs)]
        RECORDED.append({"class_name": type(self).__name__, "name": self.name, "inbound": inbound})
        return KerasTensor(self.name)

    def get_config(self):
        return {"name": self.name}


class _Layers:
    """`keras.layers`: any class name gives a recording Layer subclass of that name."""

    Layer = Layer

    def __getattr__(self, class_name):
        cls = type(class_name, (Layer,), {})
        setattr(self, class_name, cls)
        return cls


def Input(shape, dtype="float32", name=None):
    RECORDED.append({"class_name": "InputLayer", "name": name, "inbound": [], "shape": list(shape), "dtype": dtype})
    return KerasTensor(name)


class Model:
    def __init__(self, inputs, outputs, name=None):
        self.inputs = [tensor.layer_name for tensor in _flatten([inputs])]
        self.outputs = [tensor.layer_name for tensor in _flatten([outputs])]
        self.name = name


def _pad(x, pad_width):
    flat = []
    for before, after in reversed(pad_width):
        flat += [before, after]
    return torch.nn.functional.pad(x, flat)


layers = _Layers()
def _where(condition, x1, x2):
    as_tensor = lambda x: x if torch.is_tensor(x) else torch.tensor(x)
    return torch.where(condition, as_tensor(x1), as_tensor(x2))


ops = types.SimpleNamespace(
    pad=_pad,
    square=torch.square,
    power=torch.pow,
    matmul=torch.matmul,
    reshape=torch.reshape,
    transpose=lambda x, axes: x.permute(*axes),
    softmax=lambda x, axis=-1: torch.softmax(x, dim=axis),
    arange=torch.arange,
    where=_where,
)
saving = types.SimpleNamespace(register_keras_serializable=lambda package=None, name=None: (lambda cls: cls))
