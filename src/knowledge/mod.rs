//! Didar's knowledge of the world, read once from the data files in `data/`
//! (compiled in) into one gazetteer that finds every known name in a text in
//! one pass per script: the forms in Arabic script, and the others (Latin),
//! each script's in one trie walked from every place a word begins. Each
//! script's trie is built the first time a text needs it, so that an Arabic
//! article never pays for the Latin one.
//!
//! Layer: uses `model` and `text`.

pub mod occasions;
pub mod romanise;
pub mod trie;
pub(crate) mod tables;

use crate::model::order;
use crate::model::PartialDate;
use crate::text::{fold_trimmed, is_word_char};
use crate::knowledge::trie::Trie;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The scripts whose forms have a trie of their own: index 0 the
/// Arabic script, 1 the others.
const SCRIPTS: usize = 2;
const ARABIC_SCRIPT: usize = 0;

/// Index of a party code in [`Knowledge::parties`].
pub type PartyId = u16;

/// What a matched form refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// A state's name ("Kazakhstan", "قزاقستان").
    Country(PartyId),
    /// A state's adjective or nisba ("Kazakh", "الكازاخستاني").
    Demonym(PartyId),
    /// An international body ("SCO", "منظمة شنغهاي للتعاون").
    Body(PartyId),
    City(u16),
    Role(u16),
    Rank,
    Official(u16),
    Agency(u16),
    Event(u16),
    /// A datable event the news mentions ("the US designation of the IRGC").
    Landmark(u16),
    Month(Calendar, u8),
    /// 1 = Monday … 7 = Sunday.
    Weekday(u8),
    /// "sixth", "السادس", "ششمین".
    Ordinal(u8),
    /// A word of a topic of the taxonomy ("terrorism", "الحظر التسليحي").
    Topic(u16),
    Phrase(Phrase),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Calendar {
    Gregorian,
    Jalali,
    Hijri,
}

/// A time relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relative {
    /// The days from `.0` to `.1` after it (negative: before it), inclusive:
    /// "today" is (0, 0), "yesterday" (-1, -1), "next week" (1, 13).
    Days(i16, i16),
    /// The calendar month this many months after it ("next month": 1).
    Month(i8),
}

/// Kinds of phrases from `data/triggers.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phrase {
    Meet,
    Receive,
    /// A verb of talks, a meeting only with "with" and a side after it.
    Discuss,
    Phone,
    Video,
    Planned,
    Anaphor,
    Counterpart,
    /// A time relative to the publication date ("today", "next week").
    Relative(Relative),
    Last,
    Sidelines,
    /// "to attend", "برای شرکت در": the occasion a trip is for.
    Attend,
    Visit,
    Presence,
    Separately,
    Dateline,
    Behalf,
    Former,
    Interview,
    Background,
    Ours,
    Together,
    /// The sides met all together ("trilateral", "joint", "the three ministers").
    Joint,
    /// A pronoun or honorific standing for the subject ("he", "سموه", "وی").
    Pronoun,
    /// The sides of the meeting reported just before ("the two leaders", "الوزيران").
    Both,
    /// An airport: a welcome on arrival, not a meeting.
    Arrival,
    /// A meeting later than the one reported ("again", "next", "مجدداً", "آینده").
    Later,
    /// "ahead of" an event: the meeting came before it.
    Ahead,
    /// "first foreign visit since taking office", "newly appointed".
    Newly,
}

