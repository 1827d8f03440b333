"""Exports a MediaPipe model from the wheel to the engine's .scnn format.

Used for the face mesh (assets/models/face_landmark.scnn); the face detector comes from
libfacedetection (scripts/face-detector-export.py). The .tflite files store weights block-sparse (DENSIFY)
or as float16 behind DEQUANTIZE ops; TensorFlow Lite's own interpreter makes them dense, then
every op is written as one line of a small JSON graph followed by the weights as little-endian
float16 (the models' own precision, so nothing is rounded). The Rust engine (crates/nn) runs
that graph.

Usage: python3 face-model-export.py SRC.tflite DST.scnn SOURCE OUTPUTS MULTIPLE
  SOURCE   where the model comes from (written in the header)
  OUTPUTS  output names by their last dimension, e.g. "1=scores,16=boxes"
  MULTIPLE input sides must be multiples of this
"""
import sys

import numpy as np
import tensorflow as tf
from tensorflow.lite.python import schema_py_generated as schema
from tensorflow.lite.tools import flatbuffer_utils as fu

import scnn

src, dst = sys.argv[1], sys.argv[2]
SOURCE = sys.argv[3]
OUTPUTS = {int(k): v for k, v in (pair.split("=") for pair in sys.argv[4].split(","))}
MULTIPLE = int(sys.argv[5])

# 1. Dense weights: run the interpreter once, keeping every intermediate tensor.
interp = tf.lite.Interpreter(
    model_path=src,
    experimental_preserve_all_tensors=True,
    experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES,
)
interp.allocate_tensors()
inp = interp.get_input_details()[0]
interp.set_tensor(inp["index"], np.zeros(inp["shape"], np.float32))
interp.invoke()

model = fu.read_model(src)
graph = model.subgraphs[0]
NAMES = {v: k for k, v in schema.BuiltinOperator.__dict__.items() if not k.startswith("_")}


def op_name(op):
    code = model.operatorCodes[op.opcodeIndex]
    return NAMES[max(code.builtinCode, code.deprecatedBuiltinCode)]


# Tensors whose value is a constant (directly, or through DENSIFY / DEQUANTIZE).
constant = {}
for i, t in enumerate(graph.tensors):
    data = model.buffers[t.buffer].data
    if data is not None and len(data) > 0 and t.sparsity is None:
        dtype = {0: np.float32, 1: np.float16, 2: np.int32}[t.type]
        constant[i] = np.frombuffer(bytes(data), dtype).reshape(t.shape)
for op in graph.operators:
    if op_name(op) in ("DENSIFY", "DEQUANTIZE"):
        constant[op.outputs[0]] = interp.get_tensor(op.outputs[0])

WEIGHTS = scnn.Weights()
weights = WEIGHTS.add


def shape(t):
    return [int(d) for d in graph.tensors[t].shape]


# 2. The graph: activation tensors are renumbered 0.. in order of appearance.
ids = {graph.inputs[0]: 0}


def tid(t):
    if t not in ids:
        ids[t] = len(ids)
    return ids[t]


ops = []
for op in graph.operators:
    name = op_name(op)
    opt = op.builtinOptions
    if name in ("DENSIFY", "DEQUANTIZE"):
        continue
    if name == "PAD":
        pads = constant[op.inputs[1]]
        assert pads[0].tolist() == [0, 0], pads
        if pads[1].tolist() == [0, 0] and pads[2].tolist() == [0, 0]:
            # Zero channels added after the existing ones (the face mesh's widening shortcuts).
            assert pads[3][0] == 0, pads
            ops.append({"op": "pad_channels", "in": tid(op.inputs[0]),
                        "out": tid(op.outputs[0]), "after": int(pads[3][1])})
        else:
            assert pads[3].tolist() == [0, 0], pads
            ops.append({"op": "pad", "in": tid(op.inputs[0]), "out": tid(op.outputs[0]),
                        "top": int(pads[1][0]), "bottom": int(pads[1][1]),
                        "left": int(pads[2][0]), "right": int(pads[2][1])})
    elif name in ("CONV_2D", "DEPTHWISE_CONV_2D"):
        w = constant[op.inputs[1]].astype(np.float32)
        b = constant[op.inputs[2]].astype(np.float32)
        assert opt.strideW == opt.strideH and opt.dilationWFactor == 1 and opt.dilationHFactor == 1
        assert opt.fusedActivationFunction in (0, 1)  # none, ReLU
        k = int(w.shape[1])
        assert w.shape[2] == k
        stride = int(opt.strideW)
        # SAME padding as TensorFlow places it: the total the output size needs, the odd
        # pixel after. With even input sides (multiples of MULTIPLE) it is the same at any size.
        same = (0, 0)
        if opt.padding == 0:
            size = shape(op.inputs[0])[1]
            total = max((-(-size // stride) - 1) * stride + k - size, 0)
            same = (total // 2, total - total // 2)
        entry = {"in": tid(op.inputs[0]), "out": tid(op.outputs[0]), "k": k,
                 "stride": stride, "relu": opt.fusedActivationFunction == 1}
        if name == "CONV_2D":
            if same != (0, 0):
                padded = tid(("same", op.outputs[0]))
                ops.append({"op": "pad", "in": entry["in"], "out": padded, "top": same[0],
                            "bottom": same[1], "left": same[0], "right": same[1]})
                entry["in"] = padded
            # OHWI -> [kh][kw][cin][cout]: the output channels are the inner, contiguous loop.
            entry.update(op="conv", cin=int(w.shape[3]), cout=int(w.shape[0]),
                         w=weights(w.transpose(1, 2, 3, 0)), b=weights(b))
        else:
            assert opt.depthMultiplier == 1
            entry.update(op="dwconv", c=int(w.shape[3]), w=weights(w[0]), b=weights(b))
            if same != (0, 0):
                entry["pad"] = [same[0], same[1], same[0], same[1]]
        ops.append(entry)
    elif name == "ADD":
        assert shape(op.inputs[0]) == shape(op.inputs[1])
        ops.append({"op": "add", "in": tid(op.inputs[0]), "in2": tid(op.inputs[1]),
                    "out": tid(op.outputs[0]), "relu": opt.fusedActivationFunction == 1})
    elif name == "PRELU":
        alpha = constant[op.inputs[1]].astype(np.float32).reshape(-1)
        assert alpha.size == shape(op.inputs[0])[-1]
        ops.append({"op": "prelu", "in": tid(op.inputs[0]), "out": tid(op.outputs[0]),
                    "alpha": weights(alpha), "c": int(alpha.size)})
    elif name == "MAX_POOL_2D":
        assert (opt.filterWidth, opt.filterHeight, opt.strideW, opt.strideH) == (2, 2, 2, 2)
        assert opt.padding == 1 and opt.fusedActivationFunction == 0
        ops.append({"op": "max_pool2", "in": tid(op.inputs[0]), "out": tid(op.outputs[0])})
    else:
        raise SystemExit(f"unsupported op {name}")

outs = {}
for t in graph.outputs:
    outs[OUTPUTS[shape(t)[-1]]] = tid(t)
header = {
    "source": SOURCE,
    "input": {"tensor": 0, "channels": int(shape(graph.inputs[0])[3]),
              "trained_size": int(shape(graph.inputs[0])[1]), "multiple_of": MULTIPLE},
    "outputs": outs,
    "tensors": len(ids),
    "ops": ops,
}
scnn.write(dst, header, WEIGHTS)
