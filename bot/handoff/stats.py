"""Anonymous statistics of the queue, in the form of the field reports.

"453 migrants (84% men) ... : Honduras (57%), El Salvador (38%) and Guatemala (5%)."

Computed from the anonymous columns only (`requests_for_stats`: kind, status, dates,
country, city, gender, group size, children): no names, no phones, no free text.
Percentages are rounded so that each breakdown adds up to exactly 100.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# The intake may store the answer as a word in any of several spellings; the statistics
# only need to know which of three groups it falls in.
_WOMEN = frozenset({"woman", "women", "female", "f", "mujer", "femme", "fanm", "mulher"})
_MEN = frozenset({"man", "men", "male", "m", "hombre", "homme", "gason", "nonm", "homem"})


@dataclass(frozen=True, slots=True)
class Share:
    """One part of a breakdown: its key, how many, and its whole-number percentage."""

    key: str
    count: int
    percent: int


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Requests created in one ISO week."""

    week: str  # "2026-W48"
    monday: dt.date
    count: int


@dataclass(frozen=True, slots=True)
class Statistics:
    """The anonymous figures the desk's statistics page and `GET /api/v1/stats` show."""

    requests: int
    # People the requests speak for: each return request counts its whole group.
    people: int
    by_kind: list[Share] = field(default_factory=list)
    by_status: list[Share] = field(default_factory=list)
    # Return requests only: the other kinds have no intake.
    returns: int = 0
    by_country: list[Share] = field(default_factory=list)
    by_city: list[Share] = field(default_factory=list)
    # Among return requests whose gender was given (with consent); `gender_known` of them.
    by_gender: list[Share] = field(default_factory=list)
    gender_known: int = 0
    children: int = 0
    requests_with_children: int = 0
    unaccompanied_children: int = 0
    by_week: list[WeekCount] = field(default_factory=list)


def shares(counts: Counter[str]) -> list[Share]:
    """Counts as shares, largest first, rounded by largest remainder so they sum to 100."""
    total = sum(counts.values())
    if total == 0:
        return []
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    exact = [count * 100 / total for _, count in ordered]
    floors = [int(value) for value in exact]
    left = 100 - sum(floors)
    # The largest remainders get the missing points (ties: the larger count first).
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for index in by_remainder[:left]:
        floors[index] += 1
    return [
        Share(key, count, percent) for (key, count), percent in zip(ordered, floors, strict=True)
    ]


def gender_group(value: str | None) -> str | None:
    """women, men or other for a stored gender answer; None when it was not given."""
    if value is None or not value.strip():
        return None
    word = value.strip().lower()
    if word in _WOMEN:
        return "women"
    if word in _MEN:
        return "men"
    return "other"


def iso_week(when: dt.datetime) -> tuple[str, dt.date]:
    """The ISO week of a moment (UTC) as "YYYY-Www", and that week's Monday."""
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    year, week, weekday = when.isocalendar()
    monday = when.date() - dt.timedelta(days=weekday - 1)
    return f"{year}-W{week:02d}", monday


def compute(rows: Iterable[Any], *, weeks: int | None = None) -> Statistics:
    """The statistics of `requests_for_stats` rows; `weeks` keeps only the latest weeks' bars."""
    rows = list(rows)
    kinds: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    genders: Counter[str] = Counter()
    per_week: dict[str, tuple[dt.date, int]] = {}
    people = returns = children = with_children = unaccompanied = 0
    for row in rows:
        kinds[row.kind] += 1
        statuses[row.status] += 1
        week, monday = iso_week(row.created_at)
        per_week[week] = (monday, per_week.get(week, (monday, 0))[1] + 1)
        if row.kind != "return":
            people += 1
            continue
        returns += 1
        people += max(1, row.group_size or 1)
        if row.country:
            countries[row.country] += 1
        if row.city:
            cities[row.city] += 1
        group = gender_group(row.gender)
        if group is not None:
            genders[group] += 1
        if row.children:
            children += row.children
            with_children += 1
        if row.unaccompanied_minor:
            unaccompanied += 1
    by_week = [WeekCount(week, monday, count) for week, (monday, count) in sorted(per_week.items())]
    if weeks is not None:
        by_week = _fill_weeks(by_week)[-weeks:]
    return Statistics(
        requests=len(rows),
        people=people,
        by_kind=shares(kinds),
        by_status=shares(statuses),
        returns=returns,
        by_country=shares(countries),
        by_city=shares(cities),
        by_gender=shares(genders),
        gender_known=sum(genders.values()),
        children=children,
        requests_with_children=with_children,
        unaccompanied_children=unaccompanied,
        by_week=by_week,
    )


def _fill_weeks(weeks: Sequence[WeekCount]) -> list[WeekCount]:
    # Weeks without requests are bars of zero, so the chart's time axis is even.
    if not weeks:
        return []
    filled: list[WeekCount] = []
    counts = {week.monday: week.count for week in weeks}
    monday = weeks[0].monday
    while monday <= weeks[-1].monday:
        label, _ = iso_week(dt.datetime.combine(monday, dt.time(), tzinfo=dt.UTC))
        filled.append(WeekCount(label, monday, counts.get(monday, 0)))
        monday += dt.timedelta(days=7)
    return filled
