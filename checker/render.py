"""Text for people: a report, the rule catalogue and one rule explained.

Pure functions from checker values to strings; the CLI decides where they go
and whether colour is on. With colour, flagged spans are underlined in their
severity's colour; without it they are wrapped in ⟦ ⟧, which survives copy
and paste, logs and screen readers (a caret line would drift under wide
characters such as emoji and CJK).

Anything from the draft is made visible before printing: control characters
and bidirectional overrides from a paste must never drive the terminal.
"""

from __future__ import annotations

import bisect
import itertools
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from checker import platforms
from checker.config import Config
from checker.counts import Counts
from checker.glance import GlanceRow
from checker.model import SCHEMA, Finding, Pillar, Report, Severity
from checker.rules.base import Example, Rule

SHORT_LINES = 12  # a draft up to this many lines is shown whole
SHORT_CHARS = 2000  # ... and up to this many characters
LONG_LINE = 300  # a line longer than this is shown as excerpts around its marks
CONTEXT = 40  # characters kept either side of a mark in an excerpt
MAX_SHOWN_LINES = 40  # lines with findings shown from a long draft
MAX_LISTED = 50  # findings listed per severity; JSON has them all
WRAP = 88

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"

_ANSI = {"reset": "0", "bold": "1", "dim": "2", "underline": "4"}
_SEVERITY_COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}
_SEVERITY_TITLE = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.SUGGESTION: ("suggestion", "suggestions"),
}
_SEVERITIES = sorted(Severity, key=lambda s: s.rank)


@dataclass(frozen=True)
class _Style:
    color: bool

    def _sgr(self, codes: str, text: str) -> str:
        return f"\x1b[{codes}m{text}\x1b[0m" if self.color and text else text

    def bold(self, text: str) -> str:
        return self._sgr(_ANSI["bold"], text)

    def dim(self, text: str) -> str:
        return self._sgr(_ANSI["dim"], text)

    def severity(self, severity: Severity, text: str, *, bold: bool = False) -> str:
        codes = _SEVERITY_COLOUR[severity] + (";1" if bold else "")
        return self._sgr(codes, text)

    def mark(self, severity: Severity, text: str) -> str:
        if self.color:
            return self._sgr(f"4;{_SEVERITY_COLOUR[severity]}", text)
        return f"{MARK_OPEN}{text}{MARK_CLOSE}"


# --- making pasted text safe and visible ------------------------------------

# C0/C1 controls (not tab or newline) and the bidi embeddings, overrides and
# isolates that could reorder what the terminal shows ("Trojan Source").
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _show_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ ␛ ␍ ...
    if code == 0x7F:
        return "␡"
    return f"⟨U+{code:04X}⟩"


def visible(text: str) -> str:
    """``text`` with control and bidi-override characters shown as symbols."""
    return _UNSAFE.sub(_show_char, text)


def _quote(text: str, limit: int = 50) -> str:
    one_line = visible(text.replace("\r\n", "\n").replace("\n", " ⏎ "))
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    return f"“{one_line}”"


# --- where things are -------------------------------------------------------


