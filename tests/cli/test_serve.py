"""`python -m bot serve` as a real process: starts its NLU server, stops it on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from bot import PROJECT_ROOT
from bot.nlp.rasa import free_port


@pytest.mark.rasa
@pytest.mark.parametrize("workers", [1, 2])
def test_serve_starts_its_nlu_server_and_stops_it_on_sigterm(tmp_path: Path, workers: int) -> None:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    env.pop("FARO_NLU_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port), "--workers", str(workers)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        healthy = False
        while time.monotonic() < deadline and process.poll() is None:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                healthy = response.status_code == 200
            except httpx.HTTPError:
                healthy = False
            if healthy:
                break
            time.sleep(0.5)
        assert healthy, "the service never became healthy"
        children = [
            child
            for child in psutil.Process(process.pid).children(recursive=True)
            if "rasa" in " ".join(child.cmdline())
        ]
        assert len(children) == 1
        answer = httpx.post(
            f"http://127.0.0.1:{port}/chat/messages",
            json={"visitor": "serve-test-1", "text": "kote m ka dòmi aswè a"},
            timeout=10,
        ).json()
        assert answer["lang"] == "ht"
        # Several workers share the one NLU server the parent started.
        served = [
            c for c in psutil.Process(process.pid).children(recursive=True) if c not in children
        ]
        assert len(served) >= (workers if workers > 1 else 0)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        children[0].wait(timeout=30)
        assert not children[0].is_running()
    finally:
        if process.poll() is None:
            process.kill()
        _, stderr = process.communicate(timeout=10)
    assert "Telegram channel: off" in stderr and "WhatsApp channel: off" in stderr
