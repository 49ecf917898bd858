//! The gazetteer's forms as a double-array trie over one-byte codes.
//!
//! A known form begins where a word begins (or after Arabic proclitics), so
//! the forms need not be found at every character, as an Aho-Corasick
//! automaton finds them: the trie is walked from each place a word begins,
//! and reports every form that starts there. A step costs one addition and
//! one comparison, and building the trie needs no failure links.
//!
//! The child of slot `s` by code `c` is slot `base[s] + c`, which belongs to
//! `s` when `parent[s + c] == s` (Aoe, "An efficient digital search
//! algorithm by using a double-array structure", 1989).

/// A slot no node occupies.
const FREE: u32 = u32::MAX;
/// The root's slot.
const ROOT: u32 = 0;
/// The root's parent: none.
const NO_PARENT: u32 = FREE - 1;
/// The bit of `base` marking a slot where forms end.
const ENDS: u32 = 1 << 31;

pub struct Trie {
    /// For each slot: the slot of its parent (or `FREE`), and the base of
    /// its children with the `ENDS` bit. A step reads one pair.
    slots: Vec<Slot>,
    /// For each slot and one past the last: where its forms start in `forms`.
    forms_start: Vec<u32>,
    /// The forms, by the slot they end at.
    forms: Vec<u32>,
}

impl Trie {
    /// A trie of the forms, each a sequence of codes; a form is known by its
    /// index. Empty forms are left out (they begin and end everywhere).
    pub fn new(forms: &[&[u8]]) -> Trie {
        let mut order: Vec<u32> = (0..forms.len() as u32).filter(|&f| !forms[f as usize].is_empty()).collect();
        crate::model::order::sort_by_key(&mut order, |&f| forms[f as usize]);
        let mut builder = Builder::new();
        // Nodes to place: a slot, its depth, and the range of `order` whose forms pass through it.
        let mut pending = vec![(ROOT, 0, 0..order.len())];
        let (mut codes, mut ranges) = (Vec::new(), Vec::new());
        while let Some((slot, depth, range)) = pending.pop() {
            let mut i = range.start;
            while i < range.end && forms[order[i] as usize].len() == depth {
                builder.ends.push((slot, order[i]));
                i += 1;
            }
            codes.clear();
            while i < range.end {
                let code = forms[order[i] as usize][depth];
                let start = i;
                while i < range.end && forms[order[i] as usize][depth] == code {
                    i += 1;
                }
                codes.push(code);
                ranges.push(start..i);
            }
            let base = builder.place(slot, &codes);
            for (code, range) in codes.iter().zip(ranges.drain(..)) {
                pending.push(((base + usize::from(*code)) as u32, depth + 1, range));
            }
        }
        builder.finish()
    }

