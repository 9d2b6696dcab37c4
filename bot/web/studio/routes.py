"""The studio's pages, inside the desk app (same sign-in, CSRF, language and audit log).

Editors (and admins) see every topic with a language-by-status grid and what is due for
review; edit one language beside the source language, with the phone's limits counted as
they type and a preview of the message; keep edits as drafts; verify facts; restore an
earlier version; and publish, which runs in the background while the page shows how far it
got. Every change is a POST with a CSRF token and goes to the audit log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import threading
from collections.abc import Sequence
from typing import Annotated, Any, Final

from fastapi import Depends, FastAPI, Form, Query, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ValidationError
from starlette.responses import Response

from bot.content.examples import MAX_EXAMPLE_CHARS
from bot.content.files import ContentError, bundle_problems
from bot.content.publish import PublishBusyError, Publisher
from bot.content.unanswered import group_questions
from bot.core.content import (
    AUDIENCES,
    CITIES,
    CITY_COUNTRIES,
    CITY_NAMES,
    CONVERSATION_INTENTS,
    COUNTRIES,
    MAX_ANSWER_CHARS,
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    SERVICE_KINDS,
    SOURCE_LANGUAGE,
    TOPIC_NAME,
    ServiceEntry,
    SourceEntry,
    TopicFile,
    answers_from_topic,
)
from bot.core.footer import answer_footer
from bot.core.i18n import Translator
from bot.core.messages import LANGUAGES
from bot.service import Service
from bot.storage import audit
from bot.storage.accounts import Role
from bot.storage.content import (
    KIND_EXAMPLES,
    KIND_ITEM,
    KIND_SERVICE,
    KIND_SOURCE,
    bundle_with_drafts,
    discard_draft,
    document_state,
    document_states,
    drafts_count,
    latest_publishes,
    save_draft,
    version_body,
    versions_of,
)
from bot.storage.models import StaffUser
from bot.storage.unanswered import drop_unanswered, recent_unanswered
from bot.web.desk.i18n import M_
from bot.web.desk.render import NO_STORE, Pages
from bot.web.staff import DESK_PREFIX, require_roles, session_user

log = logging.getLogger(__name__)

STUDIO: Final = f"{DESK_PREFIX}/studio"
DUE_SOON = dt.timedelta(days=14)
UNVERIFIED_TOO_LONG = dt.timedelta(days=90)
MAX_FIELD = 4000  # a form field longer than any answer may be; the checks say why
SERVICE_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
CityText = Annotated[str | None, Form(max_length=MAX_FIELD)]
# A problem shown to the editor: a message (translated on the page), or one with its values.
Problem = str | tuple[str, dict[str, Any]]

DONE: Final = {
    "draft": M_("Saved as a draft. It goes live when you publish."),
    "verified": M_("Marked as checked today. It goes live when you publish."),
    "discarded": M_("The draft was dropped."),
    "restored": M_("That version is now a draft. Publish to make it live again."),
    "publishing": M_("Publishing has started."),
    "busy": M_("A publish is already running."),
    "taught": M_("Added as example questions, in a draft. Publish to train the model on them."),
    "dismissed": M_("Dismissed."),
    "examples": M_("Example questions saved as a draft. Publish to train the model on them."),
    "added": M_(
        "The new topic is a draft, in the source language. Translate it, then publish to"
        " train the model on its questions."
    ),
}
MAX_IDS = 500
MAX_EXAMPLES_FIELD = 200_000  # a few hundred questions of a language
MIN_NEW_EXAMPLES = 5  # fewer, and the model barely learns the new topic
NEW_ITEM_REVIEW = dt.timedelta(days=180)


def _editor(request: Request) -> StaffUser:
    return require_roles(session_user(request), (Role.EDITOR, Role.ADMIN))


Editor = Annotated[StaffUser, Depends(_editor)]


def _redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303, headers=dict(NO_STORE))


def add_studio(app: FastAPI, service: Service, pages: Pages) -> None:
    """Mount the studio's routes on the desk app."""
    translator = Translator()
    publisher = Publisher(service.sessions, models_dir=service.settings.faro_models_dir)

    def keep_draft(user: StaffUser, kind: str, key: str, body: BaseModel, target: str) -> None:
        """Store a checked document as the draft, and say so in the audit log."""
        with service.database.write() as session:
            save_draft(
                session=session,
                kind=kind,
                key=key,
                body=body.model_dump(mode="json", exclude_defaults=True),
                by=user.id,
            )
            audit.record(session=session, staff_id=user.id, action="content_draft", target=target)

    def topic_of(key: str) -> tuple[TopicFile, bool] | None:
        """The topic as it is being edited (its draft, else the live one); True if a draft."""
        with service.database.read() as session:
            state = document_state(session=session, kind=KIND_ITEM, key=key)
        if state is None or (state.draft or state.live) is None:
            return None
        body = state.draft if state.draft is not None else state.live
        return TopicFile.model_validate(body), state.draft is not None

    def topic_problems(edited: TopicFile) -> list[str]:
        """What the checks find in one topic, with the rest of the content as it will be."""
        with service.database.read() as session:
            bundle = bundle_with_drafts(session=session)
        others = tuple(t for t in bundle.topics if t.topic != edited.topic)
        trial = dataclasses.replace(bundle, topics=(*others, edited))
        where = f"/{edited.topic}.yml"
        return [p for p in bundle_problems(trial, translator) if where in p]

    @app.get("/studio")
    def studio(
        request: Request,
        user: Editor,
        status: Annotated[str | None, Query(max_length=16)] = None,
        lang: Annotated[str | None, Query(max_length=8)] = None,
        done: Annotated[str | None, Query(max_length=16)] = None,
    ) -> Response:
        """Every topic with its languages' status; what is due for review."""
        today = dt.date.today()
        with service.database.read() as session:
            states = document_states(session=session, kind=KIND_ITEM)
            waiting = drafts_count(session=session)
            publishes = latest_publishes(session=session, limit=1)
        rows = []
        for state in states:
            body = state.draft if state.draft is not None else state.live
            if body is None:
                continue
            topic = TopicFile.model_validate(body)
            statuses = {code: topic.translation_status(code) for code in LANGUAGES}
            if lang in LANGUAGES and status and statuses[lang] != status:
                continue
            if status and lang not in LANGUAGES and status not in statuses.values():
                continue
            rows.append(
                {
                    "key": topic.topic,
                    "title": topic.title.get(SOURCE_LANGUAGE),
                    "statuses": statuses,
                    "review_by": topic.review_by,
                    "expired": topic.review_by < today,
                    "due": today <= topic.review_by <= today + DUE_SOON,
                    "verified_on": topic.verified_on,
                    "stale": topic.verified_on is None
                    or topic.verified_on < today - UNVERIFIED_TOO_LONG,
                    "draft": state.draft is not None,
                }
            )
        return pages.render(
            request,
            "studio.html",
            user=user,
            rows=rows,
            chosen={"status": status or "", "lang": lang or ""},
            waiting=waiting,
            last_publish=publishes[0] if publishes else None,
            done=DONE.get(done or ""),
            source_lang=SOURCE_LANGUAGE,
        )

    def editor_page(
        request: Request,
        user: StaffUser,
        key: str,
        lang: str,
        *,
        typed: dict[str, Any] | None = None,
        problems: Sequence[Problem] | None = None,
        done: str | None = None,
        typed_examples: str | None = None,
    ) -> Response:
        found = topic_of(key)
        if found is None:
            return pages.render(
                request, "problem.html", user=user, status_code=404, problem=M_("Not found.")
            )
        topic, has_draft = found
        with service.database.read() as session:
            versions = versions_of(session=session, kind=KIND_ITEM, key=key)
            bundle = bundle_with_drafts(session=session)
        answer = next(a for a in answers_from_topic(topic, bundle.sources) if a.lang == lang)
        footer = answer_footer(answer, translator.gettext_for(lang))
        fields = typed or {
            "title": topic.title.own(lang) or "",
            "summary": topic.summary.own(lang) or "",
            "answer": (topic.answer.own(lang) or "").strip(),
            "cities": {
                city: (texts.own(lang) or "").strip() for city, texts in topic.cities.items()
            },
        }
        examples_text = (
            typed_examples
            if typed_examples is not None
            else "\n".join(bundle.examples.get(key, {}).get(lang, ()))
        )
        with service.database.write() as session:
            audit.record(session=session, staff_id=user.id, action="content_viewed", target=key)
        return pages.render(
            request,
            "studio_item.html",
            user=user,
            status_code=422 if problems else 200,
            topic=topic,
            key=key,
            edit_lang=lang,
            source_lang=SOURCE_LANGUAGE,
            source={
                "title": topic.title.get(SOURCE_LANGUAGE),
                "summary": topic.summary.get(SOURCE_LANGUAGE),
                "answer": topic.answer.get(SOURCE_LANGUAGE).strip(),
                "cities": {
                    city: texts.get(SOURCE_LANGUAGE).strip() for city, texts in topic.cities.items()
                },
            },
            fields=fields,
            footer=footer,
            status=topic.translation_status(lang),
            has_draft=has_draft,
            versions=versions,
            problems=problems or [],
            done=DONE.get(done or ""),
            limits={
                "title": MAX_TITLE_CHARS,
                "summary": MAX_SUMMARY_CHARS,
                "answer": MAX_ANSWER_CHARS,
            },
            cities=[city for city in CITIES if city in topic.cities],
            other_cities=[city for city in CITIES if city not in topic.cities],
            city_names=CITY_NAMES,
            examples=examples_text,
            example_count=len([line for line in examples_text.splitlines() if line.strip()]),
            max_example=MAX_EXAMPLE_CHARS,
        )

    def language(lang: str | None, topic: TopicFile | None = None) -> str:
        if lang in LANGUAGES:
            return str(lang)
        if topic is not None:
            for code in LANGUAGES:
                if topic.translation_status(code) == "needs_review":
                    return code
        return SOURCE_LANGUAGE

    @app.get("/studio/items/{key}")
    def item(
        request: Request,
        key: str,
        user: Editor,
        lang: Annotated[str | None, Query(max_length=8)] = None,
        done: Annotated[str | None, Query(max_length=16)] = None,
    ) -> Response:
        """One topic, one language beside the source language."""
        found = topic_of(key)
        return editor_page(
            request, user, key, language(lang, found[0] if found else None), done=done
        )

    @app.post("/studio/items/{key}/draft")
    def draft(
        request: Request,
        key: str,
        user: Editor,
        lang: Annotated[str, Form(max_length=8)] = "",
        title: Annotated[str, Form(max_length=MAX_FIELD)] = "",
        summary: Annotated[str, Form(max_length=MAX_FIELD)] = "",
        answer: Annotated[str, Form(max_length=MAX_FIELD)] = "",
        city_tijuana: CityText = None,
        city_mexicali: CityText = None,
        city_tapachula: CityText = None,
        city_mexico_city: CityText = None,
        city_tecun_uman: CityText = None,
        new_city: Annotated[str, Form(max_length=32)] = "",
        new_city_text: Annotated[str, Form(max_length=MAX_FIELD)] = "",
        remove_city: Annotated[list[str] | None, Form()] = None,
    ) -> Response:
        """Keep an edit of one language as a draft, if it passes the checks.

        In a translation, a field left empty stays missing (the person is then sent the
        source text, told so). In the source language, a city paragraph may be removed (in
        every language) or added.
        """
        found = topic_of(key)
        if found is None or lang not in LANGUAGES:
            return editor_page(request, user, key, SOURCE_LANGUAGE)
        topic = found[0]
        given = {
            "tijuana": city_tijuana,
            "mexicali": city_mexicali,
            "tapachula": city_tapachula,
            "mexico_city": city_mexico_city,
            "tecun_uman": city_tecun_uman,
        }
        # Only the paragraphs the topic has; a paragraph the form did not send keeps its text.
        cities = {
            city: text.strip()
            for city, text in given.items()
            if city in topic.cities and text is not None
        }
        typed: dict[str, Any] = {
            "title": title.strip(),
            "summary": summary.strip(),
            "answer": answer.strip(),
            "cities": cities,
        }
        body = topic.model_dump(mode="json", exclude_defaults=True)
        source = lang == SOURCE_LANGUAGE
        for field in ("title", "summary", "answer"):
            _put(body.setdefault(field, {}), lang, typed[field], keep_empty=source)
        for city, text in cities.items():
            _put(body["cities"][city], lang, text, keep_empty=source)
        problems: list[str] = []
        if not source and any(
            not typed[field] and getattr(topic, field).own(lang) is not None
            for field in ("title", "summary", "answer")
        ):
            # Emptying is how a translation stays missing, never how one is lost by accident.
            problems.append(M_("A translation that exists cannot be emptied; correct it instead."))
        for city in remove_city or ():
            if not source:
                problems.append(M_("A city paragraph is removed in the source language."))
                break
            body.get("cities", {}).pop(city, None)
        added = new_city_text.strip()
        if added or new_city:
            if not source:
                problems.append(M_("A city paragraph is written in the source language first."))
            elif new_city not in CITIES or new_city in topic.cities:
                problems.append(M_("Choose a city that has no paragraph yet."))
            elif not added:
                problems.append(M_("Write the paragraph for that city."))
            else:
                body.setdefault("cities", {})[new_city] = {SOURCE_LANGUAGE: added}
        typed["cities"] = {
            city: cities.get(city, (texts.own(lang) or "").strip())
            for city, texts in topic.cities.items()
        }
        edited: TopicFile | None = None
        if not problems:
            try:
                edited = TopicFile.model_validate(body)
            except ValidationError as exc:
                problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        if edited is not None:
            if not source and edited.is_translated(lang):
                # Saved beside the source: the editor checked it against the source as it is.
                marks = {**edited.translations, lang: edited.source_fingerprint()}
                edited = edited.model_copy(update={"translations": marks})
            problems = topic_problems(edited)
        if problems or edited is None:
            return editor_page(request, user, key, lang, typed=typed, problems=problems)
        with service.database.write() as session:
            save_draft(
                session=session,
                kind=KIND_ITEM,
                key=key,
                body=edited.model_dump(mode="json", exclude_defaults=True),
                by=user.id,
            )
            audit.record(
                session=session, staff_id=user.id, action="content_draft", target=key, detail=lang
            )
        return _redirect(f"{STUDIO}/items/{key}?lang={lang}&done=draft")

    @app.post("/studio/items/{key}/verify")
    def verify(
        request: Request, key: str, user: Editor, lang: Annotated[str, Form(max_length=8)] = ""
    ) -> Response:
        """The editor checked this topic's facts against its sources today."""
        found = topic_of(key)
        if found is None:
            return _redirect(STUDIO)
        checked = found[0].model_copy(update={"verified_on": dt.date.today()})
        # The date is a line under the answer: it must fit on the phone too.
        problems = topic_problems(checked)
        if problems:
            return editor_page(request, user, key, language(lang), problems=problems)
        with service.database.write() as session:
            save_draft(
                session=session,
                kind=KIND_ITEM,
                key=key,
                body=checked.model_dump(mode="json", exclude_defaults=True),
                by=user.id,
            )
            audit.record(session=session, staff_id=user.id, action="content_verified", target=key)
        return _redirect(f"{STUDIO}/items/{key}?lang={language(lang)}&done=verified")

    @app.post("/studio/items/{key}/discard")
    def discard(key: str, user: Editor, lang: Annotated[str, Form(max_length=8)] = "") -> Response:
        """Drop the draft; the live version stays."""
        with service.database.write() as session:
            if discard_draft(session=session, kind=KIND_ITEM, key=key):
                audit.record(
                    session=session, staff_id=user.id, action="content_discarded", target=key
                )
        return _redirect(f"{STUDIO}/items/{key}?lang={language(lang)}&done=discarded")

    @app.post("/studio/items/{key}/restore")
    def restore(
        key: str,
        user: Editor,
        number: Annotated[int, Form(ge=1)],
        lang: Annotated[str, Form(max_length=8)] = "",
    ) -> Response:
        """An earlier version becomes the draft (published, it is the newest version)."""
        with service.database.write() as session:
            body = version_body(session=session, kind=KIND_ITEM, key=key, number=number)
            if body is not None:
                save_draft(session=session, kind=KIND_ITEM, key=key, body=body, by=user.id)
                audit.record(
                    session=session,
                    staff_id=user.id,
                    action="content_restored",
                    target=key,
                    detail=f"version {number}",
                )
        return _redirect(f"{STUDIO}/items/{key}?lang={language(lang)}&done=restored")

    def examples_problems(intent: str, lang: str, texts: list[str]) -> list[Problem]:
        """What the checks find in one intent's example questions in one language."""
        too_long: list[Problem] = [
            (
                M_("An example question is longer than %(count)s characters."),
                {"count": MAX_EXAMPLE_CHARS},
            )
            for text in texts
            if len(text) > MAX_EXAMPLE_CHARS
        ]
        with service.database.read() as session:
            bundle = bundle_with_drafts(session=session)
        by_lang = {code: tuple(t) for code, t in bundle.examples.get(intent, {}).items()}
        by_lang[lang] = tuple(texts)
        trial = dataclasses.replace(bundle, examples={**bundle.examples, intent: by_lang})
        where = f"nlu_{lang}.yml: {intent}:"
        return too_long[:1] + [p for p in bundle_problems(trial, translator) if where in p]

    @app.post("/studio/items/{key}/examples")
    def save_examples(
        request: Request,
        key: str,
        user: Editor,
        lang: Annotated[str, Form(max_length=8)] = "",
        examples: Annotated[str, Form(max_length=MAX_EXAMPLES_FIELD)] = "",
    ) -> Response:
        """Keep a topic's example questions in one language (one per line) as a draft."""
        if topic_of(key) is None or lang not in LANGUAGES:
            return editor_page(request, user, key, SOURCE_LANGUAGE)
        texts = _lines(examples)
        problems = examples_problems(key, lang, texts)
        if problems:
            return editor_page(request, user, key, lang, problems=problems, typed_examples=examples)
        with service.database.write() as session:
            bundle = bundle_with_drafts(session=session)
            by_lang = {code: list(t) for code, t in bundle.examples.get(key, {}).items()}
            by_lang[lang] = texts
            save_draft(session=session, kind=KIND_EXAMPLES, key=key, body=by_lang, by=user.id)
            audit.record(
                session=session,
                staff_id=user.id,
                action="content_examples",
                target=key,
                detail=f"{lang}: {len(texts)}",
            )
        return _redirect(f"{STUDIO}/items/{key}?lang={lang}&done=examples")

    def new_item_page(
        request: Request,
        user: StaffUser,
        typed: dict[str, Any] | None = None,
        problems: Sequence[Problem] | None = None,
    ) -> Response:
        with service.database.read() as session:
            sources = dict(bundle_with_drafts(session=session).sources)
        fields = typed or {
            "key": "",
            "title": "",
            "summary": "",
            "answer": "",
            "examples": "",
            "sources": [],
            "countries": ["MX"],
            "review_by": (dt.date.today() + NEW_ITEM_REVIEW).isoformat(),
        }
        return pages.render(
            request,
            "studio_new_item.html",
            user=user,
            status_code=422 if problems else 200,
            fields=fields,
            problems=problems or [],
            sources=sources,
            countries=COUNTRIES,
            source_lang=SOURCE_LANGUAGE,
            limits={
                "title": MAX_TITLE_CHARS,
                "summary": MAX_SUMMARY_CHARS,
                "answer": MAX_ANSWER_CHARS,
            },
            min_examples=MIN_NEW_EXAMPLES,
        )

    @app.get("/studio/new-item")
    def new_item(request: Request, user: Editor) -> Response:
        """The form for a new topic: written in the source language, with its questions."""
        return new_item_page(request, user)

    @app.post("/studio/new-item")
    def add_item(
        request: Request,
        user: Editor,
        key: Annotated[str, Form(max_length=64)] = "",
        title: Annotated[str, Form(max_length=MAX_FIELD)] = "",
        summary: Annotated[str, Form(max_length=MAX_FIELD)] = "",
        answer: Annotated[str, Form(max_length=MAX_FIELD)] = "",
        examples: Annotated[str, Form(max_length=MAX_EXAMPLES_FIELD)] = "",
        sources: Annotated[list[str] | None, Form()] = None,
        countries: Annotated[list[str] | None, Form()] = None,
        review_by: Annotated[str, Form(max_length=10)] = "",
    ) -> Response:
        """Add a topic (a new intent): a draft of its answer and of its example questions."""
        key = key.strip().lower()
        typed: dict[str, Any] = {
            "key": key,
            "title": title.strip(),
            "summary": summary.strip(),
            "answer": answer.strip(),
            "examples": examples,
            "sources": sources or [],
            "countries": countries or [],
            "review_by": review_by,
        }
        texts = _lines(examples)
        problems: list[Problem] = []
        with service.database.read() as session:
            bundle = bundle_with_drafts(session=session)
        if not TOPIC_NAME.match(key) or key in CONVERSATION_INTENTS:
            problems.append(
                M_("The name is lower-case letters, digits and _, and not one Faro uses already.")
            )
        elif key in bundle.examples or any(t.topic == key for t in bundle.topics):
            problems.append(M_("A topic or intent with this name exists already."))
        if len(texts) < MIN_NEW_EXAMPLES:
            problems.append(
                (
                    M_("Write at least %(count)s example questions, one per line."),
                    {"count": MIN_NEW_EXAMPLES},
                )
            )
        try:
            review_day = dt.date.fromisoformat(review_by)
        except ValueError:
            review_day = None
            problems.append(M_("Give a review date."))
        if review_day is not None and review_day <= dt.date.today():
            problems.append(M_("The review date must be in the future."))
        edited: TopicFile | None = None
        if not problems:
            try:
                edited = TopicFile.model_validate(
                    {
                        "topic": key,
                        "countries": typed["countries"],
                        "review_by": review_by,
                        "sources": typed["sources"],
                        "title": {SOURCE_LANGUAGE: typed["title"]},
                        "summary": {SOURCE_LANGUAGE: typed["summary"]},
                        "answer": {SOURCE_LANGUAGE: typed["answer"]},
                    }
                )
            except ValidationError as exc:
                problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        if edited is not None:
            trial = dataclasses.replace(
                bundle,
                topics=(*bundle.topics, edited),
                examples={**bundle.examples, key: {SOURCE_LANGUAGE: tuple(texts)}},
            )
            problems = [
                p
                for p in bundle_problems(trial, translator)
                if f"/{key}.yml" in p or f": {key}:" in p
            ]
        if problems or edited is None:
            return new_item_page(request, user, typed=typed, problems=problems)
        with service.database.write() as session:
            save_draft(
                session=session,
                kind=KIND_ITEM,
                key=key,
                body=edited.model_dump(mode="json", exclude_defaults=True),
                by=user.id,
            )
            save_draft(
                session=session,
                kind=KIND_EXAMPLES,
                key=key,
                body={SOURCE_LANGUAGE: texts},
                by=user.id,
            )
            audit.record(session=session, staff_id=user.id, action="content_added", target=key)
        return _redirect(f"{STUDIO}/items/{key}?lang={SOURCE_LANGUAGE}&done=added")

    # -- sources --------------------------------------------------------------------------

    def sources_page(
        request: Request,
        user: StaffUser,
        *,
        editing: str | None = None,
        typed: dict[str, Any] | None = None,
        problems: list[str] | None = None,
        done: str | None = None,
    ) -> Response:
        with service.database.read() as session:
            states = {s.key: s for s in document_states(session=session, kind=KIND_SOURCE)}
            bundle = bundle_with_drafts(session=session)
        cited: dict[str, list[str]] = {key: [] for key in bundle.sources}
        for topic in bundle.topics:
            for key in topic.sources:
                cited.setdefault(key, []).append(topic.title.get(SOURCE_LANGUAGE))
        for entry in bundle.services.values():
            for key in entry.sources:
                cited.setdefault(key, []).append(entry.name)
        current = bundle.sources.get(editing or "")
        fields = typed or (
            {
                "key": editing,
                "name": current.name,
                "date": current.date,
                "ref": current.ref,
                "short": {code: current.short.own(code) or "" for code in LANGUAGES},
            }
            if current is not None
            else {"key": "", "name": "", "date": "", "ref": "", "short": {}}
        )
        return pages.render(
            request,
            "studio_sources.html",
            user=user,
            status_code=422 if problems else 200,
            sources=bundle.sources,
            drafts={key for key, state in states.items() if state.draft is not None},
            cited=cited,
            editing=editing,
            current=current,
            fields=fields,
            problems=problems or [],
            done=DONE.get(done or ""),
            source_lang=SOURCE_LANGUAGE,
        )

    @app.get("/studio/sources")
    def sources(
        request: Request,
        user: Editor,
        key: Annotated[str | None, Query(max_length=64)] = None,
        done: Annotated[str | None, Query(max_length=16)] = None,
    ) -> Response:
        """Every source with its own date and what cites it; one being edited (or a new one)."""
        return sources_page(request, user, editing=key, done=done)

    @app.post("/studio/sources")
    def save_source(
        request: Request,
        user: Editor,
        key: Annotated[str, Form(max_length=64)] = "",
        name: Annotated[str, Form(max_length=300)] = "",
        date: Annotated[str, Form(max_length=10)] = "",
        ref: Annotated[str, Form(max_length=500)] = "",
        short_lang: Annotated[list[str] | None, Form(max_length=8)] = None,
        short: Annotated[list[str] | None, Form(max_length=200)] = None,
    ) -> Response:
        """Keep a source (new or changed) as a draft, if it checks with what cites it.

        The short names come as pairs (`short_lang`, `short`), one per configured language.
        """
        key = key.strip().lower()
        pairs = zip(short_lang or [], short or [], strict=False)
        given = {code: text.strip() for code, text in pairs}
        # As for answers: an empty translation is missing (Spanish stands in), not blank.
        shorts = {
            code: given.get(code, "")
            for code in LANGUAGES
            if given.get(code) or code == SOURCE_LANGUAGE
        }
        typed: dict[str, Any] = {
            "key": key,
            "name": name.strip(),
            "date": date.strip(),
            "ref": ref.strip(),
            "short": shorts,
        }
        problems: list[str] = []
        entry: SourceEntry | None = None
        if not SERVICE_KEY.match(key):
            problems.append(M_("The key is lower-case letters, digits and dashes."))
        else:
            try:
                fields = {k: typed[k] for k in ("name", "date", "ref")}
                entry = SourceEntry.model_validate({**fields, "short": shorts})
            except ValidationError as exc:
                problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        if entry is not None:
            with service.database.read() as session:
                bundle = bundle_with_drafts(session=session)
            trial = dataclasses.replace(bundle, sources={**bundle.sources, key: entry})
            # A longer short name lengthens the sources line of every answer that cites it.
            citing = [f"/{t.topic}.yml" for t in bundle.topics if key in t.sources]
            problems = [
                p for p in bundle_problems(trial, translator) if any(c in p for c in citing)
            ]
        if problems or entry is None:
            return sources_page(request, user, editing=key or None, typed=typed, problems=problems)
        keep_draft(user, KIND_SOURCE, key, entry, f"source:{key}")
        return _redirect(f"{STUDIO}/sources?key={key}&done=draft")

    # -- the directory ------------------------------------------------------------------

    def service_of(key: str) -> tuple[ServiceEntry, bool] | None:
        with service.database.read() as session:
            state = document_state(session=session, kind=KIND_SERVICE, key=key)
        if state is None or (state.draft or state.live) is None:
            return None
        body = state.draft if state.draft is not None else state.live
        return ServiceEntry.model_validate(body), state.draft is not None

    def services_page(
        request: Request,
        user: StaffUser,
        *,
        editing: str | None = None,
        lang: str = SOURCE_LANGUAGE,
        typed: dict[str, Any] | None = None,
        problems: list[str] | None = None,
        done: str | None = None,
    ) -> Response:
        with service.database.read() as session:
            states = document_states(session=session, kind=KIND_SERVICE)
            bundle = bundle_with_drafts(session=session)
        sources = dict(bundle.sources)
        topics = [topic.topic for topic in bundle.topics]
        rows = []
        for state in states:
            body = state.draft if state.draft is not None else state.live
            if body is not None:
                rows.append((state.key, ServiceEntry.model_validate(body), state.draft is not None))
        current = next((entry for key, entry, _ in rows if key == editing), None)
        fields = typed or (
            {
                "name": current.name,
                "kind": current.kind,
                "city": current.city,
                "serves": list(current.serves),
                "topics": list(current.topics),
                "sources": list(current.sources),
                "offers": current.offers.own(lang) or "",
                "phone": current.phone or "",
            }
            if current is not None
            else {
                "name": "",
                "kind": "shelter",
                "city": "tijuana",
                "serves": ["everyone"],
                "topics": ["shelter"],
                "sources": [],
                "offers": "",
                "phone": "",
            }
        )
        return pages.render(
            request,
            "studio_services.html",
            user=user,
            status_code=422 if problems else 200,
            rows=rows,
            editing=editing,
            current=current,
            edit_lang=lang,
            fields=fields,
            problems=problems or [],
            done=DONE.get(done or ""),
            kinds=SERVICE_KINDS,
            audiences=AUDIENCES,
            city_names=CITY_NAMES,
            topics=topics,
            sources=sources,
            source_lang=SOURCE_LANGUAGE,
        )

    @app.get("/studio/services")
    def services(
        request: Request,
        user: Editor,
        key: Annotated[str | None, Query(max_length=64)] = None,
        lang: Annotated[str | None, Query(max_length=8)] = None,
        done: Annotated[str | None, Query(max_length=16)] = None,
    ) -> Response:
        """The directory: every service, and one being edited (or a new one)."""
        return services_page(request, user, editing=key, lang=language(lang), done=done)

    @app.post("/studio/services")
    def save_service(
        request: Request,
        user: Editor,
        key: Annotated[str, Form(max_length=64)] = "",
        lang: Annotated[str, Form(max_length=8)] = "",
        name: Annotated[str, Form(max_length=200)] = "",
        kind: Annotated[str, Form(max_length=32)] = "",
        city: Annotated[str, Form(max_length=32)] = "",
        serves: Annotated[list[str] | None, Form()] = None,
        topics: Annotated[list[str] | None, Form()] = None,
        sources: Annotated[list[str] | None, Form()] = None,
        offers: Annotated[str, Form(max_length=MAX_FIELD)] = "",
        phone: Annotated[str, Form(max_length=32)] = "",
    ) -> Response:
        """Keep a service (new, or changed in one language) as a draft, if it checks."""
        lang = language(lang)
        key = key.strip().lower()
        typed: dict[str, Any] = {
            "name": name.strip(),
            "kind": kind,
            "city": city,
            "serves": serves or [],
            "topics": topics or [],
            "sources": sources or [],
            "offers": offers.strip(),
            "phone": phone.strip(),
        }
        found = service_of(key)
        problems: list[str] = []
        if not SERVICE_KEY.match(key):
            problems.append(M_("The key is lower-case letters, digits and dashes."))
        if found is None and lang != SOURCE_LANGUAGE:
            problems.append(M_("A new service is written in the source language first."))
        entry: ServiceEntry | None = None
        if not problems:
            body: dict[str, Any] = (
                found[0].model_dump(mode="json", exclude_defaults=True)
                if found is not None
                # A new service: the other languages are missing until translated (the
                # source text stands in for them, marked as Spanish).
                else {"offers": {}}
            )
            _put(body["offers"], lang, typed["offers"], keep_empty=lang == SOURCE_LANGUAGE)
            body.update(
                name=typed["name"],
                kind=kind,
                city=city,
                country=CITY_COUNTRIES.get(city, ""),
                serves=typed["serves"],
                topics=typed["topics"],
                sources=typed["sources"],
            )
            if typed["phone"]:
                body["phone"] = typed["phone"]
            else:
                body.pop("phone", None)
            try:
                entry = ServiceEntry.model_validate(body)
            except ValidationError as exc:
                problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
            else:
                if lang != SOURCE_LANGUAGE and entry.offers.own(lang) is not None:
                    # Saved beside the source: checked against the source as it is.
                    marks = {**entry.translations, lang: entry.source_fingerprint()}
                    entry = entry.model_copy(update={"translations": marks})
        if entry is not None:
            with service.database.read() as session:
                bundle = bundle_with_drafts(session=session)
            trial = dataclasses.replace(bundle, services={**bundle.services, key: entry})
            problems = [p for p in bundle_problems(trial, translator) if f"services.{key}." in p]
        if problems or entry is None:
            return services_page(
                request, user, editing=key or None, lang=lang, typed=typed, problems=problems
            )
        keep_draft(user, KIND_SERVICE, key, entry, f"service:{key}")
        return _redirect(f"{STUDIO}/services?key={key}&lang={lang}&done=draft")

    @app.get("/studio/unanswered")
    def unanswered(
        request: Request, user: Editor, done: Annotated[str | None, Query(max_length=16)] = None
    ) -> Response:
        """What people asked that got no answer, grouped, for 30 days; no one's identity."""
        with service.database.write() as session:
            questions = recent_unanswered(session=session, cipher=service.cipher)
            audit.record(session=session, staff_id=user.id, action="unanswered_viewed")
            intents = list(bundle_with_drafts(session=session).examples)
        return pages.render(
            request,
            "studio_unanswered.html",
            user=user,
            groups=group_questions(questions),
            intents=intents,
            done=DONE.get(done or ""),
        )

    @app.post("/studio/unanswered/teach")
    def teach(
        user: Editor,
        ids: Annotated[str, Form(max_length=5000)] = "",
        intent: Annotated[str, Form(max_length=64)] = "",
        lang: Annotated[str, Form(max_length=8)] = "",
    ) -> Response:
        """Make a group's questions example questions of an intent (a draft), and drop them."""
        chosen = set(_ids(ids))
        with service.database.write() as session:
            bundle = bundle_with_drafts(session=session)
            if intent not in bundle.examples or lang not in LANGUAGES or not chosen:
                return _redirect(f"{STUDIO}/unanswered")
            found = [
                q
                for q in recent_unanswered(session=session, cipher=service.cipher)
                if q.id in chosen and q.lang == lang
            ]
            by_lang = {code: list(texts) for code, texts in bundle.examples[intent].items()}
            known = set(by_lang.get(lang, []))
            for question in found:
                if question.text not in known:
                    by_lang.setdefault(lang, []).append(question.text)
                    known.add(question.text)
            save_draft(session=session, kind=KIND_EXAMPLES, key=intent, body=by_lang, by=user.id)
            drop_unanswered(session=session, ids=[q.id for q in found])
            audit.record(
                session=session,
                staff_id=user.id,
                action="unanswered_taught",
                target=intent,
                detail=f"{lang}: {len(found)}",
            )
        return _redirect(f"{STUDIO}/unanswered?done=taught")

    @app.post("/studio/unanswered/dismiss")
    def dismiss(user: Editor, ids: Annotated[str, Form(max_length=5000)] = "") -> Response:
        """Drop a group's questions: nothing to learn from them."""
        with service.database.write() as session:
            dropped = drop_unanswered(session=session, ids=_ids(ids))
            audit.record(
                session=session,
                staff_id=user.id,
                action="unanswered_dismissed",
                detail=str(dropped),
            )
        return _redirect(f"{STUDIO}/unanswered?done=dismissed")

    @app.post("/studio/publish")
    def publish(user: Editor) -> Response:
        """Start a publish in the background; its page shows the progress."""
        started = threading.Event()
        outcome: dict[str, Any] = {}

        def run() -> None:
            def progress(step: str) -> None:
                started.set()
                log.info("publish: %s", step)

            try:
                publisher.publish(requested_by=user.id, progress=progress)
            except PublishBusyError:
                outcome["busy"] = True
            except ContentError:
                log.warning("publish refused: the content does not check")
            except Exception:  # recorded as failed with the publish; the page says so
                log.exception("publish failed")
            finally:
                started.set()

        threading.Thread(target=run, name="faro-publish", daemon=True).start()
        started.wait(timeout=10)
        with service.database.write() as session:
            audit.record(session=session, staff_id=user.id, action="content_publish")
        return _redirect(f"{STUDIO}/publish?done={'busy' if outcome.get('busy') else 'publishing'}")

    @app.get("/studio/publish")
    def publish_page(
        request: Request,
        user: Editor,
        done: Annotated[str | None, Query(max_length=16)] = None,
    ) -> Response:
        """The latest publishes, the newest first, with their steps and figures."""
        with service.database.read() as session:
            publishes = latest_publishes(session=session, limit=10)
            waiting = drafts_count(session=session)
        running = any(p.status == "running" for p in publishes)
        return pages.render(
            request,
            "studio_publish.html",
            user=user,
            publishes=publishes,
            running=running,
            waiting=waiting,
            done=DONE.get(done or ""),
        )


def _lines(text: str) -> list[str]:
    """One example question per line: blank lines and repeats dropped, spaces collapsed."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        one = " ".join(line.split()).removeprefix("- ").strip()
        if one:
            seen.setdefault(one, None)
    return list(seen)


def _put(texts: dict[str, Any], lang: str, text: str, *, keep_empty: bool) -> None:
    """Set one language's text; an empty translation is left missing rather than blank."""
    if text or keep_empty:
        texts[lang] = text
    else:
        texts.pop(lang, None)


def _ids(text: str) -> list[int]:
    return [int(part) for part in text.split(",")[:MAX_IDS] if part.strip().isdigit()]


def studio_home() -> str:
    """Where editors land after signing in."""
    return STUDIO
