//! Chinese on any machine: a subset of WenQuanYi Micro Hei (Apache-2.0, see
//! assets/fonts/LICENSE-wqy-microhei.txt) covering every character the translations use is
//! embedded and added as a fallback after egui's own fonts. eframe's `system_fonts` feature
//! still finds a full system CJK font where one is installed (for names outside the subset).

use eframe::egui;

const SUBSET: &[u8] = include_bytes!("../../assets/fonts/ui-cjk-subset.ttf");

pub fn install(ctx: &egui::Context) {
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "ui-cjk-subset",
        egui::FontData::from_static(SUBSET),
        vec![
            egui::epaint::text::InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: egui::epaint::text::FontPriority::Lowest,
            },
            egui::epaint::text::InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: egui::epaint::text::FontPriority::Lowest,
            },
        ],
    ));
}

/// Text a seller reads comfortably: body and buttons at 15 px (Chinese at egui's default 12.5 px
/// is hard to read on a laptop panel), headings clearly larger. Set once per theme.
pub fn text_sizes(ctx: &egui::Context) {
    use egui::{FontFamily, FontId, TextStyle};
    if ctx
        .global_style()
        .text_styles
        .get(&TextStyle::Body)
        .is_some_and(|f| f.size == 15.0)
    {
        return;
    }
    ctx.all_styles_mut(|style| {
        for (text_style, size) in [
            (TextStyle::Small, 12.5),
            (TextStyle::Body, 15.0),
            (TextStyle::Button, 15.0),
            (TextStyle::Heading, 22.0),
        ] {
            style
                .text_styles
                .insert(text_style, FontId::new(size, FontFamily::Proportional));
        }
        style.text_styles.insert(
            TextStyle::Monospace,
            FontId::new(14.0, FontFamily::Monospace),
        );
    });
}
