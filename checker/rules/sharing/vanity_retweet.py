"""The ``vanity-retweet`` rule: a reshare of someone's praise of the writer.
Seed articles: 003.

Its declaration (``RULE``), matcher and examples; its page is rules/vanity-retweet/ and
its tests are in tests/rules/test_vanity_retweet.py and tests/test_rules.py.
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
)
from checker.rules.text import (
    word_key,
)

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


RULE = Rule(
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
    ),
)
