//! Inputs for measuring how extraction's cost grows with the length of its
//! text: real articles repeated, and adversarial texts (one endless sentence,
//! thousands of state names, thousands of meeting phrases, dense Arabic with
//! no punctuation). `didar bench --scaling` times [`analyze`](crate::analyze)
//! on each kind at doubling sizes; the tests below check on small sizes that
//! the work done grows linearly (work counted, not time).

/// A kind of input, and how to write `bytes` of it.
pub struct InputKind {
    pub name: &'static str,
    pub make: fn(bytes: usize) -> String,
}

/// Real news: the bundled seed articles one after another, repeated.
fn real(bytes: usize) -> String {
    let seeds: Vec<String> = crate::corpus::seeds().into_iter().map(|a| a.text).collect();
    fill(bytes, |i| format!("{}\n\n", seeds[i % seeds.len()]))
}

/// One sentence that never ends: the seeds with every full stop, line break
/// and Arabic/Persian sentence mark turned into a space.
fn endless_sentence(bytes: usize) -> String {
    let seeds: Vec<String> = crate::corpus::seeds()
        .into_iter()
        .map(|a| a.text.chars().map(|c| if matches!(c, '.' | '\n' | '!' | '?' | '؟' | '؛' | '۔') { ' ' } else { c }).collect())
        .collect();
    fill(bytes, |i| format!("{} ", seeds[i % seeds.len()]))
}

/// Thousands of state names and adjectives, as a list in one sentence per line.
fn state_names(bytes: usize) -> String {
    const NAMES: [&str; 12] =
        ["Iran", "Russia", "Syria", "Iraq", "Iranian", "Kazakh", "إيران", "روسيا", "السعودية", "ایران", "ترکیه", "پاکستان"];
    fill(bytes, |i| format!("{}{}", NAMES[i % NAMES.len()], if i % 40 == 39 { ".\n" } else { ", " }))
}

/// Thousands of meeting phrases with roles and states, unpunctuated.
fn meeting_phrases(bytes: usize) -> String {
    const PHRASES: [&str; 6] = [
        "the Iranian foreign minister discussed regional issues with his Russian counterpart and ",
        "Iran's defense minister met the Kazakh defense minister Lieutenant General Nurlan Yermekbayev and ",
        "التقى وزير الدفاع الإيراني بنظيره الروسي وبحث معه ",
        "وزير خارجه ایران با همتای روسی خود دیدار و گفتگو کرد و ",
        "استقبل الرئيس السوري وزير الخارجية العراقي و ",
        "وزیر خارجہ نے چینی ہم منصب سے ملاقات کی اور ",
    ];
    fill(bytes, |i| PHRASES[i % PHRASES.len()].to_string())
}

/// Dense Arabic news words with no punctuation at all.
fn dense_arabic(bytes: usize) -> String {
    const WORDS: [&str; 16] = [
        "التقى", "وزير", "الدفاع", "الإيراني", "نظيره", "الروسي", "في", "موسكو", "على", "هامش", "مؤتمر", "الأمن",
        "الدولي", "اليوم", "الأحد", "العميد",
    ];
    fill(bytes, |i| format!("{} ", WORDS[(i * 7 + i / 16) % WORDS.len()]))
}

/// Every kind, in the order the benchmark prints them.
pub const KINDS: [InputKind; 5] = [
    InputKind { name: "real articles", make: real },
    InputKind { name: "one endless sentence", make: endless_sentence },
    InputKind { name: "state names", make: state_names },
    InputKind { name: "meeting phrases", make: meeting_phrases },
    InputKind { name: "dense Arabic, no punctuation", make: dense_arabic },
];

/// Pieces appended until the text holds at least `bytes` bytes, then cut at a character boundary.
fn fill(bytes: usize, piece: impl Fn(usize) -> String) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&piece(i));
        i += 1;
    }
    let cut = (0..=bytes).rev().find(|&n| s.is_char_boundary(n)).unwrap_or(0);
    s.truncate(cut);
    s
}

#[cfg(test)]
mod tests {
    use super::KINDS;
    use crate::extract::reader::VISITED;
    use crate::model::Article;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    /// The tests' allocator: the system's, counting the bytes each thread
    /// holds and the most it held (the tests run on several threads).
    struct CountingHeap;

    thread_local! {
        static HELD: Cell<isize> = const { Cell::new(0) };
        static MOST_HELD: Cell<isize> = const { Cell::new(0) };
    }

    fn held_grows_by(bytes: isize) {
        // (`try_with`: nothing to count once the thread's locals are gone.)
        let _ = HELD.try_with(|held| {
            held.set(held.get() + bytes);
            let _ = MOST_HELD.try_with(|most| most.set(most.get().max(held.get())));
        });
    }

    // SAFETY: every call is passed to `System` unchanged; only sizes are counted.
    unsafe impl GlobalAlloc for CountingHeap {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                held_grows_by(layout.size() as isize);
            }
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc_zeroed(layout) };
            if !p.is_null() {
                held_grows_by(layout.size() as isize);
            }
            p
        }
        unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
            unsafe { System.dealloc(p, layout) };
            held_grows_by(-(layout.size() as isize));
        }
        unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let q = unsafe { System.realloc(p, layout, new_size) };
            if !q.is_null() {
                held_grows_by(new_size as isize - layout.size() as isize);
            }
            q
        }
    }

    #[global_allocator]
    static HEAP: CountingHeap = CountingHeap;

    /// The most heap one analysis held at once beyond what its thread held
    /// before (the text itself is held before), in bytes.
    fn peak_heap(text: String) -> usize {
        let article = Article { id: "scaling".into(), text };
        let before = HELD.with(Cell::get);
        MOST_HELD.with(|most| most.set(before));
        std::hint::black_box(crate::analyze(&article));
        (MOST_HELD.with(Cell::get) - before) as usize
    }

    /// Structural: at 32, 64, 128 and 256 KB of each input kind, doubling the
    /// text at most doubles the most heap the analysis holds, give or take (a
    /// ratio of at most 2.4), and it holds at most 35 bytes per byte of text
    /// (real articles about 15; state names, an actor for every name, 29:
    /// 46 while the actors were sorted whole and indexed in a tree, 37 while
    /// each actor was 88 bytes, not 72).
    #[test]
    fn memory_grows_linearly_with_the_text() {
        // (The knowledge and every script's tries are built first: they are held once, not per text.)
        crate::knowledge::Knowledge::get().build_every_script();
        for kind in &KINDS {
            let peaks: Vec<(usize, usize)> = [32, 64, 128, 256].iter().map(|kb| (kb * 1024, peak_heap((kind.make)(kb * 1024)))).collect();
            eprintln!("{}: {peaks:?}", kind.name);
            for &(n, peak) in &peaks {
                assert!(peak <= 35 * n, "{}: {peak} bytes of heap for {n} bytes of text: {peaks:?}", kind.name);
            }
            for pair in peaks.windows(2) {
                let ((n0, p0), (n1, p1)) = (pair[0], pair[1]);
                let ratio = p1 as f64 / p0 as f64;
                assert!(ratio <= 2.4, "{}: {n0} → {n1} bytes multiplied the peak heap by {ratio:.2}: {peaks:?}", kind.name);
            }
        }
    }

    /// Work units of one analysis: the mentions and actors its position
    /// look-ups read (`Reader::starting_in`, `mentions_in`, `Actors::within`,
    /// `covering`, and the actors stage's own indices and absence markers).
    fn work(text: String) -> u64 {
        VISITED.with(|v| v.set(0));
        let analysis = crate::analyze(&Article { id: "scaling".into(), text });
        std::hint::black_box(analysis);
        VISITED.with(|v| v.get())
    }

    /// Structural, not a timing: at 16, 32, 64 and 128 KB of each input kind,
    /// doubling the text at most doubles the work, give or take (a ratio of at
    /// most 2.4; a look-up that read every mention for each mention would
    /// make it about 4).
    #[test]
    fn work_grows_linearly_with_the_text() {
        for kind in &KINDS {
            let works: Vec<(usize, u64)> = [16, 32, 64, 128].iter().map(|kb| (kb * 1024, work((kind.make)(kb * 1024)))).collect();
            for pair in works.windows(2) {
                let ((n0, w0), (n1, w1)) = (pair[0], pair[1]);
                assert!(w0 > 0, "{}: no work counted at {n0} bytes", kind.name);
                let ratio = w1 as f64 / w0 as f64;
                assert!(ratio <= 2.4, "{}: {n0} → {n1} bytes multiplied the work by {ratio:.2} ({w0} → {w1} units): {works:?}", kind.name);
            }
        }
    }
}
