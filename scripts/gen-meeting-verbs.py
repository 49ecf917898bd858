#!/usr/bin/env python3
"""Generate data/meeting-verbs.tsv: the forms of the verbs and verbal nouns that
report a meeting, from their lemmas and each language's paradigms, instead of
listing forms as articles show them (issue 11, point 3).

- Arabic: verbs of meeting and receiving in the past, present and future (with
  س and سوف), singular, dual and plural, masculine and feminine, with object
  pronouns; the passive where the script shows it (identical once vowels are
  dropped); verbal nouns (masdar) with the possessive suffixes ("لقائه",
  "اجتماعهما"). Joined conjunctions and prepositions (و ف ب ل) are the
  matcher's proclitics, not forms.
- Persian: compound verbs (noun + light verb: دیدار کردن, گفتگو کردن, ...) in
  every tense and person, with and without the ZWNJ (folding removes it; "می کند"
  with a space is a separate form).
- Urdu: light verbs (ملاقات کرنا, بات چیت کرنا, ...) in past, present, future
  and the participle, masculine and feminine.
- English: the inflections of the verbs of meeting, and their passives.

Future forms are also `planned`. Run `python3 scripts/gen-meeting-verbs.py >
data/meeting-verbs.tsv`; scripts/check-data.py checks the file is what this
script writes.
"""

# ---------------------------------------------------------------- Arabic

# Verbs by their conjugated stems: (past 3ms, past stems for other persons, present stem after the prefix).
# Form VIII defective (التقى): past التقى/التقت/التقيا/التقتا/التقوا, present يلتقي.
AR_OBJ = ["ه", "ها", "هما", "هم"]


def ar_defective(past_ms, past_base, present_stem):
    """التقى: past_ms=التقى, past_base=التق, present_stem=لتقي (after the person prefix)."""
    past = [past_ms, past_base + "ت", past_base + "يا", past_base + "تا", past_base + "وا", past_base + "ين"]
    with_object = [past_base + "اه", past_base + "اها", past_base + "اهما", past_base + "اهم"]
    stem = present_stem[:-1]  # without the final ي
    present = [p + present_stem for p in ("ي", "ت", "ن")] + ["ي" + present_stem + "ان", "ت" + present_stem + "ان", "ي" + stem + "ون", "ي" + stem + "وا", "ي" + present_stem + "ا"]
    return past + with_object, present


def ar_sound(past_ms, present_stem):
    """اجتمع: past_ms=اجتمع, present_stem=جتمع (after the prefix)."""
    past = [past_ms, past_ms + "ت", past_ms + "ا", past_ms + "تا", past_ms + "وا", past_ms + "ن"]
    with_object = [past_ms + o for o in AR_OBJ]
    present = [p + present_stem for p in ("ي", "ت", "ن")] + ["ي" + present_stem + "ان", "ت" + present_stem + "ان", "ي" + present_stem + "ون", "ي" + present_stem + "وا", "ي" + present_stem + "ا"]
    present += ["ي" + present_stem + o for o in AR_OBJ] + ["ت" + present_stem + o for o in AR_OBJ]
    return past + with_object, present


def ar_future(present):
    # ("سوف يلتقي": the present form is found after سوف, itself a `planned` word.)
    return ["س" + p for p in present]


# (kind, past forms, present forms)
def ar_verbs():
    meet = [ar_defective("التقى", "التق", "لتقي"), ar_sound("اجتمع", "جتمع")]
    receive = [ar_sound("استقبل", "ستقبل")]
    out = []
    for kind, verbs in (("meet", meet), ("receive", receive)):
        for past, present in verbs:
            out.append((kind, past + present + ar_future(present)))
            out.append(("planned", ar_future(present) + ["أن " + p for p in present]))
    out.append(("planned", ["سوف"]))
    return out


# Verbal nouns that report a meeting, with the possessive suffixes ("his/her/their meeting").
AR_MASDAR = {
    "لقاء": ["لقائه", "لقاءه", "لقائها", "لقاءها", "لقائهما", "لقاءهما", "لقائهم", "لقاءاته", "لقاءاتها", "لقاءاتهما"],
    "اجتماع": ["اجتماعه", "اجتماعها", "اجتماعهما", "اجتماعهم", "اجتماعاته", "اجتماعاتها"],
    "مباحثات": ["مباحثاته", "مباحثاتها", "مباحثاتهما", "مباحثاتهم"],
    "محادثات": ["محادثاته", "محادثاتها", "محادثاتهما", "محادثاتهم"],
}
# (Not the bare plurals "اللقاءات", "الاجتماعات": "meetings between the two countries are
# ongoing" reports none; nor "استقباله": an airport welcome is not a meeting.)

# ---------------------------------------------------------------- Persian

