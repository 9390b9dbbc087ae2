"""X (Twitter) post counting and entity extraction: a pure-Python port of twitter-text.

twitter-text (Apache-2.0, Copyright Twitter, Inc.) is the library X uses to
count a post's length and to find its links, @mentions and #hashtags. This port
follows its JavaScript build (release 3.1) and passes its conformance suites
(``tests/test_twitter_text.py``). Differences in form, not in results:

- Offsets are code-point offsets into the text as given (Python's ``str``),
  ``end`` exclusive. ``parse_tweet`` alone reports UTF-16 offsets, as X does.
- The URL regex of twitter-text backtracks heavily (quadratic or worse on a
  long run of ``a.a.a.``); here the domain part is matched by a label-by-label
  scan with memoised results that makes the same choices as the regex, so
  every function is linear-time on hostile input.
- Emoji sequences are found by ``checker.graphemes.emoji_spans`` (Unicode 16
  grapheme clusters) instead of twemoji-parser's generated regex (Emoji 11):
  newer ZWJ sequences count as one emoji (2), as X counts them today.

Weighting is the v3 configuration: 280 units, code points in the ranges below
weigh 1, every other code point 2, a URL 23 and an emoji sequence 2.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from checker import _tlds, graphemes
from checker import _twitter_regex as rx


class Entity(NamedTuple):
    value: str
    start: int
    end: int


class MentionOrList(NamedTuple):
    screen_name: str
    list_slug: str  # "/slug" or ""
    start: int
    end: int


class ParsedTweet(NamedTuple):
    weighted_length: int
    valid: bool
    permillage: int
    valid_range_start: int
    valid_range_end: int
    display_range_start: int
    display_range_end: int


# --- The v3 counting configuration (twitter-text config/v3.json) ---
MAX_WEIGHTED_LENGTH = 280
SCALE = 100
DEFAULT_WEIGHT = 200
TRANSFORMED_URL_LENGTH = 23
RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_LABEL_LENGTH = 63
DEFAULT_PROTOCOL = "https://"

_INVALID_CHARS = frozenset(rx.INVALID_CHARS)
_NOT_TLD_FOLLOWER = frozenset("0123456789abcdefghijklmnopqrstuvwxyz@+-")


_ASCII_UPPER_RUN = re.compile("[A-Z]+")


def _lower_run(match: re.Match[str]) -> str:
    return match.group().lower()


def _lower_ascii(text: str) -> str:
    """``text`` with A-Z lowered and nothing else changed (offsets hold)."""
    if text.isascii():
        return text.lower()
    # Lowering runs of capitals is several times faster than str.translate,
    # which looks up every character of a 100 KB paste in a dict.
    return _ASCII_UPPER_RUN.sub(_lower_run, text)


# --- Top-level domains ---


class _TldGroup:
    """One TLD list, matched the way twitter-text's alternation is.

    The regex is ``(?:tld1|tld2|...)(?=[^0-9a-z@+-]|$)`` with the list reverse-
    sorted, so of two TLDs that both fit, the longer wins. An ASCII TLD can only
    fit if it fills the whole run of ``[0-9a-z@+-]`` characters; the few with
    other characters are looked up by their first character.
    """

    def __init__(self, packed: str) -> None:
        words = packed.split()
        self.ascii = frozenset(word for word in words if word.isascii())
        by_first: dict[str, list[str]] = {}
        for word in words:
            if not word.isascii():
                by_first.setdefault(word[0], []).append(word)
        self.other = {first: sorted(ws, key=len, reverse=True) for first, ws in by_first.items()}

    def match(self, low: str, start: int, run_end: int) -> int:
        """End of the longest TLD of this group at ``start``, or -1."""
        best = run_end if run_end > start and low[start:run_end] in self.ascii else -1
        for word in self.other.get(low[start].lower(), ()):
            end = start + len(word)
            # JavaScript's "i" flag also folds these (Cyrillic "РФ" is "рф").
            if end > best and low[start:end].lower() == word and _tld_may_end(low, end):
                return end
        return best


def _tld_may_end(low: str, end: int) -> bool:
    return end >= len(low) or low[end] not in _NOT_TLD_FOLLOWER


_GENERIC = _TldGroup(_tlds.GENERIC)
_COUNTRY = _TldGroup(_tlds.COUNTRY)
_ASCII_TLDS = _GENERIC.ascii | _COUNTRY.ascii
_OTHER_TLD_FIRSTS = frozenset(_GENERIC.other) | frozenset(_COUNTRY.other)
# Tests turn this off to compare the fast scan with the plain one.
_skip_prose = True


def _tld_end(low: str, start: int) -> int:
    """Where ``(?:gTLD|ccTLD|punycode)`` matched at ``start`` ends, or -1."""
    if start >= len(low):
        return -1
    run = rx.TLD_RUN.match(low, start)
    run_end = run.end() if run else start
    for group in (_GENERIC, _COUNTRY):
        end = group.match(low, start, run_end)
        if end >= 0:
            return end
    punycode = rx.PUNYCODE_TAIL.match(low, start)
    return punycode.end() if punycode else -1


# --- Domains: validDomain = validSubdomain* validDomainName (gTLD|ccTLD|punycode) ---


class _DomainScanner:
    """Matches twitter-text's ``validDomain`` at any start, in linear total time.

    A label runs to the next "." (the label classes cannot hold one), so the
    regex's only real choice is how many labels ``validSubdomain*`` takes: it
    tries the most first, so the domain ends at the TLD after the *furthest*
    label that can be a domain name followed by a TLD. ``_chain`` computes that
    once per label start; starts inside a label share the rest of the chain.
    """

    def __init__(self, low: str) -> None:
        self.low = low
        self.chain: dict[int, int] = {}  # label start -> domain end (-1: none)
        # The label run holding the last start asked about: (start, end, last '_').
        self.run = (0, 0, -1)

    def _label(self, start: int) -> tuple[int, bool, bool]:
        """(end, ends well: last char a domain char and a "." after, has "_")."""
        low = self.low
        match = rx.LABEL_RUN.match(low, start)
        end = match.end() if match else start
        good = (
            end > start
            and low[start] not in "-_"
            and low[end - 1] not in "-_"
            and end < len(low)
            and low[end] == "."
        )
        return end, good, "_" in low[start:end]

    def _chain(self, first: int) -> int:
        """Domain end for a domain starting with the full label at ``first``, or -1."""
        chain = self.chain
        path: list[tuple[int, int, bool, bool]] = []
        start = first
        result = -1
        while True:
            if start in chain:
                result = chain[start]
                break
            end, good, underscore = self._label(start)
            path.append((start, end, good, underscore))
            if not good:
                break
            start = end + 1
        for start, end, good, underscore in reversed(path):
            if result < 0 and good and not underscore:
                result = _tld_end(self.low, end + 1)
            chain[start] = result
        return chain[first]

    def domain_end(self, start: int) -> tuple[int, int]:
        """(domain end or -1, the next start worth trying after a failure).

        ``start`` holds a domain character (``rx.URL_START`` checks that).
        """
        low = self.low
        run_start, end, last_underscore = self.run
        if not run_start <= start < end:
            match = rx.LABEL_RUN.match(low, start)
            end = match.end() if match else start
            last_underscore = low.rfind("_", start, end)
            self.run = (start, end, last_underscore)
        if end < len(low) and low[end] == "." and low[end - 1] not in "-_":
            found = self._chain(end + 1)
            if found >= 0:
                return found, start
            tld = _tld_end(low, end + 1)
            if tld >= 0:
                if last_underscore < start:
                    return tld, start
                # A start after the last "_" makes a valid domain name.
                return -1, last_underscore + 1
        # No start inside this label can succeed, except a protocol ending it.
        for scheme in ("https", "http"):
            proto = end - len(scheme)
            if proto > start and low.startswith(scheme + "://", proto):
                return -1, proto
        return -1, end


def _ascii_domains(low: str) -> list[tuple[int, int]]:
    """All matches of twitter-text's ``validAsciiDomain`` (global) in ``low``.

    ``(?:[-a-z0-9À-ɏ...]+\\.)+(?:gTLD|ccTLD|punycode)``: again the regex keeps
    the most labels that still leave a TLD after them; chains are memoised.
    """
    n = len(low)
    memo: dict[int, int] = {}

    def label(start: int) -> int:
        """End of the label at ``start`` (its "." follows), or -1."""
        match = rx.ASCII_LABEL.match(low, start)
        end = match.end() if match else start
        return end if end > start and end < n and low[end] == "." else -1

    def chain(first: int) -> int:
        path: list[int] = []
        start = first
        while start not in memo:
            end = label(start)
            if end < 0:
                memo[start] = -2  # not a label: the chain stops before it
                break
            path.append(start)
            start = end + 1
        result = memo[start]
        for start in reversed(path):
            after = label(start) + 1
            memo[start] = result if result >= 0 else _tld_end(low, after)
            result = memo[start]
        return memo[first]

    found: list[tuple[int, int]] = []
    pos = 0
    while pos < n:
        match = rx.ASCII_LABEL.match(low, pos)
        end = match.end() if match else pos
        if end == pos:
            pos += 1
            continue
        if end < n and low[end] == ".":
            # Every start in this label shares its chain and its TLD choices.
            rest = chain(end + 1)
            tail = rest if rest >= 0 else _tld_end(low, end + 1)
            if tail >= 0:
                found.append((pos, tail))
                pos = tail
                continue
        pos = end + 1 if end < n else end
    return found


def _idna_valid(domain: str) -> bool:
    """twitter-text's lib/idna.js ``toAscii`` succeeds: every label, through
    punycode's ``toASCII`` (no nameprep), is 1 to 63 characters long.

    (It then returns the labels unencoded, so the URL length check below uses
    the domain as typed.)
    """
    if domain.startswith("xn--") and not _ascii_domains(_lower_ascii(domain)):
        return False  # punycode cannot hold non-ASCII characters
    for label in domain.split("."):
        if not label.isascii():
            label = "xn--" + label.encode("punycode").decode("ascii")
        if not 1 <= len(label) <= MAX_LABEL_LENGTH:
            return False
    return True


def _utf16_len(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for char in text if char > "\uffff")


def _valid_length(url: str, protocol: str, domain: str) -> bool:
    return _idna_valid(domain) and len(protocol) + _utf16_len(url) <= MAX_URL_LENGTH


def extract_urls_with_indices(text: str, *, without_protocol: bool = True) -> list[Entity]:
    """URLs in ``text`` as twitter-text's ``extractUrlsWithIndices`` finds them.

    With ``without_protocol`` (the default, as on X) a bare ``example.com`` is a
    link too, if its TLD is on the list and its labels are ASCII.
    """
    if not text or ("." not in text if without_protocol else ":" not in text):
        return []
    global _last_urls
    cached_text, cached_flag, cached = _last_urls
    if text is cached_text and without_protocol == cached_flag:
        return list(cached)
    urls = _extract_urls(text, without_protocol)
    _last_urls = (text, without_protocol, tuple(urls))
    return urls


# The last text's URLs: a draft's text is counted (``weighted_length``), searched
# for links and for hashtags, each asking for the same URLs of the same string.
# Matched by identity, so a lookup costs nothing, even for a 100 KB paste.
_last_urls: tuple[str | None, bool, tuple[Entity, ...]] = (None, True, ())


def _extract_urls(text: str, without_protocol: bool) -> list[Entity]:
    low = _lower_ascii(text)
    scanner = _DomainScanner(low)
    floors = _UrlFloors(low) if _skip_prose else None
    urls: list[Entity] = []
    pos = 0
    n = len(low)
    while pos < n:
        found = _next_url(low, scanner, pos, floors)
        if found is None:
            break
        before, start, protocol_end, domain_end = found
        tail = rx.URL_TAIL.match(low, domain_end)
        end = tail.end() if tail else domain_end
        path = tail.group(2) if tail else None
        pos = end
        url = text[start:end]
        protocol = text[start:protocol_end]
        domain = text[protocol_end:domain_end]
        if not _valid_length(url, protocol or DEFAULT_PROTOCOL, domain):
            continue
        if not protocol:
            if not without_protocol or before in rx.INVALID_WITHOUT_PROTOCOL_BEFORE:
                continue
            last: Entity | None = None
            for ascii_start, ascii_end in _ascii_domains(low[start:domain_end]):
                last = Entity(
                    text[start + ascii_start : start + ascii_end],
                    start + ascii_start,
                    start + ascii_end,
                )
                urls.append(last)
            if last is not None and path:
                # The last ASCII domain takes the path (and query) with it.
                urls[-1] = Entity(last.value + url[len(domain) :], last.start, end)
            continue
        tco = rx.TCO_URL.match(low, start, end)
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                continue
            end = tco.end()  # t.co links take no extra path characters
            url = text[start:end]
        urls.append(Entity(url, start, end))
    return urls


class _UrlFloors:
    """Where a URL can start at the earliest, so the scan skips plain prose.

    Every URL's domain ends in a TLD that follows a "." (at some ``t``), and
    the domain (labels and dots) runs back from there without a "breaker",
    a character that can be neither in a label nor a ".". So a URL found from
    ``pos`` starts at most ``len("https://")`` characters before the start of
    the breaker-free run holding the first TLD at ``t > pos``; before that
    point ``_url_at`` must fail, and skipping it changes no result. Without
    this, the scan tries a URL at every word of a 100 KB paste.
    """

    def __init__(self, low: str) -> None:
        self.tlds: list[int] = []  # positions where a TLD follows a "."
        self.runs: list[int] = []  # start of the breaker-free run before each TLD
        n = len(low)
        rev = low[::-1]
        previous = 0
        run = 0
        # A comprehension: "a.a.a." has a candidate at every other character.
        candidates = [
            match.start() + 1
            for match in rx.TLD_CANDIDATE.finditer(low)
            if match.group(1) in _ASCII_TLDS
            or (
                (
                    low[match.start() + 1 : match.start() + 2].lower() in _OTHER_TLD_FIRSTS
                    or low.startswith("xn--", match.start() + 1)
                )
                and _tld_end(low, match.start() + 1) >= 0
            )
        ]
        for t in candidates:
            # The last breaker in [previous, t - 1): found in the reversed text.
            breaker = rx.URL_BREAKER.search(rev, n - (t - 1), n - previous)
            if breaker is not None:
                run = n - breaker.start()  # the index after the breaker, in ``low``
            self.tlds.append(t)
            self.runs.append(run)
            previous = t - 1
        self.next = 0  # index of the first TLD not yet behind the scan (pos only grows)

    def floor(self, pos: int) -> int:
        """The first position worth searching from (at least ``pos``), or -1: no URL."""
        tlds, i = self.tlds, self.next
        while i < len(tlds) and tlds[i] <= pos:
            i += 1
        self.next = i
        if i == len(tlds):
            return -1
        # URL_START matches the character before the URL, up to 8 before the domain.
        return max(pos, self.runs[i] - len("https://") - 1)


def _next_url(
    low: str, scanner: _DomainScanner, pos: int, floors: _UrlFloors | None = None
) -> tuple[str, int, int, int] | None:
    """The leftmost match of twitter-text's ``extractUrl`` from ``pos``.

    Returns (preceding character or "", URL start, protocol end, domain end).
    The regex tries each position in turn: a valid preceding character and a
    URL after it, and at position 0 also a URL with nothing before it.
    ``floors`` (when given) skips positions where no URL can start.
    """
    if floors is not None:
        pos = floors.floor(pos)
        if pos < 0:
            return None
    if pos == 0:
        if rx.URL_START.match(low, 0):
            found, _ = _url_at(low, scanner, 1)
            if found:
                return low[0], 1, *found
        if _is_domain_char(low, 0):
            found, _ = _url_at(low, scanner, 0)
            if found:
                return "", 0, *found
        pos = 1
    while True:
        match = rx.URL_START.search(low, pos)
        if match is None:
            return None
        found, skip = _url_at(low, scanner, match.end())
        if found:
            return match.group(), match.end(), *found
        pos = max(match.start() + 1, skip - 1)
        if floors is not None:
            pos = floors.floor(pos)
            if pos < 0:
                return None


def _url_at(low: str, scanner: _DomainScanner, start: int) -> tuple[tuple[int, int] | None, int]:
    """((protocol end, domain end) of a URL at ``start``, or None; next start to try)."""
    protocol = rx.PROTOCOL.match(low, start)
    if protocol and _is_domain_char(low, protocol.end()):
        end, _ = scanner.domain_end(protocol.end())
        if end >= 0:
            return (protocol.end(), end), start + 1
    end, skip = scanner.domain_end(start)
    if end >= 0:
        return (start, end), start + 1
    return None, skip


def _is_domain_char(low: str, index: int) -> bool:
    return rx.DOMAIN_CHAR.match(low, index) is not None


# --- Mentions, lists and replies ---


def extract_mentions_or_lists_with_indices(text: str) -> list[MentionOrList]:
    """``@name`` and ``@name/list`` as twitter-text's ``extractMentionsOrListsWithIndices``."""
    if "@" not in text and "\uff20" not in text:
        return []
    found: list[MentionOrList] = []
    for match in rx.MENTION_OR_LIST.finditer(text):
        if rx.END_MENTION.match(text, match.end()):
            continue  # an e-mail address, "@@name", "@name://" and the like
        slug = match.group(3) or ""
        start = match.start(1)
        found.append(MentionOrList(match.group(2), slug, start, match.end()))
    return found


def extract_mentions_with_indices(text: str) -> list[Entity]:
    """``@name`` mentions (not lists); ``value`` is the name without "@"."""
    return [
        Entity(m.screen_name, m.start, m.end)
        for m in extract_mentions_or_lists_with_indices(text)
        if not m.list_slug
    ]


def extract_reply_screen_name(text: str) -> str | None:
    """The name a post replies to: an ``@name`` at its very start, or None."""
    match = rx.REPLY.match(text)
    if match is None or rx.END_MENTION.match(text, match.end()):
        return None
    return match.group(1)


# --- Hashtags ---


def _hashtag_spans(text: str) -> Iterator[tuple[int, int]]:
    """(index of the sign, end) of each match of validHashtag.js, as its ``finditer`` finds them.

    The pattern: ``(?:^|\ufe0e|\ufe0f|(?!ALNUM|&).)([#\uff03])(?!\ufe0f|\u20e3)``
    ``(ALNUM*ALPHA ALNUM*)``. Its body is the whole run of hashtag characters after the
    sign, if that run holds a letter. A match takes the character before its sign, so
    that character cannot be in the previous match: the sign must come at least one
    character after the previous end (or at 0, via ``^``). Runs of different signs never
    overlap (a sign is no hashtag character), so the scan is linear.
    """
    alnum, alpha = rx.HASHTAG_ALNUM, rx.HASHTAG_ALPHA
    size = len(text)
    previous_end = 0
    for match in rx.HASH_SIGN.finditer(text):
        sign = match.start()
        if sign:
            if sign <= previous_end:
                continue
            before = text[sign - 1]
            if before not in rx.HASHTAG_VARIATION_SELECTORS and (before == "&" or before in alnum):
                continue
        end = sign + 1
        if end < size and text[end] in rx.HASHTAG_NOT_AFTER_SIGN:
            continue
        # ASCII stretches by regex (C speed), the rest a character at a time.
        while end < size:
            if text[end] < "\x80":
                run = rx.HASHTAG_ASCII_RUN.match(text, end)
                if run is None:
                    break
                end = run.end()
            elif text[end] in alnum:
                end += 1
            else:
                break
        if rx.HASHTAG_ASCII_LETTER.search(text, sign + 1, end) or any(
            char in alpha for char in text[sign + 1 : end] if char >= "\x80"
        ):
            previous_end = end
            yield sign, end


