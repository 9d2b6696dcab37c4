"""Faro's webhook benchmark: sustained throughput, latency at offered load, peak memory.

Run it with `make bench` or `.venv/bin/python bench/webhook_bench.py [--help]`.

It starts a fake Telegram Bot API in this process, then Faro itself (`python -m bot
serve`, which starts its own Rasa NLU server), and sends it realistic Telegram updates
in five languages: first a closed loop (C senders, N messages) for throughput, then an
open loop at a fixed rate for latency. A reply counts when its sendMessage reaches the
fake. Then it does the same to a stock Rasa assistant on the same topics over Rasa's
REST channel, for comparison. It prints figures and writes them to
bench/results/latest.json; it never fails on a slow result.
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
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Run as a script (`python bench/webhook_bench.py`): make `bench` and `nlu` importable.
    sys.path.insert(0, str(ROOT))

from bench import stock_rasa  # noqa: E402
from bench.fake_telegram import FakeBotApi  # noqa: E402
from bench.procs import (  # noqa: E402
    MB,
    Child,
    ChildExitedError,
    RssSampler,
    cpu_seconds,
    find_rasa_child,
    free_port,
    wait_until,
    with_descendants,
)
from bench.traffic import (  # noqa: E402
    FaroTelegram,
    PhaseRun,
    Population,
    Sample,
    StockRest,
    Target,
    closed_loop,
    new_client,
    open_loop,
    percentile,
)
from nlu.tools.heldout import heldout  # noqa: E402

RESULTS_PATH = ROOT / "bench" / "results" / "latest.json"
SERVICE_PYTHON = ROOT / ".venv" / "bin" / "python"
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"

# Faro's start includes its Rasa server loading a model (about 20 s on a quiet machine).
START_TIMEOUT = 300.0
# Above Faro's worst case for one update (NLU timeout plus up to 30 s of delivery
# retries), so a request without an HTTP answer means a real failure, not a slow reply.
REQUEST_TIMEOUT = 60.0
DRAIN_TIMEOUT = 75.0  # open loop: how long to wait for answers after the last send
MAX_IN_FLIGHT = 2000
START_ATTEMPTS = 3
SETTLE_SECONDS = 2.0  # quiet between phases, so one phase's backlog does not spill over
MACHINE = "machine"  # CpuWatch's key for the whole machine's busy time

# Chat ids per phase: each phase has its own people, so no state carries over.
CHAT_ID_BASE = {"warmup": 1_000_000_000, "A": 2_000_000_000, "B": 3_000_000_000}

TARGETS = {
    "throughput_msgs_per_s": 300.0,
    "p99_ms_at_100_per_s": 100.0,
    "service_rss_mb": 200.0,
    "nlu_rss_mb": 700.0,
}


class TerminatedError(Exception):
    """SIGTERM arrived: unwind through every finally block, like Ctrl-C does."""


def _on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise TerminatedError


# -- command line ---------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The bench's flags."""
    parser = argparse.ArgumentParser(
        prog="bench/webhook_bench.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--messages", type=int, default=3000, help="phase A messages (3000)")
    parser.add_argument("--concurrency", type=int, default=32, help="phase A senders (32)")
    parser.add_argument("--rate", type=float, default=100.0, help="phase B messages/s (100)")
    parser.add_argument("--duration", type=float, default=20.0, help="phase B seconds (20)")
    parser.add_argument("--warmup", type=int, default=50, help="unmeasured messages first (50)")
    parser.add_argument("--skip-stock", action="store_true", help="do not run the stock Rasa bot")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="run Faro on a fresh PostgreSQL database at 127.0.0.1:5432 (created, then dropped)",
    )
    parser.add_argument("--seed", type=int, default=20181123, help="traffic seed")
    parser.add_argument(
        "--phase-limit", type=float, default=600.0, help="phase A gives up after this many s"
    )
    parser.add_argument(
        "--keep-temp", action="store_true", help="keep the temporary directory (logs, database)"
    )
    args = parser.parse_args(argv)
    for name in ("messages", "concurrency", "rate", "duration"):
        if getattr(args, name) <= 0:
            parser.error(f"--{name} must be positive")
    if args.warmup < 0:
        parser.error("--warmup must be zero or more")
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


