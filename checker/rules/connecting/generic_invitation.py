"""The ``generic-invitation`` rule: a connection note with no personal context.
Seed articles: 003.

Its declaration (``RULE``), matcher and examples; its page is rules/generic-invitation/ and
its tests are in tests/rules/test_generic_invitation.py and tests/test_rules.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules.base import (
    Custom,
    Example,
    Hit,
    Rule,
)
from checker.rules.text import (
    gate,
)

# generic-invitation

# The default notes networks offer, and their close cousins.
_TEMPLATE = gate(
    "iplegi",
    r"\b(?:i['’]?d|i\s+would|i\s+want\s+to|i['’]d\s+love\s+to)\s+(?:like\s+to\s+)?"
    r"(?:add\s+you\s+to\s+my\s+(?:professional\s+)?network|join\s+your\s+"
    r"(?:linkedin\s+|professional\s+)?network|connect(?:\s+with\s+you)?(?:\s+on\s+linkedin)?)"
    r"|\bplease\s+accept\s+my\s+(?:invitation|request|connection)"
    r"|\blet['’]?s\s+connect\b"
    r"|\b(?:expand|grow|growing|expanding)\s+my\s+(?:professional\s+)?network\b"
    r"|\bi\s+came\s+across\s+your\s+profile\b",
)

_OF_THEIRS = (
    r"(?:talk|post|article|piece|write-?up|book|paper|thread|newsletter|podcast|episode|"
    r"video|keynote|session|panel|presentation|workshop|research|project|work|comment|answer|"
    r"question|reply|review|blog|essay|study|report|thesis|lecture|demo|library|slides|code|"
    r"repo|package|photo|picture|art|artwork|illustration|design|music|album|recipe|story|"
    r"promotion|role|launch|contribution|point|take|thoughts|advice|tip|insight|feedback|idea|"
    r"pull\s+request|talk|course|class|book|team's\s+work)"
)
# Signs of personal context: where you met, what you discussed, who you share,
# what of theirs you read. Generous on purpose: a note with any of them passes.
_CONTEXT = (
    r"\b(?:we|i)\s+(?:(?:just|briefly|both|recently|finally)\s+)?(?:met|spoke|talked|chatted|"
    r"worked|studied|sat|volunteered|played|served|collaborated|overlapped|swapped|exchanged|"
    r"crossed\s+paths|ran\s+into|bumped\s+into)\b"
    r"|\b(?:met|meeting|meet|seeing|see)\s+you\s+(?:at|in|on|during|last|yesterday|today|this|"
    r"after|earlier)\b"
    r"|\b(?:nice|great|good|lovely|a\s+pleasure|fun|glad|wonderful)\s+(?:to\s+)?(?:meet|meeting|"
    r"see|seeing|chat|chatting|talk|talking|speak|speaking)\b"
    r"|\b(?:our|the)\s+(?:chat|conversation|call|talk|discussion|exchange|meeting|coffee|lunch|"
    r"dinner|walk|intro|introduction)\b"
    # someone suggested it, but not "LinkedIn suggested you" (the network's own prompt)
    r"|(?<!linkedin\s)(?<!algorithm\s)\b(?:discussed|mentioned|suggested|recommended|"
    r"introduced|referred|pointed\s+me|told\s+me\s+about)\b"
    # mutual connections count when the note says which: "through the Leeds group"
    r"|\b(?:mutual|shared)\s+(?:friends?|connections?|contacts?|colleagues?|acquaintances?|"
    r"interests?)\s+(?:through|via|from|at|in|like|including|such\s+as|with)\b"
    r"|\b(?:colleague|classmate|teammate|alumn(?:us|a|i|ae)|alum|cohort)s?\b"
    # "fellow" is context when it says where or what: "fellow speaker at DevDays",
    # "fellow member of the Leeds group"; "fellow marketer here" is a job, not a meeting
    r"|\bfellow\s+(?:alum\w*|students?|speakers?|attendees?|volunteers?|members?|"
    r"panel+ists?|classmates?|parents?|runners?|mentors?|mentees?|organi[sz]ers?)\b"
    r"|\bfellow\s+[\w'’-]+\s+(?:at|from|of|on|with)\s+(?!(?:the\s+)?(?:field|industry|sector|"
    r"profession|trade|same)\b)"
    r"|\bformer(?:ly)?\b"
    r"|\bboth\s+(?:worked|studied|attended|volunteered|spoke|went|sat|met|were\s+(?:at|on))\b"
    # "it's Kerry from the night shift", "we did the forklift course together"
    r"|\b(?:it['’]?s|this\s+is)\s+(?-i:[A-Z])[a-z]+\s+from\b"
    r"|\bwe\s+did\s+[^.!?\n]{0,40}?\btogether\b"
    r"|\bsame\s+(?:team|class|school|university|company|cohort|program(?:me)?|course|group|club|"
    r"conference|event|panel|meetup|building|floor|project)\b"
    rf"|\byour\s+(?:[\w'’-]+\s+){{0,2}}?{_OF_THEIRS}s?\b"
    r"|\b(?:conference|summit|meetup|meet-up|workshop|webinar|keynote|panel|hackathon|booth|"
    r"seminar|bootcamp|lecture|podcast|newsletter|article|presentation)s?\b"
    r"|\b(?:yesterday|last\s+(?:week|night|month|year|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|this\s+morning|earlier\s+today|tonight)\b"
    r"|\bthank(?:s|\s+you)\s+(?:so\s+much\s+|again\s+)?for\s+(?!(?:your\s+)?(?:time|"
    r"consideration|considering|accepting|connecting|reading|the\s+connection)\b)"
    r"|\b(?:read|enjoyed|loved|liked|appreciated|admired|watched|heard|saw|listened\s+to|"
    r"learned\s+(?:a\s+lot\s+)?from|following)\s+(?:your\b(?!\s+profile\b)|you\s+(?:speak|talk|"
    r"present|on|at))"
)


@functools.cache
def _invitation_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``_CONTEXT`` and ``_TEMPLATE`` compiled, on the first invitation checked.

    Not at import: they cost ~4 ms to compile (far more in Pyodide), and only
    invitations use them, while the checker page's first check is a post.
    """
    return re.compile(_CONTEXT, re.IGNORECASE), re.compile(_TEMPLATE, re.IGNORECASE)


