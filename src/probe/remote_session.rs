//! Whether this session is itself remote, as the OS counts it.

/// Whether this is a remote session, and whether it is being controlled from elsewhere, by
/// the OS's own account (Windows: SM_REMOTESESSION, SM_REMOTECONTROL; elsewhere unknown, and
/// the session variables decide).
pub fn current() -> (Option<bool>, Option<bool>) {
    #[cfg(windows)]
    {
        (
            Some(super::windows::remote_session()),
            Some(super::windows::remote_control()),
        )
    }
    #[cfg(not(windows))]
    {
        (None, None)
    }
}