# -- statistics -----------------------------------------------------------------------------


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def _latency_figures(samples: Sequence[Sample]) -> dict[str, float | None]:
    latencies = [s.latency for s in samples if s.latency is not None]
    # How long the HTTP request itself took: for Faro the webhook answers only once every
    # reply is delivered, so this is longer than the latency to the first reply.
    responses = [s.finished - s.started for s in samples if s.status is not None]
    return {
        "p50_ms": _ms(percentile(latencies, 50)),
        "p90_ms": _ms(percentile(latencies, 90)),
        "p99_ms": _ms(percentile(latencies, 99)),
        "max_ms": _ms(max(latencies) if latencies else None),
        "http_response_p50_ms": _ms(percentile(responses, 50)),
        "http_response_p99_ms": _ms(percentile(responses, 99)),
    }


def _failures(samples: Sequence[Sample]) -> dict[str, Any]:
    http = Counter(str(s.status) for s in samples if s.status is not None and s.status != 200)
    transport = Counter(s.error or "?" for s in samples if s.status is None)
    missing = sum(1 for s in samples if s.status == 200 and s.replied_at is None)
    odd = [s for s in samples if s.kind != "text"]
    return {
        "http_errors": sum(http.values()),
        "http_errors_by_status": dict(http),
        "transport_errors": sum(transport.values()),
        "transport_errors_by_kind": dict(transport),
        "missing_outbound": missing,
        "odd_inputs_sent": len(odd),
        "odd_inputs_answered": sum(1 for s in odd if s.replied_at is not None),
    }


def throughput_figures(run: PhaseRun) -> dict[str, Any]:
    """Phase A: answered messages per second of wall time, and what went wrong."""
    delivered = sum(1 for s in run.samples if s.replied_at is not None)
    wall = max(run.ended - run.started, 1e-9)
    return {
        "messages": run.scheduled,
        "sent": len(run.samples) + run.unfinished,
        "answered": delivered,
        "wall_s": round(wall, 2),
        "msgs_per_s": round(delivered / wall, 1),
        "unfinished": run.unfinished,
        **_failures(run.samples),
        "closed_loop_latency": _latency_figures(run.samples),
    }


def latency_figures(run: PhaseRun, rate: float) -> dict[str, Any]:
    """Phase B: latency percentiles of answered messages, and how many were missed."""
    delivered = sum(1 for s in run.samples if s.replied_at is not None)
    starts = sorted(s.started for s in run.samples)
    span = starts[-1] - starts[0] if len(starts) > 1 else 0.0
    return {
        "offered_rate": rate,
        "scheduled": run.scheduled,
        "sent": run.scheduled - run.dropped,
        "answered": delivered,
        "missed": run.scheduled - delivered,
        **_latency_figures(run.samples),
        "achieved_send_rate": round((len(starts) - 1) / span, 1) if span > 0 else None,
        "send_lag_p99_ms": _ms(percentile(run.send_lags, 99)),
        "send_lag_max_ms": _ms(max(run.send_lags) if run.send_lags else None),
        "dropped_by_bench": run.dropped,
        "unfinished": run.unfinished,
        **_failures(run.samples),
    }


# -- driving one bot ------------------------------------------------------------------------


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
        used = {role: (after[role] - before[role]) / wall for role in after if role != MACHINE}
        others = (after[MACHINE] - before[MACHINE]) / wall - sum(used.values())
        used["others"] = max(0.0, others)
        return {role: round(value, 2) for role, value in used.items()}


