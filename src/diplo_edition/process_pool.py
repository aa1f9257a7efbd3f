"""The one way the build runs a function over many items on several processes.

``map_ordered(work, items, jobs, setup=..., shared=...)``: each worker process runs ``setup(shared)``
once (the shared state is sent to it once, not with every item) and then ``work(state, item)`` for the
items it is given. The largest items are sent first, so that no core is left with a long one at the end;
the results come in the order of the items, so the output never depends on timing. Stopping is the
parent's to do: a worker runs in a process group of its own, so that the signals a terminal sends to the
whole foreground group (Ctrl-C, Ctrl-\\, a hang-up) never end it behind the parent's back (interrupted
mid-item it would print a traceback, or break the pool); the parent ends its workers when it stops, and a
worker whose parent died ends too. With jobs <= 1 or a single item everything runs in this process. work
and setup are module-level functions (sent by name).
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_STATE: Any = None  # what setup made, in a worker process
_PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies
STOP_SECONDS = 5.0  # how long a worker (or any child) is given to end once told to


def no_setup(shared: Any) -> Any:
    return shared


def _end_with_the_parent(parent: int) -> None:
    """Ask Linux to end this worker when the build that started it dies (SIGKILL leaves no time to stop
    its workers, which would otherwise run on for minutes). A parent that died before the request was
    made sends nothing: then the worker, already another's child, ends now."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the workers end when their queue closes
        return
    if os.getppid() != parent:
        os._exit(1)


def _start_worker(setup: Callable[[Any], Any], shared: Any, parent: int) -> None:
    global _STATE
    os.setpgid(0, 0)
    for number in (signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_IGN)
    # The parent turns SIGTERM into a clean stop of the build; a worker just ends (a forked worker would
    # otherwise inherit that handler and outlive its parent).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with_the_parent(parent)
    _STATE = setup(shared)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers of a pool whose results are no longer wanted, without waiting for the items they
    are on (a document takes seconds); one that ignores SIGTERM is killed after a while."""
    workers = list((pool._processes or {}).values())  # no public way before Python 3.14
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(timeout=STOP_SECONDS)
        if worker.is_alive():
            worker.kill()
            worker.join(timeout=STOP_SECONDS)
    pool.shutdown(wait=False, cancel_futures=True)


@contextmanager
def _stop_signals_deferred() -> Iterator[None]:
    """Hold the signals that stop a build while the workers are forked, and act on them after: a
    KeyboardInterrupt raised inside the fork's own bookkeeping (logging's lock, released after the fork)
    would leave that lock taken, and the next fork would wait for it for ever."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {number: signal.signal(number, lambda number, frame: caught.append(number))
                for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in caught:
            signal.raise_signal(number)


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
                               initargs=(setup, shared, os.getpid()))
    try:
        order = range(len(items))
        if size is not None:
            order = sorted(order, key=lambda k: size(items[k]), reverse=True)
        with _stop_signals_deferred():  # the first submit forks the workers
            futures = {k: pool.submit(_run, work, items[k]) for k in order}
        for k in range(len(items)):
            yield futures[k].result()
    except BaseException:  # interrupted, a failed item, or the caller stopped reading (GeneratorExit)
        _end_workers(pool)
        raise
    pool.shutdown(wait=True)  # every item done: the workers end as their queue closes
