//! `selfcheck bench`: median milliseconds per frame of the frame measures (grey copy,
//! lighting, sharpness, card glare) at 720p and 1080p, and of face detection at 720p, on one
//! thread. A full analysis costs the sum. Tells support how capable a seller's PC is, and is
//! our speed benchmark (compared with OpenCV by benches/opencv_compare.sh).

use crate::analysis::faces::{FaceDetector, FaceRules};
use crate::analysis::frame::{Rect, RgbFrame};
use crate::analysis::frame_analysis::analyze_with_faces;
use crate::i18n::Tr;
use serde::Serialize;
use std::time::Instant;

#[derive(Debug, Clone, Serialize)]
pub struct BenchResult {
    pub frame_ms_720p: f64,
    pub frame_ms_1080p: f64,
    /// One look of the live preview or a recorded pan (larger faces everywhere, one column
    /// for the smallest), median over a full turn of the columns.
    pub face_ms_720p: f64,
    /// A still picture searched everywhere for faces down to the smallest.
    pub face_still_ms_720p: f64,
    /// One look of the 360° pan: the larger faces everywhere, the middle column for the
    /// smallest, and how far the picture slid since the last look (`turn_shift`).
    pub pan_look_ms_720p: f64,
    /// The digits step's mouth, one 720p frame: the face mesh on the followed face and its
    /// lips' opening (the face finder runs only when the face is lost: `face_ms_720p`, at most
    /// five times a second).
    pub mouth_ms_720p: f64,
    /// Multiply-adds of one look (`face_ms_720p`), in billions (the mean over the same looks).
    pub face_gmac_720p: f64,
    /// The face engine's best rate on this CPU (its 1×1 kernel on data already in cache), in
    /// billions of multiply-adds a second.
    pub engine_best_gmacs: f64,
    /// The least time a look could take on this CPU: its multiply-adds at the engine's best
    /// rate. What `face_ms_720p` spends beyond it is the kernels' shortfall; what it is itself
    /// can only be lowered by fewer multiply-adds.
    pub face_floor_ms_720p: f64,
    pub runs: usize,
    /// The face models' kernels this CPU runs (`avx512`, `avx2` or `plain`): the same PC
    /// model can differ, and the face figures with it.
    pub vector_kernels: &'static str,
}

impl BenchResult {
    pub fn text(&self, tr: &Tr) -> String {
        tr.f(
            "bench-result",
            &[
                ("f720", format!("{:.1}", self.frame_ms_720p)),
                ("f1080", format!("{:.1}", self.frame_ms_1080p)),
                ("face", format!("{:.1}", self.face_ms_720p)),
                ("still", format!("{:.0}", self.face_still_ms_720p)),
                ("pan", format!("{:.1}", self.pan_look_ms_720p)),
                ("mouth", format!("{:.1}", self.mouth_ms_720p)),
                ("kernels", self.vector_kernels.to_string()),
                ("gmac", format!("{:.2}", self.face_gmac_720p)),
                ("rate", format!("{:.0}", self.engine_best_gmacs)),
                ("floor", format!("{:.1}", self.face_floor_ms_720p)),
            ],
        )
    }
}

/// A textured test frame: gradients plus pseudo-random detail (no file needed).
pub fn synthetic_frame(width: u32, height: u32) -> RgbFrame {
    let mut seed: u32 = 0x1234_5678;
    let mut data = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let n = seed & 63;
            data.push(((x * 200 / width) + n) as u8);
            data.push(((y * 200 / height) + n) as u8);
            data.push((((x + y) * 100 / (width + height)) + n) as u8);
        }
    }
    RgbFrame {
        width,
        height,
        data,
    }
}

/// Median wall time of `runs` calls (at least one), in milliseconds.
pub fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

