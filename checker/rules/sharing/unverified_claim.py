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
from checker.rules.base import AnyOf, Custom, Example, Hit, Pattern, Rule
from checker.rules.literals import gate_of
from checker.rules.text import (
    FIRST_PERSON,
    any_in,
    clause_start,
    gate,
    has_any,
    needles,
    sentence_start,
    without_overlaps,
    word_before,
    word_key,
)

# Who passes a rumour on: family, acquaintances, and people whose job seems to make
# them authorities ("my cousin works at the hospital and says…").
_KIN_WORDS = (
    r"(?:cousin|uncle|aunt(?:ie)?|brother|sister|mum|mom|mam|dad|mother|father|nan|nana|"
    r"gran(?:ny)?|grandma|grandad|grandpa|son|daughter|wife|husband|partner|niece|nephew|"
    r"relative|in-laws?|(?:brother|sister|son|daughter)-in-law|stepdad|stepmum)"
)
_ACQUAINTANCE = (
    r"(?:friend|mate|pal|bestie|neighbou?r|colleague|co-?worker|workmate|flatmate|housemate|"
    r"boss|someone|somebody|guy|bloke|lad|woman|man|girl)"
)
_JOB = (
    r"(?:nurse|doctor|teacher|cop|police\s+officer|policeman|policewoman|firefighter|"
    r"paramedic|pilot|lawyer|insider|journalist|engineer|driver|guard|bin\s*man|postman|"
    r"postie|cleaner|councillor|porter|receptionist|security\s+guard|soldier|pharmacist)"
)
_SAY = (
    r"(?:says|said|say|told\s+(?:me|us)|tells\s+(?:me|us)|reckons|reckoned|heard|claims|"
    r"swears|confirmed|let\s+slip|mentioned|is\s+saying|was\s+saying)"
)
_CLAUSE = r"[^.!?\n]{0,60}?"  # the rest of one clause, bounded: linear on any input
# What follows "says" is news, not an opinion: something happening or about to
# ("they're closing", "will be cancelled", "from Monday"), not "the shifts are hard".
_NEWS = (
    r"(?=[^.!?\n]{0,80}?\b(?:[a-z]{3,}ing|will|won['’]t|going\s+to|gonna|next|from\s+\w+day|"
    r"cancel\w*|clos\w*|shut\w*|bann?\w*|fine[ds]?|cuts?|sack\w*|scrap\w*|moving|moved)\b)"
)

_PARENT = r"(?:parent|mums?|moms?|dads?|carer)"
# Places whose staff seem to be in the know: "my cousin's friend at the hospital says".
_INSIDE = (
    r"(?:(?:the|our|your|their)\s+)?(?:hospital|council|police|school|airport|factory|bank|"
    r"army|ministry|station|depot|office|nhs|government|department|wards?|trust|plant|port|"
    r"base|prison|court|university|uni|college|company|firm|warehouse|hq|[A-Z]{2,6}(?![^\W_]))"
)
# Words that vouch for a source while keeping it unnamed.
_VOUCHED = (
    r"(?:(?:very|extremely|totally|highly|100%|really|pretty)\s+)?"
    r"(?:reliable|trusted|trustworthy|good|solid|credible|well[\s-]placed|inside|unnamed|"
    r"anonymous|reputable|legit)"
)

