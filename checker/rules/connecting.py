"""Rules of the connecting pillar: relationships over numbers, people over systems.

Seeds 000, 003 and 004: personalise invitations, follow with judgement rather
than chasing counts, and talk like a person ("witty, rather than stoic and
stiff"), not like a loudspeaker or a press release.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules._text import PlainWords, clause_start, gate
from checker.rules.base import Custom, Example, Hit, Rule

# ---------------------------------------------------------------------------
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
    r"|\b(?:discussed|mentioned|suggested|recommended|introduced|referred|pointed\s+me|"
    r"told\s+me\s+about)\b"
    r"|\b(?:mutual|shared)\s+(?:friends?|connections?|contacts?|colleagues?|acquaintances?|"
    r"interests?)\b"
    r"|\b(?:colleague|classmate|teammate|alumn(?:us|a|i|ae)|alum|cohort|fellow)s?\b"
    r"|\bformer(?:ly)?\b|\bboth\b"
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


GENERIC_INVITATION = Rule(
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
            "I'd like to add you to my professional network on LinkedIn.",
            platform="linkedin",
            kind="invitation",
            note="The default note, word for word.",
        ),
        Example(
            "Hi Maria, I'd like to join your LinkedIn network.",
            platform="linkedin",
            kind="invitation",
        ),
        Example(
            "Hello! I'm a growth consultant helping SaaS founders scale revenue. Let's connect.",
            platform="linkedin",
            kind="invitation",
            note="A pitch about yourself is not context about them.",
        ),
        Example("Hi Tom", platform="linkedin", kind="invitation"),
        Example(
            "I came across your profile and would love to be in touch.",
            platform="linkedin",
            kind="invitation",
        ),
    ),
    passes=(
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
    ),
)

# ---------------------------------------------------------------------------
# follower-chasing

_N = r"\d[\d,.]*\s*[kKmM]?\+?"
_CHASE = re.compile(
    gate(
        "flsiwhrpjcgd0123456789",
        r"\b(?:follow\s*(?:4|for|2)\s*follow(?:\s*back)?|follow4follow|followforfollow|like4like|"
        r"likeforlike|sub4sub|f4f|l4l)\b"
        r"|\b(?:(?:i|we)(?:['’]ll|\s+will)?|will)\s+(?:always\s+)?follow\s+(?:you\s+|u\s+)?back\b"
        r"|\b100\s*%\s+follow\s*back\b"
        r"|\bfollow\s+train\b"
        r"|\bhelp\s+(?:me|us)\s+(?:reach|hit|get\s+to|get|cross|pass|break|grow\s+to)\s+"
        r"[^.!?\n]{0,25}?\bfollowers\b"
        rf"|\b(?:road|race|push|journey|countdown)\s+to\s+{_N}\s+followers\b"
        rf"|\b{_N}\s+more\s+followers\s+(?:to|until|till|and|before|away|needed)\b"
        rf"|\b{_N}\s+followers\s+(?:away|to\s+go)\b"
        r"|\b(?:free|instant)\s+followers\b"
        r"|\b(?:gain|get)\s+(?:more\s+)?followers\s+(?:fast|quickly|now|today|instantly)\b"
        r"|\bdrop\s+(?:your|ur)\s+(?:handles?|@s?|usernames?)\s+(?:and|&)\s+(?:i|we)"
        r"(?:['’]ll|\s+will)?\s+follow\b",
    ),
    re.IGNORECASE,
)
# Said as an imperative: "Follow for more!", "Pls follow me back".
_CHASE_IMPERATIVE = re.compile(
    gate(
        "f",
        r"\bfollow\s+(?:me\s+|us\s+)?(?:back|for\s+more)\b",
    ),
    re.IGNORECASE,
)
_BRAG = re.compile(
    gate(
        "wi",
        rf"\bwith\s+(?:my|our)\s+({_N})\s+followers\b"
        rf"|\b(?:i|we)\s+have\s+(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?({_N})\s+followers\b",
    ),
    re.IGNORECASE,
)
_CHASE_TAGS = frozenset(
    [
        "followback",
        "teamfollowback",
        "ifollowback",
        "followforfollow",
        "follow4follow",
        "f4f",
        "followforfollowback",
        "follow4followback",
        "followtrain",
        "l4l",
        "like4like",
        "likeforlike",
        "likeforlikes",
        "like4likes",
        "sub4sub",
        "followme",
        "followmeback",
        "follownow",
        "instafollow",
        "autofollow",
        "teamautofollow",
        "followall",
        "gainfollowers",
        "tfb",
    ]
)


def _big(number: str) -> bool:
    """A follower count worth bragging about: 1,000 or more, or with a K or M."""
    n = number.strip().rstrip("+").strip()
    if n[-1:].lower() in ("k", "m"):
        return True
    digits = re.sub(r"[,.\s]", "", n)
    return digits.isdigit() and int(digits) >= 1000


def _find_follower_chasing(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    text = draft.prose
    for m in _CHASE.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "#@":
            continue  # a hashtag is judged whole, below
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}” chases a follower count rather than people: say what you post "
            "and let people follow for that.",
        )
    for m in _CHASE_IMPERATIVE.finditer(text):
        before = text[: m.start()].rstrip()
        # "If a client follows you, follow back" is advice, not a plea: imperatives only
        # at the start of a sentence or line, not after a comma
        if clause_start(text, m.start()) and not before.endswith(","):
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” asks for follows rather than offering a reason: say what "
                "people will get from following you.",
            )
    for m in _BRAG.finditer(text):
        if _big(m.group(1) or m.group(2) or ""):
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” leads with a follower count: what you do with your readers "
                "says more than how many there are.",
            )
    for tag in draft.hashtags:
        if tag.value.lower() in _CHASE_TAGS:
            yield Hit(
                tag.start,
                tag.end,
                f"“#{tag.value}” is a follow-for-follow tag: it gathers numbers, not readers.",
            )


FOLLOWER_CHASING = Rule(
    name="follower-chasing",
    pillar=Pillar.CONNECTING,
    severity=Severity.WARNING,
    summary="Flags follow-for-follow offers, follower-count races and follower-count brags.",
    why=(
        "A network is worth what you do with it, not how big it is. Follow-for-follow deals "
        "and races to a round number fill your feed with people who never read you (and "
        "spammers who do), and a count used as a credential tells readers nothing about why "
        "they should listen."
    ),
    fix=(
        "Say what you post about and who it is for, follow people whose work you read, and "
        "thank the readers you have by answering them."
    ),
    guide="connecting/relationships-over-numbers.md",
    seeds=("003", "004"),
    matcher=Custom(_find_follower_chasing),
    flags=(
        Example("New here! I follow back 100%, let's grow together #TeamFollowBack"),
        Example(
            "Only 37 more followers to 1,000! Help me get there, follow for more tips 🙏",
            platform="threads",
        ),
        Example("F4F anyone? Drop your handle and I'll follow", platform="instagram"),
        Example(
            "Help me reach 10K followers by Friday and I'll post the full deck.",
            platform="linkedin",
        ),
        Example(
            "As a creator with my 80K followers, I can tell you: hooks matter.",
            platform="linkedin",
        ),
    ),
    passes=(
        Example(
            "We just passed 1,000 followers. Thank you, and thanks for all the questions: "
            "keep them coming.",
            note="Thanking readers at a milestone is fine; chasing the next one is not.",
        ),
        Example(
            "If a client follows you, follow them back: it's good manners.",
            platform="linkedin",
        ),
        Example(
            "I don't always follow back, and that's fine: I follow people whose posts I read.",
            platform="mastodon",
        ),
        Example(
            "Our like-for-like sales grew 4% this quarter, led by the new stores.",
            platform="linkedin",
        ),
        Example(
            "I write about accessible design every Tuesday. If that's your thing, I'd love "
            "to hear what you're working on.",
            platform="bluesky",
        ),
    ),
)

# ---------------------------------------------------------------------------
# shouting

# Short words that are English, not acronyms, so "THIS IS HUGE" counts three.
_SHORT_WORDS = frozenset(
    "is it we me my do go no so to up of on or in at be by an am he she his her all and are "
    "you the now not buy get our out new big wow hot why how who off can for was has had its "
    "yes one two day top let see did too any may way say use own try ask end got run win omg "
    "lol wtf".upper().split()
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


def _find_shouting(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    text = draft.prose
    run_start = run_end = -1
    loud = 0

    def verdict() -> Iterator[Hit]:
        if loud >= 3:
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

    for m in _PILE.finditer(text):
        marks = sum(2 if c in "‼⁉" else 0 if c == "\ufe0f" else 1 for c in m.group())
        if marks >= 3 and any(c in "!！‼⁉❗❕" for c in m.group()):
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” piles up marks, which reads as shouting: one is plenty.",
            )


SHOUTING = Rule(
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
        Example("THIS IS THE BEST CONFERENCE EVER. See you next year!", platform="linkedin"),
        Example("Doors open at 7 tonight!!! Bring a friend.", platform="facebook"),
        Example("We did it?!?! Still can't believe the vote went our way.", platform="threads"),
        Example("Huge thanks to everyone who came. YOU ARE ALL AMAZING.", platform="instagram"),
    ),
    passes=(
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
    ),
)

# ---------------------------------------------------------------------------
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

STIFF_JARGON = Rule(
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
    matcher=PlainWords(
        _PLAIN,
        message="“{match}” is office-speak: “{plain}” says the same more warmly.",
        generic="“{match}” is on your team's list of stiff words: try a plainer one.",
        extra=_PLAIN_EXTRA,
    ),
    takes_terms=True,
    flags=(
        Example(
            "Excited to leverage our synergies with the design team this quarter.",
            platform="linkedin",
        ),
        Example(
            "Let's touch base next week and circle back on the low-hanging fruit.",
            platform="linkedin",
        ),
        Example("Key learnings from our deep dive into churn: a thread.", platform="x"),
        Example(
            "Honestly we don't have the bandwidth for a launch before March.",
            platform="mastodon",
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
    ),
)

RULES: tuple[Rule, ...] = (GENERIC_INVITATION, FOLLOWER_CHASING, SHOUTING, STIFF_JARGON)