def extract_hashtags_with_indices(text: str) -> list[Entity]:
    """``#tag`` hashtags not inside a URL; ``value`` is the tag without "#"."""
    if "#" not in text and "\uff03" not in text:
        return []
    tags = [
        Entity(text[sign + 1 : end], sign, end)
        for sign, end in _hashtag_spans(text)
        if not rx.END_HASHTAG.match(text, end)
    ]
    if not tags:
        return tags
    urls = extract_urls_with_indices(text)
    if not urls:
        return tags
    # removeOverlappingEntities: by start, an entity overlapping the one kept
    # before it goes; the URLs come after the tags in the (stable) sort.
    kept: list[tuple[Entity, bool]] = []
    for entity, is_tag in sorted(
        [(tag, True) for tag in tags] + [(url, False) for url in urls], key=lambda e: e[0].start
    ):
        if kept and kept[-1][0].end > entity.start:
            continue
        kept.append((entity, is_tag))
    return [entity for entity, is_tag in kept if is_tag]


# --- URL validation ---


def _valid_part(value: str | None, pattern: re.Pattern[str], *, optional: bool = False) -> bool:
    """twitter-text's isValidMatch: the leftmost match is the whole ``value``.

    (A match further right cannot be the whole string, so ``match`` at 0 is it.)
    """
    if value is None:
        return optional
    if optional and not value:
        return True
    match = pattern.match(value)
    return match is not None and match.end() == len(value)


