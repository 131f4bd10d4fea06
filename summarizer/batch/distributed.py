"""Summarize on many machines with Ray: the one-process batch's per-article work, spread over worker actors.

The driver (the process that calls ``run_distributed``, or types ``summarizer
batch ... --ray ADDRESS``) finds and reads the inputs (a folder, one file, or
``@LISTING``: a file of paths, one a line), sends them in chunks to worker
actors, one ``Summarizer`` each, and writes every record itself, as it comes,
through the same writer as ``run_batch``: JSON lines (or json, csv, md, parquet), keyed
by ``article_id``. A rerun skips the ids the output already holds, so after a
lost node or a killed driver it does only the missing articles.

Workers need no shared file system: the driver sends each article's bytes. The
disk cache is per node (each worker uses the cache folder on its own disk); the
output never depends on it, and a cache hit is only marked ``cached``. Rate
limits (``rpm``/``tpm``) are one budget for the whole cluster, held by a
PaceKeeper actor; ``concurrency`` is per worker. When a worker dies (its
process, or its node), its articles go to the others, one by one, up to
``max_attempts`` times each; an article still unfinished then gets an error
record (``--retry-failed`` redoes it). If every worker is gone the run stops
with ``ClusterError``, keeping what it wrote.

Ray core actors rather than Ray Data: the one-process writer, resume and
exactly-once rules stay on the driver unchanged, one Summarizer (client, cache,
pacing) lives per actor, and only ``ray`` is needed, not pyarrow and pandas.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

from ..config import check_credentials, resolve_settings
from ..errors import ConfigError, SummarizerError
from .cluster import PaceKeeper, Worker, peak_rss_mib
from .discovery import Found, check_source, list_inputs, listed_paths, read_inputs, source_name
from .runner import BatchReport, _error, new_run, output_files, read_earlier
from .stopping import SigtermStop, Terminated
from .writers import Result, Writer, out_dir_names, resolve_output

__all__ = ["ClusterError", "ClusterReport", "listed_paths", "run_distributed"]

logger = logging.getLogger("summarizer")
INSTALL = "pip install 'summarizer[ray]'"
PROBE_EVERY = 0.5  # seconds between asking whether a restarting worker is back
DEPTH = 2  # chunks sent to a worker at once: one running, one waiting, so it never idles


class ClusterError(SummarizerError):
    """The Ray cluster cannot be reached, or lost every worker."""


@dataclass
class ClusterReport(BatchReport):
    """What a run on a Ray cluster did: the batch counts, and the cluster's part."""

    address: str = ""
    nodes: list[dict[str, Any]] = field(default_factory=list)  # Ray workers: pid, host; at the end peak_rss_mib
    startup_seconds: float = 0.0  # connecting and starting the workers
    worker_deaths: int = 0  # chunks whose worker died under them
    resent: int = 0  # articles sent again after their worker died
    lost: int = 0  # articles given an error record because their workers kept dying
    driver_peak_rss_mib: float = 0.0


def _check_reachable(address: str) -> None:
    """Fail at once when nothing listens at a HOST:PORT address (Ray itself retries for about 20 s)."""
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit() or "://" in address:
        return  # 'auto' or a ray:// client address: Ray resolves those
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=3).close()
    except OSError as exc:
        raise ClusterError(
            f"nothing answers at {address} ({exc.strerror or exc}): check the head's address and port "
            "('ray status' on the head shows them), that 'ray start --head' is running there, and that "
            "no firewall is in the way"
        ) from exc


