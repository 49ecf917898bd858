//! Saved news pages read as a person reads them (`src/library/readable.rs`): realistic
//! pages of Arabic, Persian, English and Urdu outlets' layouts, whose menus,
//! tickers, "most read", "related" boxes, comments and footers name other
//! meetings. From each page: the headline and dateline kept, every meeting of
//! the article found, none from the boilerplate.

use didar::library::readable;
use didar::{analyze, Article};

struct Page {
    file: &'static str,
    /// The article's meetings (parties joined by "-").
    article: &'static [&'static str],
    /// The publication date the page shows (from its dateline).
    published: Option<&'static str>,
    headline: &'static str,
    /// Boilerplate of the page, each naming a meeting (checked: alone, each gives that meeting).
    boilerplate: &'static [(&'static str, &'static str)],
}

const PAGES: &[Page] = &[
    Page {
        file: "ar-news.html",
        article: &["IR-OM", "IR-QA"],
        published: Some("2023-05-22"),
        headline: "وزير الخارجية الإيراني يلتقي نظيره العماني في مسقط",
        boilerplate: &[
            ("الرئيس المصري يلتقي ملك الأردن في القاهرة لبحث الأوضاع في غزة", "EG-JO"),
            ("ولي العهد السعودي يستقبل الرئيس التركي في جدة", "SA-TR"),
            ("التقى رئيس الوزراء العراقي محمد شياع السوداني الرئيس الفرنسي إيمانويل ماكرون في باريس يوم الجمعة، وبحثا ملفات الطاقة والاستثمار.", "FR-IQ"),
        ],
    },
    Page {
        file: "fa-news.html",
        article: &["IR-OM", "IR-QA"],
        published: Some("2023-05-22"),
        headline: "دیدار امیرعبداللهیان با وزیر خارجه عمان در مسقط",
        boilerplate: &[
            ("سید ابراهیم رئیسی رئیس‌جمهور ایران با نیکولاس مادورو رئیس‌جمهور ونزوئلا در تهران دیدار کرد", "IR-VE"),
            ("ولادیمیر پوتین رئیس‌جمهور روسیه در مسکو با شی جین‌پینگ رئیس‌جمهور چین دیدار و گفت‌وگو کرد.", "CN-RU"),
            ("محمد شیاع السودانی نخست‌وزیر عراق در آنکارا با رجب طیب اردوغان رئیس‌جمهور ترکیه دیدار کرد.", "IQ-TR"),
        ],
    },
    Page {
        file: "en-news.html",
        article: &["CN-PK", "PK-UZ"],
        published: Some("2022-11-02"),
        headline: "PM Shehbaz meets President Xi in Beijing",
        boilerplate: &[
            ("Saudi crown prince meets Turkish president in Jeddah", "SA-TR"),
            ("Indian Prime Minister Narendra Modi met US President Joe Biden at the White House on Thursday, the two discussing defence and technology.", "IN-US"),
        ],
    },
    Page {
        file: "ur-news.html",
        article: &["CN-PK", "PK-UZ"],
        published: Some("2022-11-02"),
        headline: "وزیراعظم شہباز شریف کی چینی صدر سے ملاقات",
        boilerplate: &[
            ("سعودی ولی عہد نے ترک صدر سے جدہ میں ملاقات کی", "SA-TR"),
            ("بھارتی وزیراعظم نریندر مودی نے واشنگٹن میں امریکی صدر جو بائیڈن سے ملاقات کی۔", "IN-US"),
        ],
    },
];

fn meetings(text: &str) -> (Vec<String>, Option<String>) {
    let a = analyze(&Article { id: "page".into(), text: text.into() });
    let mut parties: Vec<String> = a.meetings.iter().map(|m| m.parties.join("-")).collect();
    parties.sort();
    parties.dedup();
    (parties, a.published.map(|d| d.to_string()))
}

fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/pages/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn boilerplate_alone_names_its_meetings() {
    // Otherwise "no meeting from the boilerplate" below would prove nothing.
    for page in PAGES {
        for (text, parties) in page.boilerplate {
            assert!(read(page.file).contains(text), "{}: the page holds {text}", page.file);
            assert_eq!(meetings(text).0, [*parties], "{}: {text}", page.file);
        }
    }
}

#[test]
fn a_saved_page_gives_the_article_and_only_the_article() {
    for page in PAGES {
        let text = readable::article_text(&readable::parse(&read(page.file)));
        println!("---- {}\n{text}", page.file);
        assert_eq!(text.lines().next(), Some(page.headline), "{}: the headline first", page.file);
        let (found, published) = meetings(&text);
        assert_eq!(found, page.article, "{}: the article's meetings, and nothing else", page.file);
        assert_eq!(published.as_deref(), page.published, "{}: the dateline kept", page.file);
    }
}

#[test]
fn files_in_legacy_encodings_give_their_meetings() {
    for (file, parties) in [("ar-windows-1256.txt", "IR-KZ"), ("fa-utf16.txt", "IR-OM"), ("ar-meta-1256.html", "IR-KZ")] {
        let bytes = std::fs::read(format!("{}/tests/pages/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert!(std::str::from_utf8(&bytes).is_err(), "{file} is not UTF-8");
        let f = didar::library::import::read_file(file, &bytes).unwrap();
        let text = &f.articles[0].text;
        assert!(text.contains("التقى") || text.contains("دیدار"), "{file}: {text}");
        assert_eq!(meetings(text).0, [parties], "{file}");
    }
}

/// Random pages of markup pieces, and random bytes, never panic the reader or
/// the decoder (each either reads or is refused with a reason).
#[test]
fn random_pages_and_bytes_never_panic() {
    const PIECES: &[&str] = &[
        "<div class=\"story\">", "</div>", "<p>", "</p>", "<h1>", "</h1>", "<a href=x>", "</a>", "<nav>", "</nav>", "<time>",
        "</time>", "<ul class=\"most-read\"><li>", "<table><tr><td>", "<script>", "</script>", "<!--", "-->", "<br>", "&amp;",
        "&#x627;", "التقى وزير الخارجية الإيراني نظيره العماني، في مسقط.", "Iran's minister met his Omani counterpart, in Muscat.",
        "۱ خرداد ۱۴۰۲", "2023-05-22", " ", "\n", "<", ">", "\"", "<meta charset=windows-1256>", "<title>", "</title>", "<b",
        "<p hidden>", "<div style=\"display:none\">", "<section role=navigation>", "\u{0}", "\u{FEFF}", "\u{202E}",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..1500 {
        let page: String = (0..next(60)).map(|_| PIECES[next(PIECES.len())]).collect();
        if let Ok(f) = didar::library::import::read_file("page.html", page.as_bytes()) {
            let _ = analyze(&f.articles[0]);
        }
        let bytes: Vec<u8> = (0..next(200)).map(|_| next(256) as u8).collect();
        for name in ["a.txt", "a.html"] {
            let _ = didar::library::import::read_file(name, &bytes);
        }
    }
}