    /// Every form that `codes` begins with, as (form, its length), shortest first.
    #[inline]
    pub fn prefixes_of(&self, codes: &[u8], mut found: impl FnMut(usize, usize)) {
        let (mut slot, mut base) = (ROOT, self.slots[ROOT as usize].base);
        for (depth, &code) in codes.iter().enumerate() {
            let child = (base & !ENDS) + u32::from(code);
            // The slots reach 255 past the last base, so `child` is one of them.
            let Slot { parent, base: child_base } = self.slots[child as usize];
            if parent != slot {
                return;
            }
            (slot, base) = (child, child_base);
            if base & ENDS != 0 {
                let (start, end) = (self.forms_start[slot as usize], self.forms_start[slot as usize + 1]);
                for &form in &self.forms[start as usize..end as usize] {
                    found(form as usize, depth + 1);
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
struct Slot {
    parent: u32,
    base: u32,
}

struct Builder {
    base: Vec<u32>,
    parent: Vec<u32>,
    /// The free slots, a list in ascending order: each one's next and
    /// previous (`NONE` at the ends). Slots past the arrays are free too.
    next_free: Vec<u32>,
    previous_free: Vec<u32>,
    first_free: u32,
    last_free: u32,
    /// (slot, form) for each form, by where it ends.
    ends: Vec<(u32, u32)>,
}

/// How many free slots a node's first child may try before the node goes past the end.
const MAX_TRIES: usize = 32;

/// No slot: the end of the free list.
const NONE: u32 = u32::MAX;

impl Builder {
    fn new() -> Builder {
        // The root, then slots no child takes: below 256, a first child's
        // slot would leave a base of 0 or less for codes up to 255, and the
        // free list would begin with slots that fit almost no node.
        let reserved = 256;
        Builder {
            base: vec![0; reserved],
            parent: vec![NO_PARENT; reserved],
            next_free: vec![NONE; reserved],
            previous_free: vec![NONE; reserved],
            first_free: NONE,
            last_free: NONE,
            ends: Vec::new(),
        }
    }

    /// Extends the arrays to `len` slots, the new ones free.
    fn grow(&mut self, len: usize) {
        for slot in self.parent.len() as u32..len as u32 {
            self.base.push(0);
            self.parent.push(FREE);
            self.next_free.push(NONE);
            self.previous_free.push(self.last_free);
            match self.last_free {
                NONE => self.first_free = slot,
                last => self.next_free[last as usize] = slot,
            }
            self.last_free = slot;
        }
    }

    fn is_free(&self, slot: usize) -> bool {
        self.parent.get(slot).is_none_or(|&p| p == FREE)
    }

    /// Finds a base at which every child code's slot is free, takes those
    /// slots for `slot`'s children, and returns the base.
    fn place(&mut self, slot: u32, codes: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (codes.first(), codes.last()) else { return 0 };
        let first = usize::from(first);
        // The first child goes to a free slot (256 or more: the base is at least 1).
        let (mut at, mut tries) = (self.first_free, 0);
        let base = loop {
            // A wide node may not fit among the holes: after a few tries, it goes past the end.
            if at == NONE || tries == MAX_TRIES {
                break self.parent.len() - first;
            }
            let base = at as usize - first;
            if codes.iter().all(|&c| self.is_free(base + usize::from(c))) {
                break base;
            }
            at = self.next_free[at as usize];
            tries += 1;
        };
        self.grow(base + usize::from(last) + 1);
        for &c in codes {
            let child = base + usize::from(c);
            self.parent[child] = slot;
            let (previous, next) = (self.previous_free[child], self.next_free[child]);
            match previous {
                NONE => self.first_free = next,
                previous => self.next_free[previous as usize] = next,
            }
            match next {
                NONE => self.last_free = previous,
                next => self.previous_free[next as usize] = previous,
            }
        }
        self.base[slot as usize] = base as u32;
        base
    }

    fn finish(mut self) -> Trie {
        // Every base plus any code stays inside the arrays.
        let len = self.parent.len() + 256;
        self.parent.resize(len, FREE);
        self.base.resize(len, 0);
        crate::model::order::sort(&mut self.ends);
        let mut forms_start = vec![0u32; len + 1];
        for &(slot, _) in &self.ends {
            forms_start[slot as usize + 1] += 1;
            self.base[slot as usize] |= ENDS;
        }
        for i in 1..forms_start.len() {
            forms_start[i] += forms_start[i - 1];
        }
        let forms = self.ends.iter().map(|&(_, form)| form).collect();
        let slots = self.parent.iter().zip(&self.base).map(|(&parent, &base)| Slot { parent, base }).collect();
        Trie { slots, forms_start, forms }
    }
}

#[cfg(test)]
mod tests {
    use super::Trie;

    /// The forms that `text` begins with, found by comparing each form.
    fn prefixes_by_comparison(forms: &[&[u8]], text: &[u8]) -> Vec<(usize, usize)> {
        let mut found: Vec<_> = forms.iter().enumerate().filter(|(_, f)| !f.is_empty() && text.starts_with(f)).map(|(i, f)| (i, f.len())).collect();
        found.sort_by_key(|&(i, len)| (len, i));
        found
    }

    fn prefixes_by_trie(trie: &Trie, text: &[u8]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        trie.prefixes_of(text, |form, len| found.push((form, len)));
        found
    }

    #[test]
    fn finds_every_form_a_text_begins_with() {
        let forms: [&[u8]; 7] = [b"al", b"alma", b"almaty", b"b", b"al", b"", &[0, 255, 0]];
        let trie = Trie::new(&forms);
        assert_eq!(prefixes_by_trie(&trie, b"almaty city"), [(0, 2), (4, 2), (1, 4), (2, 6)]);
        assert_eq!(prefixes_by_trie(&trie, b"alm"), [(0, 2), (4, 2)]);
        assert_eq!(prefixes_by_trie(&trie, &[0, 255, 0, 1]), [(6, 3)]);
        assert_eq!(prefixes_by_trie(&trie, b"x"), []);
        assert_eq!(prefixes_by_trie(&trie, b""), []);
    }

    #[test]
    fn agrees_with_comparing_every_form_on_random_forms_and_texts() {
        // A small linear congruential generator: the test is the same on every run.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for round in 0..200 {
            // Few codes make shared prefixes; many make wide nodes.
            let codes = if round % 2 == 0 { 3 } else { 256 };
            let forms: Vec<Vec<u8>> = (0..next(60)).map(|_| (0..next(6)).map(|_| next(codes) as u8).collect()).collect();
            let forms: Vec<&[u8]> = forms.iter().map(Vec::as_slice).collect();
            let trie = Trie::new(&forms);
            for _ in 0..50 {
                let text: Vec<u8> = match forms.get(next(forms.len() as u64 + 1) as usize) {
                    // Often a form followed by more codes, so that something is found.
                    Some(form) if next(2) == 0 => form.iter().copied().chain((0..next(4)).map(|_| next(codes) as u8)).collect(),
                    _ => (0..next(8)).map(|_| next(codes) as u8).collect(),
                };
                assert_eq!(prefixes_by_trie(&trie, &text), prefixes_by_comparison(&forms, &text), "{forms:?} {text:?}");
            }
        }
    }
}
