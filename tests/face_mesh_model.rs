//! The pure-Rust engine reproduces TensorFlow Lite's own outputs for the face mesh
//! (tests/fixtures/models/: a 192×192 square around a face and TFLite's 468 points and presence
//! logit for it, written by scripts/face-mesh-reference.py from the .tflite the model file was
//! exported from), and the mouth's opening read from the points means what it says.

use selfcheck::analysis::face_mesh::{FaceMesh, Mesh, Square};
use selfcheck::analysis::frame::RgbFrame;
use selfcheck_nn::Tensor;

fn reference() -> (RgbFrame, Tensor, Vec<f32>, f32) {
    let img = image::open("tests/fixtures/models/mesh_192.png")
        .expect("reference picture")
        .to_rgb8();
    let frame = RgbFrame {
        width: img.width(),
        height: img.height(),
        data: img.as_raw().clone(),
    };
    let data = img.as_raw().iter().map(|&v| f32::from(v) / 255.0).collect();
    let input = Tensor {
        h: 192,
        w: 192,
        c: 3,
        data,
    };
    let raw = std::fs::read("tests/fixtures/models/mesh_192_tflite.bin").expect("reference output");
    let values: Vec<f32> = raw
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    assert_eq!(values.len(), 1405);
    (frame, input, values[..1404].to_vec(), values[1404])
}

#[test]
fn outputs_match_tensorflow_lite() {
    let mesh = FaceMesh::load().expect("the embedded model loads");
    let (_, input, want_points, want_flag) = reference();
    let (points, flag) = mesh.raw(input).expect("runs at 192x192");
    assert_eq!(points.len(), want_points.len());
    let worst = points
        .iter()
        .zip(&want_points)
        .map(|(a, b)| (a - b).abs())
        .fold(0f32, f32::max);
    // Points are in input pixels (0–192): a hundredth of a pixel is rounding order only.
    assert!(worst < 1e-2, "largest point difference {worst} px");
    assert!((flag - want_flag).abs() < 1e-2, "{flag} vs {want_flag}");
}

#[test]
fn the_fit_on_the_whole_picture_finds_the_open_mouth_where_tflite_does() {
    let mesh = FaceMesh::load().expect("model");
    let (frame, _, want, _) = reference();
    let square = Square {
        cx: 96.0,
        cy: 96.0,
        side: 192.0,
        angle: 0.0,
    };
    let fit = mesh.fit(&frame, square).expect("runs").expect("a face");
    assert!(fit.presence > 0.99, "{}", fit.presence);
    let tflite = Mesh {
        points: want.chunks_exact(3).map(|p| (p[0], p[1])).collect(),
        presence: 1.0,
    };
    // The reference face smiles with its teeth showing: the lips' inner edges ~12 px apart
    // for an eye span of ~80 px.
    let (ours, theirs) = (fit.mouth_opening(), tflite.mouth_opening());
    assert!((ours - theirs).abs() < 0.01, "{ours} vs {theirs}");
    assert!(theirs > 0.1 && theirs < 0.25, "{theirs}");
    let m = fit.mouth_rect();
    assert!(
        m.x > 55 && m.x + m.w < 150 && m.y > 85 && m.y + m.h < 140,
        "{m:?}"
    );
}

#[test]
fn no_face_no_mesh_and_bad_inputs_are_refused() {
    let mesh = FaceMesh::load().expect("model");
    let grey = RgbFrame {
        width: 320,
        height: 240,
        data: vec![128; 320 * 240 * 3],
    };
    let square = Square {
        cx: 160.0,
        cy: 120.0,
        side: 200.0,
        angle: 0.0,
    };
    assert!(mesh.fit(&grey, square).expect("runs").is_none());
    assert!(mesh.raw(Tensor::zeros(100, 192, 3)).is_err());
    assert!(mesh.raw(Tensor::zeros(192, 192, 1)).is_err());
}
