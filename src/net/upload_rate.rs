//! The upload rate from what the server confirmed. Each answered request is known by its
//! stream, when its body started and when its answer came, and its size. Counting each
//! answer whole over the time between answers overstates the rate: the requests other
//! streams had in flight when the window opened are counted whole although part of them was
//! sent before it (on this machine's shaped links that read 2–8 % above iperf3). Here each
//! request's bytes are spread evenly over its own start..answer span and only the part inside
//! the window counts, and the window ends where every stream is still confirmed, so nothing
//! sent inside it is left out.

/// One request the server answered with 2xx.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer {
    pub stream: usize,
    /// Seconds since the test began: the body started, the answer arrived.
    pub start_s: f64,
    pub end_s: f64,
    pub bytes: u64,
}

pub fn mbps(bytes: u64, seconds: f64) -> f64 {
    mbps_f(bytes as f64, seconds)
}

fn mbps_f(bytes: f64, seconds: f64) -> f64 {
    if seconds <= 0.0 {
        0.0
    } else {
        bytes * 8.0 / seconds / 1_000_000.0
    }
}

/// The part of `a`'s bytes sent between `from` and `to`, the body taken as sent evenly.
fn bytes_within(a: &Answer, from: f64, to: f64) -> f64 {
    let span = a.end_s - a.start_s;
    if span <= 0.0 {
        return if a.end_s > from && a.end_s <= to {
            a.bytes as f64
        } else {
            0.0
        };
    }
    let overlap = (a.end_s.min(to) - a.start_s.max(from)).max(0.0);
    a.bytes as f64 * overlap / span
}

/// Server-confirmed rate after ramp-up, Mbit/s. The window opens at the first answer at or
/// after `warm_s` and closes at the earliest last answer among the streams still answering at
/// the end (a stream that went quiet long before the others is left out, not allowed to cut
/// the window short). A window under a second: the answers' bytes over the time from the
/// first of their bodies to the last answer.
pub fn confirmed_rate(answers: &[Answer], warm_s: f64) -> f64 {
    let last = answers
        .iter()
        .map(|a| a.end_s)
        .fold(f64::NEG_INFINITY, f64::max);
    let after: Vec<&Answer> = answers.iter().filter(|a| a.end_s >= warm_s).collect();
    let set: Vec<&Answer> = if after.len() >= 3 {
        after
    } else {
        answers.iter().collect()
    };
    let Some(from) = set.iter().map(|a| a.end_s).reduce(f64::min) else {
        return 0.0;
    };
    // Each stream's last answer; streams quiet for the last 3 s do not close the window.
    let mut last_by_stream: Vec<(usize, f64)> = Vec::new();
    for a in answers {
        match last_by_stream.iter_mut().find(|(s, _)| *s == a.stream) {
            Some((_, t)) => *t = t.max(a.end_s),
            None => last_by_stream.push((a.stream, a.end_s)),
        }
    }
    let to = last_by_stream
        .iter()
        .map(|(_, t)| *t)
        .filter(|t| *t >= last - 3.0 && *t > from)
        .fold(f64::INFINITY, f64::min);
    if to.is_finite() && to - from >= 1.0 {
        let bytes: f64 = answers.iter().map(|a| bytes_within(a, from, to)).sum();
        return mbps_f(bytes, to - from);
    }
    // Short tests (a fast link spends the byte budget in a second or two): these answers'
    // bytes over the time from the first of their bodies to the last answer. Each request lies
    // wholly inside, and requests still in flight are left out, so this can read low, never
    // high. (Counting answers whole over the time between the first and the last read 910
    // Mbit/s on a link shaped to 200 when four answers came within a few milliseconds.)
    let first_body = set.iter().map(|a| a.start_s).fold(f64::INFINITY, f64::min);
    let bytes: u64 = set.iter().map(|a| a.bytes).sum();
    mbps(bytes, last - first_body)
}

