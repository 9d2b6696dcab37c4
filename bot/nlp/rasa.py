"""The Rasa NLU server: training, running it as a child process, and parsing over HTTP.

Rasa 3.6 lives in its own Python 3.10 environment (`nlu/.venv`), so the service never
imports it; it talks to `rasa run --enable-api` on loopback with a token.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot import PROJECT_ROOT
from bot.core.understanding import IntentParser, NluUnavailableError, Parse

log = logging.getLogger(__name__)

NLU_DIR = PROJECT_ROOT / "nlu"
RASA_BIN = NLU_DIR / ".venv" / "bin" / "rasa"
MODELS_DIR = NLU_DIR / "models"
# The training examples are content: their seed lives with the answers, and a publish
# writes the live ones (`bot.content.publish`) in the same Rasa format.
EXAMPLES_DIR = PROJECT_ROOT / "content" / "examples"
START_TIMEOUT = 180.0

# Rasa's own chatter: no telemetry calls home, and TensorFlow keeps quiet.
RASA_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "PYTHONWARNINGS": "ignore",
}
# All of the service's environment that Rasa gets (plus LC_*): it needs none of the
# service's secrets (channel tokens, DATABASE_URL, FARO_*), so it is given none.
RASA_PASSED_ENV = frozenset(
    {
        "PATH",
        "HOME",
        "USER",
        "LOGNAME",
        "LANG",
        "LANGUAGE",
        "TZ",
        "TMPDIR",
        "PYTHONHASHSEED",
        "OMP_NUM_THREADS",
        "TF_INTER_OP_PARALLELISM_THREADS",
        "TF_INTRA_OP_PARALLELISM_THREADS",
    }
)
NLU_PYTHON = NLU_DIR / ".venv" / "bin" / "python"
# A server that dies is started again after RESTART_DELAY, doubling with each failure up
# to RESTART_DELAY_MAX; one that ran for STABLE_RUN before dying starts the count again.
RESTART_DELAY = 0.5
RESTART_DELAY_MAX = 30.0
STABLE_RUN = 60.0
# The NLU server's process runs this in nlu/.venv's Python. The token arrives on stdin,
# because /proc/PID/cmdline is readable by every local user. PR_SET_PDEATHSIG (1) has the
# kernel kill the server when the service goes, even with -9; the getppid() check covers
# a service that died before prctl ran. Other systems poll getppid() instead.
_LAUNCHER = """\
import ctypes, json, os, signal, sys, threading, time
settings = json.loads(sys.stdin.readline())
if sys.platform.startswith("linux"):
    libc = ctypes.CDLL(None, use_errno=True)
    kill = ctypes.c_ulong(signal.SIGKILL)
    if libc.prctl(ctypes.c_int(1), kill, ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0)):
        sys.exit("prctl(PR_SET_PDEATHSIG) failed: errno %d" % ctypes.get_errno())
else:
    def orphaned():
        while os.getppid() == settings["parent"]:
            time.sleep(1)
        os._exit(1)
    threading.Thread(target=orphaned, daemon=True).start()
if os.getppid() != settings["parent"]:
    sys.exit("the service stopped before its NLU server started")
null = os.open(os.devnull, os.O_RDONLY)
os.dup2(null, 0)
os.close(null)
sys.argv = [*sys.argv[1:], "--auth-token", settings["token"]]
from rasa.__main__ import main
main()
"""


def training_inputs(nlu_dir: Path = NLU_DIR, data_dir: Path = EXAMPLES_DIR) -> list[Path]:
    """The files whose content decides the model: the config and the training data."""
    return [nlu_dir / "config.yml", *sorted(data_dir.glob("*.yml"))]


def data_fingerprint(nlu_dir: Path = NLU_DIR, data_dir: Path = EXAMPLES_DIR) -> str:
    """A short hash of everything the model is trained from."""
    digest = hashlib.sha256()
    for path in training_inputs(nlu_dir, data_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def model_path_for(fingerprint: str, models_dir: Path = MODELS_DIR) -> Path:
    """Where the model trained from data with `fingerprint` lives."""
    return models_dir / f"faro-nlu-{fingerprint}.tar.gz"


def rasa_environment() -> dict[str, str]:
    """The environment Rasa's processes run with: a short allowlist, never secrets."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name in RASA_PASSED_ENV or name.startswith("LC_")
    }
    env.update(RASA_ENV)
    return env


