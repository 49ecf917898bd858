//! The filter bar: free-text search and one selector per facet of the timeline.

use super::i18n::use_ui;
use crate::timeline::names;
use crate::model::{Mode, Status};
use crate::timeline::scale::Calendar;
use crate::timeline::typed_date::{self, End};
use crate::timeline::view::{Facets, TimelineFilter};
use leptos::prelude::*;

/// A labelled `<select>` of "any" and the given (value, label) options.
fn select(
    label: &'static str,
    testid: &'static str,
    options: Vec<(String, String)>,
    current: impl Fn() -> String + Copy + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let ui = use_ui();
    let id = format!("filter-{testid}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id data-testid=format!("filter-{testid}") on:change=move |ev| set(event_target_value(&ev))>
                <option value="" prop:selected=move || current().is_empty()>{move || ui.t().any}</option>
                {options.into_iter().map(|(v, l)| {
                    let value = v.clone();
                    view! { <option value=v prop:selected=move || current() == value>{l}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// One end of the date range: a text field that shows and reads dates in the
/// timeline's calendar and the interface's digits (`timeline::typed_date`), the
/// same in every browser (a date input shows the browser's locale format instead,
/// `mm/dd/yyyy` in Firefox whatever the page's language). A date it cannot read
/// is kept as typed, marked invalid, and filters nothing.
fn date_field(filter: RwSignal<TimelineFilter>, calendar: RwSignal<Calendar>, end: End, invalid: RwSignal<bool>) -> impl IntoView {
    let ui = use_ui();
    let (id, testid) = match end {
        End::Start => ("filter-from", "filter-from"),
        End::Finish => ("filter-to", "filter-to"),
    };
    let get = move |f: &TimelineFilter| match end {
        End::Start => f.from,
        End::Finish => f.to,
    };
    view! {
        <div class="field date">
            <label for=id>{move || match end { End::Start => ui.t().from, End::Finish => ui.t().to }}</label>
            <input id=id type="text" inputmode="numeric" autocomplete="off" spellcheck="false" data-testid=testid
                placeholder=move || typed_date::placeholder(ui.lang(), calendar.get())
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || {
                    let (lang, cal) = (ui.lang(), calendar.get());
                    filter.with(|f| get(f).map(|d| typed_date::show(lang, cal, &d, end)).unwrap_or_default())
                }
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let date = typed_date::parse(&text, calendar.get_untracked(), end);
                    invalid.set(date.is_none() && !text.trim().is_empty());
                    filter.update(|f| match end {
                        End::Start => f.from = date,
                        End::Finish => f.to = date,
                    });
                } />
        </div>
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[component]
pub fn FilterBar(filter: RwSignal<TimelineFilter>, facets: Memo<Facets>, calendar: RwSignal<Calendar>) -> impl IntoView {
    let ui = use_ui();
    let f = move || filter.get();
    // A date field holding text that is no date (it filters nothing, and "clear" empties it too).
    let (bad_from, bad_to) = (RwSignal::new(false), RwSignal::new(false));
    view! {
        <form class="filters" role="search" aria-label=move || ui.t().filters on:submit=|ev| ev.prevent_default()>
            <div class="field search">
                <label for="filter-text">{move || ui.t().search}</label>
                <input
                    id="filter-text"
                    type="search"
                    data-testid="filter-text"
                    dir="auto"
                    placeholder=move || ui.t().search_placeholder
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))
                />
            </div>
            {move || {
                let t = ui.t();
                let lang = ui.lang();
                let fc = facets.get();
                let pairs = |v: &[String]| v.iter().map(|x| (x.clone(), x.clone())).collect::<Vec<_>>();
                let countries = fc.countries.iter().map(|c| (c.clone(), names::party(lang, c))).collect();
                let roles = fc.roles.iter().map(|r| (r.clone(), names::role(lang, r))).collect();
                let topics = fc.topics.iter().map(|x| (x.clone(), names::topic(lang, x))).collect();
                let langs = fc.langs.iter().map(|c| (c.clone(), t.lang_name(c))).collect();
                let statuses = vec![("held".to_string(), t.held.to_string()), ("planned".to_string(), t.planned.to_string())];
                let modes = vec![("in_person".to_string(), t.in_person.to_string()), ("phone".to_string(), t.phone.to_string()), ("video".to_string(), t.video.to_string())];
                view! {
                    {select(t.country, "country", countries, move || f().country.unwrap_or_default(), move |v| filter.update(|f| f.country = non_empty(v)))}
                    {select(t.person, "person", pairs(&fc.people), move || f().person.unwrap_or_default(), move |v| filter.update(|f| f.person = non_empty(v)))}
                    {select(t.role, "role", roles, move || f().role.unwrap_or_default(), move |v| filter.update(|f| f.role = non_empty(v)))}
                    {select(t.language, "lang", langs, move || f().lang.unwrap_or_default(), move |v| filter.update(|f| f.lang = non_empty(v)))}
                    {select(t.topic, "topic", topics, move || f().topic.unwrap_or_default(), move |v| filter.update(|f| f.topic = non_empty(v)))}
                    {select(t.status, "status", statuses, move || f().status.map(|s| s.as_str().to_string()).unwrap_or_default(), move |v| filter.update(|f| f.status = match v.as_str() { "held" => Some(Status::Held), "planned" => Some(Status::Planned), _ => None }))}
                    {select(t.mode, "mode", modes, move || f().mode.map(|m| m.as_str().to_string()).unwrap_or_default(), move |v| filter.update(|f| f.mode = match v.as_str() { "in_person" => Some(Mode::InPerson), "phone" => Some(Mode::Phone), "video" => Some(Mode::Video), _ => None }))}
                }
            }}
            {date_field(filter, calendar, End::Start, bad_from)}
            {date_field(filter, calendar, End::Finish, bad_to)}
            <button type="button" class="secondary" data-testid="clear-filters"
                disabled=move || filter.with(|f| f.is_empty()) && !bad_from.get() && !bad_to.get()
                on:click=move |_| {
                    filter.set(TimelineFilter::default());
                    bad_from.set(false);
                    bad_to.set(false);
                }>
                {move || ui.t().clear_filters}
            </button>
        </form>
    }
}
