"""The ``unverified-claim`` rule: rumours passed on unchecked (hearsay, unsourced news).
Seed articles: 000.

Its declaration (``RULE``), matcher and examples; its page is rules/unverified-claim/ and
its tests are in tests/rules/test_unverified_claim.py and tests/test_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules.base import (
    Custom,
    Example,
    Hit,
    Rule,
    regex_hits,
)
from checker.rules.text import (
    FIRST_PERSON,
    clause_start,
    word_before,
    word_key,
)

_DELETE_LINE = re.compile(
    r"\bbefore\s+they\s+(?:delete|remove|ban|censor|scrub|pull)\s+(?:it|this)\b"
    r"|\bbefore\s+they\s+take\s+(?:it|this)\s+down\b"
    r"|\bshare\s+(?:this\s+|it\s+)?before\s+(?:it|this)(?:['’]s|\s+is|\s+gets)\s+"
    r"(?:deleted|removed|banned|censored|taken\s+down)\b",
    re.IGNORECASE,
)
_HIDDEN_TRUTH = re.compile(
    r"(?<!social )\b(?:mainstream\s+|news\s+)?media\s+(?:won['’]t|will\s+not|doesn['’]t|"
    r"does\s+not|don['’]t|do\s+not|isn['’]t|is\s+not|aren['’]t|are\s+not|refuses?\s+to|"
    r"never)\s+(?:want\s+you\s+to\s+)?(?:tell|telling|show|showing|report|reporting|cover|"
    r"covering|talk\s+about|know)\b"
    r"|\bthey\s+(?:don['’]t|do\s+not)\s+want\s+you\s+to\s+(?:know|see|hear)\b"
    r"|\bwake\s+up,?\s+(?:people|sheeple)\b",
    re.IGNORECASE,
)
_CHAIN_HOAX = re.compile(
    r"\b(?:do\s+not|don['’]t)\s+give\s+(?:facebook|meta|instagram|fb|whatsapp)\b"
    r"[^.\n]{0,80}?\bpermission\b"
    r"|\bthis\s+is\s+not\s+a\s+hoax\b",
    re.IGNORECASE,
)
# "BREAKING" and "JUST IN" in capitals, or "Breaking news:" / "Just in:" with a colon.
_NEWS_FLASH = re.compile(
    r"\b(?:BREAKING(?:\s+NEWS)?|JUST\s+IN)\b|\b(?i:breaking\s+news|breaking|just\s+in)(?=\s*[:—–|])"
)
_RIP = re.compile(
    r"(?:\bRIP\b|\bR\.I\.P\b\.?|\b(?i:rest\s+in\s+(?:peace|power)))[,:]?\s+"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
)
_DIED = re.compile(
    r"\b(?:has|have)\s+(?:sadly\s+|just\s+)?(?:died|passed\s+away|passed\s+on)\b"
    r"|\bpassed\s+away\b"
    r"|\b(?:dies|died|dead)\s+(?:at|aged)\s+(?:the\s+age\s+of\s+)?\d{1,3}\b",
    re.IGNORECASE,
)
# "RIP Grandma": family and friends are the writer's own loss, not news.
_KIN = frozenset(
    {
        *("grandma", "grandpa", "granny", "gran", "nan", "nana", "mom", "mum", "dad", "mama"),
        *("papa", "uncle", "aunt", "auntie", "brother", "sister", "buddy", "friend", "lil"),
    }
)


def _unverified(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    prose = draft.prose
    yield from regex_hits(
        _DELETE_LINE,
        prose,
        "“{match}” is a classic rumour line: check the claim with a source you trust "
        "before you pass it on.",
    )
    yield from regex_hits(
        _HIDDEN_TRUTH,
        prose,
        "“{match}” is how rumours often present themselves: find a source you can "
        "link before you share.",
    )
    yield from regex_hits(
        _CHAIN_HOAX,
        prose,
        "This reads like a chain-letter hoax that has circulated for years: check it on a "
        "fact-checking site before you share it.",
    )

    # News of an event or a death, with no link and no sign that it is the writer's own.
    if draft.urls or draft.kind == "reply":
        return  # a reply's source is the post it answers
    if any(word_key(w.value) in FIRST_PERSON for w in draft.words):
        return  # "BREAKING: we hit 1,000 members", "my grandmother passed away"
    for m in _NEWS_FLASH.finditer(prose):
        if clause_start(prose, m.start()):
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” with no link: if this is news, link the source you checked; "
                "if there is none yet, it may be a rumour.",
            )
    for tag in draft.hashtags:
        if tag.value.lower() in {"breaking", "breakingnews"}:
            yield Hit(
                tag.start,
                tag.end,
                f"“#{tag.value}” with no link: link the source you checked, or wait until "
                "there is one.",
            )
    death = (
        "This reports a death without a source: link where you read it. Death hoaxes "
        "spread fast, and a wrong one hurts."
    )
    for m in _RIP.finditer(prose):
        if not any(word_key(p.strip(".,:")) in _KIN for p in m.group().split()):
            yield Hit(m.start(), m.end(), death)
    for m in _DIED.finditer(prose):
        if m.group()[0].isdigit() or m.group().lower().startswith(("dies", "died", "dead")):
            yield Hit(m.start(), m.end(), death)
            continue
        prev = word_before(prose, m.start())
        if prev and prev.group(1)[0].isupper() and word_key(prev.group(1)) not in _KIN:
            yield Hit(prev.start(1), m.end(), death)


RULE = Rule(
    name="unverified-claim",
    pillar=Pillar.SHARING,
    severity=Severity.WARNING,
    summary=(
        "Flags rumour patterns: “BREAKING” or a death reported with no link, “share before "
        "they delete this”, “the media won't tell you”, known chain-letter hoaxes."
    ),
    why=(
        "What you pass on carries your name, and false stories travel faster than their "
        "corrections. Fake celebrity deaths and “they don't want you to know” posts spread "
        "because each sharer trusted the last one. A source you have looked at yourself, "
        "linked where readers can check it, is the cheapest protection there is."
    ),
    fix=(
        "Find the claim at a source you trust and link it; if you cannot find one, wait "
        "before you share."
    ),
    guide="sharing/check-before-you-share.md",
    seeds=("000",),
    matcher=Custom(_unverified),
    kinds=frozenset({"post", "reply", "thread"}),
    flags=(
        Example(
            "⟦BREAKING⟧: The city is shutting down all public transport from Monday. Spread "
            "the word!",
            platform="facebook",
            note="News in capitals, and nowhere to check it.",
        ),
        Example(
            "⟦RIP Marcus Lane⟧ 💔 The voice of a generation. Gone too soon.",
            note="A death reported with no source: the shape of a death hoax.",
        ),
        Example(
            "Share this ⟦before they delete it⟧! The truth about the water supply is finally out.",
            platform="facebook",
            note="A line rumours use to hurry people past checking.",
        ),
        Example(
            "What the ⟦mainstream media won't tell⟧ you about the new school timetable 👇",
            platform="threads",
            note="“The media won't tell you” invites trust in place of evidence.",
        ),
        Example(
            "I ⟦do not give Facebook or any entities associated with Facebook permission⟧ to "
            "use my pictures, information or posts.",
            platform="facebook",
            note="A chain-letter hoax that has done the rounds for years.",
        ),
        Example(
            "Actor Sam ⟦Rivera has died⟧ at 78, a family member told reporters.",
            platform="bluesky",
            note="A death reported with no link.",
        ),
    ),
    passes=(
        Example(
            "RIP Marcus Lane, a voice I grew up with. His obituary says it all: "
            "https://example.com/obituary",
            note="A death reported with its source.",
        ),
        Example(
            "My grandmother passed away on Sunday. She taught me to bake bread and to never "
            "hurry a good story.",
            platform="facebook",
            note="Personal news is not a rumour.",
        ),
        Example(
            "BREAKING: our little bakery just won Best Sourdough in the county! 🥖",
            platform="instagram",
            note="“Breaking” news that is your own.",
        ),
        Example(
            "Breaking news from the council: the bus lane plan is approved. Details: "
            "https://example.gov/bus-lanes",
            note="News with a link to check it.",
        ),
        Example(
            "Social media won't tell you how many drafts this post took.",
            platform="linkedin",
            note="“Social media won't tell you” is not about hidden news.",
        ),
        Example(
            "Please stop breaking the build on Fridays.",
            platform="mastodon",
            note="“breaking” as an ordinary verb.",
        ),
        Example(
            "The office printer has died again. Third time this month.",
            platform="mastodon",
            note="A machine, not a person.",
        ),
    ),
)
