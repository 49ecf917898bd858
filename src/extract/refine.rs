//! Stage: article-level refiners of the drafts. The same meeting reported twice
//! (headline and body, or two sentences) is kept once; a headline that sums up
//! several meetings of the body is none of its own.

use crate::model::order;
use super::actors::parties_of;
use super::frames::Draft;
use super::participants::{names_of, person_key, roles_agree};
use crate::knowledge::{Knowledge, PartyId};
use crate::model::{Location, Meeting, Mode, PartialDate, Status};
use crate::text::Sentence;
use rustc_hash::FxHashMap as HashMap;

/// A headline that names only some of the sides of a meeting the body reports
/// ("Assad receives the chiefs of staff of Iran and Iraq") is that meeting; one
/// that sums up several of the body's meetings is none of its own.
pub(super) fn absorb_headline(mut drafts: Vec<Draft>, headline: Option<Sentence>) -> Vec<Draft> {
    let Some(h) = headline else { return drafts };
    let Some(i) = drafts.iter().position(|d| d.reports == [h]) else { return drafts };
    let sides = parties_of(&drafts[i].actors);
    let fuller = drafts.iter().enumerate().find(|(j, d)| *j != i && sides.iter().all(|p| parties_of(&d.actors).contains(p))).map(|(j, _)| j);
    if let Some(j) = fuller {
        drafts[j].reports.push(h);
        drafts.remove(i);
        return drafts;
    }
    // A headline that sums up several meetings of the body ("Rajnath Singh holds talks
    // with Uzbek, Kazakh and Tajik defence ministers") is not one more meeting.
    let reported = |p: &PartyId| drafts.iter().enumerate().any(|(j, d)| j != i && parties_of(&d.actors).contains(p));
    if sides.len() >= 3 && sides.iter().all(reported) {
        drafts.remove(i);
    }
    drafts
}

/// The same meeting reported twice in one article is one meeting.
/// Two reports are of one meeting when they name the same sides, neither announces
/// a later meeting than the other, do not contradict on how (phone, video), and name the same people of each side,
/// or, where one names nobody, people of agreeing roles.
pub(super) fn merge(drafts: Vec<Draft>) -> Vec<Draft> {
    let k = Knowledge::get();
    let roles = |x: &Draft, p: PartyId| -> Vec<&str> {
        x.actors
            .iter()
            .filter(|a| a.party == p)
            .filter_map(|a| a.role.or_else(|| a.officials.first().map(|&o| k.official(o).role.as_str())))
            .collect()
    };
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let sides = parties_of(&d.actors);
        let same = out.iter().position(|o| {
            parties_of(&o.actors) == sides
                && o.later == d.later
                && (o.mode == d.mode || !o.mode_stated || !d.mode_stated)
                && sides.iter().all(|&p| {
                    let (x, y) = (names_of(k, o, p), names_of(k, &d, p));
                    let (rx, ry) = (roles(o, p), roles(&d, p));
                    if !x.is_empty() && !y.is_empty() {
                        x.iter().any(|n| y.contains(n))
                    } else {
                        rx.is_empty() || ry.is_empty() || rx.iter().any(|a| ry.iter().any(|b| roles_agree(a, b)))
                    }
                })
        });
        match same {
            Some(i) => {
                // Keep the first report, learn the names of the second.
                for a in d.actors {
                    let known = out[i].actors.iter().any(|o| o.party == a.party && (person_key(k, o) == person_key(k, &a) || person_key(k, &a).is_none()));
                    if !known {
                        if let Some(pos) = out[i].actors.iter().position(|o| o.party == a.party && person_key(k, o).is_none()) {
                            out[i].actors[pos] = a;
                        } else {
                            out[i].actors.push(a);
                        }
                    }
                }
                out[i].reports.extend(d.reports);
                if d.mode_stated && !out[i].mode_stated {
                    out[i].mode = d.mode;
                    out[i].mode_stated = true;
                }
            }
            None => out.push(d),
        }
    }
    out
}

/// A headline: the first line, short, not ending like a sentence, with more text after it.
pub(super) fn is_headline(text: &str, s: &Sentence) -> bool {
    let line_end = text[s.end..].find('\n').map_or(text.len(), |i| s.end + i);
    s.start == text.len() - text.trim_start().len()
        && line_end < text.trim_end().len()
        && !text[s.start..s.end].ends_with(['.', '!', '?', '؟'])
        && text[s.start..s.end].split(' ').count() <= 25
}

/// A meeting the text does not date, held at the same occasion or place as one it does
/// ("the bilateral came before the trilateral held yesterday"): that meeting's day.
/// (Only a held meeting's for a held one: a visit's planned meetings come later.)
pub(super) fn date_from_siblings(meetings: &mut [Meeting]) {
    // (The first such meeting of each status and occasion, and of each status and place with a city.)
    let mut by_occasion: HashMap<(Status, String), (usize, Option<String>)> = HashMap::default();
    let mut by_place: HashMap<(Status, Location), (usize, Option<String>)> = HashMap::default();
    for (n, m) in meetings.iter().filter(|m| m.date_source.as_deref() == Some("text")).enumerate() {
        if let Some(o) = &m.occasion {
            by_occasion.entry((m.status, o.clone())).or_insert((n, m.date.clone()));
        }
        if let Some(l) = m.location.as_ref().filter(|l| l.city.is_some()) {
            by_place.entry((m.status, l.clone())).or_insert((n, m.date.clone()));
        }
    }
    for m in meetings.iter_mut().filter(|m| m.date_source.as_deref() == Some("publication")) {
        let same_occasion = m.occasion.clone().and_then(|o| by_occasion.get(&(m.status, o)));
        let same_place = m.location.clone().and_then(|l| by_place.get(&(m.status, l)));
        if let Some((_, date)) = same_occasion.into_iter().chain(same_place).min_by_key(|(n, _)| *n) {
            m.date = date.clone();
            m.date_source = Some("article".into());
            super::dating::narrow_to_date(m, "article", "another meeting of the same occasion or place is dated by the text");
        }
    }
}

/// A held meeting whose report gives no day (dated by the day of writing) was
/// held on the day the article's lead gives its meetings
/// ([`super::date::lead_day_of_meetings`]).
pub(super) fn date_from_lead(meetings: &mut [Meeting], lead: Option<PartialDate>) {
    let Some(day) = lead else { return };
    for m in meetings.iter_mut().filter(|m| m.status == Status::Held && m.date_source.as_deref() == Some("publication")) {
        super::date::date_from_text(m, day, "the article's lead gives the day of the meetings it reports");
    }
}

/// A held meeting the text gives nothing of when or where ("كما التقى وزير الدفاع
/// الروسي" after a meeting on an occasion's sidelines) continues the visit of the
/// held meeting of the same side reported before it: that meeting's day, occasion
/// and place. (`firsts`: where each meeting is first reported.)
pub(super) fn continue_visits(meetings: &mut [Meeting], firsts: &[usize]) {
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..meetings.len()).collect();
        order::sort_by_key(&mut o, |&i| firsts[i]);
        o
    };
    // (For each party, the last held and dated meeting of it so far, as a place in `order`.)
    let mut last_dated: HashMap<String, usize> = HashMap::default();
    for (n, &i) in order.iter().enumerate() {
        let m = &meetings[i];
        let open = m.status == Status::Held && m.date.is_none() && m.occasion.is_none() && m.location.is_none();
        let before = m.parties.iter().filter_map(|x| last_dated.get(x)).max().map(|&b| &meetings[order[b]]);
        if let Some(p) = before.filter(|_| open) {
            let (date, precision, occasion, location) = (p.date.clone(), p.date_precision.clone(), p.occasion.clone(), p.location.clone());
            let m = &mut meetings[i];
            m.date = date;
            m.date_precision = precision;
            m.date_source = Some("article".into());
            super::dating::narrow_to_date(m, "article", "continues the visit of the dated meeting reported before it");
            if m.mode == Mode::InPerson {
                m.occasion = occasion;
                m.location = location;
            }
        }
        let m = &meetings[i];
        if m.status == Status::Held && m.date.is_some() {
            for x in &m.parties {
                last_dated.insert(x.clone(), n);
            }
        }
    }
}
