//! The live picture: one texture, replaced only when a new analysed frame arrives, with the
//! face boxes, the ID-card guide and glare spots drawn over it.

use crate::analysis::frame::Rect;
use crate::session::live_camera::LiveView;
use eframe::egui;

#[derive(Default)]
pub struct Preview {
    texture: Option<egui::TextureHandle>,
    /// The picture in the texture (compared by address: a new picture is a new allocation).
    shown: Option<std::sync::Arc<crate::analysis::frame::RgbFrame>>,
    /// When the texture was replaced, over the last second.
    updates: std::collections::VecDeque<std::time::Instant>,
}

/// What to draw over the picture.
#[derive(Clone, Copy, Default)]
pub struct Overlay {
    pub faces: bool,
    /// The reader's mouth (mouth mode).
    pub mouth: bool,
    pub glare: bool,
    /// Colour of the guide frame when the card mode is on.
    pub guide: Option<egui::Color32>,
}

pub const GOOD: egui::Color32 = egui::Color32::from_rgb(45, 164, 78);
pub const BAD: egui::Color32 = egui::Color32::from_rgb(207, 34, 46);
pub const NEUTRAL: egui::Color32 = egui::Color32::from_rgb(230, 230, 230);
pub const SHADOW: egui::Color32 = egui::Color32::from_rgb(40, 90, 255);
pub const CORNER: egui::Color32 = egui::Color32::from_rgb(255, 150, 0);

impl Preview {
    /// New pictures shown in the last second.
    pub fn fps(&self) -> usize {
        let now = std::time::Instant::now();
        self.updates
            .iter()
            .filter(|t| now.duration_since(**t).as_secs_f64() <= 1.0)
            .count()
    }

    /// The preview in the space left under a step's header, or "opening the camera…" until
    /// the first picture arrives.
    pub fn show_live(
        &mut self,
        ui: &mut egui::Ui,
        view: &LiveView,
        overlay: Overlay,
        tr: &crate::i18n::Tr,
    ) {
        let max = super::steps::preview_size(ui);
        if self
            .show(ui, view, max, overlay, &tr.t("camera-preview-alt"))
            .is_none()
        {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.t("camera-opening"));
            });
        }
    }

    /// Draws the newest frame fitted into `max` (keeping its aspect); returns its screen rect.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        view: &LiveView,
        max: egui::Vec2,
        overlay: Overlay,
        alt: &str,
    ) -> Option<egui::Rect> {
        let frame = view.frame.as_ref()?;
        let is_new = self
            .shown
            .as_ref()
            .is_none_or(|s| !std::sync::Arc::ptr_eq(s, frame));
        if self.texture.is_none() || is_new {
            let image = egui::ColorImage::from_rgb(
                [frame.width as usize, frame.height as usize],
                &frame.data,
            );
            match &mut self.texture {
                Some(t) => t.set(image, egui::TextureOptions::LINEAR),
                None => {
                    self.texture = Some(ui.ctx().load_texture(
                        "camera-preview",
                        image,
                        egui::TextureOptions::LINEAR,
                    ))
                }
            }
            self.shown = Some(frame.clone());
            let now = std::time::Instant::now();
            self.updates.push_back(now);
            while self
                .updates
                .front()
                .is_some_and(|t| now.duration_since(*t).as_secs_f64() > 1.0)
            {
                self.updates.pop_front();
            }
        }
        let texture = self.texture.as_ref()?;
        let (fw, fh) = (frame.width as f32, frame.height as f32);
        let scale = (max.x / fw).min(max.y / fh).max(0.01);
        let size = egui::vec2(fw * scale, fh * scale);
        let response = ui.add(egui::Image::new((texture.id(), size)).alt_text(alt));
        let to_screen = |r: &Rect| {
            egui::Rect::from_min_size(
                response.rect.min + egui::vec2(r.x as f32 * scale, r.y as f32 * scale),
                egui::vec2(r.w as f32 * scale, r.h as f32 * scale),
            )
        };
        let painter = ui.painter_at(response.rect);
        let stroke = |c| egui::Stroke::new(2.0, c);
        if let Some(a) = &view.analysis {
            if overlay.faces {
                for f in &a.people {
                    painter.rect_stroke(
                        to_screen(&f.rect),
                        2.0,
                        stroke(GOOD),
                        egui::StrokeKind::Outside,
                    );
                }
                for (f, _) in &a.not_people {
                    painter.rect_stroke(
                        to_screen(&f.rect),
                        2.0,
                        stroke(NEUTRAL),
                        egui::StrokeKind::Outside,
                    );
                }
            }
            if overlay.glare {
                // Glare of every kind in red, shadow in blue, corners not seen as orange rings.
                let glare = a.glare.iter().flat_map(|g| g.regions.iter().map(|r| r.1));
                let shadow = a
                    .card_surface
                    .iter()
                    .flat_map(|s| s.shadow_boxes.iter().copied());
                for (b, fill, edge) in glare
                    .map(|b| (b, egui::Color32::from_rgba_unmultiplied(255, 0, 0, 90), BAD))
                    .chain(shadow.map(|b| {
                        (
                            b,
                            egui::Color32::from_rgba_unmultiplied(40, 90, 255, 90),
                            SHADOW,
                        )
                    }))
                {
                    let r = to_screen(&b);
                    painter.rect_filled(r, 0.0, fill);
                    painter.rect_stroke(r, 0.0, stroke(edge), egui::StrokeKind::Outside);
                }
                let grey = a.grey_factor as f32 * scale;
                for c in a.card_corners.iter().flat_map(|c| c.corners.iter()) {
                    if let (Some((x, y)), Some(_)) = (c.at, c.missing) {
                        let at = response.rect.min + egui::vec2(x as f32 * grey, y as f32 * grey);
                        painter.circle_stroke(at, 14.0, egui::Stroke::new(3.0, CORNER));
                    }
                }
            }
        }
        if overlay.mouth
            && let Some(m) = &view.mouth
        {
            painter.rect_stroke(to_screen(m), 6.0, stroke(GOOD), egui::StrokeKind::Outside);
        }
        if let (Some(colour), Some(card)) = (overlay.guide, view.card) {
            painter.rect_stroke(
                to_screen(&card),
                8.0,
                egui::Stroke::new(3.0, colour),
                egui::StrokeKind::Outside,
            );
        }
        Some(response.rect)
    }
}
