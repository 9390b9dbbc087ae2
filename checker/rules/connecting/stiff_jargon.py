"""The ``stiff-jargon`` rule: corporate buzzwords where a plain word would do.
Seed articles: 000, 004.

Its declaration (``RULE``), matcher and examples; its page is rules/stiff-jargon/ and
its tests are in tests/rules/test_stiff_jargon.py and tests/test_rules.py.
"""

from __future__ import annotations

from checker.model import Pillar, Severity
from checker.rules.base import (
    Example,
    Phrases,
    Rule,
)
from checker.rules.text import (
    gate,
)

# stiff-jargon

_PLAIN = {
    "synergy": "working together",
    "synergies": "ways to work together",
    "synergize": "work together",
    "synergise": "work together",
    "synergistic": "joint",
    "circle back": "come back to it",
    "circling back": "coming back to it",
    "move the needle": "make a real difference",
    "moves the needle": "makes a real difference",
    "moving the needle": "making a real difference",
    "best-in-class": "the best",
    "paradigm shift": "big change",
    "thought leader": "expert",
    "thought leaders": "experts",
    "thought leadership": "expertise",
    "value-add": "benefit",
    "value-adds": "benefits",
    "deep dive": "close look",
    "deep-dive": "close look",
    "deep dives": "close looks",
    "low-hanging fruit": "easy wins",
    "touch base": "catch up",
    "touching base": "catching up",
    "ideate": "come up with ideas",
    "ideation": "brainstorming",
    "ideating": "brainstorming",
    "actionable insights": "useful findings",
    "core competency": "strength",
    "core competencies": "strengths",
    "learnings": "lessons",
    "operationalize": "put into practice",
    "operationalise": "put into practice",
    "net-net": "in short",
    "boil the ocean": "try to do everything at once",
    "open the kimono": "share openly",
    "take it offline": "talk about it separately",
    "take this offline": "talk about it separately",
    "peel the onion": "look deeper",
    "solutioning": "solving",
    "wheelhouse": "strength",
    "blue-sky thinking": "fresh ideas",
    "run it up the flagpole": "try it out",
    "utilize": "use",
    "utilise": "use",
    "utilizing": "using",
    "utilising": "using",
    "utilized": "used",
    "utilised": "used",
}
_OBJECT = r"(?:the|our|your|their|this|these|those|its|my|his|her|existing|every|all)\b"
_PLAIN_EXTRA = (
    # "leverage" as a verb; "financial leverage" and "leveraged buyout" are left alone
    (rf"(?=[lL])\bleverage(?=\s+{_OBJECT})", "use"),
    (rf"(?=[lL])\bleverages(?=\s+{_OBJECT})", "uses"),
    (rf"(?=[lL])\bleveraged(?=\s+{_OBJECT})", "used"),
    (r"(?=[lL])\bleveraging\b", "using"),
    # "bandwidth" for people's time, not for networks
    (
        gate(
            "iwyths",
            r"\b(?:i|we|you|they|he|she)(?:\s+(?:don['’]t\s+|do\s+not\s+|didn['’]t\s+|just\s+)?"
            r"(?:have|had|lack)|['’]ve\s+got)\s+(?:the\s+|enough\s+|any\s+|much\s+|more\s+|"
            r"no\s+)?bandwidth(?=\s+(?:for|this|right\s+now|at\s+the\s+moment|today|left|"
            r"either)\b|\s*[.,;:!?)]|\s*$)",
        ),
        "time",
    ),
)

RULE = Rule(
    name="stiff-jargon",
    pillar=Pillar.CONNECTING,
    severity=Severity.SUGGESTION,
    summary="Flags corporate buzzwords where a plain word would sound more like a person.",
    why=(
        "People connect with people, and buzzwords sound like a press release. The handbook "
        "asks you to be witty rather than stiff: “let's catch up” invites a reply, "
        "“let's touch base to leverage synergies” invites a scroll. Plain words are also "
        "easier for readers whose first language is not English."
    ),
    fix="Say it the way you would say it to a colleague over coffee: use the plain word.",
    guide="connecting/talk-like-a-person.md",
    seeds=("000", "004"),
    matcher=Phrases(
        _PLAIN,
        message="“{match}” is office-speak: “{plain}” says the same more warmly.",
        generic="“{match}” is on your team's list of stiff words: try a plainer one.",
        extra=_PLAIN_EXTRA,
    ),
    takes_terms=True,
    flags=(
        Example(
            "Excited to ⟦leverage⟧ our ⟦synergies⟧ with the design team this quarter.",
            platform="linkedin",
        ),
        Example(
            "Let's ⟦touch base⟧ next week and ⟦circle back⟧ on the ⟦low-hanging fruit⟧.",
            platform="linkedin",
        ),
        Example("Key ⟦learnings⟧ from our ⟦deep dive⟧ into churn: a thread.", platform="x"),
        Example(
            "Honestly ⟦we don't have the bandwidth⟧ for a launch before March.",
            platform="mastodon",
        ),
        Example(
            "Our Q3 focus: ⟦utilizing⟧ customer feedback to ⟦ideate⟧ new features.",
            platform="linkedin",
        ),
        Example(
            "Happy to ⟦take this offline⟧ and ⟦touch base⟧ on Friday.",
            platform="x",
        ),
    ),
    passes=(
        Example(
            "We're teaming up with the design team this quarter and I can't wait.",
            platform="linkedin",
        ),
        Example(
            "Highly leveraged buyouts made the 2007 crash worse, the paper argues.",
            platform="bluesky",
            note="“leveraged” as a finance term is not jargon.",
        ),
        Example(
            "The new office link doubles our bandwidth, so video calls should stop freezing.",
            platform="linkedin",
            note="Bandwidth of a network is the right word.",
        ),
        Example(
            "I took a deep breath and dove into the archive: here's what I found.",
            platform="threads",
        ),
        Example(
            "Let's catch up next week; I'll bring the easy wins we found.",
            platform="linkedin",
        ),
        Example(
            "We used your feedback to come up with three new features; here they are.",
            platform="linkedin",
            note="The same news, in plain words.",
        ),
    ),
)
