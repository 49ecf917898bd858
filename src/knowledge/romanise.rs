//! English spellings for names Didar does not know, written in Arabic script
//! ("شاهين محمدوف" Shahin Mammadov, "علي محسن صالح الاحمر" Ali Mohsen Saleh
//! al-Ahmar), word by word: the name parts of `data/name-parts.tsv` first (a
//! run of words, a whole word, a word after the article ال, a prefix such as
//! عبد or a family name's suffix such as زاده with its stem), then letter by
//! letter, with the vowels the script leaves unwritten guessed by rule.
//! The table is read the first time a name is romanised (an article without
//! an unknown name never pays for it).
//!
//! Layer: uses `text` (the letter folding) and the data file.

use super::tables::NAME_PARTS;
use super::{forms, records};
use crate::text::fold;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;


/// Which of the table's spellings, and which vowel rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Arab bearers ("Mohammed", "Hussein"; و "u").
    Arabic,
    /// Iranian and Afghan bearers, in Persian text ("Mohammad", "Hossein"; و "ou").
    Persian,
    /// Pakistani bearers, in Urdu text ("Muhammad", "Raza"; و "oo").
    Urdu,
}

impl Style {
    /// The style of an article's language (`ar`, `fa`, `ur`, ...).
    pub fn of_lang(lang: &str) -> Style {
        match lang {
            "fa" => Style::Persian,
            "ur" => Style::Urdu,
            _ => Style::Arabic,
        }
    }
}

/// An English spelling, the Persian-text one and the Urdu-text one.
type Spelling = (&'static str, &'static str, &'static str);

struct Parts {
    /// Whole words and runs of words, folded, words joined by one space.
    names: HashMap<String, Spelling>,
    /// The most words of a form of `names`.
    longest: usize,
    /// Prefixes and suffixes, folded, longest first.
    prefixes: Vec<(String, Spelling)>,
    suffixes: Vec<(String, Spelling)>,
    /// Consonants, by folded letter.
    letters: HashMap<char, Spelling>,
}

/// The words that end a name and the particles within one, read apart from
/// the rest of the table: every name read after a role or rank asks about
/// them, before any is romanised (the first article's start-up).
struct Words {
    stops: HashSet<String>,
    particles: HashSet<String>,
}

fn name_words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words { stops: HashSet::default(), particles: HashSet::default() };
        for r in records(NAME_PARTS.text()) {
            let set = match r.as_slice().first() {
                Some(&"stop") => &mut w.stops,
                Some(&"particle") => &mut w.particles,
                _ => continue,
            };
            set.extend(r.as_slice().get(1).into_iter().flat_map(|f| forms(f)).map(fold));
        }
        w
    })
}

fn parts() -> &'static Parts {
    static PARTS: OnceLock<Parts> = OnceLock::new();
    PARTS.get_or_init(|| {
        let mut p = Parts { names: HashMap::default(), longest: 1, prefixes: Vec::new(), suffixes: Vec::new(), letters: HashMap::default() };
        for r in records(NAME_PARTS.text()) {
            let [kind, field, en, fa, ur] = r.as_slice() else { continue };
            let or_en = |s: &'static str| if s.is_empty() { *en } else { s };
            let spelling: Spelling = (en, or_en(fa), or_en(ur));
            for form in forms(field) {
                let key = fold(form);
                match *kind {
                    "name" | "particle" => {
                        p.longest = p.longest.max(key.split(' ').count());
                        p.names.entry(key).or_insert(spelling);
                    }
                    "prefix" => p.prefixes.push((key, spelling)),
                    "suffix" => p.suffixes.push((key, spelling)),
                    "letter" => {
                        if let Some(c) = key.chars().next() {
                            p.letters.insert(c, spelling);
                        }
                    }
                    _ => {}
                }
            }
        }
        p.prefixes.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        p.suffixes.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        p
    })
}

fn pick(s: Spelling, style: Style) -> &'static str {
    match style {
        Style::Arabic => s.0,
        Style::Persian => s.1,
        Style::Urdu => s.2,
    }
}

/// Is the word (as written or folded) one that never belongs to a name and
/// ends one: an Urdu postposition after it ("نے", "سے", "کے"), a preposition?
pub fn is_name_stop(word: &str) -> bool {
    name_words().stops.contains(&fold(word))
}

