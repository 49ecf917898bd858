#!/usr/bin/env python3
"""Validate Didar's knowledge files in data/ (see data/README.md).

    python3 scripts/check-data.py [--quiet]

Exits 1 if any ERROR was found (WARNINGs alone exit 0).

Organised by file: each checker is a function `check_<name>(ctx)` registered in
CHECKS at the bottom; add new files there. Shared helpers (reading TSV records,
splitting forms, folding text the way the matcher does) are at the top.
Files that do not exist yet are skipped with a note.
"""

import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
LANGS = ("en", "ar", "fa", "ur")


# ---------------------------------------------------------------- reporting

class Ctx:
    def __init__(self, quiet=False):
        self.errors = 0
        self.warnings = 0
        self.quiet = quiet
        self.country_codes = set()      # from countries.tsv
        self.country_forms = {}         # loose(form) -> set of codes (countries + country-names)
        self.generated = set()          # (code, lang, fold(name)) from countries.tsv
        self.body_codes = set()         # from bodies.tsv
        self.roles = set()              # from roles.tsv
        self.events = {}                # from events.tsv: id -> canonical

    def error(self, where, msg):
        self.errors += 1
        print(f"ERROR   {where}: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        if not self.quiet:
            print(f"WARNING {where}: {msg}")


# ---------------------------------------------------------------- helpers

def read_records(ctx, name, nfields):
    """Yield (where, fields) for each record of data/<name>; checks the field count."""
    path = os.path.join(DATA, name)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        ctx.error(name, "file starts with a BOM")
    if not text.startswith("#"):
        ctx.error(name, "file must open with '#' comment lines saying where its content came from")
    for n, line in enumerate(text.split("\n"), 1):
        where = f"{name}:{n}"
        if line.endswith("\r"):
            ctx.error(where, "CR line ending")
            line = line[:-1]
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != nfields:
            ctx.error(where, f"expected {nfields} TAB-separated fields, got {len(fields)}: {line!r}")
            continue
        bad = False
        for i, fld in enumerate(fields):
            if fld != fld.strip():
                ctx.error(where, f"field {i + 1} has leading/trailing whitespace: {fld!r}")
                bad = True
        if not bad:
            yield where, fields


def split_forms(ctx, where, field):
    """Split a `|` list of forms; report empty or duplicated forms."""
    forms = field.split("|")
    out = []
    seen = set()
    for form in forms:
        if not form.strip():
            ctx.error(where, f"empty form in {field!r}")
            continue
        if form != form.strip() or "  " in form:
            ctx.error(where, f"stray whitespace in form {form!r}")
        key = fold(form)
        if key in seen:
            ctx.warn(where, f"form {form!r} repeats another form of the same line after folding")
        seen.add(key)
        out.append(form)
    return out


# Mirrors fold_char() in src/text.rs (keep in step with it).
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u00ad\ufeff\u061c\u202a-\u202e\u2066-\u2069]")
_LETTER_MAP = str.maketrans({
    "ی": "ي", "ى": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي", "ئ": "ي",
    "ک": "ك", "ڪ": "ك",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۃ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "«": '"', "»": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def fold(s):
    """The matcher's folding (src/text.rs, data/README.md): Arabic letter
    variants (ي/ی/ى/ے, ك/ک, ة/ه/ہ/ھ, أ/إ/آ/ا), diacritics, tatweel, ZWNJ and
    bidi marks dropped, digits, quotes and dashes unified, lower case, runs of
    spaces collapsed. Used to find forms repeated within one language."""
    s = _ARABIC_MARKS.sub("", s)
    s = s.translate(_LETTER_MAP).translate(_DIGITS)
    return re.sub(r"\s+", " ", s).strip().lower()


def loose(s):
    """fold() plus Latin accents, apostrophes and hyphens: used to find one form
    given to two different states or cities (in any language)."""
    s = fold(s)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    s = re.sub(r"[\s\-]+", " ", s).replace("'", "").strip()
    return s


_PERSIAN_ONLY = set("پچژگ")          # never in Arabic spelling
_URDU_ONLY = set("ٹڈڑںھہےۓ")
_ARABIC_ONLY = set("ةيك")            # Persian/Urdu spell ه/ی/ک (a warning only)


def claim_form(ctx, where, owner, key, who, form, what="", quote=False):
    """Record form `key` as `who`'s in `owner`: an error when another already has it
    (`what` names the kind of owner in the message, "event "; `quote` quotes the owner)."""
    if key in owner and owner[key] != who:
        shown = repr(owner[key]) if quote else owner[key]
        ctx.error(where, f"form {form!r} also belongs to {what}{shown}")
    owner.setdefault(key, who)


def not_a_country_name(ctx, where, key, form, own=frozenset()):
    """An error when `key` is a country name (of a country other than those in `own`)."""
    other = ctx.country_forms.get(key, set()) - set(own)
    if other:
        ctx.error(where, f"form {form!r} is a country name of {sorted(other)}")


def check_script(ctx, where, lang, form):
    """Forms must be in the script of their language."""
    has_latin = bool(re.search(r"[A-Za-z]", form))
    has_arabic = bool(re.search("[\u0600-\u06ff]", form))
    if lang == "en":
        if has_arabic or not has_latin:
            ctx.error(where, f"en form {form!r} is not Latin script")
        return
    if has_latin or not has_arabic:
        ctx.error(where, f"{lang} form {form!r} is not Arabic script")
        return
    chars = set(form)
    if lang == "ar":
        if chars & _PERSIAN_ONLY or chars & _URDU_ONLY:
            ctx.error(where, f"ar form {form!r} has Persian/Urdu letters {sorted(chars & (_PERSIAN_ONLY | _URDU_ONLY))}")
        if chars & set("کی"):
            ctx.warn(where, f"ar form {form!r} uses Persian ک/ی")
    elif lang == "fa":
        if chars & _URDU_ONLY:
            ctx.error(where, f"fa form {form!r} has Urdu letters {sorted(chars & _URDU_ONLY)}")
        if chars & _ARABIC_ONLY:
            ctx.warn(where, f"fa form {form!r} uses Arabic {sorted(chars & _ARABIC_ONLY)}")
    elif lang == "ur":
        if chars & _ARABIC_ONLY:
            ctx.warn(where, f"ur form {form!r} uses Arabic {sorted(chars & _ARABIC_ONLY)}")


def check_lang(ctx, where, lang):
    if lang not in LANGS:
        ctx.error(where, f"unknown language {lang!r} (expected one of {', '.join(LANGS)})")
        return False
    return True


def check_country(ctx, where, code, what="country code"):
    if code not in ctx.country_codes:
        ctx.error(where, f"{what} {code!r} is not in countries.tsv")
        return False
    return True


# ---------------------------------------------------------------- countries.tsv

def check_countries(ctx):
    name = "countries.tsv"
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        first = f.readline()
    if not first.startswith("# GENERATED by node scripts/gen-countries.mjs"):
        ctx.error(name, "must open with the '# GENERATED by node scripts/gen-countries.mjs ...' line")
    langs_by_code = defaultdict(set)
    rows = []
    for where, (code, lang, cname) in read_records(ctx, name, 3):
        if not re.fullmatch(r"[A-Z]{2}", code):
            ctx.error(where, f"bad ISO code {code!r}")
            continue
        if not check_lang(ctx, where, lang):
            continue
        if not cname:
            ctx.error(where, "empty name")
            continue
        # CLDR's own spellings are taken as they are (no script check here).
        rows.append((code, lang, cname))
        langs_by_code[code].add(lang)
        ctx.country_codes.add(code)
        ctx.country_forms.setdefault(loose(cname), set()).add(code)
        ctx.generated.add((code, lang, fold(cname)))
    if len(ctx.country_codes) != 195:
        ctx.error(name, f"expected 195 states (193 UN members + PS + VA), found {len(ctx.country_codes)}")
    for code, langs in sorted(langs_by_code.items()):
        if set(LANGS) - langs:
            ctx.error(name, f"{code} lacks names in {sorted(set(LANGS) - langs)}")
    order = {l: i for i, l in enumerate(LANGS)}
    keys = [(c, order[l]) for c, l, n in rows]
    if keys != sorted(keys):
        ctx.error(name, "lines are not sorted by code, then lang (en, ar, fa, ur)")
    if len(set(rows)) != len(rows):
        ctx.error(name, "duplicate lines")


# ---------------------------------------------------------------- country-names.tsv

def check_country_names(ctx):
    name = "country-names.tsv"
    seen_lines = set()
    for where, (code, lang, field) in read_records(ctx, name, 3):
        if not (check_country(ctx, where, code) and check_lang(ctx, where, lang)):
            continue
        if (code, lang) in seen_lines:
            ctx.warn(where, f"second line for {code} {lang}")
        seen_lines.add((code, lang))
        for form in split_forms(ctx, where, field):
            check_script(ctx, where, lang, form)
            if (code, lang, fold(form)) in ctx.generated:
                ctx.error(where, f"{form!r} is already in countries.tsv for {code} {lang}")
            key = loose(form)
            others = ctx.country_forms.get(key, set()) - {code}
            if others:
                ctx.error(where, f"{form!r} is also a name of {sorted(others)}")
            ctx.country_forms.setdefault(key, set()).add(code)


# ---------------------------------------------------------------- demonyms.tsv

# States without a safe demonym in every language are fine; these have none at
# all because their adjective is ambiguous (see the comments in demonyms.tsv).
DEMONYM_EXEMPT = {"CD", "CG", "DM"}
# States whose English adjective is the name itself ("Vatican").
DEMONYM_NO_EN = {"VA"}


def check_demonyms(ctx):
    name = "demonyms.tsv"
    owner = {}          # folded form -> code
    codes_seen = set()
    langs_seen = defaultdict(set)
    for where, (code, lang, field) in read_records(ctx, name, 3):
        if not (check_country(ctx, where, code) and check_lang(ctx, where, lang)):
            continue
        if lang in langs_seen[code]:
            ctx.warn(where, f"second line for {code} {lang}")
        codes_seen.add(code)
        langs_seen[code].add(lang)
        for form in split_forms(ctx, where, field):
            check_script(ctx, where, lang, form)
            if lang == "ar" and form.startswith("ال"):
                ctx.error(where, f"Arabic demonym {form!r} must be written without the article ال")
            if lang == "ar" and form.endswith("ة"):
                ctx.error(where, f"Arabic demonym {form!r} must be masculine (no ة)")
            key = loose(form)
            if key in owner and owner[key] != code:
                ctx.error(where, f"{form!r} is also a demonym of {owner[key]}")
            owner.setdefault(key, code)
            other = ctx.country_forms.get(key, set()) - {code}
            if other:
                ctx.error(where, f"demonym {form!r} is a country name of {sorted(other)}")
    for code in sorted(ctx.country_codes - codes_seen - DEMONYM_EXEMPT):
        ctx.error(name, f"no demonym for {code}")
    for code in sorted(codes_seen):
        if "en" not in langs_seen[code] and code not in DEMONYM_NO_EN:
            ctx.warn(name, f"{code} has no English demonym")
    if not ctx.quiet:
        for lang in LANGS:
            n = sum(1 for c in codes_seen if lang in langs_seen[c])
            print(f"info    {name}: {lang} forms for {n} of {len(ctx.country_codes)} states")


# ---------------------------------------------------------------- cities.tsv

def check_cities(ctx):
    name = "cities.tsv"
    capitals = defaultdict(list)
    names = {}
    owner = {}  # folded form -> city
    for where, (city, country, capital, field) in read_records(ctx, name, 4):
        if not city:
            ctx.error(where, "empty city name")
            continue
        check_country(ctx, where, country)
        if capital not in ("0", "1"):
            ctx.error(where, f"capital must be 0 or 1, got {capital!r}")
        elif capital == "1":
            capitals[country].append(city)
        if city in names:
            ctx.error(where, f"city {city!r} already listed at {names[city]}")
        names[city] = where
        forms = split_forms(ctx, where, field)
        if loose(city) not in {loose(f) for f in forms} and country not in ctx.country_forms.get(loose(city), ()):
            # (a capital named like its country, "Djibouti", is matched by a longer form only)
            ctx.error(where, f"the city name {city!r} itself is not among its forms")
        for form in forms:
            key = loose(form)
            claim_form(ctx, where, owner, key, city, form)
            not_a_country_name(ctx, where, key, form, own={country})
    for code in sorted(ctx.country_codes - set(capitals)):
        ctx.error(name, f"no capital (capital=1) for {code}")


# ---------------------------------------------------------------- bodies.tsv

# AU (African Union) is the code data/README.md documents, though it is also
# Australia's ISO code; a party "AU" means the African Union in Didar's output.
BODY_CODE_CLASH_OK = {"AU"}

def check_bodies(ctx):
    name = "bodies.tsv"
    owner = {}
    langs = defaultdict(set)
    for where, (code, lang, field) in read_records(ctx, name, 3):
        if not re.fullmatch(r"[A-Z][A-Z0-9_]+", code):
            ctx.error(where, f"bad body code {code!r} (upper case letters, digits, _)")
            continue
        if code in ctx.country_codes and code not in BODY_CODE_CLASH_OK:
            ctx.error(where, f"body code {code!r} clashes with a country code")
        if not check_lang(ctx, where, lang):
            continue
        ctx.body_codes.add(code)
        langs[code].add(lang)
        for form in split_forms(ctx, where, field):
            check_script(ctx, where, lang, form)
            key = loose(form)
            claim_form(ctx, where, owner, key, code, form)
            not_a_country_name(ctx, where, key, form)
    for code in sorted(ctx.body_codes):
        if "en" not in langs[code]:
            ctx.error(name, f"{code} has no English forms")
        missing = set(LANGS) - langs[code]
        if missing:
            ctx.warn(name, f"{code} lacks forms in {sorted(missing)}")


# ---------------------------------------------------------------- roles.tsv

def check_roles(ctx):
    name = "roles.tsv"
    owner = {}
    langs = defaultdict(set)
    for where, (role, lang, field) in read_records(ctx, name, 3):
        if not role or not re.fullmatch(r"[A-Za-z][A-Za-z -]*[a-z]", role):
            ctx.error(where, f"bad role name {role!r}")
            continue
        if not check_lang(ctx, where, lang):
            continue
        ctx.roles.add(role)
        langs[role].add(lang)
        for form in split_forms(ctx, where, field):
            check_script(ctx, where, lang, form)
            claim_form(ctx, where, owner, (lang, loose(form)), role, form, what="role ", quote=True)
    for role in sorted(ctx.roles):
        missing = set(LANGS) - langs[role]
        if missing:
            ctx.warn(name, f"role {role!r} lacks forms in {sorted(missing)}")


# ---------------------------------------------------------------- ranks.tsv

def check_ranks(ctx):
    name = "ranks.tsv"
    seen = {}
    for where, (lang, field) in read_records(ctx, name, 2):
        if not check_lang(ctx, where, lang):
            continue
        for form in split_forms(ctx, where, field):
            check_script(ctx, where, lang, form)
            key = (lang, fold(form))
            if key in seen:
                ctx.warn(where, f"rank {form!r} already listed at {seen[key]}")
            seen.setdefault(key, where)


# ---------------------------------------------------------------- name-parts.tsv

NAME_PART_KINDS = {"name", "particle", "prefix", "suffix", "letter", "stop"}


def check_name_parts(ctx):
    """Parts of names in Arabic script and their English spellings
    (src/knowledge/romanise.rs): every line has a kind, a form in Arabic
    script and an English spelling (the Persian and Urdu ones may be empty: the same);
    a form is listed once per kind (after folding); a letter is one letter."""
    name = "name-parts.tsv"
    seen = {}
    names = 0
    for where, (kind, field, en, fa, ur) in read_records(ctx, name, 5):
        if kind not in NAME_PART_KINDS:
            ctx.error(where, f"unknown kind {kind!r} (one of {sorted(NAME_PART_KINDS)})")
            continue
        if not en:
            ctx.error(where, "no English spelling")
        for spelling in (en, fa, ur):
            if spelling and not re.fullmatch(r"[A-Za-z' ,()/-]+", spelling):
                ctx.error(where, f"spelling {spelling!r} is not in Latin letters")
        for form in split_forms(ctx, where, field):
            if not re.search(r"[\u0620-\u06FF]", form) or re.search(r"[A-Za-z]", form):
                ctx.error(where, f"form {form!r} is not in Arabic script")
            if kind == "letter" and len(fold(form)) != 1:
                ctx.error(where, f"letter {form!r} is not one letter")
            key = (kind, fold(form).replace("\u200c", ""))
            if key in seen:
                ctx.error(where, f"{kind} {form!r} already listed at {seen[key]}")
            seen.setdefault(key, where)
            names += kind == "name"
    if names < 300:
        ctx.error(name, f"only {names} name forms; the table should list the region's common name parts (300 or more)")


# ---------------------------------------------------------------- officials.tsv

TODAY = "2026-11-23"


def _date_ok(ctx, where, d, what):
    import datetime
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", d):
        ctx.error(where, f"{what} {d!r} is not YYYY-MM-DD")
        return False
    try:
        datetime.date.fromisoformat(d)
    except ValueError:
        ctx.error(where, f"{what} {d!r} is not a real date")
        return False
    if d > TODAY:
        ctx.error(where, f"{what} {d} is in the future")
        return False
    return True


def check_officials(ctx):
    name = "officials.tsv"
    terms = defaultdict(list)       # (party, role) -> [(from, to, name, where)]
    form_owner = defaultdict(set)   # loose(form) -> names
    parties = set()
    for where, (party, pname, role, start, end, field) in read_records(ctx, name, 6):
        if party not in ctx.country_codes and party not in ctx.body_codes:
            ctx.error(where, f"party {party!r} is neither a country code nor a body code")
        parties.add(party)
        if not pname:
            ctx.error(where, "empty name")
        if ctx.roles and role not in ctx.roles:
            ctx.error(where, f"role {role!r} is not in roles.tsv")
        if not start:
            ctx.error(where, "empty `from` date")
            continue
        if not _date_ok(ctx, where, start, "from"):
            continue
        if end and not _date_ok(ctx, where, end, "to"):
            continue
        if end and end < start:
            ctx.error(where, f"from {start} is after to {end}")
        if end and end < "2013-01-01":
            ctx.warn(where, f"term ended before 2013 ({end})")
        forms = split_forms(ctx, where, field)
        if loose(pname) not in {loose(f) for f in forms}:
            ctx.error(where, f"the name {pname!r} itself is not among its forms")
        for form in forms:
            lat = bool(re.search(r"[A-Za-z]", form))
            arb = bool(re.search("[\u0600-\u06ff]", form))
            if lat == arb:
                ctx.error(where, f"form {form!r} mixes scripts or has no letters")
            form_owner[loose(form)].add(pname)
        terms[(party, role)].append((start, end or TODAY, pname, where))
    # overlapping terms of different people in one single-holder office
    multi = {"speaker", "vice president", "vice chairman of the Central Military Commission",
             "adviser", "minister", "ambassador", "commander", "military attache",
             "deputy defense minister", "deputy foreign minister", "secretary general"}
    for (party, role), ts in terms.items():
        if role in multi:
            continue
        ts.sort()
        for (s1, e1, n1, w1), (s2, e2, n2, w2) in zip(ts, ts[1:]):
            if n1 != n2 and s2 < e1:
                days = (int(e1[:4]) - int(s2[:4])) * 366 + (int(e1[5:7]) - int(s2[5:7])) * 31
                if days > 31:
                    ctx.warn(w2, f"{party} {role}: {n2} from {s2} overlaps {n1} (to {e1})")
    shared = {k: v for k, v in form_owner.items() if len(v) > 1}
    if not ctx.quiet:
        states = sorted(p for p in parties if p in ctx.country_codes)
        print(f"info    {name}: {len(states)} states, {len(parties) - len(states)} bodies; "
              f"{len(shared)} forms shared by two or more people (disambiguated by date)")


# ---------------------------------------------------------------- agencies.tsv

def check_agencies(ctx):
    name = "agencies.tsv"
    owner = {}
    for where, (aname, country, field) in read_records(ctx, name, 3):
        if not aname:
            ctx.error(where, "empty agency name")
        check_country(ctx, where, country)
        forms = split_forms(ctx, where, field)
        if loose(aname) not in {loose(f) for f in forms}:
            ctx.error(where, f"the name {aname!r} itself is not among its forms")
        for form in forms:
            lat = bool(re.search(r"[A-Za-z]", form))
            arb = bool(re.search("[\u0600-\u06ff]", form))
            if lat == arb:
                ctx.error(where, f"form {form!r} mixes scripts or has no letters")
            claim_form(ctx, where, owner, loose(form), aname, form)


# ---------------------------------------------------------------- ordinals.tsv

def generated_lines(ctx, name, script):
    """A generated file is exactly what its script writes; its (line number, fields) records."""
    import subprocess
    want = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", script)], capture_output=True, text=True, check=True).stdout
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        have = f.read()
    if have != want:
        ctx.error(name, f"differs from the output of scripts/{script} (regenerate: python3 scripts/{script} > data/{name})")
    return [(i, line.split("\t")) for i, line in enumerate(have.splitlines(), 1) if line and not line.startswith("#")]


def check_ordinals(ctx):
    """ordinals.tsv is what scripts/gen-ordinals.py writes, and its forms are in their language's script."""
    name = "ordinals.tsv"
    for i, (n, lang, forms) in generated_lines(ctx, name, "gen-ordinals.py"):
        where = f"{name}:{i}"
        if not n.isdigit() or not 1 <= int(n) <= 255:
            ctx.error(where, f"ordinal {n!r} is not a number from 1 to 255")
        check_lang(ctx, where, lang)
        for form in forms.split("|"):
            check_script(ctx, where, lang, form)


MEETING_VERB_KINDS = ("meet", "receive", "planned")


def check_meeting_verbs(ctx):
    """meeting-verbs.tsv is what scripts/gen-meeting-verbs.py writes: kinds of triggers.tsv, forms in their script."""
    name = "meeting-verbs.tsv"
    for i, (kind, lang, forms) in generated_lines(ctx, name, "gen-meeting-verbs.py"):
        where = f"{name}:{i}"
        if kind not in MEETING_VERB_KINDS:
            ctx.error(where, f"kind {kind!r} is not one of {', '.join(MEETING_VERB_KINDS)}")
        check_lang(ctx, where, lang)
        for form in forms.split("|"):
            check_script(ctx, where, lang, form)


# ---------------------------------------------------------------- months.tsv

CALENDARS = ("gregorian", "jalali", "hijri")
# Languages whose month names must be complete (all 12) for each calendar.
MONTH_LANGS = {"gregorian": ("en", "ar", "fa", "ur"), "jalali": ("en", "ar", "fa"), "hijri": ("en", "ar", "fa")}


def check_months(ctx):
    name = "months.tsv"
    seen_lines = {}
    owner = {}                      # (lang, fold(form)) -> (calendar, month)
    months = defaultdict(set)       # (calendar, lang) -> months
    for where, (cal, month, lang, field) in read_records(ctx, name, 4):
        if cal not in CALENDARS:
            ctx.error(where, f"unknown calendar {cal!r} (expected one of {', '.join(CALENDARS)})")
            continue
        if not re.fullmatch(r"[1-9]|1[0-2]", month):
            ctx.error(where, f"month must be 1-12, got {month!r}")
            continue
        if not check_lang(ctx, where, lang):
            continue
        if (cal, month, lang) in seen_lines:
            ctx.warn(where, f"second line for {cal} {month} {lang} (first at {seen_lines[(cal, month, lang)]})")
        seen_lines.setdefault((cal, month, lang), where)
        months[(cal, lang)].add(int(month))
        for form in split_forms(ctx, where, field):
            check_script(ctx, where, lang, form)
            key = (lang, loose(form))
            other = owner.get(key)
            if other and other[0] == cal and other[1] != month:
                ctx.error(where, f"form {form!r} is also {cal} month {other[1]}")
            elif other and other[0] != cal:
                ctx.warn(where, f"form {form!r} is also {other[0]} month {other[1]}")
            owner.setdefault(key, (cal, month))
    for cal, langs in MONTH_LANGS.items():
        for lang in langs:
            missing = set(range(1, 13)) - months[(cal, lang)]
            if missing:
                ctx.error(name, f"{cal} {lang} lacks months {sorted(missing)}")


# ---------------------------------------------------------------- weekdays.tsv

def check_weekdays(ctx):
    name = "weekdays.tsv"
    owner = {}                      # (lang, fold(form)) -> weekday
    days = defaultdict(set)
    for where, (day, lang, field) in read_records(ctx, name, 3):
        if not re.fullmatch(r"[1-7]", day):
            ctx.error(where, f"weekday must be 1 (Monday) to 7 (Sunday), got {day!r}")
            continue
        if not check_lang(ctx, where, lang):
            continue
        if int(day) in days[lang]:
            ctx.warn(where, f"second line for weekday {day} {lang}")
        days[lang].add(int(day))
        for form in split_forms(ctx, where, field):
            check_script(ctx, where, lang, form)
            key = (lang, loose(form))
            if key in owner and owner[key] != day:
                ctx.error(where, f"form {form!r} is also weekday {owner[key]}")
            owner.setdefault(key, day)
    for lang in LANGS:
        missing = set(range(1, 8)) - days[lang]
        if missing:
            ctx.error(name, f"{lang} lacks weekdays {sorted(missing)}")


# ---------------------------------------------------------------- events.tsv

def check_events(ctx):
    name = "events.tsv"
    owner = {}                      # loose(form) -> event id
    scripts = defaultdict(set)      # id -> {"latin", "arabic"}
    for where, (eid, canonical, field) in read_records(ctx, name, 3):
        if not re.fullmatch(r"[a-z][a-z0-9_]*", eid):
            ctx.error(where, f"bad event id {eid!r} (lower case letters, digits, _)")
            continue
        if not canonical or re.search("[\u0600-\u06ff]", canonical):
            ctx.error(where, f"canonical must be a non-empty English name, got {canonical!r}")
        for ph in re.findall(r"\{[^}]*\}", canonical):
            if ph not in ("{year}", "{n}"):
                ctx.error(where, f"unknown placeholder {ph} in canonical (only {{year}} and {{n}})")
        if eid in ctx.events and ctx.events[eid] != canonical:
            ctx.error(where, f"event {eid} has another canonical elsewhere: {ctx.events[eid]!r}")
        ctx.events.setdefault(eid, canonical)
        for form in split_forms(ctx, where, field):
            lat = bool(re.search(r"[A-Za-z]", form))
            arb = bool(re.search("[\u0600-\u06ff]", form))
            if lat == arb:
                ctx.error(where, f"form {form!r} mixes scripts or has no letters")
            scripts[eid].add("latin" if lat else "arabic")
            key = loose(form)
            claim_form(ctx, where, owner, key, eid, form, what="event ")
            not_a_country_name(ctx, where, key, form)
    for eid in sorted(ctx.events):
        for s in ("latin", "arabic"):
            if s not in scripts[eid]:
                ctx.error(name, f"event {eid} has no {s}-script form")


# ---------------------------------------------------------------- event-editions.tsv

def _city_names():
    """City names (first field) of cities.tsv, read without checking."""
    path = os.path.join(DATA, "cities.tsv")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return {l.split("\t")[0] for l in f.read().split("\n") if l.strip() and not l.startswith("#")}


def check_event_editions(ctx):
    name = "event-editions.tsv"
    cities = _city_names()
    numbers = defaultdict(dict)     # id -> edition -> where
    starts = defaultdict(dict)      # id -> start -> where
    dated = defaultdict(list)       # id -> [(start, edition, where)]
    for where, (eid, edition, year, start, end, city, country) in read_records(ctx, name, 7):
        if ctx.events and eid not in ctx.events:
            ctx.error(where, f"event {eid!r} is not in events.tsv")
        if edition and not re.fullmatch(r"[1-9][0-9]*", edition):
            ctx.error(where, f"edition must be a positive number or empty, got {edition!r}")
            edition = ""
        if not re.fullmatch(r"(19|20)\d\d", year):
            ctx.error(where, f"bad year {year!r}")
            continue
        if edition:
            if edition in numbers[eid]:
                ctx.error(where, f"{eid} edition {edition} already at {numbers[eid][edition]}")
            numbers[eid].setdefault(edition, where)
        ok_start = bool(start) and _date_ok(ctx, where, start, "start")
        ok_end = bool(end) and _date_ok(ctx, where, end, "end")
        if end and not start:
            ctx.warn(where, "end date without a start date")
        if ok_start:
            if start[:4] != year:
                ctx.error(where, f"start {start} is not in year {year}")
            if start in starts[eid]:
                ctx.error(where, f"{eid} already has an edition starting {start} at {starts[eid][start]}")
            starts[eid].setdefault(start, where)
            if edition:
                dated[eid].append((start, int(edition), where))
        if ok_start and ok_end:
            if end < start:
                ctx.error(where, f"start {start} is after end {end}")
            elif (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) > 1:
                ctx.warn(where, f"edition lasts from {start} to {end}: more than a month")
        if city and not country:
            ctx.error(where, f"city {city!r} without a country")
        if country:
            check_country(ctx, where, country)
        if city and cities is not None and city not in cities:
            ctx.warn(where, f"city {city!r} is not a city name in cities.tsv")
    for eid, eds in dated.items():
        eds.sort()
        for (s1, n1, w1), (s2, n2, w2) in zip(eds, eds[1:]):
            if n2 <= n1:
                ctx.error(w2, f"{eid} edition {n2} ({s2}) is not after edition {n1} ({s1})")
    if not ctx.quiet:
        without = sorted(set(ctx.events) - set(starts))
        print(f"info    {name}: {sum(len(v) for v in starts.values())} dated editions of "
              f"{len(starts)} events; no dated edition for {', '.join(without) or 'none'}")


# ---------------------------------------------------------------- landmarks.tsv

LANDMARK_KINDS = ("sanction", "designation", "un-vote", "agreement", "war", "ceasefire", "election",
                  "inauguration", "death", "disaster", "summit-outcome", "other")
LANDMARK_RANGE = ("2013-01-01", "2026-12-31")
LANDMARK_MIN = 200


def _landmark_day(ctx, where, d, what, last=False):
    """A landmark's `YYYY-MM-DD` or `YYYY-MM` as the first (or, with last, the
    last) day it can stand for; None, with an error, if it is not a valid date
    in LANDMARK_RANGE."""
    import calendar
    import datetime
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", d)
    if not m:
        ctx.error(where, f"{what} {d!r} is not YYYY-MM-DD or YYYY-MM")
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    try:
        if m.group(3):
            day = datetime.date(y, mo, int(m.group(3)))
        else:
            day = datetime.date(y, mo, calendar.monthrange(y, mo)[1] if last else 1)
    except (ValueError, calendar.IllegalMonthError):
        ctx.error(where, f"{what} {d!r} is not a calendar date")
        return None
    first = (m.group(0)[:7] + "-01") if not m.group(3) else day.isoformat()
    lastday = day.isoformat() if m.group(3) else (m.group(0)[:7] + "-%02d" % calendar.monthrange(y, mo)[1])
    if first < LANDMARK_RANGE[0] or lastday > LANDMARK_RANGE[1]:
        ctx.error(where, f"{what} {d} is outside {LANDMARK_RANGE[0]}..{LANDMARK_RANGE[1]}")
        return None
    return day.isoformat()


def check_landmarks(ctx):
    name = "landmarks.tsv"
    ids = {}                        # id -> where
    owner = {}                      # loose(form) -> id
    by_lang = []                    # (id, loose(form), where, form) for the substring warning
    dates = {}                      # id -> first day
    kinds = defaultdict(int)
    years = []
    for where, (lid, date, end, kind, source, *forms) in read_records(ctx, name, 5 + len(LANGS)):
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", lid):
            ctx.error(where, f"bad id {lid!r} (lower-case ASCII letters and digits joined by '-')")
        if lid in ids:
            ctx.error(where, f"duplicate id {lid!r} (first at {ids[lid]})")
        ids.setdefault(lid, where)
        if kind not in LANDMARK_KINDS:
            ctx.error(where, f"unknown kind {kind!r} (expected one of {', '.join(LANDMARK_KINDS)})")
        else:
            kinds[kind] += 1
        if not source.strip():
            ctx.error(where, f"{lid}: empty source (say where the date is documented)")
        start = _landmark_day(ctx, where, date, "date") if date else None
        if not date:
            ctx.error(where, f"{lid}: empty date")
        if start:
            years.append(int(start[:4]))
            dates[lid] = start
        if end:
            stop = _landmark_day(ctx, where, end, "end", last=True)
            if start and stop and stop < start:
                ctx.error(where, f"{lid}: end {end} is before date {date}")
        for lang, field in zip(LANGS, forms):
            if not field:
                ctx.error(where, f"{lid}: no {lang} form")
                continue
            for form in split_forms(ctx, where, field):
                check_script(ctx, where, lang, form)
                key = loose(form)
                claim_form(ctx, where, owner, key, lid, form, what="landmark ")
                not_a_country_name(ctx, where, key, form)
                by_lang.append((lid, key, where, form))
    if len(ids) < LANDMARK_MIN:
        ctx.error(name, f"only {len(ids)} landmarks (at least {LANDMARK_MIN} expected)")
    # A form inside another landmark's form is matched there too: fine when the
    # shorter form names an earlier event (the bound it gives still holds:
    # "the ceasefire of the 12-day war" is after the war began), else warn.
    keys = sorted({(k, lid) for lid, k, _, _ in by_lang}, key=lambda x: len(x[0]))
    for lid, key, where, form in by_lang:
        for short, other in keys:
            if len(short) >= len(key):
                break
            if other != lid and dates.get(other, "") > dates.get(lid, "") and re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", key):
                ctx.warn(where, f"form {form!r} of {lid} contains {other}'s form {short!r}")
    if not ctx.quiet and years:
        print(f"info    {name}: {len(ids)} landmarks, {min(years)}-{max(years)}; "
              + ", ".join(f"{k} {kinds[k]}" for k in LANDMARK_KINDS))


# ---------------------------------------------------------------- main

# ---------------------------------------------------------------- interface-names.tsv

def check_interface_names(ctx):
    name = "interface-names.tsv"
    topics = set()
    with open(os.path.join(DATA, "topics.tsv"), encoding="utf-8") as f:
        topics = {l.split("\t")[0] for l in f if l.strip() and not l.startswith("#")}
    seen = set()
    for where, (kind, key, ar, fa) in read_records(ctx, name, 4):
        known = {"role": ctx.roles, "topic": topics, "event": set(ctx.events)}.get(kind)
        if known is None:
            ctx.error(where, f"unknown kind {kind!r} (role, topic or event)")
            continue
        if key not in known:
            ctx.error(where, f"{kind} {key!r} is not one Didar outputs")
        if (kind, key) in seen:
            ctx.error(where, f"{kind} {key!r} named twice")
        seen.add((kind, key))
        wanted = sorted(set(re.findall(r"\{[^}]*\}", ctx.events.get(key, "")))) if kind == "event" else []
        for lang, shown in (("ar", ar), ("fa", fa)):
            check_script(ctx, where, lang, re.sub(r"\{[^}]*\}", "", shown))
            if sorted(set(re.findall(r"\{[^}]*\}", shown))) != wanted:
                ctx.error(where, f"{lang} name {shown!r} must hold the placeholders of the English name: {wanted}")
    for kind, keys in (("role", ctx.roles), ("topic", topics), ("event", set(ctx.events))):
        for key in sorted(keys - {k for c, k in seen if c == kind}):
            ctx.warn(name, f"{kind} {key!r} has no Arabic and Persian name (shown in English)")


CHECKS = [
    ("countries.tsv", check_countries),        # must run first: the others use its codes
    ("country-names.tsv", check_country_names),
    ("demonyms.tsv", check_demonyms),
    ("cities.tsv", check_cities),
    ("bodies.tsv", check_bodies),              # before officials.tsv (party codes)
    ("roles.tsv", check_roles),                # before officials.tsv (role names)
    ("ranks.tsv", check_ranks),
    ("officials.tsv", check_officials),
    ("agencies.tsv", check_agencies),
    ("months.tsv", check_months),
    ("ordinals.tsv", check_ordinals),
    ("meeting-verbs.tsv", check_meeting_verbs),
    ("weekdays.tsv", check_weekdays),
    ("events.tsv", check_events),              # before event-editions.tsv (event ids)
    ("event-editions.tsv", check_event_editions),
    ("interface-names.tsv", check_interface_names),  # after roles.tsv and events.tsv
    ("landmarks.tsv", check_landmarks),
    ("name-parts.tsv", check_name_parts),        # after countries.tsv and country-names.tsv (country names)
]


def main():
    ctx = Ctx(quiet="--quiet" in sys.argv[1:])
    for fname, check in CHECKS:
        if not os.path.exists(os.path.join(DATA, fname)):
            print(f"note    {fname}: not present, skipped")
            continue
        before = (ctx.errors, ctx.warnings)
        check(ctx)
        print(f"checked {fname}: {ctx.errors - before[0]} errors, {ctx.warnings - before[1]} warnings")
    print(f"{ctx.errors} errors, {ctx.warnings} warnings")
    return 1 if ctx.errors else 0


if __name__ == "__main__":
    sys.exit(main())
