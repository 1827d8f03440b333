//! Report schema `selfcheck-report/2`, the contract with support. Version 1 files (no
//! `incomplete` verdict, no `required` list) are still read and rendered as they were.

use crate::checks::{CheckResult, Status};
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::report::header::SystemInfo;
use crate::report::identity::Identity;
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "selfcheck-report/2";
/// The first schema: same fields less `required` and `missing`, verdicts without `incomplete`.
pub const SCHEMA_V1: &str = "selfcheck-report/1";

/// The overall verdict, from best to worst: ready < warnings < incomplete < not_ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Ready,
    Warnings,
    /// Nothing failed, but a check the verification needs was not done: not "ready".
    Incomplete,
    NotReady,
}

/// The required checks that were not done: absent, skipped, or not measurable (error), in
/// the order `required` lists them.
pub fn missing(checks: &[CheckResult], required: &[String]) -> Vec<String> {
    required
        .iter()
        .filter(|id| {
            !checks.iter().any(|c| {
                &c.id == *id && matches!(c.status, Status::Pass | Status::Warn | Status::Fail)
            })
        })
        .cloned()
        .collect()
}

impl Verdict {
    /// `not_ready` if any check failed; else `incomplete` if a required check was not done;
    /// else `warnings` if any warned or could not be measured; else `ready`. Skipped checks
    /// that are not required do not count.
    pub fn from_checks(checks: &[CheckResult], required: &[String]) -> Verdict {
        if checks.iter().any(|c| c.status == Status::Fail) {
            Verdict::NotReady
        } else if !missing(checks, required).is_empty() {
            Verdict::Incomplete
        } else if checks
            .iter()
            .any(|c| matches!(c.status, Status::Warn | Status::Error))
        {
            Verdict::Warnings
        } else {
            Verdict::Ready
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Warnings => "warnings",
            Verdict::Incomplete => "incomplete",
            Verdict::NotReady => "not_ready",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    /// Schema 2: a hash of the report's facts only (statuses, figures, limits, date, profile;
    /// not the language, the wording or the machine's description), so the ID a seller reads
    /// out stays the same when the report is shown in the other language. Schema 1: a hash of
    /// the whole content.
    pub report_id: String,
    /// Schema 2: a hash of the whole content (wording included), which shows an edit the ID
    /// does not cover. Absent in schema 1.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content_hash: String,
    pub app_version: String,
    pub created_at: String,
    pub lang: Lang,
    pub profile: String,
    pub verdict: Verdict,
    /// The checks the verdict needed (the profile's `report.required`; schema 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// Those of them not done, in the same order (schema 2; empty when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    pub system: SystemInfo,
    pub checks: Vec<CheckResult>,
    /// What kinds of data this report holds (reports written before this field hold none).
    #[serde(default)]
    pub contents: Contents,
    /// The verification's own rules from the profile, for the "before you start" block
    /// (schema 2; absent in version 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<super::before_you_start::Rules>,
    /// Present only when the seller chose to include identifying details for support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
}

/// What a report holds besides the check results and the machine description.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contents {
    /// Pictures from the camera: never put into a report.
    pub pictures: bool,
    /// Sound from the microphone: never put into a report.
    pub sound: bool,
    /// Computer name, user name, network addresses and MACs (`identity`): only when the
    /// seller opted in.
    pub identifying_details: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error(
        "not a selfcheck report: schema is {0:?}, expected \"selfcheck-report/2\" or \"selfcheck-report/1\""
    )]
    WrongSchema(String),
    #[error("not a valid selfcheck report: {0}")]
    Invalid(String),
}

impl Report {
    /// A new report over `checks` judged against `profile`, stamped now, with its
    /// content-derived id.
    pub fn new(
        profile: &Profile,
        lang: Lang,
        system: SystemInfo,
        checks: Vec<CheckResult>,
    ) -> Report {
        let required = profile.report.required.clone();
        let mut r = Report {
            schema: SCHEMA.to_string(),
            report_id: String::new(),
            content_hash: String::new(),
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            created_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            lang,
            profile: profile.profile.id.clone(),
            verdict: Verdict::from_checks(&checks, &required),
            missing: missing(&checks, &required),
            required,
            system,
            checks,
            contents: Contents::default(),
            rules: Some(super::before_you_start::Rules::of(profile)),
            identity: None,
        };
        r.seal();
        r
    }

