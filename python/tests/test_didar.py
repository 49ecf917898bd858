"""The Python package and the Spark job against the command line.

Run by scripts/test-python (which builds the wheel and the CLI first):
    DIDAR_CLI=target/release/didar .venv/bin/python -m unittest discover -s python/tests -v
The command line is the reference: the package must give exactly its JSON, and
the Spark job exactly `didar timeline`'s entries, whatever the partitioning.
"""

import datetime
import json
import os
import random
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import didar

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("DIDAR_CLI", str(ROOT / "target" / "release" / "didar"))
SEEDS = ROOT / "seeds"
DEV = ROOT / "tests" / "data" / "dev" / "articles"


def cli(*args, stdin=None):
    out = subprocess.run([CLI, *args], input=stdin, capture_output=True, check=False)
    return out


def cli_lines(*args, stdin=None):
    out = cli(*args, stdin=stdin)
    assert out.returncode == 0, out.stderr.decode()
    return out.stdout.decode().splitlines()


def articles(folder):
    # As the CLI reads a file: UTF-8, a leading byte-order mark removed.
    return [(f.stem, f.read_text(encoding="utf-8-sig")) for f in sorted(folder.glob("*.txt"))]


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def corpus_with_copies():
    """The seeds and the dev set, with a copy under another id of every third dev
    article (so that the timeline merges reports from different articles)."""
    dev = articles(DEV)
    return articles(SEEDS) + dev + [("copy-" + i, t) for i, t in dev[::3]]


