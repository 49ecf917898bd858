//! Names shown in the interface language: months of the three calendars
//! (the first form of each month in `data/months.tsv`), countries (the
//! plain CLDR name in `data/countries.tsv`), international bodies (the first
//! form of the language in `data/bodies.tsv`), cities (their Arabic-script
//! forms in `data/cities.tsv`), officials' roles, topics and occasions
//! (`data/interface-names.tsv`), and dates written with them.

use crate::knowledge::{self, records, Knowledge};
use crate::text::lang;
use crate::model::PartialDate;
use crate::timeline::scale::{shown_date, Calendar, ShownDate, Tick, TickUnit};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
    Fa,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ar, Lang::Fa];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
        }
    }

    pub fn from_code(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }

    pub fn rtl(self) -> bool {
        self != Lang::En
    }

    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language's own name, for the selector.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
        }
    }

    /// Write ASCII digits in the language's own digits (Persian ۰–۹, Arabic ٠–٩).
    pub fn digits(self, s: &str) -> String {
        let zero = match self {
            Lang::En => return s.to_string(),
            Lang::Ar => '٠',
            Lang::Fa => '۰',
        };
        s.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
                _ => c,
            })
            .collect()
    }

    pub fn num(self, n: usize) -> String {
        self.digits(&n.to_string())
    }

    /// The comma between the parts of a name or a place ("،" in Arabic script).
    pub fn comma(self) -> &'static str {
        if self.rtl() { "، " } else { ", " }
    }

    /// The semicolon between the items of a list ("؛" in Arabic script).
    pub fn semicolon(self) -> &'static str {
        if self.rtl() { "؛ " } else { "; " }
    }
}

struct Names {
    /// (calendar, month, lang) → name
    months: HashMap<(&'static str, u8, &'static str), &'static str>,
    /// (code, lang) → name, for states and international bodies
    parties: HashMap<(&'static str, &'static str), &'static str>,
    /// (kind, English key, lang) → name: roles, topics and events (a template)
    shown: HashMap<(&'static str, &'static str, &'static str), &'static str>,
    /// (English city name, lang) → name
    cities: HashMap<(&'static str, &'static str), String>,
}

/// Written in Persian (or Urdu) and not in Arabic: a Persian or Urdu letter, or the ZWNJ of Persian compounds.
fn not_arabic(form: &str) -> bool {
    form.chars().any(|c| lang::persian_letter(c) || lang::urdu_letter(c) || c == '\u{200c}')
}

/// Written in Urdu: an Urdu letter.
fn urdu(form: &str) -> bool {
    form.chars().any(lang::urdu_letter)
}

/// Written in Arabic and not in Persian: an Arabic letter (Persian spells ی, ک, ه), or the article.
fn arabic_only(form: &str) -> bool {
    form.chars().any(lang::arabic_letter) || form.starts_with("ال")
}

/// An Arabic letter as Persian writes it (a hamza on alif is written only on
/// its own, in Persian spelling of names).
fn in_persian_letters(c: char) -> char {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        'ة' => 'ه',
        'أ' | 'إ' => 'ا',
        c => c,
    }
}

/// A city's Arabic and Persian names from its forms in cities.tsv, which are
/// not marked by language. Arabic: the first Arabic-script form without
/// Persian or Urdu letters. Persian: the first with Persian letters; else the
/// last form that has neither Arabic-only nor Urdu letters (the forms run
/// Arabic, Persian, Urdu, so of "طهران|تهران" that is تهران); else the
/// Arabic name in Persian letters (forms that fold alike are given once, so
/// أصفهان stands for اصفهان too).
fn city_names(forms: &[&'static str]) -> (Option<String>, Option<String>) {
    let arabic_script: Vec<&str> = forms.iter().copied().filter(|f| f.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c))).collect();
    let ar = arabic_script.iter().find(|f| !not_arabic(f)).map(|f| f.to_string());
    let persian = |f: &&&str| not_arabic(f) && !urdu(f);
    let neutral = |f: &&&str| !not_arabic(f) && !arabic_only(f);
    let fa = arabic_script
        .iter()
        .find(persian)
        .or_else(|| arabic_script.iter().rev().find(neutral))
        .map(|f| f.to_string())
        .or_else(|| ar.as_ref().map(|a| a.chars().map(in_persian_letters).collect()));
    (ar, fa)
}