impl Phrase {
    fn parse(s: &str) -> Option<Phrase> {
        Some(match s {
            "meet" => Phrase::Meet,
            "receive" => Phrase::Receive,
            "discuss" => Phrase::Discuss,
            "phone" => Phrase::Phone,
            "video" => Phrase::Video,
            "planned" => Phrase::Planned,
            "anaphor" => Phrase::Anaphor,
            "counterpart" => Phrase::Counterpart,
            "today" => Phrase::Relative(Relative::Days(0, 0)),
            "yesterday" => Phrase::Relative(Relative::Days(-1, -1)),
            "tomorrow" => Phrase::Relative(Relative::Days(1, 1)),
            "two_days_ago" => Phrase::Relative(Relative::Days(-2, -2)),
            "in_two_days" => Phrase::Relative(Relative::Days(2, 2)),
            // A week before or after: its days lie within 13 days of any day of this week.
            "last_week" => Phrase::Relative(Relative::Days(-13, -1)),
            "next_week" => Phrase::Relative(Relative::Days(1, 13)),
            "coming_days" => Phrase::Relative(Relative::Days(1, 10)),
            "last_month" => Phrase::Relative(Relative::Month(-1)),
            "next_month" => Phrase::Relative(Relative::Month(1)),
            "last" => Phrase::Last,
            "sidelines" => Phrase::Sidelines,
            "attend" => Phrase::Attend,
            "visit" => Phrase::Visit,
            "presence" => Phrase::Presence,
            "separately" => Phrase::Separately,
            "dateline" => Phrase::Dateline,
            "behalf" => Phrase::Behalf,
            "former" => Phrase::Former,
            "interview" => Phrase::Interview,
            "background" => Phrase::Background,
            "ours" => Phrase::Ours,
            "together" => Phrase::Together,
            "joint" => Phrase::Joint,
            "pronoun" => Phrase::Pronoun,
            "both" => Phrase::Both,
            "arrival" => Phrase::Arrival,
            "later" => Phrase::Later,
            "ahead" => Phrase::Ahead,
            "newly" => Phrase::Newly,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct City {
    pub name: String,
    pub country: PartyId,
    pub capital: bool,
}

#[derive(Debug, Clone)]
pub struct Official {
    pub party: PartyId,
    pub name: String,
    pub role: String,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

impl Official {
    /// Was this person in this office on some day of `date`?
    /// In office on every day of the date (a whole month, a whole year).
    pub fn holds_throughout(&self, date: &PartialDate) -> bool {
        self.from.map_or(true, |f| f.first_day() <= date.first_day()) && self.to.map_or(true, |t| t.last_day() >= date.last_day())
    }

    pub fn in_office(&self, date: &PartialDate) -> bool {
        self.from.map_or(true, |f| date.last_day() >= f.first_day())
            && self.to.map_or(true, |t| t.last_day() >= date.first_day())
    }
}

#[derive(Debug, Clone)]
pub struct Agency {
    pub name: String,
    /// The outlet's home state: "our country" in its reports.
    pub country: Option<PartyId>,
}

/// A datable event an article may mention, which bounds the date of the
/// meetings it reports (`data/landmarks.tsv`).
#[derive(Debug, Clone)]
pub struct Landmark {
    pub id: String,
    /// Its day (or month, when only the month is sure).
    pub date: PartialDate,
    /// The last day of an event that lasted (a war), if any.
    pub end: Option<PartialDate>,
    /// Its English name (the first English form).
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    /// Canonical English name; may hold `{year}` and `{n}`.
    pub canonical: String,
}

#[derive(Debug, Clone)]
pub struct Edition {
    pub event: u16,
    pub number: Option<u32>,
    pub year: i32,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub city: Option<String>,
    pub country: Option<PartyId>,
}

/// A form found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Folded byte offsets.
    pub start: usize,
    pub end: usize,
    pub entity: Entity,
}

pub struct Knowledge {
    pub parties: Vec<String>,
    /// English name of each party (the first English form of its file).
    english_names: HashMap<PartyId, String>,
    party_index: HashMap<String, PartyId>,
    pub cities: Vec<City>,
    pub roles: Vec<String>,
    pub officials: Vec<Official>,
    /// The last year the knowledge speaks for: terms still open end, as far as
    /// it knows, a year after the latest change the officials' data records.
    pub known_until: i32,
    pub agencies: Vec<Agency>,
    pub events: Vec<Event>,
    pub editions: Vec<Edition>,
    pub landmarks: Vec<Landmark>,
    /// Topics of the taxonomy (`data/topics.tsv`).
    pub topics: Vec<String>,
    /// English ordinal words by number ("Fifth"), for canonical event names.
    ordinal_words: HashMap<u8, String>,
    /// Every pattern: a form folded and lower-cased (ASCII).
    patterns: Vec<String>,
    /// Entities of every pattern, pattern after pattern: those of pattern
    /// `p` are `pattern_entities[entities_start[p]..entities_start[p + 1]]`.
    pattern_entities: Vec<Entity>,
    entities_start: Vec<u32>,
    /// How each pattern may match.
    pattern_rules: Vec<PatternRule>,
    /// The runs of Arabic proclitics a form may follow, in the alphabet's codes.
    proclitics: Trie,
    /// The one-byte codes the tries read.
    alphabet: Alphabet,
    /// For each code, the scripts (bit 0 Arabic, bit 1 the others) with a
    /// pattern whose first letter has that code: a text without any of a
    /// script's codes cannot match one of its patterns.
    script_keys: [u8; 256],
    /// The patterns of each script and their trie.
    scripts: [ScriptPatterns; SCRIPTS],
}

/// The patterns of one script and their trie, built on first use.
#[derive(Default)]
struct ScriptPatterns {
    /// Indices into [`Knowledge::patterns`], in the order of the trie's forms.
    patterns: Vec<u32>,
    trie: OnceLock<Trie>,
}

// The tables, each a `Table` of the embedded LZMA stream (`tables.rs`): `COUNTRIES.text()`.
pub(crate) use tables::{BODIES, CITIES, COUNTRIES, INTERFACE_NAMES, MONTHS};
use tables::{AGENCIES, COUNTRY_NAMES, DEMONYMS, EVENTS, EVENT_EDITIONS as EDITIONS, LANDMARKS, OFFICIALS, ORDINALS, RANKS, ROLES, TOPICS, TRIGGERS, WEEKDAYS};
// (`MEETING_VERBS`: forms generated by `scripts/gen-meeting-verbs.py`, read as more triggers.)
use tables::MEETING_VERBS;

/// The most fields a record of a knowledge file has (`scripts/check-data.py`
/// checks each file's count).
const MAX_FIELDS: usize = 9;

/// The fields of one record of a TSV knowledge file, held without allocating.
pub(crate) struct Record<'a> {
    fields: [&'a str; MAX_FIELDS],
    len: usize,
}

impl<'a> Record<'a> {
    pub(crate) fn as_slice(&self) -> &[&'a str] {
        &self.fields[..self.len]
    }
}

impl<'a> std::ops::Deref for Record<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        self.as_slice()
    }
}

/// The records of a TSV knowledge file: non-comment, non-blank lines split at tabs.
pub(crate) fn records(file: &str) -> impl Iterator<Item = Record<'_>> {
    file.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut record = Record { fields: [""; MAX_FIELDS], len: 0 };
            for (slot, field) in record.fields.iter_mut().zip(l.split('\t')) {
                *slot = field.trim();
                record.len += 1;
            }
            record
        })
}

pub(crate) fn forms(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|f| !f.is_empty())
}

fn is_arabic_script(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{FB50}'..='\u{FEFF}').contains(&c))
}

/// "US", "UK", "UAE": short all-capital forms that are also ordinary words in lower case.
fn is_all_capitals(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_uppercase()) && s.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '-')
}

fn opt(s: Option<&&str>) -> Option<String> {
    s.filter(|s| !s.is_empty()).map(|s| s.to_string())
}

/// Endings of an Arabic nisba adjective after its masculine singular
/// ("إيراني" → "إيرانية", "الإيرانيين", "إيرانياً"), longest first.
const NISBA_ENDINGS: &[&str] = &["تين", "تان", "ين", "ون", "ان", "ات", "ه", "ا"];

/// Room for the gazetteer's patterns (about ten thousand) without growing:
/// a table of twice as many would be twice as many pages to touch.
const PATTERNS_ROOM: usize = 12_000;

/// How a pattern may match.
#[derive(Debug, Clone, Default)]
struct PatternRule {
    /// Arabic script: may carry the proclitics و ف ب ل ك and the article ال.
    arabic: bool,
    /// An all-capital form ("US", "UK"), matched only in capitals: it is also a word in lower case.
    exact_case: Option<String>,
    /// An Arabic nisba adjective: may carry the feminine, dual and plural endings.
    nisba: bool,
    /// Its entities are all phrases, no name (see `mentions`); set once the
    /// entities of every pattern are known.
    phrase: bool,
}

