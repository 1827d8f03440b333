//! Real HTTP peers on loopback (or a test namespace's address) for the network tests and
//! the app's tests: an upload sink, a trace endpoint, and a profile pointing at them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Clone, Copy, PartialEq)]
pub enum Sink {
    Accept,
    TooLarge,
    NeverAnswer,
}

/// A real HTTP/1.1 upload sink: reads each POST body, answers 200 (or 413, or never).
pub fn start_sink(ip: &str, mode: Sink) -> String {
    start_counting_sink(ip, mode).0
}

/// An upload sink that also counts the body bytes it has received so far.
pub fn start_counting_sink(ip: &str, mode: Sink) -> (String, Arc<AtomicU64>) {
    let listener = TcpListener::bind(format!("{ip}:0")).expect("bind sink");
    let addr = listener.local_addr().expect("addr");
    let received = Arc::new(AtomicU64::new(0));
    let counter = received.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let counter = counter.clone();
            std::thread::spawn(move || serve(stream, mode, &counter));
        }
    });
    (format!("http://{addr}/__up"), received)
}

/// Counts what passes through into `AtomicU64`.
struct Counting<'a>(&'a AtomicU64);
impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len() as u64, Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn serve(stream: TcpStream, mode: Sink, received: &AtomicU64) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut out = stream;
    loop {
        let mut length: u64 = 0;
        let mut line = String::new();
        let mut first = true;
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if first && line.trim().is_empty() {
                continue;
            }
            first = false;
            if line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        if mode == Sink::TooLarge {
            // Like nginx: answer 413 at once, then read (and drop) the rest before closing.
            let _ = out.write_all(
                b"HTTP/1.1 413 Payload Too Large\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
            );
            let _ = std::io::copy(&mut (&mut reader).take(length), &mut std::io::sink());
            return;
        }
        let mut body = (&mut reader).take(length);
        if std::io::copy(&mut body, &mut Counting(received)).is_err() {
            return;
        }
        if mode == Sink::NeverAnswer {
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
            return;
        }
        if out
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
            .is_err()
        {
            return;
        }
    }
}

/// Serves `body` to every request, on loopback.
pub fn trace_server(body: &'static str) -> String {
    trace_server_on("127.0.0.1", body)
}

/// Serves `body` to every request, on `ip`.
pub fn trace_server_on(ip: &str, body: &'static str) -> String {
    let l = TcpListener::bind(format!("{ip}:0")).expect("bind");
    let addr = l.local_addr().expect("addr");
    std::thread::spawn(move || {
        for mut s in l.incoming().flatten() {
            let mut buf = [0u8; 2048];
            let _ = s.read(&mut buf);
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{addr}/cdn-cgi/trace")
}

/// The built-in profile with every network address on loopback servers of the test, so no
/// test reaches outside the machine: the upload sink, the latency probes and the trace.
pub fn loopback_profile(dir: &Path) -> (PathBuf, String) {
    let (path, sink, _) = servers_profile(dir, "127.0.0.1");
    (path, sink)
}

/// The built-in profile pointing at an upload sink (also the latency probe) and a trace
/// server started on `ip`; returns the profile, the sink URL and the trace URL.
pub fn servers_profile(dir: &Path, ip: &str) -> (PathBuf, String, String) {
    let sink = start_sink(ip, Sink::Accept);
    let trace = trace_server_on(ip, "fl=1\nip=192.0.2.1\nloc=CN\nwarp=off\n");
    let path = profile_with(dir, &sink, &trace);
    (path, sink, trace)
}

/// The built-in profile with the upload at `sink` (whose host:port is also the latency
/// probe) and the exit-country trace at `trace`, written into `dir`.
pub fn profile_with(dir: &Path, sink: &str, trace: &str) -> PathBuf {
    let host = sink
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let text = include_str!("../../assets/profiles/aliexpress.toml")
        .replace("https://speed.cloudflare.com/__up", sink)
        .replace("https://www.cloudflare.com/cdn-cgi/trace", trace)
        .replace(
            r#"["cloud.aliyun.com:443", "login.aliexpress.com:443", "gsp.aliexpress.com:443"]"#,
            &format!(r#"["{host}"]"#),
        );
    // (Not a bare ":443": a loopback port such as 44321 contains it — CI once failed so.)
    assert!(
        !text.contains("cloudflare.com")
            && !text.contains("aliyun.com:443")
            && !text.contains("aliexpress.com:443"),
        "profile still points outside"
    );
    let path = dir.join("servers.toml");
    std::fs::write(&path, text).expect("write profile");
    path
}
