"""The Rasa NLU child process: restarted when it dies, gone when its parent goes, no secrets."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from bot import PROJECT_ROOT
from bot.nlp.rasa import RasaHttpParser, RasaServer, rasa_environment, train

pytestmark = pytest.mark.rasa

# What a production environment holds; none of it may reach the NLU server.
SECRETS = {
    "TELEGRAM_BOT_TOKEN": "123456:tg-test-secret",
    "TELEGRAM_WEBHOOK_SECRET": "tg-webhook-test-secret",
    "WHATSAPP_TOKEN": "wa-test-secret",
    "WHATSAPP_APP_SECRET": "wa-app-test-secret",
    "DATABASE_URL": "postgresql+psycopg://faro:db-test-secret@127.0.0.1/faro",
    "FARO_NLU_TOKEN": "faro-nlu-test-secret",
}
RESTART_WITHIN = 180.0


@pytest.fixture(scope="module")
def server() -> Iterator[RasaServer]:
    """One server for the module, started (and restarted) with secrets in the environment."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in SECRETS.items():
            patch.setenv(name, value)
        server = RasaServer(model_path=train())
        server.start()
        try:
            yield server
        finally:
            server.stop()


def _proc(pid: int, name: str) -> bytes:
    return Path(f"/proc/{pid}/{name}").read_bytes()


def _assert_clean(server: RasaServer) -> None:
    pid = server.pid
    assert pid is not None
    cmdline = _proc(pid, "cmdline")
    assert b"--enable-api" in cmdline  # it is the server
    assert server.token and server.token.encode() not in cmdline
    environ = _proc(pid, "environ").split(b"\0")
    names = {entry.split(b"=", 1)[0].decode() for entry in environ if entry}
    assert names.isdisjoint(SECRETS), names
    for value in SECRETS.values():
        assert not any(value.encode() in entry for entry in environ)
    assert b"RASA_TELEMETRY_ENABLED=false" in environ


def _is_gone(pid: int) -> bool:
    """True once `pid` is reaped, or a zombie whose parent is no longer ours to blame."""
    try:
        return bool(psutil.Process(pid).status() == psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return True


def test_environment_is_an_allowlist(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    env = rasa_environment()
    assert set(env).isdisjoint(SECRETS)
    assert env["LC_ALL"] == "C.UTF-8"
    assert env["RASA_TELEMETRY_ENABLED"] == "false"
    assert "PATH" in env


def test_token_and_secrets_stay_out_of_the_server_process(server: RasaServer) -> None:
    _assert_clean(server)
    parser = RasaHttpParser(server.url, server.token, timeout=5)
    try:
        assert parser.parse("donde puedo dormir").intent == "shelter"  # the token got there
    finally:
        parser.close()


def test_killed_server_is_reaped_and_restarted_on_the_same_address(server: RasaServer) -> None:
    parser = RasaHttpParser(server.url, server.token, timeout=5)
    try:
        assert parser.parse("donde puedo dormir").intent == "shelter"
        old = server.pid
        assert old is not None
        os.kill(old, signal.SIGKILL)
        killed_at = time.monotonic()
        answer = None
        while time.monotonic() - killed_at < RESTART_WITHIN:
            try:
                answer = parser.parse("donde puedo dormir")
                break
            except Exception:
                time.sleep(0.5)
        assert answer is not None, f"no answer {RESTART_WITHIN:.0f} s after the kill"
        assert answer.intent == "shelter"
        assert server.pid not in (None, old)
        assert server.restarts == 1
        # The supervisor waited on the dead server: no zombie left in the process table.
        assert not Path(f"/proc/{old}").exists()
        with pytest.raises(ChildProcessError):
            os.waitpid(old, os.WNOHANG)
        _assert_clean(server)
    finally:
        parser.close()


PARENT = textwrap.dedent(
    """
    import sys, threading, time
    from pathlib import Path
    from bot.nlp.rasa import RasaServer

    server = RasaServer(model_path=Path(sys.argv[1]))
    # Started from a thread that ends at once: the server must outlive that thread.
    starter = threading.Thread(target=server.start)
    starter.start()
    starter.join()
    print(server.pid, flush=True)
    time.sleep(600)
    """
)


def test_server_dies_with_its_parent_even_on_sigkill() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(train())],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    child: int | None = None
    try:
        assert parent.stdout is not None
        line = parent.stdout.readline().strip()
        assert line.isdigit(), "the parent could not start its NLU server"
        child = int(line)
        time.sleep(2)
        assert not _is_gone(child), "the server died with the thread that started it"
        parent.kill()
        parent.wait(timeout=10)
        deadline = time.monotonic() + 15
        while not _is_gone(child) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _is_gone(child), "the NLU server outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(timeout=10)
        if child is not None and not _is_gone(child):
            os.kill(child, signal.SIGKILL)
