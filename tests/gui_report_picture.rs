//! The report screen's picture buttons: "Save picture" goes through the save dialog and writes
//! the report card PNG; "Copy picture" puts it on the clipboard (egui's copy-image command).

mod common;
use common::app_ui::{report_screen, wait_for};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use selfcheck::gui::SelfCheckApp;
use selfcheck::gui::steps::Step;

#[test]
fn save_picture_writes_the_card_and_copy_picture_fills_the_clipboard() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut h = report_screen();
    wait_for(&mut h, "the report screen", |h| {
        h.state().step() == Step::Report && h.query_by_label("Save picture").is_some()
    });

    h.get_by_label("Save picture").click();
    wait_for(&mut h, "the dialog", |h| {
        h.query_by_label("File name").is_some()
    });
    let folder = dir.path().to_str().expect("utf8");
    h.get_by_label("Folder").set_text_value_accesskit(folder);
    h.get_by_label("File name").set_text_value_accesskit("card");
    h.run_steps(2);
    h.get_by_label("Save").click();
    let saved = dir.path().join("card.png");
    wait_for(&mut h, "the picture on disk", |_| saved.exists());
    let img = image::open(&saved).expect("a PNG").to_rgba8();
    assert_eq!(img.width(), selfcheck::report::card_png::WIDTH);

    h.get_by_label("Copy picture (paste it into a chat)")
        .click();
    h.step();
    let copied = h.output().platform_output.commands.iter().any(
        |c| matches!(c, egui::OutputCommand::CopyImage(i) if i.size[0] == img.width() as usize),
    );
    assert!(copied, "no picture was put on the clipboard");
    wait_for(&mut h, "the confirmation", |h| {
        h.query_by_label_contains("Picture copied").is_some()
    });
}

/// The text of the one node whose label or value contains `part`.
fn text_of(h: &Harness<'_, SelfCheckApp>, part: &str) -> Option<String> {
    use egui_kittest::kittest::NodeT;
    let node = h.get_by_label_contains(part);
    let label = node.accesskit_node().label();
    label.or_else(|| node.value())
}

/// The report ID a seller reads out to support is fixed when the report is made: switching
/// the language rewrites every word of the report but not its ID (nor its time).
#[test]
fn the_report_id_stays_the_same_across_a_language_switch() {
    let mut h = report_screen();
    wait_for(&mut h, "the report ID", |h| {
        h.query_by_label_contains("Report ID ").is_some()
    });
    let id_of = |label: Option<String>, prefix: &str| {
        label
            .clone()
            .and_then(|l| l.strip_prefix(prefix).map(str::to_string))
            .unwrap_or_else(|| panic!("no {prefix:?} label: {label:?}"))
    };
    let english = id_of(text_of(&h, "Report ID "), "Report ID ");
    h.get_by_label("中文").click();
    wait_for(&mut h, "the report in Chinese", |h| {
        h.query_by_label_contains("报告编号 ").is_some()
    });
    let chinese = id_of(text_of(&h, "报告编号 "), "报告编号 ");
    assert_eq!(chinese, english);
}