def is_valid_url(url: str, *, unicode_domains: bool = True, require_protocol: bool = True) -> bool:
    """Whether ``url`` is a well-formed http(s) URL, as twitter-text's ``isValidUrl``."""
    if not url:
        return False
    low = _lower_ascii(url)
    parts = rx.VALIDATE_URL_UNENCODED.match(low)
    if parts is None:
        return False
    scheme, authority, path, query, fragment = parts.groups()
    if require_protocol and not (
        _valid_part(scheme, rx.VALIDATE_SCHEME) and scheme in ("http", "https")
    ):
        return False
    if not (
        _valid_part(path, rx.VALIDATE_PATH)
        and _valid_part(query, rx.VALIDATE_QUERY, optional=True)
        and _valid_part(fragment, rx.VALIDATE_QUERY, optional=True)
    ):
        return False
    pattern = rx.VALIDATE_UNICODE_AUTHORITY if unicode_domains else rx.VALIDATE_AUTHORITY
    return _valid_part(authority, pattern)


# --- Counting ---


def _char_weight(char: str) -> int:
    code = ord(char)
    for first, last, weight in RANGES:
        if first <= code <= last:
            return weight
    return DEFAULT_WEIGHT


def parse_tweet(text: str) -> ParsedTweet:
    """twitter-text's ``parseTweet`` with the v3 configuration.

    The text is NFC-normalised first; the ranges are inclusive UTF-16 offsets
    into the text as given (so an editor can highlight what overflows).
    """
    normalized = unicodedata.normalize("NFC", text)
    url_ends = {
        url.start: url.start + len(url.value) for url in extract_urls_with_indices(normalized)
    }
    emoji_ends = dict(graphemes.emoji_spans(normalized))
    limit = MAX_WEIGHTED_LENGTH * SCALE
    weighted = 0
    valid = True
    valid_display_index = 0  # UTF-16 index of the last unit of the last item that fits
    utf16 = 0  # UTF-16 index of the current item's first unit
    index = 0
    length = len(normalized)
    while index < length:
        if index in url_ends:
            end = url_ends[index]
            weighted += TRANSFORMED_URL_LENGTH * SCALE
        elif index in emoji_ends:
            end = emoji_ends[index]
            weighted += DEFAULT_WEIGHT
        else:
            end = index + 1
            weighted += _char_weight(normalized[index])
        item = normalized[index:end]
        utf16 += _utf16_len(item)
        if valid:
            valid = item[-1] not in _INVALID_CHARS
        if valid and weighted <= limit:
            valid_display_index = utf16 - 1
        index = end
    weighted_length = weighted // SCALE
    valid = valid and 0 < weighted_length <= MAX_WEIGHTED_LENGTH
    text_utf16 = _utf16_len(text)
    return ParsedTweet(
        weighted_length=weighted_length,
        valid=valid,
        permillage=math.floor(weighted_length / MAX_WEIGHTED_LENGTH * 1000),
        valid_range_start=0,
        valid_range_end=valid_display_index + text_utf16 - utf16,
        display_range_start=0,
        display_range_end=text_utf16 - 1 if text else 0,
    )


