"""What a person is told when their request changes, marked for gettext (`locales/`)."""

from __future__ import annotations

from bot.core.i18n import N_, Translator
from bot.handoff.lifecycle import Status, format_ref

_STATUS_NOTICES: dict[Status, str] = {
    Status.CONTACTED: N_(
        "Your request {ref} is with a caseworker now. They will write to you here."
    ),
    Status.REGISTERED: N_(
        "Your return request {ref} is registered. A caseworker will tell you the next steps "
        "here. Going home stays your choice: you can still change your mind."
    ),
    Status.CLOSED: N_(
        "Your request {ref} is closed. If you need help again, write to me or press "
        "Talk to a person."
    ),
    Status.NOT_ELIGIBLE: N_(
        "Your request {ref} cannot go ahead in this programme. You can still ask me questions, "
        "or press Talk to a person to ask what else can help you."
    ),
}
CASEWORKER_PREFIX = N_("Caseworker")
HANDED_BACK = N_(
    "The caseworker has finished for now. You are talking with Faro, the computer program, "
    "again. Write menu to see the topics."
)
WINDOW_TEMPLATE_TEXT = N_(
    "There is news about your request {ref}. Please write to me here to read it."
)


def status_notice(translator: Translator, lang: str, status: Status, ref: str) -> str | None:
    """The message a person gets when their request moves to `status`, or None."""
    msgid = _STATUS_NOTICES.get(status)
    if msgid is None:
        return None
    return translator.gettext_for(lang)(msgid).format(ref=format_ref(ref))


def caseworker_message(translator: Translator, lang: str, text: str) -> str:
    """A caseworker's words as the person sees them, marked as coming from a person."""
    return f"👤 {translator.gettext_for(lang)(CASEWORKER_PREFIX)}: {text}"


def handed_back(translator: Translator, lang: str) -> str:
    """What a person is told when the caseworker returns them to the bot."""
    return translator.gettext_for(lang)(HANDED_BACK)


def template_fallback(translator: Translator, lang: str, ref: str) -> str:
    """The text of the approved re-engagement template, for the desk to show."""
    return translator.gettext_for(lang)(WINDOW_TEMPLATE_TEXT).format(ref=format_ref(ref))
