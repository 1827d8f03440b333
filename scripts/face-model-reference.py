"""Writes the face model's reference: a 192x192 picture of a face (centre square of a fixture
photo) and TensorFlow Lite's own outputs for it, which the Rust engine must reproduce
(tests/face_model.rs).

Usage: python3 face-model-reference.py SRC.tflite PHOTO OUT.png OUT.bin
"""
import sys

import numpy as np
import tensorflow as tf
from PIL import Image

src, photo, out_png, out_bin = sys.argv[1:5]
img = Image.open(photo).convert("RGB")
side = min(img.size)
left, top = (img.width - side) // 2, (img.height - side) // 2
img = img.crop((left, top, left + side, top + side)).resize((192, 192), Image.BILINEAR)
img.save(out_png)
x = (np.asarray(img, np.float32) / 127.5 - 1.0)[None]
interp = tf.lite.Interpreter(
    model_path=src,
    experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES,
)
interp.allocate_tensors()
interp.set_tensor(interp.get_input_details()[0]["index"], x)
interp.invoke()
outs = {tuple(d["shape"])[-1]: interp.get_tensor(d["index"]) for d in interp.get_output_details()}
scores, boxes = outs[1].reshape(-1), outs[16].reshape(-1)
with open(out_bin, "wb") as f:
    f.write(scores.astype("<f4").tobytes())
    f.write(boxes.astype("<f4").tobytes())
print(f"{out_bin}: {scores.size} scores (max logit {scores.max():.2f}), {boxes.size} box values")
