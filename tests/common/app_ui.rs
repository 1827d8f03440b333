//! The app driven in process by its labels (egui_kittest + AccessKit): the harness and the
//! wait for what a screen shows.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use selfcheck::gui::{SelfCheckApp, Sources};
use selfcheck::i18n::Lang;
use selfcheck::profile::Profile;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The app in `lang`, no devices and no network, 1100×820.
pub fn app(lang: Lang) -> Harness<'static, SelfCheckApp> {
    app_at(lang, egui::vec2(1100.0, 820.0))
}

/// The same at `size`.
pub fn app_at(lang: Lang, size: egui::Vec2) -> Harness<'static, SelfCheckApp> {
    let profile = Arc::new(Profile::builtin().expect("profile"));
    let sources = Sources {
        no_network: true,
        ..Sources::default()
    };
    let app = SelfCheckApp::with_sources(profile, lang, sources);
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut SelfCheckApp| app.draw(ui), app)
}

/// The app in English, opened at the report screen.
pub fn report_screen() -> Harness<'static, SelfCheckApp> {
    let mut h = app(Lang::En);
    h.run_steps(2);
    h.get_by_label("9. Report").click();
    h
}

/// Steps the UI until `found` holds, or fails after 30 s.
pub fn wait_for(
    h: &mut Harness<'_, SelfCheckApp>,
    what: &str,
    found: impl Fn(&Harness<'_, SelfCheckApp>) -> bool,
) {
    let start = Instant::now();
    loop {
        h.step();
        if found(h) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "waited 30 s for {what}"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}
