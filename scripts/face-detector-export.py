"""Exports YuNet, libfacedetection's face detector, to the engine's .scnn format.

The PyPI wheel yuface==2023.5.1 (BSD-3-Clause, licence in assets/models/LICENSE-
libfacedetection-BSD-3-Clause.txt) carries libfacedetection compiled, with the trained weights
as named float arrays (`backbone__model0_pw_weight`, ...) and a table, `param_pConvInfo`, of
the 53 layers in the order the detector runs them: channels, filters, depthwise or pointwise,
ReLU or not, and pointers to the weights and biases (relocations to those arrays). This script
reads them with pyelftools and writes the network as the Rust engine (crates/nn) runs it:

  3×3 convolution, stride 2 (the head) → 1×1 + 3×3 depthwise → 2×2 max pool → two blocks of
  two such units → pool → stride 8 (two blocks) → pool → stride 16 → pool → stride 32;
  a feature pyramid (nearest 2× upsampling and addition, top down); at each of the three
  strides 1×1 + 3×3 depthwise heads for the face score (cls), objectness (obj) and box.

The five-point landmark heads are left out (nothing here uses them). The engine's input is
RGB scaled to −1…1 and padded with −1; YuNet's is BGR 0…255 with zero padding, so the head's
channels are put in RGB order, its weights multiplied by 127.5 and 127.5·Σw added to its bias,
and its padding is −1 (black). Weights are stored as float16.

Usage: python3 face-detector-export.py LIBFACEDETECTION.so DST.scnn
"""
import struct
import sys

import numpy as np
from elftools.elf.elffile import ELFFile

import scnn

SOURCE = "yuface==2023.5.1 yuface/libfacedetection.so (libfacedetection's YuNet)"


def layers(path):
    """The 53 layers of param_pConvInfo: dicts of ch, nf, dw, pw, relu, w, b (float32)."""
    elf = ELFFile(open(path, "rb"))
    syms = {s.name: s for s in elf.get_section_by_name(".symtab").iter_symbols()}
    data = elf.get_section_by_name(".data")
    raw, base = data.data(), data["sh_addr"]
    target = {}
    for sec in elf.iter_sections():
        if sec.name.startswith(".rela"):
            table = elf.get_section(sec["sh_link"])
            for r in sec.iter_relocations():
                if r["r_info_sym"]:
                    target[r["r_offset"]] = table.get_symbol(r["r_info_sym"]).name

    def array(name):
        s = syms[name]
        at = s["st_value"] - base
        return np.frombuffer(raw[at:at + s["st_size"]], "<f4").astype(np.float32)

    table = syms["param_pConvInfo"]["st_value"]
    out = []
    for i in range(table_len(syms)):
        at = table + 32 * i
        ch, nf, dw, pw, relu = struct.unpack_from("<iibbb", raw, at - base)
        out.append(dict(ch=ch, nf=nf, dw=bool(dw), pw=bool(pw), relu=bool(relu),
                        name=target[at + 16], w=array(target[at + 16]), b=array(target[at + 24])))
    return out


def table_len(syms):
    """ConvInfoStruct: two ints, three bools, two pointers = 32 bytes."""
    return syms["param_pConvInfo"]["st_size"] // 32


WEIGHTS = scnn.Weights()
weights = WEIGHTS.add


class Graph:
    def __init__(self, L):
        self.L, self.ops, self.n = L, [], 1  # tensor 0 is the input

    def new(self):
        self.n += 1
        return self.n - 1

    def pw(self, x, i):
        l = self.L[i]
        assert l["pw"] and not l["dw"] and not l["relu"], l["name"]
        out = self.new()
        # [out][in] -> [cin][cout]
        w = l["w"].reshape(l["nf"], l["ch"]).T
        self.ops.append({"op": "conv", "in": x, "out": out, "k": 1, "stride": 1, "relu": False,
                         "cin": l["ch"], "cout": l["nf"], "w": weights(w), "b": weights(l["b"])})
        return out

    def dw(self, x, i):
        l = self.L[i]
        assert l["dw"] and l["ch"] == l["nf"], l["name"]
        out = self.new()
        # stored [tap][channel] = [ky][kx][c], the engine's layout
        self.ops.append({"op": "dwconv", "in": x, "out": out, "k": 3, "stride": 1,
                         "relu": l["relu"], "c": l["ch"], "w": weights(l["w"]),
                         "b": weights(l["b"]), "pad": [1, 1, 1, 1]})
        return out

    def unit(self, x, i):
        """ConvDPUnit: 1×1 (linear), 3×3 depthwise (+ ReLU unless a head)."""
        return self.dw(self.pw(x, i), i + 1)

    def block(self, x, i):
        return self.unit(self.unit(x, i), i + 2)

    def simple(self, op, x, **kw):
        out = self.new()
        self.ops.append({"op": op, "in": x, "out": out, **kw})
        return out

    def head(self, x):
        l = self.L[0]
        assert l["ch"] == 32 and l["nf"] == 16 and l["relu"]
        # [out][(ky*3+kx)*3 + bgr], channels 27..31 zero -> [ky][kx][rgb][out]
        w = l["w"].reshape(16, 32)[:, :27].reshape(16, 3, 3, 3)[:, :, :, ::-1]
        w = w.transpose(1, 2, 3, 0) * 127.5
        b = l["b"] + 127.5 * l["w"].reshape(16, 32)[:, :27].sum(axis=1)
        padded = self.simple("pad", x, top=1, bottom=1, left=1, right=1, value=-1.0)
        out = self.new()
        self.ops.append({"op": "conv", "in": padded, "out": out, "k": 3, "stride": 2,
                         "relu": True, "cin": 3, "cout": 16, "w": weights(w), "b": weights(b)})
        return out


def build(L):
    g = Graph(L)
    x = g.unit(g.head(0), 1)
    x = g.simple("max_pool2", x)
    x = g.block(g.block(x, 3), 7)
    x = g.simple("max_pool2", x)
    s8 = g.block(x, 11)
    s16 = g.block(g.simple("max_pool2", s8), 15)
    s32 = g.block(g.simple("max_pool2", s16), 19)
    # Feature pyramid, top down (lateral_convs 2, 1, 0).
    s32 = g.unit(s32, 27)
    s16 = g.simple("add", g.simple("upsample2", s32), in2=s16, relu=False)
    s16 = g.unit(s16, 25)
    s8 = g.simple("add", g.simple("upsample2", s16), in2=s8, relu=False)
    s8 = g.unit(s8, 23)
    outs = {}
    for level, (x, stride) in enumerate([(s8, 8), (s16, 16), (s32, 32)]):
        for name, first in (("cls", 29), ("box", 35), ("obj", 41)):
            outs[f"{name}{stride}"] = g.unit(x, first + 2 * level)
    return g, outs


def main():
    src, dst = sys.argv[1], sys.argv[2]
    L = layers(src)
    assert len(L) == 53, len(L)
    g, outs = build(L)
    header = {
        "source": SOURCE,
        "input": {"tensor": 0, "channels": 3, "trained_size": 320, "multiple_of": 32},
        "outputs": outs,
        "tensors": g.n,
        "ops": g.ops,
    }
    scnn.write(dst, header, WEIGHTS)


if __name__ == "__main__":
    main()
