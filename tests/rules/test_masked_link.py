"""Tests of the ``masked-link`` rule beyond its own examples (checker/rules/*/masked_link.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings, spans

from checker.rules.text import url_has_path, url_host


def test_masked_link_names_the_shortener_and_points_at_the_link() -> None:
    text = "Spring guide: https://bit.ly/3kT9xQa and more"
    (f,) = findings(text, "masked-link")
    assert text[f.start : f.end] == "https://bit.ly/3kT9xQa"
    assert f.message.startswith("bit.ly hides where this link goes")


def test_masked_link_platform_wrappers_pass_at_home_only() -> None:
    text = "Read it: https://t.co/Xy12AbCd"
    assert not findings(text, "masked-link", platform="x")
    (f,) = findings(text, "masked-link", platform="mastodon")
    assert "X's own link wrapper" in f.message and "Mastodon" in f.message
    assert findings("See https://lnkd.in/eXa9mP2", "masked-link", platform="x")


def test_masked_link_one_finding_per_short_link() -> None:
    text = "A: https://bit.ly/a1 B: https://tinyurl.com/b2 C: https://example.com/c"
    assert spans(text, "masked-link") == ["https://bit.ly/a1", "https://tinyurl.com/b2"]


@pytest.mark.parametrize(
    ("url", "host", "path"),
    [
        ("https://www.Bit.ly/3kT", "bit.ly", True),
        ("bit.ly/3kT", "bit.ly", True),
        ("bit.ly", "bit.ly", False),
        ("http://bit.ly/", "bit.ly", False),
        ("https://tinyurl.com:443/x?y=1", "tinyurl.com", True),
    ],
)
def test_url_host_and_path(url: str, host: str, path: bool) -> None:
    assert url_host(url) == host and url_has_path(url) is path
