"""Child processes for the benchmark: start, wait until ready, watch memory and CPU, stop.

Every child runs in a session of its own, so the bench (not a stray Ctrl-C reaching the
whole terminal group) decides when it stops, and the whole group can be killed at the
end if a polite SIGTERM was not enough.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

MB = 1024 * 1024


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Child:
    """A child process started by the bench, with its console captured in a file."""

    name: str
    popen: subprocess.Popen[bytes]
    log_path: Path

    @classmethod
    def start(
        cls,
        name: str,
        argv: Sequence[str],
        *,
        cwd: Path,
        env: Mapping[str, str],
        log_path: Path,
    ) -> Child:
        """Start `argv` in its own session; stdout and stderr go to `log_path`."""
        log_path.parent.mkdir(parents=True, exist_ok=True)
        # A file, not a pipe: nobody reads a pipe during the run, and a full pipe would
        # block the child in the middle of the measurement.
        with log_path.open("ab") as console:
            popen = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env=dict(env),
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return cls(name, popen, log_path)

    @property
    def pid(self) -> int:
        """The child's process id."""
        return self.popen.pid

    def alive(self) -> bool:
        """Whether the child is still running."""
        return self.popen.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the child's console, for error messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, grace: float = 20.0) -> None:
        """SIGTERM, wait up to `grace` s, then make sure nothing it started survives.

        Descendants (Faro's own Rasa server) are remembered first. Faro does not stop its
        Rasa child on SIGTERM (uvicorn re-raises the signal after shutting down, so the
        service's own clean-up never runs), so survivors get a SIGTERM of their own and
        then, with the rest of the process group, a SIGKILL.
        """
        try:
            descendants = psutil.Process(self.pid).children(recursive=True)
        except psutil.Error:
            descendants = []
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                self.popen.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=grace)
        survivors = [p for p in descendants if _running(p)]
        for process in survivors:
            with contextlib.suppress(psutil.Error):
                process.terminate()
        _gone, alive = psutil.wait_procs(survivors, timeout=10 if survivors else 0)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        for process in alive:
            with contextlib.suppress(psutil.Error):
                process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=5)


def _running(process: psutil.Process) -> bool:
    try:
        return bool(process.is_running() and process.status() != psutil.STATUS_ZOMBIE)
    except psutil.Error:
        return False


class ChildExitedError(RuntimeError):
    """A child process exited while the bench waited for it to become ready."""

    def __init__(self, message: str, summary: str) -> None:
        super().__init__(message)
        self.summary = summary


def wait_until(
    child: Child,
    check: Callable[[httpx.Client], bool],
    *,
    timeout: float,
    what: str,
) -> float:
    """Poll `check` until it is true; return the seconds it took. Raise if the child dies."""
    started = time.monotonic()
    deadline = started + timeout
    with httpx.Client(timeout=5.0, trust_env=False) as client:
        while time.monotonic() < deadline:
            if not child.alive():
                tail = child.log_tail()
                last = tail.splitlines()[-1] if tail else ""
                raise ChildExitedError(
                    f"{child.name} exited with {child.popen.returncode} before {what}; "
                    f"last lines of {child.log_path}:\n{tail}",
                    summary=f"exit {child.popen.returncode}: {last[-160:]}",
                )
            try:
                if check(client):
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
    raise RuntimeError(
        f"{child.name} was not {what} within {timeout:.0f} s; "
        f"last lines of {child.log_path}:\n{child.log_tail()}"
    )


def _is_rasa(process: psutil.Process) -> bool:
    try:
        return any("rasa" in part for part in process.cmdline())
    except psutil.Error:
        return False


class RasaChildren:
    """The Rasa server(s) among a service's descendants, looked up again every few seconds.

    `serve` starts a Rasa server only for a pipeline the in-process scorer cannot run
    (and restarts it if it dies), so the bench neither expects one nor assumes there is
    none: it looks, and reports what it found.
    """

    def __init__(self, pid: int, refresh: float = 5.0) -> None:
        self._pid = pid
        self._refresh = refresh
        self._checked = -float("inf")
        self._found: list[psutil.Process] = []
        self.ever_seen = False
        self._lock = threading.Lock()

    def __call__(self) -> list[psutil.Process]:
        """The Rasa processes (with anything they started) now; [] when there are none."""
        with self._lock:
            now = time.monotonic()
            alive = [p for p in self._found if _running(p)]
            if now - self._checked >= self._refresh or len(alive) != len(self._found):
                self._checked = now
                try:
                    children = psutil.Process(self._pid).children(recursive=True)
                except psutil.Error:
                    children = []
                roots = [p for p in children if _is_rasa(p)]
                found: list[psutil.Process] = []
                for root in roots:
                    if root not in found:
                        found.extend(p for p in with_descendants(root) if p not in found)
                self._found = found
                self.ever_seen = self.ever_seen or bool(found)
                alive = found
            return list(alive)

    def retarget(self, pid: int) -> None:
        """Look under another service process from now on (after a restart)."""
        with self._lock:
            self._pid = pid
            self._found = []
            self._checked = -float("inf")