class Package(unittest.TestCase):
    def test_analyze_is_the_cli_output_on_the_seeds_and_the_dev_set(self):
        for folder in (SEEDS, DEV):
            lines = cli_lines("extract", str(folder))
            arts = articles(folder)
            self.assertEqual(len(lines), len(arts))
            self.assertGreater(sum(len(json.loads(l)["meetings"]) for l in lines), len(arts) // 2)
            for (ident, text), line in zip(arts, lines):
                got = didar.analyze(text, id=ident)
                self.assertEqual(got, json.loads(line), ident)
                self.assertEqual(compact(got), line, ident)  # byte for byte, once printed the same way
            self.assertEqual(didar.analyze_batch(arts), [json.loads(l) for l in lines])
            self.assertEqual(didar.analyze_batch([{"id": i, "text": t} for i, t in arts]), [json.loads(l) for l in lines])

    def test_a_text_without_an_id_is_named_as_the_cli_names_stdin_and_batch_positions(self):
        text = "Iran's defense minister met his Kazakh counterpart in Moscow on 4 April 2018."
        self.assertEqual(didar.analyze(text), json.loads(cli_lines("extract", "-", stdin=text.encode())[0]))
        self.assertEqual([a["id"] for a in didar.analyze_batch([text, {"text": text}, (7, text)])], ["1", "2", "7"])

    def test_merge_is_didar_timeline(self):
        arts = corpus_with_copies()
        with tempfile.TemporaryDirectory() as tmp:
            for i, (ident, text) in enumerate(arts):
                # Numbered so that the folder's name order is the list's order.
                (Path(tmp) / f"{i:03d}-{ident}.txt").write_text(text, encoding="utf-8")
            expected = json.loads(cli("timeline", tmp).stdout)
        named = [(f"{i:03d}-{ident}", text) for i, (ident, text) in enumerate(arts)]
        got = didar.merge(didar.analyze_batch(named))
        self.assertEqual(got, expected)
        self.assertLess(len(got["entries"]), sum(len(e["sources"]) for e in got["entries"]), "some reports merge")

    def test_bad_input_raises_instead_of_crashing(self):
        with self.assertRaises(TypeError):
            didar.analyze(b"bytes")
        with self.assertRaises(TypeError):
            didar.analyze_batch([("id", 3)])
        with self.assertRaises(ValueError):
            didar.merge([{"id": "x", "meetings": "no"}])
        self.assertEqual(didar.analyze("\0\ud7ff\U0010ffff" * 1000)["meetings"], [])


class Jsonl(unittest.TestCase):
    def test_a_malformed_line_is_reported_and_skipped(self):
        good = [json.dumps({"id": i, "text": t}) for i, t in articles(SEEDS)]
        lines = good[:2] + ['{"id": "broken", "text": '] + good[2:]
        out = cli("extract", "--jsonl", stdin="\n".join(lines).encode())
        self.assertEqual(out.returncode, 1)
        self.assertRegex(out.stderr.decode(), r"^didar: stdin line 3: not an .*skipped\n$")
        results = [json.loads(l) for l in out.stdout.decode().splitlines()]
        self.assertEqual(results, [didar.analyze(t, id=i) for i, t in articles(SEEDS)])


@unittest.skipIf(os.environ.get("DIDAR_SKIP_SPARK"), "DIDAR_SKIP_SPARK is set")
class Spark(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from didar import spark

        cls.job = spark
        cls.spark = spark.session("local[2]", app="didar-test")
        cls.tmp = Path(tempfile.mkdtemp(prefix="didar-spark-"))
        # The corpus as a folder of .txt files, in name order.
        cls.arts = corpus_with_copies()
        cls.txt = cls.tmp / "txt"
        cls.txt.mkdir()
        for i, (ident, text) in enumerate(cls.arts):
            (cls.txt / f"{i:03d}-{ident}.txt").write_text(text, encoding="utf-8")
        cls.named = [(f"{i:03d}-{ident}", text) for i, (ident, text) in enumerate(cls.arts)]
        cls.expected_timeline = json.loads(cli("timeline", str(cls.txt)).stdout)
        cls.expected_meetings = {a["id"]: a["meetings"] for a in map(json.loads, cli_lines("extract", str(cls.txt)))}

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def tables(self, out):
        meetings = {}
        rows = self.spark.read.parquet(str(out / "meetings")).collect()
        for r in sorted(rows, key=lambda r: (r["article"], r["meeting"])):
            meetings.setdefault(r["article"], []).append(self.job.row_to_meeting(r.asDict(recursive=True)))
        entries = []
        for r in sorted(self.spark.read.parquet(str(out / "timeline")).collect(), key=lambda r: r["position"]):
            d = r.asDict(recursive=True)
            entries.append({"meeting": self.job.row_to_meeting(d), "sources": d["sources"]})
        return meetings, {"entries": entries}, rows

    def check(self, out, expected_meetings, expected_timeline):
        meetings, timeline, rows = self.tables(out)
        self.assertEqual(meetings, {k: v for k, v in expected_meetings.items() if v})
        self.assertEqual(timeline, expected_timeline)
        # The date interval: a month's meeting spans the month.
        for r in rows:
            if r["date_precision"] == "month":
                self.assertEqual(r["date_start"].day, 1)
                self.assertEqual((r["date_end"] + datetime.timedelta(days=1)).day, 1)
            if r["date_precision"] == "day":
                self.assertEqual(r["date_start"], r["date_end"])
                self.assertEqual(r["date_start"].isoformat(), r["date"])

    def test_txt_folder_with_1_3_and_8_partitions_is_didar_timeline(self):
        for n in (1, 3, 8):
            with self.subTest(partitions=n):
                out = self.tmp / f"out-txt-{n}"
                counts = self.job.run(self.spark, str(self.txt), str(out), partitions=n)
                self.assertEqual(counts["bad"], 0)
                self.check(out, self.expected_meetings, self.expected_timeline)

    def test_jsonl_in_shuffled_order_with_bad_lines_is_didar_timeline_of_the_same_lines(self):
        order = list(self.named)
        random.Random(13).shuffle(order)
        lines = [json.dumps({"id": i, "text": t}, ensure_ascii=bool(k % 2)) for k, (i, t) in enumerate(order)]
        lines.insert(5, '{"id": "cut", "text": "Iran')
        lines.insert(9, '{"id": ["not", "an", "id"], "text": "Iran and Turkey met."}')
        folder = self.tmp / "jsonl"
        folder.mkdir()
        # Two files: the order is the files' names, then their lines.
        (folder / "a.jsonl").write_text("\n".join(lines[:60]) + "\n", encoding="utf-8")
        (folder / "b.jsonl").write_text("\n".join(lines[60:]) + "\n", encoding="utf-8")
        good = "\n".join(l for l in lines if "Iran and Turkey met" not in l and "\"cut\"" not in l)
        expected_timeline = json.loads(cli("timeline", "--jsonl", stdin=good.encode()).stdout)
        self.assertNotEqual(expected_timeline, self.expected_timeline, "the order of the articles matters")
        for n in (3, 8):
            with self.subTest(partitions=n):
                out = self.tmp / f"out-jsonl-{n}"
                counts = self.job.run(self.spark, str(folder), str(out), partitions=n)
                self.assertEqual(counts["bad"], 2)
                self.check(out, self.expected_meetings, expected_timeline)

    def test_parquet_rows_in_row_order(self):
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = self.tmp / "articles.parquet"
        pq.write_table(pa.table({"id": [i for i, _ in self.named], "text": [t for _, t in self.named]}), path, row_group_size=40)
        out = self.tmp / "out-parquet"
        self.job.run(self.spark, str(path), str(out), partitions=3)
        self.check(out, self.expected_meetings, self.expected_timeline)


if __name__ == "__main__":
    unittest.main()
