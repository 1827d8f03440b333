//! The check model: one `CheckResult` per check, the contract every layer and the report use.

use crate::i18n::Tr;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The verdict of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skipped,
    Error,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }

    /// Translated word for the status ("通过", "Pass", …).
    pub fn label(self, tr: &Tr) -> String {
        tr.t(&format!("status-{}", self.code()))
    }
}

/// What one check measured and concluded, in the report's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub id: String,
    pub status: Status,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub measured: Map<String, Value>,
    #[serde(default)]
    pub threshold: Map<String, Value>,
    #[serde(default)]
    pub advice: String,
    /// How the facts were obtained (schema 2; absent in version 1 reports and on skipped checks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<super::Provenance>,
}

/// Fluent ids cannot contain dots: "network.proxy" → "network-proxy".
pub fn message_stem(id: &str) -> String {
    id.replace(['.', '_'], "-")
}

impl CheckResult {
    /// A result with the check's translated title and an empty summary.
    pub fn new(id: &str, status: Status, tr: &Tr) -> CheckResult {
        CheckResult {
            id: id.to_string(),
            status,
            title: tr.t(&format!("title-{}", message_stem(id))),
            summary: String::new(),
            measured: Map::new(),
            threshold: Map::new(),
            advice: String::new(),
            source: None,
        }
    }

    /// The standard "could not measure" result: status error, a reason a seller understands.
    pub fn error(id: &str, tr: &Tr, reason: String) -> CheckResult {
        CheckResult::new(id, Status::Error, tr)
            .summary(reason)
            .advice(tr.t("advice-error-generic"))
    }

    /// The standard "not run" result.
    pub fn skipped(id: &str, tr: &Tr, reason: String) -> CheckResult {
        CheckResult::new(id, Status::Skipped, tr).summary(reason)
    }

    pub fn summary(mut self, text: String) -> CheckResult {
        self.summary = text;
        self
    }

    pub fn advice(mut self, text: String) -> CheckResult {
        self.advice = text;
        self
    }

    pub fn measured(mut self, key: &str, value: impl Into<Value>) -> CheckResult {
        self.measured.insert(key.to_string(), value.into());
        self
    }

    /// Says how the facts were obtained; a skipped check has no facts and keeps none.
    pub fn with_source(mut self, source: super::Provenance) -> CheckResult {
        if self.status != Status::Skipped {
            self.source = Some(source);
        }
        self
    }

    pub fn threshold(mut self, key: &str, value: impl Into<Value>) -> CheckResult {
        self.threshold.insert(key.to_string(), value.into());
        self
    }
}

/// Rounds a measured float for display and JSON (keeps reports readable and stable).
pub fn round(value: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (value * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn status_serialises_lowercase() {
        let s = serde_json::to_string(&Status::Skipped).expect("json");
        assert_eq!(s, "\"skipped\"");
        let back: Status = serde_json::from_str("\"warn\"").expect("parse");
        assert_eq!(back, Status::Warn);
        assert!(serde_json::from_str::<Status>("\"ok\"").is_err());
    }

    #[test]
    fn builder_fills_title_from_translation() {
        let tr = Tr::new(Lang::En);
        let r = CheckResult::new("network.proxy", Status::Fail, &tr)
            .measured("count", 2)
            .threshold("max", 0)
            .summary("s".into());
        assert_eq!(r.title, "Proxy");
        assert_eq!(r.measured["count"], 2);
        assert_eq!(r.threshold["max"], 0);
        assert_eq!(message_stem("system.time_of_day"), "system-time-of-day");
        assert_eq!(round(1.23456, 2), 1.23);
    }
}
