//! A verdict kept together with the facts it was judged on, so the same result can be written
//! again in the other language: the app's language switch rewrites every result on screen
//! instead of leaving earlier ones in the language they were measured in.

use super::CheckResult;
use crate::i18n::Tr;
use std::sync::Arc;

/// Judges captured facts in any language. Cheap to clone and to render (no I/O).
#[derive(Clone)]
pub struct Judged(Arc<dyn Fn(&Tr) -> CheckResult + Send + Sync>);

impl Judged {
    /// `judge` must be pure: the facts it needs are moved into it.
    pub fn new(judge: impl Fn(&Tr) -> CheckResult + Send + Sync + 'static) -> Judged {
        Judged(Arc::new(judge))
    }

    /// The result in `tr`'s language.
    pub fn render(&self, tr: &Tr) -> CheckResult {
        (self.0)(tr)
    }

    /// The same verdict with its words changed after judging (e.g. the id the runner knows).
    pub fn map(
        self,
        change: impl Fn(CheckResult, &Tr) -> CheckResult + Send + Sync + 'static,
    ) -> Judged {
        Judged::new(move |tr| change(self.render(tr), tr))
    }
}

impl std::fmt::Debug for Judged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Judged")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::i18n::Lang;

    #[test]
    fn one_verdict_renders_in_both_languages() {
        let facts = 3.5_f64;
        let j = Judged::new(move |tr| {
            CheckResult::new("network.upload", Status::Warn, tr)
                .summary(tr.f("upload-summary-test", &[("mbps", facts.to_string())]))
        });
        let (zh, en) = (j.render(&Tr::new(Lang::ZhCn)), j.render(&Tr::new(Lang::En)));
        assert_eq!((zh.status, en.status), (Status::Warn, Status::Warn));
        assert_ne!(zh.title, en.title);
        let j = j.map(|mut r, _| {
            r.id = "x".into();
            r
        });
        assert_eq!(j.render(&Tr::new(Lang::En)).id, "x");
    }
}
