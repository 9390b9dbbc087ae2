"""The ``follower-chasing`` rule: follow-for-follow, follower-count races and brags.
Seed articles: 003, 004.

Its declaration (``RULE``), matcher and examples; its page is rules/follower-chasing/ and
its tests are in tests/rules/test_follower_chasing.py and tests/test_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules.base import (
    Custom,
    Example,
    Hashtags,
    Hit,
    Rule,
)
from checker.rules.literals import Alternatives
from checker.rules.text import (
    any_in,
    clause_start,
    gate,
    has_any,
)

# follower-chasing

_N = r"\d[\d,.]*(?<=\d)\s*[kKmM]?\+?"  # "50,000," ends at its last digit
_N_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a)\s+"
    r"(?:hundred|thousand|million)"
)
_FOLLOWERS = r"(?:followers|follows|subs|subscribers|likes)"
_MINE = r"(?:i|we|i['’]?ll|ill|we['’]ll|i\s+will|we\s+will|will)"
_CHASE = Alternatives(
    gate(
        "flsiwhrpjcgdtoaenum0123456789",
        # follow-for-follow deals, in any spelling
        r"\b(?:follow\s*(?:4|for|2)\s*follow(?:\s*back)?|follow4follow|followforfollow|like4like|"
        r"likeforlike|sub\s*(?:4|for|2)\s*sub|f4f|l4l)\b"
        rf"|\b{_MINE}\s+(?:always\s+|now\s+)?follow\s+(?:you\s+|u\s+|everyone\s+|everybody\s+)?"
        r"(?:back|bk)\b"
        r"|\bfollow\s+(?:me|us)\s+(?:and|&|n)\s+(?:i|we)(?:['’]ll|\s+will|ll)?\s+follow\b"
        r"|\bpeople\s+who\s+follow\s+back\b"
        r"|\b100\s*%\s+follow\s*back\b"
        r"|\b(?:follow|gain)\s+train\b"
        # races to a number
        r"|\bhelp\s+(?:me|us)\s+(?:reach|hit|get\s+to|get|cross|pass|break|grow\s+to|beat)\s+"
        r"[^.!?\n]{0,25}?\bfollowers\b"
        rf"|\b(?:road|race|push|journey|countdown)\s+to\s+{_N}\s+followers\b"
        rf"|\b{_N}\s+more\s+{_FOLLOWERS}\s+(?:to|until|till|and|before|away|needed)\b"
        rf"|\b{_N}\s+more\s+(?:and|to|until|till)\s+(?:we|i)\s+(?:hit|reach|get\s+to|make)\s+{_N}"
        rf"|\b{_N}\s+{_FOLLOWERS}\s+(?:away|to\s+go|short)\b"
        rf"|\b(?:so\s+close\s+to|almost\s+at|nearly\s+at|almost\s+to)\s+{_N}\s+followers\b"
        rf"|\bwho['’]?s\s+(?:gonna|going\s+to)\s+be\s+(?:my|our)\s+{_N}\b"
        rf"|\b(?:trying|aiming|want|wanna|hoping)\s+to\s+(?:hit|reach|get\s+to|make)\s+"
        rf"{_N}\s+{_FOLLOWERS}\b"
        # a race asked as a question or set against a date: "5k followers by Christmas??"
        rf"|\b(?:{_N}|{_N_WORDS})\s+followers\s+(?:by|before)\s+(?:the\s+|our\s+|my\s+)?[\w'’-]+"
        r"|\b(?:free|instant)\s+followers\b"
        # a countdown in other words: "18 away from 2,000 followers", "120 short of 3k"
        rf"|\b{_N}\s+(?:away\s+from|off|short\s+of|shy\s+of|from\s+hitting)\s+(?:the\s+)?{_N}\s+"
        rf"{_FOLLOWERS}\b"
        # a target set out: "Goal for 2027: hit 25K followers", "my target: 50K followers"
        r"|\b(?:goal|target|aim|resolution|mission)(?:\s+for\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s*"
        r"(?::|=|[-—–]|is)\s*(?:to\s+)?(?:hit|reach|get\s+to|make|grow\s+to|cross)?\s*"
        rf"{_N}\s+{_FOLLOWERS}\b"
        # a follow-back begged: "would be nice if you followed back", "pls follow me back"
        r"|\bwould\s+be\s+(?:nice|great|cool|lovely|good|kind)\s+"
        r"(?:if\s+(?:you|u)\s+)?follow(?:ed)?\s+(?:me\s+|us\s+)?back\b"
        r"|\b(?:gain|get)\s+(?:more\s+)?followers\s+(?:fast|quickly|now|today|instantly)\b"
        r"|\bdrop\s+(?:your|ur)\s+(?:handles?|@s?|usernames?|channels?|links?|accounts?)\s+"
        r"(?:below\s+|here\s+)?(?:and|&)\s+(?:i|we)(?:['’]ll|\s+will)?\s+(?:follow|subscribe|sub|add)\b",
    ),
    re.IGNORECASE,
)
# Said as an imperative: "Follow for more!", "Pls follow me back", "then follow
# everyone who replies" (but "Should you follow back everyone…?" is a question).
_CHASE_IMPERATIVE = re.compile(
    gate(
        "f",
        r"\bfollow\s+(?:me\s+|us\s+)?(?:back|for\s+more)\b"
        r"|\bfollow\s+(?:back\s+)?(?:everyone|everybody|all)\s+who\s+(?:likes?|replies|"
        r"comments?|shares?|reposts?|boosts?|follows?|rts?)\b",
    ),
    re.IGNORECASE,
)
# A follower count used as a credential, with or without "my": "with 45,000 followers
# on this platform", "I have now 30.000 followers", "followed by over 100k people".
_BRAG = re.compile(
    gate(
        "wiafrtlbsgh0123456789",
        rf"\bwith\s+(?:my\s+|our\s+)?(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?({_N})\s+"
        r"followers\b"
        rf"|\b(?:i|we)\s+(?:now\s+)?have\s+(?:now\s+)?(?:over\s+|more\s+than\s+|almost\s+|"
        rf"nearly\s+)?({_N})\s+followers\b"
        rf"|\bfollowed\s+by\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?({_N})\s+"
        r"(?:people|followers|accounts|readers)\b"
        rf"|\b({_N})\s+(?:people|followers|of\s+you|accounts|folks)\s+(?:now\s+)?follow\s+"
        r"(?:me|us|this\s+(?:account|page|blog|channel|feed|profile))\b"
        # a count as a credential: "60K followers deep", "trusted by 40k followers"
        rf"|\b({_N})\s+followers\s+(?:deep|strong)\b"
        rf"|\b(?:trusted|loved|read|backed|enjoyed)\s+by\s+(?:over\s+|more\s+than\s+|nearly\s+|"
        rf"almost\s+)?({_N})\s+followers\b"
        # growth as the headline: "How I gained 10k followers in a month"
        r"|\b(?:i|we|how\s+to)\s+(?:gained|gain|grew|grow|got|get|added|picked\s+up|went\s+from)\b"
        rf"[^.!?\n]{{0,20}}?({_N})\s+(?:new\s+)?followers\s+in\s+(?:just\s+|only\s+|under\s+|"
        r"less\s+than\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
        r"(?:days?|weeks?|months?|years?|hours?)\b"
        # an audience as a credential: "having grown a following of 85,000"
        rf"|\b(?:audience|following|fanbase|fan\s+base|readership)\s+of\s+(?:over\s+|more\s+than\s+|"
        rf"nearly\s+|almost\s+|about\s+)?({_N})",
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

_CHASE_HASHTAGS = Hashtags(
    _CHASE_TAGS, "“{tag}” is a follow-for-follow tag: it gathers numbers, not readers."
)


def _big(number: str) -> bool:
    """A follower count worth bragging about: 1,000 or more, or with a K or M."""
    n = number.strip().rstrip("+").strip()
    if n[-1:].lower() in ("k", "m"):
        return True
    digits = re.sub(r"[,.\s]", "", n)
    return digits.isdigit() and int(digits) >= 1000


# Words one of which every pattern here needs: a post with none of them is not run.
_NEEDS = (
    *("follow", "f4f", "l4l", "4like", "forlike", "sub", "train", " more ", "gonna be"),
    *("going to be", "audience", "readership", "fanbase", "fan base"),
)


# Gates (see ``has_any``): a word every match of the pattern holds, one per branch.
# _CHASE_IMPERATIVE: "follow". _BRAG: "follow" ("followed", "following"), or an
# audience, fan base or readership. (_CHASE gates each of its alternatives itself.)
_FOLLOW_GATE = ("follow",)
_BRAG_GATE = ("follow", "audience", "fan", "readership")


def _find_follower_chasing(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if not any_in(_NEEDS, draft.lower):
        return
    text, folded = draft.prose, draft.folded
    chase = _CHASE.gated(folded)
    for m in chase.finditer(text) if chase else ():
        if m.start() > 0 and text[m.start() - 1] in "#@":
            continue  # a hashtag is judged whole, below
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}” chases a follower count rather than people: say what you post "
            "and let people follow for that.",
        )
    follow = has_any(_FOLLOW_GATE, folded)
    for m in _CHASE_IMPERATIVE.finditer(text) if follow else ():
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
    for m in _BRAG.finditer(text) if has_any(_BRAG_GATE, folded) else ():
        if _big(next((g for g in m.groups() if g), "")):
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” leads with a follower count: what you do with your readers "
                "says more than how many there are.",
            )
    yield from _CHASE_HASHTAGS.find(draft, terms)


RULE = Rule(
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
        Example(
            "Only ⟦18 away from 2,000 followers⟧ 😱 can you help us get there?",
            platform="instagram",
            note="A countdown to a round number, in other words than “N more”.",
        ),
        Example(
            "How ⟦I gained 10k followers in 30 days⟧, a thread 🧵",
            note="Growth in followers as the headline.",
        ),
        Example(
            "After building an ⟦audience of 120k⟧, here is what I'd tell my younger self.",
            platform="linkedin",
            note="A count as a credential needs neither “my” nor “followers”.",
        ),
        Example(
            "⟦3,000 followers by Saturday⟧? We're 80 away!",
            platform="instagram",
            note="A race asked as a question is still a race.",
        ),
        Example("New here! ⟦I follow back⟧ 100%, let's grow together ⟦#TeamFollowBack⟧"),
        Example(
            "Only ⟦37 more followers to⟧ 1,000! Help me get there, follow for more tips 🙏",
            platform="threads",
        ),
        Example("⟦F4F⟧ anyone? ⟦Drop your handle and I'll follow⟧", platform="instagram"),
        Example(
            "⟦Help me reach 10K followers⟧ by Friday and I'll post the full deck.",
            platform="linkedin",
        ),
        Example(
            "As a creator ⟦with my 80K followers⟧, I can tell you: hooks matter.",
            platform="linkedin",
        ),
        Example(
            "Great thread! ⟦Follow me back⟧ pls",
            platform="x",
            note="A plea for a follow with nothing offered.",
        ),
        Example(
            "⟦With 45,000 followers⟧ on this platform, I've learned what makes a post work.",
            platform="linkedin",
            note="A count as a credential, no “my” needed.",
        ),
        Example(
            "⟦So close to 10k followers⟧! help me get there 🙏",
            platform="threads",
        ),
    ),
    passes=(
        Example(
            "The choir is 14 away from 100 members, which is wonderful for a village.",
            platform="facebook",
            note="A club counting its members is not chasing followers.",
        ),
        Example(
            "Thanks for following the match thread tonight, what a finish!",
            note="Following a live thread is not following an account.",
        ),
        Example(
            "Thank you to the 2,000 people who follow this page for keeping the archive alive.",
            platform="facebook",
            note="Thanking readers is not leading with a count.",
        ),
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
        Example(
            "Followers of the river clean-up page: we meet at the bridge at 9 on Saturday.",
            platform="facebook",
            note="Talking to your followers is not chasing them.",
        ),
        Example(
            "Our union branch has 1,200 members, and every one of them gets a vote.",
            platform="linkedin",
            note="A count that is a fact about the group, not a plea or a credential.",
        ),
    ),
)
