//! One summary over many reports, for support: a row per report (id, date, verdict, what
//! failed or warned) and, per check id, the share of reports where it failed or warned, most
//! frequent first. Files that could not be used are listed with the reason, never dropped.
//! Pure: the files are read by `summary_files`.

use super::{Report, Verdict};
use crate::checks::Status;
use crate::i18n::Tr;
use serde::Serialize;
use std::collections::BTreeMap;

/// One report's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub file: String,
    pub report_id: String,
    pub created_at: String,
    pub schema: String,
    pub verdict: Verdict,
    pub failed: Vec<String>,
    pub warned: Vec<String>,
    pub missing: Vec<String>,
}

/// How often one check failed or warned across the reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckShare {
    pub id: String,
    pub failed: usize,
    pub warned: usize,
    /// (failed + warned) / reports.
    pub share: f64,
}

/// A file that was not summarised, and why (in the summary's language).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refused {
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub reports: usize,
    pub verdicts: BTreeMap<String, usize>,
    pub checks: Vec<CheckShare>,
    pub rows: Vec<Row>,
    pub refused: Vec<Refused>,
}

/// Summarises `reports` (file name, report); `refused` are listed as given.
pub fn summarize(reports: Vec<(String, Report)>, refused: Vec<Refused>) -> Summary {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut verdicts: BTreeMap<String, usize> = BTreeMap::new();
    let mut rows = Vec::with_capacity(reports.len());
    for (file, r) in reports {
        let ids_with = |status: Status| -> Vec<String> {
            r.checks
                .iter()
                .filter(|c| c.status == status)
                .map(|c| c.id.clone())
                .collect()
        };
        let (failed, warned) = (ids_with(Status::Fail), ids_with(Status::Warn));
        for id in &failed {
            counts.entry(id.clone()).or_default().0 += 1;
        }
        for id in &warned {
            counts.entry(id.clone()).or_default().1 += 1;
        }
        *verdicts.entry(r.verdict.code().to_string()).or_default() += 1;
        rows.push(Row {
            file,
            report_id: r.report_id,
            created_at: r.created_at,
            schema: r.schema,
            verdict: r.verdict,
            failed,
            warned,
            missing: r.missing,
        });
    }
    let n = rows.len();
    let mut checks: Vec<CheckShare> = counts
        .into_iter()
        .map(|(id, (failed, warned))| CheckShare {
            id,
            failed,
            warned,
            share: (failed + warned) as f64 / n.max(1) as f64,
        })
        .collect();
    checks.sort_by(|a, b| {
        (b.failed + b.warned)
            .cmp(&(a.failed + a.warned))
            .then(b.failed.cmp(&a.failed))
            .then(a.id.cmp(&b.id))
    });
    rows.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.file.cmp(&b.file)));
    Summary {
        reports: n,
        verdicts,
        checks,
        rows,
        refused,
    }
}

fn verdict_text(v: Verdict, tr: &Tr) -> String {
    tr.t(&format!("verdict-{}", v.code().replace('_', "-")))
}

/// JSON for tools (ids and codes, no translated text but the refusal reasons).
pub fn to_json(s: &Summary) -> String {
    serde_json::to_string_pretty(s).unwrap_or_else(|_| "{}".to_string()) + "\n"
}

/// One CSV field, quoted when it must be (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",")
        + "\r\n"
}

/// CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark, CRLF lines. Three
/// blocks separated by an empty line: the checks by frequency, the reports, the refused files.
pub fn to_csv(s: &Summary, tr: &Tr) -> String {
    let mut out = String::from('\u{feff}');
    out.push_str(&csv_line(&[
        tr.t("summary-col-check"),
        tr.t("summary-col-title"),
        tr.t("summary-col-failed"),
        tr.t("summary-col-warned"),
        tr.t("summary-col-share"),
    ]));
    for c in &s.checks {
        out.push_str(&csv_line(&[
            c.id.clone(),
            tr.t(&format!(
                "title-{}",
                crate::checks::model::message_stem(&c.id)
            )),
            c.failed.to_string(),
            c.warned.to_string(),
            format!("{:.1}%", c.share * 100.0),
        ]));
    }
    out.push_str("\r\n");
    out.push_str(&csv_line(&[
        tr.t("summary-col-report-id"),
        tr.t("summary-col-date"),
        tr.t("summary-col-verdict"),
        tr.t("summary-col-failed-checks"),
        tr.t("summary-col-warned-checks"),
        tr.t("summary-col-missing-checks"),
        tr.t("summary-col-file"),
    ]));
    for r in &s.rows {
        out.push_str(&csv_line(&[
            r.report_id.clone(),
            r.created_at.clone(),
            verdict_text(r.verdict, tr),
            r.failed.join(" "),
            r.warned.join(" "),
            r.missing.join(" "),
            r.file.clone(),
        ]));
    }
    if !s.refused.is_empty() {
        out.push_str("\r\n");
        out.push_str(&csv_line(&[
            tr.t("summary-col-refused-file"),
            tr.t("summary-col-reason"),
        ]));
        for f in &s.refused {
            out.push_str(&csv_line(&[f.file.clone(), f.reason.clone()]));
        }
    }
    out
}

/// One self-contained HTML page (inline CSS, no script), like the report.
pub fn to_html(s: &Summary, tr: &Tr) -> String {
    use super::html::escape;
    use std::fmt::Write;
    let mut h = String::with_capacity(4096 + s.rows.len() * 200);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<title>{title}</title>\n<style>body{{font-family:system-ui,'Microsoft YaHei','PingFang SC',sans-serif;margin:24px;color:#1f2328}}\
table{{border-collapse:collapse;margin:8px 0 20px}}td,th{{border:1px solid #d0d7de;padding:3px 8px;text-align:left}}\
th{{background:#f6f8fa}}.num{{text-align:right}}.refused{{color:#cf222e}}</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        lang = tr.lang.code(),
        title = escape(&tr.t("summary-title")),
    );
    let verdicts = s
        .verdicts
        .iter()
        .map(|(v, n)| {
            let name = tr.t(&format!("verdict-{}", v.replace('_', "-")));
            format!("{} {n}", escape(&name))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let _ = writeln!(
        h,
        "<p>{}</p>\n<p>{verdicts}</p>",
        escape(&tr.f(
            "summary-counts",
            &[
                ("reports", s.reports.to_string()),
                ("refused", s.refused.len().to_string()),
            ]
        ))
    );
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        escape(&tr.t("summary-by-check")),
        escape(&tr.t("summary-col-check")),
        escape(&tr.t("summary-col-title")),
        escape(&tr.t("summary-col-failed")),
        escape(&tr.t("summary-col-warned")),
        escape(&tr.t("summary-col-share")),
    );
    for c in &s.checks {
        let title = tr.t(&format!(
            "title-{}",
            crate::checks::model::message_stem(&c.id)
        ));
        let _ = writeln!(
            h,
            "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}%</td></tr>",
            escape(&c.id),
            escape(&title),
            c.failed,
            c.warned,
            c.share * 100.0
        );
    }
    let _ = write!(
        h,
        "</table>\n<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        escape(&tr.t("summary-by-report")),
        escape(&tr.t("summary-col-report-id")),
        escape(&tr.t("summary-col-date")),
        escape(&tr.t("summary-col-verdict")),
        escape(&tr.t("summary-col-failed-checks")),
        escape(&tr.t("summary-col-missing-checks")),
        escape(&tr.t("summary-col-file")),
    );
    for r in &s.rows {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&r.report_id),
            escape(&r.created_at),
            escape(&verdict_text(r.verdict, tr)),
            escape(&r.failed.join(" ")),
            escape(&r.missing.join(" ")),
            escape(&r.file),
        );
    }
    h.push_str("</table>\n");
    if !s.refused.is_empty() {
        let _ = write!(
            h,
            "<h2 class=\"refused\">{}</h2>\n<ul>\n",
            escape(&tr.t("summary-refused"))
        );
        for f in &s.refused {
            let _ = writeln!(
                h,
                "<li><code>{}</code>: {}</li>",
                escape(&f.file),
                escape(&f.reason)
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}
