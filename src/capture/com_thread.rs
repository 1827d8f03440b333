//! COM on the threads that use the camera. Media Foundation (nokhwa's Windows backend) needs
//! COM initialised on every thread that calls it, but nokhwa initialises it once, on whichever
//! thread first asks; the camera thread and the checks running in parallel would use it
//! uninitialised. Elsewhere this does nothing.

/// Held for as long as the thread uses the camera; ends COM for the thread when it was the
/// one that started it.
pub struct ThreadCom {
    #[cfg(windows)]
    started: bool,
    /// Not `Send`: COM is ended on the thread that started it.
    _thread_bound: std::marker::PhantomData<*const ()>,
}

impl ThreadCom {
    pub fn enter() -> ThreadCom {
        #[cfg(windows)]
        {
            use windows_sys::Win32::System::Com::{COINIT_MULTITHREADED, CoInitializeEx};
            // SAFETY: no reserved pointer; the flags are a valid COINIT value.
            let hr = unsafe { CoInitializeEx(std::ptr::null(), COINIT_MULTITHREADED as u32) };
            // S_OK and S_FALSE must each be balanced by CoUninitialize; RPC_E_CHANGED_MODE
            // (a thread that already has its own apartment, as the window's has) is usable
            // as it is and is not ours to end.
            ThreadCom {
                started: hr >= 0,
                _thread_bound: std::marker::PhantomData,
            }
        }
        #[cfg(not(windows))]
        {
            ThreadCom {
                _thread_bound: std::marker::PhantomData,
            }
        }
    }
}

impl Drop for ThreadCom {
    fn drop(&mut self) {
        #[cfg(windows)]
        if self.started {
            // SAFETY: balances the successful CoInitializeEx of `enter` on this thread (the
            // guard is not `Send`, so it is dropped where it was made).
            unsafe { windows_sys::Win32::System::Com::CoUninitialize() };
        }
    }
}

#[cfg(all(test, windows))]
mod tests {
    use super::*;

    /// Under Wine (the Windows unit tests of CI) or on Windows: a fresh thread gets COM from
    /// the guard (a second initialisation in the same mode then answers S_FALSE, "already
    /// initialised"), and the camera list can be asked for from several threads at once.
    #[test]
    fn each_thread_starts_com_for_itself() {
        use windows_sys::Win32::System::Com::{COINIT_MULTITHREADED, CoInitializeEx};
        let answers: Vec<(bool, i32)> = (0..3)
            .map(|_| {
                std::thread::spawn(|| {
                    let guard = ThreadCom::enter();
                    // SAFETY: as in `enter`; balanced right below.
                    let again =
                        unsafe { CoInitializeEx(std::ptr::null(), COINIT_MULTITHREADED as u32) };
                    if again >= 0 {
                        // SAFETY: balances the successful call just above.
                        unsafe { windows_sys::Win32::System::Com::CoUninitialize() };
                    }
                    let listed = crate::capture::devices::camera_names().is_ok();
                    (guard.started && listed, again)
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().expect("thread"))
            .collect();
        for (ok, again) in answers {
            assert!(ok, "COM started and cameras listed");
            assert_eq!(again, 1, "S_FALSE: COM was already started on this thread");
        }
    }
}
