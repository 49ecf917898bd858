"""Didar over an archive with Spark: ``python -m didar.spark INPUT OUTPUT``.

INPUT is JSONL (``{"id", "text"}`` per line; a file or a folder of them),
Parquet (columns ``id`` and ``text``; a file or a folder) or a folder of
``.txt`` files (the id is the file name without ``.txt``, as for ``didar
extract``). OUTPUT is a folder; the job writes two Parquet tables into it:

- ``OUTPUT/meetings``: one row per meeting (the article's id, language and
  publication date, the meeting's index in the article, then the fields of
  ``didar extract``'s meeting, plus ``date_start`` and ``date_end``: the
  interval of days its date may be);
- ``OUTPUT/timeline``: one row per merged entry, ``position`` giving the
  timeline's order, the entry's meeting (same columns) and its ``sources``.

Each partition of articles is analysed by the Rust core (``didar.analyze_batch``).
The merge is distributed: reports can only merge with reports of the same
party set, so the meetings are grouped by it and each group is merged by the
core's own merge (``didar.merge``) in the articles' order; the entries are then
put in the timeline's order. The result is the timeline ``didar timeline``
gives for the same articles in the same order, however the work is partitioned.
The articles' order: a folder's ``.txt`` files in path order (as the command
line takes them), JSONL lines in file and line order, Parquet rows in file and
row order.

A record that is not an article (a line that is not a JSON object with a str
``text`` and a str or int ``id``; a ``.txt`` file that is empty, binary, not
UTF-8 or over 20 MB) is reported on stderr and skipped.
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import json
import os
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple
from urllib.parse import unquote

import didar
from didar import _core

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
BATCH = 256  # articles handed to the core at a time

# The order of an article: (file, a block or row number, a position within it).
OrderKey = Tuple[str, int, int]


def _schemas():
    from pyspark.sql import types as T

    participant = T.StructType(
        [T.StructField(n, T.StringType()) for n in ("party", "name", "role", "name_from", "name_in_text")]
    )
    evidence = T.StructType(
        [T.StructField("start", T.LongType()), T.StructField("end", T.LongType()), T.StructField("text", T.StringType())]
    )
    reason = T.StructType(
        [T.StructField(n, T.StringType()) for n in ("kind", "interval", "note")] + [T.StructField("words", evidence)]
    )
    meeting = [
        T.StructField("parties", T.ArrayType(T.StringType())),
        T.StructField("participants", T.ArrayType(participant)),
        T.StructField("date", T.StringType()),
        T.StructField("date_start", T.DateType()),
        T.StructField("date_end", T.DateType()),
        T.StructField("date_in_text", T.StringType()),
        T.StructField("date_precision", T.StringType()),
        T.StructField("date_source", T.StringType()),
        T.StructField("date_interval", T.StringType()),
        T.StructField("date_reasons", T.ArrayType(reason)),
        T.StructField("location", T.StructType([T.StructField("city", T.StringType()), T.StructField("country", T.StringType())])),
        T.StructField("occasion", T.StringType()),
        T.StructField("mode", T.StringType()),
        T.StructField("status", T.StringType()),
        T.StructField("topics", T.ArrayType(T.StringType())),
        T.StructField("evidence", evidence),
    ]
    meetings = T.StructType(
        [
            T.StructField("article", T.StringType()),
            T.StructField("lang", T.StringType()),
            T.StructField("published", T.StringType()),
            T.StructField("meeting", T.IntegerType()),
        ]
        + meeting
    )
    source = T.StructType(
        [T.StructField("article", T.StringType()), T.StructField("lang", T.StringType()), T.StructField("evidence", evidence)]
    )
    timeline = T.StructType(
        [T.StructField("position", T.LongType())] + meeting + [T.StructField("sources", T.ArrayType(source))]
    )
    return meetings, timeline


def date_interval(date: Optional[str]) -> Tuple[Optional[datetime.date], Optional[datetime.date]]:
    """The first and last day a meeting's date may be, or (None, None) when undated."""
    parsed = _core.parse_date(date) if date is not None else None
    if parsed is None:
        return None, None
    year, month, day = parsed
    try:
        if day is not None:
            d = datetime.date(year, month, day)
            return d, d
        if month is not None:
            return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except (ValueError, OverflowError):
        return None, None


def first_day(meeting: Dict[str, Any]) -> Optional[Tuple[int, int, int]]:
    """The first day an entry stands for (``Entry::first_day``): its date's, else that of
    its interval (EDTF) when bounded on both sides."""
    parsed = _core.parse_date(meeting["date"]) if meeting.get("date") is not None else None
    if parsed is None:
        sides = (meeting.get("date_interval") or "..").split("/")
        if ".." in sides or "" in sides:
            return None
        parsed = _core.parse_date(sides[0])
    return None if parsed is None else (parsed[0], parsed[1] or 1, parsed[2] or 1)


def timeline_key(meeting: Dict[str, Any]) -> Tuple[bool, Tuple[int, int, int], Tuple[str, ...]]:
    """The order of the timeline (``Entry::order``): by first day, those without last, then by parties."""
    first = first_day(meeting)
    return first is None, first or (0, 0, 0), tuple(meeting["parties"])


