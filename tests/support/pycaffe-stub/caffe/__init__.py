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
    "Slice": "slice",
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
        self.ntop = params.pop("ntop", 1)
        self.params = params
        self.tops = tuple(Top(self) for _ in range(self.ntop))


class _Layers:
    """As in net_spec.py: one top is returned as is, several as a tuple, none as the layer itself."""

    def __getattr__(self, type_name):
        def layer(*inputs, **params):
            fn = Function(type_name, inputs, params)
            return fn if fn.ntop == 0 else fn.tops[0] if fn.ntop == 1 else fn.tops
        return layer


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
        # Like net_spec.py: tops are named by the attributes they were assigned to, a layer by its
        # first top (or its own attribute when it has none), in-place layers write their bottom.
        names = {id(value): name for name, value in self.tops.items()}
        blob_of = {}
        done = set()
        out = []

        def emit(fn):
            if id(fn) in done:
                return
            done.add(id(fn))
            for inp in fn.inputs:
                emit(inp.fn)
            bottoms = [blob_of[id(inp)] for inp in fn.inputs]
            tops = bottoms[:1] if fn.in_place else [names[id(top)] for top in fn.tops]
            for top, blob in zip(fn.tops, tops):
                blob_of[id(top)] = blob
            fields = []
            for key, value in fn.params.items():
                field = key if key.endswith("param") else PARAM_FIELDS[fn.type_name] + "_param." + key
                _flatten(field, value, fields)
            name = names[id(fn.tops[0])] if fn.tops else names[id(fn)]
            out.append({"name": name, "type": fn.type_name, "bottom": bottoms, "top": tops, "params": sorted(fields)})

        for value in self.tops.values():
            emit(value if isinstance(value, Function) else value.fn)
        return NetProto(out)
