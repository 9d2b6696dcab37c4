"""The voluntary-return intake: consent first, then one question at a time, then a request.

The flow's place and the choices made so far live in `PersonState.flow` (plain JSON);
what is personal data (the name, a phone number) lives in `PersonState.private`, which
the pipeline stores encrypted. Declining, cancelling or leaving the flow for 24 hours
keeps nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.core import keywords, phrases
from bot.core.conversation import PersonState
from bot.core.effects import Consent, CreateRequest, Effect, IntakeRecord
from bot.core.i18n import Gettext
from bot.core.messages import Button, Incoming, Kind, Option, Reply
from bot.core.understanding import Understanding
from bot.handoff.lifecycle import RequestKind, format_ref, priority_for

CONSENT_VERSION = "2026-12-01"
FLOW_NAME = "return_intake"
EXPIRES_AFTER = dt.timedelta(hours=24)
MAX_GROUP = 30
MAX_NAME_CHARS = 60
PREFIX = "intake:"

COUNTRIES: tuple[tuple[str, str], ...] = (
    ("HN", "Honduras"),
    ("SV", "El Salvador"),
    ("GT", "Guatemala"),
    ("NI", "Nicaragua"),
)
CITIES: tuple[tuple[str, str], ...] = (
    ("tijuana", "Tijuana"),
    ("mexicali", "Mexicali"),
    ("tapachula", "Tapachula"),
    ("mexico_city", "Ciudad de México"),
    ("tecun_uman", "Tecún Umán"),
)
OTHER = "other"
# Steps whose answer is a number: there "0" means none, not "go back".
NUMERIC_STEPS = frozenset({"group", "children"})
# Steps answered by typing: a number typed there is the answer, never a choice's number.
TYPED_STEPS = frozenset({"name", "group", "children", "ages", "phone"})

# The questions in order; a step is skipped when an earlier answer makes it pointless.
STEPS: tuple[str, ...] = (
    "name",
    "country",
    "city",
    "group",
    "children",
    "ages",
    "minor",
    "medical",
    "gender",
    "phone",
)


@dataclass(frozen=True, slots=True)
class FlowResult:
    """What one turn of the flow says and does."""

    replies: list[Reply]
    effects: list[Effect]


@dataclass(slots=True)
class IntakeContext:
    """What the flow needs from the assistant for one turn."""

    incoming: Incoming
    person: PersonState
    lang: str
    _: Gettext
    understanding: Understanding | None
    now: dt.datetime
    retention_days: int
    new_ref: Callable[[], str]
    # Answers a topic (a question asked mid-flow, or the child-protection answer).
    answer_topic: Callable[[str], list[Reply]]
    # The confident topic or protective intent of a free-text message, if any.
    question_topic: str | None


def is_active(person: PersonState) -> bool:
    """Whether the person is in the middle of the intake."""
    return bool(person.flow) and person.flow.get("name") == FLOW_NAME  # type: ignore[union-attr]


def expired(person: PersonState, now: dt.datetime) -> bool:
    """Whether the person's intake was left for longer than 24 hours."""
    if not is_active(person):
        return False
    started = _parse_time(person.flow.get("updated") if person.flow else None)
    return started is None or now - started > EXPIRES_AFTER


def typing_expected(person: PersonState) -> bool:
    """Whether the flow waits for typed data (a name, a count, ages, a phone number)."""
    return is_active(person) and str((person.flow or {}).get("step")) in TYPED_STEPS


def expires_at(person: PersonState) -> dt.datetime | None:
    """When the person's unfinished intake must be dropped (for the housekeeping sweep)."""
    if not is_active(person) or person.flow is None:
        return None
    updated = _parse_time(person.flow.get("updated"))
    return updated + EXPIRES_AFTER if updated else None


def drop(person: PersonState) -> None:
    """Forget the flow and everything it collected."""
    person.flow = None
    person.private = {}


def start(ctx: IntakeContext, *, places: dict[str, str] | None = None) -> FlowResult:
    """Begin the intake: explain, then ask for consent. Nothing is kept before a yes."""
    ctx.person.flow = {
        "name": FLOW_NAME,
        "step": "consent",
        "fields": {},
        "named": dict(places or {}),
        "updated": ctx.now.isoformat(),
    }
    ctx.person.private = {}
    return FlowResult([_consent_question(ctx)], [])


