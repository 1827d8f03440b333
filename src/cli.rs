//! The command line: `selfcheck` opens the app; `check` and `report` serve support and
//! scripts. Exit codes: 0 = nothing failed, 1 = a check failed, 2 = usage error or the report
//! could not be read or written (the message is on stderr).

use crate::checks::{Status, ids};
use crate::i18n::{Lang, Tr};
use crate::plan::{self, CheckOptions};
use crate::profile::Profile;
use crate::report::{Report, html, save::save_atomic, text};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Parser, Debug)]
#[command(
    name = "selfcheck",
    version,
    about = "视频验证自检助手 — checks this computer before a live video identity verification",
    long_about = None
)]
pub struct Cli {
    /// Language of messages and reports: zh-CN (default) or en.
    #[arg(long, global = true, value_name = "zh-CN|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// A requirement profile (TOML) to use instead of the built-in AliExpress one.
    #[arg(long, global = true, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    #[command(flatten)]
    pub app: AppArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options for the app (no subcommand): replay media instead of the devices, e.g. for support
/// to reproduce a seller's situation or for tests.
#[derive(Args, Debug, Default)]
pub struct AppArgs {
    /// Play this folder of JPEG/PNG frames (or one picture) as the camera, at 30 fps.
    #[arg(long, value_name = "PATH")]
    pub camera_source: Option<PathBuf>,
    /// Play this WAV file as the microphone (real time).
    #[arg(long, value_name = "FILE.wav")]
    pub mic_source: Option<PathBuf>,
    /// Speed-test endpoint (HTTP POST sink) instead of the profile's.
    #[arg(long, value_name = "URL")]
    pub upload_url: Option<String>,
    /// Do not touch the network (the speed and latency tests are skipped).
    #[arg(long)]
    pub no_network: bool,
    /// Open the app at this step (e.g. support asking a seller to redo the microphone).
    #[cfg(feature = "gui")]
    #[arg(long, value_enum, value_name = "STEP")]
    pub step: Option<crate::gui::steps::Step>,
    /// Draw with this renderer only (default: the platform's first choice, then the other).
    #[cfg(feature = "gui")]
    #[arg(long, value_enum)]
    pub renderer: Option<crate::gui::renderer::Renderer>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the computer and network checks without the app and print or save a report.
    Check(CheckArgs),
    /// Re-render a saved JSON report (for support).
    Report(ReportArgs),
    /// Judge a WAV recording of the digit reading: level, noise, clipping, digits and pace.
    AnalyzeAudio(AnalyzeAudioArgs),
    /// Judge a photo or camera frame: lighting, sharpness, ID-card glare, people in view.
    AnalyzeImage(AnalyzeImageArgs),
    /// Judge a recorded 360° pan (a folder of JPEG/PNG frames in name order) the way the app's
    /// pan step does: anyone other than the seller seen, the pan's length and motion.
    AnalyzePan(AnalyzePanArgs),
    /// Judge a recorded digit reading (a folder of camera frames in name order and the WAV
    /// recorded with them) the way the app's digits step does: the audio checks and whether
    /// the voice goes with the lips on camera.
    AnalyzeReading(AnalyzeReadingArgs),
    /// Measure how fast this computer analyses camera frames (one thread).
    Bench(BenchArgs),
    /// Summarise many saved reports (files or folders): one row per report and, per check,
    /// how often it failed or warned (for support).
    Summarize(SummarizeArgs),
}

#[derive(Args, Debug)]
pub struct SummarizeArgs {
    /// Report files (JSON) or folders holding them (searched with their sub-folders).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format (default: from --out's extension, else HTML).
    #[arg(long, value_enum)]
    pub format: Option<SummaryFormat>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Html,
    Csv,
    Json,
}

#[derive(Args, Debug)]
pub struct AnalyzeImageArgs {
    /// The picture (JPEG or PNG).
    pub file: PathBuf,
    /// Where the ID card is in the picture, in pixels: x,y,width,height.
    #[arg(long, value_name = "x,y,w,h")]
    pub card: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct AnalyzePanArgs {
    /// The folder of frames (JPEG or PNG, played in name order), or one picture.
    pub dir: PathBuf,
    /// Frames per second the pan was recorded at.
    #[arg(long, default_value_t = 30.0, value_name = "N")]
    pub fps: f64,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct AnalyzeReadingArgs {
    /// The folder of camera frames (JPEG or PNG, played in name order).
    #[arg(long, value_name = "DIR")]
    pub frames: PathBuf,
    /// The sound recorded with them, starting with the first frame.
    #[arg(long, value_name = "FILE.wav")]
    pub audio: PathBuf,
    /// Frames per second the frames were recorded at.
    #[arg(long, default_value_t = 30.0, value_name = "N")]
    pub fps: f64,
    /// When the digits appeared, in seconds from the first frame.
    #[arg(long, value_name = "SECONDS")]
    pub shown_at: Option<f64>,
    /// How many digits were read (default: the profile's digit_count, 4).
    #[arg(long, value_name = "N")]
    pub digits: Option<u32>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct AnalyzeAudioArgs {
    /// The recording (WAV: 8/16/24/32-bit integer or float, mono or stereo, 8–48 kHz).
    #[arg(required_unless_present = "record")]
    pub file: Option<PathBuf>,
    /// Instead of a file, listen to the microphone for this many seconds (1–60) and judge
    /// what was said; the sound stays in memory.
    #[arg(long, value_name = "SECONDS", conflicts_with = "file")]
    pub record: Option<f64>,
    /// With --record: play this WAV file as the microphone instead of the input device.
    #[arg(long, value_name = "FILE.wav", requires = "record")]
    pub mic_source: Option<PathBuf>,
    /// How many digits were read (default: the profile's digit_count, 4).
    #[arg(long, value_name = "N")]
    pub digits: Option<u32>,
    /// When the digits appeared, in seconds from the start of the recording; speech before
    /// that is flagged as reading too early.
    #[arg(long, value_name = "SECONDS")]
    pub shown_at: Option<f64>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Html,
    /// The report card picture for a chat (about 1080 px wide).
    Png,
}

/// Where and how a report is written (shared by check, analyze-audio and analyze-image).
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Output format (default: from --out's extension, else text).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// Run only these checks (comma-separated ids).
    #[arg(long, value_name = "IDS")]
    pub only: Option<String>,
    /// Skip these checks (comma-separated ids).
    #[arg(long, value_name = "IDS")]
    pub skip: Option<String>,
    /// Do not touch the network (network.latency and network.upload are reported as skipped).
    #[arg(long)]
    pub no_network: bool,
    /// Speed-test endpoint for network.upload (HTTP POST sink) instead of the profile's.
    #[arg(long, value_name = "URL")]
    pub upload_url: Option<String>,
    /// Play this WAV file as the microphone (real time) instead of the default input device.
    #[arg(long, value_name = "FILE.wav")]
    pub mic_source: Option<PathBuf>,
    /// Play this folder of JPEG/PNG frames (or one picture) as the camera, at 30 fps.
    #[arg(long, value_name = "PATH")]
    pub camera_source: Option<PathBuf>,
    /// The ID card's validity as printed on the back: the range "2016.05.01-2036.05.01" (its
    /// end counts; "-", "－", "至" between), one date (2031-05-01, 2031.05.01, 20310501),
    /// "2016.05.01-长期", or "long-term" (长期).
    #[arg(long, value_name = "DATE|RANGE")]
    pub id_expiry: Option<String>,
    /// Also put this computer's name, the user name and the network adapters' full addresses
    /// and MACs into the report, when support asks for them (left out unless given).
    #[arg(long)]
    pub include_identity: bool,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The saved report (JSON, schema selfcheck-report/1).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unsupported language '{s}' (use zh-CN or en)"))
}

/// A failure that ends the program with exit code 2 and this message.
struct Fatal(String);

/// Parses arguments, runs, and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let lang = cli.lang.unwrap_or_else(Lang::from_system);
    let tr = Tr::new(lang);
    match run(cli, lang, &tr) {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            eprintln!("selfcheck: {msg}");
            2
        }
    }
}

fn load_profile(path: Option<&Path>, tr: &Tr) -> Result<Arc<Profile>, Fatal> {
    let loaded = match path {
        Some(p) => Profile::load(p),
        None => Profile::builtin(),
    };
    loaded
        .map(Arc::new)
        .map_err(|e| Fatal(tr.f("cli-error-profile", &[("reason", e.to_string())])))
}

#[cfg(feature = "gui")]
fn open_app(profile: Arc<Profile>, lang: Option<Lang>, app: AppArgs, tr: &Tr) -> Result<(), Fatal> {
    let launch = crate::gui::Launch {
        lang,
        sources: crate::gui::Sources {
            camera_replay: app.camera_source,
            mic_replay: app.mic_source,
            upload_url: app.upload_url,
            no_network: app.no_network,
        },
        step: app.step,
        renderer: app.renderer,
    };
    use crate::gui::message_box;
    // The window's failures reach the seller in a box (the Windows exe has no console). When
    // the first renderer fails, a child process tries the other and the parent ends with the
    // child's exit code: whichever process holds the last word tells, once.
    let title = tr.t("app-title");
    let crashed = *tr;
    message_box::on_window_thread_panic(title.clone(), move |reason| {
        with_log_line(crashed.f("gui-crashed", &[("reason", reason)]), &crashed)
    });
    crate::gui::run(profile, launch).map_err(|msg| {
        let msg = with_log_line(msg, tr);
        message_box::show(&title, &msg);
        Fatal(msg)
    })
}

/// A failure message with the line naming the app's log (which support asks for).
#[cfg(feature = "gui")]
fn with_log_line(msg: String, tr: &Tr) -> String {
    match crate::app_log::path() {
        Some(p) => format!(
            "{msg}\n{}",
            tr.f("log-at", &[("path", p.display().to_string())])
        ),
        None => msg,
    }
}

/// Built without the app (`--no-default-features`): say so and point to the tools.
#[cfg(not(feature = "gui"))]
fn open_app(_: Arc<Profile>, _: Option<Lang>, _: AppArgs, tr: &Tr) -> Result<(), Fatal> {
    Err(Fatal(tr.t("cli-error-no-app")))
}

fn run(cli: Cli, lang: Lang, tr: &Tr) -> Result<i32, Fatal> {
    match cli.command {
        None => {
            let profile = load_profile(cli.profile.as_deref(), tr)?;
            open_app(profile, cli.lang, cli.app, tr)?;
            Ok(0)
        }
        Some(Command::Check(args)) => {
            let profile = load_profile(cli.profile.as_deref(), tr)?;
            run_check(args, profile, lang, tr)
        }
        Some(Command::Report(args)) => run_report(args, cli.lang, tr),
        Some(Command::AnalyzeImage(args)) => {
            let profile = load_profile(cli.profile.as_deref(), tr)?;
            run_analyze_image(args, profile, lang, tr)
        }
        Some(Command::AnalyzePan(args)) => {
            let profile = load_profile(cli.profile.as_deref(), tr)?;
            run_analyze_pan(args, profile, lang, tr)
        }
        Some(Command::AnalyzeReading(args)) => {
            let profile = load_profile(cli.profile.as_deref(), tr)?;
            run_analyze_reading(args, profile, lang, tr)
        }
        Some(Command::Bench(args)) => {
            let profile = load_profile(cli.profile.as_deref(), tr)?;
            let b = crate::bench::run(&profile);
            if args.json {
                println!("{}", serde_json::to_string_pretty(&b).unwrap_or_default());
            } else {
                println!("{}", b.text(tr));
            }
            Ok(0)
        }
        Some(Command::AnalyzeAudio(args)) => {
            let profile = load_profile(cli.profile.as_deref(), tr)?;
            run_analyze_audio(args, profile, lang, tr)
        }
        Some(Command::Summarize(args)) => run_summarize(args, tr),
    }
}

fn run_summarize(args: SummarizeArgs, tr: &Tr) -> Result<i32, Fatal> {
    use crate::report::{summary, summary_files};
    let (reports, refused) = summary_files::load(&args.paths, tr);
    let s = summary::summarize(reports, refused);
    let by_extension = args.out.as_deref().and_then(|p| {
        let ext = p.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(SummaryFormat::Csv),
            "json" => Some(SummaryFormat::Json),
            _ => None,
        }
    });
    let body = match args.format.or(by_extension).unwrap_or(SummaryFormat::Html) {
        SummaryFormat::Html => summary::to_html(&s, tr),
        SummaryFormat::Csv => summary::to_csv(&s, tr),
        SummaryFormat::Json => summary::to_json(&s),
    };
    for f in &s.refused {
        eprintln!(
            "{}",
            tr.f(
                "summary-refused-line",
                &[("file", f.file.clone()), ("reason", f.reason.clone())]
            )
        );
    }
    let counts = tr.f(
        "summary-counts",
        &[
            ("reports", s.reports.to_string()),
            ("refused", s.refused.len().to_string()),
        ],
    );
    let saved = |path: &Path| tr.f("summary-saved", &[("path", path.display().to_string())]);
    emit(body.as_bytes(), args.out.as_deref(), &saved, tr)?;
    eprintln!("{counts}");
    Ok(0)
}

fn parse_ids(text: Option<&str>, tr: &Tr) -> Result<Option<Vec<&'static str>>, Fatal> {
    let Some(text) = text else { return Ok(None) };
    let list = ids::parse_list(text).map_err(|unknown| {
        Fatal(
            tr.f(
                "cli-error-unknown-ids",
                &[
                    ("ids", unknown),
                    (
                        "known",
                        crate::checks::catalogue::all()
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ],
            ),
        )
    })?;
    let not_here: Vec<&str> = list
        .iter()
        .copied()
        .filter(|id| !crate::checks::catalogue::runnable().any(|r| r == *id))
        .collect();
    if !not_here.is_empty() {
        return Err(Fatal(
            tr.f("cli-error-not-runnable", &[("ids", not_here.join(", "))]),
        ));
    }
    Ok(Some(list))
}

fn output_format(explicit: Option<Format>, json: bool, out: Option<&Path>) -> Format {
    if json {
        return Format::Json;
    }
    if let Some(f) = explicit {
        return f;
    }
    match out
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(e) if e == "json" => Format::Json,
        Some(e) if e == "html" || e == "htm" => Format::Html,
        Some(e) if e == "png" => Format::Png,
        _ => Format::Text,
    }
}

