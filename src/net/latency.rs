//! Round-trip time to the verification hosts, measured as TCP connection set-up time (one
//! SYN/SYN-ACK round trip, no payload sent).

use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// The samples for one host.
#[derive(Debug, Clone, PartialEq)]
pub struct HostSamples {
    pub host: String,
    /// Milliseconds per successful connect, in order.
    pub rtt_ms: Vec<f64>,
    /// Why attempts failed, one entry per failure.
    pub failures: Vec<ConnectFailure>,
}

/// Why one connection attempt failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectFailure {
    /// The name could not be resolved (the resolver's words).
    #[error("dns: {0}")]
    Dns(String),
    /// The name resolved to no address.
    #[error("dns: no address")]
    NoAddress,
    /// The resolver gave no answer in time.
    #[error("dns: timeout")]
    DnsTimeout,
    /// No answer to the connection in time.
    #[error("timeout")]
    Timeout,
    /// Refused, unreachable, reset (the system's words).
    #[error("connect: {0}")]
    Connect(String),
    /// The measuring thread itself ended.
    #[error("probe failed")]
    ProbeFailed,
}

impl ConnectFailure {
    /// The name could not be resolved: the advice is about DNS, not the server.
    pub fn is_dns(&self) -> bool {
        matches!(
            self,
            ConnectFailure::Dns(_) | ConnectFailure::NoAddress | ConnectFailure::DnsTimeout
        )
    }
}

/// Resolves `host:port` with a time bound (the system resolver has none of its own).
fn resolve(host: &str, timeout: Duration) -> Result<SocketAddr, ConnectFailure> {
    let name = host.to_string();
    match crate::time_bound::within("resolve", timeout, move || {
        name.to_socket_addrs().map(|mut a| a.next())
    }) {
        Some(Ok(Some(addr))) => Ok(addr),
        Some(Ok(None)) => Err(ConnectFailure::NoAddress),
        Some(Err(e)) => Err(ConnectFailure::Dns(e.to_string())),
        None => Err(ConnectFailure::DnsTimeout),
    }
}

/// `attempts` TCP connects to each host (hosts in parallel), spaced by `gap`, each bounded by
/// `timeout`.
pub fn measure(
    hosts: &[String],
    attempts: usize,
    timeout: Duration,
    gap: Duration,
) -> Vec<HostSamples> {
    let handles: Vec<_> = hosts
        .iter()
        .map(|host| {
            let host = host.clone();
            std::thread::spawn(move || measure_host(host, attempts, timeout, gap))
        })
        .collect();
    handles
        .into_iter()
        .zip(hosts)
        .map(|(h, host)| {
            h.join().unwrap_or_else(|_| HostSamples {
                host: host.clone(),
                rtt_ms: Vec::new(),
                failures: vec![ConnectFailure::ProbeFailed],
            })
        })
        .collect()
}

fn measure_host(host: String, attempts: usize, timeout: Duration, gap: Duration) -> HostSamples {
    let mut s = HostSamples {
        host: host.clone(),
        rtt_ms: Vec::new(),
        failures: Vec::new(),
    };
    let addr = match resolve(&host, timeout) {
        Ok(a) => a,
        Err(e) => {
            s.failures.push(e);
            return s;
        }
    };
    for i in 0..attempts {
        if i > 0 {
            std::thread::sleep(gap);
        }
        let start = Instant::now();
        match TcpStream::connect_timeout(&addr, timeout) {
            Ok(stream) => {
                s.rtt_ms.push(start.elapsed().as_secs_f64() * 1000.0);
                drop(stream);
            }
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                s.failures.push(ConnectFailure::Timeout)
            }
            Err(e) => s.failures.push(ConnectFailure::Connect(e.to_string())),
        }
    }
    s
}

/// Median of the values (0 when empty).
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Jitter as the mean absolute difference of consecutive samples (RFC 3550 style, unsmoothed).
pub fn jitter(values: &[f64]) -> f64 {
    if values.len() < 2 {
        return 0.0;
    }
    let sum: f64 = values.windows(2).map(|w| (w[1] - w[0]).abs()).sum();
    sum / (values.len() - 1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistics() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(&[]), 0.0);
        assert_eq!(jitter(&[10.0, 20.0, 10.0]), 10.0);
        assert_eq!(jitter(&[5.0]), 0.0);
    }

    #[test]
    fn loopback_listener_is_measured_and_closed_port_fails() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let closed = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
            l.local_addr().expect("addr")
        };
        let hosts = vec![
            addr.to_string(),
            closed.to_string(),
            "no-such-host.invalid:443".to_string(),
        ];
        let r = measure(&hosts, 3, Duration::from_secs(2), Duration::from_millis(5));
        assert_eq!(r[0].rtt_ms.len(), 3);
        assert!(r[0].failures.is_empty());
        assert_eq!(r[1].rtt_ms.len(), 0);
        assert_eq!(r[1].failures.len(), 3);
        assert!(r[2].failures[0].is_dns(), "{:?}", r[2].failures);
    }
}
