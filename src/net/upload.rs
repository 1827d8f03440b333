//! Sustained upload measured like a speed test: several parallel HTTP POST streams of
//! incompressible bytes, throughput sampled in short windows, TCP ramp-up discarded, stalls
//! found, hard bounds on time and bytes.
//!
//! The rate counts only bytes the server confirmed (see `upload_rate`): bytes still sitting in
//! socket buffers never inflate the figure. Request sizes adapt so
//! each takes about a second, which keeps answers frequent on slow and fast links alike.
//! Live progress, the plotted series, the low percentile and stalls come from the bytes
//! handed to the sockets, sampled every window.

pub use super::upload_rate::mbps;
use super::upload_rate::{Answer, confirmed_rate, whole_rate};
use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How to run the test (from the profile, plus the URL).
#[derive(Debug, Clone)]
pub struct UploadPlan {
    pub url: String,
    pub streams: usize,
    pub max_seconds: f64,
    pub max_bytes: u64,
    pub window: Duration,
    /// Windows before this are ramp-up and do not count.
    pub warmup: Duration,
    /// Stop early once the sustained estimate moved less than this fraction over the last second.
    pub stable_fraction: f64,
    pub min_measure: Duration,
    /// A window carrying at least this many Mbit/s is never a stall: the verification's video
    /// still gets through (the profile's `upload_warn_mbps`).
    pub enough_mbps: f64,
}

impl UploadPlan {
    pub fn new(url: &str, max_seconds: f64, max_bytes: u64, enough_mbps: f64) -> UploadPlan {
        UploadPlan {
            url: url.to_string(),
            streams: 4,
            max_seconds,
            max_bytes,
            enough_mbps,
            window: Duration::from_millis(250),
            warmup: Duration::from_millis(1500),
            stable_fraction: 0.02,
            min_measure: Duration::from_secs(4),
        }
    }
}

/// Live progress for the GUI.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UploadProgress {
    pub elapsed_s: f64,
    pub bytes: u64,
    /// Rate in the last window, Mbit/s.
    pub current_mbps: f64,
}

/// Why the test could not produce a trustworthy figure.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UploadError {
    #[error("the speed-test address is not valid: {0}")]
    BadUrl(String),
    /// The speed-test host's name could not be resolved.
    #[error("could not connect: {0}")]
    Dns(String),
    #[error("could not connect: {0}")]
    Connect(String),
    #[error("the server refused the upload (HTTP {0})")]
    HttpStatus(u16),
    #[error("no data could be sent")]
    NothingSent,
    #[error("the server did not answer")]
    NoAnswer,
    #[error("{0}")]
    Other(String),
}

/// What the test measured.
#[derive(Debug, Clone, PartialEq)]
pub struct UploadOutcome {
    /// Sustained rate after ramp-up, Mbit/s.
    pub mbps: f64,
    /// 10th percentile of post-ramp-up windows, Mbit/s: what a video call can count on.
    pub p10_mbps: f64,
    pub longest_stall_s: f64,
    /// The stall still going on when the test ended, in seconds: the connection was lost.
    pub final_stall_s: f64,
    /// Server-confirmed bytes over the time from the first answer to the end of the test,
    /// Mbit/s: the honest rate when the connection died part-way.
    pub whole_mbps: f64,
    pub duration_s: f64,
    pub bytes_sent: u64,
    /// (seconds since start, Mbit/s in that window), for a plot.
    pub series: Vec<(f64, f64)>,
    /// Median TCP connect time to the upload host before and during the upload, ms.
    pub idle_latency_ms: Option<f64>,
    pub loaded_latency_ms: Option<f64>,
    pub requests_ok: u32,
    pub stopped_early: bool,
}

/// Shared state of one run.
struct Run {
    stop: AtomicBool,
    bytes: AtomicU64,
    budget: u64,
    ok: AtomicU64,
    failure: Mutex<Option<UploadError>>,
    /// Every request the server answered with 2xx.
    confirmed: Mutex<Vec<Answer>>,
    start: Instant,
}

impl Run {
    fn fail(&self, e: UploadError) {
        if let Ok(mut f) = self.failure.lock()
            && f.is_none()
        {
            *f = Some(e);
        }
    }
}

