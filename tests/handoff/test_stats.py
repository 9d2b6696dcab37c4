"""Anonymous statistics: shares that add up, the seed report's figures, weeks, groups."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from types import SimpleNamespace

from bot.handoff.stats import compute, gender_group, iso_week, shares


def row(**values: object) -> SimpleNamespace:
    """A row as `requests_for_stats` returns it."""
    base: dict[str, object] = {
        "kind": "return",
        "status": "new",
        "created_at": dt.datetime(2018, 11, 28, 12, tzinfo=dt.UTC),
        "country": None,
        "city": None,
        "gender": None,
        "group_size": None,
        "children": None,
        "unaccompanied_minor": False,
    }
    base.update(values)
    return SimpleNamespace(**base)


def test_the_seed_report_figures() -> None:
    # "453 migrants (84% men) ...: Honduras (57%), El Salvador (38%) and Guatemala (5%)."
    rows = (
        [row(country="HN", gender="man") for _ in range(258)]
        + [row(country="SV", gender="man") for _ in range(123)]
        + [row(country="SV", gender="woman") for _ in range(49)]
        + [row(country="GT", gender="woman") for _ in range(23)]
    )
    figures = compute(rows)
    assert figures.returns == 453
    assert [(s.key, s.percent) for s in figures.by_country] == [("HN", 57), ("SV", 38), ("GT", 5)]
    assert {s.key: s.percent for s in figures.by_gender} == {"men": 84, "women": 16}


def test_shares_always_add_up_to_100() -> None:
    assert [s.percent for s in shares(Counter(a=1, b=1, c=1))] == [34, 33, 33]
    assert [s.percent for s in shares(Counter(a=2, b=1))] == [67, 33]
    for total in range(1, 60):
        parts = Counter({f"k{n}": n * 7 % 11 + 1 for n in range(total % 7 + 1)})
        assert sum(s.percent for s in shares(parts)) == 100
    assert shares(Counter()) == []


def test_groups_weeks_children_and_people() -> None:
    assert [gender_group(v) for v in ("Mujer", " male ", "F", "no binario", "", None)] == [
        "women",
        "men",
        "women",
        "other",
        None,
        None,
    ]
    assert iso_week(dt.datetime(2021, 1, 3, tzinfo=dt.UTC)) == ("2020-W53", dt.date(2020, 12, 28))
    monday = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    rows = [
        row(created_at=monday, group_size=4, children=2, city="tijuana"),
        row(created_at=monday + dt.timedelta(days=15), unaccompanied_minor=True, children=0),
        row(created_at=monday, kind="question"),
    ]
    figures = compute(rows, weeks=12)
    assert figures.requests == 3 and figures.returns == 2
    assert figures.people == 4 + 1 + 1
    assert (figures.children, figures.requests_with_children) == (2, 1)
    assert figures.unaccompanied_children == 1
    # The empty week between the two is a bar of zero.
    assert [(w.week, w.count) for w in figures.by_week] == [
        ("2026-W45", 2),
        ("2026-W46", 0),
        ("2026-W47", 1),
    ]
    assert [(s.key, s.count) for s in figures.by_city] == [("tijuana", 1)]
