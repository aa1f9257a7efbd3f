"""One build whose per-document map runs on a Dask cluster started here (a LocalCluster of worker
processes), for sizing the build past one machine (docs/PERFORMANCE.md, "Past one machine").

    .venv/bin/python bench/dask_run.py PROJECT [--workers 2] [--out DIR] [--json FILE]

The build runs without cache (every document is processed) into --out (default: a temporary folder). Printed
as JSON: the wall time and the build's stages (``BuildResult.timings``), the per-document stages summed over
documents (worker-seconds), the CPU seconds and peak RSS of each Dask worker, of this process, and of its
other children (the page workers and Pagefind's indexer).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path


def _usage() -> tuple[float, float]:
    """CPU seconds and peak RSS (MB) of the process it runs in (a Dask worker)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime, me.ru_maxrss / 1024


def measure(project: Path, out: Path, workers: int) -> dict:
    from dask.distributed import Client, LocalCluster

    from diplo_edition.build import build

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        started = time.perf_counter()
        result = build(project, out, workers, executor="dask", scheduler=cluster.scheduler_address,
                       use_cache=False)
        wall = time.perf_counter() - started
        # The children ended and waited for so far: the page workers and Pagefind's indexer, not the Dask
        # workers, which are still running (they would count once the cluster closes).
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = client.run(_usage)
    stages: dict[str, float] = {}
    for document in result.documents:
        for name, seconds in document.report.timings.items():
            stages[name] = stages.get(name, 0.0) + seconds
    me = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "documents": len(result.documents),
        "workers": workers,
        "wall_s": round(wall, 2),
        "build_timings_s": {k: round(v, 2) for k, v in result.timings.items()},
        "document_stages_worker_s": {k: round(v, 2) for k, v in stages.items()},
        "dask_workers": [{"cpu_s": round(cpu, 1), "peak_rss_mb": round(rss)} for cpu, rss in used.values()],
        "main": {"cpu_s": round(me.ru_utime + me.ru_stime, 1), "peak_rss_mb": round(me.ru_maxrss / 1024)},
        "other_children": {"cpu_s": round(children.ru_utime + children.ru_stime, 1),
                           "largest_peak_rss_mb": round(children.ru_maxrss / 1024)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a project (e.g. one written by bench/generate.py)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (default: 2)")
    parser.add_argument("--out", type=Path, default=None, help="the site (default: a temporary folder)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="diplo-dask-")) / "site"
    figures = measure(args.project.resolve(), out, args.workers)
    text = json.dumps(figures, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":  # the cluster's worker processes import this module: start nothing then
    main()
