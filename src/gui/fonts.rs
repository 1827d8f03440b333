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