class _Lines:
    """Line starts of a text (lines end at "\\n"), for line/column lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    @property
    def numbered(self) -> bool:
        """Whether the text has more than one line (a final newline adds none)."""
        return len(self.starts) > 2 or (len(self.starts) == 2 and not self.text.endswith("\n"))

    def __len__(self) -> int:
        return len(self.starts)

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def span(self, i: int) -> tuple[int, int]:
        """The line's (start, end) without its "\\n" and a "\\r" before it."""
        start = self.starts[i]
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def where(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        i = self.index(offset)
        return i + 1, offset - self.starts[i] + 1


# --- the draft with its marks -----------------------------------------------

_Segment = tuple[int, int, Severity | None]


def _segments(start: int, end: int, marks: list[tuple[int, int, Severity]]) -> list[_Segment]:
    """Cut [start, end) at every mark edge; each piece carries its loudest severity."""
    edges = {start, end}
    for a, b, _ in marks:
        edges.update((a, b))
    cuts = sorted(edges)
    # sweep: how many marks of each severity cover the current piece
    opening: dict[int, list[Severity]] = {}
    closing: dict[int, list[Severity]] = {}
    for a, b, sev in marks:
        opening.setdefault(a, []).append(sev)
        closing.setdefault(b, []).append(sev)
    active = dict.fromkeys(Severity, 0)
    out: list[_Segment] = []
    for a, b in itertools.pairwise(cuts):
        for sev in closing.get(a, ()):
            active[sev] -= 1
        for sev in opening.get(a, ()):
            active[sev] += 1
        loudest = next((s for s in _SEVERITIES if active[s] > 0), None)
        out.append((a, b, loudest))
    return out


def _excerpt(pieces: list[_Segment], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of a long line worth showing: each mark with some context."""
    keep: list[tuple[int, int]] = []
    for a, b, sev in pieces:
        if sev is None:
            continue
        lo, hi = max(start, a - CONTEXT), min(end, b + CONTEXT)
        if keep and lo <= keep[-1][1]:
            keep[-1] = (keep[-1][0], max(keep[-1][1], hi))
        else:
            keep.append((lo, hi))
    return keep or [(start, min(end, start + CONTEXT * 2))]


def _render_line(
    text: str, start: int, end: int, marks: list[tuple[int, int, Severity]], style: _Style
) -> str:
    pieces = _segments(start, end, marks)
    windows = _excerpt(pieces, start, end) if end - start > LONG_LINE else [(start, end)]
    out: list[str] = []
    if windows[0][0] > start:
        out.append("… ")
    for w, (lo, hi) in enumerate(windows):
        if w:
            out.append(" … ")
        run: list[str] = []  # neighbouring marked pieces share one pair of brackets
        run_sev: Severity | None = None
        for a, b, sev in pieces:
            a, b = max(a, lo), min(b, hi)
            if a >= b:
                continue
            chunk = visible(text[a:b])
            if sev is None or style.color:
                if run:
                    out.append(style.mark(run_sev or Severity.SUGGESTION, "".join(run)))
                    run = []
                out.append(style.mark(sev, chunk) if sev else chunk)
            else:
                run.append(chunk)
                run_sev = sev if run_sev is None or sev.rank < run_sev.rank else run_sev
        if run:
            out.append(style.mark(run_sev or Severity.SUGGESTION, "".join(run)))
    if windows[-1][1] < end:
        out.append(" …")
    return "".join(out)


def _draft_block(text: str, findings: Sequence[Finding], style: _Style) -> list[str]:
    lines = _Lines(text)
    marks: dict[int, list[tuple[int, int, Severity]]] = {}
    for f in findings:
        if f.end <= f.start:
            continue
        for i in range(lines.index(f.start), lines.index(max(f.start, f.end - 1)) + 1):
            a, b = lines.span(i)
            lo, hi = max(a, f.start), min(b, f.end)
            if lo < hi:
                marks.setdefault(i, []).append((lo, hi, f.severity))

    # a final newline ends the last line; it does not start an empty one
    n_lines = len(lines) - (len(lines) > 1 and text.endswith("\n"))
    short = n_lines <= SHORT_LINES and len(text) <= SHORT_CHARS
    shown = list(range(n_lines)) if short else sorted(marks)
    if not short and not shown:
        return []
    gutter = len(str(shown[-1] + 1)) if shown else 1
    numbered = lines.numbered
    out: list[str] = []
    if not short:
        out.append(style.dim(f"  Lines with findings ({len(marks)} of {n_lines}):"))
    previous = -1
    for shown_n, i in enumerate(shown):
        if shown_n == MAX_SHOWN_LINES:
            more = len(shown) - MAX_SHOWN_LINES
            out.append(style.dim(f"  … and {more} more line{'s' * (more != 1)} with findings"))
            break
        if not short and previous >= 0 and i > previous + 1:
            out.append(style.dim(f"  {'⋮'.rjust(gutter)}"))
        previous = i
        a, b = lines.span(i)
        body = _render_line(text, a, b, marks.get(i, []), style)
        prefix = style.dim(f"{i + 1:>{gutter}} │ ") if numbered else ""
        out.append(f"  {prefix}{body}".rstrip())
    return out


# --- a report ---------------------------------------------------------------


def _plural(n: int, severity: Severity) -> str:
    one, many = _SEVERITY_TITLE[severity]
    return f"{n} {one if n == 1 else many}"


def _label(platform: str) -> str:
    try:
        return platforms.get(platform).label
    except platforms.UnknownPlatform:
        return platform


def header(report: Report) -> str:
    """ "X · post · 212/280 weighted", with how far over when it is."""
    length = report.length
    if report.kind == "thread" and length.posts:
        n = len(length.posts)
        count = f"longest post {length.count}/{length.limit} {length.unit}"
        parts = [_label(report.platform), f"thread of {n} post{'s' * (n != 1)}", count]
        over = [str(i + 1) for i, p in enumerate(length.posts) if p.over]
        if over:
            parts.append(f"post{'s' * (len(over) != 1)} {', '.join(over)} over the limit")
    else:
        parts = [
            _label(report.platform),
            report.kind,
            f"{length.count}/{length.limit} {length.unit}",
        ]
        if length.over:
            parts.append(f"over by {length.count - length.limit}")
    return " · ".join(parts)


def summary(findings: Iterable[Finding]) -> str:
    """ "2 warnings, 1 suggestion." or the all-clear."""
    counts = dict.fromkeys(_SEVERITIES, 0)
    for f in findings:
        counts[f.severity] += 1
    parts = [_plural(n, s) for s, n in counts.items() if n]
    if not parts:
        return "No findings: looks good to post."
    return ", ".join(parts) + "."


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text, WRAP, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    ) or [indent.rstrip()]


def _finding_lines(
    text: str, lines: _Lines, f: Finding, style: _Style, *, first: bool
) -> list[str]:
    line, col = lines.where(f.start)
    place = f"line {line}, col {col}" if lines.numbered else f"col {col}"
    title = f"  {style.severity(f.severity, f.rule, bold=True)}  {style.dim(place)}"
    if f.end > f.start:
        title += f"  {_quote(text[f.start : f.end])}"
    out = [title, *_wrapped(visible(f.message), "    ")]
    if f.replacement is not None:  # per finding: each place has its own edit
        out += _wrapped(visible(f"fix available: {f.replacement.label}"), "    ")
    if first:  # the fix and link once per rule: repeating them buries the places
        fix = textwrap.wrap(
            f.fix, WRAP, initial_indent="    → ", subsequent_indent="      ", break_on_hyphens=False
        ) or ["    →"]
        out += [style.bold(fix[0]), *fix[1:], f"    {style.dim(f.url)}"]
    return out


def render_report(text: str, report: Report, *, color: bool = False) -> str:
    """The whole text report: header, marked draft, findings by severity, summary."""
    style = _Style(color)
    out = [style.bold(header(report)), ""]
    block = _draft_block(text, report.findings, style)
    if block:
        out += [*block, ""]
    lines = _Lines(text)
    seen: set[str] = set()
    for severity in _SEVERITIES:
        group = [f for f in report.findings if f.severity is severity]
        if not group:
            continue
        title = _SEVERITY_TITLE[severity][1].capitalize()
        out.append(style.severity(severity, f"{title} ({len(group)})", bold=True))
        for f in group[:MAX_LISTED]:
            out += [*_finding_lines(text, lines, f, style, first=f.rule not in seen), ""]
            seen.add(f.rule)
        if len(group) > MAX_LISTED:
            more = len(group) - MAX_LISTED
            out += [style.dim(f"  … and {more} more (--format json lists every one)"), ""]
    verdict = summary(report.findings)
    if report.length.over and not report.has_errors:
        # the length verdict stands even if no rule (or a switched-off one) says so
        verdict = f"Over the {_label(report.platform)} limit. " + verdict.replace(
            "looks good to post", "nothing else to point out"
        )
    if report.has_errors or report.length.over:
        out.append(style.severity(Severity.ERROR, verdict, bold=True))
    else:
        out.append(style.bold(verdict))
    return "\n".join(out) + "\n"


# --- the catalogue ----------------------------------------------------------


def guide_url(site_url: str, guide: str) -> str:
    """The handbook page of ``guide`` ("sharing/add-your-insight.md#x") on the site."""
    page, _, anchor = guide.partition("#")
    if page.endswith("index.md"):
        page = page[: -len("index.md")]
    elif page.endswith(".md"):
        page = page[: -len(".md")] + "/"
    return f"{site_url.rstrip('/')}/{page}" + (f"#{anchor}" if anchor else "")


def rules_to_dict(rules: Sequence[Rule], config: Config) -> dict[str, Any]:
    """The catalogue as JSON-ready data (``etiquette rules --format json``)."""
    return {
        "schema": SCHEMA,
        "rules": [
            {
                "name": r.name,
                "pillar": r.pillar.value,
                "severity": r.severity.value,
                "summary": r.summary,
                "guide": r.guide,
                "guide_url": guide_url(config.site_url, r.guide),
                "url": config.rule_url(r.name),
                "takes_terms": r.takes_terms,
            }
            for r in rules
        ],
    }


def render_rules(rules: Sequence[Rule], *, color: bool = False) -> str:
    """An aligned table of the rules, grouped by pillar."""
    style = _Style(color)
    if not rules:
        return "No rules are registered.\n"
    name_w = max(len("RULE"), *(len(r.name) for r in rules))
    sev_w = max(len("SEVERITY"), *(len(r.severity.value) for r in rules))
    guide_w = max(len("GUIDE"), *(len(r.guide) for r in rules))
    out: list[str] = []
    head = f"  {'RULE':<{name_w}}  {'SEVERITY':<{sev_w}}  {'GUIDE':<{guide_w}}  SUMMARY"
    out.append(style.dim(head))
    for pillar in Pillar:
        group = [r for r in rules if r.pillar is pillar]
        if not group:
            continue
        out += ["", style.bold(pillar.value.capitalize() if pillar is not Pillar.FIT else "Fit")]
        for r in group:
            sev = style.severity(r.severity, f"{r.severity.value:<{sev_w}}")
            out.append(f"  {r.name:<{name_w}}  {sev}  {r.guide:<{guide_w}}  {r.summary}")
    out += ["", style.dim("etiquette explain RULE tells more about one rule.")]
    return "\n".join(out) + "\n"


_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")


def _plain(markdown: str) -> str:
    """Markdown prose as terminal text: links as "text (address)", no emphasis marks."""
    text = _MD_LINK.sub(r"\1 (\2)", markdown)
    return re.sub(r"(\*\*|__|`)", "", text)


def _example_lines(examples: Sequence[Example], symbol: str) -> list[str]:
    out: list[str] = []
    for ex in examples:
        where = f"{ex.platform}, {ex.kind}"
        if ex.handles:
            where += ", as " + " ".join(f"@{h.lstrip('@')}" for h in ex.handles)
        out.append(f"  {symbol} {_quote(ex.text, 200)}  ({where})")
        if ex.note:
            out += _wrapped(ex.note, "      ")
    return out


def render_explain(rule: Rule, config: Config, *, color: bool = False) -> str:
    """Everything about one rule: what, why, fix, examples, how to switch it off."""
    style = _Style(color)
    pillar = rule.pillar.value
    out = [
        f"{style.bold(rule.name)}  {style.dim(pillar + ' ·')} "
        f"{style.severity(rule.severity, rule.severity.value)}",
        "",
        style.bold("What it flags"),
        *_wrapped(rule.summary, "  "),
        "",
        style.bold("Why it matters"),
    ]
    for para in _plain(rule.why).split("\n\n"):
        out += [*_wrapped(" ".join(para.split()), "  "), ""]
    out += [style.bold("Use instead"), *_wrapped(rule.fix, "  "), ""]
    if rule.flags:
        out += [style.bold("Flags"), *_example_lines(rule.flags, "✗"), ""]
    if rule.passes:
        out += [style.bold("Passes"), *_example_lines(rule.passes, "✓"), ""]
    only = []
    if rule.platforms is not None:
        only.append("platforms: " + ", ".join(sorted(rule.platforms)))
    if len(rule.kinds) < 4:
        only.append("kinds: " + ", ".join(sorted(rule.kinds)))
    if only:
        out += [style.bold("Applies to"), f"  {'; '.join(only)}", ""]
    other = "warning" if rule.severity is Severity.SUGGESTION else "suggestion"
    toml = [
        f"  [rules.{rule.name}]",
        "  enabled = false",
        f'  # or keep it at another level: severity = "{other}"',
    ]
    if rule.takes_terms:
        toml.append('  # add your own words: extra-terms = ["mega deal"]')
    out += [style.bold("Switch it off (etiquette.toml)"), *toml, ""]
    out += [
        style.bold("Read more"),
        f"  {config.rule_url(rule.name)}",
        f"  {guide_url(config.site_url, rule.guide)}",
    ]
    return "\n".join(out) + "\n"


# --- the writer's desk --------------------------------------------------------


def render_glance(rows: Sequence[GlanceRow], writer: Counts, *, color: bool = False) -> str:
    """One line per network ("X  45/280 weighted  fits"), then the writer's counts."""
    style = _Style(color)
    label_width = max(len(r.label) for r in rows)
    count_width = max(len(str(r.count)) for r in rows)
    limit_width = max(len(str(r.limit)) for r in rows)
    out = []
    for r in rows:
        if r.fits:
            verdict = "fits"
        elif r.count > r.limit:
            verdict = f"over by {r.over_by}"
        else:
            verdict = f"over {r.byte_limit} bytes ({r.bytes})"
        if not r.fits:
            verdict = style.severity(Severity.ERROR, verdict, bold=True)
        count = f"{str(r.count).rjust(count_width)}/{str(r.limit).ljust(limit_width)}"
        line = f"{r.label.ljust(label_width)}  {count} {r.unit.ljust(10)}  {verdict}"
        out.append(f"{line}  {style.dim(r.note)}" if r.note else line)
    out += ["", style.dim(writer.line())]
    return "\n".join(out) + "\n"
