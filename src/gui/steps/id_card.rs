//! ID card: the seller holds the card inside an ID-1 guide frame, front then back. Glare
//! spots are painted red on the preview as the card tilts; a side passes when the card in the
//! guide stays readable (sharp) and glare-free for the profile's hold time.

use super::{Nav, Step, StepCtx, step_header};
use crate::analysis::frame::Rect;
use crate::analysis::frame_analysis::FrameAnalysis;
use crate::checks::{self, Judged, Status};
use crate::gui::cards::live_line;
use crate::gui::preview::{BAD, GOOD, NEUTRAL, Overlay, Preview};
use crate::i18n::Tr;
use crate::profile::Profile;
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

pub struct IdCardStep {
    preview: Preview,
    side: Side,
    hold_since: Option<f64>,
    /// The passing result of each side, once held long enough.
    passed: [Option<Judged>; 2],
    /// The newest live result of each side (kept when the seller moves on without passing).
    last: [Option<Judged>; 2],
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

/// The glare verdict of one look at one side of the card.
fn glare_verdict(
    a: &Arc<FrameAnalysis>,
    card: Option<Rect>,
    p: &Arc<Profile>,
    side: Side,
) -> Judged {
    let (a, p) = (a.clone(), p.clone());
    Judged::new(move |tr| {
        let mut r = checks::image::glare(&a, card, &p.image, tr).measured("side", side.code());
        r.summary = format!(
            "{}: {}",
            tr.t(&format!("idcard-side-{}", side.code())),
            r.summary
        );
        r
    })
}

impl IdCardStep {
    /// The glare result for the report: each side's pass, else its last live look; the worse
    /// side decides.
    fn combined(&self, tr: &Tr) -> Option<Judged> {
        [Side::Front, Side::Back]
            .iter()
            .filter_map(|s| {
                let i = s.index();
                self.passed[i].clone().or_else(|| self.last[i].clone())
            })
            .min_by_key(|j| crate::report::html::severity(j.render(tr).status))
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::IdCard);
        let camera = cx.camera?;
        camera.set_card_mode(true);
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
        let mut live = None;
        if let (Some(a), true) = (&view.analysis, view.card.is_some()) {
            let j = glare_verdict(a, view.card, cx.profile, self.side);
            let r = j.render(&tr);
            if view.seq != self.seen_seq {
                self.seen_seq = view.seq;
                if r.status == Status::Pass && !both_done {
                    let since = *self.hold_since.get_or_insert(view.at_s);
                    if view.at_s - since >= hold {
                        self.passed[self.side.index()] = Some(j.clone());
                        self.hold_since = None;
                        if self.side == Side::Front {
                            self.side = Side::Back;
                        }
                    }
                } else {
                    self.hold_since = None;
                }
                self.last[self.side.index()] = Some(j);
                if let Some(c) = self.combined(&tr) {
                    cx.book.set(c);
                }
            }
            live = Some(r);
        }
        let guide = match &live {
            Some(r) if r.status == Status::Pass => GOOD,
            Some(r) if r.status == Status::Fail => BAD,
            _ => NEUTRAL,
        };
        let overlay = Overlay {
            faces: true,
            glare: true,
            guide: Some(guide),
        };
        self.preview.show_live(ui, &view, overlay, &tr);
        if let Some(since) = self.hold_since {
            let held = ((view.at_s - since) / hold).clamp(0.0, 1.0) as f32;
            ui.add(egui::ProgressBar::new(held).text(tr.t("idcard-hold")));
        }
        if let Some(r) = &live {
            live_line(ui, r, &tr);
            if r.status != Status::Pass && !r.advice.is_empty() {
                ui.label(egui::RichText::new(&r.advice).italics());
            }
        }
        for side in [Side::Front, Side::Back] {
            if self.passed[side.index()].is_some() {
                ui.colored_label(GOOD, tr.t(&format!("idcard-done-{}", side.code())));
            }
        }
        if self.side == Side::Front
            && self.passed[0].is_none()
            && ui.button(tr.t("idcard-skip-front")).clicked()
        {
            self.side = Side::Back;
            self.hold_since = None;
        }
        if both_done {
            ui.label(tr.t("idcard-both-done"));
            return ui
                .button(tr.t("gui-next"))
                .clicked()
                .then_some(Nav::Go(Step::IdCard.next()));
        }
        None
    }
}
