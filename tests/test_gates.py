"""The rules' gates skip only what their patterns cannot match.

A gate (``checker.rules.text.has_any``) asks whether a word is in ``Draft.folded``
before a rule runs a costly regex; a wrong gate would lose findings without a
sound. Each gate is held to its regex here, on every draft of the development
corpus, every rule example, a generated archive, the same texts in capitals,
with tabs for spaces and with the letters ``re`` folds onto ASCII ("ı", "İ", "ſ",
the Kelvin sign), and random text: wherever the regex matches, the gate opens.
And with every gate switched off, ``check()`` finds exactly the same.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from corpus_drafts import corpus_drafts
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import check
from checker.config import Config
from checker.draft import _RE_ASCII_TWINS, _WORD, Draft, Span, _spans_of_words
from checker.rules import REGISTRY, text
from checker.rules.connecting import follower_chasing, stiff_jargon
from checker.rules.fit import cross_post_syntax
from checker.rules.literals import Alternatives
from checker.rules.sharing import hard_sell, uncredited_share, unverified_claim

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_audit import tweets_js  # noqa: E402

from checker.audit import read_archive  # noqa: E402

Gate = Callable[[str], bool]  # Draft.folded -> may the regex match?


def _words(*words: str) -> Gate:
    return lambda folded: text.has_any(words, folded)


# Every gated regex with its gate. (The fediverse handle's gate counts "@" in the prose.)
GATED: list[tuple[str, re.Pattern[str], Gate]] = [
    ("chase-imperative", follower_chasing._CHASE_IMPERATIVE, _words("follow")),
    ("brag", follower_chasing._BRAG, _words(*follower_chasing._BRAG_GATE)),
    ("sell-imperative", hard_sell._SELL_IMPERATIVE, _words(*hard_sell._SELL_IMPERATIVE_GATE)),
    ("sell-pattern", hard_sell._SELL_PATTERN, hard_sell._may_sell_pattern),
    ("call", hard_sell._CALL, _words(*hard_sell._CALL_GATE)),
    ("found-this", uncredited_share._FOUND_THIS, _words("this")),
    ("price", hard_sell._PRICE, hard_sell._may_price),
    ("link-in-bio", cross_post_syntax._LINK_IN_BIO, _words("bio")),
    ("weak", unverified_claim._WEAK, _words(*unverified_claim._WEAK_GATE)),
    ("rip", unverified_claim._RIP, _words(*unverified_claim._DEATH_GATE)),
    ("rip-alone", unverified_claim._RIP_ALONE, _words(*unverified_claim._DEATH_GATE)),
    ("died", unverified_claim._DIED, _words(*unverified_claim._DEATH_GATE)),
    ("death-plain", unverified_claim._DEATH_PLAIN, _words(*unverified_claim._PLAIN_DEATH_GATE)),
    ("own-loss", unverified_claim._OWN_LOSS, _words(*unverified_claim._OWN_LOSS_GATE)),
    ("callback", unverified_claim._CALLBACK, _words(*unverified_claim._CALLBACK_GATE)),
    ("news-flash", unverified_claim._NEWS_FLASH, _words(*unverified_claim._NEWS_GATE)),
    *(
        (f"jargon-extra-{i}", regex, _words(needle))
        for i, (regex, _plain, needle) in enumerate(stiff_jargon.RULE.matcher._extra)  # type: ignore[attr-defined]
    ),
]


# Regexes whose alternatives are gated one by one (``literals.Alternatives``).
ALTERNATIVES: list[tuple[str, Alternatives]] = [
    ("chase", follower_chasing._CHASE),
    ("discount", hard_sell._DISCOUNT),
    ("anonymous", uncredited_share._ANONYMOUS),
]


def _variants(value: str) -> Iterator[str]:
    yield value
    yield value.upper()
    yield value.replace(" ", "\t")
    yield value.replace("i", "ı").replace("s", "ſ")
    yield value.replace("i", "İ").replace("k", "\u212a").replace("K", "\u212a")


# Uses of patterns that neither the corpus nor the examples hold.
WRITTEN = (
    "She leverages our network. We leveraged the data and are leveraging it.",
    "I'll socialise the plan; she socialises the draft; he socialised the proposal.",
    "We met and actioned the changes, and actioning them took a day.",
    "Send this to ten friends! Bet you won't share this.",
    "It wasn't mine. Yoinked it from reddit, lifted this from somewhere, grabbed it off tiktok.",
    "Someone shared it in the group chat; it was going round on whatsapp. Robbed this from insta.",
    "After building an audience of 120k, and a readership of 5,000, I know things.",
    "Two for 10 euros, three for the price of two, and the offer ends Sunday.",
    "She socialises it with the board; we are socialising this with leadership.",
)


def _texts() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(text, platform, kind, handles) of the corpus, the examples, an archive, and more."""
    out = [(d.text, d.platform, d.kind, ()) for d in corpus_drafts()]
    # The held-out drafts too: a gate is a claim about every text, not a tuning.
    for path in sorted((ROOT / "tests" / "corpus" / "heldout").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            platform, kind = entry.get("platform", "x"), entry.get("kind", "post")
            out.append((str(entry["text"]), str(platform), str(kind), ()))
    out += [(value, "x", "post", ()) for value in WRITTEN]
    for rule in REGISTRY:
        for example in (*rule.flags, *rule.passes):
            out.append((example.text, example.platform, example.kind, example.handles))
    archive = read_archive(tweets_js(400), "tweets.js")
    out += [(post.text, "x", "post", ()) for post in archive.posts]
    return out


TEXTS = _texts()
ALL = [(v, p, k, h) for t, p, k, h in TEXTS for v in _variants(t)]


def test_the_letters_re_folds_onto_ascii_are_the_ones_folded() -> None:
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    twins = {
        ch for letter in "abcdefghijklmnopqrstuvwxyz" for ch in re.findall(letter, every, re.I)
    }
    assert twins == {chr(c) for c in _RE_ASCII_TWINS}
    for code, letter in _RE_ASCII_TWINS.items():
        assert re.fullmatch(letter, chr(code), re.I)
        assert Draft(f"x{chr(code)}y", platform="x", kind="post").folded == f"x{letter}y"


@pytest.mark.parametrize(("name", "regex", "gate"), GATED, ids=[g[0] for g in GATED])
def test_a_gate_opens_wherever_its_regex_matches(
    name: str, regex: re.Pattern[str], gate: Gate
) -> None:
    matched = 0
    for value, platform, kind, _handles in ALL:
        draft = Draft(value, platform=platform, kind=kind)
        if regex.search(draft.prose):
            matched += 1
            assert gate(draft.folded), f"{name}: the gate is shut on {value!r}"
    assert matched, f"{name}: no text matches; the test proves nothing"


def _spans(regex: re.Pattern[str] | None, prose: str) -> list[tuple[int, int]]:
    return [] if regex is None else [m.span() for m in regex.finditer(prose)]


@pytest.mark.parametrize(("name", "alternatives"), ALTERNATIVES, ids=[a[0] for a in ALTERNATIVES])
def test_gated_alternatives_find_what_the_whole_regex_finds(
    name: str, alternatives: Alternatives
) -> None:
    matched = 0
    for value, platform, kind, _handles in ALL:
        draft = Draft(value, platform=platform, kind=kind)
        whole = _spans(alternatives.full, draft.prose)
        matched += bool(whole)
        assert _spans(alternatives.gated(draft.folded), draft.prose) == whole, (name, value)
    assert matched, f"{name}: no text matches; the test proves nothing"


def test_the_fediverse_handle_gate_counts_two_at_signs() -> None:
    for value, _platform, _kind, _handles in ALL:
        if cross_post_syntax._FEDI_HANDLE.search(value):
            assert value.count("@") >= 2, value


PIECES = st.sampled_from(
    [
        *" \t\n.,:!?%$€£@#'’-",
        *("follow", "FOLLOW", "fοllow", "ſub", "traİn", "lıke", "more", "gonna", "drop"),
        *("buy", "shop", "order", "now", "today", "yours", "your", "code", "bio", "dm", "me"),
        *("to", "for", "50", "1,000", "10k", "followers", "off", "free", "trial", "this"),
        *("found", "online", "credit", "to", "the", "owner", "source", "unknown", "not", "mine"),
        *("share", "if", "you", "agree", "tag", "a", "friend", "like", "and", "rt", "@ana"),
        *("my", "cousin", "works", "at", "says", "they", "closing", "leverage", "our", "link"),
        *("in", "bio", "@a@b.social", "help", "me", "reach", "I", "will", "back", "k"),
    ]
)
random_text = st.lists(PIECES, max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(random_text)
def test_gates_hold_on_random_text(value: str) -> None:
    draft = Draft(value, platform="x", kind="post")
    for name, regex, gate in GATED:
        if regex.search(draft.prose):
            assert gate(draft.folded), f"{name}: the gate is shut on {value!r}"
    for name, alternatives in ALTERNATIVES:
        whole = _spans(alternatives.full, draft.prose)
        assert _spans(alternatives.gated(draft.folded), draft.prose) == whole, name


@pytest.fixture
def gates_off() -> Iterator[None]:
    text.GATES = False
    try:
        yield
    finally:
        text.GATES = True


def _findings(value: str, platform: str, kind: str, handles: tuple[str, ...]) -> object:
    config = Config(handles=tuple(h.lower().lstrip("@") for h in handles))
    return check(value, platform=platform, kind=kind, config=config).findings


def test_check_finds_the_same_with_every_gate_off(gates_off: None) -> None:
    ungated = [_findings(*case) for case in ALL]
    text.GATES = True
    gated = [_findings(*case) for case in ALL]
    assert sum(bool(f) for f in gated) > 500
    for case, with_gates, without in zip(ALL, gated, ungated, strict=True):
        assert with_gates == without, case[0]


@settings(max_examples=300, deadline=None)
@given(st.one_of(random_text, st.text(max_size=80)))
def test_words_found_by_findall_are_those_finditer_finds(value: str) -> None:
    expected = [Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(value)]
    assert _spans_of_words(value) == expected


def _first_chars(items: object) -> set[str] | None:
    """Every character a match of the parsed ``items`` can start with (None: any)."""
    from re import _constants as c  # type: ignore[attr-defined]

    out: set[str] = set()
    for op, arg in items:  # type: ignore[attr-defined]
        if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
            continue  # zero-width: the next item starts the match
        if op is c.LITERAL:
            return out | {chr(arg)}
        if op is c.IN:
            for kind, value in arg:
                if kind is not c.LITERAL:
                    return None
                out.add(chr(value))
            return out
        if op is c.SUBPATTERN:
            inner = _first_chars(arg[-1])
            return None if inner is None else out | inner
        if op is c.BRANCH:
            for branch in arg[1]:
                inner = _first_chars(branch)
                if inner is None:
                    return None
                out |= inner
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = _first_chars(arg[2])
            if inner is None:
                return None
            out |= inner
            if arg[0] >= 1:
                return out
            continue
        return None
    return None


def test_anonymous_credit_tests_the_first_letter_of_every_branch() -> None:
    from re import _parser  # type: ignore[attr-defined]

    pattern = uncredited_share._ANONYMOUS.pattern
    lookahead, rest = pattern.split("])", 1)
    letters = set(lookahead.removeprefix("(?=["))
    first = _first_chars(_parser.parse(rest, re.IGNORECASE))
    assert first is not None
    assert {ch.lower() for ch in first} <= {ch.lower() for ch in letters}
    assert {ch.upper() for ch in first} <= letters
