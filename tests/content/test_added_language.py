"""Adding a sixth language by settings, export, translation, import and publish."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot import PROJECT_ROOT


def test_a_language_is_added_by_settings_translation_and_publish(tmp_path: Path) -> None:
    """The README procedure, in a process that speaks six languages (see added_language)."""
    env = {**os.environ, "FARO_LANGUAGES": "es,en,fr,ht,pt,qu"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.content.added_language", str(tmp_path)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "every step checked" in done.stdout


def test_a_language_setting_without_spanish_or_with_a_non_code_stops_the_start() -> None:
    from bot.core.messages import LanguageSettingError, configured_languages

    assert configured_languages({}) == ("es", "en", "fr", "ht", "pt")
    assert configured_languages({"FARO_LANGUAGES": " es, EN ,qu,es"}) == ("es", "en", "qu")
    for bad in ("en,fr", "es,english", "es,e$"):
        try:
            configured_languages({"FARO_LANGUAGES": bad})
        except LanguageSettingError:
            continue
        raise AssertionError(f"{bad!r} was accepted")
