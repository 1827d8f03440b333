//! `selfcheck summarize` over 10,000 reports on one core: files written once into a temporary
//! folder, then read, validated (schema, verdict, report ID), summarised and rendered as
//! HTML and CSV, as the command does. Goal: under 10 s. Run: `cargo bench --bench summarize`.

use selfcheck::checks::{CheckResult, Status};
use selfcheck::i18n::{Lang, Tr};
use selfcheck::profile::Profile;
use selfcheck::report::header::SystemInfo;
use selfcheck::report::{Report, summary, summary_files};
use std::time::Instant;

fn main() {
    let count = 10_000;
    let (Ok(profile), Ok(dir)) = (Profile::builtin(), tempfile::tempdir()) else {
        eprintln!("summarize bench: no profile or temporary folder");
        std::process::exit(2);
    };
    let tr = Tr::new(Lang::ZhCn);
    let ids: Vec<&str> = selfcheck::checks::catalogue::all().collect();
    for i in 0..count {
        // Every check present, a few failing or warning in turn, as real reports are.
        let checks: Vec<CheckResult> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| {
                let status = match (i + k) % 9 {
                    0 => Status::Fail,
                    1 | 2 => Status::Warn,
                    _ => Status::Pass,
                };
                CheckResult::new(id, status, &tr)
                    .summary(format!("第 {i} 份报告的第 {k} 项"))
                    .measured("value", (i * k) as f64 / 7.0)
            })
            .collect();
        let r = Report::new(&profile, Lang::ZhCn, SystemInfo::default(), checks);
        if let Err(e) = std::fs::write(dir.path().join(format!("r{i:05}.json")), r.to_json()) {
            eprintln!("summarize bench: {e}");
            std::process::exit(2);
        }
    }
    let start = Instant::now();
    let (reports, refused) = summary_files::load(&[dir.path().to_path_buf()], &tr);
    let read_s = start.elapsed().as_secs_f64();
    let s = summary::summarize(reports, refused);
    let html = summary::to_html(&s, &tr);
    let csv = summary::to_csv(&s, &tr);
    let total_s = start.elapsed().as_secs_f64();
    println!(
        "summarize: {count} reports ({} refused) read and validated in {read_s:.2} s, summarised and rendered (HTML {} KB, CSV {} KB) in {total_s:.2} s total (goal < 10 s)",
        s.refused.len(),
        html.len() / 1024,
        csv.len() / 1024
    );
}