struct Builder {
    /// Each pattern's index.
    patterns: HashMap<String, usize, BuildHasherDefault<Fnv>>,
    /// Each (pattern, entity) in the order added, repeats included.
    entities: Vec<(u32, Entity)>,
    rules: Vec<PatternRule>,
    /// The form being added, folded (one buffer for all the forms).
    folded: String,
}

/// FNV-1a, for the patterns' table: ten thousand short strings hashed at
/// start-up, where SipHash's guard against chosen keys buys nothing (the
/// keys are Didar's own data) and costs twice the time.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Builder {
    /// Add a form: folded, lower-cased (ASCII) for the tries, with its rule.
    fn add_form(&mut self, form: &str, entity: Entity, nisba: bool) {
        self.add_pattern(form, entity, nisba);
        for variant in spelling_variants(&self.folded) {
            self.add_pattern(&variant, entity, nisba);
        }
    }

    fn add_pattern(&mut self, form: &str, entity: Entity, nisba: bool) {
        fold_trimmed(form, &mut self.folded);
        if self.folded.chars().nth(1).is_none() {
            return;
        }
        let exact_case = is_all_capitals(&self.folded).then(|| self.folded.clone());
        self.folded.make_ascii_lowercase();
        let i = match self.patterns.get(self.folded.as_str()) {
            Some(&i) => {
                // A form given in lower case anywhere makes the pattern case-blind.
                if exact_case.is_none() {
                    self.rules[i].exact_case = None;
                }
                self.rules[i].nisba |= nisba;
                i
            }
            None => {
                self.patterns.insert(self.folded.clone(), self.rules.len());
                self.rules.push(PatternRule { arabic: is_arabic_script(&self.folded), exact_case, nisba, phrase: false });
                self.rules.len() - 1
            }
        };
        self.entities.push((i as u32, entity));
    }

    /// The entities of each pattern, pattern after pattern, each once in the
    /// order first added, and where each pattern's begin (see [`Knowledge::pattern_entities`]).
    fn entities_by_pattern(&self) -> (Vec<Entity>, Vec<u32>) {
        let mut start = vec![0u32; self.rules.len() + 1];
        for &(p, _) in &self.entities {
            start[p as usize + 1] += 1;
        }
        for p in 0..self.rules.len() {
            start[p + 1] += start[p];
        }
        // Filled in place, then each pattern's repeats taken out.
        let mut filled = start.clone();
        let mut all = vec![Entity::Rank; self.entities.len()];
        for &(p, entity) in &self.entities {
            all[filled[p as usize] as usize] = entity;
            filled[p as usize] += 1;
        }
        let mut entities = Vec::with_capacity(all.len());
        let mut starts = Vec::with_capacity(start.len());
        for p in 0..self.rules.len() {
            starts.push(entities.len() as u32);
            let first = entities.len();
            for &entity in &all[start[p] as usize..start[p + 1] as usize] {
                if !entities[first..].contains(&entity) {
                    entities.push(entity);
                }
            }
        }
        starts.push(entities.len() as u32);
        (entities, starts)
    }

    fn add(&mut self, form: &str, entity: Entity) {
        self.add_form(form, entity, false);
    }
}

impl Knowledge {
    /// The knowledge compiled into Didar, built on first use.
    pub fn get() -> &'static Knowledge {
        static K: OnceLock<Knowledge> = OnceLock::new();
        K.get_or_init(Knowledge::build)
    }

    pub fn party(&self, id: PartyId) -> &str {
        &self.parties[id as usize]
    }

    /// A readable description of an entity ("official Amir Hatami (IR, defense minister)").
    pub fn describe(&self, e: &Entity) -> String {
        match *e {
            Entity::Country(p) => format!("country {}", self.party(p)),
            Entity::Demonym(p) => format!("demonym {}", self.party(p)),
            Entity::Body(p) => format!("body {}", self.party(p)),
            Entity::City(c) => format!("city {}", self.cities[c as usize].name),
            Entity::Role(r) => format!("role {}", self.roles[r as usize]),
            Entity::Rank => "rank".into(),
            Entity::Official(o) => {
                let o = self.official(o);
                format!("official {} ({}, {}, {}..{})", o.name, self.party(o.party), o.role, o.from.map(|d| d.to_string()).unwrap_or_default(), o.to.map(|d| d.to_string()).unwrap_or_default())
            }
            Entity::Agency(a) => format!("agency {}", self.agencies[a as usize].name),
            Entity::Event(ev) => format!("event {}", self.events[ev as usize].id),
            Entity::Landmark(l) => format!("landmark {} ({})", self.landmarks[l as usize].id, self.landmarks[l as usize].date),
            Entity::Month(c, m) => format!("month {c:?} {m}"),
            Entity::Weekday(w) => format!("weekday {w}"),
            Entity::Ordinal(n) => format!("ordinal {n}"),
            Entity::Topic(t) => format!("topic {}", self.topics[t as usize]),
            Entity::Phrase(p) => format!("phrase {p:?}"),
        }
    }

    /// "Fifth" for 5 (English ordinal word, capitalised).
    pub fn ordinal_word(&self, n: u32) -> Option<&str> {
        u8::try_from(n).ok().and_then(|n| self.ordinal_words.get(&n)).map(String::as_str)
    }

    /// The number an English ordinal word stands for ("Fifth" → 5).
    pub fn ordinal_number(&self, word: &str) -> Option<u32> {
        self.ordinal_words.iter().find(|(_, w)| w.eq_ignore_ascii_case(word)).map(|(&n, _)| u32::from(n))
    }

    /// The English name of a party code ("IR" → "Iran"), or the code itself.
    pub fn party_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.party_id(code).and_then(|id| self.english_names.get(&id)).map_or(code, String::as_str)
    }

    pub fn party_id(&self, code: &str) -> Option<PartyId> {
        self.party_index.get(code).copied()
    }

    fn intern(&mut self, code: &str) -> PartyId {
        if let Some(&id) = self.party_index.get(code) {
            return id;
        }
        let id = self.parties.len() as PartyId;
        self.parties.push(code.to_string());
        self.party_index.insert(code.to_string(), id);
        id
    }

    fn build() -> Knowledge {
        let mut k = Knowledge {
            parties: Vec::new(),
            english_names: HashMap::new(),
            party_index: HashMap::new(),
            cities: Vec::new(),
            roles: Vec::new(),
            officials: Vec::new(),
            known_until: 0,
            agencies: Vec::new(),
            events: Vec::new(),
            editions: Vec::new(),
            landmarks: Vec::new(),
            topics: Vec::new(),
            ordinal_words: HashMap::new(),
            patterns: Vec::new(),
            pattern_entities: Vec::new(),
            entities_start: Vec::new(),
            pattern_rules: Vec::new(),
            proclitics: Trie::new(&[]),
            alphabet: Alphabet::new(&[], ALPHABET_CODES),
            script_keys: [0; 256],
            scripts: Default::default(),
        };
        let mut b = Builder { patterns: HashMap::with_capacity_and_hasher(PATTERNS_ROOM, Default::default()), entities: Vec::with_capacity(PATTERNS_ROOM), rules: Vec::with_capacity(PATTERNS_ROOM), folded: String::new() };

        let named_parties = [(COUNTRIES.text(), false), (COUNTRY_NAMES.text(), false), (BODIES.text(), true)];
        for (r, body) in named_parties.iter().flat_map(|&(file, body)| records(file).map(move |r| (r, body))) {
            if let [code, lang, names, ..] = r.as_slice() {
                let id = k.intern(code);
                if *lang == "en" {
                    if let Some(first) = forms(names).next() {
                        k.english_names.entry(id).or_insert_with(|| first.to_string());
                    }
                }
                for f in forms(names) {
                    b.add(f, if body { Entity::Body(id) } else { Entity::Country(id) });
                }
            }
        }
        for r in records(DEMONYMS.text()) {
            if let [code, lang, names, ..] = r.as_slice() {
                let id = k.intern(code);
                for f in forms(names) {
                    b.add_form(f, Entity::Demonym(id), *lang == "ar");
                }
            }
        }
        for r in records(CITIES.text()) {
            if let [name, country, capital, names, ..] = r.as_slice() {
                let country = k.intern(country);
                let i = k.cities.len() as u16;
                k.cities.push(City { name: name.to_string(), country, capital: *capital == "1" });
                for f in forms(names).chain(std::iter::once(*name)) {
                    b.add(f, Entity::City(i));
                }
            }
        }
        let mut role_index: HashMap<String, u16> = HashMap::new();
        for r in records(ROLES.text()) {
            if let [role, _lang, names, ..] = r.as_slice() {
                let i = *role_index.entry(role.to_string()).or_insert_with(|| {
                    k.roles.push(role.to_string());
                    (k.roles.len() - 1) as u16
                });
                for f in forms(names) {
                    b.add(f, Entity::Role(i));
                }
            }
        }
        for r in records(RANKS.text()) {
            if let [_lang, names, ..] = r.as_slice() {
                for f in forms(names) {
                    b.add(f, Entity::Rank);
                }
            }
        }
        for r in records(OFFICIALS.text()) {
            if let [party, name, role, from, to, names, ..] = r.as_slice() {
                let party = k.intern(party);
                let i = k.officials.len() as u16;
                k.officials.push(Official {
                    party,
                    name: name.to_string(),
                    role: role.to_string(),
                    from: PartialDate::parse(from),
                    to: PartialDate::parse(to),
                });
                for f in forms(names).chain(std::iter::once(*name)) {
                    b.add(f, Entity::Official(i));
                }
            }
        }
        k.known_until = k.officials.iter().flat_map(|o| [o.from, o.to]).flatten().map(|d| d.year).max().map_or(2100, |y| y + 1);
        for r in records(AGENCIES.text()) {
            if let [name, country, names, ..] = r.as_slice() {
                let i = k.agencies.len() as u16;
                let country = (!country.is_empty()).then(|| k.intern(country));
                k.agencies.push(Agency { name: name.to_string(), country });
                for f in forms(names) {
                    b.add(f, Entity::Agency(i));
                }
            }
        }
        let mut event_index: HashMap<String, u16> = HashMap::new();
        for r in records(EVENTS.text()) {
            if let [id, canonical, names, ..] = r.as_slice() {
                let i = *event_index.entry(id.to_string()).or_insert_with(|| {
                    k.events.push(Event { id: id.to_string(), canonical: canonical.to_string() });
                    (k.events.len() - 1) as u16
                });
                for f in forms(names) {
                    b.add(f, Entity::Event(i));
                }
            }
        }
        for r in records(EDITIONS.text()) {
            if let [id, number, year, start, end, rest @ ..] = r.as_slice() {
                let (Some(&event), Ok(year)) = (event_index.get(*id), year.parse()) else { continue };
                let city = opt(rest.first());
                let country = opt(rest.get(1)).map(|c| k.intern(&c));
                k.editions.push(Edition {
                    event,
                    number: number.parse().ok(),
                    year,
                    start: PartialDate::parse(start),
                    end: PartialDate::parse(end),
                    city,
                    country,
                });
            }
        }
        for r in records(LANDMARKS.text()) {
            // id, date, end, kind, source, then the forms in en, ar, fa, ur.
            if let [id, date, end, _kind, _source, names @ ..] = r.as_slice() {
                let Some(date) = PartialDate::parse(date) else { continue };
                let i = k.landmarks.len() as u16;
                let name = names.first().and_then(|n| forms(n).next()).unwrap_or(id).to_string();
                k.landmarks.push(Landmark { id: id.to_string(), date, end: PartialDate::parse(end), name });
                for f in names.iter().flat_map(|n| forms(n)) {
                    b.add(f, Entity::Landmark(i));
                }
            }
        }
        for r in records(MONTHS.text()) {
            if let [calendar, month, _lang, names, ..] = r.as_slice() {
                let calendar = match *calendar {
                    "gregorian" => Calendar::Gregorian,
                    "jalali" => Calendar::Jalali,
                    "hijri" => Calendar::Hijri,
                    _ => continue,
                };
                let Ok(month) = month.parse::<u8>() else { continue };
                for f in forms(names) {
                    b.add(f, Entity::Month(calendar, month));
                }
            }
        }
        for r in records(WEEKDAYS.text()) {
            if let [day, _lang, names, ..] = r.as_slice() {
                let Ok(day) = day.parse::<u8>() else { continue };
                for f in forms(names) {
                    b.add(f, Entity::Weekday(day));
                }
            }
        }
        for r in records(ORDINALS.text()) {
            if let [n, lang, names, ..] = r.as_slice() {
                let Ok(n) = n.parse::<u8>() else { continue };
                if *lang == "en" {
                    if let Some(word) = forms(names).next() {
                        let mut c = word.chars();
                        let capitalised: String = c.next().map(|f| f.to_ascii_uppercase()).into_iter().chain(c).collect();
                        k.ordinal_words.entry(n).or_insert(capitalised);
                    }
                }
                for f in forms(names) {
                    b.add(f, Entity::Ordinal(n));
                }
            }
        }
        for r in records(TOPICS.text()) {
            if let [topic, _lang, names, ..] = r.as_slice() {
                let i = match k.topics.iter().position(|t| t == topic) {
                    Some(i) => i,
                    None => {
                        k.topics.push(topic.to_string());
                        k.topics.len() - 1
                    }
                } as u16;
                for f in forms(names) {
                    b.add(f, Entity::Topic(i));
                }
            }
        }
        for r in records(TRIGGERS.text()).into_iter().chain(records(MEETING_VERBS.text())) {
            if let [kind, _lang, names, ..] = r.as_slice() {
                let Some(kind) = Phrase::parse(kind) else { continue };
                for f in forms(names) {
                    b.add(f, Entity::Phrase(kind));
                }
            }
        }

        (k.pattern_entities, k.entities_start) = b.entities_by_pattern();
        for (p, rule) in b.rules.iter_mut().enumerate() {
            rule.phrase = k.entities_of(p).iter().all(|e| matches!(e, Entity::Phrase(_)));
        }
        // The patterns in the order of their indices.
        let mut list = vec![String::new(); b.rules.len()];
        for (pattern, i) in b.patterns {
            list[i] = pattern;
        }
        k.alphabet = Alphabet::new(&list, ALPHABET_CODES);
        k.proclitics = proclitic_runs(&k.alphabet);
        for (i, (pattern, rule)) in list.iter().zip(&b.rules).enumerate() {
            let script = if rule.arabic { ARABIC_SCRIPT } else { 1 };
            k.scripts[script].patterns.push(i as u32);
            // "20th" needs a "t": digits and signs are in the texts of every script.
            let key = pattern.chars().find(|c| !c.is_ascii_digit() && !c.is_ascii_punctuation() && *c != ' ').or_else(|| pattern.chars().next());
            if let Some(key) = key {
                k.script_keys[usize::from(k.alphabet.code(key))] |= 1 << script;
            }
        }
        k.patterns = list;
        k.pattern_rules = b.rules;
        k
    }

    /// The trie of a script's patterns, built the first time it is asked for.
    fn trie(&self, script: usize) -> &Trie {
        let forms = &self.scripts[script];
        forms.trie.get_or_init(|| {
            // The patterns' codes, one after the other, and where each ends.
            let mut codes = Vec::new();
            let mut ends = Vec::with_capacity(forms.patterns.len());
            for &p in &forms.patterns {
                codes.extend(self.patterns[p as usize].chars().map(|c| self.alphabet.code(c)));
                ends.push(codes.len());
            }
            let mut start = 0;
            let encoded: Vec<&[u8]> = ends
                .iter()
                .map(|&end| {
                    let pattern = &codes[start..end];
                    start = end;
                    pattern
                })
                .collect();
            Trie::new(&encoded)
        })
    }

    /// Build the tries of every script now, rather than for the first text that needs each.
    pub fn build_every_script(&self) {
        for script in 0..SCRIPTS {
            self.trie(script);
        }
    }

    /// Every known form in a folded text, whole words only (Arabic-script
    /// forms may carry the proclitics و ف ب ل ك and the article ال), longest
    /// first where forms overlap.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let encoded = self.alphabet.encode(text);
        let scripts = encoded.codes.iter().fold(0, |scripts, &c| scripts | self.script_keys[usize::from(c)]);
        // (start, end, is a name, pattern)
        let mut found: Vec<(usize, usize, bool, usize)> = Vec::with_capacity(encoded.word_starts.len());
        for script in (0..SCRIPTS).filter(|s| scripts & (1 << s) != 0) {
            let forms = Forms { knowledge: self, script, trie: self.trie(script), text, encoded: &encoded };
            // A form begins where a word does, or (Arabic script) after
            // proclitics (`is_proclitic`): the trie is walked from those places only.
            for &word in &encoded.word_starts {
                let word = word as usize;
                forms.find(word, word, &mut found);
                if script != ARABIC_SCRIPT {
                    continue;
                }
                // (Two runs could have one length only if their letters shared codes.)
                let mut last = 0;
                self.proclitics.prefixes_of(&encoded.codes[word..], |_, len| {
                    if len != last {
                        last = len;
                        forms.find(word + len, word, &mut found);
                    }
                });
            }
        }
        // (A span found by both scripts' patterns would need the order of the
        // scripts here; none can be: see `nisba_forms_are_arabic_script`.)
        order::sort_by_key(&mut found, |&(s, e, name, p)| (std::cmp::Reverse(e - s), s, name, p));
        // Overlapping names: the longest wins. Phrases may overlap one another (so
        // "to hold talks", planned, leaves "hold talks", meet, in place) and are
        // dropped only inside a longer name: a phrase that is also a name
        // ("الوزيران", the two ministers) comes first and is kept.
        // Names with exactly the same span ("روسيا": the state, and the adjective
        // "روسي" with an ending) are all kept. The sort puts them next to each
        // other, so the last name kept is the only one to compare with.
        let mut taken = vec![false; text.len()];
        let mut last_accepted = None;
        let mut out = Vec::with_capacity(found.len());
        for (s, e, name, p) in found {
            // "محمد بن سلمان بن عبد العزيز": a name after "bin" is the father's, part of another's name.
            if name && is_patronymic(text, s) {
                continue;
            }
            if !name {
                if taken[s..e].iter().all(|t| *t) {
                    continue;
                }
            } else if last_accepted == Some((s, e)) {
                // Same span as a name already kept.
            } else if taken[s..e].iter().any(|t| *t) {
                continue;
            } else {
                taken[s..e].iter_mut().for_each(|t| *t = true);
                last_accepted = Some((s, e));
            }
            for &entity in self.entities_of(p) {
                out.push(Mention { start: s, end: e, entity });
            }
        }
        order::sort_by_key(&mut out, |m| (m.start, m.end));
        out
    }

    /// The entities a pattern refers to.
    fn entities_of(&self, pattern: usize) -> &[Entity] {
        &self.pattern_entities[self.entities_start[pattern] as usize..self.entities_start[pattern + 1] as usize]
    }

    /// Officials whose name matches and who held office at `date` (if known).
    pub fn official(&self, i: u16) -> &Official {
        &self.officials[i as usize]
    }
}

