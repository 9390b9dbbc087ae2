"""The ``shouting`` rule: runs of capitals and piles of exclamation marks.
Seed articles: 000, 004.

Its declaration (``RULE``), matcher and examples; its page is rules/shouting/ and
its tests are in tests/rules/test_shouting.py and tests/test_rules.py.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Sequence

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules.base import (
    Custom,
    Example,
    Hit,
    Rule,
)
from checker.rules.text import word_before

# shouting

# Short words that are English, not acronyms, so "THIS IS HUGE" counts three.
_SHORT_WORDS = frozenset(
    "is it we me my do go no so to up of on or in at be by an am he she his her all and are "
    "you the now not buy get our out new big wow hot why how who off can for was has had its "
    "yes one two day top let see did too any may way say use own try ask end got run win omg "
    "lol wtf "
    # everyday three-letter words, so "I GOT THE JOB." is a sentence in capitals like
    # "WE ARE HIRING!" (none of these is a common acronym: not CAR, ARM, ICE, PET, NET)
    "job won van mum mom dad son bus dog cup fun sad mad bad old man men yet far few hit lot "
    "put eat ate cry die lie ago bed boy but cut egg fit fix guy hat him joy kid leg low mix "
    "odd pie pot red sit six tea toy wet zoo yay hey bye".upper().split()
)
# Words of four or more letters that are usually acronyms or initialisms.
_ACRONYMS = frozenset(
    "nasa nato unesco unicef fifa uefa asap html https json yaml gdpr okrs kpis covid nasdaq "
    "nyse ieee ascii utf8 oauth ansi iso sql nosql rsvp faqs apis ceos ctos diy aids hvac "
    "lgbt lgbtq ngos nhs ucla mit unix posix ajax jpeg mpeg gnome kde llms gpus cpus "
    "scuba laser radar swat opec acme".upper().split()
)
_PILE = re.compile("[!?！？‼⁉❗❕\ufe0f]{3,}")


def _loud(word: str) -> bool | None:
    """True for a shouted word, False for a quiet one, None for a neutral one
    (a number, an acronym, "I", a caseless script) that neither counts nor ends a run.

    String methods, not a regex per word: this runs once per word of a 100 KB paste.
    """
    if word != word.upper():
        return False  # has a lower-case letter
    if word == word.lower():
        return None  # no cased letter: digits, or a script without case
    plain = word.replace("'", "").replace("’", "").replace("-", "")
    if len(plain) >= 4:
        return plain not in _ACRONYMS or None
    return (plain in _SHORT_WORDS) or None


# Capitals that copy a sign or a label: "the sign says NO MUDDY BOOTS".
_QUOTING = frozenset({"says", "said", "reads", "read", "saying", "labelled", "labeled", "marked"})


def _quoting(text: str, start: int) -> bool:
    before = word_before(text, start, 20)
    return before is not None and before.group(1).lower() in _QUOTING


# Capitals scattered through a post ("SO good… HUGE… AMAZING… NEVER") shout as a run
# does. One or two stressed words are emphasis; four different ones are a raised voice.
_SCATTERED = 4
_VOWELS = frozenset("AEIOUY")


def _shouted_word(word: str) -> bool:
    """A word in capitals that reads as a word, not an acronym: "SO", "AMAZING",
    not "RNLI" or "NSPCC" (an unknown initialism has fewer than two vowels)."""
    if not _loud(word):
        return False
    plain = word.replace("'", "").replace("’", "").replace("-", "")
    return plain in _SHORT_WORDS or sum(c in _VOWELS for c in plain) >= 2


def _lines_with_lower_case(text: str) -> list[tuple[int, int, bool]]:
    """Each line's (start, end, has a lower-case letter)."""
    out, start = [], 0
    for part in text.split("\n"):
        end = start + len(part)
        out.append((start, end, part != part.upper()))
        start = end + 1
    return out


def _scattered(draft: Draft, runs: list[Hit]) -> Iterator[Hit]:
    """One finding at the first of the scattered capitals (those outside a run)."""
    text = draft.prose
    alone = []
    k = 0  # runs and words are both in text order: one sweep
    quiet_lines = _lines_with_lower_case(text)
    line = 0
    for w in draft.words:
        if not (w.value.isupper() and _shouted_word(w.value)):
            continue
        while quiet_lines[line][1] < w.start:
            line += 1
        if not quiet_lines[line][2]:
            continue  # a line all in capitals is a heading or a label ("ABOUT US")
        while k < len(runs) and runs[k].end <= w.start:
            k += 1
        if k < len(runs) and runs[k].start <= w.start:
            continue  # inside a run, flagged as one
        alone.append(w)
    if len({w.value for w in alone}) < _SCATTERED or any(_quoting(text, w.start) for w in alone):
        return
    named = ", ".join(f"“{w.value}”" for w in alone[:3])
    more = f" and {len(alone) - 3} more" if len(alone) > 3 else ""
    yield Hit(
        alone[0].start,
        alone[0].end,
        f"{named}{more} in capitals, all through the post, read as shouting: keep the stress "
        "for the one word that needs it.",
    )


