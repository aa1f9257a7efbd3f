"""The one way the build runs a function over many items on several processes.

``map_ordered(work, items, jobs, setup=..., shared=...)``: each worker process runs ``setup(shared)``
once (the shared state is sent to it once, not with every item) and then ``work(state, item)`` for the
items it is given. The largest items are sent first, so that no core is left with a long one at the end;
the results come in the order of the items, so the output never depends on timing. Ctrl-C is the parent's
to handle: a worker ignores it (interrupted mid-item it would print a traceback). With jobs <= 1 or a
single item everything runs in this process. work and setup are module-level functions (sent by name).
"""

from __future__ import annotations

import ctypes
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_STATE: Any = None  # what setup made, in a worker process
_PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies


def no_setup(shared: Any) -> Any:
    return shared


def _end_with_the_parent() -> None:
    """Ask Linux to end this worker when the build that started it dies (SIGKILL leaves no time to stop
    its workers, which would otherwise run on for minutes)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the workers end when their queue closes
        pass


def _start_worker(setup: Callable[[Any], Any], shared: Any) -> None:
    global _STATE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent turns SIGTERM into a clean stop of the build; a worker just ends (a forked worker would
    # otherwise inherit that handler and outlive its parent).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with_the_parent()
    _STATE = setup(shared)


def _run(work: Callable[[Any, Any], Any], item: Any) -> Any:
    return work(_STATE, item)


def map_ordered(
    work: Callable[[Any, Item], Result],
    items: Sequence[Item],
    jobs: int,
    *,
    setup: Callable[[Any], Any] = no_setup,
    shared: Any = None,
    size: Callable[[Item], int] | None = None,
) -> Iterator[Result]:
    """work(state, item) for every item, on up to jobs processes; the results in the order of items."""
    if jobs <= 1 or len(items) <= 1:
        state = setup(shared)
        for item in items:
            yield work(state, item)
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)), initializer=_start_worker,
                               initargs=(setup, shared))
    try:
        order = range(len(items))
        if size is not None:
            order = sorted(order, key=lambda k: size(items[k]), reverse=True)
        futures = {k: pool.submit(_run, work, items[k]) for k in order}
        for k in range(len(items)):
            yield futures[k].result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