def handle(ctx: IntakeContext) -> FlowResult:
    """Take one message of a person who is in the intake."""
    flow = ctx.person.flow
    assert flow is not None
    flow["updated"] = ctx.now.isoformat()
    step = str(flow.get("step", "consent"))
    incoming = ctx.incoming
    payload = incoming.payload.removeprefix(PREFIX) if incoming.kind is Kind.BUTTON else ""
    text = incoming.text if incoming.kind is Kind.TEXT else ""

    if payload == "cancel" or (text and keywords.is_in(keywords.CANCEL, text)):
        drop(ctx.person)
        return FlowResult([_reply(ctx, ctx._(phrases.INTAKE_CANCELLED), menu=True)], [])
    numeric = step in NUMERIC_STEPS and keywords.parse_count(text) is not None
    if (text and not numeric and keywords.is_in(keywords.BACK, text)) or payload == "back":
        return FlowResult([_go_back(ctx)], [])

    if step == "consent":
        return _on_consent(ctx, payload, text)
    if step == "confirm":
        return _on_confirm(ctx, payload, text)
    if step == "edit":
        return _on_edit_choice(ctx, payload, text)
    return _on_answer(ctx, step, payload, text)


# -- steps ---------------------------------------------------------------------------------


def _on_consent(ctx: IntakeContext, payload: str, text: str) -> FlowResult:
    answer = _yes_no(ctx, payload, text)
    if answer is True:
        assert ctx.person.flow is not None
        ctx.person.flow["consent"] = {
            "version": CONSENT_VERSION,
            "lang": ctx.lang,
            "channel": ctx.incoming.channel.value,
            "at": ctx.now.isoformat(),
        }
        return FlowResult([_ask(ctx, _next_step(ctx, None))], [])
    if answer is False:
        drop(ctx.person)
        return FlowResult([_reply(ctx, ctx._(phrases.INTAKE_DECLINED), menu=True)], [])
    return _not_an_answer(ctx, "consent")


def _on_answer(ctx: IntakeContext, step: str, payload: str, text: str) -> FlowResult:
    flow = ctx.person.flow
    assert flow is not None
    fields: dict[str, Any] = flow.setdefault("fields", {})
    problem: str | None = None
    accepted = False

    if step == "name":
        name = " ".join(text.split())
        if payload or not _looks_like_name(name) or ctx.question_topic:
            problem = None if ctx.question_topic else ctx._(phrases.INVALID_NAME)
        else:
            ctx.person.private["name"] = name[:MAX_NAME_CHARS]
            accepted = True
    elif step in ("country", "city"):
        choices = COUNTRIES if step == "country" else CITIES
        named = flow.get("named", {}).get(step)
        value = _choice(payload, text, [key for key, _ in choices] + [OTHER])
        if value is None and named:
            confirmed = _yes_no(ctx, payload, text)
            if confirmed is True:
                value = named
            elif confirmed is False:
                flow.setdefault("named", {}).pop(step, None)
                return FlowResult([_ask(ctx, step)], [])
        if value is not None:
            fields[step] = value
            accepted = True
    elif step == "group":
        count = keywords.parse_count(text) if text else None
        if count is None:
            problem = None if ctx.question_topic else ctx._(phrases.INVALID_NUMBER)
        elif count > MAX_GROUP:
            problem = ctx._(phrases.TOO_MANY_PEOPLE).format(max=MAX_GROUP)
        else:
            fields["group_size"] = count
            accepted = True
    elif step == "children":
        count = keywords.parse_count(text) if text else None
        group = int(fields.get("group_size") or 0)
        if count is None:
            problem = None if ctx.question_topic else ctx._(phrases.INVALID_NUMBER)
        elif count > group:
            problem = ctx._(phrases.TOO_MANY_CHILDREN).format(group=group)
        else:
            fields["children"] = count
            accepted = True
    elif step == "ages":
        ages = keywords.parse_ages(text) if text else None
        expected = int(fields.get("children") or 0)
        if ages is not None and len(ages) == expected and all(0 <= a <= 17 for a in ages):
            fields["children_ages"] = ages
            accepted = True
        elif not (ages is None and ctx.question_topic):
            problem = ctx._(phrases.INVALID_AGES).format(count=expected)
    elif step in ("minor", "medical"):
        answer = _yes_no(ctx, payload, text)
        if answer is not None:
            fields[step] = answer
            accepted = True
    elif step == "gender":
        value = _choice(payload, text, ["woman", "man", "skip"])
        value = value or _gender_word(text)
        if value is not None:
            fields["gender"] = None if value == "skip" else value
            accepted = True
    elif step == "phone":
        if payload == "skip" or (text and keywords.is_in(keywords.SKIP, text)):
            ctx.person.private.pop("phone", None)
            accepted = True
        else:
            phone = keywords.parse_phone(text) if text else None
            if phone is None:
                problem = None if ctx.question_topic else ctx._(phrases.INVALID_PHONE)
            else:
                ctx.person.private["phone"] = phone
                accepted = True

    if accepted:
        if flow.get("editing"):
            flow["editing"] = False
            following = _next_step(ctx, step, only_needed=True)
            if following is None or following == step:
                return FlowResult([_summary(ctx)], [])
            return FlowResult([_ask(ctx, following)], [])
        following = _next_step(ctx, step)
        return FlowResult([_ask(ctx, following) if following else _summary(ctx)], [])
    if problem is not None:
        return FlowResult([_reask(ctx, step, problem)], [])
    return _not_an_answer(ctx, step)


