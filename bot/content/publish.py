"""Publish: make the drafts live, retraining the model when their examples changed.

`python -m bot content publish` and the studio's button run this same function. The drafts
(and the live content) are checked first; answers without new examples go live at once. The
model is trained in a work folder of its own (`var/publish/<id>/`), scored on the gate's blind
sets, and only if every language passes are its files moved into `nlu/models/`, where every
service process finds it within seconds and swaps it in between two messages (the old one
serves until the new one is loaded, so no request fails). Otherwise the live model stays,
and the figures that failed are kept with the publish.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bot import PROJECT_ROOT
from bot.content.examples import write_examples
from bot.content.files import ContentError, bundle_problems
from bot.content.gate import GateResult, GateSets, check_model
from bot.core.i18n import Translator
from bot.nlp.langid import LANGID_GLOB
from bot.nlp.rasa import MODELS_DIR, NLU_DIR, data_fingerprint, model_path_for, train
from bot.nlp.scorer import SCORER_GLOB, RasaModelScorer, scorer_path_for
from bot.storage import audit
from bot.storage.content import (
    bundle_with_drafts,
    finish_publish,
    publish_drafts,
    record_publish_step,
    start_publish,
)

log = logging.getLogger(__name__)

WORK_ROOT = PROJECT_ROOT / "var" / "publish"
# Models kept in nlu/models besides the live one: the one before it, to go back to.
KEEP_PREVIOUS = 1

Progress = Callable[[str], None]


class PublishBusyError(Exception):
    """Another publish is still running."""


def place_file(source: Path, target: Path) -> None:
    """Move `source` to `target` so that a reader never sees a half-written `target`.

    Within one file system a rename does it. A models folder shared between machines is
    often another file system (a network mount): the file is copied beside the target
    under a name no reader looks for, then renamed there.
    """
    try:
        os.replace(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        partial = target.with_name(f".{target.name}.part")
        shutil.copyfile(source, partial)
        os.replace(partial, target)
        source.unlink()


@dataclass(frozen=True, slots=True)
class PublishOutcome:
    """How a publish ended."""

    publish_id: int
    status: str  # live, unchanged, rejected
    model: str | None
    gate: GateResult | None
    seconds: float


@dataclass(frozen=True, slots=True)
class Publisher:
    """Everything a publish touches; tests point it at folders of their own."""

    sessions: sessionmaker[Session]
    models_dir: Path = MODELS_DIR
    nlu_dir: Path = NLU_DIR
    work_root: Path = WORK_ROOT
    gate_sets: GateSets = field(default_factory=GateSets)

    def publish(self, *, requested_by: int | None, progress: Progress) -> PublishOutcome:
        """Run one publish to its end; PublishBusyError if one is running already."""
        began = time.monotonic()
        with self.sessions.begin() as session:
            publish_id = start_publish(session=session, requested_by=requested_by)
        if publish_id is None:
            raise PublishBusyError("another publish is running; wait for it to finish")

        def step(text: str) -> None:
            progress(text)
            with self.sessions.begin() as session:
                record_publish_step(session=session, publish_id=publish_id, step=text)

        try:
            status, model, gate = self._run(publish_id, step)
            if status in ("live", "unchanged"):
                self._publish_drafts(publish_id, requested_by)
        except ContentError as exc:
            # Content that does not check is refused before any training.
            self._finish(publish_id, "failed", f"the content does not check: {exc}", None, None)
            raise
        except Exception as exc:
            log.exception("publish %s failed", publish_id)
            self._finish(publish_id, "failed", f"failed: {type(exc).__name__}", None, None)
            raise
        message = {
            "live": "Live: the new model is in service",
            "unchanged": "The examples have not changed: the live model stays",
            "rejected": "Not live: the new model failed the gate; the live model stays",
        }[status]
        progress(message)
        self._finish(publish_id, status, message, gate, model)
        return PublishOutcome(publish_id, status, model, gate, time.monotonic() - began)

    def _run(self, publish_id: int, step: Progress) -> tuple[str, str | None, GateResult | None]:
        step("Reading the content and its drafts")
        with self.sessions() as session:
            bundle = bundle_with_drafts(session=session)
        problems = bundle_problems(bundle, Translator())
        if problems:
            raise ContentError(problems)
        work = self.work_root / str(publish_id)
        shutil.rmtree(work, ignore_errors=True)
        data, candidates = work / "data", work / "models"
        write_examples(bundle.examples, data)
        fingerprint = data_fingerprint(self.nlu_dir, data)
        trained = model_path_for(fingerprint, self.models_dir)
        if trained.exists() and scorer_path_for(trained).exists():
            # Already trained and checked (perhaps an earlier version, restored): serve it.
            now = time.time()
            for path in (trained, scorer_path_for(trained)):
                os.utime(path, (now, now))
            shutil.rmtree(work, ignore_errors=True)
            return "unchanged", trained.name, None
        count = sum(len(texts) for by in bundle.examples.values() for texts in by.values())
        step(f"Training the model on {count} examples of {len(bundle.examples)} intents")
        archive = train(
            force=True,
            nlu_dir=self.nlu_dir,
            models_dir=candidates,
            data_dir=data,
            keep_others=True,
        )
        step("Checking the new model on the blind held-out and danger sets")
        scorer = RasaModelScorer.load(scorer_path_for(archive))
        gate = check_model(scorer, self.gate_sets)
        if not gate.passed:
            return "rejected", archive.name, gate
        step("Going live")
        self._go_live(candidates)
        shutil.rmtree(work, ignore_errors=True)
        return "live", archive.name, gate

    def _publish_drafts(self, publish_id: int, requested_by: int | None) -> None:
        with self.sessions.begin() as session:
            published = publish_drafts(
                session=session, by=requested_by, note=f"publish {publish_id}"
            )
            for kind, key in published:
                audit.record(
                    session=session,
                    staff_id=requested_by,
                    action="content_published",
                    target=f"{kind}:{key}",
                    detail=f"publish {publish_id}",
                )

    def _go_live(self, candidates: Path) -> None:
        self.models_dir.mkdir(parents=True, exist_ok=True)
        # The archive first, then its export and the language identifier: processes watch
        # the exports, so by the time they see one its archive is already in place.
        ordered = [
            *candidates.glob("faro-nlu-*.tar.gz"),
            *candidates.glob(SCORER_GLOB),
            *candidates.glob(LANGID_GLOB),
        ]
        now = time.time()
        for path in ordered:
            target = self.models_dir / path.name
            place_file(path, target)
            os.utime(target, (now, now))  # newest: the reloaders take the newest file
        self._drop_old_models()

    def _drop_old_models(self) -> None:
        for pattern in ("faro-nlu-*.tar.gz", SCORER_GLOB, LANGID_GLOB):
            files = sorted(
                self.models_dir.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True
            )
            for old in files[1 + KEEP_PREVIOUS :]:
                old.unlink(missing_ok=True)

    def _finish(
        self, publish_id: int, status: str, step: str, gate: GateResult | None, model: str | None
    ) -> None:
        with self.sessions.begin() as session:
            finish_publish(
                session=session,
                publish_id=publish_id,
                status=status,
                step=step,
                figures=gate.as_dict() if gate else None,
                model=model,
            )
