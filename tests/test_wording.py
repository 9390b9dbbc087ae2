"""The handbook against its five source articles.

Two promises: every idea the handbook owes its readers is there, and no
sentence is copied: no run of eight words appears in both an article and a page.
The articles are not in the repository; their fingerprint is
(``tests/fixtures/seed_fingerprint.txt``: a hash per run of eight normalised
words, made by ``scripts/fingerprint_seeds.py``), so this runs in every clone.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "scripts"))
try:
    import fingerprint_seeds as fp
finally:
    sys.path.pop(0)

FORMAT, FINGERPRINTS = fp.parse(
    (ROOT / "tests" / "fixtures" / "seed_fingerprint.txt").read_text(encoding="utf-8")
)

# Each idea of the articles, and words that show a page covers it (all must match).
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


def test_the_fingerprint_covers_five_articles_in_this_format() -> None:
    # Hashes made another way (other run length, hash or normaliser) would never match.
    assert fp.FORMAT == FORMAT
    assert len(FINGERPRINTS) == 5
    for name, hashes in FINGERPRINTS.items():
        assert len(hashes) > 300, f"{name}: {len(hashes)} runs is too few for an article"
        assert all(re.fullmatch(r"[0-9a-f]{12}", h) for h in hashes), name


@pytest.mark.parametrize("idea", sorted(IDEAS))
def test_every_idea_of_the_seeds_is_covered(idea: str) -> None:
    text = _docs_text()
    for pattern in IDEAS[idea]:
        assert re.search(pattern, text, re.IGNORECASE), f"{idea}: nothing matches {pattern!r}"


@pytest.mark.parametrize("seed", sorted(FINGERPRINTS))
def test_no_sentence_is_copied_from_a_seed(seed: str) -> None:
    copied = [
        f"{page.relative_to(DOCS)}: {run}"
        for page in sorted(DOCS.rglob("*.md"))
        for run in fp.copied_runs(page.read_text(encoding="utf-8"), FINGERPRINTS[seed])
    ]
    assert not copied, "\n".join(copied)


# A synthetic article, and pages that copy from it or only share short phrases.
ARTICLE = """A Title About Sharing Things Online
Before you pass a story on, read it to the end and ask who wrote it first.
Good neighbours on any network listen long before they ever speak up.
"""


def test_a_page_copying_eight_words_is_caught_whatever_the_case_and_quotes() -> None:
    article = fp.fingerprint(ARTICLE)
    page = "Our advice: “READ it to the end, and ask who wrote it” - then share."
    assert fp.copied_runs(page, article) == [
        "read it to the end and ask who",
        "it to the end and ask who wrote",
        "to the end and ask who wrote it",
    ]
    apostrophes = fp.fingerprint("On Candour\nDon't say it's fine when it isn't, ever again.")
    assert fp.copied_runs("DON’T SAY IT’S FINE WHEN IT ISN’T, EVER!", apostrophes) == [
        "dont say its fine when it isnt ever"
    ]


def test_seven_words_in_a_row_or_the_title_are_not_copying() -> None:
    article = fp.fingerprint(ARTICLE)
    assert fp.copied_runs("They listen long before they ever speak. Then they do.", article) == []
    # the Credits page names each article by its title
    assert (
        fp.copied_runs("Credits: A Title About Sharing Things Online, by someone.", article) == []
    )


def test_the_committed_fingerprint_catches_a_real_copied_run() -> None:
    # One run of eight words from the first article (the opening of its second
    # sentence): the only article text the repository holds, to prove the committed
    # hashes and this normaliser agree.
    sample = "The elements of social media marketing come down"
    page = f"Some intro. {sample.upper()}, as they say."
    assert fp.copied_runs(page, FINGERPRINTS["000_fd55aab20608b8ce.txt"]) == [sample.lower()]
    others = {name: h for name, h in FINGERPRINTS.items() if not name.startswith("000_")}
    assert all(fp.copied_runs(page, hashes) == [] for hashes in others.values())


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