# A claim from a source nobody can check, said in a way that hurries it on. Each
# frame flags on its own (when the post has no link to a source).
_HEARSAY = (
    # an acquaintance whose job makes them an insider: "my mate works at the airport and reckons"
    rf"\b(?:my|a|our|his|her|their)\s+(?:[\w'’-]+\s+)?(?:{_KIN_WORDS}|{_ACQUAINTANCE})s?\b"
    rf"{_CLAUSE}\b(?:works?|working|worked|is\s+an?|drives|who\s+works)\b{_CLAUSE}\b{_SAY}\b"
    + _NEWS,
    rf"\ban?\s+(?:{_JOB})\s+(?:I|we)\s+know\s+{_SAY}\b" + _NEWS,
    # a relative's contact placed inside: "my brother-in-law's mate at the council says",
    # "heard from my aunt's neighbour in the police that…"
    rf"\b(?:(?:heard|hearing)\s+from\s+)?(?:my|our)\s+(?:[\w-]+['’]s\s+)?(?:{_KIN_WORDS}|"
    rf"{_ACQUAINTANCE}|{_JOB})s?\s+(?:at|in|on|with|from)\s+{_INSIDE}{_CLAUSE}"
    rf"(?:\b{_SAY}\b|\bthat\b)" + _NEWS,
    rf"\b(?:warning|word|news|tip|message)\s+from\s+(?:a|my|our)\s+(?:{_KIN_WORDS}|"
    rf"{_ACQUAINTANCE}|{_JOB})\s+who\s+works?\b",
    r"\bfriend\s+of\s+a\s+friend\b",
    # another parent, a colleague of a colleague: "one of the other dads at playgroup told me"
    rf"\b(?:another|one\s+of\s+the(?:\s+other)?|some\s+other|an\s+other)\s+"
    rf"(?:{_KIN_WORDS}|{_ACQUAINTANCE}|{_PARENT})s?\s+(?:at|from|in|on)\s+(?:the\s+|my\s+|our\s+)?"
    rf"[\w'’-]+{_CLAUSE}\b{_SAY}\b" + _NEWS,
    rf"\b(?:hearing|heard)\s+from\s+(?:another|one\s+of\s+the(?:\s+other)?|a|some)\s+"
    rf"(?:[\w'’-]+\s+)?(?:{_KIN_WORDS}|{_ACQUAINTANCE}|{_PARENT})s?\s+(?:that|at|who|in|from)\b"
    + _NEWS,
    # nobody named, only placed: "told by somebody senior at the trust", "a contact high up"
    rf"\b(?:told|informed|tipped\s+off)\s+by\s+(?:someone|somebody|people|a\s+contact|"
    rf"an?\s+(?:{_ACQUAINTANCE}|{_JOB}))\b" + _NEWS,
    rf"\b(?:someone|somebody|people|a\s+contact|contacts|a\s+(?:{_ACQUAINTANCE}))\s+"
    rf"(?:(?:very|quite|really|pretty)\s+)?(?:high\s+up|senior|well[\s-]placed|in\s+the\s+know)\b"
    rf"{_CLAUSE}" + _NEWS,
    # a source vouched for, not named: "from a very trustworthy source", "a reliable source says"
    rf"\b(?:from|by|to|according\s+to)\s+(?:an?|one|my|our)\s+{_VOUCHED}\s+sources?\b",
    rf"\b(?:an?|one|my|our)\s+{_VOUCHED}\s+sources?\s+(?:{_SAY}|has\s+told|tell)\b",
    r"\bheard\s+(?:it|this|that)\s+from\s+(?:the|a|my|our|some)\s+[\w'’-]+",
    # unnamed sources
    r"\bsources?\s+(?:close\s+to|inside|within)\b",
    r"\b(?:hearing|heard)\s+from\s+(?:people|someone|somebody|folks|sources?|insiders?)\s+"
    r"(?:inside|at|in|close\s+to|who)\b",
    r"\b(?:unconfirmed|unverified)\s+reports?\b",
    r"\breports\s+(?:saying|say|suggest|suggesting|claim|claiming)\b",
    r"\bword\s+on\s+the\s+street\b",
    r"\brumou?r\s+(?:has\s+it|is\s+that)\b",
    r"\bleaked\s+(?:memo|email|e-mail|document|letter|screenshot|report|audio)\s+"
    r"(?:says|shows|reveals|confirms)\b",
    r"\binsiders?\s+(?:say|said|tell|claim|reveal)\b",
)
# Lines that ask readers to trust the claim because someone hides it.
_SUPPRESSED = (
    r"\bnobody(?:['’]s|\s+is)\s+talking\s+about\s+(?:this|it)\b",
    # "why is no one talking about the masts?", but not "…about how good the scones are"
    r"\bwhy\s+(?:is|isn['’]t|are|aren['’]t)\s+(?:nobody|no\s+one|no-one|anyone|anybody|"
    r"more\s+people|the\s+(?:media|news|press|papers|journalists|bbc))\s+(?:talking|reporting|"
    r"posting|covering|writing)\s+(?:about|on)\b"
    r"(?!\s+(?:how|the\s+way)\s)",
    r"(?<!social )\b(?:mainstream\s+|news\s+)?(?:media|news|press|papers|journalists|"
    r"government|they)\s+(?:won['’]t|will\s+not|doesn['’]t|does\s+not|don['’]t|do\s+not|"
    r"isn['’]t|is\s+not|aren['’]t|are\s+not|refuses?\s+to|never)\s+(?:want\s+you\s+to\s+)?"
    r"(?:tell|telling|show|showing|report|reporting|cover|covering|talk\s+about|know)\b",
    r"(?<!\bI\s)(?<!\bwe\s)\b(?:doesn['’]t|does\s+not|don['’]t|do\s+not)\s+want\s+you\s+"
    r"to\s+(?:know|see|hear|find\s+out)\b",
    r"\bwake\s+up,?\s+(?:people|sheeple)\b",
)
# Lines that hurry people past checking; and chain-letter hoaxes, however reworded.
_HURRY = (
    r"\bbefore\s+they\s+(?:delete|remove|ban|censor|scrub|pull|wipe|bury)\s+(?:it|this)\b",
    r"\bbefore\s+they\s+take\s+(?:it|this)\s+down\b",
    r"\bbefore\s+(?:it|this|this\s+(?:post|video|thread|page|story))(?:['’]s|\s+is|\s+gets|"
    r"\s+get)\s+(?:deleted|removed|banned|censored|taken\s+down|scrubbed|wiped|buried|"
    r"memory[\s-]holed|pulled)\b",
)
_PLATFORMS = r"(?:facebook|meta|instagram|fb|whatsapp|zuckerberg|tiktok|threads|linkedin)"
_HOAX = (
    r"\b(?:do\s+not|don['’]t|am\s+not|not|never)\s+(?:give|giving|grant|granting)\s+"
    r"(?:facebook|meta|instagram|fb|"
    r"whatsapp|zuckerberg)\b[^.\n]{0,80}?\b(?:permission|right|rights|consent)\b",
    r"\bcopy\s+(?:and|&|n)\s+paste\s+(?:this|it)\b[^.\n]{0,40}?(?:don['’]t\s+(?:just\s+)?"
    r"share|won['’]t\s+count|or\s+it\s+(?:won['’]t|doesn['’]t))",
    r"\bthis\s+is\s+not\s+a\s+hoax\b",
    # the privacy notice, reworded: "Instagram does not have my permission", "I do not
    # authorise Meta", "I do not consent to my data being used"
    rf"\b{_PLATFORMS}\s+(?:does\s+not|doesn['’]t|do\s+not|don['’]t|has\s+no|have\s+no|"
    r"is\s+not\s+allowed|will\s+not\s+have)\s+(?:have\s+)?(?:my\s+|any\s+)?"
    r"(?:permission|right|rights|consent)\b",
    rf"\b(?:do\s+not|don['’]t|not|never)\s+(?:authori[sz]e|consent\s+to|allow)\s+{_PLATFORMS}",
    r"\bhereby\s+(?:state|declare|give\s+notice|notify|inform)\b[^.\n]{0,60}?\b(?:do\s+not|don['’]t|"
    r"not)\s+(?:consent|authori[sz]e|give|grant|allow)\b",
    # a forwarding quota: "forward this to 10 groups", "pass this to 20 friends"
    r"\b(?:forward|send|share|pass|copy)\s+(?:this|it)\s+(?:message\s+)?(?:on\s+)?to\s+"
    r"(?:at\s+least\s+)?(?:\d{1,2}|five|ten|fifteen|twenty)\s+(?:other\s+|more\s+)?"
    r"(?:groups|people|friends|contacts|chats)\b",
    # chain messages: "send this to everyone in your contacts"
    r"\b(?:send|forward)\s+(?:this|it)\s+(?:message\s+)?(?:on\s+)?to\s+(?:all|every(?:one|body)|"
    r"as\s+many)\s+(?:of\s+)?(?:in\s+)?(?:your\s+)?(?:contacts|people\s+you\s+know|"
    r"friends\s+and\s+family)",
    r"\b(?:send|forward)\s+(?:this|it)\s+(?:message\s+)?(?:on\s+)?to\s+(?:everyone|everybody|all)"
    r"\s+(?:in|on)\s+your\s+(?:contacts|contact\s+list|phone|address\s+book)",
)

