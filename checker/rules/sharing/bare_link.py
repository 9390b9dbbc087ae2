"""The ``bare-link`` rule: a link shared with no words of one's own.
Seed articles: 000, 001.

Its declaration (``RULE``), matcher and examples; its page is rules/bare-link/ and
its tests are in tests/rules/test_bare_link.py and tests/test_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.draft import Draft, Span
from checker.model import Pillar, Severity
from checker.rules.base import (
    Custom,
    Example,
    Hit,
    Rule,
)
from checker.rules.text import (
    EMOJI,
    FIRST_PERSON,
    SECOND_PERSON,
    own_words,
    word_key,
)


# A reshare that opens the post: "RT @x:", "RT: @x", "RT@x", "MT @x", or the old
# quote-tweet form “@x: their words”. Nothing before it means nothing was added.
def _has_voice(draft: Draft) -> bool:
    """Signs of a person talking: a question, an exclamation, I/we/you."""
    if "?" in draft.prose or "!" in draft.prose:
        return True
    return not _PERSON.isdisjoint(draft.word_keys)


_PERSON = FIRST_PERSON | SECOND_PERSON


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
    """ "Headline | Site" or "Site - Headline": the shape of a page title pasted whole."""
    text = before_link.strip()
    for sep in (" | ", " - ", " – ", " — "):
        parts = text.split(sep)
        if len(parts) != 2 or any(c in p for p in parts for c in "|"):
            continue
        for head, site in (
            (parts[0].split(), parts[1].split()),
            (parts[1].split(), parts[0].split()),
        ):
            if (
                len(head) >= 3
                and 1 <= len(site) <= 4
                and all(w[0].isupper() or w[0].isdigit() for w in site)
            ):
                return True
    return False


# A label that announces a link without saying anything about it: "New on the blog:",
# "Latest episode:", "Worth your time 👇", "Kindly check it". Group 1: a label that a
# title follows ("New post: <title> <link>": still a label and a title).
_LABEL = re.compile(
    r"\s*((?:(?:new|latest|fresh|just\s+out)\s+(?:on\s+the\s+(?:blog|site|channel|podcast)|"
    r"(?:blog\s+)?(?:post|article|video|episode|piece|newsletter|issue|blog))|just\s+published|"
    r"out\s+now|icymi|from\s+the\s+archive)\s*[:—–-])"  # group 1
    r"|\s*(?:(?:well\s+|really\s+)?worth\s+(?:your\s+time|a\s+(?:read|look|listen|watch))|"
    r"(?:please|pls|kindly|do)\s+(?:check|read|see|watch|look\s+at)\s+(?:it|this)(?:\s+out)?|"
    r"(?:have|take)\s+a\s+(?:read|look|listen)|give\s+(?:it|this)\s+a\s+(?:read|look|listen))"
    rf"[\s{EMOJI}\ufe0f.:!,]*",
    re.IGNORECASE,
)


def _only_a_title(said: str) -> bool:
    """One line, one sentence, no question or exclamation: a title after a label."""
    said = said.strip()
    return (
        0 < len(said) <= 120
        and "\n" not in said
        and not any(c in said for c in "?!")
        and ". " not in said
        and ": " not in said
    )


# Laughter says how you felt, not what the link is: "lmaooo", "hahaha", "lol".
_LAUGH = re.compile(r"(?:l+m+f*a+o+|l+o+l+|(?:h+a+){2,}h*|(?:j+a+){2,}|rofl|xd+)\Z", re.IGNORECASE)


def _laugh(word: str) -> bool:
    # only l, h, j, r or x can start a laugh: most words are let go without the regex
    return word[0] in _LAUGH_FIRST and _LAUGH.match(word) is not None


_LAUGH_FIRST = frozenset("lLhHjJrRxX")


def _bare_link(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    if not draft.urls or draft.post_count > 1:
        return  # in a thread, a post that only carries the link is fine
    text, first, last = draft.text, draft.urls[0], draft.urls[-1]
    mine = own_words(draft)
    words = [w for w in mine if word_key(w.value) not in _LINK_FILLER and not _laugh(w.value)]

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

    labelled = _LABEL.match(text, 0, first.start)
    if labelled and text[last.end :].strip() == "":
        rest = [w for w in words if w.start >= labelled.end()]
        said = text[labelled.end() : first.start]
        if not rest or (labelled.group(1) and _only_a_title(said)):
            yield Hit(
                labelled.start(1) if labelled.group(1) else labelled.start(),
                first.end,
                "This labels a link and adds nothing of your own: say what you took from "
                "it, or who it is for.",
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


RULE = Rule(
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
            "⟦New on the blog: how we cut the bakery's gas bill https://example.org/blog/gas⟧",
            platform="mastodon",
            note="A label and a title: an auto-share with nothing of your own.",
        ),
        Example(
            "⟦Worth your time 👇 https://example.com/longread⟧",
            note="Praise that fits any link says nothing about this one.",
        ),
        Example(
            "⟦https://www.example.com/news/technology-68123456⟧",
            note="Only a link: readers must click to learn why you shared it.",
        ),
        Example(
            "⟦RT @cityplanner⟧: Five ideas for safer school streets, tested in three towns "
            "https://example.org/school-streets",
            note="A manual retweet with nothing added before or after it.",
        ),
        Example(
            "⟦Why Small Teams Ship Faster Than Big Ones | The Weekly Builder⟧ "
            "https://example.com/small-teams",
            platform="linkedin",
            note="A page title pasted whole, site name and all.",
        ),
        Example(
            "How libraries are changing: Public libraries across the country are lending "
            "tools, seeds and⟦… https://example.com/libraries⟧",
            platform="mastodon",
            note="The cut-off excerpt a share button writes for you.",
        ),
        Example(
            "Check this out 👀 ⟦https://example.com/post/42⟧",
            platform="facebook",
            note="“Check this out” labels the link but says nothing about it.",
        ),
        Example(
            "⟦The Quiet Power Of Saying No At Work⟧ https://example.com/saying-no",
            platform="bluesky",
            note="A headline in Title Case and a link, nothing more.",
        ),
    ),
    passes=(
        Example(
            "Worth your time if you run a food bank: it shows which donations go unused. "
            "https://example.org/study",
            platform="linkedin",
            note="Who it is for and what it shows: words of your own after the label.",
        ),
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
