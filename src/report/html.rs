//! The self-contained HTML report: one file, inline CSS, no script, a restrictive
//! Content-Security-Policy, every machine-supplied string escaped, printable.

use super::model::Report;
use super::value_text;
use crate::checks::{CheckResult, Status};
use crate::i18n::Tr;
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attributes; bidi controls are shown as
/// code points so they cannot reorder what support reads.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}' => {
                let _ = write!(out, "[U+{:04X}]", c as u32);
            }
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "[U+{:04X}]", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Severity order for reading: problems first.
pub fn severity(status: Status) -> u8 {
    match status {
        Status::Fail => 0,
        Status::Error => 1,
        Status::Warn => 2,
        Status::Pass => 3,
        Status::Skipped => 4,
    }
}

const STYLE: &str = "body{font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',system-ui,sans-serif;max-width:860px;margin:24px auto;padding:0 16px;color:#1f2328;line-height:1.55}\
header{border-radius:10px;padding:16px 20px;margin-bottom:16px}\
.v-ready{background:#e7f6ec;border:2px solid #2da44e}.v-warnings{background:#fff8e1;border:2px solid #d4a72c}.v-not_ready{background:#ffebe9;border:2px solid #cf222e}\
h1{font-size:1.4em;margin:0 0 4px}.big{font-size:1.25em;font-weight:bold;margin:4px 0}\
.rid{font-family:ui-monospace,Consolas,monospace;font-size:1.2em;letter-spacing:1px}\
table{border-collapse:collapse;width:100%;margin:8px 0 16px}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;word-break:break-word}th{background:#f6f8fa;width:9em}\
article{border:1px solid #d0d7de;border-left-width:6px;border-radius:6px;padding:8px 14px;margin:10px 0;page-break-inside:avoid}\
.s-pass{border-left-color:#2da44e}.s-warn{border-left-color:#d4a72c}.s-fail{border-left-color:#cf222e}.s-error{border-left-color:#8250df}.s-skipped{border-left-color:#8c959f}\
h2{font-size:1.05em;margin:4px 0}code{font-size:.85em;color:#57606a}\
.badge{display:inline-block;min-width:4em;text-align:center;border-radius:4px;padding:0 6px;margin-right:6px;color:#fff;font-size:.9em}\
.b-pass{background:#2da44e}.b-warn{background:#9a6700}.b-fail{background:#cf222e}.b-error{background:#8250df}.b-skipped{background:#6e7781}\
.src{display:inline-block;border:1px solid #8c959f;border-radius:4px;padding:0 5px;margin-right:6px;font-size:.8em;font-weight:normal;color:#24292f}.src-replayed{border-color:#8250df;color:#8250df}\
.advice{background:#f6f8fa;border-radius:4px;padding:6px 10px}footer{color:#57606a;font-size:.9em;margin-top:24px}\
@media print{body{margin:0}article{border-left-width:4px}}";

/// Renders the report as one HTML document in `tr`'s language.
pub fn render(report: &Report, tr: &Tr) -> String {
    let mut h = String::with_capacity(16 * 1024);
    let verdict = report.verdict.code();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n<title>{title} {rid}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang = tr.lang.code(),
        title = escape(&tr.t("report-title")),
        rid = escape(&report.report_id),
    );
    let _ = write!(
        h,
        "<header class=\"v-{verdict}\">\n<h1>{title}</h1>\n<p class=\"big\">{vtext}</p>\n<p>{rid_label} <span class=\"rid\">{rid}</span></p>\n<p>{created_label}: {created} · {version_label}: {version} · {profile_label}: {profile}</p>\n</header>\n",
        title = escape(&tr.t("report-title")),
        vtext = escape(&tr.t(&format!("verdict-{}", verdict.replace('_', "-")))),
        rid_label = escape(&tr.t("report-id")),
        rid = escape(&report.report_id),
        created_label = escape(&tr.t("report-created")),
        created = escape(&super::local_date::display(&report.created_at, tr.lang)),
        version_label = escape(&tr.t("report-version")),
        version = escape(&report.app_version),
        profile_label = escape(&tr.t("report-profile")),
        profile = escape(&super::before_you_start::profile_name(report, tr)),
    );
    if let Some(note) = super::replay_note::note(report, tr) {
        let _ = writeln!(
            h,
            "<p class=\"advice\" id=\"replayed\">{}</p>",
            escape(&note)
        );
    }
    let missing = super::missing::lines(report, tr);
    if !missing.is_empty() {
        let _ = write!(
            h,
            "<section class=\"advice\" id=\"missing\">\n<p><strong>{}</strong></p>\n<ul>\n",
            escape(&tr.t("report-missing-title"))
        );
        for m in &missing {
            let _ = writeln!(
                h,
                "<li><strong>{}</strong> <code>{}</code>: {}</li>",
                escape(&m.title),
                escape(&m.id),
                escape(&m.how)
            );
        }
        h.push_str("</ul>\n</section>\n");
    }
    let skipped = report.count(Status::Skipped);
    if skipped > 0 {
        let _ = writeln!(
            h,
            "<p class=\"advice\">{}</p>",
            escape(&tr.f("report-skipped-note", &[("count", skipped.to_string())]))
        );
    }
    if !report.id_matches() {
        let _ = writeln!(
            h,
            "<p class=\"advice\">{}</p>",
            escape(&tr.t("report-id-mismatch"))
        );
    }
    let _ = write!(h, "<h2>{}</h2>\n<table>\n", escape(&tr.t("report-system")));
    for (key, value) in [
        ("system-os", &report.system.os),
        ("system-cpu", &report.system.cpu),
        ("system-camera", &report.system.camera),
        ("system-microphone", &report.system.microphone),
    ] {
        let _ = writeln!(
            h,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(&tr.t(key)),
            escape(value)
        );
    }
    h.push_str("</table>\n");
    let counts = [
        Status::Fail,
        Status::Error,
        Status::Warn,
        Status::Pass,
        Status::Skipped,
    ]
    .iter()
    .map(|s| format!("{} {}", escape(&s.label(tr)), report.count(*s)))
    .collect::<Vec<_>>()
    .join(" · ");
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p>{counts}</p>\n",
        escape(&tr.t("report-checks"))
    );
    let mut order: Vec<&CheckResult> = report.checks.iter().collect();
    order.sort_by_key(|c| severity(c.status));
    for c in order {
        render_check(&mut h, c, tr);
    }
    let start = super::before_you_start::lines(report, tr);
    if !start.is_empty() {
        let _ = write!(
            h,
            "<section class=\"advice\" id=\"before-you-start\">\n<h2>{}</h2>\n<ul>\n",
            escape(&tr.t("start-title"))
        );
        for line in &start {
            let _ = writeln!(h, "<li>{}</li>", escape(line));
        }
        h.push_str("</ul>\n</section>\n");
    }
    if let Some(id) = &report.identity {
        render_identity(&mut h, id, tr);
    }
    let privacy = if report.contents.identifying_details {
        "report-privacy-with-identity"
    } else {
        "report-privacy"
    };
    let _ = write!(
        h,
        "<footer>\n<p>{privacy}</p>\n<p>{send}</p>\n</footer>\n</body>\n</html>\n",
        privacy = escape(&tr.t(privacy)),
        send = escape(&tr.t("report-send")),
    );
    h
}