/// Is the word (as written or folded) a particle between the parts of a full
/// name ("بن", "آل")?
pub fn is_name_particle(word: &str) -> bool {
    name_words().particles.contains(&fold(word))
}

/// Does the text hold a letter of the Arabic script?
pub fn is_arabic_script(s: &str) -> bool {
    s.chars().any(|c| ('\u{0620}'..='\u{06FF}').contains(&c))
}

/// The English spelling of a name written in Arabic script, or `None` when
/// it holds no Arabic letter (a Latin name is its own spelling).
pub fn romanise(name: &str, style: Style) -> Option<String> {
    if !is_arabic_script(name) {
        return None;
    }
    let p = parts();
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The longest run of words the table holds.
        let run = (1..=p.longest.min(words.len() - i)).rev().find_map(|n| p.names.get(&folded[i..i + n].join(" ")).map(|s| (n, *s)));
        if let Some((n, s)) = run {
            out.push(pick(s, style).to_string());
            i += n;
            continue;
        }
        // A prefix written apart from its word ("عبد الرحيم"): joined to it.
        if let Some((_, s)) = p.prefixes.iter().find(|(k, _)| *k == folded[i] && k != "ال").filter(|_| i + 1 < words.len()) {
            let next = strip_article(&folded[i + 1]);
            out.push(format!("{}{}", pick(*s, style), romanise_word(next, style).to_lowercase()));
            i += 2;
            continue;
        }
        if !is_arabic_script(words[i]) {
            out.push(words[i].to_string());
        } else if name_words().stops.contains(&folded[i]) {
            // (A preposition inside the name's words is no part of its spelling.)
        } else {
            out.push(romanise_word(&folded[i], style));
        }
        i += 1;
    }
    // "al-" within a name, "Al-" at its start.
    if let Some(first) = out.first_mut().filter(|w| w.starts_with("al-")) {
        first.replace_range(..1, "A");
    }
    let name = out.join(" ");
    (!name.is_empty()).then_some(name)
}

/// The word without the article ال (when what remains is a word of two letters or more).
fn strip_article(w: &str) -> &str {
    w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w)
}

/// One folded word: the table's, the article and a known word, a prefix and
/// its word, a stem and its suffix, else letter by letter.
fn romanise_word(w: &str, style: Style) -> String {
    let p = parts();
    if let Some(s) = p.names.get(w) {
        return pick(*s, style).to_string();
    }
    let rest = strip_article(w);
    if rest.len() < w.len() {
        return format!("al-{}", romanise_word(rest, style));
    }
    for (k, s) in &p.prefixes {
        if let Some(rest) = w.strip_prefix(k.as_str()).filter(|r| r.chars().count() >= 2 && k != "ال") {
            let rest = strip_article(rest);
            return format!("{}{}", pick(*s, style), romanise_word(rest, style).to_lowercase());
        }
    }
    // A family name's suffix: after a stem the table knows (of two letters or
    // more), or (a suffix of two letters or more: وف, زاده) after any stem of three.
    for (k, s) in &p.suffixes {
        let Some(stem) = w.strip_suffix(k.as_str()).filter(|r| r.chars().count() >= 2) else { continue };
        let known = p.names.get(stem).map(|s| pick(*s, style).to_string());
        if known.is_some() || k.chars().count() >= 2 && stem.chars().count() >= 3 {
            let stem = known.unwrap_or_else(|| letters(stem, style));
            return format!("{stem}{}", pick(*s, style));
        }
    }
    letters(w, style)
}

