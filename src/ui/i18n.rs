//! The interface in English, Arabic and Persian: one table of strings per
//! language, the chosen language kept in localStorage, and `<html lang dir>`
//! set so the whole layout mirrors for the right-to-left ones.

use leptos::prelude::*;

pub use crate::timeline::names::Lang;

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Ar => &AR,
            Lang::Fa => &FA,
        }
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
    /// A meeting dated only by an interval: "between X and Y".
    pub date_between: fn(Lang, &str, &str) -> String,
    /// An interval open at its end ("from X") or at its start ("until Y").
    pub date_from: fn(&str) -> String,
    pub date_until: fn(&str) -> String,
    /// The heading of a meeting's date reasons.
    pub why_date: &'static str,
    /// What a kind of date reason is (`DateReason::kind`).
    pub reason_kind: fn(&str) -> &'static str,
    pub undated: &'static str,
    pub no_occasion: &'static str,
    pub unnamed: &'static str,
    pub sources: fn(Lang, usize) -> String,
    pub open_article: &'static str,
    pub close: &'static str,
    pub no_match: &'static str,
    /// The button under a long list: (language, rows not yet shown).
    pub show_more: fn(Lang, usize) -> String,
    /// A cluster of marks on the axis: (language, meetings, first day, last day).
    pub cluster: fn(Lang, usize, &str, &str) -> String,
    /// A lane's undated meetings drawn as one mark.
    pub undated_count: fn(Lang, usize) -> String,
    /// The button that lists a meeting's further reports, and the one that hides them.
    pub more_sources: fn(Lang, usize) -> String,
    pub fewer_sources: &'static str,
    /// After a name the text does not give, known from the terms of office.
    pub by_office: &'static str,
    pub matrix_caption: &'static str,
    pub matrix_cut: fn(Lang, usize, usize) -> String,
    pub total: &'static str,
    pub met_times: fn(Lang, &str, &str, u32) -> String,
    pub article_missing: &'static str,
    pub lang_names: [(&'static str, &'static str); 5],
    // The side panel: pasting, importing, exporting, correcting, saving.
    /// After pasting: (language, meetings found).
    pub pasted: fn(Lang, usize) -> String,
    /// While a long paste is analysed: (language, its size in KB).
    pub analysing_paste: fn(Lang, usize) -> String,
    pub cancel: &'static str,
    /// A long paste held instead of shown: (language, its size in KB).
    pub long_paste: fn(Lang, usize) -> String,
    pub clear_paste: &'static str,
    pub paste_cancelled: &'static str,
    pub open_files: &'static str,
    pub import_hint: &'static str,
    pub drop_files: &'static str,
    pub analysing: &'static str,
    pub opening_library: &'static str,
    /// The progress bar's label: (language, what, done, total).
    pub progress: fn(Lang, &str, usize, usize) -> String,
    /// After an import: (language, articles added, their meetings).
    pub imported: fn(Lang, usize, usize) -> String,
    pub corrections_imported: fn(Lang, usize) -> String,
    pub already_in_library: fn(Lang, usize) -> String,
    /// Followed by the refused files, each "name: why".
    pub not_imported: &'static str,
    pub nothing_changed: &'static str,
    pub wait_for_import: &'static str,
    pub export: &'static str,
    pub export_library: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub export_ics: &'static str,
    pub exported: fn(Lang, usize) -> String,
    pub left_out_undated: fn(Lang, usize) -> String,
    pub correct_meetings: &'static str,
    pub article: &'static str,
    /// Before a bundled article's name in the article selector.
    pub bundled_tag: &'static str,
    pub parties_field: &'static str,
    pub date_field: &'static str,
    pub added_by_you: &'static str,
    pub corrected: &'static str,
    pub save: &'static str,
    pub delete_meeting: &'static str,
    pub add_meeting: &'static str,
    pub remove_article: &'static str,
    pub really_remove: &'static str,
    pub saved_correction: &'static str,
    pub added_meeting: &'static str,
    pub removed_article: fn(Lang, &str) -> String,
    pub opening_saved: &'static str,
    pub saved_here: &'static str,
    pub not_saved: fn(Lang, &str) -> String,
    pub set_aside: fn(Lang, usize) -> String,
    pub download_set_aside: &'static str,
    pub save_again: &'static str,
    pub persist_granted: &'static str,
    pub persist_denied: &'static str,
    /// An article's origin in the article list.
    pub bundled: &'static str,
    pub yours: &'static str,
    /// An article's language in the article list (English keeps the code).
    pub article_lang: fn(Lang, &str) -> String,
    pub published: fn(Lang, &str) -> String,
    /// A new build of the app was deployed and installed for offline use while this page was open.
    pub update_ready: &'static str,
    pub reload: &'static str,
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
    date_between: |_, a, b| format!("between {a} and {b}"),
    date_from: |a| format!("from {a}"),
    date_until: |b| format!("until {b}"),
    why_date: "Why this date",
    reason_kind: |k| match k {
        "text" => "The report's date",
        "published" => "Day of writing",
        "occasion" => "The occasion's dates",
        "office" => "Term of office",
        "event" => "After an event it mentions",
        "ahead" => "Before an event it looks ahead to",
        "recent" => "Recent news",
        "newly" => "Newly in office",
        "weekday" => "The weekday it gives",
        "article" => "Another meeting of the visit",
        "report" => "Another report",
        _ => "Evidence",
    },
    undated: "Undated",
    no_occasion: "No occasion",
    unnamed: "unnamed",
    sources: |l, n| format!("{} source{}", l.num(n), if n == 1 { "" } else { "s" }),
    open_article: "Open the article",
    close: "Close",
    no_match: "No meeting matches these filters.",
    show_more: |l, rest| format!("Show more ({} not shown)", l.num(rest)),
    cluster: |l, n, from, to| format!("{} meetings, {from} – {to}: zoom in", l.num(n)),
    undated_count: |l, n| format!("{} undated meetings", l.num(n)),
    more_sources: |l, n| format!("{} more sources", l.num(n)),
    fewer_sources: "Fewer sources",
    by_office: "[by office]",
    matrix_caption: "Meetings between each pair of parties",
    matrix_cut: |l, n, all| format!("The {} parties with the most meetings are shown, of {}.", l.num(n), l.num(all)),
    total: "All",
    met_times: |l, a, b, n| format!("{a} and {b}: {} meeting{}", l.num(n as usize), if n == 1 { "" } else { "s" }),
    article_missing: "This article is no longer in the library.",
    lang_names: [("ar", "Arabic"), ("fa", "Persian"), ("en", "English"), ("ur", "Urdu"), ("other", "Other")],
    pasted: |_, n| format!("Added. {n} meeting{} found.", if n == 1 { "" } else { "s" }),
    analysing_paste: |l, kb| format!("Analysing the pasted article ({} KB)…", l.num(kb)),
    cancel: "Cancel",
    long_paste: |l, kb| format!("A long text was pasted ({} KB). It is kept here without being shown in full; it begins:", l.num(kb)),
    clear_paste: "Clear",
    paste_cancelled: "Cancelled: the article was not added; the library is unchanged.",
    open_files: "Open files…",
    import_hint: ".txt, .html or .json (a Didar library or a list of articles); or drop them anywhere on the page.",
    drop_files: "Drop files to add them",
    analysing: "Analysing",
    opening_library: "Opening your library",
    progress: |_, what, done, total| format!("{what} {done} of {total} articles…"),
    imported: |_, added, meetings| {
        format!("Added {added} article{} ({meetings} meeting{}).", if added == 1 { "" } else { "s" }, if meetings == 1 { "" } else { "s" })
    },
    corrections_imported: |_, n| format!("{n} correction{} imported.", if n == 1 { "" } else { "s" }),
    already_in_library: |_, n| format!("{n} already in the library."),
    not_imported: "Not imported:",
    nothing_changed: "Nothing was changed.",
    wait_for_import: "Wait until the current import is done.",
    export: "Export",
    export_library: "Library (JSON)",
    export_csv: "Meetings CSV",
    export_json: "Meetings JSON",
    export_ics: "Calendar (.ics)",
    exported: |_, n| format!("Exported {n} article{} and your corrections.", if n == 1 { "" } else { "s" }),
    left_out_undated: |_, n| format!("{n} meeting{} not dated to within a month left out of the calendar.", if n == 1 { "" } else { "s" }),
    correct_meetings: "Correct meetings",
    article: "Article",
    bundled_tag: "(bundled) ",
    parties_field: "Parties (codes, e.g. IR KZ)",
    date_field: "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
    added_by_you: "added by you",
    corrected: "corrected",
    save: "Save",
    delete_meeting: "Delete meeting",
    add_meeting: "Add a meeting",
    remove_article: "Remove this article",
    really_remove: "Really remove this article?",
    saved_correction: "Saved your correction.",
    added_meeting: "Added the meeting.",
    removed_article: |_, id| format!("Removed “{id}” and its corrections."),
    opening_saved: "Opening the library saved in this browser…",
    saved_here: "Your articles and corrections are saved in this browser.",
    not_saved: |_, why| format!("Not saved: {why}. Export the library to keep your work."),
    set_aside: |_, n| {
        format!("{n} saved record{} could not be read and {} set aside, not deleted.", if n == 1 { "" } else { "s" }, if n == 1 { "was" } else { "were" })
    },
    download_set_aside: "Download the set-aside records",
    save_again: "Save everything shown here again",
    persist_granted: "This browser keeps the library until you remove it (persistent storage).",
    persist_denied: "This browser may clear the library when space runs low: export it to keep a copy.",
    bundled: "bundled",
    yours: "yours",
    article_lang: |_, code| code.to_string(),
    published: |_, p| format!("published {p}"),
    update_ready: "A new version of Didar is installed. Reload the page to use it (your library is kept).",
    reload: "Reload",
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
    meetings: |l, shown, all| if shown == all { ar_count(l, all, AR_MEETING) } else { format!("{} من {} لقاء", l.num(shown), l.num(all)) },
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
    date_between: |_, a, b| format!("بين {a} و{b}"),
    date_from: |a| format!("منذ {a}"),
    date_until: |b| format!("حتى {b}"),
    why_date: "لماذا هذا التاريخ",
    reason_kind: |k| match k {
        "text" => "تاريخ الخبر",
        "published" => "يوم الكتابة",
        "occasion" => "موعد المناسبة",
        "office" => "مدة تولي المنصب",
        "event" => "بعد حدث يذكره",
        "ahead" => "قبل حدث مرتقب",
        "recent" => "خبر حديث",
        "newly" => "حديث العهد بالمنصب",
        "weekday" => "يوم الأسبوع المذكور",
        "article" => "لقاء آخر في الزيارة نفسها",
        "report" => "خبر آخر",
        _ => "دليل",
    },
    undated: "بلا تاريخ",
    no_occasion: "بلا مناسبة",
    unnamed: "غير مسمّى",
    sources: |l, n| ar_count(l, n, AR_SOURCE),
    open_article: "افتح المقال",
    close: "إغلاق",
    no_match: "لا لقاء يطابق هذه التصفية.",
    show_more: |l, rest| format!("عرض المزيد ({} غير معروضة)", l.num(rest)),
    cluster: |l, n, from, to| format!("{} لقاءات، {from} – {to}: تكبير", l.num(n)),
    undated_count: |l, n| format!("{} لقاءات بلا تاريخ", l.num(n)),
    more_sources: |l, n| format!("{} مصادر أخرى", l.num(n)),
    fewer_sources: "مصادر أقل",
    by_office: "[بحكم المنصب]",
    matrix_caption: "عدد اللقاءات بين كل طرفين",
    matrix_cut: |l, n, all| format!("تظهر الأطراف الـ{} الأكثر لقاءات من أصل {}.", l.num(n), l.num(all)),
    total: "المجموع",
    met_times: |l, a, b, n| format!("{a} و{b}: {}", ar_count(l, n as usize, AR_MEETING)),
    article_missing: "لم يعد هذا المقال في المكتبة.",
    lang_names: [("ar", "العربية"), ("fa", "الفارسية"), ("en", "الإنجليزية"), ("ur", "الأردية"), ("other", "أخرى")],
    pasted: |l, n| {
        if n == 0 { "أُضيف المقال، ولم يُعثر فيه على لقاءات.".into() } else { format!("أُضيف المقال، وفيه {}.", ar_count(l, n, AR_MEETING)) }
    },
    analysing_paste: |l, kb| format!("جارٍ تحليل المقال الملصق ({} كيلوبايت)…", l.num(kb)),
    cancel: "إلغاء",
    long_paste: |l, kb| format!("لُصق نص طويل ({} كيلوبايت). يُحفظ هنا دون عرضه كاملًا؛ يبدأ بـ:", l.num(kb)),
    clear_paste: "مسح",
    paste_cancelled: "أُلغي: لم يُضف المقال، والمكتبة لم تتغيّر.",
    open_files: "فتح ملفات…",
    import_hint: "ملفات txt أو html أو json (مكتبة Didar أو قائمة مقالات)؛ أو اسحبها وأفلتها في أي مكان من الصفحة.",
    drop_files: "أفلت الملفات لإضافتها",
    analysing: "جارٍ التحليل",
    opening_library: "جارٍ فتح مكتبتك",
    progress: |l, what, done, total| format!("{what}: {} من {}…", l.num(done), l.num(total)),
    imported: |l, added, meetings| {
        if added == 0 { "لم يُضف أي مقال.".into() } else { format!("المُضاف: {} ({}).", ar_count(l, added, AR_ARTICLE), ar_count(l, meetings, AR_MEETING)) }
    },
    corrections_imported: |l, n| format!("التصحيحات المستوردة: {}.", l.num(n)),
    already_in_library: |l, n| format!("موجود مسبقاً في المكتبة: {}.", ar_count(l, n, AR_ARTICLE)),
    not_imported: "لم يُستورد:",
    nothing_changed: "لم يتغيّر شيء.",
    wait_for_import: "انتظر حتى ينتهي الاستيراد الجاري.",
    export: "تصدير",
    export_library: "المكتبة (JSON)",
    export_csv: "اللقاءات (CSV)",
    export_json: "اللقاءات (JSON)",
    export_ics: "التقويم (ics)",
    exported: |l, n| format!("صُدِّرت المكتبة: {} مع تصحيحاتك.", ar_count(l, n, AR_ARTICLE)),
    left_out_undated: |l, n| format!("لقاءات لا يُعرف تاريخها في حدود شهر لم تُدرَج في التقويم: {}.", l.num(n)),
    correct_meetings: "تصحيح اللقاءات",
    article: "المقال",
    bundled_tag: "(مضمَّن) ",
    parties_field: "الأطراف (رموز، مثل IR KZ)",
    date_field: "التاريخ (YYYY أو YYYY-MM أو YYYY-MM-DD)",
    added_by_you: "أضفته أنت",
    corrected: "مُصحَّح",
    save: "حفظ",
    delete_meeting: "حذف اللقاء",
    add_meeting: "إضافة لقاء",
    remove_article: "حذف هذا المقال",
    really_remove: "هل تريد حذف هذا المقال فعلاً؟",
    saved_correction: "حُفظ تصحيحك.",
    added_meeting: "أُضيف اللقاء.",
    removed_article: |_, id| format!("حُذف «{}» وتصحيحاته.", isolated(id)),
    opening_saved: "جارٍ فتح المكتبة المحفوظة في هذا المتصفح…",
    saved_here: "مقالاتك وتصحيحاتك محفوظة في هذا المتصفح.",
    not_saved: |_, why| format!("لم يُحفظ: {why}. صدِّر المكتبة كي لا تفقد عملك."),
    set_aside: |l, n| {
        if n == 1 { "تعذّرت قراءة سجل محفوظ، فنُقل جانباً ولم يُحذف.".into() } else { format!("تعذّرت قراءة سجلات محفوظة ({})، فنُقلت جانباً ولم تُحذف.", l.num(n)) }
    },
    download_set_aside: "تنزيل السجلات المنقولة جانباً",
    save_again: "احفظ كل ما يظهر هنا من جديد",
    persist_granted: "يحتفظ هذا المتصفح بالمكتبة حتى تحذفها أنت (تخزين دائم).",
    persist_denied: "قد يمحو هذا المتصفح المكتبة عند نفاد المساحة: صدِّرها لتحتفظ بنسخة.",
    bundled: "مضمَّن",
    yours: "من إضافتك",
    article_lang: |l, code| l.strings().lang_name(code),
    published: |l, p| format!("نُشر في {}", crate::timeline::names::date(l, crate::timeline::scale::Calendar::Gregorian, p).unwrap_or_else(|| l.digits(p))),
    update_ready: "ثُبِّتت نسخة جديدة من ديدار. أعد تحميل الصفحة لاستخدامها (تبقى مكتبتك محفوظة).",
    reload: "إعادة التحميل",
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
    date_between: |_, a, b| format!("میان {a} و {b}"),
    date_from: |a| format!("از {a}"),
    date_until: |b| format!("تا {b}"),
    why_date: "چرا این تاریخ",
    reason_kind: |k| match k {
        "text" => "تاریخ خبر",
        "published" => "روز نگارش",
        "occasion" => "تاریخ رویداد",
        "office" => "دوره تصدی",
        "event" => "پس از رویدادی که یاد می‌کند",
        "ahead" => "پیش از رویدادی در پیش",
        "recent" => "خبر تازه",
        "newly" => "تازه منصوب",
        "weekday" => "روز هفته‌ای که می‌گوید",
        "article" => "دیدار دیگری از همان سفر",
        "report" => "گزارشی دیگر",
        _ => "شاهد",
    },
    undated: "بی‌تاریخ",
    no_occasion: "بی‌مناسبت",
    unnamed: "بی‌نام",
    sources: |l, n| format!("{} منبع", l.num(n)),
    open_article: "باز کردن مقاله",
    close: "بستن",
    no_match: "هیچ دیداری با این پالایه‌ها جور نیست.",
    show_more: |l, rest| format!("نمایش بیشتر ({} نمایش داده نشده)", l.num(rest)),
    cluster: |l, n, from, to| format!("{} دیدار، {from} – {to}: بزرگ‌نمایی", l.num(n)),
    undated_count: |l, n| format!("{} دیدار بی‌تاریخ", l.num(n)),
    more_sources: |l, n| format!("{} منبع دیگر", l.num(n)),
    fewer_sources: "منابع کمتر",
    by_office: "[بر پایه سمت]",
    matrix_caption: "شمار دیدارهای میان هر دو طرف",
    matrix_cut: |l, n, all| format!("{} طرفی که بیشترین دیدار را داشته‌اند نشان داده شده‌اند، از {} طرف.", l.num(n), l.num(all)),
    total: "همه",
    met_times: |l, a, b, n| format!("{a} و {b}: {} دیدار", l.num(n as usize)),
    article_missing: "این مقاله دیگر در کتابخانه نیست.",
    lang_names: [("ar", "عربی"), ("fa", "فارسی"), ("en", "انگلیسی"), ("ur", "اردو"), ("other", "دیگر")],
    pasted: |l, n| if n == 0 { "افزوده شد. هیچ دیداری یافت نشد.".into() } else { format!("افزوده شد. {} دیدار یافت شد.", l.num(n)) },
    analysing_paste: |l, kb| format!("در حال تحلیل مقالهٔ چسبانده‌شده ({} کیلوبایت)…", l.num(kb)),
    cancel: "لغو",
    long_paste: |l, kb| format!("متن بلندی چسبانده شد ({} کیلوبایت). اینجا نگه داشته می‌شود بی‌آنکه کامل نمایش داده شود؛ آغازش:", l.num(kb)),
    clear_paste: "پاک کردن",
    paste_cancelled: "لغو شد: مقاله افزوده نشد و کتابخانه تغییری نکرد.",
    open_files: "بارگذاری فایل‌ها…",
    import_hint: "فایل‌های txt،\u{200F} html یا json (کتابخانهٔ Didar یا فهرستی از مقاله‌ها)؛ یا آن‌ها را به هر جای صفحه بکشید و رها کنید.",
    drop_files: "فایل‌ها را رها کنید تا افزوده شوند",
    analysing: "در حال تحلیل",
    opening_library: "در حال باز کردن کتابخانهٔ شما",
    progress: |l, what, done, total| format!("{what}: {} از {} مقاله…", l.num(done), l.num(total)),
    imported: |l, added, meetings| {
        if added == 0 { "هیچ مقاله‌ای افزوده نشد.".into() } else { format!("{} مقاله افزوده شد ({} دیدار).", l.num(added), l.num(meetings)) }
    },
    corrections_imported: |l, n| format!("{} اصلاح وارد شد.", l.num(n)),
    already_in_library: |l, n| format!("{} مقاله از پیش در کتابخانه بود.", l.num(n)),
    not_imported: "وارد نشد:",
    nothing_changed: "چیزی تغییر نکرد.",
    wait_for_import: "صبر کنید تا واردکردن کنونی تمام شود.",
    export: "خروجی",
    export_library: "کتابخانه (JSON)",
    export_csv: "دیدارها (CSV)",
    export_json: "دیدارها (JSON)",
    export_ics: "تقویم (ics)",
    exported: |l, n| format!("از {} مقاله و اصلاح‌های شما خروجی گرفته شد.", l.num(n)),
    left_out_undated: |l, n| format!("{} دیدار که تاریخش تا حد یک ماه معلوم نیست در تقویم گنجانده نشد.", l.num(n)),
    correct_meetings: "اصلاح دیدارها",
    article: "مقاله",
    bundled_tag: "(همراه برنامه) ",
    parties_field: "طرف‌ها (کدها، مثلاً IR KZ)",
    date_field: "تاریخ (YYYY،\u{200F} YYYY-MM یا YYYY-MM-DD)",
    added_by_you: "افزودهٔ شما",
    corrected: "اصلاح‌شده",
    save: "ذخیره",
    delete_meeting: "حذف دیدار",
    add_meeting: "افزودن دیدار",
    remove_article: "حذف این مقاله",
    really_remove: "این مقاله واقعاً حذف شود؟",
    saved_correction: "اصلاح شما ذخیره شد.",
    added_meeting: "دیدار افزوده شد.",
    removed_article: |_, id| format!("«{}» و اصلاح‌هایش حذف شد.", isolated(id)),
    opening_saved: "در حال باز کردن کتابخانهٔ ذخیره‌شده در این مرورگر…",
    saved_here: "مقاله‌ها و اصلاح‌های شما در این مرورگر ذخیره می‌شوند.",
    not_saved: |_, why| format!("ذخیره نشد: {why}. برای نگه داشتن کارتان از کتابخانه خروجی بگیرید."),
    set_aside: |l, n| format!("{} رکورد ذخیره‌شده خوانده نشد و کنار گذاشته شد؛ چیزی حذف نشده است.", l.num(n)),
    download_set_aside: "دانلود رکوردهای کنارگذاشته",
    save_again: "همهٔ آنچه اینجا هست را دوباره ذخیره کنید",
    persist_granted: "این مرورگر کتابخانه را تا وقتی خودتان حذفش نکنید نگه می‌دارد (ذخیره‌سازی ماندگار).",
    persist_denied: "این مرورگر ممکن است هنگام کمبود فضا کتابخانه را پاک کند: برای نگه داشتن نسخه‌ای از آن خروجی بگیرید.",
    bundled: "همراه برنامه",
    yours: "افزودهٔ شما",
    article_lang: |l, code| l.strings().lang_name(code),
    published: |l, p| format!("انتشار: {}", crate::timeline::names::date(l, crate::timeline::scale::Calendar::Gregorian, p).unwrap_or_else(|| l.digits(p))),
    update_ready: "نسخهٔ تازه‌ای از دیدار نصب شد. برای به‌کار بردنش صفحه را دوباره بارگذاری کنید (کتابخانهٔ شما می‌ماند).",
    reload: "بارگذاری دوباره",
};

