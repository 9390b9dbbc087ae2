"""The writer's counts: words, sentences, reading time, mentions, hashtags, links.

One quiet line under the draft, like a word processor's status bar. Also the
sentence boundaries the thread splitter cuts at, so that "a sentence" means
the same thing in both places.

Counting choices, each the one a writer would expect:

- A link is not a word (nobody reads "https://…" aloud); a @mention, a
  #hashtag or an e-mail address is one, since it is read as a name or a word.
- "follow-up" and "don't" are one word each; "3" is a word; emoji are not.
- Chinese and Japanese put no spaces between words, so each Han, Hiragana or
  Katakana character counts as one word, as word processors count them.
  Korean separates words with spaces and counts like English.

Reading time: 238 words a minute, the mean silent reading rate of adults for
non-fiction in English in Brysbaert's 2019 meta-analysis of 190 studies
("How many words do we read per minute?"): posts are non-fiction, and a
mean rather than a skimming rate does not flatter a long post. Chinese and
Japanese characters are read at 255 a minute, the rate the International
Reading Speed Texts (Trauzettel-Klosinski and Dietz, 2012) measured for
Chinese, the slower of the two, for the same reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from checker import twitter_text

WORDS_PER_MINUTE = 238
CJK_CHARACTERS_PER_MINUTE = 255

# Han (with extensions and compatibility ideographs), Hiragana, Katakana (also
# half-width): scripts written without spaces between words.
_CJK = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
CJK_CHAR = re.compile(f"[{_CJK}]")
# A word: letters or digits, with inner apostrophes or hyphens ("don't", "follow-up").
# Each repetition starts with a joiner, so matching is linear.
# A number's decimal point or thousands comma keeps it one word ("3.5", "1,000").
_LETTERS = rf"(?:(?![{_CJK}])[^\W_])+"
_WORD = re.compile(rf"{_LETTERS}(?:(?:['’\-‑]|(?<=\d)[.,](?=\d)){_LETTERS})*")

# A mention as the networks write them, the fediverse's "@user@server" included
# (the same shape ``checker.platforms`` counts for the networks other than X).
MENTION = re.compile(r"(?<![\w@/=.])@\w[\w.]*(?:@[\w\-]+(?:\.[\w\-]+)+)?")

# An e-mail address is one word. The look-behind lets a match start only where a
# token starts, so a long run of letters is scanned once, not once per letter.
_EMAIL = re.compile(r"(?<![\w.+\-@])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")

# Where a sentence ends: terminal punctuation (with closing quotes or brackets)
# before a space or the end, a CJK full stop anywhere, or a line break.
_SENTENCE_END = re.compile(
    r"[.!?…‽]+[\"'”’»)\]]*(?=\s|\Z)|[。！？｡]+[」』）\"”]*|\n",
)
# Words after which a full stop does not end a sentence ("Dr. Lee", "e.g. this").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sr jr vs etc cf al approx fig vol ca inc ltd".split()  # noqa: SIM905
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.*\Z")


def blank_links(text: str) -> str:
    """``text`` with each link replaced by spaces (offsets still hold)."""
    if "." not in text:  # no link without a dot: skip the scan for plain prose
        return text
    urls = twitter_text.extract_urls_with_indices(text)
    if not urls:
        return text
    parts: list[str] = []
    pos = 0
    for url in urls:
        parts += [text[pos : url.start], " " * (url.end - url.start)]
        pos = url.end
    parts.append(text[pos:])
    return "".join(parts)


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    mark = m.group()
    if mark == "\n" or not mark.startswith("."):
        return True
    if mark.startswith(".."):  # an ellipsis written as dots
        return True
    before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
    if before is None:
        return True
    word = before.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return False
    # "e.g.", "a.m.", "U.S.": a dot inside the token marks an abbreviation
    token = text[max(0, m.start() - 8) : m.start()].split()[-1:] or [""]
    if "." in token[0]:
        return False
    return word.lower() not in _ABBREVIATIONS


def sentence_ends(text: str) -> list[int]:
    """Offsets where a sentence ends (after its punctuation, or at a line break)."""
    return [m.end() if m.group() != "\n" else m.start() for m in _sentence_marks(text)]


def _sentence_marks(text: str) -> list[re.Match[str]]:
    return [m for m in _SENTENCE_END.finditer(text) if _ends_sentence(text, m)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence that holds a word, links not counted."""
    prose = blank_links(text)
    spans = []
    start = 0
    for end in [*sentence_ends(prose), len(prose)]:
        chunk = prose[start:end]
        if _WORD.search(chunk) or CJK_CHAR.search(chunk):
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + len(chunk.rstrip())))
        start = end
    return spans


@dataclass(frozen=True)
class Counts:
    """What a writer glances at while drafting."""

    words: int  # including each CJK character
    cjk_characters: int
    sentences: int
    reading_seconds: int
    mentions: int
    hashtags: int
    links: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "cjk_characters": self.cjk_characters,
            "sentences": self.sentences,
            "reading_seconds": self.reading_seconds,
            "words_per_minute": WORDS_PER_MINUTE,
            "mentions": self.mentions,
            "hashtags": self.hashtags,
            "links": self.links,
            "line": self.line(),
        }

    def line(self) -> str:
        """One quiet line: "42 words · 3 sentences · 11 s to read · 1 link"."""

        def n(count: int, one: str, many: str) -> str:
            return f"{count} {one if count == 1 else many}"

        parts = [n(self.words, "word", "words"), n(self.sentences, "sentence", "sentences")]
        parts.append(f"{reading_time(self.reading_seconds)} to read")
        if self.mentions:
            parts.append(n(self.mentions, "mention", "mentions"))
        if self.hashtags:
            parts.append(n(self.hashtags, "hashtag", "hashtags"))
        if self.links:
            parts.append(n(self.links, "link", "links"))
        return " · ".join(parts)


def reading_time(seconds: int) -> str:
    """ "12 s", "1 min", "3 min 20 s": short, for a status line."""
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def counts(text: str) -> Counts:
    """Count ``text`` as a writer would (see the module's notes for the choices)."""
    prose = blank_links(text)
    mentions = emails = 0
    if "@" in prose:  # a mention is one word, "@tom@fosstodon.org" too, and so is an address
        prose, emails = _EMAIL.subn(" ", prose)
        prose, mentions = MENTION.subn(" ", prose)
    cjk = len(CJK_CHAR.findall(prose))
    words = len(_WORD.findall(prose)) + mentions + emails
    minutes = words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE
    links = len(twitter_text.extract_urls_with_indices(text)) if "." in text else 0
    return Counts(
        words=words + cjk,
        cjk_characters=cjk,
        sentences=len(sentence_spans(text)),
        reading_seconds=math.ceil(minutes * 60),
        mentions=mentions,
        hashtags=(
            len(twitter_text.extract_hashtags_with_indices(text))
            if "#" in text or "＃" in text
            else 0
        ),
        links=links,
    )
