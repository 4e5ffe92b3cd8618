"""Runs several generated Python files in one interpreter (torch imports once) and reports each as JSON.

Usage: python_batch.py run|compile|inspect FILE...
       python_batch.py forward SPEC.json
  run      executes each file as __main__, capturing its stdout/stderr and any exception
  compile  byte-compiles each file (py_compile) without running it
  inspect  lists what each file imports and which names it calls (for injection checks)
  forward  for each {"file", "inputs": [{"shape", "dtype", "data"}], "uniform_weights"?} in SPEC,
           builds the file's nn.Module in eval mode (optionally with uniform_weights), runs it on
           exactly those inputs and returns the outputs' data
"""
import ast
import contextlib
import io
import json
import py_compile
import runpy
import sys
import traceback


def run(path):
    out, err = io.StringIO(), io.StringIO()
    error = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            runpy.run_path(path, run_name="__main__")
        except BaseException:  # noqa: BLE001 - SystemExit and friends are failures of the file too
            error = traceback.format_exc()
    return {"file": path, "stdout": out.getvalue(), "stderr": err.getvalue(), "error": error}


def compile_only(path):
    try:
        py_compile.compile(path, doraise=True)
        return {"file": path, "error": None}
    except py_compile.PyCompileError as exc:
        return {"file": path, "error": str(exc)}


def inspect(path):
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), filename=path)
    imports, calls, names = set(), set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imports.add(node.module or "")
        elif isinstance(node, ast.Call):
            calls.add(ast.unparse(node.func))
        elif isinstance(node, ast.Name):
            names.add(node.id)
    return {"file": path, "imports": sorted(imports), "calls": sorted(calls), "names": sorted(names)}


def uniform_weights(model):
    """Weights another framework can reproduce without a converter: each weight 1 / fan-in, biases 0, scales 1."""
    import torch

    with torch.no_grad():
        for module in model.modules():
            for name, parameter in module.named_parameters(recurse=False):
                if "bias" in name:
                    parameter.zero_()
                elif isinstance(module, torch.nn.Embedding):
                    parameter.fill_(0.1)
                elif parameter.dim() == 1:
                    parameter.fill_(1.0)
                else:
                    parameter.fill_(parameter.shape[0] / parameter.numel())


def forward(job):
    import torch

    try:
        namespace = runpy.run_path(job["file"], run_name="paper2net_model")
        classes = [value for value in namespace.values() if isinstance(value, type) and issubclass(value, torch.nn.Module) and value.__module__ == "paper2net_model"]
        model = classes[0]().eval()
        if job.get("uniform_weights"):
            uniform_weights(model)
        dtypes = {"float32": torch.float32, "int64": torch.int64}
        inputs = [torch.tensor(spec["data"], dtype=dtypes[spec["dtype"]]).reshape(spec["shape"]) for spec in job["inputs"]]
        with torch.no_grad():
            outputs = model(*inputs)
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
        return {"file": job["file"], "outputs": [{"shape": list(o.shape), "data": o.flatten().tolist()} for o in outputs], "error": None}
    except BaseException:  # noqa: BLE001
        return {"file": job["file"], "outputs": [], "error": traceback.format_exc()}


def main():
    mode, paths = sys.argv[1], sys.argv[2:]
    if mode == "forward":
        with open(paths[0], encoding="utf-8") as handle:
            results = [forward(job) for job in json.load(handle)]
    else:
        action = {"run": run, "compile": compile_only, "inspect": inspect}[mode]
        results = [action(path) for path in paths]
    sys.stdout.flush()
    print("@@paper2net-results@@")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
