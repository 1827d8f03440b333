//! YuNet's heads, merged when the model is read: at each of its three scales the score, box
//! and objectness heads are each a 1×1 convolution of one tensor (64 → 1, 4 and 1 channels)
//! and a 3×3 depthwise one. The 1×1 kernel sums sixteen output channels at a time, so each
//! head cost as much as sixteen channels, and the depthwise kernel's registers take eight
//! channels at a time, so the 1- and 4-channel ones ran its slow path — together a sixth of
//! a pass for a twelfth of its work. Merged: one 1×1 convolution into all the heads'
//! channels (padded with zero weights to a multiple of eight), one depthwise convolution,
//! then each head's channels taken out under its old tensor. Every channel's sums are the
//! same as before, in the same order.

use std::collections::BTreeMap;

use super::model_file::{Op, reader_counts};

/// Channels a merged depthwise convolution is padded to a multiple of (the register
/// kernel's narrowest).
const LANES: usize = 8;
/// Heads merged into one: at most this many channels together (one block of the 1×1 kernel).
const MAX_CHANNELS: usize = 16;

/// One head: a 1×1 convolution and the depthwise convolution reading only its output.
#[derive(Clone, Copy)]
struct Head {
    conv: usize,
    dw: usize,
    channels: usize,
}

/// The operations with the heads merged; the merged weights are added to `weights` and the
/// new tensors counted in `tensors`.
pub(crate) fn merge(
    ops: Vec<Op>,
    (weights, tensors): (&mut Vec<f32>, &mut usize),
    outputs: &BTreeMap<String, usize>,
) -> Vec<Op> {
    let readers = reader_counts(&ops, *tensors);
    let alone = |t: usize| readers.get(t) == Some(&1) && !outputs.values().any(|&o| o == t);
    // Each depthwise convolution by the tensor it reads.
    let dw_of: BTreeMap<usize, usize> = ops
        .iter()
        .enumerate()
        .filter_map(|(i, op)| match *op {
            Op::Dwconv {
                input,
                pooled: false,
                ..
            } => Some((input, i)),
            _ => None,
        })
        .collect();
    // Heads by what must be equal to merge them: the tensor read, the 1×1's relu, and the
    // depthwise convolution's size, stride, relu and padding.
    type Key = (
        usize,
        bool,
        usize,
        usize,
        bool,
        (usize, usize, usize, usize),
    );
    let mut groups: BTreeMap<Key, Vec<Head>> = BTreeMap::new();
    for (i, op) in ops.iter().enumerate() {
        let Op::Conv {
            input,
            out,
            k: 1,
            stride: 1,
            relu,
            cout,
            add: None,
            pad: (0, 0, 0, 0),
            ..
        } = *op
        else {
            continue;
        };
        let Some(&d) = dw_of.get(&out).filter(|_| alone(out)) else {
            continue;
        };
        if let Op::Dwconv {
            k,
            stride,
            relu: dw_relu,
            c,
            pad,
            ..
        } = ops[d]
            && c == cout
        {
            let head = Head {
                conv: i,
                dw: d,
                channels: cout,
            };
            let key = (input, relu, k, stride, dw_relu, pad);
            groups.entry(key).or_default().push(head);
        }
    }
    let mut replaced: BTreeMap<usize, Vec<Op>> = BTreeMap::new();
    let mut dropped = std::collections::BTreeSet::new();
    for heads in groups.into_values() {
        let total: usize = heads.iter().map(|h| h.channels).sum();
        if heads.len() < 2 || total > MAX_CHANNELS {
            continue;
        }
        let Some(merged) = merged_ops(&ops, &heads, (weights, tensors)) else {
            continue;
        };
        for h in &heads {
            dropped.insert(h.conv);
            dropped.insert(h.dw);
        }
        replaced.insert(heads[0].conv, merged);
    }
    ops.into_iter()
        .enumerate()
        .flat_map(|(i, op)| match replaced.remove(&i) {
            Some(merged) => merged,
            None if dropped.contains(&i) => Vec::new(),
            None => vec![op],
        })
        .collect()
}

