"""The ``engagement-bait`` rule: calls for likes, shares, tags and one-word comments.
Seed articles: 000-002.

Its declaration (``RULE``), matcher and examples; its page is rules/engagement-bait/ and
its tests are in tests/rules/test_engagement_bait.py and tests/test_rules.py.
"""

from __future__ import annotations

import re

from checker.model import Pillar, Severity
from checker.rules.base import (
    AnyOf,
    Example,
    Pattern,
    Rule,
)
from checker.rules.text import (
    EMOJI,
    gate,
)


def _bait(
    letters: str, pattern: str, message: str, *, imperative: bool = True, case: bool = False
) -> Pattern:
    """A call for a reflex; ``letters``: every letter it can start with (see ``gate``)."""
    flags = 0 if case else re.IGNORECASE
    return Pattern(gate(letters, pattern), message, flags, imperative=imperative)


_ACT = r"(?:rt|retweet|repost|reshare|share|like|heart|fav|favou?rite|boost|reblog|double[\s-]?tap)"
# "share if you can" and "share if you want the slides" are offers and asks for help, not bait
_NOT_BAIT_IF = r"(?!\s*(?:want|wish|need|prefer|can|could|would|have|like\s+the)\b|['’]d\b)"
_TAG_WHO = (
    r"(?:friends?|mates?|buddy|buddies|besties?|people|someone|somebody|a\s+person|"
    r"the\s+person|colleagues?|co-?workers?|your\s+(?:friends?|bestie|mates?|squad|crew))"
)
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|ten|some|all\s+your|your)"
_QUOTE_OPEN = "\"“'‘"
_QUOTE_CLOSE = "\"”'’"

_BAITS = (
    _bait(
        "rslhfbd",
        rf"\b{_ACT}\s+(?:this\s+|it\s+)?if\s+(?:you|u|ya)\b{_NOT_BAIT_IF}",
        "“{match}…” asks for a reflex, not a reply: ask a question people can answer instead.",
    ),
    _bait(
        "lrshfc",
        r"\b(?:like|rt|retweet|repost|share|heart|follow|comment)\s*(?:,|and\b|&|\+|n\b|or\b)\s*"
        r"(?:share|rt|retweet|repost|like|comment|subscribe|follow|tag)\b"
        r"(?!\s+(?:counts?|buttons?|rates?|metrics?|numbers?|your|what|how|why|which)\b)",
        "“{match}” asks for clicks rather than thoughts: end with a real question instead.",
    ),
    _bait(
        "t",
        rf"\btag\s+(?:{_NUM}\s+)?{_TAG_WHO}\b",
        "“{match}” turns readers into distributors: ask them what they think instead.",
    ),
    _bait(
        "ctd",
        rf"\b(?i:comment|type|drop)\s+[{_QUOTE_OPEN}]?[A-Z]{{2,10}}[{_QUOTE_CLOSE}]?"
        r"(?=\s+(?i:if|below|in\s+the\s+comments|and|for)\b|\s*[!.,]|\s*$)",
        "“{match}” asks for a one-word reflex: ask a question with a real answer instead.",
        case=True,
    ),
    _bait(
        "dlctr",
        rf"\b(?:drop|leave|comment|type|reply\s+with)\s+(?:(?:a|an|your|some)\s*)?"
        rf"(?:emoji|heart|[{EMOJI}])(?!\S*\s*(?:reviews?|ratings?)\b)",
        "“{match}” asks for a reflex, not a reply: ask something people can answer.",
    ),
    _bait(
        "shtcp",
        r"\b(?:smash|hit|tap|click|press)\s+(?:that|the|this)\s+"
        r"(?:like|follow|subscribe|heart|share|bell)(?:\s+button)?\b",
        "“{match}” asks for clicks, not conversation: give people something to answer.",
    ),
    _bait(
        "sfcr",
        r"\b(?:share|send|forward|copy\s*(?:and|&)\s*paste|repost)\s+(?:this|it)\s+"
        r"(?:to|with|on|onto)\s+(?:\d{1,2}|ten|five|all\s+your|everyone|every\s+one|"
        r"your\s+(?:wall|status|timeline|story|profile))\b",
        "“{match}” reads like a chain letter: say why it matters and let people decide.",
    ),
    _bait(
        "bo",
        r"\b(?:bet|betcha)\s+(?:you|u)\s+(?:won['’]?t|wont|can['’]?t|cant)\s+"
        r"(?:share|like|rt|retweet|repost)\b|\bonly\s+\d{1,2}\s*%\s+(?:of\s+(?:you|people)\s+)?"
        r"will\s+(?:share|like|rt|retweet|repost)\b",
        "“{match}” dares people into sharing: give them a reason instead.",
        imperative=False,
    ),
)


RULE = Rule(
    name="engagement-bait",
    pillar=Pillar.COLLABORATING,
    severity=Severity.WARNING,
    summary="Flags calls for likes, shares, tags and one-word comments instead of a real question.",
    why=(
        "Collaboration starts the way it does offline: with a question someone can answer, "
        "or an offer of help. “RT if you agree” or “tag 3 friends” asks people to perform a "
        "click for your reach, and many networks now show such posts to fewer people. A real "
        "question invites the replies that turn followers into a community."
    ),
    fix=(
        "Ask a real question your readers can answer (“What would you add?”), or offer "
        "something useful, and let people share it because it helped them."
    ),
    guide="collaborating/ask-and-offer-help.md",
    seeds=("000", "001", "002"),
    matcher=AnyOf(_BAITS),
    flags=(
        Example(
            "Remote work is here to stay. ⟦RT if you⟧ agree!",
            note="A retweet on command is a click, not a conversation.",
        ),
        Example(
            "Our new guide to onboarding is out 🎉 ⟦Like and share⟧ with your network!",
            platform="linkedin",
        ),
        Example(
            "⟦Tag 3 friends⟧ who need a coffee break this Monday ☕",
            platform="instagram",
        ),
        Example(
            "Who else is ready for the weekend? ⟦Comment YES⟧ below 👇",
            platform="facebook",
        ),
        Example(
            "Five tips for better standups in the video. ⟦Smash that like button⟧!",
            platform="threads",
        ),
        Example(
            "⟦Drop a 🔥⟧ in the comments if this helped you.",
            platform="instagram",
        ),
    ),
    passes=(
        Example(
            "Remote work is here to stay. What's the one habit that made it work for your team?",
            note="A real question: people can answer it.",
        ),
        Example(
            "Happy to share the slides if you want them, just reply here.",
            platform="mastodon",
            note="An offer, not a call for shares.",
        ),
        Example(
            "Please share if you can: our food bank needs drivers on Saturday mornings.",
            platform="facebook",
            note="Asking for help with a real need is what the handbook encourages.",
        ),
        Example(
            "I'd like and share more of your posts if the feed showed them to me.",
            platform="bluesky",
            note="“like and share” inside a sentence is not a call to action.",
        ),
        Example(
            "We stopped tracking like and share counts and started counting replies.",
            platform="linkedin",
        ),
        Example(
            "Tag along with us on Saturday: we're walking the coastal path from 10am.",
            platform="facebook",
        ),
        Example(
            "Reply YES to confirm your place at Thursday's workshop, or NO to free it up.",
            platform="linkedin",
            note="An RSVP is a real request, and “reply” is not in the list.",
        ),
    ),
)
