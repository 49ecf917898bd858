//! Language identification for the languages Didar reads: Arabic, Persian,
//! Urdu and English (anything else is "other").
//!
//! Script first (Arabic script or Latin), then, within the Arabic script,
//! letters and very frequent function words that only one language uses.

use crate::text::is_word_char;

/// Letters used in Persian but not in Arabic (Urdu shares them).
pub(crate) const fn persian_letter(c: char) -> bool {
    matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی')
}

/// Letters used in Urdu but not in Persian or Arabic.
pub(crate) const fn urdu_letter(c: char) -> bool {
    matches!(c, 'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' | 'ہ' | 'ۓ')
}

/// Letters used in Arabic but not in Persian or Urdu.
pub(crate) const fn arabic_letter(c: char) -> bool {
    matches!(c, 'ة' | 'ى' | 'ي' | 'ك' | 'إ' | 'أ')
}

/// Whose own letter each character of the Arabic block (U+0600 to U+06FF)
/// is: 1 Persian, 2 Arabic, 3 Urdu, 0 no one's. A text's letters are
/// counted with one look-up each rather than three tests.
const OWN_LETTERS: [u8; 256] = {
    let mut own = [0; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x600 + i as u32) {
            own[i] = if persian_letter(c) {
                1
            } else if arabic_letter(c) {
                2
            } else if urdu_letter(c) {
                3
            } else {
                0
            };
        }
        i += 1;
    }
    own
};

const PERSIAN_WORDS: &[&str] = &["است", "این", "را", "با", "که", "از", "برای", "کرد", "شد", "های", "می"];
const ARABIC_WORDS: &[&str] = &["في", "من", "على", "إلى", "الى", "التي", "الذي", "أن", "عن", "مع", "هذا"];
const URDU_WORDS: &[&str] = &["کے", "میں", "ہے", "کی", "نے", "اور", "سے", "کو", "ہیں"];
/// The longest word of the three lists, in bytes.
const MAX_WORD_BYTES: usize = 8;

/// A character of a text as language identification reads it: ASCII and
/// the Arabic block (two bytes in UTF-8, lead byte 0xD8 to 0xDB) are told
/// from their bytes, without decoding; only other characters are decoded.
#[derive(Clone, Copy)]
enum Char {
    Ascii(u8),
    /// U+0600 + the offset.
    ArabicBlock(usize),
    Other(char),
}

impl Char {
    fn is_word_char(self) -> bool {
        match self {
            Char::Ascii(b) => b.is_ascii_alphanumeric(),
            Char::ArabicBlock(offset) => ARABIC_BLOCK_WORD_CHARS[offset],
            Char::Other(c) => is_word_char(c),
        }
    }
}

/// [`is_word_char`] for each character of the Arabic block.
const ARABIC_BLOCK_WORD_CHARS: [bool; 256] = {
    let mut word = [false; 256];
    let mut i = 0;
    while i < 256 {
        // The Arabic block's letters, marks and digits, not its punctuation (see `is_word_char`).
        word[i] = matches!(0x600 + i, 0x620..=0x669 | 0x66E..=0x6D3 | 0x6D5..=0x6FF);
        i += 1;
    }
    word
};

/// The character at byte `i` of a text, and its length in bytes.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (Char, usize) {
    let bytes = text.as_bytes();
    match bytes[i] {
        b if b.is_ascii() => (Char::Ascii(b), 1),
        // A lead byte is followed by its continuation byte: the text is UTF-8.
        b @ 0xD8..=0xDB => (Char::ArabicBlock(usize::from(b - 0xD8) << 6 | usize::from(bytes[i + 1] & 0x3F)), 2),
        _ => {
            let c = text[i..].chars().next().unwrap_or_default();
            (Char::Other(c), c.len_utf8())
        }
    }
}

