"""Fuzzing the webhooks and the web chat with valid signatures, on SQLite and PostgreSQL.

Real-shaped samples (the channel tests' Telegram and WhatsApp samples, the web chat's
posts) carry planted personal data: a phone number, a name, a message text, and the
WhatsApp verify token. Each is mutated (keys dropped or duplicated, wrong types, huge or
negative numbers, deep nesting, odd Unicode with lone surrogates and NUL, huge strings
within the body cap, arrays where objects belong, broken bytes), signed or sent with the
secret as the platform would, and posted to the real app on a loopback uvicorn server.

Every answer must be below 500 and complete, and no log record of any logger, captured
at DEBUG, may hold a planted string. The pipeline must still answer every message it
stored.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import random
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from bot.cli import configure_logging
from bot.service import Service
from bot.storage.models import InboundEvent, OutboxMessage
from bot.web.app import create_app
from tests.channels.test_telegram import SAMPLES as TELEGRAM_SAMPLES
from tests.channels.test_whatsapp import (
    APP_SECRET,
    PHONE_NUMBER_ID,
    WA_BUTTON_REPLY_MESSAGE,
    WA_STATUS,
    WA_STATUS_FAILED,
    WA_TEXT,
    sign,
)
from tests.channels.test_whatsapp import TOKEN as WA_TOKEN
from tests.conftest import ServiceFactory
from tests.fakes.loopback import LoopbackServer
from tests.fakes.telegram_gate import GatedBotApi
from tests.fakes.whatsapp_api import FakeGraphApi

SEED = 20261130
CASES = 2000  # per target
TIME_BUDGET = 40.0  # seconds of fuzzing per target at most; the count is reported
CONCURRENCY = 8

TG_TOKEN = "123456789:AAFaroFuzzTestToken_abcdefghijklmnopq"
TG_SECRET = "fuzz-webhook-secret-0123456789abcdef"
VERIFY_TOKEN = "faro-verify-Q7xZ93kPwv"

# Planted personal data: none of these may reach a log record.
PHONE = "5215512349876"
FIRST_NAME, LAST_NAME = "Xiomara", "Quintanilla"
SECRET_TEXT = "mi hermana Zuleima sigue en Tapachula con los niños"
PLANTED = {
    "phone": PHONE[-10:],
    "first name": FIRST_NAME,
    "last name": LAST_NAME,
    "message text": "Zuleima",
    "verify token": VERIFY_TOKEN,
}

CANARY = "bot.fuzz_canary"
MiB = 1024 * 1024
WEBHOOK_CAP = MiB
WEB_CHAT_CAP = 40 * 1024


# -- samples -------------------------------------------------------------------------------------


def telegram_samples() -> list[dict[str, Any]]:
    """The channel tests' Telegram samples, with the planted person, and a few more kinds."""
    samples = [copy.deepcopy(sample) for sample in TELEGRAM_SAMPLES.values()]
    person = {
        "id": 424242,
        "is_bot": False,
        "first_name": FIRST_NAME,
        "last_name": LAST_NAME,
        "username": f"{FIRST_NAME}{LAST_NAME}",
        "language_code": "es",
    }
    chat = {"id": 424242, "type": "private", "first_name": FIRST_NAME, "last_name": LAST_NAME}
    base = {"message_id": 1365, "date": 1441645532, "chat": chat, "from": person}
    samples += [
        {"update_id": 1, "message": {**base, "text": SECRET_TEXT}},
        {"update_id": 1, "message": {**base, "text": f"/start {SECRET_TEXT}"}},
        {"update_id": 1, "edited_message": {**base, "text": SECRET_TEXT, "edit_date": 1441646600}},
        {
            "update_id": 1,
            "message": {
                **base,
                "contact": {"phone_number": f"+{PHONE}", "first_name": FIRST_NAME},
            },
        },
        {
            "update_id": 1,
            "message": {
                **base,
                "photo": [{"file_id": "AgAC", "file_unique_id": "AQAD", "width": 9, "height": 9}],
                "caption": SECRET_TEXT,
            },
        },
        {
            "update_id": 1,
            "callback_query": {
                "id": "4382bfdwdsb323b2d9",
                "from": person,
                "chat_instance": "-1234567",
                "data": "topic:shelter",
                "message": {**base, "from": {"id": 7, "is_bot": True, "first_name": "Faro"}},
            },
        },
        {
            "update_id": 1,
            "message": {**base, "chat": {**chat, "type": "group"}, "text": SECRET_TEXT},
        },
    ]
    for sample in samples:
        for key in ("message", "edited_message"):
            if isinstance(sample.get(key), dict) and isinstance(sample[key].get("from"), dict):
                sample[key]["from"].setdefault("is_bot", False)
    return samples


