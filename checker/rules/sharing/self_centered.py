"""The ``self-centered`` rule: a post that is all I, me and my, with nobody else in it.
Seed articles: 001, 000.

Its declaration (``RULE``), matcher and examples; its page is rules/self-centered/ and
its tests are in tests/rules/test_self_centered.py and tests/test_rules.py.
"""

from __future__ import annotations

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
from checker.rules.text import (
    FIRST_PERSON,
    SECOND_PERSON,
    word_key,
)

_MIN_WORDS = 12
_MIN_FIRST_PERSON = 4
# A short post ("My brand. My vision. My rules.") is all about oneself only with a
# boast in it and a third of its words I, me or my.
_MIN_SHORT_WORDS = 6
_SHORT_SHARE = 0.3
_SHARE = 0.2  # a fifth of all words: "I ... my ... I ... my"
_PROMOTED_SHARE = 0.12  # beside two signs of self-promotion
# Words that bring other people into a post even without a handle.
_OTHERS = frozenset(
    {
        *("thank", "thanks", "thx", "congrats", "congratulations", "kudos", "shoutout"),
        *("shout-out", "everyone", "everybody", "anyone", "anybody", "folks", "together"),
        *("welcome", "team", "teammates", "colleagues", "friends", "community", "customers"),
        *("clients", "readers", "he", "she", "they", "them", "his", "her", "their"),
    }
)


# Self-promotion: achievements, superlatives about oneself, the words of a pitch.
# Beside them a smaller share of I/my is already all about oneself.
_PROMOTION = re.compile(
    r"(?=[a-z])\b(?:launch(?:ed|ing)?|built|proud|award|won|leading|unique|unmatched|"
    r"best|better|biggest|fairest|finest|unmatched|top\s+\d+|my\s+(?:rules|talent|vision|brand)|named\s+(?:one\s+of|as)|humbled\s+to\s+announce|"
    r"speak\s+for\s+themselves|deserve|my\s+(?:company|product|brand|course|book|method|"
    r"framework|results|vision|keynote|podcast)|never\s+(?:gave\s+up|cut\s+corners)|"
    r"(?:better|more)\s+than\s+anyone)\b"
)
# What happened to you (illness, loss, a birth, a move, a milestone of life) is
# personal news: one post about yourself is fine, the rule's own words say.
_PERSONAL_NEWS = re.compile(
    r"(?=[a-z])\b(?:diagnos\w*|chemo\w*|cancer|surgery|operation|hospital|illness|ill|"
    r"sick|recover\w*|therapy|grief|griev\w*|funeral|passed\s+away|died|miscarriage|"
    r"pregnan\w*|baby|born|married|wedding|engaged|divorce\w*|graduat\w*|retir\w*|"
    r"moved|moving|redundan\w*|laid\s+off|lost\s+my\s+job|birthday|anniversary|"
    r"first\s+(?:flat|home|house|marathon|half\s+marathon|\d{1,3}\s?k|parkrun|race|"
    r"triathlon|ultra|swim))\b"
)
_POSSESSIVE = frozenset({"my", "our", "own"})


def _others_in(keys: Sequence[str]) -> bool:
    """Someone else is in the post: "you", "thanks", "the team", but not "my team"
    or "our customers" (people as possessions) nor "better than anyone"."""
    for i, k in enumerate(keys):
        if k in SECOND_PERSON:
            return True
        if k in _OTHERS:
            before = keys[i - 1] if i else ""
            if before in _POSSESSIVE or (before == "than" and k.startswith("any")):
                continue
            return True
    return False


# Someone else's words in quotation marks: their "we" is not the writer's voice.
_QUOTED = re.compile(r"“[^“”\n]{1,500}”|\"[^\"\n]{1,500}\"|«[^«»\n]{1,500}»")


def _outside_quotes(draft: Draft) -> list[str]:
    """The post's words as lookup keys, without those inside quotation marks."""
    quotes = [m.span() for m in _QUOTED.finditer(draft.prose)]
    keys, k = [], 0  # words and quotes are both in text order: one sweep
    for w in draft.words:
        while k < len(quotes) and quotes[k][1] <= w.start:
            k += 1
        if not (k < len(quotes) and quotes[k][0] <= w.start):
            keys.append(word_key(w.value))
    return keys


