//! The interface in English, Arabic and Persian: one table of strings per
//! language, the chosen language kept in localStorage, and `<html lang dir>`
//! set so the whole layout mirrors for the right-to-left ones.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
    Fa,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ar, Lang::Fa];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
        }
    }

    pub fn from_code(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }

    pub fn rtl(self) -> bool {
        self != Lang::En
    }

    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language's own name, for the selector.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Ar => &AR,
            Lang::Fa => &FA,
        }
    }

    /// Write ASCII digits in the language's own digits (Persian ۰–۹, Arabic ٠–٩).
    pub fn digits(self, s: &str) -> String {
        let zero = match self {
            Lang::En => return s.to_string(),
            Lang::Ar => '٠',
            Lang::Fa => '۰',
        };
        s.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
                _ => c,
            })
            .collect()
    }

    pub fn num(self, n: usize) -> String {
        self.digits(&n.to_string())
    }
}

/// Every piece of interface text.
pub struct Strings {
    pub tagline: &'static str,
    pub interface_language: &'static str,
    pub articles: &'static str,
    pub add_article: &'static str,
    pub paste_placeholder: &'static str,
    pub analyze: &'static str,
    pub timeline: &'static str,
    pub counterparts: &'static str,
    pub views: &'static str,
    pub meetings: fn(Lang, usize, usize) -> String,
    pub lanes: &'static str,
    pub by_counterpart: &'static str,
    pub by_occasion: &'static str,
    pub by_person: &'static str,
    pub calendar: &'static str,
    pub gregorian: &'static str,
    pub jalali: &'static str,
    pub hijri: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub show_all: &'static str,
    pub earlier: &'static str,
    pub later: &'static str,
    pub axis_label: &'static str,
    pub filters: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub country: &'static str,
    pub person: &'static str,
    pub role: &'static str,
    pub language: &'static str,
    pub topic: &'static str,
    pub status: &'static str,
    pub mode: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub any: &'static str,
    pub held: &'static str,
    pub planned: &'static str,
    pub in_person: &'static str,
    pub phone: &'static str,
    pub video: &'static str,
    pub clear_filters: &'static str,
    pub date_unknown: &'static str,
    pub undated: &'static str,
    pub no_occasion: &'static str,
    pub unnamed: &'static str,
    pub sources: fn(Lang, usize) -> String,
    pub open_article: &'static str,
    pub close: &'static str,
    pub no_match: &'static str,
    /// The button under a long list: (language, rows not yet shown).
    pub show_more: fn(Lang, usize) -> String,
    pub matrix_caption: &'static str,
    pub total: &'static str,
    pub met_times: fn(Lang, &str, &str, u32) -> String,
    pub article_missing: &'static str,
    pub lang_names: [(&'static str, &'static str); 5],
}

impl Strings {
    /// The name of an article language code ("fa" → "Persian").
    pub fn lang_name(&self, code: &str) -> String {
        self.lang_names.iter().find(|(c, _)| *c == code).map_or_else(|| code.to_string(), |(_, n)| n.to_string())
    }
}

pub static EN: Strings = Strings {
    tagline: "Diplomatic meetings in Arabic, Persian and English news, read in your browser. Nothing leaves this page.",
    interface_language: "Interface language",
    articles: "Articles",
    add_article: "Add an article",
    paste_placeholder: "Paste an article in Arabic, Persian or English…",
    analyze: "Analyse and add",
    timeline: "Timeline",
    counterparts: "Counterparts",
    views: "Views",
    meetings: |l, shown, all| {
        if shown == all {
            format!("{} meeting{}", l.num(all), if all == 1 { "" } else { "s" })
        } else {
            format!("{} of {} meetings", l.num(shown), l.num(all))
        }
    },
    lanes: "Lanes",
    by_counterpart: "Counterpart",
    by_occasion: "Occasion",
    by_person: "Person",
    calendar: "Calendar",
    gregorian: "Gregorian",
    jalali: "Solar Hijri",
    hijri: "Lunar Hijri",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    show_all: "Show all",
    earlier: "Earlier",
    later: "Later",
    axis_label: "Time axis. Plus and minus zoom, arrow keys move, 0 shows all.",
    filters: "Filters",
    search: "Search",
    search_placeholder: "Name, place, words of the report…",
    country: "Country",
    person: "Person",
    role: "Role",
    language: "Language",
    topic: "Topic",
    status: "Status",
    mode: "Mode",
    from: "From",
    to: "To",
    any: "Any",
    held: "held",
    planned: "planned",
    in_person: "in person",
    phone: "phone",
    video: "video",
    clear_filters: "Clear filters",
    date_unknown: "date unknown",
    undated: "Undated",
    no_occasion: "No occasion",
    unnamed: "unnamed",
    sources: |l, n| format!("{} source{}", l.num(n), if n == 1 { "" } else { "s" }),
    open_article: "Open the article",
    close: "Close",
    no_match: "No meeting matches these filters.",
    show_more: |l, rest| format!("Show more ({} not shown)", l.num(rest)),
    matrix_caption: "Meetings between each pair of parties",
    total: "All",
    met_times: |l, a, b, n| format!("{a} and {b}: {} meeting{}", l.num(n as usize), if n == 1 { "" } else { "s" }),
    article_missing: "This article is no longer in the library.",
    lang_names: [("ar", "Arabic"), ("fa", "Persian"), ("en", "English"), ("ur", "Urdu"), ("other", "Other")],
};

