//! Text normalization that keeps a map back to the original.
//!
//! Arabic-script news is written with many equivalent spellings: ي/ی/ى, ك/ک,
//! ة/ه, أ/إ/آ/ا, with or without diacritics, tatweel, zero-width non-joiners
//! ("می‌شود" / "میشود") and bidi control marks, with Arabic-Indic or Persian
//! digits. [`Folded`] maps all of these to one form so that knowledge written
//! once matches every variant, and remembers for every byte of the folded
//! text which character of the original it came from, so that every match
//! can be reported as exact character offsets into the text the user gave.

/// The folded form of a text and the map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    /// Folded text: letter variants unified, marks removed, horizontal
    /// whitespace collapsed to one space. Case is kept (knowledge is matched
    /// ignoring ASCII case, except for all-capital forms such as "US").
    pub text: String,
    /// For every byte offset of `text` (and one past the end), the index of
    /// the original *character* it came from.
    origin: Vec<u32>,
    /// Number of characters in the original text.
    original_chars: u32,
}

/// What one original character becomes.
enum Fold {
    Drop,
    One(char),
    Space,
}

fn fold_char(c: char) -> Fold {
    match c {
        // Arabic diacritics (harakat, tanwin, shadda, sukun, maddah above,
        // hamza above/below marks), superscript alef, Quranic marks.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => Fold::Drop,
        // Tatweel, zero-width characters, soft hyphen, BOM.
        '\u{0640}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{FEFF}' => Fold::Drop,
        // Bidi controls: LRM, RLM, ALM, embeddings/overrides, isolates.
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Fold::Drop,
        'ی' | 'ى' | 'ې' | 'ۍ' | 'ے' => Fold::One('ي'),
        'ک' | 'ڪ' => Fold::One('ك'),
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ہ' | 'ۃ' => Fold::One('ه'),
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::One('ا'),
        'ؤ' => Fold::One('و'),
        'ئ' => Fold::One('ي'),
        '٠'..='٩' => Fold::One(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Fold::One(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::One('-'),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => Fold::One('\''),
        '\u{201C}' | '\u{201D}' | '«' | '»' => Fold::One('"'),
        '\n' | '\r' => Fold::One('\n'),
        c if c.is_whitespace() => Fold::Space,
        c => Fold::One(c),
    }
}

/// Fold a piece of knowledge (a pattern) the same way as article text.
pub fn fold(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    fold_into(s, &mut text, None);
    text.trim().to_string()
}

/// Fold `original` into `text`; with `origin`, record for every byte of
/// `text` the index of the original character it came from. Returns the
/// number of characters of `original`.
fn fold_into(original: &str, text: &mut String, mut origin: Option<&mut Vec<u32>>) -> u32 {
    let mut n = 0u32;
    let mut last_space = true;
    for c in original.chars() {
        let i = n;
        n += 1;
        // Printable ASCII stays as it is (Latin text, digits, punctuation).
        let folded = if c.is_ascii_graphic() { Fold::One(c) } else { fold_char(c) };
        match folded {
            Fold::Drop => continue,
            Fold::Space => {
                if last_space {
                    continue;
                }
                text.push(' ');
                last_space = true;
            }
            Fold::One(f) => {
                if f == '\n' {
                    // A line break ends any run of spaces before it.
                    if text.ends_with(' ') {
                        text.pop();
                        if let Some(o) = origin.as_deref_mut() {
                            o.pop();
                        }
                    }
                    last_space = true;
                } else {
                    last_space = false;
                }
                text.push(f);
            }
        }
        if let Some(o) = origin.as_deref_mut() {
            o.resize(text.len(), i);
        }
    }
    n
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let n = fold_into(original, &mut text, Some(&mut origin));
        origin.push(n);
        Folded { text, origin, original_chars: n }
    }

    /// Original character offset of a folded byte offset (clamped).
    pub fn char_at(&self, byte: usize) -> usize {
        self.origin.get(byte).copied().unwrap_or(self.original_chars) as usize
    }

    /// Original character span `[start, end)` of the folded byte span `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            let s = self.char_at(start);
            return (s, s);
        }
        // The end is one past the character holding the last folded byte.
        (self.char_at(start), self.char_at(end - 1) + 1)
    }
}

