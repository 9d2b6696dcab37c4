"""The benchmark's traffic: simulated people, their messages, and the two ways of sending.

People are scripted deterministically from a seed, so Faro and the stock Rasa bot get
the same people saying the same things. A person writes in one language (held-out NLU
examples, never seen in training), sends one to three messages one after the other,
and now and then sends something odd (emoji only, nothing, or a 4,500-character text).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import random
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bench.fake_telegram import FakeBotApi
from bench.loopback_http import HttpError, HttpPool

LANGUAGES = ("es", "en", "fr", "ht", "pt")
# About one message in forty is odd: enough to exercise those paths, too few to dominate.
ODD_EVERY = 40
EMOJI_ONLY = ("🙏", "😢😢😢", "👍🏽", "❤️🙏🏾")
LONG_CHARS = 4500
MESSAGES_PER_PERSON = (1, 2, 3)
TELEGRAM_WEBHOOK_PATH = "/webhooks/telegram"
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
REST_WEBHOOK_PATH = "/webhooks/rest/webhook"


class Example(Protocol):
    """What the bench needs of a held-out example (nlu/tools/heldout.py's Example)."""

    @property
    def text(self) -> str:
        """The message."""
        ...

    @property
    def lang(self) -> str:
        """Its language code."""
        ...


@dataclass(slots=True)
class Person:
    """One simulated person: a chat id, a language and the messages they will send."""

    chat_id: int
    lang: str
    texts: list[str]
    kinds: list[str]
    sent: int = 0

    def next_message(self) -> tuple[str, str]:
        """The next (text, kind) this person sends."""
        text, kind = self.texts[self.sent], self.kinds[self.sent]
        self.sent += 1
        return text, kind

    @property
    def has_more(self) -> bool:
        """Whether the script has messages left."""
        return self.sent < len(self.texts)


SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ru",
    "te",
    "ba",
    "zu",
    "ne",
    "fi",
    "go",
    "pa",
    "si",
    "dy",
    "xo",
    "we",
    "vu",
)


class InventedWords:
    """Words nobody wrote before: every call gives a new one (a place, a name, a typo).

    The i-th word spells i in base 16 with one syllable per digit, after a seeded random
    syllable, so no two are the same and a long soak keeps bringing new strings.
    """

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._counter = itertools.count(seed % 4096 * 1_000_000)

    def __call__(self) -> str:
        """A new word."""
        number = next(self._counter)
        digits = []
        for _ in range(6):
            number, digit = divmod(number, len(SYLLABLES))
            digits.append(SYLLABLES[digit])
        return self._rng.choice(SYLLABLES) + "".join(digits)


class Population:
    """An endless, reproducible stream of people with their scripts.

    `messages_per_person` is the choice of script lengths (one to three by default; a
    soak uses one, so every message comes from someone new). With `invent`, every text
    message also carries two invented words, one of them capitalised like a place.
    """

    def __init__(
        self,
        examples: Sequence[Example],
        *,
        seed: int,
        first_chat_id: int,
        messages_per_person: Sequence[int] = MESSAGES_PER_PERSON,
        invent: bool = False,
    ) -> None:
        self._rng = random.Random(seed)
        by_lang: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
        for example in examples:
            if example.lang in by_lang and example.text.strip():
                by_lang[example.lang].append(example.text)
        missing = [lang for lang, texts in by_lang.items() if not texts]
        if missing:
            raise ValueError(f"no held-out examples for {', '.join(missing)}")
        self._long = {lang: _long_text(texts) for lang, texts in by_lang.items()}
        self._pools = {lang: self._shuffled_cycle(texts) for lang, texts in by_lang.items()}
        self._langs = itertools.cycle(LANGUAGES)
        self._odd = itertools.cycle(("emoji", "empty", "long"))
        self._emoji = itertools.cycle(EMOJI_ONLY)
        self._chat_ids = itertools.count(first_chat_id)
        self._messages = 0
        self._lengths = tuple(messages_per_person)
        self._invented = InventedWords(seed) if invent else None

    def _shuffled_cycle(self, texts: list[str]) -> Iterator[str]:
        while True:
            batch = list(texts)
            self._rng.shuffle(batch)
            yield from batch

    def __iter__(self) -> Iterator[Person]:
        return self

    def __next__(self) -> Person:
        lang = next(self._langs)
        count = self._rng.choice(self._lengths)
        texts: list[str] = []
        kinds: list[str] = []
        for _ in range(count):
            self._messages += 1
            if self._messages % ODD_EVERY == 0:
                kind = next(self._odd)
                text = {"emoji": next(self._emoji), "empty": "", "long": self._long[lang]}[kind]
            else:
                kind, text = "text", next(self._pools[lang])
                if self._invented is not None:
                    text = f"{text} {self._invented().capitalize()} {self._invented()}"
            texts.append(text)
            kinds.append(kind)
        return Person(next(self._chat_ids), lang, texts, kinds)


