"""`python -m bot serve` as a real process: scores the model in-process, stops on SIGTERM."""

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


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_without_a_rasa_server_and_stops_on_sigterm(
    tmp_path: Path, workers: int
) -> None:
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
        # The model is scored in the service: no Rasa server runs at serve time.
        family = psutil.Process(process.pid).children(recursive=True)
        assert not [c for c in family if "rasa" in " ".join(c.cmdline())]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            accepted = client.post("/chat/messages", json={"text": "kote m ka dòmi aswè a"})
            assert accepted.status_code == 202
            replies = client.get("/chat/replies", params={"after": 0, "wait": 10}).json()
        assert replies["replies"] and replies["replies"][0]["lang"] == "ht"
        # Several workers each serve the app.
        assert len(family) >= (workers if workers > 1 else 0)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        # Workers and multiprocessing's resource tracker leave shortly after the parent.
        _, alive = psutil.wait_procs(family, timeout=15)
        assert not [c for c in alive if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    finally:
        if process.poll() is None:
            process.kill()
        _, stderr = process.communicate(timeout=10)
    assert "Telegram channel: off" in stderr and "WhatsApp channel: off" in stderr
