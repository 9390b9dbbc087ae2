"""The ``uncredited-share`` rule: someone else's words or work passed on without saying whose.
Seed articles: 000, 001.

Its declaration (``RULE``), matcher and examples; its page is rules/uncredited-share/ and
its tests are in tests/rules/test_uncredited_share.py and tests/test_rules.py.
"""

from __future__ import annotations

import bisect
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
from checker.rules.literals import Alternatives
from checker.rules.text import (
    FIRST_PERSON,
    has_any,
    sentence_start,
    word_key,
)

# "RT: their words" or "RT Their words" (no @, so no credit). "RT if you agree"
# is engagement bait, not a reshare: a lower-case word after "RT" passes.
_RT_NO_HANDLE = re.compile(r"\s*((?:RT|MT)(?::|(?=\s+[A-Z\"“‘])))")
# "Repost if you agree" / "Repost and share" ask for a repost: engagement bait, not a credit issue.
_REPOST_OPEN = re.compile(
    r"\s*(re-?post(?:ing|ed)?)\b(?!\s+(?:this\s+|it\s+)?(?:if|and|or|to)\b)", re.IGNORECASE
)
# "Found this on Facebook", "saw this online", "came across this quote": words that
# admit the content is borrowed. "Found this bug" and "saw this on my walk" are one's own.
_WHERE_ONLINE = (
    r"(?:online|on\s+(?:the\s+)?(?:internet|web|facebook|fb|twitter|x|instagram|insta|ig|"
    r"reddit|tiktok|pinterest|tumblr|linkedin|threads|whatsapp|youtube|my\s+(?:feed|timeline)))"
)
_FOUND_THIS = re.compile(
    r"\b(?:found|saw|spotted|stumbled\s+(?:up)?on|stumbled\s+across|came\s+across)\s+this"
    rf"(?:\s+(?:gem|quote|meme)\b|\s+{_WHERE_ONLINE}\b)",
    re.IGNORECASE,
)
# A credit that names nobody: "credit to the owner", "creds to whoever made it",
# "image from Google", "copied from a friend's wall", "not mine".
_ANONYMOUS = Alternatives(
    # (?=[…]): the first letters of the branches, a cheap test at each position
    r"(?=[ACIPVMTSBNDWYLGRacipvmtsbndwylgr])\b(?:(?:all\s+)?(?:credits?|creds)\s+(?:goes\s+|go\s+)?to\s+(?:the\s+)?(?:owner|"
    r"(?:original\s+)?(?:owner|poster|author|creator|artist|maker|photographer|designer)s?|"
    r"whoever\s+(?:made|wrote|drew|took|created|did|shot|painted|designed)(?:\s+(?:this|it))?)"
    r"|(?:image|photo|pic|picture|video|map|meme|clip)s?\s+(?:from|via|off)\s+(?:google|"
    r"pinterest|(?:the\s+)?internet|online|the\s+web|reddit|facebook|fb|instagram|insta|"
    r"twitter|tiktok|whatsapp)\b"
    r"|(?:copied|taken|stolen|borrowed|nicked)\s+from\s+(?:a|my|someone['’]s|a\s+friend['’]s|"
    r"my\s+friend['’]s)\s+(?:\w+['’]s\s+)?(?:wall|page|feed|post|story|status|timeline)"
    # a place nobody can find: "copied from another group", "taken from a local forum"
    r"|(?:copied|taken|stolen|borrowed|nicked|pinched)\s+from\s+(?:another|an?|some|one\s+of\s+"
    r"(?:my|the))\s+(?:other\s+)?(?:[\w'’-]+\s+)?(?:group|page|forum|chat|site|account|thread|"
    r"board)s?\b"
    r"|(?:not|isn['’]t|is\s+not|wasn['’]t|ain['’]t|aren['’]t)\s+mine\b(?!\s+to\b)"
    # taken from somewhere unnamed: "stole this from the other app", "from somewhere"
    r"|(?:stole|nicked|pinched|yoinked|swiped|lifted|grabbed|robbed)\s+(?:this|it)\s+(?:off|from)\s+"
    r"(?:the\s+other\s+(?:place|site|app)|somewhere|elsewhere|(?:the\s+)?internet|online|"
    r"reddit|tiktok|twitter|facebook|instagram|insta|pinterest|tumblr|a\s+group|another\s+\w+)"
    # passed round where nobody is named: "someone shared it in the WhatsApp group"
    r"|(?:someone|somebody)\s+(?:posted|sent|shared|forwarded)\s+(?:it|this)\s+(?:in|on|to)\s+"
    r"(?:the\s+|our\s+|my\s+|a\s+)?[^.!?\n]{0,30}?\b(?:group(?:\s*chat)?|chat|whatsapp)\b"
    r"|(?:was|is)\s+going\s+(?:round|around)\s+(?:on\s+|in\s+)?(?:the\s+|our\s+|my\s+)?"
    r"[^.!?\n]{0,30}?\b(?:group|chat|whatsapp|facebook|internet)\b"
    r"|(?:source|author|artist|credit|photo|pic|image|video)s?\s*:\s*(?:unknown|n/?a|"
    r"(?:the\s+)?internet|google|pinterest)\b"
    r"|(?:author|source|artist|photographer)\s+unknown"
    r"|not\s+my\s+(?:words|photo|pic|picture|image|video|art|artwork|content|meme)"
    r"|no\s+copyright\s+intended"
    r"|(?:don['’]?t|do\s+not)\s+know\s+who\s+(?:wrote|made|said|created)\s+(?:this|it))",
    re.IGNORECASE,
)
# A credit that names someone or links somewhere.
_CREDIT_WORD = re.compile(
    r"(?<![^\W_])(?:via|h/t|ht|hat[\s-]tip|courtesy\s+of|credits?\s*:|source\s*:|"
    r"photo\s*:|📷|📸)(?![^\W_])",
    re.IGNORECASE,
)
_PLATFORM_NAMES = (
    r"(?!(?:Facebook|Twitter|Instagram|LinkedIn|Reddit|TikTok|Pinterest|Tumblr|Google|"
    r"YouTube|WhatsApp|X|Threads|Internet|the|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|June|July|August|September|October|"
    r"November|December|Christmas|Easter)\b)"  # "by Friday" is a deadline, not a credit
)
_CREDIT_NAMED = re.compile(
    rf"\b(?i:by|from|thanks\s+to)\s+(?:@|{_PLATFORM_NAMES}[A-Z])"
    r"|(?:^|\s)(?:—|–|~|-{1,2})\s*(?:@|[A-Z])",
    re.MULTILINE,
)
# Softer signs that the writer says whose the quoted words are.
_SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|wrote|writes|told|tells|asked|asks|shared|posted|put\s+it|"
    r"explain(?:s|ed|ing)|announc(?:es|ed|ing)|repl(?:ies|ied)|shout(?:s|ed)|yell(?:s|ed)|"
    r"whisper(?:s|ed)|declar(?:es|ed)|insist(?:s|ed)|"
    r"puts\s+it|overheard|according\s+to|quoting|quoted|in\s+the\s+words\s+of|reminded|"
    r"reminds|(?:as\s+)?you\s+(?:said|say|wrote|put\s+it)|saying|reads|open(?:s|ed)?\s+with|"
    r"start(?:s|ed)?\s+with|phrase|wording|template)\b"
    r"|\b(?:my|our|a|the|his|her|their)\s+(?:son|daughter|kid|child|children|mom|mum|mother|"
    r"dad|father|grandma|grandmother|gran|granny|grandpa|grandfather|grandad|granddad|nan|"
    r"nana|aunt|auntie|uncle|cousin|wife|husband|"
    r"partner|boss|manager|colleague|co-?worker|friend|teacher|mentor|coach|doctor|"
    r"neighbou?r|client|customer|student|intern|teammate|niece|nephew|grandson|granddaughter|"
    r"grandkid|grandchild|toddler|baby|brother|sister|sibling|stepson|stepdaughter|flatmate|"
    r"housemate|roommate|pupil|patient)s?\b"
    # a child named by age before the words: "Grandson (7):", "my niece, aged 9,"
    r"|\baged?\s+\d{1,2}\b|\(\d{1,2}\)|\b\d{1,2}[\s-]?(?:year|yr)s?[\s-]?old\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    {
        *("i", "i'm", "i've", "i'll", "i'd", "rt", "mt", "ok"),
        *("facebook", "twitter", "instagram", "linkedin", "reddit", "tiktok", "pinterest"),
        *("tumblr", "google", "youtube", "whatsapp", "x", "threads", "internet"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    }
)
_QUOTE = re.compile(r"“[^“”]+”|\"[^\"]+\"|„[^„“”]+[“”]|«[^«»]+»")
_QUOTE_MIN_WORDS = 8