fn names() -> &'static Names {
    static N: OnceLock<Names> = OnceLock::new();
    N.get_or_init(|| {
        let mut months = HashMap::new();
        for f in records(knowledge::MONTHS.text()) {
            if let (Some(cal), Some(Ok(m)), Some(lang), Some(forms)) = (f.first(), f.get(1).map(|m| m.parse::<u8>()), f.get(2), f.get(3)) {
                let first = knowledge::forms(forms).next().unwrap_or("");
                months.entry((*cal, m, *lang)).or_insert(first);
            }
        }
        let mut parties = HashMap::new();
        for f in records(knowledge::COUNTRIES.text()) {
            if let (Some(code), Some(lang), Some(name)) = (f.first(), f.get(1), f.get(2)) {
                parties.entry((*code, *lang)).or_insert(*name);
            }
        }
        for f in records(knowledge::BODIES.text()) {
            if let (Some(code), Some(lang), Some(forms)) = (f.first(), f.get(1), f.get(2)) {
                parties.entry((*code, *lang)).or_insert(knowledge::forms(forms).next().unwrap_or(code));
            }
        }
        let mut shown = HashMap::new();
        for f in records(knowledge::INTERFACE_NAMES.text()) {
            if let [kind, key, ar, fa] = f[..] {
                shown.insert((kind, key, "ar"), ar);
                shown.insert((kind, key, "fa"), fa);
            }
        }
        let mut cities = HashMap::new();
        for f in records(knowledge::CITIES.text()) {
            if let (Some(city), Some(forms)) = (f.first(), f.get(3)) {
                let (ar, fa) = city_names(&knowledge::forms(forms).collect::<Vec<_>>());
                ar.map(|n| cities.entry((*city, "ar")).or_insert(n));
                fa.map(|n| cities.entry((*city, "fa")).or_insert(n));
            }
        }
        Names { months, parties, shown, cities }
    })
}

/// A party's name in the interface language (its English name when it has no other).
pub fn party(lang: Lang, code: &str) -> String {
    names().parties.get(&(code, lang.code())).map_or_else(|| Knowledge::get().party_name(code).to_string(), |n| n.to_string())
}

/// A role, topic or event in the interface language, if it has a name there.
fn shown(lang: Lang, kind: &str, key: &str) -> Option<&'static str> {
    (lang != Lang::En).then(|| names().shown.get(&(kind, key, lang.code())).copied()).flatten()
}

/// A topic of the taxonomy (its English name, as in `data/topics.tsv`) in the interface language.
pub fn topic(lang: Lang, topic: &str) -> String {
    shown(lang, "topic", topic).unwrap_or(topic).to_string()
}

/// A city (its English name, as the extractor outputs it) in the interface language.
pub fn city(lang: Lang, city: &str) -> String {
    names().cities.get(&(city, lang.code())).cloned().unwrap_or_else(|| city.to_string())
}

/// An occasion (its canonical English name, e.g. "Army-2020 International
/// Military-Technical Forum") in the interface language: the event's name
/// there with the edition's year and number, or without them when the
/// English name gives none.
pub fn occasion(lang: Lang, name: &str) -> String {
    let Some(named) = crate::knowledge::occasions::parse(Knowledge::get(), name) else { return name.to_string() };
    let Some(template) = shown(lang, "event", &named.event.id) else { return name.to_string() };
    let filled = fill(&fill(template, "{year}", named.year), "{n}", named.number.and_then(|n| i32::try_from(n).ok()));
    lang.digits(&filled)
}

/// Put `value` in the template's placeholder, or leave out the bracketed part
/// or the word that holds the placeholder when there is no value.
fn fill(template: &str, placeholder: &str, value: Option<i32>) -> String {
    let Some(at) = template.find(placeholder) else { return template.to_string() };
    if let Some(v) = value {
        return template.replace(placeholder, &v.to_string());
    }
    let (before, after) = (&template[..at], &template[at + placeholder.len()..]);
    let (left, right) = match (before.rfind('('), after.find(')')) {
        (Some(open), Some(close)) if !before[open..].contains(')') => (&before[..open], &after[close + 1..]),
        _ => (before.rfind(' ').map_or("", |i| &before[..i]), after.find(' ').map_or("", |i| &after[i..])),
    };
    format!("{} {}", left.trim_end(), right.trim_start()).trim().to_string()
}

/// An official's role in the interface language (the extractor's English
/// role name, e.g. "defense minister"; a role without a translation is shown
/// as it is). For the participants line: "Amir Hatami (وزیر دفاع، ایران)".
pub fn role(lang: Lang, role: &str) -> String {
    shown(lang, "role", role).unwrap_or(role).to_string()
}

/// A month's name in the interface language (its number when unknown).
pub fn month(lang: Lang, cal: Calendar, m: u8) -> String {
    let n = names();
    n.months
        .get(&(cal.code(), m, lang.code()))
        .or_else(|| n.months.get(&(cal.code(), m, "en")))
        .map_or_else(|| lang.num(m as usize), |s| s.to_string())
}

