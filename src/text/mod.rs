//! Text normalization that keeps a map back to the original.
//!
//! Arabic-script news is written with many equivalent spellings: ي/ی/ى, ك/ک,
//! ة/ه, أ/إ/آ/ا, with or without diacritics, tatweel, zero-width non-joiners
//! ("می‌شود" / "میشود") and bidi control marks, with Arabic-Indic or Persian
//! digits. [`Folded`] maps all of these to one form so that knowledge written
//! once matches every variant, and remembers which characters of the
//! original it dropped, so that every match can be reported as exact
//! character offsets into the text the user gave.
//!
//! Layer: uses `model` only.

pub mod lang;

/// The folded form of a text and the map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    /// Folded text: letter variants unified, marks removed, horizontal
    /// whitespace collapsed to one space. Case is kept (knowledge is matched
    /// ignoring ASCII case, except for all-capital forms such as "US").
    pub text: String,
    /// Every folded character comes from one original character, in order;
    /// the original characters between them were dropped (marks, repeated
    /// spaces). `(k, d)`: from the `k`th folded character on, `d` original
    /// characters were dropped before it. Sorted by `k`, one entry per run
    /// of dropped characters: far less to write than an entry per byte.
    drops: Vec<(u32, u32)>,
    /// The number of folded characters before each block of [`BLOCK`]
    /// bytes of `text`, so that finding a byte's character counts at most
    /// one block.
    block_chars: Vec<u32>,
    /// Number of characters in the original text.
    original_chars: u32,
}

/// Bytes of folded text per entry of [`Folded::block_chars`].
const BLOCK: usize = 256;

/// What one original character becomes.
#[derive(Clone, Copy)]
enum Fold {
    Drop,
    One(char),
    Space,
}

fn fold_char(c: char) -> Fold {
    match c {
        '\u{0600}'..='\u{06FF}' => ARABIC_BLOCK_FOLDS[c as usize - 0x600],
        // Zero-width characters, soft hyphen, BOM.
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{FEFF}' => Fold::Drop,
        // Bidi controls: LRM, RLM, embeddings/overrides, isolates.
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Fold::Drop,
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::One('-'),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => Fold::One('\''),
        '\u{201C}' | '\u{201D}' | '«' | '»' => Fold::One('"'),
        '\n' | '\r' => Fold::One('\n'),
        c if c.is_whitespace() => Fold::Space,
        c => Fold::One(c),
    }
}

/// How a character of the Arabic block (U+0600 to U+06FF) folds.
const fn fold_arabic_block(c: char) -> Fold {
    match c {
        // Arabic diacritics (harakat, tanwin, shadda, sukun, maddah above,
        // hamza above/below marks), superscript alef, Quranic marks.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => Fold::Drop,
        // Tatweel; the Arabic letter mark (a bidi control).
        '\u{0640}' | '\u{061C}' => Fold::Drop,
        'ی' | 'ى' | 'ې' | 'ۍ' | 'ے' => Fold::One('ي'),
        'ک' | 'ڪ' => Fold::One('ك'),
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ہ' | 'ۃ' => Fold::One('ه'),
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::One('ا'),
        'ؤ' => Fold::One('و'),
        'ئ' => Fold::One('ي'),
        '٠'..='٩' => Fold::One((b'0' + (c as u32 - '٠' as u32) as u8) as char),
        '۰'..='۹' => Fold::One((b'0' + (c as u32 - '۰' as u32) as u8) as char),
        c => Fold::One(c),
    }
}

/// [`fold_arabic_block`] for each character of the block: most characters
/// of an Arabic-script text are folded by one look-up.
const ARABIC_BLOCK_FOLDS: [Fold; 256] = {
    let mut folds = [Fold::Drop; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x600 + i as u32) {
            folds[i] = fold_arabic_block(c);
        }
        i += 1;
    }
    folds
};

/// Fold a piece of knowledge (a pattern) the same way as article text.
pub fn fold(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    fold_trimmed(s, &mut text);
    text
}

/// [`fold`] into `out`, which is cleared first: the knowledge's thousands
/// of forms are folded in one buffer.
pub fn fold_trimmed(s: &str, out: &mut String) {
    out.clear();
    fold_into::<false>(s, out, &mut Vec::new());
    out.truncate(out.trim_end().len());
    let lead = out.len() - out.trim_start().len();
    out.drain(..lead);
}

