//! Language identification for the languages Didar reads: Arabic, Persian,
//! Urdu and English (anything else is "other").
//!
//! Script first (Arabic script or Latin), then, within the Arabic script,
//! letters and very frequent function words that only one language uses.

use crate::text::{is_arabic_block_word_char, is_word_char};

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

/// For each character of the Arabic block (U+0600 to U+06FF): whose own
/// letter it is (`OWN` bits: 1 Persian, 2 Arabic, 3 Urdu, 0 no one's), and
/// whether it is a letter or digit of a word (`WORD`, as `is_word_char`).
/// A text's letters are counted with one look-up each.
const ARABIC_BLOCK: [u8; 256] = {
    let mut block = [0; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x600 + i as u32) {
            block[i] = if persian_letter(c) {
                1
            } else if arabic_letter(c) {
                2
            } else if urdu_letter(c) {
                3
            } else {
                0
            };
            if is_arabic_block_word_char(c) {
                block[i] |= WORD;
            }
        }
        i += 1;
    }
    block
};
const OWN: u8 = 0b11;
const WORD: u8 = 0b100;

const PERSIAN_WORDS: &[&str] = &["است", "این", "را", "با", "که", "از", "برای", "کرد", "شد", "های", "می"];
const ARABIC_WORDS: &[&str] = &["في", "من", "على", "إلى", "الى", "التي", "الذي", "أن", "عن", "مع", "هذا"];
const URDU_WORDS: &[&str] = &["کے", "میں", "ہے", "کی", "نے", "اور", "سے", "کو", "ہیں"];
/// The longest word of the three lists, in bytes.
const MAX_WORD_BYTES: usize = 8;

/// The bytes of a word of at most eight bytes, as a number (0 for a longer one).
const fn word_key(bytes: &[u8]) -> u64 {
    if bytes.len() > MAX_WORD_BYTES {
        return 0;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        key = key << 8 | bytes[i] as u64;
        i += 1;
    }
    key
}

/// The function words of the three lists, with the language of each (as in
/// `own`), sorted by their bytes as a number.
const FUNCTION_WORDS: [(u64, usize); PERSIAN_WORDS.len() + ARABIC_WORDS.len() + URDU_WORDS.len()] = {
    let mut words = [(0, 0); PERSIAN_WORDS.len() + ARABIC_WORDS.len() + URDU_WORDS.len()];
    let mut n = 0;
    let lists: [(&[&str], usize); 3] = [(PERSIAN_WORDS, 1), (ARABIC_WORDS, 2), (URDU_WORDS, 3)];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].0.len() {
            words[n] = (word_key(lists[l].0[i].as_bytes()), lists[l].1);
            n += 1;
            i += 1;
        }
        l += 1;
    }
    // Sorted by key, for a binary search.
    let mut i = 1;
    while i < words.len() {
        let mut j = i;
        while j > 0 && words[j - 1].0 > words[j].0 {
            let t = words[j - 1];
            words[j - 1] = words[j];
            words[j] = t;
            j -= 1;
        }
        i += 1;
    }
    words
};

/// The language of a text: `ar`, `fa`, `ur`, `en` or `other`.
///
/// Letters, and function words among the pieces of the text split at every
/// character that is not a letter or digit, are counted in the first 3,000
/// characters: the script decides first, then (Arabic script) the letters
/// and words only one of Persian, Arabic and Urdu uses.
pub fn detect(text: &str) -> &'static str {
    let bytes = text.as_bytes();
    let (mut arabic_script, mut latin, mut other_script) = (0usize, 0usize, 0usize);
    // Letters of no one, of Persian, Arabic, Urdu (see `ARABIC_BLOCK`); then
    // their function words.
    let (mut own, mut words) = ([0usize; 4], [0usize; 4]);
    let (mut i, mut read, mut piece_start) = (0, 0, 0);
    while i < bytes.len() && read < 3_000 {
        read += 1;
        let b = bytes[i];
        let (word_char, len) = if b < 0x80 {
            latin += usize::from(b.is_ascii_alphabetic());
            (b.is_ascii_alphanumeric(), 1)
        } else if let (0xD8..=0xDB, Some(&next)) = (b, bytes.get(i + 1)) {
            // The Arabic block, read from its bytes.
            let letter = ARABIC_BLOCK[usize::from(b - 0xD8) << 6 | usize::from(next & 0x3F)];
            arabic_script += 1;
            own[usize::from(letter & OWN)] += 1;
            (letter & WORD != 0, 2)
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            if ('\u{FB50}'..='\u{FEFF}').contains(&c) {
                arabic_script += 1;
            } else {
                other_script += usize::from(is_word_char(c) && !c.is_numeric());
            }
            (is_word_char(c), c.len_utf8())
        };
        if !word_char {
            count_function_word(&bytes[piece_start..i], &mut words);
            piece_start = i + len;
        }
        i += len;
    }
    if i == bytes.len() {
        count_function_word(&bytes[piece_start.min(i)..], &mut words);
    }
    if arabic_script == 0 && latin == 0 && other_script == 0 {
        return "other";
    }
    if arabic_script < latin || arabic_script < other_script {
        // A Latin text with few non-ASCII letters is taken for English.
        return if latin >= other_script * 4 { "en" } else { "other" };
    }
    // A function word counts as three letters.
    let [_, fa, ar, ur] = [0, 1, 2, 3].map(|l| own[l] + 3 * words[l]);
    if ur > fa && ur > ar {
        "ur"
    } else if fa > ar {
        "fa"
    } else {
        "ar"
    }
}

/// Counts a piece of text if it is a function word.
#[inline(always)]
fn count_function_word(piece: &[u8], words: &mut [usize; 4]) {
    // Every function word is in the Arabic block: two bytes a letter, the first 0xD8 to 0xDB.
    if !matches!(piece.len(), 4 | 6 | 8) || !matches!(piece[0], 0xD8..=0xDB) {
        return;
    }
    let key = word_key(piece);
    // (No word is in two lists: see the tests.)
    if let Ok(at) = FUNCTION_WORDS.binary_search_by_key(&key, |&(word, _)| word) {
        words[FUNCTION_WORDS[at].1] += 1;
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
    fn the_arabic_block_table_agrees_with_the_letter_tests() {
        for (i, &entry) in super::ARABIC_BLOCK.iter().enumerate() {
            let c = char::from_u32(0x600 + i as u32).unwrap();
            assert_eq!(entry & super::WORD != 0, crate::text::is_word_char(c), "{c}");
            let own = [super::persian_letter(c), super::arabic_letter(c), super::urdu_letter(c)].iter().position(|&own| own).map_or(0, |l| l + 1);
            assert_eq!(usize::from(entry & super::OWN), own, "{c}");
        }
    }

    #[test]
    fn function_words_are_sorted_and_each_of_one_language() {
        assert!(super::FUNCTION_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        // Words of no one's letters (and one Persian letter, ک) decide by their function words alone.
        assert_eq!(detect("است را با از"), "fa");
        assert_eq!(detect("ک من عن مع"), "ar");
        assert_eq!(detect("اور، اور"), "ur");
    }

    #[test]
    fn function_words_fit_the_length_bound() {
        for w in super::PERSIAN_WORDS.iter().chain(super::ARABIC_WORDS).chain(super::URDU_WORDS) {
            assert!(w.len() <= super::MAX_WORD_BYTES, "{w}");
        }
    }
}
