//! The pure-Rust engine reproduces TensorFlow Lite's own outputs for the face model
//! (tests/fixtures/models/: a 192×192 face and TFLite's scores and boxes for it, written by
//! scripts/face-model-reference.py from the same .tflite the model file was exported from).

use selfcheck::analysis::face_model::{FaceModel, decode, merge};
use selfcheck_nn::Tensor;

fn reference() -> (Tensor, Vec<f32>, Vec<f32>) {
    let img = image::open("tests/fixtures/models/face_192.png")
        .expect("reference picture")
        .to_rgb8();
    let data = img
        .as_raw()
        .iter()
        .map(|&v| f32::from(v) / 127.5 - 1.0)
        .collect();
    let input = Tensor {
        h: 192,
        w: 192,
        c: 3,
        data,
    };
    let raw = std::fs::read("tests/fixtures/models/face_192_tflite.bin").expect("reference output");
    let values: Vec<f32> = raw
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let (scores, boxes) = values.split_at(2304);
    (input, scores.to_vec(), boxes.to_vec())
}

#[test]
fn outputs_match_tensorflow_lite() {
    let model = FaceModel::load().expect("the embedded model loads");
    let (input, want_scores, want_boxes) = reference();
    let (scores, boxes) = model.raw(input).expect("runs at 192x192");
    assert_eq!(scores.len(), want_scores.len());
    assert_eq!(boxes.len(), want_boxes.len());
    let worst = |a: &[f32], b: &[f32]| {
        a.iter()
            .zip(b)
            .map(|(x, y)| (x - y).abs())
            .fold(0f32, f32::max)
    };
    // Logits span about ±100 and boxes ±200 px: a difference of 1e-3 is rounding order only.
    let (ds, db) = (worst(&scores, &want_scores), worst(&boxes, &want_boxes));
    assert!(ds < 1e-3, "largest score difference {ds}");
    assert!(db < 1e-2, "largest box difference {db}");
}

#[test]
fn the_reference_face_is_found_once_where_tflite_finds_it() {
    let (_, scores, boxes) = reference();
    let want = merge(decode(&scores, &boxes, 48, 0.5));
    assert_eq!(want.len(), 1, "{want:?}");
    let model = FaceModel::load().expect("model");
    let (input, _, _) = reference();
    let (s, b) = model.raw(input).expect("runs");
    let got = merge(decode(&s, &b, 48, 0.5));
    assert_eq!(got.len(), 1);
    assert!((got[0].cx - want[0].cx).abs() < 0.5 && (got[0].w - want[0].w).abs() < 0.5);
    // A face, about a third of the picture wide, near its middle.
    assert!(got[0].w > 40.0 && got[0].w < 120.0, "{:?}", got[0]);
    assert!((got[0].cx - 96.0).abs() < 40.0, "{:?}", got[0]);
}

#[test]
fn inputs_the_model_cannot_take_are_refused() {
    let model = FaceModel::load().expect("model");
    assert!(model.raw(Tensor::zeros(100, 192, 3)).is_err());
    assert!(model.raw(Tensor::zeros(192, 192, 1)).is_err());
    // Any multiple of 32 works, also not square.
    let (s, b) = model.raw(Tensor::zeros(96, 160, 3)).expect("96x160");
    assert_eq!(s.len(), 24 * 40);
    assert_eq!(b.len(), 24 * 40 * 16);
}
