//! The timeline merge of generated reports (few parties, dates, names and
//! occasions, so that reports do match): see `didar_fuzz::check_reports`.
#![no_main]
libfuzzer_sys::fuzz_target!(|articles: Vec<Vec<didar_fuzz::Report>>| didar_fuzz::check_reports(&articles));