# Weak signs of a rumour: they flag only together with a push to spread it, with
# one another, or beside a death.
_WEAK = re.compile(
    r"(?=[AIJDOCNTFGMWZLaijdocntfgmwzl])(?:\bapparently\b|\baparently\b"
    r"|\bI(?:['’]ve|\s+have)?\s+(?:just\s+)?(?:heard|been\s+told)\s+(?:that|from|it)\b"
    r"|\bis\s+it\s+true\s+(?:that\b)?"
    r"|\b(?:timeline|feed|tl|group\s+chat)\s+is\s+(?:saying|full\s+of)\b"
    r"|\bjust\s+sharing\s+what\s+I\s+(?:was\s+told|heard)\b"
    r"|\bdo\s+your\s+own\s+research\b|\bopen\s+your\s+eyes\b"
    r"|\bcan['’]t\s+find\s+it\s+anywhere\s+else\b|\bnobody\s+(?:is\s+)?telling\s+us\b"
    # what a platform is said to be about to do, the stuff of chain messages
    rf"|\b{_PLATFORMS}\s+(?:will|is\s+going\s+to|is\s+about\s+to|are\s+going\s+to)\s+"
    r"(?:start\s+)?(?:charg\w*|read|delet\w*|make\s+(?:all\s+)?(?:your|our)|shut|clos\w*|"
    r"become\s+(?:paid|public)))",
    re.IGNORECASE,
)
_URGE = re.compile(
    r"\b(?:share|repost|forward|spread)\s+(?:this\s+|it\s+)?(?:so|to\s+let|and\s+let)\s+"
    r"(?:people|everyone|others|folks|parents)\s+know\b"
    r"|\bpass\s+(?:it|this)\s+on\b|\btell\s+(?:everyone|everybody|all\s+your)\b"
    r"|\bspread\s+the\s+word\b|\bshare\s+(?:this|it)\s*!|\bcopy\s+(?:and|&)\s+paste\b"
    r"|\bwarn\s+(?:your|everyone|everybody)\b",
    re.IGNORECASE,
)


