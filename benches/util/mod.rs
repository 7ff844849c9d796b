//! Helpers shared by the bench programs (included with `#[path]`, since benches are separate
//! crates).

/// CPU seconds (user + system) this process has used, all threads, from /proc/self/stat (clock
/// ticks of 1/100 s). Reported beside wall time because the benchmark machine is shared: a run
/// that waited for the CPU shows it as wall time > CPU time.
pub fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // After the command name: state is field 0, utime field 11, stime field 12.
    (ticks(11) + ticks(12)) / 100.0
}

pub fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// p99 by nearest rank; with fewer than 100 samples that is the maximum.
// Only the latency benches (query, prior_art) report percentiles.
#[allow(dead_code)]
pub fn p99(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let rank = ((s.len() as f64) * 0.99).ceil() as usize;
    s[rank.clamp(1, s.len()) - 1]
}

/// What [`p99`] is for `n` samples.
#[allow(dead_code)]
pub fn p99_kind(n: usize) -> &'static str {
    if n >= 100 { "p99" } else { "max" }
}
