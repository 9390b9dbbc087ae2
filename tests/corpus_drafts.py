"""The development corpus's drafts (tests/corpus/*.yaml), for tests that want real posts."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"


class CorpusDraft(NamedTuple):
    id: str
    text: str
    platform: str
    kind: str


def corpus_drafts() -> list[CorpusDraft]:
    drafts = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            drafts.append(
                CorpusDraft(
                    str(entry["id"]),
                    str(entry["text"]),
                    str(entry.get("platform", "x")),
                    str(entry.get("kind", "post")),
                )
            )
    return drafts