def _frames(
    letters: str, needs: tuple[str, ...], patterns: tuple[str, ...], message: str
) -> Pattern:
    """One pattern of ``patterns``; ``letters``: every letter they can start with;
    ``needs``: words one of which every match contains (see ``Pattern``)."""
    return Pattern(gate(letters, "|".join(patterns)), message, needs=needs)


_SOURCELESS = _frames(
    "mahotwnfsurilpcb",
    (
        *("informed", "tipped", "high up", "senior", "well placed", "well-placed", "in the know"),
        *("say", "said", "told", "tells", "reckon", "heard", "hearing", "claim", "swear"),
        *("confirm", "slip", "mention", "friend of", "source", "unconfirmed", "unverified"),
        *("report", "word on", "rumo", "leaked", "insider", "who work"),
    ),
    _HEARSAY,
    "“{match}” passes on a claim from a source nobody can check: find it at a source "
    "you can link, or say plainly that it is unconfirmed and don't urge it on.",
)
# These flag even beside a link: a link does not make "they won't tell you" a source.
_ALWAYS = AnyOf(
    (
        _frames(
            "nmpjgtbdw",
            (
                "talking about",
                "won",
                "will not",
                "doesn",
                "does not",
                "don",
                "do not",
                "isn",
                "is not",
                "aren",
                "are not",
                "refuse",
                "never",
                "wake up",
                "reporting",
                "posting",
                "covering",
                "writing",
            ),
            _SUPPRESSED,
            "“{match}” is how rumours often present themselves: find a source you can "
            "link before you share.",
        ),
        _frames(
            "b",
            ("before",),
            _HURRY,
            "“{match}” is a classic rumour line: check the claim with a source you trust "
            "before you pass it on.",
        ),
        _frames(
            "dancntfmiwzlhsep",
            (
                *("giv", "grant", "paste", "hoax", "permission", "right", "consent"),
                *("authori", "allow", "hereby", "send", "forward", "share", "pass", "copy"),
            ),
            _HOAX,
            "This reads like a chain-letter hoax that has circulated for years: check it "
            "on a fact-checking site before you share it.",
        ),
    )
)

