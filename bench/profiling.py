"""Where the service's time goes: py-spy samples the running service, this sums the stacks.

`py-spy record --format raw` writes one line per distinct stack ("frame;frame;... count",
outermost first). From those lines this module works out, over all non-idle samples:

- *self* time per function (the innermost frame: where the CPU actually was);
- *inclusive* time per function of Faro's own code (`bot/`), so a cost can be read as
  "the turn worker's prepare step" rather than as a regex deep inside spaCy;
- self time per package (sqlalchemy, telegram, starlette, the standard library's
  asyncio, ...), the quickest summary;
- the split between the event loop's thread and the worker threads.

py-spy runs `--nonblocking` (it does not pause the service to read its stacks, so the
service runs at nearly full speed; a stack is now and then torn, which does not matter
for these sums) at 100 samples/s. Two recordings run side by side: one samples only the
thread that holds the GIL (`--gil`: the Python work, which one process can do on one
core at a time), the other every thread that is not idle (it adds the C code that runs
without the GIL, such as SQLite, and threads that are woken only to wait for the GIL).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PY_SPY = Path(sys.executable).parent / "py-spy"
RATE = 100
TOP = 15
# "function (path:line)"; py-spy writes "<module>" and "<lambda>" as names too.
FRAME = re.compile(r"^(?P<name>.*) \((?P<path>[^()]*?)(?::(?P<line>\d+))?\)$")
THREAD = re.compile(r"^thread \((?:0x)?[0-9A-Fa-f]+\)(?::.*)?$|^process \d+")


# The stages of the message path, recognised by a function of Faro's in the stack (the
# first that matches, top to bottom, names the stage of a sample).
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("turn: understand (NLU, language, places)", ("Assistant.prepare",)),
    ("turn: read pending messages", ("TurnWorker._prepare_ahead",)),
    ("turn: decide (the core)", ("TurnWorker._decide",)),
    ("turn: transaction (claim, state, outbox rows)", ("TurnWorker.run_once",)),
    ("send: Bot API call (PTB, httpx)", ("TelegramTransport.send_part",)),
    ("send: lease (database)", ("OutboxSender._lease",)),
    ("send: record the outcome (database)", ("OutboxSender._write",)),
    ("send: other", ("OutboxSender.",)),
    ("webhook: inbox write (database)", ("Inbox.store_now",)),
    ("webhook: HTTP, middleware, decode", ("TelegramChannel.", "Middleware.", "Inbox.store")),
    ("turn: other", ("TurnWorker.",)),
)
# Frames of Faro's that sit under everything the event loop runs: not a cost of their own.
ROOT_FILES = ("bot/__main__.py", "bot/cli.py")


def stage(functions: list[str], main: bool) -> str:
    """The stage of the message path a sample belongs to (see STAGES)."""
    for label, needles in STAGES:
        if any(needle in function for function in functions for needle in needles):
            return label
    if any(
        f.startswith(("H11Protocol.", "HttpToolsProtocol.", "RequestResponseCycle."))
        for f in functions
    ):
        return "webhook: HTTP, middleware, decode"
    # Worker threads always run under a Faro function; without one, py-spy's nonblocking
    # read caught the stack half-way (a torn stack) or the thread was between jobs.
    return "event loop: other (asyncio, uvicorn)" if main else "worker threads: torn stack or idle"


def py_spy() -> Path | None:
    """The py-spy executable (the venv's, else one on PATH), or None."""
    if PY_SPY.exists():
        return PY_SPY
    found = shutil.which("py-spy")
    return Path(found) if found else None


@dataclass
class Recording:
    """A py-spy process recording one pid into a raw file until `stop()`."""

    process: subprocess.Popen[bytes]
    output: Path
    log: Path

    @classmethod
    def start(cls, pid: int, output: Path, log: Path, *, gil: bool) -> Recording:
        """Start sampling `pid` (needs ptrace rights: root, or kernel.yama.ptrace_scope=0).

        With `gil`, only the thread holding the GIL is sampled: where the Python CPU goes,
        which is what limits a process bound by the GIL. Without, every thread that is not
        idle is sampled, which adds C code that released the GIL (SQLite, sockets) and
        threads waking to wait for the GIL.
        """
        executable = py_spy()
        if executable is None:
            raise RuntimeError("py-spy is not installed (pip install py-spy)")
        output.parent.mkdir(parents=True, exist_ok=True)
        with log.open("ab") as console:
            process = subprocess.Popen(
                [
                    str(executable),
                    "record",
                    "--pid",
                    str(pid),
                    "--format",
                    "raw",
                    "--output",
                    str(output),
                    "--rate",
                    str(RATE),
                    "--nonblocking",
                    "--threads",
                    "--full-filenames",
                    *(["--gil"] if gil else []),
                ],
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return cls(process, output, log)

    def stop(self, timeout: float = 30.0) -> bool:
        """Ask py-spy to write its file (SIGINT, as Ctrl-C); True when the file is there."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        return self.output.exists() and self.output.stat().st_size > 0


def _frame(text: str) -> tuple[str, str]:
    """(function, file) of one frame; the file is shortened to what identifies it."""
    match = FRAME.match(text)
    if match is None:
        return text, ""
    return match.group("name"), _short_path(match.group("path"))


def _short_path(path: str) -> str:
    for marker in ("/site-packages/", "/dist-packages/"):
        if marker in path:
            return path.split(marker, 1)[1]
    for marker in ("/bot/", "/bench/"):
        if marker in path:
            return marker.strip("/") + "/" + path.split(marker, 1)[1]
    match = re.search(r"/python3\.\d+/(.*)$", path)
    if match:
        return "stdlib/" + match.group(1)
    return path


def package(path: str) -> str:
    """The package a (shortened) file belongs to: `sqlalchemy`, `bot.pipeline`, `stdlib.json`."""
    if not path:
        return "?"
    parts = path.split("/")
    if parts[0] == "bot":
        return "bot." + parts[1].removesuffix(".py") if len(parts) > 1 else "bot"
    if parts[0] == "stdlib":
        return "stdlib." + parts[1].removesuffix(".py") if len(parts) > 1 else "stdlib"
    return parts[0].removesuffix(".py")


def summarize(raw: Path, pid: int, top: int = TOP) -> dict[str, Any]:
    """The top self and inclusive costs in a py-spy raw file, as shares of all samples.

    `pid` is the process that was sampled: its main thread (thread id = pid) runs the
    event loop; the other threads are anyio's workers (turns, inbox writes, leases).
    """
    main_thread = f"thread ({pid})"  # followed by ": MainThread"
    self_fn: Counter[str] = Counter()
    incl_bot: Counter[str] = Counter()
    by_package: Counter[str] = Counter()
    by_thread: Counter[str] = Counter()
    by_stage: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        all_frames = stack.split(";")
        main = bool(all_frames) and all_frames[0].startswith(main_thread)
        frames = [f for f in all_frames if f and not THREAD.match(f)]
        if not frames:
            continue
        total += count
        parsed = [_frame(f) for f in frames]
        name, path = parsed[-1]
        self_fn[f"{name} ({path})"] += count
        by_package[package(path)] += count
        by_thread["event loop (main thread)" if main else "worker threads"] += count
        by_stage[stage([fn for fn, _ in parsed], main)] += count
        seen: set[str] = set()
        for fn, fpath in parsed:
            if fpath.startswith("bot/") and not fpath.startswith(ROOT_FILES):
                key = f"{fn} ({fpath})"
                if key not in seen:
                    seen.add(key)
                    incl_bot[key] += count

    def share(counter: Counter[str]) -> list[dict[str, Any]]:
        return [
            {"what": key, "samples": value, "share": round(value / total, 3) if total else 0.0}
            for key, value in counter.most_common(top)
        ]

    return {
        "samples": total,
        "rate_hz": RATE,
        "self": share(self_fn),
        "inclusive_bot": share(incl_bot),
        "packages": share(by_package),
        "threads": share(by_thread),
        "stages": share(by_stage),
    }
