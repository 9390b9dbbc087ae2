"""The ``engagement-bait`` rule: calls for likes, shares, tags and one-word comments.
Seed articles: 000-002.

Its declaration (``RULE``), matcher and examples; its page is rules/engagement-bait/ and
its tests are in tests/rules/test_engagement_bait.py and tests/test_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules.base import (
    AnyOf,
    Custom,
    Example,
    Hit,
    Pattern,
    Rule,
)
from checker.rules.text import (
    EMOJI,
    gate,
    has_any,
    inside,
    needles,
    quoted_spans,
    without_overlaps,
)


def _bait(
    letters: str,
    needs: tuple[str, ...],
    pattern: str,
    message: str,
    *,
    imperative: bool = True,
    case: bool = False,
) -> Pattern:
    """A call for a reflex; ``letters``: every letter it can start with (see ``gate``);
    ``needs``: words one of which every match contains (see ``Pattern``)."""
    flags = 0 if case else re.IGNORECASE
    return Pattern(gate(letters, pattern), message, flags, imperative=imperative, needs=needs)


_ACT = (
    r"(?:rt|retweet|repost|reshare|share|like|heart|fav|favou?rite|boost|reblog|double[\s-]?tap|"
    r"🔁|♻️?)"
)
# "share if you can", "share if you want the slides", "share if you're local" are offers
# and asks for help, not bait
_NOT_BAIT_IF = (
    r"(?!\s*(?:want|wish|need|prefer|can|could|would|have|like\s+the)\b|['’]d\b"
    r"|\s*(?:['’]re|\s+are|\s+r)\s+(?:local|in|nearby|near|around|based)\b"
    r"|\s+live\s+(?:in|near|nearby|locally|around)\b)"
)
_READER = r"(?:you|u|ya|ur|you['’]re|youre|your)"
# What the tap is asked for: "like this", "like this post", "heart this photo".
_THIS = r"(?:(?:this|it)\s+(?:(?:post|photo|pic|picture|tweet|toot|one|video|reel|status)\s+)?)"
# What a reshare is said to be for: "to help someone", "so every owner sees this".
_PURPOSE = (
    r"(?:to\s+(?:help|show|remind|support|reach|spread|let|inspire|save)\b"
    r"|to\s+(?:\d{1,2}|one|two|three|four|five|ten|everyone|all\s+your|people|someone|"
    r"somebody)\b"
    # "so people know" passes on a warning; "so every owner sees this" chases reach
    r"|so\s+(?:that\s+)?(?:every|more|others|people|everyone|your|they|it|the\s+right)\b"
    r"(?![\w\s]{0,20}?\b(?:know|aware|careful|safe)\b)|and\s+(?:tag|share|"
    r"follow|i['’]ll|we['’]ll|comment|like|save|invite)\b|,?\s*then\s+(?:follow|tag|share|"
    r"comment)\b|with\s+(?:a\s+friend|someone|somebody|your|three|two|five|\d|everyone|"
    r"anyone)\b|for\s+later\b)"
)
_TAG_WHO = (
    r"(?:friends?|mates?|buddy|buddies|besties?|people|someone|somebody|a\s+person|"
    r"the\s+person|colleagues?|co-?workers?|your\s+(?:friends?|bestie|mates?|squad|crew))"
)
# "Tag the person who took this": a tag asked for to credit someone is not bait.
_MADE_IT = r"(?:took|made|shot|drew|wrote|painted|filmed|designed|created|owns)\b"
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|ten|some|all\s+your|your)"
_QUOTE_OPEN = "\"“'‘"
_QUOTE_CLOSE = "\"”'’"

_BAITS = (
    _bait(
        "rslhfbd🔁♻",
        (
            "rt",
            "retweet",
            "repost",
            "reshare",
            "share",
            "like",
            "heart",
            "fav",
            "boost",
            "reblog",
            "double",
            "🔁",
            "♻",
        ),
        rf"(?:\b|(?=[🔁♻])){_ACT}\s*{_THIS}?if\s+{_READER}(?!\w){_NOT_BAIT_IF}",
        "“{match}…” asks for a reflex, not a reply: ask a question people can answer instead.",
    ),
    _bait(
        "lhfd❤",
        ("like", "heart", "fav", "double", "❤"),
        r"(?:\b|(?=❤))(?:like|heart|fav|favou?rite|double[\s-]?tap|❤️?)\s*"
        rf"{_THIS}?if\s+{_READER}(?!\w)",
        "“{match}…” asks for a reflex, not a reply: ask a question people can answer instead.",
    ),
    _bait(
        "rslhfbd🔁♻",
        (
            *("rt", "retweet", "repost", "reshare", "share", "like", "heart", "fav", "boost"),
            *("reblog", "double", "🔁", "♻"),
        ),
        rf"(?:\b|(?=[🔁♻])){_ACT}\s*(?:this\s+|it\s+)?if\s+(?:this|it)\s+"
        r"(?:resonates?|resonated|rings\s+true|hits?\s+(?:home|different)|speaks\s+to\s+you|"
        r"spoke\s+to\s+you|made\s+you|moved\s+you|is\s+(?:you|relatable|so\s+true))\b",
        "“{match}” asks for a reshare, not a reply: ask what people would add instead.",
    ),
    _bait(
        "t",
        ("tag",),
        rf"\btag\s+(?:the|that|this)\s+(?:one\s+)?(?:[\w'’-]+\s+)?(?:{_TAG_WHO}|friend|mate|"
        r"coworker|co-worker|colleague|person|one|guy|girl|mum|mom|dad|sister|brother|partner|"
        r"bestie|boss|neighbou?r)\s+(?:who|that|whose)\b"
        rf"(?!\s+{_MADE_IT})",
        "“{match}” turns readers into distributors: ask them what they think instead.",
    ),
    _bait(
        "lrshfc",
        ("like", "rt", "retweet", "repost", "share", "heart", "follow", "comment"),
        r"\b(?:like|rt|retweet|repost|share|heart|follow|comment)\s*(?:,|and\b|&|\+|n\b|or\b)\s*"
        r"(?:share|rt|retweet|repost|like|comment|subscribe|follow|tag|invite|save)\b"
        r"(?!\s+(?:counts?|buttons?|rates?|metrics?|numbers?|your|what|how|why|which)\b)",
        "“{match}” asks for clicks rather than thoughts: end with a real question instead.",
    ),
    _bait(
        "t",
        ("tag",),
        rf"\btag\s+(?:{_NUM}\s+)?{_TAG_WHO}\b(?!\s+(?:who|that)\s+{_MADE_IT})",
        "“{match}” turns readers into distributors: ask them what they think instead.",
    ),
    _bait(
        "ctdw",
        ("comment", "type", "drop", "write"),
        rf"\b(?i:comment|type|drop|write)\s+(?:(?i:an?)\s+)?[{_QUOTE_OPEN}]?[A-Z]{{2,10}}"
        rf"[{_QUOTE_CLOSE}]?"
        r"(?=\s+(?i:if|below|in\s+the\s+comments|and|for)\b|\s*[!.,]|\s*$)",
        "“{match}” asks for a one-word reflex: ask a question with a real answer instead.",
        case=True,
    ),
    _bait(
        "dlctr",
        ("drop", "leave", "comment", "type", "reply"),
        rf"\b(?:drop|leave|comment|type|reply\s+with)\s+(?:(?:a|an|your|some)\s*)?"
        rf"(?:emoji|heart|[{EMOJI}])(?!\S*\s*(?:reviews?|ratings?)\b)",
        "“{match}” asks for a reflex, not a reply: ask something people can answer.",
    ),
    _bait(
        "shtcp",
        ("smash", "hit", "tap", "click", "press"),
        r"\b(?:smash|hit|tap|click|press)\s+(?:that\s+|the\s+|this\s+)?"
        r"(?:(?:like|subscribe|heart|share|bell|re-?post|retweet|rt|re-?share|boost|reblog)"
        r"(?:\s+button)?\b|follow\s+button\b"
        r"|follow\s+(?:and|&)\s+(?:turn\s+on|hit|ring|smash|tap)\b)",
        "“{match}” asks for clicks, not conversation: give people something to answer.",
    ),
    _bait(
        "sfcr",
        ("share", "send", "forward", "copy", "repost"),
        r"\b(?:share|send|forward|copy\s*(?:and|&)\s*paste|repost)\s+(?:this|it)\s+"
        r"(?:to|with|on|onto)\s+(?:\d{1,2}|ten|five|all\s+your|everyone|every\s+one|"
        r"your\s+(?:wall|status|timeline|story|profile))\b",
        "“{match}” reads like a chain letter: say why it matters and let people decide.",
    ),
    _bait(
        "rsbqlhfpt",
        (
            "post",
            "rt",
            "retweet",
            "share",
            "boost",
            "reblog",
            "quote",
            "like",
            "heart",
            "save",
            "forward",
            "send",
            "pass",
        ),
        r"\b(?:re-?post|rt|retweet|re-?share|share|boost|reblog|quote|like|heart|save|forward|"
        r"send|pass)\s+(?:this\s+post|this|it|the\s+post)?\s*(?:on\s+)?,?\s*" + _PURPOSE,
        "“{match}” asks readers to spread the post rather than answer it: say why it "
        "matters, ask a real question, and let people share it if it helped them.",
    ),
    _bait(
        "fe",
        ("follow",),
        r"\bfollow\s+(?:everyone|everybody|all)\s+who\s+(?:likes?|replies|comments?|shares?|"
        r"reposts?|boosts?|follows?|rts?)\b|\bfollow\s+each\s+other\b"
        r"|\beveryone\s+who\s+(?:comments?|likes?|shares?|replies|reposts?)\s+gets\s+a\s+follow\b",
        "“{match}” trades follows for clicks: a crowd that came for a follow back won't read "
        "you. Give people a reason to follow instead.",
        imperative=False,
    ),
    # a chain letter's quota, wherever it stands: "unless you forward this to 10 groups"
    _bait(
        "sfpc",
        ("share", "send", "forward", "pass", "copy"),
        r"\b(?:share|send|forward|pass|copy)\s+(?:this|it)\s+(?:message\s+)?(?:on\s+)?to\s+"
        r"(?:at\s+least\s+)?(?:\d{1,2}|five|ten|fifteen|twenty)\s+(?:other\s+|more\s+)?"
        r"(?:groups|people|friends|contacts|chats)\b",
        "“{match}” reads like a chain letter: say why it matters and let people decide.",
        imperative=False,
    ),
    _bait(
        "ag",
        ("agree", "give"),
        rf"\bagree\s*\?+\s*[{EMOJI}]|\bgive\s+(?:this|it)\s+an?\s+[{EMOJI}]",
        "“{match}” asks for a tap, not a thought: ask what people would add instead.",
    ),
    _bait(
        "cp",
        ("compart", "partag", "teil", "condivid"),
        r"\b(?:comparte|compartan|compartid|partagez|partage|teilt|teile|condividi)\s+"
        r"(?:si|se|wenn|s['’]il)\b",
        "“{match}” asks for a share on command: ask a question people can answer instead.",
    ),
    _bait(
        "bo",
        ("bet", "only"),
        r"\b(?:bet|betcha)\s+(?:you|u)\s+(?:won['’]?t|wont|can['’]?t|cant)\s+"
        r"(?:share|like|rt|retweet|repost)\b|\bonly\s+\d{1,2}\s*%\s+(?:of\s+(?:you|people)\s+)?"
        r"will\s+(?:share|like|rt|retweet|repost)\b",
        "“{match}” dares people into sharing: give them a reason instead.",
        imperative=False,
    ),
)


# An emoji poll: "❤️ = summer, 🔥 = winter": the reply is a tap, not a thought.
_EMOJI_VOTE = re.compile(rf"[{EMOJI}]\ufe0f?\s*=\s*[^\W\d_]+(?=[^=\n]*?[{EMOJI}]\ufe0f?\s*=)")
# The same poll with "for", in a post that asks something ("Film night? 👍 for Jaws,
# 😍 for Paddington"): a menu's key ("🌱 for vegan") asks nothing.
_EMOJI_FOR_VOTE = re.compile(
    rf"[{EMOJI}]\ufe0f?\s*for\s+[^{EMOJI}\n,;]{{1,60}}?(?=[\s,;]*(?:or\s+)?[{EMOJI}]\ufe0f?\s*for\s)",
    re.IGNORECASE,
)
_ASKS = re.compile(r"\?|\b(?:vote|react|choose|which|decide)\b", re.IGNORECASE)
# A request to pass on news of something lost, missing, stolen or needed (a pet, a
# person, blood donors) is community help: its "please share" is not bait.
_COMMUNITY = re.compile(
    r"\b(?:lost|missing|stolen|found|last\s+seen|has\s+dementia|hasn['’]t\s+come\s+home|"
    r"police|appeal|witness(?:es)?|call\s+(?:101|999|911)|blood|donors?|donation|food\s+bank|"
    r"shelter|volunteers?|evacuat\w+|flood(?:ing)?|road\s+closed)\b",
    re.IGNORECASE,
)
_DISTRIBUTE = frozenset(
    {"share", "rt", "retweet", "repost", "reshare", "re-post", "re-share", "boost", "reblog"}
    | {"pass", "forward", "send", "spread", "please", "pls", "plz", "🔁", "♻", "♻️"}
)
_BAIT_TABLE = AnyOf(_BAITS)


# Every word one of the patterns above needs, and the emoji of a poll: a post with
# none of them is done in one scan.
_ANY_BAIT = needles(*(b.needs for b in _BAITS), ("=", " for "))


def _find_bait(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if not has_any(_ANY_BAIT, draft.folded):
        return iter(())
    hits = list(_BAIT_TABLE.find(draft, terms))
    vote = _EMOJI_VOTE.search(draft.prose)
    if vote is None and " for " in draft.lower and _ASKS.search(draft.prose):
        vote = _EMOJI_FOR_VOTE.search(draft.prose)
    if vote:
        hits.append(
            Hit(
                vote.start(),
                vote.end(),
                f"“{vote.group()}” asks for an emoji vote, a tap rather than a reply: ask "
                "what people think and why.",
            )
        )
    quotes = quoted_spans(draft.prose) if hits else []
    if quotes:
        # "posts that end with 'like and share if…'": bait quoted is bait talked about
        hits = [h for h in hits if not inside(quotes, h.start, h.end)]
    if hits and _COMMUNITY.search(draft.prose):
        # "Please share if you're local": spreading word of a lost cat is the point
        hits = [
            h for h in hits if draft.prose[h.start : h.end].split()[0].lower() not in _DISTRIBUTE
        ]
    return without_overlaps(hits)


RULE = Rule(
    name="engagement-bait",
    pillar=Pillar.COLLABORATING,
    severity=Severity.WARNING,
    summary=(
        "Flags calls for likes, shares, reposts, tags, emoji votes and one-word comments "
        "instead of a real question; asks to pass on a lost pet, a missing person or a "
        "blood drive pass."
    ),
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
    matcher=Custom(_find_bait),
    flags=(
        Example(
            "⟦Like this post if you⟧ remember the bandstand concerts 🎺",
            platform="facebook",
            note="A plain call for likes, with “this post” between the verb and “if”.",
        ),
        Example(
            "Fresh bagels at 7 🥯 ⟦Double tap if you⟧'d grab one on the way to work",
            platform="instagram",
            note="A reaction on a condition is bait, however the condition is worded.",
        ),
        Example(
            "⟦Tag the mate who⟧ always orders the same curry 🍛",
            platform="instagram",
            note="Tagging a type of person: readers as distributors.",
        ),
        Example(
            "Lunch spot for Friday? ⟦🍕 for Gino's⟧, 🍜 for the noodle bar",
            platform="facebook",
            note="A vote by reaction emoji, with “for” as well as “=”.",
        ),
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
        Example(
            "Most meetings could be an email. ⟦Repost to help⟧ someone who needs to hear it ♻️",
            platform="linkedin",
            note="A plain imperative, no “if”: the repost is the point of the post.",
        ),
        Example(
            "Hot take: tabs beat spaces. ⟦Agree? 🔁⟧",
            platform="bluesky",
            note="An emoji in place of a question asks for a tap.",
        ),
    ),
    passes=(
        Example(
            'We stopped ending our posts with "like and share if you agree" and the replies '
            "got better.",
            platform="linkedin",
            note="Bait in quotation marks is talked about, not asked for.",
        ),
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
        Example(
            "Missing: our tabby Miso, last seen on Elm Street on Sunday. Please share if "
            "you're nearby and check your garages 🙏",
            platform="facebook",
            note="Passing on word of a lost pet is community help, not bait.",
        ),
        Example(
            "Blood donors needed at the town hall session on Friday, O negative especially. "
            "Please repost so more people see it: https://example.org/give-blood",
            platform="threads",
            note="A blood drive: the share is the help.",
        ),
        Example(
            "Who took this photo of the harbour? Tag the person who shot it, I'd like to "
            "credit them.",
            platform="instagram",
            note="A tag asked for to give credit, not reach.",
        ),
    ),
)