/// Measures with the limits of `profile` (the built-in one unless `--profile` gives another).
pub fn run(profile: &crate::profile::Profile) -> BenchResult {
    let runs = 15;
    let none = BenchResult {
        frame_ms_720p: f64::NAN,
        frame_ms_1080p: f64::NAN,
        face_ms_720p: f64::NAN,
        face_still_ms_720p: f64::NAN,
        pan_look_ms_720p: f64::NAN,
        mouth_ms_720p: f64::NAN,
        face_gmac_720p: f64::NAN,
        engine_best_gmacs: f64::NAN,
        face_floor_ms_720p: f64::NAN,
        runs: 0,
        vector_kernels: selfcheck_nn::vector_kernels(),
    };
    let req = &profile.image;
    let Ok(mut detector) = FaceDetector::new(FaceRules::from_profile(req)) else {
        return none;
    };
    let limits = crate::analysis::limits::FrameLimits::from_profile(req);
    let f720 = synthetic_frame(1280, 720);
    let f1080 = synthetic_frame(1920, 1080);
    let card720 = Rect {
        x: 440,
        y: 300,
        w: 400,
        h: 252,
    };
    let card1080 = Rect {
        x: 660,
        y: 450,
        w: 600,
        h: 378,
    };
    // The measures (grey copy, lighting, sharpness, glare) with a face box as detection would
    // give it; face detection is timed on its own below.
    let face = |w: u32, h: u32| {
        vec![crate::analysis::faces::FaceBox {
            rect: Rect {
                x: w / 3,
                y: h / 6,
                w: w / 5,
                h: w / 5,
            },
            score: 5.0,
        }]
    };
    let frame_ms_720p = median_ms(runs, || {
        std::hint::black_box(analyze_with_faces(
            &f720,
            Some(card720),
            face(1280, 720),
            &limits,
        ));
    });
    let frame_ms_1080p = median_ms(runs, || {
        std::hint::black_box(analyze_with_faces(
            &f1080,
            Some(card1080),
            face(1920, 1080),
            &limits,
        ));
    });
    let rules = FaceRules::from_profile(req).search;
    let columns = crate::analysis::face_search::levels(&rules, 1280, 720)
        .iter()
        .map(|l| l.columns.len())
        .max()
        .unwrap_or(1);
    let cycle = columns * rules.column_looks.max(1) as usize;
    let looks = runs.max(cycle);
    let before = selfcheck_nn::multiply_adds_done();
    let face_ms_720p = median_ms(looks, || {
        std::hint::black_box(detector.detect_look(&f720));
    });
    let face_gmac_720p =
        selfcheck_nn::multiply_adds_done().wrapping_sub(before) as f64 / looks as f64 / 1e9;
    let engine_best_gmacs = selfcheck_nn::best_rate_gmacs(std::time::Duration::from_millis(250));
    let face_still_ms_720p = median_ms(3, || {
        std::hint::black_box(detector.detect_frame(&f720));
    });
    // The pan: the same picture shifted a little at each look, as a turn slides it.
    let shifted: Vec<RgbFrame> = [0u32, 12, 24]
        .iter()
        .map(|&dx| shifted_frame(&f720, dx))
        .collect();
    detector.set_panning(true);
    let mut at = 0;
    let pan_look_ms_720p = median_ms(runs, || {
        at = (at + 1) % shifted.len();
        std::hint::black_box(detector.detect_look(&shifted[at]));
    });
    detector.set_panning(false);
    // A face-sized square as the tracker follows one (the mesh's cost does not depend on
    // what the pixels show).
    let square = crate::analysis::face_mesh::Square {
        cx: 640.0,
        cy: 330.0,
        side: 330.0,
        angle: 0.1,
    };
    let mouth_ms_720p = match crate::analysis::face_mesh::FaceMesh::load() {
        Ok(mesh) => median_ms(runs, || {
            let fit = mesh.fit(&f720, square).ok().flatten();
            std::hint::black_box(fit.map(|m| m.mouth_opening()));
        }),
        Err(_) => f64::NAN,
    };
    BenchResult {
        frame_ms_720p,
        frame_ms_1080p,
        face_ms_720p,
        face_still_ms_720p,
        pan_look_ms_720p,
        mouth_ms_720p,
        face_gmac_720p,
        engine_best_gmacs,
        face_floor_ms_720p: face_gmac_720p / engine_best_gmacs * 1000.0,
        runs,
        vector_kernels: selfcheck_nn::vector_kernels(),
    }
}

/// `frame` slid `dx` pixels to the left, the right edge filled with its last column.
fn shifted_frame(frame: &RgbFrame, dx: u32) -> RgbFrame {
    let w = frame.width as usize;
    let dx = (dx as usize).min(w.saturating_sub(1));
    let mut data = Vec::with_capacity(frame.data.len());
    for row in frame.data.chunks_exact(w * 3) {
        data.extend_from_slice(&row[dx * 3..]);
        let last = &row[(w - 1) * 3..];
        for _ in 0..dx {
            data.extend_from_slice(last);
        }
    }
    RgbFrame {
        width: frame.width,
        height: frame.height,
        data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn result(kernels: &'static str) -> BenchResult {
        BenchResult {
            frame_ms_720p: 1.0,
            frame_ms_1080p: 2.0,
            face_ms_720p: 51.4,
            face_still_ms_720p: 190.0,
            pan_look_ms_720p: 54.0,
            mouth_ms_720p: 3.0,
            face_gmac_720p: 0.92,
            engine_best_gmacs: 53.0,
            face_floor_ms_720p: 17.4,
            runs: 15,
            vector_kernels: kernels,
        }
    }

    #[test]
    fn the_text_names_the_vector_instructions_the_face_figures_were_measured_with() {
        let (en, zh) = (Tr::new(Lang::En), Tr::new(Lang::ZhCn));
        assert!(
            result("avx512")
                .text(&en)
                .contains("vector instructions: AVX-512.")
        );
        assert!(result("avx2").text(&zh).contains("向量指令：AVX2。"));
        assert!(result("plain").text(&en).contains("none (plain code)"));
        assert!(result("plain").text(&zh).contains("无（普通代码）"));
        // The least a look could take here: its multiply-adds at the engine's best rate.
        assert!(result("avx2").text(&en).contains(
            "0.92 billion multiply-adds and this computer's face engine does at most 53 billion a second, so a look takes at least 17.4 ms"
        ));
        assert!(result("avx2").text(&zh).contains("每次至少需要 17.4 毫秒"));
        // What this CPU runs is one of the three.
        assert!(["avx512", "avx2", "plain"].contains(&selfcheck_nn::vector_kernels()));
    }
}
