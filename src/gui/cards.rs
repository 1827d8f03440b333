//! A check result as a card: status in its colour, title, what was found, how to fix it.

use crate::checks::CheckResult;
use crate::i18n::Tr;
use eframe::egui;

/// The card leads with what a seller needs — the verdict, what was found, what to do — and
/// folds what support needs (the check's id, where the facts came from, every figure and
/// limit) under "Details for support".
pub fn check_card(ui: &mut egui::Ui, c: &CheckResult, tr: &Tr) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.colored_label(
                super::readable::status(ui, c.status),
                egui::RichText::new(c.status.label(tr)).strong(),
            );
            ui.label(egui::RichText::new(&c.title).strong());
        });
        if !c.summary.is_empty() {
            ui.label(&c.summary);
        }
        if !c.advice.is_empty() {
            ui.label(egui::RichText::new(
                tr.f("advice-line", &[("advice", c.advice.clone())]),
            ));
        }
        egui::CollapsingHeader::new(tr.t("card-details"))
            .id_salt(("card-details", &c.id))
            .default_open(false)
            .show(ui, |ui| details(ui, c, tr));
    });
}

fn details(ui: &mut egui::Ui, c: &CheckResult, tr: &Tr) {
    use crate::report::value_text::pairs;
    let line = |ui: &mut egui::Ui, text: String| {
        ui.label(egui::RichText::new(text).small());
    };
    line(ui, tr.f("card-details-id", &[("id", c.id.clone())]));
    if let Some(p) = c.source {
        line(ui, crate::report::replay_note::label(p, tr));
    }
    for (heading, map) in [
        ("card-details-measured", &c.measured),
        ("card-details-threshold", &c.threshold),
    ] {
        if map.is_empty() {
            continue;
        }
        line(ui, tr.t(heading));
        for (k, v) in pairs(map) {
            line(ui, format!("  {k} = {v}"));
        }
    }
}

/// A one-line live verdict (used under the preview).
pub fn live_line(ui: &mut egui::Ui, c: &CheckResult, tr: &Tr) {
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(
            super::readable::status(ui, c.status),
            egui::RichText::new(c.status.label(tr)).strong(),
        );
        ui.label(egui::RichText::new(&c.title).strong());
        ui.label(&c.summary);
    });
}

/// "正在打开麦克风…" with a spinner while the microphone opens on its worker; looked at again
/// soon, so the time limit shows when the driver does not answer.
pub fn opening_microphone(ui: &mut egui::Ui, tr: &Tr) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(tr.t("mic-opening"));
    });
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(250));
}
