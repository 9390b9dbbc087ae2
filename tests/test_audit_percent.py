"""The audit's percentages: parts of one whole add up to 100%, a single share rounds halves up."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest

from checker.audit.percent import percent, shares


def _value(text: str) -> int:
    return int(text.rstrip("%"))


def test_four_kinds_of_five_one_one_one_add_up_to_100() -> None:
    # 62.5 / 12.5 / 12.5 / 12.5: plain round() gives 62, 12, 12, 12 (98%)
    got = shares({"original": 5, "reply": 1, "reshare": 1, "reshare_with_comment": 1})
    assert sum(map(_value, got.values())) == 100
    assert got == {
        "original": "63%",
        "reply": "13%",
        "reshare": "12%",
        "reshare_with_comment": "12%",
    }


@pytest.mark.parametrize("counts", list(itertools.product(range(0, 7), repeat=3))[1:])
def test_shares_add_up_to_100_and_each_is_within_one_point(counts: tuple[int, ...]) -> None:
    named = dict(zip("abc", counts, strict=True))
    got = shares(named)
    assert sum(map(_value, got.values())) == 100
    total = sum(counts)
    for key, count in named.items():
        exact = Fraction(100 * count, total)
        assert abs(_value(got[key]) - exact) < 1, (named, got)
        if count == 0:
            assert got[key] == "0%"


def test_no_posts_is_zero_everywhere_not_a_division_error() -> None:
    assert shares({"a": 0, "b": 0}) == {"a": "0%", "b": "0%"}
    assert percent(0, 0) == "0%"


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(1, 8, "13%"), (5, 8, "63%"), (1, 3, "33%"), (2, 3, "67%"), (1, 1, "100%"), (0, 9, "0%")],
)
def test_one_share_rounds_halves_up(part: int, whole: int, expected: str) -> None:
    assert percent(part, whole) == expected


def test_a_sliver_is_less_than_one_percent_not_zero() -> None:
    assert percent(1, 1000) == "<1%"
    assert percent(0.004) == "<1%"
    assert percent(0.125) == "13%"
