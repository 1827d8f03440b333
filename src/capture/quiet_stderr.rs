//! ALSA prints "cannot find card '0'" and similar lines straight to the process's stderr when
//! a machine has no sound card. Those lines mean nothing to a seller (our own message says
//! the microphone cannot be opened), so device enumeration runs with stderr muted.

/// Runs `f` with file descriptor 2 pointed at /dev/null, restoring it afterwards.
#[cfg(unix)]
pub fn muted<T>(f: impl FnOnce() -> T) -> T {
    // SAFETY: plain POSIX calls on file descriptors we own; every descriptor opened here is
    // closed again, and fd 2 is restored before returning.
    unsafe {
        let saved = libc::dup(2);
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
        if saved < 0 || null < 0 {
            if saved >= 0 {
                libc::close(saved);
            }
            if null >= 0 {
                libc::close(null);
            }
            return f();
        }
        libc::dup2(null, 2);
        libc::close(null);
        let out = f();
        libc::dup2(saved, 2);
        libc::close(saved);
        out
    }
}

#[cfg(not(unix))]
pub fn muted<T>(f: impl FnOnce() -> T) -> T {
    f()
}