fn render(report: &Report, format: Format, tr: &Tr) -> Result<Vec<u8>, Fatal> {
    Ok(match format {
        Format::Json => report.to_json().into_bytes(),
        Format::Html => html::render(report, tr).into_bytes(),
        Format::Text => text::render(report, tr).into_bytes(),
        Format::Png => crate::report::card_png::render(report, tr)
            .map_err(|e| Fatal(tr.f("cli-error-card-picture", &[("reason", e)])))?,
    })
}

/// Writes `body` to `out` atomically (saying `saved(path)` on stderr), or to standard output.
fn emit(
    body: &[u8],
    out: Option<&Path>,
    saved: &dyn Fn(&Path) -> String,
    tr: &Tr,
) -> Result<(), Fatal> {
    match out {
        Some(path) => {
            save_atomic(path, body).map_err(|e| {
                Fatal(tr.f(
                    "cli-error-save",
                    &[
                        ("path", path.display().to_string()),
                        ("reason", crate::report::save::reason(&e, tr)),
                    ],
                ))
            })?;
            eprintln!("{}", saved(path));
            Ok(())
        }
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(body)
                .and_then(|_| stdout.flush())
                .map_err(|e| {
                    Fatal(tr.f(
                        "cli-error-save",
                        &[("path", "stdout".into()), ("reason", e.to_string())],
                    ))
                })
        }
    }
}