/// A request body of pseudo-random bytes that counts what it hands out and ends when the run
/// stops or the byte budget is spent.
struct CountingBody {
    run: Arc<Run>,
    pattern: Arc<Vec<u8>>,
    offset: usize,
    remaining: u64,
}

impl Read for CountingBody {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.run.stop.load(Ordering::Relaxed) {
            return Err(std::io::Error::other("upload stopped"));
        }
        if self.remaining == 0 {
            return Ok(0);
        }
        let want = buf.len().min(16 * 1024).min(self.remaining as usize);
        let total = self.run.bytes.fetch_add(want as u64, Ordering::Relaxed);
        if total + want as u64 > self.run.budget {
            self.run.bytes.fetch_sub(want as u64, Ordering::Relaxed);
            self.run.stop.store(true, Ordering::Relaxed);
            return Err(std::io::Error::other("byte budget spent"));
        }
        let start = self.offset % self.pattern.len();
        let n = want.min(self.pattern.len() - start);
        buf[..n].copy_from_slice(&self.pattern[start..start + n]);
        self.offset += n;
        self.remaining -= n as u64;
        if n < want {
            self.run
                .bytes
                .fetch_sub((want - n) as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// 1 MiB of xorshift output: incompressible for any transparent compressor on the path.
fn random_pattern() -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
    let mut v = Vec::with_capacity(1 << 20);
    while v.len() < (1 << 20) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.extend_from_slice(&x.to_le_bytes());
    }
    v
}

fn describe(e: &reqwest::Error) -> UploadError {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text = format!("{text}: {s}");
        source = s.source();
    }
    // reqwest's resolver failures carry no type of their own: hyper names them "dns error".
    if e.is_connect() && text.contains("dns error") {
        UploadError::Dns(text)
    } else if e.is_connect() {
        UploadError::Connect(text)
    } else {
        UploadError::Other(text)
    }
}

