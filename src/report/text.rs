//! The plain-text summary, short enough to paste into a support chat: verdict and id first,
//! then only what needs attention, one line each.

use super::html::severity;
use super::model::Report;
use crate::checks::{CheckResult, Status};
use crate::i18n::Tr;

const MAX_LINE_CHARS: usize = 160;

fn mark(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::Warn => "!",
        Status::Fail => "✗",
        Status::Error => "?",
        Status::Skipped => "-",
    }
}

fn clip(s: &str) -> String {
    let one_line = s.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= MAX_LINE_CHARS {
        one_line
    } else {
        one_line
            .chars()
            .take(MAX_LINE_CHARS - 1)
            .collect::<String>()
            + "…"
    }
}

fn line(c: &CheckResult, tr: &Tr) -> String {
    let source = c
        .source
        .map(|p| format!("[{}] ", super::replay_note::label(p, tr)))
        .unwrap_or_default();
    let mut l = format!("{} {source}{}（{}）", mark(c.status), c.title, c.id);
    if !c.summary.is_empty() {
        l.push_str(": ");
        l.push_str(&c.summary);
    }
    let mut out = clip(&l);
    if !c.advice.is_empty() {
        out.push_str("\n   → ");
        out.push_str(&clip(&c.advice));
    }
    out
}

/// Renders the chat summary in `tr`'s language.
pub fn render(report: &Report, tr: &Tr) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "【{}】{} {}\n",
        tr.t("report-title"),
        tr.t("report-id"),
        report.report_id
    ));
    out.push_str(&format!(
        "{}: {}\n",
        tr.t("report-verdict"),
        tr.t(&format!(
            "verdict-{}",
            report.verdict.code().replace('_', "-")
        ))
    ));
    out.push_str(&format!(
        "{} · {} {} · {}\n",
        super::local_date::display(&report.created_at, tr.lang),
        tr.t("report-version"),
        report.app_version,
        clip(&report.system.os)
    ));
    if !report.id_matches() {
        out.push_str(&tr.t("report-id-mismatch"));
        out.push('\n');
    }
    if let Some(note) = super::replay_note::note(report, tr) {
        out.push_str(&note);
        out.push('\n');
    }
    let missing = super::missing::lines(report, tr);
    if !missing.is_empty() {
        out.push_str(&tr.t("report-missing-title"));
        out.push('\n');
        // Checks done the same way share one line: "a、b、c: how".
        let mut groups: Vec<(Vec<&str>, &str)> = Vec::new();
        for m in &missing {
            match groups.iter_mut().find(|(_, how)| *how == m.how) {
                Some((titles, _)) => titles.push(&m.title),
                None => groups.push((vec![&m.title], &m.how)),
            }
        }
        let sep = tr.t("list-separator");
        for (titles, how) in groups {
            out.push_str(&format!("○ {}: {how}\n", titles.join(&sep)));
        }
    }
    let mut problems: Vec<&CheckResult> = report
        .checks
        .iter()
        .filter(|c| matches!(c.status, Status::Fail | Status::Error | Status::Warn))
        .collect();
    problems.sort_by_key(|c| severity(c.status));
    for c in problems {
        out.push_str(&line(c, tr));
        out.push('\n');
    }
    out.push_str(&tr.f(
        "report-text-counts",
        &[
            ("pass", report.count(Status::Pass).to_string()),
            ("skipped", report.count(Status::Skipped).to_string()),
        ],
    ));
    out.push('\n');
    if let Some(id) = &report.identity {
        out.push_str(&tr.f(
            "report-text-identity",
            &[
                ("host", id.host_name.clone().unwrap_or_default()),
                ("user", id.user_name.clone().unwrap_or_default()),
                ("adapters", id.adapters.len().to_string()),
            ],
        ));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::report::header::SystemInfo;

    #[test]
    fn short_and_problem_first() {
        let tr = Tr::new(Lang::ZhCn);
        let checks = vec![
            CheckResult::new("system.time_of_day", Status::Pass, &tr).summary("ok".into()),
            CheckResult::new("network.proxy", Status::Fail, &tr)
                .summary("x".repeat(500))
                .advice("关闭代理".into()),
            CheckResult::new("network.vpn", Status::Warn, &tr).summary("tun0".into()),
        ];
        let r = Report::new(
            &crate::profile::Profile::builtin().expect("profile"),
            Lang::ZhCn,
            SystemInfo::default(),
            checks,
        );
        let t = render(&r, &tr);
        assert!(t.contains(&r.report_id));
        let proxy = t.find("network.proxy").expect("proxy line");
        let vpn = t.find("network.vpn").expect("vpn line");
        assert!(proxy < vpn, "fail before warn");
        assert!(!t.contains("system.time_of_day"), "passes only counted");
        assert!(
            t.lines().all(|l| l.chars().count() <= MAX_LINE_CHARS + 8),
            "{t}"
        );
        assert!(
            t.chars().count() < 1200,
            "{} chars:\n{t}",
            t.chars().count()
        );
    }
}
