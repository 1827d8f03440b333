//! ID card: the seller holds the card inside an ID-1 guide frame, front then back. Glare,
//! shadows and missing corners are painted on the preview as the card moves; a side passes
//! when the card in the guide stays readable, glare-free, shadow-free and whole (four
//! corners) for the profile's hold time — the photo side with the seller's face beside it,
//! held at the chest. The step passes only when both sides have.

use super::{Nav, Step, StepCtx, step_header};
use crate::analysis::frame::Rect;
use crate::analysis::frame_analysis::FrameAnalysis;
use crate::checks::{self, Judged, Status, ids};
use crate::gui::cards::live_line;
use crate::gui::preview::{BAD, GOOD, NEUTRAL, Overlay, Preview};
use crate::gui::readable::{Tone, tone};
use crate::i18n::Tr;
use crate::profile::{ImageReq, Profile};
use crate::report::html::severity;
use crate::session::commands::Command;
use eframe::egui;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Front,
    Back,
}

impl Side {
    fn code(self) -> &'static str {
        match self {
            Side::Front => "front",
            Side::Back => "back",
        }
    }
    fn index(self) -> usize {
        match self {
            Side::Front => 0,
            Side::Back => 1,
        }
    }
}

/// One look at one side of the card: the analysis and where the guide was.
#[derive(Clone)]
struct Look {
    analysis: Arc<FrameAnalysis>,
    card: Option<Rect>,
}

/// A card check judged on one look.
type CardCheck = fn(&FrameAnalysis, Option<Rect>, &ImageReq, &Tr) -> checks::CheckResult;

const CARD_CHECKS: [(&str, CardCheck); 3] = [
    (ids::IMAGE_GLARE, checks::card::glare),
    (ids::IMAGE_CARD_CORNERS, checks::card::corners),
    (ids::IMAGE_CARD_SHADOW, checks::card::shadow),
];

pub struct IdCardStep {
    preview: Preview,
    side: Side,
    hold_since: Option<f64>,
    /// The look each side passed on, once held clean long enough.
    passed: [Option<Look>; 2],
    /// The newest look at each side (kept when the seller moves on without passing).
    last: [Option<Look>; 2],
    seen_seq: u64,
}

impl Default for IdCardStep {
    fn default() -> Self {
        IdCardStep {
            preview: Preview::default(),
            side: Side::Front,
            hold_since: None,
            passed: [None, None],
            last: [None, None],
            seen_seq: 0,
        }
    }
}

/// One card check on one look at one side, its summary naming the side.
fn side_verdict(
    check: CardCheck,
    look: &Look,
    p: &Profile,
    side: Side,
    tr: &Tr,
) -> checks::CheckResult {
    let mut r = check(&look.analysis, look.card, &p.image, tr).measured("side", side.code());
    // The photo side is shown at the chest with the face beside it: a clean card without the
    // face is not yet a pass (said once, on the glare line).
    if side == Side::Front && r.id == ids::IMAGE_GLARE {
        let face = face_beside(look);
        r = r.measured("face_beside_card", face);
        if !face && r.status == Status::Pass {
            r.status = Status::Warn;
            r.summary = format!("{} {}", r.summary, tr.t("idcard-face-not-seen"));
            r.advice = tr.t("idcard-need-face");
        }
    }
    r.summary = format!(
        "{}: {}",
        tr.t(&format!("idcard-side-{}", side.code())),
        r.summary
    );
    r
}

/// Whether the seller's face is in the picture beside the card (the card's printed portrait
/// is not counted: `people` leaves out faces on the card).
/// Whether `look` shows the other face of the card than `passed` did: their prints do not
/// correlate above the profile's `card_flip_max_similarity` (the card was turned, not shown
/// twice). Without a print of either, it cannot be told, and does not count.
fn turned_from(look: &Look, passed: &Look, limit: f64) -> bool {
    match (&look.analysis.card_print, &passed.analysis.card_print) {
        (Some(now), Some(before)) => now.similarity(before) <= limit,
        _ => false,
    }
}