fn stream_worker(
    stream: usize,
    client: reqwest::blocking::Client,
    url: String,
    run: Arc<Run>,
    pattern: Arc<Vec<u8>>,
    deadline: Instant,
) {
    // Start small so slow links finish requests; aim for about one second per request.
    let mut size: u64 = 64 * 1024;
    while !run.stop.load(Ordering::Relaxed) && Instant::now() < deadline {
        let body = CountingBody {
            run: run.clone(),
            pattern: pattern.clone(),
            offset: size as usize,
            remaining: size,
        };
        let started = Instant::now();
        let start_s = run.start.elapsed().as_secs_f64();
        let result = client
            .post(&url)
            .header("content-type", "application/octet-stream")
            .body(reqwest::blocking::Body::sized(body, size))
            .send();
        match result {
            Ok(resp) if resp.status().is_success() => {
                run.ok.fetch_add(1, Ordering::Relaxed);
                if let Ok(mut c) = run.confirmed.lock() {
                    c.push(Answer {
                        stream,
                        start_s,
                        end_s: run.start.elapsed().as_secs_f64(),
                        bytes: size,
                    });
                }
                let took = started.elapsed();
                if took < Duration::from_millis(400) {
                    size = (size * 2).min(16 * 1024 * 1024);
                } else if took > Duration::from_millis(1200) {
                    size = (size / 2).max(16 * 1024);
                }
            }
            Ok(resp) => {
                run.fail(UploadError::HttpStatus(resp.status().as_u16()));
                run.stop.store(true, Ordering::Relaxed);
            }
            // The test was already over (time up or another worker failed): this request was
            // cut off on purpose and is not an error of the link.
            Err(_) if run.stop.load(Ordering::Relaxed) => {}
            Err(e) => {
                run.fail(describe(&e));
                if e.is_connect() {
                    run.stop.store(true, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    }
}

/// `host:port` of an http(s) URL.
pub fn host_port(url: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    let port = parsed.port_or_known_default()?;
    Some(if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    })
}

/// Runs the test. `progress` is called every window from this thread.
pub fn measure(
    plan: &UploadPlan,
    mut progress: impl FnMut(UploadProgress),
) -> Result<UploadOutcome, UploadError> {
    let parsed = reqwest::Url::parse(&plan.url).map_err(|e| UploadError::BadUrl(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(UploadError::BadUrl(plan.url.clone()));
    }
    let endpoint = host_port(&plan.url).ok_or_else(|| UploadError::BadUrl(plan.url.clone()))?;
    let idle = super::latency::measure(
        std::slice::from_ref(&endpoint),
        3,
        Duration::from_secs(2),
        Duration::from_millis(50),
    );
    let idle_latency_ms = idle
        .first()
        .filter(|h| !h.rtt_ms.is_empty())
        .map(|h| super::latency::median(&h.rtt_ms));
    // A host that takes no TCP connection at all is reported as such: reqwest would only say
    // that the body could not be sent.
    if idle_latency_ms.is_none() {
        let failure = idle.first().and_then(|h| h.failures.first());
        let text = format!(
            "{endpoint}: {}",
            failure.map(ToString::to_string).unwrap_or_default()
        );
        return Err(match failure {
            Some(f) if f.is_dns() => UploadError::Dns(text),
            _ => UploadError::Connect(text),
        });
    }

    let max = Duration::from_secs_f64(plan.max_seconds.clamp(1.0, 60.0));
    // HTTPS needs a process-wide crypto provider; installing it twice is harmless.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(max + Duration::from_secs(5))
        .pool_max_idle_per_host(plan.streams)
        .build()
        .map_err(|e| UploadError::Other(e.to_string()))?;
    let start = Instant::now();
    let run = Arc::new(Run {
        stop: AtomicBool::new(false),
        bytes: AtomicU64::new(0),
        budget: plan.max_bytes.max(1),
        ok: AtomicU64::new(0),
        failure: Mutex::new(None),
        confirmed: Mutex::new(Vec::new()),
        start,
    });
    let pattern = Arc::new(random_pattern());
    let deadline = start + max;
    let workers: Vec<_> = (0..plan.streams.max(1))
        .map(|stream| {
            let (client, url, run, pattern) = (
                client.clone(),
                plan.url.clone(),
                run.clone(),
                pattern.clone(),
            );
            std::thread::spawn(move || stream_worker(stream, client, url, run, pattern, deadline))
        })
        .collect();
    // Loaded latency: connect times to the same host while the upload runs.
    let loaded_samples = Arc::new(Mutex::new(Vec::new()));
    let prober = {
        let (run, samples, endpoint) = (run.clone(), loaded_samples.clone(), endpoint.clone());
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(1000));
            while !run.stop.load(Ordering::Relaxed) {
                let s = super::latency::measure(
                    std::slice::from_ref(&endpoint),
                    1,
                    Duration::from_secs(2),
                    Duration::ZERO,
                );
                if let (Some(h), Ok(mut v)) = (s.first(), samples.lock()) {
                    v.extend(h.rtt_ms.iter().copied());
                }
                std::thread::sleep(Duration::from_millis(400));
            }
        })
    };

    let mut samples: Vec<(f64, u64)> = vec![(0.0, 0)];
    let mut stopped_early = false;
    let mut warm_at: Option<(f64, u64)> = None;
    while Instant::now() < deadline && !run.stop.load(Ordering::Relaxed) {
        std::thread::sleep(plan.window);
        let t = start.elapsed().as_secs_f64();
        let b = run.bytes.load(Ordering::Relaxed);
        let (pt, pb) = samples.last().copied().unwrap_or((0.0, 0));
        samples.push((t, b));
        progress(UploadProgress {
            elapsed_s: t,
            bytes: b,
            current_mbps: mbps(b.saturating_sub(pb), t - pt),
        });
        if warm_at.is_none() && t >= plan.warmup.as_secs_f64() {
            warm_at = Some((t, b));
        }
        if let Some((wt, wb)) = warm_at
            && t - wt >= plan.min_measure.as_secs_f64()
            && b > wb
        {
            let now_rate = mbps(b - wb, t - wt);
            let back = samples.iter().rev().find(|(st, _)| t - st >= 1.0).copied();
            if let Some((bt, bb)) = back
                && bt > wt
            {
                let before = mbps(bb.saturating_sub(wb), bt - wt);
                let answers = run
                    .confirmed
                    .lock()
                    .map(|c| c.iter().filter(|a| a.end_s > wt).count())
                    .unwrap_or(0);
                // Enough answers that a request more or less, or one counted whole that was
                // partly sent before the window, moves the figure by a few percent only.
                if answers >= 32
                    && before > 0.0
                    && ((now_rate - before) / before).abs() < plan.stable_fraction
                {
                    stopped_early = true;
                    break;
                }
            }
        }
    }
    run.stop.store(true, Ordering::Relaxed);
    let duration_s = start.elapsed().as_secs_f64();
    // Give in-flight requests a moment to report (e.g. an answer that was on its way).
    let grace = Instant::now() + Duration::from_secs(3);
    for w in workers {
        while !w.is_finished() && Instant::now() < grace {
            std::thread::sleep(Duration::from_millis(20));
        }
        if w.is_finished() {
            let _ = w.join();
        }
    }
    let _ = prober.join();

    let failure = run.failure.lock().ok().and_then(|f| f.clone());
    if let Some(UploadError::HttpStatus(code)) = failure {
        return Err(UploadError::HttpStatus(code));
    }
    let total = samples.last().map(|s| s.1).unwrap_or(0);
    let requests_ok = run.ok.load(Ordering::Relaxed) as u32;
    if total == 0 {
        return Err(failure.unwrap_or(UploadError::NothingSent));
    }
    if requests_ok == 0 {
        return Err(match failure {
            Some(e @ (UploadError::Connect(_) | UploadError::Dns(_))) => e,
            _ => UploadError::NoAnswer,
        });
    }
    let wt = warm_at.map(|w| w.0).unwrap_or(plan.warmup.as_secs_f64());
    let confirmed = run.confirmed.lock().map(|c| c.clone()).unwrap_or_default();
    let sustained = confirmed_rate(&confirmed, wt);
    let series: Vec<(f64, f64)> = samples
        .windows(2)
        .map(|w| (w[1].0, mbps(w[1].1.saturating_sub(w[0].1), w[1].0 - w[0].0)))
        .collect();
    // One-second moving windows: socket writes come in bursts shorter than that.
    let per_window = (1.0 / plan.window.as_secs_f64()).round().max(1.0) as usize;
    let measured: Vec<f64> = series
        .iter()
        .enumerate()
        .filter(|(i, (t, _))| *t > wt && *i + 1 >= per_window)
        .map(|(i, _)| {
            series[i + 1 - per_window..=i]
                .iter()
                .map(|s| s.1)
                .sum::<f64>()
                / per_window as f64
        })
        .collect();
    let stall_limit = stall_limit(sustained, plan.enough_mbps);
    let loaded: Vec<f64> = loaded_samples.lock().map(|v| v.clone()).unwrap_or_default();
    Ok(UploadOutcome {
        mbps: sustained,
        // A link that sent the whole budget before one full window ended showed no dip.
        p10_mbps: if measured.is_empty() {
            sustained
        } else {
            percentile(&measured, 0.10)
        },
        longest_stall_s: longest_stall(&series, stall_limit, plan.window.as_secs_f64()),
        final_stall_s: final_stall(&series, stall_limit, plan.window.as_secs_f64()),
        whole_mbps: whole_rate(&confirmed, duration_s),
        duration_s,
        bytes_sent: total,
        series,
        idle_latency_ms,
        loaded_latency_ms: (!loaded.is_empty()).then(|| super::latency::median(&loaded)),
        requests_ok,
        stopped_early,
    })
}

/// The p-quantile (0..1) by nearest rank.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let idx = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
    v[idx]
}