/// A sound of a word: a vowel or a consonant.
#[derive(Clone, Copy, PartialEq)]
enum Sound {
    Vowel(&'static str),
    Consonant(&'static str),
}

/// Letter by letter, capitalised. The consonants are the table's; the vowel
/// letters read as vowels between consonants and as consonants next to a vowel
/// (و "w"/"v", ي "y"); a final ه is the feminine "a" ("eh" in Persian); short
/// vowels, unwritten, are guessed: an "a" after a word's first consonant when
/// another follows, and after every second consonant of a cluster.
fn letters(w: &str, style: Style) -> String {
    let p = parts();
    let chars: Vec<char> = w.chars().collect();
    let mut sounds: Vec<Sound> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let first = i == 0;
        let last = i + 1 == chars.len();
        // (The "a" of an ع is no vowel a ي or و could follow as a consonant: "نعيم" Naim.)
        let after_vowel = matches!(sounds.last(), Some(Sound::Vowel(v)) if !v.is_empty()) && (i == 0 || chars[i - 1] != 'ع');
        let next_is_vowel_letter = chars.get(i + 1).is_some_and(|n| matches!(n, 'ا' | 'و' | 'ي'));
        let sound = match c {
            'ا' => Sound::Vowel("a"),
            'و' if first || after_vowel => Sound::Consonant(if style == Style::Persian { "v" } else { "w" }),
            'و' => Sound::Vowel(match style {
                Style::Arabic => "u",
                Style::Persian => "ou",
                Style::Urdu => "oo",
            }),
            'ي' if (first || after_vowel) && !last => Sound::Consonant("y"),
            'ي' if after_vowel => Sound::Consonant("y"),
            'ي' => Sound::Vowel("i"),
            // (After the vowel ي: "هنية" Haniya, "هنیه" Haniyeh.)
            'ه' if last && sounds.last() == Some(&Sound::Vowel("i")) => Sound::Vowel(if style == Style::Persian { "yeh" } else { "ya" }),
            'ه' if last && !after_vowel && !first => Sound::Vowel(if style == Style::Persian { "eh" } else { "a" }),
            'ه' => Sound::Consonant("h"),
            'ع' if after_vowel => Sound::Vowel(""),
            'ع' if first || next_is_vowel_letter => Sound::Vowel("a"),
            // (Between consonants: "سعد" Saad, "جعفر" Jaafar.)
            'ع' => Sound::Vowel("aa"),
            'ء' => Sound::Vowel(""),
            c => match p.letters.get(&c) {
                Some(s) => Sound::Consonant(pick(*s, style)),
                None => continue,
            },
        };
        sounds.push(sound);
    }
    let mut out = String::new();
    // Consonants since the last vowel, and whether the previous sound is the word's first.
    let mut cluster = 0;
    for (i, s) in sounds.iter().enumerate() {
        match s {
            Sound::Vowel(v) => {
                out.push_str(v);
                cluster = 0;
            }
            Sound::Consonant(c) => {
                let previous_consonant = matches!(sounds.get(i.wrapping_sub(1)), Some(Sound::Consonant(_))) && i > 0;
                if previous_consonant && (i == 1 || cluster >= 2) {
                    out.push('a');
                    cluster = 0;
                }
                out.push_str(c);
                cluster += 1;
            }
        }
    }
    capitalise(&out)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(name: &str, lang: &str) -> String {
        romanise(name, Style::of_lang(lang)).unwrap_or_default()
    }

    #[test]
    fn table_words_articles_prefixes_and_suffixes() {
        assert_eq!(r("شاهين محمدوف", "ar"), "Shahin Mammadov");
        assert_eq!(r("علي محسن صالح الاحمر", "ar"), "Ali Mohsen Saleh Al-Ahmar");
        assert_eq!(r("محمد جواد ظريف", "fa"), "Mohammad Javad Zarif");
        assert_eq!(r("عبد الرحيم موسوی", "fa"), "Abdolrahim Mousavi");
        assert_eq!(r("الصباح", "ar"), "Al-Sabah");
        // A suffix after a known stem, after an unknown one.
        assert_eq!(r("محمدزاده", "fa"), "Mohammadzadeh");
        assert_eq!(r("لاوروف", "fa"), "Lavrov");
    }

    #[test]
    fn letters_guess_the_unwritten_vowels() {
        assert_eq!(letters("بهمن", Style::Persian), "Bahman");
        assert_eq!(letters("احمد", Style::Arabic), "Ahmad");
        assert_eq!(letters("سعد", Style::Arabic), "Saad");
        assert_eq!(letters("نعيم", Style::Arabic), "Naim");
        assert_eq!(letters("هنيه", Style::Persian), "Haniyeh");
    }

    #[test]
    fn latin_names_are_not_romanised_and_stops_are_known() {
        assert_eq!(romanise("Ali Akbar", Style::Arabic), None);
        assert!(is_name_stop("نے") && is_name_stop("سے") && !is_name_stop("محمد"));
    }
}