pub static AR: Strings = Strings {
    tagline: "اللقاءات الدبلوماسية في الأخبار العربية والفارسية والإنجليزية، تُقرأ في متصفحك. لا شيء يغادر هذه الصفحة.",
    interface_language: "لغة الواجهة",
    articles: "المقالات",
    add_article: "أضف مقالاً",
    paste_placeholder: "الصق مقالاً بالعربية أو الفارسية أو الإنجليزية…",
    analyze: "حلّل وأضف",
    timeline: "الخط الزمني",
    counterparts: "النظراء",
    views: "طرق العرض",
    meetings: |l, shown, all| if shown == all { format!("{} لقاء", l.num(all)) } else { format!("{} من {} لقاء", l.num(shown), l.num(all)) },
    lanes: "المسارات",
    by_counterpart: "الطرف المقابل",
    by_occasion: "المناسبة",
    by_person: "الشخص",
    calendar: "التقويم",
    gregorian: "الميلادي",
    jalali: "الهجري الشمسي",
    hijri: "الهجري القمري",
    zoom_in: "تكبير",
    zoom_out: "تصغير",
    show_all: "عرض الكل",
    earlier: "أقدم",
    later: "أحدث",
    axis_label: "محور الزمن. زائد وناقص للتكبير والتصغير، والأسهم للتحريك، وصفر لعرض الكل.",
    filters: "التصفية",
    search: "بحث",
    search_placeholder: "اسم، مكان، كلمات من الخبر…",
    country: "الدولة",
    person: "الشخص",
    role: "المنصب",
    language: "اللغة",
    topic: "الموضوع",
    status: "الحالة",
    mode: "الطريقة",
    from: "من",
    to: "إلى",
    any: "الكل",
    held: "عُقد",
    planned: "مُرتقب",
    in_person: "حضورياً",
    phone: "هاتفياً",
    video: "عبر الفيديو",
    clear_filters: "مسح التصفية",
    date_unknown: "تاريخ غير معروف",
    undated: "بلا تاريخ",
    no_occasion: "بلا مناسبة",
    unnamed: "غير مسمّى",
    sources: |l, n| format!("{} مصدر", l.num(n)),
    open_article: "افتح المقال",
    close: "إغلاق",
    no_match: "لا لقاء يطابق هذه التصفية.",
    show_more: |l, rest| format!("عرض المزيد ({} غير معروضة)", l.num(rest)),
    matrix_caption: "عدد اللقاءات بين كل طرفين",
    total: "المجموع",
    met_times: |l, a, b, n| format!("{a} و{b}: {} لقاء", l.num(n as usize)),
    article_missing: "لم يعد هذا المقال في المكتبة.",
    lang_names: [("ar", "العربية"), ("fa", "الفارسية"), ("en", "الإنجليزية"), ("ur", "الأردية"), ("other", "أخرى")],
};

