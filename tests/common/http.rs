//! Real HTTP peers on loopback (or a test namespace's address) for the network tests and
//! the app's tests: an upload sink, a trace endpoint, and a profile pointing at them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, PartialEq)]
pub enum Sink {
    Accept,
    TooLarge,
    NeverAnswer,
}

/// A real HTTP/1.1 upload sink: reads each POST body, answers 200 (or 413, or never).
pub fn start_sink(ip: &str, mode: Sink) -> String {
    let listener = TcpListener::bind(format!("{ip}:0")).expect("bind sink");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream, mode));
        }
    });
    format!("http://{addr}/__up")
}

fn serve(stream: TcpStream, mode: Sink) {
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
        if std::io::copy(&mut body, &mut std::io::sink()).is_err() {
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
    let host = sink
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let trace = trace_server_on(ip, "fl=1\nip=192.0.2.1\nloc=CN\nwarp=off\n");
    let text = include_str!("../../assets/profiles/aliexpress.toml")
        .replace("https://speed.cloudflare.com/__up", &sink)
        .replace("https://www.cloudflare.com/cdn-cgi/trace", &trace)
        .replace(
            r#"["cloud.aliyun.com:443", "login.aliexpress.com:443", "gsp.aliexpress.com:443"]"#,
            &format!(r#"["{host}"]"#),
        );
    assert!(
        !text.contains("cloudflare.com") && !text.contains(":443"),
        "profile still points outside"
    );
    let path = dir.join("servers.toml");
    std::fs::write(&path, text).expect("write profile");
    (path, sink, trace)
}
