//! Camera: pick the device (virtual cameras are marked), see the live picture with face
//! boxes, the delivered resolution and frame rate, and light, focus and people verdicts as
//! they change.

use super::{Nav, Step, StepCtx, step_header};
use crate::analysis::look_cadence::FACE_EVERY_S;
use crate::capture::devices::CameraListError;
use crate::checks::{self, Judged};
use crate::gui::cards::live_line;
use crate::gui::job::Fetched;
use crate::gui::preview::{Overlay, Preview};
use crate::session::commands::Command;
use crate::session::verdicts;
use eframe::egui;

/// Seconds of frames before the frame-rate and picture verdicts are written down.
const SETTLE_S: f64 = 2.0;

#[derive(Default)]
pub struct CameraStep {
    preview: Preview,
    names: Fetched<Result<Vec<String>, CameraListError>>,
    live: Vec<Judged>,
    seen_seq: u64,
    /// The looks of the last `faces_window_s` (at least the time one search of the whole
    /// picture takes): people are judged on the one with the most.
    recent: crate::analysis::most_people::MostPeople,
    /// Seconds until the whole picture has been searched for faces once, while "exactly one
    /// person" cannot be said yet.
    faces_pending_s: Option<f64>,
}

impl CameraStep {
    /// Pictures the preview showed in the last second.
    pub fn preview_fps(&self) -> usize {
        self.preview.fps()
    }

    fn picker(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) {
        let tr = cx.tr;
        if let Some(path) = &cx.sources.camera_replay {
            ui.label(tr.f("camera-replay", &[("path", path.display().to_string())]));
            return;
        }
        let names = self
            .names
            .get(ui.ctx(), crate::capture::devices::camera_names, || {
                Err(CameraListError::Stopped)
            });
        let req = &cx.profile.virtual_camera;
        let label = |name: &str| {
            if checks::virtual_camera::is_virtual_name(name, req) {
                format!("{name} ({})", tr.t("camera-virtual-mark"))
            } else {
                name.to_string()
            }
        };
        match names {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr.t("camera-listing"));
                });
            }
            Some(Err(e)) => {
                ui.label(tr.f("system-unreadable", &[("reason", e.to_string())]));
            }
            Some(Ok(names)) if names.is_empty() => {
                ui.label(tr.t("camera-none"));
            }
            Some(Ok(names)) => {
                let current = names
                    .get(cx.prefs.camera_index as usize)
                    .map(|n| label(n))
                    .unwrap_or_default();
                egui::ComboBox::from_label(tr.t("camera-pick"))
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for (i, name) in names.iter().enumerate() {
                            ui.selectable_value(&mut cx.prefs.camera_index, i as u32, label(name));
                        }
                    });
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::Camera);
        self.picker(ui, cx);
        let camera = cx.camera?;
        camera.set_card_mode(false);
        camera.set_pan_mode(false);
        let view = camera.view();
        let state = &view.state;
        if state.error.is_some() {
            let j = verdicts::camera_device(state, cx.profile);
            crate::gui::cards::check_card(ui, &j.render(&tr), &tr);
            cx.send(Command::Record(j));
            return None;
        }
        if view.frame.is_none() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.t("camera-opening"));
            });
            return None;
        }
        ui.label(tr.f(
            "camera-delivered",
            &[
                ("name", state.name.clone()),
                ("width", state.stats.width.to_string()),
                ("height", state.stats.height.to_string()),
                ("fps", format!("{:.0}", state.stats.fps())),
                ("shown", self.preview.fps().to_string()),
            ],
        ));
        let overlay = Overlay {
            faces: true,
            ..Overlay::default()
        };
        self.preview.show_live(ui, &view, overlay, &tr);
        if view.seq != self.seen_seq
            && let Some(a) = &view.analysis
        {
            self.seen_seq = view.seq;
            let p = cx.profile;
            // Far faces are searched a column at a time, so a far person may only be seen
            // once in a whole search: the window holds at least one.
            let whole_s = view.faces_search_looks as f64 * FACE_EVERY_S;
            self.recent
                .add(view.at_s, a.clone(), p.image.faces_window_s.max(whole_s));
            let most = self.recent.most().unwrap_or(a);
            self.live = vec![
                verdicts::image(a, p, checks::image::lighting),
                verdicts::image(a, p, checks::image::sharpness),
            ];
            // Too many people (or none) is known at once; "exactly one" only after the whole
            // picture has been searched, else a far person not yet looked for would pass.
            let searched = view.faces_looks_left == 0;
            if searched || most.people.len() as u32 != p.image.expected_faces {
                self.faces_pending_s = None;
                self.live
                    .push(verdicts::image(most, p, checks::image::faces));
            } else {
                self.faces_pending_s = Some(view.faces_looks_left as f64 * FACE_EVERY_S);
            }
            if view.at_s >= SETTLE_S {
                for j in &self.live {
                    cx.send(Command::Record(j.clone()));
                }
                cx.send(Command::Record(verdicts::camera_device(state, cx.profile)));
                cx.send(Command::Record(verdicts::camera(
                    state,
                    p,
                    checks::camera::resolution,
                )));
                cx.send(Command::Record(verdicts::camera(
                    state,
                    p,
                    checks::camera::frame_rate,
                )));
            }
        }
        if let Some(left) = self.faces_pending_s {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.f(
                    "faces-searching",
                    &[("seconds", format!("{:.0}", left.ceil()))],
                ));
            });
        }
        for j in &self.live {
            let r = &j.render(&tr);
            live_line(ui, r, &tr);
            if !r.advice.is_empty() && r.status != crate::checks::Status::Pass {
                ui.label(&r.advice);
            }
        }
        None
    }
}