def _long_text(texts: list[str]) -> str:
    """A 4,500-character message made of real sentences in one language."""
    parts: list[str] = []
    length = 0
    for text in itertools.cycle(texts):
        parts.append(text)
        length += len(text) + 2
        if length >= LONG_CHARS:
            break
    return ". ".join(parts)[:LONG_CHARS]


class PersonPool:
    """Hands out who writes next: someone whose last message was answered, else someone new.

    A person never has two messages in flight, as on a phone where one waits for the
    answer: their next message goes only once a reply to the last one arrived. (A turn
    may send several replies; `bench/ledger.py` matches each with its message afterwards.)
    """

    def __init__(self, population: Iterator[Person]) -> None:
        self._population = population
        self._ready: deque[Person] = deque()

    def take(self) -> Person:
        """The person who sends the next message."""
        return self._ready.popleft() if self._ready else next(self._population)

    def settle(self, person: Person, sample: Sample) -> None:
        """Let `person` write again if their message was answered and they have more."""
        if sample.status == 200 and sample.seen_reply is not None and person.has_more:
            self._ready.append(person)


@dataclass(slots=True)
class Sample:
    """One message sent: when, how the webhook answered, and when the reply arrived."""

    chat_id: int
    kind: str
    started: float
    finished: float
    status: int | None  # None: no HTTP answer (timeout, connection error)
    error: str | None = None
    update_id: int | None = None  # Faro: the Telegram update_id (its dedupe key)
    baseline: int = 0  # Faro: sendMessage calls to this chat before this message
    seen_reply: float | None = None  # the first new reply seen while the run went on
    replied_at: float | None = None  # its first reply's arrival, once resolved
    completed_at: float | None = None  # its last reply's arrival (a turn may send several)
    first_reply: str | None = None

    @property
    def latency(self) -> float | None:
        """Seconds from starting to send to the reply, if there was one."""
        return None if self.replied_at is None else self.replied_at - self.started


class Target(Protocol):
    """A bot under test: how to send it one message and how to find its reply."""

    name: str

    async def send(self, client: HttpPool, person: Person, text: str, kind: str) -> Sample:
        """Send one message and return what happened (never raises for HTTP failures)."""
        ...

    async def await_reply(self, sample: Sample, seconds: float) -> None:
        """Wait (up to `seconds`) for the reply to `sample`; set `seen_reply`."""
        ...

    def resolve(self, samples: Sequence[Sample]) -> None:
        """Fill in `replied_at` and `first_reply` for the samples whose reply arrived."""
        ...


class FaroTelegram:
    """Faro through its Telegram webhook; replies are the fake Bot API's sendMessage calls."""

    name = "faro"

    def __init__(self, secret: str, fake: FakeBotApi) -> None:
        self._headers = {TELEGRAM_SECRET_HEADER: secret, "Content-Type": "application/json"}
        self._fake = fake
        # Both unique over the whole run: Faro dedupes on update_id, durably.
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)

    async def send(self, client: HttpPool, person: Person, text: str, kind: str) -> Sample:
        """POST one Telegram update as Telegram would, with the secret header."""
        user = {
            "id": person.chat_id,
            "is_bot": False,
            "first_name": "Bench",
            "language_code": person.lang,
        }
        update_id = next(self._update_ids)
        update = {
            "update_id": update_id,
            "message": {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": person.chat_id, "type": "private", "first_name": "Bench"},
                "from": user,
                "text": text,
            },
        }
        body = json.dumps(update, ensure_ascii=False).encode("utf-8")
        baseline = self._fake.delivered_count(person.chat_id)
        started = time.monotonic()
        try:
            status, _ = await client.post(TELEGRAM_WEBHOOK_PATH, body, self._headers)
        except HttpError as exc:
            return Sample(
                person.chat_id, kind, started, time.monotonic(), None, exc.kind, update_id, baseline
            )
        return Sample(
            person.chat_id, kind, started, time.monotonic(), status, None, update_id, baseline
        )

    async def await_reply(self, sample: Sample, seconds: float) -> None:
        """Wait for the first sendMessage to the chat after this message was sent."""
        if sample.status != 200:
            return
        sample.seen_reply = await self._fake.wait_for(
            sample.chat_id, sample.baseline + 1, max(0.0, seconds)
        )

    def resolve(self, samples: Sequence[Sample]) -> None:
        """Take the first reply seen as the message's reply (`bench/ledger.py` does better).

        When the bench can read Faro's outbox it matches every reply with the message it
        answers instead; this is the fallback when it cannot.
        """
        for sample in samples:
            sample.replied_at = sample.completed_at = sample.seen_reply
            if sample.seen_reply is not None:
                delivered = self._fake.deliveries(sample.chat_id)
                if sample.baseline < len(delivered):
                    sample.first_reply = delivered[sample.baseline].text


