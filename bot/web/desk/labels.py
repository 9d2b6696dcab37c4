"""What the desk calls the queue's values: statuses, kinds, places... marked for `desk`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from bot.core.i18n import language_name
from bot.core.messages import LANGUAGES
from bot.web.desk.i18n import M_

STATUS: Final[Mapping[str, str]] = {
    "new": M_("New"),
    "claimed": M_("Claimed"),
    "contacted": M_("Contacted"),
    "registered": M_("Registered"),
    "closed": M_("Closed"),
    "cancelled": M_("Cancelled by the person"),
    "not_eligible": M_("Not eligible"),
}
# The button that moves a request to a status.
MOVE: Final[Mapping[str, str]] = {
    "new": M_("Put back in the queue"),
    "contacted": M_("Mark as contacted"),
    "registered": M_("Mark as registered"),
    "closed": M_("Close"),
    "not_eligible": M_("Mark as not eligible"),
}
KIND: Final[Mapping[str, str]] = {
    "return": M_("Return"),
    "question": M_("Question"),
    "urgent": M_("Urgent case"),
}
PRIORITY: Final[Mapping[str, str]] = {
    "urgent": M_("Urgent"),
    "high": M_("High"),
    "normal": M_("Normal"),
}
# Countries are ISO codes (content/places.yml); names are the same in most languages,
# but the desk still says them in the caseworker's language.
COUNTRY: Final[Mapping[str, str]] = {
    "HN": M_("Honduras"),
    "SV": M_("El Salvador"),
    "GT": M_("Guatemala"),
    "NI": M_("Nicaragua"),
    "MX": M_("Mexico"),
    "other": M_("Other"),
}
CITY: Final[Mapping[str, str]] = {
    "tijuana": "Tijuana",
    "mexicali": "Mexicali",
    "tapachula": "Tapachula",
    "mexico_city": M_("Mexico City"),
    "tecun_uman": "Tecún Umán",
    "other": M_("Other"),
}
GENDER: Final[Mapping[str, str]] = {
    "women": M_("Women"),
    "men": M_("Men"),
    "other": M_("Other"),
}
# One person's answer, by the group `bot.handoff.stats.gender_group` puts it in.
PERSON_GENDER: Final[Mapping[str, str]] = {
    "women": M_("Woman"),
    "men": M_("Man"),
    "other": M_("Other"),
}
CHANNEL: Final[Mapping[str, str]] = {
    "telegram": "Telegram",
    "whatsapp": "WhatsApp",
    "web": M_("Web chat"),
    "cli": M_("Terminal"),
}
# Each language by its own name (Babel's autonyms), for every configured language.
LANGUAGE: Final[Mapping[str, str]] = {code: language_name(code) for code in LANGUAGES}
TRANSLATION: Final[Mapping[str, str]] = {
    "source": M_("Source"),
    "missing": M_("Missing"),
    "reviewed": M_("Reviewed"),
    "needs_review": M_("Needs review"),
}
PUBLISH_STATUS: Final[Mapping[str, str]] = {
    "running": M_("Running"),
    "live": M_("Live"),
    "unchanged": M_("Live (no new training)"),
    "rejected": M_("Not live: below the gate"),
    "failed": M_("Failed"),
}
ROLE: Final[Mapping[str, str]] = {
    "caseworker": M_("Caseworker"),
    "editor": M_("Editor"),
    "admin": M_("Administrator"),
}
# History lines and audit lines: what happened.
ACTION: Final[Mapping[str, str]] = {
    "created": M_("Request created"),
    "claimed": M_("Claimed"),
    "lease_expired": M_("Claim expired, back in the queue"),
    "status": M_("Status changed"),
    "note": M_("Note"),
    "handoff": M_("Conversation with a caseworker opened"),
    "handback": M_("Handed back to the bot"),
    "erased": M_("The person's data was erased"),
    "priority_urgent": M_("Priority raised to urgent"),
    "priority_high": M_("Priority raised to high"),
    "queue_view": M_("Viewed the queue"),
    "request_view": M_("Viewed a request"),
    "claim": M_("Claimed a request"),
    "export": M_("Exported the queue"),
    "message": M_("Wrote to a person"),
    "signin": M_("Signed in"),
    "signin_failed": M_("Failed sign-in"),
    "signout": M_("Signed out"),
    "account_create": M_("Created an account"),
    "account_deactivate": M_("Deactivated an account"),
    "token_issued": M_("Issued an API token"),
    "erasure": M_("Erased a person's data"),
}
ACTOR: Final[Mapping[str, str]] = {
    "person": M_("The person"),
    "staff": M_("Caseworker"),
    "system": M_("Faro"),
}


def label(table: Mapping[str, str], value: str | None, gettext: Callable[[str], str]) -> str:
    """The translated name of `value` in `table`; unknown values are shown as they are."""
    if value is None or value == "":
        return "—"
    known = table.get(value)
    return gettext(known) if known is not None else value