# Code points outside RANGES: each weighs DEFAULT_WEIGHT instead of SCALE.
_HEAVY = re.compile("[^\x00-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")


def _run_weight(text: str, start: int, end: int) -> int:
    """The weight of ``text[start:end]`` counted one code point at a time."""
    weight = (end - start) * SCALE
    if end > start and not text.isascii():
        weight += len(_HEAVY.findall(text, start, end)) * (DEFAULT_WEIGHT - SCALE)
    return weight


def weighted_length(text: str) -> int:
    """The length X counts for ``text`` (a post may hold 280).

    The same sum as ``parse_tweet(text).weighted_length``, without its
    character-by-character walk: between links and emoji, code points are
    counted in bulk. ``tests/test_fast_paths.py`` holds them equal.
    """
    normalized = unicodedata.normalize("NFC", text)
    url_ends = {
        url.start: url.start + len(url.value) for url in extract_urls_with_indices(normalized)
    }
    emoji_ends = dict(graphemes.emoji_spans(normalized))
    weighted = 0
    index = 0  # as in parse_tweet: a link wins over an emoji at the same start,
    # and an item starting inside the previous one is skipped with it
    for start in sorted(url_ends.keys() | emoji_ends.keys()):
        if start < index:
            continue
        weighted += _run_weight(normalized, index, start)
        if start in url_ends:
            index = url_ends[start]
            weighted += TRANSFORMED_URL_LENGTH * SCALE
        else:
            index = emoji_ends[start]
            weighted += DEFAULT_WEIGHT
    weighted += _run_weight(normalized, index, len(normalized))
    return weighted // SCALE
