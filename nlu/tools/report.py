"""`make nlu-report`: evaluate the model on the held-out set with `rasa test nlu`.

Writes nlu/reports/report.md and report.json: intent accuracy per language, a
confusion table, and the accuracy of Faro's language identification per language on
held-out messages of three words or more. Exits 1 when a language is under 0.85.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.nlp.langid import LanguageClassifier  # noqa: E402
from bot.nlp.rasa import NLU_DIR, RASA_BIN, rasa_environment, train  # noqa: E402
from nlu.tools.heldout import LANGUAGES, Example, heldout  # noqa: E402

REPORTS_DIR = NLU_DIR / "reports"
RESULTS_DIR = NLU_DIR / "results"
MIN_ACCURACY = 0.85
MIN_WORDS_FOR_LANGID = 3


def run_rasa_test(model: Path) -> dict[str, str]:
    """Run `rasa test nlu` on the held-out files; return text -> predicted intent."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            str(RASA_BIN),
            "test",
            "nlu",
            "--nlu",
            str(NLU_DIR / "tests"),
            "--model",
            str(model),
            "--out",
            str(RESULTS_DIR),
            "--successes",
        ],
        check=True,
        cwd=NLU_DIR,
        env=rasa_environment(),
    )
    predictions: dict[str, str] = {}
    for name in ("intent_successes.json", "intent_errors.json"):
        path = RESULTS_DIR / name
        if path.exists():
            for row in json.loads(path.read_text(encoding="utf-8")):
                predicted = (row.get("intent_prediction") or {}).get("name") or "None"
                predictions[row["text"]] = predicted
    return predictions


def evaluate(examples: list[Example], predictions: dict[str, str]) -> dict[str, object]:
    """Per-language accuracy, confusion counts and language-id accuracy."""
    correct: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    confusion: collections.Counter[tuple[str, str]] = collections.Counter()
    missing = 0
    for example in examples:
        predicted = predictions.get(example.text)
        if predicted is None:
            missing += 1
            predicted = "None"
        total[example.lang] += 1
        correct[example.lang] += predicted == example.intent
        confusion[(example.intent, predicted)] += 1

    identifier = LanguageClassifier.load_or_train()
    lang_correct: collections.Counter[str] = collections.Counter()
    lang_total: collections.Counter[str] = collections.Counter()
    lang_errors = []
    for example in examples:
        if len(example.text.split()) < MIN_WORDS_FOR_LANGID:
            continue
        guess = identifier.identify(example.text)
        lang_total[example.lang] += 1
        if guess is not None and guess.lang == example.lang:
            lang_correct[example.lang] += 1
        else:
            lang_errors.append({"lang": example.lang, "guess": guess.lang if guess else None})
    return {
        "intent_accuracy": {
            lang: round(correct[lang] / total[lang], 4) for lang in LANGUAGES if total[lang]
        },
        "intent_counts": {lang: [correct[lang], total[lang]] for lang in LANGUAGES},
        "overall_accuracy": round(sum(correct.values()) / max(1, sum(total.values())), 4),
        "examples": sum(total.values()),
        "unmatched_predictions": missing,
        "confusion": sorted(
            ([gold, pred, n] for (gold, pred), n in confusion.items() if gold != pred),
            key=lambda row: (-int(row[2]), str(row[0])),
        ),
        "language_id_accuracy": {
            lang: round(lang_correct[lang] / lang_total[lang], 4)
            for lang in LANGUAGES
            if lang_total[lang]
        },
        "language_id_counts": {lang: [lang_correct[lang], lang_total[lang]] for lang in LANGUAGES},
    }


def write_markdown(result: dict[str, object], model: Path, seconds: float) -> str:
    """The human-readable report."""
    accuracy = result["intent_accuracy"]
    counts = result["intent_counts"]
    lang_accuracy = result["language_id_accuracy"]
    lang_counts = result["language_id_counts"]
    assert isinstance(accuracy, dict) and isinstance(counts, dict)
    assert isinstance(lang_accuracy, dict) and isinstance(lang_counts, dict)
    lines = [
        "# Faro NLU: held-out evaluation",
        "",
        f"Model `{model.name}`, evaluated with `rasa test nlu` on `nlu/tests/` "
        f"({result['examples']} messages never used for training) in {seconds:.0f} s.",
        "Regenerate with `make nlu-report`.",
        "",
        "| language | intent accuracy | correct / total "
        "| language id (3+ words) | correct / total |",
        "|---|---|---|---|---|",
    ]
    for lang in LANGUAGES:
        if lang in accuracy:
            c, t = counts[lang]
            lc, lt = lang_counts[lang]
            lines.append(
                f"| {lang} | {accuracy[lang]:.3f} | {c} / {t} | "
                f"{lang_accuracy.get(lang, 0):.3f} | {lc} / {lt} |"
            )
    lines += [
        "",
        f"Overall intent accuracy: {result['overall_accuracy']:.3f}. "
        f"Pass mark per language: {MIN_ACCURACY}.",
        "",
        "## Confusions (gold intent → predicted, count)",
        "",
        "| gold | predicted | count |",
        "|---|---|---|",
    ]
    confusion = result["confusion"]
    assert isinstance(confusion, list)
    lines += [f"| {gold} | {pred} | {n} |" for gold, pred, n in confusion]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Train if needed, evaluate, write the reports; 1 when a language is below the mark."""
    model = train()
    started = time.monotonic()
    predictions = run_rasa_test(model)
    seconds = time.monotonic() - started
    result = evaluate(heldout(), predictions)
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    (REPORTS_DIR / "report.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (REPORTS_DIR / "report.md").write_text(write_markdown(result, model, seconds), encoding="utf-8")
    print((REPORTS_DIR / "report.md").read_text(encoding="utf-8"))
    accuracy = result["intent_accuracy"]
    assert isinstance(accuracy, dict)
    failing = [lang for lang, value in accuracy.items() if value < MIN_ACCURACY]
    if failing:
        print(f"Below {MIN_ACCURACY}: {', '.join(failing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
