//! No input makes the extractor panic (a panic freezes the wasm app): random
//! text over an alphabet of troublesome characters, corpus text cut at random
//! places and spliced, and hand-picked adversarial inputs. Every evidence span
//! must also be the exact text between its offsets.

use didar::{analyze, text::char_slice, Article, Timeline};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "ا", "ي", "ی", "ى", "ك", "ک", "ة", "ه", "أ", "إ", "آ", "ء", "ئ", "ؤ", "\u{064B}", "\u{0651}", "\u{0640}", "\u{200C}", "\u{200D}",
    "\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{FEFF}", "\u{0}", "\u{FFFD}", "\u{10FFFF}",
    "٠", "٩", "۰", "۹", "0", "9", "1397", "1440", "2018", "31", "13", " ", "  ", "\n", "\r\n", "\t", ".", "،", ",", "؟", "?", "!",
    "-", "/", ":", "(", ")", "\"", "«", "»", "'", "’", "é", "ß", "İ", "ﷺ", "😀", "a", "Z", "التقى", "دیدار", "met", "وزير الدفاع",
    "وزیر دفاع", "Defense Minister", "الإيراني", "ایران", "Iran", "Kazakh", "نظيره", "همتای", "counterpart", "اليوم", "امروز",
    "today", "yesterday", "أمس", "الأحد", "یکشنبه", "Sunday", "أبريل", "تیر", "رمضان", "April", "Aug.", "على هامش", "در حاشیه",
    "sidelines", "مؤتمر موسكو الأمني", "Army-2018", "السادس", "حاتمي", "شويغو", "Putin", "US", "us", "العميد", "General",
    "اتصال هاتفي", "video conference", "سيلتقي", "will meet", "بحضور", "separately", "جداگانه", "في", "به", "in",
];

fn check(text: &str) {
    let a = analyze(&Article { id: "x".into(), text: text.to_string() });
    for m in &a.meetings {
        assert!(m.evidence.start <= m.evidence.end);
        assert_eq!(char_slice(text, m.evidence.start, m.evidence.end), m.evidence.text, "evidence offsets of {text:?}");
        assert!(m.parties.len() >= 2, "a meeting needs two sides: {text:?}");
    }
    let _ = Timeline::build([&a]);
}

#[test]
fn random_text_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let n = rng.below(60);
        let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        check(&text);
    }
}

#[test]
fn spliced_corpus_text_never_panics() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev/articles");
    let mut texts: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    texts.sort();
    let mut rng = Rng(42);
    for _ in 0..400 {
        let a: Vec<char> = texts[rng.below(texts.len())].chars().collect();
        let b: Vec<char> = texts[rng.below(texts.len())].chars().collect();
        let (i, j) = (rng.below(a.len()), rng.below(b.len()));
        let spliced: String = a[..i].iter().chain(PIECES[rng.below(PIECES.len())].chars().collect::<Vec<_>>().iter()).chain(b[j..].iter()).collect();
        check(&spliced);
    }
}

#[test]
fn adversarial_inputs_never_panic() {
    let long_word = "و".repeat(50_000);
    let many_lines = "التقى\n".repeat(5_000);
    let digits = "1".repeat(10_000);
    let marks = "\u{064B}".repeat(10_000);
    let cases = [
        "",
        " ",
        "\n\n\n",
        "\u{202E}\u{202E}\u{202E}",
        "<script>alert(1)</script> met <img src=x onerror=alert(1)>",
        "31/02/2018 2018-13-45 1403/12/31 1440/09/30 99.99.9999",
        "0 April 0000, 31 أبريل 9999, ۳۱ اسفند ۱۴۰۲",
        "Aug. Aug. Aug. 26 26 26",
        long_word.as_str(),
        many_lines.as_str(),
        digits.as_str(),
        marks.as_str(),
    ];
    for c in cases {
        check(c);
    }
}

/// A sentence that gathers every state ("the foreign ministers of Afghanistan,
/// Albania, … met in New York") reports an assembly, not a meeting of 190
/// parties; the same sentence with five states is one five-party meeting.
#[test]
fn a_sentence_gathering_every_state_is_an_assembly_not_a_meeting() {
    let k = didar::knowledge::Knowledge::get();
    let names: Vec<&str> = k.parties.iter().filter(|p| p.len() == 2).map(|p| k.party_name(p)).collect();
    assert!(names.len() > 150, "{} states", names.len());
    let sentence = |names: &[&str]| format!("The foreign ministers of {} met in New York on 25 September 2023.", names.join(", "));
    let meetings = |text: String| analyze(&Article { id: "x".into(), text }).meetings;
    let few = meetings(sentence(&names[..5]));
    assert_eq!(few.iter().map(|m| m.parties.len()).collect::<Vec<_>>(), [5], "five states: one meeting of five");
    let all = meetings(sentence(&names));
    assert!(all.iter().all(|m| m.parties.len() <= didar::model::MAX_PARTIES), "{:?}", all.iter().map(|m| m.parties.len()).collect::<Vec<_>>());
}
