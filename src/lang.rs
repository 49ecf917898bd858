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

/// The language of a text: `ar`, `fa`, `ur`, `en` or `other`.
pub fn detect(text: &str) -> &'static str {
    let (mut arabic_script, mut latin, mut other_script) = (0usize, 0usize, 0usize);
    // Letters of no one, of Persian, Arabic, Urdu (see `OWN_LETTERS`).
    let mut own = [0usize; 4];
    for c in text.chars().take(3_000) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic_script += 1;
            own[usize::from(OWN_LETTERS[c as usize - 0x600])] += 1;
        } else if ('\u{FB50}'..='\u{FEFF}').contains(&c) {
            arabic_script += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_word_char(c) && !c.is_numeric() {
            other_script += 1;
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
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if i < text.len() && is_word_char(c) {
            continue;
        }
        let word = &text[start..i];
        start = i + c.len_utf8();
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
        if pieces == 600 {
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
    fn function_words_fit_the_length_bound() {
        for w in super::PERSIAN_WORDS.iter().chain(super::ARABIC_WORDS).chain(super::URDU_WORDS) {
            assert!(w.len() <= super::MAX_WORD_BYTES, "{w}");
        }
    }
}
