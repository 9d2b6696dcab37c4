"""Faro's webhook benchmark: throughput, latency at offered load, cold start, memory, soak.

Run it with `make bench` or `.venv/bin/python bench/webhook_bench.py [--help]`.

It starts a fake Telegram Bot API in this process, then Faro itself (`python -m bot
serve`, which scores the NLU model in-process, or starts a Rasa server when the model
needs one), and sends it realistic Telegram updates in five languages. Faro's webhook
only stores a message and answers 200; a message counts as answered when every reply
its turn queued has reached the fake as a sendMessage. Phases: cold start, a closed loop
(C senders) for throughput, open loops at fixed rates for latency, a py-spy profile, and
a soak of people with new words for memory. Then it drives a stock Rasa assistant on the
same topics over Rasa's REST channel with the same messages, for comparison. It prints
figures and writes them to bench/results/; it never fails on a slow result.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import psutil
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Run as a script (`python bench/webhook_bench.py`): make `bench` and `nlu` importable.
    sys.path.insert(0, str(ROOT))

from bench import report, stock_rasa  # noqa: E402
from bench.fake_telegram import FakeBotApi  # noqa: E402
from bench.ledger import Accounting, Ledger, LedgerError, account, unchecked  # noqa: E402
from bench.loopback_http import HttpError, HttpPool  # noqa: E402
from bench.procs import (  # noqa: E402
    MB,
    Child,
    ChildExitedError,
    PostgresBackends,
    RasaChildren,
    RssSampler,
    cpu_seconds,
    free_port,
    wait_until,
    with_descendants,
)
from bench.profiling import Recording, py_spy, summarize  # noqa: E402
from bench.traffic import (  # noqa: E402
    FaroTelegram,
    PhaseRun,
    Population,
    StockRest,
    Target,
    closed_loop,
    new_client,
    open_loop,
)
from nlu.tools.heldout import heldout  # noqa: E402

RESULTS_DIR = ROOT / "bench" / "results"
SERVICE_PYTHON = ROOT / ".venv" / "bin" / "python"
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"

# Faro's start may include training a model or starting a Rasa server (tens of seconds).
START_TIMEOUT = 300.0
START_POLL = 0.02  # how often the cold-start probe knocks while Faro starts
# Above Faro's worst case for one reply (the outbox retries within 45 s windows), so a
# message without a reply by then is a real failure, not a slow one.
REQUEST_TIMEOUT = 60.0
REPLY_TIMEOUT = 90.0
DRAIN_TIMEOUT = 75.0  # open loop: how long to wait for replies after the last send
SETTLE_TIMEOUT = 180.0  # between phases: wait this long at most for Faro's queue to empty
QUIET_SECONDS = 1.0  # and then this long, so one phase's tail does not spill over
STOCK_SETTLE_SECONDS = 2.0
MAX_IN_FLIGHT = 4000
START_ATTEMPTS = 3
# The platforms' real limits (FARO_TELEGRAM_RATE 30/s, FARO_WHATSAPP_RATE 80/s) would be
# the whole measurement; the fake Bot API has none, so the bench lifts them.
PLATFORM_RATE = "100000"
SOAK_DEFAULT = 10_000
SOAK_WARMUP_SHARE = 0.1
MACHINE = "machine"  # CpuWatch's key for the whole machine's busy time

# Chat ids per phase: each phase has its own people, so no state carries over and every
# chat's sendMessages belong to one phase.
CHAT_ID_BASE = {
    "warmup": 1_000_000_000,
    "A": 2_000_000_000,
    "B": 3_000_000_000,  # + 100,000,000 per rate
    "profile": 5_000_000_000,
    "soak": 6_000_000_000,
    "probe": 9_000_000_000,
}


class TerminatedError(Exception):
    """SIGTERM arrived: unwind through every finally block, like Ctrl-C does."""


def _on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise TerminatedError


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the report."""
    print(message, file=sys.stderr, flush=True)


# -- command line ---------------------------------------------------------------------------