def whatsapp_samples() -> list[dict[str, Any]]:
    """The channel tests' WhatsApp samples, from the planted person."""
    text = copy.deepcopy(WA_TEXT)
    value = text["entry"][0]["changes"][0]["value"]
    value["contacts"] = [{"profile": {"name": f"{FIRST_NAME} {LAST_NAME}"}, "wa_id": PHONE}]
    value["messages"][0].update({"from": PHONE, "text": {"body": SECRET_TEXT}})
    button = copy.deepcopy(text)
    button_message = copy.deepcopy(WA_BUTTON_REPLY_MESSAGE)
    button_message["from"] = PHONE
    button["entry"][0]["changes"][0]["value"]["messages"] = [button_message]
    location = copy.deepcopy(text)
    location["entry"][0]["changes"][0]["value"]["messages"] = [
        {
            "from": PHONE,
            "id": "wamid.X",
            "timestamp": "1",
            "type": "location",
            "location": {"latitude": 14.9, "longitude": -92.2, "name": SECRET_TEXT},
        }
    ]
    contacts = copy.deepcopy(text)
    contacts["entry"][0]["changes"][0]["value"]["messages"] = [
        {
            "from": PHONE,
            "id": "wamid.Y",
            "timestamp": "1",
            "type": "contacts",
            "contacts": [
                {
                    "name": {"formatted_name": f"{FIRST_NAME} {LAST_NAME}"},
                    "phones": [{"phone": f"+{PHONE}", "wa_id": PHONE}],
                }
            ],
        }
    ]
    statuses = []
    for sample in (WA_STATUS, WA_STATUS_FAILED):
        status = copy.deepcopy(sample)
        status["entry"][0]["changes"][0]["value"]["statuses"][0]["recipient_id"] = PHONE
        statuses.append(status)
    return [text, button, location, contacts, *statuses]


def web_samples() -> list[dict[str, Any]]:
    """What the chat page posts."""
    return [
        {"text": SECRET_TEXT},
        {"text": SECRET_TEXT, "lang": "es"},
        {"message_id": uuid.uuid4().hex, "text": f"{FIRST_NAME} {LAST_NAME} +{PHONE}"},
        {"payload": "topic:shelter"},
        {"payload": "lang:ht", "lang": "ht"},
    ]


# -- mutations -----------------------------------------------------------------------------------


class DuplicateKeys(list[tuple[str, Any]]):
    """An object written with a key twice (JSON allows it; parsers keep the last)."""


@dataclass(frozen=True)
class RawToken:
    """A JSON token written as is (numbers beyond float, NaN, Infinity)."""

    text: str


