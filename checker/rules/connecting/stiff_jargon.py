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
    "moved the needle": "made a real difference",
    "stakeholders": "everyone involved",
    "key stakeholders": "the people involved",
    "holistic approach": "whole picture",
    "seamless experience": "smooth experience",
    "touchpoint": "contact",
    "touchpoints": "contacts",
    "kindly revert": "please reply",
    "revert back": "reply",
    "close the loop": "follow up",
    "closing the loop": "following up",
    "by EOD": "by the end of the day",
    "fit-for-purpose": "suitable",
    "going forward": "from now on",
    "get aligned": "agree",
    "getting aligned": "agreeing",
    "your inputs": "your comments",
}
_BASES = (
    r"\b(?:rounders|baseball|softball|kickball|little\s+league|bases|batters?|batting|runners?|"
    r"fielders?|innings|pitcher|umpire|bowler|home\s+plate|(?:first|second|third)\s+base|"
    r"at\s+(?:first|second|third))\b"
)
# Where these words have a plain sense, the same sentence says so: the synergy of two
# drugs, a dive to 30 metres, fruit on a tree.
_PLAIN_SENSES = {
    "synergy": r"\b(?:drugs?|antibiotics?|medicines?|compounds?|enzymes?|molecules?|dose|"
    r"vaccines?|treatments?|chemicals?|between\s+the\s+two)\b",
    "deep dive": r"\b(?:metres|meters|feet|ft|scuba|reef|wreck|diving|divers?|underwater|"
    r"ocean|sea|snorkel\w*|tank|boat|eel|fish|shark|whale)\b|\d\s?m\b",
    "deep dives": r"\b(?:metres|meters|scuba|reef|wreck|diving|divers?|underwater|ocean|sea)\b",
    "low-hanging fruit": r"\b(?:trees?|orchards?|branch(?:es)?|plums?|apples?|pears?|"
    r"cherr(?:y|ies)|wasps?|ladder|picking|allotment|garden)\b",
    "stakeholders": r"\b(?:shares?|shareholders?|equity|estate|will|trust|bets?)\b",
}
# A post about baseball, softball or rounders touches bases in any of its sentences.
_PLAIN_IN_POST = {"touch base": _BASES, "touching base": _BASES}
_OBJECT = r"(?:the|our|your|their|this|these|those|its|my|his|her|existing|every|all)\b"
_DOCUMENT = (
    r"\s+(?:the|this|our|your|it|these)\s+(?:new\s+|draft\s+)?(?:rota|plan|proposal|idea|deck|"
    r"doc(?:ument)?|draft|changes?|policy|roadmap|strategy|update|findings|results|process)\b"
)
_SOCIALISE = (("e", "share"), ("es", "shares"), ("ed", "shared"), ("ing", "sharing"))
_ACTION_BEFORE = (
    r"(?:(?<=\band\s)|(?<=\bto\s)|(?<=\bplease\s)|(?<=\bpls\s)|(?<=\bwill\s)|(?<=\bcan\s)|"
    r"(?<=\bmust\s))"
)
_ACTION_OBJECT = r"\s+(?:any|the|these|those|this|all|it|them)\b"
_ACTION = (("", "deal with"), ("ed", "dealt with"), ("ing", "dealing with"))
# The word each of _PLAIN_EXTRA's patterns needs, in order (see ``Phrases``).
_EXTRA_NEEDS = (
    *("leverag", "leverag", "leverag", "leverag"),
    *("sociali" for _ in _SOCIALISE),
    *("action" for _ in _ACTION),
    "bandwidth",
    *("sociali" for _ in _SOCIALISE),
    "bandwidth",
    "bandwidth",
)
# Groups one socialises a plan with, in office-speak (not friends, families or dogs).
_GROUP = (
    r"\s+(?:it\s+|this\s+|them\s+)?with\s+(?:the\s+|our\s+|your\s+|all\s+)?"
    r"(?:(?:wider|broader|whole|senior|extended|relevant|key|exec(?:utive)?)\s+)*"
    r"(?:leadership|stakeholders?|board|slt|execs?|management|steering|working\s+group|"
    r"business|(?:senior|wider|broader|extended|leadership)\s+team)\b"
)
_PLAIN_EXTRA = (
    # "leverage" as a verb; "financial leverage" and "leveraged buyout" are left alone
    (rf"(?=[lL])\bleverage(?=\s+{_OBJECT})", "use"),
    (rf"(?=[lL])\bleverages(?=\s+{_OBJECT})", "uses"),
    (rf"(?=[lL])\bleveraged(?=\s+{_OBJECT})", "used"),
    (r"(?=[lL])\bleveraging\b", "using"),
    # "socialise" a document, not a puppy; "action" as a verb ("please action any changes")
    *((rf"(?=[sS])\bsociali[sz]{end}(?={_DOCUMENT})", plain) for end, plain in _SOCIALISE),
    *(
        (rf"(?=[aA]){_ACTION_BEFORE}action{end}(?={_ACTION_OBJECT})", plain)
        for end, plain in _ACTION
    ),
    # "bandwidth" for people's time, not for networks
    (
        gate(
            "iwythsentfp",
            r"\b(?:i|we|you|they|he|she|team|everyone|nobody|anyone|folks|people|staff)"
            r"(?:\s+(?:don['’]t\s+|do\s+not\s+|didn['’]t\s+|just\s+|doesn['’]t\s+)?"
            r"(?:have|has|had|lack|lacks)|['’]ve\s+got)\s+(?:the\s+|enough\s+|any\s+|much\s+|more\s+|"
            r"no\s+)?bandwidth(?=\s+(?:for|this|right\s+now|at\s+the\s+moment|today|left|"
            r"either)\b|\s*[.,;:!?)]|\s*$)",
        ),
        "time",
    ),
    # "socialised with the wider leadership group": shared with, not partied with
    *((rf"(?=[sS])\bsociali[sz]{end}(?={_GROUP})", plain) for end, plain in _SOCIALISE),
    # a person's capacity: "mental bandwidth", "bandwidth to take on a new initiative"
    (r"(?=[mMeEpP])\b(?:mental|emotional|personal)\s+bandwidth\b", "energy"),
    (
        r"(?=[bB])\bbandwidth\s+(?:for|to\s+(?:take\s+on|join|lead|run|chair|organi[sz]e|handle))"
        r"\s+(?:another|a|an|any|more|one\s+more|new|extra)\s+(?:new\s+|extra\s+)?"
        r"(?:committees?|projects?|meetings?|roles?|tasks?|commitments?|initiatives?|"
        r"workstreams?|working\s+groups?|boards?|panels?|events?|clients?|volunteers?)\b",
        "time",
    ),
)

