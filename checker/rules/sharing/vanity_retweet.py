"""The ``vanity-retweet`` rule: a reshare of someone's praise of the writer.
Seed articles: 003.

Its declaration (``RULE``), matcher and examples; its page is rules/vanity-retweet/ and
its tests are in tests/rules/test_vanity_retweet.py and tests/test_rules.py.
"""

from __future__ import annotations

import bisect
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
from checker.rules.text import has_any

# A reshare: "RT @fan:", "MT @fan", or the old quote form “@fan: their words”. The
# source may be a fediverse or Bluesky handle (@ines@fosstodon.org, @kelp.bsky.social).
_HANDLE = r"@([\w.]*\w(?:@[\w-]+(?:\.[\w-]+)+)?)"
_RT_OF = re.compile(
    rf"\b(?:RT|MT|QT|(?i:boosting|boosted|reposting|resharing|quote-?boosting)"
    rf"(?:(?:\s+[\w'’-]+){{0,4}}?\s+(?i:from|by))?)\b\s*(?::\s*)?{_HANDLE}|[\"“]{_HANDLE}:"
)
# Praise is what the reshared words do, said many ways: a word of praise or thanks,
# a superlative ("the cosiest", "the most patient"), a rescue ("saved my weekend"), a
# recommendation ("take it", "you haven't lived"), stars.
_PRAISE = re.compile(
    r"\b(?:amazing|awesome|great|lov(?:e|ed|ing|ely)|thanks?|thank\s+you|thx|ty|brilliant|"
    r"fantastic|incredible|recommend(?:ed)?|kudos|shout-?out|congrat\w*|excellent|wonderful|"
    r"legends?|genius|inspiring|impressive|superb|outstanding|fab(?:ulous)?|stellar|helpful|"
    r"rocks?|nailed|(?:super)?stars?|heroe?s?|lifesaver|favou?rite|perfect|gem|delightful|"
    r"beautiful|terrific|top-notch|best|saved|saves|blinder|goosebumps|dream|never\s+forget|"
    r"like\s+(?:she|he|they)\s+(?:was|were)\s+family|credit\s+where|haven['’]t\s+lived|"
    r"nobody\s+\w+(?:\s+\w+){0,3}\s+like|tore\s+the\s+roof|(?:five|5)\s+stars?|"
    r"(?:the|most|so)\s+(?:[\w'’-]+\s+)?[a-z]{2,}iest|the\s+(?:[\w'’-]+\s+)?[a-z]{3,}est\b"
    r"(?<!interest)(?<!request)(?<!latest)(?<!contest)(?<!protest)(?<!honest)"
    r"|the\s+most\s+\w+|the\s+reason\s+I|take\s+it"
    # an endorsement told as an outcome: "bookings doubled", "would hire them again"
    r"|doubled|tripled|halved|by\s+half|in\s+half|sold\s+out|(?:hire|book|use|pick)\s+(?:[\w@.'’-]+\s+){0,2}?again|"
    r"in\s+a\s+heartbeat|without\s+(?:a\s+single|one|any)\s+\w+|worth\s+every|"
    r"changed\s+(?:my|our|the)\s+\w+|transformed|go-to|10\s*/\s*10|came\s+through|"
    r"smashed\s+it|knocked\s+it\s+out)\b",
    re.IGNORECASE,
)
_PRAISE_EMOJI = frozenset("❤💙💜🧡💚💛🙌👏🔥💯⭐🌟🏆😍🥰🤩🙏🥹")
# Your own reaction in front of the reshare: "You're too kind 🥹", "Made our day".
_FLATTERED = re.compile(
    r"\b(?:too\s+kind|so\s+kind|made\s+(?:our|my)\s+(?:day|week)|blush\w*|humbled|chuffed)\b",
    re.IGNORECASE,
)
# Reshared words that report a problem, ask something or announce something are
# not praise: "@acme the checkout is down again, anyone else?"
_NOT_PRAISE = re.compile(
    r"\?|\b(?:broke|broken|(?:is|are|was|were|went|goes|been)\s+down|down\s+again|bug|error|issue|problem|refund|worst|awful|terrible|"
    r"disappoint\w*|still\s+waiting|never\s+again|cancel\w*|delay\w*|not\s+working|fix|"
    r"rude|needs|hosting|wanted|tickets|warning)\b",
    re.IGNORECASE,
)


@functools.cache
def _self_regex(handles: tuple[str, ...]) -> re.Pattern[str]:
    """Each of the writer's handles as it may be mentioned: "@acme", "@acme.bsky.social",
    and a Mastodon handle "acme@mastodon.social" either in full or as "@acme" (on its own
    server), never as "@acme@another.server" (someone else)."""
    alts = []
    for handle in handles:
        local, _, domain = handle.partition("@")
        alt = re.escape(local)
        if domain:
            alt += f"(?:@{re.escape(domain)})?"
        alts.append(alt)
    return re.compile(rf"(?<![\w@/.])@(?:{'|'.join(alts)})(?![\w@-]|\.\w)", re.IGNORECASE)


