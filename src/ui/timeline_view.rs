//! The timeline workbench: filters, an SVG time axis with lanes that zooms
//! and pans, the counterparts matrix, and the list of meetings beside them.
//! Every computation lives in [`crate::timeline::view`]; this file wires signals.

use crate::model::order;
use super::article_view::{ArticleView, OpenSource};
use super::counterparts::CounterpartsView;
use super::filters::FilterBar;
use super::i18n::{use_ui, Lang, Strings};
use crate::timeline::names;
use crate::model::{Interval, Meeting, Mode, PartialDate, Status};
use crate::timeline::{Entry, Timeline};
use crate::timeline::scale::{Calendar, Scale};
use crate::timeline::view::{entry_span, lanes, Facets, LaneBy, SearchTexts, TimelineFilter};
use leptos::prelude::*;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

fn mode_label(t: &Strings, m: Mode) -> &'static str {
    match m {
        Mode::InPerson => t.in_person,
        Mode::Phone => t.phone,
        Mode::Video => t.video,
    }
}

fn status_label(t: &Strings, s: Status) -> &'static str {
    match s {
        Status::Held => t.held,
        Status::Planned => t.planned,
    }
}

fn parties_label(lang: Lang, m: &Meeting) -> String {
    m.parties.iter().map(|p| names::party(lang, p)).collect::<Vec<_>>().join(" – ")
}

fn people_label(lang: Lang, m: &Meeting) -> String {
    let t = lang.strings();
    m.participants
        .iter()
        .map(|p| {
            // A Latin name stays in its place inside right-to-left text.
            let mut who = match &p.name {
                Some(n) if lang.rtl() => super::i18n::isolated(n),
                Some(n) => n.clone(),
                None => t.unnamed.into(),
            };
            // A name Didar romanised: the text's own spelling beside it.
            if let Some(own) = p.name_in_text.as_deref().filter(|_| p.name.is_some()) {
                who.push_str(" «");
                who.push_str(&super::i18n::isolated(own));
                who.push('»');
            }
            // A name the text does not give, known from the terms of office.
            if p.name_from.as_deref() == Some("office") {
                who.push(' ');
                who.push_str(t.by_office);
            }
            let party = names::party(lang, &p.party);
            match &p.role {
                Some(r) => format!("{who} ({}{}{party})", names::role(lang, r), lang.comma()),
                None => format!("{who} ({party})"),
            }
        })
        .collect::<Vec<_>>()
        .join(lang.semicolon())
}

fn place_label(lang: Lang, m: &Meeting) -> Option<String> {
    let l = m.location.as_ref()?;
    match (&l.city, &l.country) {
        (Some(c), Some(k)) => Some(format!("{}{}{}", names::city(lang, c), lang.comma(), names::party(lang, k))),
        (None, Some(k)) => Some(names::party(lang, k)),
        (Some(c), None) => Some(names::city(lang, c)),
        (None, None) => None,
    }
}

/// The meeting's date; where only its interval is known (or the date is what
/// the interval amounts to), the interval.
fn date_label(lang: Lang, cal: Calendar, m: &Meeting) -> String {
    let from_interval = m.date.is_none() || m.date_source.as_deref() == Some("interval");
    let interval = m.date_interval.filter(|i| from_interval && i.is_bounded()).map(|i| interval_label(lang, cal, i));
    interval
        .or_else(|| m.date.as_deref().and_then(|d| names::date(lang, cal, d)))
        .unwrap_or_else(|| lang.strings().date_unknown.to_string())
}

/// An interval of days in the interface's language and calendar ("between … and …", "from …", "until …").
fn interval_label(lang: Lang, cal: Calendar, i: Interval) -> String {
    let day = |d: Option<crate::model::calendar::Ymd>| d.and_then(|d| names::date(lang, cal, &PartialDate::day(d.year, d.month, d.day).to_string()));
    match (day(i.from), day(i.to)) {
        (Some(a), Some(b)) if a == b => a,
        (Some(a), Some(b)) => (lang.strings().date_between)(lang, &a, &b),
        (Some(a), None) => (lang.strings().date_from)(&a),
        (None, Some(b)) => (lang.strings().date_until)(&b),
        (None, None) => lang.strings().date_unknown.to_string(),
    }
}

