"""Claim next under load: claims per second with concurrent caseworkers.

Run it with `.venv/bin/python bench/claims.py [--help]`. By default it fills a fresh
PostgreSQL database (127.0.0.1:5432, user postgres; created for the run, dropped after)
with 5,000 waiting requests, and lets 1, 4 and 16 claimers empty the queue through
`CaseDesk.claim_next`, the desk's and the API's own path: one transaction per claim that
picks the oldest waiting request of the highest priority with FOR UPDATE SKIP LOCKED,
makes it a lease, appends the history line and the audit line. Each claimer is a thread
with its own engine, like its own service process. `--sqlite` measures SQLite instead
(BEGIN IMMEDIATE: claimers take turns). It prints claims per second and the latency of
one claim, writes bench/results/claims-latest.json, and never fails on a slow figure
(exit 0 when it ran to the end, 1 when it could not run, 130 when interrupted).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import secrets
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from bot.core.effects import IntakeRecord
from bot.core.i18n import Translator
from bot.handoff.lifecycle import Priority, RequestKind, new_ref
from bot.handoff.service import CaseDesk
from bot.pipeline.database import Database
from bot.storage import accounts
from bot.storage import requests as queries
from bot.storage.accounts import Role
from bot.storage.database import make_engine, make_sessionmaker, upgrade
from bot.storage.models import HandoffRequest, RequestEvent, StaffUser
from bot.storage.repository import ensure_person
from bot.storage.secrets import DataCipher, new_data_key, parse_data_key

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
RESULTS = ROOT / "bench" / "results"
PRIORITIES = (Priority.NORMAL, Priority.NORMAL, Priority.HIGH, Priority.URGENT)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000, help="requests per round")
    parser.add_argument(
        "--claimers",
        default="1,4,16",
        help="comma-separated numbers of concurrent claimers, one round each",
    )
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    return parser.parse_args(argv)


def log(message: str) -> None:
    """A progress line on stderr."""
    print(f"[claims] {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def database(sqlite: bool) -> Iterator[str]:
    """A fresh database for the run, removed afterwards."""
    if sqlite:
        with tempfile.TemporaryDirectory(prefix="faro-claims-") as work:
            yield f"sqlite:///{work}/claims.db"
        return
    import psycopg

    name = f"faro_bench_claims_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_URL.format(name=name)
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(url: str, cipher: DataCipher, count: int) -> None:
    """`count` new requests of mixed priorities, with a name to seal like real ones."""
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine).begin() as session:
            person_id = ensure_person(session=session, channel="web", channel_user_id="bench")
            for index in range(count):
                queries.create_request(
                    session=session,
                    cipher=cipher,
                    ref=new_ref(),
                    kind=RequestKind.RETURN,
                    priority=PRIORITIES[index % len(PRIORITIES)],
                    person_id=person_id,
                    lang="es",
                    channel="web",
                    intake=IntakeRecord(name=f"Persona {index}", country="HN", city="tijuana"),
                )
    finally:
        engine.dispose()


def staff(url: str, count: int) -> list[StaffUser]:
    """`count` caseworker accounts."""
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine).begin() as session:
            return [
                accounts.create_user(
                    session=session,
                    email=f"bench{n}-{secrets.token_hex(3)}@faro.example",
                    role=Role.CASEWORKER,
                    password=secrets.token_urlsafe(16),
                )
                for n in range(count)
            ]
    finally:
        engine.dispose()


def run_round(url: str, cipher: DataCipher, claimers: int, count: int) -> dict[str, Any]:
    """Fill the queue, let `claimers` threads empty it, and measure."""
    fill(url, cipher, count)
    users = staff(url, claimers)
    translator = Translator()
    engines = [make_engine(url) for _ in range(claimers)]
    desks = [
        CaseDesk(
            Database(make_sessionmaker(engine)),
            cipher,
            translator,
            lease=dt.timedelta(minutes=30),
        )
        for engine in engines
    ]
    for desk, user in zip(desks, users, strict=True):
        # Connect and warm each engine before the clock starts.
        desk.queue(user, queries.QueueFilter(status="closed"))
    latencies: list[list[float]] = [[] for _ in range(claimers)]
    got = [0] * claimers
    errors: list[BaseException] = []
    start = threading.Barrier(claimers + 1)

    def claim(index: int) -> None:
        try:
            start.wait()
            desk, user, spent = desks[index], users[index], latencies[index]
            while True:
                began = time.perf_counter()
                view = desk.claim_next(user)
                spent.append(time.perf_counter() - began)
                if view is None:
                    return
                got[index] += 1
        except BaseException as exc:  # reported after the round
            errors.append(exc)

    threads = [threading.Thread(target=claim, args=(n,), daemon=True) for n in range(claimers)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    for engine in engines:
        engine.dispose()
    if errors:
        raise RuntimeError(f"a claimer failed: {errors[0]!r}")
    claimed = sum(got)
    check = verify(url)
    every = sorted(value for values in latencies for value in values)
    return {
        "claimers": claimers,
        "requests": count,
        "claimed": claimed,
        "wall_s": round(wall, 3),
        "claims_per_s": round(claimed / wall, 1),
        "latency_ms": {
            "p50": round(1000 * percentile(every, 50), 2),
            "p95": round(1000 * percentile(every, 95), 2),
            "p99": round(1000 * percentile(every, 99), 2),
            "mean": round(1000 * statistics.fmean(every), 2),
        },
        "per_claimer": got,
        **check,
    }


def verify(url: str) -> dict[str, Any]:
    """Every request claimed exactly once (then closed, so the next round starts empty)."""
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine).begin() as session:
            waiting = session.execute(
                select(func.count()).where(HandoffRequest.status == "new")
            ).scalar_one()
            twice = session.execute(
                select(func.count()).select_from(
                    select(RequestEvent.request_id)
                    .where(RequestEvent.action == "claimed")
                    .group_by(RequestEvent.request_id)
                    .having(func.count() > 1)
                    .subquery()
                )
            ).scalar_one()
            session.execute(
                update(HandoffRequest)
                .where(HandoffRequest.status == "claimed")
                .values(status="closed")
            )
    finally:
        engine.dispose()
    return {"left_waiting": int(waiting), "claimed_twice": int(twice)}


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank) of sorted values."""
    if not values:
        return 0.0
    rank = max(0, min(len(values) - 1, round(p / 100 * len(values)) - 1))
    return values[rank]


