//! The image checks over one frame or photo: `image.lighting`, `image.sharpness`,
//! `image.glare` (needs the card box) and `image.faces` (exactly one person).

use super::ids::{IMAGE_FACES, IMAGE_GLARE, IMAGE_LIGHTING, IMAGE_SHARPNESS};
use super::model::{CheckResult, Status, round};
use crate::analysis::faces::NotAPerson;
use crate::analysis::frame::Rect;
use crate::analysis::frame_analysis::{FrameAnalysis, Region};
use crate::i18n::Tr;
use crate::profile::ImageReq;

fn region_word(region: Region, tr: &Tr) -> String {
    tr.t(match region {
        Region::Face => "image-region-face",
        Region::Centre => "image-region-centre",
    })
}

fn rect_json(r: &Rect) -> serde_json::Value {
    serde_json::json!([r.x, r.y, r.w, r.h])
}

pub fn lighting(a: &FrameAnalysis, req: &ImageReq, tr: &Tr) -> CheckResult {
    let l = &a.lighting;
    let face = a.region == Region::Face;
    let mut problems: Vec<(Status, String)> = Vec::new();
    let mean = format!("{:.0}", l.mean);
    if l.mean < req.fail_dark_mean {
        problems.push((
            Status::Fail,
            tr.f("light-too-dark", &[("mean", mean.clone())]),
        ));
    } else if l.mean < req.warn_dark_mean {
        problems.push((Status::Warn, tr.f("light-dark", &[("mean", mean.clone())])));
    }
    if l.mean > req.fail_bright_mean || l.over_fraction > req.fail_over_fraction {
        problems.push((
            Status::Fail,
            tr.f(
                "light-too-bright",
                &[
                    ("mean", mean.clone()),
                    ("over", format!("{:.0}", l.over_fraction * 100.0)),
                ],
            ),
        ));
    } else if l.mean > req.warn_bright_mean || l.over_fraction > req.warn_over_fraction {
        problems.push((
            Status::Warn,
            tr.f(
                "light-bright",
                &[
                    ("mean", mean.clone()),
                    ("over", format!("{:.0}", l.over_fraction * 100.0)),
                ],
            ),
        ));
    }
    if l.under_fraction > req.warn_under_fraction && l.mean >= req.fail_dark_mean {
        problems.push((
            Status::Warn,
            tr.f(
                "light-shadows",
                &[("under", format!("{:.0}", l.under_fraction * 100.0))],
            ),
        ));
    }
    if face && l.backlight_delta > req.warn_backlight_delta {
        problems.push((Status::Warn, tr.t("light-backlit")));
    }
    if face && l.uneven_delta > req.warn_uneven_delta {
        problems.push((Status::Warn, tr.t("light-uneven")));
    }
    let status = problems
        .iter()
        .map(|p| p.0)
        .max_by_key(|s| if *s == Status::Fail { 2 } else { 1 })
        .unwrap_or(Status::Pass);
    let r = CheckResult::new(IMAGE_LIGHTING, status, tr)
        .measured("region", if face { "face" } else { "centre" })
        .measured("mean_luma", round(l.mean, 1))
        .measured("under_exposed_fraction", round(l.under_fraction, 4))
        .measured("over_exposed_fraction", round(l.over_fraction, 4))
        .measured("dynamic_range", l.dynamic_range)
        .measured("backlight_delta", round(l.backlight_delta, 1))
        .measured("uneven_delta", round(l.uneven_delta, 1))
        .threshold(
            "mean_luma",
            serde_json::json!([
                req.fail_dark_mean,
                req.warn_dark_mean,
                req.warn_bright_mean,
                req.fail_bright_mean
            ]),
        )
        .threshold("warn_over_fraction", req.warn_over_fraction)
        .threshold("warn_backlight_delta", req.warn_backlight_delta)
        .threshold("warn_uneven_delta", req.warn_uneven_delta);
    if problems.is_empty() {
        r.summary(tr.f(
            "light-ok",
            &[("mean", mean), ("region", region_word(a.region, tr))],
        ))
    } else {
        let text: Vec<String> = problems.into_iter().map(|p| p.1).collect();
        r.summary(text.join(" ")).advice(tr.t("light-advice"))
    }
}

pub fn sharpness(a: &FrameAnalysis, req: &ImageReq, tr: &Tr) -> CheckResult {
    let (warn, fail) = match a.region {
        Region::Face => (req.face_warn_blur, req.face_fail_blur),
        Region::Centre => (req.scene_warn_blur, req.scene_fail_blur),
    };
    let status = if a.blur > fail {
        Status::Fail
    } else if a.blur > warn {
        Status::Warn
    } else {
        Status::Pass
    };
    let args = [
        ("blur", format!("{:.2}", a.blur)),
        ("region", region_word(a.region, tr)),
    ];
    let key = match status {
        Status::Pass => "sharp-ok",
        Status::Warn => "sharp-soft",
        _ => "sharp-blurred",
    };
    let r = CheckResult::new(IMAGE_SHARPNESS, status, tr)
        .summary(tr.f(key, &args))
        .measured("blur", round(a.blur, 3))
        .measured(
            "region",
            if a.region == Region::Face {
                "face"
            } else {
                "centre"
            },
        )
        .threshold("warn_blur", warn)
        .threshold("fail_blur", fail);
    if status == Status::Pass {
        r
    } else {
        r.advice(tr.t("sharp-advice"))
    }
}