def _find_shouting(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if _capital_words(draft.word_values) >= _RUN:
        runs = list(_runs(draft))
        yield from runs
        yield from _scattered(draft, runs)
    yield from _piles(draft.prose)


_RUN = 3  # loud words in a row that make a run; scattered capitals need more (_SCATTERED)


def _capital_words(values: Sequence[str]) -> int:
    """How many words are in capitals (no letter changes in upper case, some do in lower
    case): every loud word is one (see ``_loud``), so with fewer than ``_RUN`` neither a
    run nor scattered capitals can be found. Counted with string methods mapped over the
    words, no Python step per word: most posts have one or two ("I", a name's initial)."""
    upper = map(str.__eq__, values, map(str.upper, values))
    cased = map(str.__ne__, values, map(str.lower, values))
    return sum(map(operator.and_, upper, cased))


def _runs(draft: Draft) -> Iterator[Hit]:
    text = draft.prose
    run_start = run_end = -1
    loud = 0

    def verdict() -> Iterator[Hit]:
        if loud >= _RUN and not _quoting(text, run_start):
            shown = text[run_start:run_end]
            if len(shown) > 40:
                shown = shown[:37].rstrip() + "…"
            yield Hit(
                run_start,
                run_end,
                f"“{shown}” is in capitals, which reads as shouting: try sentence case and "
                "let one word carry the stress.",
            )

    prev_end = 0
    for word in draft.words:
        state = _loud(word.value)
        if "\n" in text[prev_end : word.start] or state is False:
            yield from verdict()
            run_start, loud = -1, 0
        prev_end = word.end
        if state:
            if run_start < 0:
                run_start = word.start
            run_end = word.end
            loud += 1
        elif state is None and run_start >= 0:
            run_end = word.end if word.value != word.value.lower() else run_end
    yield from verdict()


def _piles(text: str) -> Iterator[Hit]:
    for m in _PILE.finditer(text):
        marks = sum(2 if c in "‼⁉" else 0 if c == "\ufe0f" else 1 for c in m.group())
        if marks >= 3 and any(c in "!！‼⁉❗❕" for c in m.group()):
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” piles up marks, which reads as shouting: one is plenty.",
            )


RULE = Rule(
    name="shouting",
    pillar=Pillar.CONNECTING,
    severity=Severity.SUGGESTION,
    summary="Flags runs of capitals and piles of exclamation marks; acronyms are fine.",
    why=(
        "Social media is a conversation, not a loudspeaker. Capitals and stacked "
        "exclamation marks read as raised voices, and they bury the one word you wanted to "
        "stress. Talking like a person means letting the words do the work."
    ),
    fix=(
        "Write in sentence case, keep capitals for acronyms, and let one well-chosen word "
        "or a single exclamation mark carry the emphasis."
    ),
    guide="connecting/talk-like-a-person.md",
    seeds=("000", "004"),
    matcher=Custom(_find_shouting),
    flags=(
        Example(
            "The gig was ⟦SO⟧ loud, the crowd was HUGE, the encore was AMAZING and I am "
            "NEVER missing them again",
            platform="threads",
            note="Capitals scattered through a post shout as a run does: one finding.",
        ),
        Example("⟦THIS IS THE BEST CONFERENCE EVER⟧. See you next year!", platform="linkedin"),
        Example(
            "I ⟦GOT THE JOB⟧. Four months of applications, and it was worth it.",
            platform="linkedin",
            note="A whole sentence in capitals, however short and glad, reads as a raised "
            "voice; the rule is a suggestion, so a writer who wants the shout keeps it.",
        ),
        Example("Doors open at 7 tonight⟦!!!⟧ Bring a friend.", platform="facebook"),
        Example("We did it⟦?!?!⟧ Still can't believe the vote went our way.", platform="threads"),
        Example("Huge thanks to everyone who came. ⟦YOU ARE ALL AMAZING⟧.", platform="instagram"),
        Example(
            "⟦DON'T FORGET TO VOTE⟧ on Thursday, polls open at 7am.",
            platform="facebook",
        ),
        Example(
            "Tickets go on sale at noon, set an alarm ⟦‼️‼️⟧",
            platform="instagram",
            note="Double exclamation emoji count twice each.",
        ),
    ),
    passes=(
        Example(
            "Thank you for supporting the RNLI, the NSPCC and UNHCR this year, and the "
            "local MIND branch.",
            platform="linkedin",
            note="Acronyms are names, not raised voices.",
        ),
        Example(
            "NASA and ESA share the data openly: the FAQ explains how to request it.",
            note="Acronyms are not shouting.",
        ),
        Example(
            "Our CEO, CTO and CFO will all be at the UK town hall on Friday.",
            platform="linkedin",
        ),
        Example(
            "Please do NOT microwave the sample tubes. Thanks!",
            platform="facebook",
            note="One emphasised word is fine.",
        ),
        Example(
            "Wait, really?? That changes my whole plan for the week.",
            platform="mastodon",
        ),
        Example(
            "Reading the GDPR and HIPAA guidance side by side this week. #HIPAA #GDPR",
            platform="mastodon",
        ),
        Example(
            "The HTML and CSS workshop is full, but the PDF of the slides is free to download.",
            platform="linkedin",
            note="Acronyms in a row are not shouting.",
        ),
    ),
)