def _connect(address: str | None, init: dict[str, Any], stop: SigtermStop | None = None) -> bool:
    """Join the cluster (or start a local one for 'local'); True if this call did, so the run disconnects after."""
    local = address in (None, "", "local")
    if local and "ray" not in sys.modules:
        # Ray's switch for a one-machine cluster: every server on 127.0.0.1, none on the network
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    try:
        import ray
    except ImportError as exc:
        raise ConfigError(f"running on a Ray cluster needs Ray: {INSTALL}") from exc
    if not local:
        _check_reachable(str(address))
    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"logging_level": logging.WARNING, "configure_logging": False}
    if local:  # a new cluster of this machine alone, never one left running here
        options.update(address="local", include_dashboard=False, _node_ip_address="127.0.0.1")
    else:
        options["address"] = address
    try:
        _init(ray, {**options, **init}, stop)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise ClusterError(
            f"could not join the Ray cluster at {address}: {exc}. Start one with 'ray start --head' "
            "and pass its address (HOST:6379), 'auto' on a node of it, or 'local' for this machine alone; "
            "a cluster with token authentication (the default of 'ray start') also needs RAY_AUTH_MODE=token "
            "and its token ('ray get-auth-token' on the head) in RAY_AUTH_TOKEN or ~/.ray/auth_token"
        ) from exc
    return True


def _init(ray: Any, options: dict[str, Any], stop: SigtermStop | None) -> None:
    """``ray.init``, a Ctrl-C or SIGTERM meanwhile held until it returns: Ray is then shut down and the run stops.

    Cut short, ray.init cannot clean up: a local cluster's two agent processes
    (DashboardAgent, RuntimeEnvAgent) would outlive the driver. A start takes a
    few seconds; a second Ctrl-C leaves at once.
    """
    if stop is None:
        ray.init(**options)
        return
    with stop.holding() as came:
        ray.init(**options)
    if came:
        ray.shutdown()
        raise Terminated() if signal.SIGTERM in came else KeyboardInterrupt()


@dataclass
class _Chunk:
    items: list[Found]
    attempts: int = 0


class _Pool:
    """The worker actors, each with the chunks it holds; a worker that died is probed, then used again or dropped."""

    def __init__(self, handles: list[Any]) -> None:
        self.handles = handles
        self.load = [0] * len(handles)
        self.state = ["ok"] * len(handles)  # ok, probing (died once: is it back?), gone

    def free(self) -> int | None:
        """The healthy worker holding the fewest chunks, if one has room."""
        ready = [i for i, s in enumerate(self.state) if s == "ok" and self.load[i] < DEPTH]
        return min(ready, key=lambda i: self.load[i]) if ready else None

    @property
    def alive(self) -> bool:
        return any(s != "gone" for s in self.state)