# "BREAKING" and "JUST IN" in capitals, or "Breaking news:" / "Just in:" with a colon.
_NEWS_FLASH = re.compile(
    r"\b(?:BREAKING(?:\s+NEWS)?|JUST\s+IN)\b|\b(?i:breaking\s+news|breaking|just\s+in)(?=\s*[:—–|])"
)
_RIP = re.compile(
    r"(?:\bRIP\b|\bR\.I\.P\b\.?|\b(?i:rest\s+in\s+(?:peace|power)))[,:]?\s+"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
)
_RIP_ALONE = re.compile(r"\bRIP\b|\bR\.I\.P\b\.?|\b(?i:rest\s+in\s+(?:peace|power))")
# Someone, not something, is gone: "he's gone", "the GOAT", "a legend".
_PERSON_GONE = re.compile(
    r"(?=[HSTGLIKQhstglikq])\b(?:he|she|they)(?:['’]s|\s+is|\s+has|['’]re|\s+are|\s+have)\s+(?:really\s+)?"
    r"(?:gone|passed|died|dead)\b|\b(?:GOAT|legend|icon|king|queen)\b",
    re.IGNORECASE,
)
_DIED = re.compile(
    r"(?=[HPDhpd\s])(?:\b(?:has|have)\s+(?:sadly\s+|just\s+|reportedly\s+)?(?:died|passed\s+away|"
    r"passed\s+on)\b"
    # "reportedly" is not a source: "<Name> reportedly died", "<Name> reportedly dead"
    r"|(?<=[^\W\d_])\s+reportedly\s+(?:died|dead|passed\s+away)\b"
    r"|\bpassed\s+away\b"
    r"|\b(?:dies|died|dead)\s+(?:at|aged)\s+(?:the\s+age\s+of\s+)?\d{1,3}\b"
    r"|(?<=[^\W\d_])\s+(?:died|is\s+dead)\b)",
    re.IGNORECASE,
)
# "RIP Grandma", "my grandad died", "RIP Biscuit, best shop cat": the writer's own
# loss (family, friends, pets) is personal news, not a rumour.
_KIN = frozenset(
    {
        *("grandma", "grandpa", "granny", "gran", "nan", "nana", "mom", "mum", "dad", "mama"),
        *("papa", "uncle", "aunt", "auntie", "brother", "sister", "buddy", "friend", "lil"),
        *("grandad", "granddad", "grandfather", "grandmother", "mother", "father", "cousin"),
        *("son", "daughter", "wife", "husband", "partner", "niece", "nephew", "mate"),
    }
)
_PETS = frozenset(
    {
        *("cat", "dog", "kitty", "kitten", "pup", "puppy", "hamster", "rabbit", "bunny"),
        *("horse", "pony", "budgie", "parrot", "goldfish", "tortoise", "guinea", "pet"),
        *("paws", "paw", "vet", "walkies", "purr", "purrs", "woof"),
    }
)
_OWN_LOSS = re.compile(
    r"\b(?:my|our)\s+(?:[\w'’-]+\s+)?(?:" + "|".join(sorted(_KIN)) + r")s?\b", re.IGNORECASE
)


