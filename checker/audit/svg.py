"""The audit's two pictures, drawn as SVG text by the core (no plotting library).

* ``balance``: one stacked bar of the four kinds of post, with a legend.
* ``trend``: a stacked column of kinds per month.

Both carry ``<title>`` and ``<desc>`` (read by screen readers, shown as a
tooltip), use ``currentColor`` for text and axes so they follow the page's
colour in light and dark mode, and take the kinds' colours from CSS variables
(``--audit-original`` ...) with mid-tone defaults that read on white and on
black alike. The same strings go into the CLI's HTML report and the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from checker.audit.percent import shares

KIND_LABELS = {
    "original": "Original",
    "reply": "Replies",
    "reshare": "Reshares",
    "reshare_with_comment": "Reshares with comment",
}
# Mid-tone fills: at least 3:1 against both a white and a near-black page.
KIND_COLOURS = {
    "original": "#4f7fc0",
    "reply": "#d9822b",
    "reshare": "#3f9c5a",
    "reshare_with_comment": "#a66bbf",
}
WIDTH = 640
_FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="13"'
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _fill(kind: str) -> str:
    return f'style="fill: var(--audit-{kind.replace("_", "-")}, {KIND_COLOURS[kind]})"'


def _open(name: str, height: int, title: str, desc: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{name}-title {name}-desc" '
        f'class="audit-chart" data-audit-chart="{name}" {_FONT}>'
        f'<title id="{name}-title">{escape(title)}</title>'
        f'<desc id="{name}-desc">{escape(desc)}</desc>'
    )


def describe_kinds(kinds: Mapping[str, int]) -> str:
    total = sum(kinds.values())
    share = kind_shares(kinds)
    parts = [f"{KIND_LABELS[k].lower()} {kinds[k]:,} ({share[k]})" for k in KIND_LABELS]
    return f"{total:,} posts: " + ", ".join(parts) + "."


def kind_shares(kinds: Mapping[str, int]) -> dict[str, str]:
    """Each kind's share of the posts, adding up to 100% (the legend, table and text agree)."""
    return shares({kind: kinds.get(kind, 0) for kind in KIND_LABELS})


def balance(kinds: Mapping[str, int], name: str = "audit-balance") -> str:
    """A stacked bar of the kinds of post, then a legend with counts and shares."""
    total = sum(kinds.values())
    share = kind_shares(kinds)
    out = [_open(name, 116, "Balance of your posts by kind", describe_kinds(kinds))]
    out.append(
        f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="35" rx="4" fill="none" '
        'stroke="currentColor" stroke-opacity="0.35"/>'
    )
    x = 1.0
    for kind in KIND_LABELS:
        count = kinds.get(kind, 0)
        if not count:
            continue
        width = (WIDTH - 2) * count / total
        out.append(
            f'<rect x="{x:.2f}" y="1" width="{width:.2f}" height="34" {_fill(kind)} '
            f'data-kind="{kind}" data-count="{count}">'
            f"<title>{KIND_LABELS[kind]}: {count} ({share[kind]})</title></rect>"
        )
        x += width
    # The legend in two rows of two, so that the longest label fits at any width.
    for i, kind in enumerate(KIND_LABELS):
        lx, ly = (i % 2) * (WIDTH / 2), 52 + (i // 2) * 36
        count = kinds.get(kind, 0)
        out.append(f'<rect x="{lx:.1f}" y="{ly}" width="14" height="14" rx="2" {_fill(kind)}/>')
        out.append(
            f'<text x="{lx + 22:.1f}" y="{ly + 12}" fill="currentColor">'
            f"{KIND_LABELS[kind]}: {count:,} ({share[kind]})</text>"
        )
    out.append("</svg>")
    return "".join(out)


def _month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"


def _nice_max(value: int) -> int:
    """A round top for the axis: 1, 2, 5, 10, 20, 50... at or above ``value``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def trend(months: Sequence[Mapping[str, Any]], name: str = "audit-trend") -> str:
    """Stacked columns of kinds per month; "" when there are no dated posts."""
    if not months:
        return ""
    height, left, right, top, bottom = 240, 40, 8, 10, 34
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = _nice_max(max(int(m["posts"]) for m in months) or 1)
    busiest = max(months, key=lambda m: int(m["posts"]))
    first, last = _month_label(months[0]["month"]), _month_label(months[-1]["month"])
    desc = (
        f"{len(months)} months from {first} to {last}; the busiest, "
        f"{_month_label(busiest['month'])}, has {busiest['posts']} posts. "
        "Each column stacks original posts, replies, reshares and reshares with comment."
    )
    out = [_open(name, height, "Your posts month by month, by kind", desc)]
    for tick in (0, peak // 2 if peak > 1 else 0, peak):
        y = top + plot_h - plot_h * tick / peak
        out.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="currentColor" stroke-opacity="0.2"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="currentColor" '
            f'fill-opacity="0.8">{tick}</text>'
        )
    slot = plot_w / len(months)
    bar = min(48.0, max(1.0, slot * 0.8))  # a few months should not make slabs
    every = max(1, -(-len(months) // 8))  # at most about eight month labels
    for i, month in enumerate(months):
        x = left + i * slot + (slot - bar) / 2
        y = top + plot_h
        parts = ", ".join(f"{month[k]} {KIND_LABELS[k].lower()}" for k in KIND_LABELS)
        label = _month_label(month["month"])
        out.append(f'<g data-month="{month["month"]}" data-posts="{month["posts"]}">')
        out.append(f"<title>{label}: {month['posts']} posts ({parts})</title>")
        for kind in KIND_LABELS:
            count = int(month[kind])
            if count:
                h = plot_h * count / peak
                y -= h
                out.append(
                    f'<rect x="{x:.2f}" y="{y:.2f}" width="{bar:.2f}" height="{h:.2f}" '
                    f"{_fill(kind)}/>"
                )
        out.append("</g>")
        if i % every == 0:
            cx = left + i * slot + slot / 2
            out.append(
                f'<text x="{cx:.1f}" y="{height - 12}" text-anchor="middle" '
                f'fill="currentColor" fill-opacity="0.8">{label}</text>'
            )
    out.append(
        f'<line x1="{left}" x2="{WIDTH - right}" y1="{top + plot_h}" y2="{top + plot_h}" '
        'stroke="currentColor" stroke-opacity="0.6"/>'
    )
    out.append("</svg>")
    return "".join(out)