def population(args: argparse.Namespace, examples: Sequence[Any], phase: str) -> Population:
    """The people of one phase: the same for every bot, given the seed."""
    offset = {"warmup": 0, "A": 1, "B": 2}[phase]
    return Population(examples, seed=args.seed + offset, first_chat_id=CHAT_ID_BASE[phase])


@dataclass
class Driven:
    """What driving one bot gave: the figures, and the raw runs behind them."""

    figures: dict[str, Any]
    runs: tuple[PhaseRun, PhaseRun]


async def drive(
    target: Target,
    port: int,
    args: argparse.Namespace,
    examples: Sequence[Any],
    sampler: RssSampler,
    cpu: CpuWatch,
) -> Driven:
    """Warm up, then phase A (closed loop) and phase B (open loop) against one bot."""
    connections = max(args.concurrency, MAX_IN_FLIGHT)
    client = new_client(port, connections, REQUEST_TIMEOUT)
    try:
        if args.warmup:
            sampler.set_label("warmup")
            log(f"  warm-up: {args.warmup} messages")
            await closed_loop(
                target,
                population(args, examples, "warmup"),
                client=client,
                messages=args.warmup,
                concurrency=min(args.concurrency, 8),
                time_limit=args.phase_limit,
            )
            await asyncio.sleep(SETTLE_SECONDS)

        log(f"  phase A: {args.messages} messages, {args.concurrency} concurrent senders")
        sampler.set_label("A")
        before, started = cpu.snapshot(), time.monotonic()
        run_a = await closed_loop(
            target,
            population(args, examples, "A"),
            client=client,
            messages=args.messages,
            concurrency=args.concurrency,
            time_limit=args.phase_limit,
        )
        cores_a = CpuWatch.cores(before, cpu.snapshot(), time.monotonic() - started)
        sampler.set_label("settle")
        await asyncio.sleep(SETTLE_SECONDS)

        log(f"  phase B: {args.rate:g} messages/s for {args.duration:g} s (open loop)")
        sampler.set_label("B")
        before, started = cpu.snapshot(), time.monotonic()
        run_b = await open_loop(
            target,
            population(args, examples, "B"),
            client=client,
            rate=args.rate,
            duration=args.duration,
            drain=DRAIN_TIMEOUT,
            max_in_flight=MAX_IN_FLIGHT,
        )
        cores_b = CpuWatch.cores(before, cpu.snapshot(), time.monotonic() - started)
        sampler.set_label("after")
    finally:
        await client.close()

    phase_a = throughput_figures(run_a)
    phase_a["cpu_cores_used"] = cores_a
    phase_b = latency_figures(run_b, args.rate)
    phase_b["cpu_cores_used"] = cores_b
    return Driven({"phase_a": phase_a, "phase_b": phase_b}, (run_a, run_b))


def memory_figures(sampler: RssSampler, roles: Sequence[str]) -> dict[str, Any]:
    """Peak RSS per role: at idle after start, during A, during B, and over A and B."""
    figures: dict[str, Any] = {}
    for role in roles:
        figures[role] = {
            "idle_mb": round(sampler.peak(["idle"], role) / MB, 1),
            "peak_a_mb": round(sampler.peak(["A"], role) / MB, 1),
            "peak_b_mb": round(sampler.peak(["B"], role) / MB, 1),
            "peak_mb": round(sampler.peak(["A", "settle", "B"], role) / MB, 1),
        }
    figures["samples"] = sampler.samples
    return figures


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the report."""
    print(message, file=sys.stderr, flush=True)


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

    That reply means the NLU server did not answer in time: a fast reply that is not an
    answer, which the figures should not hide.
    """
    try:
        from bot.core import phrases
        from bot.core.i18n import Translator
        from bot.core.messages import LANGUAGES
    except ImportError:
        return ()
    translator = Translator()
    return tuple(translator.gettext_for(lang)(phrases.NLU_DOWN)[:60] for lang in LANGUAGES)


