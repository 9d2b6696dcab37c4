"""The queue as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Final

from bot.handoff.lifecycle import format_ref
from bot.storage.requests import RequestView

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# (tab and carriage return too: some strip them and then see the "=").
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

COLUMNS: Final = (
    "ref",
    "kind",
    "status",
    "priority",
    "reason",
    "lang",
    "channel",
    "created_at",
    "updated_at",
    "claimed_by",
    "handoff_open",
    "country",
    "city",
    "gender",
    "group_size",
    "children",
    "children_ages",
    "unaccompanied_minor",
    "medical_need",
    "consent_version",
    "consented_at",
)
PERSONAL_COLUMNS: Final = ("name", "phone")


def safe_cell(value: object) -> str | int:
    """A value as a CSV cell; text that a spreadsheet would run as a formula gets a quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def queue_csv(views: Iterable[RequestView], *, staff: Mapping[int, str], personal: bool) -> str:
    """The CSV text of a list of requests (names and phones only when asked for)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS + (PERSONAL_COLUMNS if personal else ()))
    for view in views:
        intake = view.intake
        row: list[object] = [
            format_ref(view.ref),
            view.kind,
            view.status,
            view.priority,
            view.reason,
            view.lang,
            view.channel,
            view.created_at.isoformat(),
            view.updated_at.isoformat() if view.updated_at else None,
            staff.get(view.claimed_by) if view.claimed_by is not None else None,
            view.handoff_open,
            intake.country,
            intake.city,
            intake.gender,
            intake.group_size,
            intake.children,
            " ".join(str(age) for age in intake.children_ages),
            intake.unaccompanied_minor,
            intake.medical_need,
            view.consent.version if view.consent else None,
            view.consent.at.isoformat() if view.consent else None,
        ]
        if personal:
            row += [intake.name, intake.phone]
        writer.writerow([safe_cell(value) for value in row])
    # A byte-order mark, so spreadsheets read the accents of the export as UTF-8.
    return "\ufeff" + buffer.getvalue()