/// "Why this date": each reason that bounded the meeting's date, with a link to the words that gave it.
fn date_reasons(lang: Lang, cal: Calendar, m: &Meeting, source: Option<&crate::timeline::Source>, open: RwSignal<Option<OpenSource>>) -> impl IntoView {
    let t = lang.strings();
    let (article, article_lang) = source.map(|s| (s.article.clone(), s.lang.clone())).unwrap_or_default();
    (!m.date_reasons.is_empty()).then(|| {
        let reasons = m.date_reasons.iter().map(|r| {
            let words = r.words.clone().map(|w| {
                let src = OpenSource { article: article.clone(), lang: article_lang.clone(), evidence: w.clone() };
                view! {
                    <button type="button" class="link reason-words" data-testid="reason-words" dir="auto" on:click=move |_| open.set(Some(src.clone()))>{format!("«{}»", w.text)}</button>
                }
            });
            view! {
                <li data-kind=r.kind.clone() title=r.note.clone()>
                    <span class="reason-kind">{(t.reason_kind)(&r.kind)}</span>
                    <span class="reason-days">{interval_label(lang, cal, r.interval)}</span>
                    {words}
                </li>
            }
        });
        view! {
            <details class="why-date" data-testid="why-date">
                <summary>{t.why_date}</summary>
                <ul>{reasons.collect_view()}</ul>
            </details>
        }
    })
}

/// One line that sums a meeting up (the hover card's heading and the marks' accessible name).
fn summary(lang: Lang, cal: Calendar, e: &Entry) -> String {
    let t = lang.strings();
    let m = &e.meeting;
    let mut s = format!("{} · {} · {}, {}", date_label(lang, cal, m), parties_label(lang, m), status_label(t, m.status), mode_label(t, m.mode));
    if let Some(o) = &m.occasion {
        s.push_str(" · ");
        s.push_str(&names::occasion(lang, o));
    }
    s.push_str(" · ");
    s.push_str(&(t.sources)(lang, e.sources.len()));
    s
}

/// The element matching `selector` that an event happened in (one set of
/// listeners on the axis serves every mark, however many there are).
fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// The mark an event happened on: its entry and its centre.
fn mark_of(ev: &web_sys::Event) -> Option<(usize, f64, f64)> {
    let mark = closest(ev, "[data-entry]")?;
    // The centre as the view wrote it, read with the browser's parseFloat: Rust's `parse::<f64>`
    // would bring a 20 KB table of powers of five into the wasm for these two numbers (issue 14).
    let num = |name: &str| mark.get_attribute(name).map(|v| js_sys::Number::parse_float(&v)).filter(|n| !n.is_nan());
    let entry = mark.get_attribute("data-entry").and_then(|v| v.parse::<usize>().ok());
    Some((entry?, num("data-cx")?, num("data-cy")?))
}

/// The accessible name of a cluster: how many meetings, from when to when.
fn cluster_label(lang: Lang, cal: Calendar, n: usize, first: i64, last: i64) -> String {
    let day = |d: i64| crate::model::calendar::Ymd::from_day_number(d).and_then(|y| names::date(lang, cal, &y.to_string())).unwrap_or_default();
    (lang.strings().cluster)(lang, n, &day(first), &day(last))
}

/// The days a cluster of marks spans, when the event happened on one.
fn cluster_of(ev: &web_sys::Event) -> Option<(i64, i64)> {
    let cluster = closest(ev, "[data-first]")?;
    let day = |name: &str| cluster.get_attribute(name).and_then(|v| v.parse::<i64>().ok());
    Some((day("data-first")?, day("data-last")?))
}

fn open_first_source(open: RwSignal<Option<OpenSource>>, e: &Entry) {
    if let Some(s) = e.sources.first() {
        open.set(Some(OpenSource { article: s.article.clone(), lang: s.lang.clone(), evidence: s.evidence.clone() }));
    }
}

const CALENDAR_KEY: &str = "didar.calendar";

fn saved_calendar() -> Calendar {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(CALENDAR_KEY).ok().flatten())
        .and_then(|c| Calendar::from_code(&c))
        .unwrap_or_default()
}

