//! COM on the threads that use the camera. Media Foundation (nokhwa's Windows backend) needs
//! COM started on every thread that calls it, but nokhwa starts it once, on whichever thread
//! first asks; the camera thread and the checks running in parallel would use it without.
//! Each such thread starts it itself, in the mode nokhwa uses (single-threaded apartment, no
//! OLE 1): a second start in the same mode just answers "already started", while a different
//! mode would make nokhwa's own start fail. COM is not ended by hand: ending it on one thread
//! while Media Foundation objects made there live on elsewhere can crash the process, and
//! Windows ends it when the thread ends. Elsewhere this does nothing.

/// Starts COM for the calling thread, if it has not been started there.
pub fn start_for_this_thread() {
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Com::{
            COINIT_APARTMENTTHREADED, COINIT_DISABLE_OLE1DDE, CoInitializeEx,
        };
        // SAFETY: no reserved pointer; the flags are valid COINIT values. The answer needs no
        // handling: S_OK / S_FALSE (started, or already started in this mode) and
        // RPC_E_CHANGED_MODE (the thread already has another apartment, as a window's
        // thread may) all leave the thread able to use COM.
        let _ = unsafe {
            CoInitializeEx(
                std::ptr::null(),
                (COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE) as u32,
            )
        };
    }
}

#[cfg(all(test, windows))]
mod tests {
    use super::*;

    /// Under Wine (the Windows unit tests of CI) or on Windows: on fresh threads, after the
    /// start, nokhwa's own start (same mode) answers S_FALSE, "already started", and the
    /// camera list can be asked for from several threads at once.
    #[test]
    fn each_thread_starts_com_in_the_mode_nokhwa_uses() {
        use windows_sys::Win32::System::Com::{
            COINIT_APARTMENTTHREADED, COINIT_DISABLE_OLE1DDE, CoInitializeEx, CoUninitialize,
        };
        let answers: Vec<(i32, bool)> = (0..3)
            .map(|_| {
                std::thread::spawn(|| {
                    start_for_this_thread();
                    // SAFETY: as in `start_for_this_thread`; balanced right below.
                    let again = unsafe {
                        CoInitializeEx(
                            std::ptr::null(),
                            (COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE) as u32,
                        )
                    };
                    if again >= 0 {
                        // SAFETY: balances the successful call just above.
                        unsafe { CoUninitialize() };
                    }
                    (again, crate::capture::devices::camera_names().is_ok())
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().expect("thread"))
            .collect();
        for (again, listed) in answers {
            assert_eq!(again, 1, "S_FALSE: COM was already started on this thread");
            assert!(listed, "cameras listed");
        }
    }
}