/// The "saved" line for a report file.
fn report_saved<'a>(report: &'a Report, tr: &'a Tr) -> impl Fn(&Path) -> String + 'a {
    move |path| {
        tr.f(
            "cli-saved",
            &[
                ("path", path.display().to_string()),
                ("id", report.report_id.clone()),
            ],
        )
    }
}

fn parse_expiry(text: Option<&str>, tr: &Tr) -> Result<(Option<chrono::NaiveDate>, bool), Fatal> {
    use crate::checks::checklist::{Validity, parse_validity};
    let Some(t) = text.map(str::trim) else {
        return Ok((None, false));
    };
    match parse_validity(t) {
        Some(Validity::Until(d)) => Ok((Some(d), false)),
        Some(Validity::LongTerm) => Ok((None, true)),
        None => Err(Fatal(tr.f("cli-error-date", &[("value", t.to_string())]))),
    }
}

fn run_check(args: CheckArgs, profile: Arc<Profile>, lang: Lang, tr: &Tr) -> Result<i32, Fatal> {
    let mut opts = CheckOptions::new(profile.clone(), lang);
    opts.no_network = args.no_network;
    opts.upload_url = args.upload_url.clone();
    if let Some(path) = &args.camera_source {
        opts.camera_source = crate::capture::camera::CameraSource::Replay(path.clone());
    }
    if let Some(path) = &args.mic_source {
        opts.mic_source = crate::capture::microphone::MicSource::Replay(path.clone());
    }
    opts.only = parse_ids(args.only.as_deref(), tr)?;
    opts.skip = parse_ids(args.skip.as_deref(), tr)?.unwrap_or_default();
    (opts.id_expiry, opts.id_long_term) = parse_expiry(args.id_expiry.as_deref(), tr)?;
    let checks = plan::run(&opts, |_| {});
    let machine = plan::machine::gather(&opts.camera_source, &opts.mic_source);
    let mut report = Report::new(&profile, lang, machine.describe(tr), checks);
    if args.include_identity {
        report = report.with_identity(crate::probe::identity::collect());
    }
    finish(&report, &args.output, tr)
}

