#!/usr/bin/env python3
"""Segmentation throughput (MB/s) of presslens next to spaCy, pySBD, syntok and NLTK.

The corpus is built by repeating the development documents (whole documents, in order) until it
reaches --mb megabytes (1 MB = 10^6 bytes of UTF-8 text). presslens is timed on the whole corpus:

* ``analyze`` one document at a time (single thread),
* ``analyze_many(docs, threads=1)`` and ``analyze_many(docs, threads=os.cpu_count())`` (and
  threads=2 if the machine has more cores), giving the multi-thread speed-up,
* ``analyze`` plus reading every token/sentence offset from Python (on a smaller sample), to show
  what the Python-side object access costs.

If presslens offers switches for quotes/sentiment/mentions (``presslens.Analyzer(quotes=False, ...)``
or explicit parameters of ``presslens.analyze``; checked with ``inspect.signature`` at run time) they
are turned off so that tokens + sentences are what is timed; otherwise the full analysis is timed.
The output says which.

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


def record(nbytes, times, cpu_times, **extra):
    med = statistics.median(times)
    cmed = statistics.median(cpu_times)
    rec = {
        "mb": round(nbytes / 1e6, 3),
        "runs": len(times),
        "median_s": round(med, 4),
        "mb_s": round(nbytes / 1e6 / med, 3) if med > 0 else None,
        "best_mb_s": round(nbytes / 1e6 / min(times), 3) if min(times) > 0 else None,
        "times_s": [round(t, 4) for t in times],
        "cpu_median_s": round(cmed, 4),
        "mb_per_cpu_s": round(nbytes / 1e6 / cmed, 3) if cmed > 0 else None,
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
    ap.add_argument("--files", default="*_spans.jsonl",
                    help="glob of the *_spans.jsonl files in --data whose texts are used")
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
    ap.add_argument("--no-machine-check", action="store_true",
                    help="skip the 2-process calibration that shows how much parallel CPU the machine gives")
    ap.add_argument("--systems", default="presslens,spacy,pysbd,syntok,nltk",
                    help="comma-separated subset of presslens,spacy,pysbd,syntok,nltk")
    args = ap.parse_args(argv)
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]

    texts = C.load_dev_texts(args.data, args.files)
    corpus = C.build_corpus(texts, int(args.mb * 1e6))
    corpus_bytes = C.utf8_size(corpus)
    print("== Segmentation throughput (MB = 10^6 UTF-8 bytes; median of timed runs after 1 warm-up; "
          "runs of all systems interleaved round by round) ==")
    print(f"data: {args.data}: {len(texts)} distinct documents, avg {C.utf8_size(texts) / len(texts) / 1e3:.1f} KB; "
          f"corpus {corpus_bytes / 1e6:.2f} MB = {len(corpus)} documents")
    load_start = C.load_average()
    print(f"machine: {os.cpu_count()} logical CPUs, Python {C.env_info()['python']}, load average {load_start}")
    machine = None
    if not args.no_machine_check and (os.cpu_count() or 1) >= 2:
        machine = C.machine_parallel_check()
        print(f"machine check: 2 processes of pure-Python work run {machine['speedup']:.2f}x as fast as one "
              "after the other (~2 on an idle 2-core machine; lower = cores shared with other jobs, "
              "which caps any thread speed-up too)")
    sys.stdout.flush()

    results = {"presslens": {}, "peers": {}}
    skipped = {}
    notes = []
    # Every measurement is (group, key, nbytes, run, warm-up, runs, extra fields). They are run in
    # interleaved rounds - round 1 of each, then round 2 of each, ... - so that a burst of load from
    # other jobs on the machine hits presslens and the peers alike and the ratios stay fair.
    jobs = []

    # ---------------------------------------------------------------- presslens
    pl = None
    if "presslens" in wanted:
        pl, reason = C.import_presslens()
        if pl is None:
            skipped["presslens"] = reason
    if pl is not None:
        analyze, many, desc = C.segmentation_entry_points(pl)
        notes.append(f"presslens timed as {desc}")
        print(f"presslens {getattr(pl, '__version__', '?')}: {desc}", flush=True)
        warm = C.build_corpus(texts, 1_000_000)

        def loop(docs):
            for t in docs:
                analyze(t)

        jobs.append(("presslens", "analyze_1_thread", corpus_bytes, lambda: loop(corpus), lambda: loop(warm),
                     args.runs, {"how": "for t in docs: analyze(t)"}))
        if many is None:
            skipped["presslens analyze_many"] = "presslens has no attribute 'analyze_many'"
        else:
            thread_counts = sorted({1, 2, max(1, args.threads)}) if (args.threads or 1) >= 2 else [1]
            for n in thread_counts:
                jobs.append(("presslens", f"analyze_many_{n}_threads", corpus_bytes,
                             lambda n=n: many(corpus, threads=n), lambda n=n: many(warm, threads=n),
                             args.runs, {"how": f"analyze_many(docs, threads={n})"}))

        sample = C.build_corpus(texts, int(args.spans_mb * 1e6))

        def with_spans(docs):
            for t in docs:
                d = analyze(t)
                for tk in d.tokens:
                    tk.start, tk.end, tk.kind
                for se in d.sentences:
                    se.start, se.end

        jobs.append(("presslens", "analyze_plus_spans_1_thread", C.utf8_size(sample),
                     lambda: with_spans(sample), lambda: with_spans(warm[:50]), args.runs,
                     {"how": "analyze(t) + read .start/.end/.kind of every token and sentence"}))

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
        jobs.append(("peers", p.name, C.utf8_size(sample), lambda p=p, smp=sample: p.throughput_work(smp),
                     lambda p=p, w=warm: p.throughput_work(w), runs, {"label": p.label}))

    # ---------------------------------------------------------------- run, interleaved
    times = {}
    cpu = {}  # CPU seconds of this process (all its threads) per run
    failed = set()
    for group, key, nbytes, fn, warm_fn, runs, extra in jobs:
        try:
            warm_fn()
            times[key] = []
            cpu[key] = []
        except Exception as exc:
            skipped[key] = f"{type(exc).__name__}: {exc}"
            failed.add(key)
    max_runs = max([j[5] for j in jobs], default=0)
    for rnd in range(max_runs):
        for group, key, nbytes, fn, warm_fn, runs, extra in jobs:
            if key in failed or rnd >= runs:
                continue
            gc.collect()
            try:
                c0 = time.process_time()
                t0 = time.perf_counter()
                fn()
                times[key].append(time.perf_counter() - t0)
                cpu[key].append(time.process_time() - c0)
            except Exception as exc:
                skipped[key] = f"{type(exc).__name__}: {exc}"
                failed.add(key)
        print(f"  round {rnd + 1}/{max_runs} done (load average {C.load_average()})", flush=True)
    for group, key, nbytes, fn, warm_fn, runs, extra in jobs:
        if key not in failed and times.get(key):
            results[group][key] = record(nbytes, times[key], cpu[key], **extra)

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
        b1 = pres["analyze_many_1_threads"]["best_mb_s"]
        b2 = pres["analyze_many_2_threads"]["best_mb_s"]
        ratios["speedup_2_threads_best_runs"] = round(b2 / b1, 2)
    base_cpu = pres.get("analyze_1_thread", {}).get("mb_per_cpu_s")
    for name, r in results["peers"].items():
        if base_cpu and r["mb_per_cpu_s"]:
            ratios[f"vs_{name}_cpu_time"] = round(base_cpu / r["mb_per_cpu_s"], 1)
    base_best = pres.get("analyze_1_thread", {}).get("best_mb_s")
    for name, r in results["peers"].items():
        if base_best and r["best_mb_s"]:
            ratios[f"vs_{name}_best_runs"] = round(base_best / r["best_mb_s"], 1)
    if base and t2:
        ratios["speedup_2_threads_vs_analyze_loop"] = round(t2 / base, 2)
    if t1 and tall and args.threads not in (1, 2):
        ratios[f"speedup_{args.threads}_threads"] = round(tall / t1, 2)

    print("\n== Results ==")
    headers = ["system", "mode", "MB", "runs", "median s", "MB/s (median)", "MB/s (best)", "MB/CPU-s",
               "presslens 1T ÷ this", "same, by CPU time"]
    rows = []
    for key, r in pres.items():
        rows.append(["presslens", r["how"], f"{r['mb']:.2f}", r["runs"], f"{r['median_s']:.3f}",
                     f"{r['mb_s']:.2f}", f"{r['best_mb_s']:.2f}", f"{r['mb_per_cpu_s']:.2f}",
                     f"{base / r['mb_s']:.2f}" if base else "",
                     f"{base_cpu / r['mb_per_cpu_s']:.2f}" if base_cpu and "1_thread" in key else ""])
    for name, r in results["peers"].items():
        rows.append([r["label"], "1 thread", f"{r['mb']:.2f}", r["runs"], f"{r['median_s']:.3f}",
                     f"{r['mb_s']:.3f}", f"{r['best_mb_s']:.3f}", f"{r['mb_per_cpu_s']:.3f}",
                     f"{ratios.get('vs_' + name, '')}×" if base else "",
                     f"{ratios.get('vs_' + name + '_cpu_time', '')}×" if base_cpu else ""])
    for name in skipped:
        rows.append([name, "SKIPPED (see below)"] + [""] * (len(headers) - 2))
    print(C.format_table(headers, rows))
    for name, reason in skipped.items():
        print(f"SKIPPED {name}: {reason}")
    for n in notes:
        print(f"note: {n}")
    for p in peers:
        print(f"note: {p.throughput_note}")
    print("note: 'presslens 1T' = analyze() one document at a time on one thread; peers are single-threaded.")
    print("note: MB/CPU-s = MB per CPU second of this process (all threads); for single-threaded work it is "
          "hardly affected by other jobs competing for the cores, so the 'by CPU time' ratios are the "
          "robust ones on a busy machine. Targets are judged on wall-clock medians, as specified.")

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

    load_end = C.load_average()
    print(f"load average at start {load_start}, at end {load_end} (this run's own work included)")
    out = {
        "benchmark": "throughput",
        "load_average_start": load_start,
        "load_average_end": load_end,
        "machine_parallel_check": machine,
        "mb_definition": "1e6 bytes of UTF-8 text",
        "data": str(args.data),
        "corpus_mb": round(corpus_bytes / 1e6, 3),
        "cpu_count": os.cpu_count(),
        "presslens": pres,
        "peers": results["peers"],
        "ratios": ratios,
        "targets": target_status,
        "skipped": skipped,
        "notes": notes + [p.throughput_note for p in peers],
    }
    C.print_json_last(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