    /// Sets the ID and the content hash from the content.
    fn seal(&mut self) {
        self.report_id = self.content_id();
        self.content_hash = self.full_hash();
    }

    /// The same report stamped with `earlier`'s time when both hold the same facts: the app
    /// remakes the report when the seller switches language, and the ID must not change then.
    pub fn keeping_stamp_of(mut self, earlier: &Report) -> Report {
        let mut probe = self.clone();
        probe.created_at = earlier.created_at.clone();
        if probe.content_id() == earlier.report_id && earlier.schema == self.schema {
            self.created_at = earlier.created_at.clone();
            self.seal();
        }
        self
    }

    /// Adds the identifying details the seller chose to include, and says so.
    pub fn with_identity(mut self, identity: Identity) -> Report {
        self.identity = Some(identity);
        self.contents.identifying_details = true;
        self.seal();
        self
    }

    /// The ID this content should carry (see `report_id`).
    pub fn content_id(&self) -> String {
        let mut copy = self.clone();
        copy.report_id = String::new();
        copy.content_hash = String::new();
        if self.schema != SCHEMA_V1 {
            // The facts only: what a language switch rewrites is left out.
            copy.lang = Lang::default();
            copy.system = SystemInfo::default();
            for c in &mut copy.checks {
                c.title.clear();
                c.summary.clear();
                c.advice.clear();
            }
        }
        let bytes = serde_json::to_vec(&copy).unwrap_or_default();
        super::report_id::from_content(&bytes)
    }

    /// The hash of the whole content, wording included (schema 2).
    fn full_hash(&self) -> String {
        let mut copy = self.clone();
        copy.report_id = String::new();
        copy.content_hash = String::new();
        let bytes = serde_json::to_vec(&copy).unwrap_or_default();
        super::report_id::from_content(&bytes)
    }

