//! Stage: topics. The topics of the taxonomy named in a meeting's passage.

use crate::model::order;
use super::reader::Reader;
use crate::knowledge::Entity;
use crate::text::Sentence;

/// The topics named in a passage, in the taxonomy's order.
pub(super) fn topics(reader: &Reader, start: usize, end: usize) -> Vec<String> {
    let mut found: Vec<u16> = reader
        .mentions_in(&Sentence { start, end })
        .filter_map(|m| if let Entity::Topic(t) = m.entity { Some(t) } else { None })
        .collect();
    order::sort(&mut found);
    found.dedup();
    found.into_iter().map(|t| reader.k.topics[t as usize].clone()).collect()
}
