"""The conversation core: from one Incoming message to the replies Faro sends."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from bot.core import directory, keywords, needs, phrases
from bot.core.content import TOPICS, Answer, ContentLibrary
from bot.core.conversation import ConversationStore, PersonState
from bot.core.danger import PROTECTIVE_INTENTS, danger_of
from bot.core.danger_patterns import danger_by_pattern
from bot.core.effects import (
    CancelRequest,
    CreateRequest,
    Effect,
    EraseMyData,
    KeepUnanswered,
    RaisePriority,
    RelayToCaseworker,
)
from bot.core.flows import intake
from bot.core.footer import with_footer
from bot.core.i18n import Gettext, Translator, language_name
from bot.core.messages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    MAX_TEXT_CHARS,
    Button,
    Channel,
    Incoming,
    Kind,
    Option,
    Reply,
    Turn,
    parse_location,
)
from bot.core.understanding import (
    FALLBACK_INTENT,
    EntityExtractor,
    IntentParser,
    LanguageGuess,
    LanguageIdentifier,
    NluUnavailableError,
    Parse,
    Understanding,
)
from bot.handoff.lifecycle import Priority, RequestKind, format_ref, new_ref

# Longer texts are cut before parsing: intent lives in the first sentences, and the
# NLU server's time grows with length.
NLU_INPUT_CHARS = 1000
MISSES_BEFORE_MENU = 2
# An unanswered question kept for the editors is cut to this length.
MAX_UNANSWERED_CHARS = 500

# Button payloads. Telegram caps callback data at 64 bytes; these stay far below.
TOPIC_PREFIX = "topic:"
LANG_PREFIX = "lang:"
PAYLOAD_MENU = "menu"
PAYLOAD_HUMAN = "human"
PAYLOAD_LANGUAGE = "language"
PAYLOAD_REGISTER = "register"
URGENT_PREFIX = "urgent:"
PAYLOAD_ERASE = "erase:yes"
PAYLOAD_KEEP = "erase:no"
PAYLOAD_WITHDRAW = "request:cancel"
PAYLOAD_KEEP_REQUEST = "request:keep"
PAYLOAD_BACK = "back"

# What a person may type instead of pressing: the numbers of the last question's choices,
# and the screens they went through, for "0" and "back" (kept in PersonState.extra).
CHOICES_KEY = "choices"
TRAIL_KEY = "trail"
TRAIL_LENGTH = 8
# Several needs in one message: other intents the model scores at least this high are
# offered as buttons under the answer (at most OTHER_NEEDS_SHOWN). Chosen on the
# development half of nlu/tests/multineed_*.yml (`python -m nlu.tools.multineed`).
OTHER_NEED_MIN_SCORE = 0.30
OTHER_NEEDS_SHOWN = 2
# A part of the message (`needs.parts_of`) names a need when its own top intent is this sure.
PART_NEED_MIN_SCORE = 0.4

LANGUAGE_COMMANDS = frozenset({"language", "lang", "idioma", "langue", "lingua"})
COMMANDS = frozenset({"start", "menu", "help"}) | LANGUAGE_COMMANDS | keywords.ERASE_COMMANDS
# `/start return` and `/start lang_ht`: Telegram deep links and their web equivalents.
START_RETURN = "return"
START_LANGUAGE = "lang_"


class ContentProvider(Protocol):
    """Gives the current content library (it may be refreshed behind the scenes)."""

    def library(self) -> ContentLibrary:
        """The content to answer from now."""
        ...


@dataclass(frozen=True, slots=True)
class Prepared:
    """A message made ready for a turn: cleaned, understood, with the content to use."""

    incoming: Incoming
    understanding: Understanding | None
    library: ContentLibrary


@dataclass(frozen=True, slots=True)
class _Context:
    """What one turn works with."""

    incoming: Incoming
    person: PersonState
    lang: str
    _: Gettext
    understanding: Understanding | None
    library: ContentLibrary
    effects: list[Effect]
    # The screens this turn showed ("menu", "topic:asylum"...), for going back later.
    screens: list[str] = field(default_factory=list)


class Assistant:
    """Decides what Faro says. Knows no platform, no web framework and no Rasa."""

    def __init__(
        self,
        *,
        store: ConversationStore | None = None,
        parser: IntentParser,
        language_identifier: LanguageIdentifier,
        entity_extractor: EntityExtractor,
        content: ContentProvider,
        translator: Translator,
        threshold: float = 0.5,
        confirm_language: bool = True,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        make_ref: Callable[[], str] = new_ref,
        retention_days: int = 90,
    ) -> None:
        self._store = store
        self._parser = parser
        self._language_identifier = language_identifier
        self._entity_extractor = entity_extractor
        self._content = content
        self._translator = translator
        self._threshold = threshold
        self._confirm_language = confirm_language
        self._today = today
        self._now = now
        self._make_ref = make_ref
        self._retention_days = retention_days

    # -- understanding (no state touched) -------------------------------------------------

    def understand(self, text: str) -> Understanding:
        """Parse the intent and places of `text` (may call the NLU server)."""
        clipped = text[:NLU_INPUT_CHARS]
        try:
            parse: Parse | None = self._parser.parse(clipped)
            parts = tuple(self._parser.parse(part) for part in needs.parts_of(clipped))
        except NluUnavailableError:
            parse, parts = None, ()
        return Understanding(
            parse=parse, entities=self._entity_extractor.extract(clipped), parts=parts
        )

    def identify_language(self, text: str) -> LanguageGuess | None:
        """Guess which of the five languages `text` is written in."""
        return self._language_identifier.identify(text[:NLU_INPUT_CHARS])

    # -- one turn -------------------------------------------------------------------------

    def prepare(self, incoming: Incoming) -> Prepared:
        """Clean the text and understand it, touching no conversation state.

        This is the slow part of a turn (NLU, places, content); the pipeline runs it
        before it locks the person, so the lock is held only while deciding.
        """
        text = clean_text(incoming.text)
        incoming = _with_text(incoming, text)
        understanding = None
        library = self._content.library()
        if incoming.kind is Kind.TEXT and _has_words(text) and len(text) <= MAX_TEXT_CHARS:
            command = _command_name(text)
            if command is None:
                understanding = self.understand(text)
        return Prepared(incoming=incoming, understanding=understanding, library=library)

    def decide(self, prepared: Prepared, person: PersonState) -> Turn:
        """Decide the replies to a prepared message, updating `person` in place.

        The turn's effects (a request to queue, a message for the caseworker, an erasure)
        come back in `Turn.effects` for the pipeline to apply in the same transaction.
        """
        effects: list[Effect] = []
        turn = self._decide(
            prepared.incoming, person, prepared.understanding, prepared.library, effects
        )
        if not effects:
            return turn
        return Turn(
            replies=turn.replies,
            lang=turn.lang,
            intent=turn.intent,
            confidence=turn.confidence,
            entities=turn.entities,
            effects=tuple(effects),
        )

    def trouble_turn(self, person: PersonState) -> Turn:
        """What a person gets when their message could not be handled: the menu."""
        lang = person.lang or DEFAULT_LANGUAGE
        _ = self._translator.gettext_for(lang)
        library = self._content.library()
        incoming = Incoming(Channel.CLI, "", "", Kind.TEXT)
        ctx = _Context(incoming, person, lang, _, None, library, [])
        replies = _number_choices(
            person, [self._menu(ctx, _(phrases.NLU_DOWN))], _(phrases.NUMBER_HINT)
        )
        _remember_screen(person, ctx.screens)
        return Turn(replies=tuple(replies), lang=lang)

    def handle(self, incoming: Incoming) -> Turn:
        """Process one message exactly once through the store and return the replies."""
        if self._store is None:
            raise RuntimeError("handle() needs a conversation store; the pipeline uses decide()")
        prepared = self.prepare(incoming)
        with self._store.conversation(
            incoming.channel, incoming.user_id, incoming.message_id
        ) as person:
            if person is None:
                return Turn(replies=(), lang=DEFAULT_LANGUAGE, duplicate=True)
            return self.decide(prepared, person)

    def _decide(
        self,
        incoming: Incoming,
        person: PersonState,
        understanding: Understanding | None,
        library: ContentLibrary,
        effects: list[Effect],
    ) -> Turn:
        typed = _typed_choice(incoming, person)
        if typed is not incoming:
            incoming, understanding = typed, None  # "2", "0", "kreyol": a press, not a question
        # The language is guessed for every text: a person whose language is unknown is
        # answered in it, and a text in a language Faro does not speak is told apart.
        guess = None
        if understanding is not None and incoming.lang is None:
            guess = self.identify_language(incoming.text)
        if person.lang is not None and guess is not None and not guess.foreign:
            guess = None  # the person's language stands, unless the text is plainly foreign
        chosen = self._settle_language(incoming, person, guess)
        lang = chosen or _fallback_language(person, guess, incoming)
        if understanding is not None:
            understanding = understanding.in_language(lang)
        ctx = _Context(
            incoming,
            person,
            lang,
            self._translator.gettext_for(lang),
            understanding,
            library,
            effects,
        )
        parse = understanding.parse if understanding else None
        entities = tuple(e.as_dict() for e in understanding.entities) if understanding else ()

        def turn(replies: list[Reply], intent: str | None = None, confidence: float = 0.0) -> Turn:
            replies = _number_choices(person, replies, ctx._(phrases.NUMBER_HINT))
            _remember_screen(person, ctx.screens)
            return Turn(
                replies=tuple(replies),
                lang=lang,
                intent=intent,
                confidence=confidence,
                entities=entities,
            )

        lead: list[Reply] = []
        if intake.expired(person, self._now()):
            intake.drop(person)
            lead.append(Reply(ctx._(phrases.INTAKE_EXPIRED), lang=lang))

        if incoming.kind is Kind.BUTTON:
            return turn([*lead, *self._on_button(ctx)], intent=None, confidence=1.0)
        if incoming.kind is Kind.COMMAND:
            argument = _command_argument(incoming.text)
            return turn([*lead, *self._on_command(ctx, incoming.payload, argument)])
        text = incoming.text
        handoff = person.request is not None and person.request.handoff_open
        if handoff:
            return turn(self._during_handoff(ctx, parse), *_intent_of(parse))
        if incoming.kind is Kind.LOCATION:
            return turn([*lead, *self._near(ctx)])
        notice = _notice_for(incoming)
        if notice is not None:
            return turn([*lead, self._with_menu_buttons(ctx, ctx._(notice))])

        command = _command_name(text)
        if command is not None:
            return turn([*lead, *self._on_command(ctx, command, _command_argument(text))])
        if keywords.asks_to_erase(text):
            return turn([*lead, self._erase_question(ctx)])
        if keywords.is_in(keywords.CANCEL_REQUEST, text) and person.request is not None:
            return turn([*lead, self._withdraw_question(ctx)])
        if (
            guess is not None
            and not (guess.ours and not guess.foreign)
            and (danger_by_pattern(text) is None)
        ):
            # Not one of Faro's languages (or too short to tell): the choice, in all of
            # them, rather than a guess answered in the wrong language. The model's scores
            # on such a text mean nothing; only the patterns could still read danger.
            return turn([*lead, *self._not_our_language(ctx)])

        danger = danger_of(parse, text, understanding.parts if understanding else ())
        if danger is not None and intake.is_active(person) and _short_answer(text, parse, danger):
            danger = None  # "2", "si", "Ana": an answer to the flow's question, not a cry
        if danger is not None:
            if intake.is_active(person) and person.flow is not None:
                person.flow["danger"] = True
            replies = self._protective(ctx, danger)
            if not intake.is_active(person):
                replies.extend(self._other_needs(ctx, parse, danger, replies))
            return turn([*lead, *replies], danger, _confidence(parse, danger))

        if intake.is_active(person):
            return turn([*lead, *self._intake_turn(ctx, parse)], *_intent_of(parse))

        if parse is None:
            return turn([*lead, self._menu(ctx, ctx._(phrases.NLU_DOWN))])

        if chosen is None and self._confirm_language:
            # Not sure of the language yet: ask, and keep the topic to answer after.
            if _is_topic(library, parse.intent) and parse.confidence >= self._threshold:
                person.pending_topic = parse.intent
            return turn(self._language_question(ctx), parse.intent, parse.confidence)

        return turn([*lead, *self._on_intent(ctx, parse)], parse.intent, parse.confidence)

    # -- language ------------------------------------------------------------------------

    def _settle_language(
        self, incoming: Incoming, person: PersonState, guess: LanguageGuess | None
    ) -> str | None:
        """Fix the person's language when this message tells it; return it if known."""
        if incoming.kind is Kind.BUTTON and incoming.payload.startswith(LANG_PREFIX):
            requested = incoming.payload.removeprefix(LANG_PREFIX)
            if requested in LANGUAGES:
                person.lang = requested
        elif incoming.lang in LANGUAGES:
            person.lang = incoming.lang
        elif person.lang is not None:
            pass
        elif guess is not None and guess.confident:
            person.lang = guess.lang
        elif incoming.language_hint in LANGUAGES and (guess is None or guess.ours):
            # The app's own language (Telegram's language_code) is the first guess when
            # the words do not tell: better than asking someone who may not read well.
            person.lang = incoming.language_hint
        elif not self._confirm_language and guess is not None and guess.ours:
            person.lang = guess.lang
        return person.lang

    def _not_our_language(self, ctx: _Context) -> list[Reply]:
        """A text in a language Faro does not speak: the language choice in all of them."""
        if ctx.person.lang is None:
            return self._language_question(ctx)
        # Someone who chose a language before is told why, in it, before the choice.
        return [
            Reply(ctx._(phrases.LANGUAGE_NOT_SPOKEN), lang=ctx.lang),
            *self._language_question(ctx),
        ]

    def _language_question(self, ctx: _Context) -> list[Reply]:
        ctx.screens.append(PAYLOAD_LANGUAGE)
        lines = [self._translator.gettext_for(lang)(phrases.CHOOSE_LANGUAGE) for lang in LANGUAGES]
        options = tuple(Option(f"{LANG_PREFIX}{lang}", language_name(lang)) for lang in LANGUAGES)
        return [
            Reply(
                text="\n".join(lines),
                options=options,
                list_label="🌐 " + "/".join(LANGUAGES),
                lang=DEFAULT_LANGUAGE,
            )
        ]

    # -- buttons and commands -------------------------------------------------------------

    def _on_button(self, ctx: _Context) -> list[Reply]:
        payload = ctx.incoming.payload
        person = ctx.person
        if payload == PAYLOAD_BACK:
            return self._go_back(ctx)
        if payload.startswith(LANG_PREFIX):
            confirmation = ctx._(phrases.LANGUAGE_SET)
            pending = person.pending_topic
            person.pending_topic = None
            if intake.is_active(person):
                # Mid-registration: the same question again, now in the chosen language.
                question = intake.current_question(self._intake_context(ctx, None))
                return [Reply(confirmation, lang=ctx.lang), question]
            if pending:
                return [Reply(confirmation, lang=ctx.lang), *self._answer(ctx, pending)]
            return [Reply(confirmation, lang=ctx.lang), self._welcome(ctx)]
        if payload.startswith(TOPIC_PREFIX):
            topic = payload.removeprefix(TOPIC_PREFIX)
            if topic in TOPICS or ctx.library.has_topic(topic):
                return self._answer(ctx, topic)
        if payload.startswith(directory.CITY_PREFIX):
            picked = directory.parse_city_payload(payload)
            if picked is not None:
                city, topic = picked
                if city != directory.OTHER_CITY:
                    person.city = city
                ctx.screens.append(payload)
                listing = directory.services_reply(ctx.library, topic, city, ctx.lang, ctx._)
                if topic in PROTECTIVE_INTENTS:
                    onward: tuple[Button, ...] = (
                        Button(f"{URGENT_PREFIX}{topic}", ctx._(phrases.BUTTON_URGENT)),
                        Button(PAYLOAD_MENU, ctx._(phrases.BUTTON_MENU)),
                    )
                else:
                    onward = self._onward_buttons(ctx)
                # A listing is never a dead end: the ways onward sit under it.
                return [dataclasses.replace(listing, buttons=onward)]
        if payload.startswith(intake.PREFIX):
            if intake.is_active(person):
                return self._intake_turn(ctx, None)
            return [self._menu(ctx, ctx._(phrases.MENU))]  # a button of a finished flow
        if payload == PAYLOAD_REGISTER:
            return self._start_intake(ctx)
        if payload.startswith(URGENT_PREFIX):
            return self._urgent(ctx, payload.removeprefix(URGENT_PREFIX))
        if payload == PAYLOAD_ERASE:
            ctx.effects.append(EraseMyData())
            person.flow = None
            person.private = {}
            person.suggestions = []
            person.pending_topic = None
            person.city = None
            person.extra.clear()
            return [Reply(ctx._(phrases.ERASED), lang=ctx.lang)]
        if payload == PAYLOAD_KEEP:
            return [self._with_menu_buttons(ctx, ctx._(phrases.ERASE_KEPT))]
        if payload == PAYLOAD_WITHDRAW:
            request = person.request
            if request is None:
                return [self._with_menu_buttons(ctx, ctx._(phrases.NO_OPEN_REQUEST))]
            ctx.effects.append(CancelRequest())
            text = ctx._(phrases.REQUEST_CANCELLED).format(ref=format_ref(request.ref))
            return [self._with_menu_buttons(ctx, text)]
        if payload == PAYLOAD_KEEP_REQUEST:
            return [self._menu(ctx, ctx._(phrases.MENU))]
        if payload == PAYLOAD_HUMAN:
            return self._talk_to_human(ctx)
        if payload == PAYLOAD_LANGUAGE:
            return self._language_question(ctx)
        if payload == PAYLOAD_MENU:
            return [self._menu(ctx, ctx._(phrases.MENU))]
        # An old or foreign button: never silent, show the menu.
        return [self._menu(ctx, ctx._(phrases.MENU))]

    def _go_back(self, ctx: _Context) -> list[Reply]:
        """One step back: the screen before this one, or the menu when there is none."""
        trail = [str(screen) for screen in ctx.person.extra.get(TRAIL_KEY) or []]
        if trail:
            trail.pop()  # the screen the person is on now
        target = trail.pop() if trail else PAYLOAD_MENU
        ctx.person.extra[TRAIL_KEY] = trail
        if target == PAYLOAD_BACK:  # never loops, whatever an old state holds
            target = PAYLOAD_MENU
        return self._on_button(dataclasses.replace(ctx, incoming=_pressed(ctx.incoming, target)))

    def _on_command(self, ctx: _Context, command: str, argument: str) -> list[Reply]:
        if command in LANGUAGE_COMMANDS:
            return self._language_question(ctx)
        if command in keywords.ERASE_COMMANDS:
            return [self._erase_question(ctx)]
        if command == "start":
            if argument.startswith(START_LANGUAGE):
                requested = argument.removeprefix(START_LANGUAGE)
                if requested in LANGUAGES:
                    ctx.person.lang = requested
                    switched = _Context(
                        ctx.incoming,
                        ctx.person,
                        requested,
                        self._translator.gettext_for(requested),
                        ctx.understanding,
                        ctx.library,
                        ctx.effects,
                    )
                    return [self._welcome(switched)]
            if argument == START_RETURN:
                return self._start_intake(ctx)
            if ctx.person.lang is None:
                return self._language_question(ctx)
            return [self._welcome(ctx)]
        if command == "help":
            return [self._with_menu_buttons(ctx, ctx._(phrases.HELP))]
        return [self._menu(ctx, ctx._(phrases.MENU))]

    # -- intents ---------------------------------------------------------------------------

    def _on_intent(self, ctx: _Context, parse: Parse) -> list[Reply]:
        person = ctx.person
        intent = parse.intent
        confident = intent != FALLBACK_INTENT and parse.confidence >= self._threshold
        if not confident or intent == "out_of_scope":
            # Editors see these (no one's identity with them) and may teach them to Faro.
            ctx.effects.append(KeepUnanswered(ctx.incoming.text[:MAX_UNANSWERED_CHARS]))
        if not confident:
            return self._not_understood(ctx, parse)

        suggestions = list(person.suggestions)
        person.suggestions = []
        person.misses = 0
        if _is_topic(ctx.library, intent):
            replies = self._answer(ctx, intent)
            return [*replies, *self._other_needs(ctx, parse, intent, replies)]
        if intent == "voluntary_return_request":
            # The other needs come first: the registration's question stays the last word.
            return [*self._other_needs(ctx, parse, intent, []), *self._start_intake(ctx)]
        if intent == "talk_to_human":
            replies = self._talk_to_human(ctx)
            return [*replies, *self._other_needs(ctx, parse, intent, replies)]
        if intent == "greet":
            return [self._welcome(ctx)]
        if intent == "goodbye":
            return [Reply(ctx._(phrases.GOODBYE), lang=ctx.lang)]
        if intent == "thanks":
            return [self._with_menu_buttons(ctx, ctx._(phrases.THANKS))]
        if intent == "affirm" and suggestions:
            return self._answer(ctx, suggestions[0])
        if intent == "deny" and suggestions:
            return [self._menu(ctx, ctx._(phrases.DENIED))]
        if intent == "change_language":
            return self._language_question(ctx)
        if intent == "out_of_scope":
            return [self._menu(ctx, ctx._(phrases.OUT_OF_SCOPE))]
        return [self._menu(ctx, ctx._(phrases.MENU))]

    def _other_needs(
        self, ctx: _Context, parse: Parse | None, answered: str, replies: list[Reply]
    ) -> list[Reply]:
        """The other needs the message holds, offered as buttons after the answer.

        They are the intents the model itself ranks high enough beside the one answered:
        a topic, registering to go home, or a person. Danger is decided before; beside an
        ordinary answer, a protective one is offered only when a part of the message
        clearly reads as danger.
        """
        if parse is None:
            return []
        offered = {choice.id for reply in replies for choice in reply.choices}
        buttons: list[Button] = []
        parts = ctx.understanding.parts if ctx.understanding else ()
        # First what each part of the message is clearly about, in the order written;
        # then what the model, reading the whole, ranks high beside the answer.
        candidates = [
            (part.intent, part.confidence, True)
            for part in parts
            if part.confidence >= PART_NEED_MIN_SCORE and part.intent != FALLBACK_INTENT
        ]
        candidates += [(name, score, False) for name, score in parse.ranking]
        for name, score, from_part in candidates:
            if len(buttons) == OTHER_NEEDS_SHOWN:
                break
            if name == answered or score < OTHER_NEED_MIN_SCORE:
                continue
            if name in PROTECTIVE_INTENTS and answered not in PROTECTIVE_INTENTS and not from_part:
                # The whole message was judged safe; a part that reads as danger on its
                # own ("me amenazaban, ¿sirve para el asilo?") is still offered.
                continue
            button = self._need_button(ctx, name)
            if button is not None and button.id not in offered:
                offered.add(button.id)
                buttons.append(button)
        if not buttons:
            return []
        return [Reply(ctx._(phrases.ALSO_ASKED), buttons=tuple(buttons), lang=ctx.lang)]

    def _need_button(self, ctx: _Context, intent: str) -> Button | None:
        if intent == "voluntary_return_request":
            return Button(PAYLOAD_REGISTER, ctx._(phrases.BUTTON_REGISTER))
        if intent == "talk_to_human":
            return Button(PAYLOAD_HUMAN, ctx._(phrases.BUTTON_HUMAN))
        if intent in PROTECTIVE_INTENTS or _is_topic(ctx.library, intent):
            answer = ctx.library.get(intent, ctx.lang)
            if answer is not None:
                return Button(f"{TOPIC_PREFIX}{intent}", answer.title)
        return None

    def _not_understood(self, ctx: _Context, parse: Parse) -> list[Reply]:
        person = ctx.person
        person.misses += 1
        if person.misses >= MISSES_BEFORE_MENU:
            person.misses = 0
            person.suggestions = []
            return [
                self._menu(ctx, ctx._(phrases.STILL_NOT_SURE)),
                Reply(
                    ctx._(phrases.ALSO_HUMAN),
                    buttons=(
                        Button(PAYLOAD_HUMAN, ctx._(phrases.BUTTON_HUMAN)),
                        Button(PAYLOAD_LANGUAGE, ctx._(phrases.BUTTON_LANGUAGE)),
                    ),
                    lang=ctx.lang,
                ),
            ]
        best = [name for name, _ in parse.ranking if _is_topic(ctx.library, name)][:2]
        if _is_topic(ctx.library, parse.intent) and parse.intent not in best:
            best = [parse.intent, *best][:2]
        library = ctx.library
        buttons = []
        for topic in best:
            answer = library.get(topic, ctx.lang)
            if answer is not None:
                buttons.append(Button(f"{TOPIC_PREFIX}{topic}", answer.title))
        person.suggestions = [b.id.removeprefix(TOPIC_PREFIX) for b in buttons]
        buttons.append(Button(PAYLOAD_MENU, ctx._(phrases.BUTTON_MENU)))
        return [
            Reply(
                ctx._(phrases.NOT_SURE),
                buttons=tuple(buttons),
                lang=ctx.lang,
            )
        ]

    # -- building replies ------------------------------------------------------------------

    def _answer(self, ctx: _Context, topic: str, *, directory_too: bool = True) -> list[Reply]:
        answer: Answer | None = ctx.library.get(topic, ctx.lang)
        if answer is None:
            return [self._with_menu_buttons(ctx, ctx._(phrases.NO_CHECKED_ANSWER))]
        ctx.screens.append(f"{TOPIC_PREFIX}{topic}")
        if not answer.is_current(self._today()):
            return [self._being_updated(ctx, topic)]
        named = _first(ctx.understanding, "city")
        if named:
            ctx.person.city = named  # remembered for the conversation
        city = named or ctx.person.city
        text = with_footer(answer.text_for(city), answer, ctx._)
        if topic in PROTECTIVE_INTENTS:
            # Danger first: a person, now, before anything else.
            buttons: tuple[Button, ...] = (
                Button(f"{URGENT_PREFIX}{topic}", ctx._(phrases.BUTTON_URGENT)),
                Button(PAYLOAD_MENU, ctx._(phrases.BUTTON_MENU)),
            )
        elif topic == "voluntary_return_info":
            buttons = (
                Button(PAYLOAD_REGISTER, ctx._(phrases.BUTTON_REGISTER)),
                Button(PAYLOAD_HUMAN, ctx._(phrases.BUTTON_HUMAN)),
                Button(PAYLOAD_MENU, ctx._(phrases.BUTTON_MENU)),
            )
        else:
            buttons = self._onward_buttons(ctx)
        answer_reply = Reply(text, buttons=buttons, lang=ctx.lang)
        # Not yet translated: the source-language answer, said so first, in a message of its
        # own (the answer keeps the whole of the phone's length).
        lead = (
            [Reply(ctx._(phrases.NOT_TRANSLATED_YET), lang=ctx.lang)] if answer.untranslated else []
        )
        where = self._directory(ctx, topic) if directory_too else []
        if where and not where[0].options:
            # A listing follows: the answer's buttons go under it, at the bottom of the chat.
            listing = where[0]
            return [
                *lead,
                Reply(text, lang=ctx.lang),
                Reply(listing.text, buttons=buttons, lang=listing.lang),
            ]
        return [*lead, answer_reply, *where]

    def _onward_buttons(self, ctx: _Context) -> tuple[Button, ...]:
        """The ways on from an ordinary answer: the menu, a person, another language."""
        return (
            Button(PAYLOAD_MENU, ctx._(phrases.BUTTON_MENU)),
            Button(PAYLOAD_HUMAN, ctx._(phrases.BUTTON_HUMAN)),
            Button(PAYLOAD_LANGUAGE, ctx._(phrases.BUTTON_LANGUAGE)),
        )

    def _near(self, ctx: _Context) -> list[Reply]:
        """A shared location: the nearest services; the point itself is not kept."""
        point = parse_location(ctx.incoming.text)
        if point is None:
            return [self._with_menu_buttons(ctx, ctx._(phrases.MEDIA))]
        ranked = self._entity_extractor.cities_by_distance(*point)
        if ranked and ranked[0][1] <= directory.NEAR_KM:
            ctx.person.city = ranked[0][0]  # the city, not the point, for later answers
        reply = directory.nearest_reply(ctx.library, ranked, ctx.lang, ctx._)
        return [reply, self._menu(ctx, ctx._(phrases.MENU))]

    def _directory(self, ctx: _Context, topic: str) -> list[Reply]:
        """Where to go: the topic's services in the person's city, or which city they are in."""
        if not ctx.library.service_cities(ctx.lang, topic):
            return []
        city = ctx.person.city
        if city:
            return [directory.services_reply(ctx.library, topic, city, ctx.lang, ctx._)]
        if topic in PROTECTIVE_INTENTS:
            return []  # danger first: the urgent button is not pushed aside by a question
        question = directory.ask_city_reply(ctx.library, topic, ctx.lang, ctx._)
        return [question] if question else []

    def _being_updated(self, ctx: _Context, topic: str) -> Reply:
        """An answer past its review date is never sent: a person and 911 are offered instead."""
        first = (
            Button(f"{URGENT_PREFIX}{topic}", ctx._(phrases.BUTTON_URGENT))
            if topic in PROTECTIVE_INTENTS
            else Button(PAYLOAD_HUMAN, ctx._(phrases.BUTTON_HUMAN))
        )
        return Reply(
            ctx._(phrases.BEING_UPDATED),
            buttons=(first, Button(PAYLOAD_MENU, ctx._(phrases.BUTTON_MENU))),
            lang=ctx.lang,
        )

    # -- the queue: talking to a person, urgent cases, the return intake ------------------

    def _talk_to_human(self, ctx: _Context) -> list[Reply]:
        if ctx.person.request is not None:
            return [self._open_request_notice(ctx)]
        ref = self._make_ref()
        ctx.effects.append(
            CreateRequest(ref=ref, kind=RequestKind.QUESTION, priority=Priority.NORMAL)
        )
        text = ctx._(phrases.QUESTION_OPENED).format(ref=format_ref(ref), days=self._retention_days)
        return [self._with_menu_buttons(ctx, text)]

    def _urgent(self, ctx: _Context, topic: str) -> list[Reply]:
        reason = topic if topic in PROTECTIVE_INTENTS else "urgent"
        request = ctx.person.request
        if request is not None:
            ctx.effects.append(RaisePriority(Priority.URGENT, reason))
            text = ctx._(phrases.URGENT_RAISED).format(ref=format_ref(request.ref))
            return [self._with_menu_buttons(ctx, text)]
        ref = self._make_ref()
        ctx.effects.append(
            CreateRequest(ref=ref, kind=RequestKind.URGENT, priority=Priority.URGENT, reason=reason)
        )
        text = ctx._(phrases.URGENT_OPENED).format(ref=format_ref(ref))
        return [self._with_menu_buttons(ctx, text)]

    def _protective(self, ctx: _Context, topic: str) -> list[Reply]:
        person = ctx.person
        person.misses = 0
        person.suggestions = []
        replies = self._answer(ctx, topic)
        urgent = any(c.id.startswith(URGENT_PREFIX) for r in replies for c in r.choices)
        if replies and not urgent:
            # No current answer to send: a person and the emergency number still are.
            replies = [
                Reply(
                    replies[0].text,
                    buttons=(Button(f"{URGENT_PREFIX}{topic}", ctx._(phrases.BUTTON_URGENT)),),
                    lang=ctx.lang,
                )
            ]
        return replies

    def _open_request_notice(self, ctx: _Context) -> Reply:
        request = ctx.person.request
        assert request is not None
        status = {
            "new": phrases.STATUS_NEW,
            "claimed": phrases.STATUS_CLAIMED,
            "contacted": phrases.STATUS_CONTACTED,
            "registered": phrases.STATUS_REGISTERED,
        }.get(request.status, phrases.STATUS_NEW)
        text = ctx._(phrases.OPEN_REQUEST).format(ref=format_ref(request.ref), status=ctx._(status))
        return self._with_menu_buttons(ctx, text)

    def _start_intake(self, ctx: _Context) -> list[Reply]:
        if ctx.person.request is not None:
            return [self._open_request_notice(ctx)]
        places = {}
        country = _first(ctx.understanding, "country")
        if country in {key for key, _ in intake.COUNTRIES}:
            places["country"] = str(country)
        city = _first(ctx.understanding, "city")
        if city in {key for key, _ in intake.CITIES}:
            places["city"] = str(city)
        return self._flow_result(ctx, intake.start(self._intake_context(ctx, None), places=places))

    def _intake_turn(self, ctx: _Context, parse: Parse | None) -> list[Reply]:
        question = None
        if (
            parse is not None
            and parse.confidence >= self._threshold
            and _is_topic(ctx.library, parse.intent)
        ):
            question = parse.intent
        return self._flow_result(ctx, intake.handle(self._intake_context(ctx, question)))

    def _intake_context(self, ctx: _Context, question: str | None) -> intake.IntakeContext:
        return intake.IntakeContext(
            incoming=ctx.incoming,
            person=ctx.person,
            lang=ctx.lang,
            _=ctx._,
            understanding=ctx.understanding,
            now=self._now(),
            retention_days=self._retention_days,
            new_ref=self._make_ref,
            # In the middle of the intake: the answer only, no question of its own.
            answer_topic=lambda topic: self._answer(ctx, topic, directory_too=False),
            question_topic=question,
        )

    def _flow_result(self, ctx: _Context, result: intake.FlowResult) -> list[Reply]:
        ctx.effects.extend(result.effects)
        return result.replies

    def _during_handoff(self, ctx: _Context, parse: Parse | None) -> list[Reply]:
        """A caseworker is talking with the person: pass their words on, stay quiet."""
        incoming = ctx.incoming
        if incoming.kind is not Kind.TEXT or not incoming.text:
            return [Reply(ctx._(phrases.RELAY_MEDIA), lang=ctx.lang)]
        if keywords.asks_to_erase(incoming.text):
            return [self._erase_question(ctx)]
        ctx.effects.append(RelayToCaseworker(incoming.text[:MAX_TEXT_CHARS]))
        parts = ctx.understanding.parts if ctx.understanding else ()
        danger = danger_of(parse, incoming.text, parts)
        if danger is None:
            return []
        # Danger still comes first: the caseworker sees it at the top of the queue, and
        # the person gets the safety answer at once.
        ctx.effects.append(RaisePriority(Priority.URGENT, danger))
        return self._answer(ctx, danger)

    def _erase_question(self, ctx: _Context) -> Reply:
        return Reply(
            ctx._(phrases.CONFIRM_ERASE),
            buttons=(
                Button(PAYLOAD_ERASE, ctx._(phrases.BUTTON_ERASE)),
                Button(PAYLOAD_KEEP, ctx._(phrases.BUTTON_KEEP)),
            ),
            lang=ctx.lang,
        )

    def _withdraw_question(self, ctx: _Context) -> Reply:
        request = ctx.person.request
        assert request is not None
        return Reply(
            ctx._(phrases.CONFIRM_CANCEL_REQUEST).format(ref=format_ref(request.ref)),
            buttons=(
                Button(PAYLOAD_WITHDRAW, ctx._(phrases.BUTTON_YES)),
                Button(PAYLOAD_KEEP_REQUEST, ctx._(phrases.BUTTON_NO)),
            ),
            lang=ctx.lang,
        )

    def _welcome(self, ctx: _Context) -> Reply:
        return self._menu(ctx, ctx._(phrases.WELCOME))

    def _menu(self, ctx: _Context, text: str) -> Reply:
        ctx.screens.append(PAYLOAD_MENU)
        library = ctx.library
        options = []
        for topic in library.topics():
            answer = library.get(topic, ctx.lang)
            # An expired topic stays listed: choosing it says it is being updated and
            # offers a person, rather than hiding that the topic exists.
            if answer is not None:
                options.append(Option(f"{TOPIC_PREFIX}{topic}", answer.title, answer.summary))
        if not options:
            return Reply(
                text, buttons=(Button(PAYLOAD_HUMAN, ctx._(phrases.BUTTON_HUMAN)),), lang=ctx.lang
            )
        return Reply(
            text,
            options=tuple(options[:10]),
            list_label=ctx._(phrases.MENU_LIST_LABEL),
            lang=ctx.lang,
        )

    def _with_menu_buttons(self, ctx: _Context, text: str) -> Reply:
        return Reply(
            text,
            buttons=(
                Button(PAYLOAD_MENU, ctx._(phrases.BUTTON_MENU)),
                Button(PAYLOAD_LANGUAGE, ctx._(phrases.BUTTON_LANGUAGE)),
            ),
            lang=ctx.lang,
        )


