//! Names the knowledge does not hold, as the text writes them: after a role
//! ("وزيرة دفاع ...، ماري نويل كويارا", "Defence Minister Baktybek Bekbolotov")
//! or a rank ("اللواء إمام علي صابرزاده", "General Ali Abdullah Ayyoub").

use crate::model::order;
use super::reader::{MAX_CONNECTOR_GAP, Reader};
use crate::knowledge::romanise::{is_name_particle, is_name_stop};
use crate::knowledge::{Entity, Mention};

/// The names written after ranks ("اللواء إمام علي صابرزاده"), read once.
pub(super) struct RankNames {
    /// (the rank's mention index, the name, where the name ends), by mention index.
    pub(super) by_mention: Vec<(usize, String, usize)>,
    /// (where the name ends, position in `by_mention`), by end.
    pub(super) by_end: Vec<(usize, usize)>,
}

impl<'a> Reader<'a> {
    /// The name after a rank that stands right before or right after a span:
    /// "اللواء إمام علي صابرزاده وزير دفاع ..." or "وزير الدفاع ... العميد X".
    /// (The first such rank in text order: one whose name ends at most a connector's
    /// gap before the span, or one that starts at most that gap after it.)
    pub(super) fn rank_name_near(&self, start: usize, end: usize) -> Option<String> {
        let ranks = self.rank_names.get_or_init(|| {
            let by_mention: Vec<(usize, String, usize)> = (self.mentions.iter().enumerate())
                .filter(|(_, m)| m.entity == Entity::Rank)
                .filter_map(|(i, r)| {
                    let name = self.name_after_rank(r)?;
                    let name_end = self.text[r.end..].find(name.as_str()).map(|n| r.end + n + name.len())?;
                    Some((i, name, name_end))
                })
                .collect();
            let mut by_end: Vec<(usize, usize)> = by_mention.iter().enumerate().map(|(n, r)| (r.2, n)).collect();
            order::sort(&mut by_end);
            RankNames { by_mention, by_end }
        });
        let from = ranks.by_end.partition_point(|&(name_end, _)| name_end < start.saturating_sub(MAX_CONNECTOR_GAP));
        let before = (ranks.by_end[from..].iter())
            .take_while(|&&(name_end, _)| name_end <= start)
            .filter(|&&(name_end, _)| self.gap_is_connector(name_end, start))
            .map(|&(_, n)| n);
        let after_from = ranks.by_mention.partition_point(|r| self.mentions[r.0].start < end);
        let after = (after_from..ranks.by_mention.len())
            .take_while(|&n| self.mentions[ranks.by_mention[n].0].start <= end + MAX_CONNECTOR_GAP)
            .filter(|&n| self.gap_is_connector(end, self.mentions[ranks.by_mention[n].0].start));
        before.chain(after).min().map(|n| ranks.by_mention[n].1.clone())
    }

    /// A name in apposition after a role phrase: "وزيرة دفاع جمهورية أفريقيا الوسطى، ماري نويل كويارا",
    /// "Kazakhstan's Defence Minister, Lieutenant General Nurlan Yermekbayev".
    pub(super) fn name_after(&self, pos: usize) -> Option<String> {
        let rest = &self.text[pos..];
        let rest = rest.strip_prefix('،').or_else(|| rest.strip_prefix(','))?;
        let start = self.text.len() - rest.trim_start_matches(' ').len();
        self.written_name(start)
    }

    /// A Latin name written right after an English role phrase, without a
    /// comma: "Kyrgyz Defence Minister Baktybek Bekbolotov held talks". Two to
    /// four capitalised words (and name particles such as "bin" between them),
    /// ending at the first other word, punctuation or known form.
    pub(super) fn latin_name_after(&self, pos: usize) -> Option<String> {
        const PARTICLES: [&str; 8] = ["bin", "bint", "ibn", "al", "el", "de", "van", "von"];
        let rest = self.text.get(pos..)?.strip_prefix(' ')?;
        let start = self.text.len() - rest.len();
        let next_mention = self.first_ending_after(start).map_or(self.text.len(), |m| m.start);
        let latin = |c: char| c.is_alphabetic() && (c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c));
        let mut words: Vec<&str> = Vec::new();
        for w in self.text[start..next_mention.max(start)].split(' ') {
            let bare = w.strip_suffix("'s").unwrap_or(w);
            // ("al-Araji": the article's particle joined to a capitalised name.)
            let capital = ["al-", "el-"].iter().find_map(|p| bare.strip_prefix(p)).unwrap_or(bare);
            let name_word = bare.chars().count() >= 2 && bare.chars().all(|c| latin(c) || c == '-' || c == '\'') && capital.starts_with(|c: char| c.is_uppercase());
            if name_word {
                words.push(bare);
            } else if PARTICLES.contains(&w) && !words.is_empty() {
                words.push(w);
            } else {
                break;
            }
            if bare.len() < w.len() || words.len() > 6 {
                break;
            }
        }
        while words.last().is_some_and(|w| PARTICLES.contains(w)) {
            words.pop();
        }
        let capitalised = words.iter().filter(|w| !PARTICLES.contains(w)).count();
        (2..=4).contains(&capitalised).then(|| words.join(" "))
    }

    /// A name written right after a rank ("اللواء إمام علي صابرزاده", "General Ali Abdullah Ayyoub").
    pub(super) fn name_after_rank(&self, rank: &Mention) -> Option<String> {
        let start = rank.end + (self.text[rank.end..].len() - self.text[rank.end..].trim_start_matches(' ').len());
        self.written_name(start)
    }

    /// One to four words (and a full name's particles) that are not known forms,
    /// ending at punctuation, at a known form or at a word that ends a name.
    pub(super) fn written_name(&self, start: usize) -> Option<String> {
        let mut start = start;
        // Skip (further) ranks before the name.
        while let Some(m) = self.from(start).iter().take_while(|m| m.start == start).find(|m| m.entity == Entity::Rank) {
            start = m.end + (self.text[m.end..].len() - self.text[m.end..].trim_start_matches(' ').len());
        }
        let next_mention = self.first_ending_after(start).map_or(self.text.len(), |m| m.start);
        if next_mention <= start {
            return None;
        }
        let stop = self.text[start..]
            .find(['\n', '،', ',', '.', '(', ')', ':', '"', '؛', '-'])
            .map_or(self.text.len(), |i| start + i)
            .min(next_mention);
        let mut words: Vec<&str> = self.text[start..stop].split(' ').filter(|w| !w.is_empty()).collect();
        // A word that is never part of a name ends it: the Urdu postposition after
        // it ("... واڈیفل نے"), a preposition (`stop` of data/name-parts.tsv).
        if let Some(n) = words.iter().position(|w| is_name_stop(w)) {
            words.truncate(n);
        }
        let plausible = |w: &&str| w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-');
        // (A full name is longer by its particles: "محمد بن زايد آل نهيان".)
        let particles = words.iter().filter(|w| is_name_particle(w)).count().min(2);
        if words.is_empty() || words.len() > 4 + particles || !words.iter().all(plausible) {
            return None;
        }
        // Latin names are capitalised.
        if words.iter().any(|w| w.starts_with(|c: char| c.is_ascii_lowercase())) {
            return None;
        }
        Some(words.join(" "))
    }
}