/// Is `c` a letter or digit of a word (any script)? ASCII and the Arabic
/// block are decided without Unicode table lookups (the hot path).
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Arabic block: letters, diacritics, digits; not its punctuation (، ؛ ؟ ٪ ۔).
        '\u{0620}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The largest char boundary of `s` at or before byte `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `s[start..end]` with both ends moved back to char boundaries (never panics).
pub fn slice_at(s: &str, start: usize, end: usize) -> &str {
    let (a, b) = (floor_boundary(s, start), floor_boundary(s, end));
    &s[a.min(b)..b]
}

/// The original text between two character offsets.
pub fn char_slice(original: &str, start: usize, end: usize) -> &str {
    let b0 = byte_of_char(original, start);
    let b1 = b0 + byte_of_char(&original[b0..], end.saturating_sub(start));
    &original[b0..b1]
}

/// The byte offset of the `n`th character of `s` (its length past the end).
fn byte_of_char(s: &str, n: usize) -> usize {
    let mut seen = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // Every byte but a UTF-8 continuation byte (10xxxxxx) starts a character.
        if b & 0xC0 != 0x80 {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    s.len()
}

/// A sentence of the folded text: a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// Abbreviations after which a full stop does not end an English sentence.
const ABBREVIATIONS: &[&str] = &[
    "gen", "lt", "col", "maj", "brig", "adm", "capt", "sgt", "dr", "mr", "mrs", "ms", "st", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "u.s", "u.n", "u.k",
];

/// Split folded text into sentences: at line breaks, and at . ! ? ؟ when
/// followed by a space and not ending a known abbreviation or initial.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if e - trail > s + lead {
            out.push(Sentence { start: s + lead, end: e - trail });
        }
    };
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let boundary = match c {
            '\n' => true,
            '!' | '?' | '؟' => bytes.get(end).map_or(true, |b| *b == b' '),
            '.' => {
                bytes.get(end).map_or(true, |b| *b == b' ') && {
                    let word: String = text[start..i]
                        .rsplit(|ch: char| ch == ' ' || ch == '(')
                        .next()
                        .unwrap_or("")
                        .to_string();
                    let w = word.trim_start_matches('"').to_ascii_lowercase();
                    let w = w.as_str();
                    !(w.chars().count() == 1 && w.chars().all(|ch| ch.is_alphabetic()))
                        && !ABBREVIATIONS.contains(&w)
                }
            }
            _ => false,
        };
        if boundary {
            push(start, end, &mut out);
            start = end;
        }
    }
    push(start, text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letter_variants_digits_and_marks() {
        assert_eq!(fold("وزیر دفاع"), fold("وزير دفاع"));
        assert_eq!(fold("می‌شود"), fold("میشود"));
        assert_eq!(fold("الدّفاع"), "الدفاع");
        assert_eq!(fold("إيران"), fold("ايران"));
        assert_eq!(fold("۲۴ تیر ۱۳۹۷"), fold("٢٤ تير 1397"));
        assert_eq!(fold("24 تیر 1397"), "24 تير 1397");
        assert_eq!(fold("\u{202B}Tehran\u{202C}"), "Tehran");
        assert_eq!(fold("a \t  b"), "a b");
        assert_eq!(fold("وزارة"), "وزاره");
    }

    #[test]
    fn maps_folded_spans_to_original_characters() {
        let original = "والتقى العميد حاتمي بنظيره";
        let f = Folded::new(original);
        let at = f.text.find("حاتمي").unwrap();
        let (s, e) = f.span(at, at + "حاتمي".len());
        assert_eq!(char_slice(original, s, e), "حاتمي");

        let original = "الدّفاع\u{200F} الإيراني";
        let f = Folded::new(original);
        let at = f.text.find("الايراني").unwrap();
        let (s, e) = f.span(at, at + "الايراني".len());
        assert_eq!(char_slice(original, s, e), "الإيراني");
        let (s, e) = f.span(0, "الدفاع".len());
        assert_eq!(char_slice(original, s, e), "الدّفاع");
    }

    #[test]
    fn splits_sentences_but_not_at_abbreviations() {
        let t = fold("TEHRAN, Aug. 26 (MNA) – Brig. Gen. Amir Hatami met him. He said: yes!\nسطر دوم؟ بله");
        let s: Vec<&str> = sentences(&t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            s,
            vec!["TEHRAN, Aug. 26 (MNA) - Brig. Gen. Amir Hatami met him.", "He said: yes!", "سطر دوم؟", "بله"]
        );
    }
}