def _on_confirm(ctx: IntakeContext, payload: str, text: str) -> FlowResult:
    choice = _choice(payload, text, ["confirm", "edit", "cancel"])
    if choice is None:
        yes_no = _yes_no(ctx, payload, text)
        choice = "confirm" if yes_no is True else "edit" if yes_no is False else None
    if choice == "confirm":
        return _finish(ctx)
    if choice == "edit":
        assert ctx.person.flow is not None
        ctx.person.flow["step"] = "edit"
        return FlowResult([_edit_menu(ctx)], [])
    if choice == "cancel":
        drop(ctx.person)
        return FlowResult([_reply(ctx, ctx._(phrases.INTAKE_CANCELLED), menu=True)], [])
    return _not_an_answer(ctx, "confirm")


def _on_edit_choice(ctx: IntakeContext, payload: str, text: str) -> FlowResult:
    field = _choice(payload.removeprefix("edit:"), text, list(_editable(ctx)))
    if field is None:
        return _not_an_answer(ctx, "edit")
    flow = ctx.person.flow
    assert flow is not None
    flow["editing"] = True
    flow.setdefault("named", {}).pop(field, None)
    return FlowResult([_ask(ctx, field)], [])


def _finish(ctx: IntakeContext) -> FlowResult:
    flow = ctx.person.flow
    assert flow is not None
    fields: dict[str, Any] = flow.get("fields", {})
    consent_raw = flow.get("consent") or {}
    consent_at = _parse_time(consent_raw.get("at")) or ctx.now
    minor_alone = bool(fields.get("minor"))
    medical = bool(fields.get("medical"))
    danger = bool(flow.get("danger"))
    priority = priority_for(urgent=minor_alone, high=medical or danger)
    ref = ctx.new_ref()
    record = IntakeRecord(
        name=ctx.person.private.get("name"),
        phone=ctx.person.private.get("phone"),
        country=fields.get("country"),
        city=fields.get("city"),
        gender=fields.get("gender"),
        group_size=_int_or_none(fields.get("group_size")),
        children=_int_or_none(fields.get("children")),
        children_ages=tuple(int(a) for a in fields.get("children_ages", [])),
        unaccompanied_minor=minor_alone,
        medical_need=medical,
    )
    consent = Consent(
        version=str(consent_raw.get("version", CONSENT_VERSION)),
        lang=str(consent_raw.get("lang", ctx.lang)),
        channel=str(consent_raw.get("channel", ctx.incoming.channel.value)),
        at=consent_at,
    )
    reason = "unaccompanied_child" if minor_alone else ("medical" if medical else None)
    effect = CreateRequest(
        ref=ref,
        kind=RequestKind.RETURN,
        priority=priority,
        reason=reason,
        intake=record,
        consent=consent,
    )
    drop(ctx.person)
    replies = [_reply(ctx, ctx._(phrases.REGISTERED).format(ref=format_ref(ref)), menu=True)]
    if minor_alone:
        replies.append(Reply(ctx._(phrases.CHILD_URGENT), lang=ctx.lang))
        replies.extend(ctx.answer_topic("unaccompanied_child"))
    return FlowResult(replies, [effect])


# -- questions -----------------------------------------------------------------------------


