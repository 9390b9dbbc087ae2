"""The growth check itself: it passes linear work and fails quadratic work.

Every speed test in this suite leans on ``assert_near_linear``; if it could not
fail, none of them could.
"""

from __future__ import annotations

import pytest
from growth import assert_near_linear

TEXT = "a" * 40_000


def _linear(text: str) -> int:
    return sum(1 for char in text if char == "a")


def _quadratic(text: str) -> int:
    # Each position copies and scans the rest of the text: the classic accidental
    # n squared of a search restarted after every match.
    return sum(text[i:].count("ab") for i in range(0, len(text), 8))


def test_linear_work_passes() -> None:
    assert_near_linear(_linear, TEXT)


def test_quadratic_work_fails() -> None:
    with pytest.raises(AssertionError, match="worse than linear"):
        assert_near_linear(_quadratic, TEXT)
