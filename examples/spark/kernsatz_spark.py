#!/usr/bin/env python3
"""kernsatz as Apache Spark stages: the corpus IDF, then summaries and per-article vocabulary.

Reads JSONL (one {"id", "text"} article per line; a file, a directory or a glob, on any file
system Spark reads), and writes:

  OUTPUT/summaries/part-*   one {"id", "summary", "sentences"} line per article, in input order
  OUTPUT/vocab/part-*       one {"id", "entries"} line per article, in input order
  IDF_OUT (OUTPUT/corpus.idf for a local OUTPUT)   the corpus IDF table, on the driver

1. Every partition goes through `kernsatz idf count`; the counts are added up by word
   (reduceByKey) and `kernsatz idf build --from-counts -` on the driver makes the table: the same
   bytes as `kernsatz idf build` over the whole corpus on one machine.
2. The table is shipped to the executors (SparkContext.addFile, as spark-submit --files does),
   and every partition goes through `kernsatz summarize --jsonl --idf TABLE` and
   `kernsatz vocab --per-article --format json --idf TABLE`.

Local mode by default (local[*]); any cluster with --master (or spark-submit --master). The
kernsatz binary is shipped the same way: it must run on the executors' machines. See README.md.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
from operator import add

from pyspark import SparkConf, SparkFiles, TaskContext
from pyspark.sql import SparkSession


class Shipped(str):
    """The name of a file shipped to the executors; an argument that becomes its local path
    there (SparkFiles.get), on whichever machine the stage runs."""


def pipe(rdd, argv):
    """Pipe every partition through the kernsatz command `argv`: its records as lines on stdin,
    its output lines as the new partition (in order: kernsatz writes one line per record, in
    input order).

    Like RDD.pipe, but the command's files (Shipped) are found where the task runs, and the exit
    code is checked: 0, or 1 when some records failed (they are {"id","error"} lines of the
    output, or skipped and named on stderr by `idf count`, as `idf build` skips them); anything
    else fails the task with kernsatz's message. Each kernsatz uses the task's cores
    (spark.task.cpus): Spark runs the tasks side by side.
    """

    def run(records):
        cmd = [SparkFiles.get(a) if isinstance(a, Shipped) else a for a in argv]
        env = dict(os.environ, RAYON_NUM_THREADS=str(TaskContext.get().cpus()))
        proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        stderr, failed = [], []

        def feed():
            try:
                for line in records:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass  # kernsatz stopped early: its exit code says why
            except BaseException as e:  # the input failed: so must the task
                failed.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        threads = [
            threading.Thread(target=feed, daemon=True),
            threading.Thread(target=lambda: stderr.append(proc.stderr.read()), daemon=True),
        ]
        for t in threads:
            t.start()
        for line in proc.stdout:
            yield line.rstrip(b"\n").decode("utf-8")
        code = proc.wait()
        for t in threads:
            t.join()
        message = stderr[0].decode("utf-8", "replace") if stderr else ""
        if message:
            sys.stderr.write(message)  # the executor's log
        if failed:
            raise failed[0]
        if code not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)} exited with {code}: {message.strip()}")

    return rdd.mapPartitions(run)


def count_pair(line):
    """An `idf count` line as (word, df), or (None, docs) for the document count."""
    rec = json.loads(line)
    if "docs" in rec:
        return None, rec["docs"]
    return rec["word"], rec["df"]


def count_line(pair):
    word, n = pair
    return json.dumps({"docs": n} if word is None else {"word": word, "df": n}, ensure_ascii=False)


def ship(sc, path):
    """Ship a driver-side file to the executors, unless spark-submit --files did already; its
    name for SparkFiles.get."""
    name = os.path.basename(path)
    if not os.path.exists(os.path.join(SparkFiles.getRootDirectory(), name)):
        sc.addFile(os.path.abspath(path))
    return Shipped(name)


def local_path(uri):
    """The local path of an output URI, or None for a remote file system."""
    if uri.startswith("file://"):
        return uri[len("file://") :]
    return None if "://" in uri else uri


def build_idf(sc, kernsatz, lines, idf_out, min_df):
    """Stage 1: the corpus IDF table, written to idf_out on the driver."""
    counts = pipe(lines, [kernsatz, "idf", "count"]).map(count_pair).reduceByKey(add)
    build = subprocess.Popen(
        [
            SparkFiles.get(kernsatz),
            "idf",
            "build",
            "--from-counts",
            "-",
            "--min-df",
            str(min_df),
            "-o",
            idf_out,
        ],
        stdin=subprocess.PIPE,
    )
    try:
        for pair in counts.toLocalIterator():
            build.stdin.write(count_line(pair).encode("utf-8") + b"\n")
    finally:
        build.stdin.close()
    if build.wait() != 0:
        sys.exit(f"kernsatz idf build --from-counts failed (exit code {build.returncode})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSONL articles: a file, directory or glob Spark can read")
    ap.add_argument("output", help="output directory (must not exist)")
    ap.add_argument(
        "--kernsatz",
        default=shutil.which("kernsatz"),
        help="the kernsatz binary on the driver, shipped to the executors (default: on PATH)",
    )
    ap.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    ap.add_argument(
        "--idf",
        help="use this IDF table (on the driver) instead of building one from the input",
    )
    ap.add_argument(
        "--idf-out",
        help="where the driver writes the corpus IDF table (default: OUTPUT/corpus.idf)",
    )
    ap.add_argument(
        "--min-df",
        type=int,
        default=2,
        help="leave out words of fewer documents, as `kernsatz idf build --min-df` (default 2)",
    )
    ap.add_argument("--partitions", type=int, help="at least this many input partitions")
    ap.add_argument(
        "--stages",
        default="summarize,vocab",
        help="per-article outputs, comma-separated: summarize, vocab (default: both)",
    )
    args = ap.parse_args()
    stages = [s for s in args.stages.split(",") if s]
    unknown = set(stages) - {"summarize", "vocab"}
    if unknown:
        ap.error(f"unknown stage(s): {', '.join(sorted(unknown))}")
    if not args.kernsatz:
        ap.error("no kernsatz on PATH: give --kernsatz PATH")
    out_local = local_path(args.output)
    if out_local is not None and os.path.exists(out_local):
        ap.error(f"{args.output} exists")
    idf_out = args.idf_out
    if args.idf is None and idf_out is None:
        if out_local is None:
            ap.error("give --idf-out PATH (on the driver) for a remote OUTPUT")
        idf_out = os.path.join(out_local, "corpus.idf")

    conf = SparkConf().setAppName("kernsatz")
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    spark = SparkSession.builder.config(conf=conf).getOrCreate()
    sc = spark.sparkContext
    try:
        kernsatz = ship(sc, args.kernsatz)
        lines = sc.textFile(args.input, args.partitions).filter(lambda l: l.strip())
        if args.idf is None or len(stages) > 1:
            lines.cache()  # read more than once
        if args.idf is None:
            if out_local is not None:
                os.makedirs(out_local)
            build_idf(sc, kernsatz, lines, idf_out, args.min_df)
            idf = ship(sc, idf_out)
        else:
            idf = ship(sc, args.idf)
        if "summarize" in stages:
            pipe(lines, [kernsatz, "summarize", "--jsonl", "--idf", idf]).saveAsTextFile(
                args.output.rstrip("/") + "/summaries"
            )
        if "vocab" in stages:
            pipe(
                lines, [kernsatz, "vocab", "--per-article", "--format", "json", "--idf", idf]
            ).saveAsTextFile(args.output.rstrip("/") + "/vocab")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
