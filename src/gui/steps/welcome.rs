//! Welcome: what will be checked, what stays on this computer, and the start button.

use super::{Nav, Step, StepCtx, step_header};
use eframe::egui;

pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
    let tr = cx.tr;
    step_header(ui, &tr, Step::Welcome);
    for step in &Step::ALL[1..Step::ALL.len() - 1] {
        ui.label(format!("• {}", tr.t(&format!("{}-what", step.key()))));
    }
    ui.add_space(8.0);
    ui.label(egui::RichText::new(tr.t("welcome-privacy")).strong());
    ui.label(tr.f(
        "welcome-attempts",
        &[
            (
                "attempts",
                cx.profile.verification.attempts_per_day.to_string(),
            ),
            ("hours", cx.profile.verification.freeze_hours.to_string()),
        ],
    ));
    ui.add_space(12.0);
    let start = ui.add(egui::Button::new(
        egui::RichText::new(tr.t("welcome-start")).size(18.0),
    ));
    start.clicked().then_some(Nav::Go(Step::Computer))
}
