"""Charts drawn on the server as inline SVG: no JavaScript library, nothing to download."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar, with its place in the drawing and its labels."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    note: str  # what the bar says beside it: "57%", or the count
    label_x: float
    label_y: float


@dataclass(frozen=True, slots=True)
class Chart:
    """A bar chart's geometry, for the template to draw."""

    width: int
    height: int
    bars: list[Bar]
    maximum: int
    axis_y: float
    ticks: list[tuple[float, int]]


def column_chart(
    items: Sequence[tuple[str, int, str]], *, width: int = 640, height: int = 240
) -> Chart:
    """Vertical bars, one per item (a week, say), scaled to the largest value."""
    left, right, top, bottom = 36.0, 8.0, 12.0, 40.0
    plot_w, plot_h = width - left - right, height - top - bottom
    maximum = max((value for _, value, _ in items), default=0)
    scale_max = _nice(maximum)
    slot = plot_w / max(1, len(items))
    bar_w = max(2.0, slot * 0.7)
    bars = []
    for index, (label, value, note) in enumerate(items):
        bar_h = plot_h * value / scale_max if scale_max else 0.0
        x = left + index * slot + (slot - bar_w) / 2
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(top + plot_h - bar_h, 1),
                width=round(bar_w, 1),
                height=round(bar_h, 1),
                label=label,
                value=value,
                note=note,
                label_x=round(x + bar_w / 2, 1),
                label_y=round(top + plot_h + 16, 1),
            )
        )
    ticks = [
        (round(top + plot_h - plot_h * step / 4, 1), scale_max * step // 4) for step in range(5)
    ]
    return Chart(width, height, bars, maximum, round(top + plot_h, 1), ticks)


def bar_chart(items: Sequence[tuple[str, int, str]], *, width: int = 640, row: int = 28) -> Chart:
    """Horizontal bars, one per item (a country, say), with room for the names."""
    left, right, top = 110.0, 48.0, 4.0
    plot_w = width - left - right
    maximum = max((value for _, value, _ in items), default=0)
    bars = []
    for index, (label, value, note) in enumerate(items):
        bar_w = plot_w * value / maximum if maximum else 0.0
        y = top + index * row
        bars.append(
            Bar(
                x=left,
                y=round(y + 4, 1),
                width=round(bar_w, 1),
                height=row - 8,
                label=label,
                value=value,
                note=note,
                label_x=left - 8,
                label_y=round(y + row / 2 + 5, 1),
            )
        )
    height = int(top * 2 + row * max(1, len(items)))
    return Chart(width, height, bars, maximum, float(height), [])


def _nice(value: int) -> int:
    # A round top for the axis (4 ticks): 4, 8, 20, 40, 80, 200...
    if value <= 0:
        return 0
    step = 1
    while True:
        for factor in (1, 2, 5):
            top = 4 * step * factor
            if top >= value:
                return top
        step *= 10
