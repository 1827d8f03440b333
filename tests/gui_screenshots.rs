//! Every step as a seller sees it on a 1366×768 laptop, in Chinese, with a portrait replayed
//! as the camera and a recording as the microphone. At 100 % scaling the window keeps its own
//! size; at 125 % (1093×614 points) it is fitted to the screen (`gui::window_fit`). At both,
//! the bottom bar's ways back and forward must lie inside the window on every step.
//! With `SELFCHECK_SCREENSHOTS=DIR` each step at 100 % is also rendered to `DIR/NN-step.png`
//! (`bash scripts/screenshots.sh` does that for the README).

mod common;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use selfcheck::gui::steps::Step;
use selfcheck::gui::{SelfCheckApp, Sources};
use selfcheck::i18n::{Lang, Tr};
use selfcheck::profile::Profile;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The window's own size.
const WINDOW: egui::Vec2 = egui::vec2(
    selfcheck::gui::WINDOW_SIZE[0],
    selfcheck::gui::WINDOW_SIZE[1],
);

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The window's inner size on a screen of `screen` points.
fn window_on(screen: egui::Vec2) -> egui::Vec2 {
    selfcheck::gui::window_fit::fitted(screen, WINDOW).map_or(WINDOW, |(size, _)| size)
}

fn harness(size: egui::Vec2) -> Harness<'static, SelfCheckApp> {
    let profile = Arc::new(Profile::builtin().expect("profile"));
    let sources = Sources {
        camera_replay: Some(fixture("images/one_face_portrait.jpg")),
        mic_replay: Some(fixture("audio/fsdd_jackson_4719_gap0.5s.wav")),
        upload_url: None,
        no_network: true,
    };
    let app = SelfCheckApp::with_sources(profile, Lang::ZhCn, sources);
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut SelfCheckApp| app.draw(ui), app)
}

/// Steps the UI until `done` holds or `limit` passes (a camera step shows its picture once
/// the replay delivered a frame; a screen without one is still a screen to check).
fn settle(
    h: &mut Harness<'_, SelfCheckApp>,
    limit: Duration,
    done: impl Fn(&SelfCheckApp) -> bool,
) {
    let start = Instant::now();
    while !done(h.state()) && start.elapsed() < limit {
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    h.run_steps(3);
}

/// The sidebar's label of `step`.
fn sidebar_label(step: Step, tr: &Tr) -> String {
    let n = Step::ALL.iter().position(|s| *s == step).expect("a step") + 1;
    format!("{n}. {}", tr.t(step.key()))
}

/// Visits every step and checks the bottom bar; returns the screens when asked to render.
fn walk(size: egui::Vec2, render_to: Option<&Path>) {
    let tr = Tr::new(Lang::ZhCn);
    let mut h = harness(size);
    h.run_steps(3);
    for (i, step) in Step::ALL.iter().enumerate() {
        h.get_by_label(&sidebar_label(*step, &tr)).click();
        h.run_steps(2);
        assert_eq!(h.state().step(), *step);
        if step.uses_camera() {
            let id = selfcheck::checks::ids::IMAGE_FACES;
            let wait = if *step == Step::Camera { 20 } else { 2 };
            settle(&mut h, Duration::from_secs(wait), |a| {
                a.book().get(id).is_some()
            });
        } else {
            settle(&mut h, Duration::from_millis(300), |_| false);
        }
        let mut ways = Vec::new();
        if *step != Step::Welcome {
            ways.push(tr.t("gui-back"));
        }
        if *step != Step::Report {
            ways.push(tr.t("gui-report-now"));
            let done = h.query_by_label(&tr.t("gui-next")).is_some();
            ways.push(tr.t(if done { "gui-next" } else { "gui-skip" }));
        }
        for way in ways {
            let rect = h.get_by_label(&way).rect();
            assert!(
                rect.min.x >= 0.0 && rect.max.x <= size.x && rect.max.y <= size.y,
                "{step:?} at {size:?}: \"{way}\" at {rect:?} is outside the window"
            );
        }
        if let Some(dir) = render_to {
            let picture = h
                .render()
                .unwrap_or_else(|e| panic!("{step:?}: no renderer for the screenshot: {e}"));
            let name = format!("{:02}-{}.png", i + 1, step.key());
            picture.save(dir.join(name)).expect("screenshot saved");
        }
    }
}

#[test]
fn every_step_fits_a_1366_by_768_laptop_at_100_and_125_percent() {
    let shots = std::env::var_os("SELFCHECK_SCREENSHOTS").map(PathBuf::from);
    if let Some(dir) = &shots {
        std::fs::create_dir_all(dir).expect("screenshot folder");
    }
    let at_100 = window_on(egui::vec2(1366.0, 768.0));
    assert_eq!(
        at_100, WINDOW,
        "the window's own size fits 1366×768 at 100 %"
    );
    walk(at_100, shots.as_deref());
    let at_125 = window_on(egui::vec2(1366.0 / 1.25, 768.0 / 1.25));
    assert!(at_125.y < WINDOW.y, "fitted at 125 %: {at_125:?}");
    walk(at_125, None);
}
