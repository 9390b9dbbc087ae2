"""STUB (to be replaced by the twitter-text port)."""

from __future__ import annotations

import re
from typing import NamedTuple


class Entity(NamedTuple):
    value: str
    start: int
    end: int


_URL = re.compile(r"https?://\S+")
_MENTION = re.compile(r"(?<!\w)@(\w{1,15})")
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")


def extract_urls_with_indices(text: str, *, without_protocol: bool = True) -> list[Entity]:
    return [Entity(m.group(), m.start(), m.end()) for m in _URL.finditer(text)]


def extract_mentions_with_indices(text: str) -> list[Entity]:
    return [Entity(m.group(1), m.start(), m.end()) for m in _MENTION.finditer(text)]


def extract_hashtags_with_indices(text: str) -> list[Entity]:
    return [Entity(m.group(1), m.start(), m.end()) for m in _HASHTAG.finditer(text)]
