//! Welcome: what to have ready, how to sit (a drawing), what will be checked, what stays on
//! this computer, and the start button.

use super::{Nav, Step, StepCtx, step_header};
use eframe::egui;

pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
    let tr = cx.tr;
    step_header(ui, &tr, Step::Welcome);
    let mut nav = None;
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_max_width((ui.available_width() - 230.0).max(320.0));
            ui.label(egui::RichText::new(tr.t("welcome-prepare-title")).strong());
            for key in [
                "welcome-prepare-card",
                "welcome-prepare-room",
                "welcome-prepare-time",
            ] {
                ui.label(format!("• {}", tr.t(key)));
            }
            ui.add_space(8.0);
            ui.label(egui::RichText::new(tr.t("welcome-checks-title")).strong());
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
            nav = start.clicked().then_some(Nav::Go(Step::Computer));
        });
        ui.vertical(|ui| {
            posture(ui);
            ui.set_max_width(210.0);
            ui.label(egui::RichText::new(tr.t("welcome-posture")).size(14.0));
        });
    });
    nav
}

/// A simple drawing of the pose the verification asks for: the face in the middle of the
/// picture, the ID card held flat at the chest with all four corners in view, the fingers on
/// the middle of its long edges.
fn posture(ui: &mut egui::Ui) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(210.0, 230.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let ink = ui.visuals().text_color();
    let line = egui::Stroke::new(2.0, ink);
    // The camera's picture.
    painter.rect_stroke(rect.shrink(2.0), 8.0, line, egui::StrokeKind::Inside);
    let x = rect.center().x;
    let at = |dx: f32, dy: f32| egui::pos2(x + dx, rect.top() + dy);
    // Shoulders and body.
    let body = vec![
        at(-80.0, 226.0),
        at(-62.0, 132.0),
        at(62.0, 132.0),
        at(80.0, 226.0),
    ];
    painter.add(egui::Shape::convex_polygon(
        body,
        egui::Color32::from_rgb(0x4A, 0x5A, 0x70),
        line,
    ));
    // The neck, then the head with eyes and a mouth.
    let skin = egui::Color32::from_rgb(0xF2, 0xD0, 0xB4);
    let neck = egui::Rect::from_min_max(at(-13.0, 104.0), at(13.0, 134.0));
    painter.rect(neck, 0.0, skin, line, egui::StrokeKind::Inside);
    painter.circle(at(0.0, 78.0), 36.0, skin, line);
    let dark = egui::Color32::from_rgb(0x33, 0x2B, 0x26);
    painter.circle_filled(at(-12.0, 72.0), 3.5, dark);
    painter.circle_filled(at(12.0, 72.0), 3.5, dark);
    painter.line_segment(
        [at(-9.0, 94.0), at(9.0, 94.0)],
        egui::Stroke::new(2.5, dark),
    );
    // The card at the chest (ID-1 proportions), its photo and lines of print.
    let card = egui::Rect::from_min_size(at(-48.0, 148.0), egui::vec2(96.0, 60.5));
    painter.rect(
        card,
        4.0,
        egui::Color32::from_rgb(0xE8, 0xF1, 0xFB),
        egui::Stroke::new(1.5, egui::Color32::from_rgb(0x1F, 0x4E, 0x8C)),
        egui::StrokeKind::Inside,
    );
    let photo =
        egui::Rect::from_min_size(card.min + egui::vec2(62.0, 10.0), egui::vec2(26.0, 32.0));
    painter.rect_filled(photo, 2.0, egui::Color32::from_rgb(0xB8, 0xC7, 0xD9));
    for i in 0..4 {
        let y = card.top() + 12.0 + i as f32 * 10.0;
        let print = egui::Stroke::new(2.0, egui::Color32::from_rgb(0x7A, 0x8C, 0xA3));
        painter.line_segment(
            [
                egui::pos2(card.left() + 8.0, y),
                egui::pos2(card.left() + 52.0, y),
            ],
            print,
        );
    }
    // All four corners in view: a green mark at each.
    let good = crate::gui::preview::GOOD;
    for (corner, sx, sy) in [
        (card.left_top(), 1.0, 1.0),
        (card.right_top(), -1.0, 1.0),
        (card.left_bottom(), 1.0, -1.0),
        (card.right_bottom(), -1.0, -1.0),
    ] {
        let mark = egui::Stroke::new(2.5, good);
        painter.line_segment([corner, corner + egui::vec2(12.0 * sx, 0.0)], mark);
        painter.line_segment([corner, corner + egui::vec2(0.0, 12.0 * sy)], mark);
    }
    // Fingers on the middle of the long edges, off the corners.
    painter.circle(
        egui::pos2(card.center().x, card.bottom() + 2.0),
        7.0,
        skin,
        line,
    );
    painter.circle(
        egui::pos2(card.center().x, card.top() - 2.0),
        6.0,
        skin,
        line,
    );
}
