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


def test_a_burst_of_load_on_one_measurement_is_measured_again() -> None:
    # Linear work whose first three large runs (one whole measurement) are slowed as
    # if another process had the cache: the retry measures it linear and passes.
    large_calls = 0

    def linear_with_a_noisy_start(text: str) -> int:
        nonlocal large_calls
        if len(text) == len(TEXT):
            large_calls += 1
            if large_calls <= 3:
                _quadratic(text)  # the burst: far over the limit on its own
        return _linear(text)

    assert_near_linear(linear_with_a_noisy_start, TEXT)
    assert large_calls > 3  # it did measure again


def test_the_failure_names_every_measurement() -> None:
    with pytest.raises(AssertionError, match=r"in 3 measurements") as failure:
        assert_near_linear(_quadratic, TEXT)
    assert str(failure.value).count("x, ") == 2


def test_a_cache_of_the_last_text_does_not_skew_the_ratio() -> None:
    # Linear work behind a one-entry cache by identity (as twitter-text keeps): were
    # the runs given the same object, some would be answered from the cache and the
    # ratio would compare a lookup with real work.
    last: list[object] = [None]

    def cached_linear(text: str) -> int:
        if text is last[0]:
            return 0
        last[0] = text
        return _linear(text)

    assert_near_linear(cached_linear, TEXT)
