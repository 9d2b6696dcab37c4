"""The model files of `nlu/models/`, and the parsers that follow them without a restart.

`python -m bot train` (`bot.nlp.rasa.train`) writes three kinds of files there:

- `faro-nlu-<fp>.tar.gz`: the Rasa model, for Rasa's server;
- `faro-nlu-<fp>.scorer.npz`: its export for the in-process scorer (`bot.nlp.scorer`);
- `faro-langid-<digest>.npz`: Faro's language identifier (`bot.nlp.langid`).

Every service process serves the newest of each and checks the folder every few seconds
(one `scandir`, a `stat` per file), so a model trained while the service runs is in use
within seconds, in every process, without a restart.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import stat
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from bot.core.understanding import LanguageGuess, Parse
from bot.nlp.langid import LANGID_GLOB, LanguageClassifier
from bot.nlp.rasa import MODELS_DIR, NLU_DIR, rasa_environment
from bot.nlp.scorer import (
    FORMAT_VERSION,
    SCORER_GLOB,
    ModelExportError,
    ModelNotFoundError,
    RasaModelScorer,
    read_export_meta,
    scorer_path_for,
)

log = logging.getLogger(__name__)

NLU_PYTHON = NLU_DIR / ".venv" / "bin" / "python"
EXPORT_TOOL = NLU_DIR / "tools" / "export_scorer.py"
CHECK_INTERVAL = 2.0

M = TypeVar("M")


@dataclass(frozen=True, slots=True)
class ModelFile:
    """One version of a model file: a new write (or rename) changes it."""

    path: Path
    mtime_ns: int
    size: int
    inode: int


def newest_file(directory: Path, pattern: str) -> ModelFile | None:
    """The most recently written regular file in `directory` whose name matches `pattern`."""
    best: ModelFile | None = None
    try:
        entries = os.scandir(directory)
    except FileNotFoundError:
        return None
    with entries:
        for entry in entries:
            if not fnmatch.fnmatchcase(entry.name, pattern):
                continue
            try:
                info = entry.stat()
            except FileNotFoundError:  # removed since the listing: a newer one is coming
                continue
            if not stat.S_ISREG(info.st_mode):
                continue
            found = ModelFile(Path(entry.path), info.st_mtime_ns, info.st_size, info.st_ino)
            if best is None or (found.mtime_ns, found.path.name) > (best.mtime_ns, best.path.name):
                best = found
    return best


class ModelReloader(Generic[M]):
    """The model loaded from the newest matching file of a folder, swapped when a newer appears.

    Thread-safe: readers take the current model without a lock (one attribute read);
    one thread at a time looks for a newer file and loads it, while the others keep
    serving the model they have. A file that fails to load is logged once and skipped
    until it changes; the last good model stays in service.
    """

    def __init__(
        self,
        directory: Path,
        pattern: str,
        load: Callable[[Path], M],
        *,
        interval: float = CHECK_INTERVAL,
        what: str = "model",
    ) -> None:
        self._directory = directory
        self._pattern = pattern
        self._load = load
        self._interval = interval
        self._what = what
        self._current: tuple[ModelFile, M] | None = None
        self._failed: ModelFile | None = None
        self._next_check = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self) -> M:
        """Load the newest file now; raise why not (ModelNotFoundError, the loader's error)."""
        with self._lock:
            self._next_check = time.monotonic() + self._interval
            found = newest_file(self._directory, self._pattern)
            if found is None:
                raise ModelNotFoundError(f"no {self._pattern} in {self._directory}")
            model = self._load(found.path)
            self._current = (found, model)
            log.info("%s: serving %s", self._what, found.path.name)
            return model

    def current(self) -> M:
        """The model to use now; checks for a newer file when the interval has passed."""
        if self._thread is None and time.monotonic() >= self._next_check:
            self.refresh(wait=False)
        current = self._current
        if current is None:
            raise ModelNotFoundError(f"no {self._what} loaded from {self._directory}")
        return current[1]

    @property
    def loaded(self) -> Path | None:
        """The file the current model was loaded from."""
        current = self._current
        return current[0].path if current else None

    def refresh(self, *, wait: bool = True) -> bool:
        """Load the newest file if it is not the one in service; True when swapped."""
        if not self._lock.acquire(blocking=wait):
            return False  # another thread is checking; keep serving what we have
        try:
            self._next_check = time.monotonic() + self._interval
            found = newest_file(self._directory, self._pattern)
            current = self._current
            if found is None or found == self._failed or (current and current[0] == found):
                return False
            try:
                model = self._load(found.path)
            except Exception as exc:  # a bad file must never stop the service answering
                self._failed = found
                log.error(
                    "%s: cannot use %s (%s); still serving %s",
                    self._what,
                    found.path.name,
                    exc,
                    current[0].path.name if current else "nothing",
                )
                return False
            self._current = (found, model)
            self._failed = None
            log.info("%s: now serving %s", self._what, found.path.name)
            return True
        finally:
            self._lock.release()

    def start(self) -> None:
        """Check in a background thread instead of on the callers' time."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"faro-reload-{self._what}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop the background thread (checks then happen on the callers' time again)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.refresh()


class ReloadingParser:
    """An IntentParser over the newest exported Rasa model in `nlu/models/`, hot-swapped."""

    def __init__(self, reloader: ModelReloader[RasaModelScorer]) -> None:
        self._models = reloader

    @classmethod
    def open(
        cls, models_dir: Path = MODELS_DIR, *, interval: float = CHECK_INTERVAL
    ) -> ReloadingParser:
        """Serve the newest export; ModelNotFoundError or UnsupportedPipelineError if unable."""
        reloader = ModelReloader(
            models_dir,
            SCORER_GLOB,
            RasaModelScorer.load,
            interval=interval,
            what="NLU model (in-process)",
        )
        reloader.open()
        return cls(reloader)

    def parse(self, text: str) -> Parse:
        """Parse `text` with the newest model, as Rasa's `/model/parse` would."""
        return self._models.current().parse(text)

    @property
    def model_path(self) -> Path | None:
        """The export in service."""
        return self._models.loaded

    def refresh(self) -> bool:
        """Look for a newer model now; True when one was swapped in."""
        return self._models.refresh()

    def start(self) -> None:
        """Look for newer models in a background thread."""
        self._models.start()

    def close(self) -> None:
        """Stop the background thread, if any."""
        self._models.stop()


class ReloadingLanguageIdentifier:
    """A LanguageIdentifier over the newest `faro-langid-*.npz` in `nlu/models/`, hot-swapped."""

    def __init__(self, reloader: ModelReloader[LanguageClassifier]) -> None:
        self._models = reloader

    @classmethod
    def open(
        cls, models_dir: Path = MODELS_DIR, *, interval: float = CHECK_INTERVAL
    ) -> ReloadingLanguageIdentifier:
        """Serve the newest identifier, training one only when there is none at all."""
        if newest_file(models_dir, LANGID_GLOB) is None:
            log.warning(
                "no language identifier in %s: training one now (run `python -m bot train`)",
                models_dir,
            )
            LanguageClassifier.ensure_trained(models_dir)
        reloader = ModelReloader(
            models_dir, LANGID_GLOB, LanguageClassifier.load, interval=interval, what="langid"
        )
        reloader.open()
        return cls(reloader)

    def identify(self, text: str) -> LanguageGuess | None:
        """Guess the language of `text` with the newest identifier."""
        return self._models.current().identify(text)

    @property
    def model_path(self) -> Path | None:
        """The identifier file in service."""
        return self._models.loaded

    def refresh(self) -> bool:
        """Look for a newer identifier now; True when one was swapped in."""
        return self._models.refresh()

    def start(self) -> None:
        """Look for newer identifiers in a background thread."""
        self._models.start()

    def close(self) -> None:
        """Stop the background thread, if any."""
        self._models.stop()


def export_scorer(archive: Path, *, force: bool = False) -> Path:
    """Export `archive` for the in-process scorer unless a current export exists."""
    target = scorer_path_for(archive)
    if not force and _export_is_current(target, archive):
        return target
    if not NLU_PYTHON.exists():
        raise RuntimeError(f"the NLU environment is missing ({NLU_PYTHON}); run `make nlu-env`")
    log.info("Exporting %s for the in-process scorer", archive.name)
    # Rasa's import chatter (deprecation warnings) stays out of the terminal unless the
    # export fails, when its end says why.
    result = subprocess.run(
        [str(NLU_PYTHON), str(EXPORT_TOOL), str(archive)],
        cwd=NLU_DIR,
        env=rasa_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"exporting {archive.name} failed ({result.returncode}):\n{tail}")
    if "not supported" in result.stdout:
        log.warning("%s", result.stdout.strip())
    return target


def _export_is_current(export: Path, archive: Path) -> bool:
    """An export newer than its archive, in the format this scorer reads."""
    try:
        if export.stat().st_mtime_ns < archive.stat().st_mtime_ns:
            return False
        return read_export_meta(export).get("format_version") == FORMAT_VERSION
    except (FileNotFoundError, ModelExportError):
        return False


def prepare(archive: Path, models_dir: Path, data_dir: Path, *, force: bool = False) -> None:
    """After training: export the model, drop exports of deleted models, train langid."""
    export_scorer(archive, force=force)
    for export in models_dir.glob(SCORER_GLOB):
        if not export.with_name(export.name.removesuffix(".scorer.npz") + ".tar.gz").exists():
            export.unlink(missing_ok=True)
    LanguageClassifier.ensure_trained(models_dir, examples_dir=data_dir)
