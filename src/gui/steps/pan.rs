//! 360° pan rehearsal: the seller turns the camera around the room; every analysed look
//! measures how much the picture moved, every face search tells the seller from anyone else.

use super::{Nav, Step, StepCtx, step_header};
use crate::checks::pan::PanWatch;
use crate::gui::cards::check_card;
use crate::gui::preview::{Overlay, Preview};
use crate::session::commands::Command;
use eframe::egui;

#[derive(Default)]
pub struct PanStep {
    preview: Preview,
    /// When the pan started (camera clock) and what has been seen since.
    watching: Option<(f64, PanWatch)>,
    seen_seq: u64,
    seen_faces_seq: u64,
    result: Option<crate::checks::Judged>,
}

impl PanStep {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::Pan);
        let camera = cx.camera?;
        camera.set_card_mode(false);
        camera.set_pan_mode(true);
        let view = camera.view();
        if view.state.error.is_some() {
            let r = crate::checks::camera::device(&view.state, &cx.profile.camera, &tr);
            check_card(ui, &r, &tr);
            return None;
        }
        let req = &cx.profile.rehearsal;
        if view.seq != self.seen_seq {
            self.seen_seq = view.seq;
            if let (Some((start, watch)), Some(a)) = (&mut self.watching, &view.analysis) {
                let t = view.at_s - *start;
                watch.observe_look(t, view.motion, req);
                if view.faces_seq != self.seen_faces_seq {
                    watch.observe_faces(t, &a.faces, a.width, view.slide, req);
                }
            }
            self.seen_faces_seq = view.faces_seq;
        }
        ui.horizontal(|ui| match &self.watching {
            None => {
                if ui.button(tr.t("pan-start")).clicked() {
                    self.watching = Some((view.at_s, PanWatch::default()));
                    self.result = None;
                }
            }
            Some((_, watch)) => {
                if ui.button(tr.t("pan-finish")).clicked() {
                    let j = crate::session::verdicts::pan(watch, cx.profile);
                    cx.send(Command::Record(j.clone()));
                    self.result = Some(j);
                    self.watching = None;
                } else {
                    ui.vertical(|ui| {
                        ui.label(tr.f(
                            "pan-watching",
                            &[
                                ("seconds", format!("{:.0}", watch.seconds)),
                                ("others", watch.others_seen(req).to_string()),
                            ],
                        ));
                        // Progress towards the shortest full turn the check accepts.
                        let share = (watch.seconds / req.pan_min_s).clamp(0.0, 1.0) as f32;
                        let text = if share < 1.0 {
                            tr.f(
                                "pan-keep-turning",
                                &[
                                    ("seconds", format!("{:.0}", watch.seconds)),
                                    ("min", format!("{:.0}", req.pan_min_s)),
                                ],
                            )
                        } else {
                            tr.t("pan-long-enough")
                        };
                        ui.add(
                            egui::ProgressBar::new(share)
                                .desired_width(320.0)
                                .text(text),
                        );
                        // Said while it happens: the seller can slow down at once.
                        if watch.smeared_now(req) {
                            ui.colored_label(ui.visuals().warn_fg_color, tr.t("pan-smeared-now"));
                        } else if watch.falling_behind() {
                            ui.colored_label(ui.visuals().warn_fg_color, tr.t("pan-turn-slower"));
                        }
                    });
                }
            }
        });
        let overlay = Overlay {
            faces: true,
            ..Overlay::default()
        };
        self.preview.show_live(ui, &view, overlay, &tr);
        if let Some(j) = &self.result {
            check_card(ui, &j.render(&tr), &tr);
        }
        None
    }
}
