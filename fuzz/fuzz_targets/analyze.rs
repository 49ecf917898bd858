//! `analyze` on any text (bytes read as UTF-8, invalid sequences replaced):
//! no panic, evidence offsets equal the evidence text, two parties or more.
#![no_main]
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    didar_fuzz::check_analyze(&String::from_utf8_lossy(bytes));
});
