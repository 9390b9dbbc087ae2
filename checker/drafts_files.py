"""A draft kept as a file: front matter, Markdown and a map back to the file.

Pure: ``prepare(text, name, markdown=...)`` takes a file's text (already
decoded) and returns a ``DraftFile``: the post as a reader would see it (what
``check()`` reads), the settings its front matter gives, and a source map so
every finding points at the line and column of the file as written, front
matter, Markdown markup and CRLF line ends included. Reading files and
walking folders is the CLI's job.

How a Markdown draft is read. No network renders Markdown in a post: X,
Threads, Bluesky, LinkedIn, Facebook and Instagram show it literally, and
Mastodon shows it literally on a stock server (only some forks render it). A
team writes drafts in Markdown for the repository's sake (previews, review
diffs), and pastes the text. So a ``.md`` draft is checked as what you paste:

- ``**bold**``, ``*em*``, ``_em_``, ``__bold__``, ``~~strike~~`` and inline code
  lose their markers (the words stay);
- ``[text](https://url)`` becomes ``text https://url``: the words and the
  address both reach the post (a network links the bare address and counts it:
  23 characters on X and Mastodon, in full on Bluesky and Threads); a link
  whose text is its address, and ``<https://url>``, become the address alone;
- ``![alt](image.png)`` (an image is attached, not typed) and
  ``<!-- notes to the team -->`` are dropped;
- a heading's ``#`` markers and a backslash escape's ``\\`` are dropped;
- everything else (lists, line breaks, emoji, a thread's ``---`` lines) is
  kept as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from checker.frontmatter import FrontMatterError, Value, split_front_matter

DRAFT_KEYS = ("platform", "kind", "handles", "cw")


class DraftFileError(ValueError):
    """A draft file that cannot be read: names the file, where, and why."""

    def __init__(self, name: str, where: str, problem: str) -> None:
        self.name, self.where, self.problem = name, where, problem
        super().__init__(f"{name}: {where}: {problem}")


@dataclass(frozen=True)
class DraftFile:
    name: str
    file_text: str  # the file as written (after decoding)
    text: str  # the post as a reader sees it: what check() reads
    origin: list[int] = field(repr=False)  # origin[i]: file offset of text[i]; one past the end
    settings: dict[str, Value] = field(default_factory=dict)  # front matter, validated keys
    setting_lines: dict[str, int] = field(default_factory=dict)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        starts = [0] + [m.end() for m in re.finditer("\n", self.file_text)]
        object.__setattr__(self, "_line_starts", starts)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of ``text`` as a span of the file (end exclusive)."""
        a = self.origin[start]
        b = self.origin[end - 1] + 1 if end > start else a
        return a, max(a, b)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of a file offset."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def region(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) in the file of a span of ``text``.

        The end column is exclusive, as in SARIF and GitHub annotations.
        """
        a, b = self.file_span(start, end)
        return (*self.position(a), *self.position(b))


# --- Markdown to what you would paste ----------------------------------------

# Every part is bounded ({0,N}) so a hostile line costs at most a constant per
# character: no construct here can backtrack without limit.
_MD = re.compile(
    r"(?P<comment><!--)"
    r"|(?P<image>!\[[^\]\n]{0,500}\]\([^()\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?\))"
    r"|(?P<link>\[(?P<ltext>[^\[\]\n]{0,500})\]\((?P<lurl>[^()\s]{1,2000})"
    r"(?:[ \t]+\"[^\"\n]{0,500}\")?\))"
    r"|(?P<auto><(?P<aurl>(?:https?|mailto):[^<>\s]{1,2000})>)"
    r"|(?P<code>(?P<tick>`{1,3})(?P<ctext>[^`\n]{1,500})(?P=tick))"
    r"|(?P<escape>\\(?P<echar>[!-/:-@\[-`{-~]))"
    r"|(?P<strong>(?P<sm>\*\*|__|~~)(?=[^\s*_~])(?P<stext>[^\n]{0,500}?[^\s*_~\\])(?P=sm))"
    r"|(?P<em>\*(?=[^\s*])(?P<etext>[^\n*]{0,500}?[^\s*\\])\*(?!\*))"
    r"|(?P<uem>(?<![^\W_])_(?=[^\s_])(?P<utext>[^\n_]{0,500}?[^\s_\\])_(?![^\W_]))"
    r"|(?P<heading>^[ ]{0,3}\#{1,6}[ \t]+)",
    re.MULTILINE,
)


def _strip(text: str, start: int, end: int, out: list[str], origin: list[int]) -> None:
    """Append the pasteable form of ``text[start:end]`` to ``out``, with origins."""

    def copy(a: int, b: int) -> None:
        out.extend(text[a:b])
        origin.extend(range(a, b))

    pos = start
    last_close = text.rfind("-->", start, end)  # so an unclosed "<!--" costs no search
    for m in _MD.finditer(text, start, end):
        if m.start() < pos:  # inside a comment already skipped
            continue
        kind = m.lastgroup
        if kind == "comment":
            close = text.find("-->", m.end(), end) if m.end() <= last_close else -1
            if close < 0:
                continue  # not closed: plain text, copied with the rest
            copy(pos, m.start())
            pos = close + 3
            continue
        copy(pos, m.start())
        pos = m.end()
        if kind in ("image", "heading"):
            continue
        if kind == "link":
            label, url = m.group("ltext"), m.group("lurl")
            if label.strip() and label.strip() != url:
                _strip(text, m.start("ltext"), m.end("ltext"), out, origin)
                out.append(" ")  # the words, then the address: both reach the post
                origin.append(m.start("lurl") - 1)  # the "(" before the address
            copy(m.start("lurl"), m.end("lurl"))
        elif kind == "auto":
            copy(m.start("aurl"), m.end("aurl"))
        elif kind == "code":
            copy(m.start("ctext"), m.end("ctext"))
        elif kind == "escape":
            copy(m.start("echar"), m.end("echar"))
        else:  # emphasis: keep the words, which may hold more markup
            group = {"strong": "stext", "em": "etext", "uem": "utext"}[kind or ""]
            _strip(text, m.start(group), m.end(group), out, origin)
    copy(pos, end)


def _normalise_newlines(text: str, start: int) -> tuple[str, list[int]]:
    """``text[start:]`` with CRLF and lone CR made LF (as a post box does), with origins."""
    out: list[str] = []
    origin: list[int] = []
    i, n = start, len(text)
    while i < n:
        j = text.find("\r", i)
        if j < 0:
            out.append(text[i:])
            origin.extend(range(i, n))
            break
        out.append(text[i:j])
        origin.extend(range(i, j))
        out.append("\n")
        origin.append(j)
        i = j + 2 if text.startswith("\r\n", j) else j + 1
    return "".join(out), origin


def prepare(file_text: str, name: str, *, markdown: bool) -> DraftFile:
    """Read a draft file: front matter (validated keys), body, Markdown, CRLF."""
    try:
        front = split_front_matter(file_text)
    except FrontMatterError as err:
        raise DraftFileError(name, f"line {err.line}", f"front matter: {err.problem}") from None
    for key, line in front.lines.items():
        if key not in DRAFT_KEYS:
            import difflib  # only on this error path

            close = difflib.get_close_matches(key, DRAFT_KEYS, n=1, cutoff=0.6)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise DraftFileError(
                name,
                f"line {line}",
                f'unknown front matter key "{key}"{hint}; known: {", ".join(DRAFT_KEYS)}',
            )
    body, body_origin = _normalise_newlines(file_text, front.body_start)
    if markdown:
        chars: list[str] = []
        md_origin: list[int] = []
        _strip(body, 0, len(body), chars, md_origin)
        text = "".join(chars)
        origin = [body_origin[i] for i in md_origin]
    else:
        text, origin = body, body_origin
    origin.append(len(file_text))  # one past the end: where an empty span at the end points
    return DraftFile(
        name=name,
        file_text=file_text,
        text=text,
        origin=origin,
        settings=dict(front.values),
        setting_lines=dict(front.lines),
    )
