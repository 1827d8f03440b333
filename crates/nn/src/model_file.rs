//! The `.scnn` file: "SCNN", a little-endian u32 header length, a JSON header (the operations
//! in order, tensor numbers, weight offsets), then the weights as little-endian float16.
//! `scripts/face-model-export.py` writes it.

use super::depthwise;
use super::kernels;
use super::merged_heads;
use super::{ModelError, Tensor};

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    Pad {
        #[serde(rename = "in")]
        input: usize,
        out: usize,
        top: usize,
        bottom: usize,
        left: usize,
        right: usize,
        /// What the new pixels hold (0 unless said: −1 is black in the model's input).
        #[serde(default)]
        value: f32,
    },
    Conv {
        #[serde(rename = "in")]
        input: usize,
        out: usize,
        k: usize,
        stride: usize,
        relu: bool,
        cin: usize,
        cout: usize,
        w: usize,
        b: usize,
        /// A residual tensor added to the sums before `relu`: an addition reading only this
        /// 1×1 convolution's output is folded in when the model is read.
        #[serde(default)]
        add: Option<usize>,
        /// Padding (top, bottom, left, right) done inside the convolution, as for `Dwconv`,
        /// and the value it holds (the first layer's is the input's black, −1).
        #[serde(default)]
        pad: (usize, usize, usize, usize),
        #[serde(default)]
        pad_value: f32,
    },
    Dwconv {
        #[serde(rename = "in")]
        input: usize,
        out: usize,
        k: usize,
        stride: usize,
        relu: bool,
        c: usize,
        w: usize,
        b: usize,
        /// Zero padding (top, bottom, left, right) done inside the convolution: a padding
        /// operation feeding only this one is folded in when the model is read.
        #[serde(default)]
        pad: (usize, usize, usize, usize),
        /// 2×2 max pooling of the output: a pooling reading only this convolution's output
        /// is folded in when the model is read.
        #[serde(default)]
        pooled: bool,
    },
    Add {
        #[serde(rename = "in")]
        input: usize,
        in2: usize,
        out: usize,
        relu: bool,
    },
    /// 2× upsampling, each pixel repeated over 2×2 (PyTorch's `nearest`).
    Upsample2 {
        #[serde(rename = "in")]
        input: usize,
        out: usize,
    },
    /// Per-channel leaky ReLU: negative values times `alpha[c]`.
    Prelu {
        #[serde(rename = "in")]
        input: usize,
        out: usize,
        alpha: usize,
        c: usize,
    },
    /// 2×2 maximum, stride 2.
    MaxPool2 {
        #[serde(rename = "in")]
        input: usize,
        out: usize,
    },
    /// `after` zero channels added after the existing ones.
    PadChannels {
        #[serde(rename = "in")]
        input: usize,
        out: usize,
        after: usize,
    },
    /// Channels `from..from + len` (the heads' outputs of one merged convolution; see
    /// `merged_heads`).
    Channels {
        #[serde(rename = "in")]
        input: usize,
        out: usize,
        from: usize,
        len: usize,
    },
}

#[derive(Debug, Clone, serde::Deserialize)]
struct Header {
    format: String,
    input: InputSpec,
    outputs: std::collections::BTreeMap<String, usize>,
    tensors: usize,
    ops: Vec<Op>,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct InputSpec {
    pub tensor: usize,
    pub channels: usize,
    /// The square size the model was trained at.
    pub trained_size: usize,
    /// Input sides must be multiples of this (the total stride of the network).
    pub multiple_of: usize,
}

/// A loaded model: its operations and weights (float32 in memory).
#[derive(Debug, Clone)]
pub struct Network {
    pub(crate) ops: Vec<Op>,
    weights: Vec<f32>,
    tensors: usize,
    pub input: InputSpec,
    outputs: std::collections::BTreeMap<String, usize>,
}

impl Network {
    pub fn parse(bytes: &[u8]) -> Result<Network, ModelError> {
        let bad = |why: &str| ModelError::Format(why.to_string());
        if bytes.len() < 8 || &bytes[..4] != b"SCNN" {
            return Err(bad("no SCNN magic"));
        }
        let len = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        let text = bytes
            .get(8..8 + len)
            .ok_or_else(|| bad("header cut short"))?;
        let header: Header =
            serde_json::from_slice(text).map_err(|e| ModelError::Format(e.to_string()))?;
        if header.format != "scnn 1" {
            return Err(ModelError::Format(format!("format {}", header.format)));
        }
        let raw = &bytes[8 + len..];
        if !raw.len().is_multiple_of(2) {
            return Err(bad("weights cut short"));
        }
        let mut weights: Vec<f32> = raw
            .chunks_exact(2)
            .map(|p| f16_to_f32(u16::from_le_bytes([p[0], p[1]])))
            .collect();
        let ops = fold_max_pools(
            fold_residual_adds(fold_padding(header.ops, header.tensors), header.tensors),
            (header.tensors, &header.outputs),
        );
        let mut tensors = header.tensors;
        let ops = merged_heads::merge(ops, (&mut weights, &mut tensors), &header.outputs);
        let net = Network {
            ops,
            weights,
            tensors,
            input: header.input,
            outputs: header.outputs,
        };
        net.validate()?;
        Ok(net)
    }