pub fn glare(a: &FrameAnalysis, card: Option<Rect>, req: &ImageReq, tr: &Tr) -> CheckResult {
    let (Some(g), Some(card)) = (&a.glare, card) else {
        return CheckResult::skipped(IMAGE_GLARE, tr, tr.t("glare-no-card"));
    };
    let card_blur = a.card_blur.unwrap_or(1.0);
    let readable = card_blur <= req.scene_fail_blur;
    let sides = a
        .card_edges
        .map(|e| e.found(req.card_edge_min_share))
        .unwrap_or(0);
    let seen = sides >= req.card_min_sides as usize;
    let status = if g.fraction > req.max_glare_fraction || !readable {
        Status::Fail
    } else if g.fraction > req.warn_glare_fraction || !seen {
        Status::Warn
    } else {
        Status::Pass
    };
    let pct = format!("{:.1}", g.fraction * 100.0);
    let mut summary = if g.blobs == 0 {
        tr.t("glare-none")
    } else {
        tr.f(
            "glare-found",
            &[("pct", pct), ("blobs", g.blobs.to_string())],
        )
    };
    if !readable {
        summary.push(' ');
        summary.push_str(&tr.t("glare-card-blurred"));
    }
    if !seen {
        if g.blobs == 0 {
            summary = tr.t("glare-card-not-seen");
        } else {
            summary.push(' ');
            summary.push_str(&tr.t("glare-card-not-seen"));
        }
    }
    let r = CheckResult::new(IMAGE_GLARE, status, tr)
        .summary(summary)
        .measured("glare_fraction", round(g.fraction, 4))
        .measured("largest_blob_fraction", round(g.largest_fraction, 4))
        .measured("blobs", g.blobs)
        .measured(
            "blob_boxes",
            g.boxes.iter().take(8).map(rect_json).collect::<Vec<_>>(),
        )
        .measured("card", rect_json(&card))
        .measured("card_seen", seen)
        .measured("card_sides_found", sides)
        .measured("card_blur", round(card_blur, 3))
        .threshold("max_glare_fraction", req.max_glare_fraction)
        .threshold("warn_glare_fraction", req.warn_glare_fraction)
        .threshold("card_fail_blur", req.scene_fail_blur)
        .threshold("card_min_sides", req.card_min_sides)
        .threshold("card_edge_min_share", req.card_edge_min_share);
    if status == Status::Pass {
        r
    } else if !seen && g.fraction <= req.warn_glare_fraction && readable {
        r.advice(tr.t("glare-advice-show-card"))
    } else {
        r.advice(tr.t("glare-advice"))
    }
}

pub fn faces(a: &FrameAnalysis, req: &ImageReq, tr: &Tr) -> CheckResult {
    let count = a.people.len() as u32;
    let ignored: Vec<serde_json::Value> = a
        .not_people
        .iter()
        .map(|(f, why)| {
            serde_json::json!({ "box": rect_json(&f.rect), "why": match why { NotAPerson::OnTheCard => "on_card", NotAPerson::FarSmaller => "far_smaller" } })
        })
        .collect();
    let (status, key, advice) = match count.cmp(&req.expected_faces) {
        std::cmp::Ordering::Equal => (Status::Pass, "faces-one", ""),
        std::cmp::Ordering::Less => (Status::Fail, "faces-none", "faces-advice-none"),
        std::cmp::Ordering::Greater => (Status::Fail, "faces-more", "faces-advice-more"),
    };
    let r = CheckResult::new(IMAGE_FACES, status, tr)
        .summary(tr.f(key, &[("count", count.to_string())]))
        .measured("count", count)
        .measured("faces_detected", a.faces.len())
        .measured(
            "boxes",
            a.people
                .iter()
                .map(|f| rect_json(&f.rect))
                .collect::<Vec<_>>(),
        )
        .measured("not_counted", ignored)
        .threshold("expected", req.expected_faces);
    if advice.is_empty() {
        r
    } else {
        r.advice(tr.t(advice))
    }
}

pub fn all(a: &FrameAnalysis, card: Option<Rect>, req: &ImageReq, tr: &Tr) -> Vec<CheckResult> {
    vec![
        lighting(a, req, tr),
        sharpness(a, req, tr),
        glare(a, card, req, tr),
        faces(a, req, tr),
    ]
}