/// The identifying details the seller chose to include, as a table.
fn render_identity(h: &mut String, id: &crate::report::identity::Identity, tr: &Tr) {
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table>\n",
        escape(&tr.t("report-identity"))
    );
    let none = String::new();
    for (key, value) in [
        ("identity-host-name", id.host_name.as_ref().unwrap_or(&none)),
        ("identity-user-name", id.user_name.as_ref().unwrap_or(&none)),
    ] {
        let _ = writeln!(
            h,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(&tr.t(key)),
            escape(value)
        );
    }
    for a in &id.adapters {
        let mut parts: Vec<&str> = a.addresses.iter().map(String::as_str).collect();
        if let Some(mac) = &a.mac {
            parts.insert(0, mac);
        }
        let _ = writeln!(
            h,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(&a.name),
            escape(&parts.join(" · "))
        );
    }
    h.push_str("</table>\n");
}

fn render_check(h: &mut String, c: &CheckResult, tr: &Tr) {
    let s = c.status.code();
    let _ = write!(
        h,
        "<article class=\"s-{s}\">\n<h2><span class=\"badge b-{s}\">{label}</span>{source}{title} <code>{id}</code></h2>\n",
        label = escape(&c.status.label(tr)),
        source = c
            .source
            .map(|p| format!(
                "<span class=\"src src-{}\">{}</span>",
                p.code(),
                escape(&super::replay_note::label(p, tr))
            ))
            .unwrap_or_default(),
        title = escape(&c.title),
        id = escape(&c.id),
    );
    if !c.summary.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(&c.summary));
    }
    if !c.measured.is_empty() || !c.threshold.is_empty() {
        h.push_str("<table>\n");
        for (label_key, map) in [
            ("report-measured", &c.measured),
            ("report-threshold", &c.threshold),
        ] {
            if map.is_empty() {
                continue;
            }
            let body = value_text::pairs(map)
                .iter()
                .map(|(k, v)| format!("<code>{}</code> {}", escape(k), escape(v)))
                .collect::<Vec<_>>()
                .join("<br>");
            let _ = writeln!(
                h,
                "<tr><th>{}</th><td>{body}</td></tr>",
                escape(&tr.t(label_key))
            );
        }
        h.push_str("</table>\n");
    }
    if !c.advice.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"advice\">{}: {}</p>",
            escape(&tr.t("report-advice")),
            escape(&c.advice)
        );
    }
    h.push_str("</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::report::header::SystemInfo;

    #[test]
    fn escapes_everything_from_the_machine() {
        assert_eq!(
            escape("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
        assert_eq!(escape("a\u{202E}b"), "a[U+202E]b");
        assert_eq!(escape("\u{1b}[31m"), "[U+001B][31m");
    }

    #[test]
    fn hostile_device_names_cannot_inject_markup() {
        let tr = Tr::new(Lang::ZhCn);
        let system = SystemInfo {
            os: "Linux".into(),
            cpu: "cpu".into(),
            camera: "<img src=x onerror=alert(1)>".into(),
            microphone: "\"><script>alert(2)</script>".into(),
        };
        let check = CheckResult::new("system.remote_desktop", Status::Fail, &tr)
            .measured(
                "found",
                vec!["<b onmouseover=alert(3)>ToDesk</b>".to_string()],
            )
            .summary("R&D <script>".into());
        let r = Report::new(
            &crate::profile::Profile::builtin().expect("profile"),
            Lang::ZhCn,
            system,
            vec![check],
        );
        let html = render(&r, &tr);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b onmouseover"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("R&amp;D &lt;script&gt;"));
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("lang=\"zh-CN\""));
        assert!(html.contains(&r.report_id));
        assert!(html.contains("未就绪"), "verdict in Chinese");
    }
}
