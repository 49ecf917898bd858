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

    /// Work units of one analysis: the mentions and actors its position
    /// look-ups read (`Reader::starting_in`, `mentions_in`, `Actors::within`,
    /// `covering`), and the mentions found.
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
