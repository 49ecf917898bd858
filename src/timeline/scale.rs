//! The timeline's time axis: the [`Scale`] with its zoom, pan and ticks in
//! any of the three calendars ([`Calendar`]), and dates as the interface shows
//! them in a calendar ([`shown_date`]).

use crate::model::calendar::{from_hijri, from_jalali, to_hijri, to_jalali, Ymd};
use crate::model::PartialDate;

/// The interval of days `[start, end)` a date may be (day numbers of [`Ymd::day_number`]).
pub fn day_span(d: &PartialDate) -> Option<(i64, i64)> {
    let (y, m, d0) = d.first_day();
    let first = Ymd::new(y, m, d0)?;
    let (y, m, d1) = d.last_day();
    let last_day = d1.min(crate::model::calendar::days_in_month(y, m)?);
    let last = Ymd::new(y, m, last_day)?;
    Some((first.day_number(), last.day_number() + 1))
}

/// The calendar dates are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Calendar {
    #[default]
    Gregorian,
    /// Solar Hijri (Iran's and Afghanistan's civil calendar).
    Jalali,
    /// Lunar Hijri (Umm al-Qura).
    Hijri,
}

impl Calendar {
    pub const ALL: [Calendar; 3] = [Calendar::Gregorian, Calendar::Jalali, Calendar::Hijri];

    pub fn code(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Jalali => "jalali",
            Calendar::Hijri => "hijri",
        }
    }

    pub fn from_code(s: &str) -> Option<Calendar> {
        Calendar::ALL.into_iter().find(|c| c.code() == s)
    }

    /// A Gregorian day as (year, month, day) of this calendar.
    pub fn date_of(self, d: Ymd) -> Option<(i32, u8, u8)> {
        match self {
            Calendar::Gregorian => Some((d.year, d.month, d.day)),
            Calendar::Jalali => to_jalali(d),
            Calendar::Hijri => to_hijri(d),
        }
    }

    /// The Gregorian day of a date of this calendar.
    pub fn day_of(self, year: i32, month: u8, day: u8) -> Option<Ymd> {
        match self {
            Calendar::Gregorian => Ymd::new(year, month, day),
            Calendar::Jalali => from_jalali(year, month, day),
            Calendar::Hijri => from_hijri(year, month, day),
        }
    }
}

/// A meeting's date as written in a calendar: a Gregorian month or year is a
/// range of months or years in the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownDate {
    Day { year: i32, month: u8, day: u8 },
    Months { from: (i32, u8), to: (i32, u8) },
    Years { from: i32, to: i32 },
}

pub fn shown_date(d: &PartialDate, cal: Calendar) -> Option<ShownDate> {
    let (start, end) = day_span(d)?;
    let first = cal.date_of(Ymd::from_day_number(start)?)?;
    let last = cal.date_of(Ymd::from_day_number(end - 1)?)?;
    Some(match d.precision() {
        "day" => ShownDate::Day { year: first.0, month: first.1, day: first.2 },
        "month" => ShownDate::Months { from: (first.0, first.1), to: (last.0, last.1) },
        _ => ShownDate::Years { from: first.0, to: last.0 },
    })
}

/// The visible stretch of time, in (fractional) day numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub start: f64,
    pub end: f64,
}

/// Where an axis tick falls, and what it marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    /// Day number where the tick stands.
    pub day: i64,
    pub unit: TickUnit,
    /// Year, month and day of the calendar the ticks were made in.
    pub year: i32,
    pub month: u8,
    pub dom: u8,
}

impl Scale {
    /// Narrowest view: a week.
    pub const MIN_SPAN: f64 = 7.0;
    /// Widest view: two centuries.
    pub const MAX_SPAN: f64 = 365.25 * 200.0;

    fn new(start: f64, end: f64) -> Scale {
        let (mut start, mut end) = if start.is_finite() && end.is_finite() && end > start { (start, end) } else { (0.0, 365.0) };
        let mid = (start + end) / 2.0;
        let span = (end - start).clamp(Self::MIN_SPAN, Self::MAX_SPAN);
        start = mid - span / 2.0;
        end = mid + span / 2.0;
        Scale { start, end }
    }

