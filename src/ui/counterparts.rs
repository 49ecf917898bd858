//! Who met whom how often: a matrix of the shown meetings' parties.

use super::i18n::use_ui;
use crate::timeline::names;
use crate::timeline::Timeline;
use crate::timeline::view::CounterpartMatrix;
use leptos::prelude::*;

/// Most parties drawn as rows and columns: the parties with the most meetings.
/// (A matrix of every state, 195 by 195, is 38,025 cells: seconds of drawing
/// that nobody can read; the rest are counted below the table.)
pub const MATRIX_MAX: usize = 30;

/// The matrix cut to its first `max` parties (they come most meetings first).
fn cut(mut m: CounterpartMatrix, max: usize) -> (CounterpartMatrix, usize) {
    let all = m.parties.len();
    if all > max {
        m.parties.truncate(max);
        m.totals.truncate(max);
        m.counts.truncate(max);
        for row in &mut m.counts {
            row.truncate(max);
        }
    }
    (m, all)
}

#[component]
pub fn CounterpartsView(timeline: Memo<Timeline>, shown: Memo<Vec<usize>>) -> impl IntoView {
    let ui = use_ui();
    let matrix = Memo::new(move |_| timeline.with(|t| shown.with(|s| cut(CounterpartMatrix::of(t, s), MATRIX_MAX))));
    move || {
        let lang = ui.lang();
        let t = lang.strings();
        let (m, all) = matrix.get();
        let max = m.max().max(1) as f64;
        let name = |p: &str| names::party(lang, p);
        view! {
            <div class="matrix-wrap" data-testid="counterparts">
                <table class="matrix">
                    <caption>{t.matrix_caption}</caption>
                    <thead>
                        <tr>
                            <td></td>
                            {m.parties.iter().map(|p| view! { <th scope="col" title=name(p)><span>{name(p)}</span></th> }).collect_view()}
                            <th scope="col">{t.total}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {m.parties.iter().enumerate().map(|(i, p)| view! {
                            <tr>
                                <th scope="row">{name(p)}</th>
                                {m.counts[i].iter().enumerate().map(|(j, &n)| {
                                    let label = (t.met_times)(lang, &name(p), &name(&m.parties[j]), n);
                                    let shade = format!("{:.2}", if n == 0 { 0.0 } else { 0.15 + 0.85 * n as f64 / max });
                                    view! {
                                        <td class="cell" class:empty=n == 0 class:self=i == j data-count=n title=label.clone() aria-label=label
                                            style:--shade=shade>
                                            {(n > 0).then(|| lang.num(n as usize))}
                                        </td>
                                    }
                                }).collect_view()}
                                <td class="total">{lang.num(m.totals[i] as usize)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {(all > m.parties.len()).then(|| view! {
                    <p class="note" data-testid="counterparts-cut">{(t.matrix_cut)(lang, m.parties.len(), all)}</p>
                })}
            </div>
        }
    }
}
