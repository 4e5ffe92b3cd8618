"""A stand-in for pycaffe's NetSpec (pycaffe is not installable here) that follows net_spec.py's
naming rules and prints the resulting layers as canonical JSON, so tests can compare a generated
NetSpec script with the prototxt written beside it."""
import json

# Layer type -> its <x>_param field, as net_spec.param_name_dict() derives it from caffe.proto.
PARAM_FIELDS = {
    "Convolution": "convolution", "Pooling": "pooling", "InnerProduct": "inner_product", "ReLU": "relu",
    "ELU": "elu", "PReLU": "prelu", "Softmax": "softmax", "Concat": "concat", "Eltwise": "eltwise",
    "LRN": "lrn", "Dropout": "dropout", "BatchNorm": "batch_norm", "Scale": "scale", "Input": "input",
    "Reshape": "reshape", "Embed": "embed", "Flatten": "flatten", "Sigmoid": "sigmoid", "TanH": "tanh",
}


class _Enum:
    def __init__(self, name):
        self.name = name


class _EnumOwner:
    def __getattr__(self, name):
        return _Enum(name)


class _Params:
    def __getattr__(self, name):
        return _EnumOwner()


class Top:
    def __init__(self, fn):
        self.fn = fn


class Function:
    def __init__(self, type_name, inputs, params):
        self.type_name = type_name
        self.inputs = inputs
        self.in_place = params.pop("in_place", False)
        self.params = params
        self.top = Top(self)


class _Layers:
    def __getattr__(self, type_name):
        return lambda *inputs, **params: Function(type_name, inputs, params).top


layers = _Layers()
params = _Params()


def _flatten(prefix, value, out):
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(prefix + "." + key, item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _flatten(prefix, item, out)
    elif isinstance(value, _Enum):
        out.append([prefix, value.name])
    elif isinstance(value, bool):
        out.append([prefix, "true" if value else "false"])
    else:
        out.append([prefix, repr(float(value))])


class NetProto:
    def __init__(self, layers):
        self.layers = layers
        self.name = None

    def __str__(self):
        return json.dumps({"name": self.name, "layers": self.layers})


class NetSpec:
    def __init__(self):
        super().__setattr__("tops", {})

    def __setattr__(self, name, top):
        self.tops[name] = top

    def __getattr__(self, name):
        return self.tops[name]

    def to_proto(self):
        names = {id(top.fn): name for name, top in self.tops.items()}
        blob_of = {}
        out = []
        for name, top in self.tops.items():
            fn = top.fn
            bottoms = [blob_of[id(inp.fn)] for inp in fn.inputs]
            blob = bottoms[0] if fn.in_place else names[id(fn)]
            blob_of[id(fn)] = blob
            fields = []
            for key, value in fn.params.items():
                field = key if key.endswith("param") else PARAM_FIELDS[fn.type_name] + "_param." + key
                _flatten(field, value, fields)
            out.append({"name": names[id(fn)], "type": fn.type_name, "bottom": bottoms, "top": [blob], "params": sorted(fields)})
        return NetProto(out)
