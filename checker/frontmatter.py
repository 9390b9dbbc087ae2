"""Front matter of a draft file: a few ``key: value`` lines between ``---`` lines.

Pure: ``split_front_matter(text)`` takes a file's text and returns the raw
values and where the draft itself starts; it reads no file. It is a small
parser for the subset of YAML a draft needs (so the core stays standard
library only, and the same code runs in the browser):

    ---
    platform: mastodon
    kind: reply
    handles: ["@acme", "@acme_support"]   # or one "- @acme" item per line
    cw: Spoilers for the season finale
    ---
    The draft itself.

Values are plain, "double-quoted" or 'single-quoted' strings, or lists of
them (flow ``[a, b]`` or block ``- a`` lines). ``#`` starts a comment at the
start of a line or after a space. A file whose first line is ``---`` opens
front matter, which must be closed by a ``---`` (or ``...``) line. Which keys
are allowed, and what their values mean, is the caller's business
(``checker.drafts_files``): this module only reads the shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE = "---"
_CLOSERS = ("---", "...")
_KEY_LINE = re.compile(r"([A-Za-z_][\w\-]*)[ \t]*:(?:[ \t]+(.*))?$")
_ITEM_LINE = re.compile(r"[ \t]*-(?:[ \t]+(.*))?$")
_COMMENT = re.compile(r"(?:^|[ \t])#.*$")

Value = str | tuple[str, ...]


class FrontMatterError(ValueError):
    """Bad front matter: ``line`` is 1-based in the file as written."""

    def __init__(self, line: int, problem: str) -> None:
        self.line, self.problem = line, problem
        super().__init__(f"line {line}: {problem}")


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, Value]  # key -> value, in the order written
    lines: dict[str, int]  # key -> its 1-based line, for messages
    body_start: int  # offset where the draft begins (0 when there is no front matter)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset of the next line, line without its end-of-line) for each line."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        pos += len(raw) + 1
        out.append((min(pos, len(text)), raw.removesuffix("\r")))
    return out


def _uncomment(line: str) -> str:
    # a "#" inside quotes is not a comment: only strip when no quote precedes it
    m = _COMMENT.search(line)
    if m is None:
        return line.rstrip()
    before = line[: m.start()]
    if before.count('"') % 2 or before.count("'") % 2:
        return line.rstrip()
    return before.rstrip()


def _scalar(raw: str, line: int) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        inner = raw[1:-1]
        if raw[0] == "'":
            return inner.replace("''", "'")
        return re.sub(r'\\(["\\])', r"\1", inner)
    if raw[:1] in ("\"'"):
        raise FrontMatterError(line, f"unclosed quote in {raw!r}")
    if raw[:1] in ("{", "|", ">", "&", "*", "!"):
        raise FrontMatterError(
            line, f"{raw!r}: only plain or quoted text and lists are supported here"
        )
    return raw


def _flow_list(raw: str, line: int) -> tuple[str, ...]:
    inner = raw.strip()[1:-1]
    if not inner.strip():
        return ()
    items = re.findall(r'\s*("(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^,]*)\s*(?:,|$)', inner)
    return tuple(_scalar(item, line) for item in items if item.strip())


def split_front_matter(text: str) -> FrontMatter:
    """Read the front matter at the top of ``text``, if any.

    Raises ``FrontMatterError`` (with the file's line number) on a shape it
    cannot read, a repeated key, or a missing closing line.
    """
    lines = _lines(text)
    if not lines or lines[0][1].rstrip() != FENCE:
        return FrontMatter({}, {}, 0)
    values: dict[str, Value] = {}
    where: dict[str, int] = {}
    current: str | None = None  # the key whose block list is being read
    for index, (next_line, raw) in enumerate(lines[1:], start=2):
        if raw.rstrip() in _CLOSERS:
            if current is not None and values[current] == "":
                values[current] = ()
            return FrontMatter(values, where, next_line)
        line = _uncomment(raw)
        if not line.strip():
            continue
        item = _ITEM_LINE.match(line)
        if item and current is not None and line[:1] in (" ", "\t", "-"):
            previous = values[current]
            if isinstance(previous, str) and previous:
                raise FrontMatterError(index, f'"{current}" has a value and a list item')
            values[current] = (*(previous or ()), _scalar(item.group(1) or "", index))
            continue
        if line[:1] in (" ", "\t"):
            raise FrontMatterError(index, f"unexpected indented line {raw.strip()!r}")
        m = _KEY_LINE.match(line)
        if m is None:
            raise FrontMatterError(
                index, f'expected "key: value", got {raw.strip()!r} (is the closing --- missing?)'
            )
        key, raw_value = m.group(1), (m.group(2) or "").strip()
        if key in values:
            raise FrontMatterError(index, f'"{key}" is given twice (first on line {where[key]})')
        where[key] = index
        if raw_value.startswith("["):
            if not raw_value.endswith("]"):
                raise FrontMatterError(index, f'"{key}": a list must end with "]" on its line')
            values[key] = _flow_list(raw_value, index)
            current = None
        elif raw_value:
            values[key] = _scalar(raw_value, index)
            current = None
        else:
            values[key] = ""  # a block list may follow
            current = key
    raise FrontMatterError(1, "the front matter opened here is never closed by a --- line")