def _typed_choice(incoming: Incoming, person: PersonState) -> Incoming:
    """A typed "2", "0", "back", "menu" or language name, as the press it stands for.

    The number is that of a choice of the last question (`CHOICES_KEY`). Inside the
    return intake the flow reads "0", "back" and its own answers; while a caseworker is
    talking with the person, every word is theirs to read.
    """
    if incoming.kind is not Kind.TEXT or not incoming.text:
        return incoming
    if person.request is not None and person.request.handoff_open:
        return incoming
    text = incoming.text
    if text.startswith("/"):
        return incoming  # a command ("/start" is not the word "start")
    named = keywords.language_named(text)
    if named in LANGUAGES:
        return _pressed(incoming, f"{LANG_PREFIX}{named}")
    if intake.typing_expected(person):
        return incoming
    number = keywords.choice_number(text)
    choices = [str(choice) for choice in person.extra.get(CHOICES_KEY) or []]
    if number is not None and 1 <= number <= len(choices):
        return _pressed(incoming, choices[number - 1])
    if keywords.is_in(keywords.MENU, text):
        return _pressed(incoming, PAYLOAD_MENU)
    if intake.is_active(person):
        return incoming
    if number == 0 or keywords.is_in(keywords.BACK, text):
        return _pressed(incoming, PAYLOAD_BACK)
    if number is not None:
        # A number with no such choice is no question (and never a cry for help: the
        # model reads a bare digit as anything). The menu, or first the language.
        return _pressed(incoming, PAYLOAD_LANGUAGE if person.lang is None else PAYLOAD_MENU)
    return incoming


