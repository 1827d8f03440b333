"""What libfacedetection itself finds, for tests/face_model.rs to compare the engine with.

Runs the yuface wheel's own compiled detector (the library the model was exported from) on
fixture photos scaled to sides that are multiples of 32, and writes each scaled picture (PNG,
so the engine reads the same pixels) and the faces found: score (percent) and box x, y, w, h.

Usage: python3 face-detector-reference.py OUT_DIR (run from the project root)
"""
import json
import sys

import numpy as np
from PIL import Image
import yuface

PICTURES = [
    ("one_face_portrait.jpg", (320, 416)),
    ("two_people.jpg", (640, 352)),
    ("three_people_garden.jpg", (640, 480)),
]

out = sys.argv[1]
cases = []
for name, size in PICTURES:
    img = Image.open(f"tests/fixtures/images/{name}").convert("RGB").resize(size, Image.BILINEAR)
    png = f"yunet_{name.rsplit('.', 1)[0]}_{size[0]}x{size[1]}.png"
    img.save(f"{out}/{png}")
    bgr = np.ascontiguousarray(np.array(img)[:, :, ::-1])
    scores, boxes, _ = yuface.detect(bgr, conf=0.5)
    faces = [[int(s)] + [int(v) for v in b] for s, b in zip(scores, boxes)]
    cases.append({"picture": png, "faces": faces})
    print(png, faces)
with open(f"{out}/yunet_reference.json", "w") as f:
    json.dump({"source": "yuface==2023.5.1 yuface.detect(conf=0.5)", "cases": cases}, f, indent=1)
