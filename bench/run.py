"""The build benchmark: the seed edition and synthetic corpora, each built in a fresh process.

    .venv/bin/python bench/run.py [--sizes 10 100 1000] [--jobs N] [--out bench/results.json] [--repeat R]

For the seed edition (a copy of this repository's sources/, editions/ and templates/) and for a synthetic
corpus of each size (``bench/generate.py``, a fixed seed), three builds, each in a subprocess of its own
so that runs share no caches and no memory:

- ``full``: into an output directory that does not exist yet, with no cache;
- ``no change``: the same build again over that output;
- ``1 file changed``: again, after a line was appended to one raw file of the copy (never the real one).

For each build: the wall time of ``build()`` (perf_counter inside the subprocess) and of the whole process
(interpreter start and imports included); the per-document stages (read, layout, apparatus, tei) summed over
documents from ``DocumentResult.report.timings`` - with more than one job these are seconds spent in the
worker processes, which overlap, not wall time; the build stages timed from outside through the ``progress``
hook of ``build()`` (wall time between stage starts) and ``BuildResult.timings`` if the build reports them;
throughput (raw MB / build wall); peak resident memory of the main process and of the largest worker
(``ru_maxrss`` of RUSAGE_SELF and RUSAGE_CHILDREN); CPU seconds of the build process and its workers (user +
system: steadier than wall time when other work shares the CPUs); the load average before the build (other
work on the machine makes the times longer: compare runs made on a quiet machine, or use ``--repeat``, which
reports the fastest of R builds). A failing build prints its stderr and the benchmark goes on. The table is
printed and everything is written as JSON with the machine's details. """

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/ is not a package)

PROJECT_PARTS = ("sources", "editions", "templates")
DOC_STAGES = ("read", "layout", "apparatus", "tei")
APPENDED_LINE = "Строка, добавленная бенчмарком: проверка пересборки после изменения одного файла."
STDERR_LINES = 40

# Runs in a fresh interpreter: one build, then one line of JSON on stdout.
BUILD_SCRIPT = r"""
import inspect, json, resource, sys, time
started = time.perf_counter()
from pathlib import Path
from diplo_edition import build as build_module
from diplo_edition.diagnostics import InputError
imported = time.perf_counter()
root, out, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) or None
marks = []
kwargs = {}
try:
    from diplo_edition.progress import Progress

    class StageClock(Progress):
        def stage(self, name, total):
            super().stage(name, total)
            marks.append((name, time.perf_counter()))

    if "progress" in inspect.signature(build_module.build).parameters:
        kwargs["progress"] = StageClock()
except ImportError:
    pass
begin = time.perf_counter()
try:
    result = build_module.build(root, out, jobs, **kwargs)
except InputError as exc:
    for d in exc.diagnostics:
        print(d, file=sys.stderr)
    sys.exit(1)
end = time.perf_counter()
stages, raw = {}, 0
for doc in result.documents:
    for name, seconds in (doc.report.timings).items():
        stages[name] = stages.get(name, 0.0) + seconds
    raw += getattr(doc, "raw_bytes", 0) or 0
outside = {}
if marks:
    outside["load inputs"] = marks[0][1] - begin
    for (name, at), (_, until) in zip(marks, [*marks[1:], (None, end)]):
        outside[name] = outside.get(name, 0.0) + until - at
me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print("BENCH-RESULT " + json.dumps({
    "documents": len(result.documents),
    "warnings": len(result.diagnostics),
    "raw_bytes": raw,
    "import_s": imported - started,
    "build_wall_s": end - begin,
    "doc_stages_s": stages,
    "progress_stages_s": outside,
    "build_timings_s": dict(getattr(result, "timings", None) or {}),
    "maxrss": [me.ru_maxrss, children.ru_maxrss],
    "cpu_s": [me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime],
}))
"""


def _mb_rss(value: int) -> float:
    """ru_maxrss in MB: kilobytes on Linux, bytes on macOS."""
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def _tree_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def copy_seed_project(dest: Path) -> Path:
    """The seed edition's project folders, copied so that nothing of the real checkout is touched."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        shutil.copytree(ROOT / part, dest / part)
    return dest


def change_one_file(project: Path) -> Path:
    """Append a line (a paragraph of its own) to the first raw file of the copied project."""
    path = sorted(p for p in (project / "sources").iterdir() if p.is_file())[0]
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data += b"\n"
    path.write_bytes(data + f"\n{APPENDED_LINE}\n".encode())
    return path


def run_build(project: Path, out: Path, jobs: int | None, timeout: float | None) -> dict:
    """One build in a fresh interpreter; the figures it reports, or the failure with its stderr."""
    command = [sys.executable, "-c", BUILD_SCRIPT, str(project), str(out), str(jobs or 0)]
    started = time.perf_counter()
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=project)
    except subprocess.TimeoutExpired as exc:
        stderr = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
        return {"status": f"timeout after {timeout:.0f} s", "stderr": stderr[-4000:]}
    except OSError as exc:
        return {"status": "failed to start", "stderr": f"{type(exc).__name__}: {exc}"}
    wall = time.perf_counter() - started
    line = next((x for x in reversed(proc.stdout.splitlines()) if x.startswith("BENCH-RESULT ")), None)
    if proc.returncode != 0 or line is None:
        return {
            "status": f"failed (exit {proc.returncode})",
            "process_wall_s": wall,
            "stderr": "\n".join(proc.stderr.splitlines()[-200:]),
        }
    data = json.loads(line.removeprefix("BENCH-RESULT "))
    raw = data.pop("raw_bytes") or _tree_bytes(project / "sources")
    main_rss, worker_rss = data.pop("maxrss")
    main_cpu, worker_cpu = data.pop("cpu_s")
    return {
        "status": "ok",
        **data,
        "process_wall_s": wall,
        "raw_bytes": raw,
        "mb_per_s": raw / 1e6 / data["build_wall_s"] if data["build_wall_s"] > 0 else None,
        "peak_rss_mb": {"main": round(_mb_rss(main_rss), 1), "workers": round(_mb_rss(worker_rss), 1)},
        "cpu_s": {"main": main_cpu, "workers": worker_cpu},
    }


def _load() -> float | None:
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def bench_corpus(
    name: str, project: Path, jobs: int | None, timeout: float | None, repeat: int, runs: list[dict]
) -> None:
    """The three builds of one project, appended to ``runs`` (and printed as they finish).

    With ``repeat`` > 1 each build is made that many times (a full build into a removed output, a
    changed file changed once more) and the fastest one is reported, with the wall time of every one.
    """
    out = project.parent / f"{project.name}-out"
    docs = len([p for p in (project / "editions").glob("*.yml") if p.name != "collection.yml"])
    for label in ("full", "no change", "1 file changed"):
        attempts = []
        for _ in range(repeat):
            changed = None
            if label == "full":  # nothing to start from: no output, no cache
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(project / ".diplo-edition-cache", ignore_errors=True)
            if label == "1 file changed":
                changed = change_one_file(project).name
            load = _load()
            attempt = {"corpus": name, "docs": docs, "run": label, **run_build(project, out, jobs, timeout)}
            attempt["load_before"] = load
            if changed:
                attempt["changed_file"] = changed
            attempts.append(attempt)
            if attempt["status"] != "ok":
                break
        ok = [a for a in attempts if a["status"] == "ok"]
        result = min(ok, key=lambda a: a["build_wall_s"]) if len(ok) == len(attempts) else attempts[-1]
        if repeat > 1:
            result["build_wall_s_all"] = [a.get("build_wall_s") for a in attempts]
        runs.append(result)
        print(format_row(result), flush=True)
        if result["status"] != "ok":
            print(f"--- stderr of the failed build ({name}, {label}), last {STDERR_LINES} lines:", flush=True)
            print("\n".join(result.get("stderr", "").splitlines()[-STDERR_LINES:]), flush=True)
            print("---", flush=True)


# --- the table -------------------------------------------------------------------------------------------

COLUMNS = (
    ("corpus", 15), ("docs", 5), ("run", 14), ("MB", 6), ("build s", 8), ("CPU s", 7), ("MB/s", 6),
    ("read", 7), ("layout", 7), ("appar.", 7), ("tei", 6), ("RSS MB", 11), ("load", 5), ("status", 6),
)


def _f(value, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _cells(cells: list[str]) -> str:
    """First column left-aligned, the others right-aligned."""
    widths = [width for _, width in COLUMNS]
    return " ".join(
        f"{cell:>{width}}" if k else f"{cell:<{width}}"
        for k, (cell, width) in enumerate(zip(cells, widths, strict=True))
    )


def format_header() -> str:
    return _cells([name for name, _ in COLUMNS])


def format_row(r: dict) -> str:
    stages = r.get("doc_stages_s", {})
    rss = r.get("peak_rss_mb")
    cells = [
        r["corpus"], str(r["docs"]), r["run"], _f(r["raw_bytes"] / 1e6 if "raw_bytes" in r else None, 1),
        _f(r.get("build_wall_s")), _f(sum(r["cpu_s"].values()) if "cpu_s" in r else None, 1),
        _f(r.get("mb_per_s")),
        *(_f(stages.get(s)) for s in DOC_STAGES),
        f"{rss['main']:.0f}/{rss['workers']:.0f}" if rss else "-",
        _f(r.get("load_before"), 1),
        "ok" if r["status"] == "ok" else "FAILED",
    ]
    return _cells(cells)


def format_stage_lines(runs: list[dict]) -> list[str]:
    """The build-level stages of each successful run, one line each."""
    lines = []
    for r in runs:
        if r["status"] != "ok":
            continue
        parts = [f"{k} {v:.2f}" for k, v in r.get("progress_stages_s", {}).items()]
        parts += [f"{k} {v:.2f} (BuildResult.timings)" for k, v in r.get("build_timings_s", {}).items()]
        lines.append(
            f"  {r['corpus']} / {r['run']}: process {r['process_wall_s']:.2f} s "
            f"(imports {r['import_s']:.2f}); " + ("; ".join(parts) or "no build stages reported")
        )
    return lines


# --- the targets (issue 15) ------------------------------------------------------------------------------

TARGET_DOCS = 1000  # the size the targets are set for
TARGET_CHANGED_SHARE = 0.05  # one changed source, as a share of a full build (search index included)
TARGET_GROWTH = 10.0  # 100 -> 1000 documents, times the wall time of a full build
TARGET_FULL_S = 90.0  # a full build of 1000 documents
TARGET_MAIN_MB = 1024.0  # peak RSS of the build process
TARGET_CHILD_MB = 1536.0  # peak RSS of any child (a worker, Pagefind's indexer)


def _runs_of(runs: list[dict], label: str) -> dict[str, dict]:
    return {r["corpus"]: r for r in runs if r["run"] == label and r["status"] == "ok"}


def targets(runs: list[dict]) -> list[dict]:
    """Each target of an editor's change and of the full build, measured where the runs allow it: what
    was measured, the target, and whether it is met. The targets hold at 1000 documents; smaller corpora
    are reported beside them, unflagged."""
    full, changed = _runs_of(runs, "full"), _runs_of(runs, "1 file changed")
    out = []

    def add(corpus: str, what: str, value: float, limit: float, unit: str, flagged: bool) -> None:
        out.append({"corpus": corpus, "target": what, "value": round(value, 3), "limit": limit, "unit": unit,
                    "met": value <= limit if flagged else None})

    for corpus, run in full.items():
        flagged = run["docs"] == TARGET_DOCS
        if corpus in changed and run["build_wall_s"] > 0:
            share = changed[corpus]["build_wall_s"] / run["build_wall_s"]
            add(corpus, "one changed source / full build", share, TARGET_CHANGED_SHARE, "share", flagged)
        add(corpus, "full build", run["build_wall_s"], TARGET_FULL_S, "s", flagged)
        rss = [r["peak_rss_mb"] for r in (run, changed.get(corpus)) if r]
        add(corpus, "peak RSS, main process", max(r["main"] for r in rss), TARGET_MAIN_MB, "MB", flagged)
        add(corpus, "peak RSS, largest child", max(r["workers"] for r in rss), TARGET_CHILD_MB, "MB", flagged)
    small, large = full.get("synthetic-100"), full.get(f"synthetic-{TARGET_DOCS}")
    if small and large and small["build_wall_s"] > 0:
        add(f"synthetic-100 -> {TARGET_DOCS}", "growth of a full build", large["build_wall_s"] / small[
            "build_wall_s"], TARGET_GROWTH, "x", True)
    return out


def format_targets(rows: list[dict]) -> list[str]:
    def shown(number: float, unit: str) -> str:
        return f"{number * 100:.1f} %" if unit == "share" else f"{number:.1f} {unit}"

    flags = {True: "met", False: "NOT MET", None: f"(the target is for {TARGET_DOCS} documents)"}
    return [f"  {row['corpus']}: {row['target']} {shown(row['value'], row['unit'])} "
            f"(target <= {shown(row['limit'], row['unit'])}): {flags[row['met']]}" for row in rows]


# --- the machine -----------------------------------------------------------------------------------------


def _commit() -> str | None:
    """The checked-out commit, read from .git (no git command is run)."""
    try:
        head = (ROOT / ".git" / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head
        ref = head.removeprefix("ref: ")
        path = ROOT / ".git" / ref
        if path.is_file():
            return path.read_text().strip()
        for line in (ROOT / ".git" / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split(" ")[0]
    except OSError:
        pass
    return None


def machine_info() -> dict:
    try:
        from diplo_edition import __version__ as version
    except ImportError:
        version = None
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "diplo_edition": version,
        "commit": _commit(),
    }


# --- main ------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100],
                        help="synthetic corpus sizes in documents (default: 10 100; 1000 takes long)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: the build's own)")
    parser.add_argument("--out", type=Path, default=BENCH / "results.json", help="JSON results file")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpora (default: 1)")
    parser.add_argument("--kb", type=float, default=100, help="mean KB per synthetic document (default: 100)")
    parser.add_argument("--no-seed-edition", action="store_true", help="skip the seed edition")
    parser.add_argument("--repeat", type=int, default=1,
                        help="make each build this many times and report the fastest (default: 1)")
    parser.add_argument("--timeout", type=float, default=None, help="seconds allowed for one build")
    parser.add_argument(
        "--tmp", type=Path, default=None, help="where to put the projects (default: system temp)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and outputs")
    args = parser.parse_args(argv)

    info = machine_info()
    print(f"diplo-edition build benchmark, {info['date']}: {info['platform']}, Python {info['python']}, "
          f"{info['cpu_count']} CPUs, jobs {args.jobs or 'default (one per core)'}")
    parallel = (args.jobs or os.cpu_count() or 1) > 1
    print("build s: wall time of build(); CPU s: CPU time of the build process and its workers (steadier "
          "than wall time on a busy machine)")
    print("doc stages read/layout/appar./tei: seconds summed over documents"
          + (" (worker-seconds: they overlap when jobs > 1)" if parallel else "")
          + "; RSS MB: peak of the main process / the largest worker; load: 1-min load average before")
    print(format_header(), flush=True)

    runs: list[dict] = []
    corpora: list[dict] = []
    work = Path(tempfile.mkdtemp(prefix="diplo-bench-", dir=args.tmp))
    try:
        if not args.no_seed_edition:
            project = copy_seed_project(work / "seed-edition")
            raw = _tree_bytes(project / "sources")
            corpora.append({"name": "seed edition", "docs": None, "raw_bytes": raw})
            bench_corpus("seed edition", project, args.jobs, args.timeout, args.repeat, runs)
        material = None
        for size in args.sizes:
            name = f"synthetic-{size}"
            started = time.perf_counter()
            try:
                material = material or generate.load_material()
                manifest = generate.generate(work / name, size, args.seed, args.kb, material=material)
            except Exception as exc:  # a broken generator or pipeline must not stop the other corpora
                print(f"{name}: generation failed: {type(exc).__name__}: {exc}", flush=True)
                corpora.append({"name": name, "docs": size, "error": f"{type(exc).__name__}: {exc}"})
                continue
            corpora.append({
                "name": name, "docs": size, "seed": args.seed, "raw_bytes": manifest["bytes"],
                "generate_s": round(time.perf_counter() - started, 2),
                "pages": sum(d["pages"] for d in manifest["documents"]),
                "footnotes": sum(d["footnotes"] for d in manifest["documents"]),
                "material_digest": manifest["material_digest"],
            })
            bench_corpus(name, work / name, args.jobs, args.timeout, args.repeat, runs)
    finally:
        if args.keep:
            print(f"projects and outputs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print("\nbuild stages (wall s, timed from outside through the progress hook):")
    print("\n".join(format_stage_lines(runs)) or "  none")
    reached = targets(runs)
    print("\ntargets (wall time of build(); on a busy machine the times are longer):")
    print("\n".join(format_targets(reached)) or "  none measured")
    for corpus in corpora:
        if "generate_s" in corpus:
            print(f"{corpus['name']}: generated {corpus['raw_bytes'] / 1e6:.1f} MB, {corpus['pages']} pages, "
                  f"{corpus['footnotes']} footnotes in {corpus['generate_s']:.1f} s")
    results = {
        "benchmark": "diplo-edition build (bench/run.py)",
        "machine": info,
        "settings": {
            "sizes": args.sizes, "jobs": args.jobs, "seed": args.seed, "kb_per_document": args.kb,
            "repeat": args.repeat,
        },
        "notes": {
            "doc_stages_s": (
                "DocumentResult.report.timings summed over documents; worker-seconds when jobs > 1"
            ),
            "progress_stages_s": "wall seconds between the stage starts the build reports to its progress",
            "mb_per_s": "raw bytes of the sources / build wall time",
            "cpu_s": "user + system CPU seconds of the build process (main) and of its workers",
            "peak_rss_mb": "ru_maxrss of the build process (main) and of its largest child (workers)",
            "load_before": "1-minute load average before the build (it lags: it includes the build before); "
            "other work on the machine makes the times longer",
        },
        "corpora": corpora,
        "runs": runs,
        "targets": reached,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {args.out}")
    return 0 if all(r["status"] == "ok" for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