fn save_calendar(c: Calendar) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(CALENDAR_KEY, c.code());
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    Axis,
    Counterparts,
}

/// The whole timeline area. `find_article` gives an article's text by id.
#[component]
pub fn TimelineView(timeline: Memo<Timeline>, find_article: Callback<String, Option<String>>) -> impl IntoView {
    let ui = use_ui();
    let filter = RwSignal::new(TimelineFilter::default());
    let facets = Memo::new(move |_| timeline.with(Facets::of));
    // The search's texts are made when a search begins, once per timeline.
    let searching = Memo::new(move |_| filter.with(TimelineFilter::searches));
    let search_texts = Memo::new_with_compare(
        move |_| if searching.get() { timeline.with(SearchTexts::of) } else { SearchTexts::default() },
        |_, _| true,
    );
    let shown = Memo::new(move |_| timeline.with(|t| filter.with(|f| search_texts.with(|s| f.apply(t, s)))));
    let lane_by = RwSignal::new(LaneBy::default());
    let calendar = RwSignal::new(saved_calendar());
    let pane = RwSignal::new(Pane::Axis);
    let open = RwSignal::new(None::<OpenSource>);
    let tab = move |p: Pane, label: fn(&Strings) -> &'static str, testid: &'static str| {
        view! {
            <button type="button" class="tab" data-testid=testid aria-pressed=move || (pane.get() == p).to_string() on:click=move |_| pane.set(p)>
                {move || label(ui.t())}
            </button>
        }
    };
    view! {
        <div class="timeline-head">
            <h2 id="timeline-heading">{move || ui.t().timeline}</h2>
            <p class="count" aria-live="polite" data-testid="meeting-count">
                {move || (ui.t().meetings)(ui.lang(), shown.with(Vec::len), timeline.with(|t| t.entries.len()))}
            </p>
        </div>
        <FilterBar filter=filter facets=facets calendar=calendar />
        <div class="toolbar">
            <div class="tabs" role="group" aria-label=move || ui.t().views>
                {tab(Pane::Axis, |t| t.timeline, "view-axis")}
                {tab(Pane::Counterparts, |t| t.counterparts, "view-counterparts")}
            </div>
            <label class="inline-field">
                <span>{move || ui.t().lanes}</span>
                <select data-testid="lane-by" on:change=move |ev| lane_by.set(match event_target_value(&ev).as_str() {
                    "occasion" => LaneBy::Occasion,
                    "person" => LaneBy::Person,
                    _ => LaneBy::Counterpart,
                })>
                    <option value="counterpart" prop:selected=move || lane_by.get() == LaneBy::Counterpart>{move || ui.t().by_counterpart}</option>
                    <option value="occasion" prop:selected=move || lane_by.get() == LaneBy::Occasion>{move || ui.t().by_occasion}</option>
                    <option value="person" prop:selected=move || lane_by.get() == LaneBy::Person>{move || ui.t().by_person}</option>
                </select>
            </label>
            <label class="inline-field">
                <span>{move || ui.t().calendar}</span>
                <select data-testid="calendar" on:change=move |ev| {
                    let c = Calendar::from_code(&event_target_value(&ev)).unwrap_or_default();
                    calendar.set(c);
                    save_calendar(c);
                }>
                    {Calendar::ALL.into_iter().map(|c| view! {
                        <option value=c.code() prop:selected=move || calendar.get() == c>{move || {
                            let t = ui.t();
                            match c { Calendar::Gregorian => t.gregorian, Calendar::Jalali => t.jalali, Calendar::Hijri => t.hijri }
                        }}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
        <div hidden=move || pane.get() != Pane::Axis>
            <Axis timeline=timeline shown=shown lane_by=lane_by calendar=calendar open=open />
        </div>
        // (Built only while shown: the matrix has a cell for every pair of parties.)
        {move || (pane.get() == Pane::Counterparts).then(|| view! { <CounterpartsView timeline=timeline shown=shown /> })}
        <MeetingList timeline=timeline shown=shown calendar=calendar open=open />
        <ArticleView open=open find_article=find_article />
    }
}

/// Layout of the axis, in CSS pixels.
const GUTTER: f64 = 150.0;
const EDGE: f64 = 14.0;
const AXIS_H: f64 = 30.0;
const LANE_H: f64 = 38.0;
/// The column at the end of the axis where undated meetings stand.
const UNDATED_W: f64 = 64.0;
/// Marks whose centres are closer than this are drawn as one cluster.
const CLUSTER_PX: f64 = 14.0;
/// Room a tick label needs after its tick.
const LABEL_ROOM: f64 = 40.0;
/// Undated meetings of a lane drawn one by one; more are one counted mark.
const MAX_UNDATED_MARKS: usize = 3;

/// The SVG time axis.
#[component]
fn Axis(timeline: Memo<Timeline>, shown: Memo<Vec<usize>>, lane_by: RwSignal<LaneBy>, calendar: RwSignal<Calendar>, open: RwSignal<Option<OpenSource>>) -> impl IntoView {
    let ui = use_ui();
    let fit = move || timeline.with(|t| shown.with(|s| Scale::fit(s.iter().filter_map(|&i| t.entries.get(i)).filter_map(entry_span))));
    let scale = RwSignal::new(fit());
    Effect::new(move |_| scale.set(fit()));
    let width = RwSignal::new(800.0_f64);
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        if let Some(el) = wrapper.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if wrapper.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // The plot's edges; time runs from the start side to the end side (right to left in Arabic and Persian).
    let rtl = move || ui.lang().rtl();
    let plot = move || {
        let w = width.get().max(GUTTER + EDGE + 60.0);
        if rtl() {
            (EDGE + UNDATED_W + 10.0, w - GUTTER)
        } else {
            (GUTTER, w - EDGE - UNDATED_W - 10.0)
        }
    };
    let undated_x = move || if rtl() { EDGE + UNDATED_W / 2.0 } else { width.get() - EDGE - UNDATED_W / 2.0 };
    let px = move |day: f64| {
        let (l, r) = plot();
        let x = scale.get().x(day, r - l);
        if rtl() {
            r - x
        } else {
            l + x
        }
    };
    let lane_list = Memo::new(move |_| timeline.with(|t| shown.with(|s| lanes(t, s, lane_by.get()))));
    let height = move || AXIS_H + LANE_H * lane_list.with(Vec::len).max(1) as f64 + 8.0;

    let zoom = move |factor: f64| scale.update(|s| *s = s.zoom(factor, 0.5));
    // Positive: later in time, whichever way the axis runs.
    let pan = move |fraction: f64| scale.update(|s| *s = s.pan(fraction));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let flip = if rtl() { -1.0 } else { 1.0 };
        match ev.key().as_str() {
            "+" | "=" => zoom(1.5),
            "-" | "_" => zoom(1.0 / 1.5),
            "ArrowRight" => pan(0.1 * flip),
            "ArrowLeft" => pan(-0.1 * flip),
            "0" | "Home" => scale.set(fit()),
            _ => return,
        }
        ev.prevent_default();
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let (l, r) = plot();
        let mut anchor = (ev.offset_x() as f64 - l) / (r - l);
        if rtl() {
            anchor = 1.0 - anchor;
        }
        let dy = if ev.delta_mode() == 1 { ev.delta_y() * 30.0 } else { ev.delta_y() };
        scale.update(|s| *s = s.zoom((-dy * 0.002).exp(), anchor));
    };
    // Dragging pans; a drag is not a click on the mark it started on.
    let drag = StoredValue::new(None::<(i32, Scale)>);
    let dragged = StoredValue::new(false);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() == 0 {
            drag.set_value(Some((ev.client_x(), scale.get_untracked())));
            dragged.set_value(false);
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, s0)) = drag.get_value() else { return };
        let dx = (ev.client_x() - x0) as f64;
        if !dragged.get_value() && dx.abs() > 4.0 {
            dragged.set_value(true);
            if let Some(el) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
        }
        if dragged.get_value() {
            let (l, r) = plot();
            let flip = if rtl() { 1.0 } else { -1.0 };
            scale.set(s0.pan(flip * dx / (r - l)));
        }
    };
    let on_up = move |_: leptos::ev::PointerEvent| drag.set_value(None);

    let hovered = RwSignal::new(None::<(usize, f64, f64)>);

    let grid = move || {
        let (l, r) = plot();
        let (lang, cal) = (ui.lang(), calendar.get());
        let h = height();
        // Room for a label like "Sep 2018" (or "۲۱ شهریور") between ticks.
        let max_ticks = ((r - l) / 72.0) as usize;
        scale.get().ticks(cal, max_ticks).into_iter().filter_map(|t| {
            let x = px(t.day as f64);
            // A label runs on from its tick (to the right, or to the left in RTL): keep it off the undated column.
            let room = if rtl() { x - l >= LABEL_ROOM } else { r - x >= LABEL_ROOM };
            (x >= l - 0.5 && x <= r + 0.5 && room).then(|| {
                let label = names::tick(lang, cal, &t);
                view! {
                    <g class="tick">
                        <line x1=x x2=x y1=AXIS_H - 6.0 y2=h />
                        <text x=x + if rtl() { -4.0 } else { 4.0 } y=AXIS_H - 10.0 text-anchor=if rtl() { "end" } else { "start" }>{label}</text>
                    </g>
                }
            })
        }).collect_view()
    };

    let lane_rows = move || {
        let (lang, cal) = (ui.lang(), calendar.get());
        let t = lang.strings();
        let (l, r) = plot();
        let w = width.get();
        let by = lane_by.get();
        timeline.with(|tl| {
            lane_list.get().into_iter().enumerate().map(|(row, lane)| {
                let y = AXIS_H + LANE_H * row as f64;
                let mid = y + LANE_H / 2.0;
                let label = if lane.key.is_empty() {
                    match by { LaneBy::Counterpart => String::new(), LaneBy::Occasion => t.no_occasion.to_string(), LaneBy::Person => t.unnamed.to_string() }
                } else if by == LaneBy::Counterpart {
                    lane.key.split('-').map(|p| names::party(lang, p)).collect::<Vec<_>>().join(" – ")
                } else if by == LaneBy::Occasion {
                    names::occasion(lang, &lane.key)
                } else {
                    lane.key.clone()
                };
                let short: String = if label.chars().count() > 20 { label.chars().take(19).chain(['…']).collect() } else { label.clone() };
                // Where each meeting of the lane stands: (entry, left, right, undated).
                let mut placed: Vec<(usize, f64, f64, bool)> = Vec::new();
                let undated: Vec<usize> = lane.entries.iter().copied().filter(|&i| tl.entries.get(i).is_some_and(|e| entry_span(e).is_none())).collect();
                let crowded = undated.len() > MAX_UNDATED_MARKS;
                for &i in &lane.entries {
                    let Some(e) = tl.entries.get(i) else { continue };
                    match entry_span(e) {
                        Some((a, b)) => {
                            let (x1, x2) = (px(a as f64), px(b as f64));
                            let (lo, hi) = (x1.min(x2), x1.max(x2));
                            if hi >= l - 8.0 && lo <= r + 8.0 {
                                placed.push((i, lo, hi, false));
                            }
                        }
                        None if crowded => {}
                        None => {
                            let k = undated.iter().position(|&j| j == i).unwrap_or(0) as f64;
                            let x = undated_x() + (k - (undated.len() as f64 - 1.0) / 2.0) * 16.0;
                            placed.push((i, x, x, true));
                        }
                    }
                }
                order::sort_by(&mut placed, |a, b| (a.1 + a.2).total_cmp(&(b.1 + b.2)));
                // Meetings closer than a mark's width are drawn as one cluster; activating it zooms in on them.
                let mut groups: Vec<Vec<(usize, f64, f64, bool)>> = Vec::new();
                for m in placed {
                    let joins = groups.last().and_then(|g| g.last()).is_some_and(|last| !m.3 && !last.3 && (m.1 + m.2) / 2.0 - (last.1 + last.2) / 2.0 < CLUSTER_PX);
                    match groups.last_mut() {
                        Some(g) if joins => g.push(m),
                        _ => groups.push(vec![m]),
                    }
                }
                let mut marks: Vec<AnyView> = groups.into_iter().filter_map(|g| {
                    if let [(i, lo, hi, is_undated)] = g.as_slice() {
                        let (i, lo, hi, is_undated) = (*i, *lo, *hi, *is_undated);
                        let e = tl.entries.get(i)?;
                        let point = hi - lo < 10.0;
                        let cx = (lo + hi) / 2.0;
                        let planned = e.meeting.status == Status::Planned;
                        let n = e.sources.len();
                        return Some(view! {
                            <g class="mark" class:planned=planned class:point=point class:undated=is_undated tabindex="0" role="button" aria-label=summary(lang, cal, e)
                                data-mark-parties=e.meeting.party_key()
                                data-entry=i
                                data-cx=cx
                                data-cy=mid
                            >
                                {if point {
                                    view! { <circle cx=cx cy=mid r="7" /> }.into_any()
                                } else {
                                    view! { <rect x=lo y=mid - 7.0 width=hi - lo height="14" rx="7" /> }.into_any()
                                }}
                                {(n > 1).then(|| view! {
                                    <text class="mark-count" x=cx y=mid - 11.0 text-anchor="middle">{lang.num(n)}</text>
                                })}
                            </g>
                        }.into_any());
                    }
                    let spans: Vec<(i64, i64)> = g.iter().filter_map(|(i, ..)| tl.entries.get(*i).and_then(entry_span)).collect();
                    let (first, last) = (spans.iter().map(|s| s.0).min()?, spans.iter().map(|s| s.1).max()?);
                    let cx = g.iter().map(|m| (m.1 + m.2) / 2.0).sum::<f64>() / g.len() as f64;
                    let label = cluster_label(lang, cal, g.len(), first, last);
                    Some(view! {
                        <g class="mark cluster" tabindex="0" role="button" aria-label=label.clone() data-first=first data-last=last>
                            <title>{label.clone()}</title>
                            <circle cx=cx cy=mid r="10" />
                            <text class="cluster-count" x=cx y=mid + 3.5 text-anchor="middle">{lang.num(g.len())}</text>
                        </g>
                    }.into_any())
                }).collect();
                if crowded {
                    let label = (t.undated_count)(lang, undated.len());
                    marks.push(view! {
                        <g class="mark cluster undated" role="img" aria-label=label.clone()>
                            <title>{label.clone()}</title>
                            <circle cx=undated_x() cy=mid r="10" />
                            <text class="cluster-count" x=undated_x() y=mid + 3.5 text-anchor="middle">{lang.num(undated.len())}</text>
                        </g>
                    }.into_any());
                }
                let label_x = if rtl() { w - 10.0 } else { 10.0 };
                view! {
                    <g class="lane" class:odd=row % 2 == 1>
                        <rect class="lane-bg" x="0" y=y width=w height=LANE_H />
                        <text class="lane-label" x=label_x y=mid + 4.0 text-anchor=if rtl() { "end" } else { "start" }>{short}</text>
                        {marks}
                    </g>
                }
            }).collect_view()
        })
    };

    let card = move || {
        let (i, x, y) = hovered.get()?;
        let (lang, cal) = (ui.lang(), calendar.get());
        let t = lang.strings();
        timeline.with(|tl| {
            let e = tl.entries.get(i)?;
            let m = &e.meeting;
            let w = width.get();
            let below = y + 16.0;
            let card_w = 280.0_f64.min(w - 16.0);
            let left = (x - card_w / 2.0).clamp(8.0, (w - card_w - 8.0).max(8.0));
            Some(view! {
                <div class="hover-card" role="tooltip" data-testid="hover-card" style:left=format!("{left}px") style:top=format!("{below}px") style:width=format!("{card_w}px")>
                    <div class="hc-date">{date_label(lang, cal, m)}</div>
                    <div class="hc-parties">{parties_label(lang, m)}</div>
                    <div class="hc-meta">
                        <span class="badge" class:planned=m.status == Status::Planned>{status_label(t, m.status)}</span>
                        <span class="badge">{mode_label(t, m.mode)}</span>
                        <span class="badge">{(t.sources)(lang, e.sources.len())}</span>
                    </div>
                    {place_label(lang, m).map(|p| view! { <div class="hc-line">{p}</div> })}
                    {m.occasion.as_deref().map(|o| view! { <div class="hc-line">{names::occasion(lang, o)}</div> })}
                    <div class="hc-line hc-people">{people_label(lang, m)}</div>
                </div>
            })
        })
    };

    view! {
        <div class="axis-controls" role="group" aria-label=move || ui.t().axis_label>
            <button type="button" class="icon" data-testid="zoom-in" aria-label=move || ui.t().zoom_in title=move || ui.t().zoom_in on:click=move |_| zoom(1.5)>"+"</button>
            <button type="button" class="icon" data-testid="zoom-out" aria-label=move || ui.t().zoom_out title=move || ui.t().zoom_out on:click=move |_| zoom(1.0 / 1.5)>"−"</button>
            <button type="button" class="icon" data-testid="pan-earlier" aria-label=move || ui.t().earlier title=move || ui.t().earlier on:click=move |_| pan(-0.2)>{move || if rtl() { "→" } else { "←" }}</button>
            <button type="button" class="icon" data-testid="pan-later" aria-label=move || ui.t().later title=move || ui.t().later on:click=move |_| pan(0.2)>{move || if rtl() { "←" } else { "→" }}</button>
            <button type="button" class="secondary" data-testid="zoom-fit" on:click=move |_| scale.set(fit())>{move || ui.t().show_all}</button>
        </div>
        <div class="axis" node_ref=wrapper tabindex="0" data-testid="axis" aria-label=move || ui.t().axis_label on:keydown=on_key>
            <svg
                width=move || width.get()
                height=height
                data-span-days=move || format!("{:.0}", scale.get().span())
                data-view-start=move || format!("{:.0}", scale.get().start)
                on:wheel=on_wheel
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:click=move |ev| {
                    if let Some(span) = cluster_of(&ev) {
                        if !dragged.get_value() {
                            scale.set(Scale::fit([span]));
                        }
                    } else if let Some((i, _, _)) = mark_of(&ev) {
                        if !dragged.get_value() {
                            timeline.with_untracked(|t| t.entries.get(i).map(|e| open_first_source(open, e)));
                        }
                    }
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        if let Some(span) = cluster_of(&ev) {
                            ev.prevent_default();
                            scale.set(Scale::fit([span]));
                        } else if let Some((i, _, _)) = mark_of(&ev) {
                            ev.prevent_default();
                            timeline.with_untracked(|t| t.entries.get(i).map(|e| open_first_source(open, e)));
                        }
                    }
                }
                on:mouseover=move |ev| hovered.set(mark_of(&ev))
                on:focusin=move |ev| hovered.set(mark_of(&ev))
                on:mouseleave=move |_| hovered.set(None)
                on:focusout=move |_| hovered.set(None)
            >
                <g class="grid">{grid}</g>
                <g class="undated-column">
                    <line x1=move || undated_x() - UNDATED_W / 2.0 - 5.0 x2=move || undated_x() - UNDATED_W / 2.0 - 5.0 y1="0" y2=height />
                    <line x1=move || undated_x() + UNDATED_W / 2.0 + 5.0 x2=move || undated_x() + UNDATED_W / 2.0 + 5.0 y1="0" y2=height />
                    <text x=undated_x y=AXIS_H - 10.0 text-anchor="middle">{move || ui.t().undated}</text>
                </g>
                {lane_rows}
            </svg>
            {card}
        </div>
    }
}