def run_distributed(
    source: Path | str,
    *,
    address: str | None = "auto",
    out: Path | str | None,
    fmt: str | None = None,
    out_dir: Path | None = None,
    concurrency: int = 8,
    workers: int | None = None,
    chunk_size: int | None = None,
    max_attempts: int = 3,
    restarts: int = 2,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    text_field: str | None = None,
    retry_failed: bool = False,
    on_result: Callable[[Result, BatchReport], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    report: BatchReport | None = None,
    ray_init: dict[str, Any] | None = None,
    **options: Any,
) -> ClusterReport:
    """Summarize a folder, a file or ``@LISTING`` on a Ray cluster into an output, resuming what it holds.

    ``address``: 'auto' (a cluster this machine belongs to), HOST:PORT of the head,
    ray://HOST:10001 (Ray Client), or 'local' to start Ray on this machine alone.
    ``workers``: actors to start (default: one per CPU of the cluster), each restarted up to
    ``restarts`` times when it dies; ``concurrency``: articles in flight in each. Options
    are the Settings fields, resolved here on the driver (its environment, its API key)
    and sent to every worker.
    """
    if concurrency < 1 or max_attempts < 1 or (workers is not None and workers < 1):
        raise ConfigError("concurrency, workers and max_attempts must be at least 1")
    output = resolve_output(out, fmt, out_dir)
    settings = resolve_settings(**options)
    engine = settings.resolved_engine()
    if engine == "llm":
        check_credentials(settings)  # a missing key stops here, before any cluster is joined
    elif settings.engine == "auto":
        from ..api import OFFLINE_NOTICE

        logger.warning(OFFLINE_NOTICE)
    settings = replace(settings, engine=engine)  # workers decide nothing, and say nothing, on their own
    if options.get("cache_dir") is None and not os.environ.get("SUMMARIZER_CACHE_DIR"):
        settings = replace(settings, cache_dir=None)  # each node's own default folder, not this machine's path
    if report is not None and not isinstance(report, ClusterReport):
        raise ConfigError("run_distributed counts into a ClusterReport; pass one, or none")
    report = report if report is not None else ClusterReport()
    report.engine, report.output, report.resumable = engine, output.where, output.resumable
    report.address = address or "local"
    with SigtermStop() as stop:  # SIGTERM ends the run as Ctrl-C does, raising Terminated
        earlier = read_earlier(output, retry_failed)
        owned = False
        try:

            def skip(name: str, reason: str) -> None:
                report.skipped.append((name, reason))
                if on_skip:
                    on_skip(name, reason)

            check_source(source)  # the same inputs as run_batch finds, a listing's included, minus the run's own output
            base, paths = list_inputs(
                Path(str(source)), globs=globs, exclude=exclude, ignore=output_files(output), on_skip=skip
            )
            if on_total:
                on_total(len(paths))

            def pending() -> Iterator[Found]:
                for item in read_inputs(base, paths, text_field=text_field):
                    report.found += 1
                    if not earlier.holds(item, report):
                        yield item

            names = None
            if output.out_dir is not None:
                names = out_dir_names(source_name(base, path) for path in paths)
            started = time.perf_counter()
            size = chunk_size or max(8, concurrency)
            items = pending()
            first = list(islice(items, size))  # nothing to do: no cluster is joined, no worker started
            init = dict(ray_init or {})
            if output.stream is not None:  # records go to a stream: Ray's worker logs must not go to standard output
                init.setdefault("log_to_driver", False)
            owned = _connect(address, init, stop) if first else False
            stop.retake()  # should Ray have put in its own handler (one that exits with code 15, no word said)
            writer = Writer(output, earlier.keep, names, lock=earlier.lock)
        except BaseException:
            earlier.release()
            if owned:
                import ray

                ray.shutdown()
            raise
        try:
            _drive(
                settings,
                chain(first, items),
                writer,
                report,
                on_result=on_result,
                concurrency=concurrency,
                workers=workers,
                restarts=restarts,
                chunk_size=size,
                max_attempts=max_attempts,
                stop=stop,
            )
        finally:
            stop.closing()  # a SIGTERM from here waits until the output is closed and Ray shut down
            writer.close()
            report.held = len(earlier.held(output, writer.ids)) if output.resumable else report.written
            report.seconds = round(time.perf_counter() - started, 3)
            report.driver_peak_rss_mib = peak_rss_mib()
            if owned:
                import ray

                ray.shutdown()
    return report


def _start(settings: Any, count: int | None, concurrency: int, restarts: int, report: ClusterReport) -> list[Any]:
    import ray

    started = time.perf_counter()
    keeper: Any = None
    if settings.resolved_engine() == "llm" and (settings.rpm or settings.tpm):
        keeper = ray.remote(max_restarts=-1, max_task_retries=-1)(PaceKeeper).remote(settings.rpm, settings.tpm)
    count = count or max(1, int(ray.cluster_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]
    actor: Any = ray.remote(num_cpus=1, max_restarts=restarts, max_task_retries=0)(Worker)
    run = new_run()  # a chunk sent again after its worker died: what that worker stored is this run's, not cached
    handles: list[Any] = [actor.remote(settings, concurrency, keeper, run) for _ in range(count)]
    try:
        report.nodes = list(ray.get([h.ready.remote() for h in handles]))
    except ray.exceptions.RayError as exc:
        for handle in handles:
            ray.kill(handle)
        raise ClusterError(f"the Ray workers could not start: {exc}") from exc
    report.startup_seconds = round(time.perf_counter() - started, 3)
    return handles


def _drive(
    settings: Any,
    items: Iterator[Found],
    writer: Writer,
    report: ClusterReport,
    *,
    on_result: Callable[[Result, BatchReport], None] | None,
    concurrency: int,
    workers: int | None,
    restarts: int,
    chunk_size: int,
    max_attempts: int,
    stop: SigtermStop | None = None,
) -> None:
    """Keep every worker fed, write what comes back, resend what a dead worker held."""
    import ray

    if (peek := next(items, None)) is None:
        return
    items = chain([peek], items)
    pool = _Pool(_start(settings, workers, concurrency, restarts, report))
    retry: deque[_Chunk] = deque()
    running: dict[Any, tuple[int, _Chunk | None]] = {}  # a chunk's call, or a probe (None) of a worker that died
    probes: deque[tuple[float, int]] = deque()  # (when, worker) to ask whether a worker that died is back

    def next_chunk() -> _Chunk | None:
        if retry:
            return retry.popleft()
        chunk = list(islice(items, chunk_size))
        return _Chunk(chunk) if chunk else None

    def write(result: Result) -> None:
        if result.article_id in writer.ids:
            return
        writer.write(result)
        report.add(result)
        if on_result:
            on_result(result, report)

    def lose(chunk: _Chunk, index: int, exc: BaseException) -> None:
        report.worker_deaths += 1
        logger.warning("a Ray worker died under %d article(s): %s", len(chunk.items), type(exc).__name__)
        for found in chunk.items:  # one by one from now on: an article that kills its worker kills no other
            if chunk.attempts + 1 >= max_attempts:
                report.lost += 1
                why = f"the Ray worker running it died {max_attempts} times (its process or node was lost)"
                write(_error(found, ClusterError(f"{why}; rerun with --retry-failed to try it again")))
            else:
                report.resent += 1
                retry.append(_Chunk([found], chunk.attempts + 1))
        if pool.state[index] == "ok":
            pool.state[index] = "probing"
            probes.append((time.monotonic(), index))

    try:
        while True:
            while (index := pool.free()) is not None and (chunk := next_chunk()) is not None:
                running[pool.handles[index].run.remote(chunk.items)] = (index, chunk)
                pool.load[index] += 1
            while probes and probes[0][0] <= time.monotonic():
                index = probes.popleft()[1]
                running[pool.handles[index].ready.remote()] = (index, None)
            if not running and not probes:
                break
            ready, _ = ray.wait(list(running), num_returns=1, timeout=PROBE_EVERY if probes else None)
            if not ready:
                continue
            index, chunk = running.pop(ready[0])
            try:
                value = ray.get(ready[0])
            except ray.exceptions.RayActorError as exc:
                if chunk is None and isinstance(exc, ray.exceptions.ActorUnavailableError):
                    probes.append((time.monotonic() + PROBE_EVERY, index))  # restarting: ask again soon
                elif chunk is None:
                    pool.state[index] = "gone"
                else:
                    pool.load[index] -= 1
                    lose(chunk, index, exc)
                if not pool.alive:
                    raise ClusterError(
                        f"every Ray worker died; {writer.written} record(s) were written and the output keeps them. "
                        "Check the cluster ('ray status'), then run the same command again to do only the rest"
                    ) from exc
                continue
            if chunk is None:
                pool.state[index] = "ok"
                continue
            pool.load[index] -= 1
            for result in value:
                write(result)
    finally:
        if stop is not None:
            stop.closing()  # a SIGTERM from here waits until the workers are closed
        final = [stats for handle in pool.handles if (stats := _finish(handle)) is not None]
        report.nodes = final or report.nodes


def _finish(handle: Any) -> dict[str, Any] | None:
    """A worker's process id, host and peak memory, then close it; None for a dead one."""
    import ray

    try:
        stats: dict[str, Any] = ray.get(handle.stats.remote(), timeout=10)
        ray.get(handle.close.remote(), timeout=10)
    except (ray.exceptions.RayError, TimeoutError):
        stats = None  # type: ignore[assignment]
    ray.kill(handle)
    return stats