/// Fold `original` into `text`; with `MAP`, record in `drops` where
/// original characters were dropped (see [`Folded::drops`]). Returns the
/// number of characters of `original`.
///
/// Every article goes through here once, so most of the text takes a short
/// path: runs of characters that fold to one character each (printable
/// ASCII, the letters of the Arabic block and their variants, single spaces
/// between them) are copied whole or replaced in place, and only the other
/// characters go through [`fold_char`].
fn fold_into<const MAP: bool>(original: &str, text: &mut String, drops: &mut Vec<(u32, u32)>) -> u32 {
    let bytes = original.as_bytes();
    // Characters read from `original`, and written to `text`.
    let (mut n, mut k) = (0u32, 0u32);
    let mut last_space = true;
    let mut pos = 0;
    while pos < bytes.len() {
        // The run's characters from `copy_from` on are not yet written.
        let (mut copy_from, mut run_chars) = (pos, 0);
        loop {
            if let Some((len, folded)) = one_to_one_at(bytes, pos) {
                if let Some(f) = folded {
                    text.push_str(&original[copy_from..pos]);
                    text.push(f);
                    copy_from = pos + len;
                }
                pos += len;
            } else if bytes.get(pos) == Some(&b' ') && run_chars > 0 && one_to_one_at(bytes, pos + 1).is_some() {
                // One space between two such characters stays as it is too.
                pos += 1;
            } else {
                break;
            }
            run_chars += 1;
        }
        if run_chars > 0 {
            if MAP {
                note_origin(drops, k, n);
            }
            text.push_str(&original[copy_from..pos]);
            n += run_chars;
            k += run_chars;
            last_space = false;
        }
        let Some(c) = original[pos..].chars().next() else { break };
        pos += c.len_utf8();
        let i = n;
        n += 1;
        let f = match fold_char(c) {
            Fold::Drop => continue,
            Fold::Space if last_space => continue,
            Fold::Space => ' ',
            Fold::One(f) => f,
        };
        match f {
            ' ' => last_space = true,
            '\n' => {
                // A line break ends any run of spaces before it.
                if text.ends_with(' ') {
                    text.pop();
                    k -= 1;
                }
                last_space = true;
            }
            _ => last_space = false,
        }
        if MAP {
            note_origin(drops, k, i);
        }
        text.push(f);
        k += 1;
    }
    n
}

/// Record that folded character `k` comes from original character `i`.
fn note_origin(drops: &mut Vec<(u32, u32)>, k: u32, i: u32) {
    let dropped = i - k;
    match drops.last_mut() {
        // A space taken back before a line break: the line break has its place.
        Some(last) if last.0 == k => last.1 = dropped,
        Some(last) if last.1 == dropped => {}
        None if dropped == 0 => {}
        _ => drops.push((k, dropped)),
    }
}

/// The character at `pos` if folding makes it one character other than a
/// space or line break (printable ASCII, the Arabic block but for what it
/// drops): its length in bytes, and what it becomes if it changes.
fn one_to_one_at(bytes: &[u8], pos: usize) -> Option<(usize, Option<char>)> {
    let b = *bytes.get(pos)?;
    if b.is_ascii_graphic() {
        return Some((1, None));
    }
    if (0xD8..=0xDB).contains(&b) {
        // U+0600 + offset: a lead byte 0xD8 to 0xDB, then a continuation byte.
        let offset = usize::from(b - 0xD8) << 6 | usize::from(*bytes.get(pos + 1)? & 0x3F);
        return match ARABIC_BLOCK_FOLDS[offset] {
            Fold::One(f) if f as usize == 0x600 + offset => Some((2, None)),
            Fold::One(f) => Some((2, Some(f))),
            Fold::Drop | Fold::Space => None,
        };
    }
    None
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut drops = Vec::new();
        let n = fold_into::<true>(original, &mut text, &mut drops);
        let block_chars = text
            .as_bytes()
            .chunks(BLOCK)
            .scan(0, |before, block| {
                let at = *before;
                *before += char_starts(block);
                Some(at)
            })
            .collect();
        Folded { text, drops, block_chars, original_chars: n }
    }

    /// Original character offset of a folded byte offset (clamped).
    pub fn char_at(&self, byte: usize) -> usize {
        if byte >= self.text.len() {
            return self.original_chars as usize;
        }
        // The folded character holding the byte, then the characters dropped before it.
        let block = byte / BLOCK;
        let k = self.block_chars[block] + char_starts(&self.text.as_bytes()[block * BLOCK..=byte]) - 1;
        let dropped = match self.drops.partition_point(|&(at, _)| at <= k) {
            0 => 0,
            i => self.drops[i - 1].1,
        };
        (k + dropped) as usize
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

/// The number of characters that start in `bytes` (UTF-8).
fn char_starts(bytes: &[u8]) -> u32 {
    // Every byte but a continuation byte (10xxxxxx, -128 to -65 as i8) starts
    // a character. (A sum rather than a count: the compiler vectorises it.)
    bytes.iter().map(|&b| u32::from(b as i8 >= -0x40)).sum()
}

/// Is `c` a letter or digit of a word (any script)? ASCII and the Arabic
/// block are decided without Unicode table lookups (the hot path).
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0600}'..='\u{06FF}' => is_arabic_block_word_char(c),
        _ => c.is_alphanumeric(),
    }
}