/// Reads an input file of at most `limit` bytes, or explains why not.
fn read_input(path: &Path, limit: u64, tr: &Tr) -> Result<Vec<u8>, Fatal> {
    let shown = path.display().to_string();
    let read_err =
        |e: String| Fatal(tr.f("cli-error-read", &[("path", shown.clone()), ("reason", e)]));
    let meta = std::fs::metadata(path).map_err(|e| read_err(e.to_string()))?;
    if meta.len() > limit {
        return Err(read_err(format!("larger than {} MiB", limit >> 20)));
    }
    std::fs::read(path).map_err(|e| read_err(e.to_string()))
}

fn finish(report: &Report, output: &OutputArgs, tr: &Tr) -> Result<i32, Fatal> {
    let out = output.out.as_deref();
    let body = render(report, output_format(output.format, output.json, out), tr)?;
    emit(&body, out, &report_saved(report, tr), tr)?;
    Ok(if report.checks.iter().any(|c| c.status == Status::Fail) {
        1
    } else {
        0
    })
}

/// A report about a file (picture or recording): no device is opened for the header, and
/// each result says where its facts came from (`source`).
fn file_report(
    profile: &Profile,
    lang: Lang,
    checks: Vec<crate::checks::CheckResult>,
    source: crate::checks::Provenance,
) -> Report {
    let checks = checks.into_iter().map(|c| c.with_source(source)).collect();
    let machine = plan::machine::without_devices();
    Report::new(profile, lang, machine.describe(&Tr::new(lang)), checks)
}

