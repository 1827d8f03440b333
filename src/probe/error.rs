//! Why a probe could not read a fact. "Absent" is not an error (a missing registry key means
//! nothing is set); these are the reads that failed, kept typed up to the check that reports
//! them, which writes the reason into its evidence once.

/// A probe's failed read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProbeError {
    /// A registry key that exists could not be read (access denied, a damaged hive).
    #[error("registry {key}: {detail}")]
    Registry { key: &'static str, detail: String },
    /// A system call or list the OS gives (processes, adapters, routes) failed.
    #[error("{call}: {detail}")]
    System { call: &'static str, detail: String },
}

impl ProbeError {
    pub fn system(call: &'static str, detail: impl ToString) -> ProbeError {
        ProbeError::System {
            call,
            detail: detail.to_string(),
        }
    }
    pub fn registry(key: &'static str, detail: impl ToString) -> ProbeError {
        ProbeError::Registry {
            key,
            detail: detail.to_string(),
        }
    }
}