/// [`is_word_char`] for a character of the Arabic block (U+0600 to U+06FF):
/// its letters, diacritics and digits, not its punctuation (، ؛ ؟ ٪ ۔).
pub(crate) const fn is_arabic_block_word_char(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06FF}')
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
    // Whole blocks of bytes before the character are counted first (see `char_starts`).
    let (mut skipped, mut seen) = (0, 0);
    for block in s.as_bytes().chunks(BLOCK) {
        let starts = char_starts(block) as usize;
        if seen + starts > n {
            break;
        }
        skipped += block.len();
        seen += starts;
    }
    for (i, &b) in s.as_bytes().iter().enumerate().skip(skipped) {
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
    // Every character that may end a sentence is ASCII but '؟' (U+061F,
    // 0xD8 0x9F) and the Urdu full stop '۔' (U+06D4, 0xDB 0x94): a byte scan
    // finds them without decoding the text. It looks for their second bytes:
    // the first, 0xD8 or 0xDB, leads most Arabic-script letters.
    let mut i = 0;
    while let Some(skip) = bytes[i..].iter().position(|&b| matches!(b, b'\n' | b'!' | b'?' | b'.' | 0x9F | 0x94)) {
        i += skip;
        let (len, boundary) = match bytes[i] {
            b'\n' => (1, true),
            b'!' | b'?' => (1, bytes.get(i + 1).map_or(true, |b| *b == b' ')),
            // A continuation byte: never the first of the text.
            0x9F if bytes[i - 1] == 0xD8 => (1, bytes.get(i + 1).map_or(true, |b| *b == b' ')),
            0x94 if bytes[i - 1] == 0xDB => (1, bytes.get(i + 1).map_or(true, |b| matches!(*b, b' ' | b'\n'))),
            b'.' => {
                (1, bytes.get(i + 1).map_or(true, |b| *b == b' ') && {
                    let word = text[start..i].rsplit(|ch: char| ch == ' ' || ch == '(').next().unwrap_or("");
                    let w = word.trim_start_matches('"');
                    let mut chars = w.chars();
                    let initial = matches!((chars.next(), chars.next()), (Some(ch), None) if ch.is_alphabetic());
                    !initial && !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
                })
            }
            _ => (1, false),
        };
        let end = i + len;
        if boundary {
            push(start, end, &mut out);
            start = end;
        }
        i = end;
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
    fn every_folded_character_maps_to_the_original_character_it_came_from() {
        let long = "وزیر  دفاع\u{200C}ها \n".repeat(700);
        for original in [
            "والتقى العميد حاتمي",
            "  lead and trail  ",
            "a \t \r\n  b\n\n c \n",
            "الدّفاع\u{200F} الإيراني «۲۴» \u{2013} Tehran\u{202C}",
            "\u{200B}\u{200B}x",
            long.as_str(),
        ] {
            let f = Folded::new(original);
            let mut last = None;
            for (b, c) in f.text.char_indices() {
                let (s, e) = f.span(b, b + c.len_utf8());
                assert_eq!(e, s + 1, "{original:?} at {b}");
                assert!(last.map_or(true, |l| s > l), "{original:?} at {b}: not after the character before");
                last = Some(s);
                let source = char_slice(original, s, e);
                let folded_again = fold(source);
                assert!(folded_again == c.to_string() || (c.is_whitespace() && source.trim().is_empty()), "{original:?} at {b}: {source:?}");
            }
            assert_eq!(f.char_at(f.text.len()), original.chars().count());
        }
    }

    #[test]
    fn the_short_path_folds_as_fold_char() {
        for c in ('\u{0}'..='\u{07FF}').chain(['\u{2013}', '\u{200C}']) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let expected = match fold_char(c) {
                Fold::One(f) if f != ' ' && f != '\n' => Some((c.len_utf8(), (f != c).then_some(f))),
                _ => None,
            };
            let short = one_to_one_at(bytes, 0);
            assert!(short.is_none() || short == expected, "{c:?}");
            // Printable ASCII and the Arabic block take the short path.
            if c.is_ascii_graphic() || ('\u{0600}'..='\u{06FF}').contains(&c) {
                assert_eq!(short, expected, "{c:?}");
            }
        }
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
