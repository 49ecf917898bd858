//! Saved-record decoding (articles, corrections, cached analyses): any text is
//! read or set aside, and what is read is written back and read again the same.
#![no_main]
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(json) = std::str::from_utf8(bytes) {
        didar_fuzz::check_saved(json);
    }
});