@functools.cache
def _self_gate(handles: tuple[str, ...]) -> tuple[str, ...]:
    """What every match of ``_self_regex`` holds: "@" and a handle's local part."""
    return tuple("@" + handle.partition("@")[0].lower() for handle in handles)


def _is_self(draft: Draft, name: str) -> bool:
    return bool(_self_regex(draft.handles).fullmatch(f"@{name}"))


def _praises(said: str, before: str) -> bool:
    if _NOT_PRAISE.search(said):
        return False
    return bool(
        _PRAISE.search(said)
        or any(c in _PRAISE_EMOJI for c in said)
        or _FLATTERED.search(before)
        or any(c in _PRAISE_EMOJI for c in before)
    )


def _vanity(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if not draft.handles:
        return  # whose praise it is needs the writer's own handles
    if not has_any(_self_gate(draft.handles), draft.folded):
        return  # the writer is not mentioned: most posts
    prose = draft.prose
    selves = list(_self_regex(draft.handles).finditer(prose))
    if not selves:
        return
    self_starts = [s.start() for s in selves]
    marks = list(_RT_OF.finditer(prose))
    for k, m in enumerate(marks):
        source = (m.group(1) or m.group(2)).lower()
        i = bisect.bisect_left(self_starts, m.end())
        if _is_self(draft, source) or i == len(selves):
            continue
        end = marks[k + 1].start() if k + 1 < len(marks) else len(prose)
        if selves[i].start() >= end:
            continue  # the writer is mentioned after another reshare, not in this one
        said = prose[m.end() : end]
        before = prose[marks[k - 1].end() if k else 0 : m.start()]
        if _praises(said, before):
            me = selves[i].group().lower()
            yield Hit(
                m.start(),
                selves[i].end(),
                f"This reshares @{source}'s praise of you ({me}): thank them in a reply "
                "instead, and reshare something useful of theirs.",
            )


RULE = Rule(
    name="vanity-retweet",
    pillar=Pillar.SHARING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags a reshare of someone praising you (“RT @fan: @you are the best”), in any words "
        "of praise; needs your own handles in the settings (a Mastodon handle in full), and "
        "stays quiet without them."
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
            "⟦Boosting @mia@mastodon.art: @lena@fosstodon.org⟧ wrote the friendliest guide "
            "to first contributions",
            platform="mastodon",
            handles=("@lena@fosstodon.org",),
            note="A Mastodon boost of praise for your own full handle.",
        ),
        Example(
            "⟦MT @dockside: booked @tidecatering⟧ for the launch and would book them again "
            "tomorrow",
            handles=("@tidecatering",),
            note="An endorsement told as an outcome, with no word of praise.",
        ),
        Example(
            "⟦RT @jane_doe: Huge thanks to @acme⟧ for fixing our order in under an hour. "
            "Amazing service!",
            handles=("@acme",),
            note="A customer's praise of you, reshared.",
        ),
        Example(
            "So kind 🥹 ⟦RT @bookworm_ben: @acme⟧ is the best bookshop in town, hands down",
            handles=("@acme",),
            note="A comment in front does not change whose praise it is.",
        ),
        Example(
            "⟦“@mo_k: @acme⟧ your new app is brilliant”",
            handles=("@acme",),
            note="The old quote-tweet form.",
        ),
        Example(
            "⟦RT @lee: Loving the new release from @acme⟧ 🙌",
            platform="mastodon",
            handles=("@acme@mastodon.social",),
            note="A Mastodon handle matches its local @name.",
        ),
        Example(
            "⟦MT @ravi_k: Best coffee in Hackney is at @daily_grind⟧, fight me ☕",
            handles=("@daily_grind",),
            note="A modified retweet (MT) of praise counts too.",
        ),
        Example(
            "⟦RT @chloe: the workshop by @inkwell_studio⟧ was brilliant, 10/10 would go again",
            handles=("@inkwell_studio",),
            note="Praise of you in someone else's words.",
        ),
        Example(
            "⟦RT @marta: @pagesbooks⟧ is the cosiest bookshop in Leeds, no contest",
            handles=("@pagesbooks",),
            note="Praise without a stock word of praise: a superlative is enough.",
        ),
        Example(
            "⟦RT @lina@hachyderm.io: @tomas@fosstodon.org⟧ wrote the clearest guide to Rust "
            "lifetimes I have read",
            platform="mastodon",
            handles=("@tomas@fosstodon.org",),
            note="On Mastodon your full handle is you too.",
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
        Example(
            "RT @acme_status: Scheduled maintenance tonight from 22:00 to 23:00 UTC.",
            handles=("@acme",),
            note="Another account of yours, but not praise of you.",
        ),
        Example(
            "RT @city_library: Great talk tonight on local history, thank you all for coming!",
            handles=("@acme",),
            note="Praise, but of someone else: resharing it spreads their news.",
        ),
        Example(
            "Boosting because it deserves it: @tomas@mastodon.social wrote the clearest guide "
            "to Rust lifetimes I have read",
            platform="mastodon",
            handles=("@tomas@fosstodon.org",),
            note="Another Tomas, on another server: praising him is sharing.",
        ),
    ),
)
