//! What an `incomplete` report still needs: each required check that was not done, with one
//! line on how to do it (the app's step, or the command that measures it). Shared by the HTML,
//! the text and the app so they say the same.

use super::Report;
use crate::checks::model::message_stem;
use crate::i18n::Tr;

/// One missing check: its translated title and how to do it.
pub struct Missing {
    pub id: String,
    pub title: String,
    pub how: String,
}

/// The report's missing checks in `tr`'s language, in the profile's order.
pub fn lines(report: &Report, tr: &Tr) -> Vec<Missing> {
    report
        .missing
        .iter()
        .map(|id| {
            let stem = message_stem(id);
            Missing {
                id: id.clone(),
                title: tr.t(&format!("title-{stem}")),
                how: tr.t(&format!("howto-{stem}")),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, Tr};

    /// Every check that can be required has a "how to do it" line in both languages.
    #[test]
    fn every_check_says_how_to_do_it_in_both_languages() {
        for lang in [Lang::ZhCn, Lang::En] {
            let tr = Tr::new(lang);
            for id in crate::checks::catalogue::all() {
                let key = format!("howto-{}", crate::checks::model::message_stem(id));
                let text = tr.t(&key);
                assert!(!text.is_empty() && text != key, "{lang:?} lacks {key}");
            }
        }
    }
}