class PostgresBackends:
    """The PostgreSQL server processes serving one database (for their CPU time).

    Looked up in pg_stat_activity every few seconds: the service's pooled connections
    keep their backends for the run, so their CPU can be told apart from other work.
    """

    def __init__(self, admin_url: str, database: str, refresh: float = 5.0) -> None:
        self._admin_url = admin_url
        self._database = database
        self._refresh = refresh
        self._checked = -float("inf")
        self._found: dict[int, psutil.Process] = {}
        self._lock = threading.Lock()

    def __call__(self) -> list[psutil.Process]:
        """The backends now (a backend that ended takes its CPU time with it)."""
        with self._lock:
            now = time.monotonic()
            if now - self._checked >= self._refresh:
                self._checked = now
                self._found = {
                    pid: self._found.get(pid) or psutil.Process(pid)
                    for pid in self._pids()
                    if _exists(pid)
                }
            return [p for p in self._found.values() if _running(p)]

    def _pids(self) -> list[int]:
        import psycopg

        try:
            with psycopg.connect(self._admin_url, autocommit=True, connect_timeout=5) as admin:
                rows = admin.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s", (self._database,)
                ).fetchall()
        except psycopg.Error:
            return list(self._found)
        return [int(row[0]) for row in rows]


def _exists(pid: int) -> bool:
    try:
        psutil.Process(pid)
    except psutil.Error:
        return False
    return True


def with_descendants(process: psutil.Process) -> list[psutil.Process]:
    """`process` and everything it started (Rasa could fork workers)."""
    try:
        return [process, *process.children(recursive=True)]
    except psutil.Error:
        return [process]


def rss_bytes(processes: Sequence[psutil.Process]) -> int:
    """Summed resident set size of the processes still alive."""
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_info().rss
    return total


def cpu_seconds(processes: Sequence[psutil.Process]) -> float:
    """Summed user+system CPU seconds of the processes still alive."""
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


Roles = Mapping[str, Callable[[], Sequence[psutil.Process]]]


@dataclass
class RssSampler:
    """Samples the RSS of named process groups every `interval` s in a thread.

    Peaks are kept per label (the phase the bench is in), so a peak can be reported for
    the measured phases without the start-up or the warm-up.
    """

    roles: Roles
    interval: float = 0.1
    label: str = "idle"
    peaks: dict[str, dict[str, int]] = field(default_factory=dict)
    samples: int = 0
    # (monotonic time, label, RSS per role) of every sample, for the soak's trend.
    series: list[tuple[float, str, dict[str, int]]] = field(default_factory=list)
    max_series: int = 200_000
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        """Start sampling in a daemon thread (one sample right away)."""
        self._sample()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._thread.start()

    def set_label(self, label: str) -> None:
        """Attribute the following samples to `label`."""
        with self._lock:
            self.label = label
        self._sample()

    def stop(self) -> None:
        """Take a last sample and stop the thread."""
        self._sample()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def peak(self, labels: Sequence[str], role: str) -> int:
        """The highest RSS of `role` seen under any of `labels`, in bytes."""
        with self._lock:
            return max((self.peaks.get(label, {}).get(role, 0) for label in labels), default=0)

    def readings(self, role: str, start: float, end: float) -> list[int]:
        """The RSS samples of `role` taken between `start` and `end` (monotonic), in bytes."""
        with self._lock:
            return [r[role] for t, _label, r in self.series if start <= t <= end and role in r]

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        readings = {role: rss_bytes(list(processes())) for role, processes in self.roles.items()}
        now = time.monotonic()
        with self._lock:
            peaks = self.peaks.setdefault(self.label, {})
            for role, value in readings.items():
                peaks[role] = max(peaks.get(role, 0), value)
            self.samples += 1
            if len(self.series) < self.max_series:
                self.series.append((now, self.label, readings))
