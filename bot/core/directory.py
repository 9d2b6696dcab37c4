"""The directory in the chat: the services of a topic in the person's city, or the question
of which city they are in.

A service is listed with its own name, what it offers and its sources' dates. Where the
sources give only the city, the listing says so rather than pretend to an address.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import phrases
from bot.core.content import CITY_NAMES, ContentLibrary, Service, SourceNote
from bot.core.footer import month_and_year
from bot.core.i18n import Gettext
from bot.core.messages import Option, Reply

CITY_PREFIX = "city:"  # city:<city>:<topic>
OTHER_CITY = "other"


def city_payload(city: str, topic: str) -> str:
    """The button id that picks `city` for the services of `topic`."""
    return f"{CITY_PREFIX}{city}:{topic}"


def parse_city_payload(payload: str) -> tuple[str, str] | None:
    """(city, topic) of a city button, or None if the payload is not a known one."""
    city, _, topic = payload.removeprefix(CITY_PREFIX).partition(":")
    if not topic or (city not in CITY_NAMES and city != OTHER_CITY):
        return None
    return city, topic


def services_reply(library: ContentLibrary, topic: str, city: str, lang: str, _: Gettext) -> Reply:
    """The services of `topic` in `city`, or a plain 'none listed here'."""
    if city not in CITY_NAMES:
        return Reply(_(phrases.NO_SERVICES_ELSEWHERE), lang=lang)
    services = _in_need_order(library.services(lang, topic=topic, city=city))
    name = CITY_NAMES[city]
    if not services:
        return Reply(_(phrases.NO_SERVICES_IN_CITY).format(city=name), lang=lang)
    lines = [_(phrases.SERVICES_IN_CITY).format(city=name), ""]
    for service in services:
        # Bullets, not numbers: a typed number answers the buttons under the listing.
        lines.append(f"• {service.name}")
        lines.extend(_details(service, _))
        lines.append("")
    if any(service.coordinates is None for service in services):
        lines.append(_(phrases.CITY_ONLY))
    lines.append(_sources_line(services, lang, _))
    return Reply("\n".join(lines).strip(), lang=lang)


NEAR_KM = 150.0  # farther than this a city is not "near you"
MAX_NEAREST = 6
# Within a city, what a person on the move needs soonest comes first.
KIND_ORDER = (
    "shelter",
    "food",
    "health",
    "child_protection",
    "reception_centre",
    "asylum",
    "return_registration",
    "jobs",
)


def _in_need_order(services: Sequence[Service]) -> list[Service]:
    rank = {kind: n for n, kind in enumerate(KIND_ORDER)}
    return sorted(services, key=lambda s: (rank.get(s.kind, len(rank)), s.name, s.key))


def nearest_reply(
    library: ContentLibrary, ranked: Sequence[tuple[str, float]], lang: str, _: Gettext
) -> Reply:
    """The services nearest a shared point, from its cities ranked by distance."""
    listed: list[tuple[Service, float]] = []
    for city, km in ranked:
        if km > NEAR_KM or len(listed) >= MAX_NEAREST:
            break
        seen = {service.key for service, _ in listed}
        for service in _in_need_order(library.services_in(lang, city)):
            if service.key not in seen and len(listed) < MAX_NEAREST:
                listed.append((service, km))
    if not listed:
        nearest = next(((c, km) for c, km in ranked if library.services_in(lang, c)), None)
        if nearest is None:
            return Reply(_(phrases.NO_SERVICES_ELSEWHERE), lang=lang)
        city, km = nearest
        text = _(phrases.NO_SERVICES_NEAR).format(city=CITY_NAMES[city], km=_rounded_km(km))
        return Reply(text, lang=lang)
    lines = [_(phrases.NEAREST_SERVICES), ""]
    for service, km in listed:
        lines.append(f"• {service.name}")
        lines.append(_(phrases.ABOUT_KM).format(city=CITY_NAMES[service.city], km=_rounded_km(km)))
        lines.extend(_details(service, _))
        lines.append("")
    if any(service.coordinates is None for service, _ in listed):
        lines.append(_(phrases.DISTANCE_TO_CENTRE))
    lines.append(_sources_line([service for service, _ in listed], lang, _))
    return Reply("\n".join(lines).strip(), lang=lang)


def _rounded_km(km: float) -> int:
    # Centres are known to about a kilometre; finer figures would pretend otherwise.
    return max(1, round(km)) if km < 20 else int(round(km, -1))


def _details(service: Service, _: Gettext) -> list[str]:
    lines = [
        _(phrases.IN_SPANISH).format(text=service.offers)
        if service.untranslated
        else service.offers
    ]
    if service.phone:
        lines.append(_(phrases.SERVICE_PHONE).format(phone=service.phone))
    if service.hours:
        lines.append(service.hours)
    if service.coordinates:
        lat, lon = service.coordinates
        lines.append(f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}")
    return lines


def ask_city_reply(library: ContentLibrary, topic: str, lang: str, _: Gettext) -> Reply | None:
    """Which city? with the cities that have services for `topic`; None when there are none."""
    cities = library.service_cities(lang, topic)
    if not cities:
        return None
    options = [Option(city_payload(city, topic), CITY_NAMES[city]) for city in cities]
    options.append(Option(city_payload(OTHER_CITY, topic), _(phrases.OTHER_CITY)))
    return Reply(
        _(phrases.ASK_CITY_FOR_SERVICES),
        options=tuple(options[:10]),
        list_label=_(phrases.CITY_LIST_LABEL),
        lang=lang,
    )


def _sources_line(services: Sequence[Service], lang: str, _: Gettext) -> str:
    notes: dict[SourceNote, None] = {}
    for service in services:
        notes.update(dict.fromkeys(service.sources))
    joined = "; ".join(f"{n.short}, {month_and_year(n.month, lang, _)}" for n in notes)
    template = phrases.SOURCE_LINE if len(notes) == 1 else phrases.SOURCES_LINE
    return _(template).format(sources=joined)
