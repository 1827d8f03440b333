"""Writes the face mesh model's reference: a 192x192 crop around a fixture photo's face (the
square MediaPipe would cut: the face box grown 1.5 times) and TensorFlow Lite's own outputs for
it (468 landmarks x, y, z in crop pixels, then the face-presence logit), which the Rust engine
must reproduce (tests/face_mesh_model.rs).

Usage: python3 face-mesh-reference.py SRC.tflite PHOTO CX CY SIDE OUT.png OUT.bin
"""
import sys

import numpy as np
import tensorflow as tf
from PIL import Image

src, photo = sys.argv[1:3]
cx, cy, side = (int(v) for v in sys.argv[3:6])
out_png, out_bin = sys.argv[6:8]
img = Image.open(photo).convert("RGB")
box = (cx - side // 2, cy - side // 2, cx - side // 2 + side, cy - side // 2 + side)
img = img.crop(box).resize((192, 192), Image.BILINEAR)
img.save(out_png)
x = (np.asarray(img, np.float32) / 255.0)[None]
interp = tf.lite.Interpreter(
    model_path=src,
    experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES,
)
interp.allocate_tensors()
interp.set_tensor(interp.get_input_details()[0]["index"], x)
interp.invoke()
outs = {tuple(d["shape"])[-1]: interp.get_tensor(d["index"]) for d in interp.get_output_details()}
landmarks, flag = outs[1404].reshape(-1), outs[1].reshape(-1)
with open(out_bin, "wb") as f:
    f.write(landmarks.astype("<f4").tobytes())
    f.write(flag.astype("<f4").tobytes())
lm = landmarks.reshape(-1, 3)
print(f"{out_bin}: {lm.shape[0]} landmarks, face logit {flag[0]:.2f}, "
      f"lips 13/14 at {lm[13, :2].round(1)} / {lm[14, :2].round(1)}")
