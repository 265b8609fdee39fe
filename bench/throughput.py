#!/usr/bin/env python3
"""Segmentation throughput (MB/s) of presslens next to spaCy, pySBD, syntok and NLTK.

The corpus is built by repeating the development documents (whole documents, in order) until it
reaches --mb megabytes (1 MB = 10^6 bytes of UTF-8 text). presslens is timed on the whole corpus:

* ``analyze`` one document at a time (single thread),
* ``analyze_many(docs, threads=1)`` and ``analyze_many(docs, threads=os.cpu_count())`` (and
  threads=2 if the machine has more cores), giving the multi-thread speed-up,
* ``analyze`` plus reading every token/sentence offset from Python (on a smaller sample), to show
  what the Python-side object access costs.

If ``presslens.analyze`` has switches for quotes/sentiment/mentions they are turned off (checked with
``inspect.signature`` at run time) so that tokens + sentences are what is timed; otherwise the full
analysis is timed and the output says so.

Peers run single-threaded on smaller samples of the same corpus (they are slow; MB/s is comparable
across sample sizes): spaCy ``blank("en")`` + sentencizer via ``nlp.pipe``; pySBD (sentences only,
its fastest mode ``char_span=False``); syntok ``segmenter.analyze`` (tokens + sentences, generators
consumed); NLTK punkt + ``NLTKWordTokenizer.span_tokenize`` per sentence. Every figure is the median
of the stated number of timed runs after one untimed warm-up run.

The output ends with exactly one JSON line holding every figure.

    python bench/throughput.py
    python bench/throughput.py --mb 20 --runs 5 --data ../shared/data/tokenize-dev
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

TARGETS = {"vs_spacy": 20.0, "vs_pysbd": 100.0, "speedup_2_threads": 1.7}


def timed_runs(fn, runs, warmup_fn=None):
    (warmup_fn or fn)()
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def record(nbytes, times, **extra):
    med = statistics.median(times)
    rec = {
        "mb": round(nbytes / 1e6, 3),
        "runs": len(times),
        "median_s": round(med, 4),
        "mb_s": round(nbytes / 1e6 / med, 3) if med > 0 else None,
        "times_s": [round(t, 4) for t in times],
    }
    rec.update(extra)
    return rec


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Segmentation throughput of presslens vs spaCy/pySBD/syntok/NLTK. Ends with one JSON line.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    ap.add_argument("--data", type=Path, default=C.DEFAULT_DATA,
                    help="directory of *_spans.jsonl files or of .txt files (documents to repeat)")
    ap.add_argument("--mb", type=float, default=20.0, help="presslens corpus size, MB (10^6 UTF-8 bytes)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs for presslens and spaCy (median)")
    ap.add_argument("--peer-runs", type=int, default=3, help="timed runs for syntok, NLTK, pySBD (median, >= 3)")
    ap.add_argument("--spacy-mb", type=float, default=2.0, help="sample size for spaCy, MB")
    ap.add_argument("--peer-mb", type=float, default=1.0, help="sample size for syntok and NLTK, MB")
    ap.add_argument("--pysbd-mb", type=float, default=0.3, help="sample size for pySBD, MB")
    ap.add_argument("--spans-mb", type=float, default=5.0,
                    help="sample size for presslens analyze + reading all spans from Python, MB")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                    help="thread count for the 'all threads' presslens run")
    ap.add_argument("--systems", default="presslens,spacy,pysbd,syntok,nltk",
                    help="comma-separated subset of presslens,spacy,pysbd,syntok,nltk")
    args = ap.parse_args(argv)
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]

    texts = C.load_dev_texts(args.data)
    corpus = C.build_corpus(texts, int(args.mb * 1e6))
    corpus_bytes = C.utf8_size(corpus)
    print("== Segmentation throughput (MB = 10^6 UTF-8 bytes; median of timed runs after 1 warm-up) ==")
    print(f"data: {args.data}: {len(texts)} distinct documents, avg {C.utf8_size(texts) / len(texts) / 1e3:.1f} KB; "
          f"corpus {corpus_bytes / 1e6:.2f} MB = {len(corpus)} documents")
    print(f"machine: {os.cpu_count()} logical CPUs, Python {C.env_info()['python']}")
    sys.stdout.flush()

    results = {"presslens": {}, "peers": {}}
    skipped = {}
    notes = []

    # ---------------------------------------------------------------- presslens
    pl = None
    if "presslens" in wanted:
        pl, reason = C.import_presslens()
        if pl is None:
            skipped["presslens"] = reason
    if pl is not None:
        kwargs, desc = C.analyze_kwargs_segmentation_only(pl)
        notes.append(f"presslens timed as {desc}")
        print(f"presslens {getattr(pl, '__version__', '?')}: {desc}", flush=True)
        analyze = pl.analyze
        warm = C.build_corpus(texts, 1_000_000)

        def loop(docs=corpus):
            for t in docs:
                analyze(t, **kwargs)

        try:
            times = timed_runs(loop, args.runs, lambda: loop(warm))
            results["presslens"]["analyze_1_thread"] = record(corpus_bytes, times, how="for t in docs: analyze(t)")
        except Exception as exc:
            skipped["presslens analyze"] = f"{type(exc).__name__}: {exc}"

        many = getattr(pl, "analyze_many", None)
        if many is None:
            skipped["presslens analyze_many"] = "presslens has no attribute 'analyze_many'"
        else:
            many_kwargs = dict(kwargs)
            try:  # does analyze_many accept the same switches?
                many(texts[:1], threads=1, **many_kwargs)
            except TypeError:
                many_kwargs = {}
                notes.append("analyze_many does not take the analyze() switches: full analysis timed for it")
            thread_counts = sorted({1, 2, max(1, args.threads)}) if (args.threads or 1) >= 2 else [1]
            for n in thread_counts:
                def run_many(docs=corpus, n=n):
                    many(docs, threads=n, **many_kwargs)

                try:
                    times = timed_runs(run_many, args.runs, lambda n=n: run_many(warm, n))
                    results["presslens"][f"analyze_many_{n}_threads"] = record(
                        corpus_bytes, times, how=f"analyze_many(docs, threads={n})")
                except Exception as exc:
                    skipped[f"presslens analyze_many threads={n}"] = f"{type(exc).__name__}: {exc}"

        # analyze + reading offsets from Python
        sample = C.build_corpus(texts, int(args.spans_mb * 1e6))
        sysobj = C.PresslensSystem(pl, kwargs)

        def with_spans(docs=sample):
            for t in docs:
                sysobj.run(t)

        try:
            times = timed_runs(with_spans, args.runs, lambda: with_spans(warm[:10]))
            results["presslens"]["analyze_plus_spans_1_thread"] = record(
                C.utf8_size(sample), times, how="analyze(t) + read every sentence/token start/end/kind in Python")
        except Exception as exc:
            skipped["presslens analyze+spans"] = f"{type(exc).__name__}: {exc}"
        print("  presslens done", flush=True)

    # ---------------------------------------------------------------- peers
    peer_names = [w for w in wanted if w != "presslens"]
    peers, peer_skipped = C.load_peers(peer_names)
    for name, reason in peer_skipped:
        skipped[name] = reason
    for p in peers:
        if p.name == "spacy":
            mb, runs = args.spacy_mb, args.runs
        elif p.name == "pysbd":
            mb, runs = args.pysbd_mb, max(3, args.peer_runs)
        else:
            mb, runs = args.peer_mb, max(3, args.peer_runs)
        sample = C.build_corpus(texts, int(mb * 1e6))
        warm = sample[: max(1, len(sample) // 10)]
        try:
            times = timed_runs(lambda: p.throughput_work(sample), runs, lambda: p.throughput_work(warm))
        except Exception as exc:
            skipped[p.name] = f"{type(exc).__name__}: {exc}"
            continue
        results["peers"][p.name] = record(C.utf8_size(sample), times, label=p.label)
        print(f"  {p.label} done", flush=True)

    # ---------------------------------------------------------------- report
    pres = results["presslens"]
    base = pres.get("analyze_1_thread", {}).get("mb_s")
    ratios = {}
    for name, r in results["peers"].items():
        if base and r["mb_s"]:
            ratios[f"vs_{name}"] = round(base / r["mb_s"], 1)
    t1 = pres.get("analyze_many_1_threads", {}).get("mb_s")
    t2 = pres.get("analyze_many_2_threads", {}).get("mb_s")
    tall = pres.get(f"analyze_many_{args.threads}_threads", {}).get("mb_s")
    if t1 and t2:
        ratios["speedup_2_threads"] = round(t2 / t1, 2)
    if base and t2:
        ratios["speedup_2_threads_vs_analyze_loop"] = round(t2 / base, 2)
    if t1 and tall and args.threads not in (1, 2):
        ratios[f"speedup_{args.threads}_threads"] = round(tall / t1, 2)

    print("\n== Results ==")
    headers = ["system", "mode", "MB", "runs", "median s", "MB/s", "presslens 1T ÷ this"]
    rows = []
    for key, r in pres.items():
        rows.append(["presslens", r["how"], f"{r['mb']:.2f}", r["runs"], f"{r['median_s']:.3f}",
                     f"{r['mb_s']:.2f}", f"{base / r['mb_s']:.2f}" if base else ""])
    for name, r in results["peers"].items():
        rows.append([r["label"], "1 thread", f"{r['mb']:.2f}", r["runs"], f"{r['median_s']:.3f}",
                     f"{r['mb_s']:.3f}", f"{ratios.get('vs_' + name, '')}×" if base else ""])
    for name, reason in skipped.items():
        rows.append([name, "SKIPPED: " + reason[:90], "", "", "", "", ""])
    print(C.format_table(headers, rows))
    for n in notes:
        print(f"note: {n}")
    for p in peers:
        print(f"note: {p.note}")
    print("note: 'presslens 1T' = analyze() one document at a time on one thread; peers are single-threaded.")

    print("\nTargets:")
    target_status = {}
    for key, goal in TARGETS.items():
        val = ratios.get(key)
        ok = None if val is None else val >= goal
        target_status[key] = {"target": goal, "value": val, "met": ok}
        what = {"vs_spacy": "presslens 1T ÷ spaCy blank+sentencizer",
                "vs_pysbd": "presslens 1T ÷ pySBD",
                "speedup_2_threads": "analyze_many threads=2 ÷ threads=1"}[key]
        status = "n/a" if ok is None else ("MET" if ok else "NOT MET")
        print(f"  {what:45s} {'' if val is None else val:>8} (target ≥ {goal}×)  {status}")

    out = {
        "benchmark": "throughput",
        "mb_definition": "1e6 bytes of UTF-8 text",
        "data": str(args.data),
        "corpus_mb": round(corpus_bytes / 1e6, 3),
        "cpu_count": os.cpu_count(),
        "presslens": pres,
        "peers": results["peers"],
        "ratios": ratios,
        "targets": target_status,
        "skipped": skipped,
        "notes": notes + [p.note for p in peers],
    }
    C.print_json_last(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