_OWN_LOSS_GATE = gate_of(_OWN_LOSS)  # a kin word


def _own_loss(draft: Draft) -> bool:
    if has_any(_OWN_LOSS_GATE, draft.folded) and _OWN_LOSS.search(draft.prose):
        return True
    return "🐾" in draft.prose or not _PETS.isdisjoint(draft.word_keys)


def _deaths(draft: Draft) -> Iterator[Hit]:
    prose = draft.prose
    if not has_any(_DEATH_GATE, draft.folded):
        return
    if _own_loss(draft):
        return
    death = (
        "This reports a death without a source: link where you read it. Death hoaxes "
        "spread fast, and a wrong one hurts."
    )
    named = False
    for m in _RIP.finditer(prose):
        if not any(word_key(p.strip(".,:")) in _KIN for p in m.group().split()):
            named = True
            yield Hit(m.start(), m.end(), death)
    if not named and _PERSON_GONE.search(prose):
        for m in _RIP_ALONE.finditer(prose):
            yield Hit(m.start(), m.end(), death)
    for m in _DIED.finditer(prose):
        found = m.group().strip()
        if found[0].isdigit() or found.lower().startswith(("dies", "died", "dead", "is dead")):
            if m.group()[0].isspace():  # "<Name> died": the name must be a name
                prev = word_before(prose, m.start() + 1)
                if prev and _a_name(prose, prev):
                    yield Hit(_name_start(prose, prev), m.end(), death)
                continue
            yield Hit(m.start(), m.end(), death)
            continue
        prev = word_before(prose, m.start())
        if prev and _a_name(prose, prev):
            yield Hit(_name_start(prose, prev), m.end(), death)


def _name_start(text: str, word: re.Match[str]) -> int:
    """Where a name ends by ``word`` starts: "Jonny Vale" from "Vale", up to 3 words."""
    start = word.start(1)
    for _ in range(2):
        prev = word_before(text, start, 30)
        if prev is None or text[prev.end(1) : start] != " " or not _a_name(text, prev):
            break
        start = prev.start(1)
    return start


def _a_name(text: str, word: re.Match[str]) -> bool:
    """A capitalised word that is not a sentence's first, nor a family word."""
    value = word.group(1)
    return (
        value[0].isupper()
        and word_key(value) not in _KIN
        and not sentence_start(text, word.start(1))
    )


# "The papers won't tell you this, but my cat…": the frame turned on the writer's own
# life is a joke, not a rumour.
_JOKE = re.compile(
    r"[^.!?\n]{0,40}?\bbut\s+(?:my|our|I|I['’](?:m|ll|ve)|we|we['’](?:re|ll))\b", re.IGNORECASE
)
# The missed-call hoax: "never ring it back, you get charged £25 a minute".
_CALLBACK = re.compile(
    r"\b(?:never|don['’]t|do\s+not)\s+(?:answer|pick\s+up|return|(?:call|ring)\s+(?:it\s+|them\s+)?back)\b",
    re.IGNORECASE,
)
_CALLBACK_GATE = gate_of(_CALLBACK)  # the call-back words of the hoax
_CHARGED = re.compile(
    r"\b(?:charged|premium[\s-]rate|cost\s+you|per\s+minute|a\s+minute|drain|empty)\b",
    re.IGNORECASE,
)
# A death told as astonishment or nostalgia, in any case: "is kenny marsh dead??", "…
# he was my whole youth", "i grew up on his show".
_DEATH_PLAIN = re.compile(
    r"\b(?:(?:is|was|has|have)\s+(?:really\s+|actually\s+|just\s+|sadly\s+)?)?"
    r"(?:dead|died|passed\s+away)\b",
    re.IGNORECASE,
)
_PLAIN_DEATH_GATE = gate_of(_DEATH_PLAIN)  # "dead", "died" or "passed"
_NOSTALGIA = re.compile(
    r"\bmy\s+(?:whole\s+|entire\s+)?(?:childhood|youth|teens|teenage\s+years|twenties|"
    r"generation|school\s+days)\b|\bgrew\s+up\s+(?:on|with|watching|listening|reading)\b",
    re.IGNORECASE,
)
# Words before "dead" that make it a thing or no one in particular: "my phone is dead".
_NOT_A_NAME = frozenset(
    {
        *("my", "our", "the", "this", "that", "it", "its", "his", "her", "their", "your"),
        *("battery", "phone", "is", "was", "has", "and", "so", "wait", "way"),
    }
)


