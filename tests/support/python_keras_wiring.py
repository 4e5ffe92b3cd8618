"""Runs the build function of generated Keras files on the recording stand-in for Keras.

Usage: python_keras_wiring.py FILE...   → prints one JSON result per file after a marker line:
{"file", "layers": [{"class_name", "name", "inbound"}], "inputs", "outputs", "name", "error"}
"""
import json
import os
import runpy
import sys
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "python_keras_shim"))

import keras  # noqa: E402  (the stand-in)


def wiring(path):
    keras.RECORDED.clear()
    try:
        namespace = runpy.run_path(path, run_name="paper2net_keras_model")
        builders = [value for key, value in namespace.items() if key.startswith("build_") and callable(value)]
        model = builders[0]()
        return {"file": path, "layers": list(keras.RECORDED), "inputs": model.inputs, "outputs": model.outputs, "name": model.name, "error": None}
    except BaseException:  # noqa: BLE001
        return {"file": path, "layers": [], "inputs": [], "outputs": [], "name": None, "error": traceback.format_exc()}


results = [wiring(path) for path in sys.argv[1:]]
print("@@paper2net-results@@")
print(json.dumps(results))