def _meeting_columns(m: Dict[str, Any]) -> tuple:
    start, end = date_interval(m.get("date"))
    loc = m.get("location")
    ev = m["evidence"]
    return (
        m["parties"],
        [(p["party"], p.get("name"), p.get("role"), p.get("name_from"), p.get("name_in_text")) for p in m["participants"]],
        m.get("date"),
        start,
        end,
        m.get("date_in_text"),
        m.get("date_precision"),
        m.get("date_source"),
        m.get("date_interval"),
        [
            (r["kind"], r["interval"], r["note"], None if r.get("words") is None else (r["words"]["start"], r["words"]["end"], r["words"]["text"]))
            for r in m.get("date_reasons", [])
        ],
        None if loc is None else (loc.get("city"), loc.get("country")),
        m.get("occasion"),
        m["mode"],
        m["status"],
        m["topics"],
        (ev["start"], ev["end"], ev["text"]),
    )


def row_to_meeting(row: Dict[str, Any]) -> Dict[str, Any]:
    """A table row (``Row.asDict(recursive=True)``) back in the shape ``didar extract`` prints."""
    keys = ("parties", "participants", "date", "date_in_text", "date_precision", "date_source",
            "date_interval", "date_reasons", "location", "occasion", "mode", "status", "topics", "evidence")
    m = {k: row[k] for k in keys}
    m["participants"] = [{k: v for k, v in p.items() if not (k in ("name_from", "name_in_text") and v is None)} for p in m["participants"]]
    # (The core leaves out an absent interval, no reasons, and a reason without words.)
    if m["date_interval"] is None:
        del m["date_interval"]
    m["date_reasons"] = [{k: v for k, v in r.items() if not (k == "words" and v is None)} for r in m["date_reasons"] or []]
    if not m["date_reasons"]:
        del m["date_reasons"]
    return m


# --- reading -----------------------------------------------------------------

def _parse_line(value: str) -> Tuple[Optional[Tuple[str, str]], str]:
    try:
        obj = json.loads(value)
    except ValueError as e:
        return None, f"not JSON ({e})"
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return None, 'not an {"id", "text"} object with a str text'
    ident = obj.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        return None, "no str or int id"
    return (str(ident), obj["text"]), ""


def _txt_article(content: bytes) -> Tuple[Optional[str], str]:
    """A .txt file's text, checked as ``didar extract`` checks it."""
    if len(content) > MAX_ARTICLE_BYTES:
        return None, "larger than 20 MB, not an article"
    if b"\0" in content:
        return None, "binary file (contains NUL bytes), not a text article"
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, f"not valid UTF-8 (first bad byte at offset {e.start})"
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None, "empty file"
    return text, ""


def detect_format(path: str) -> str:
    """``txt``, ``parquet`` or ``jsonl``, from the path's name or its folder's files."""
    local = path[len("file://"):] if path.startswith("file://") else path
    if os.path.isdir(local):
        names = os.listdir(local)
        for ext, fmt in ((".txt", "txt"), (".parquet", "parquet")):
            if any(n.endswith(ext) for n in names):
                return fmt
        return "jsonl"
    for ext, fmt in ((".txt", "txt"), (".parquet", "parquet")):
        if local.endswith(ext):
            return fmt
    return "jsonl"


def read_articles(spark, path: str, fmt: str):
    """An RDD of (order key, kind, payload): kind "line" (a JSONL line), "txt" (a file's bytes) or "row" ((id, text))."""
    from pyspark.sql import functions as F

    if fmt == "txt":
        df = spark.read.format("binaryFile").option("pathGlobFilter", "*.txt").load(path)
        return df.select("path", "content").rdd.map(lambda r: ((r[0], 0, 0), "txt", (r[0], bytes(r[1]))))
    if fmt == "parquet":
        df = spark.read.parquet(path).select(
            F.col("id").cast("string"), "text", F.col("_metadata.file_path"), F.col("_metadata.row_index")
        )
        return df.rdd.map(lambda r: ((r[2], int(r[3]), 0), "row", (r[0], r[1])))
    if fmt == "jsonl":
        # Within one block of one file, the rows are read in line order, in one
        # partition, so the increasing id orders them.
        df = spark.read.text(path).select(
            "value", F.col("_metadata.file_path"), F.col("_metadata.file_block_start"), F.monotonically_increasing_id()
        )
        return df.rdd.map(lambda r: ((r[1], int(r[2]), int(r[3])), "line", r[0]))
    raise ValueError(f"unknown input format {fmt!r} (jsonl, parquet or txt)")


# --- the job -----------------------------------------------------------------

