//! The pure-Rust engine finds the faces libfacedetection itself finds (tests/fixtures/models/:
//! fixture photos scaled to multiples of 32 and the library's own detections for them, written
//! by scripts/face-detector-reference.py with the same compiled library the model file was
//! exported from).

use selfcheck::analysis::face_model::{FaceModel, Proposal, decode, merge};
use selfcheck_nn::Tensor;

const DIR: &str = "tests/fixtures/models";

/// One reference picture as the model's input (−1…1, as `face_model::prepare` makes it) and
/// the faces the library found: (score 0–1, centre x, centre y, height).
fn case(i: usize) -> (Tensor, Vec<(f32, f32, f32, f32)>) {
    let text = std::fs::read_to_string(format!("{DIR}/yunet_reference.json")).expect("reference");
    let json: serde_json::Value = serde_json::from_str(&text).expect("reference is JSON");
    let case = &json["cases"][i];
    let picture = case["picture"].as_str().expect("picture name");
    let img = image::open(format!("{DIR}/{picture}"))
        .expect("reference picture")
        .to_rgb8();
    let input = Tensor {
        h: img.height() as usize,
        w: img.width() as usize,
        c: 3,
        data: img
            .as_raw()
            .iter()
            .map(|&v| f32::from(v) / 127.5 - 1.0)
            .collect(),
    };
    let faces = case["faces"]
        .as_array()
        .expect("faces")
        .iter()
        .map(|f| {
            let v: Vec<f32> = f
                .as_array()
                .expect("a face")
                .iter()
                .map(|n| n.as_f64().expect("a number") as f32)
                .collect();
            (v[0] / 100.0, v[1] + v[3] / 2.0, v[2] + v[4] / 2.0, v[4])
        })
        .collect();
    (input, faces)
}

fn proposals(model: &FaceModel, input: Tensor) -> Vec<Proposal> {
    let grids = model.raw(input).expect("runs");
    grids.iter().flat_map(|g| decode(g, 0.5)).collect()
}

#[test]
fn the_engine_finds_the_faces_libfacedetection_finds() {
    let model = FaceModel::load().expect("the embedded model loads");
    for i in 0..3 {
        let (input, want) = case(i);
        let all = proposals(&model, input);
        assert_eq!(merge(all.clone()).len(), want.len(), "case {i}: {want:?}");
        for &(score, cx, cy, h) in &want {
            // The library keeps the best proposal of each face (the engine's merge averages
            // them): the best proposal near it is the library's face, to the rounding of its
            // whole-pixel box and percent score and of the float16 weights here.
            let best = all
                .iter()
                .filter(|p| (p.cx - cx).abs() < h / 4.0 && (p.cy - cy).abs() < h / 4.0)
                .max_by(|a, b| a.score.total_cmp(&b.score))
                .unwrap_or_else(|| panic!("case {i}: no face at ({cx}, {cy})"));
            assert!(
                (best.cx - cx).abs() <= 1.5 && (best.cy - cy).abs() <= 1.5,
                "case {i}: {best:?} vs centre ({cx}, {cy})"
            );
            assert!(
                (best.side - h).abs() <= 1.5,
                "case {i}: {best:?} vs height {h}"
            );
            assert!(
                (best.score - score).abs() < 0.011,
                "case {i}: {best:?} vs {score}"
            );
        }
    }
}

#[test]
fn inputs_the_model_cannot_take_are_refused() {
    let model = FaceModel::load().expect("model");
    assert!(model.raw(Tensor::zeros(100, 192, 3)).is_err());
    assert!(model.raw(Tensor::zeros(192, 192, 1)).is_err());
    // Any multiple of 32 works, also not square: one cell per 8, 16 and 32 pixels.
    let grids = model.raw(Tensor::zeros(96, 160, 3)).expect("96x160");
    let cells: Vec<usize> = grids.iter().map(|g| g.cls.len()).collect();
    assert_eq!(cells, vec![12 * 20, 6 * 10, 3 * 5]);
    assert!(grids.iter().all(|g| g.boxes.len() == 4 * g.cls.len()));
    // A plain grey picture holds no face.
    assert!(proposals(&model, Tensor::zeros(96, 160, 3)).is_empty());
}