/// How many one-byte codes the tries have for characters other than ASCII.
const ALPHABET_CODES: usize = 127;

/// The tries read one byte per character: ASCII as itself, lower-cased
/// (so that knowledge matches ignoring ASCII case), every other character of
/// the patterns as a code of its own from 0x80 up, and any character that is
/// in no pattern as 0x00. Arabic-script letters, two bytes in UTF-8, so take
/// one: a trie has about a third fewer nodes, and a walk fewer steps.
/// Whole characters map to whole codes, so the matches are exactly those of
/// the patterns in the lower-cased text.
struct Alphabet {
    /// For each character below U+0800 (ASCII, Latin, Arabic script): its
    /// code, and the `WORD_CHAR` bit if it is a letter or digit of a word.
    low: Box<[u16; 0x800]>,
    /// Codes of the characters above, sorted.
    high: Vec<(char, u8)>,
    /// More characters than codes: the rarest share codes, and each match is
    /// checked against its pattern.
    shared: bool,
}

impl Alphabet {
    fn new(patterns: &[String], codes: usize) -> Alphabet {
        // How often each character other than ASCII occurs in the patterns.
        let mut low = vec![0usize; 0x800];
        let mut high: Vec<(char, usize)> = Vec::new();
        for pattern in patterns {
            for c in pattern.chars().filter(|c| !c.is_ascii()) {
                match low.get_mut(c as usize) {
                    Some(n) => *n += 1,
                    None => match high.iter_mut().find(|(x, _)| *x == c) {
                        Some((_, n)) => *n += 1,
                        None => high.push((c, 1)),
                    },
                }
            }
        }
        let mut counts: Vec<(char, usize)> = low.iter().enumerate().filter(|(_, n)| **n > 0).filter_map(|(c, &n)| Some((char::from_u32(c as u32)?, n))).chain(high).collect();
        // The most frequent characters first; ties in a fixed order.
        order::sort_by_key(&mut counts, |&(c, n)| (std::cmp::Reverse(n), c));
        let mut alphabet = Alphabet { low: Box::new([0; 0x800]), high: Vec::new(), shared: counts.len() > codes };
        for (c, entry) in alphabet.low.iter_mut().enumerate().filter_map(|(c, entry)| Some((char::from_u32(c as u32)?, entry))) {
            *entry = if c.is_ascii() { u16::from(c.to_ascii_lowercase() as u8) } else { 0 } | if is_word_char(c) { WORD_CHAR } else { 0 };
        }
        for (i, &(c, _)) in counts.iter().enumerate() {
            let code = 0x80 + (i % codes) as u8;
            match alphabet.low.get_mut(c as usize) {
                Some(entry) => *entry |= u16::from(code),
                None => alphabet.high.push((c, code)),
            }
        }
        order::sort(&mut alphabet.high);
        alphabet
    }

