"""Extended grapheme clusters (UAX #29) and emoji sequences, in pure Python.

Mastodon and Bluesky count "characters" as user-perceived characters: a family
emoji built from seven code points is one, a flag is one. This module finds
those clusters without third-party code, from the compact tables in
``checker._unicode_data`` (generated from uniseg, see ``scripts/gen_unicode_data.py``).

How it stays fast in CPython and Pyodide: ``str.translate`` maps the text, in
C, to a string of one class letter per code point (the letters are listed in
the generator). A regular expression over those letters then matches one
cluster at a time, which is the UAX #29 "extended grapheme cluster" regex
(Table 1c) with one addition: a run of plain characters that nothing can join
(ASCII, CJK, most letters) is matched whole, since each of its characters is a
cluster of its own. Offsets are code-point offsets, like Python's ``str``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from checker import _unicode_data as _data

UNICODE_VERSION = _data.UNICODE_VERSION


def _ranges(packed: str) -> tuple[list[int], list[int]]:
    firsts: list[int] = []
    lasts: list[int] = []
    for word in packed.split():
        first, _, last = word.partition("-")
        firsts.append(int(first, 16))
        lasts.append(int(last, 16))
    return firsts, lasts


_CLASS_STARTS = [int(word, 16) for word in _data.CLASS_STARTS.split()]
_CLASS_LETTERS = "".join(_data.CLASS_LETTERS)
_EMOJI = _ranges(_data.EMOJI)
_EMOJI_PRESENTATION = _ranges(_data.EMOJI_PRESENTATION)
_EMOJI_MODIFIER = _ranges(_data.EMOJI_MODIFIER)
_EMOJI_MODIFIER_BASE = _ranges(_data.EMOJI_MODIFIER_BASE)

_HANGUL_FIRST = 0xAC00
_HANGUL_T_COUNT = 28  # each LV syllable is followed by 27 LVT syllables


def _class_of(cp: int) -> str:
    letter = _CLASS_LETTERS[bisect_right(_CLASS_STARTS, cp) - 1]
    if letter == "H":  # Hangul syllable: LV ("A") or LVT ("B"), by arithmetic
        return "A" if (cp - _HANGUL_FIRST) % _HANGUL_T_COUNT == 0 else "B"
    return letter


class _ClassTable(dict[int, str]):
    """Code point -> class letter for ``str.translate``, filled on first use.

    ``str.translate`` looks each code point up in C; only a code point not seen
    before costs a Python call (a bisect). The cache is bounded so that a paste
    of many distinct rare characters cannot grow it without end.
    """

    _LIMIT = 1 << 16

    def __missing__(self, cp: int) -> str:
        if len(self) > self._LIMIT:
            self.clear()
        letter = self[cp] = _class_of(cp)
        return letter


_CLASSES = _ClassTable()
for _cp in range(128):
    _CLASSES[_cp] = _class_of(_cp)

# Letters: o other, C Indic consonant (InCB=Consonant), x Extended_Pictographic,
# r CR, n LF, c other control, e Extend, k Extend with InCB=Extend, i Extend with
# InCB=Linker (virama), z ZWJ, R regional indicator, p Prepend, s SpacingMark,
# L V T Hangul jamo, A Hangul LV syllable, B Hangul LVT syllable.
_CLUSTER = re.compile(
    # Plain characters, each a cluster of its own; the last one is left out
    # when a mark follows it (GB9, GB9a), so that it joins the mark instead.
    r"(?P<run>[ocn]+)(?![eikzs])"
    r"|rn?"  # GB3: CR LF; GB4/GB5: controls stand alone
    r"|[cn]"
    r"|p*"  # GB9b: prepended concession marks join what follows
    r"(?:"
    r"L*+(?:V++|AV*+|B)T*+|L++|T++"  # GB6-GB8: Hangul syllables
    r"|RR"  # GB12/GB13: regional indicators pair up into flags
    r"|x(?:[eik]*+zx)*"  # GB11: pictographs joined by ZWJ (with Extend between)
    r"|C(?:[kz]*+i[ikz]*+C)+"  # GB9c: Indic consonants joined by a virama
    r"|[^rcn]"
    r")"
    r"[eikzs]*"  # GB9, GB9a: Extend, ZWJ and SpacingMark never start a cluster
)


def _classes(text: str) -> str:
    return text.translate(_CLASSES)


def grapheme_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) code-point spans of the extended grapheme clusters of ``text``."""
    spans: list[tuple[int, int]] = []
    add = spans.append
    for match in _CLUSTER.finditer(_classes(text)):
        start, end = match.span()
        if match.lastgroup == "run":
            spans.extend(zip(range(start, end), range(start + 1, end + 1), strict=True))
        else:
            add((start, end))
    return spans


