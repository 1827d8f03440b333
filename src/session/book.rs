//! The results gathered so far, one per check id. Each step writes what it measured; the
//! report can be made at any moment, and every check no step has measured yet reads
//! "skipped" with the reason.

use crate::checks::{CheckResult, Judged};
use crate::i18n::{Lang, Tr};
use crate::report::Report;
use crate::report::header::SystemInfo;
use std::collections::HashMap;

/// Verdicts are kept with their facts, in the language they were last written in: a language
/// switch rewrites them all (`relanguage`).
pub struct ResultBook {
    lang: Lang,
    /// Whether the camera and microphone are replays (`--camera-source`, `--mic-source`):
    /// each verdict says how its facts were obtained.
    camera_replayed: bool,
    mic_replayed: bool,
    results: HashMap<String, (Judged, CheckResult)>,
    /// Changes with every verdict added, replaced or removed (the report is remade then).
    version: u64,
}

impl ResultBook {
    pub fn new(lang: Lang) -> ResultBook {
        ResultBook {
            lang,
            camera_replayed: false,
            mic_replayed: false,
            results: HashMap::new(),
            version: 0,
        }
    }

    /// The book of an app whose camera and microphone are (or are not) replays.
    pub fn with_replays(mut self, camera: bool, mic: bool) -> ResultBook {
        self.camera_replayed = camera;
        self.mic_replayed = mic;
        self
    }

    /// The verdict with its provenance added.
    fn sourced(&self, j: Judged) -> Judged {
        let (camera, mic) = (self.camera_replayed, self.mic_replayed);
        j.map(move |r, _| {
            let source = crate::checks::provenance::of(&r.id, camera, mic);
            r.with_source(source)
        })
    }

    pub fn set(&mut self, j: Judged) {
        let j = self.sourced(j);
        let r = j.render(&Tr::new(self.lang));
        self.results.insert(r.id.clone(), (j, r));
        self.version += 1;
    }

    /// Keeps an earlier result for the same id (a dedicated step measures it better).
    pub fn set_if_absent(&mut self, j: Judged) {
        let j = self.sourced(j);
        let r = j.render(&Tr::new(self.lang));
        if !self.results.contains_key(&r.id) {
            self.results.insert(r.id.clone(), (j, r));
            self.version += 1;
        }
    }

    /// The result in the book's language.
    pub fn get(&self, id: &str) -> Option<&CheckResult> {
        self.results.get(id).map(|(_, r)| r)
    }

    pub fn remove(&mut self, id: &str) {
        if self.results.remove(id).is_some() {
            self.version += 1;
        }
    }

    /// Writes every verdict again in `lang` (the facts are kept, nothing is measured again).
    pub fn relanguage(&mut self, lang: Lang) {
        if lang == self.lang {
            return;
        }
        self.lang = lang;
        let tr = Tr::new(lang);
        for (j, r) in self.results.values_mut() {
            *r = j.render(&tr);
        }
        // The facts are the same: the version stays, so nothing is gathered again for them.
    }

    /// The worst result a step has so far (fail before error before warn before pass);
    /// `None` while none of its checks has a result (skipped ones do not count).
    pub fn worst_of_stage(
        &self,
        stage: crate::checks::catalogue::Stage,
    ) -> Option<crate::checks::Status> {
        crate::checks::catalogue::of_stage(stage)
            .filter_map(|id| self.get(id).map(|r| r.status))
            .filter(|s| *s != crate::checks::Status::Skipped)
            .min_by_key(|s| crate::report::html::severity(*s))
    }

    /// A step's results that need the seller's attention (not passed, not skipped), worst
    /// first, in catalogue order within a status.
    pub fn attention_of_stage(&self, stage: crate::checks::catalogue::Stage) -> Vec<&CheckResult> {
        use crate::checks::Status;
        let mut out: Vec<&CheckResult> = crate::checks::catalogue::of_stage(stage)
            .filter_map(|id| self.get(id))
            .filter(|r| !matches!(r.status, Status::Pass | Status::Skipped))
            .collect();
        out.sort_by_key(|r| crate::report::html::severity(r.status));
        out
    }

    pub fn len(&self) -> usize {
        self.results.len()
    }

    pub fn is_empty(&self) -> bool {
        self.results.is_empty()
    }

    /// The language the results are written in now.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Changes whenever a result is measured or replaced; not on a language switch (the
    /// facts are the same, only their words change).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Every known check in report order, in the book's language; the unmeasured ones skipped.
    pub fn checks(&self) -> Vec<CheckResult> {
        let tr = Tr::new(self.lang);
        crate::checks::catalogue::all()
            .map(|id| match self.results.get(id) {
                Some((_, r)) => r.clone(),
                None => CheckResult::skipped(id, &tr, tr.t("gui-step-not-done")),
            })
            .collect()
    }

    pub fn report(&self, profile: &crate::profile::Profile, system: SystemInfo) -> Report {
        Report::new(profile, self.lang, system, self.checks())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::ids;
    use crate::report::model::Verdict;

    fn proxy(status: Status) -> Judged {
        Judged::new(move |tr| CheckResult::new(ids::NETWORK_PROXY, status, tr))
    }

    #[test]
    fn unmeasured_checks_are_skipped_and_measured_ones_kept() {
        let mut book = ResultBook::new(Lang::En);
        book.set(proxy(Status::Fail));
        book.set_if_absent(proxy(Status::Pass));
        let checks = book.checks();
        assert_eq!(checks.len(), crate::checks::catalogue::CATALOGUE.len());
        let proxy = checks.iter().find(|c| c.id == ids::NETWORK_PROXY);
        assert_eq!(proxy.map(|c| c.status), Some(Status::Fail));
        let skipped = checks
            .iter()
            .filter(|c| c.status == Status::Skipped)
            .count();
        assert_eq!(skipped, crate::checks::catalogue::CATALOGUE.len() - 1);
        let system = SystemInfo {
            os: "x".into(),
            cpu: "y".into(),
            camera: "-".into(),
            microphone: "-".into(),
        };
        let report = book.report(
            &crate::profile::Profile::builtin().expect("profile"),
            system,
        );
        assert_eq!(report.verdict, Verdict::NotReady);
        assert!(report.id_matches());
    }

    #[test]
    fn a_language_switch_rewrites_every_verdict_and_only_a_new_one_changes_the_version() {
        let mut book = ResultBook::new(Lang::ZhCn);
        book.set(proxy(Status::Fail));
        let zh = book.get(ids::NETWORK_PROXY).map(|r| r.title.clone());
        let v = book.version();
        book.relanguage(Lang::En);
        assert_eq!(
            book.get(ids::NETWORK_PROXY).map(|r| r.title.as_str()),
            Some("Proxy")
        );
        assert_ne!(zh.as_deref(), Some("Proxy"));
        assert_eq!(book.version(), v, "the same facts in other words");
        // Replacing a verdict (same count) still changes the version: the report is remade.
        let (v, n) = (book.version(), book.len());
        book.set(proxy(Status::Pass));
        assert_eq!(book.len(), n);
        assert!(book.version() > v);
        assert!(book.checks().iter().all(|c| !c.title.is_empty()));
    }
}