/// The language of a text: `ar`, `fa`, `ur`, `en` or `other`.
pub fn detect(text: &str) -> &'static str {
    let (mut arabic_script, mut latin, mut other_script) = (0usize, 0usize, 0usize);
    // Letters of no one, of Persian, Arabic, Urdu (see `OWN_LETTERS`).
    let mut own = [0usize; 4];
    let (mut i, mut read) = (0, 0);
    while i < text.len() && read < 3_000 {
        let (c, len) = char_at(text, i);
        i += len;
        read += 1;
        match c {
            Char::ArabicBlock(offset) => {
                arabic_script += 1;
                own[usize::from(OWN_LETTERS[offset])] += 1;
            }
            Char::Ascii(b) => latin += usize::from(b.is_ascii_alphabetic()),
            Char::Other(c) if ('\u{FB50}'..='\u{FEFF}').contains(&c) => arabic_script += 1,
            Char::Other(c) => other_script += usize::from(is_word_char(c) && !c.is_numeric()),
        }
    }
    if arabic_script == 0 && latin == 0 && other_script == 0 {
        return "other";
    }
    if arabic_script < latin || arabic_script < other_script {
        // A Latin text with few non-ASCII letters is taken for English.
        return if latin >= other_script * 4 { "en" } else { "other" };
    }
    let [_, mut fa, mut ar, mut ur] = own;
    // The first 600 pieces of the text split at every character that is not a letter or digit.
    let mut pieces = 0;
    let mut start = 0;
    let mut i = 0;
    loop {
        // The next character that is not a letter or digit, or the end of the text.
        let (end, next) = loop {
            if i >= text.len() {
                break (text.len(), text.len());
            }
            let (c, len) = char_at(text, i);
            i += len;
            if !c.is_word_char() {
                break (i - len, i);
            }
        };
        let word = &text[start..end];
        start = next;
        pieces += 1;
        // No function word is longer than four Arabic letters (eight bytes).
        if !word.is_empty() && word.len() <= MAX_WORD_BYTES {
            if PERSIAN_WORDS.contains(&word) {
                fa += 3;
            }
            if ARABIC_WORDS.contains(&word) {
                ar += 3;
            }
            if URDU_WORDS.contains(&word) {
                ur += 3;
            }
        }
        if pieces == 600 || end == text.len() {
            break;
        }
    }
    if ur > fa && ur > ar {
        "ur"
    } else if fa > ar {
        "fa"
    } else {
        "ar"
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn tells_the_four_languages_apart() {
        assert_eq!(detect("التقى وزير الدفاع الإيراني بنظيره الكازاخستاني على هامش المؤتمر"), "ar");
        assert_eq!(detect("وزیر دفاع ایران با همتای ازبک خود دیدار و گفتگو کرد"), "fa");
        assert_eq!(detect("ایران کے وزیر دفاع نے اپنے قازق ہم منصب سے ملاقات کی ہے"), "ur");
        assert_eq!(detect("Iran's defense minister met his Kazakh counterpart"), "en");
        assert_eq!(detect("Министр обороны России встретился с коллегой"), "other");
        assert_eq!(detect(""), "other");
        assert_eq!(detect("12345 !!!"), "other");
    }

    #[test]
    fn no_letter_is_counted_for_two_languages() {
        for c in '\u{0600}'..='\u{06FF}' {
            assert!(u8::from(super::persian_letter(c)) + u8::from(super::arabic_letter(c)) + u8::from(super::urdu_letter(c)) <= 1, "{c}");
        }
    }

    #[test]
    fn characters_read_from_their_bytes_are_the_decoded_ones() {
        let text: String = ('\u{0}'..='\u{07FF}').chain(['\u{FB50}', '\u{FEFF}', '\u{10000}']).collect();
        let as_char = |c: super::Char| match c {
            super::Char::Ascii(b) => char::from(b),
            super::Char::ArabicBlock(offset) => char::from_u32(0x600 + offset as u32).unwrap(),
            super::Char::Other(c) => c,
        };
        let mut read = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let (c, len) = super::char_at(&text, i);
            read.push((i, as_char(c), c.is_word_char(), len));
            i += len;
        }
        let decoded: Vec<_> = text.char_indices().map(|(i, c)| (i, c, crate::text::is_word_char(c), c.len_utf8())).collect();
        assert_eq!(read, decoded);
    }

    #[test]
    fn function_words_fit_the_length_bound() {
        for w in super::PERSIAN_WORDS.iter().chain(super::ARABIC_WORDS).chain(super::URDU_WORDS) {
            assert!(w.len() <= super::MAX_WORD_BYTES, "{w}");
        }
    }
}