    /// Every tensor number and weight range the operations name exists.
    fn validate(&self) -> Result<(), ModelError> {
        let n = self.tensors;
        for op in &self.ops {
            if !self.in_range(op) {
                return Err(ModelError::Format(format!(
                    "operation out of range: {op:?}"
                )));
            }
        }
        if self.input.tensor >= n
            || self.input.multiple_of == 0
            || self.outputs.values().any(|&t| t >= n)
        {
            return Err(ModelError::Format("input or output out of range".into()));
        }
        Ok(())
    }

    /// Whether the tensor numbers and weight ranges `op` names exist.
    fn in_range(&self, op: &Op) -> bool {
        let n = self.tensors;
        let fits =
            |at: usize, len: usize| at.checked_add(len).is_some_and(|e| e <= self.weights.len());
        match *op {
            Op::Pad { input, out, .. }
            | Op::MaxPool2 { input, out }
            | Op::PadChannels { input, out, .. }
            | Op::Channels { input, out, .. }
            | Op::Upsample2 { input, out } => input < n && out < n,
            Op::Add {
                input, in2, out, ..
            } => input < n && in2 < n && out < n,
            Op::Conv {
                input,
                out,
                k,
                stride,
                cin,
                cout,
                w,
                b,
                add,
                ..
            } => {
                input < n
                    && out < n
                    && add.is_none_or(|t| t < n)
                    && stride > 0
                    && fits(w, k * k * cin * cout)
                    && fits(b, cout)
            }
            Op::Dwconv {
                input,
                out,
                k,
                stride,
                c,
                w,
                b,
                ..
            } => input < n && out < n && stride > 0 && fits(w, k * k * c) && fits(b, c),
            Op::Prelu {
                input,
                out,
                alpha,
                c,
            } => input < n && out < n && fits(alpha, c),
        }
    }