RULE = Rule(
    name="stiff-jargon",
    pillar=Pillar.CONNECTING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags corporate buzzwords where a plain word would sound more like a person; "
        "their plain senses (synergy between drugs, a deep dive to 30 metres) and quoted "
        "words pass."
    ),
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
        extra_needs=_EXTRA_NEEDS,
        unless=_PLAIN_SENSES,
        unless_in_post=_PLAIN_IN_POST,
        quoted_ok=True,
    ),
    takes_terms=True,
    flags=(
        Example(
            "The proposal was ⟦socialised⟧ with the wider leadership group on Monday.",
            platform="linkedin",
            note="“Socialised with” a group of managers means shown to them.",
        ),
        Example(
            "Sorry, there's no ⟦bandwidth for another committee⟧ in our team this year.",
            platform="linkedin",
            note="Bandwidth for a person's time, whatever the sentence's subject.",
        ),
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
        Example(
            "Please review the attached and ⟦action⟧ any changes by Thursday.",
            platform="linkedin",
            note="“Action” as a verb, in any sentence.",
        ),
    ),
    passes=(
        Example(
            "Rounders at the park tonight! Remember: touch base with your bat, not your hand.",
            platform="facebook",
            note="In a post about rounders, “touch base” is a base.",
        ),
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
        Example(
            "Our study found real synergy between the two antibiotics at a quarter of the dose.",
            platform="bluesky",
            note="Synergy between drugs is the plain, scientific sense.",
        ),
        Example(
            "First deep dive of the trip today, 30 metres off Gozo, and a moray eel said hello.",
            platform="instagram",
            note="A dive that is deep.",
        ),
        Example(
            "The low-hanging fruit on the plum tree has gone to the wasps: out comes the ladder.",
            platform="facebook",
            note="Fruit, hanging low, on a tree.",
        ),
    ),
)