    /// The code of a character.
    fn code(&self, c: char) -> u8 {
        if let Some(&entry) = self.low.get(c as usize) {
            entry as u8
        } else {
            self.high.binary_search_by_key(&c, |&(x, _)| x).map_or(0, |i| self.high[i].1)
        }
    }

    /// Is the match of `pattern` at `text[start..end]` real (not one of characters sharing a code)?
    fn confirms(&self, text: &str, start: usize, end: usize, pattern: &str) -> bool {
        !self.shared || text[start..end].eq_ignore_ascii_case(pattern)
    }

    /// The codes of a text, their offsets, and where its words start.
    fn encode(&self, text: &str) -> Encoded {
        let bytes = text.as_bytes();
        // At most one code, and one word start, per byte: written in place, then cut to length.
        let mut codes = vec![0; text.len()];
        let mut offsets = vec![0; text.len() + 1];
        let mut word_starts = vec![0; text.len()];
        let (mut i, mut n, mut words, mut in_word) = (0, 0, 0, false);
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII and the two-byte characters (Arabic script among them) are
            // read from their bytes, without a branch between the two (they
            // alternate at every space); the others are decoded.
            let (entry, len) = if b < 0xE0 {
                // Below 0xE0, a byte that begins a character is ASCII or the
                // lead byte of a two-byte character (the text is UTF-8).
                let two = b >= 0x80;
                let next = usize::from(bytes.get(i + 1).copied().unwrap_or(0) & 0x3F);
                let c = if two { usize::from(b & 0x1F) << 6 | next } else { usize::from(b) };
                (self.low[c], 1 + usize::from(two))
            } else {
                let c = text[i..].chars().next().unwrap_or_default();
                (u16::from(self.code(c)) | if is_word_char(c) { WORD_CHAR } else { 0 }, c.len_utf8())
            };
            let word = entry & WORD_CHAR != 0;
            word_starts[words] = n as u32;
            words += usize::from(word && !in_word);
            in_word = word;
            codes[n] = entry as u8;
            offsets[n] = i as u32;
            n += 1;
            i += len;
        }
        codes.truncate(n);
        offsets[n] = text.len() as u32;
        offsets.truncate(n + 1);
        word_starts.truncate(words);
        Encoded { codes, offsets, word_starts }
    }
}

