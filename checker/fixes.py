"""Mechanical fixes: certain, tone-free edits a writer can apply with one click.

A fix is an ``Edit``: put ``text`` in place of ``[start, end)`` (code points
into the whole draft), with a ``label`` saying what it does. Fix functions
take the draft and a finding's span and return an ``Edit``, or ``None`` when
the change would not be certain. They never rewrite tone: they delete syntax
from another network, swap a buzzword for the plain word its rule names, drop
tracking parameters from a link, or turn ``#FF`` into a thank-you stub that
the writer completes.

``FIXES`` maps a rule's name to its fix function; ``check()`` attaches the
edit to each finding of that rule as a ``Replacement`` (with UTF-16 offsets),
which the JSON carries as ``"replacement"``. Keying by name keeps this module
independent of where each rule is declared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from checker import twitter_text
from checker.model import Replacement, Utf16Offsets


class Edit(NamedTuple):
    """Replace ``[start, end)`` (code points) with ``text``; ``label`` says what it does."""

    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}


FixFunction = Callable[[str, int, int], "Edit | None"]


def compatible(text: str, edits: Iterable[Edit]) -> list[Edit]:
    """The edits that can be applied together, in text order: an edit overlapping
    an earlier one is left out (apply it after re-checking)."""
    kept: list[Edit] = []
    reach = -1
    for edit in sorted(edits):
        if edit.start >= reach and 0 <= edit.start <= edit.end <= len(text):
            kept.append(edit)
            reach = max(edit.end, edit.start + 1)  # two inserts at one point would be ambiguous
    return kept


def apply(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with each of the ``compatible`` edits applied."""
    out: list[str] = []
    pos = 0
    for edit in compatible(text, edits):
        out.append(text[pos : edit.start])
        out.append(edit.text)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def _quote(text: str) -> str:
    return f"“{text}”"


# --- "RT @name:" ------------------------------------------------------------

# X's manual-retweet prefix, as the cross-post rule flags it ("RT @x", "MT @x").
_RETWEET = re.compile(r"(?:RT|MT|rt)\s?:?\s?@[\w.]+")
# What follows the handle and goes with it: a colon and the space after it.
_RETWEET_TAIL = re.compile(r"[ \t]*:?\s*")


def _followed_by_word(text: str, pos: int) -> bool:
    """Whether a word, handle or tag goes on at ``pos`` ("#FFmpeg" is not "#FF")."""
    return pos < len(text) and (text[pos].isalnum() or text[pos] in "_@")


def _opens_line(text: str, pos: int) -> bool:
    """Whether only spaces stand between ``pos`` and the start of its line.

    Looks back over spaces only, so a paste of thousands of "RT @a:" on one
    line costs a step per finding, not the length of the line.
    """
    while pos > 0 and text[pos - 1] in " \t\u00a0":
        pos -= 1
    return pos == 0 or text[pos - 1] in "\r\n"


def drop_retweet_prefix(text: str, start: int, end: int) -> Edit | None:
    """Drop "RT @x:" that opens a line: it is X's syntax, noise elsewhere.

    Only at the start of a line (a post's opening); in mid-sentence the words
    around it may depend on it, so that is left to the writer. Not when a
    handle follows: the post would then open like a reply from another network.
    """
    # the flagged span starts with the prefix (it may or may not take in the colon)
    prefix = _RETWEET.match(text, start)
    if prefix is None or prefix.end() > end or not _opens_line(text, start):
        return None
    stop = prefix.end()
    while True:  # "RT @a: RT @b: ..." is one chain of reshares: drop it whole
        tail = _RETWEET_TAIL.match(text, stop)
        stop = tail.end() if tail else stop
        more = _RETWEET.match(text, stop)
        if more is None or _followed_by_word(text, more.end()):
            break
        stop = more.end()
    if text.startswith("@", stop):  # the rest would then read as a reply: not certain
        return None
    return Edit(start, stop, "", f"Remove {_quote(text[start:stop].strip())}")


# --- #FF / #FollowFriday ----------------------------------------------------

_FOLLOW_FRIDAY = re.compile(r"#(?:ff|followfriday)", re.IGNORECASE)
# One handle (with an optional fediverse domain), then what may join it to the
# next: a comma, "&" or "and". Each piece is bounded by a different character,
# so matching stays linear.
_HANDLE = r"@[A-Za-z0-9_][\w.]*(?:@[\w\-]+(?:\.[\w\-]+)+)?"
_JOIN = r"[ \t]*(?:(?:,|&|and\b)[ \t]*)?"
_HANDLES_AFTER = re.compile(rf"(?:{_JOIN}{_HANDLE})+")
_HANDLES_BEFORE = re.compile(rf"(?:{_HANDLE}{_JOIN})+\Z")
_ONE_HANDLE = re.compile(_HANDLE)
_LOOK_BACK = 400  # a line of handles before "#FF" longer than this is not a shout-out list