/// A meeting's date (`YYYY[-MM[-DD]]`) written in a calendar and the interface language.
pub fn date(lang: Lang, cal: Calendar, iso: &str) -> Option<String> {
    let d = PartialDate::parse(iso)?;
    let s = match shown_date(&d, cal)? {
        ShownDate::Day { year, month: m, day } => format!("{} {} {}", day, month(lang, cal, m), year),
        ShownDate::Months { from, to } if from == to => format!("{} {}", month(lang, cal, from.1), from.0),
        ShownDate::Months { from, to } if from.0 == to.0 => format!("{}–{} {}", month(lang, cal, from.1), month(lang, cal, to.1), from.0),
        ShownDate::Months { from, to } => format!("{} {} – {} {}", month(lang, cal, from.1), from.0, month(lang, cal, to.1), to.0),
        ShownDate::Years { from, to } if from == to => from.to_string(),
        ShownDate::Years { from, to } => format!("{from}–{to}"),
    };
    let era = match cal {
        Calendar::Gregorian => "",
        Calendar::Jalali => if lang == Lang::En { " SH" } else { " ش" },
        Calendar::Hijri => if lang == Lang::En { " AH" } else { " هـ" },
    };
    Some(lang.digits(&format!("{s}{era}")))
}

/// The label of an axis tick.
pub fn tick(lang: Lang, cal: Calendar, t: &Tick) -> String {
    let s = match t.unit {
        TickUnit::Year => t.year.to_string(),
        TickUnit::Month if t.month == 1 => format!("{} {}", month(lang, cal, 1), t.year),
        TickUnit::Month => month(lang, cal, t.month),
        TickUnit::Day if t.dom == 1 => format!("1 {}", month(lang, cal, t.month)),
        TickUnit::Day => t.dom.to_string(),
    };
    lang.digits(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occasions_are_named_in_arabic_and_persian_with_their_edition() {
        assert_eq!(occasion(Lang::Fa, "Army-2020 International Military-Technical Forum"), "همایش بین‌المللی نظامی-فنی «ارتش-۲۰۲۰»");
        assert_eq!(occasion(Lang::Fa, "Fifth Caspian Summit"), "۵مین نشست سران کشورهای ساحلی خزر");
        assert_eq!(occasion(Lang::Ar, "OIC Council of Foreign Ministers (48th session)"), "مجلس وزراء خارجية منظمة التعاون الإسلامي (الدورة ٤٨)");
        // Without an edition the word or bracket holding it is left out.
        assert_eq!(occasion(Lang::Fa, "Caspian Summit"), "نشست سران کشورهای ساحلی خزر");
        assert_eq!(occasion(Lang::Ar, "OIC Council of Foreign Ministers"), "مجلس وزراء خارجية منظمة التعاون الإسلامي");
        assert_eq!(occasion(Lang::Ar, "Army International Military-Technical Forum"), "المنتدى العسكري التقني الدولي");
        assert_eq!(occasion(Lang::En, "Fifth Caspian Summit"), "Fifth Caspian Summit");
        assert_eq!(occasion(Lang::Fa, "A Garden Party"), "A Garden Party");
    }

    #[test]
    fn cities_bodies_roles_and_topics_in_arabic_and_persian() {
        assert_eq!((city(Lang::Ar, "Tehran"), city(Lang::Fa, "Tehran")), ("طهران".into(), "تهران".into()));
        assert_eq!((city(Lang::Ar, "Moscow"), city(Lang::Fa, "Moscow")), ("موسكو".into(), "مسکو".into()));
        assert_eq!((city(Lang::Ar, "Astana"), city(Lang::Fa, "Astana")), ("أستانا".into(), "آستانه".into()));
        assert_eq!((city(Lang::Ar, "Tashkent"), city(Lang::Fa, "Tashkent")), ("طشقند".into(), "تاشکند".into()));
        assert_eq!(city(Lang::Fa, "Dushanbe"), "دوشنبه");
        assert_eq!((city(Lang::Ar, "Isfahan"), city(Lang::Fa, "Isfahan")), ("أصفهان".into(), "اصفهان".into()));
        assert_eq!(city(Lang::Fa, "Jeddah"), "جده");
        assert_eq!(city(Lang::En, "Tehran"), "Tehran");
        assert_eq!(party(Lang::Fa, "SCO"), "سازمان همکاری شانگهای");
        assert_eq!(party(Lang::Ar, "IR"), "إيران");
        assert_eq!(role(Lang::Fa, "defense minister"), "وزیر دفاع");
        assert_eq!(topic(Lang::Ar, "counter-terrorism"), "مكافحة الإرهاب");
        assert_eq!(topic(Lang::En, "counter-terrorism"), "counter-terrorism");
    }
}
