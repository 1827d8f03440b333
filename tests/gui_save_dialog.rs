//! The app's "save as" dialog, keyboard use and what the next run remembers, driven by
//! labels (egui_kittest + AccessKit).
//! HOME is a folder of the test laid out as on a Chinese Linux desktop (Documents is ~/文档,
//! named in ~/.config/user-dirs.dirs), so this file holds one test: the variable is the
//! process's.

mod common;
use common::app_ui::wait_for;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use selfcheck::gui::steps::Step;
use selfcheck::gui::{SelfCheckApp, Sources};
use selfcheck::i18n::Lang;
use selfcheck::profile::Profile;
use std::path::Path;
use std::sync::Arc;

/// What eframe keeps between runs, in memory.
#[derive(Default)]
struct Remembered(std::collections::HashMap<String, String>);

impl eframe::Storage for Remembered {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

fn launch(lang: Option<Lang>) -> selfcheck::gui::Launch {
    selfcheck::gui::Launch {
        lang,
        sources: Sources {
            no_network: true,
            ..Sources::default()
        },
        step: None,
        renderer: None,
    }
}

fn harness() -> Harness<'static, SelfCheckApp> {
    let profile = Arc::new(Profile::builtin().expect("profile"));
    let sources = Sources {
        no_network: true,
        ..Sources::default()
    };
    let app = SelfCheckApp::with_sources(profile, Lang::En, sources);
    let h = Harness::builder()
        .with_size(egui::vec2(1100.0, 820.0))
        .build_ui_state(|ui, app: &mut SelfCheckApp| app.draw(ui), app);
    // Folder names are the seller's own words, beyond the bundled subset: the app draws them
    // with the system's CJK font (eframe finds it); the harness gets it here.
    let system = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    let bytes = std::fs::read(system).expect("fonts-wqy-microhei (scripts/setup.sh installs it)");
    h.ctx.add_font(egui::epaint::text::FontInsert::new(
        "system-cjk",
        egui::FontData::from_owned(bytes),
        vec![egui::epaint::text::InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: egui::epaint::text::FontPriority::Lowest,
        }],
    ));
    h
}

fn folder_field(h: &Harness<'_, SelfCheckApp>) -> String {
    h.get_by_label("Folder").value().unwrap_or_default()
}

fn focused_label(h: &Harness<'_, SelfCheckApp>) -> Option<String> {
    h.query_by(|n| n.is_focused())
        .and_then(|n| n.accesskit_node().label())
}

/// Opens the dialog again, saves under `name` (a file that is there already) and waits for
/// the question whether to replace it.
fn save_again_as(h: &mut Harness<'_, SelfCheckApp>, name: &str) {
    h.get_by_label("Save report (web page)").click();
    wait_for(h, "the dialog", |h| h.query_by_label("File name").is_some());
    h.get_by_label("File name").set_text_value_accesskit(name);
    h.run_steps(2);
    h.get_by_label("Save").click();
    wait_for(h, "the replace question", |h| {
        h.query_by_label("Replace").is_some()
    });
}

/// Tab visits every control of the welcome screen; Enter presses the focused button.
fn keyboard_reaches_every_control(h: &mut Harness<'_, SelfCheckApp>) {
    let mut seen = Vec::new();
    for _ in 0..40 {
        h.key_press(egui::Key::Tab);
        h.run_steps(1);
        if let Some(label) = focused_label(h) {
            seen.push(label);
        }
    }
    eprintln!("Tab order: {seen:?}");
    for wanted in [
        "Start the self-check",
        "中文",
        "English",
        "1. Start",
        "9. Report",
        "Next",
        "Make the report now",
    ] {
        assert!(
            seen.iter().any(|s| s == wanted),
            "Tab never reached {wanted:?}: {seen:?}"
        );
    }
    while focused_label(h).as_deref() != Some("Start the self-check") {
        h.key_press(egui::Key::Tab);
        h.run_steps(1);
    }
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().step(), Step::Computer);
}

