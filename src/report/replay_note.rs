//! The header line a report carries when its camera or microphone facts all came from files
//! (replayed), so nobody reads them as this computer's devices.

use super::Report;
use crate::checks::provenance::{Input, input_of};
use crate::checks::{CheckResult, Provenance};
use crate::i18n::Tr;

/// True when at least one check of `input` has facts and every such check was replayed.
fn all_replayed(checks: &[CheckResult], input: Input) -> bool {
    let mut sourced = checks
        .iter()
        .filter(|c| input_of(&c.id) == input)
        .filter_map(|c| c.source)
        .peekable();
    sourced.peek().is_some() && sourced.all(|s| s == Provenance::Replayed)
}

/// The note for the header, in `tr`'s language, or None when live devices were measured.
pub fn note(report: &Report, tr: &Tr) -> Option<String> {
    let camera = all_replayed(&report.checks, Input::Camera);
    let mic = all_replayed(&report.checks, Input::Microphone);
    let key = match (camera, mic) {
        (true, true) => "report-replayed-both",
        (true, false) => "report-replayed-camera",
        (false, true) => "report-replayed-mic",
        (false, false) => return None,
    };
    Some(tr.t(key))
}

/// The word shown beside a check's status for how its facts were obtained.
pub fn label(source: Provenance, tr: &Tr) -> String {
    tr.t(&format!("source-{}", source.code().replace('_', "-")))
}
