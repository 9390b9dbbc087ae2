"""One rule's findings in a draft: the helper the per-rule tests share."""

from __future__ import annotations

from checker import check
from checker.config import Config
from checker.model import Finding


def findings(
    text: str,
    rule: str,
    *,
    platform: str = "x",
    kind: str = "post",
    handles: tuple[str, ...] = (),
    config: Config | None = None,
) -> list[Finding]:
    """The findings of ``rule`` in ``text``; ``handles`` as a writer types them ("@Me")."""
    config = config or Config(handles=tuple(h.lower().lstrip("@") for h in handles))
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


def spans(text: str, rule: str, **kwargs: object) -> list[str]:
    """The words each finding of ``rule`` points at."""
    return [text[f.start : f.end] for f in findings(text, rule, **kwargs)]  # type: ignore[arg-type]