# (A pair "دیدار و گفتگو کرد" is found by its second noun's form, "گفتگو کرد".)
FA_NOUNS = ["دیدار", "ملاقات", "گفتگو", "گفت‌وگو", "گفت و گو", "مذاکره", "رایزنی"]
# Light verb کردن (and its formal نمودن): held forms, then future and subjunctive (planned).
FA_KARDAN_HELD = ["کرد", "کردند", "کرده", "کرده است", "کرده‌اند", "کرده بود", "کرده بودند", "کردیم", "نمود", "نمودند", "می‌کند", "می‌کنند", "می کند", "می کنند"]
FA_KARDAN_PLANNED = ["خواهد کرد", "خواهند کرد", "کند", "کنند", "خواهد نمود", "خواهند نمود"]
# داشتن with a noun of meeting: "دیدار داشت", "گفتگو خواهد داشت".
FA_DASHTAN_HELD = ["داشت", "داشتند", "داشته است", "داشته‌اند", "دارد", "دارند"]
FA_DASHTAN_PLANNED = ["خواهد داشت", "خواهند داشت", "داشته باشد", "داشته باشند"]
FA_RECEIVE = ["به حضور پذیرفت", "به حضور پذیرفتند", "پذیرفت", "پذیرفتند", "پذیرفته شد", "میزبانی کرد", "میزبانی کردند", "استقبال کرد", "استقبال کردند"]
FA_RECEIVE_PLANNED = ["به حضور خواهد پذیرفت", "خواهد پذیرفت", "میزبانی خواهد کرد", "بپذیرد", "به حضور بپذیرد"]

# ---------------------------------------------------------------- Urdu

UR_NOUNS = ["ملاقات", "ملاقاتیں", "بات چیت", "مذاکرات", "گفتگو"]
UR_HELD = ["کی", "کیں", "کیے", "کئے", "ہوئی", "ہوئیں", "ہوئے", "کرتے ہوئے", "کر رہے ہیں", "کر رہی ہیں", "کرتے ہیں", "کرتی ہیں"]
UR_PLANNED = ["کریں گے", "کریں گی", "کرے گا", "کرے گی", "ہو گی", "ہوگی", "ہوں گی", "ہوں گے", "کرنا ہے", "کریں", "کرے"]

# ---------------------------------------------------------------- English

EN_VERBS = {
    "meet": ["meet", "meets", "met", "will meet", "to meet", "would meet", "is meeting", "are meeting"],
    "hold talks": ["hold talks", "holds talks", "held talks", "holding talks", "will hold talks", "to hold talks", "hold a meeting", "holds a meeting", "held a meeting", "holding a meeting", "held meetings", "will hold a meeting"],
    "confer": ["confer with", "confers with", "conferred with", "conferring with"],
    "call on": ["call on", "calls on", "called on", "calling on", "will call on", "paid a call on", "paid a courtesy call on"],
}
EN_RECEIVE = ["receive", "receives", "received", "receiving", "hosts", "hosted", "hosting", "welcomed",
              "was received by", "were received by", "was hosted by", "were hosted by", "was welcomed by", "is received by", "will receive", "will host"]
EN_PLANNED = ["will meet", "to meet", "would meet", "will hold talks", "to hold talks", "will hold a meeting", "will call on", "will receive", "will host"]


def lines():
    out = []
    for kind, forms in ar_verbs():
        out.append((kind, "ar", forms))
    out.append(("meet", "ar", [f for fs in AR_MASDAR.values() for f in fs]))
    fa_held, fa_planned = [], []
    for noun in FA_NOUNS:
        fa_held += [f"{noun} {v}" for v in FA_KARDAN_HELD + FA_DASHTAN_HELD]
        fa_planned += [f"{noun} {v}" for v in FA_KARDAN_PLANNED + FA_DASHTAN_PLANNED]
    out.append(("meet", "fa", fa_held + fa_planned))
    out.append(("planned", "fa", fa_planned))
    out.append(("receive", "fa", FA_RECEIVE + FA_RECEIVE_PLANNED))
    out.append(("planned", "fa", FA_RECEIVE_PLANNED))
    ur_held, ur_planned = [], []
    # ("سے ملاقات کی", "سے بھی ملاقات کریں گے": the form is found at the noun, whatever precedes it.)
    for noun in UR_NOUNS:
        ur_held += [f"{noun} {v}" for v in UR_HELD]
        ur_planned += [f"{noun} {v}" for v in UR_PLANNED]
    out.append(("meet", "ur", ur_held + ur_planned))
    out.append(("planned", "ur", ur_planned))
    out.append(("meet", "en", [f for fs in EN_VERBS.values() for f in fs]))
    out.append(("receive", "en", EN_RECEIVE))
    out.append(("planned", "en", EN_PLANNED))
    return out


HEADER = """# Forms of the verbs and verbal nouns that report a meeting, generated from their lemmas and
# each language's paradigms (Arabic verb forms VIII and X in every person, tense and with object
# pronouns, masdars with possessive suffixes; Persian compound verbs with کردن/نمودن/داشتن in every
# tense; Urdu light verbs; English inflections and passives).
# GENERATED by scripts/gen-meeting-verbs.py: edit the script, not this file.
# Source: the standard grammar of each language (Didar's own curation of the lemmas).
# Read with data/triggers.tsv (same fields and kinds): kind, lang, forms"""


def main():
    print(HEADER)
    for kind, lang, forms in lines():
        seen, uniq = set(), []
        for f in forms:
            if f not in seen:
                seen.add(f)
                uniq.append(f)
        print(f"{kind}\t{lang}\t{'|'.join(uniq)}")


if __name__ == "__main__":
    main()
