"""MkDocs hook: the handbook's platform tables, written from ``checker.platforms``.

The numbers the checker counts with and the numbers the handbook prints are
the same numbers: a ``<!-- platform-table: limits -->`` or
``<!-- platform-table: hashtags -->`` line becomes a table built from the
platform data, with each figure's source and the date it was checked, and
``<!-- platform-table: facts NAME -->`` lists one network's facts (each with
its source and date) on that network's page.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from checker.platforms import PLATFORMS, Platform

# [ \t]*, not \s*, before $: \s* would eat the blank line after the marker and glue
# the next paragraph or heading onto the table as one more row.
MARKER = re.compile(
    r"^<!--\s*platform-table:\s*([a-z]+)(?:\s+([a-z]+))?\s*-->[ \t]*$", re.MULTILINE
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _limit(p: Platform) -> str:
    out = f"{p.limit:,} {p.unit}"
    if p.invitation_limit is not None:
        out += f"; invitation note {p.invitation_limit:,}"
        if p.invitation_limit_premium is not None:
            out += f" ({p.invitation_limit_premium:,} with Premium)"
    if p.byte_limit is not None:
        out += f"; and {p.byte_limit:,} bytes"
    return out


def _caps(p: Platform) -> str:
    caps = []
    if p.max_links is not None:
        caps.append(f"at most {p.max_links} links")
    if p.max_hashtags is not None:
        caps.append(f"at most {p.max_hashtags} hashtags")
    if p.max_mentions is not None:
        caps.append(f"at most {p.max_mentions} @-tags")
    if p.attachment_limit is not None:
        caps.append(f"text attachment up to {p.attachment_limit:,} characters")
    if p.content_warning:
        caps.append("the content warning counts toward the limit")
    if not p.links_clickable:
        caps.append("links are not clickable")
    return "; ".join(caps) or "none"


def limits_table() -> str:
    rows = [
        "| Network | Limit | What counts | Other caps | Source (checked) |",
        "|---|---|---|---|---|",
    ]
    for p in PLATFORMS.values():
        rows.append(
            f"| {p.label} | {_limit(p)} | {_cell(p.counting)} | {_caps(p)} "
            f"| {_cell(p.source)} ({p.checked}) |"
        )
    return "\n".join(rows)


def hashtags_table() -> str:
    rows = ["| Network | The checker suggests trimming past | Why |", "|---|---|---|"]
    for p in PLATFORMS.values():
        rows.append(f"| {p.label} | {p.hashtag_norm} | {_cell(p.hashtag_reason)} |")
    return "\n".join(rows)


def facts_table(platform: str) -> str:
    """One network's facts, each with its source and date, and why we read it so."""
    rows = ["| Fact | Source | Date |", "|---|---|---|"]
    for fact in PLATFORMS[platform].facts:
        what = fact.what + (f" *{fact.note}*" if fact.note else "")
        rows.append(f"| {_cell(what)} | {_cell(fact.source)} | {fact.date} |")
    return "\n".join(rows)


TABLES = {"limits": limits_table, "hashtags": hashtags_table}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    def expand(match: re.Match[str]) -> str:
        name, platform = match.group(1), match.group(2)
        if name == "facts":
            if platform not in PLATFORMS:
                raise PluginError(f"{page.file.src_uri}: facts of unknown platform {platform!r}")
            return facts_table(platform)
        if name not in TABLES or platform:
            raise PluginError(f"{page.file.src_uri}: unknown platform table {match.group(0)!r}")
        return TABLES[name]()

    return MARKER.sub(expand, markdown)