class StockRest:
    """A stock Rasa assistant through Rasa's REST channel; the reply is in the response."""

    name = "stock"

    def __init__(self) -> None:
        self._headers = {"Content-Type": "application/json"}

    async def send(self, client: HttpPool, person: Person, text: str, kind: str) -> Sample:
        """POST {"sender", "message"}; a reply is a non-empty list of bot messages."""
        body = json.dumps(
            {"sender": str(person.chat_id), "message": text}, ensure_ascii=False
        ).encode("utf-8")
        started = time.monotonic()
        try:
            status, payload = await client.post(REST_WEBHOOK_PATH, body, self._headers)
        except HttpError as exc:
            return Sample(person.chat_id, kind, started, time.monotonic(), None, exc.kind)
        finished = time.monotonic()
        try:
            replies = json.loads(payload) if status == 200 else None
        except ValueError:
            replies = None
        sample = Sample(person.chat_id, kind, started, finished, status)
        if isinstance(replies, list) and replies and isinstance(replies[0], dict):
            # Rasa answers only once its reply is ready: the response is the reply.
            sample.seen_reply = sample.replied_at = sample.completed_at = finished
            sample.first_reply = str(replies[0].get("text", ""))[:200]
        return sample

    async def await_reply(self, sample: Sample, seconds: float) -> None:
        """Nothing to wait for: the reply came in the HTTP response."""

    def resolve(self, samples: Sequence[Sample]) -> None:
        """Nothing to do: replies were read from the responses."""


@dataclass(slots=True)
class PhaseRun:
    """Everything one phase produced, before any statistics."""

    samples: list[Sample] = field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0
    scheduled: int = 0
    dropped: int = 0  # open loop: not sent because too many were already in flight
    unfinished: int = 0  # sent, but no HTTP answer before the phase's drain deadline
    send_lags: list[float] = field(default_factory=list)  # open loop: start minus schedule


def new_client(port: int, connections: int, timeout: float) -> HttpPool:
    """A client for 127.0.0.1:`port`, with enough connections not to queue requests."""
    return HttpPool("127.0.0.1", port, max_connections=connections, timeout=timeout)


async def closed_loop(
    target: Target,
    population: Iterator[Person],
    *,
    client: HttpPool,
    messages: int,
    concurrency: int,
    time_limit: float,
    reply_timeout: float,
    on_answered: Callable[[int], None] | None = None,
) -> PhaseRun:
    """`concurrency` senders, each sending its next message as soon as the last is answered.

    Answered means the reply arrived (at the fake Bot API for Faro, whose webhook answers
    before it replies; in the HTTP response for stock Rasa), not merely that the webhook
    said 200. `on_answered` is told the running count of answered messages.
    """
    pool = PersonPool(population)
    run = PhaseRun(scheduled=messages)
    remaining = messages
    answered = 0
    deadline = time.monotonic() + time_limit

    async def sender() -> None:
        nonlocal remaining, answered
        while remaining > 0 and time.monotonic() < deadline:
            remaining -= 1
            person = pool.take()
            text, kind = person.next_message()
            sample = await target.send(client, person, text, kind)
            run.samples.append(sample)
            await target.await_reply(sample, min(reply_timeout, deadline - time.monotonic()))
            if sample.seen_reply is not None:
                answered += 1
                if on_answered is not None:
                    on_answered(answered)
            pool.settle(person, sample)

    run.started = time.monotonic()
    # Each request and each wait has its own timeout, so this bound is only a backstop. A
    # task group, unlike gather, cancels and awaits every sender when one fails or on ^C.
    async with asyncio.timeout(time_limit + 120), asyncio.TaskGroup() as senders:
        for _ in range(concurrency):
            senders.create_task(sender())
    run.ended = max((s.seen_reply or s.finished for s in run.samples), default=time.monotonic())
    run.unfinished = messages - remaining - len(run.samples)
    target.resolve(run.samples)
    return run


async def open_loop(
    target: Target,
    population: Iterator[Person],
    *,
    client: HttpPool,
    rate: float,
    duration: float,
    drain: float,
    max_in_flight: int,
) -> PhaseRun:
    """Send at a fixed rate on a schedule, whether or not earlier messages were answered."""
    pool = PersonPool(population)
    total = max(1, int(rate * duration))
    run = PhaseRun(scheduled=total)
    in_flight: set[asyncio.Task[None]] = set()

    async def one(person: Person, text: str, kind: str) -> None:
        sample = await target.send(client, person, text, kind)
        run.samples.append(sample)
        # Every message may take until `drain` s after the last one is due.
        await target.await_reply(sample, last_due + drain - time.monotonic())
        pool.settle(person, sample)

    run.started = time.monotonic() + 0.05
    last_due = run.started + (total - 1) / rate
    for index in range(total):
        due = run.started + index / rate
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        run.send_lags.append(time.monotonic() - due)
        if len(in_flight) >= max_in_flight:
            run.dropped += 1
            continue
        person = pool.take()
        text, kind = person.next_message()
        task = asyncio.create_task(one(person, text, kind))
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)
    if in_flight:
        _done, pending = await asyncio.wait(set(in_flight), timeout=drain + 5)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)
    run.ended = max((s.seen_reply or s.finished for s in run.samples), default=time.monotonic())
    run.unfinished = total - run.dropped - len(run.samples)
    target.resolve(run.samples)
    return run


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (no interpolation: every figure is a real measurement)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]