def _rates(text: str) -> list[float]:
    try:
        rates = [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("rates are numbers, comma-separated") from None
    if not rates or any(rate <= 0 for rate in rates):
        raise argparse.ArgumentTypeError("rates must be positive")
    return rates


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The bench's flags."""
    parser = argparse.ArgumentParser(
        prog="bench/webhook_bench.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--messages", type=int, default=3000, help="phase A messages (3000)")
    parser.add_argument("--concurrency", type=int, default=32, help="closed-loop senders (32)")
    parser.add_argument(
        "--rates",
        type=_rates,
        default=[100.0, 200.0],
        help="phase B offered rates, msg/s, comma-separated (100,200)",
    )
    parser.add_argument("--duration", type=float, default=20.0, help="each phase B, s (20)")
    parser.add_argument("--warmup", type=int, default=50, help="unmeasured messages first (50)")
    parser.add_argument(
        "--soak",
        type=int,
        default=SOAK_DEFAULT,
        help=f"soak messages, each from a new person with new words ({SOAK_DEFAULT:,}; 0: none)",
    )
    parser.add_argument(
        "--soak-warmup",
        type=int,
        default=None,
        help="soak messages before the 'after warm-up' RSS reading (10%% of --soak)",
    )
    parser.add_argument(
        "--profile-messages",
        type=int,
        default=2000,
        help="messages of the py-spy profiled closed loop (2000; 0: no profile)",
    )
    parser.add_argument("--skip-stock", action="store_true", help="do not run the stock Rasa bot")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="run Faro on a fresh PostgreSQL database at 127.0.0.1:5432 (created, then dropped)",
    )
    parser.add_argument("--seed", type=int, default=20181123, help="traffic seed")
    parser.add_argument(
        "--phase-limit", type=float, default=600.0, help="a closed loop gives up after this (600 s)"
    )
    parser.add_argument(
        "--keep-temp", action="store_true", help="keep the temporary directory (logs, database)"
    )
    args = parser.parse_args(argv)
    for name in ("messages", "concurrency", "duration", "phase_limit"):
        if getattr(args, name) <= 0:
            parser.error(f"--{name.replace('_', '-')} must be positive")
    for name in ("warmup", "soak", "profile_messages"):
        if getattr(args, name) < 0:
            parser.error(f"--{name.replace('_', '-')} must be zero or more")
    if args.soak_warmup is None:
        args.soak_warmup = int(args.soak * SOAK_WARMUP_SHARE)
    if not 0 <= args.soak_warmup < max(1, args.soak):
        parser.error("--soak-warmup must be below --soak")
    return args


# -- facts about the run --------------------------------------------------------------------


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def uptime_line() -> str:
    """`uptime`'s line (it shows the load averages), or /proc/loadavg if uptime is absent."""
    try:
        result = subprocess.run(["uptime"], capture_output=True, text=True, timeout=5, check=False)
        if result.returncode == 0 and result.stdout.strip():
            return result.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return "loadavg " + Path("/proc/loadavg").read_text().strip()


def commit() -> str:
    """The checked-out commit, short, read from .git directly (no git process)."""
    git = ROOT / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head[:7]
        ref = head.removeprefix("ref: ")
        loose = git / ref
        if loose.exists():
            return loose.read_text().strip()[:7]
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0][:7]
    except OSError:
        pass
    return "unknown"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_mb": round(psutil.virtual_memory().total / MB),
        "python": platform.python_version(),
        "kernel": platform.release(),
    }


# -- CPU ----------------------------------------------------------------------------------------


@dataclass
class CpuWatch:
    """CPU seconds per process group between two points, as cores in use.

    Besides the named roles it reports "others": the machine's busy time that none of
    them used. On a shared machine that is the first thing to look at when a figure
    surprises, since other work takes cores from the bot under test.
    """

    roles: dict[str, Callable[[], list[psutil.Process]]]

    def snapshot(self) -> dict[str, float]:
        """Current CPU seconds per role, and the machine's busy seconds."""
        readings = {role: cpu_seconds(processes()) for role, processes in self.roles.items()}
        times = psutil.cpu_times()
        # Busy = everything but idle and iowait; guest time is already inside user time,
        # and steal (the hypervisor giving the core to another VM) counts as taken.
        busy = ("user", "nice", "system", "irq", "softirq", "steal")
        readings[MACHINE] = sum(getattr(times, name, 0.0) for name in busy)
        return readings

    @staticmethod
    def cores(before: dict[str, float], after: dict[str, float], wall: float) -> dict[str, float]:
        """Average cores each role (and everything else on the machine) used in between."""
        wall = max(wall, 1e-9)
        used = {
            role: max(0.0, after[role] - before.get(role, after[role])) / wall
            for role in after
            if role != MACHINE
        }
        others = (after[MACHINE] - before[MACHINE]) / wall - sum(used.values())
        used["others"] = max(0.0, others)
        return {role: round(value, 2) for role, value in used.items()}


# -- driving one bot ----------------------------------------------------------------------------


