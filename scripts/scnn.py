"""The engine's model file (.scnn), shared by the exporters: "SCNN", the length of a JSON
header (little-endian u32), the header (format, source, input, outputs, tensors, ops), then
the weights as little-endian float16. crates/nn/src/model_file.rs reads it."""
import json
import struct

import numpy as np


class Weights:
    """The weights, appended in order; each array's offset is counted in values."""

    def __init__(self):
        self.blob = bytearray()

    def add(self, array):
        start = len(self.blob) // 2
        self.blob.extend(np.asarray(array, np.float16).astype("<f2").tobytes())
        return start


def write(dst, header, weights):
    text = json.dumps({"format": "scnn 1", **header}, separators=(",", ":")).encode()
    with open(dst, "wb") as f:
        f.write(b"SCNN")
        f.write(struct.pack("<I", len(text)))
        f.write(text)
        f.write(weights.blob)
    print(f"{dst}: {len(header['ops'])} ops, {len(weights.blob) // 2} weights, "
          f"{len(text)} header bytes")
