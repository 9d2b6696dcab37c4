"""The README's "Adding a language" procedure, run in a process with FARO_LANGUAGES set.

Languages are read once per process, so `test_added_language.py` runs this module in a
child process: `FARO_LANGUAGES=es,en,fr,ht,pt,qu python -m tests.content.added_language DIR`.
Quechua (`qu`) stands for any added language; the texts are test data, not content.
Every check is an assert: the child fails, and the test with it, at the first that breaks.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from bot import PROJECT_ROOT
from bot.channels.web import ChatMessage
from bot.content.files import read_bundle
from bot.content.gate import check_model
from bot.content.translations import apply_translations, export_po, read_translations
from bot.core.assistant import LANG_PREFIX
from bot.core.messages import LANGUAGES, Channel, Incoming, Kind, Reply
from bot.service import Service, build_service
from bot.storage.content import (
    bundle_with_drafts,
    publish_bundle,
    publish_drafts,
    save_draft,
)
from bot.storage.memory import MemoryConversationStore
from tests.conftest import make_settings
from tests.fakes.nlu import DEFAULT_RULES, KeywordParser

ADDED = "qu"
SHELTER_IN_QUECHUA = {
    "item:shelter:title": "Puñunapaq",
    "item:shelter:summary": "Maypi puñuyta atinki",
    "item:shelter:answer": "Kayqa yachachiq qillqa (test).",
}


def main(work: Path) -> None:
    """Walk the procedure; assert what a newcomer would check at each step."""
    assert LANGUAGES[-1] == ADDED, LANGUAGES

    # 1. The content as it is still checks: the new language is simply missing.
    bundle = read_bundle(PROJECT_ROOT / "content")
    shelter = next(t for t in bundle.topics if t.topic == "shelter")
    assert shelter.translation_status(ADDED) == "missing"

    # 2. The service starts and speaks it: the language question offers it by its name.
    service = build_service(
        make_settings(f"sqlite:///{work / 'faro.db'}", FARO_CONTENT_TTL=0),
        parser=KeywordParser(DEFAULT_RULES),
        store=MemoryConversationStore(),
    )
    try:
        with service.database.write() as session:
            publish_bundle(session=session, bundle=bundle, note="seed")
        choice = ask(service, Kind.BUTTON, "language", lang="es")
        assert any(option.id == f"{LANG_PREFIX}{ADDED}" for option in choice.options)
        assert "Runasimi" in [option.title for option in choice.options]
        assert ChatMessage(lang=ADDED).lang == ADDED  # the web chat accepts it

        # Until translated, the person gets the Spanish answer, told so.
        before = ask(service, Kind.BUTTON, "topic:shelter", lang=ADDED)
        assert before.text.endswith("Here it is in Spanish:"), before.text

        # 3. Export for translators: one PO file for the new language, nothing translated.
        files = export_po(bundle, work / "po")
        po = work / "po" / f"content-{ADDED}.po"
        assert po in files
        assert read_translations(po) == {ADDED: {}}

        # 4. A translator's file comes back; importing makes drafts that need review.
        texts = read_translations(po)[ADDED] | SHELTER_IN_QUECHUA
        applied = apply_translations(bundle, ADDED, texts)
        assert applied.unknown == []
        with service.database.write() as session:
            for kind, key, body in applied.documents:
                save_draft(session=session, kind=kind, key=key, body=body, by=None)
            drafted = bundle_with_drafts(session=session)
        topic = next(t for t in drafted.topics if t.topic == "shelter")
        assert topic.translation_status(ADDED) in ("needs_review", "missing")
        assert topic.answer.own(ADDED) == SHELTER_IN_QUECHUA["item:shelter:answer"]

        # 5. Publish (the answers; the model learns the language from its example questions
        # at a publish that trains, once the language's blind sets exist).
        with service.database.write() as session:
            publish_drafts(session=session, by=None, note="qu")
        after = ask(service, Kind.BUTTON, "topic:shelter", lang=ADDED)
        assert after.text.startswith(SHELTER_IN_QUECHUA["item:shelter:answer"]), after.text
        assert "Spanish" not in after.text.split("\n\n")[0]

        # The gate refuses a model for a language nobody can measure yet.
        gate = check_model(KeywordParser(DEFAULT_RULES))
        assert f"{ADDED}: no held-out set (heldout_{ADDED}.yml)" in gate.failures
        assert not gate.passed
    finally:
        service.close()


_STORE = MemoryConversationStore()
_MESSAGE_IDS = itertools.count()


def ask(service: Service, kind: Kind, payload: str, *, lang: str) -> Reply:
    """Press a button as a person whose language is `lang`; the first reply."""
    incoming = Incoming(
        Channel.WEB, "person", f"m-{next(_MESSAGE_IDS)}", kind, payload=payload, lang=lang
    )
    prepared = service.assistant.prepare(incoming)
    with _STORE.conversation(incoming.channel, incoming.user_id, incoming.message_id) as person:
        assert person is not None
        return service.assistant.decide(prepared, person).replies[0]


if __name__ == "__main__":
    main(Path(sys.argv[1]))
    print("added language: every step checked")