def _explicit_credit(draft: Draft) -> bool:
    """A handle, a link, "via"/"h/t", "by Jane", "from @x" or "— Name"."""
    if draft.mentions or draft.urls:
        return True
    return bool(_CREDIT_WORD.search(draft.prose) or _CREDIT_NAMED.search(draft.prose))


def _names_someone(draft: Draft, outside: str) -> bool:
    """Outside the quotes: a speech verb, a person ("my son") or a capitalised name."""
    if _SPEECH_CUE.search(outside) or _CREDIT_NAMED.search(outside):
        return True
    for w in draft.words:
        v = w.value
        if outside[w.start] == " " or not v[0].isupper() or word_key(v) in _NOT_NAMES:
            continue
        if not sentence_start(outside, w.start):
            return True
    return False


def _first_clause(text: str, start: int) -> str:
    end = len(text)
    for stop in ".!?:\n":
        i = text.find(stop, start)
        if i != -1:
            end = min(end, i)
    return text[start:end]


def _uncredited(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    prose = draft.prose
    credited = _explicit_credit(draft)
    if not credited:
        rt = _RT_NO_HANDLE.match(draft.text)
        if rt:
            yield Hit(
                rt.start(1),
                rt.end(1),
                f"“{rt.group(1)}” marks someone else's words, but the post never says whose: "
                "add their @handle or a link to the original.",
            )
        repost = _REPOST_OPEN.match(draft.text)
        clause = _first_clause(prose, repost.end()) if repost else ""
        own = any(word_key(w) in FIRST_PERSON for w in re.findall(r"[\w'’]+", clause))
        if repost and not own:  # "Reposting my talk" shares one's own work
            yield Hit(
                repost.start(1),
                repost.end(1),
                "This reposts someone's work without naming them: add their @handle, "
                "“via @name” or a link to the original.",
            )
        for tag in draft.hashtags:
            if tag.value.lower() in {"repost", "regram"}:
                yield Hit(
                    tag.start,
                    tag.end,
                    f"“#{tag.value}” without the original creator's @handle: tag them so the "
                    "credit goes where it belongs.",
                )
        if has_any(("this",), draft.folded):  # every match of _FOUND_THIS says "this"
            yield from regex_hits(
                _FOUND_THIS,
                prose,
                "“{match}” says the words are someone else's but not whose: name the "
                "person or link the original (“via @name”).",
            )
    anonymous = None if draft.mentions else _ANONYMOUS.gated(draft.folded)
    if anonymous is not None:
        yield from regex_hits(
            anonymous,
            prose,
            "“{match}” is not a credit: find who made it and name them, or link the original.",
        )
    if credited:
        return
    quotes = list(_QUOTE.finditer(prose))
    if not quotes:
        return
    outside = list(prose)
    for m in quotes:
        outside[m.start() : m.end()] = " " * (m.end() - m.start())
    outside_text = "".join(outside)
    if _names_someone(draft, outside_text):
        return
    starts = [w.start for w in draft.words]
    for m in quotes:
        n = bisect.bisect_left(starts, m.end()) - bisect.bisect_left(starts, m.start())
        if n >= _QUOTE_MIN_WORDS:
            yield Hit(
                m.start(),
                m.end(),
                f"This quotes {n} words without saying whose they are: add the author "
                "(“— Name”, “via @name”) or a link to where you found them.",
            )


RULE = Rule(
    name="uncredited-share",
    pillar=Pillar.SHARING,
    severity=Severity.WARNING,
    summary=(
        "Flags quoted or reshared words that never say whose they are: a long quotation, "
        "“RT:” or “#repost” with no handle, “found this”, “credit to the owner”."
    ),
    why=(
        "Passing on someone's work is generous; passing it off without their name is not. "
        "A handle, a “via” or a link costs a few characters, lets readers go to the "
        "source, and tells the author their work travelled. Credit is also how you "
        "become someone others are glad to be shared by."
    ),
    fix=(
        "Name the source: their @handle, “via @name”, “h/t @name”, “— Author” after a "
        "quote, or a link to the original."
    ),
    guide="sharing/credit-your-sources.md",
    seeds=("000", "001"),
    matcher=Custom(_uncredited),
    kinds=frozenset({"post", "reply", "thread"}),
    flags=(
        Example(
            "⟦Copied from another group⟧: ten ways to keep a bored dog busy in the rain.",
            platform="facebook",
            note="Says the words are borrowed, from a place nobody can find.",
        ),
        Example(
            "Pic ⟦isn't mine⟧, but look at this rainbow over the pier 🌈",
            platform="instagram",
            note="Saying it is someone else's without saying whose is not a credit.",
        ),
        Example(
            "⟦stole this from the other app⟧, I can't stop laughing",
            platform="threads",
            note="Taken from somewhere unnamed: the maker gets nothing.",
        ),
        Example(
            "⟦RT:⟧ Nobody cares how busy you are. They care whether you kept your promise.",
            note="“RT” says these words are someone else's, but not whose.",
        ),
        Example(
            "⟦#repost⟧ Sunday mornings are for slow coffee and good books ☕📚",
            platform="instagram",
            note="“#repost” with no @handle of the original creator.",
        ),
        Example(
            "⟦“The best way to find out if you can trust somebody is to trust them.”⟧ "
            "Words to live by this week.",
            platform="linkedin",
            note="A long quotation with no author.",
        ),
        Example(
            "Stunning shot of the northern lights over the fjord tonight 😍 ⟦Credit to the owner⟧!",
            platform="facebook",
            note="“Credit to the owner” names nobody.",
        ),
        Example(
            "⟦Found this on Facebook⟧ and it made my day. Be kind to the new people at work: "
            "you were new once too.",
            platform="threads",
            note="“Found this” admits the words are borrowed, then drops the source.",
        ),
        Example(
            "Saw this on Pinterest and had to share 🌿 ⟦Photo: unknown⟧",
            platform="instagram",
            note="Naming the place you found it is not naming who made it.",
        ),
        Example(
            "This drawing of every dog breed as a loaf of bread is perfect. ⟦Credit to the "
            "artist⟧ 🍞",
            platform="threads",
            note="“The artist” names nobody: say who.",
        ),
    ),
    passes=(
        Example(
            'Our niece, aged 7, on her first snow day: "the sky is doing the thing from '
            'the films!"',
            platform="threads",
            note="The speaker is named before the quotation.",
        ),
        Example(
            'Too many invitations still say "I\'d like to add you to my professional network" '
            "and nothing more. Say why you are writing.",
            platform="linkedin",
            note="A stock phrase quoted to talk about it is nobody's work passed off.",
        ),
        Example(
            "“The best way to find out if you can trust somebody is to trust them.” "
            "— Ernest Hemingway. Words to live by this week.",
            platform="linkedin",
            note="The same quotation with its author.",
        ),
        Example(
            "#repost @aurora.chasers Stunning shot of the northern lights over the fjord "
            "last night",
            platform="instagram",
            note="“#repost” with the creator's handle.",
        ),
        Example(
            "RT @jane_doe: Nobody cares how busy you are. They care whether you kept your promise.",
            note="A retweet that names its author.",
        ),
        Example(
            "My daughter, age 7, on why she likes Mondays: “because school has more friends "
            "in it than our house does, and lunch is better.”",
            platform="facebook",
            note="The quote says whose words these are.",
        ),
        Example(
            "We are calling it “the year of doing fewer things, better”.",
            platform="linkedin",
            note="A short phrase in quotation marks is not a borrowed quotation.",
        ),
        Example(
            "Found this bug in the payment form this morning; fixed and deployed before lunch.",
            platform="mastodon",
            note="“Found this” about your own work.",
        ),
        Example(
            "Great thread via @maria_codes on release notes: “Start with what changed for "
            "the reader, not what changed in the code.”",
            note="A quotation credited with “via”.",
        ),
    ),
)