/// The rate under which a window counts as stalled, Mbit/s: almost no progress — under a
/// tenth of the link's own sustained rate — and too little for the verification's video
/// (`enough_mbps`); at least 0.05 when the rate itself is tiny. Without the second, a fast
/// link (hundreds of Mbit/s, its sustained figure read high from a few bunched answers) had
/// windows of tens of Mbit/s counted as stalls.
pub fn stall_limit(sustained: f64, enough_mbps: f64) -> f64 {
    (sustained * 0.1).min(enough_mbps).max(0.05)
}

/// Longest run of windows under `limit` Mbit/s (see `stall_limit`), in seconds.
pub fn longest_stall(series: &[(f64, f64)], limit: f64, window_s: f64) -> f64 {
    let mut best = 0.0f64;
    let mut run = 0.0f64;
    for (_, rate) in series {
        if *rate < limit {
            run += window_s;
            best = best.max(run);
        } else {
            run = 0.0;
        }
    }
    best
}

/// The run of stalled windows (as in `longest_stall`) that reaches the end of the test.
pub fn final_stall(series: &[(f64, f64)], limit: f64, window_s: f64) -> f64 {
    series.iter().rev().take_while(|(_, r)| *r < limit).count() as f64 * window_s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_lost_part_way_shows_in_the_final_stall_and_whole_rate() {
        // 1 s at 8 Mbit/s in quarter-second windows, then nothing for 2 s.
        let mut series: Vec<(f64, f64)> = (1..=4).map(|i| (f64::from(i) * 0.25, 8.0)).collect();
        series.extend((5..=12).map(|i| (f64::from(i) * 0.25, 0.0)));
        let limit = stall_limit(8.0, 1.5);
        assert_eq!(final_stall(&series, limit, 0.25), 2.0);
        assert_eq!(longest_stall(&series, limit, 0.25), 2.0);
        series.push((3.25, 8.0));
        assert_eq!(final_stall(&series, limit, 0.25), 0.0);
    }

    #[test]
    fn a_fast_link_slowing_to_what_the_video_needs_is_not_a_stall() {
        // Sustained read as 450 Mbit/s; for a second and a half the link carried 30, then 2:
        // far under a tenth of its rate, yet the 1.5 Mbit/s video went through.
        let rates = [450.0, 30.0, 30.0, 2.0, 2.0, 2.0, 30.0, 450.0, 0.5, 0.0, 0.0];
        let series: Vec<(f64, f64)> = rates
            .iter()
            .enumerate()
            .map(|(i, r)| (i as f64 * 0.25, *r))
            .collect();
        let limit = stall_limit(450.0, 1.5);
        assert_eq!(limit, 1.5);
        assert_eq!(longest_stall(&series, limit, 0.25), 0.75);
        assert_eq!(final_stall(&series, limit, 0.25), 0.75);
        // A slow link keeps its own tenth: 0.5 Mbit/s on a 2 Mbit/s link is progress.
        assert_eq!(stall_limit(2.0, 1.5), 0.2);
        assert_eq!(stall_limit(0.1, 1.5), 0.05);
    }

    #[test]
    fn rates_percentiles_and_stalls() {
        assert_eq!(percentile(&[5.0, 1.0, 3.0, 2.0, 4.0], 0.10), 1.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
        let series: Vec<(f64, f64)> = [8.0, 8.0, 0.0, 0.0, 0.1, 0.0, 8.0, 0.0, 8.0]
            .iter()
            .enumerate()
            .map(|(i, r)| (i as f64 * 0.25, *r))
            .collect();
        assert_eq!(longest_stall(&series, stall_limit(8.0, 1.5), 0.25), 1.0);
        assert_eq!(
            host_port("https://speed.cloudflare.com/__up").as_deref(),
            Some("speed.cloudflare.com:443")
        );
        assert_eq!(
            host_port("http://198.18.5.1:8080/up").as_deref(),
            Some("198.18.5.1:8080")
        );
    }

    #[test]
    fn body_respects_budget_and_stop() {
        let run = Arc::new(Run {
            stop: AtomicBool::new(false),
            bytes: AtomicU64::new(0),
            budget: 40_000,
            ok: AtomicU64::new(0),
            failure: Mutex::new(None),
            confirmed: Mutex::new(Vec::new()),
            start: Instant::now(),
        });
        let mut body = CountingBody {
            run: run.clone(),
            pattern: Arc::new(random_pattern()),
            offset: 0,
            remaining: 100_000,
        };
        let mut buf = vec![0u8; 65536];
        let mut got = 0;
        while let Ok(n) = body.read(&mut buf) {
            if n == 0 {
                break;
            }
            got += n;
        }
        assert!((16_000..=40_000).contains(&got), "{got}");
        assert!(run.stop.load(Ordering::Relaxed));
    }

    #[test]
    fn bad_urls_are_refused_at_once() {
        let plan = UploadPlan::new("ftp://example/", 5.0, 1000, 1.5);
        assert!(matches!(
            measure(&plan, |_| {}),
            Err(UploadError::BadUrl(_))
        ));
        let plan = UploadPlan::new("not a url", 5.0, 1000, 1.5);
        assert!(matches!(
            measure(&plan, |_| {}),
            Err(UploadError::BadUrl(_))
        ));
    }
}