/// Arabic nouns counted: singular, dual, plural (3–10) and accusative singular (11–99).
type ArNoun = [&'static str; 4];
const AR_MEETING: ArNoun = ["لقاء", "لقاءان", "لقاءات", "لقاءً"];
const AR_ARTICLE: ArNoun = ["مقال", "مقالان", "مقالات", "مقالاً"];
const AR_SOURCE: ArNoun = ["مصدر", "مصدران", "مصادر", "مصدراً"];

/// "لقاء واحد", "لقاءان", "٣ لقاءات", "١١ لقاءً", "١٠٠ لقاء" (nominative; the nouns are masculine).
fn ar_count(l: Lang, n: usize, noun: ArNoun) -> String {
    match n {
        1 => format!("{} واحد", noun[0]),
        2 => noun[1].to_string(),
        _ => {
            let word = match n % 100 {
                3..=10 => noun[2],
                11..=99 => noun[3],
                _ => noun[0],
            };
            format!("{} {word}", l.num(n))
        }
    }
}

/// A message the page shows, written in whichever language the interface is
/// in when it is shown (so switching the language rewrites it).
pub type Said = std::sync::Arc<dyn Fn(Lang) -> String + Send + Sync>;

pub fn said(f: impl Fn(Lang) -> String + Send + Sync + 'static) -> Said {
    std::sync::Arc::new(f)
}

/// The core's messages (why a file, an article, a correction or a saved
/// record was refused), English templates with their Arabic and Persian.
/// `{n}` is a number (written in the language's digits), `{s}` a value kept
/// as it is, `{m}` a nested message (translated in turn). More specific
/// templates come before more general ones.
const MESSAGES: &[[&str; 3]] = &[
    // Files (crate::library::import)
    ["{n} MB is too large; Didar reads files up to {n} MB.", "حجمه {0} ميغابايت، وهو كبير جداً؛ الحد الأقصى للملف {1} ميغابايت.", "حجم آن {0} مگابایت است و بیش از اندازه بزرگ است؛ حداکثر حجم فایل {1} مگابایت است."],
    ["Didar reads .txt, .html and .json files.", "لا تُقرأ إلا ملفات txt وhtml وjson.", "فقط فایل‌های txt،\u{200F} html و json خوانده می‌شوند."],
    ["not a text file (it is not UTF-8).", "ليس ملفاً نصياً (ترميزه ليس UTF-8).", "فایل متنی نیست (رمزگذاری آن UTF-8 نیست)."],
    ["not a text file (it holds binary data).", "ليس ملفاً نصياً (فيه بيانات ثنائية).", "فایل متنی نیست (دادهٔ دودویی دارد)."],
    ["not valid JSON ({s}).", "ليس JSON صالحاً ({0}).", "JSON معتبر نیست ({0})."],
    ["a library from a newer Didar (schema {n}); this one reads schema {n}.", "مكتبة من إصدار أحدث من Didar (المخطط {0})؛ هذا الإصدار يقرأ المخطط {1}.", "کتابخانه‌ای از نسخهٔ جدیدتر Didar (طرح‌وارهٔ {0})؛ این نسخه طرح‌وارهٔ {1} را می‌خواند."],
    ["a library export without a schema version.", "ملف تصدير مكتبة بلا رقم إصدار المخطط.", "خروجی کتابخانه بدون شمارهٔ نسخهٔ طرح‌واره."],
    ["a damaged library export (the id “{s}” is used twice).", "ملف تصدير مكتبة تالف (المعرّف «{0}» مستخدم مرتين).", "خروجی کتابخانهٔ آسیب‌دیده (شناسهٔ «{0}» دو بار به کار رفته است)."],
    ["a damaged library export ({s}).", "ملف تصدير مكتبة تالف ({0}).", "خروجی کتابخانهٔ آسیب‌دیده ({0})."],
    ["article “{s}”: {m}", "المقال «{0}»: {1}", "مقالهٔ «{0}»: {1}"],
    [
        "item {n} is not an article: expected {\"id\"?: string, \"text\": string}.",
        "العنصر {0} ليس مقالاً: المتوقع {\"id\"?: string, \"text\": string}.",
        "مورد {0} مقاله نیست: قالب مورد انتظار {\"id\"?: string, \"text\": string} است.",
    ],
    ["item {n}: {m}", "العنصر {0}: {1}", "مورد {0}: {1}"],
    ["an empty list: no articles to import.", "قائمة فارغة: لا مقالات لاستيرادها.", "فهرست خالی: مقاله‌ای برای وارد کردن نیست."],
    [
        "neither a Didar library export nor a list of articles ({\"id\"?, \"text\"}).",
        "ليس ملف تصدير مكتبة Didar ولا قائمة مقالات ({\"id\"?, \"text\"}).",
        "نه خروجی کتابخانهٔ Didar است و نه فهرستی از مقاله‌ها ({\"id\"?, \"text\"}).",
    ],
    ["“{s}” is not a usable article id.", "«{0}» لا يصلح معرّفاً لمقال.", "«{0}» شناسهٔ مناسبی برای مقاله نیست."],
    ["the browser could not read it.", "تعذّر على المتصفح قراءته.", "مرورگر نتوانست آن را بخواند."],
    // Articles and corrections (crate::library, crate::library::correction)
    ["The article is empty.", "المقال فارغ.", "مقاله خالی است."],
    ["The article is {n} MB; Didar reads articles up to {n} MB.", "حجم المقال {0} ميغابايت؛ الحد الأقصى للمقال {1} ميغابايت.", "حجم مقاله {0} مگابایت است؛ حداکثر حجم مقاله {1} مگابایت است."],
    ["There is no article “{s}”.", "لا يوجد مقال «{0}».", "مقاله‌ای با شناسهٔ «{0}» وجود ندارد."],
    ["“{s}” is not a party code (use codes like IR, KZ, SCO).", "«{0}» ليس رمز طرف (استخدم رموزاً مثل IR وKZ وSCO).", "«{0}» کد طرف نیست (از کدهایی مانند IR،\u{200F} KZ و SCO استفاده کنید)."],
    ["A meeting needs at least two parties.", "يحتاج اللقاء إلى طرفين على الأقل.", "هر دیدار دست‌کم دو طرف لازم دارد."],
    ["“{s}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD).", "«{0}» ليس تاريخاً (استخدم YYYY أو YYYY-MM أو YYYY-MM-DD).", "«{0}» تاریخ نیست (به شکل YYYY،\u{200F} YYYY-MM یا YYYY-MM-DD بنویسید)."],
    // Saved records set aside (crate::library::saved, ui::storage)
    ["articles “{s}”: {m}", "المقال «{0}»: {1}", "مقالهٔ «{0}»: {1}"],
    ["corrections “{s}”: {m}", "التصحيح «{0}»: {1}", "اصلاح «{0}»: {1}"],
    ["saved by a newer Didar (schema {n}; this one reads up to {n})", "حُفظ بإصدار أحدث من Didar (المخطط {0}؛ هذا الإصدار يقرأ حتى {1})", "با نسخهٔ جدیدتر Didar ذخیره شده است (طرح‌وارهٔ {0}؛ این نسخه تا {1} را می‌خواند)"],
    ["its schema version is not a number", "رقم إصدار مخططه ليس عدداً", "شمارهٔ نسخهٔ طرح‌واره‌اش عدد نیست"],
    ["not JSON ({s})", "ليس JSON ({0})", "JSON نیست ({0})"],
    ["not an article record ({s})", "ليس سجل مقال ({0})", "رکورد مقاله نیست ({0})"],
    ["not an article ({s})", "ليس مقالاً ({0})", "مقاله نیست ({0})"],
    ["saved under “{s}” but names itself “{s}”", "محفوظ تحت «{0}» لكنه يسمّي نفسه «{1}»", "با کلید «{0}» ذخیره شده اما شناسهٔ خودش «{1}» است"],
    ["a correction without a schema version", "تصحيح بلا رقم إصدار المخطط", "اصلاحی بدون شمارهٔ نسخهٔ طرح‌واره"],
    ["not a correction record ({s})", "ليس سجل تصحيح ({0})", "رکورد اصلاح نیست ({0})"],
    ["not a saved record (not text)", "ليس سجلاً محفوظاً (ليس نصاً)", "رکورد ذخیره‌شده نیست (متن نیست)"],
    ["the saved library was written by a newer Didar; it is left untouched", "كُتبت المكتبة المحفوظة بإصدار أحدث من Didar؛ فتُركت دون مساس", "کتابخانهٔ ذخیره‌شده را نسخهٔ جدیدتری از Didar نوشته است؛ دست‌نخورده می‌ماند"],
    ["this browser offers no IndexedDB", "هذا المتصفح لا يوفّر IndexedDB", "این مرورگر IndexedDB ندارد"],
    ["the library is not open", "المكتبة غير مفتوحة", "کتابخانه باز نیست"],
    ["the last change could not be saved ({s})", "تعذّر حفظ آخر تغيير ({0})", "آخرین تغییر ذخیره نشد ({0})"],
    ["IndexedDB gave no database", "لم يُعطِ IndexedDB قاعدة بيانات", "IndexedDB پایگاه داده‌ای نداد"],
    // Issue 16: duplicates, checked corrections, saving under faults
    ["This text is already in the library (“{s}”).", "هذا النص موجود مسبقاً في المكتبة («{0}»).", "این متن از پیش در کتابخانه هست («{0}»)."],
    ["correction “{s}”: {m}", "التصحيح «{0}»: {1}", "اصلاح «{0}»: {1}"],
    ["correction “{s}” is about an article the file does not hold.", "التصحيح «{0}» يخص مقالاً ليس في الملف.", "اصلاح «{0}» دربارهٔ مقاله‌ای است که در فایل نیست."],
    ["A meeting has at most {n} parties; this one has {n}.", "للقاء {0} طرفاً على الأكثر؛ وهذا فيه {1}.", "هر دیدار حداکثر {0} طرف دارد؛ این یکی {1} طرف دارد."],
    ["its id does not match the meeting it corrects.", "معرّفه لا يطابق اللقاء الذي يصحّحه.", "شناسه‌اش با دیداری که اصلاح می‌کند نمی‌خواند."],
    ["its parties are not sorted and distinct.", "أطرافه غير مرتبة أو مكررة.", "طرف‌هایش مرتب و یکتا نیستند."],
    ["not a valid correction ({m})", "ليس تصحيحاً صالحاً ({0})", "اصلاح معتبری نیست ({0})"],
    ["the saved library was deleted by another page; what is shown here is no longer saved", "حذفت صفحة أخرى المكتبة المحفوظة؛ ما يظهر هنا لم يعد محفوظاً", "صفحهٔ دیگری کتابخانهٔ ذخیره‌شده را حذف کرد؛ آنچه اینجا هست دیگر ذخیره نیست"],
    ["saving everything shown here again", "جارٍ حفظ كل ما يظهر هنا من جديد", "در حال ذخیرهٔ دوبارهٔ همهٔ آنچه اینجا هست"],
    ["a newer Didar opened the library in another tab; reload this page", "فتح إصدار أحدث من Didar المكتبة في لسان آخر؛ أعد تحميل هذه الصفحة", "نسخهٔ جدیدتری از Didar کتابخانه را در زبانهٔ دیگری باز کرد؛ این صفحه را دوباره بارگذاری کنید"],
];

/// A template cut at its placeholders: the literal pieces and the kinds ('n', 's', 'm') between them.
fn pieces(template: &str) -> (Vec<&str>, Vec<char>) {
    let (mut lits, mut kinds, mut rest) = (Vec::new(), Vec::new(), template);
    while let Some(i) = ["{n}", "{s}", "{m}"].iter().filter_map(|p| rest.find(p)).min() {
        lits.push(&rest[..i]);
        kinds.push(rest.as_bytes()[i + 1] as char);
        rest = &rest[i + 3..];
    }
    lits.push(rest);
    (lits, kinds)
}

/// The values `text` gives the template's placeholders, if it matches it.
fn matches<'a>(template: &str, text: &'a str) -> Option<Vec<(char, &'a str)>> {
    let (lits, kinds) = pieces(template);
    let mut rest = text.strip_prefix(lits[0])?;
    let mut values = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        let next = lits[i + 1];
        let end = if i + 1 == kinds.len() {
            rest.strip_suffix(next).map(str::len)?
        } else if next.is_empty() {
            return None;
        } else {
            rest.find(next)?
        };
        values.push((*kind, &rest[..end]));
        rest = &rest[end + next.len()..];
    }
    rest.is_empty().then_some(values)
}

/// One of the core's (English) messages in the interface language; a message
/// without a translation is shown as it is.
pub fn message(lang: Lang, text: &str) -> String {
    let column = match lang {
        Lang::En => return text.to_string(),
        Lang::Ar => 1,
        Lang::Fa => 2,
    };
    for row in MESSAGES {
        let Some(values) = matches(row[0], text) else { continue };
        let mut out = row[column].to_string();
        for (i, (kind, v)) in values.into_iter().enumerate() {
            let v = match kind {
                'n' => lang.digits(v).replace('.', "٫"),
                'm' => message(lang, v),
                _ => isolated(v),
            };
            out = out.replace(&format!("{{{i}}}"), &v);
        }
        return out;
    }
    isolated(text)
}

/// A value (an id, a file name, an English detail) set apart from the
/// right-to-left text around it, so its neutral characters keep their place.
pub fn isolated(v: &str) -> String {
    format!("\u{2068}{v}\u{2069}")
}

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
