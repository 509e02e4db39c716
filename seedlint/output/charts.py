"""Charts for the HTML report: horizontal bars and columns drawn as inline SVG, each with
a table of its figures for screen readers, and the escaping and number formats they share
with the page.

A bar is stacked from parts, each a CSS class and a value (the page colours each severity
by its class). Every label is untrusted text and is HTML-escaped here; long labels are cut
and shown whole in the bar's tooltip.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable

import msgspec

EXACT_BINS = 12  # counts up to this get one histogram column each; larger ones, powers of two
LABEL_CHARS = 40  # chart labels longer than this are cut (the full text is in the tooltip)

# chart geometry, in SVG user units
WIDTH = 560  # about the width a chart gets on a laptop screen, so text shows at its size
LABEL_WIDTH = 250
VALUE_WIDTH = 50
MAX_COLUMN_WIDTH = 48  # a histogram of a few columns keeps them this narrow
ROW_HEIGHT = 22
BAR_HEIGHT = 15
PLOT_HEIGHT = 180
AXIS_WIDTH = 44
AXIS_HEIGHT = 40
TOP_MARGIN = 10


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def number(value: int) -> str:
    return f"{value:,}"


def plural(count: int, word: str) -> str:
    return f"{number(count)} {word}{'' if count == 1 else 's'}"


class Bar(msgspec.Struct, frozen=True):
    label: str  # shown under or beside the bar (cut when long)
    parts: tuple[tuple[str, int], ...]  # (CSS class, value), stacked in this order

    @property
    def total(self) -> int:
        return sum(value for _, value in self.parts)


def bins(values: Iterable[int], low: int) -> list[tuple[str, int]]:
    """(label, count) columns of a histogram: one per value up to EXACT_BINS, else ranges
    doubling in width (low, low+1, 2–3, 4–7 …)."""
    counts = Counter(values)
    if not counts:
        return []
    top = max(counts)
    if top <= EXACT_BINS:
        return [(str(value), counts[value]) for value in range(low, top + 1)]
    columns = [(str(value), counts[value]) for value in range(low, 2)]
    start = 2
    while start <= top:
        end = start * 2 - 1
        total = sum(count for value, count in counts.items() if start <= value <= end)
        columns.append((f"{start}–{end}", total))
        start *= 2
    return columns


def empty() -> str:
    return '<p class="empty">No data.</p>'


def bar_title(bar: Bar, unit: str) -> str:
    parts = ", ".join(f"{value:,} {css.removeprefix('bar-')}" for css, value in bar.parts)
    detail = f" ({parts})" if len(bar.parts) > 1 else ""
    return f"{bar.label}: {plural(bar.total, unit[:-1])}{detail}"


def short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def svg_open(height: int) -> str:
    """The start of a chart's svg tag: natural size, scaled down on narrow screens by CSS."""
    return (
        f'<svg width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" '
        'focusable="false"'
    )


def horizontal_chart(bars: list[Bar], unit: str) -> str:
    if not bars:
        return empty()
    height = TOP_MARGIN * 2 + ROW_HEIGHT * len(bars)
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max(bar.total for bar in bars)
    rows = []
    for row, bar in enumerate(bars):
        y = TOP_MARGIN + row * ROW_HEIGHT
        middle = y + ROW_HEIGHT / 2
        x = float(LABEL_WIDTH)
        rects = []
        for css, value in bar.parts:
            rects.append(
                f'<rect class="{css}" x="{x:.1f}" y="{middle - BAR_HEIGHT / 2:.1f}" '
                f'width="{max(value * scale, 1):.1f}" height="{BAR_HEIGHT}"/>'
            )
            x += value * scale
        rows.append(
            f"<g><title>{esc(bar_title(bar, unit))}</title>"
            f'<text class="label" x="{LABEL_WIDTH - 8}" y="{middle:.1f}" text-anchor="end" '
            f'dominant-baseline="middle">{esc(short(bar.label))}</text>{"".join(rects)}'
            f'<text class="value" x="{x + 6:.1f}" y="{middle:.1f}" '
            f'dominant-baseline="middle">{number(bar.total)}</text></g>'
        )
    return (
        f'{svg_open(height)} aria-label="{esc(unit)} per bar, largest first">'
        f"{''.join(rows)}</svg>" + numbers_table(bars, unit)
    )


def column_chart(bars: list[Bar], labels: list[str], unit: str) -> str:
    """Vertical bars over labelled columns, with a y axis from 0 to a round maximum."""
    if not bars or not any(bar.total for bar in bars):
        return empty()
    top = round_up(max(bar.total for bar in bars))
    plot_width = WIDTH - AXIS_WIDTH
    step = plot_width / len(bars)
    width = min(step - min(step * 0.2, 4.0), MAX_COLUMN_WIDTH)
    height = TOP_MARGIN + PLOT_HEIGHT + AXIS_HEIGHT
    base = TOP_MARGIN + PLOT_HEIGHT
    parts = []
    for tick in (0, top // 2, top):
        y = base - tick * PLOT_HEIGHT / top
        parts.append(
            f'<line class="grid" x1="{AXIS_WIDTH}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{AXIS_WIDTH - 6}" y="{y:.1f}" text-anchor="end" '
            f'dominant-baseline="middle">{number(tick)}</text>'
        )
    for column, (bar, label) in enumerate(zip(bars, labels)):
        x = AXIS_WIDTH + column * step + (step - width) / 2
        y = float(base)
        rects = []
        for css, value in bar.parts:
            h = value * PLOT_HEIGHT / top
            y -= h
            rects.append(
                f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                f'height="{h:.1f}"/>'
            )
        text = (
            f'<text class="axis" x="{x + width / 2:.1f}" y="{base + 16}" '
            f'text-anchor="middle">{esc(label)}</text>'
            if label
            else ""
        )
        parts.append(f"<g><title>{esc(bar_title(bar, unit))}</title>{''.join(rects)}{text}</g>")
    return (
        f'{svg_open(height)} aria-label="{esc(unit)} per column">{"".join(parts)}</svg>'
        + numbers_table(bars, unit)
    )


def round_up(value: int) -> int:
    """The axis maximum: the smallest of 2, 4, 6, 8, 10 × 10^k not below value (even, so
    the middle tick is a whole number)."""
    magnitude = 1
    while True:
        for factor in (2, 4, 6, 8, 10):
            if factor * magnitude >= value:
                return factor * magnitude
        magnitude *= 10


def numbers_table(bars: list[Bar], unit: str) -> str:
    """The chart's figures as a table, for screen readers and anyone who wants the numbers."""
    rows = "".join(
        f'<tr><th scope="row"><bdi>{esc(bar.label)}</bdi></th><td>{number(bar.total)}</td></tr>'
        for bar in bars
    )
    return (
        '<details class="numbers"><summary>Numbers</summary><table><thead><tr>'
        f'<th scope="col">Bar</th><th scope="col">{esc(unit.capitalize())}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )
