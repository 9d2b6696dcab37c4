"""The comparison bot: a stock Rasa assistant on the same topics, over Rasa's REST channel.

Generated at run time under a temporary directory: the same NLU pipeline and training
data as Faro (nlu/config.yml, content/examples/), a RulePolicy mapping every intent to one
response, Spanish answers taken from content/<topic>.yml, and credentials with `rest:`.
The trained model is cached in bench/.cache/ under a hash of everything it is trained
from, so a rerun skips the minutes of training.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
NLU_DIR = ROOT / "nlu"
CONTENT_DIR = ROOT / "content"
EXAMPLES_DIR = CONTENT_DIR / "examples"
RASA_BIN = NLU_DIR / ".venv" / "bin" / "rasa"
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
# Bump when the generated project changes shape in a way the hash cannot see.
PROJECT_FORMAT = "1"
STOCK_LANGUAGE = "es"
TRAIN_TIMEOUT = 1800.0

RASA_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "PYTHONWARNINGS": "ignore",
}

# What the stock bot says for the intents that have no content file. Spanish only: the
# stock bot has no language handling at all (the output says so).
SMALL_TALK_ES = {
    "greet": "Hola. Doy información para personas migrantes. ¿Qué necesita?",
    "goodbye": "Cuídese. Puede escribirme cuando quiera.",
    "thanks": "De nada. Cuídese.",
    "affirm": "De acuerdo. Escriba su pregunta.",
    "deny": "Está bien. Escriba su pregunta con otras palabras.",
    "menu": (
        "Temas: asilo, volver a casa, albergues, salud, niñez, trabajo, documentos, "
        "familia, emergencia, frontera con EE.UU."
    ),
    "change_language": "Este asistente solo responde en español.",
    "out_of_scope": "Perdón, solo puedo ayudar con información para personas migrantes.",
    "talk_to_human": (
        "Puede hablar con el personal de su albergue, de la OIM, de ACNUR o de la Cruz Roja."
    ),
}
FALLBACK_ES = "Perdón, no entendí. Escriba su pregunta con otras palabras."
# The return request has no content file of its own; Faro answers it with the
# voluntary-return information, and so does the stock bot.
ANSWERED_AS = {"voluntary_return_request": "voluntary_return_info"}


def rasa_environment() -> dict[str, str]:
    """The environment Rasa runs with: no telemetry, quiet TensorFlow."""
    env = dict(os.environ)
    env.update(RASA_ENV)
    return env


@dataclass(frozen=True)
class StockProject:
    """A generated Rasa project on disk and the hash of its training inputs."""

    directory: Path
    fingerprint: str

    @property
    def config(self) -> Path:
        """config.yml: Faro's pipeline plus a RulePolicy."""
        return self.directory / "config.yml"

    @property
    def domain(self) -> Path:
        """domain.yml: intents and responses."""
        return self.directory / "domain.yml"

    @property
    def rules(self) -> Path:
        """data/rules.yml: one rule per intent."""
        return self.directory / "data" / "rules.yml"

    @property
    def credentials(self) -> Path:
        """credentials.yml: the REST channel only."""
        return self.directory / "credentials.yml"

    @property
    def cached_model(self) -> Path:
        """Where the trained model for this fingerprint is kept between runs."""
        return CACHE_DIR / f"stock-rasa-{self.fingerprint}.tar.gz"


def intents_in_data(data_dir: Path = EXAMPLES_DIR) -> list[str]:
    """Every intent named in the NLU training data, in first-seen order."""
    seen: dict[str, None] = {}
    for path in sorted(data_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu", []):
            if block.get("intent"):
                seen.setdefault(str(block["intent"]), None)
    return list(seen)


def topic_answer(topic: str, lang: str = STOCK_LANGUAGE) -> str | None:
    """The answer text of content/items/<topic>.yml in `lang`, if the topic has a file."""
    path = CONTENT_DIR / "items" / f"{topic}.yml"
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    answer = (data.get("answer") or {}).get(lang)
    return str(answer).strip() if answer else None


def _fallback_threshold(pipeline: list[dict[str, Any]]) -> float:
    for component in pipeline:
        if component.get("name") == "FallbackClassifier":
            return float(component.get("threshold", 0.3))
    return 0.3


def _dump(path: Path, data: Any) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def generate(directory: Path) -> StockProject:
    """Write the stock project under `directory` and return it with its fingerprint."""
    faro_config = yaml.safe_load((NLU_DIR / "config.yml").read_text(encoding="utf-8"))
    pipeline = list(faro_config["pipeline"])
    threshold = _fallback_threshold(pipeline)
    config = {
        "recipe": faro_config.get("recipe", "default.v1"),
        "language": faro_config.get("language", "xx"),
        "assistant_id": "faro-bench-stock",
        "pipeline": pipeline,
        "policies": [
            {
                "name": "RulePolicy",
                # The same threshold as the FallbackClassifier, as the brief of the
                # comparison asks: a low-confidence action falls back like the NLU does.
                "core_fallback_threshold": threshold,
                "core_fallback_action_name": "action_default_fallback",
                "enable_fallback_prediction": True,
            }
        ],
    }
    intents = intents_in_data()
    responses: dict[str, list[dict[str, str]]] = {}
    for intent in intents:
        text = topic_answer(ANSWERED_AS.get(intent, intent)) or SMALL_TALK_ES.get(intent)
        if text is None:
            raise ValueError(f"the stock bot has nothing to say for the intent {intent!r}")
        responses[f"utter_{intent}"] = [{"text": text}]
    responses["utter_fallback"] = [{"text": FALLBACK_ES}]
    # action_default_fallback (core fallback) utters utter_default.
    responses["utter_default"] = [{"text": FALLBACK_ES}]
    domain = {
        "version": "3.1",
        "intents": intents,
        "responses": responses,
        "session_config": {
            "session_expiration_time": 60,
            "carry_over_slots_to_new_session": True,
        },
    }
    rules = {
        "version": "3.1",
        "rules": [
            {
                "rule": f"answer {intent}",
                "steps": [{"intent": intent}, {"action": f"utter_{intent}"}],
            }
            for intent in intents
        ]
        + [
            {
                "rule": "not understood",
                "steps": [{"intent": "nlu_fallback"}, {"action": "utter_fallback"}],
            }
        ],
    }
    project = directory / "stock-rasa"
    digest = hashlib.sha256(f"format {PROJECT_FORMAT}\n".encode())
    for name, data in (("config.yml", config), ("domain.yml", domain), ("data/rules.yml", rules)):
        digest.update(name.encode())
        digest.update(_dump(project / name, data).encode("utf-8"))
    _dump(project / "credentials.yml", {"rest": None})
    for path in sorted(EXAMPLES_DIR.glob("*.yml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return StockProject(project, digest.hexdigest()[:12])


def train(project: StockProject, log_path: Path) -> tuple[Path, bool]:
    """The trained model, from the cache or trained now; True when it came from the cache."""
    if project.cached_model.exists():
        return project.cached_model, True
    if not RASA_BIN.exists():
        raise RuntimeError(f"Rasa is not installed at {RASA_BIN}; run `make nlu-env` first")
    out = project.directory / "models"
    name = project.cached_model.name.removesuffix(".tar.gz")
    with log_path.open("ab") as console:
        subprocess.run(
            [
                str(RASA_BIN),
                "train",
                "--config",
                str(project.config),
                "--domain",
                str(project.domain),
                "--data",
                str(EXAMPLES_DIR),
                str(project.rules.parent),
                "--out",
                str(out),
                "--fixed-model-name",
                name,
            ],
            check=True,
            cwd=project.directory,
            env=rasa_environment(),
            stdin=subprocess.DEVNULL,
            stdout=console,
            stderr=subprocess.STDOUT,
            timeout=TRAIN_TIMEOUT,
        )
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    # Copied in under a temporary name and renamed: an interrupted copy never poses as
    # a finished model on the next run.
    partial = project.cached_model.with_suffix(".partial")
    shutil.copyfile(out / f"{name}.tar.gz", partial)
    partial.replace(project.cached_model)
    # Models for older inputs are never used again.
    for stale in CACHE_DIR.glob("stock-rasa-*.tar.gz"):
        if stale != project.cached_model:
            stale.unlink(missing_ok=True)
    return project.cached_model, False


def run_argv(project: StockProject, model: Path, port: int, log_file: Path) -> list[str]:
    """`rasa run` on loopback with the REST channel (no HTTP API: none is needed)."""
    return [
        str(RASA_BIN),
        "run",
        "--model",
        str(model),
        "--interface",
        "127.0.0.1",
        "--port",
        str(port),
        "--credentials",
        str(project.credentials),
        "--log-file",
        str(log_file),
    ]
