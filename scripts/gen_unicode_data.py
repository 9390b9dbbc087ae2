"""Generate ``checker/_unicode_data.py``: compact Unicode property tables.

The standard library's ``unicodedata`` lacks Grapheme_Cluster_Break,
Indic_Conjunct_Break and the emoji properties, which exact counting needs.
``uniseg`` (a test-time dependency) bundles them, but its wheel is far too big
to ship to the browser, so this script probes every code point through uniseg
once and writes small range tables that ``checker.graphemes`` reads.

Run ``.venv/bin/python scripts/gen_unicode_data.py`` after upgrading uniseg;
``tests/test_graphemes.py`` checks the committed tables against uniseg.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import uniseg
from uniseg.db import get_handle, get_value

OUT = Path(__file__).resolve().parent.parent / "checker" / "_unicode_data.py"
MAX_CP = 0x110000
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3

# One letter per combination of the properties segmentation needs. Each code
# point has exactly one: the generator stops if a combination is not listed.
LETTERS: dict[tuple[str, str, bool], str] = {
    # (Grapheme_Cluster_Break, Indic_Conjunct_Break, Extended_Pictographic)
    ("Other", "None", False): "o",
    ("Other", "Consonant", False): "C",
    ("Other", "None", True): "x",
    ("CR", "None", False): "r",
    ("LF", "None", False): "n",
    ("Control", "None", False): "c",
    ("Extend", "None", False): "e",
    ("Extend", "Extend", False): "k",
    ("Extend", "Linker", False): "i",
    ("ZWJ", "Extend", False): "z",
    ("Regional_Indicator", "None", False): "R",
    ("Prepend", "None", False): "p",
    ("SpacingMark", "None", False): "s",
    ("L", "None", False): "L",
    ("V", "None", False): "V",
    ("T", "None", False): "T",
    # LV and LVT alternate every 28 code points over the Hangul syllables block:
    # the lookup computes them, so the table holds the block as one range "H".
    ("LV", "None", False): "H",
    ("LVT", "None", False): "H",
}


def _value(column: str) -> Callable[[int], str]:
    handle = get_handle(column)
    return lambda cp: str(get_value(handle, cp))


def class_ranges() -> list[tuple[int, str]]:
    """(start, letter) for each run of code points sharing one class letter."""
    gcb, incb, ep = (
        _value("Grapheme_Cluster_Break"),
        _value("InCB"),
        _value("Extended_Pictographic"),
    )
    runs: list[tuple[int, str]] = []
    for cp in range(MAX_CP):
        key = (gcb(cp) or "Other", incb(cp) or "None", bool(ep(cp)))
        letter = LETTERS.get(key)
        if letter is None:
            sys.exit(f"U+{cp:04X} has an unexpected property mix {key}: extend LETTERS")
        if letter == "H" and not HANGUL_FIRST <= cp <= HANGUL_LAST:
            sys.exit(f"U+{cp:04X} is LV/LVT outside the Hangul syllables block")
        if not runs or runs[-1][1] != letter:
            runs.append((cp, letter))
    return runs


def bool_ranges(column: str) -> list[tuple[int, int]]:
    """Inclusive (first, last) ranges of the code points where ``column`` is set."""
    prop = _value(column)
    ranges: list[tuple[int, int]] = []
    start = -1
    for cp in range(MAX_CP + 1):
        on = cp < MAX_CP and bool(prop(cp))
        if on and start < 0:
            start = cp
        elif not on and start >= 0:
            ranges.append((start, cp - 1))
            start = -1
    return ranges


def _wrap(name: str, words: list[str]) -> str:
    """A string constant split over lines of at most ~96 characters."""
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(line) + len(word) + 1 > 90:
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    lines.append(line)
    if len(lines) == 1:  # as ruff format writes it
        return f'{name} = "{lines[0]} "\n'
    body = "\n".join(f'    "{chunk} "' for chunk in lines)
    return f"{name} = (\n{body}\n)\n"


def _letters(letters: str) -> str:
    body = "\n".join(f'    "{letters[i : i + 90]}"' for i in range(0, len(letters), 90))
    return f"CLASS_LETTERS = (\n{body}\n)\n"


def render() -> str:
    runs = class_ranges()
    parts = [
        '"""Unicode property tables for grapheme clusters and emoji (GENERATED: do not edit).\n\n'
        f"Unicode {uniseg.unidata_version}, from uniseg {uniseg.__version__} by "
        "scripts/gen_unicode_data.py.\n"
        "CLASS_STARTS holds the first code point (hex) of each run of code points that\n"
        "share a class letter; CLASS_LETTERS holds the letters, one per run (see\n"
        "LETTERS in the generator and checker/graphemes.py). The other tables are\n"
        'inclusive hex ranges "first-last" of the code points having that property.\n"""\n',
        f'UNICODE_VERSION = "{uniseg.unidata_version}"\n',
        _wrap("CLASS_STARTS", [f"{start:x}" for start, _ in runs]),
        _letters("".join(letter for _, letter in runs)),
    ]
    for column, name in (
        ("Emoji", "EMOJI"),
        ("Emoji_Presentation", "EMOJI_PRESENTATION"),
        ("Emoji_Modifier", "EMOJI_MODIFIER"),
        ("Emoji_Modifier_Base", "EMOJI_MODIFIER_BASE"),
    ):
        words = [f"{a:x}-{b:x}" for a, b in bool_ranges(column)]
        parts.append(_wrap(name, words))
    return "\n".join(parts)


def main() -> None:
    text = render()
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode())} bytes)")


if __name__ == "__main__":
    main()