def _plain_deaths(draft: Draft) -> Iterator[Hit]:
    """A death in lowercase, asked about or mourned as one's youth, named by the two
    words before it."""
    prose = draft.prose
    nostalgia = _NOSTALGIA.search(prose) is not None
    for m in _DEATH_PLAIN.finditer(prose):
        asked = prose.startswith("?", m.end())
        if not (asked or nostalgia):
            continue
        start = m.start()
        names = []
        for _ in range(2):
            prev = word_before(prose, start, 30)
            if prev is None or prose[prev.end(1) : start].strip(" "):
                break
            names.append(prev.group(1))
            start = prev.start(1)
        if len(names) < 2 or any(word_key(n) in _NOT_A_NAME | _KIN for n in names):
            continue
        yield Hit(
            start,
            m.end(),
            "This reports a death without a source: link where you read it. Death hoaxes "
            "spread fast, and a wrong one hurts.",
        )
        return


def _unverified(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    return without_overlaps(_unverified_hits(draft, terms))


_NEWS_WORDS = ("breaking", "just in")
# Gates (see ``has_any``): a word every match holds. _RIP and _RIP_ALONE: "rip" or
# "rest"; _DIED: "died", "dies", "dead" or "passed". _NEWS_FLASH: "breaking" or "just".
# _WEAK: (a)pparently, heard/told, true, saying/full (of), sharing, research, eyes,
# anywhere, telling, or the platform a chain message names.
_DEATH_GATE = ("rip", "r.i.p", "rest", "died", "passed", "dies", "dead")
_NEWS_GATE = ("breaking", "just")
_WEAK_GATE = (
    *("parent", "heard", "told", "true", "saying", "full", "sharing", "research", "eyes"),
    *("anywhere", "telling"),
    *("facebook", "meta", "instagram", "fb", "whatsapp", "zuckerberg", "tiktok", "threads"),
    "linkedin",
)
# Every gate above in one: a post with none of these words is done in one pass.
_ANY_RUMOUR = needles(
    *(p.needs for p in (_SOURCELESS, *_ALWAYS.matchers) if isinstance(p, Pattern)),
    _WEAK_GATE,
    _DEATH_GATE,
    _NEWS_WORDS,
    _CALLBACK_GATE,
)


def _unverified_hits(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if not has_any(_ANY_RUMOUR, draft.folded):
        return  # none of the words any frame here needs: one scan, and done
    prose = draft.prose
    for hit in _ALWAYS.find(draft, terms):
        if not _JOKE.match(prose, hit.end, min(len(prose), hit.end + 60)):
            yield hit
    if draft.urls:
        return  # a source is linked: the reader can check it
    yield from _SOURCELESS.find(draft, terms)
    if has_any(_CALLBACK_GATE, draft.folded):
        call = _CALLBACK.search(prose)
        if call and _CHARGED.search(prose):
            yield Hit(
                call.start(),
                call.end(),
                "This reads like the missed-call charge hoax that has circulated for years: "
                "check it with your phone company before you pass it on.",
            )
    folded = draft.folded
    weak = list(_WEAK.finditer(prose)) if has_any(_WEAK_GATE, folded) else []
    if weak and (len(weak) > 1 or _URGE.search(prose)):
        m = weak[0]
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}” and a push to pass it on, with nothing to check: find a source "
            "you can link, or wait before you share.",
        )

    # News of an event or a death, with no link and no sign that it is the writer's own.
    if draft.kind == "reply":
        return  # a reply's source is the post it answers
    deaths = list(_deaths(draft))
    if not deaths and has_any(_PLAIN_DEATH_GATE, draft.folded) and not _own_loss(draft):
        deaths = list(_plain_deaths(draft))
    yield from deaths
    if deaths and weak:
        m = weak[0]
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}”: a death passed on as hearsay. Wait for a source you can link.",
        )
    if not draft.hashtags and not has_any(_NEWS_GATE, folded):
        return  # no hashtag, and no word a news flash needs
    if not FIRST_PERSON.isdisjoint(draft.word_keys):
        return  # "BREAKING: we hit 1,000 members" is the writer's own news
    if not any_in(_NEWS_WORDS, draft.lower):
        return
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