def _pressed(incoming: Incoming, payload: str) -> Incoming:
    return dataclasses.replace(incoming, kind=Kind.BUTTON, payload=payload)


def _number_choices(person: PersonState, replies: list[Reply], hint: str) -> list[Reply]:
    """Mark the turn's question as numbered and remember its choices for a typed number.

    The question is the last list of options, else the last set of buttons: a list is
    what a person is asked to choose from, buttons under an answer are ways onward.
    """
    lists = [i for i, reply in enumerate(replies) if reply.options]
    buttons = [i for i, reply in enumerate(replies) if reply.buttons]
    candidates = lists or buttons
    if not candidates:
        person.extra.pop(CHOICES_KEY, None)
        return replies
    index = candidates[-1]
    question = replies[index]
    if question.options and all(o.id.startswith(LANG_PREFIX) for o in question.options):
        # The language question is written in every language: its hint in none of them.
        hint = f"1-{len(question.options)}"
    numbered = dataclasses.replace(question, numbered=True, choice_hint=hint)
    person.extra[CHOICES_KEY] = [choice.id for choice in numbered.choices]
    return [*replies[:index], numbered, *replies[index + 1 :]]


def _remember_screen(person: PersonState, screens: list[str]) -> None:
    """Put the screen this turn ended on at the top of the trail "0" walks back."""
    if not screens:
        return
    trail = [str(screen) for screen in person.extra.get(TRAIL_KEY) or []]
    if not trail or trail[-1] != screens[-1]:
        trail.append(screens[-1])
    person.extra[TRAIL_KEY] = trail[-TRAIL_LENGTH:]


