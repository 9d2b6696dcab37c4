"""The Rasa NLU server: training, running it as a child process, and parsing over HTTP.

Rasa 3.6 lives in its own Python 3.10 environment (`nlu/.venv`), so the service never
imports it; it talks to `rasa run --enable-api` on loopback with a token.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bot import PROJECT_ROOT
from bot.core.understanding import IntentParser, NluUnavailableError, Parse

log = logging.getLogger(__name__)

NLU_DIR = PROJECT_ROOT / "nlu"
RASA_BIN = NLU_DIR / ".venv" / "bin" / "rasa"
MODELS_DIR = NLU_DIR / "models"
START_TIMEOUT = 180.0

# Rasa's own chatter: no telemetry calls home, and TensorFlow keeps quiet.
RASA_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "PYTHONWARNINGS": "ignore",
}


def training_inputs(nlu_dir: Path = NLU_DIR) -> list[Path]:
    """The files whose content decides the model: the config and the training data."""
    return [nlu_dir / "config.yml", *sorted((nlu_dir / "data").glob("*.yml"))]


def data_fingerprint(nlu_dir: Path = NLU_DIR) -> str:
    """A short hash of everything the model is trained from."""
    digest = hashlib.sha256()
    for path in training_inputs(nlu_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def model_path_for(fingerprint: str, models_dir: Path = MODELS_DIR) -> Path:
    """Where the model trained from data with `fingerprint` lives."""
    return models_dir / f"faro-nlu-{fingerprint}.tar.gz"


def rasa_environment() -> dict[str, str]:
    """The environment Rasa's processes run with."""
    env = dict(os.environ)
    env.update(RASA_ENV)
    return env


def train(*, force: bool = False, nlu_dir: Path = NLU_DIR, models_dir: Path = MODELS_DIR) -> Path:
    """Train the NLU model unless one for the current data exists; return its path."""
    fingerprint = data_fingerprint(nlu_dir)
    target = model_path_for(fingerprint, models_dir)
    if target.exists() and not force:
        log.info("NLU model is up to date: %s", target.name)
        return target
    if not RASA_BIN.exists():
        raise RuntimeError(f"Rasa is not installed at {RASA_BIN}; run `make nlu-env` first")
    models_dir.mkdir(parents=True, exist_ok=True)
    log.info("Training the NLU model %s", target.name)
    subprocess.run(
        [
            str(RASA_BIN),
            "train",
            "nlu",
            "--config",
            str(nlu_dir / "config.yml"),
            "--nlu",
            str(nlu_dir / "data"),
            "--out",
            str(models_dir),
            "--fixed-model-name",
            target.name.removesuffix(".tar.gz"),
        ],
        check=True,
        cwd=nlu_dir,
        env=rasa_environment(),
    )
    for stale in models_dir.glob("faro-nlu-*.tar.gz"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


def latest_model(models_dir: Path = MODELS_DIR) -> Path | None:
    """The model for the current data if trained, else the newest model on disk."""
    current = model_path_for(data_fingerprint(), models_dir)
    if current.exists():
        return current
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


class RasaHttpParser(IntentParser):
    """IntentParser over Rasa's `/model/parse`, with a hard timeout."""

    def __init__(self, base_url: str, token: str | None, timeout: float = 2.0) -> None:
        self._base_url = base_url.rstrip("/")
        self._params = {"token": token} if token else {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 1.0)),
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=32),
        )

    def parse(self, text: str) -> Parse:
        """Parse `text`; NluUnavailableError when the server is down, slow or failing."""
        try:
            response = self._client.post(
                f"{self._base_url}/model/parse", params=self._params, json={"text": text}
            )
            response.raise_for_status()
            body: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise NluUnavailableError(type(exc).__name__) from exc
        intent = body.get("intent") or {}
        ranking = tuple(
            (str(item.get("name")), float(item.get("confidence") or 0.0))
            for item in body.get("intent_ranking") or ()
            if item.get("name")
        )
        name = intent.get("name")
        if not name:
            raise NluUnavailableError("no intent in the answer (is a model loaded?)")
        return Parse(
            intent=str(name), confidence=float(intent.get("confidence") or 0.0), ranking=ranking
        )

    def status(self) -> dict[str, Any]:
        """Rasa's `/status` answer (which model is loaded)."""
        response = self._client.get(f"{self._base_url}/status", params=self._params)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def load_model(self, model_path: Path) -> None:
        """Swap the server's model without restarting it (`PUT /model`)."""
        response = self._client.put(
            f"{self._base_url}/model",
            params=self._params,
            json={"model_file": str(model_path)},
            timeout=120.0,
        )
        response.raise_for_status()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()


@dataclass
class RasaServer:
    """A `rasa run --enable-api` child process bound to loopback with a fresh token."""

    model_path: Path
    port: int = 0
    token: str = ""
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Base URL of the running server."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = START_TIMEOUT) -> None:
        """Start the server and wait until its model answers a parse."""
        self.port = self.port or free_port()
        # Hex, not urlsafe: a token starting with '-' would be read by Rasa as an option.
        self.token = self.token or secrets.token_hex(24)
        log.info("Starting the Rasa NLU server on 127.0.0.1:%s", self.port)
        var_dir = PROJECT_ROOT / "var"
        var_dir.mkdir(exist_ok=True)
        # Rasa logs at INFO, which never includes message text; its console goes to a file.
        console = (var_dir / "rasa-console.log").open("ab")
        self.process = subprocess.Popen(
            [
                str(RASA_BIN),
                "run",
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--auth-token",
                self.token,
                "--model",
                str(self.model_path),
                "--log-file",
                str(var_dir / "rasa.log"),
            ],
            cwd=NLU_DIR,
            env=rasa_environment(),
            stdin=subprocess.DEVNULL,
            stdout=console,
            stderr=subprocess.STDOUT,
        )
        console.close()
        deadline = time.monotonic() + timeout
        parser = RasaHttpParser(self.url, self.token, timeout=2.0)
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"the Rasa server exited with {self.process.returncode}; "
                        "see var/rasa-console.log"
                    )
                with contextlib.suppress(NluUnavailableError):
                    parser.parse("hola")
                    return
                time.sleep(0.5)
        finally:
            parser.close()
        self.stop()
        raise RuntimeError(f"the Rasa server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    @property
    def pid(self) -> int | None:
        """The server's process id while it runs."""
        return self.process.pid if self.process else None


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ModelWatcher:
    """Loads a newly trained model into the running server, without a restart.

    Polls the models folder; when `python -m bot train` writes a model for new data,
    the server gets it through `PUT /model` and keeps answering meanwhile.
    """

    def __init__(self, parser: RasaHttpParser, loaded: Path | None, interval: float = 10.0) -> None:
        self._parser = parser
        self._loaded = loaded
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="faro-model-watcher", daemon=True)

    def start(self) -> None:
        """Start watching in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop watching."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def check_once(self) -> bool:
        """Load the newest model if it changed; True when a model was swapped in."""
        candidate = latest_model()
        if candidate is None or candidate == self._loaded:
            return False
        try:
            self._parser.load_model(candidate)
        except httpx.HTTPError as exc:
            log.warning(
                "could not load the new NLU model %s: %s", candidate.name, type(exc).__name__
            )
            return False
        log.info("loaded the new NLU model %s", candidate.name)
        self._loaded = candidate
        return True

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.check_once()
