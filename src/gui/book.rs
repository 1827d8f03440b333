//! The results gathered so far, one per check id. Each step writes what it measured; the
//! report can be made at any moment, and every check no step has measured yet reads
//! "skipped" with the reason.

use crate::checks::{CheckResult, ids};
use crate::i18n::{Lang, Tr};
use crate::probe::system_info::SystemInfo;
use crate::report::Report;
use std::collections::HashMap;

#[derive(Default)]
pub struct ResultBook {
    results: HashMap<String, CheckResult>,
}

impl ResultBook {
    pub fn set(&mut self, r: CheckResult) {
        self.results.insert(r.id.clone(), r);
    }

    /// Keeps an earlier result for the same id (a dedicated step measures it better).
    pub fn set_if_absent(&mut self, r: CheckResult) {
        self.results.entry(r.id.clone()).or_insert(r);
    }

    pub fn get(&self, id: &str) -> Option<&CheckResult> {
        self.results.get(id)
    }

    pub fn remove(&mut self, id: &str) {
        self.results.remove(id);
    }

    pub fn len(&self) -> usize {
        self.results.len()
    }

    pub fn is_empty(&self) -> bool {
        self.results.is_empty()
    }

    /// Every known check in report order; the unmeasured ones skipped.
    pub fn checks(&self, tr: &Tr) -> Vec<CheckResult> {
        ids::ALL
            .iter()
            .map(|id| match self.results.get(*id) {
                Some(r) => r.clone(),
                None => CheckResult::skipped(id, tr, tr.t("gui-step-not-done")),
            })
            .collect()
    }

    pub fn report(&self, profile_id: &str, lang: Lang, system: SystemInfo) -> Report {
        Report::new(profile_id, lang, system, self.checks(&Tr::new(lang)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::report::model::Verdict;

    #[test]
    fn unmeasured_checks_are_skipped_and_measured_ones_kept() {
        let tr = Tr::new(Lang::En);
        let mut book = ResultBook::default();
        book.set(CheckResult::new(ids::NETWORK_PROXY, Status::Fail, &tr));
        book.set_if_absent(CheckResult::new(ids::NETWORK_PROXY, Status::Pass, &tr));
        let checks = book.checks(&tr);
        assert_eq!(checks.len(), ids::ALL.len());
        let proxy = checks.iter().find(|c| c.id == ids::NETWORK_PROXY);
        assert_eq!(proxy.map(|c| c.status), Some(Status::Fail));
        let skipped = checks
            .iter()
            .filter(|c| c.status == Status::Skipped)
            .count();
        assert_eq!(skipped, ids::ALL.len() - 1);
        let system = SystemInfo {
            os: "x".into(),
            cpu: "y".into(),
            camera: "-".into(),
            microphone: "-".into(),
        };
        let report = book.report("aliexpress", Lang::En, system);
        assert_eq!(report.verdict, Verdict::NotReady);
        assert!(report.id_matches());
    }
}