def _self_centered(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if draft.mentions or "?" in draft.prose:
        return
    keys = draft.word_key_list
    if len(keys) < _MIN_SHORT_WORDS or _others_in(keys):
        return
    quoted = any(q in draft.prose for q in '"“«')
    mine = sum(k in FIRST_PERSON for k in (_outside_quotes(draft) if quoted else keys))
    if mine < _MIN_FIRST_PERSON:
        return
    promotion = len(_PROMOTION.findall(draft.lower))
    if len(keys) < _MIN_WORDS and (promotion == 0 or mine / len(keys) < _SHORT_SHARE):
        return  # a short post needs a boast and little else to be all about oneself
    if promotion == 0 and _PERSONAL_NEWS.search(draft.lower):
        return  # news of your life, not a pitch of your work
    share = _PROMOTED_SHARE if promotion >= 2 else _SHARE
    if mine / len(keys) < share:
        return
    start = len(draft.text) - len(draft.text.lstrip())
    end = len(draft.text.rstrip())
    yield Hit(
        start,
        end,
        f"{mine} of these {len(keys)} words are I, me, my, we or our, and nobody else is named "
        "or asked: bring someone in, credit a source, thank a person or ask readers something.",
    )


RULE = Rule(
    name="self-centered",
    pillar=Pillar.SHARING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags a post where I, me, my, we and our make up a fifth or more of the words and "
        "nobody else appears: no @mention, no “you”, no question, no thanks."
    ),
    why=(
        "A feed that only talks about itself is a broadcast, and people tune broadcasts "
        "out. Being social means giving others room in your posts: credit whoever helped, "
        "ask readers what they think, pass on ideas that are not yours. One post about "
        "yourself is fine; the question is whether anyone else fits in it."
    ),
    fix=(
        "Bring someone else in: credit or thank the people involved, say what it means for "
        "your readers, or end with a question."
    ),
    guide="sharing/share-more-than-you-create.md",
    seeds=("001", "000"),
    matcher=Custom(_self_centered),
    kinds=frozenset({"post"}),
    flags=(
        Example(
            "⟦My shop. My vision. My rules. I am simply the best at this.⟧",
            platform="instagram",
            note="Short, but a boast and a third of its words I, me or my.",
        ),
        Example(
            "⟦I just launched my new course and I am so proud of what I built. My students "
            "love it and I think my best work is yet to come.⟧",
            note="Seven of 29 words are about me.",
        ),
        Example(
            "⟦We are proud to announce our new app. We built it because we believe our "
            "product is the best on the market, and we know our design is unmatched.⟧",
            platform="linkedin",
            note="A brand talking only about itself.",
        ),
        Example(
            "⟦My book, my podcast, my course and my keynote all in one week. I worked hard "
            "for this and I deserve every bit of it.⟧",
            platform="facebook",
        ),
        Example(
            "⟦I won the regional award again this year. I was the only finalist from my "
            "city, and I gave a speech I wrote myself.⟧",
            platform="threads",
        ),
        Example(
            "⟦My new studio is finally open. I designed it myself, I painted every wall and I "
            "chose every lamp. My proudest week so far.⟧",
            platform="instagram",
        ),
        Example(
            "⟦We hit our best quarter ever. Our revenue doubled, our margins grew and our "
            "roadmap is the strongest we have ever had.⟧",
            platform="linkedin",
            note="A company post about nothing but itself.",
        ),
    ),
    passes=(
        Example(
            'My nan at every birthday: "we had nothing and we were happy, we made our own '
            'fun, we never complained"',
            platform="facebook",
            note="The “we” inside someone else's quoted words is theirs, not the writer's.",
        ),
        Example(
            "I'm thrilled to share that I've started a new position as a senior engineer. "
            "Grateful to everyone who helped me get here!",
            platform="linkedin",
            note="News about yourself that makes room for others.",
        ),
        Example(
            "I moved my whole team to a four-day week and I'm not sure I'll go back. Have "
            "you tried it? What did you see?",
            platform="mastodon",
            note="Personal, but it asks readers in.",
        ),
        Example(
            "I went for a run this morning and my knee finally held up. Best time since the "
            "spring, and the river path was lovely.",
            platform="bluesky",
            note="About yourself without being all “I”.",
        ),
        Example(
            "I just launched my new course and I am so proud of what I built with "
            "@maria_codes. My students love it and I think my best work is yet to come.",
            note="Crediting the person you built it with.",
        ),
        Example(
            "I just launched my new course and I am so proud of what I built. My students "
            "love it and I think my best work is yet to come.",
            kind="reply",
            note="A reply is already a conversation.",
        ),
        Example(
            "My team shipped the new search this week. I'm proud of how they handled the "
            "last-minute changes, and they deserve the credit.",
            platform="linkedin",
            note="“My team … they”: the post is about other people.",
        ),
        Example(
            "I had my last round of chemo today. I rang the bell, I cried, and I ate a very "
            "large scone.",
            note="Personal news: one post about what happened to you is fine.",
        ),
    ),
)
