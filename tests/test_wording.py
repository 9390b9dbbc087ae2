"""The handbook against its five source articles (``../shared/seeds/``).

Two promises: every idea the handbook owes its readers is there, and no
sentence is copied: no run of eight words appears in both a seed and a page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SEEDS = ROOT.parent / "shared" / "seeds"
SHINGLE = 8  # words in a row that would count as copying

# Each idea of the issue, and words that show a page covers it (all must match).
IDEAS: dict[str, list[str]] = {
    "share more than you create": [r"share more than you (create|post|make)"],
    "add your own insight": [r"insight|what you took from"],
    "check sources (the hoax)": [r"hoax", r"source"],
    "stay relevant": [r"relevan"],
    "credit and acknowledge": [r"\bh/t\b|hat tip", r"\bvia\b"],
    "retweet with care": [r"reshare|retweet|repost", r"praise"],
    "sharing, not selling": [r"not selling|sharing, not selling"],
    "listen first": [r"listen"],
    "ask questions and offer help": [r"ask (a )?questions?", r"offer help|offering help"],
    "contribute to others' discussions": [r"(others'|other people's|someone else's) (discussions?|conversations?|threads?)"],
    "pool resources": [r"\blists?\b", r"\bgroups?\b", r"live chat"],
    "ask for help once you have helped": [r"impos"],
    "relationships over follower counts": [r"follower count|number of followers|followers? race|race"],
    "don't auto-follow, follow back clients": [r"auto-?follow", r"follow (them |him or her |clients? )?back"],
    "personalise invitations": [r"personali[sz]e", r"invitation"],
    "respond to mentions": [r"mention", r"respond|reply"],
    "recognise people publicly": [r"recogni[sz]e|shout-?out"],
    "meet in real life": [r"in (real life|person)", r"name tag|conference|meet-?up"],
    "keep it fun": [r"\bfun\b"],
    "customers over systems": [r"\bCRM\b|system", r"customer"],
}  # fmt: skip

PLATFORM_PAGES = ["x", "linkedin", "facebook", "mastodon", "bluesky", "threads", "instagram"]


def _docs_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md")))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_seeds_are_there() -> None:
    assert len(list(SEEDS.glob("*.txt"))) == 5, f"expected five seed articles in {SEEDS}"


@pytest.mark.parametrize("idea", sorted(IDEAS))
def test_every_idea_of_the_seeds_is_covered(idea: str) -> None:
    text = _docs_text()
    for pattern in IDEAS[idea]:
        assert re.search(pattern, text, re.IGNORECASE), f"{idea}: nothing matches {pattern!r}"


def _titles() -> list[str]:
    """Each article's title (its first line): credits may name it word for word."""
    return [
        p.read_text(encoding="utf-8").strip().splitlines()[0].strip() for p in SEEDS.glob("*.txt")
    ]


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_no_sentence_is_copied_from_a_seed(seed: str) -> None:
    seed_shingles = _shingles(_words((SEEDS / seed).read_text(encoding="utf-8")))
    titles = [" ".join(_words(t)) for t in _titles()]
    copied = []
    for page in sorted(DOCS.rglob("*.md")):
        text = " ".join(_words(page.read_text(encoding="utf-8")))
        for title in titles:
            text = text.replace(title, " ")
        words = text.split()
        for i in range(len(words) - SHINGLE + 1):
            if tuple(words[i : i + SHINGLE]) in seed_shingles:
                copied.append(f"{page.relative_to(DOCS)}: {' '.join(words[i : i + SHINGLE])}")
    assert not copied, "\n".join(copied)


@pytest.mark.parametrize("name", PLATFORM_PAGES)
def test_one_page_per_platform(name: str) -> None:
    assert (DOCS / "platforms" / f"{name}.md").is_file()


def test_credits_name_every_author() -> None:
    credits = (DOCS / "credits.md").read_text(encoding="utf-8")
    for who in ("Marisa", "Mike Morrison", "Phyllis Zimbler Miller", "Murray"):
        assert who in credits, who
    for title in (
        "The secret to social networking",
        "Sharing Not Selling",
        "Remember Social Media is Social",
        "Keeping Social Media Social",
    ):
        assert title.lower() in credits.lower(), title


def test_every_guideline_has_do_and_dont_examples() -> None:
    guideline_pages = [
        p
        for pillar in ("sharing", "collaborating", "connecting")
        for p in sorted((DOCS / pillar).glob("*.md"))
        if p.name != "index.md"
    ]
    assert len(guideline_pages) >= 20
    for page in guideline_pages:
        text = page.read_text(encoding="utf-8")
        has_marker = "<!-- rule-examples:" in text
        has_pair = "!!! failure \"Don't" in text and '!!! success "Do' in text
        assert has_marker or has_pair, f"{page.relative_to(DOCS)} has no do/don't examples"
