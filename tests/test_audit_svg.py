"""The audit's SVG pictures: well-formed, described for screen readers, and theme-safe."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from checker.audit import svg

NS = "{http://www.w3.org/2000/svg}"
KINDS = {"original": 6, "reply": 3, "reshare": 0, "reshare_with_comment": 1}


def months(n: int) -> list[dict[str, object]]:
    return [
        {"month": f"{2020 + i // 12}-{i % 12 + 1:02d}", "posts": 3 + i % 4, "original": 2,
         "reply": 1 + i % 4, "reshare": 0, "reshare_with_comment": 0, "about_others": 1}
        for i in range(n)
    ]  # fmt: skip


def parse(text: str) -> ElementTree.Element:
    return ElementTree.fromstring(text)


@pytest.mark.parametrize(
    "picture", [svg.balance(KINDS), svg.trend(months(3)), svg.trend(months(40))]
)
def test_pictures_are_described_and_follow_the_theme(picture: str) -> None:
    root = parse(picture)
    assert root.get("role") == "img"
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    texts = root.iter(f"{NS}text")
    assert all(t.get("fill") == "currentColor" for t in texts)  # never black on a dark page
    for shape in root.iter():
        fill = shape.get("fill")
        assert fill in (None, "none", "currentColor"), fill
        style = shape.get("style") or ""
        assert not style or style.startswith("fill: var(--audit-")


def test_balance_bar_segments_add_up() -> None:
    root = parse(svg.balance(KINDS))
    segments = [r for r in root.iter(f"{NS}rect") if r.get("data-kind")]
    assert [(r.get("data-kind"), r.get("data-count")) for r in segments] == [
        ("original", "6"),
        ("reply", "3"),
        ("reshare_with_comment", "1"),
    ]
    assert sum(float(r.get("width", 0)) for r in segments) == pytest.approx(svg.WIDTH - 2)
    desc = root.find(f"{NS}desc")
    assert desc is not None
    assert (
        desc.text
        == "10 posts: original 6 (60%), replies 3 (30%), reshares 0 (0%), reshares with comment 1 (10%)."
    )


def test_trend_has_a_column_per_month_and_few_labels() -> None:
    root = parse(svg.trend(months(40)))
    columns = [g for g in root.iter(f"{NS}g") if g.get("data-month")]
    assert len(columns) == 40
    labels = [t.text for t in root.iter(f"{NS}text") if t.text and " 20" in t.text]
    assert 5 <= len(labels) <= 8 and labels[0] == "Jan 2020"
    heights = [sum(float(r.get("height", 0)) for r in g.iter(f"{NS}rect")) for g in columns]
    tallest = max(range(40), key=lambda i: heights[i])
    assert columns[tallest].get("data-posts") == "6"


def test_no_trend_without_dates() -> None:
    assert svg.trend([]) == ""
