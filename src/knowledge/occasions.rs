//! Names of occasions: an event of `data/events.tsv` and its edition written
//! as the event's canonical English name ("Army-2020 International
//! Military-Technical Forum", "Fifth Caspian Summit"), and such a name read
//! back into its event and edition, so that the interface can write it in
//! another language.

use crate::knowledge::{Edition, Event, Knowledge};

/// An occasion's name read back: which event, and what of its edition the name says.
#[derive(Debug, Clone, Copy)]
pub struct Named<'k> {
    pub event: &'k Event,
    pub year: Option<i32>,
    pub number: Option<u32>,
}

/// "1st", "2nd", "23rd", "48th".
fn with_suffix(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The canonical English name of an event's edition, or of the event itself
/// when the edition is not known (its placeholders left out).
pub fn name(k: &Knowledge, event: &Event, edition: Option<&Edition>) -> String {
    let mut name = event.canonical.clone();
    name = match edition {
        Some(ed) => name.replace("{year}", &ed.year.to_string()),
        None => name.replace("-{year}", "").replace("{year}", ""),
    };
    name = match edition.and_then(|ed| ed.number) {
        Some(n) => {
            let word = k.ordinal_word(n).map_or_else(|| with_suffix(n), str::to_string);
            name.replace("{n}th", &with_suffix(n)).replace("{n}", &word)
        }
        None => name.replace(" ({n}th session)", "").replace("{n}th", "").replace("{n}", ""),
    };
    name.trim().to_string()
}

/// Read a name made by [`name`] back into its event and edition.
pub fn parse<'k>(k: &'k Knowledge, name: &str) -> Option<Named<'k>> {
    k.events.iter().find_map(|event| {
        if self::name(k, event, None) == name {
            return Some(Named { event, year: None, number: None });
        }
        // ("{n}th" is written "43rd": one placeholder.)
        let (year, number) = fill(k, &event.canonical.replace("{n}th", "{nth}"), name)?;
        Some(Named { event, year, number })
    })
}

/// The year and number that make `template` read `name`.
fn fill(k: &Knowledge, template: &str, name: &str) -> Option<(Option<i32>, Option<u32>)> {
    let (mut year, mut number) = (None, None);
    let mut rest = name;
    let mut parts = template.split_inclusive('}').peekable();
    while let Some(part) = parts.next() {
        let Some(open) = part.find('{') else {
            // The literal tail after the last placeholder.
            return (rest == part).then_some((year, number));
        };
        let (literal, placeholder) = part.split_at(open);
        rest = rest.strip_prefix(literal)?;
        // The placeholder's value runs up to the literal that follows it.
        let next_literal = parts.peek().map_or("", |p| p.split('{').next().unwrap_or(""));
        let end = if next_literal.is_empty() { rest.len() } else { rest.find(next_literal)? };
        let value = &rest[..end];
        rest = &rest[end..];
        match placeholder {
            "{year}" => year = Some(value.parse().ok()?),
            "{nth}" => number = Some(value.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()?),
            "{n}" => number = Some(value.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok().or_else(|| k.ordinal_number(value))?),
            _ => return None,
        }
    }
    rest.is_empty().then_some((year, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edition_name_reads_back_as_its_event_and_edition() {
        let k = Knowledge::get();
        let mut read = 0;
        for ed in &k.editions {
            let event = &k.events[ed.event as usize];
            let written = name(k, event, Some(ed));
            let back = parse(k, &written).unwrap_or_else(|| panic!("{written} not read back"));
            assert_eq!(back.event.id, event.id, "{written}");
            if event.canonical.contains("{year}") {
                assert_eq!(back.year, Some(ed.year), "{written}");
            }
            if event.canonical.contains("{n}") {
                assert_eq!(back.number, ed.number, "{written}");
            }
            read += 1;
        }
        assert!(read > 200, "only {read} editions");
    }

    #[test]
    fn names_read_back() {
        let k = Knowledge::get();
        let army = parse(k, "Army-2020 International Military-Technical Forum").unwrap();
        assert_eq!((army.event.id.as_str(), army.year), ("army_forum", Some(2020)));
        let caspian = parse(k, "Fifth Caspian Summit").unwrap();
        assert_eq!((caspian.event.id.as_str(), caspian.number), ("caspian_summit", Some(5)));
        let oic = parse(k, "OIC Council of Foreign Ministers (48th session)").unwrap();
        assert_eq!((oic.event.id.as_str(), oic.number), ("oic_cfm", Some(48)));
        let mcis = parse(k, "Moscow Conference on International Security").unwrap();
        assert_eq!((mcis.event.id.as_str(), mcis.year, mcis.number), ("mcis", None, None));
        assert_eq!(parse(k, "BRICS Summit").map(|n| n.event.id.as_str()), Some("brics_summit"));
        assert!(parse(k, "A Garden Party").is_none());
        assert!(parse(k, "Army-20x0 International Military-Technical Forum").is_none());
    }
}