/// The bit of an `Alphabet::low` entry for a letter or digit of a word.
const WORD_CHAR: u16 = 1 << 8;

/// A text as the tries read it.
struct Encoded {
    /// One code per character.
    codes: Vec<u8>,
    /// For each code, and one past the last, its byte offset in the text.
    offsets: Vec<u32>,
    /// The codes that begin a word.
    word_starts: Vec<u32>,
}

/// The forms of one script in a text.
struct Forms<'a> {
    knowledge: &'a Knowledge,
    script: usize,
    trie: &'a Trie,
    text: &'a str,
    encoded: &'a Encoded,
}

impl Forms<'_> {
    /// The forms that begin at character `at` of a word that begins at
    /// character `word` (before `at` if proclitics come first), as (start,
    /// end, is a name, pattern) with the span of the whole word.
    #[inline]
    fn find(&self, at: usize, word: usize, found: &mut Vec<(usize, usize, bool, usize)>) {
        let (k, text, offsets) = (self.knowledge, self.text, &self.encoded.offsets);
        self.trie.prefixes_of(&self.encoded.codes[at..], |form, len| {
            let p = k.scripts[self.script].patterns[form] as usize;
            let rule = &k.pattern_rules[p];
            let (s, e) = (offsets[at] as usize, offsets[at + len] as usize);
            if !k.alphabet.confirms(text, s, e, &k.patterns[p]) || rule.exact_case.as_ref().is_some_and(|exact| text[s..e] != *exact) {
                return;
            }
            if let Some(end) = word_end(text, e, rule.nisba) {
                found.push((offsets[word] as usize, end, !rule.phrase, p));
            }
        });
    }
}

/// The other ways Arabic script writes a folded form: the preposition ل before the
/// article ال as لل ("للجمعية العامة", "للرئيس الروسي", which the proclitics, a run
/// before the form, cannot give); and the name prefix عبد written apart or joined
/// ("عبد الله" and "عبدالله", "عبدالعزيز" and "عبد العزيز").
fn spelling_variants(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(rest) = folded.strip_prefix("ال").filter(|r| r.chars().nth(1).is_some()) {
        out.push(format!("لل{rest}"));
    }
    // (Only before ال or ا, where the two spellings are one name: not "عبد" before another word.
    // Most forms lack عبد: they are not split into words.)
    if !folded.contains("عبد") {
        return out;
    }
    let words: Vec<&str> = folded.split(' ').collect();
    if words.iter().any(|w| *w == "عبد") || words.iter().any(|w| w.len() > "عبد".len() && w.starts_with("عبدا")) {
        let joined = folded.replace("عبد ا", "عبدا");
        if joined != folded {
            out.push(joined);
        }
        let apart: Vec<String> = words.iter().map(|w| if w.starts_with("عبدا") && w.len() > "عبدا".len() + 2 { format!("عبد {}", &w["عبد".len()..]) } else { w.to_string() }).collect();
        let apart = apart.join(" ");
        if apart != folded {
            out.push(apart);
        }
    }
    out
}

