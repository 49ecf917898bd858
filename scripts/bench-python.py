"""Throughput of Didar past one machine: articles per second per core for the
Python package, for `didar extract --jsonl`, and for the Spark job in local[1]
and local[2], on copies of the dev set with distinct ids.

    scripts/setup-python && .venv/bin/python scripts/bench-python.py [--articles 100000]

Prints one line per figure. Each figure is the wall time of the whole run
(the Spark job's includes starting the JVM and writing both Parquet tables).
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import didar

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "target" / "release" / "didar"
DEV = ROOT / "tests" / "data" / "dev" / "articles"


def make_input(path: Path, n: int) -> int:
    dev = [(f.stem, f.read_text(encoding="utf-8")) for f in sorted(DEV.glob("*.txt"))]
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            ident, text = dev[k % len(dev)]
            line = json.dumps({"id": f"{ident}-{k // len(dev)}", "text": text}, ensure_ascii=False) + "\n"
            size += len(line.encode())
            out.write(line)
    return size


def bench_package(path: Path, n: int) -> float:
    started = time.perf_counter()
    chunk, meetings = [], 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            chunk.append((a["id"], a["text"]))
            if len(chunk) == 1000:
                meetings += sum(len(r["meetings"]) for r in didar.analyze_batch(chunk))
                chunk = []
    meetings += sum(len(r["meetings"]) for r in didar.analyze_batch(chunk))
    secs = time.perf_counter() - started
    print(f"package  didar.analyze_batch, 1 thread : {n / secs:8.0f} articles/s/core  ({n} articles, {meetings} meetings, {secs:.1f} s; reading JSON included)")
    return n / secs


def bench_jsonl(path: Path, n: int) -> float:
    started = time.perf_counter()
    with path.open("rb") as f:
        out = subprocess.run([str(CLI), "extract", "--jsonl"], stdin=f, stdout=subprocess.PIPE, check=True)
    secs = time.perf_counter() - started
    lines = out.stdout.count(b"\n")
    assert lines == n, (lines, n)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"CLI      didar extract --jsonl         : {n / secs:8.0f} articles/s/core  ({secs:.1f} s, peak memory {peak:.0f} MB)")
    return n / secs


def bench_spark(path: Path, n: int, cores: int, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "didar.spark", str(path), str(out), "--master", f"local[{cores}]"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    secs = time.perf_counter() - started
    print(f"Spark    python -m didar.spark local[{cores}] : {n / secs / cores:8.0f} articles/s/core  ({n / secs:.0f} articles/s, {secs:.1f} s with JVM start-up and both tables written)")
    return n / secs / cores


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--skip-spark", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    tmp = Path(tempfile.mkdtemp(prefix="didar-bench-"))
    try:
        path = tmp / "articles.jsonl"
        size = make_input(path, args.articles)
        print(f"input: {args.articles} articles (copies of the 50 dev articles, distinct ids), {size / 1e6:.0f} MB of JSONL; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        bench_package(path, args.articles)
        bench_jsonl(path, args.articles)
        if not args.skip_spark:
            for cores in (1, 2):
                bench_spark(path, args.articles, cores, tmp / f"out{cores}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