    /// Runs the graph on `input` and returns the named outputs.
    pub fn run(
        &self,
        input: Tensor,
    ) -> Result<std::collections::BTreeMap<String, Tensor>, ModelError> {
        let m = self.input.multiple_of;
        if input.c != self.input.channels
            || input.h == 0
            || input.w == 0
            || !input.h.is_multiple_of(m)
            || !input.w.is_multiple_of(m)
        {
            return Err(ModelError::Input {
                h: input.h,
                w: input.w,
                c: input.c,
                why: format!(
                    "needs {} channels and sides that are multiples of {m}",
                    self.input.channels
                ),
            });
        }
        let mut slots: Vec<Option<Tensor>> = vec![None; self.tensors];
        // How many operations still read each tensor, so it is freed after its last use.
        let mut readers = reader_counts(&self.ops, self.tensors);
        slots[self.input.tensor] = Some(input);
        for op in &self.ops {
            let w = |at: usize, len: usize| &self.weights[at..at + len];
            let (out, value) = match *op {
                Op::Pad {
                    input,
                    out,
                    top,
                    bottom,
                    left,
                    right,
                    value,
                } => (
                    out,
                    kernels::pad(slot(&slots, input)?, (top, bottom, left, right), value),
                ),
                Op::Conv {
                    input,
                    out,
                    k,
                    stride,
                    relu,
                    cin,
                    cout,
                    w: wa,
                    b,
                    add,
                    pad,
                    pad_value,
                } => {
                    let x = slot(&slots, input)?;
                    if x.c != cin {
                        return Err(ModelError::Format(format!(
                            "conv expects {cin} channels, got {}",
                            x.c
                        )));
                    }
                    let residual = add.map(|t| slot(&slots, t)).transpose()?;
                    let (top, bottom, left, right) = pad;
                    let out_shape = (
                        kernels::valid_size(x.h + top + bottom, k, stride),
                        kernels::valid_size(x.w + left + right, k, stride),
                        cout,
                    );
                    if residual.is_some_and(|r| (r.h, r.w, r.c) != out_shape) {
                        return Err(ModelError::Format("add of different shapes".into()));
                    }
                    let (wv, bv) = (w(wa, k * k * cin * cout), w(b, cout));
                    crate::arithmetic::count((out_shape.0 * out_shape.1 * wv.len()) as u64);
                    let then = kernels::Then {
                        add: residual,
                        relu,
                    };
                    (
                        out,
                        kernels::conv_then(x, wv, bv, (k, stride), (pad, pad_value), then),
                    )
                }
                Op::Dwconv {
                    input,
                    out,
                    k,
                    stride,
                    relu,
                    c,
                    w: wa,
                    b,
                    pad,
                    pooled,
                } => {
                    let x = slot(&slots, input)?;
                    if x.c != c {
                        return Err(ModelError::Format(format!(
                            "depthwise expects {c} channels, got {}",
                            x.c
                        )));
                    }
                    let (wv, bv) = (w(wa, k * k * c), w(b, c));
                    let (top, bottom, left, right) = pad;
                    let sums = kernels::valid_size(x.h + top + bottom, k, stride)
                        * kernels::valid_size(x.w + left + right, k, stride);
                    crate::arithmetic::count((sums * wv.len()) as u64);
                    let run = if pooled {
                        depthwise::depthwise_pooled
                    } else {
                        depthwise::depthwise
                    };
                    (out, run(x, wv, bv, (k, stride), pad, relu))
                }
                Op::Add {
                    input,
                    in2,
                    out,
                    relu,
                } => {
                    let (a, b) = (slot(&slots, input)?, slot(&slots, in2)?);
                    if (a.h, a.w, a.c) != (b.h, b.w, b.c) {
                        return Err(ModelError::Format("add of different shapes".into()));
                    }
                    // The first operand's buffer becomes the sum when nothing else reads it.
                    let a = self.take_or_copy(&mut slots, &readers, input, in2)?;
                    (out, kernels::add(a, slot(&slots, in2)?, relu))
                }
                Op::Upsample2 { input, out } => (out, kernels::upsample2(slot(&slots, input)?)),
                Op::Prelu {
                    input,
                    out,
                    alpha,
                    c,
                } => {
                    if slot(&slots, input)?.c != c {
                        return Err(ModelError::Format(format!("prelu expects {c} channels")));
                    }
                    let x = self.take_or_copy(&mut slots, &readers, input, usize::MAX)?;
                    (out, kernels::prelu(x, w(alpha, c)))
                }
                Op::MaxPool2 { input, out } => (out, kernels::max_pool2(slot(&slots, input)?)),
                Op::PadChannels { input, out, after } => {
                    (out, kernels::pad_channels(slot(&slots, input)?, after))
                }
                Op::Channels {
                    input,
                    out,
                    from,
                    len,
                } => {
                    let x = slot(&slots, input)?;
                    if from + len > x.c {
                        return Err(ModelError::Format(format!(
                            "channels {from}..{} of {}",
                            from + len,
                            x.c
                        )));
                    }
                    (out, kernels::channels(x, from, len))
                }
            };
            for t in op.inputs() {
                readers[t] -= 1;
                if readers[t] == 0 && !self.is_output(t) {
                    slots[t] = None;
                }
            }
            slots[out] = Some(value);
        }
        self.outputs
            .iter()
            .map(|(name, &t)| {
                slots[t]
                    .take()
                    .map(|v| (name.clone(), v))
                    .ok_or_else(|| ModelError::Format(format!("output {name} never made")))
            })
            .collect()
    }
}

impl Network {
    fn is_output(&self, t: usize) -> bool {
        self.outputs.values().any(|&o| o == t)
    }