/// Does the name starting at `start` follow "bin" (بن, ابن, bint): the father's name
/// within another person's ("محمد بن سلمان بن عبد العزيز", "Mohammed bin Salman bin Abdulaziz")?
fn is_patronymic(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    before.len() < start && ["بن", "ابن", "بنت", "bin", "bint", "ibn", "Bin", "Ibn"].iter().any(|w| {
        before.strip_suffix(w).is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

/// Where the word ends whose form ends at `end`: there, or past one of the
/// nisba endings (if a nisba's); none if the word goes on.
fn word_end(text: &str, end: usize, nisba: bool) -> Option<usize> {
    let at_boundary = |i: usize| text[i..].chars().next().map_or(true, |c| !is_word_char(c));
    if at_boundary(end) {
        Some(end)
    } else if nisba {
        NISBA_ENDINGS.iter().map(|s| end + s.len()).find(|&e| text[end..].len() >= e - end && text.is_char_boundary(e) && NISBA_ENDINGS.contains(&&text[end..e]) && at_boundary(e))
    } else {
        None
    }
}

/// Arabic proclitics that may be written joined to a word: a conjunction
/// (و ف), a preposition (ب ل ك) and the article (ال, or ل after لـ).
const PROCLITICS: [&[&str]; 3] = [&["و", "ف"], &["ب", "ل", "ك"], &["ال", "ل"]];

/// A trie of every run of proclitics that `is_proclitic` accepts.
fn proclitic_runs(alphabet: &Alphabet) -> Trie {
    let mut runs = vec![String::new()];
    for set in PROCLITICS {
        runs = runs.iter().flat_map(|run| std::iter::once(run.clone()).chain(set.iter().map(move |p| format!("{run}{p}")))).collect();
    }
    runs.retain(|run| !run.is_empty() && is_proclitic(run));
    order::sort(&mut runs);
    runs.dedup();
    let codes: Vec<Vec<u8>> = runs.iter().map(|run| run.chars().map(|c| alphabet.code(c)).collect()).collect();
    Trie::new(&codes.iter().map(Vec::as_slice).collect::<Vec<_>>())
}

fn is_proclitic(prefix: &str) -> bool {
    let mut rest = prefix;
    for set in PROCLITICS {
        if let Some(p) = set.iter().find(|p| rest.starts_with(**p)) {
            rest = &rest[p.len()..];
        }
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_proclitics_are_recognised() {
        for p in ["و", "وب", "بال", "وال", "لل", "ف", "ك"] {
            assert!(is_proclitic(p), "{p}");
        }
        for p in ["م", "ست", "اي"] {
            assert!(!is_proclitic(p), "{p}");
        }
    }

    #[test]
    fn nisba_adjectives_match_with_their_endings() {
        let k = Knowledge::get();
        let iran = k.party_id("IR").unwrap();
        for word in ["ايراني", "الايراني", "ايرانيه", "الايرانيين", "وايرانيا", "بالإيرانية"] {
            let text = crate::text::fold(&format!("قال {word} امس"));
            let m = k.mentions(&text);
            // The mention covers the whole word: proclitics, adjective, ending.
            let (word_start, word_end) = ("قال ".len(), text.find(" امس").unwrap());
            assert!(m.iter().any(|m| m.entity == Entity::Demonym(iran) && (m.start, m.end) == (word_start, word_end)), "{word}: {m:?}");
        }
        // Not an ending: a longer word.
        assert!(!k.mentions(&crate::text::fold("ايرانيستان")).iter().any(|m| m.entity == Entity::Demonym(iran)));
    }

    #[test]
    fn characters_beyond_the_codes_share_them_and_matches_are_checked() {
        let patterns: Vec<String> = ["روس", "تهران", "kazan"].map(String::from).to_vec();
        let alphabet = Alphabet::new(&patterns, 3);
        assert!(alphabet.shared);
        let encode = |a: &Alphabet, p: &str| -> Vec<u8> { p.chars().map(|c| a.code(c)).collect() };
        let encoded: Vec<Vec<u8>> = patterns.iter().map(|p| encode(&alphabet, p)).collect();
        let trie = Trie::new(&encoded.iter().map(Vec::as_slice).collect::<Vec<_>>());
        let text = "Kazan تهران ههران";
        let Encoded { codes, offsets, word_starts } = alphabet.encode(text);
        let mut found: Vec<(&str, bool)> = Vec::new();
        for &w in &word_starts {
            trie.prefixes_of(&codes[w as usize..], |form, len| {
                let (s, e) = (offsets[w as usize] as usize, offsets[w as usize + len] as usize);
                found.push((&text[s..e], alphabet.confirms(text, s, e, &patterns[form])));
            });
        }
        // "ههران" has the codes of "تهران" (ت and ه share one) but is no match.
        assert_eq!(found, [("Kazan", true), ("تهران", true), ("ههران", false)]);
        assert!(!Knowledge::get().alphabet.shared, "the knowledge's characters have a code each");
    }

    #[test]
    fn texts_are_encoded_character_by_character() {
        let alphabet = &Knowledge::get().alphabet;
        let text: String = ('\u{0}'..='\u{07FF}').chain(['\u{0800}', '\u{FB50}', '\u{FEFF}', '\u{10000}']).collect();
        let Encoded { codes, offsets, word_starts } = alphabet.encode(&text);
        let expected: Vec<(u8, u32)> = text.char_indices().map(|(i, c)| (alphabet.code(c), i as u32)).collect();
        assert_eq!(codes.into_iter().zip(offsets.iter().copied()).collect::<Vec<_>>(), expected);
        assert_eq!(offsets.last(), Some(&(text.len() as u32)));
        let mut previous_is_word = false;
        let starts: Vec<u32> = text
            .chars()
            .enumerate()
            .filter_map(|(i, c)| {
                let starts = is_word_char(c) && !previous_is_word;
                previous_is_word = is_word_char(c);
                starts.then_some(i as u32)
            })
            .collect();
        assert_eq!(word_starts, starts);
    }

    #[test]
    fn records_hold_every_field() {
        let files = [COUNTRIES, COUNTRY_NAMES, DEMONYMS, CITIES, BODIES, ROLES, RANKS, OFFICIALS, AGENCIES, EVENTS, EDITIONS, LANDMARKS, MONTHS, WEEKDAYS, ORDINALS, TRIGGERS, TOPICS, INTERFACE_NAMES];
        for file in files.map(|t| t.text()) {
            let widest = file.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').count()).max().unwrap_or(0);
            assert!(widest <= MAX_FIELDS, "{widest} fields");
        }
    }

    #[test]
    fn nisba_forms_are_arabic_script() {
        // A span is then found by one script's patterns only: a form of the
        // other scripts never takes an Arabic ending or proclitic.
        let k = Knowledge::get();
        assert!(k.pattern_rules.iter().all(|r| r.arabic || !r.nisba));
    }

    #[test]
    fn a_phrase_that_is_also_a_name_is_kept_beside_it() {
        let k = Knowledge::get();
        let text = crate::text::fold("تبادل الوزيران وجهات النظر");
        let m: Vec<Entity> = k.mentions(&text).iter().filter(|m| &text[m.start..m.end] == "الوزيران").map(|m| m.entity).collect();
        assert!(m.contains(&Entity::Phrase(Phrase::Anaphor)), "{m:?}");
        assert!(m.iter().any(|e| matches!(e, Entity::Role(_))), "{m:?}");
    }

    #[test]
    fn every_form_begins_with_a_letter_or_digit() {
        // The tries are walked only from where words begin (see `mentions`).
        let k = Knowledge::get();
        for p in &k.patterns {
            assert!(p.chars().next().is_some_and(is_word_char), "{p}");
        }
    }

    #[test]
    fn a_text_of_two_scripts_is_read_with_both_tries() {
        let k = Knowledge::get();
        let (ir, kz) = (k.party_id("IR").unwrap(), k.party_id("KZ").unwrap());
        let text = crate::text::fold("Kazakhstan و الإيراني on the 20th");
        let m = k.mentions(&text);
        assert!(m.iter().any(|m| m.entity == Entity::Country(kz)), "{m:?}");
        assert!(m.iter().any(|m| m.entity == Entity::Demonym(ir)), "{m:?}");
        assert!(m.iter().any(|m| m.entity == Entity::Ordinal(20)), "{m:?}");
    }

    #[test]
    fn all_capital_forms_match_only_in_capitals() {
        let k = Knowledge::get();
        let us = k.party_id("US").unwrap();
        assert!(k.mentions("the US envoy").iter().any(|m| m.entity == Entity::Country(us)));
        assert!(!k.mentions("he told us").iter().any(|m| m.entity == Entity::Country(us)));
        // Other English forms ignore case.
        let ir = k.party_id("IR").unwrap();
        assert!(k.mentions("TEHRAN, IRAN").iter().any(|m| m.entity == Entity::Country(ir)));
    }
}
