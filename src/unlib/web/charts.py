"""Server-rendered SVG charts: horizontal bars for categories, columns for years.

The SVG carries no styles (the page's CSP forbids inline styles): classes only, coloured by
``unlib.css``. Every chart is an image with a text label; pages put a data table beside it.
All text is escaped.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from markupsafe import Markup, escape

_ROW: Final = 26
_BAR: Final = 18
_GAP: Final = 8
_COLUMN_HEIGHT: Final = 160
_AXIS: Final = 22
_WIDEST_COLUMN: Final = 48


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    display: str = ""  # the value as the reader writes it ("1 234"); str(value) when empty

    @property
    def shown(self) -> str:
        return self.display or str(self.value)


def _attrs(**values: object) -> str:
    return " ".join(
        f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in values.items()
    )


def _svg(width: int, height: int, label: str, body: list[str], direction: str) -> Markup:
    head = _attrs(
        xmlns="http://www.w3.org/2000/svg",
        class_="chart",
        viewBox=f"0 0 {width} {height}",
        role="img",
        aria_label=label,
        direction=direction,
        preserveAspectRatio="xMinYMin meet",
    )
    return Markup(f"<svg {head}><title>{escape(label)}</title>{''.join(body)}</svg>")


def bar_chart(bars: Sequence[Bar], label: str, *, rtl: bool = False, width: int = 600) -> Markup:
    """One horizontal bar per category, labels on the reading side, value after the bar."""
    label_width = width * 2 // 5
    room = width - label_width - 2 * _GAP - 60
    top = max((bar.value for bar in bars), default=0) or 1
    body: list[str] = []
    for row, bar in enumerate(bars):
        y = row * _ROW
        length = max(1, round(room * bar.value / top)) if bar.value else 0
        start = label_width + _GAP if not rtl else width - label_width - _GAP - length
        label_x = label_width if not rtl else width - label_width
        value_x = start + length + _GAP if not rtl else start - _GAP
        body.append(_bar_row(bar, y, start, length, label_x, value_x))
    height = max(_ROW, len(bars) * _ROW)
    return _svg(width, height, label, body, "rtl" if rtl else "ltr")


def _bar_row(bar: Bar, y: int, start: int, length: int, label_x: int, value_x: int) -> str:
    middle = y + _ROW // 2 + 4
    rect = _attrs(class_="chart-bar", x=start, y=y + (_ROW - _BAR) // 2, width=length, height=_BAR)
    name = _attrs(class_="chart-label", x=label_x, y=middle, text_anchor="end")
    value = _attrs(class_="chart-value", x=value_x, y=middle, text_anchor="start")
    return (
        f"<g><rect {rect}><title>{escape(bar.label)}: {escape(bar.shown)}</title></rect>"
        f"<text {name}>{escape(_clip(bar.label))}</text>"
        f"<text {value}>{escape(bar.shown)}</text></g>"
    )


def _clip(text: str, limit: int = 34) -> str:
    """``text`` cut to about ``limit`` Latin letters' width (wide CJK characters count two)."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > limit:
            return text[: max(index - 1, 1)] + "…"
    return text


def column_chart(bars: Sequence[Bar], label: str, *, width: int = 600) -> Markup:
    """One column per year (or other ordered value), time running left to right."""
    count = max(1, len(bars))
    step = min(width / count, _WIDEST_COLUMN)
    top = max((bar.value for bar in bars), default=0) or 1
    every = max(1, math.ceil(count / 10))
    body: list[str] = []
    for index, bar in enumerate(bars):
        height = round(_COLUMN_HEIGHT * bar.value / top) if bar.value else 0
        x = round(index * step + step * 0.1, 1)
        rect = _attrs(
            class_="chart-bar",
            x=x,
            y=_COLUMN_HEIGHT - height,
            width=round(max(step * 0.8, 1), 1),
            height=height,
        )
        body.append(f"<rect {rect}><title>{escape(bar.label)}: {escape(bar.shown)}</title></rect>")
        if index % every == 0:
            tick = _attrs(
                class_="chart-label",
                x=round(x + step * 0.4, 1),
                y=_COLUMN_HEIGHT + _AXIS - 6,
                text_anchor="middle",
            )
            body.append(f"<text {tick}>{escape(bar.label)}</text>")
    axis = _attrs(class_="chart-axis", x1=0, x2=width, y1=_COLUMN_HEIGHT, y2=_COLUMN_HEIGHT)
    body.append(f"<line {axis}/>")
    return _svg(width, _COLUMN_HEIGHT + _AXIS, label, body, "ltr")