fn face_beside(look: &Look) -> bool {
    !look.analysis.people.is_empty()
}

/// Whether every card check of one look passes (for the photo side that includes the
/// seller's face beside the card, as the real flow's first step asks).
fn look_passes(look: &Look, p: &Profile, side: Side, tr: &Tr) -> bool {
    CARD_CHECKS
        .iter()
        .all(|(_, c)| side_verdict(*c, look, p, side, tr).status == Status::Pass)
}

impl IdCardStep {
    /// Each card check for the report: each side's passing look, else its last look; the
    /// worse side decides. A side never shown leaves a passing check incomplete (`skipped`),
    /// so the report cannot call a card ready on one side.
    fn results(&self, p: &Arc<Profile>) -> Vec<Judged> {
        let looks: [Option<Look>; 2] =
            [0, 1].map(|i| self.passed[i].clone().or_else(|| self.last[i].clone()));
        CARD_CHECKS
            .iter()
            .map(|&(id, check)| {
                let (looks, p) = (looks.clone(), p.clone());
                Judged::new(move |tr| {
                    let mut worst: Option<checks::CheckResult> = None;
                    let mut not_shown = None;
                    for (side, look) in [Side::Front, Side::Back].into_iter().zip(&looks) {
                        let Some(look) = look else {
                            not_shown = not_shown.or(Some(side));
                            continue;
                        };
                        let r = side_verdict(check, look, &p, side, tr);
                        if worst
                            .as_ref()
                            .is_none_or(|w| severity(r.status) < severity(w.status))
                        {
                            worst = Some(r);
                        }
                    }
                    // A problem on a side shown is the answer; a clean side alone is not.
                    match (worst, not_shown) {
                        (Some(w), _) if w.status != Status::Pass => w,
                        (_, Some(side)) => {
                            let name = tr.t(&format!("idcard-side-{}", side.code()));
                            checks::CheckResult::skipped(
                                id,
                                tr,
                                tr.f("idcard-side-not-shown", &[("side", name)]),
                            )
                            .measured("side", side.code())
                        }
                        (Some(w), None) => w,
                        (None, None) => checks::CheckResult::skipped(id, tr, String::new()),
                    }
                })
            })
            .collect()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::IdCard);
        let camera = cx.camera?;
        camera.set_card_mode(true);
        camera.set_pan_mode(false);
        let view = camera.view();
        if let Some(e) = &view.state.error {
            let r = checks::camera::device(&view.state, &cx.profile.camera, &tr);
            crate::gui::cards::check_card(ui, &r, &tr);
            ui.label(e.detail());
            return None;
        }
        let both_done = self.passed.iter().all(Option::is_some);
        let side_key = format!("idcard-show-{}", self.side.code());
        ui.label(egui::RichText::new(tr.t(&side_key)).strong().size(16.0));
        let hold = cx.profile.rehearsal.card_hold_s;
        let flip_limit = cx.profile.rehearsal.card_flip_max_similarity;
        let mut live: Vec<checks::CheckResult> = Vec::new();
        let mut same_side_again = false;
        if let (Some(a), true) = (&view.analysis, view.card.is_some()) {
            let look = Look {
                analysis: a.clone(),
                card: view.card,
            };
            live = CARD_CHECKS
                .iter()
                .map(|(_, c)| side_verdict(*c, &look, cx.profile, self.side, &tr))
                .collect();
            // The second side counts only once the card was turned.
            let other = self.passed[1 - self.side.index()].as_ref();
            same_side_again =
                !both_done && other.is_some_and(|o| !turned_from(&look, o, flip_limit));
            if view.seq != self.seen_seq {
                self.seen_seq = view.seq;
                // Kept for the side it was taken of, before a pass moves on to the other; the
                // side already passed, held up again, is no look at the other side.
                if !both_done && !same_side_again {
                    self.last[self.side.index()] = Some(look.clone());
                }
                if !both_done && !same_side_again && look_passes(&look, cx.profile, self.side, &tr)
                {
                    let since = *self.hold_since.get_or_insert(view.at_s);
                    if view.at_s - since >= hold {
                        self.passed[self.side.index()] = Some(look.clone());
                        self.hold_since = None;
                        self.side = match self.side {
                            Side::Front if self.passed[1].is_none() => Side::Back,
                            Side::Back if self.passed[0].is_none() => Side::Front,
                            s => s,
                        };
                    }
                } else {
                    self.hold_since = None;
                }
                for j in self.results(cx.profile) {
                    cx.send(Command::Record(j));
                }
            }
        }
        let worst = live.iter().map(|r| r.status).min_by_key(|s| severity(*s));
        let guide = match worst {
            Some(Status::Pass) => GOOD,
            Some(Status::Fail) => BAD,
            _ => NEUTRAL,
        };
        // Glare, shadow and corners are painted only on a card seen in the guide (not on the
        // seller's lips, glasses or badge when no card is held up).
        let card_seen = view
            .analysis
            .as_ref()
            .is_some_and(|a| view.card.is_some() && checks::card::card_seen(a, &cx.profile.image));
        let overlay = Overlay {
            faces: true,
            glare: card_seen,
            guide: Some(guide),
            mouth: false,
        };
        self.preview.show_live(ui, &view, overlay, &tr);
        if let Some(since) = self.hold_since {
            let held = ((view.at_s - since) / hold).clamp(0.0, 1.0) as f32;
            ui.add(egui::ProgressBar::new(held).text(tr.t("idcard-hold")));
        }
        if same_side_again {
            ui.colored_label(tone(ui, Tone::Bad), tr.t("idcard-not-turned"));
        }
        // Every check still failing, with what to do; when all pass, the glare line says so.
        // (With no card in the guide the three checks say the same: it is said once.)
        let mut said: Vec<&str> = Vec::new();
        for r in live.iter().filter(|r| r.status != Status::Pass) {
            if said.contains(&r.summary.as_str()) {
                continue;
            }
            said.push(&r.summary);
            live_line(ui, r, &tr);
            if !r.advice.is_empty() {
                ui.label(&r.advice);
            }
        }
        if let Some(first) = live.first().filter(|_| worst == Some(Status::Pass)) {
            live_line(ui, first, &tr);
        }
        for side in [Side::Front, Side::Back] {
            if self.passed[side.index()].is_some() {
                ui.colored_label(
                    tone(ui, Tone::Good),
                    tr.t(&format!("idcard-done-{}", side.code())),
                );
            }
        }
        // Either side may come first; the step passes only when both have.
        if self.side == Side::Front
            && self.passed[1].is_none()
            && ui.button(tr.t("idcard-skip-front")).clicked()
        {
            self.side = Side::Back;
            self.hold_since = None;
        } else if self.side == Side::Back
            && self.passed[0].is_none()
            && ui.button(tr.t("idcard-front-first")).clicked()
        {
            self.side = Side::Front;
            self.hold_since = None;
        }
        if both_done {
            ui.label(tr.t("idcard-both-done"));
            let mut nav = None;
            ui.horizontal(|ui| {
                if ui.button(tr.t("gui-next")).clicked() {
                    nav = Some(Nav::Go(Step::IdCard.next()));
                }
                if ui.button(tr.t("idcard-again")).clicked() {
                    *self = IdCardStep::default();
                }
            });
            return nav;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_step_judges_the_catalogues_card_checks_in_its_order() {
        let stage = crate::checks::catalogue::Stage::IdCard;
        let catalogue: Vec<&str> = crate::checks::catalogue::of_stage(stage).collect();
        let here: Vec<&str> = CARD_CHECKS.iter().map(|(id, _)| *id).collect();
        assert_eq!(here, catalogue);
    }
}