ODD_STRINGS: tuple[str, ...] = (
    "\ud800",  # a lone high surrogate: half an emoji
    "hola \udfff mundo",
    f"{SECRET_TEXT}\ud83d",
    "\x00",
    f"a\x00{SECRET_TEXT}",
    "\u202e\u202d\u200f\u200e",
    "\u200d" * 50,
    "👩\u200d👩\u200d👧\u200d👦" * 20,
    "e\u0301" * 500,
    "\ufeff/start",
    "/menu@FaroBot extra",
    "/",
    "",
    " ",
    "\n" * 300,
    "𝕏" * 1000,
    "\U0010ffff\U000e0001",
    "<script>alert(1)</script>",
    "%s %d %(x)s {0} {}",
    "\\u0000",
    "null",
    "NaN",
    SECRET_TEXT,
    f"{FIRST_NAME} {LAST_NAME}",
    PHONE,
    VERIFY_TOKEN,
)
NUMBERS: tuple[Any, ...] = (
    0,
    -1,
    -(2**31),
    2**31,
    2**53 + 1,
    2**63,
    -(2**63) - 1,
    2**64,
    10**30,
    -(10**30),
    1.5,
    -0.0,
    1e308,
    RawToken("1e400"),
    RawToken("-1e400"),
    RawToken("NaN"),
    RawToken("Infinity"),
    RawToken("-Infinity"),
    RawToken("1" * 5000),
    True,
    False,
)
OTHER_VALUES: tuple[Any, ...] = (None, [], {}, [None], [[]], {"": ""}, [1, "a", None], "x", 1)


class Mutator:
    """Seeded mutations of JSON-shaped samples, each with a short description."""

    def __init__(self, rng: random.Random, body_cap: int) -> None:
        self.rng = rng
        self.body_cap = body_cap

    def mutate(self, sample: Any) -> tuple[bytes, str]:
        """One mutated body (raw bytes) and what was done to it."""
        value = copy.deepcopy(sample)
        done: list[str] = []
        if self.rng.random() < 0.1:
            return self.encode(value), "unmutated"
        for _ in range(self.rng.choice((1, 1, 2, 3))):
            value, what = self._once(value)
            done.append(what)
        raw = self.encode(value)
        if self.rng.random() < 0.05:
            raw, what = self._break_bytes(raw)
            done.append(what)
        return raw, "+".join(done)

    def _once(self, root: Any) -> tuple[Any, str]:
        paths = list(_paths(root))
        path = self.rng.choice(paths)
        node = _get(root, path)
        op = self.rng.choice(
            (
                "drop",
                "drop",
                "duplicate_key",
                "wrong_type",
                "wrong_type",
                "number",
                "odd_string",
                "odd_string",
                "huge_string",
                "deep",
                "array_for_object",
                "object_for_array",
                "root",
            )
        )
        if op == "root":
            replacement = self.rng.choice(([], [root], "update", 42, None, {"": root}))
            return replacement, "root"
        if op == "drop" and path:
            return _drop(root, path), "drop"
        if op == "duplicate_key" and path and isinstance(_get(root, path[:-1]), dict):
            parent = _get(root, path[:-1])
            key = path[-1]
            pairs = DuplicateKeys(list(parent.items()))
            pairs.append((str(key), self._scalar()))
            if self.rng.random() < 0.5:
                pairs.reverse()
            return _set(root, path[:-1], pairs), "duplicate_key"
        if op == "number":
            return _set(root, path, self.rng.choice(NUMBERS)), "number"
        if op == "odd_string":
            return _set(root, path, self.rng.choice(ODD_STRINGS)), "odd_string"
        if op == "huge_string":
            size = self.rng.choice((5_000, 70_000, self.body_cap - 4096, self.body_cap + 10))
            char = self.rng.choice(("a", "é", "💥", "\ud800", " "))
            # The cap counts bytes of the JSON text: an escaped character takes several.
            width = len(json.dumps(char)) - 2
            return _set(root, path, char * max(1, size // width)), "huge_string"
        if op == "deep":
            # Written as text: deeper than any recursive encoder (or parser) goes.
            depth = self.rng.choice((30, 200, 1100, 20_000))
            opening = [self.rng.choice(("[", '{"a":')) for _ in range(depth)]
            closing = "".join("]" if item == "[" else "}" for item in reversed(opening))
            inner = _encode(node, ascii_only=True) if depth < 500 else "1"
            return _set(root, path, RawToken("".join(opening) + inner + closing)), f"deep{depth}"
        if op == "array_for_object" and isinstance(node, dict):
            return _set(root, path, self.rng.choice(([node], list(node.values()), []))), (
                "array_for_object"
            )
        if op == "object_for_array" and type(node) is list:  # not a DuplicateKeys
            return _set(root, path, {str(i): v for i, v in enumerate(node)}), "object_for_array"
        return _set(root, path, self._scalar()), "wrong_type"

    def _scalar(self) -> Any:
        pool = self.rng.choice((NUMBERS, ODD_STRINGS, OTHER_VALUES))
        return copy.deepcopy(self.rng.choice(pool))  # never share a list or dict

    def _break_bytes(self, raw: bytes) -> tuple[bytes, str]:
        choice = self.rng.randrange(4)
        if choice == 0 and raw:
            cut = self.rng.randrange(len(raw))
            return raw[:cut], "truncated"
        if choice == 1:
            at = self.rng.randrange(len(raw) + 1)
            return raw[:at] + b"\xff\xfe\xc3" + raw[at:], "invalid_utf8"
        if choice == 2:
            return b"\xef\xbb\xbf" + raw, "bom"
        return raw.replace(b'"', b"'", 3), "single_quotes"

    def encode(self, value: Any) -> bytes:
        """JSON text of `value`; lone surrogates are written as escapes, as JSON allows."""
        return _encode(value, ascii_only=self.rng.random() < 0.5).encode("utf-8", "surrogatepass")


def _encode(value: Any, *, ascii_only: bool) -> str:
    if isinstance(value, RawToken):
        return value.text
    if isinstance(value, DuplicateKeys):
        items = ",".join(
            f"{json.dumps(key, ensure_ascii=True)}:{_encode(item, ascii_only=ascii_only)}"
            for key, item in value
        )
        return "{" + items + "}"
    if isinstance(value, dict):
        return _encode(
            DuplicateKeys([(str(k), v) for k, v in value.items()]), ascii_only=ascii_only
        )
    if isinstance(value, list):
        return "[" + ",".join(_encode(item, ascii_only=ascii_only) for item in value) + "]"
    if isinstance(value, tuple):
        return _encode(list(value), ascii_only=ascii_only)
    if isinstance(value, str):
        # A lone surrogate cannot be written as UTF-8, only as an escape.
        has_surrogate = any("\ud800" <= ch <= "\udfff" for ch in value)
        return json.dumps(value, ensure_ascii=ascii_only or has_surrogate)
    return json.dumps(value)


def _paths(root: Any) -> Iterator[tuple[Any, ...]]:
    stack: list[tuple[tuple[Any, ...], Any]] = [((), root)]
    while stack:
        path, node = stack.pop()
        yield path
        if len(path) > 12 or isinstance(node, DuplicateKeys | RawToken):
            continue  # replaced whole, never entered
        if isinstance(node, dict):
            stack.extend(((*path, key), child) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, index), child) for index, child in enumerate(node))


