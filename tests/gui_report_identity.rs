//! The report step's "include computer name, user name and network addresses" box, driven by
//! its label: ticked, the saved report carries them; unticked again, the next saved report
//! does not — at once, without waiting for the machine's facts to be gathered again.
//! HOME is the test's own folder, so this file holds one test.

mod common;
use common::app_ui::{report_screen, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use selfcheck::gui::SelfCheckApp;
use std::path::Path;

const TICK: &str = "Include computer name, user name and network addresses (only if support asks)";
const SECTION: &str = "Identifying details (included at your request)";

/// Saves the report on the Desktop as `name` and returns the page.
fn save_as(h: &mut Harness<'_, SelfCheckApp>, desktop: &Path, name: &str) -> String {
    h.get_by_label("Save report (web page)").click();
    wait_for(h, "the dialog", |h| h.query_by_label("File name").is_some());
    h.get_by_label("File name").set_text_value_accesskit(name);
    h.run_steps(2);
    h.get_by_label("Save").click();
    let file = desktop.join(format!("{name}.html"));
    wait_for(h, "the saved page", |_| file.is_file());
    wait_for(h, "the confirmation", |h| {
        h.query_by_label_contains("Report saved to").is_some()
    });
    std::fs::read_to_string(&file).expect("read the page")
}

#[test]
fn the_identity_box_puts_the_details_in_and_takes_them_out() {
    let home = tempfile::tempdir().expect("tmp");
    let desktop = home.path().join("Desktop");
    std::fs::create_dir_all(&desktop).expect("mkdir");
    // SAFETY: this binary runs this one test; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("HOME", home.path()) };

    let mut h = report_screen();
    wait_for(&mut h, "the report", |h| {
        h.query_by_label("Save report (web page)").is_some()
    });

    // Left out by default.
    let plain = save_as(&mut h, &desktop, "default");
    assert!(!plain.contains(SECTION), "identity in a default report");

    h.get_by_label(TICK).click();
    h.run_steps(2);
    let with = save_as(&mut h, &desktop, "with-identity");
    assert!(with.contains(SECTION), "ticked, but no identity section");
    assert!(with.contains("Computer name") && with.contains("User name"));
    let host = sysinfo::System::host_name().expect("this computer has a name");
    assert!(
        with.contains(&format!("<td>{host}</td>")),
        "the computer's name {host} is missing"
    );

    // Unticked: the very next save has none of it.
    h.get_by_label(TICK).click();
    h.run_steps(1);
    let without = save_as(&mut h, &desktop, "without-identity");
    assert!(!without.contains(SECTION), "unticked, still identified");
    assert!(!without.contains("Computer name") && !without.contains("User name"));
    assert!(
        !without.contains(&format!("<td>{host}</td>")),
        "the computer's name is still in it"
    );
}