fn run_analyze_audio(
    args: AnalyzeAudioArgs,
    profile: Arc<Profile>,
    lang: Lang,
    tr: &Tr,
) -> Result<i32, Fatal> {
    let audio = match (&args.file, args.record) {
        (Some(file), _) => {
            let bytes = read_input(file, 256 << 20, tr)?;
            let shown = file.display().to_string();
            crate::capture::wav_file::decode(&bytes).map_err(|e| {
                Fatal(tr.f(
                    "cli-error-bad-audio",
                    &[("path", shown), ("reason", e.to_string())],
                ))
            })?
        }
        (None, Some(seconds)) => {
            if !(1.0..=60.0).contains(&seconds) {
                return Err(Fatal(tr.t("cli-error-record-seconds")));
            }
            let source = match &args.mic_source {
                Some(p) => crate::capture::microphone::MicSource::Replay(p.clone()),
                None => crate::capture::microphone::MicSource::Device(None),
            };
            crate::session::listening::record(&source, seconds)
                .map_err(|e| Fatal(tr.f("mic-cannot-open", &[("reason", e.detail())])))?
        }
        (None, None) => return Err(Fatal(tr.t("cli-error-record-seconds"))),
    };
    let expected = args.digits.unwrap_or(profile.audio.digit_count);
    let checks =
        crate::session::recordings::speech(&audio, &profile.audio, Some((expected, args.shown_at)))
            .iter()
            .map(|j| j.render(tr))
            .collect();
    // A WAV file or a replayed microphone is a replay; --record from the device is measured.
    let source = if args.file.is_some() || args.mic_source.is_some() {
        crate::checks::Provenance::Replayed
    } else {
        crate::checks::Provenance::Measured
    };
    finish(
        &file_report(&profile, lang, checks, source),
        &args.output,
        tr,
    )
}