def count_nlu_down(runs: Sequence[PhaseRun], texts: Sequence[str]) -> list[int]:
    """Per run, how many first replies were the NLU-unavailable reply."""
    return [
        sum(1 for s in run.samples if s.first_reply and s.first_reply.startswith(tuple(texts)))
        for run in runs
    ]


def start_faro(
    work: Path, env: dict[str, str], cleanup: contextlib.ExitStack
) -> tuple[Child, int, float, int]:
    """Start `python -m bot serve` and wait for /healthz; retry if it dies while starting.

    Faro gives its Rasa server a random token that can begin with "-", which Rasa's
    argument parser then refuses (about one start in 64): a start that dies early is
    tried again rather than ending the benchmark.
    """
    for attempt in range(1, START_ATTEMPTS + 1):
        port = free_port()
        log(f"Faro: starting on 127.0.0.1:{port} (attempt {attempt})")
        # cwd is the temp dir, so a developer's .env (say, with FARO_NLU_URL) is not read.
        service = Child.start(
            "Faro",
            [str(SERVICE_PYTHON), "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=work,
            env=env,
            log_path=work / f"faro-{attempt}.log",
        )
        cleanup.callback(service.stop)
        health_url = f"http://127.0.0.1:{port}/healthz"

        def healthy(client: httpx.Client, url: str = health_url) -> bool:
            return client.get(url).status_code == 200

        try:
            ready_s = wait_until(
                service,
                healthy,
                timeout=START_TIMEOUT,
                what="healthy (GET /healthz == 200)",
            )
        except ChildExitedError as exc:
            if attempt == START_ATTEMPTS:
                raise
            log(f"Faro: start failed ({exc.summary}); trying again")
            service.stop()
            continue
        return service, port, ready_s, attempt
    raise AssertionError("unreachable")


def bench_faro(args: argparse.Namespace, work: Path, examples: Sequence[Any]) -> dict[str, Any]:
    """Start the fake Bot API and Faro, drive them, stop them; return Faro's figures."""
    token = f"{secrets.randbelow(9 * 10**9) + 10**9}:{secrets.token_urlsafe(27)}"
    secret = secrets.token_hex(24)
    with contextlib.ExitStack() as cleanup:
        # Unwound in reverse: Faro stops before its database is dropped and the fake goes.
        fake = FakeBotApi(token)
        fake.start()
        cleanup.callback(fake.stop)
        pg_url = cleanup.enter_context(postgres_database(args.postgres))
        database_url = pg_url or f"sqlite:///{work / 'bench.db'}"
        service, port, ready_s, attempts = start_faro(
            work, faro_environment(database_url, token, secret, fake.base_url), cleanup
        )
        log(f"Faro: healthy after {ready_s:.1f} s")
        service_process = psutil.Process(service.pid)
        rasa = find_rasa_child(service.pid)
        if rasa is None:
            log("Faro: no Rasa child process found; its memory is not measured")
        roles: dict[str, Callable[[], list[psutil.Process]]] = {
            "service": lambda: [service_process],
            "nlu": (lambda: with_descendants(rasa)) if rasa else (lambda: []),
        }
        sampler = RssSampler(roles)
        sampler.start()
        cleanup.callback(sampler.stop)
        time.sleep(1.0)  # an idle reading after start, before any traffic
        me = psutil.Process()
        cpu = CpuWatch({**roles, "bench": lambda: [me]})
        target = FaroTelegram(secret, fake)
        driven = asyncio.run(drive(target, port, args, examples, sampler, cpu))
        sampler.stop()
        result = driven.figures
        down = count_nlu_down(driven.runs, nlu_down_texts())
        result["phase_a"]["nlu_unavailable_replies"] = down[0]
        result["phase_b"]["nlu_unavailable_replies"] = down[1]
        result["memory"] = memory_figures(sampler, ["service", "nlu"])
        result["start_s"] = round(ready_s, 1)
        result["start_attempts"] = attempts
        result["database"] = "postgresql" if pg_url else "sqlite"
        result["fake_api_refused"] = fake.refused_total
        result["sendmessage_calls"] = fake.sent_total
        log("Faro: stopping")
        return result


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
        sampler = RssSampler(roles)
        sampler.start()
        time.sleep(1.0)
        me = psutil.Process()
        cpu = CpuWatch({**roles, "bench": lambda: [me]})
        result = asyncio.run(drive(StockRest(), port, args, examples, sampler, cpu)).figures
        sampler.stop()
        result["memory"] = memory_figures(sampler, ["stock"])
        result["start_s"] = round(ready_s, 1)
        result["languages"] = "answers in Spanish only (content answer.es) whatever the language"
        log("stock Rasa: stopping")
        return result
    finally:
        if sampler is not None:
            sampler.stop()
        server.stop()


# -- report -----------------------------------------------------------------------------------


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        text = f"{value:,.1f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return f"{text}{unit}"


def _pair(first: Any, second: Any, unit: str = "") -> str:
    return f"{_fmt(first)} / {_fmt(second)}{unit}"


def _ratio(faro: Any, stock: Any) -> str:
    if not isinstance(faro, int | float) or not isinstance(stock, int | float) or stock == 0:
        return "n/a"
    return f"{faro / stock:.2f}x"


def _cores(cores: dict[str, float]) -> str:
    return ", ".join(f"{role} {value:.2f}" for role, value in cores.items())


def _table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    for row in rows:
        cells = [
            cell.ljust(width) if index == 0 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _phase_rows(result: dict[str, Any]) -> list[list[str]]:
    a, b = result["phase_a"], result["phase_b"]
    loop = a["closed_loop_latency"]
    rows = [
        ["A  messages sent / answered", _pair(a["sent"], a["answered"])],
        ["A  wall time", _fmt(a["wall_s"], " s")],
        ["A  throughput (answered / wall time)", _fmt(a["msgs_per_s"], " msg/s")],
        ["A  non-200 webhooks", _fmt(a["http_errors"])],
        ["A  no HTTP answer (timeouts, resets)", _fmt(a["transport_errors"])],
        ["A  200 but no reply (missing outbound)", _fmt(a["missing_outbound"])],
        ["A  reply latency p50 / p99 (closed loop)", _pair(loop["p50_ms"], loop["p99_ms"], " ms")],
        ["A  CPU cores used", _cores(a["cpu_cores_used"])],
        [
            "B  scheduled / answered / missed",
            f"{_pair(b['scheduled'], b['answered'])} / {_fmt(b['missed'])}",
        ],
        ["B  achieved send rate", _fmt(b["achieved_send_rate"], " msg/s")],
        ["B  reply latency p50", _fmt(b["p50_ms"], " ms")],
        ["B  reply latency p90", _fmt(b["p90_ms"], " ms")],
        ["B  reply latency p99", _fmt(b["p99_ms"], " ms")],
        ["B  reply latency max", _fmt(b["max_ms"], " ms")],
        [
            "B  HTTP response p50 / p99",
            _pair(b["http_response_p50_ms"], b["http_response_p99_ms"], " ms"),
        ],
        ["B  bench send lag p99 / max", _pair(b["send_lag_p99_ms"], b["send_lag_max_ms"], " ms")],
        ["B  non-200 / no HTTP answer", _pair(b["http_errors"], b["transport_errors"])],
        ["B  CPU cores used", _cores(b["cpu_cores_used"])],
        [
            "odd inputs answered, A and B",
            f"{a['odd_inputs_answered']}/{a['odd_inputs_sent']}, "
            f"{b['odd_inputs_answered']}/{b['odd_inputs_sent']}",
        ],
    ]
    if "nlu_unavailable_replies" in a:
        down = f"{a['nlu_unavailable_replies']}, {b['nlu_unavailable_replies']}"
        rows.append(["'NLU unavailable' replies, A and B", down])
    for role, figures in result["memory"].items():
        if isinstance(figures, dict):
            peaks = f"{figures['idle_mb']} / {figures['peak_a_mb']} / {figures['peak_b_mb']} MB"
            rows.append([f"RSS {role}: idle / peak A / peak B", peaks])
    return rows


def _target_rows(faro: dict[str, Any], rate: float) -> list[list[str]]:
    throughput = faro["phase_a"]["msgs_per_s"]
    p99, missed = faro["phase_b"]["p99_ms"], faro["phase_b"]["missed"]
    service_mb = faro["memory"]["service"]["peak_mb"]
    nlu_mb = faro["memory"]["nlu"]["peak_mb"]
    p99_met = p99 is not None and p99 <= TARGETS["p99_ms_at_100_per_s"] and missed == 0
    checks = [
        (
            "sustained throughput",
            f">= {TARGETS['throughput_msgs_per_s']:.0f} msg/s",
            _fmt(throughput, " msg/s"),
            throughput >= TARGETS["throughput_msgs_per_s"],
        ),
        (
            f"p99 at {rate:g} msg/s, none missed",
            f"<= {TARGETS['p99_ms_at_100_per_s']:.0f} ms",
            _fmt(p99, " ms"),
            p99_met,
        ),
        (
            "service peak RSS",
            f"<= {TARGETS['service_rss_mb']:.0f} MB",
            _fmt(service_mb, " MB"),
            service_mb <= TARGETS["service_rss_mb"],
        ),
        (
            "NLU server peak RSS",
            f"<= {TARGETS['nlu_rss_mb']:.0f} MB",
            _fmt(nlu_mb, " MB"),
            0 < nlu_mb <= TARGETS["nlu_rss_mb"],
        ),
    ]
    return [[name, wanted, got, "met" if met else "NOT met"] for name, wanted, got, met in checks]


def _comparison_rows(faro: dict[str, Any], stock: dict[str, Any], rate: float) -> list[list[str]]:
    fa, sa = faro["phase_a"], stock["phase_a"]
    fb, sb = faro["phase_b"], stock["phase_b"]
    service_mb = faro["memory"]["service"]["peak_mb"]
    nlu_mb = faro["memory"]["nlu"]["peak_mb"]
    faro_mb = round(service_mb + nlu_mb, 1)
    stock_mb = stock["memory"]["stock"]["peak_mb"]
    return [
        [
            "messages/s sustained (A)",
            _fmt(fa["msgs_per_s"]),
            _fmt(sa["msgs_per_s"]),
            _ratio(fa["msgs_per_s"], sa["msgs_per_s"]),
        ],
        [
            f"p50 ms at {rate:g} msg/s (B)",
            _fmt(fb["p50_ms"]),
            _fmt(sb["p50_ms"]),
            _ratio(fb["p50_ms"], sb["p50_ms"]),
        ],
        [
            f"p99 ms at {rate:g} msg/s (B)",
            _fmt(fb["p99_ms"]),
            _fmt(sb["p99_ms"]),
            _ratio(fb["p99_ms"], sb["p99_ms"]),
        ],
        ["missed at that rate (B)", _fmt(fb["missed"]), _fmt(sb["missed"]), ""],
        [
            "peak RSS MB, all its processes",
            _fmt(faro_mb),
            _fmt(stock_mb),
            _ratio(faro_mb, stock_mb),
        ],
        ["  Faro service process", _fmt(service_mb), "", ""],
        ["  Faro NLU server process", _fmt(nlu_mb), "", _ratio(nlu_mb, stock_mb)],
    ]


def render(report: dict[str, Any]) -> str:
    """The plain-text report."""
    run = report["run"]
    box = run["machine"]
    lines = [
        "Faro webhook benchmark",
        "======================",
        f"date       {run['date']}",
        f"commit     {run['commit']}",
        f"command    {run['command']}",
        f"machine    {box['nproc']} CPUs ({box['cpu_model']}), {box['memory_mb']:,} MB RAM",
        f"load       before: {run['load_before']}",
        f"           after:  {run['load_after']}",
        f"settings   A: {run['messages']} messages, {run['concurrency']} concurrent senders "
        f"(closed loop); B: {run['rate']:g} msg/s for {run['duration']:g} s (open loop); "
        f"warm-up {run['warmup']}",
        "",
        "Reply latency runs from the client starting to send a message to the fake Bot API",
        "receiving the first sendMessage for that chat (Faro), or to the HTTP response that",
        "carries the reply (stock Rasa). It includes the bench's own overhead; the bench, the",
        "fake Bot API and the bots share this machine's CPUs.",
        "",
    ]
    faro = report["faro"]
    lines += [
        f"Faro: Telegram webhook, {faro['database']}, its own Rasa NLU server; "
        f"healthy {faro['start_s']} s after start",
        "",
        _table(_phase_rows(faro), ["figure", "value"]),
        "",
        "Faro against the targets",
        "",
        _table(_target_rows(faro, run["rate"]), ["target", "wanted", "measured", ""]),
    ]
    if run["rate"] != 100:
        lines.append(f"(the latency target is for 100 msg/s; this run offered {run['rate']:g})")
    stock = report.get("stock")
    if stock:
        source = "from bench/.cache" if stock["model_cached"] else "trained for this run"
        lines += [
            "",
            f"Stock Rasa: REST channel, RulePolicy, same pipeline and data; {stock['languages']};",
            f"model {stock['model']} ({source}); answering {stock['start_s']} s after start",
            "",
            _table(_phase_rows(stock), ["figure", "value"]),
            "",
            "Faro vs stock Rasa",
            "",
            _table(
                _comparison_rows(faro, stock, run["rate"]),
                ["figure", "Faro", "stock Rasa", "Faro / stock"],
            ),
            "",
            "Not like for like: Faro stores every message durably (dedupe and conversation",
            "state in its database), identifies the language, answers in five languages and",
            "delivers through the Bot API before it acknowledges; the stock bot keeps its",
            "trackers in memory and answers in Spanish inside its HTTP response.",
        ]
    elif report.get("stock_skipped"):
        lines += ["", "Stock Rasa: skipped (--skip-stock)"]
    lines += ["", f"JSON: {report['json_path']}"]
    return "\n".join(lines)


# -- main ---------------------------------------------------------------------------------------


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
        "rate": args.rate,
        "duration": args.duration,
        "warmup": args.warmup,
        "seed": args.seed,
        "postgres": args.postgres,
    }
    examples = heldout()
    work = Path(tempfile.mkdtemp(prefix="faro-bench-"))
    report: dict[str, Any] = {"run": run, "json_path": str(RESULTS_PATH.relative_to(ROOT))}
    keep = args.keep_temp
    try:
        stock_inputs = None
        if not args.skip_stock:
            # Trained first, while nothing is being measured: training takes every core.
            stock_inputs = prepare_stock(work)
        report["faro"] = bench_faro(args, work, examples)
        if stock_inputs is not None:
            project, model, cached = stock_inputs
            stock = bench_stock(args, work, examples, project, model)
            stock["model"] = model.name
            stock["model_cached"] = cached
            report["stock"] = stock
        else:
            report["stock_skipped"] = True
    except (KeyboardInterrupt, TerminatedError):
        log("interrupted: every child process was stopped")
        return 130
    except (RuntimeError, OSError, ValueError, subprocess.SubprocessError) as exc:
        log(f"the benchmark could not run: {exc}")
        keep = True  # the children's logs say why
        return 1
    finally:
        run["load_after"] = uptime_line()
        if keep:
            log(f"logs and database kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(render(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
