//! The image checks over one frame or photo: `image.lighting`, `image.sharpness` and
//! `image.faces` (exactly one person); with a card box, the card's checks (`checks::card`).

use super::ids::{IMAGE_FACES, IMAGE_LIGHTING, IMAGE_SHARPNESS};
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

pub(super) fn rect_json(r: &Rect) -> serde_json::Value {
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

pub fn faces(a: &FrameAnalysis, req: &ImageReq, tr: &Tr) -> CheckResult {
    let count = a.people.len() as u32;
    let ignored: Vec<serde_json::Value> = a
        .not_people
        .iter()
        .map(|(f, why)| {
            serde_json::json!({ "box": rect_json(&f.rect), "why": match why { NotAPerson::OnTheCard => "on_card" } })
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
        super::card::glare(a, card, req, tr),
        super::card::corners(a, card, req, tr),
        super::card::shadow(a, card, req, tr),
        faces(a, req, tr),
    ]
}
