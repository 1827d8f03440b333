//! One entry per fuzz target (fuzz/fuzz_targets/*): what the app does with untrusted bytes,
//! from parsing to rendering. The fuzzers call these; `tests/fuzz_inputs.rs` replays the seed
//! inputs and every input a fuzzer ever crashed on through the same functions in CI.
//! Each must return normally for any input: no panic, no hang, bounded memory.

use crate::analysis::faces::{FaceDetector, FaceRules};
use crate::analysis::frame::Rect;
use crate::i18n::{Lang, Tr};
use crate::report::{Report, html, text};

/// Fuzz target names, as in fuzz/Cargo.toml and the folders under fuzz/seeds.
pub const TARGETS: [&str; 5] = [
    "image_analysis",
    "wav_analysis",
    "report_json",
    "profile_toml",
    "os_output",
];

/// Runs the target called `name` on `data`; false for an unknown name.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "image_analysis" => image_analysis(data),
        "wav_analysis" => wav_analysis(data),
        "report_json" => report_json(data),
        "profile_toml" => profile_toml(data),
        "os_output" => os_output(data),
        _ => return false,
    }
    true
}

/// Bytes as an image file: decode (with the app's size limits), then the whole frame analysis,
/// with a card box taken from the input's first bytes.
pub fn image_analysis(data: &[u8]) {
    let Ok(frame) = crate::capture::image_file::decode(data) else {
        return;
    };
    let Ok(profile) = crate::profile::Profile::builtin() else {
        return;
    };
    let req = &profile.image;
    let Ok(mut detector) = FaceDetector::new(FaceRules::from_profile(req)) else {
        return;
    };
    let limits = crate::analysis::limits::FrameLimits::from_profile(req);
    let pick = |i: usize| u32::from(*data.get(i).unwrap_or(&0));
    let card = Rect {
        x: pick(0) * frame.width / 256,
        y: pick(1) * frame.height / 256,
        w: (pick(2) * frame.width / 256).max(1),
        h: (pick(3) * frame.height / 256).max(1),
    };
    let card = card.inside(frame.width, frame.height).then_some(card);
    let _ = crate::analysis::frame_analysis::analyze(&frame, card, &mut detector, &limits);
}

/// Bytes as a WAV file: decode, then the speech analysis (levels, digits, pace).
pub fn wav_analysis(data: &[u8]) {
    if let Ok(audio) = crate::capture::wav_file::decode(data) {
        let _ = crate::analysis::speech::analyze(&audio, 3);
    }
}

/// Text as a saved report (what support opens): parse, then render HTML and text in both
/// languages. Nothing from the input may become a script tag in the page.
pub fn report_json(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(report) = Report::from_json(s) else {
        return;
    };
    let _ = report.id_matches();
    for lang in [Lang::ZhCn, Lang::En] {
        let tr = Tr::new(lang);
        let page = html::render(&report, &tr);
        let _ = text::render(&report, &tr);
        assert!(
            !page.to_ascii_lowercase().contains("<script"),
            "a script tag in the rendered report"
        );
    }
}

/// Text as a requirement profile (`--profile FILE`): parse and validate.
pub fn profile_toml(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = crate::profile::Profile::parse(s, "fuzz.toml");
    }
}

/// Text as what the OS prints or stores; the first byte picks the parser: browser
/// `--version` lines, `scutil --proxy`, Windows Internet Settings strings, GNOME proxy answers,
/// /proc/net/route, Windows `route print`, macOS `netstat -rn`, CIDR text, trace responses, /proc/cpuinfo and CPUID bytes, `--card`
/// boxes and KDE kioslaverc, expiry dates as printed.
pub fn os_output(data: &[u8]) {
    use crate::probe::{browsers, net_facts, proxy, vm};
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let s = String::from_utf8_lossy(rest);
    match which % 10 {
        0 => {
            let _ = browsers::parse_version_line(&s, "/usr/bin/x");
        }
        1 => {
            let _ = proxy::parse_scutil(&s);
        }
        2 => {
            let mut parts = s.splitn(2, '\n');
            let server = parts.next();
            let pac = parts.next();
            let enable = rest.first().map(|b| u32::from(*b & 1));
            let _ = proxy::parse_windows_internet_settings(enable, server, pac);
        }
        3 => {
            let mut lines = s.lines();
            let mode = lines.next().unwrap_or_default();
            let hosts: Vec<(&str, String, String)> = lines
                .map(|l| {
                    let (h, p) = l.split_once(' ').unwrap_or((l, ""));
                    ("http", h.to_string(), p.to_string())
                })
                .collect();
            let _ = proxy::parse_gnome(mode, &hosts);
        }
        4 => {
            let _ = net_facts::parse_proc_net_route(&s);
            let _ = net_facts::parse_route_print(&s);
            let _ = net_facts::parse_netstat_rn(&s);
        }
        5 => {
            let _ = net_facts::parse_cidr(&s);
        }
        6 => {
            let _ = crate::net::trace::parse(&s);
        }
        7 => {
            let _ = vm::cpuinfo_has_hypervisor_flag(&s);
            let _ = vm::vendor_string(rest);
        }
        8 => {
            let _ = Rect::parse(&s);
            let _ = proxy::parse_kioslaverc(&s);
        }
        _ => {
            let _ = crate::checks::checklist::parse_expiry(&s);
        }
    }
}