    /// True when the stored ID (and, in schema 2, the content hash) match the content: the
    /// file was not edited.
    pub fn id_matches(&self) -> bool {
        self.report_id == self.content_id()
            && (self.schema == SCHEMA_V1 || self.content_hash == self.full_hash())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string()) + "\n"
    }

    /// Parses and validates a saved report: schema, field types, and a verdict that agrees
    /// with the checks (a hand-edited "ready" over failed checks is rejected).
    pub fn from_json(text: &str) -> Result<Report, ReportError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ReportError::NotJson(e.to_string()))?;
        let schema = value
            .get("schema")
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_string();
        if schema != SCHEMA && schema != SCHEMA_V1 {
            return Err(ReportError::WrongSchema(schema));
        }
        let report: Report =
            serde_json::from_value(value).map_err(|e| ReportError::Invalid(e.to_string()))?;
        if schema == SCHEMA_V1
            && (!report.required.is_empty()
                || report.rules.is_some()
                || !report.content_hash.is_empty()
                || report.verdict == Verdict::Incomplete)
        {
            return Err(ReportError::Invalid(
                "a selfcheck-report/1 has no required checks and no \"incomplete\" verdict".into(),
            ));
        }
        if report.missing != missing(&report.checks, &report.required) {
            return Err(ReportError::Invalid(
                "missing does not match the required checks".into(),
            ));
        }
        if report.contents.identifying_details != report.identity.is_some() {
            return Err(ReportError::Invalid(
                "contents.identifying_details does not match identity".into(),
            ));
        }
        if report.contents.pictures || report.contents.sound {
            return Err(ReportError::Invalid(
                "reports never hold pictures or sound".into(),
            ));
        }
        if report.verdict != Verdict::from_checks(&report.checks, &report.required) {
            return Err(ReportError::Invalid(format!(
                "verdict {:?} does not match the checks",
                report.verdict.code()
            )));
        }
        Ok(report)
    }

    /// Count of checks per status, for summaries.
    pub fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.status == status).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Tr;

    fn check(id: &str, status: Status) -> CheckResult {
        CheckResult::new(id, status, &Tr::new(Lang::ZhCn))
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn profile() -> Profile {
        Profile::builtin().expect("profile")
    }

    #[test]
    fn verdict_rules() {
        use Status::*;
        let none: Vec<String> = Vec::new();
        assert_eq!(
            Verdict::from_checks(&[check("a", Pass), check("b", Skipped)], &none),
            Verdict::Ready
        );
        assert_eq!(
            Verdict::from_checks(&[check("a", Pass), check("b", Warn)], &none),
            Verdict::Warnings
        );
        assert_eq!(
            Verdict::from_checks(&[check("a", Error)], &none),
            Verdict::Warnings
        );
        assert_eq!(
            Verdict::from_checks(&[check("a", Warn), check("b", Fail)], &none),
            Verdict::NotReady
        );
        assert_eq!(Verdict::from_checks(&[], &none), Verdict::Ready);
    }

    #[test]
    fn a_required_check_not_done_makes_the_verdict_incomplete() {
        use Status::*;
        let req = ids(&["image.glare", "audio.digits"]);
        // Skipped, absent or not measurable: each is "not done".
        for glare in [Skipped, Error] {
            let checks = [check("image.glare", glare), check("audio.digits", Pass)];
            assert_eq!(Verdict::from_checks(&checks, &req), Verdict::Incomplete);
            assert_eq!(missing(&checks, &req), ids(&["image.glare"]));
        }
        let checks = [check("audio.digits", Warn)];
        assert_eq!(Verdict::from_checks(&checks, &req), Verdict::Incomplete);
        // A failure anywhere outranks it; all required done falls back to the usual rules.
        let checks = [check("network.vpn", Fail)];
        assert_eq!(Verdict::from_checks(&checks, &req), Verdict::NotReady);
        let checks = [check("image.glare", Pass), check("audio.digits", Warn)];
        assert_eq!(Verdict::from_checks(&checks, &req), Verdict::Warnings);
        let checks = [
            check("image.glare", Pass),
            check("audio.digits", Pass),
            check("network.upload", Skipped),
        ];
        assert_eq!(Verdict::from_checks(&checks, &req), Verdict::Ready);
        // The order support reads: ready < warnings < incomplete < not_ready.
        assert!(Verdict::Ready < Verdict::Warnings);
        assert!(Verdict::Warnings < Verdict::Incomplete);
        assert!(Verdict::Incomplete < Verdict::NotReady);
    }

    #[test]
    fn a_report_without_the_big_checks_is_incomplete_and_lists_them() {
        let p = profile();
        let r = Report::new(
            &p,
            Lang::ZhCn,
            SystemInfo::default(),
            vec![check("network.proxy", Status::Pass)],
        );
        assert_eq!(r.verdict, Verdict::Incomplete);
        assert_eq!(r.required, p.report.required);
        assert!(!r.missing.contains(&"network.proxy".to_string()));
        for id in [
            "image.glare",
            "image.faces",
            "rehearsal.pan",
            "audio.digits",
        ] {
            assert!(r.missing.contains(&id.to_string()), "{id} not listed");
        }
        let json = r.to_json();
        assert!(json.contains("\"verdict\": \"incomplete\""), "{json}");
        assert_eq!(Report::from_json(&json).expect("valid"), r);
        // An edited missing list is refused like an edited verdict.
        let edited = json.replacen("\"image.glare\",\n", "", 1);
        assert!(Report::from_json(&edited).is_err());
    }

    /// The ID is the facts': the same results written in the other language keep it, and so
    /// a seller reads the same ID to support whatever language the screen shows. Editing the
    /// wording is still caught (the content hash), as is editing a figure (the ID).
    #[test]
    fn the_id_does_not_change_with_the_language_but_edits_are_caught() {
        let p = profile();
        let facts = |lang: Lang| {
            let tr = Tr::new(lang);
            vec![
                CheckResult::new("network.proxy", Status::Fail, &tr)
                    .summary(tr.t("verdict-ready"))
                    .measured("count", 1),
            ]
        };
        let zh = Report::new(&p, Lang::ZhCn, SystemInfo::default(), facts(Lang::ZhCn));
        let en =
            Report::new(&p, Lang::En, SystemInfo::default(), facts(Lang::En)).keeping_stamp_of(&zh);
        assert_eq!(en.created_at, zh.created_at);
        assert_eq!(en.report_id, zh.report_id);
        assert_ne!(en.content_hash, zh.content_hash);
        assert!(en.id_matches() && zh.id_matches());
        // Different facts keep their own stamp and ID.
        let other = Report::new(&p, Lang::En, SystemInfo::default(), vec![]).keeping_stamp_of(&zh);
        assert_ne!(other.report_id, zh.report_id);
        let json = zh.to_json();
        let reworded = json.replace(&Tr::new(Lang::ZhCn).t("verdict-ready"), "一切正常");
        assert!(!Report::from_json(&reworded).expect("valid").id_matches());
        let refigured = json.replace("\"count\": 1", "\"count\": 0");
        assert!(!Report::from_json(&refigured).expect("valid").id_matches());
    }

    /// A report written by version 1 of the schema (no `required`, no `missing`) is read, its
    /// id still matches, and its verdict is judged by version 1's rules.
    #[test]
    fn version_1_reports_still_read() {
        let mut v1 = Report::new(
            &profile(),
            Lang::ZhCn,
            SystemInfo::default(),
            vec![check("network.proxy", Status::Pass)],
        );
        v1.schema = SCHEMA_V1.to_string();
        v1.required.clear();
        v1.missing.clear();
        v1.rules = None;
        v1.verdict = Verdict::Ready;
        v1.content_hash.clear();
        v1.report_id = v1.content_id();
        let json = v1.to_json();
        assert!(
            !json.contains("required") && !json.contains("missing") && !json.contains("rules"),
            "{json}"
        );
        let back = Report::from_json(&json).expect("v1 reads");
        assert_eq!(back.schema, SCHEMA_V1);
        assert!(back.id_matches());
        assert_eq!(back.verdict, Verdict::Ready);
        let claims_incomplete = json.replace("\"ready\"", "\"incomplete\"");
        assert!(Report::from_json(&claims_incomplete).is_err());
    }

    #[test]
    fn json_round_trip_keeps_id_and_rejects_tampering() {
        let r = Report::new(
            &profile(),
            Lang::ZhCn,
            SystemInfo::default(),
            vec![check("network.proxy", Status::Fail).measured("mbps", 12.3)],
        );
        assert!(r.id_matches());
        let json = r.to_json();
        let back = Report::from_json(&json).expect("valid");
        assert_eq!(back, r);
        assert!(back.id_matches());
        let edited = json.replace("\"not_ready\"", "\"ready\"");
        assert!(matches!(
            Report::from_json(&edited),
            Err(ReportError::Invalid(_))
        ));
        let other = json.replace(SCHEMA, "selfcheck-report/9");
        assert!(matches!(
            Report::from_json(&other),
            Err(ReportError::WrongSchema(_))
        ));
        assert!(matches!(
            Report::from_json("{"),
            Err(ReportError::NotJson(_))
        ));
        let mut changed = back.clone();
        changed.system.os = "edited".into();
        assert!(!changed.id_matches());
    }

    #[test]
    fn identity_only_by_choice_and_said_so() {
        let r = Report::new(
            &profile(),
            Lang::ZhCn,
            SystemInfo::default(),
            vec![check("network.proxy", Status::Pass)],
        );
        assert_eq!(r.contents, Contents::default());
        let json = r.to_json();
        assert!(json.contains("\"identifying_details\": false"), "{json}");
        assert!(!json.contains("\"identity\""), "{json}");
        let with = r.with_identity(Identity {
            host_name: Some("shop-pc".into()),
            ..Identity::default()
        });
        assert!(with.contents.identifying_details && with.id_matches());
        let json = with.to_json();
        assert_eq!(Report::from_json(&json).expect("valid"), with);
        // A report that claims no identifying details but carries them is refused.
        let lying = json.replace(
            "\"identifying_details\": true",
            "\"identifying_details\": false",
        );
        assert!(matches!(
            Report::from_json(&lying),
            Err(ReportError::Invalid(_))
        ));
        let pictures = json.replace("\"pictures\": false", "\"pictures\": true");
        assert!(Report::from_json(&pictures).is_err());
    }
}
