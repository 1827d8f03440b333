//! The app driven by its labels (egui_kittest + AccessKit), in process, on replayed media:
//! a real portrait as the camera, a real recording of spoken digits as the microphone and a
//! real HTTP sink on loopback for the speed test. Every step is visited the way a seller
//! would, and the report is saved.

mod common;
use common::http::loopback_profile;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use selfcheck::gui::steps::Step;
use selfcheck::gui::{SelfCheckApp, Sources};
use selfcheck::i18n::Lang;
use selfcheck::profile::Profile;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn harness(profile: &Path, sources: Sources) -> Harness<'static, SelfCheckApp> {
    let profile = Arc::new(Profile::load(profile).expect("profile"));
    let app = SelfCheckApp::with_sources(profile, Lang::En, sources);
    Harness::builder()
        .with_size(egui::vec2(1100.0, 820.0))
        .build_ui_state(|ui, app: &mut SelfCheckApp| app.draw(ui), app)
}

/// Steps the UI (as the window would on repaints) until `done` holds, or fails after `limit`.
fn until(
    h: &mut Harness<'_, SelfCheckApp>,
    limit: Duration,
    what: &str,
    done: impl Fn(&SelfCheckApp) -> bool,
) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    h.step();
}

/// Steps the UI until a label containing `text` is on screen (the microphone opens on a
/// worker: its controls come when it is open), or fails after `limit`.
fn until_shown(h: &mut Harness<'_, SelfCheckApp>, limit: Duration, text: &str) {
    let start = Instant::now();
    while h.query_by_label_contains(text).is_none() {
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for \"{text}\""
        );
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn status(app: &SelfCheckApp, id: &str) -> Option<String> {
    app.book().get(id).map(|r| r.status.code().to_string())
}

/// The digits recording with two seconds of faint room noise in front, so speech starts after
/// the app's countdown (as when a seller waits for the digits).
fn digits_with_quiet_start(dir: &Path) -> PathBuf {
    common::audio::digits_after_noise(dir, "digits.wav", 2.0)
}

#[test]
fn a_seller_walks_through_every_step_and_saves_the_report() {
    let dir = tempfile::tempdir().expect("tmp");
    let (profile, sink) = loopback_profile(dir.path());
    let sources = Sources {
        camera_replay: Some(fixture("images/one_face_portrait.jpg")),
        mic_replay: Some(digits_with_quiet_start(dir.path())),
        upload_url: Some(sink),
        no_network: false,
    };
    let mut h = harness(&profile, sources);
    h.run_steps(2);

    // Welcome → computer and network.
    h.get_by_label("Start the self-check").click();
    h.run_steps(2);
    assert_eq!(h.state().step(), Step::Computer);
    h.get_by_label("Start checking").click();
    until(&mut h, Duration::from_secs(120), "computer checks", |a| {
        status(a, "network.upload").is_some() && status(a, "system.virtual_machine").is_some()
    });
    let upload = h.state().book().get("network.upload").cloned();
    assert_eq!(
        upload.as_ref().map(|r| r.status.code()),
        Some("pass"),
        "{upload:?}"
    );
    assert_eq!(
        status(h.state(), "network.latency").as_deref(),
        Some("pass")
    );
    h.get_by_label_contains("Upload speed now");

    // Camera: the replayed portrait shows one person.
    h.get_by_label("Next").click();
    until(&mut h, Duration::from_secs(30), "a face verdict", |a| {
        status(a, "image.faces").is_some()
    });
    assert_eq!(status(h.state(), "image.faces").as_deref(), Some("pass"));
    h.get_by_label_contains("Exactly one person");
    assert!(status(h.state(), "camera.device").is_some());
    // The step says in words how it went (from its worst result), and once it is done the
    // one way on is "Next" — no "Skip this step" beside it.
    h.run_steps(2);
    let worst = h
        .state()
        .book()
        .worst_of_stage(selfcheck::checks::catalogue::Stage::Camera)
        .expect("camera results");
    let banner = match worst.code() {
        "pass" => "This step is fine",
        "fail" => "To fix before verifying",
        _ => "Worth a look",
    };
    h.get_by_label_contains(banner);
    assert!(h.query_by_label("Skip this step").is_none());

    // ID card: a portrait is not a card; skip on.
    h.get_by_label("Next").click();
    h.run_steps(3);
    assert_eq!(h.state().step(), Step::IdCard);
    // Not done: skipping is the way on, and there is no "Next" to mistake for it.
    assert!(h.query_by_label("Next").is_none());
    h.get_by_label("Skip this step").click();
    h.run_steps(2);

    // Microphone: the speaking test on the replayed recording.
    assert_eq!(h.state().step(), Step::Microphone);
    until_shown(&mut h, Duration::from_secs(20), "Start the speaking test");
    h.get_by_label("Start the speaking test").click();
    until(&mut h, Duration::from_secs(30), "the speaking test", |a| {
        status(a, "audio.level").is_some()
    });
    assert_eq!(status(h.state(), "audio.device").as_deref(), Some("pass"));
    h.run_steps(2);
    // The same button now tests again, and says so.
    h.get_by_label("Test again");

    // Digits: press start, the recording plays from the start: quiet, then four digits; a
    // countdown says when they will appear.
    h.get_by_label("Next").click();
    h.run_steps(2);
    h.get_by_label("Start the rehearsal").click();
    until_shown(&mut h, Duration::from_secs(20), "The digits appear in");
    until(&mut h, Duration::from_secs(40), "the digit verdict", |a| {
        status(a, "audio.digits").is_some()
    });
    let digits = h
        .state()
        .book()
        .get("audio.digits")
        .cloned()
        .expect("digits");
    assert_eq!(digits.measured["count"], 4, "{digits:?}");
    assert_eq!(digits.status.code(), "pass", "{digits:?}");
    // The camera watched the mouth while the microphone listened: the replayed portrait is a
    // still photo, so a voice read while the mouth in view never moved — the reading of
    // someone off camera, which the platform fails.
    until(
        &mut h,
        Duration::from_secs(10),
        "the lip-sync verdict",
        |a| status(a, "rehearsal.lip_sync").is_some(),
    );
    let lip = h
        .state()
        .book()
        .get("rehearsal.lip_sync")
        .cloned()
        .expect("lip sync");
    assert_eq!(lip.status.code(), "fail", "{lip:?}");
    assert!(
        lip.measured["face_in_view_share"].as_f64().unwrap_or(0.0) > 0.9,
        "{lip:?}"
    );
    assert!(
        lip.measured["mouth_moving_share"].as_f64().unwrap_or(1.0) < 0.2,
        "{lip:?}"
    );
    assert!(lip.measured["frames"].as_u64().unwrap_or(0) > 20, "{lip:?}");
    h.get_by_label_contains("the mouth on camera was open during only");
    // The card leads with plain words; the check's id and figures are folded away for
    // support, and open on a click.
    assert!(
        h.query_by_label_contains("Check id: rehearsal.lip_sync")
            .is_none()
    );
    assert!(h.query_by_label_contains("mouth_moving_share = ").is_none());
    h.get_all_by_label("Details for support")
        .last()
        .expect("the lip-sync card's details")
        .click();
    h.run_steps(3);
    h.get_by_label_contains("Check id: rehearsal.lip_sync");
    h.get_by_label("Measured:");
    h.get_by_label("Limits:");
    h.get_by_label_contains("lip_min_mouth_moving_share = 0.6");

    // Pan: a still picture is no pan — held past the minimum length (pan_min_s, 8 s), so the
    // warning is for the missing motion, not for a short pan.
    h.get_by_label("Next").click();
    h.run_steps(3);
    assert_eq!(h.state().step(), Step::Pan);
    h.get_by_label("Start the pan").click();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    // The progress towards the shortest full turn said it was long enough.
    h.get_by_label_contains("Long enough");
    // Far faces were searched as in a pan: the middle column at every look.
    assert!(h.state().camera_view().is_some_and(|v| v.panning));
    // The live looks measured how far the picture slid (a still picture: not at all).
    assert!(
        h.state()
            .camera_view()
            .and_then(|v| v.slide)
            .is_some_and(|s| s.px == Some(0.0)),
        "the live pan measured its slide"
    );
    h.get_by_label("Finish the pan").click();
    h.run_steps(2);
    let pan = h.state().book().get("rehearsal.pan").cloned().expect("pan");
    assert_eq!(pan.status.code(), "warn", "{pan:?}");
    assert!(
        pan.measured["seconds"].as_f64().is_some_and(|s| s >= 8.0),
        "long enough: {pan:?}"
    );
    assert_eq!(pan.measured["moving_fraction"], 0.0, "{pan:?}");
    assert!(pan.summary.contains("hardly moved"), "{pan:?}");
    assert_eq!(pan.measured["far_unsearched_share"], 0.0, "{pan:?}");
    assert_eq!(pan.measured["slides_unmeasured"], 0, "{pan:?}");

    // Checklist: a date as printed on the card, and three answers.
    h.get_by_label("Next").click();
    h.run_steps(2);
    // Typed as printed on the card: the range, whose end counts.
    h.get_by_label("Validity period")
        .set_text_value_accesskit("2019.01.31-2099.01.31");
    h.run_steps(2);
    assert_eq!(
        status(h.state(), "checklist.id_card_validity").as_deref(),
        Some("pass")
    );
    for node in h.get_all_by_label("Yes").collect::<Vec<_>>() {
        node.click();
    }
    h.run_steps(2);
    assert_eq!(
        status(h.state(), "checklist.phone_real_name").as_deref(),
        Some("pass")
    );

    // Report: save both files into a folder of the test.
    h.get_by_label("Next").click();
    until(&mut h, Duration::from_secs(30), "the report", |a| {
        a.step() == Step::Report
    });
    let out = dir.path().join("saved");
    std::fs::create_dir(&out).expect("mkdir");
    for _ in 0..200 {
        h.step();
        if h.query_by_label("Save report (web page)").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    // 中文 and back: every verdict measured so far (in English) is written again in Chinese,
    // on the report's cards and in the book, without measuring anything again.
    h.get_by_label("中文").click();
    until(
        &mut h,
        Duration::from_secs(30),
        "the report in Chinese",
        |a| a.book().get("network.upload").map(|r| r.title.as_str()) == Some("上传速度"),
    );
    for _ in 0..200 {
        h.step();
        if h.query_by_label_contains("画面中的人数").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    h.get_by_label_contains("画面中的人数");
    let digits_zh = h
        .state()
        .book()
        .get("audio.digits")
        .cloned()
        .expect("digits");
    assert_eq!(digits_zh.status.code(), "pass");
    assert_ne!(digits_zh.summary, digits.summary, "{digits_zh:?}");
    assert_eq!(digits_zh.measured, digits.measured);
    h.get_by_label("English").click();
    until(
        &mut h,
        Duration::from_secs(30),
        "the report in English",
        |a| a.book().get("audio.digits").map(|r| &r.summary) == Some(&digits.summary),
    );
    for _ in 0..200 {
        h.step();
        if h.query_by_label("Save report (JSON)").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    // Save as: the dialog opens on Documents (or home); the seller types the folder.
    h.get_by_label("Save report (JSON)").click();
    h.run_steps(3);
    h.get_by_label("Folder")
        .set_text_value_accesskit(out.to_str().expect("utf8"));
    h.run_steps(2);
    h.get_by_label("Save").click();
    let start = Instant::now();
    let json = loop {
        h.step();
        // The save writes a hidden temporary file beside it first, then renames it.
        let found: Vec<_> = std::fs::read_dir(&out)
            .expect("read")
            .flatten()
            .filter(|f| !f.file_name().to_string_lossy().starts_with('.'))
            .collect();
        if let Some(f) = found.first() {
            break f.path();
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "report not saved"
        );
        std::thread::sleep(Duration::from_millis(25));
    };
    let text = std::fs::read_to_string(&json).expect("read report");
    let report = selfcheck::report::Report::from_json(&text).expect("valid report");
    assert!(report.id_matches());
    let by_id = |id: &str| {
        report
            .checks
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.status.code())
    };
    assert_eq!(by_id("image.faces"), Some("pass"));
    let upload_title = report.checks.iter().find(|c| c.id == "network.upload");
    assert_eq!(upload_title.map(|c| c.title.as_str()), Some("Upload speed"));
    assert_eq!(by_id("audio.digits"), Some("pass"));
    assert_eq!(by_id("rehearsal.lip_sync"), Some("fail"));
    assert_eq!(by_id("rehearsal.pan"), Some("warn"));
    // The ID-card step was skipped: no glare verdict, so the report is incomplete as well as
    // failed (the still mouth).
    assert_eq!(by_id("image.glare"), Some("skipped"));
    assert!(report.missing.contains(&"image.glare".to_string()));
    assert_eq!(report.verdict.code(), "not_ready");
    for _ in 0..100 {
        if h.query_by_label_contains("Report saved to").is_some() {
            return;
        }
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the app did not say where the report was saved");
}

/// The sidebar shows each step's state: ○ not done, ✓ done well, ✘ a problem (and ！ for a
/// warning) — here through the checklist, whose answers are immediate.
#[test]
fn the_sidebar_marks_each_steps_state() {
    let dir = tempfile::tempdir().expect("tmp");
    let (profile, _) = loopback_profile(dir.path());
    let mut h = harness(&profile, Sources::default());
    h.run_steps(2);
    let marks = |h: &Harness<'_, SelfCheckApp>, mark: &str| h.query_all_by_label(mark).count();
    // Seven steps have checks; none is done yet (welcome and report have no mark).
    assert_eq!(marks(&h, "○"), 7);
    assert_eq!(marks(&h, "✓") + marks(&h, "✘"), 0);
    h.get_by_label("8. Checklist").click();
    h.run_steps(2);
    h.get_by_label("Validity period")
        .set_text_value_accesskit("2019.01.31-2099.01.31");
    h.run_steps(3);
    assert_eq!(marks(&h, "✓"), 1, "the checklist is done well so far");
    assert_eq!(marks(&h, "○"), 6);
    // "No" to a question the verification needs: the step shows a problem.
    let no = h.get_all_by_label("No").next().expect("a No answer");
    no.click();
    h.run_steps(3);
    assert_eq!(marks(&h, "✘"), 1, "the checklist has a problem");
    assert_eq!(marks(&h, "✓"), 0);
}

/// A camera that cannot be opened is said in the digits step too (the reading is then judged
/// on its sound; the lips cannot be compared).
#[test]
fn the_digits_step_says_when_the_camera_cannot_open() {
    let dir = tempfile::tempdir().expect("tmp");
    let (profile, _) = loopback_profile(dir.path());
    let sources = Sources {
        camera_replay: Some(dir.path().join("no-such-camera-folder")),
        ..Sources::default()
    };
    let mut h = harness(&profile, sources);
    h.run_steps(2);
    h.get_by_label("6. Digit rehearsal").click();
    let start = Instant::now();
    while h
        .query_by_label_contains("The camera cannot be opened")
        .is_none()
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the digits step did not say the camera failed"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// A 1280×720 picture: the seller in the middle and, at the right edge, a person far behind
/// (the astronaut's face 30 px wide, about 4–5 m away) — in the last of the columns the
/// smallest faces are searched in, one column at a time.
fn seller_with_far_person() -> image::RgbImage {
    use image::imageops;
    let open = |rel: &str| {
        image::open(fixture(&format!("images/{rel}")))
            .expect("a fixture")
            .to_rgb8()
    };
    let mut canvas = imageops::resize(
        &open("validation/coffee.png"),
        1280,
        720,
        imageops::FilterType::Triangle,
    );
    let seller = open("one_face_portrait.jpg");
    let w = seller.width() * 720 / seller.height();
    let seller = imageops::resize(&seller, w, 720, imageops::FilterType::Triangle);
    imageops::replace(&mut canvas, &seller, i64::from((1280 - w) / 2), 0);
    let far = imageops::resize(
        &open("validation/astronaut.png"),
        132,
        132,
        imageops::FilterType::Triangle,
    );
    imageops::replace(&mut canvas, &far, 1120, 300);
    canvas
}

/// Far faces are searched a column at a time (five columns, a second each, at 720p): the
/// camera step must not say "exactly one person" before the whole picture has been searched
/// — with a person far off at the edge, the first people verdict written is a fail, and the
/// step said it was still looking meanwhile.
#[test]
fn the_camera_step_says_one_person_only_after_searching_the_whole_picture() {
    let dir = tempfile::tempdir().expect("tmp");
    let (profile, _) = loopback_profile(dir.path());
    let picture = dir.path().join("seller_and_far_person.png");
    seller_with_far_person().save(&picture).expect("save");
    let sources = Sources {
        camera_replay: Some(picture),
        ..Sources::default()
    };
    let mut h = harness(&profile, sources);
    h.run_steps(2);
    h.get_by_label("3. Camera").click();
    let start = Instant::now();
    let mut said_looking = false;
    while status(h.state(), "image.faces").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no people verdict (still looking: {said_looking})"
        );
        said_looking |= h
            .query_by_label_contains("Looking for people far off")
            .is_some();
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    let faces = h.state().book().get("image.faces").cloned();
    assert_eq!(
        faces.as_ref().map(|r| r.status.code()),
        Some("fail"),
        "{faces:?}"
    );
    assert!(said_looking, "the step never said it was still looking");
    // The camera is held still here: the columns took turns.
    assert!(h.state().camera_view().is_some_and(|v| !v.panning));
}
