//! The .html importer: any bytes are read or refused, never a panic, and what
//! is read is articles Didar can analyse.
#![no_main]
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| didar_fuzz::check_file("a.html", bytes));