def _get(root: Any, path: tuple[Any, ...]) -> Any:
    node = root
    for part in path:
        node = node[part]
    return node


def _set(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = _get(root, path[:-1])
    parent[path[-1]] = value
    return root


def _drop(root: Any, path: tuple[Any, ...]) -> Any:
    parent = _get(root, path[:-1])
    del parent[path[-1]]
    return root


# -- log capture ---------------------------------------------------------------------------------


class CaptureAll(logging.Handler):
    """Keeps every record, formatted with its traceback, from any thread."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        """Format and keep the record (a record that cannot be formatted is kept raw)."""
        try:
            line = self.format(record)
        except Exception:  # a bad record is still evidence
            line = f"{record.name} {record.levelname} {record.msg!r} {record.args!r}"
        self.lines.append(line)


@contextmanager
def every_logger_at_debug() -> Iterator[CaptureAll]:
    """Capture every logger, also those that do not propagate, with the service at DEBUG.

    The service's own logging setup (`configure_logging`, as `serve` runs it) is applied,
    then the root and all of Faro's loggers go to DEBUG, as in a debugging deployment, and
    uvicorn's access log is on (`serve --access-log`). Loggers a library or that setup pins
    quieter keep their level: forcing SQLAlchemy's to DEBUG would echo every SQL statement
    with its parameters, which the service never does.
    """
    handler = CaptureAll()
    root = logging.getLogger()
    every = [root] + [
        item
        for item in logging.root.manager.loggerDict.values()
        if isinstance(item, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.disabled) for logger in every]
    configure_logging()
    root.setLevel(logging.DEBUG)
    for logger in every:
        logger.disabled = False
        if logger.name == "bot" or logger.name.startswith(("bot.", "tests.")):
            logger.setLevel(logging.DEBUG)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    # Every record ends at a logger that does not propagate (or the root): there the
    # capture replaces the usual handlers, so the test's own output stays readable.
    ends = [root] + [
        item
        for item in logging.root.manager.loggerDict.values()
        if isinstance(item, logging.Logger) and not item.propagate
    ]
    handlers = {logger: list(logger.handlers) for logger in ends}
    for logger in ends:
        logger.handlers = [handler]
    try:
        yield handler
    finally:
        for logger, previous in handlers.items():
            logger.handlers = previous
        for logger, level, disabled in saved:
            logger.setLevel(level)
            logger.disabled = disabled


def leaks(lines: list[str]) -> dict[str, list[str]]:
    """The log lines holding each planted string."""
    found: dict[str, list[str]] = {}
    for what, planted in PLANTED.items():
        hits = [line for line in lines if planted in line]
        if hits:
            found[what] = hits
    return found


# -- the harness ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One fuzzed request."""

    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    params: list[tuple[str, str | int | float | bool | None]] | None = None
    what: str = ""


@dataclass
class Outcome:
    """What the fuzzing of one target saw."""

    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    echoes: list[str] = field(default_factory=list)
    sent: int = 0
    seconds: float = 0.0


@pytest.fixture(scope="module")
def fuzz_bot_api() -> Iterator[GatedBotApi]:
    """A fake Bot API for the replies to fuzzed Telegram messages."""
    api = GatedBotApi(TG_TOKEN)
    api.start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def fuzz_graph_api() -> Iterator[FakeGraphApi]:
    """A fake Graph API for the replies to fuzzed WhatsApp messages."""
    api = FakeGraphApi(token=WA_TOKEN, phone_number_id=PHONE_NUMBER_ID)
    api.start()
    yield api
    api.stop()


@pytest.fixture
def fuzz_service(
    make_service: ServiceFactory,
    database_url: str,
    fuzz_bot_api: GatedBotApi,
    fuzz_graph_api: FakeGraphApi,
) -> Service:
    """The whole service, every channel on, limits high enough not to hide the fuzzing."""
    fuzz_bot_api.reset()
    fuzz_graph_api.reset()
    return make_service(
        database_url=database_url,
        TELEGRAM_BOT_TOKEN=TG_TOKEN,
        TELEGRAM_WEBHOOK_SECRET=TG_SECRET,
        TELEGRAM_API_BASE_URL=fuzz_bot_api.base_url,
        WHATSAPP_TOKEN=WA_TOKEN,
        WHATSAPP_APP_SECRET=APP_SECRET,
        WHATSAPP_VERIFY_TOKEN=VERIFY_TOKEN,
        WHATSAPP_PHONE_NUMBER_ID=PHONE_NUMBER_ID,
        WHATSAPP_API_BASE_URL=fuzz_graph_api.base_url,
        FARO_TELEGRAM_RATE=1000.0,
        FARO_WHATSAPP_RATE=1000.0,
        FARO_OUTBOUND_TIMEOUT=5.0,
        FARO_WEB_RATE_SESSION="1000000/minute",
        FARO_WEB_RATE_ADDRESS="1000000/minute",
    )


async def fuzz(service: Service, cases: list[Case]) -> tuple[Outcome, list[str]]:
    """Serve the app on loopback, send `cases` within the time budget, settle, return logs."""
    server = LoopbackServer(create_app(service), lifespan="on", name="Faro under fuzzing")
    outcome = Outcome()
    with every_logger_at_debug() as captured:
        logging.getLogger(CANARY).debug("a Faro logger at DEBUG reaches the capture")
        server.start()
        try:
            started = time.monotonic()
            queue = list(reversed(cases))
            limits = httpx.Limits(max_connections=CONCURRENCY)
            async with httpx.AsyncClient(
                base_url=server.url, timeout=30.0, limits=limits
            ) as client:

                async def worker() -> None:
                    while queue and time.monotonic() - started < TIME_BUDGET:
                        case = queue.pop()
                        await _send(client, case, outcome)

                await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
                outcome.seconds = time.monotonic() - started
                health = await client.get("/healthz")
                assert health.status_code == 200, "the service is unhealthy after the fuzzing"
            await _settle(service, 60.0)
        finally:
            server.stop()
    return outcome, list(captured.lines)


async def _send(client: httpx.AsyncClient, case: Case, outcome: Outcome) -> None:
    outcome.sent += 1
    try:
        response = await client.request(
            case.method, case.path, content=case.body, headers=case.headers, params=case.params
        )
    except httpx.HTTPError as exc:
        outcome.failures.append(f"{case.what}: no answer ({type(exc).__name__})")
        return
    outcome.statuses[response.status_code] += 1
    if response.status_code >= 500:
        outcome.failures.append(f"{case.what}: {response.status_code} {response.text[:200]!r}")
    # A refusal names what is wrong, never what was sent (a 202 may give the page back the
    # id it chose for its own message).
    if response.status_code >= 400 and any(
        planted in response.text for planted in (SECRET_TEXT[:20], FIRST_NAME, PHONE)
    ):
        outcome.echoes.append(f"{case.what}: {response.status_code} echoes the input")


async def _settle(service: Service, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with service.sessions() as session:
            pending = session.execute(
                select(func.count()).select_from(InboundEvent).where(InboundEvent.status != "done")
            ).scalar_one()
        if pending == 0:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{pending} stored messages were not turned within {seconds:.0f} s")


def _unanswered(service: Service) -> int:
    with service.sessions() as session:
        answered = select(OutboxMessage.event_id).where(OutboxMessage.event_id.is_not(None))
        return int(
            session.execute(
                select(func.count())
                .select_from(InboundEvent)
                .where(InboundEvent.id.not_in(answered))
            ).scalar_one()
        )


def _report(target: str, database_url: str, outcome: Outcome, service: Service) -> None:
    with service.sessions() as session:
        stored = session.execute(select(func.count()).select_from(InboundEvent)).scalar_one()
    print(
        f"\n[fuzz {target}] {database_url.split(':')[0]}: {outcome.sent} requests in "
        f"{outcome.seconds:.1f} s, statuses {dict(sorted(outcome.statuses.items()))}, "
        f"{stored} messages stored"
    )


def _check(target: str, outcome: Outcome, lines: list[str], service: Service) -> None:
    problems: list[str] = []
    if outcome.sent < min(CASES, 1000):
        problems.append(f"only {outcome.sent} requests in the time budget")
    if outcome.failures:
        kinds = Counter(failure.split(": ", 1)[1][:3] for failure in outcome.failures)
        problems.append(
            f"{len(outcome.failures)} of {outcome.sent} {target} requests got a 5xx or no "
            f"answer ({dict(kinds)}), e.g. {outcome.failures[:5]}"
        )
    # The capture must see what a deployment logs, or finding nothing would mean nothing.
    for source in ("uvicorn.access ", f"{CANARY} DEBUG"):
        if not any(line.startswith(source) for line in lines):
            problems.append(f"no {source.strip()} record was captured")
    for what, hits in leaks(lines).items():
        problems.append(f"the {what} is in {len(hits)} log records, e.g. {hits[0][:400]!r}")
    if outcome.echoes:
        problems.append(f"{len(outcome.echoes)} refusals echo the input: {outcome.echoes[:3]}")
    unanswered = _unanswered(service)
    if unanswered:
        problems.append(f"{unanswered} stored messages got no reply")
    assert not problems, "\n".join(problems)


# -- the targets ---------------------------------------------------------------------------------


def telegram_cases(rng: random.Random) -> list[Case]:
    """Mutated Telegram updates with the right secret."""
    mutator = Mutator(rng, WEBHOOK_CAP)
    samples = telegram_samples()
    cases = []
    for _ in range(CASES):
        sample = copy.deepcopy(rng.choice(samples))
        sample["update_id"] = rng.randrange(1, 2**31)
        body, what = mutator.mutate(sample)
        headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
        cases.append(Case("POST", "/webhooks/telegram", body, headers, what=f"telegram {what}"))
    return cases


def whatsapp_cases(rng: random.Random) -> list[Case]:
    """Mutated WhatsApp notifications with valid signatures, and mutated verifications."""
    mutator = Mutator(rng, WEBHOOK_CAP)
    samples = whatsapp_samples()
    cases = []
    for _ in range(CASES):
        if rng.random() < 0.1:
            cases.append(_verification_case(rng))
            continue
        sample = copy.deepcopy(rng.choice(samples))
        for message in sample["entry"][0]["changes"][0]["value"].get("messages", []):
            message["id"] = f"wamid.FUZZ{uuid.UUID(int=rng.getrandbits(128)).hex}"
        body, what = mutator.mutate(sample)
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}
        cases.append(Case("POST", "/webhooks/whatsapp", body, headers, what=f"whatsapp {what}"))
    return cases


def _verification_case(rng: random.Random) -> Case:
    params: list[tuple[str, str | int | float | bool | None]] = [
        ("hub.mode", rng.choice(("subscribe", "unsubscribe", "", "subscribe\x00"))),
        ("hub.verify_token", rng.choice((VERIFY_TOKEN, VERIFY_TOKEN + "x", "", "tøken"))),
        ("hub.challenge", rng.choice(("1158201444", "", "é" * 500, "<b>x</b>", "\u202e1"))),
    ]
    if rng.random() < 0.3:
        params.append(("hub.verify_token", VERIFY_TOKEN))  # the parameter twice
    if rng.random() < 0.3:
        params.pop(rng.randrange(len(params)))
    return Case("GET", "/webhooks/whatsapp", params=params, what="whatsapp verification")


def web_cases(rng: random.Random) -> list[Case]:
    """Mutated web chat posts (with and without a session), and odd reply fetches."""
    mutator = Mutator(rng, WEB_CHAT_CAP)
    samples = web_samples()
    cases = []
    sessions = [f"faro_session={'AB'[n % 2] * 43}" for n in range(2)]
    odd_cookies = ["", "faro_session=short", "faro_session=" + "A" * 42 + "!", "x=y"]
    for n in range(CASES):
        cookie = rng.choice((*sessions, *odd_cookies))
        headers = {"Content-Type": "application/json"}
        if cookie:
            headers["Cookie"] = cookie
        if rng.random() < 0.1:
            after = rng.choice(("0", "-1", "99999999999999999999", "x", "1e3", str(n)))
            wait = rng.choice(("0", "0", "-1", "nan", "inf", "1e400", "x", "0.01"))
            params: list[tuple[str, str | int | float | bool | None]] = [
                ("after", after),
                ("wait", wait),
            ]
            cases.append(Case("GET", "/chat/replies", None, headers, params, what="web replies"))
            continue
        sample = copy.deepcopy(rng.choice(samples))
        sample["message_id"] = uuid.UUID(int=rng.getrandbits(128)).hex
        body, what = mutator.mutate(sample)
        cases.append(Case("POST", "/chat/messages", body, headers, what=f"web {what}"))
    return cases


TARGETS: dict[str, Callable[[random.Random], list[Case]]] = {
    "telegram": telegram_cases,
    "whatsapp": whatsapp_cases,
    "web": web_cases,
}


@pytest.mark.parametrize("target", sorted(TARGETS))
async def test_fuzzing_gives_no_5xx_and_no_personal_data_in_any_log(
    fuzz_service: Service, database_url: str, target: str
) -> None:
    cases = TARGETS[target](random.Random(f"{SEED}-{target}"))
    outcome, lines = await fuzz(fuzz_service, cases)
    _report(target, database_url, outcome, fuzz_service)
    _check(target, outcome, lines, fuzz_service)