@dataclass
class Phase:
    """One measured phase: its run, and what it took."""

    name: str
    kind: str  # "closed" or "open"
    run: PhaseRun
    cores: dict[str, float]
    rate: float | None = None
    concurrency: int | None = None
    settle_s: float | None = None  # Faro: how long its queue took to empty afterwards
    settled: bool = True
    progress: list[tuple[float, int]] = field(default_factory=list)  # soak: (time, answered)


@dataclass
class Driver:
    """Runs the phases against one bot, in one event loop, with one HTTP client."""

    target: Target
    client: HttpPool
    args: argparse.Namespace
    examples: Sequence[Any]
    sampler: RssSampler
    cpu: CpuWatch
    settle: Callable[[], tuple[bool, float]]

    def population(self, phase: str, *, base: int | None = None, **options: Any) -> Population:
        """The people of one phase: the same for every bot, given the seed."""
        offset = sum(ord(c) for c in phase)
        first = CHAT_ID_BASE[phase] if base is None else base
        return Population(
            self.examples, seed=self.args.seed + offset, first_chat_id=first, **options
        )

    async def closed(
        self,
        name: str,
        population: Population,
        messages: int,
        *,
        time_limit: float | None = None,
        progress_every: int = 0,
    ) -> Phase:
        """A closed loop of `messages` with the configured number of senders."""
        self.sampler.set_label(name)
        progress: list[tuple[float, int]] = []
        step = max(1, messages // 200)
        started = time.monotonic()

        def answered(count: int) -> None:
            if count % step == 0:
                progress.append((time.monotonic(), count))
            if progress_every and count % progress_every == 0:
                rate = count / max(time.monotonic() - started, 1e-9)
                log(f"    {name}: {count:,}/{messages:,} answered ({rate:,.0f} msg/s)")

        before = self.cpu.snapshot()
        run = await closed_loop(
            self.target,
            population,
            client=self.client,
            messages=messages,
            concurrency=self.args.concurrency,
            time_limit=time_limit or self.args.phase_limit,
            reply_timeout=REPLY_TIMEOUT,
            on_answered=answered,
        )
        cores = CpuWatch.cores(before, self.cpu.snapshot(), time.monotonic() - started)
        phase = Phase(
            name, "closed", run, cores, concurrency=self.args.concurrency, progress=progress
        )
        await self._settle(phase)
        return phase

    async def open(self, name: str, population: Population, rate: float) -> Phase:
        """An open loop at `rate` msg/s for the configured duration."""
        self.sampler.set_label(name)
        before, started = self.cpu.snapshot(), time.monotonic()
        run = await open_loop(
            self.target,
            population,
            client=self.client,
            rate=rate,
            duration=self.args.duration,
            drain=DRAIN_TIMEOUT,
            max_in_flight=MAX_IN_FLIGHT,
        )
        cores = CpuWatch.cores(before, self.cpu.snapshot(), time.monotonic() - started)
        phase = Phase(name, "open", run, cores, rate=rate)
        await self._settle(phase)
        return phase

    async def _settle(self, phase: Phase) -> None:
        self.sampler.set_label("settle")
        phase.settled, phase.settle_s = await asyncio.to_thread(self.settle)
        await asyncio.sleep(QUIET_SECONDS)

    async def standard(self) -> list[Phase]:
        """Warm-up, then phase A (closed loop) and one phase B (open loop) per rate."""
        args = self.args
        if args.warmup:
            log(f"  warm-up: {args.warmup} messages")
            self.sampler.set_label("warmup")
            await closed_loop(
                self.target,
                self.population("warmup"),
                client=self.client,
                messages=args.warmup,
                concurrency=min(args.concurrency, 8),
                time_limit=args.phase_limit,
                reply_timeout=REPLY_TIMEOUT,
            )
            self.sampler.set_label("settle")
            await asyncio.to_thread(self.settle)
            await asyncio.sleep(QUIET_SECONDS)
        phases = []
        log(f"  phase A: {args.messages:,} messages, {args.concurrency} concurrent senders")
        phases.append(await self.closed("A", self.population("A"), args.messages))
        for index, rate in enumerate(args.rates):
            name = f"B{rate:g}"
            log(f"  phase {name}: {rate:g} messages/s for {args.duration:g} s (open loop)")
            base = CHAT_ID_BASE["B"] + index * 100_000_000
            phases.append(await self.open(name, self.population("B", base=base), rate))
        return phases


def new_sampler(roles: dict[str, Callable[[], list[psutil.Process]]]) -> RssSampler:
    """An RSS sampler over `roles`, started."""
    sampler = RssSampler(roles)
    sampler.start()
    return sampler


# -- Faro -------------------------------------------------------------------------------------


@contextlib.contextmanager
def postgres_database(enabled: bool) -> Iterator[str | None]:
    """A fresh PostgreSQL database for the run (dropped afterwards), or None for SQLite."""
    if not enabled:
        yield None
        return
    import psycopg

    name = f"faro_bench_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_URL.format(name=name)
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def faro_environment(database_url: str, token: str, secret: str, api_base: str) -> dict[str, str]:
    """Faro's environment: ours for the database and Telegram, nothing for NLU or WhatsApp."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("FARO_", "TELEGRAM_", "WHATSAPP_", "DATABASE_"))
    }
    env.update(
        {
            "DATABASE_URL": database_url,
            "TELEGRAM_BOT_TOKEN": token,
            "TELEGRAM_WEBHOOK_SECRET": secret,
            "TELEGRAM_API_BASE_URL": api_base,
            "FARO_TELEGRAM_RATE": PLATFORM_RATE,
            "FARO_WHATSAPP_RATE": PLATFORM_RATE,
            "PYTHONUNBUFFERED": "1",
            # Faro runs from the temp dir (see bench_faro); this makes `bot` the repo's
            # package whatever the editable install maps it to.
            "PYTHONPATH": os.pathsep.join(
                [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
        }
    )
    return env


def nlu_down_texts() -> tuple[str, ...]:
    """Faro's "cannot read messages right now" reply in every language, to count them.

    That reply means the NLU did not answer: a fast reply that is not an answer, which the
    figures should not hide.
    """
    try:
        from bot.core import phrases
        from bot.core.i18n import Translator
        from bot.core.messages import LANGUAGES
    except ImportError:
        return ()
    translator = Translator()
    return tuple(translator.gettext_for(lang)(phrases.NLU_DOWN)[:40] for lang in LANGUAGES)


@dataclass
class StartFigures:
    """How long `python -m bot serve` took, from the moment it was started."""

    webhook_accepted_s: float | None = None
    healthy_s: float | None = None
    first_answer_s: float | None = None


async def probe_start(
    child: Child, port: int, target: FaroTelegram, started: float, examples: Sequence[Any]
) -> StartFigures:
    """Knock until the webhook takes a message, then wait for its reply; poll /healthz too."""
    figures = StartFigures()
    person = next(Population(examples, seed=1, first_chat_id=CHAT_ID_BASE["probe"]))
    text, kind = person.next_message()
    client = new_client(port, 2, 5.0)
    deadline = started + START_TIMEOUT
    sample = None
    try:
        async with httpx.AsyncClient(timeout=5.0, trust_env=False) as http:
            while time.monotonic() < deadline:
                if not child.alive():
                    tail = child.log_tail()
                    last = tail.splitlines()[-1] if tail else ""
                    raise ChildExitedError(
                        f"{child.name} exited with {child.popen.returncode} while starting; "
                        f"last lines of {child.log_path}:\n{tail}",
                        summary=f"exit {child.popen.returncode}: {last[-160:]}",
                    )
                if sample is None:
                    attempt = await target.send(client, person, text, kind)
                    if attempt.status == 200:
                        sample = attempt
                        figures.webhook_accepted_s = attempt.finished - started
                if figures.healthy_s is None:
                    with contextlib.suppress(httpx.HTTPError):
                        health = await http.get(f"http://127.0.0.1:{port}/healthz")
                        if health.status_code == 200:
                            figures.healthy_s = time.monotonic() - started
                if sample is not None and figures.first_answer_s is None:
                    await target.await_reply(sample, START_POLL)
                    if sample.seen_reply is not None:
                        figures.first_answer_s = sample.seen_reply - started
                if figures.first_answer_s is not None and figures.healthy_s is not None:
                    return figures
                if sample is None or figures.healthy_s is None:
                    await asyncio.sleep(START_POLL)
    except HttpError:
        pass
    finally:
        await client.close()
    raise RuntimeError(
        f"Faro did not answer its first message within {START_TIMEOUT:.0f} s; "
        f"last lines of {child.log_path}:\n{child.log_tail()}"
    )


def start_faro(
    work: Path,
    env: dict[str, str],
    cleanup: contextlib.ExitStack,
    target: FaroTelegram,
    fake: FakeBotApi,
    examples: Sequence[Any],
    label: str,
) -> tuple[Child, int, StartFigures, int]:
    """Start `python -m bot serve`; time it to its first answer; retry if it dies starting."""
    for attempt in range(1, START_ATTEMPTS + 1):
        port = free_port()
        log(f"Faro: starting on 127.0.0.1:{port} ({label}, attempt {attempt})")
        started = time.monotonic()
        # cwd is the temp dir, so a developer's .env (say, with FARO_NLU_URL) is not read.
        service = Child.start(
            "Faro",
            [str(SERVICE_PYTHON), "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=work,
            env=env,
            log_path=work / f"faro-{label}-{attempt}.log",
        )
        cleanup.callback(service.stop)

        async def probe(
            service: Child = service, port: int = port, started: float = started
        ) -> StartFigures:
            fake.attach(asyncio.get_running_loop())
            return await probe_start(service, port, target, started, examples)

        try:
            figures = asyncio.run(probe())
        except ChildExitedError as exc:
            if attempt == START_ATTEMPTS:
                raise
            log(f"Faro: start failed ({exc.summary}); trying again")
            service.stop()
            continue
        return service, port, figures, attempt
    raise AssertionError("unreachable")


def settle_faro(ledger: Ledger | None) -> Callable[[], tuple[bool, float]]:
    """Waiting for Faro's queue to empty between phases (a fixed pause without the ledger)."""

    def settle() -> tuple[bool, float]:
        if ledger is None:
            time.sleep(STOCK_SETTLE_SECONDS)
            return True, STOCK_SETTLE_SECONDS
        try:
            idle, seconds, backlog = ledger.wait_idle(SETTLE_TIMEOUT)
        except LedgerError as exc:
            log(f"  (cannot read Faro's queue: {exc})")
            time.sleep(STOCK_SETTLE_SECONDS)
            return False, STOCK_SETTLE_SECONDS
        if not idle:
            log(f"  Faro's queue did not empty in {SETTLE_TIMEOUT:.0f} s: {backlog}")
        return idle, seconds

    return settle


def soak_rss(sampler: RssSampler, phase: Phase, warmup: int) -> dict[str, Any]:
    """The service's RSS after the soak's warm-up and at its end, and the trend between."""
    progress = phase.progress
    if not progress:
        return {}
    ended = progress[-1][0]
    after = next((t for t, count in progress if count >= warmup), progress[0][0])
    window = 2.5

    def median(start: float, end: float) -> float | None:
        values = sorted(sampler.readings("service", start, end))
        return round(values[len(values) // 2] / MB, 1) if values else None

    at_warmup = median(after - window, after + window)
    at_end = median(ended - 2 * window, ended)
    # The trend: least squares of RSS against messages answered, after the warm-up.
    points: list[tuple[float, float]] = []
    for t, count in progress:
        if t < after:
            continue
        values = sampler.readings("service", t - 0.15, t + 0.15)
        if values:
            points.append((float(count), values[-1] / MB))
    slope = None
    if len(points) >= 3:
        mean_x = sum(x for x, _ in points) / len(points)
        mean_y = sum(y for _, y in points) / len(points)
        var = sum((x - mean_x) ** 2 for x, _ in points)
        if var > 0:
            slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / var
    peak = max(sampler.readings("service", progress[0][0], ended), default=0)
    return {
        "warmup_messages": warmup,
        "after_warmup_mb": at_warmup,
        "end_mb": at_end,
        "growth_mb": (
            round(at_end - at_warmup, 1) if at_end is not None and at_warmup is not None else None
        ),
        "peak_mb": round(peak / MB, 1),
        "trend_mb_per_10k": round(slope * 10_000, 2) if slope is not None else None,
    }


def accounting_for(
    phases: Sequence[Phase], ledger: Ledger | None, fake: FakeBotApi
) -> dict[str, Accounting]:
    """Each phase's messages against Faro's outbox and the fake's deliveries."""
    stored = None
    if ledger is not None:
        try:
            stored = ledger.stored()
        except LedgerError as exc:
            log(f"Faro: replies not checked against the outbox ({exc})")
    result = {}
    for phase in phases:
        if stored is None:
            result[phase.name] = unchecked(phase.run.samples)
        else:
            result[phase.name] = account(phase.run.samples, stored, fake.deliveries)
    return result


@dataclass
class Current:
    """The service process being measured (a restart replaces it)."""

    process: psutil.Process

    def __call__(self) -> list[psutil.Process]:
        """The process, as an RSS/CPU role."""
        return [self.process]


def _median_mb(values: Sequence[int]) -> float | None:
    return round(sorted(values)[len(values) // 2] / MB, 1) if values else None


def at_rest(sampler: RssSampler, label: str, seconds: float = 3.0) -> float | None:
    """The service's RSS with nothing to do: the median over `seconds` of quiet."""
    sampler.set_label(label)
    started = time.monotonic()
    time.sleep(seconds)
    return _median_mb(sampler.readings("service", started + 0.5, time.monotonic()))


def bench_faro(args: argparse.Namespace, work: Path, examples: Sequence[Any]) -> dict[str, Any]:
    """Start the fake Bot API and Faro, drive them, stop them; return Faro's figures.

    The first process takes the warm-up, A, the B rates and the profiled phase; then it is
    stopped and started again on the same database (the restart is timed too), and the
    soak runs on that fresh process, so the soak's memory starts from a process that
    never saw the overload of a phase B.
    """
    token = f"{secrets.randbelow(9 * 10**9) + 10**9}:{secrets.token_urlsafe(27)}"
    secret = secrets.token_hex(24)
    result: dict[str, Any] = {}
    with contextlib.ExitStack() as cleanup:
        # Unwound in reverse: Faro stops before its database is dropped and the fake goes.
        fake = FakeBotApi(token)
        fake.start()
        cleanup.callback(fake.stop)
        pg_url = cleanup.enter_context(postgres_database(args.postgres))
        database_url = pg_url or f"sqlite:///{work / 'bench.db'}"
        env = faro_environment(database_url, token, secret, fake.base_url)
        target = FaroTelegram(secret, fake)
        service, port, start, attempts = start_faro(
            work, env, cleanup, target, fake, examples, "fresh database"
        )
        log(
            f"Faro: first answer {report.fmt(start.first_answer_s)} s after start "
            f"(healthy after {report.fmt(start.healthy_s)} s)"
        )
        current = Current(psutil.Process(service.pid))
        rasa = RasaChildren(service.pid)
        roles: dict[str, Callable[[], list[psutil.Process]]] = {"service": current, "nlu": rasa}
        sampler = new_sampler(roles)
        cleanup.callback(sampler.stop)
        time.sleep(1.0)  # an idle reading after start, before any traffic
        me = psutil.Process()
        cpu_roles = {**roles, "bench": lambda: [me]}
        if pg_url:
            # PostgreSQL's own processes do part of Faro's work: counted apart from "others".
            cpu_roles["postgres"] = PostgresBackends(
                POSTGRES_ADMIN_URL, make_url(pg_url).database or ""
            )
        cpu = CpuWatch(cpu_roles)
        ledger: Ledger | None = Ledger(database_url)
        assert ledger is not None
        cleanup.callback(ledger.close)
        try:
            ledger.backlog()
        except LedgerError as exc:
            log(f"Faro: cannot read its queue ({exc}); pausing between phases instead")
            ledger = None
        profile: dict[str, Any] | None = None

        def driver(client: HttpPool) -> Driver:
            return Driver(target, client, args, examples, sampler, cpu, settle_faro(ledger))

        async def first_process() -> list[Phase]:
            nonlocal profile
            fake.attach(asyncio.get_running_loop())
            client = new_client(port, MAX_IN_FLIGHT, REQUEST_TIMEOUT)
            try:
                phases = await driver(client).standard()
                if args.profile_messages:
                    phase, profile = await profiled(driver(client), service.pid, work)
                    phases.append(phase)
                return phases
            finally:
                await client.close()

        phases = asyncio.run(first_process())
        rest_before_soak = at_rest(sampler, "rest")
        log("Faro: stopping")
        sampler.set_label("stopped")
        service.stop()
        # A second start on the database it left: the usual restart of a deployed service.
        service, port, restart, _ = start_faro(
            work, env, cleanup, target, fake, examples, "restart"
        )
        log(f"Faro: restarted, first answer after {report.fmt(restart.first_answer_s)} s")
        current.process = psutil.Process(service.pid)
        rasa.retarget(service.pid)
        sampler.set_label("restarted")
        time.sleep(1.0)

        async def second_process() -> Phase:
            fake.attach(asyncio.get_running_loop())
            client = new_client(port, MAX_IN_FLIGHT, REQUEST_TIMEOUT)
            try:
                log(
                    f"  soak: {args.soak:,} messages from new people with new words, "
                    f"{args.concurrency} concurrent senders"
                )
                soaker = driver(client)
                return await soaker.closed(
                    "soak",
                    soaker.population("soak", messages_per_person=(1,), invent=True),
                    args.soak,
                    time_limit=max(args.phase_limit, args.soak / 10.0),
                    progress_every=max(1000, args.soak // 10),
                )
            finally:
                await client.close()

        rest_after_soak = None
        if args.soak:
            phases.append(asyncio.run(second_process()))
            rest_after_soak = at_rest(sampler, "rest-after-soak")
        sampler.stop()
        accounts = accounting_for(phases, ledger, fake)
        down = nlu_down_texts()
        for phase in phases:
            figures = report.phase_figures(phase, accounts[phase.name], down)
            figures["rss_peak_mb"] = {
                role: round(sampler.peak([phase.name], role) / MB, 1) for role in roles
            }
            result.setdefault("phases", {})[phase.name] = figures
            if phase.name == "soak":
                result["soak"] = soak_rss(sampler, phase, args.soak_warmup)
                result["soak"]["at_rest_after_mb"] = rest_after_soak
        measured = [p.name for p in phases]
        result["memory"] = {
            role: {
                "idle_mb": round(sampler.peak(["idle"], role) / MB, 1),
                "peak_mb": round(sampler.peak(measured, role) / MB, 1),
            }
            for role in roles
        }
        result["memory"]["service"]["rest_mb"] = rest_before_soak
        result["memory"]["service"]["restarted_idle_mb"] = round(
            sampler.peak(["restarted"], "service") / MB, 1
        )
        result["memory"]["nlu_server_seen"] = rasa.ever_seen
        result["start"] = vars(start)
        result["start_attempts"] = attempts
        result["restart"] = vars(restart)
        result["profile"] = profile
        result["database"] = "postgresql" if pg_url else "sqlite"
        result["replies_checked"] = ledger is not None
        result["fake_api_refused"] = fake.refused_total
        result["sendmessage_calls"] = fake.sent_total
        log("Faro: stopping")
        service.stop()
        return result


async def profiled(driver: Driver, pid: int, work: Path) -> tuple[Phase, dict[str, Any] | None]:
    """A closed loop while py-spy samples the service; its figures are marked as profiled."""
    messages = driver.args.profile_messages
    recordings: dict[str, Recording] = {}
    if py_spy() is None:
        log("  profile: py-spy is not installed; the phase runs without it")
    else:
        for view in ("gil", "active"):
            try:
                recordings[view] = Recording.start(
                    pid,
                    work / f"profile-{view}.txt",
                    work / f"py-spy-{view}.log",
                    gil=view == "gil",
                )
            except (OSError, RuntimeError) as exc:
                log(f"  profile: py-spy did not start ({exc})")
    log(f"  profile: {messages:,} messages, closed loop, py-spy sampling the service")
    await asyncio.sleep(1.0)  # py-spy attaches
    phase = await driver.closed("profile", driver.population("profile"), messages)
    summary: dict[str, Any] = {}
    for view, recording in recordings.items():
        if await asyncio.to_thread(recording.stop):
            summary[view] = summarize(recording.output, pid)
            RESULTS_DIR.mkdir(parents=True, exist_ok=True)
            keep = RESULTS_DIR / f"profile-{view}-latest.txt"
            shutil.copyfile(recording.output, keep)
            summary[view]["raw"] = str(keep.relative_to(ROOT))
        else:
            log(f"  profile: py-spy wrote nothing; see {recording.log}")
    return phase, summary or None


# -- stock Rasa ---------------------------------------------------------------------------------


def prepare_stock(work: Path) -> tuple[stock_rasa.StockProject, Path, bool]:
    """Generate the stock project and train it (or take the cached model)."""
    project = stock_rasa.generate(work)
    if not project.cached_model.exists():
        log(f"stock Rasa: training (once; cached as bench/.cache/{project.cached_model.name})")
    model, cached = stock_rasa.train(project, work / "stock-train.log")
    return project, model, cached


def bench_stock(
    args: argparse.Namespace,
    work: Path,
    examples: Sequence[Any],
    project: stock_rasa.StockProject,
    model: Path,
) -> dict[str, Any]:
    """Start `rasa run` with the REST channel, drive it, stop it; return its figures."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log(f"stock Rasa: starting on 127.0.0.1:{port}")
    server = Child.start(
        "stock Rasa",
        stock_rasa.run_argv(project, model, port, work / "stock-rasa.log"),
        cwd=project.directory,
        env=stock_rasa.rasa_environment(),
        log_path=work / "stock-rasa-console.log",
    )
    sampler: RssSampler | None = None
    try:

        def answers(client: httpx.Client) -> bool:
            response = client.post(
                f"{base_url}/webhooks/rest/webhook",
                json={"sender": "bench-probe", "message": "hola"},
            )
            return response.status_code == 200 and bool(response.json())

        ready_s = wait_until(server, answers, timeout=START_TIMEOUT, what="answering")
        log(f"stock Rasa: answering after {ready_s:.1f} s")
        process = psutil.Process(server.pid)
        roles: dict[str, Callable[[], list[psutil.Process]]] = {
            "stock": lambda: with_descendants(process)
        }
        sampler = new_sampler(roles)
        time.sleep(1.0)
        me = psutil.Process()
        cpu = CpuWatch({**roles, "bench": lambda: [me]})

        def settle() -> tuple[bool, float]:
            time.sleep(STOCK_SETTLE_SECONDS)
            return True, STOCK_SETTLE_SECONDS

        async def drive() -> list[Phase]:
            client = new_client(port, MAX_IN_FLIGHT, REQUEST_TIMEOUT)
            try:
                return await Driver(
                    StockRest(), client, args, examples, sampler, cpu, settle
                ).standard()
            finally:
                await client.close()

        assert sampler is not None
        phases = asyncio.run(drive())
        sampler.stop()
        result: dict[str, Any] = {"phases": {}}
        for phase in phases:
            figures = report.phase_figures(phase, unchecked(phase.run.samples), ())
            figures["rss_peak_mb"] = {"stock": round(sampler.peak([phase.name], "stock") / MB, 1)}
            result["phases"][phase.name] = figures
        result["memory"] = {
            "stock": {
                "idle_mb": round(sampler.peak(["idle"], "stock") / MB, 1),
                "peak_mb": round(sampler.peak([p.name for p in phases], "stock") / MB, 1),
            }
        }
        result["start_s"] = round(ready_s, 1)
        result["languages"] = "answers in Spanish only (content answer.es) whatever the language"
        log("stock Rasa: stopping")
        return result
    finally:
        if sampler is not None:
            sampler.stop()
        server.stop()


# -- main ---------------------------------------------------------------------------------------


def write_results(report_data: dict[str, Any], text: str) -> list[Path]:
    """latest.json and latest.md, and the same under the database's name."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    database = report_data.get("faro", {}).get("database", "unknown")
    payload = json.dumps(report_data, indent=2, ensure_ascii=False) + "\n"
    markdown = report.markdown(report_data, text)
    written = []
    for stem in ("latest", f"latest-{database}"):
        for suffix, content in ((".json", payload), (".md", markdown)):
            path = RESULTS_DIR / f"{stem}{suffix}"
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 when it ran to the end (whatever the figures), 1 otherwise."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _on_sigterm)
    run: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        # The command line as typed, interpreter included (`make bench` types a relative one).
        "command": shlex.join(sys.orig_argv if argv is None else ["webhook_bench.py", *argv]),
        "machine": machine(),
        "load_before": uptime_line(),
        "messages": args.messages,
        "concurrency": args.concurrency,
        "rates": args.rates,
        "duration": args.duration,
        "warmup": args.warmup,
        "soak": args.soak,
        "soak_warmup": args.soak_warmup,
        "profile_messages": args.profile_messages,
        "seed": args.seed,
        "postgres": args.postgres,
        "platform_rate_limits": f"FARO_TELEGRAM_RATE={PLATFORM_RATE} "
        f"FARO_WHATSAPP_RATE={PLATFORM_RATE} (raised: the fake Bot API has no limit)",
    }
    examples = heldout()
    work = Path(tempfile.mkdtemp(prefix="faro-bench-"))
    report_data: dict[str, Any] = {"run": run}
    keep = args.keep_temp
    began = time.monotonic()
    try:
        stock_inputs = None
        if not args.skip_stock:
            # Trained first, while nothing is being measured: training takes every core.
            stock_inputs = prepare_stock(work)
        report_data["faro"] = bench_faro(args, work, examples)
        if stock_inputs is not None:
            project, model, cached = stock_inputs
            stock = bench_stock(args, work, examples, project, model)
            stock["model"] = model.name
            stock["model_cached"] = cached
            report_data["stock"] = stock
    except (KeyboardInterrupt, TerminatedError):
        log("interrupted: every child process was stopped")
        return 130
    except (RuntimeError, OSError, ValueError, subprocess.SubprocessError) as exc:
        log(f"the benchmark could not run: {exc}")
        keep = True  # the children's logs say why
        return 1
    finally:
        run["load_after"] = uptime_line()
        run["wall_s"] = round(time.monotonic() - began, 1)
        if keep:
            log(f"logs and database kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    text = report.render(report_data)
    written = write_results(report_data, text)
    print(text)
    print("\nwritten: " + ", ".join(str(p.relative_to(ROOT)) for p in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
