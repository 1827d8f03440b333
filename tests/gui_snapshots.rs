//! Pictures of screens, rendered by wgpu (Vulkan lavapipe or GL llvmpipe here) and compared
//! with the stored ones in tests/snapshots (fixed size, locale and content; nothing that
//! changes between runs is on these screens). `UPDATE_SNAPSHOTS=1` rewrites them after an
//! intended change. Where no renderer exists the test says so and skips (CI has one).

mod common;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use selfcheck::gui::SelfCheckApp;
use selfcheck::i18n::Lang;

fn harness(lang: Lang) -> Harness<'static, SelfCheckApp> {
    common::app_ui::app_at(lang, egui::vec2(960.0, 680.0))
}

/// Tolerance for renderer differences between Mesa versions and backends (anti-aliased edges
/// of glyphs and rounded corners): a pixel may differ by a YIQ distance of 1.0 (egui's
/// default is 0.6), and up to 200 pixels of the 652,800 (0.03 %) may differ more. A changed
/// word, a moved widget or a missing glyph changes thousands.
fn options() -> egui_kittest::SnapshotOptions {
    egui_kittest::SnapshotOptions::new()
        .threshold(1.0)
        .max_failed_pixels(200)
}

fn snapshot(h: &mut Harness<'_, SelfCheckApp>, name: &str) {
    match h.try_snapshot_options(name, &options()) {
        Ok(()) => {}
        Err(egui_kittest::SnapshotError::RenderError { err }) => {
            common::skip::skip(&format!("snapshot {name}: no renderer ({err})"));
        }
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn welcome_in_chinese() {
    let mut h = harness(Lang::ZhCn);
    h.run_steps(3);
    snapshot(&mut h, "welcome_zh");
}

#[test]
fn checklist_in_english_with_answers() {
    let mut h = harness(Lang::En);
    h.run_steps(2);
    h.get_by_label("8. Checklist").click();
    h.run_steps(2);
    h.get_by_label("Long-term (长期)").click();
    h.run_steps(2);
    snapshot(&mut h, "checklist_en");
}

/// The light theme (the app follows the system's): the welcome screen with its warning line
/// and the checklist with a result, so text, headings and status colours are seen on light
/// panels (their contrast is computed in `gui::readable`'s unit test; this shows them drawn).
#[test]
fn welcome_and_checklist_in_the_light_theme() {
    let mut h = harness(Lang::ZhCn);
    h.ctx.set_theme(egui::Theme::Light);
    h.run_steps(3);
    snapshot(&mut h, "welcome_zh_light");
    h.get_by_label("8. 准备清单").click();
    h.run_steps(2);
    h.get_by_label("长期有效").click();
    h.run_steps(2);
    snapshot(&mut h, "checklist_zh_light");
}