def _names(handles: str) -> list[str]:
    return [h.rstrip(".") for h in _ONE_HANDLE.findall(handles)]


def _listed(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def follow_friday_stub(text: str, start: int, end: int) -> Edit | None:
    """Turn "#FF @a @b" (or "@a @b #FF") into "Thanks to @a and @b for …".

    The "…" is left for the writer: why each person is worth following is the
    part only they can say. With no handle next to the tag there is nobody to
    name, so no fix.
    """
    tag = _FOLLOW_FRIDAY.match(text, start)
    if tag is None or tag.end() > end or _followed_by_word(text, tag.end()):
        return None
    start, end = tag.span()  # the tag itself, whatever else the finding takes in
    after = _HANDLES_AFTER.match(text, end)
    if after and after.end() > end:
        # a handle's trailing dot ends the sentence: keep it outside the edit
        stop = after.end()
        while stop > end and text[stop - 1] == ".":
            stop -= 1
        names = _names(text[end:stop])
        first = start
    else:
        floor = max(0, start - _LOOK_BACK)
        line_start = max(text.rfind("\n", floor, start) + 1, floor)
        before = _HANDLES_BEFORE.search(text, line_start, start)
        if not before:
            return None
        first, stop = before.start(), end
        names = _names(text[first:start])
    if not names:
        return None
    stub = f"Thanks to {_listed(names)} for …"
    return Edit(first, stop, stub, f"Turn {_quote(text[start:end])} into a thank-you note")


def cross_post_fix(text: str, start: int, end: int) -> Edit | None:
    """The cross-post rule's fixes: "RT @x:" dropped, "#FF" made a thank-you."""
    return drop_retweet_prefix(text, start, end) or follow_friday_stub(text, start, end)


# --- jargon -----------------------------------------------------------------

_JOINERS = re.compile(r"[\s\u00a0\-‑–]+")


def _key(phrase: str) -> str:
    # the same key the jargon list is looked up by: "Deep-dive" and "deep  dive" meet
    return _JOINERS.sub(" ", phrase).strip().lower()


def _same_case(model: str, word: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model.istitle() and _JOINERS.search(model):  # "Deep-Dive" -> "Close Look"
        return word.title()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_TABLES: dict[int, tuple[Mapping[Any, Any], dict[str, Any]]] = {}


def _table(phrases: Mapping[Any, Any]) -> dict[str, Any]:
    """``phrases`` keyed by ``_key``, built once per table (rules are module constants)."""
    cached = _TABLES.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        cached = (phrases, {_key(str(k)): v for k, v in phrases.items()})
        _TABLES[id(phrases)] = cached
    return cached[1]


def plain_word(matcher: object, text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Where the jargon is in ``text[start:end]`` and the plain word its rule names.

    Reads the rule's matcher: a ``plain_for(match)`` method if it has one,
    else its ``phrases`` table and ``extra`` (pattern, plain word) pairs. For a
    pattern that matches a whole phrase ("we don't have the bandwidth"), the
    plain word stands for the phrase's last word.
    """
    matched = text[start:end]
    plain_for = getattr(matcher, "plain_for", None)
    if callable(plain_for):
        plain = plain_for(matched)
        return (start, end, plain) if isinstance(plain, str) and plain else None
    phrases = getattr(matcher, "phrases", None)
    if isinstance(phrases, Mapping):
        plain = _table(phrases).get(_key(matched))
        if isinstance(plain, str):
            return start, end, plain
    for pattern, plain in getattr(matcher, "extra", ()):
        m = re.compile(pattern, re.IGNORECASE).match(text, start)
        if m and m.end() == end:
            if " " in matched.strip():
                last = re.search(r"[^\W_]+\Z", matched)
                if last is None:
                    return None
                return start + last.start(), end, str(plain)
            return start, end, str(plain)
    return None


def replace_jargon(text: str, start: int, end: int) -> Edit | None:
    """Swap a buzzword for the plain word the stiff-jargon rule names for it.

    A team's own stiff words have no named alternative, so they get no fix.
    """
    from checker.rules import BY_NAME  # here, not at import: the rules import the engine's world

    rule = BY_NAME.get("stiff-jargon")
    if rule is None:
        return None
    found = plain_word(rule.matcher, text, start, end)
    if found is None:
        return None
    a, b, plain = found
    word = text[a:b]
    new = _same_case(word, plain)
    if new == word:
        return None
    return Edit(a, b, new, f"Replace {_quote(word)} with {_quote(new)}")


# --- tracking parameters ----------------------------------------------------

# Query parameters that only say where a click came from. Well-known ones only:
# removing a parameter the site needs would break the link.
_TRACKERS = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "dclid",  # Google Display
        "gbraid",  # Google Ads (iOS)
        "wbraid",  # Google Ads (web to app)
        "msclkid",  # Microsoft Ads
        "twclid",  # X ads
        "ttclid",  # TikTok ads
        "li_fat_id",  # LinkedIn ads
        "yclid",  # Yandex ads
        "mc_cid",  # Mailchimp campaign
        "mc_eid",  # Mailchimp subscriber
        "igshid",  # Instagram share
        "igsh",  # Instagram share (newer)
        "_hsenc",  # HubSpot
        "_hsmi",  # HubSpot
        "mkt_tok",  # Marketo
        "ref_src",  # X embed ("twsrc^tfw")
        "ref_url",  # X embed
    }
)
_TRACKER_PREFIXES = ("utm_",)  # Google Analytics campaign tags: utm_source, utm_medium, ...
# "si" is a share id on these hosts only; elsewhere it may mean anything.
_SHARE_ID_HOSTS = frozenset(
    {"youtube.com", "youtu.be", "music.youtube.com", "open.spotify.com", "spotify.link"}
)


def _host(url: str) -> str:
    rest = url.split("://", 1)[1] if "://" in url else url
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0].lower()
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def is_tracker(key: str, host: str = "") -> bool:
    """Whether a query parameter named ``key`` only tracks the click."""
    low = key.lower()
    if low in _TRACKERS or low.startswith(_TRACKER_PREFIXES):
        return True
    return low == "si" and host in _SHARE_ID_HOSTS


def strip_tracking(url: str) -> str:
    """``url`` without its tracking parameters; everything else byte for byte.

    The order, spelling and encoding of the parameters kept are untouched; the
    "?" goes when nothing is left, and the fragment stays.
    """
    query_at = url.find("?")
    if query_at < 0:
        return url
    fragment_at = url.find("#", query_at)
    end = fragment_at if fragment_at >= 0 else len(url)
    host = _host(url[:query_at])
    params = url[query_at + 1 : end].split("&")
    kept = [p for p in params if not is_tracker(p.split("=", 1)[0], host)]
    if len(kept) == len(params):
        return url
    query = "&".join(kept)
    return url[:query_at] + ("?" + query if query else "") + url[end:]


def remove_tracking(text: str, start: int, end: int) -> Edit | None:
    """The link at ``[start, end)`` without its tracking parameters."""
    url = text[start:end]
    clean = strip_tracking(url)
    if clean == url:
        return None
    return Edit(start, end, clean, "Remove tracking parameters from the link")


def tracking_edits(text: str) -> list[Edit]:
    """One edit per link in ``text`` that carries tracking parameters.

    No rule flags trackers yet, so this offers the fix for the whole draft; a
    rule that flags such links can map its name to ``remove_tracking`` in
    ``FIXES`` and get it on each finding.
    """
    if "?" not in text:
        return []
    edits = []
    for url in twitter_text.extract_urls_with_indices(text):
        edit = remove_tracking(text, url.start, url.end)
        if edit is not None:
            edits.append(edit)
    return edits


def tracking_fixes(text: str) -> list[Replacement]:
    """``tracking_edits`` with UTF-16 offsets too: what the page offers as
    "Remove tracking from links" (``[r.to_dict() for r in ...]`` is JSON-ready)."""
    utf16 = Utf16Offsets(text)
    return [replacement(edit, utf16) for edit in tracking_edits(text)]


# --- the registry -----------------------------------------------------------

FIXES: dict[str, FixFunction] = {
    "stiff-jargon": replace_jargon,
    "cross-post-syntax": cross_post_fix,
}


def fix_for(rule: str, text: str, start: int, end: int) -> Edit | None:
    """The edit that fixes a finding of ``rule`` at ``[start, end)``, if one is certain."""
    func = FIXES.get(rule)
    return func(text, start, end) if func is not None else None


def replacement(edit: Edit, utf16: Callable[[int], int]) -> Replacement:
    """``edit`` as a finding's ``Replacement``, with UTF-16 offsets for JavaScript."""
    return Replacement(
        start=edit.start,
        end=edit.end,
        start_utf16=utf16(edit.start),
        end_utf16=utf16(edit.end),
        text=edit.text,
        label=edit.label,
    )
