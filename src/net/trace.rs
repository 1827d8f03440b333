//! The exit country as the internet sees it, from a trace endpoint in Cloudflare's
//! `cdn-cgi/trace` format (`key=value` lines; `loc=` country, `warp=` Cloudflare WARP).
//! Only the country code is kept: the IP address in the answer is never stored or reported.

use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    pub country: Option<String>,
    /// "on" or "plus" when Cloudflare WARP carries the traffic.
    pub warp: Option<String>,
}

/// Parses the trace body.
pub fn parse(body: &str) -> Trace {
    let mut t = Trace {
        country: None,
        warp: None,
    };
    for line in body.lines().take(64) {
        if let Some((k, v)) = line.split_once('=') {
            let v = v.trim();
            match k.trim() {
                "loc" if v.len() == 2 && v.chars().all(|c| c.is_ascii_alphabetic()) => {
                    t.country = Some(v.to_ascii_uppercase())
                }
                "warp" if !v.is_empty() && v.len() < 16 => t.warp = Some(v.to_string()),
                _ => {}
            }
        }
    }
    t
}

/// Why the exit country could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TraceError {
    /// The HTTP client could not be set up (no TLS provider).
    #[error("HTTP client: {0}")]
    Client(String),
    /// No answer: no connection, a timeout, a TLS failure (reqwest's words).
    #[error("{0}")]
    Request(String),
    /// The server answered with an error status.
    #[error("HTTP {0}")]
    Status(u16),
    /// The answer broke off.
    #[error("reading the answer: {0}")]
    Body(String),
}

/// Fetches the trace (bounded to `timeout`, answer at most 16 KiB).
pub fn fetch(url: &str, timeout: Duration) -> Result<Trace, TraceError> {
    // Installing the process-wide provider a second time fails harmlessly: the first stays.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::blocking::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .build()
        .map_err(|e| TraceError::Client(e.to_string()))?;
    let resp = client
        .get(url)
        .send()
        .map_err(|e| TraceError::Request(e.to_string()))?;
    if !resp.status().is_success() {
        return Err(TraceError::Status(resp.status().as_u16()));
    }
    let mut body = Vec::new();
    use std::io::Read;
    resp.take(16 * 1024)
        .read_to_end(&mut body)
        .map_err(|e| TraceError::Body(e.to_string()))?;
    Ok(parse(&String::from_utf8_lossy(&body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The shape of a real cdn-cgi/trace answer (address replaced with a documentation one).
    const TRACE_CN: &str = "fl=466f52\nh=www.cloudflare.com\nip=192.0.2.10\nts=1764480000.123\nvisit_scheme=https\nuag=selfcheck\ncolo=HKG\nsliver=none\nhttp=http/1.1\nloc=CN\ntls=TLSv1.3\nsni=plaintext\nwarp=off\ngateway=off\nrbi=off\nkex=X25519\n";

    #[test]
    fn parses_country_and_warp() {
        assert_eq!(
            parse(TRACE_CN),
            Trace {
                country: Some("CN".into()),
                warp: Some("off".into())
            }
        );
        let warp = TRACE_CN
            .replace("loc=CN", "loc=us")
            .replace("warp=off", "warp=on");
        assert_eq!(
            parse(&warp),
            Trace {
                country: Some("US".into()),
                warp: Some("on".into())
            }
        );
        assert_eq!(
            parse("garbage"),
            Trace {
                country: None,
                warp: None
            }
        );
        assert_eq!(
            parse("loc=<script>"),
            Trace {
                country: None,
                warp: None
            }
        );
    }
}