fn run_analyze_image(
    args: AnalyzeImageArgs,
    profile: Arc<Profile>,
    lang: Lang,
    tr: &Tr,
) -> Result<i32, Fatal> {
    use crate::analysis::frame::Rect;
    let bytes = read_input(&args.file, 64 << 20, tr)?;
    let shown = args.file.display().to_string();
    let bad = |reason: String| {
        Fatal(tr.f(
            "cli-error-bad-image",
            &[("path", shown.clone()), ("reason", reason)],
        ))
    };
    let img = crate::capture::image_file::decode(&bytes).map_err(|e| bad(e.to_string()))?;
    let card = match &args.card {
        None => None,
        Some(text) => {
            let r = Rect::parse(text).ok_or_else(|| {
                Fatal(tr.f(
                    "cli-error-card",
                    &[
                        ("card", text.clone()),
                        ("w", img.width.to_string()),
                        ("h", img.height.to_string()),
                    ],
                ))
            })?;
            if !r.inside(img.width, img.height) {
                return Err(Fatal(tr.f(
                    "cli-error-card",
                    &[
                        ("card", text.clone()),
                        ("w", img.width.to_string()),
                        ("h", img.height.to_string()),
                    ],
                )));
            }
            Some(r)
        }
    };
    let checks = crate::session::recordings::picture(&img, card, &profile, tr).map_err(bad)?;
    let source = crate::checks::Provenance::Replayed;
    finish(
        &file_report(&profile, lang, checks, source),
        &args.output,
        tr,
    )
}

