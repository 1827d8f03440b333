//! A snapshot of the environment variables the checks care about (proxy settings, remote
//! session markers). Taken once so a check judges a fixed set of facts.

/// (name, value) pairs of the current process environment.
pub fn snapshot() -> Vec<(String, String)> {
    std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect()
}