RULE = Rule(
    name="unverified-claim",
    pillar=Pillar.SHARING,
    severity=Severity.WARNING,
    summary=(
        "Flags rumour patterns: “BREAKING” or a death reported with no link, hearsay from "
        "someone nobody can check (“a reliable source says”), “share before they delete "
        "this”, “the media won't tell you”, chain-letter hoaxes however reworded."
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
            "⟦My cousin's friend at the hospital says⟧ they're closing the maternity unit.",
            platform="facebook",
            note="Hearsay through a relative's contact, placed inside to sound sure.",
        ),
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
            "Actor ⟦Sam Rivera has died⟧ at 78, a family member told reporters.",
            platform="bluesky",
            note="A death reported with no link.",
        ),
        Example(
            "⟦My brother-in-law works for the council and says⟧ the leisure centre shuts for "
            "good in June. Nobody has announced it yet.",
            platform="facebook",
            note="Hearsay from an insider nobody can check: the shape of most local rumours.",
        ),
        Example(
            "⟦Apparently⟧ the new speed cameras on the ring road are fake. Pass it on!",
            platform="facebook",
            note="“Apparently”, then a push to spread it.",
        ),
        Example(
            "Can't believe ⟦Jonny Vale has died⟧. He was my whole childhood 💔",
            note="“My childhood” is not a family loss: this is news, and it needs a source.",
        ),
        Example(
            "I was ⟦told by someone⟧ high up at the club that the manager is leaving before "
            "the derby.",
            platform="facebook",
            note="Nobody named, only placed: hearsay however it is worded.",
        ),
        Example(
            "⟦Why is nobody talking about⟧ what they're adding to the tap water?",
            note="A question that asks for trust in place of evidence.",
        ),
        Example(
            "wait is ⟦sunny dee dead⟧?? her songs were my entire childhood",
            platform="threads",
            note="A death asked about in lowercase, with no source: still news to check.",
        ),
    ),
    passes=(
        Example(
            "My friend at the council says the new bin app is actually quite good.",
            platform="facebook",
            note="A contact's opinion, not news passed on.",
        ),
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
        Example(
            "My neighbour says the new café on Mill Road does the best scones in town. "
            "Testing that on Saturday.",
            platform="facebook",
            note="An opinion passed on is not a rumour.",
        ),
        Example(
            "RIP Pip, the best office dog there ever was. Thank you for every walk.",
            platform="instagram",
            note="Your own pet: personal news.",
        ),
        Example(
            "The media won't tell you this, but my tomatoes finally ripened.",
            platform="mastodon",
            note="The rumour frame as a joke about the writer's own life.",
        ),
    ),
)
