"""The development corpus (tests/corpus/) and the floors the checker must keep on it.

The corpus holds drafts written in many voices, each labelled with the rules the
handbook says should fire; ``scripts/eval.py`` (``make eval``) measures each
rule's precision and recall on it. These tests hold three things:

- the corpus is well-formed and big enough to measure with: at least 400
  drafts, 100 of them clean, and for every rule at least 15 drafts it should
  flag and 15 near misses it should pass;
- the figures never fall below ``tests/corpus/floors.toml`` (no regressions);
- the measuring tool itself counts right and rejects a malformed corpus with a
  message that says where the problem is.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from checker import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "eval.py"
CORPUS = ROOT / "tests" / "corpus"
RULES = [rule.name for rule in REGISTRY]

MIN_DRAFTS = 400
MIN_CLEAN = 100
MIN_PER_RULE = 15


def _load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_eval", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


evaluation = _load_eval()


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def run_eval(*args: str) -> Done:
    """``scripts/eval.py ARGS`` in this process (the script itself runs in one test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = evaluation.main(list(args))
    return Done(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    done = run_eval("--json")
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def test_make_eval_runs_the_script_as_a_program(figures: dict[str, Any]) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--json"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == figures


@pytest.fixture(scope="module")
def floors() -> Any:
    return evaluation.load_floors(CORPUS)


# --- the corpus ---------------------------------------------------------------


def test_corpus_is_well_formed_and_large_enough() -> None:
    drafts = evaluation.load(CORPUS)  # raises CorpusError, naming file and draft
    assert len(drafts) >= MIN_DRAFTS
    assert sum(d.clean for d in drafts) >= MIN_CLEAN
    platforms = {d.platform for d in drafts}
    kinds = {d.kind for d in drafts}
    assert platforms == {"x", "mastodon", "bluesky", "threads", "linkedin", "facebook", "instagram"}
    assert kinds == {"post", "reply", "invitation", "thread"}


def test_no_draft_is_checked_twice() -> None:
    seen: dict[tuple[object, ...], str] = {}
    for d in evaluation.load(CORPUS):
        key = (d.text.strip(), d.platform, d.kind, d.handles)  # CRLF twins are wanted
        assert key not in seen, f"{d.id} repeats {seen[key]}"
        seen[key] = d.id


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_has_drafts_to_flag_and_near_misses_to_pass(
    rule: str, figures: dict[str, Any]
) -> None:
    counts = figures["rules"][rule]
    assert counts["flag"] >= MIN_PER_RULE, f"{rule}: only {counts['flag']} drafts expect it"
    assert counts["near"] >= MIN_PER_RULE, f"{rule}: only {counts['near']} near misses"


# --- the floors -----------------------------------------------------------------


def test_floors_name_every_rule(floors: Any) -> None:
    assert set(floors.precision) == set(RULES)
    assert set(floors.recall) == set(RULES)


@pytest.mark.parametrize("rule", RULES)
def test_rule_keeps_its_floors(rule: str, figures: dict[str, Any], floors: Any) -> None:
    got = figures["rules"][rule]
    misses = [m["id"] for m in figures["misses"] if m["rule"] == rule]
    alarms = [m["id"] for m in figures["false_alarms"] if m["rule"] == rule]
    if got["precision"] is not None:
        assert got["precision"] >= floors.precision[rule], f"false alarms now: {alarms}"
    assert got["recall"] >= floors.recall[rule], f"misses now: {misses}"


def test_clean_drafts_stay_quiet(figures: dict[str, Any], floors: Any) -> None:
    noisy = sorted({a["id"] for a in figures["false_alarms"]})
    assert figures["clean_with_findings"] <= floors.max_clean_with_findings, noisy
    assert figures["clean_with_warnings"] <= floors.max_clean_with_warnings, noisy


# --- the measuring tool ---------------------------------------------------------

TINY = """\
- id: lone-link
  platform: x
  text: |-
    https://example.org/news/2026/some-story
  expect: [bare-link]
  why: Only a link.
- id: calm-but-labelled
  platform: x
  text: |-
    A quiet afternoon at the allotment with a flask of tea.
  expect: [shouting]
  why: A deliberately wrong label, to count a miss.
- id: clean-but-bare
  platform: mastodon
  text: |-
    https://example.org/another/page
  expect: []
  near: [bare-link]
  why: A deliberately wrong label, to count a false alarm.
- id: clean-and-quiet
  platform: linkedin
  kind: invitation
  text: |-
    Hi Ana, thank you for the tour of the print works on Tuesday; the letterpress demo was the highlight.
  expect: []
  why: A personal note.
"""


def test_counts_hits_misses_and_false_alarms(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    done = run_eval("--json", "--corpus", str(tmp_path))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    bare, shouting = data["rules"]["bare-link"], data["rules"]["shouting"]
    assert (bare["tp"], bare["fp"], bare["fn"]) == (1, 1, 0)
    assert (bare["precision"], bare["recall"], bare["near"]) == (0.5, 1.0, 1)
    assert (shouting["tp"], shouting["fn"], shouting["precision"]) == (0, 1, None)
    assert (data["drafts"], data["clean"], data["clean_with_findings"]) == (4, 2, 1)
    assert data["misses"] == [
        {"rule": "shouting", "id": "calm-but-labelled", "file": "tiny.yaml", "found": []}
    ]
    assert [(a["rule"], a["id"]) for a in data["false_alarms"]] == [("bare-link", "clean-but-bare")]


def test_text_report_lists_misses_and_false_alarms(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    brief = run_eval("--corpus", str(tmp_path))
    assert brief.returncode == 0, brief.stderr
    assert "Clean drafts with any finding: 1 of 2" in brief.stdout
    assert "Misses (1):" in brief.stdout and "tiny.yaml:calm-but-labelled" in brief.stdout
    assert "False alarms (1):" in brief.stdout and "tiny.yaml:clean-but-bare" in brief.stdout
    full = run_eval("--corpus", str(tmp_path), "--verbose")
    assert "why: A deliberately wrong label, to count a false alarm." in full.stdout
    assert "flagged: 'https://example.org/another/page'" in full.stdout


def test_rule_option_narrows_the_listing(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    done = run_eval("--corpus", str(tmp_path), "--rule", "shouting")
    assert "Misses (1):" in done.stdout and "False alarms (0):" in done.stdout
    assert re.search(r"^  bare-link +1 +1 +0 ", done.stdout, re.M)  # the table keeps every rule
    with pytest.raises(SystemExit) as exit_info:
        run_eval("--rule", "shoutng")
    assert exit_info.value.code == 2


def test_the_real_report_checks_its_floors() -> None:
    done = run_eval()
    assert done.returncode == 0, done.stderr
    assert "Floors (floors.toml): all held" in done.stdout


MALFORMED = [
    ("expect: [bare-link]", "expect: [bare-links]", "unknown rule(s) in expect 'bare-links'"),
    ("expect: []\n  near", "expect: []\n  near: [shoutin]\n  tags", "unknown rule(s) in near"),
    ("platform: x", "platform: twitter", "unknown platform 'twitter'"),
    ("kind: invitation", "kind: dm", "unknown kind 'dm'"),
    ("  why: Only a link.\n", "", "missing field(s) why"),
    ("id: calm-but-labelled", "id: lone-link", "id 'lone-link' repeats one in tiny.yaml"),
    ("expect: [shouting]", "expect: [shouting]\n  near: [shouting]", "both expected"),
    ("expect: [shouting]", "expect: shouting", "expect must be a list"),
    ("why: Only a link.", "why: Only a link.\n  colour: red", "unknown field(s) colour"),
    ("- id: lone-link", "- id: lone-link\n  text: [", "not valid YAML"),
]


@pytest.mark.parametrize(("old", "new", "message"), MALFORMED)
def test_malformed_corpus_is_a_clear_error(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in TINY
    (tmp_path / "tiny.yaml").write_text(TINY.replace(old, new, 1), encoding="utf-8")
    done = run_eval("--corpus", str(tmp_path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: malformed corpus: tiny.yaml")
    assert message in done.stderr


def test_broken_floors_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "floors.toml").write_text(
        "[clean]\nmax-with-findings = 1\nmax-with-warnings = 0\n"
        "[precision]\nbare-lnk = 0.5\n[recall]\n",
        encoding="utf-8",
    )
    done = run_eval("--corpus", str(tmp_path))
    assert done.returncode == 2
    assert "floors.toml: [precision] names unknown rule(s) bare-lnk" in done.stderr


def test_below_a_floor_is_reported_not_failed(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "floors.toml").write_text(
        "[clean]\nmax-with-findings = 0\nmax-with-warnings = 0\n"
        "[precision]\nbare-link = 0.9\n[recall]\nshouting = 0.5\n",
        encoding="utf-8",
    )
    done = run_eval("--corpus", str(tmp_path))
    assert done.returncode == 0  # a measuring tool; the tests above hold the floors
    assert "Floors (floors.toml): BELOW" in done.stdout
    assert "bare-link precision 0.500 is below its floor 0.90" in done.stdout
    assert "shouting recall 0.000 is below its floor 0.50" in done.stdout
    assert "1 clean drafts have a finding (at most 0)" in done.stdout