def _notice_for(incoming: Incoming) -> str | None:
    """The phrase for input Faro cannot take as a question, or None for a real text."""
    if incoming.kind is Kind.VOICE:
        return phrases.VOICE
    if incoming.kind in (Kind.MEDIA, Kind.UNSUPPORTED):
        return phrases.MEDIA
    if incoming.kind is not Kind.TEXT:
        return None
    if not incoming.text:
        return phrases.EMPTY
    if len(incoming.text) > MAX_TEXT_CHARS:
        return phrases.TOO_LONG
    if not _has_words(incoming.text):
        return phrases.SYMBOLS_ONLY
    return None


# -- text helpers ------------------------------------------------------------------------------

_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def _is_topic(library: ContentLibrary, intent: str) -> bool:
    """A topic to answer: a menu topic, or an item staff added (danger is decided before)."""
    return intent in TOPICS or (intent not in PROTECTIVE_INTENTS and library.has_topic(intent))


def clean_text(text: str) -> str:
    """Normalise Unicode and drop invisible control and format characters."""
    normalised = unicodedata.normalize("NFKC", text or "")
    kept = "".join(
        ch
        for ch in normalised
        if ch in "\n\t" or unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )
    return " ".join(kept.split())


def _has_words(text: str) -> bool:
    return any(unicodedata.category(ch)[0] in ("L", "N") for ch in text)


