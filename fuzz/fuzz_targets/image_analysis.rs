//! libFuzzer entry for `selfcheck::fuzz_harness::image_analysis` (what it feeds is described there).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| selfcheck::fuzz_harness::image_analysis(data));
