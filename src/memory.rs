//! How freed memory is kept. Every analysed camera frame allocates its working buffers anew
//! (the grey copy, the colour plane, the glare mask: 0.1–0.3 MB each at 720p) and frees them
//! when the frame is done. glibc hands such memory back to the kernel when it is freed (heap
//! trimming above 128 KB, `mmap` for single blocks above it), so the next frame takes page
//! faults and zeroes fresh pages again: a fifth of a 720p frame's analysis time
//! (`cargo bench --bench frame_parts`, "whole frame"). Keeping up to 64 MB of freed memory for
//! reuse removes that. Windows' heap manages freed blocks its own way (not measured here).

/// Call once at start, before other threads run.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes glibc's thresholds; called before other threads allocate.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
    }
}