/// The merged 1×1 and depthwise convolutions and each head's channels taken out (None: an
/// operation is not what the grouping saw).
fn merged_ops(
    ops: &[Op],
    heads: &[Head],
    (weights, tensors): (&mut Vec<f32>, &mut usize),
) -> Option<Vec<Op>> {
    let total: usize = heads.iter().map(|h| h.channels).sum();
    let padded = total.div_ceil(LANES) * LANES;
    let Op::Conv {
        input,
        relu,
        cin,
        pad_value,
        ..
    } = ops[heads[0].conv]
    else {
        return None;
    };
    let Op::Dwconv {
        k,
        stride,
        relu: dw_relu,
        pad,
        ..
    } = ops[heads[0].dw]
    else {
        return None;
    };
    // Each head's weights: the 1×1's `[cin][c]` and bias, the depthwise `[k·k][c]` and bias.
    let mut parts: Vec<Part> = Vec::new();
    for h in heads {
        let (Op::Conv { w, b, .. }, Op::Dwconv { w: dw, b: db, .. }) = (&ops[h.conv], &ops[h.dw])
        else {
            return None;
        };
        let c = h.channels;
        let get = |at: usize, len: usize| weights.get(at..at + len).map(<[f32]>::to_vec);
        parts.push((
            get(*w, cin * c)?,
            get(*b, c)?,
            get(*dw, k * k * c)?,
            get(*db, c)?,
        ));
    }
    let of = |part: fn(&Part) -> &[f32]| -> Vec<(&[f32], usize)> {
        parts
            .iter()
            .zip(heads)
            .map(|(p, h)| (part(p), h.channels))
            .collect()
    };
    let conv_w = interleave(cin, &of(|p| &p.0), padded);
    let conv_b = interleave(1, &of(|p| &p.1), padded);
    let dw_w = interleave(k * k, &of(|p| &p.2), padded);
    let dw_b = interleave(1, &of(|p| &p.3), padded);
    let mut place = |v: Vec<f32>| {
        let at = weights.len();
        weights.extend(v);
        at
    };
    let (w, b, dw, db) = (place(conv_w), place(conv_b), place(dw_w), place(dw_b));
    let (summed, convolved) = (*tensors, *tensors + 1);
    *tensors += 2;
    let mut merged = vec![
        Op::Conv {
            input,
            out: summed,
            k: 1,
            stride: 1,
            relu,
            cin,
            cout: padded,
            w,
            b,
            add: None,
            pad: (0, 0, 0, 0),
            pad_value,
        },
        Op::Dwconv {
            input: summed,
            out: convolved,
            k,
            stride,
            relu: dw_relu,
            c: padded,
            w: dw,
            b: db,
            pad,
            pooled: false,
        },
    ];
    let mut from = 0;
    for h in heads {
        let Op::Dwconv { out, .. } = ops[h.dw] else {
            return None;
        };
        merged.push(Op::Channels {
            input: convolved,
            out,
            from,
            len: h.channels,
        });
        from += h.channels;
    }
    Some(merged)
}

/// A head's weights: the 1×1's `[cin][c]` and bias, the depthwise `[k·k][c]` and bias.
type Part = (Vec<f32>, Vec<f32>, Vec<f32>, Vec<f32>);

/// `rows` rows of `padded` values: each head's row (`c` values of its `part`) in turn, then
/// zeros.
fn interleave(rows: usize, parts: &[(&[f32], usize)], padded: usize) -> Vec<f32> {
    let mut v = Vec::with_capacity(rows * padded);
    for r in 0..rows {
        for &(part, c) in parts {
            v.extend_from_slice(&part[r * c..(r + 1) * c]);
        }
        v.resize((r + 1) * padded, 0.0);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Tensor, depthwise, f16_to_f32, kernels};

    #[test]
    fn two_heads_of_one_tensor_are_merged_and_give_their_own_values() {
        // Head a: 1×1 1 → 1 then 3×3 depthwise; head b: 1 → 2 then depthwise; both outputs.
        let ops = [
            r#"{"op":"conv","in":0,"out":1,"k":1,"stride":1,"relu":false,"cin":1,"cout":1,"w":0,"b":1}"#,
            r#"{"op":"dwconv","in":1,"out":2,"k":3,"stride":1,"relu":false,"c":1,"w":2,"b":11,"pad":[1,1,1,1]}"#,
            r#"{"op":"conv","in":0,"out":3,"k":1,"stride":1,"relu":false,"cin":1,"cout":2,"w":12,"b":14}"#,
            r#"{"op":"dwconv","in":3,"out":4,"k":3,"stride":1,"relu":false,"c":2,"w":16,"b":34,"pad":[1,1,1,1]}"#,
        ]
        .join(",");
        // Float16 values exact in float32: 1, 0.5, -1, 2, 0.25, -0.5, 1.5, -2 in turn.
        let halves = [
            0x3c00u16, 0x3800, 0xbc00, 0x4000, 0x3400, 0xb800, 0x3e00, 0xc000,
        ];
        let raw: Vec<u16> = (0..36).map(|i| halves[i % halves.len()]).collect();
        let net = crate::test_values::model(&ops, 5, r#"{"a":2,"b":4}"#, &raw);
        // One 1×1 and one depthwise convolution, then each head's channels.
        let kinds: Vec<&str> = net
            .ops
            .iter()
            .map(|op| match op {
                Op::Conv { cout: 8, .. } => "conv",
                Op::Dwconv { c: 8, .. } => "dwconv",
                Op::Channels { .. } => "channels",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["conv", "dwconv", "channels", "channels"]);
        let x = Tensor {
            h: 3,
            w: 5,
            c: 1,
            data: (0..15).map(|v| (v % 7) as f32 * 0.5 - 1.5).collect(),
        };
        let w: Vec<f32> = raw.iter().map(|&h| f16_to_f32(h)).collect();
        let head = |(cw, cb, dw, db): (usize, usize, usize, usize), c: usize, relu: bool| {
            let summed = kernels::conv(&x, &w[cw..cw + c], &w[cb..cb + c], 1, 1, false);
            let (dw, db) = (&w[dw..dw + 9 * c], &w[db..db + c]);
            depthwise::depthwise(&summed, dw, db, (3, 1), (1, 1, 1, 1), relu)
        };
        let got = match net.run(x.clone()) {
            Ok(got) => got,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(got.get("a"), Some(&head((0, 1, 2, 11), 1, false)));
        assert_eq!(got.get("b"), Some(&head((12, 14, 16, 34), 2, false)));
    }
}