    /// A view that shows all these day spans with a margin; ten years from 2015 when there are none.
    pub fn fit(spans: impl IntoIterator<Item = (i64, i64)>) -> Scale {
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for (a, b) in spans {
            lo = lo.min(a);
            hi = hi.max(b);
        }
        if lo > hi {
            let d = |y| Ymd::new(y, 1, 1).map_or(0, |d| d.day_number()) as f64;
            return Scale::new(d(2015), d(2025));
        }
        let margin = ((hi - lo) as f64 * 0.06).max(15.0);
        Scale::new(lo as f64 - margin, hi as f64 + margin)
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Position of a day on an axis `width` wide.
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.start) / self.span() * width
    }

    /// Zoom in (`factor` > 1) or out (< 1) keeping the day at `anchor`
    /// (0 = left edge, 1 = right edge) where it is.
    pub fn zoom(&self, factor: f64, anchor: f64) -> Scale {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor = if anchor.is_finite() { anchor.clamp(0.0, 1.0) } else { 0.5 };
        let span = (self.span() / factor).clamp(Self::MIN_SPAN, Self::MAX_SPAN);
        let at = self.start + anchor * self.span();
        Scale { start: at - anchor * span, end: at - anchor * span + span }
    }

    /// Move by a fraction of the visible span (positive: later).
    pub fn pan(&self, fraction: f64) -> Scale {
        let shift = if fraction.is_finite() { fraction.clamp(-10.0, 10.0) * self.span() } else { 0.0 };
        Scale { start: self.start + shift, end: self.end + shift }
    }

    /// The finest unit and step of the ticks that puts at most `max` across the view.
    fn tick_step(&self, max: usize) -> (TickUnit, i64) {
        let days = self.span();
        let max = max.max(2) as f64;
        let candidates = [
            (TickUnit::Day, 1, 1.0),
            (TickUnit::Day, 2, 1.0),
            (TickUnit::Day, 7, 1.0),
            (TickUnit::Month, 1, 30.44),
            (TickUnit::Month, 2, 30.44),
            (TickUnit::Month, 3, 30.44),
            (TickUnit::Month, 6, 30.44),
        ];
        if let Some(&(unit, step, _)) = candidates.iter().find(|(_, step, len)| days / (*step as f64 * len) <= max) {
            return (unit, step);
        }
        let years = days / 365.25;
        let step = [1, 2, 5, 10, 20, 25, 50, 100].into_iter().find(|&s| years / s as f64 <= max).unwrap_or(100);
        (TickUnit::Year, step)
    }

    /// The ticks in view (about `max` of them at most), at the starts of years, months or days of `cal`.
    pub fn ticks(&self, cal: Calendar, max: usize) -> Vec<Tick> {
        let (unit, step) = self.tick_step(max);
        let mut out = Vec::new();
        let (Some(first), Some(_)) = (Ymd::from_day_number(self.start.floor() as i64), Ymd::from_day_number(self.end.ceil() as i64)) else {
            return out;
        };
        let Some((y0, m0, _)) = cal.date_of(first) else { return out };
        let in_view = |d: i64| (d as f64) >= self.start && (d as f64) <= self.end;
        match unit {
            TickUnit::Year => {
                let mut y = y0 - y0.rem_euclid(step as i32);
                while let Some(d) = cal.day_of(y, 1, 1) {
                    let n = d.day_number();
                    if n as f64 > self.end || out.len() > 60 {
                        break;
                    }
                    if in_view(n) {
                        out.push(Tick { day: n, unit, year: y, month: 1, dom: 1 });
                    }
                    y += step as i32;
                }
            }
            TickUnit::Month => {
                let (mut y, mut m) = (y0, m0 as i64);
                m -= (m - 1).rem_euclid(step);
                while let Some(d) = cal.day_of(y, m as u8, 1) {
                    let n = d.day_number();
                    if n as f64 > self.end || out.len() > 60 {
                        break;
                    }
                    if in_view(n) {
                        out.push(Tick { day: n, unit, year: y, month: m as u8, dom: 1 });
                    }
                    m += step;
                    if m > 12 {
                        m -= 12;
                        y += 1;
                    }
                }
            }
            TickUnit::Day => {
                let mut n = self.start.ceil() as i64;
                while (n as f64) <= self.end && out.len() <= 60 {
                    let Some((y, m, d)) = Ymd::from_day_number(n).and_then(|g| cal.date_of(g)) else { break };
                    if step == 1 || (step < 7 && (d as i64 - 1) % step == 0) || (step >= 7 && (d == 1 || (d as i64 - 1) % step == 0 && d <= 28)) {
                        out.push(Tick { day: n, unit, year: y, month: m, dom: d });
                    }
                    n += 1;
                }
            }
        }
        out
    }
}

