//! The ID card held in its box, judged as the platform judges it: `image.glare` (specular
//! highlights, sheen, hologram flare; the card sharp enough to read), `image.card_corners`
//! (all four corners in the picture and uncovered) and `image.card_shadow`.

use super::ids::{IMAGE_CARD_CORNERS, IMAGE_CARD_SHADOW, IMAGE_GLARE};
use super::image::rect_json;
use super::model::{CheckResult, Status, round};
use crate::analysis::card_corners::{CornerName, Missing};
use crate::analysis::frame::Rect;
use crate::analysis::frame_analysis::FrameAnalysis;
use crate::analysis::glare::GlareKind;
use crate::i18n::Tr;
use crate::profile::ImageReq;

/// Whether the box holds a card at all (enough of its sides show a card's edge).
fn card_sides(a: &FrameAnalysis, req: &ImageReq) -> (usize, bool) {
    let sides = a
        .card_edges
        .map(|e| e.found(req.card_edge_min_share))
        .unwrap_or(0);
    (sides, sides >= req.card_min_sides as usize)
}

/// Whether a card is seen in the box: the app paints glare, shadow and corners only then.
pub fn card_seen(a: &FrameAnalysis, req: &ImageReq) -> bool {
    card_sides(a, req).1
}

fn kind_word(kind: GlareKind, tr: &Tr) -> String {
    tr.t(&format!("glare-kind-{}", kind.code()))
}

pub fn glare(a: &FrameAnalysis, card: Option<Rect>, req: &ImageReq, tr: &Tr) -> CheckResult {
    let (Some(g), Some(card)) = (&a.glare, card) else {
        return CheckResult::skipped(IMAGE_GLARE, tr, tr.t("card-no-box"));
    };
    let card_blur = a.card_blur.unwrap_or(1.0);
    let readable = card_blur <= req.scene_fail_blur;
    let (sides, seen) = card_sides(a, req);
    // Sheen and hologram are measured against the card's own paper: with no card in the box
    // (a shirt, a wall) only the clipped highlights mean anything.
    let (fraction, kinds) = if seen {
        (g.fraction, g.kinds())
    } else {
        let k = g.kinds().into_iter().filter(|k| *k == GlareKind::Specular);
        (g.specular_fraction, k.collect())
    };
    let status = if fraction > req.max_glare_fraction || !readable {
        Status::Fail
    } else if fraction > req.warn_glare_fraction || !seen {
        Status::Warn
    } else {
        Status::Pass
    };
    let pct = format!("{:.1}", fraction * 100.0);
    let mut summary = if kinds.is_empty() {
        tr.t("glare-none")
    } else {
        let words: Vec<String> = kinds.iter().map(|k| kind_word(*k, tr)).collect();
        tr.f(
            "glare-found",
            &[
                ("pct", pct),
                ("kinds", words.join(&tr.t("list-separator"))),
                ("regions", g.regions.len().to_string()),
            ],
        )
    };
    if !readable {
        summary.push(' ');
        summary.push_str(&tr.t("glare-card-blurred"));
    }
    if !seen {
        // No card in the box: highlights there are on a face, a shirt or a badge, not on the
        // card; the verdict says only that the card is not seen (the figures stay in
        // `measured` for support).
        summary = tr.t("glare-card-not-seen");
    }
    let regions: Vec<serde_json::Value> = g
        .regions
        .iter()
        .take(12)
        .map(|(k, r)| serde_json::json!({ "kind": k.code(), "box": rect_json(r) }))
        .collect();
    let r = CheckResult::new(IMAGE_GLARE, status, tr)
        .summary(summary)
        .measured("glare_fraction", round(fraction, 4))
        .measured("kind", kinds.iter().map(|k| k.code()).collect::<Vec<_>>())
        .measured("specular_fraction", round(g.specular_fraction, 4))
        .measured("sheen_fraction", round(g.sheen_fraction, 4))
        .measured("hologram_fraction", round(g.hologram_fraction, 4))
        .measured("regions", regions)
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
        .threshold("card_edge_min_share", req.card_edge_min_share)
        .threshold("sheen_headroom_share", req.sheen_headroom_share)
        .threshold("hologram_min_saturation", req.hologram_min_saturation);
    if status == Status::Pass {
        r
    } else if !seen && fraction <= req.warn_glare_fraction && readable {
        r.advice(tr.t("card-advice-show-card"))
    } else {
        let mut advice = vec![tr.t("glare-advice")];
        advice.extend(
            kinds
                .iter()
                .filter(|k| **k != GlareKind::Specular)
                .map(|k| tr.t(&format!("glare-advice-{}", k.code()))),
        );
        r.advice(advice.join(" "))
    }
}