# Inside a flow, a reply of one or two words is taken as an answer unless the model is
# this sure it signals danger.
SHORT_ANSWER_WORDS = 2
SURE_OF_DANGER = 0.6


def _short_answer(text: str, parse: Parse | None, danger: str) -> bool:
    if not any(ch.isalpha() for ch in text):
        return True  # a number, a phone number, ages: answers, whatever the model guesses
    if len(text.split()) > SHORT_ANSWER_WORDS:
        return False
    return _confidence(parse, danger) < SURE_OF_DANGER


def _command_argument(text: str) -> str:
    parts = text.split(maxsplit=1)
    return parts[1].strip().lower()[:64] if len(parts) > 1 else ""


def _intent_of(parse: Parse | None) -> tuple[str | None, float]:
    return (parse.intent, parse.confidence) if parse else (None, 0.0)


def _confidence(parse: Parse | None, intent: str) -> float:
    if parse is None:
        return 0.0
    return next((score for name, score in parse.ranking if name == intent), parse.confidence)


def _command_name(text: str) -> str | None:
    if not text.startswith("/"):
        return None
    name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""
    return name if name in COMMANDS else "menu"


def _fallback_language(person: PersonState, guess: LanguageGuess | None, incoming: Incoming) -> str:
    if person.lang:
        return person.lang
    if guess is not None:
        return guess.lang
    if incoming.language_hint in LANGUAGES:
        return str(incoming.language_hint)
    return DEFAULT_LANGUAGE


def _first(understanding: Understanding | None, entity: str) -> str | None:
    if understanding is None:
        return None
    return next((e.value for e in understanding.entities if e.entity == entity), None)


def _with_text(incoming: Incoming, text: str) -> Incoming:
    if text == incoming.text:
        return incoming
    return Incoming(
        channel=incoming.channel,
        user_id=incoming.user_id,
        message_id=incoming.message_id,
        kind=incoming.kind,
        text=text,
        payload=incoming.payload,
        lang=incoming.lang,
        language_hint=incoming.language_hint,
    )