/// The messages of a bad frame folder: empty, a frame unreadable, a frame resized.
type FrameKeys = [&'static str; 3];
const PAN_FRAME_KEYS: FrameKeys = [
    "cli-error-pan-empty",
    "cli-error-pan-frame",
    "cli-error-pan-size",
];
const READING_FRAME_KEYS: FrameKeys = [
    "cli-error-reading-empty",
    "cli-error-reading-frame",
    "cli-error-reading-size",
];

/// A frame folder's failure in the seller's words (`dir`: the folder, named when the face
/// model itself could not load).
fn explain_frames(
    e: crate::session::frame_folder::FrameFolderError,
    dir: &Path,
    [empty, frame, size]: FrameKeys,
    tr: &Tr,
) -> Fatal {
    use crate::session::frame_folder::FrameFolderError as E;
    Fatal(match e {
        E::NoPictures { path } => tr.f(empty, &[("path", path)]),
        E::Unreadable { path, reason } => tr.f(frame, &[("path", path), ("reason", reason)]),
        E::SizeChanged {
            path,
            width,
            height,
            first_width,
            first_height,
        } => tr.f(
            size,
            &[
                ("path", path),
                ("size", format!("{width}×{height}")),
                ("first", format!("{first_width}×{first_height}")),
            ],
        ),
        E::Model(reason) => tr.f(
            frame,
            &[("path", dir.display().to_string()), ("reason", reason)],
        ),
    })
}

fn run_analyze_pan(
    args: AnalyzePanArgs,
    profile: Arc<Profile>,
    lang: Lang,
    tr: &Tr,
) -> Result<i32, Fatal> {
    use crate::session::pan_replay;
    if !(args.fps.is_finite() && (1.0..=240.0).contains(&args.fps)) {
        return Err(Fatal(tr.t("cli-error-pan-fps")));
    }
    let explain = |e| explain_frames(e, &args.dir, PAN_FRAME_KEYS, tr);
    let files = pan_replay::pictures(&args.dir).map_err(explain)?;
    let watch = pan_replay::replay(&files, args.fps, &profile).map_err(explain)?;
    let checks = vec![crate::checks::pan::judge(&watch, &profile.rehearsal, tr)];
    let source = crate::checks::Provenance::Replayed;
    finish(
        &file_report(&profile, lang, checks, source),
        &args.output,
        tr,
    )
}

fn run_analyze_reading(
    args: AnalyzeReadingArgs,
    profile: Arc<Profile>,
    lang: Lang,
    tr: &Tr,
) -> Result<i32, Fatal> {
    use crate::session::reading;
    if !(args.fps.is_finite() && (1.0..=240.0).contains(&args.fps)) {
        return Err(Fatal(tr.t("cli-error-pan-fps")));
    }
    let bytes = read_input(&args.audio, 256 << 20, tr)?;
    let audio = crate::capture::wav_file::decode(&bytes).map_err(|e| {
        Fatal(tr.f(
            "cli-error-bad-audio",
            &[
                ("path", args.audio.display().to_string()),
                ("reason", e.to_string()),
            ],
        ))
    })?;
    let explain = |e| explain_frames(e, &args.frames, READING_FRAME_KEYS, tr);
    let files = reading::pictures(&args.frames).map_err(explain)?;
    // The two halves must cover the same reading: a second apart at most.
    let frames_s = files.len() as f64 / args.fps;
    let audio_s = audio.samples.len() as f64 / f64::from(audio.rate.max(1));
    if (frames_s - audio_s).abs() > 1.0 {
        return Err(Fatal(tr.f(
            "cli-error-reading-length",
            &[
                ("frames", format!("{frames_s:.1}")),
                ("audio", format!("{audio_s:.1}")),
            ],
        )));
    }
    let mouth = reading::mouth_in(&files, args.fps, &profile).map_err(explain)?;
    let checks = reading::judge(
        &reading::Reading {
            audio: &audio,
            mouth: &mouth,
            digits: args.digits.unwrap_or(profile.audio.digit_count),
            shown_at_s: args.shown_at,
            microphone: None,
        },
        &profile,
        tr,
    );
    finish(
        &file_report(&profile, lang, checks, crate::checks::Provenance::Replayed),
        &args.output,
        tr,
    )
}

fn run_report(args: ReportArgs, lang: Option<Lang>, tr: &Tr) -> Result<i32, Fatal> {
    let path = args.file.display().to_string();
    let meta = std::fs::metadata(&args.file).map_err(|e| {
        Fatal(tr.f(
            "cli-error-read",
            &[("path", path.clone()), ("reason", e.to_string())],
        ))
    })?;
    if meta.len() > 16 * 1024 * 1024 {
        return Err(Fatal(tr.f(
            "cli-error-report-invalid",
            &[("path", path), ("reason", "larger than 16 MiB".into())],
        )));
    }
    let text = std::fs::read_to_string(&args.file).map_err(|e| {
        Fatal(tr.f(
            "cli-error-read",
            &[("path", path.clone()), ("reason", e.to_string())],
        ))
    })?;
    let report = Report::from_json(&text).map_err(|e| {
        Fatal(tr.f(
            "cli-error-report-invalid",
            &[("path", path.clone()), ("reason", e.to_string())],
        ))
    })?;
    if !report.id_matches() {
        eprintln!("{}", tr.t("report-id-mismatch"));
    }
    let render_tr = Tr::new(lang.unwrap_or(report.lang));
    let body = render(&report, args.format, &render_tr)?;
    emit(&body, args.out.as_deref(), &report_saved(&report, tr), tr)?;
    Ok(0)
}