def _consent_question(ctx: IntakeContext) -> Reply:
    return Reply(
        ctx._(phrases.INTAKE_CONSENT).format(days=ctx.retention_days),
        buttons=(
            Button(f"{PREFIX}yes", ctx._(phrases.BUTTON_AGREE)),
            Button(f"{PREFIX}no", ctx._(phrases.BUTTON_DECLINE)),
        ),
        lang=ctx.lang,
    )


def _ask(ctx: IntakeContext, step: str | None) -> Reply:
    flow = ctx.person.flow
    assert flow is not None
    if step is None:
        return _summary(ctx)
    flow["step"] = step
    _ = ctx._
    named = flow.get("named", {}).get(step)
    yes_no = (
        Button(f"{PREFIX}yes", _(phrases.BUTTON_YES)),
        Button(f"{PREFIX}no", _(phrases.BUTTON_NO)),
    )
    if step == "name":
        return Reply(_(phrases.ASK_NAME), lang=ctx.lang)
    if step == "country":
        if named:
            question = _(phrases.CONFIRM_COUNTRY).format(country=_country_name(ctx, named))
            return Reply(question, buttons=yes_no, lang=ctx.lang)
        options = [Option(f"{PREFIX}{key}", name) for key, name in COUNTRIES]
        options.append(Option(f"{PREFIX}{OTHER}", _(phrases.OTHER_COUNTRY)))
        return _numbered(ctx, _(phrases.ASK_COUNTRY), options)
    if step == "city":
        if named:
            question = _(phrases.CONFIRM_CITY).format(city=_city_name(ctx, named))
            return Reply(question, buttons=yes_no, lang=ctx.lang)
        options = [Option(f"{PREFIX}{key}", name) for key, name in CITIES]
        options.append(Option(f"{PREFIX}{OTHER}", _(phrases.OTHER_CITY)))
        return _numbered(ctx, _(phrases.ASK_CITY), options)
    if step == "group":
        return Reply(_(phrases.ASK_GROUP), lang=ctx.lang)
    if step == "children":
        return Reply(_(phrases.ASK_CHILDREN), lang=ctx.lang)
    if step == "ages":
        return Reply(_(phrases.ASK_AGES), lang=ctx.lang)
    if step == "minor":
        return Reply(_(phrases.ASK_MINOR), buttons=yes_no, lang=ctx.lang)
    if step == "medical":
        return Reply(_(phrases.ASK_MEDICAL), buttons=yes_no, lang=ctx.lang)
    if step == "gender":
        return Reply(
            _(phrases.ASK_GENDER),
            buttons=(
                Button(f"{PREFIX}woman", _(phrases.BUTTON_WOMAN)),
                Button(f"{PREFIX}man", _(phrases.BUTTON_MAN)),
                Button(f"{PREFIX}skip", _(phrases.BUTTON_SKIP)),
            ),
            lang=ctx.lang,
        )
    if step == "phone":
        return Reply(
            _(phrases.ASK_PHONE),
            buttons=(Button(f"{PREFIX}skip", _(phrases.BUTTON_SKIP)),),
            lang=ctx.lang,
        )
    return _summary(ctx)


def _numbered(ctx: IntakeContext, question: str, options: list[Option]) -> Reply:
    # Numbers in the text let a person answer by typing "2" where lists do not show.
    lines = [question, *(f"{n}. {option.title}" for n, option in enumerate(options, 1))]
    return Reply(
        "\n".join(lines), options=tuple(options), list_label="1-" + str(len(options)), lang=ctx.lang
    )


def _summary(ctx: IntakeContext) -> Reply:
    flow = ctx.person.flow
    assert flow is not None
    flow["step"] = "confirm"
    _ = ctx._
    lines = [_(phrases.SUMMARY), ""]
    for label, value in _summary_rows(ctx):
        lines.append(f"• {label}: {value}")
    return Reply(
        "\n".join(lines),
        buttons=(
            Button(f"{PREFIX}confirm", _(phrases.BUTTON_CONFIRM)),
            Button(f"{PREFIX}edit", _(phrases.BUTTON_CHANGE)),
            Button(f"{PREFIX}cancel", _(phrases.BUTTON_CANCEL)),
        ),
        lang=ctx.lang,
    )


