//! Stage: topics. The topics of the taxonomy named in a meeting's passage.

#![allow(unused_imports)]
use super::actors::*;
use super::date::*;
use super::dates::{self, DateMention};
use super::frames::*;
use super::meeting::*;
use super::names::*;
use super::occasion::*;
use super::participants::*;
use super::place::*;
use super::reader::*;
use super::refine::*;
use crate::knowledge::occasions;
use crate::knowledge::{Edition, Entity, Knowledge, Mention, PartyId, Phrase, Relative};
use crate::model::calendar::Ymd;
use crate::model::{Analysis, Article, Evidence, Location, Meeting, Mode, Participant, PartialDate, Status};
use crate::text::lang;
use crate::text::{self, Folded, Sentence};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::OnceCell;
use std::collections::BTreeSet;

/// The topics named in a passage, in the taxonomy's order.
pub(super) fn topics(reader: &Reader, start: usize, end: usize) -> Vec<String> {
    let mut found: Vec<u16> = reader
        .mentions_in(&Sentence { start, end })
        .filter_map(|m| if let Entity::Topic(t) = m.entity { Some(t) } else { None })
        .collect();
    found.sort_unstable();
    found.dedup();
    found.into_iter().map(|t| reader.k.topics[t as usize].clone()).collect()
}