#[test]
fn save_as_dialog_and_keyboard() {
    let home = tempfile::tempdir().expect("tmp");
    let docs = home.path().join("文档");
    std::fs::create_dir_all(docs.join("店铺资料")).expect("mkdir");
    std::fs::create_dir_all(home.path().join("Desktop")).expect("mkdir");
    std::fs::create_dir_all(home.path().join(".config")).expect("mkdir");
    std::fs::write(
        home.path().join(".config/user-dirs.dirs"),
        "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\n",
    )
    .expect("write");
    // SAFETY: this binary runs this one test; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("HOME", home.path()) };

    let mut h = harness();
    h.run_steps(2);
    keyboard_reaches_every_control(&mut h);

    h.get_by_label("9. Report").click();
    wait_for(&mut h, "the report", |h| {
        h.query_by_label("Save report (web page)").is_some()
    });
    // Nothing measured: no green "ready".
    h.get_by_label_contains("Nothing has been checked yet");
    assert!(h.query_by_label("Ready to verify").is_none());

    // Opens on the Desktop, with the report's ID in a name in the seller's language; then
    // Documents as the desktop names it, a subfolder, up, and a shortcut.
    h.get_by_label("Save report (web page)").click();
    wait_for(&mut h, "the Desktop", |h| {
        h.query_by_label("Folder").is_some()
            && Path::new(&folder_field(h)) == home.path().join("Desktop")
    });
    let name = h.get_by_label("File name").value().unwrap_or_default();
    assert!(
        name.starts_with("selfcheck-report-") && name.ends_with(".html"),
        "{name}"
    );
    h.get_by_label("Documents").click();
    wait_for(&mut h, "Documents", |h| Path::new(&folder_field(h)) == docs);
    wait_for(&mut h, "the subfolder", |h| {
        h.query_by_label("店铺资料").is_some()
    });
    h.get_by_label("店铺资料").click();
    wait_for(&mut h, "inside the subfolder", |h| {
        Path::new(&folder_field(h)) == docs.join("店铺资料")
    });
    wait_for(&mut h, "an empty listing", |h| {
        h.query_by_label("No folders here").is_some()
    });
    h.get_by_label("Up one folder").click();
    wait_for(&mut h, "back up", |h| Path::new(&folder_field(h)) == docs);
    h.get_by_label("Desktop").click();
    wait_for(&mut h, "the desktop", |h| {
        Path::new(&folder_field(h)) == home.path().join("Desktop")
    });
    h.get_by_label("Documents").click();
    wait_for(&mut h, "Documents again", |h| {
        Path::new(&folder_field(h)) == docs
    });

    // A name with a slash cannot be saved; a plain one gets its extension.
    h.get_by_label("File name").set_text_value_accesskit("a/b");
    h.run_steps(2);
    h.get_by_label_contains("Type a file name without");
    h.get_by_label("File name")
        .set_text_value_accesskit("店铺报告");
    h.run_steps(2);
    h.get_by_label("Save").click();
    let saved = docs.join("店铺报告.html");
    wait_for(&mut h, "the saved page", |_| saved.is_file());
    wait_for(&mut h, "the saved message", |h| {
        h.query_by_label_contains("Report saved to").is_some()
    });
    // The confirmation offers the way to the report and to its folder.
    h.get_by_label("Open the report");
    h.get_by_label("Open its folder");
    // The line follows a switch of language, as every result does.
    h.get_by_label("中文").click();
    wait_for(&mut h, "the saved message in Chinese", |h| {
        h.query_by_label_contains("报告已保存到").is_some()
    });
    h.get_by_label("English").click();
    wait_for(&mut h, "the saved message in English again", |h| {
        h.query_by_label_contains("Report saved to").is_some()
    });
    let page = std::fs::read_to_string(&saved).expect("read");
    assert!(
        page.starts_with("<!DOCTYPE html>"),
        "{}",
        &page[..40.min(page.len())]
    );

    // The same name again: asked first; Cancel keeps the file and goes back to the dialog.
    std::fs::write(&saved, "kept").expect("write");
    save_again_as(&mut h, "店铺报告.html");
    h.get_by_label("Cancel").click();
    wait_for(&mut h, "the dialog again", |h| {
        h.query_by_label("File name").is_some()
    });
    assert_eq!(std::fs::read_to_string(&saved).expect("read"), "kept");
    // Esc closes the dialog without saving.
    h.key_press(egui::Key::Escape);
    wait_for(&mut h, "the dialog to close", |h| {
        h.query_by_label("File name").is_none()
    });
    assert_eq!(std::fs::read_to_string(&saved).expect("read"), "kept");

    // And Replace replaces.
    save_again_as(&mut h, "店铺报告");
    h.get_by_label("Replace").click();
    wait_for(&mut h, "the replaced page", |_| {
        std::fs::read_to_string(&saved).is_ok_and(|t| t.starts_with("<!DOCTYPE html>"))
    });

    // What the next run remembers: the language chosen (中文) and the report folder; a
    // language given on the command line still wins.
    h.get_by_label("中文").click();
    h.run_steps(2);
    let mut kept = Remembered::default();
    eframe::App::save(h.state_mut(), &mut kept);
    let profile = Arc::new(Profile::builtin().expect("profile"));
    let next = SelfCheckApp::restore(Some(&kept), profile.clone(), launch(None));
    assert_eq!(next.lang(), Lang::ZhCn);
    assert_eq!(next.report_folder(), Some(docs.as_path()));
    assert_eq!(next.prefs().camera_index, 0);
    let next = SelfCheckApp::restore(Some(&kept), profile, launch(Some(Lang::En)));
    assert_eq!(next.lang(), Lang::En);
}