def _summary_rows(ctx: IntakeContext) -> list[tuple[str, str]]:
    flow = ctx.person.flow
    assert flow is not None
    fields: dict[str, Any] = flow.get("fields", {})
    _ = ctx._
    not_given = _(phrases.VALUE_NOT_GIVEN)

    def yes_no(value: Any) -> str:
        return _(phrases.BUTTON_YES) if value else _(phrases.BUTTON_NO)

    rows = [
        (_(phrases.FIELD_NAME), ctx.person.private.get("name") or not_given),
        (_(phrases.FIELD_COUNTRY), _country_name(ctx, fields.get("country"))),
        (_(phrases.FIELD_CITY), _city_name(ctx, fields.get("city"))),
        (_(phrases.FIELD_GROUP), str(fields.get("group_size", 0))),
    ]
    if fields.get("group_size"):
        rows.append((_(phrases.FIELD_CHILDREN), str(fields.get("children", 0))))
    if fields.get("children"):
        rows.append(
            (_(phrases.FIELD_AGES), ", ".join(str(a) for a in fields.get("children_ages", [])))
        )
    if "minor" in fields:
        rows.append((_(phrases.FIELD_MINOR), yes_no(fields.get("minor"))))
    rows.append((_(phrases.FIELD_MEDICAL), yes_no(fields.get("medical"))))
    gender = fields.get("gender")
    gender_label = {"woman": _(phrases.BUTTON_WOMAN), "man": _(phrases.BUTTON_MAN)}
    rows.append((_(phrases.FIELD_GENDER), gender_label.get(str(gender), not_given)))
    rows.append((_(phrases.FIELD_PHONE), ctx.person.private.get("phone") or not_given))
    return rows


def _edit_menu(ctx: IntakeContext) -> Reply:
    labels = dict(_field_labels(ctx))
    options = tuple(Option(f"{PREFIX}edit:{step}", labels[step]) for step in _editable(ctx))
    text = "\n".join(
        [ctx._(phrases.WHICH_FIELD), *(f"{n}. {o.title}" for n, o in enumerate(options, 1))]
    )
    return Reply(text, options=options, list_label="1-" + str(len(options)), lang=ctx.lang)


def _field_labels(ctx: IntakeContext) -> list[tuple[str, str]]:
    _ = ctx._
    return [
        ("name", _(phrases.FIELD_NAME)),
        ("country", _(phrases.FIELD_COUNTRY)),
        ("city", _(phrases.FIELD_CITY)),
        ("group", _(phrases.FIELD_GROUP)),
        ("children", _(phrases.FIELD_CHILDREN)),
        ("ages", _(phrases.FIELD_AGES)),
        ("minor", _(phrases.FIELD_MINOR)),
        ("medical", _(phrases.FIELD_MEDICAL)),
        ("gender", _(phrases.FIELD_GENDER)),
        ("phone", _(phrases.FIELD_PHONE)),
    ]


def _editable(ctx: IntakeContext) -> list[str]:
    return [step for step in STEPS if _needed(ctx, step)]


def _reask(ctx: IntakeContext, step: str, problem: str) -> Reply:
    question = _ask(ctx, step)
    return Reply(
        f"{problem}\n\n{question.text}" if problem not in question.text else question.text,
        buttons=question.buttons,
        options=question.options,
        list_label=question.list_label,
        lang=ctx.lang,
    )


def _not_an_answer(ctx: IntakeContext, step: str) -> FlowResult:
    """Not an answer to the question: answer a question if it was one, then ask again."""
    replies: list[Reply] = []
    if ctx.question_topic:
        replies.extend(ctx.answer_topic(ctx.question_topic))
        lead = ctx._(phrases.LETS_CONTINUE)
    else:
        lead = ctx._(phrases.CHOOSE_ONE) if step not in ("name",) else ctx._(phrases.INVALID_NAME)
    question = current_question(ctx)
    replies.append(
        Reply(
            f"{lead}\n\n{question.text}",
            buttons=question.buttons,
            options=question.options,
            list_label=question.list_label,
            lang=ctx.lang,
        )
    )
    return FlowResult(replies, [])


def current_question(ctx: IntakeContext) -> Reply:
    """The question the flow is waiting on, asked again (after a change of language)."""
    flow = ctx.person.flow
    assert flow is not None
    step = str(flow.get("step", "consent"))
    if step == "consent":
        return _consent_question(ctx)
    if step == "confirm":
        return _summary(ctx)
    if step == "edit":
        return _edit_menu(ctx)
    return _ask(ctx, step)