fn corner_word(name: CornerName, tr: &Tr) -> String {
    tr.t(&format!("corner-{}", name.code().replace('_', "-")))
}

pub fn corners(a: &FrameAnalysis, card: Option<Rect>, req: &ImageReq, tr: &Tr) -> CheckResult {
    let (Some(c), Some(card)) = (&a.card_corners, card) else {
        return CheckResult::skipped(IMAGE_CARD_CORNERS, tr, tr.t("card-no-box"));
    };
    let (sides, seen) = card_sides(a, req);
    let found = c.found();
    let status = if !seen {
        Status::Warn
    } else if found < 4 {
        Status::Fail
    } else {
        Status::Pass
    };
    let scale = f64::from(a.grey_factor);
    let missing: Vec<serde_json::Value> = c
        .corners
        .iter()
        .filter_map(|k| {
            k.missing
                .map(|m| serde_json::json!({ "corner": k.name.code(), "why": m.code() }))
        })
        .collect();
    let points: Vec<serde_json::Value> = c
        .corners
        .iter()
        .map(|k| {
            k.at.map_or(serde_json::Value::Null, |(x, y)| {
                serde_json::json!([(x * scale).round(), (y * scale).round()])
            })
        })
        .collect();
    let summary = match status {
        Status::Pass => tr.t("corners-ok"),
        Status::Warn => tr.t("glare-card-not-seen"),
        _ => {
            let list: Vec<String> = c
                .corners
                .iter()
                .filter_map(|k| {
                    let m = k.missing?;
                    Some(format!(
                        "{}{}",
                        corner_word(k.name, tr),
                        tr.f(
                            "corner-why",
                            &[(
                                "why",
                                tr.t(&format!("corner-why-{}", m.code().replace('_', "-")))
                            )]
                        )
                    ))
                })
                .collect();
            tr.f(
                "corners-missing",
                &[
                    ("count", (4 - found).to_string()),
                    ("list", list.join(&tr.t("list-separator"))),
                ],
            )
        }
    };
    let r = CheckResult::new(IMAGE_CARD_CORNERS, status, tr)
        .summary(summary)
        .measured("corners_found", found)
        .measured("missing", missing)
        .measured("corners", points)
        .measured("card", rect_json(&card))
        .measured("card_sides_found", sides)
        .threshold("corners", CornerName::ALL.len())
        .threshold("card_corner_min_edge_share", req.card_corner_min_edge_share);
    match status {
        Status::Pass => r,
        Status::Warn => r.advice(tr.t("card-advice-show-card")),
        _ => {
            let outside = c
                .corners
                .iter()
                .any(|k| k.missing == Some(Missing::OutsidePicture));
            r.advice(tr.t(if outside {
                "corners-advice-outside"
            } else {
                "corners-advice-covered"
            }))
        }
    }
}

pub fn shadow(a: &FrameAnalysis, card: Option<Rect>, req: &ImageReq, tr: &Tr) -> CheckResult {
    let (Some(s), Some(card)) = (&a.card_surface, card) else {
        return CheckResult::skipped(IMAGE_CARD_SHADOW, tr, tr.t("card-no-box"));
    };
    let (_, seen) = card_sides(a, req);
    let status = if !seen {
        Status::Warn
    } else if s.shadow_fraction >= req.fail_shadow_fraction
        && s.shadow_depth >= req.fail_shadow_depth
    {
        Status::Fail
    } else if s.shadow_fraction >= req.warn_shadow_fraction {
        Status::Warn
    } else {
        Status::Pass
    };
    let args = [
        ("pct", format!("{:.0}", s.shadow_fraction * 100.0)),
        ("depth", format!("{:.0}", s.shadow_depth * 100.0)),
    ];
    let summary = if !seen {
        tr.t("glare-card-not-seen")
    } else if status == Status::Pass {
        tr.t("shadow-none")
    } else {
        tr.f("shadow-found", &args)
    };
    let r = CheckResult::new(IMAGE_CARD_SHADOW, status, tr)
        .summary(summary)
        .measured("shadow_fraction", round(s.shadow_fraction, 4))
        .measured("depth", round(s.shadow_depth, 3))
        .measured(
            "boxes",
            s.shadow_boxes
                .iter()
                .take(8)
                .map(rect_json)
                .collect::<Vec<_>>(),
        )
        .measured("card", rect_json(&card))
        .threshold("warn_shadow_fraction", req.warn_shadow_fraction)
        .threshold("fail_shadow_fraction", req.fail_shadow_fraction)
        .threshold("fail_shadow_depth", req.fail_shadow_depth)
        .threshold("shadow_min_depth", req.shadow_min_depth);
    match status {
        Status::Pass => r,
        _ if !seen => r.advice(tr.t("card-advice-show-card")),
        _ => r.advice(tr.t("shadow-advice")),
    }
}
