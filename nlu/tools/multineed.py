"""Several needs in one message, measured: how often the answer and its buttons cover them all.

`nlu/tests/multineed_<lang>.yml` holds messages with two or three needs each ("asilo y
también trabajo en Tijuana"), labelled by a writer who saw none of Faro's training data.
Each goes through Faro's own decision path as the message of a person whose language is
known. A need is covered when Faro answers it, or offers it as a button of the "you also
asked about" reply, or (going home, a person) by their own buttons anywhere in the turn.
The held-out questions with one need (`nlu/tests/heldout_*.yml`) measure the cost: how
often a single question gets buttons for needs it does not hold.

The sets are split in two by position: the even-numbered half chose
`OTHER_NEED_MIN_SCORE` in `bot.core.assistant` (`--tune`), the odd-numbered half is
reported as the test. Writes `nlu/reports/multineed.md` and `multineed.json`.
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import bot.core.assistant as assistant_module  # noqa: E402
from bot.core import phrases  # noqa: E402
from bot.core.assistant import (  # noqa: E402
    PAYLOAD_HUMAN,
    PAYLOAD_REGISTER,
    TOPIC_PREFIX,
    URGENT_PREFIX,
    Assistant,
)
from bot.core.danger import PROTECTIVE_INTENTS  # noqa: E402
from bot.core.i18n import Translator  # noqa: E402
from bot.core.messages import Channel, Incoming, Kind, Turn  # noqa: E402
from bot.nlp.models import ReloadingParser  # noqa: E402
from nlu.tools.heldout import LANGUAGES, heldout  # noqa: E402
from nlu.tools.protective import assistant_for  # noqa: E402

TESTS_DIR = ROOT / "nlu" / "tests"
REPORTS_DIR = ROOT / "nlu" / "reports"
_PEOPLE = itertools.count()
_TRANSLATOR = Translator()


@dataclass(frozen=True)
class MultiNeed:
    """One message and the needs its writer labelled."""

    text: str
    needs: frozenset[str]
    lang: str
    position: int

    @property
    def development(self) -> bool:
        """Whether it belongs to the half that chose the threshold."""
        return self.position % 2 == 0


def multineed_messages(directory: Path = TESTS_DIR) -> list[MultiNeed]:
    """Every labelled multi-need message, in all languages."""
    messages: list[MultiNeed] = []
    for lang in LANGUAGES:
        path = directory / f"multineed_{lang}.yml"
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for i, item in enumerate(data.get("messages") or []):
            messages.append(MultiNeed(str(item["text"]), frozenset(item["needs"]), lang, i))
    return messages


def turn_for(assistant: Assistant, text: str, lang: str) -> Turn:
    """Faro's turn for `text` as the first message of a person who chose `lang`."""
    n = next(_PEOPLE)
    incoming = Incoming(Channel.CLI, f"multi-{n}", f"m-{n}", Kind.TEXT, text=text, lang=lang)
    return assistant.handle(incoming)


def covered(turn: Turn) -> set[str]:
    """The needs a turn answers or offers as a button."""
    found: set[str] = set()
    if turn.intent:
        found.add(turn.intent)
    also = _TRANSLATOR.gettext_for(turn.lang)(phrases.ALSO_ASKED)
    for reply in turn.replies:
        for choice in reply.choices:
            # Registering to go home and a person are buttons of their own wherever they are.
            if choice.id == PAYLOAD_REGISTER:
                found.add("voluntary_return_request")
            if choice.id == PAYLOAD_HUMAN:
                found.add("talk_to_human")
            if reply.text != also:
                continue
            if choice.id.startswith(TOPIC_PREFIX):
                found.add(choice.id.removeprefix(TOPIC_PREFIX))
            elif choice.id == PAYLOAD_HUMAN:
                found.add("talk_to_human")
    return found


def offers_others(turn: Turn) -> bool:
    """Whether the turn carries the "you also asked about" buttons."""
    also = _TRANSLATOR.gettext_for(turn.lang)(phrases.ALSO_ASKED)
    return any(reply.text == also for reply in turn.replies)


def protective_first(turn: Turn) -> bool:
    """Whether the turn's first answer is a protective one, with its urgent button."""
    return turn.intent in PROTECTIVE_INTENTS and any(
        choice.id.startswith(URGENT_PREFIX) for reply in turn.replies for choice in reply.choices
    )