def main(argv: Sequence[str] | None = None) -> int:
    """Run every round and print the figures."""
    args = parse_args(argv)
    try:
        rounds = [int(part) for part in args.claimers.split(",") if part.strip()]
    except ValueError:
        log("--claimers takes numbers, comma-separated")
        return 1
    cipher = DataCipher(parse_data_key(new_data_key()))
    results: list[dict[str, Any]] = []
    backend = "sqlite" if args.sqlite else "postgresql"
    try:
        with database(args.sqlite) as url:
            upgrade(url)
            for claimers in rounds:
                log(f"{backend}: {args.requests} requests, {claimers} claimers")
                results.append(run_round(url, cipher, claimers, args.requests))
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except Exception as exc:  # the figures are not worth a traceback; say why it stopped
        log(f"the benchmark could not run: {type(exc).__name__}: {exc}")
        return 1
    print(f"\nClaim next on {backend} ({platform.node()}, {os.cpu_count()} CPUs)")
    print(f"{'claimers':>8} {'claims/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  check")
    for row in results:
        ok = row["claimed"] == row["requests"] and not row["left_waiting"]
        ok = ok and not row["claimed_twice"]
        latency = row["latency_ms"]
        print(
            f"{row['claimers']:>8} {row['claims_per_s']:>9} {latency['p50']:>8} "
            f"{latency['p95']:>8} {latency['p99']:>8}  "
            + ("each request once" if ok else f"MISMATCH {row}")
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": backend,
        "cpus": os.cpu_count(),
        "rounds": results,
    }
    target = RESULTS / f"claims-latest-{backend}.json"
    target.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    log(f"written to {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