def _go_back(ctx: IntakeContext) -> Reply:
    flow = ctx.person.flow
    assert flow is not None
    step = str(flow.get("step"))
    if step in ("consent",):
        return _consent_question(ctx)
    if step in ("confirm", "edit"):
        previous = [s for s in STEPS if _needed(ctx, s)][-1]
        return _ask(ctx, previous)
    order = [s for s in STEPS if _needed(ctx, s) or s == step]
    index = order.index(step) if step in order else 0
    if index == 0:
        flow["step"] = "consent"
        return _consent_question(ctx)
    return _ask(ctx, order[index - 1])


def _next_step(ctx: IntakeContext, current: str | None, *, only_needed: bool = False) -> str | None:
    start = 0 if current is None else STEPS.index(current) + 1
    flow = ctx.person.flow
    assert flow is not None
    fields = flow.get("fields", {})
    for step in STEPS[start:]:
        if not _needed(ctx, step):
            continue
        if only_needed and _answered(step, fields, ctx.person.private):
            continue
        return step
    return None


def _needed(ctx: IntakeContext, step: str) -> bool:
    flow = ctx.person.flow
    assert flow is not None
    fields: dict[str, Any] = flow.get("fields", {})
    group = int(fields.get("group_size") or 0)
    children = int(fields.get("children") or 0)
    if step == "children":
        return group > 0
    if step == "ages":
        return group > 0 and children > 0
    if step == "minor":
        # Only someone with no adult beside them can be a child travelling alone.
        return group == 0 or children >= group
    return True


def _answered(step: str, fields: dict[str, Any], private: dict[str, str]) -> bool:
    if step == "name":
        return "name" in private
    if step == "phone":
        return True  # optional: never asked again after an edit
    key = {"group": "group_size", "ages": "children_ages"}.get(step, step)
    return key in fields


# -- reading answers -------------------------------------------------------------------------


def _yes_no(ctx: IntakeContext, payload: str, text: str) -> bool | None:
    if payload in ("yes", "no"):
        return payload == "yes"
    if not text:
        return None
    if keywords.is_in(keywords.YES, text) or text.strip() == "1":
        return True
    if keywords.is_in(keywords.NO, text) or text.strip() == "2":
        return False
    parse = ctx.understanding.parse if ctx.understanding else None
    if parse is not None and parse.confidence >= 0.6 and len(text.split()) <= 4:
        if parse.intent == "affirm":
            return True
        if parse.intent == "deny":
            return False
    return None


def _choice(payload: str, text: str, keys: list[str]) -> str | None:
    if payload in keys:
        return payload
    if not text:
        return None
    folded = keywords.fold(text)
    if folded.isdigit():
        index = int(folded) - 1
        return keys[index] if 0 <= index < len(keys) else None
    names = {keywords.fold(name): key for key, name in (*COUNTRIES, *CITIES)}
    names.update({"cdmx": "mexico_city", "mexico city": "mexico_city", "df": "mexico_city"})
    names.update({"tecun": "tecun_uman", "salvador": "SV"})
    found = names.get(folded)
    if found in keys:
        return found
    return folded if folded in keys else None


def _gender_word(text: str) -> str | None:
    folded = keywords.fold(text)
    women = {"mujer", "woman", "femme", "fanm", "mulher", "female", "f"}
    men = {"hombre", "man", "homme", "gason", "nonm", "homem", "male", "m", "varon"}
    if folded in women:
        return "woman"
    if folded in men:
        return "man"
    if keywords.is_in(keywords.SKIP, text):
        return "skip"
    return None


def _looks_like_name(text: str) -> bool:
    if not text or len(text) > MAX_NAME_CHARS or "?" in text or "¿" in text:
        return False
    words = text.split()
    if len(words) > 4:
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 2 and not any(ch.isdigit() for ch in text)


def _country_name(ctx: IntakeContext, key: Any) -> str:
    names = dict(COUNTRIES)
    if key in names:
        return names[key]
    return ctx._(phrases.OTHER_COUNTRY)


def _city_name(ctx: IntakeContext, key: Any) -> str:
    names = dict(CITIES)
    if key in names:
        return names[key]
    return ctx._(phrases.OTHER_CITY)


def _reply(ctx: IntakeContext, text: str, *, menu: bool = False) -> Reply:
    if not menu:
        return Reply(text, lang=ctx.lang)
    return Reply(
        text,
        buttons=(Button("menu", ctx._(phrases.BUTTON_MENU)),),
        lang=ctx.lang,
    )


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else None


def _parse_time(raw: Any) -> dt.datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
