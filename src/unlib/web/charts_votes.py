"""Server-rendered SVG charts of votes: a roll call's tally, a country's votes by year (shares
of yes, no, abstention, non-voting), and agreement between two countries by year.

Like :mod:`unlib.web.charts`: no styles inside (the CSP forbids them), classes only, coloured
by ``votes.css`` (``vote-Y``, ``vote-N``, ``vote-A``, ``vote-X``); every chart is an image with
a text label and a ``<title>`` on each mark, and the pages put the figures in a table beside
it. All text is escaped; callers pass numbers already written in the reader's language.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from markupsafe import Markup, escape

_ROW: Final = 28
_BAR: Final = 20
_GAP: Final = 8
_HEIGHT: Final = 160  # plot height of the column charts
_TOP: Final = 8  # room above 100 % for its label
_AXIS: Final = 22  # year labels under the plot
_SCALE: Final = 52  # percentage labels beside the plot
_WIDEST: Final = 40
_CHARS_PER_TICK: Final = 6


@dataclass(frozen=True, slots=True)
class Segment:
    """One kind of vote: its code (Y N A X), name, count, and how the reader writes it."""

    vote: str
    label: str
    value: int
    display: str


@dataclass(frozen=True, slots=True)
class Column:
    """One year: the votes of each kind that make it up (stacked), or one score (0-1)."""

    label: str
    segments: tuple[Segment, ...] = ()
    score: float | None = None
    display: str = ""

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


def _attrs(**values: object) -> str:
    return " ".join(
        f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in values.items()
    )


def _svg(width: int, height: int, label: str, body: list[str], css: str, rtl: bool) -> Markup:
    head = _attrs(
        xmlns="http://www.w3.org/2000/svg",
        class_=f"chart {css}",
        viewBox=f"0 0 {width} {height}",
        role="img",
        aria_label=label,
        direction="rtl" if rtl else "ltr",
        preserveAspectRatio="xMinYMin meet",
    )
    return Markup(f"<svg {head}><title>{escape(label)}</title>{''.join(body)}</svg>")


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


# -- one roll call ----------------------------------------------------------------------------


def tally_chart(
    segments: Sequence[Segment], label: str, *, rtl: bool = False, width: int = 600
) -> Markup:
    """One horizontal bar per kind of vote, names on the reading side, count after the bar."""
    label_width = width // 3
    room = width - label_width - 2 * _GAP - 56
    top = max((s.value for s in segments), default=0) or 1
    body = []
    for row, segment in enumerate(segments):
        length = max(1, round(room * segment.value / top)) if segment.value else 0
        start = label_width + _GAP if not rtl else width - label_width - _GAP - length
        body.append(_tally_row(segment, row * _ROW, start, length, width, label_width, rtl))
    return _svg(width, max(_ROW, len(segments) * _ROW), label, body, "vote-tally", rtl)


def _tally_row(
    segment: Segment, y: int, start: int, length: int, width: int, label_width: int, rtl: bool
) -> str:
    middle = y + _ROW // 2 + 5
    rect = _attrs(
        class_=f"vote-bar vote-{segment.vote}",
        x=start,
        y=y + (_ROW - _BAR) // 2,
        width=length,
        height=_BAR,
    )
    name_x = label_width if not rtl else width - label_width
    value_x = start + length + _GAP if not rtl else start - _GAP
    name = _attrs(class_="chart-label", x=name_x, y=middle, text_anchor="end")
    value = _attrs(class_="chart-value", x=value_x, y=middle, text_anchor="start")
    return (
        f"<g><rect {rect}>{_title(f'{segment.label}: {segment.display}')}</rect>"
        f"<text {name}>{escape(segment.label)}</text>"
        f"<text {value}>{escape(segment.display)}</text></g>"
    )


# -- by year ----------------------------------------------------------------------------------


def share_chart(
    columns: Sequence[Column], label: str, scale: Sequence[str], *, width: int = 640
) -> Markup:
    """One column per year, split into the shares of each kind of vote (100 % high).
    ``scale``: the reader's "0 %", "50 %", "100 %"."""
    step = _step(columns, width)
    body = _scale(scale, width)
    for index, column in enumerate(columns):
        x = _SCALE + index * step + step * 0.1
        bottom = float(_HEIGHT)
        for segment in column.segments:
            share = segment.value / column.total if column.total else 0.0
            height = _HEIGHT * share
            if height <= 0:
                continue
            bottom -= height
            rect = _attrs(
                class_=f"vote-bar vote-{segment.vote}",
                x=round(x, 1),
                y=round(_TOP + bottom, 1),
                width=round(max(step * 0.8, 1), 1),
                height=round(height, 1),
            )
            text = f"{column.label} · {segment.label}: {segment.display}"
            body.append(f"<rect {rect}>{_title(text)}</rect>")
    body += _ticks(columns, step)
    return _svg(width, _TOP + _HEIGHT + _AXIS, label, body, "vote-shares", False)


def score_chart(
    columns: Sequence[Column], label: str, scale: Sequence[str], *, width: int = 640
) -> Markup:
    """One column per year, as high as its score (0 to 1); a year without one stays empty."""
    step = _step(columns, width)
    body = _scale(scale, width)
    for index, column in enumerate(columns):
        if column.score is None:
            continue
        height = _HEIGHT * min(max(column.score, 0.0), 1.0)
        rect = _attrs(
            class_="agreement-bar",
            x=round(_SCALE + index * step + step * 0.1, 1),
            y=round(_TOP + _HEIGHT - height, 1),
            width=round(max(step * 0.8, 1), 1),
            height=round(height, 1),
        )
        body.append(f"<rect {rect}>{_title(f'{column.label}: {column.display}')}</rect>")
    body += _ticks(columns, step)
    return _svg(width, _TOP + _HEIGHT + _AXIS, label, body, "agreement-chart", False)


def _step(columns: Sequence[Column], width: int) -> float:
    return min((width - _SCALE) / max(1, len(columns)), _WIDEST)


def _scale(labels: Sequence[str], width: int) -> list[str]:
    """Lines at 0, 50 and 100 % with their labels."""
    found = []
    for fraction, text in zip((0.0, 0.5, 1.0), labels, strict=False):
        y = round(_TOP + _HEIGHT * (1 - fraction), 1)
        line = _attrs(
            class_="chart-grid" if fraction else "chart-axis", x1=_SCALE, x2=width, y1=y, y2=y
        )
        tick = _attrs(class_="chart-label", x=_SCALE - 6, y=y + 4, text_anchor="end")
        found.append(f"<line {line}/><text {tick}>{escape(text)}</text>")
    return found


def _ticks(columns: Sequence[Column], step: float) -> list[str]:
    """Year labels under the columns, as many as fit."""
    every = max(1, math.ceil(_CHARS_PER_TICK * 8 / step)) if step else 1
    found = []
    for index, column in enumerate(columns):
        if index % every:
            continue
        tick = _attrs(
            class_="chart-label",
            x=round(_SCALE + index * step + step * 0.5, 1),
            y=_TOP + _HEIGHT + _AXIS - 6,
            text_anchor="middle",
        )
        found.append(f"<text {tick}>{escape(column.label)}</text>")
    return found
