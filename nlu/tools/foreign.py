"""Languages Faro does not speak, measured: how often such a message gets the language choice.

`nlu/tests/foreign/<code>.yml` holds messages in the other languages of people on these
routes (Arabic, K'iche', Mam, Vietnamese, Wolof, Russian, Hindi, Chinese), from a writer
who saw none of Faro's training data. Each is sent through Faro's own decision path as
the first message of a new person, and as a message of a person who already chose
Spanish; a success is the language choice (every option a language), never an answer
guessed in a wrong language. The held-out questions in Faro's five languages
(`nlu/tests/heldout_*.yml`) and the final danger set measure the opposite error: a
message in one of the five taken for a foreign one.

The sets are split in two by position: the even-numbered half chose the thresholds in
`bot.nlp.langid` (`--tune`), the odd-numbered half is reported as the test. Writes
`nlu/reports/foreign.md` and `foreign.json`.
"""

from __future__ import annotations

import collections
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.content.gate import FINAL_PROTECTIVE_SET  # noqa: E402
from bot.core import phrases  # noqa: E402
from bot.core.assistant import LANG_PREFIX, Assistant  # noqa: E402
from bot.core.i18n import Translator  # noqa: E402
from bot.core.messages import Channel, Incoming, Kind, Turn  # noqa: E402
from bot.nlp.langid import LanguageClassifier, foreign_letter_share  # noqa: E402
from bot.nlp.models import ReloadingParser  # noqa: E402
from nlu.tools.heldout import Example, heldout  # noqa: E402
from nlu.tools.protective import assistant_for, danger_set  # noqa: E402

FOREIGN_DIR = ROOT / "nlu" / "tests" / "foreign"
REPORTS_DIR = ROOT / "nlu" / "reports"
_PEOPLE = itertools.count()
_TRANSLATOR = Translator()


@dataclass(frozen=True)
class Message:
    """One message of a measurement set, with its language and its place in the file."""

    text: str
    lang: str
    position: int

    @property
    def development(self) -> bool:
        """Whether it belongs to the half that chose the thresholds."""
        return self.position % 2 == 0


def foreign_messages(directory: Path = FOREIGN_DIR) -> list[Message]:
    """Every message of the foreign-language sets."""
    messages: list[Message] = []
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lang = str(data["language"])
        messages.extend(
            Message(str(text), lang, i) for i, text in enumerate(data.get("examples") or [])
        )
    return messages


def our_messages() -> list[Message]:
    """Held-out questions and danger messages in Faro's own five languages."""
    examples: list[Example] = [*heldout(), *danger_set(FINAL_PROTECTIVE_SET)]
    positions: collections.Counter[str] = collections.Counter()
    messages = []
    for example in examples:
        messages.append(Message(example.text, example.lang, positions[example.lang]))
        positions[example.lang] += 1
    return messages


def is_language_choice(turn: Turn) -> bool:
    """Whether the turn's last reply asks the person to choose a language, and only that."""
    if not turn.replies:
        return False
    options = turn.replies[-1].options
    return bool(options) and all(option.id.startswith(LANG_PREFIX) for option in options)


def told_not_spoken(turn: Turn) -> bool:
    """Whether Faro told the person it did not recognise the language of their message."""
    said = _TRANSLATOR.gettext_for(turn.lang)(phrases.LANGUAGE_NOT_SPOKEN)
    return any(reply.text == said for reply in turn.replies)


def first_message(assistant: Assistant, message: Message, *, known: str | None) -> Turn:
    """Faro's turn for `message` from a new person, or from one who chose `known` before."""
    n = next(_PEOPLE)
    user = f"foreign-{n}"
    if known is not None:
        assistant.handle(
            Incoming(Channel.CLI, user, f"m-{n}-0", Kind.BUTTON, payload=f"{LANG_PREFIX}{known}")
        )
    return assistant.handle(Incoming(Channel.CLI, user, f"m-{n}-1", Kind.TEXT, text=message.text))


