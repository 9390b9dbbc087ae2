"""Rules of the sharing pillar: share what is worth it, say why, and say whose it is.

Seeds 000-003: sharing is the heart of being social, but only when it adds
something. A link with no word of one's own, someone else's words with no
credit, a rumour passed on unchecked, a link that hides where it goes, praise
of oneself reshared, a sales pitch, a post that is all "me": each is sharing
that takes more than it gives. Every rule here leans quiet: it speaks only when
the pattern is plain, and passes the near-misses listed in its examples.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from checker.draft import Draft, Span
from checker.model import Pillar, Severity
from checker.rules._text import (
    FIRST_PERSON,
    SECOND_PERSON,
    clause_start,
    own_words,
    url_has_path,
    url_host,
    word_key,
)
from checker.rules.base import Custom, Example, Hit, Phrases, Rule, regex_hits

_BRACKETS = "“”\"'‘’«»„()[]"


def _has_voice(draft: Draft) -> bool:
    """Signs of a person talking: a question, an exclamation, I/we/you."""
    if "?" in draft.prose or "!" in draft.prose:
        return True
    return any(word_key(w.value) in FIRST_PERSON | SECOND_PERSON for w in draft.words)


def _sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence (so a capital there says nothing)."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ",;'’&-")


# --------------------------------------------------------------------------- bare-link

# A reshare that opens the post: "RT @x:", "RT: @x", "RT@x", "MT @x", or the old
# quote-tweet form “@x: their words”. Nothing before it means nothing was added.
_RESHARE_OPEN = re.compile(r"\s*(?:(?:RT|MT)\b\s*(?::\s*)?@\w+|[\"“]@\w+:)")
# Words that label a link rather than say anything about it.
_LINK_FILLER = frozenset(
    {
        *("link", "links", "new", "blog", "post", "posts", "article", "read", "reading", "more"),
        *("here", "check", "this", "that", "it", "out", "source", "see", "look", "watch"),
        *("listen", "now", "full", "story", "latest", "update", "podcast", "video", "episode"),
        *("the", "a", "an", "our", "my", "on", "in", "at", "of", "to", "and", "is", "go", "via"),
        *("must", "must-read", "worth", "great", "good", "nice", "cool", "interesting", "wow"),
        *("awesome", "lol", "omg", "yes", "fyi"),
    }
)
# A comment set apart inside a reshare: "[absolutely right!]" or "// so true".
_ASIDE = re.compile(r"\[([^\[\]\n]{1,300})\]|(?<!\S)//\s*(?=[^\W\d_])")


def _reshare_adds_nothing(draft: Draft, opening: re.Match[str], words: list[Span]) -> bool:
    after = draft.urls[-1].end
    if opening.group().lstrip()[0] in '"“':
        # the quoted form: words after the closing quote are the writer's own
        close = max(draft.text.rfind("”"), draft.text.rfind('"'))
        if close > opening.end():
            after = min(after, close)
    if any(w.start >= after for w in words):
        return False
    for m in _ASIDE.finditer(draft.prose, opening.end()):
        if m.group(1) is None or any(c.isalpha() for c in m.group(1)):
            return False
    return True


def _title_case(words: tuple[Span, ...]) -> bool:
    """A headline in Title Case: every word of four letters or more capitalised."""
    if not 4 <= len(words) <= 25:
        return False
    capitalised = 0
    for w in words:
        v = w.value
        if len(v) < 4 or not v[0].isalpha() or v.isupper():
            continue  # short words, numbers and acronyms say nothing either way
        if not v[0].isupper():
            return False
        capitalised += 1
    return capitalised >= 3


def _page_title(before_link: str) -> bool:
    """ "Headline | Site": the shape of a page title pasted whole."""
    parts = before_link.strip().split(" | ")
    if len(parts) != 2 or "|" in parts[0] or "|" in parts[1]:
        return False
    head, site = parts[0].split(), parts[1].split()
    return (
        len(head) >= 3
        and 1 <= len(site) <= 4
        and all(s[0].isupper() or s[0].isdigit() for s in site)
    )


def _bare_link(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if not draft.urls or draft.post_count > 1:
        return  # in a thread, a post that only carries the link is fine
    text, first, last = draft.text, draft.urls[0], draft.urls[-1]
    mine = own_words(draft)
    words = [w for w in mine if word_key(w.value) not in _LINK_FILLER]

    opening = _RESHARE_OPEN.match(text)
    if opening:
        if _reshare_adds_nothing(draft, opening, words):
            start = opening.start() + len(opening.group()) - len(opening.group().lstrip())
            yield Hit(
                start,
                opening.end(),
                "This reshares someone's post with nothing of your own added: say in a line "
                "what you took from it, or why your readers should care.",
            )
        return

    if not words:
        yield Hit(
            first.start,
            first.end,
            "This shares a link without a word of your own: say what you took from it.",
        )
        return
    if any(w.start >= last.end for w in words) or _has_voice(draft):
        return  # a comment after the link, or a person talking: words of one's own

    before = text[: last.start].rstrip()
    if before.endswith(("…", "...")) and text[last.end :].strip() == "" and len(words) >= 8:
        dots = before.rfind("…") if before.endswith("…") else before.rfind("...")
        yield Hit(
            dots,
            last.end,
            "This looks like a headline or excerpt cut short before its link, with nothing of "
            "your own: say in a line what you took from it.",
        )
        return

    if _title_case(mine) or _page_title(text[: first.start]):
        start, end = mine[0].start, mine[-1].end
        yield Hit(
            start,
            end,
            "This looks like a copied headline and a link, with nothing of your own: add a "
            "line on why it matters to your readers.",
        )


BARE_LINK = Rule(
    name="bare-link",
    pillar=Pillar.SHARING,
    severity=Severity.WARNING,
    summary=(
        "Flags a link shared with no words of your own: a lone URL, a pasted headline, "
        "an excerpt cut off by a share button, or a retweet with nothing added."
    ),
    why=(
        "Anyone can pass a link along; what makes it worth reading from *you* is what you "
        "saw in it. A line of your own shows you read the thing, tells people whether it "
        "is for them, and gives them something to answer. A bare link is a bookmark, "
        "not a conversation."
    ),
    fix=(
        "Add a sentence of your own: what you took from it, who it is for, or what you "
        "would do differently because of it."
    ),
    guide="sharing/add-your-insight.md",
    seeds=("000", "001"),
    matcher=Custom(_bare_link),
    kinds=frozenset({"post", "thread"}),
    flags=(
        Example(
            "https://www.example.com/news/technology-68123456",
            note="Only a link: readers must click to learn why you shared it.",
        ),
        Example(
            "RT @cityplanner: Five ideas for safer school streets, tested in three towns "
            "https://example.org/school-streets",
            note="A manual retweet with nothing added before or after it.",
        ),
        Example(
            "Why Small Teams Ship Faster Than Big Ones | The Weekly Builder "
            "https://example.com/small-teams",
            platform="linkedin",
            note="A page title pasted whole, site name and all.",
        ),
        Example(
            "How libraries are changing: Public libraries across the country are lending "
            "tools, seeds and… https://example.com/libraries",
            platform="mastodon",
            note="The cut-off excerpt a share button writes for you.",
        ),
        Example(
            "Check this out 👀 https://example.com/post/42",
            platform="facebook",
            note="“Check this out” labels the link but says nothing about it.",
        ),
        Example(
            "The Quiet Power Of Saying No At Work https://example.com/saying-no",
            platform="bluesky",
            note="A headline in Title Case and a link, nothing more.",
        ),
    ),
    passes=(
        Example(
            "Useful read for anyone planning a rebrand: the section on testing names with "
            "real customers saved us weeks. https://example.com/rebrand",
            platform="linkedin",
            note="One sentence of your own is enough.",
        ),
        Example(
            "RT @cityplanner: Five ideas for safer school streets "
            "https://example.org/school-streets We tried number two on our road last "
            "spring: traffic halved.",
            note="A retweet with a comment after it.",
        ),
        Example(
            "Why Small Teams Ship Faster Than Big Ones | The Weekly Builder "
            "https://example.com/small-teams [spot on: our best quarter was with four people]",
            note="A pasted title with a comment in brackets, as early Twitter users did it.",
        ),
        Example(
            "Three things we learned from our first open-source release, a short thread.\n"
            "---\n"
            "Nobody read the changelog; everybody read the migration guide.\n"
            "---\n"
            "https://example.com/release-notes",
            kind="thread",
            note="In a thread, the last post may carry only the link: the words come first.",
        ),
        Example(
            "I had no idea libraries lend out tools now… https://example.com/libraries",
            platform="mastodon",
            note="An ellipsis, but a person talking, not a cut-off excerpt.",
        ),
        Example(
            "Our team is hiring a product designer in Leeds https://example.com/jobs/42",
            platform="linkedin",
            note="A plain sentence of your own, not a copied headline.",
        ),
    ),
)


# ----------------------------------------------------------------------- uncredited-share

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
_ANONYMOUS = re.compile(
    r"\b(?:(?:all\s+)?credits?\s+(?:goes\s+|go\s+)?to\s+(?:the\s+)?(?:owner|original\s+"
    r"(?:owner|poster|author|creator|artist))"
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
    r"YouTube|WhatsApp|X|Threads|Internet|the)\b)"
)
_CREDIT_NAMED = re.compile(
    rf"\b(?i:by|from|thanks\s+to)\s+(?:@|{_PLATFORM_NAMES}[A-Z])"
    r"|(?:^|\s)(?:—|–|~|-{1,2})\s*(?:@|[A-Z])",
    re.MULTILINE,
)
# Softer signs that the writer says whose the quoted words are.
_SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|wrote|writes|told|tells|asked|asks|shared|posted|put\s+it|"
    r"puts\s+it|overheard|according\s+to|quoting|quoted|in\s+the\s+words\s+of|reminded|"
    r"reminds|you|your)\b"
    r"|\b(?:my|our|a|the|his|her|their)\s+(?:son|daughter|kid|child|children|mom|mum|mother|"
    r"dad|father|grandma|grandmother|gran|granny|grandpa|grandfather|nan|wife|husband|"
    r"partner|boss|manager|colleague|co-?worker|friend|teacher|mentor|coach|doctor|"
    r"neighbou?r|client|customer|student|intern|teammate)s?\b",
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
        if not _sentence_start(outside, w.start):
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
        yield from regex_hits(
            _FOUND_THIS,
            prose,
            "“{match}” says the words are someone else's but not whose: name the "
            "person or link the original (“via @name”).",
        )
    if not draft.mentions:
        yield from regex_hits(
            _ANONYMOUS,
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


UNCREDITED_SHARE = Rule(
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
            "RT: Nobody cares how busy you are. They care whether you kept your promise.",
            note="“RT” says these words are someone else's, but not whose.",
        ),
        Example(
            "#repost Sunday mornings are for slow coffee and good books ☕📚",
            platform="instagram",
            note="“#repost” with no @handle of the original creator.",
        ),
        Example(
            "“The best way to find out if you can trust somebody is to trust them.” "
            "Words to live by this week.",
            platform="linkedin",
            note="A long quotation with no author.",
        ),
        Example(
            "Stunning shot of the northern lights over the fjord tonight 😍 Credit to the owner!",
            platform="facebook",
            note="“Credit to the owner” names nobody.",
        ),
        Example(
            "Found this on Facebook and it made my day. Be kind to the new people at work: "
            "you were new once too.",
            platform="threads",
            note="“Found this” admits the words are borrowed, then drops the source.",
        ),
    ),
    passes=(
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


# ------------------------------------------------------------------------ unverified-claim

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
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)[\s,]*$")
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
        prev = _WORD_BEFORE.search(prose, max(0, m.start() - 40), m.start())
        if prev and prev.group(1)[0].isupper() and word_key(prev.group(1)) not in _KIN:
            yield Hit(prev.start(1), m.end(), death)


UNVERIFIED_CLAIM = Rule(
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
            "BREAKING: The city is shutting down all public transport from Monday. Spread "
            "the word!",
            platform="facebook",
            note="News in capitals, and nowhere to check it.",
        ),
        Example(
            "RIP Marcus Lane 💔 The voice of a generation. Gone too soon.",
            note="A death reported with no source: the shape of a death hoax.",
        ),
        Example(
            "Share this before they delete it! The truth about the water supply is finally out.",
            platform="facebook",
            note="A line rumours use to hurry people past checking.",
        ),
        Example(
            "What the mainstream media won't tell you about the new school timetable 👇",
            platform="threads",
            note="“The media won't tell you” invites trust in place of evidence.",
        ),
        Example(
            "I do not give Facebook or any entities associated with Facebook permission to "
            "use my pictures, information or posts.",
            platform="facebook",
            note="A chain-letter hoax that has done the rounds for years.",
        ),
        Example(
            "Actor Sam Rivera has died at 78, a family member told reporters.",
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


# ---------------------------------------------------------------------------- masked-link

# Generic shorteners: the link says nothing of the site behind it. Branded short
# domains (youtu.be, amzn.to, nyti.ms) do say where they go, so they pass.
_SHORTENERS = frozenset(
    {
        *("bit.ly", "tinyurl.com", "ow.ly", "goo.gl", "buff.ly", "is.gd", "v.gd", "t.ly"),
        *("rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "bl.ink", "s.id"),
        *("shorte.st", "adf.ly", "dlvr.it", "ift.tt", "tr.im", "soo.gd", "tiny.one"),
        *("surl.li", "clck.ru", "u.to", "x.co", "trib.al", "zpr.io", "snip.ly", "short.gy"),
        *("t2m.io", "urlz.fr", "shorturl.com", "hyperurl.co", "lnkd.in", "t.co"),
    }
)
# A platform's own link wrapper is added by the platform itself, and the platform
# shows the real site beside it; pasted anywhere else it hides the destination.
_OWN_WRAPPER = {"t.co": "x", "lnkd.in": "linkedin"}


def _masked(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    for url in draft.urls:
        host = url_host(url.value)
        if host not in _SHORTENERS or not url_has_path(url.value):
            continue
        home = _OWN_WRAPPER.get(host)
        if home == draft.platform:
            continue
        if home:
            message = (
                f"{host} is {home.title() if home == 'x' else 'LinkedIn'}'s own link wrapper; "
                f"on {draft.platform_info.label} it hides where the link goes: paste the "
                "original link."
            )
        else:
            message = (
                f"{host} hides where this link goes: paste the full link so readers can see "
                "the site before they click."
            )
        yield Hit(url.start, url.end, message)


MASKED_LINK = Rule(
    name="masked-link",
    pillar=Pillar.SHARING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags links through generic shorteners (bit.ly, tinyurl.com, ow.ly…) that hide "
        "where they lead; a platform's own wrapper (t.co on X, lnkd.in on LinkedIn) passes."
    ),
    why=(
        "Readers decide whether to trust a link partly by where it goes. A shortener "
        "hides the site, which is exactly what spam and phishing rely on, so careful "
        "people skip such links. Shorteners also break when the service closes, taking "
        "your old posts' links with them. The full link is honest about its source."
    ),
    fix=(
        "Paste the full link: every major platform shortens or counts links for you, so "
        "a shortener saves nothing."
    ),
    guide="sharing/check-before-you-share.md",
    seeds=("000",),
    matcher=Custom(_masked),
    flags=(
        Example(
            "Our spring guide to composting is out: https://bit.ly/3kT9xQa",
            note="bit.ly hides which site this is.",
        ),
        Example(
            "Read the full report on rural broadband here: https://ow.ly/Ab12Cd",
            platform="facebook",
            note="ow.ly, a scheduling tool's shortener.",
        ),
        Example(
            "Five questions to ask before any reorganisation http://t.co/Xy12AbCd",
            platform="linkedin",
            note="A t.co link copied from X: outside X nothing shows where it goes.",
        ),
        Example(
            "Details of the role and how to apply: https://lnkd.in/eXa9mP2",
            platform="mastodon",
            note="LinkedIn's wrapper pasted on Mastodon.",
        ),
        Example(
            "Slides from today's workshop on accessible forms: https://tinyurl.com/forms-a11y",
            platform="bluesky",
        ),
    ),
    passes=(
        Example(
            "Five questions to ask before any reorganisation http://t.co/Xy12AbCd",
            note="On X, t.co is added by X itself, which shows the real site.",
        ),
        Example(
            "Clearest walkthrough of the new API I have seen: https://youtu.be/dQw4w9WgXcQ",
            note="A platform's own short link says where it goes.",
        ),
        Example(
            "Our spring guide to composting: https://example.org/guides/composting-spring",
            platform="mastodon",
            note="The full link.",
        ),
        Example(
            "Details of the role and how to apply: https://lnkd.in/eXa9mP2",
            platform="linkedin",
            note="On LinkedIn, lnkd.in is LinkedIn's own wrapper.",
        ),
        Example(
            "We stopped using bit.ly so you can always see where our links go.",
            platform="threads",
            note="Naming a shortener is not using one.",
        ),
    ),
)


# ------------------------------------------------------------------------- vanity-retweet

_RT_OF = re.compile(r"\b(?:RT|MT)\b\s*(?::\s*)?@(\w+)|[\"“]@(\w+):")
_PRAISE = frozenset(
    {
        *("amazing", "awesome", "great", "love", "loved", "loving", "lovely", "thanks", "thank"),
        *("thx", "ty", "best", "brilliant", "fantastic", "incredible", "recommend"),
        *("recommended", "kudos", "shoutout", "shout-out", "congrats", "congratulations"),
        *("excellent", "wonderful", "legend", "legends", "genius", "inspiring", "impressive"),
        *("superb", "outstanding", "fab", "fabulous", "stellar", "helpful", "rocks", "rock"),
        *("nailed", "star", "superstar", "hero", "heroes", "lifesaver", "favourite"),
        *("favorite", "perfect", "gem", "delightful", "beautiful", "terrific", "top-notch"),
    }
)
_PRAISE_EMOJI = frozenset("❤💙💜🧡💚💛🙌👏🔥💯⭐🌟🏆😍🥰🤩🙏")


def _is_self(draft: Draft, name: str) -> bool:
    # a Mastodon handle "acme@mastodon.social" is mentioned as "@acme" on its own server
    return any(name == h or name == h.split("@", 1)[0] for h in draft.handles)


def _vanity(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if not draft.handles:
        return  # whose praise it is needs the writer's own handles
    selves = [s for s in draft.mentions if _is_self(draft, s.value)]
    if not selves:
        return
    # the last word or emoji of praise: praise follows a marker when it lies beyond it
    praise_at = max(
        (w.start for w in draft.words if word_key(w.value) in _PRAISE),
        default=-1,
    )
    emoji_at = max((i for i, c in enumerate(draft.prose) if c in _PRAISE_EMOJI), default=-1)
    self_starts = [s.start for s in selves]
    for m in _RT_OF.finditer(draft.prose):
        source = (m.group(1) or m.group(2)).lower()
        i = bisect.bisect_left(self_starts, m.end())
        if _is_self(draft, source) or i == len(selves):
            continue
        if max(praise_at, emoji_at) >= m.end():
            yield Hit(
                m.start(),
                selves[i].end,
                f"This reshares @{source}'s praise of you (@{selves[i].value}): thank them in "
                "a reply instead, and reshare something useful of theirs.",
            )


VANITY_RETWEET = Rule(
    name="vanity-retweet",
    pillar=Pillar.SHARING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags a retweet of someone praising you (“RT @fan: @you are amazing”); needs your "
        "own handles in the settings, and stays quiet without them."
    ),
    why=(
        "Resharing compliments about yourself tells followers your feed is about you. "
        "The person who praised you is better served by a reply that thanks them, and "
        "your readers by reshares of things worth their time. Kind words land better "
        "when others repeat them."
    ),
    fix=(
        "Thank the person in a reply, and save your reshares for their work or for "
        "something useful to your readers."
    ),
    guide="sharing/retweet-with-care.md",
    seeds=("003",),
    matcher=Custom(_vanity),
    kinds=frozenset({"post", "reply", "thread"}),
    flags=(
        Example(
            "RT @jane_doe: Huge thanks to @acme for fixing our order in under an hour. "
            "Amazing service!",
            handles=("@acme",),
            note="A customer's praise of you, reshared.",
        ),
        Example(
            "So kind 🥹 RT @bookworm_ben: @acme is the best bookshop in town, hands down",
            handles=("@acme",),
            note="A comment in front does not change whose praise it is.",
        ),
        Example(
            "“@mo_k: @acme your new app is brilliant”",
            handles=("@acme",),
            note="The old quote-tweet form.",
        ),
        Example(
            "RT @lee: Loving the new release from @acme 🙌",
            platform="mastodon",
            handles=("@acme@mastodon.social",),
            note="A Mastodon handle matches its local @name.",
        ),
    ),
    passes=(
        Example(
            "RT @jane_doe: Huge thanks to @acme for fixing our order in under an hour. "
            "Amazing service!",
            note="Without your handles set, the checker cannot tell whose praise it is.",
        ),
        Example(
            "RT @jane_doe: Our city's new cycle lanes cut commute times by a fifth "
            "https://example.org/cycle-lanes",
            handles=("@acme",),
            note="Resharing someone else's news.",
        ),
        Example(
            "RT @jane_doe: @acme the checkout page is down again, anyone else?",
            handles=("@acme",),
            note="Resharing a report about you is not praise.",
        ),
        Example(
            "Thank you @jane_doe for the kind words about our team! 💙",
            handles=("@acme",),
            note="Thanking someone directly is the right move.",
        ),
    ),
)


# ------------------------------------------------------------------------------ hard-sell

# Offers that are selling wherever they stand. A ``Phrases`` list (used for its
# whole-word regex, which also takes a team's own terms), read by ``_hard_sell``.
_SELL_WORDS = Phrases(
    (
        *("promo code", "discount code", "coupon code", "voucher code", "limited-time offer"),
        *("limited time offer", "limited-time deal", "limited time deal", "flash sale"),
        *("for a limited time only", "while stocks last", "while supplies last"),
        *("free shipping", "buy one get one", "BOGO", "add to cart", "sale ends"),
        *("lowest prices", "lowest price ever", "back in stock"),
    ),
    "",
)
_SELL_IMPERATIVE = re.compile(
    r"(?<![^\W_])(?:buy\s+(?:it\s+)?now|shop\s+now|order\s+(?:now|today|yours)|buy\s+today|"
    r"(?:get|grab)\s+yours|pre-?order\s+(?:now|today)|call\s+now)(?![^\W_])",
    re.IGNORECASE,
)
_SELL_PATTERN = re.compile(
    r"\b\d{1,3}\s?%\s?(?i:off)\b"
    r"|\b(?i:use\s+(?:the\s+)?(?:promo\s+|discount\s+|coupon\s+)?code)\s*:?\s*[A-Z0-9]{3,}\b"
    r"|\b(?i:dm\s+(?:me\s+|us\s+)?(?:to|for)\s+(?:buy|order|purchase|prices?|pricing))\b"
    r"|\b(?i:link\s+in\s+bio\s+to\s+(?:buy|shop|order))\b"
)
# Urgency is a sales tool but also ordinary event talk ("don't miss out on the
# meetup"), so it counts only beside a real offer or a price.
_URGENCY = re.compile(
    r"(?<![^\W_])(?:don['’]?t\s+miss\s+out|last\s+chance|today\s+only|act\s+now|hurry|"
    r"limited\s+(?:time|stock|spots|places|seats)|only\s+\d{1,3}\s+left|"
    r"ends\s+(?:tonight|today|soon|at\s+midnight))(?![^\W_])",
    re.IGNORECASE,
)
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?(?:USD|EUR|GBP|€|£)\b")


def _hard_sell(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    prose = draft.prose
    strong: list[re.Match[str]] = [*_SELL_WORDS.regex(terms).finditer(prose)]
    strong += _SELL_PATTERN.finditer(prose)
    strong += (m for m in _SELL_IMPERATIVE.finditer(prose) if clause_start(prose, m.start()))
    for m in strong:
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}” is selling language: lead with something useful to your readers "
            "and keep the offer to one plain line.",
        )
    if strong or _PRICE.search(prose):
        yield from regex_hits(
            _URGENCY,
            prose,
            "“{match}” adds sales pressure: drop the urgency and let the offer speak for itself.",
        )


HARD_SELL = Rule(
    name="hard-sell",
    pillar=Pillar.SHARING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags selling language: “buy now”, “% off”, “use code”, “limited-time offer”, “DM "
        "to order”, and urgency (“don't miss out”) beside an offer or a price."
    ),
    why=(
        "People follow you to learn something or talk, not to be sold to. Social media "
        "turned advertising into a conversation, and a pitch is a conversation stopper. "
        "Share what helps first; when you do have an offer, one plain line is enough and "
        "earns more trust than a countdown."
    ),
    fix=(
        "Lead with what is useful or interesting to your readers, and mention the offer "
        "once, plainly, without pressure."
    ),
    guide="sharing/sharing-not-selling.md",
    seeds=("002", "000"),
    matcher=Custom(_hard_sell),
    takes_terms=True,
    flags=(
        Example(
            "Spring sale! 30% off everything in store this weekend 🌸",
            platform="facebook",
            note="A discount as the whole message.",
        ),
        Example(
            "Use code SPRING20 at checkout for free shipping on all orders.",
            platform="instagram",
        ),
        Example(
            "Limited-time offer: the complete course bundle for $49. Don't miss out!",
            platform="linkedin",
            note="An offer plus urgency.",
        ),
        Example(
            "DM to order 📩 Only 5 left in this colour.",
            platform="instagram",
        ),
        Example(
            "Hi Sam, I help agencies cut hosting costs. Book a call this week and get 20% "
            "off your first month.",
            platform="linkedin",
            kind="invitation",
            note="A sales pitch in a connection request.",
        ),
    ),
    passes=(
        Example(
            "Don't miss out on tomorrow's community meetup: talks on accessibility and a "
            "bring-your-own-lunch picnic.",
            platform="mastodon",
            note="Urgency about an event, with nothing for sale.",
        ),
        Example(
            "Use code blocks in your README so people can copy commands without errors.",
            note="“Use code” followed by ordinary words, not a discount code.",
        ),
        Example(
            "I can't afford to buy now, so I'm waiting for the second-hand market.",
            platform="threads",
            note="“buy now” inside a sentence, not a call to buy.",
        ),
        Example(
            "Last chance to submit a talk for our free community conference: the call for "
            "papers closes Friday.",
            platform="linkedin",
        ),
        Example(
            "Our shop reopens Monday after the flood. Thank you to everyone who helped us "
            "clean up.",
            platform="facebook",
        ),
    ),
)


# ---------------------------------------------------------------------------- self-centered

_MIN_WORDS = 12
_MIN_FIRST_PERSON = 4
_SHARE = 0.2  # a fifth of all words: "I ... my ... I ... my"
# Words that bring other people into a post even without a handle.
_OTHERS = frozenset(
    {
        *("thank", "thanks", "thx", "congrats", "congratulations", "kudos", "shoutout"),
        *("shout-out", "everyone", "everybody", "anyone", "anybody", "folks", "together"),
        *("welcome", "team", "teammates", "colleagues", "friends", "community", "customers"),
        *("clients", "readers", "he", "she", "they", "them", "his", "her", "their"),
    }
)


def _self_centered(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if draft.mentions or "?" in draft.prose:
        return
    keys = [word_key(w.value) for w in draft.words]
    if len(keys) < _MIN_WORDS or any(k in SECOND_PERSON or k in _OTHERS for k in keys):
        return
    mine = sum(k in FIRST_PERSON for k in keys)
    if mine < _MIN_FIRST_PERSON or mine / len(keys) < _SHARE:
        return
    start = len(draft.text) - len(draft.text.lstrip())
    end = len(draft.text.rstrip())
    yield Hit(
        start,
        end,
        f"{mine} of these {len(keys)} words are I, me, my, we or our, and nobody else is named "
        "or asked: bring someone in, credit a source, thank a person or ask readers something.",
    )


SELF_CENTERED = Rule(
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
            "I just launched my new course and I am so proud of what I built. My students "
            "love it and I think my best work is yet to come.",
            note="Seven of 29 words are about me.",
        ),
        Example(
            "We are proud to announce our new app. We built it because we believe our "
            "product is the best on the market, and we know our design is unmatched.",
            platform="linkedin",
            note="A brand talking only about itself.",
        ),
        Example(
            "My book, my podcast, my course and my keynote all in one week. I worked hard "
            "for this and I deserve every bit of it.",
            platform="facebook",
        ),
        Example(
            "I won the regional award again this year. I was the only finalist from my "
            "city, and I gave a speech I wrote myself.",
            platform="threads",
        ),
    ),
    passes=(
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
    ),
)


RULES: tuple[Rule, ...] = (
    BARE_LINK,
    UNCREDITED_SHARE,
    UNVERIFIED_CLAIM,
    MASKED_LINK,
    VANITY_RETWEET,
    HARD_SELL,
    SELF_CENTERED,
)