    /// Tensor `t` itself when this operation is its last reader (and `other`, the operation's
    /// other input, is not the same tensor), else a copy.
    fn take_or_copy(
        &self,
        slots: &mut [Option<Tensor>],
        readers: &[usize],
        t: usize,
        other: usize,
    ) -> Result<Tensor, ModelError> {
        if readers[t] == 1 && t != other && !self.is_output(t) {
            slots[t].take().ok_or_else(|| unmade(t))
        } else {
            slot(slots, t).cloned()
        }
    }
}

fn unmade(t: usize) -> ModelError {
    ModelError::Format(format!("tensor {t} used before it is made"))
}

fn slot(slots: &[Option<Tensor>], t: usize) -> Result<&Tensor, ModelError> {
    slots[t].as_ref().ok_or_else(|| unmade(t))
}

/// How many operations read each of the `tensors` tensors (numbers out of range are left for
/// `validate` to refuse).
pub(crate) fn reader_counts(ops: &[Op], tensors: usize) -> Vec<usize> {
    let mut counts = vec![0usize; tensors];
    for t in ops.iter().flat_map(Op::inputs) {
        if let Some(c) = counts.get_mut(t) {
            *c += 1;
        }
    }
    counts
}

/// Zero padding: top, bottom, left, right.
pub type Padding = (usize, usize, usize, usize);

/// Padding that only a convolution reads is done inside it (no padded copy): the depthwise
/// ones, and the k×k ones (YuNet's first layer: the padded copy of its input was a twentieth
/// of a look).
fn fold_padding(ops: Vec<Op>, tensors: usize) -> Vec<Op> {
    let readers = reader_counts(&ops, tensors);
    let pads: std::collections::HashMap<usize, (usize, Padding, f32)> = ops
        .iter()
        .filter_map(|op| match *op {
            Op::Pad {
                input,
                out,
                top,
                bottom,
                left,
                right,
                value,
            } if readers.get(out) == Some(&1) => {
                Some((out, (input, (top, bottom, left, right), value)))
            }
            _ => None,
        })
        .collect();
    let mut folded = std::collections::HashSet::new();
    let mut ops: Vec<Op> = ops
        .into_iter()
        .map(|mut op| {
            // The depthwise kernel pads with zeros only; the k×k one with any value.
            let target = match &mut op {
                Op::Dwconv { input, pad, .. } => Some((input, pad, None)),
                Op::Conv {
                    input,
                    pad,
                    pad_value,
                    k,
                    ..
                } if *k > 1 => Some((input, pad, Some(pad_value))),
                _ => None,
            };
            if let Some((input, pad, value)) = target
                && *pad == (0, 0, 0, 0)
                && let Some(&(source, amounts, v)) = pads.get(input)
                && (v == 0.0 || value.is_some())
            {
                folded.insert(*input);
                *input = source;
                *pad = amounts;
                if let Some(value) = value {
                    *value = v;
                }
            }
            op
        })
        .collect();
    ops.retain(|op| !matches!(op, Op::Pad { out, .. } if folded.contains(out)));
    ops
}

/// A 2×2 max pooling of a depthwise convolution's output that nothing else reads (and that
/// is not one of the network's `outputs`) is done by the convolution (see
/// `depthwise::depthwise_pooled`): the convolution writes the pooling's output instead.
fn fold_max_pools(
    ops: Vec<Op>,
    (tensors, outputs): (usize, &std::collections::BTreeMap<String, usize>),
) -> Vec<Op> {
    let readers = reader_counts(&ops, tensors);
    // Each pooling's input and output, for the inputs read by nothing else.
    let pools: std::collections::HashMap<usize, usize> = ops
        .iter()
        .filter_map(|op| match *op {
            Op::MaxPool2 { input, out }
                if readers.get(input) == Some(&1) && !outputs.values().any(|&o| o == input) =>
            {
                Some((input, out))
            }
            _ => None,
        })
        .collect();
    let mut folded = std::collections::HashSet::new();
    let mut ops: Vec<Op> = ops
        .into_iter()
        .map(|mut op| {
            if let Op::Dwconv {
                out,
                pooled: p @ false,
                ..
            } = &mut op
                && let Some(&to) = pools.get(out)
            {
                folded.insert(*out);
                *out = to;
                *p = true;
            }
            op
        })
        .collect();
    ops.retain(|op| !matches!(op, Op::MaxPool2 { input, .. } if folded.contains(input)));
    ops
}

/// An addition (with or without `relu`) of a 1×1 convolution's output, read by nothing else,
/// and a tensor made before that convolution runs is done by the convolution as it stores its
/// sums: the output is written once instead of being read back twice.
fn fold_residual_adds(ops: Vec<Op>, tensors: usize) -> Vec<Op> {
    let readers = reader_counts(&ops, tensors);
    // Where each tensor is made (the network's input is made before everything).
    let mut made_at = vec![None; tensors];
    for (i, op) in ops.iter().enumerate() {
        if let Some(slot) = made_at.get_mut(op.output()) {
            *slot = Some(i);
        }
    }
    let mut ops: Vec<Option<Op>> = ops.into_iter().map(Some).collect();
    for a in 0..ops.len() {
        let Some(Op::Add {
            input,
            in2,
            out,
            relu,
        }) = ops[a]
        else {
            continue;
        };
        for (conv_out, other) in [(input, in2), (in2, input)] {
            let Some(c) = made_at.get(conv_out).copied().flatten() else {
                continue;
            };
            let other_ready = made_at.get(other).is_some_and(|m| m.is_none_or(|m| m < c));
            let fits = matches!(
                ops[c],
                Some(Op::Conv {
                    k: 1,
                    stride: 1,
                    relu: false,
                    add: None,
                    ..
                })
            );
            if conv_out == other || readers.get(conv_out) != Some(&1) || !other_ready || !fits {
                continue;
            }
            if let Some(Op::Conv {
                out: conv_to,
                relu: conv_relu,
                add,
                ..
            }) = &mut ops[c]
            {
                *conv_to = out;
                *conv_relu = relu;
                *add = Some(other);
                ops[a] = None;
                break;
            }
        }
    }
    ops.into_iter().flatten().collect()
}

impl Op {
    /// The tensor this operation makes.
    fn output(&self) -> usize {
        match *self {
            Op::Pad { out, .. }
            | Op::Conv { out, .. }
            | Op::Dwconv { out, .. }
            | Op::Add { out, .. }
            | Op::Upsample2 { out, .. }
            | Op::Prelu { out, .. }
            | Op::MaxPool2 { out, .. }
            | Op::PadChannels { out, .. }
            | Op::Channels { out, .. } => out,
        }
    }

