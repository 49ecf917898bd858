//! Names shown in the interface language: months of the three calendars
//! (the first form of each month in `data/months.tsv`), countries (the
//! plain CLDR name in `data/countries.tsv`) and officials' roles, and dates
//! written with them.

use super::i18n::Lang;
use crate::knowledge::Knowledge;
use crate::model::PartialDate;
use crate::view::{shown_date, Calendar, ShownDate, Tick, TickUnit};
use std::collections::HashMap;
use std::sync::OnceLock;

struct Names {
    /// (calendar, month, lang) → name
    months: HashMap<(&'static str, u8, &'static str), &'static str>,
    /// (code, lang) → name
    countries: HashMap<(&'static str, &'static str), &'static str>,
}

fn names() -> &'static Names {
    static N: OnceLock<Names> = OnceLock::new();
    N.get_or_init(|| {
        let rows = |text: &'static str| text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect::<Vec<_>>());
        let mut months = HashMap::new();
        for f in rows(include_str!("../../data/months.tsv")) {
            if let (Some(cal), Some(Ok(m)), Some(lang), Some(forms)) = (f.first(), f.get(1).map(|m| m.parse::<u8>()), f.get(2), f.get(3)) {
                let first = forms.split('|').next().unwrap_or("").trim();
                months.entry((*cal, m, *lang)).or_insert(first);
            }
        }
        let mut countries = HashMap::new();
        for f in rows(include_str!("../../data/countries.tsv")) {
            if let (Some(code), Some(lang), Some(name)) = (f.first(), f.get(1), f.get(2)) {
                countries.entry((*code, *lang)).or_insert(*name);
            }
        }
        Names { months, countries }
    })
}

/// A party's name in the interface language (a body without a translated name keeps its English one).
pub fn party(lang: Lang, code: &str) -> String {
    names().countries.get(&(code, lang.code())).map_or_else(|| Knowledge::get().party_name(code).to_string(), |n| n.to_string())
}

/// Officials' roles (the extractor's English role names, as in `data/roles.tsv`)
/// as Arabic and Persian news write them: (role, ar, fa).
const ROLES: &[(&str, &str, &str)] = &[
    ("president", "الرئيس", "رئیس‌جمهور"),
    ("vice president", "نائب الرئيس", "معاون رئیس‌جمهور"),
    ("prime minister", "رئيس الوزراء", "نخست‌وزیر"),
    ("supreme leader", "المرشد الأعلى", "رهبر"),
    ("king", "الملك", "پادشاه"),
    ("emir", "الأمير", "امیر"),
    ("sultan", "السلطان", "سلطان"),
    ("crown prince", "ولي العهد", "ولیعهد"),
    ("speaker", "رئيس البرلمان", "رئیس مجلس"),
    ("head of the judiciary", "رئيس السلطة القضائية", "رئیس قوه قضاییه"),
    ("minister", "وزير", "وزیر"),
    ("foreign minister", "وزير الخارجية", "وزیر امور خارجه"),
    ("deputy foreign minister", "نائب وزير الخارجية", "معاون وزیر امور خارجه"),
    ("defense minister", "وزير الدفاع", "وزیر دفاع"),
    ("deputy defense minister", "نائب وزير الدفاع", "معاون وزیر دفاع"),
    ("secretary general of the ministry of defense", "الأمين العام لوزارة الدفاع", "دبیرکل وزارت دفاع"),
    ("national security adviser", "مستشار الأمن القومي", "مشاور امنیت ملی"),
    ("secretary of the Security Council", "أمين مجلس الأمن", "دبیر شورای امنیت"),
    ("secretary of the Supreme National Security Council", "أمين المجلس الأعلى للأمن القومي", "دبیر شورای عالی امنیت ملی"),
    ("adviser", "مستشار", "مشاور"),
    ("ambassador", "السفير", "سفیر"),
    ("military attache", "الملحق العسكري", "وابسته نظامی"),
    ("secretary general", "الأمين العام", "دبیرکل"),
    ("director general", "المدير العام", "مدیرکل"),
    ("commander", "القائد", "فرمانده"),
    ("commander-in-chief of the armed forces", "القائد العام للقوات المسلحة", "فرمانده کل نیروهای مسلح"),
    ("chief of the general staff", "رئيس هيئة الأركان العامة", "رئیس ستاد کل"),
    ("chief of the general staff of the armed forces", "رئيس هيئة الأركان العامة للقوات المسلحة", "رئیس ستاد کل نیروهای مسلح"),
    ("chairman of the joint chiefs", "رئيس هيئة الأركان المشتركة", "رئیس ستاد مشترک"),
    ("army chief of staff", "رئيس أركان الجيش", "رئیس ستاد ارتش"),
    ("chief of army staff", "رئيس أركان الجيش", "رئیس ستاد ارتش"),
    ("army commander", "قائد الجيش", "فرمانده ارتش"),
    ("air force commander", "قائد القوات الجوية", "فرمانده نیروی هوایی"),
    ("navy commander", "قائد القوات البحرية", "فرمانده نیروی دریایی"),
    ("IRGC commander", "قائد الحرس الثوري", "فرمانده سپاه"),
    ("vice chairman of the Central Military Commission", "نائب رئيس اللجنة العسكرية المركزية", "نایب‌رئیس کمیسیون نظامی مرکزی"),
];

/// An official's role in the interface language (the extractor's English
/// role name, e.g. "defense minister"; a role without a translation is shown
/// as it is). For the participants line: "Amir Hatami (وزیر دفاع، ایران)".
pub fn role(lang: Lang, role: &str) -> String {
    let found = ROLES.iter().find(|(en, _, _)| en.eq_ignore_ascii_case(role));
    match (lang, found) {
        (Lang::Ar, Some((_, ar, _))) => ar.to_string(),
        (Lang::Fa, Some((_, _, fa))) => fa.to_string(),
        _ => role.to_string(),
    }
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
