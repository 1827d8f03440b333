//! Colours of text a seller must read: body text and the pass / warning / failure words at a
//! contrast of at least 7:1 (WCAG AAA) against the panels, in the dark and in the light theme
//! (the app follows the system's theme). Pictures' overlays keep their own bright colours
//! (`preview`): they sit on camera pictures, not on panels.

use crate::checks::Status;
use eframe::egui::{self, Color32};

/// The words of a result: pass, attention, failure, could not measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Warn,
    Bad,
    Error,
}

/// The colour of `tone` for text in the theme `ui` draws with.
pub fn tone(ui: &egui::Ui, tone: Tone) -> Color32 {
    tone_in(ui.visuals().dark_mode, tone)
}

fn tone_in(dark: bool, tone: Tone) -> Color32 {
    match (dark, tone) {
        (true, Tone::Good) => Color32::from_rgb(110, 220, 130),
        (true, Tone::Warn) => Color32::from_rgb(255, 200, 80),
        (true, Tone::Bad) => Color32::from_rgb(255, 138, 138),
        (true, Tone::Error) => Color32::from_rgb(200, 170, 255),
        (false, Tone::Good) => Color32::from_rgb(0, 95, 30),
        (false, Tone::Warn) => Color32::from_rgb(125, 70, 0),
        (false, Tone::Bad) => Color32::from_rgb(165, 0, 15),
        (false, Tone::Error) => Color32::from_rgb(90, 40, 170),
    }
}

/// The colour of a result's status word.
pub fn status(ui: &egui::Ui, status: Status) -> Color32 {
    match status {
        Status::Pass => tone(ui, Tone::Good),
        Status::Warn => tone(ui, Tone::Warn),
        Status::Fail => tone(ui, Tone::Bad),
        Status::Error => tone(ui, Tone::Error),
        Status::Skipped => ui.visuals().weak_text_color(),
    }
}

/// Body text, weak text and egui's own warning and error words with enough contrast, in
/// both themes. Done once (idempotent).
pub fn apply(ctx: &egui::Context) {
    let done = |theme| {
        let v = ctx.style_of(theme).visuals.clone();
        let mut wanted = v.clone();
        readable(&mut wanted);
        v == wanted
    };
    if done(egui::Theme::Dark) && done(egui::Theme::Light) {
        return;
    }
    ctx.style_mut_of(egui::Theme::Dark, |s| readable(&mut s.visuals));
    ctx.style_mut_of(egui::Theme::Light, |s| readable(&mut s.visuals));
}

fn readable(v: &mut egui::Visuals) {
    let (body, weak) = if v.dark_mode {
        (Color32::from_gray(222), Color32::from_gray(190))
    } else {
        (Color32::from_gray(20), Color32::from_gray(60))
    };
    v.widgets.noninteractive.fg_stroke.color = body;
    v.weak_text_color = Some(weak);
    v.warn_fg_color = tone_in(v.dark_mode, Tone::Warn);
    v.error_fg_color = tone_in(v.dark_mode, Tone::Bad);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The smallest contrast text must have against its panel.
    const MIN_CONTRAST: f32 = 7.0;

    /// WCAG contrast ratio of two opaque colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        fn luminance(c: Color32) -> f32 {
            let lin = |v: u8| {
                let s = f32::from(v) / 255.0;
                if s <= 0.04045 {
                    s / 12.92
                } else {
                    ((s + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
        }
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn the_contrast_of_known_pairs() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
    }

    /// Every text colour against every panel it is drawn on (the side and bottom panels, the
    /// central panel, and the frame of a result card), in both themes.
    #[test]
    fn text_reads_at_seven_to_one_in_both_themes() {
        for mut v in [egui::Visuals::dark(), egui::Visuals::light()] {
            readable(&mut v);
            let grounds = [
                v.panel_fill,
                v.window_fill,
                v.extreme_bg_color,
                v.faint_bg_color,
            ];
            let mut texts = vec![
                ("body", v.widgets.noninteractive.fg_stroke.color),
                ("weak", v.weak_text_color()),
                ("warn", v.warn_fg_color),
                ("error", v.error_fg_color),
            ];
            for t in [Tone::Good, Tone::Warn, Tone::Bad, Tone::Error] {
                texts.push(("tone", tone_in(v.dark_mode, t)));
            }
            // (An additive overlay — egui's faint background in the light theme — is no
            // ground of its own: it tints the panel under it by a few levels.)
            let grounds = grounds.into_iter().filter(|g| g.a() == 255);
            for (name, text) in texts {
                for ground in grounds.clone() {
                    let c = contrast(text, ground);
                    assert!(
                        c >= MIN_CONTRAST,
                        "{name} {text:?} on {ground:?} (dark {}): {c:.2}",
                        v.dark_mode
                    );
                }
            }
        }
    }

    /// The primary button: white words on its blue.
    #[test]
    fn the_primary_button_reads_at_seven_to_one() {
        assert!(contrast(Color32::WHITE, crate::gui::app::PRIMARY) >= MIN_CONTRAST);
    }
}