def train(
    *,
    force: bool = False,
    nlu_dir: Path = NLU_DIR,
    models_dir: Path = MODELS_DIR,
    data_dir: Path = EXAMPLES_DIR,
    keep_others: bool = False,
) -> Path:
    """Train the NLU model unless one for the current data exists; return its path."""
    # The in-process scorer's export and the language identifier go with the model.
    from bot.nlp.models import prepare

    fingerprint = data_fingerprint(nlu_dir, data_dir)
    target = model_path_for(fingerprint, models_dir)
    if target.exists() and not force:
        log.info("NLU model is up to date: %s", target.name)
        prepare(target, models_dir, data_dir)
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
            str(data_dir),
            "--out",
            str(models_dir),
            "--fixed-model-name",
            target.name.removesuffix(".tar.gz"),
        ],
        check=True,
        cwd=nlu_dir,
        env=rasa_environment(),
    )
    if not target.exists():
        # Rasa skips training (and exits 0) when it finds no NLU data it can read.
        raise RuntimeError(f"Rasa trained no model from {data_dir}: is the training data empty?")
    if not keep_others:
        for stale in models_dir.glob("faro-nlu-*.tar.gz"):
            if stale != target:
                stale.unlink(missing_ok=True)
    prepare(target, models_dir, data_dir, force=True)
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
    """A `rasa run --enable-api` child process on loopback with a fresh token, kept alive.

    A supervisor thread starts the server, waits on it (so a dead server is reaped, never
    left a zombie) and starts it again with backoff on the same port and token, so every
    `RasaHttpParser` made from `url` and `token` keeps working after a crash.

    The server dies with the service, even one killed with -9: it asks the kernel for
    SIGKILL when its parent goes (PR_SET_PDEATHSIG). Linux ties that to the parent
    *thread*, not the process, so the server must be started from a thread that lives
    as long as it does; the supervisor thread is that thread, for every start.
    """

    model_path: Path
    port: int = 0
    token: str = field(default="", repr=False)
    process: subprocess.Popen[bytes] | None = None
    restarts: int = field(default=0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _stopping: threading.Event = field(default_factory=threading.Event, init=False, repr=False)
    _started: threading.Event = field(default_factory=threading.Event, init=False, repr=False)
    _start_problem: str | None = field(default=None, init=False, repr=False)
    _supervisor: threading.Thread | None = field(default=None, init=False, repr=False)
    _reservation: socket.socket | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        """Base URL of the running server."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = START_TIMEOUT) -> None:
        """Start the server, wait until its model answers a parse, then keep it running."""
        if self._supervisor is not None and self._supervisor.is_alive():
            raise RuntimeError("the Rasa server is already running")
        self._reserve_port()
        # Hex, not urlsafe: a token starting with '-' would be read by Rasa as an option.
        self.token = self.token or secrets.token_hex(24)
        self._stopping.clear()
        self._started.clear()  # the supervisor sets _start_problem before setting this
        log.info("Starting the Rasa NLU server on 127.0.0.1:%s", self.port)
        self._supervisor = threading.Thread(
            target=self._supervise, args=(timeout,), name="faro-rasa-supervisor", daemon=True
        )
        self._supervisor.start()
        self._started.wait()
        if self._start_problem is not None:
            self._supervisor.join(timeout=30)
            self._release_port()
            raise RuntimeError(self._start_problem)

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s) and its supervision."""
        with self._lock:
            self._stopping.set()
            process = self.process
            if process is not None:
                process.terminate()  # a no-op once the supervisor has reaped it
        supervisor = self._supervisor
        if supervisor is not None and supervisor is not threading.current_thread():
            supervisor.join(timeout=10)
            if supervisor.is_alive() and process is not None:
                process.kill()
                supervisor.join(timeout=10)
        self._release_port()

    @property
    def pid(self) -> int | None:
        """The server's process id while it runs."""
        return self.process.pid if self.process else None

    def _reserve_port(self) -> None:
        # A bound, never listening socket keeps the port ours between restarts: the
        # kernel hands it to no one else (no ephemeral port, no plain bind), while Rasa's
        # server, which binds with SO_REUSEADDR as this does, may still listen on it.
        if self._reservation is not None:
            return
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", self.port))
        except OSError:
            sock.close()
            if not self.port:
                raise
            # Someone listens there already; Rasa's own start will say so.
            return
        self.port = int(sock.getsockname()[1])
        self._reservation = sock

    def _release_port(self) -> None:
        if self._reservation is not None:
            self._reservation.close()
            self._reservation = None

    def _supervise(self, timeout: float) -> None:
        failures = 0
        try:
            while not self._stopping.is_set():
                process: subprocess.Popen[bytes] | None = None
                try:
                    process = self._spawn()
                    if process is None:
                        break
                    problem = self._wait_until_ready(process, timeout)
                except Exception as exc:  # the supervisor must outlive any one start
                    problem = f"could not start the Rasa server: {type(exc).__name__}"
                if not self._started.is_set():
                    self._start_problem = problem
                    self._started.set()
                    if problem is not None:
                        self._end(process)
                        return
                ran = 0.0
                if problem is None and process is not None:
                    if self.restarts:
                        log.info("the Rasa NLU server is back (restart %d)", self.restarts)
                    ready_at = time.monotonic()
                    process.wait()  # also reaps it: no zombie
                    ran = time.monotonic() - ready_at
                else:
                    log.warning("the Rasa NLU server did not come back: %s", problem)
                    self._end(process)
                if self._stopping.is_set():
                    break
                # A server that ran a while died of something new: restart quickly.
                failures = 1 if ran >= STABLE_RUN else failures + 1
                delay = min(RESTART_DELAY_MAX, RESTART_DELAY * 2 ** (failures - 1))
                log.warning(
                    "the Rasa NLU server exited with %s; starting it again in %.1f s",
                    process.returncode if process is not None else None,
                    delay,
                )
                if self._stopping.wait(delay):
                    break
                self.restarts += 1
        finally:
            if not self._started.is_set():
                self._start_problem = "the Rasa server was stopped while starting"
                self._started.set()

    def _spawn(self) -> subprocess.Popen[bytes] | None:
        """Start one server process, or None when stopping."""
        # Training deletes the models it replaces, so the first model may be gone by the
        # time a restart needs it; the model watcher then swaps in any newer one.
        if not self.model_path.exists():
            newest = latest_model(self.model_path.parent)
            if newest is not None:
                log.info("the NLU model %s is gone; using %s", self.model_path.name, newest.name)
                self.model_path = newest
        var_dir = PROJECT_ROOT / "var"
        var_dir.mkdir(exist_ok=True)
        argv = [
            "rasa",
            "run",
            "--enable-api",
            "--interface",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--model",
            str(self.model_path),
            "--log-file",
            str(var_dir / "rasa.log"),
        ]
        with self._lock:
            if self._stopping.is_set():
                return None
            # Rasa logs at INFO, which never includes message text; its console goes to
            # a file.
            with (var_dir / "rasa-console.log").open("ab") as console:
                process = subprocess.Popen(
                    [str(NLU_PYTHON), "-c", _LAUNCHER, *argv],
                    cwd=NLU_DIR,
                    env=rasa_environment(),
                    stdin=subprocess.PIPE,
                    stdout=console,
                    stderr=subprocess.STDOUT,
                    # Out of the terminal's process group: Ctrl-C is the service's to
                    # handle, and it stops the server itself rather than see it die.
                    start_new_session=True,
                )
            self.process = process
        secrets_line = json.dumps({"token": self.token, "parent": os.getpid()}) + "\n"
        if process.stdin is not None:
            # A launcher that died at once breaks the pipe; the wait that follows says why.
            with contextlib.suppress(OSError):
                process.stdin.write(secrets_line.encode())
                process.stdin.close()
        return process

    def _wait_until_ready(self, process: subprocess.Popen[bytes], timeout: float) -> str | None:
        """None once the model answers a parse; otherwise why it did not."""
        deadline = time.monotonic() + timeout
        parser = RasaHttpParser(self.url, self.token, timeout=2.0)
        try:
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    return (
                        f"the Rasa server exited with {process.returncode}; "
                        "see var/rasa-console.log"
                    )
                if self._stopping.is_set():
                    return "the Rasa server was stopped while starting"
                with contextlib.suppress(NluUnavailableError):
                    parser.parse("hola")
                    return None
                self._stopping.wait(0.5)
        finally:
            parser.close()
        return f"the Rasa server did not answer within {timeout:.0f} s"

    @staticmethod
    def _end(process: subprocess.Popen[bytes] | None) -> None:
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


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

    def __init__(
        self,
        parser: RasaHttpParser,
        loaded: Path | None,
        interval: float = 10.0,
        models_dir: Path = MODELS_DIR,
    ) -> None:
        self._parser = parser
        self._loaded = loaded
        self._models_dir = models_dir
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
        candidate = latest_model(self._models_dir)
        if candidate is None:
            return False
        if candidate == self._loaded and self._server_has(candidate):
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

    def _server_has(self, model: Path) -> bool:
        # A restarted server comes back with the model it was started with, not the one
        # loaded into it since, so what the server says it runs is what counts.
        try:
            loaded = self._parser.status().get("model_file")
        except (httpx.HTTPError, ValueError):
            return True  # down or starting: nothing to load it into now
        return loaded is None or Path(str(loaded)).name == model.name

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.check_once()