    fn inputs(&self) -> Vec<usize> {
        match *self {
            Op::Add { input, in2, .. }
            | Op::Conv {
                input,
                add: Some(in2),
                ..
            } => vec![input, in2],
            Op::Pad { input, .. }
            | Op::Conv { input, .. }
            | Op::Dwconv { input, .. }
            | Op::Upsample2 { input, .. }
            | Op::Prelu { input, .. }
            | Op::MaxPool2 { input, .. }
            | Op::PadChannels { input, .. }
            | Op::Channels { input, .. } => vec![input],
        }
    }
}

/// IEEE half → single precision (normals, subnormals, infinities, NaN).
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h >> 15) << 31;
    let exp = u32::from((h >> 10) & 0x1f);
    let frac = u32::from(h & 0x3ff);
    let bits = match (exp, frac) {
        (0, 0) => sign,
        (0, f) => {
            // Subnormal: value = f × 2^-24.
            let v = f as f32 * f32::from_bits(0x3380_0000);
            return if sign != 0 { -v } else { v };
        }
        (0x1f, f) => sign | 0x7f80_0000 | (f << 13),
        (e, f) => sign | ((e + 112) << 23) | (f << 13),
    };
    f32::from_bits(bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision_values() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
        assert_eq!(f16_to_f32(0x0001), 5.960_464_5e-8);
        assert!(f16_to_f32(0x7c00).is_infinite());
    }

    /// A model file: `ops` (JSON) over tensor 0, a 1-channel input, and float16 `weights`.
    fn model(ops: &str, tensors: usize, output: usize, weights: &[u16]) -> Network {
        crate::test_values::model(ops, tensors, &format!(r#"{{"y":{output}}}"#), weights)
    }

    #[test]
    fn a_residual_addition_is_done_by_the_convolution_before_it() {
        // y = relu(conv(x) + x), conv: -2x + 0.5; weights -2.0, 0.5 in float16.
        let conv = r#"{"op":"conv","in":0,"out":1,"k":1,"stride":1,"relu":false,"cin":1,"cout":1,"w":0,"b":1}"#;
        let add = r#"{"op":"add","in":1,"in2":0,"out":2,"relu":true}"#;
        let net = model(&format!("{conv},{add}"), 3, 2, &[0xc000, 0x3800]);
        assert_eq!(net.ops.len(), 1, "{:?}", net.ops);
        assert!(matches!(
            net.ops[0],
            Op::Conv {
                out: 2,
                add: Some(0),
                relu: true,
                ..
            }
        ));
        let x = Tensor {
            h: 2,
            w: 2,
            c: 1,
            data: vec![0.0, 1.0, 0.25, 2.0],
        };
        let y = net.run(x).expect("runs");
        assert_eq!(y["y"].data, vec![0.5, 0.0, 0.25, 0.0]);
        // A convolution whose output is also read elsewhere keeps its addition.
        let twice = r#"{"op":"add","in":1,"in2":2,"out":3,"relu":false}"#;
        let net = model(&format!("{conv},{add},{twice}"), 4, 3, &[0xc000, 0x3800]);
        assert_eq!(net.ops.len(), 3, "{:?}", net.ops);
    }

    #[test]
    fn zero_padding_read_only_by_a_3x3_convolution_is_done_inside_it() {
        // y = conv3x3(pad(x, 1 pixel of -1)), all nine weights 1 (float16 0x3c00), bias 0.
        let pad =
            r#"{"op":"pad","in":0,"out":1,"top":1,"bottom":1,"left":1,"right":1,"value":-1.0}"#;
        let conv = r#"{"op":"conv","in":1,"out":2,"k":3,"stride":1,"relu":false,"cin":1,"cout":1,"w":0,"b":9}"#;
        let mut weights = vec![0x3c00; 9];
        weights.push(0);
        let net = model(&format!("{pad},{conv}"), 3, 2, &weights);
        assert_eq!(net.ops.len(), 1, "{:?}", net.ops);
        assert!(matches!(
            net.ops[0],
            Op::Conv {
                input: 0,
                pad: (1, 1, 1, 1),
                pad_value: -1.0,
                ..
            }
        ));
        let x = Tensor {
            h: 2,
            w: 2,
            c: 1,
            data: vec![1.0, 2.0, 3.0, 4.0],
        };
        let before = crate::multiply_adds_done();
        let y = net.run(x).expect("runs");
        // Each output: the four inputs (10) and five padding pixels of -1.
        assert_eq!(y["y"].data, vec![5.0; 4]);
        // Four outputs of nine multiply-adds each: the padding's count as the kernel does them.
        assert_eq!(crate::multiply_adds_done() - before, 4 * 9);
    }

    #[test]
    fn a_max_pooling_read_only_after_a_depthwise_convolution_is_done_inside_it() {
        // y = max_pool2(dwconv3x3(x) with zero padding), all nine weights 1, bias 0.5.
        let dw = r#"{"op":"dwconv","in":0,"out":1,"k":3,"stride":1,"relu":false,"c":1,"w":0,"b":9,"pad":[1,1,1,1]}"#;
        let pool = r#"{"op":"max_pool2","in":1,"out":2}"#;
        let mut weights = vec![0x3c00; 9];
        weights.push(0x3800);
        let net = model(&format!("{dw},{pool}"), 3, 2, &weights);
        assert_eq!(net.ops.len(), 1, "{:?}", net.ops);
        assert!(matches!(
            net.ops[0],
            Op::Dwconv {
                out: 2,
                pooled: true,
                ..
            }
        ));
        let x = || Tensor {
            h: 4,
            w: 5,
            c: 1,
            data: (1..=20).map(|v| v as f32).collect(),
        };
        let before = crate::multiply_adds_done();
        let y = net.run(x()).expect("runs");
        // Every sum before the pooling is made: 4×5 of nine multiply-adds.
        assert_eq!(crate::multiply_adds_done() - before, 4 * 5 * 9);
        // The same as the depthwise output pooled on its own.
        let alone = model(dw, 2, 1, &weights).run(x()).expect("runs");
        let want = crate::kernels::max_pool2(&alone["y"]);
        assert_eq!((y["y"].h, y["y"].w), (2, 2));
        assert_eq!(y["y"].data, want.data);
        // The largest of the top left 2×2: the 3×3 sum around (1, 1) is 1+2+3+6+7+8+11+12+13.
        assert_eq!(y["y"].data[0], 63.5);
        // A depthwise output the network also gives out is not folded away.
        let kept = model(&format!("{dw},{pool}"), 3, 1, &weights);
        assert_eq!(kept.ops.len(), 2, "{:?}", kept.ops);
    }

    #[test]
    fn garbage_is_refused_not_panicked_on() {
        assert!(Network::parse(b"").is_err());
        assert!(Network::parse(b"SCNN\xff\xff\xff\xff{}").is_err());
        assert!(Network::parse(b"SCNN\x02\x00\x00\x00{}").is_err());
    }
}