def measure(assistant: Assistant, *, development: bool) -> dict[str, object]:
    """The rates on one half: foreign messages given the choice, ours taken for foreign."""
    foreign = [m for m in foreign_messages() if m.development == development]
    ours = [m for m in our_messages() if m.development == development]
    per_language: dict[str, dict[str, float | int]] = {}
    for lang in sorted({m.lang for m in foreign}):
        subset = [m for m in foreign if m.lang == lang]
        new = sum(is_language_choice(first_message(assistant, m, known=None)) for m in subset)
        known = sum(is_language_choice(first_message(assistant, m, known="es")) for m in subset)
        per_language[lang] = {
            "messages": len(subset),
            "new_person": round(new / len(subset), 3),
            "known_person": round(known / len(subset), 3),
        }
    new_total = sum(
        is_language_choice(first_message(assistant, m, known=None)) for m in foreign
    ) / len(foreign)
    known_total = sum(
        is_language_choice(first_message(assistant, m, known="es")) for m in foreign
    ) / len(foreign)
    refused = [m for m in ours if told_not_spoken(first_message(assistant, m, known=m.lang))]
    # A new person writing in one of the five may be asked their language when the words
    # do not tell (short, shared words): a question, not a refusal, but a step more.
    asked = [m for m in ours if is_language_choice(first_message(assistant, m, known=None))]
    return {
        "foreign_messages": len(foreign),
        "foreign_new_person": round(new_total, 3),
        "foreign_known_person": round(known_total, 3),
        "per_language": per_language,
        "our_messages": len(ours),
        "ours_taken_for_foreign": round(len(refused) / len(ours), 4),
        "ours_taken_for_foreign_examples": [f"{m.lang}: {m.text}" for m in refused][:20],
        "ours_new_person_asked_language": round(len(asked) / len(ours), 4),
    }


def tune(classifier: LanguageClassifier) -> list[tuple[float, float, float, float]]:
    """(foreign letters, known words, foreign rejected, ours rejected) on the development half."""
    foreign = [m for m in foreign_messages() if m.development]
    ours = [m for m in our_messages() if m.development]
    rows = []
    for letters in (0.1, 0.2, 0.3, 0.5):
        for known in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):

            def rejected(text: str, letters: float = letters, known: float = known) -> bool:
                share = classifier.known_word_share(text)
                return foreign_letter_share(text) >= letters or (
                    share is not None and share < known
                )

            rows.append(
                (
                    letters,
                    known,
                    sum(rejected(m.text) for m in foreign) / len(foreign),
                    sum(rejected(m.text) for m in ours) / len(ours),
                )
            )
    return rows


def write_report(test: dict[str, object], dev: dict[str, object]) -> Path:
    """Write nlu/reports/foreign.md and foreign.json."""
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    (REPORTS_DIR / "foreign.json").write_text(
        json.dumps({"test": test, "development": dev}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    lines = [
        "# Languages Faro does not speak",
        "",
        "Generated by `make nlu-report` (`python -m nlu.tools.foreign`). A success is the",
        "language choice in all five languages; anything else is an answer guessed in a",
        "language the person may not read. The even-numbered half of each set chose the",
        "thresholds in `bot/nlp/langid.py`; the odd-numbered half below is the test.",
        "",
        "| language | messages | new person | person who chose Spanish before |",
        "|---|---|---|---|",
    ]
    per_language = test["per_language"]
    assert isinstance(per_language, dict)
    for lang, row in per_language.items():
        lines.append(
            f"| {lang} | {row['messages']} | {row['new_person']:.3f} | {row['known_person']:.3f} |"
        )
    lines += [
        f"| **all** | {test['foreign_messages']} | **{test['foreign_new_person']:.3f}** "
        f"| **{test['foreign_known_person']:.3f}** |",
        "",
        f"Messages in Faro's five languages taken for foreign (test half, "
        f"{test['our_messages']} held-out questions and danger messages, from a person "
        f"whose language is known, told the language was not recognised): "
        f"**{test['ours_taken_for_foreign']:.4f}**. The same messages as a new person's "
        f"first: asked to choose a language (the words did not tell, or it was asked "
        f"for) {test['ours_new_person_asked_language']:.4f}.",
        "",
        f"Development half: foreign {dev['foreign_new_person']:.3f} (new person), "
        f"{dev['foreign_known_person']:.3f} (known person); ours taken for foreign "
        f"{dev['ours_taken_for_foreign']:.4f}.",
        "",
    ]
    examples = test["ours_taken_for_foreign_examples"]
    assert isinstance(examples, list)
    if examples:
        lines += ["Ours taken for foreign:", "", *(f"- {e}" for e in examples), ""]
    path = REPORTS_DIR / "foreign.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> int:
    """Measure both halves with the live model and write the report."""
    from bot.content.files import read_bundle
    from bot.nlp.models import ReloadingLanguageIdentifier
    from bot.settings import Settings

    if "--tune" in sys.argv:
        identifier = ReloadingLanguageIdentifier.open()
        path = identifier.model_path
        assert path is not None
        print("foreign letters, known words, foreign rejected, ours rejected (development)")
        for letters, known, foreign, ours in tune(LanguageClassifier.load(path)):
            print(f"{letters:.1f}  {known:.1f}  {foreign:.3f}  {ours:.4f}")
        return 0
    library = read_bundle(Settings(_env_file=None).faro_content_dir).library()
    assistant = assistant_for(ReloadingParser.open(), library)
    test = measure(assistant, development=False)
    dev = measure(assistant, development=True)
    path = write_report(test, dev)
    print(json.dumps({"test": {k: v for k, v in test.items() if "examples" not in k}}, indent=1))
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
