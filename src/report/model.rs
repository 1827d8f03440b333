//! Report schema `selfcheck-report/1`, the contract with support.

use crate::checks::{CheckResult, Status};
use crate::i18n::Lang;
use crate::probe::identity::Identity;
use crate::probe::system_info::SystemInfo;
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "selfcheck-report/1";

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Ready,
    Warnings,
    NotReady,
}

impl Verdict {
    /// `not_ready` if any check failed; `warnings` if any warned or could not be measured;
    /// else `ready`. Skipped checks do not count.
    pub fn from_checks(checks: &[CheckResult]) -> Verdict {
        if checks.iter().any(|c| c.status == Status::Fail) {
            Verdict::NotReady
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
            Verdict::NotReady => "not_ready",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub report_id: String,
    pub app_version: String,
    pub created_at: String,
    pub lang: Lang,
    pub profile: String,
    pub verdict: Verdict,
    pub system: SystemInfo,
    pub checks: Vec<CheckResult>,
    /// What kinds of data this report holds (reports written before this field hold none).
    #[serde(default)]
    pub contents: Contents,
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
    #[error("not a selfcheck report: schema is {0:?}, expected \"selfcheck-report/1\"")]
    WrongSchema(String),
    #[error("not a valid selfcheck-report/1: {0}")]
    Invalid(String),
}

impl Report {
    /// A new report over `checks`, stamped now, with its content-derived id.
    pub fn new(profile: &str, lang: Lang, system: SystemInfo, checks: Vec<CheckResult>) -> Report {
        let mut r = Report {
            schema: SCHEMA.to_string(),
            report_id: String::new(),
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            created_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            lang,
            profile: profile.to_string(),
            verdict: Verdict::from_checks(&checks),
            system,
            checks,
            contents: Contents::default(),
            identity: None,
        };
        r.report_id = r.content_id();
        r
    }

    /// Adds the identifying details the seller chose to include, and says so.
    pub fn with_identity(mut self, identity: Identity) -> Report {
        self.identity = Some(identity);
        self.contents.identifying_details = true;
        self.report_id = self.content_id();
        self
    }

    /// The id this content should carry.
    pub fn content_id(&self) -> String {
        let mut copy = self.clone();
        copy.report_id = String::new();
        let bytes = serde_json::to_vec(&copy).unwrap_or_default();
        super::report_id::from_content(&bytes)
    }

    /// True when the stored id matches the content (the file was not edited).
    pub fn id_matches(&self) -> bool {
        self.report_id == self.content_id()
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
        if schema != SCHEMA {
            return Err(ReportError::WrongSchema(schema));
        }
        let report: Report =
            serde_json::from_value(value).map_err(|e| ReportError::Invalid(e.to_string()))?;
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
        if report.verdict != Verdict::from_checks(&report.checks) {
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

    #[test]
    fn verdict_rules() {
        use Status::*;
        assert_eq!(
            Verdict::from_checks(&[check("a", Pass), check("b", Skipped)]),
            Verdict::Ready
        );
        assert_eq!(
            Verdict::from_checks(&[check("a", Pass), check("b", Warn)]),
            Verdict::Warnings
        );
        assert_eq!(
            Verdict::from_checks(&[check("a", Error)]),
            Verdict::Warnings
        );
        assert_eq!(
            Verdict::from_checks(&[check("a", Warn), check("b", Fail)]),
            Verdict::NotReady
        );
        assert_eq!(Verdict::from_checks(&[]), Verdict::Ready);
    }

    #[test]
    fn json_round_trip_keeps_id_and_rejects_tampering() {
        let r = Report::new(
            "aliexpress",
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
        let other = json.replace(SCHEMA, "selfcheck-report/2");
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
            "aliexpress",
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