/// Rows of a long list built in one task.
pub(super) const LIST_PAGE: usize = 25;

/// The meetings as a list (the accessible, printable form of the timeline).
/// Rows are keyed by what they show, so a change (a pasted article, a filter)
/// builds only the rows that changed, not thousands.
#[component]
fn MeetingList(timeline: Memo<Timeline>, shown: Memo<Vec<usize>>, calendar: RwSignal<Calendar>, open: RwSignal<Option<OpenSource>>) -> impl IntoView {
    let ui = use_ui();
    // A long list is built a page per task, so the page stays responsive.
    let limit = RwSignal::new(LIST_PAGE);
    Effect::new(move |_| {
        if limit.get() < shown.with(Vec::len) {
            leptos::task::spawn_local(async move {
                super::import::yield_to_browser().await;
                limit.update(|n| *n += LIST_PAGE);
            });
        }
    });
    // Each entry's key: a hash of what its row shows, taken once per change of
    // the timeline, the language or the calendar (not once per page of rows).
    let keys = Memo::new(move |_| {
        let (lang, cal) = (ui.lang(), calendar.get());
        timeline.with(|tl| {
            tl.entries
                .iter()
                .map(|e| {
                    let mut h = DefaultHasher::new();
                    (e, lang, cal).hash(&mut h);
                    h.finish()
                })
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        keys.with(|keys| shown.with(|s| s.iter().take(limit.get()).filter_map(|&i| Some((*keys.get(i)?, i))).collect::<Vec<_>>()))
    };
    view! {
        {move || shown.with(Vec::is_empty).then(|| view! { <p class="empty" role="status">{move || ui.t().no_match}</p> })}
        <ol class="timeline" aria-labelledby="timeline-heading">
            <For each=rows key=|(k, _)| *k let:row>
                {timeline.with_untracked(|tl| tl.entries.get(row.1).cloned()).map(|e| meeting_row(ui.lang(), calendar.get_untracked(), e, open))}
            </For>
        </ol>
    }
}

fn meeting_row(lang: Lang, cal: Calendar, e: Entry, open: RwSignal<Option<OpenSource>>) -> impl IntoView {
    let t = lang.strings();
    let m = e.meeting;
    let n = e.sources.len();
    view! {
        <li class="event" class:planned=m.status == Status::Planned data-testid="timeline-event" data-parties=m.party_key() data-date=m.date.clone().or_else(|| m.date_interval.filter(|i| i.is_bounded()).map(|i| i.to_string())).unwrap_or_default()>
            <div class="event-date">{date_label(lang, cal, &m)}</div>
            <div class="event-body">
                <div class="event-parties">{parties_label(lang, &m)}</div>
                <div class="event-meta">
                    <span class="badge status">{status_label(t, m.status)}</span>
                    <span class="badge">{mode_label(t, m.mode)}</span>
                    {(n > 1).then(|| view! { <span class="badge sources-count">{(t.sources)(lang, n)}</span> })}
                    {place_label(lang, &m).map(|p| view! { <span class="place">{p}</span> })}
                    {m.occasion.as_deref().map(|o| view! { <span class="occasion">{names::occasion(lang, o)}</span> })}
                </div>
                <div class="event-people">{people_label(lang, &m)}</div>
                {date_reasons(lang, cal, &m, e.sources.first(), open)}
                {
                    // The first reports at once; the rest (a meeting can have dozens) on demand.
                    let mut sources = e.sources;
                    let rest = sources.split_off(sources.len().min(SOURCES_SHOWN));
                    let more = rest.len();
                    let expanded = RwSignal::new(false);
                    let rest = StoredValue::new(rest);
                    view! {
                        <ul class="sources">
                            {sources.into_iter().map(|s| source_item(t, s, open)).collect_view()}
                            {move || expanded.get().then(|| rest.get_value().into_iter().map(|s| source_item(t, s, open)).collect_view())}
                        </ul>
                        {(more > 0).then(|| view! {
                            <button type="button" class="link more-sources" data-testid="more-sources" aria-expanded=move || expanded.get().to_string()
                                on:click=move |_| expanded.update(|x| *x = !*x)>
                                {move || if expanded.get() { t.fewer_sources.to_string() } else { (t.more_sources)(lang, more) }}
                            </button>
                        })}
                    }
                }
            </div>
        </li>
    }
}

/// Reports of one meeting listed before "more sources".
const SOURCES_SHOWN: usize = 3;

fn source_item(t: &'static Strings, s: crate::timeline::Source, open: RwSignal<Option<OpenSource>>) -> impl IntoView {
    let src = OpenSource { article: s.article.clone(), lang: s.lang.clone(), evidence: s.evidence.clone() };
    view! {
        <li class="source">
            <blockquote class="evidence" dir="auto" lang=super::html_lang(&s.lang)>{s.evidence.text}</blockquote>
            <button type="button" class="link" data-testid="open-article" on:click=move |_| open.set(Some(src.clone()))>
                <cite>{s.article}</cite>
                <span class="visually-hidden">{format!(" — {}", t.open_article)}</span>
            </button>
        </li>
    }
}