def measure(assistant: Assistant, *, development: bool) -> dict[str, object]:
    """Coverage on one half of the multi-need sets, and extra buttons on single questions."""
    messages = [m for m in multineed_messages() if m.development == development]
    singles = [
        e
        for i, e in enumerate(heldout())
        if (i % 2 == 0) == development and e.intent not in {"nlu_fallback", "out_of_scope"}
    ]
    per_language: dict[str, dict[str, float | int]] = {}
    all_covered = any_extra = needs_total = needs_found = danger_total = danger_first = 0
    misses: list[str] = []
    for lang in LANGUAGES:
        subset = [m for m in messages if m.lang == lang]
        if not subset:
            continue
        full = 0
        for message in subset:
            turn = turn_for(assistant, message.text, lang)
            found = covered(turn) & message.needs
            needs_total += len(message.needs)
            needs_found += len(found)
            if found == message.needs:
                full += 1
            elif len(misses) < 30:
                missing = ", ".join(sorted(message.needs - found))
                misses.append(f"{lang}: {message.text} (missing {missing})")
            if message.needs & PROTECTIVE_INTENTS:
                danger_total += 1
                danger_first += protective_first(turn)
        all_covered += full
        per_language[lang] = {
            "messages": len(subset),
            "all_needs_covered": round(full / len(subset), 3),
        }
    for example in singles:
        any_extra += offers_others(turn_for(assistant, example.text, example.lang))
    return {
        "messages": len(messages),
        "all_needs_covered": round(all_covered / len(messages), 3),
        "needs_covered": round(needs_found / needs_total, 3),
        "danger_answered_first": round(danger_first / danger_total, 3) if danger_total else None,
        "danger_messages": danger_total,
        "per_language": per_language,
        "single_questions": len(singles),
        "single_with_extra_buttons": round(any_extra / len(singles), 3),
        "misses": misses,
    }


def tune(assistant: Assistant) -> list[tuple[float, float, object, object, object]]:
    """(part, whole, all covered, needs covered, single with extras) on the development half."""
    rows = []
    for part in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        for whole in (0.1, 0.2, 0.3, 0.5):
            assistant_module.PART_NEED_MIN_SCORE = part
            assistant_module.OTHER_NEED_MIN_SCORE = whole
            result = measure(assistant, development=True)
            rows.append(
                (
                    part,
                    whole,
                    result["all_needs_covered"],
                    result["needs_covered"],
                    result["single_with_extra_buttons"],
                )
            )
    return rows


def write_report(test: dict[str, object], dev: dict[str, object]) -> Path:
    """Write nlu/reports/multineed.md and multineed.json."""
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    (REPORTS_DIR / "multineed.json").write_text(
        json.dumps({"test": test, "development": dev}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    per_language = test["per_language"]
    assert isinstance(per_language, dict)
    lines = [
        "# Several needs in one message",
        "",
        "Generated by `make nlu-report` (`python -m nlu.tools.multineed`). A message is",
        "covered when Faro answers one of its needs and offers every other as a button.",
        "The even-numbered half chose the threshold; the odd-numbered half below is the test.",
        f"Thresholds: a part's own need from {assistant_module.PART_NEED_MIN_SCORE:.2f}; "
        f"other needs of the whole from {assistant_module.OTHER_NEED_MIN_SCORE:.2f}.",
        "",
        "| language | messages | every need covered |",
        "|---|---|---|",
        *(
            f"| {lang} | {row['messages']} | {row['all_needs_covered']:.3f} |"
            for lang, row in per_language.items()
        ),
        f"| **all** | {test['messages']} | **{test['all_needs_covered']:.3f}** |",
        "",
        f"- Needs covered, one by one: {test['needs_covered']:.3f}.",
        f"- Messages with a danger need answered with the protective answer first: "
        f"{test['danger_answered_first']} of {test['danger_messages']} messages.",
        f"- Single-need held-out questions given buttons for other needs: "
        f"{test['single_with_extra_buttons']:.3f} of {test['single_questions']} questions.",
        "",
        f"Development half: every need covered {dev['all_needs_covered']:.3f}, "
        f"single questions with extras {dev['single_with_extra_buttons']:.3f}.",
        "",
        "Messages not fully covered (test half, first 30):",
        "",
    ]
    misses = test["misses"]
    assert isinstance(misses, list)
    lines += [f"- {miss}" for miss in misses]
    path = REPORTS_DIR / "multineed.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> int:
    """Measure both halves with the live model and write the report (or `--tune`)."""
    from bot.content.files import read_bundle
    from bot.settings import Settings

    library = read_bundle(Settings(_env_file=None).faro_content_dir).library()
    assistant = assistant_for(ReloadingParser.open(), library)
    if "--tune" in sys.argv:
        print("part  whole  every need  needs  single with extras  (development half)")
        for row in tune(assistant):
            print("  ".join(str(value) for value in row))
        return 0
    test = measure(assistant, development=False)
    dev = measure(assistant, development=True)
    path = write_report(test, dev)
    print(json.dumps({k: v for k, v in test.items() if k != "misses"}, indent=1))
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