pub static FA: Strings = Strings {
    tagline: "دیدارهای دیپلماتیک در اخبار عربی، فارسی و انگلیسی، خوانده‌شده در مرورگر شما. هیچ چیز از این صفحه بیرون نمی‌رود.",
    interface_language: "زبان رابط",
    articles: "مقاله‌ها",
    add_article: "افزودن مقاله",
    paste_placeholder: "مقاله‌ای به عربی، فارسی یا انگلیسی بچسبانید…",
    analyze: "تحلیل و افزودن",
    timeline: "خط زمانی",
    counterparts: "طرف‌های دیدار",
    views: "نماها",
    meetings: |l, shown, all| if shown == all { format!("{} دیدار", l.num(all)) } else { format!("{} از {} دیدار", l.num(shown), l.num(all)) },
    lanes: "ردیف‌ها",
    by_counterpart: "طرف مقابل",
    by_occasion: "مناسبت",
    by_person: "شخص",
    calendar: "تقویم",
    gregorian: "میلادی",
    jalali: "هجری شمسی",
    hijri: "هجری قمری",
    zoom_in: "بزرگ‌نمایی",
    zoom_out: "کوچک‌نمایی",
    show_all: "نمایش همه",
    earlier: "پیش‌تر",
    later: "پس‌تر",
    axis_label: "محور زمان. به‌علاوه و منها برای بزرگ‌نمایی، کلیدهای جهت برای جابه‌جایی، صفر برای نمایش همه.",
    filters: "پالایه‌ها",
    search: "جست‌وجو",
    search_placeholder: "نام، مکان، واژه‌های خبر…",
    country: "کشور",
    person: "شخص",
    role: "سمت",
    language: "زبان",
    topic: "موضوع",
    status: "وضعیت",
    mode: "شیوه",
    from: "از",
    to: "تا",
    any: "همه",
    held: "برگزارشده",
    planned: "برنامه‌ریزی‌شده",
    in_person: "حضوری",
    phone: "تلفنی",
    video: "ویدئویی",
    clear_filters: "پاک کردن پالایه‌ها",
    date_unknown: "تاریخ نامعلوم",
    undated: "بی‌تاریخ",
    no_occasion: "بی‌مناسبت",
    unnamed: "بی‌نام",
    sources: |l, n| format!("{} منبع", l.num(n)),
    open_article: "باز کردن مقاله",
    close: "بستن",
    no_match: "هیچ دیداری با این پالایه‌ها جور نیست.",
    show_more: |l, rest| format!("نمایش بیشتر ({} نمایش داده نشده)", l.num(rest)),
    matrix_caption: "شمار دیدارهای میان هر دو طرف",
    total: "همه",
    met_times: |l, a, b, n| format!("{a} و {b}: {} دیدار", l.num(n as usize)),
    article_missing: "این مقاله دیگر در کتابخانه نیست.",
    lang_names: [("ar", "عربی"), ("fa", "فارسی"), ("en", "انگلیسی"), ("ur", "اردو"), ("other", "دیگر")],
};

const STORAGE_KEY: &str = "didar.ui-lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The interface language chosen before, if any (an unreadable value is ignored, never rewritten until the user chooses).
fn saved_lang() -> Option<Lang> {
    storage()?.get_item(STORAGE_KEY).ok()?.as_deref().and_then(Lang::from_code)
}

/// The interface language, shared by every component through context.
#[derive(Clone, Copy)]
pub struct Ui(pub RwSignal<Lang>);

impl Ui {
    pub fn lang(&self) -> Lang {
        self.0.get()
    }
    pub fn t(&self) -> &'static Strings {
        self.0.get().strings()
    }
}

/// Provide the interface language to the app and keep `<html lang dir>` and
/// localStorage in step with it.
pub fn provide_ui() -> Ui {
    let ui = Ui(RwSignal::new(saved_lang().unwrap_or_default()));
    provide_context(ui);
    Effect::new(move |previous: Option<Lang>| {
        let lang = ui.0.get();
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", lang.code());
            let _ = html.set_attribute("dir", lang.dir());
        }
        if previous.is_some_and(|p| p != lang) {
            if let Some(s) = storage() {
                let _ = s.set_item(STORAGE_KEY, lang.code());
            }
        }
        lang
    });
    ui
}

pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_else(|| Ui(RwSignal::new(Lang::En)))
}

/// The interface language selector.
#[component]
pub fn LangSelect() -> impl IntoView {
    let ui = use_ui();
    view! {
        <label class="lang-select">
            <span class="visually-hidden">{move || ui.t().interface_language}</span>
            <select
                data-testid="ui-lang"
                aria-label=move || ui.t().interface_language
                on:change=move |ev| {
                    if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                        ui.0.set(l);
                    }
                }
            >
                {Lang::ALL.into_iter().map(|l| view! {
                    <option value=l.code() lang=l.code() selected=move || ui.lang() == l>{l.endonym()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