/// Server-confirmed bytes after the first answer over the time from that answer to `end_s`:
/// the honest rate when the connection died part-way.
pub fn whole_rate(answers: &[Answer], end_s: f64) -> f64 {
    let Some(first) = answers.iter().map(|a| a.end_s).reduce(f64::min) else {
        return 0.0;
    };
    let bytes: u64 = answers
        .iter()
        .filter(|a| a.end_s > first)
        .map(|a| a.bytes)
        .sum();
    mbps(bytes, end_s - first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `streams` streams each sending steadily at `rate_mbps / streams`, back to back, with
    /// request lengths cycling through `lengths_s` (shifted per stream), stopped at `stop_s`
    /// (requests in flight then are never answered).
    fn steady(rate_mbps: f64, streams: usize, lengths_s: &[f64], stop_s: f64) -> Vec<Answer> {
        let per_stream = rate_mbps * 1e6 / 8.0 / streams as f64;
        let mut out = Vec::new();
        for s in 0..streams {
            let mut t = 0.0;
            let mut i = s;
            loop {
                let len = lengths_s[i % lengths_s.len()];
                if t + len > stop_s {
                    break;
                }
                out.push(Answer {
                    stream: s,
                    start_s: t,
                    end_s: t + len,
                    bytes: (per_stream * len).round() as u64,
                });
                t += len;
                i += 1;
            }
        }
        out.sort_by(|a, b| a.end_s.total_cmp(&b.end_s));
        out
    }

    /// The old measure: answers after the first one past warm-up, whole.
    fn counted_whole(answers: &[Answer], warm_s: f64) -> f64 {
        let after: Vec<&Answer> = answers.iter().filter(|a| a.end_s >= warm_s).collect();
        let from = after[0].end_s;
        let to = after[after.len() - 1].end_s;
        mbps(after[1..].iter().map(|a| a.bytes).sum(), to - from)
    }

    #[test]
    fn spreading_each_request_over_its_span_finds_the_true_rate() {
        for (rate, lengths, stop) in [
            (20.0, &[0.9, 1.1, 0.7, 1.3][..], 7.3),
            (2.0, &[1.2, 0.8, 1.0][..], 9.1),
            (8.0, &[0.5, 1.15, 0.95, 0.6, 1.2][..], 6.2),
        ] {
            let answers = steady(rate, 4, lengths, stop);
            let ours = confirmed_rate(&answers, 1.5);
            let old = counted_whole(&answers, 1.5);
            assert!(
                (ours - rate).abs() / rate < 0.005,
                "{rate}: {ours} (old {old})"
            );
            // The whole-answer measure on the same data is off by more.
            assert!(
                (old - rate).abs() > (ours - rate).abs(),
                "{rate}: {old} vs {ours}"
            );
        }
    }

    #[test]
    fn a_stream_that_went_quiet_does_not_cut_the_window() {
        let mut answers = steady(8.0, 4, &[1.0, 0.8, 1.2], 8.0);
        // Stream 3 stops answering after 3 s (its connection hung).
        answers.retain(|a| a.stream != 3 || a.end_s <= 3.0);
        let rate = confirmed_rate(&answers, 1.5);
        // Three streams of 2 Mbit/s each after 3 s; the window is not cut to end at 3 s.
        assert!(rate > 5.5 && rate < 7.5, "{rate}");
    }

    #[test]
    fn answers_bunched_at_the_end_of_a_short_test_do_not_inflate_the_rate() {
        // Four streams each send 8 MB from 0.5 s; the answers come within 30 ms at 2 s.
        let answers: Vec<Answer> = (0..4)
            .map(|s| Answer {
                stream: s,
                start_s: 0.5,
                end_s: 2.0 + 0.01 * s as f64,
                bytes: 8_000_000,
            })
            .collect();
        let rate = confirmed_rate(&answers, 1.5);
        let truth = mbps(32_000_000, 1.5);
        assert!(rate <= truth && rate > 0.97 * truth, "{rate} vs {truth}");
    }

    #[test]
    fn few_answers_fall_back_to_their_whole_span() {
        let a = |end_s, bytes| Answer {
            stream: 0,
            start_s: end_s - 1.0,
            end_s,
            bytes,
        };
        // Answers at 2, 3, 4 s of 1 MB each after a warm-up to 1.5 s: 8 Mbit/s.
        let answers = [
            a(0.5, 1_000_000),
            a(2.0, 1_000_000),
            a(3.0, 1_000_000),
            a(4.0, 1_000_000),
        ];
        assert!((confirmed_rate(&answers, 1.5) - 8.0).abs() < 1e-9);
        // One answer: its bytes over its own span.
        assert_eq!(confirmed_rate(&[a(1.0, 5)], 0.0), mbps(5, 1.0));
        assert_eq!(confirmed_rate(&[], 0.0), 0.0);
        // Lost part-way: 1 MB answers at 0.1, 0.6, 1.1 s; the test ran to 3.1 s.
        let lost = [a(0.1, 1_000_000), a(0.6, 1_000_000), a(1.1, 1_000_000)];
        assert_eq!(whole_rate(&lost, 3.1), mbps(2_000_000, 3.0));
        assert_eq!(whole_rate(&[], 3.0), 0.0);
        assert_eq!(mbps(1_000_000, 1.0), 8.0);
        assert_eq!(mbps(5, 0.0), 0.0);
    }
}
