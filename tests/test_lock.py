"""The lock file pins every tool pyproject.toml asks for, with hashes.

``make setup`` installs ``requirements/lock.txt`` with ``--require-hashes``; a
group edited in pyproject.toml without ``make lock`` would be installed at a
version nobody chose, or not at all. This catches that before a fresh clone does.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "lock.txt"
GROUPS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]


def _pins() -> dict[str, tuple[str, int]]:
    """Each locked package: its version and how many hashes it carries."""
    pins: dict[str, tuple[str, int]] = {}
    for entry in re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8")):
        match = re.match(r"([A-Za-z0-9_.\-]+)==(\S+)", entry)
        if match:
            hashes = len(re.findall(r"--hash=sha256:[0-9a-f]{64}", entry))
            pins[canonicalize_name(match[1])] = (match[2], hashes)
    return pins


PINS = _pins()


@pytest.mark.parametrize(
    "requirement",
    [r for group in ("test", "docs", "dev") for r in GROUPS[group]],
)
def test_every_group_requirement_is_pinned_within_its_range(requirement: str) -> None:
    wanted = Requirement(requirement)
    name = canonicalize_name(wanted.name)
    assert name in PINS, f"{name} is not in {LOCK.name}: run `make lock`"
    version, _ = PINS[name]
    assert wanted.specifier.contains(version, prereleases=True), (
        f"{name}=={version} is outside {wanted.specifier}: run `make lock`"
    )


def test_every_pin_has_a_hash() -> None:
    assert len(PINS) > 20
    assert [name for name, (_, hashes) in PINS.items() if hashes == 0] == []
