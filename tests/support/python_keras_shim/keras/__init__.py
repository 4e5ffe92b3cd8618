"""Just enough of the Keras 3 API, backed by torch, to run the custom layers a generated file defines.

Keras is not installed here; importing a generated Keras file with this package first on sys.path
defines its classes and build function without calling Keras itself.
"""
import types

import torch


class Layer:
    def __init__(self, name=None, **kwargs):
        self.name = name

    def get_config(self):
        return {"name": self.name}


def _pad(x, pad_width):
    flat = []
    for before, after in reversed(pad_width):
        flat += [before, after]
    return torch.nn.functional.pad(x, flat)


layers = types.SimpleNamespace(Layer=Layer)
ops = types.SimpleNamespace(pad=_pad, square=torch.square, power=torch.pow)
saving = types.SimpleNamespace(register_keras_serializable=lambda package=None, name=None: (lambda cls: cls))
