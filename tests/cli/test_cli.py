"""The command line: `ask` (the evaluation contract), `content validate`, `db upgrade`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import PROJECT_ROOT
from bot.core.content import ANSWER_TOPICS
from bot.core.messages import LANGUAGES
from bot.nlp.rasa import RasaServer

CONTRACT_KEYS = {"text", "lang", "intent", "confidence", "entities", "reply", "buttons"}


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=PROJECT_ROOT,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def cli_env(nlu_server: RasaServer, tmp_path: Path) -> dict[str, str]:
    return {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "FARO_NLU_URL": nlu_server.url,
        "FARO_NLU_TOKEN": nlu_server.token,
    }


@pytest.mark.rasa
def test_ask_one_message_prints_the_contract(cli_env: dict[str, str]) -> None:
    result = run_cli("ask", "donde puedo dormir en tijuana", "--json", env=cli_env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == CONTRACT_KEYS
    assert answer["lang"] == "es"
    assert answer["intent"] == "shelter"
    assert 0.5 <= answer["confidence"] <= 1.0
    assert {"entity": "city", "value": "tijuana", "text": "tijuana"} in answer["entities"]
    assert "Tijuana" in answer["reply"]
    assert {"id": "menu", "title": "Menú"} in answer["buttons"]


@pytest.mark.rasa
def test_ask_reads_stdin_one_json_per_line_in_every_language(cli_env: dict[str, str]) -> None:
    lines = [
        "necesito un doctor",
        "i want to ask for asylum in mexico",
        "je veux rentrer chez moi",
        "kote m ka dòmi aswè a",
        "preciso de trabalho",
        "",
        "😀😀😀",
        "x" * 5000,
    ]
    result = run_cli("ask", "--json", env=cli_env, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(lines)
    assert all(set(a) == CONTRACT_KEYS and a["reply"] for a in answers)
    assert [a["lang"] for a in answers[:5]] == ["es", "en", "fr", "ht", "pt"]
    assert [a["intent"] for a in answers[:5]] == [
        "health",
        "asylum",
        "voluntary_return_request",
        "shelter",
        "work",
    ]
    assert all(a["lang"] in LANGUAGES for a in answers)


@pytest.mark.rasa
def test_ask_with_lang_answers_in_that_language(cli_env: dict[str, str]) -> None:
    result = run_cli("ask", "donde puedo dormir", "--lang", "ht", "--json", env=cli_env)
    answer = json.loads(result.stdout)
    assert answer["lang"] == "ht"
    assert answer["intent"] == "shelter"
    assert "Meni" in [b["title"] for b in answer["buttons"]]


def test_ask_without_nlu_still_answers_with_the_menu(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "FARO_NLU_URL": "http://127.0.0.1:9"}
    result = run_cli("ask", "where can i sleep tonight", "--json", env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["intent"] is None and answer["lang"] == "en"
    assert len(answer["buttons"]) == 10


def test_content_validate_passes_on_the_project_content() -> None:
    result = run_cli("content", "validate", timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"{len(ANSWER_TOPICS)} topics," in result.stdout


def test_content_validate_names_file_and_field(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    path = content / "items" / "shelter.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\ntitle_extra: 1\n", encoding="utf-8")
    (content / "items" / "family.yml").unlink()
    result = run_cli("content", "validate", str(content), timeout=120)
    assert result.returncode == 1
    assert "content/items/shelter.yml: title_extra" in result.stderr
    assert "content/items/family.yml: missing" in result.stderr
    assert "nothing loaded" in result.stderr


def test_content_load_export_import_round_trip(tmp_path: Path) -> None:
    """Export, import into an empty database, export again: the files are identical."""
    first_db = {"DATABASE_URL": f"sqlite:///{tmp_path / 'first.sqlite'}"}
    second_db = {"DATABASE_URL": f"sqlite:///{tmp_path / 'second.sqlite'}"}
    assert run_cli("db", "upgrade", env=first_db, timeout=120).returncode == 0
    loaded = run_cli("content", "load", env=first_db, timeout=120)
    assert loaded.returncode == 0 and "document(s) published" in loaded.stdout, loaded.stderr
    again = run_cli("content", "load", env=first_db, timeout=120)
    assert again.returncode == 0 and "already holds content" in again.stdout
    first, second = tmp_path / "first", tmp_path / "second"
    exported = run_cli("content", "export", str(first), env=first_db, timeout=120)
    assert exported.returncode == 0, exported.stderr
    assert f"Exported {len(ANSWER_TOPICS)} topics," in exported.stdout
    imported = run_cli("content", "import", str(first), env=second_db, timeout=120)
    assert imported.returncode == 0, imported.stderr
    assert run_cli("content", "export", str(second), env=second_db, timeout=120).returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    # items, sources.yml, services.yml and one examples file per language
    assert len(files) == len(ANSWER_TOPICS) + 2 + len(LANGUAGES)
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    # Importing the same files again publishes nothing new.
    repeat = run_cli("content", "import", str(first), env=second_db, timeout=120)
    assert repeat.returncode == 0 and "0 document(s) published" in repeat.stdout
