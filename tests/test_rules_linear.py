"""Every rule on hostile pastes: the work grows no faster than the text.

Growth ratios (``tests/growth.py``), not wall time: absolute budgets are for
``make bench``. Each chunk is a shape some rule's patterns could trip over
(runs of capitals, quotes never closed, "RT @" again and again, a word that
starts many alternations), repeated to 100 KB.
"""

from __future__ import annotations

import pytest
from growth import assert_near_linear

from checker import PLATFORMS, check

HOSTILE = {
    "reshares": "RT @a: ",
    "open-quote": "“" + "word " * 50,
    "quotes": '"' * 7 + "a ",
    "brackets": "[" * 5 + "x ",
    "rip": "RIP A B C D E ",
    "breaking": "BREAKING ",
    "before-they": "before they ",
    "shortener": "https://bit.ly/" + "a" * 30 + " ",
    "first-person": "I my me we our ",
    "ellipses": "… ... … ",
    "title-bars": " | A | B ",
    "caps-letters": "A ",
    "bangs": "!",
    "caps-words": "HELLO ",
    "follow": "follow ",
    "your": "your ",
    "handles": "@a",
    "bait": "Like and share RT if you tag ",
    "offers": "50% off £20 today only book now ",
    "hearsay": "my cousin says apparently ",
    "followers": "10k followers ",
}


def _paste(chunk: str, size: int = 100_000) -> str:
    return (chunk * (size // len(chunk) + 1))[:size]


@pytest.mark.parametrize("kind", ["post", "invitation"])
@pytest.mark.parametrize("chunk", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_paste_grows_linearly(chunk: str, kind: str) -> None:
    assert_near_linear(
        lambda text: check(text, platform="facebook", kind=kind), _paste(chunk), repeat=5
    )


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_a_long_paste_grows_linearly_on_every_platform(platform: str) -> None:
    text = _paste("Longer than any limit, with 日本語, emoji 🌷 and https://example.org/x. ")
    report = check(text, platform=platform)
    over = [f for f in report.findings if f.rule == "over-limit"]
    assert over and over[0].end == len(text)
    assert_near_linear(lambda t: check(t, platform=platform), text, repeat=5)