# An invitation is judged only when it is in English: the context words above
# are English, and a French or Japanese note must not be called generic for that.
_ENGLISH = frozenset(
    [
        "i",
        "you",
        "your",
        "to",
        "the",
        "and",
        "we",
        "my",
        "with",
        "for",
        "it",
        "is",
        "be",
        "would",
        "like",
        "love",
        "hi",
        "hello",
        "hey",
        "connect",
        "network",
        "thanks",
        "thank",
        "dear",
    ]
)


def _find_generic_invitation(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    text = draft.prose
    words = [w.value.lower() for w in draft.words]
    if not text.strip() or not any(w in _ENGLISH for w in words):
        return
    context, template_pattern = _invitation_patterns()
    if context.search(text):
        return
    template = template_pattern.search(text)
    if template:
        yield Hit(
            template.start(),
            template.end(),
            f"“{template.group()}” is the stock note, and this one says nothing else about "
            "them: add where you met, what you discussed or what of theirs you read.",
        )
        return
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    yield Hit(
        start,
        end,
        "This note doesn't say how you know them or why you're reaching out: add where you "
        "met, what you talked about, who introduced you or what of theirs you read.",
    )


RULE = Rule(
    name="generic-invitation",
    pillar=Pillar.CONNECTING,
    severity=Severity.WARNING,
    summary="Flags connection notes that are the stock template or carry no personal context.",
    why=(
        "A stock invitation makes the reader work out who you are, and many decline notes "
        "they cannot place. A line about where you met or what you discussed takes a minute "
        "to write, helps the other person say yes, and carries on the conversation you "
        "already started."
    ),
    fix=(
        "Say where you met or what you talked about, who introduced you, or which piece of "
        "their work you read, in a sentence or two of your own."
    ),
    guide="connecting/personalise-invitations.md",
    seeds=("003",),
    matcher=Custom(_find_generic_invitation),
    kinds=frozenset({"invitation"}),
    flags=(
        Example(
            "⟦Hi Tom, fellow accountant here! Always good to know more people in the field.⟧",
            platform="linkedin",
            kind="invitation",
            note="A job in common is not a meeting: say what connects you to this person.",
        ),
        Example(
            "⟦I'd like to add you to my professional network⟧ on LinkedIn.",
            platform="linkedin",
            kind="invitation",
            note="The default note, word for word.",
        ),
        Example(
            "Hi Maria, ⟦I'd like to join your LinkedIn network⟧.",
            platform="linkedin",
            kind="invitation",
        ),
        Example(
            "Hello! I'm a growth consultant helping SaaS founders scale revenue. ⟦Let's connect⟧.",
            platform="linkedin",
            kind="invitation",
            note="A pitch about yourself is not context about them.",
        ),
        Example("⟦Hi Tom⟧", platform="linkedin", kind="invitation"),
        Example(
            "⟦I came across your profile⟧ and would love to be in touch.",
            platform="linkedin",
            kind="invitation",
        ),
        Example(
            "⟦Please accept my invitation⟧ to join my network.",
            platform="linkedin",
            kind="invitation",
        ),
        Example(
            "I see we have several mutual connections. ⟦Let's connect⟧!",
            platform="linkedin",
            kind="invitation",
            note="“Mutual connections” without saying which is the network's own prompt.",
        ),
    ),
    passes=(
        Example(
            "Hi Rosa, fellow volunteer at the Hove food bank. Good to put a name to the "
            "face from Saturday's shift.",
            platform="linkedin",
            kind="invitation",
            note="“Fellow” with where: shared context.",
        ),
        Example(
            "Hi Maria, great meeting you at the Lisbon product meetup on Thursday. I'd love to "
            "keep swapping notes on onboarding research.",
            platform="linkedin",
            kind="invitation",
        ),
        Example(
            "Hi Tom, your write-up on migrating to Postgres 16 saved my team a weekend. I'd like "
            "to connect and follow your next experiments.",
            platform="linkedin",
            kind="invitation",
            note="The stock phrase is fine once the note says something about them.",
        ),
        Example(
            "Hi Ana, Priya suggested I reach out about the accessibility audit your team ran. "
            "Would you be open to a short call?",
            platform="linkedin",
            kind="invitation",
        ),
        Example(
            "Bonjour Claire, ravi d'avoir échangé avec vous au salon VivaTech mardi.",
            platform="linkedin",
            kind="invitation",
            note="Not in English: the checker does not judge it.",
        ),
        Example(
            "I'd like to add you to my professional network on LinkedIn.",
            platform="linkedin",
            kind="post",
            note="Only connection notes (kind “invitation”) are checked.",
        ),
        Example(
            "Hi Leo, we were on the same panel at DevConf last spring. Would be good to stay "
            "in touch.",
            platform="linkedin",
            kind="invitation",
            note="Where you met is all the context a note needs.",
        ),
        Example(
            "Hi Bea, we have mutual connections through the Bristol Mums in Tech group, and I "
            "loved your post on returning after leave.",
            platform="linkedin",
            kind="invitation",
            note="Mutual connections, named.",
        ),
    ),
)