def count_graphemes(text: str) -> int:
    """How many user-perceived characters (extended grapheme clusters) ``text`` holds."""
    if text.isascii():  # every ASCII character is a cluster, except CR LF which is one
        return len(text) - text.count("\r\n")
    count = 0
    for match in _CLUSTER.finditer(_classes(text)):
        if match.lastgroup == "run":
            count += match.end() - match.start()
        else:
            count += 1
    return count


def _in(ranges: tuple[list[int], list[int]], cp: int) -> bool:
    firsts, lasts = ranges
    i = bisect_right(firsts, cp) - 1
    return i >= 0 and cp <= lasts[i]


def is_extended_pictographic(cp: int) -> bool:
    """Whether ``cp`` has the Extended_Pictographic property (emoji and kin)."""
    return _class_of(cp) == "x"


def is_emoji(cp: int) -> bool:
    """Whether ``cp`` has the Emoji property (it may still default to text style)."""
    return _in(_EMOJI, cp)


def has_emoji_presentation(cp: int) -> bool:
    """Whether ``cp`` shows as an emoji by default (Emoji_Presentation)."""
    return _in(_EMOJI_PRESENTATION, cp)


def is_emoji_modifier(cp: int) -> bool:
    """Whether ``cp`` is a skin-tone modifier (U+1F3FB..U+1F3FF)."""
    return _in(_EMOJI_MODIFIER, cp)


def is_emoji_modifier_base(cp: int) -> bool:
    """Whether a skin-tone modifier after ``cp`` makes one emoji (Emoji_Modifier_Base)."""
    return _in(_EMOJI_MODIFIER_BASE, cp)


_VS15, _VS16, _KEYCAP = "\ufe0e", "\ufe0f", "\u20e3"
_KEYCAP_BASES = frozenset("0123456789#*")


def is_emoji_cluster(cluster: str) -> bool:
    """Whether one grapheme cluster is an emoji (UTS #51 sequences, as shown).

    Emoji presentation by default (😀), a text-default character made emoji by
    VS16 (☺️), a keycap (1️⃣), a flag (two regional indicators or a tag
    sequence), a skin-tone modified emoji, or a ZWJ sequence of pictographs.
    A bare © or digit is text, and VS15 (U+FE0E) asks for text style.
    """
    if not cluster:
        return False
    first = ord(cluster[0])
    second = cluster[1] if len(cluster) > 1 else ""
    if second == _VS15:
        return False
    if 0x1F1E6 <= first <= 0x1F1FF:  # regional indicators: a flag only in pairs
        return second != "" and 0x1F1E6 <= ord(second) <= 0x1F1FF
    if cluster[0] in _KEYCAP_BASES:
        return second == _VS16 or _KEYCAP in cluster
    if has_emoji_presentation(first):
        return True
    if not (is_emoji(first) or is_extended_pictographic(first)):
        return False
    if second == _VS16:
        return True
    if second and is_emoji_modifier(ord(second)):
        return is_emoji_modifier_base(first)
    # A ZWJ sequence: GB11 only joins a pictograph to the cluster after a ZWJ.
    return any(is_extended_pictographic(ord(ch)) for ch in cluster[1:])


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the grapheme clusters of ``text`` that are emoji sequences."""
    spans: list[tuple[int, int]] = []
    if text.isascii():  # no emoji without a non-ASCII code point
        return spans
    for match in _CLUSTER.finditer(_classes(text)):
        if match.lastgroup != "run":
            start, end = match.span()
            if is_emoji_cluster(text[start:end]):
                spans.append((start, end))
    return spans
