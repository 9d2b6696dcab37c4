"""The one incoming-message type and the one reply type every channel speaks."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.effects import Effect

DEFAULT_LANGUAGE = "es"
# The languages Faro launched with. More are added by setting FARO_LANGUAGES (README,
# "Adding a language"); Spanish, in which content is written first, is always one.
LAUNCH_LANGUAGES: tuple[str, ...] = ("es", "en", "fr", "ht", "pt")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


class LanguageSettingError(ValueError):
    """FARO_LANGUAGES names something that is not a language code, or leaves out Spanish."""


def configured_languages(environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """The languages Faro speaks: FARO_LANGUAGES (comma-separated codes), in its order."""
    raw = environ.get("FARO_LANGUAGES", "").strip()
    if not raw:
        return LAUNCH_LANGUAGES
    codes = tuple(dict.fromkeys(code.strip().lower() for code in raw.split(",") if code.strip()))
    bad = [code for code in codes if not LANGUAGE_CODE.match(code)]
    if bad:
        raise LanguageSettingError(f"FARO_LANGUAGES: {bad} are not language codes (ISO 639)")
    if DEFAULT_LANGUAGE not in codes:
        raise LanguageSettingError(f"FARO_LANGUAGES must include {DEFAULT_LANGUAGE!r}")
    return codes


# Read once per process, at start: every part of Faro speaks the same set.
LANGUAGES: tuple[str, ...] = configured_languages()

# The strictest platform limits (WhatsApp) bound every reply so any channel can render it.
MAX_BUTTONS = 3
MAX_OPTIONS = 10
MAX_TEXT_CHARS = 4096


class Channel(StrEnum):
    """Where a message came from."""

    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    WEB = "web"
    CLI = "cli"


class Kind(StrEnum):
    """What the person sent, as far as the core cares."""

    TEXT = "text"
    BUTTON = "button"  # a quick-reply button or list option; `payload` holds its id
    COMMAND = "command"  # /start, /menu, /language, /help; `payload` holds the name
    VOICE = "voice"
    MEDIA = "media"  # image, sticker, document, video, contact...
    # A shared location; `text` holds "lat,lon", rounded by the channel to about 1 km
    # (enough to find the nearest services, and no more of a person's whereabouts).
    LOCATION = "location"
    UNSUPPORTED = "unsupported"  # an update type the channel could not interpret


@dataclass(frozen=True, slots=True)
class Incoming:
    """One message from a person, already freed of its platform's shape."""

    channel: Channel
    user_id: str
    message_id: str
    kind: Kind
    text: str = ""
    payload: str = ""
    lang: str | None = None  # a language the person chose outright (web selector, `ask --lang`)
    language_hint: str | None = None  # the platform's UI language, a weak clue only


@dataclass(frozen=True, slots=True)
class Button:
    """A quick reply: `id` comes back as an Incoming payload when pressed."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Option:
    """One row of a list of options."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    """One message Faro sends: text plus up to 3 buttons, or a list of up to 10 options."""

    text: str
    buttons: tuple[Button, ...] = ()
    options: tuple[Option, ...] = ()
    list_label: str = ""  # the label of the button that opens the list (WhatsApp)
    lang: str = DEFAULT_LANGUAGE
    # An approved WhatsApp template (name, language, parameters) to send instead of the
    # text outside WhatsApp's 24-hour window; `text` is what it says, for the record.
    template: tuple[str, str, tuple[str, ...]] | None = None
    # The choices a person may answer by typing their number (1, 2...): one reply per turn,
    # the question it asks. Channels write the numbers where they show plain text.
    numbered: bool = False
    # How to answer by number, in the reply's language, for channels that show plain text.
    choice_hint: str = ""

    def __post_init__(self) -> None:
        if len(self.buttons) > MAX_BUTTONS:
            raise ValueError(f"at most {MAX_BUTTONS} buttons, got {len(self.buttons)}")
        if len(self.options) > MAX_OPTIONS:
            raise ValueError(f"at most {MAX_OPTIONS} options, got {len(self.options)}")
        if self.buttons and self.options:
            raise ValueError("a reply carries buttons or a list, not both")

    @property
    def choices(self) -> tuple[Button | Option, ...]:
        """The buttons or the list options, whichever the reply carries."""
        return (*self.buttons, *self.options)

    def numbered_lines(self) -> list[str]:
        """The choices written out with their numbers ("1. Asylum"), for plain text."""
        if not self.numbered:
            return []
        return [f"{n}. {choice.title}" for n, choice in enumerate(self.choices, 1)]


@dataclass(frozen=True, slots=True)
class Turn:
    """What the core decided for one incoming message, with why (for `ask --json`)."""

    replies: tuple[Reply, ...]
    lang: str
    intent: str | None = None
    confidence: float = 0.0
    entities: tuple[dict[str, str], ...] = field(default_factory=tuple)
    duplicate: bool = False
    effects: tuple[Effect, ...] = ()


LOCATION_DECIMALS = 2  # about 1 km


def location_text(latitude: float, longitude: float) -> str | None:
    """A shared point as an Incoming's text ("14.90,-92.26"); None if it is no point on Earth."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return f"{latitude:.{LOCATION_DECIMALS}f},{longitude:.{LOCATION_DECIMALS}f}"


def parse_location(text: str) -> tuple[float, float] | None:
    """The (lat, lon) of a location text, or None when it does not hold one."""
    lat_text, _, lon_text = text.partition(",")
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon
