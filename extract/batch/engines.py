"""Engines: where the files of a batch are converted. Local worker processes (the default) or a
Dask cluster. Both hand each FileResult to `finish`, in this process."""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import os
import signal
import time
import uuid
from collections import deque
from pathlib import Path
from typing import Callable, Optional

from ..paths import printable
from ..pipeline import Settings
from .discover import BatchUsageError, Input
from .progress import Progress, Stop
from .worker import (DIED, Converter, FileResult, convert_one, describe, failure, init_worker,
                     timed_out, warm_up, worker_task)

Finish = Callable[[Input, FileResult], None]


def worker_context():
    """Where workers come from. With forkserver (Linux, macOS) each worker is a fork of one
    server process that imported the pipeline and converted a small plan once
    (extract/batch/preload.py; and extract.cli, which the plan-extract script imports again):
    the libraries, patterns and dictionaries are shared pages, and a worker starts in tens of
    milliseconds instead of importing everything itself. The server is single-threaded; this
    process and its threads are never forked. Elsewhere: spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["extract.cli", "extract.batch.preload"])
        return ctx
    return mp.get_context("spawn")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def _grace(limit: float) -> float:
    """How long past the limit a worker may run before it is killed: the in-worker timer
    fires first when it can; this only catches code that ignores it."""
    return max(1.0, min(30.0, 0.25 * limit))


class LocalEngine:
    """A ProcessPoolExecutor with `jobs` workers, each with one file running and one queued.

    A worker that hangs past the limit is killed; a worker that dies breaks the pool, which is
    recreated. Files running when a worker died unexplained are rerun one at a time, so only
    the file that kills its worker is recorded as failed."""

    def __init__(self, items: list[Input], in_abs: Path, jobs: int, settings: Settings,
                 converter: Optional[Converter], finish: Finish, stop: Stop, progress: Progress):
        self.in_abs, self.jobs, self.settings, self.converter = in_abs, jobs, settings, converter
        self.finish, self.stop, self.progress = finish, stop, progress
        self.limit = settings.timeout
        self.ctx = worker_context()
        self.items = items
        self.pending: deque[tuple[int, Input]] = deque(enumerate(items))
        self.solo: deque[tuple[int, Input]] = deque()   # suspects of a crash, rerun one at a time
        self.inflight: dict[cf.Future, tuple[int, Input]] = {}
        self.started: dict[int, tuple[int, float]] = {}  # task → (worker pid, start time)
        self.killed: set[int] = set()
        self.pool: Optional[cf.ProcessPoolExecutor] = None
        self.queue = None
        self.pool_starts = self.pool_kills = self.dead_pools = 0

    def run(self) -> None:
        try:
            while True:
                self.stop.announce(self.progress, len(self.inflight))
                if self.stop.cancel:
                    break
                if not self.stop.requested:
                    self._fill()
                else:
                    for fut in self.inflight:
                        fut.cancel()  # only those not yet handed to a worker
                if not self.inflight:
                    if self.stop.requested or not (self.pending or self.solo):
                        break
                    continue  # the pool broke on start and was replaced
                done, _ = cf.wait(self.inflight, timeout=0.2, return_when=cf.FIRST_COMPLETED)
                self._drain()
                broken = [task for task in (self._collect(fut) for fut in done) if task]
                if broken:
                    self._recover(broken)
                elif self.limit:
                    self._kill_overdue()
        finally:
            self._close()

    def _fill(self) -> None:
        if not (self.pending or self.solo):
            return
        if self.pool is None:
            self.queue = self.ctx.SimpleQueue()
            self.pool = cf.ProcessPoolExecutor(min(self.jobs, len(self.pending) + len(self.solo)),
                                               mp_context=self.ctx, initializer=init_worker,
                                               initargs=(self.queue,))
            self.pool_starts = self.pool_kills = 0
        try:
            if self.solo:
                if not self.inflight:
                    self._submit(self.solo)
                return
            # one queued file per worker beyond the running one, so no worker waits while
            # this process writes the previous result (time limits count from the real start)
            while self.pending and len(self.inflight) < 2 * self.jobs:
                self._submit(self.pending)
        except cf.process.BrokenProcessPool:
            if not self.inflight:  # it broke with nothing running (a worker died on start)
                self._replace_pool()
            # else the running futures fail too, and _recover sorts them out

    def _submit(self, source: deque) -> None:
        idx, inp = source[0]
        fut = self.pool.submit(worker_task, idx, str(inp.path.absolute()), printable(inp.path.as_posix()),
                               self.settings, self.converter)
        self.inflight[fut] = source.popleft()

    def _drain(self) -> None:
        while self.queue is not None and not self.queue.empty():
            idx, pid, t = self.queue.get()
            self.started[idx] = (pid, t)
            self.pool_starts += 1
            self.progress.started(self.items[idx].rel)

    def _collect(self, fut: cf.Future) -> Optional[tuple[int, Input]]:
        """Finish a done future; return its task if the pool broke under it."""
        task = self.inflight.pop(fut)
        try:
            res = fut.result()
        except cf.CancelledError:  # queued when Ctrl-C came: the next run converts it
            return None
        except cf.process.BrokenProcessPool:
            return task
        except Exception as e:  # e.g. a converter that does not pickle
            res = failure("E900", describe(e))
        self.started.pop(task[0], None)
        self.finish(task[1], res)
        return None

    def _recover(self, broken: list[tuple[int, Input]]) -> None:
        # once the pool breaks every running future fails; wait for all, then sort the
        # innocent from the guilty
        cf.wait(self.inflight, timeout=60)
        self._drain()
        for fut in list(self.inflight):
            task = self._collect(fut) if fut.done() else self.inflight.pop(fut)
            if task:
                broken.append(task)
        suspects = [t for t in broken if t[0] in self.started and t[0] not in self.killed]
        for task in sorted(broken, key=lambda t: t[0], reverse=True):
            idx, inp = task
            if idx in self.killed:
                self.finish(inp, timed_out(self.limit or 0))
            elif self.stop.requested:
                pass  # not recorded: the next run converts it
            elif self.pool_kills or task not in suspects:
                self.pending.appendleft(task)  # a bystander of our kill, or it never started
            elif len(suspects) == 1:
                self.finish(inp, failure("E900", DIED))
            else:
                self.solo.appendleft(task)
            self.started.pop(idx, None)
        self._replace_pool()

    def _replace_pool(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None
        self.dead_pools = 0 if self.pool_starts else self.dead_pools + 1
        if self.dead_pools >= 3:  # workers die before running anything: give up cleanly
            for _idx, inp in list(self.solo) + list(self.pending):
                self.finish(inp, failure("E900", "worker processes die on start; check that "
                                                  "plan-extract imports in a fresh Python"))
            self.solo.clear()
            self.pending.clear()

    def _kill_overdue(self) -> None:
        now = time.time()
        for fut, (idx, _inp) in self.inflight.items():
            if idx in self.started and idx not in self.killed and not fut.done() \
                    and now - self.started[idx][1] > self.limit + _grace(self.limit):
                try:
                    os.kill(self.started[idx][0], getattr(signal, "SIGKILL", signal.SIGTERM))
                except ProcessLookupError:
                    pass
                self.killed.add(idx)
                self.pool_kills += 1

    def _close(self) -> None:
        if self.pool is None:
            return
        if self.inflight:  # cancelled or crashed out: do not wait for files still running
            for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
                proc.kill()
        self.pool.shutdown(wait=not self.inflight, cancel_futures=True)
        self.pool = None


def run_dask(items: list[Input], in_abs: Path, scheduler: str, jobs: Optional[int], settings: Settings,
              converter: Optional[Converter], finish: Finish, stop: Stop, progress: Progress) -> None:
    """The same batch on a Dask cluster. Workers return the JSON text or an error record; this
    process writes outputs, manifest and errors. Paths must be readable on the workers (a shared
    file system). One file per worker thread is in flight, so a task starts when it is
    submitted and its time limit counts from there. Dask cannot stop a running thread: a task
    past the limit is recorded E402 and its worker restarted (through its nanny) so the stuck
    thread does not hold a slot; tasks that shared that worker are rescheduled by Dask."""
    try:
        from dask.distributed import Client, wait
    except ImportError:
        raise BatchUsageError("--engine dask needs dask.distributed: "
                              "pip install 'plan-extract[dask]'") from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        raise BatchUsageError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    limit = settings.timeout
    batch_id = uuid.uuid4().hex[:8]
    pending: deque[tuple[int, Input]] = deque(enumerate(items))
    inflight: dict = {}   # future → (input, submitted at)
    try:
        try:
            client.run(warm_up)
        except Exception:
            pass  # a worker without plan-extract reports per file
        threads = sum(client.nthreads().values()) or 1
        width = min(jobs, threads) if jobs else threads
        while True:
            stop.announce(progress, len(inflight))
            if stop.cancel:
                client.cancel(list(inflight))
                break
            while not stop.requested and pending and len(inflight) < width:
                idx, inp = pending.popleft()
                fut = client.submit(convert_one, str(inp.path.absolute()), printable(inp.path.as_posix()), settings,
                                    converter, key=f"plan-extract-{batch_id}-{idx}", pure=False)
                inflight[fut] = (inp, time.monotonic())
                progress.started(inp.rel)
            if not inflight:
                break
            try:
                done = wait(list(inflight), timeout=0.25, return_when="FIRST_COMPLETED").done
            except TimeoutError:
                done = set()
            for fut in done:
                inp, _ = inflight.pop(fut)
                if fut.status == "finished":
                    finish(inp, fut.result())
                    continue
                exc = fut.exception() if fut.status == "error" else None
                died = type(exc).__name__ == "KilledWorker"
                finish(inp, failure("E900", DIED if died else describe(exc) if exc else
                                     f"the Dask task ended as {fut.status}"))
            if limit:
                now = time.monotonic()
                overdue = [f for f, (_, t) in inflight.items() if now - t > limit + _grace(limit)]
                if overdue:
                    _restart_workers_running(client, {f.key for f in overdue})
                for fut in overdue:
                    fut.cancel()
                    finish(inflight.pop(fut)[0], timed_out(limit))
    finally:
        client.close()


def _restart_workers_running(client, keys: set[str]) -> None:
    try:
        busy = [w for w, running in client.processing().items() if keys & set(running)]
        if busy:
            client.restart_workers(busy, raise_for_error=False)
    except Exception:  # no nanny (an in-process cluster): the thread keeps its slot until done
        pass


