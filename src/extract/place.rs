//! Stage: the place. A city in the report, "in the Russian capital", the
//! occasion's venue, the visit the article reports, a side's city named in the
//! body, else the dateline's city.

use super::frames::Reports;
use super::occasion::Occasion;
use super::reader::Reader;
use crate::knowledge::{Edition, Entity, Knowledge, Mention, PartyId, Phrase};
use crate::model::Location;
use crate::text::Sentence;
use rustc_hash::FxHashMap as HashMap;

/// Where the meeting took place: a city in the sentence, the occasion's venue,
/// the place the article says the visit was to, or the dateline city.
pub(super) fn location(reader: &Reader, reports: &Reports, occasion: Option<&Occasion>, sentences: &[Sentence], parties: &[PartyId]) -> Option<Location> {
    let k = reader.k;
    let city_loc = |c: u16| {
        let city = &k.cities[c as usize];
        Location { city: Some(city.name.clone()), country: Some(k.party(city.country).to_string()) }
    };
    let capital_of = |p: PartyId| -> Location {
        let capital = k.cities.iter().find(|c| c.country == p && c.capital);
        Location { city: capital.map(|c| c.name.clone()), country: Some(k.party(p).to_string()) }
    };
    let ms = &reader.mentions;
    // "in the Russian capital", "في العاصمة الروسية": the capital of that state.
    let capital_phrase = |range: (usize, usize)| {
        reader.mentions_in(&Sentence { start: range.0, end: range.1 }).find_map(|m| {
            // The first mention after the phrase (mentions may overlap it).
            (m.entity == Entity::Phrase(Phrase::Visit))
                .then(|| reader.from(m.end).first())
                .flatten()
                .filter(|n| n.start - m.end <= 2)
                .and_then(|n| match n.entity {
                    Entity::Demonym(p) | Entity::Country(p) if is_capital_phrase(&reader.text[m.start..m.end]) => Some(capital_of(p)),
                    _ => None,
                })
        })
    };
    // A city form that is also another word ("دوشنبه" is Dushanbe and Monday) counts
    // only after a preposition of place.
    let plain_city = |m: &Mention| -> Option<u16> {
        let Entity::City(c) = m.entity else { return None };
        let ambiguous = reader.from(m.start).iter().take_while(|o| o.start == m.start).any(|o| o.end == m.end && !matches!(o.entity, Entity::City(_)));
        (!ambiguous || reader.locative(m.start)).then_some(c)
    };
    // The dateline: a city opening one of the first lines ("دمشق - الاثنين",
    // "BISHKEK, April 29"), where the report was filed: the place only when no other is said.
    let dateline = |m: &Mention| {
        matches!(m.entity, Entity::City(_))
            && sentences.iter().take(3).any(|line| {
                line.start == m.start && {
                    let rest = reader.text[m.end..line.end.max(m.end)].trim_start();
                    rest.starts_with(['-', ',', '،', ':', '(', '–', '—']) || rest.is_empty()
                }
            })
    };
    // The destination a report names ("تهران را به مقصد سمرقند ترک کرد", "arrived in
    // Samarkand"), else its first city.
    let destination = || {
        reports.mentions(reader).filter(|m| m.entity == Entity::Phrase(Phrase::Visit)).find_map(|v| {
            reader.from(v.end).iter().take_while(|n| n.start <= v.end + 12).find_map(|n| plain_city(n).filter(|_| n.start >= v.end))
        })
    };
    if let Some(c) = destination().or_else(|| reports.mentions(reader).filter(|m| !dateline(m)).find_map(plain_city)) {
        return Some(city_loc(c));
    }
    if let Some(l) = reports.spans.iter().find_map(|&span| capital_phrase(span)) {
        return Some(l);
    }
    if let Some(o) = occasion {
        match &o.edition {
            Some(ed) if ed.country.is_some() => {
                return Some(Location { city: ed.city.clone(), country: ed.country.map(|c| k.party(c).to_string()) })
            }
            Some(_) => {}
            None => {
                if let Some(l) = usual_venue(k, o.event) {
                    return Some(l);
                }
            }
        }
    }
    // The rest depends on the article only, not on the meeting.
    let places = reader.places.get_or_init(|| {
        // The visit the article reports: "arrived in Damascus", "وارد پکن شد".
        let visit = ms.iter().filter(|m| m.entity == Entity::Phrase(Phrase::Visit)).find_map(|m| {
            let n = reader.from(m.end).first().filter(|n| n.start - m.end <= 12)?;
            match n.entity {
                Entity::City(c) if plain_city(n).is_some() => Some(city_loc(c)),
                Entity::Country(p) => Some(Location { city: None, country: Some(k.party(p).to_string()) }),
                _ => None,
            }
        });
        // Each state's first city named in the body.
        let first_lines_end = sentences.get(2).map_or(0, |s| s.start);
        let mut body_city: HashMap<PartyId, (usize, u16)> = HashMap::default();
        for (n, c) in reader.from(first_lines_end).iter().filter_map(plain_city).enumerate() {
            body_city.entry(k.cities[c as usize].country).or_insert((n, c));
        }
        let dateline = ms.iter().filter(|m| dateline(m)).find_map(|m| match m.entity {
            Entity::City(c) => Some(city_loc(c)),
            _ => None,
        });
        Places { visit, capital: capital_phrase((0, reader.text.len())), body_city, dateline }
    });
    if let Some(l) = places.visit.clone().or_else(|| places.capital.clone()) {
        return Some(l);
    }
    // A city of one of the sides named in the body ("signed an agreement in Damascus").
    if let Some(&(_, c)) = parties.iter().filter_map(|p| places.body_city.get(p)).min_by_key(|(n, _)| *n) {
        return Some(city_loc(c));
    }
    places.dateline.clone()
}

/// The places an article gives apart from any one meeting's reports, in the order [`location`] reads them.
pub(super) struct Places {
    /// The place of the visit the article reports.
    pub(super) visit: Option<Location>,
    /// The capital of the state named after "in the capital".
    pub(super) capital: Option<Location>,
    /// For each state, its first city named after the first lines (with its rank among the cities named there).
    pub(super) body_city: HashMap<PartyId, (usize, u16)>,
    /// The dateline's city.
    pub(super) dateline: Option<Location>,
}

/// "in the capital", "في العاصمة": the state named next is the place, at its capital.
pub(super) fn is_capital_phrase(phrase: &str) -> bool {
    phrase.contains("عاصمه") || phrase.contains("پايتخت") || phrase.to_ascii_lowercase().contains("capital")
}

/// Where an event is usually held, when its edition is unknown: the country all its
/// editions share, and the city at least two thirds of them were held in.
pub(super) fn usual_venue(k: &Knowledge, event: u16) -> Option<Location> {
    let editions: Vec<&Edition> = k.editions.iter().filter(|e| e.event == event).collect();
    let country = editions.first()?.country?;
    if editions.iter().any(|e| e.country != Some(country)) {
        return None;
    }
    let mut cities: Vec<(&str, usize)> = Vec::new();
    for e in &editions {
        if let Some(c) = e.city.as_deref() {
            match cities.iter_mut().find(|(x, _)| *x == c) {
                Some((_, n)) => *n += 1,
                None => cities.push((c, 1)),
            }
        }
    }
    let city = cities.into_iter().max_by_key(|&(_, n)| n).filter(|&(_, n)| n * 3 >= editions.len() * 2).map(|(c, _)| c.to_string());
    Some(Location { city, country: Some(k.party(country).to_string()) })
}