def extract_partition(records: Iterable[tuple]) -> Iterator[tuple]:
    """("m", key, index, id, lang, published, meeting as JSON, party set) per meeting, ("bad", key, why) per bad record."""
    pending: List[Tuple[OrderKey, str, str]] = []

    def flush() -> Iterator[tuple]:
        analyses = didar.analyze_batch([(i, t) for _, i, t in pending])
        for (key, _, _), a in zip(pending, analyses):
            for j, m in enumerate(a["meetings"]):
                # The meeting travels as JSON text: far cheaper to pickle through the shuffle than a dict.
                yield ("m", key, j, a["id"], a["lang"], a["published"], json.dumps(m, ensure_ascii=False), "\x1f".join(m["parties"]))
        pending.clear()

    for key, kind, payload in records:
        if kind == "line":
            if not payload.strip():
                continue
            article, why = _parse_line(payload)
        elif kind == "txt":
            file_path, content = payload
            text, why = _txt_article(content)
            stem = unquote(file_path.rsplit("/", 1)[-1])[: -len(".txt")]
            article = None if text is None else (stem, text)
        else:
            ident, text = payload
            ok = ident is not None and isinstance(text, str)
            article, why = ((ident, text), "") if ok else (None, "id or text is null")
        if article is None:
            yield ("bad", key, why)
            continue
        pending.append((key, article[0], article[1]))
        if len(pending) >= BATCH:
            yield from flush()
    if pending:
        yield from flush()


def merge_group(reports: Iterable[tuple]) -> Iterator[tuple]:
    """Merge one party set's reports, in the articles' order, with the core's merge."""
    ordered = sorted(reports, key=lambda r: (r[0], r[1]))
    # One analysis per report, in JSON as didar.analyze gives it (Timeline::build
    # takes only the id and language of an analysis besides its meetings).
    analyses = [
        '{"id":%s,"lang":%s,"published":null,"meetings":[%s]}' % (json.dumps(ident), json.dumps(lang), m)
        for _, _, ident, lang, m in ordered
    ]
    for rank, entry in enumerate(json.loads(_core.merge_json(analyses))["entries"]):
        yield timeline_key(entry["meeting"]) + (rank,), entry


def run(spark, input_path: str, output: str, fmt: Optional[str] = None, partitions: Optional[int] = None) -> Dict[str, int]:
    """Run the job; returns counts of articles' meetings, timeline entries and bad records."""
    from pyspark import StorageLevel

    meetings_schema, timeline_schema = _schemas()
    fmt = fmt or detect_format(input_path)
    records = read_articles(spark, input_path, fmt)
    if partitions:
        records = records.repartition(partitions)
    results = records.mapPartitions(extract_partition).persist(StorageLevel.MEMORY_AND_DISK)
    bad = results.filter(lambda r: r[0] == "bad")
    found = results.filter(lambda r: r[0] == "m")

    meetings = found.map(lambda r: (r[3], r[4], r[5], r[2]) + _meeting_columns(json.loads(r[6])))
    # (verifySchema off: the rows are built here, in the schema's shape; checking each cost a third of the write.)
    spark.createDataFrame(meetings, meetings_schema, verifySchema=False).write.mode("overwrite").parquet(os.path.join(output, "meetings"))

    entries = (
        found.map(lambda r: (r[7], (r[1], r[2], r[3], r[4], r[6])))
        .groupByKey()
        .flatMap(lambda kv: merge_group(kv[1]))
        .sortByKey()
        .zipWithIndex()
        .map(lambda e: (e[1],) + _meeting_columns(e[0][1]["meeting"]) + (
            [(s["article"], s["lang"], (s["evidence"]["start"], s["evidence"]["end"], s["evidence"]["text"]))
             for s in e[0][1]["sources"]],))
    )
    timeline = spark.createDataFrame(entries, timeline_schema, verifySchema=False)
    timeline.write.mode("overwrite").parquet(os.path.join(output, "timeline"))

    bad_count = bad.count()
    for _, key, why in bad.takeOrdered(20, key=lambda r: r[1]):
        print(f"didar.spark: {key[0]} (record at {key[1]}/{key[2]}): {why}, skipped", file=sys.stderr)
    if bad_count > 20:
        print(f"didar.spark: ... {bad_count - 20} more bad records skipped", file=sys.stderr)
    counts = {"meetings": found.count(), "entries": spark.read.parquet(os.path.join(output, "timeline")).count(), "bad": bad_count}
    results.unpersist()
    return counts


def session(master: Optional[str] = None, app: str = "didar"):
    """A SparkSession whose Python workers use this interpreter (where didar is installed)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m didar.spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL file or folder, Parquet file or folder, or folder of .txt files")
    parser.add_argument("output", help="folder for the meetings/ and timeline/ Parquet tables (replaced)")
    parser.add_argument("--format", choices=["jsonl", "parquet", "txt"], help="input format (default: from the path)")
    parser.add_argument("--partitions", type=int, help="repartition the articles into this many partitions")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's or local[*])")
    args = parser.parse_args(argv)
    spark = session(args.master)
    try:
        counts = run(spark, args.input, args.output, args.format, args.partitions)
    finally:
        spark.stop()
    print(f"didar.spark: {counts['meetings']} meetings, {counts['entries']} timeline entries, "
          f"{counts['bad']} bad records skipped; tables in {os.path.join(args.output, 'meetings')} and "
          f"{os.path.join(args.output, 'timeline')}")
    return 1 if counts["bad"] else 0


if __name__ == "__main__":
    sys.exit(main())
