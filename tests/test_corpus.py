"""The three corpora (tests/corpus/, heldout/ and blind/) and the floors the checker keeps.

The corpus holds drafts written in many voices, each labelled with the rules the
handbook says should fire; ``scripts/eval.py`` (``make eval``) measures each
rule's precision and recall on it. These tests hold three things:

- the corpus is well-formed and big enough to measure with: at least 400
  drafts, 100 of them clean, and for every rule at least 15 drafts it should
  flag and 15 near misses it should pass;
- the figures never fall below ``tests/corpus/floors.toml`` (no regressions);
- the measuring tool itself counts right and rejects a malformed corpus with a
  message that says where the problem is.

The held-out corpus (tests/corpus/heldout/) is held the same way, with its own
sizes (300 drafts, 80 ordinary clean posts, 8 drafts to flag and 8 near misses
per rule) and its own floors (``heldout/floors.toml``). Those floors are
regression floors, set at what the checker reached the first time the drafts
were measured: the rules were never tuned on these drafts, and must not be.

The blind corpus (tests/corpus/blind/) is a fresh held-out set, for when the
first one has guided rule fixes and is no longer blind: 250 drafts, 70
ordinary clean posts, 7 drafts to flag and 7 near misses per rule, ids unique
across all three corpora, no copy or close rewording of a development or
held-out draft, and its own regression floors (``blind/floors.toml``, written
by ``scripts/eval.py --set-floors blind``).
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

HELDOUT = CORPUS / "heldout"
MIN_HELDOUT_DRAFTS = 300
MIN_HELDOUT_ORDINARY = 80  # clean, and written as no rule's near miss
MIN_HELDOUT_PER_RULE = 8
BLIND = CORPUS / "blind"
MIN_BLIND_DRAFTS = 250
MIN_BLIND_ORDINARY = 70  # clean, and written as no rule's near miss
MIN_BLIND_PER_RULE = 7
ALL_PLATFORMS = {"x", "mastodon", "bluesky", "threads", "linkedin", "facebook", "instagram"}
ALL_KINDS = {"post", "reply", "invitation", "thread"}


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
    assert {d.platform for d in drafts} == ALL_PLATFORMS
    assert {d.kind for d in drafts} == ALL_KINDS


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
    assert "Floors (heldout/floors.toml, regression floors): all held" in done.stdout
    assert "Floors (blind/floors.toml, regression floors): all held" in done.stdout


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


# --- the held-out corpus ----------------------------------------------------------


@pytest.fixture(scope="module")
def heldout(figures: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = figures["heldout"]
    assert data is not None, "tests/corpus/heldout/ is missing"
    return data


@pytest.fixture(scope="module")
def heldout_floors() -> Any:
    return evaluation.load_floors(HELDOUT, prefix="heldout/")


def test_heldout_corpus_is_well_formed_and_large_enough() -> None:
    development = evaluation.load(CORPUS)
    drafts = evaluation.load_heldout(CORPUS, development)  # raises on a repeated id
    assert drafts is not None
    assert len(drafts) >= MIN_HELDOUT_DRAFTS
    ordinary = [d for d in drafts if d.clean and not d.near]
    assert len(ordinary) >= MIN_HELDOUT_ORDINARY
    assert {d.platform for d in drafts} == ALL_PLATFORMS
    assert {d.kind for d in drafts} == ALL_KINDS
    assert all(d.file.startswith("heldout/") for d in drafts)


def test_heldout_drafts_are_new_drafts() -> None:
    """A held-out draft never repeats a development draft, nor another held-out one."""
    development = evaluation.load(CORPUS)
    seen = {(d.text.strip(), d.platform, d.kind, d.handles): d.id for d in development}
    drafts = evaluation.load_heldout(CORPUS, development)
    assert drafts is not None
    for d in drafts:
        key = (d.text.strip(), d.platform, d.kind, d.handles)
        assert key not in seen, f"{d.id} repeats {seen[key]}"
        seen[key] = d.id


MAX_SHARED_WORDS = 0.5  # Jaccard of word sets; close rewordings of one draft score higher


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9']+", text.lower()))


def _echoes(drafts: list[Any], earlier: list[Any]) -> list[str]:
    """Each draft sharing half its words or more with an earlier corpus's draft."""
    known = [(_words(d.text), d.id) for d in earlier]
    echoes = []
    for d in drafts:
        words = _words(d.text)
        for other, other_id in known:
            shared = len(words & other) / len(words | other)
            if shared >= MAX_SHARED_WORDS:
                echoes.append(f"{d.id} ~ {other_id} ({shared:.2f})")
    return echoes


def test_heldout_drafts_are_not_rewordings_of_development_drafts() -> None:
    """Half the words in common with a development draft is a copy, not a stranger's draft.

    The first version of the held-out corpus had a dozen such echoes, and the
    rules caught them far more often than the fresh drafts that replaced them.
    """
    development = evaluation.load(CORPUS)
    drafts = evaluation.load_heldout(CORPUS, development)
    assert drafts is not None
    assert not _echoes(drafts, development)


def test_the_echo_check_catches_a_close_rewording() -> None:
    draft = evaluation.Draft(
        "b", "f", "The bus to Leeds is late again today", "x", "post", frozenset(), "w"
    )
    other = evaluation.Draft(
        "d", "f", "The bus to Leeds is late again", "x", "post", frozenset(), "w"
    )
    fresh = evaluation.Draft(
        "e", "f", "Frost on the allotment and tea in a flask", "x", "post", frozenset(), "w"
    )
    assert _echoes([draft], [other]) == ["b ~ d (0.88)"]
    assert _echoes([fresh], [other]) == []


HELD = """\
- id: held-bare
  platform: facebook
  text: |-
    https://example.org/council/notice
  expect: [bare-link]
  why: Only a link.
- id: held-quiet
  platform: x
  text: |-
    Frost on the allotment this morning, and the leeks look fine.
  expect: [shouting]
  why: A deliberately wrong label, to count a miss.
"""


def test_heldout_figures_are_measured_and_printed_separately(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "heldout").mkdir()
    (tmp_path / "heldout" / "drafts.yaml").write_text(HELD, encoding="utf-8")
    data = json.loads(run_eval("--json", "--corpus", str(tmp_path)).stdout)
    assert (data["drafts"], data["clean"]) == (4, 2)  # the development figures, unmixed
    held = data["heldout"]
    assert (held["drafts"], held["clean"], held["clean_with_findings"]) == (2, 0, 0)
    assert (held["rules"]["bare-link"]["tp"], held["rules"]["bare-link"]["fp"]) == (1, 0)
    assert held["misses"] == [
        {"rule": "shouting", "id": "held-quiet", "file": "heldout/drafts.yaml", "found": []}
    ]
    text = run_eval("--corpus", str(tmp_path)).stdout
    dev_part, held_part = text.split("Held-out corpus: 2 drafts, 0 of them clean\n")
    assert "Development corpus: 4 drafts, 2 of them clean" in dev_part
    assert "held-quiet" not in dev_part and "calm-but-labelled" not in held_part
    assert held_part.startswith(evaluation.HELDOUT_CAPTION)
    assert "never tuned" in evaluation.HELDOUT_CAPTION
    assert "heldout/drafts.yaml:held-quiet" in held_part


@pytest.mark.parametrize(("key", "title"), [("heldout", "Held-out"), ("blind", "Blind")])
def test_a_corpus_without_heldout_or_blind_drafts_reports_none(
    tmp_path: Path, key: str, title: str
) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    assert json.loads(run_eval("--json", "--corpus", str(tmp_path)).stdout)[key] is None
    assert title not in run_eval("--corpus", str(tmp_path)).stdout


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "id: held-quiet",
            "id: lone-link",
            "heldout/drafts.yaml: id 'lone-link' repeats one in tiny.yaml",
        ),
        ("expect: [shouting]", "expect: [shoutng]", "heldout/drafts.yaml: draft 2"),
    ],
)
def test_malformed_heldout_corpus_is_a_clear_error(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "heldout").mkdir()
    (tmp_path / "heldout" / "drafts.yaml").write_text(HELD.replace(old, new, 1), encoding="utf-8")
    done = run_eval("--corpus", str(tmp_path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr


def test_heldout_floors_are_checked_and_named(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "heldout").mkdir()
    (tmp_path / "heldout" / "drafts.yaml").write_text(HELD, encoding="utf-8")
    (tmp_path / "heldout" / "floors.toml").write_text(
        "[clean]\nmax-with-findings = 0\nmax-with-warnings = 0\n"
        "[precision]\n[recall]\nshouting = 0.5\n",
        encoding="utf-8",
    )
    done = run_eval("--corpus", str(tmp_path))
    assert "Floors (heldout/floors.toml, regression floors): BELOW" in done.stdout
    assert "shouting recall 0.000 is below its floor 0.50" in done.stdout
    (tmp_path / "heldout" / "floors.toml").write_text("[clean]\n", encoding="utf-8")
    broken = run_eval("--corpus", str(tmp_path))
    assert broken.returncode == 2
    assert "heldout/floors.toml: missing [precision] table" in broken.stderr


# --- the blind corpus -----------------------------------------------------------


@pytest.fixture(scope="module")
def blind(figures: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = figures["blind"]
    assert data is not None, "tests/corpus/blind/ is missing"
    return data


@pytest.fixture(scope="module")
def blind_floors() -> Any:
    return evaluation.load_floors(BLIND, prefix="blind/")


def _all_three() -> tuple[list[Any], list[Any], list[Any]]:
    development = evaluation.load(CORPUS)
    heldout = evaluation.load_heldout(CORPUS, development)
    assert heldout is not None
    drafts = evaluation.load_blind(CORPUS, development, heldout)  # raises on a repeated id
    assert drafts is not None
    return development, heldout, drafts


def test_blind_corpus_is_well_formed_and_large_enough() -> None:
    _, _, drafts = _all_three()
    assert len(drafts) >= MIN_BLIND_DRAFTS
    ordinary = [d for d in drafts if d.clean and not d.near]
    assert len(ordinary) >= MIN_BLIND_ORDINARY
    assert {d.platform for d in drafts} == ALL_PLATFORMS
    assert {d.kind for d in drafts} == ALL_KINDS
    assert all(d.file.startswith("blind/") and d.id.startswith("b-") for d in drafts)


def test_blind_ids_are_unique_across_the_three_corpora() -> None:
    development, heldout, drafts = _all_three()
    blind_ids = {d.id for d in drafts}
    assert len(blind_ids) == len(drafts)
    assert not blind_ids & {d.id for d in development + heldout}


def test_blind_drafts_are_new_drafts() -> None:
    """No blind draft repeats a development, held-out or other blind draft word for word."""
    development, heldout, drafts = _all_three()
    seen = {(d.text.strip(), d.platform, d.kind, d.handles): d.id for d in development + heldout}
    for d in drafts:
        key = (d.text.strip(), d.platform, d.kind, d.handles)
        assert key not in seen, f"{d.id} repeats {seen[key]}"
        seen[key] = d.id


def test_blind_drafts_are_not_rewordings_of_development_or_heldout_drafts() -> None:
    development, heldout, drafts = _all_three()
    assert not _echoes(drafts, development + heldout)


# The held-out and blind corpora are held alike: enough drafts per rule, floors naming every
# rule, and no rule or clean draft doing worse than recorded.
WRITTEN_APART = [("heldout", MIN_HELDOUT_PER_RULE), ("blind", MIN_BLIND_PER_RULE)]


@pytest.mark.parametrize(("corpus", "minimum"), WRITTEN_APART)
@pytest.mark.parametrize("rule", RULES)
def test_written_apart_each_rule_has_drafts_to_flag_and_near_misses(
    rule: str, corpus: str, minimum: int, request: pytest.FixtureRequest
) -> None:
    counts = request.getfixturevalue(corpus)["rules"][rule]
    assert counts["flag"] >= minimum, f"{corpus}, {rule}: only {counts['flag']} drafts"
    assert counts["near"] >= minimum, f"{corpus}, {rule}: only {counts['near']} near misses"


@pytest.mark.parametrize("corpus", [c for c, _ in WRITTEN_APART])
def test_written_apart_floors_name_every_rule(corpus: str, request: pytest.FixtureRequest) -> None:
    floors = request.getfixturevalue(f"{corpus}_floors")
    assert set(floors.precision) == set(RULES)
    assert set(floors.recall) == set(RULES)


@pytest.mark.parametrize("corpus", [c for c, _ in WRITTEN_APART])
@pytest.mark.parametrize("rule", RULES)
def test_written_apart_rule_keeps_its_regression_floors(
    rule: str, corpus: str, request: pytest.FixtureRequest
) -> None:
    figures = request.getfixturevalue(corpus)
    floors = request.getfixturevalue(f"{corpus}_floors")
    got = figures["rules"][rule]
    misses = [m["id"] for m in figures["misses"] if m["rule"] == rule]
    alarms = [m["id"] for m in figures["false_alarms"] if m["rule"] == rule]
    if got["precision"] is not None:
        assert got["precision"] >= floors.precision[rule], f"false alarms now: {alarms}"
    assert got["recall"] >= floors.recall[rule], f"misses now: {misses}"


@pytest.mark.parametrize("corpus", [c for c, _ in WRITTEN_APART])
def test_written_apart_clean_drafts_stay_as_quiet_as_recorded(
    corpus: str, request: pytest.FixtureRequest
) -> None:
    figures = request.getfixturevalue(corpus)
    floors = request.getfixturevalue(f"{corpus}_floors")
    noisy = sorted({a["id"] for a in figures["false_alarms"]})
    assert figures["clean_with_findings"] <= floors.max_clean_with_findings, noisy
    assert figures["clean_with_warnings"] <= floors.max_clean_with_warnings, noisy


BLINDED = """\
- id: b-bare
  platform: linkedin
  text: |-
    https://example.org/annual-report
  expect: [bare-link]
  why: Only a link.
- id: b-quiet
  platform: threads
  text: |-
    Fog on the estuary, and the ferry is running late.
  expect: [shouting]
  why: A deliberately wrong label, to count a miss.
- id: b-clean
  platform: x
  text: |-
    Soup of the day is leek and potato; thanks for bearing with the slow queue.
  expect: []
  why: An ordinary post.
"""


def _three_corpora(tmp_path: Path) -> Path:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    for name, text in (("heldout", HELD), ("blind", BLINDED)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "drafts.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_blind_figures_are_measured_and_printed_third_and_apart(tmp_path: Path) -> None:
    corpus = _three_corpora(tmp_path)
    data = json.loads(run_eval("--json", "--corpus", str(corpus)).stdout)
    assert (data["drafts"], data["heldout"]["drafts"]) == (4, 2)  # unmixed
    blind = data["blind"]
    assert (blind["drafts"], blind["clean"], blind["clean_with_findings"]) == (3, 1, 0)
    assert (blind["rules"]["bare-link"]["tp"], blind["rules"]["shouting"]["fn"]) == (1, 1)
    assert blind["misses"] == [
        {"rule": "shouting", "id": "b-quiet", "file": "blind/drafts.yaml", "found": []}
    ]
    text = run_eval("--corpus", str(corpus)).stdout
    before, blind_part = text.split("Blind corpus: 3 drafts, 1 of them clean\n")
    assert "Held-out corpus: 2 drafts" in before and "b-quiet" not in before
    assert "held-quiet" not in blind_part and "calm-but-labelled" not in blind_part
    assert blind_part.startswith(evaluation.BLIND_CAPTION)
    assert "never tuned on" in evaluation.BLIND_CAPTION
    assert "never to be used for" in evaluation.BLIND_CAPTION
    assert "blind/drafts.yaml:b-quiet" in blind_part


@pytest.mark.parametrize(
    ("new_id", "message"),
    [
        ("lone-link", "blind/drafts.yaml: id 'lone-link' repeats one in tiny.yaml"),
        ("held-bare", "blind/drafts.yaml: id 'held-bare' repeats one in heldout/drafts.yaml"),
    ],
)
def test_a_blind_id_repeating_another_corpus_is_a_clear_error(
    tmp_path: Path, new_id: str, message: str
) -> None:
    corpus = _three_corpora(tmp_path)
    (corpus / "blind" / "drafts.yaml").write_text(
        BLINDED.replace("id: b-quiet", f"id: {new_id}", 1), encoding="utf-8"
    )
    done = run_eval("--corpus", str(corpus))
    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr


def test_blind_floors_are_checked_and_named(tmp_path: Path) -> None:
    corpus = _three_corpora(tmp_path)
    (corpus / "blind" / "floors.toml").write_text(
        "[clean]\nmax-with-findings = 0\nmax-with-warnings = 0\n"
        "[precision]\n[recall]\nshouting = 0.5\n",
        encoding="utf-8",
    )
    done = run_eval("--corpus", str(corpus))
    assert "Floors (blind/floors.toml, regression floors): BELOW" in done.stdout
    assert "shouting recall 0.000 is below its floor 0.50" in done.stdout


# --- --set-floors -------------------------------------------------------------------


def test_floors_round_down_exactly() -> None:
    assert evaluation._floor(29, 100) == 0.29  # 0.29 * 100 is 28.999... in floating point
    assert evaluation._floor(2, 3) == 0.66
    assert evaluation._floor(7, 8) == 0.87
    assert evaluation._floor(5, 5) == 1.0


def test_set_floors_writes_the_current_figures(tmp_path: Path) -> None:
    corpus = _three_corpora(tmp_path)
    header = "# Kept: the comment that opens the file.\n# Second line.\n"
    (corpus / "blind" / "floors.toml").write_text(
        header + "[clean]\nmax-with-findings = 9\n",
        encoding="utf-8",  # broken: no tables
    )
    done = run_eval("--corpus", str(corpus), "--set-floors", "blind")
    assert done.returncode == 0, done.stderr
    assert "blind/floors.toml" in done.stdout
    written = (corpus / "blind" / "floors.toml").read_text(encoding="utf-8")
    assert written.startswith(header)
    floors = evaluation.load_floors(corpus / "blind")
    assert set(floors.precision) == set(floors.recall) == set(RULES)
    assert (floors.precision["bare-link"], floors.recall["bare-link"]) == (1.0, 1.0)
    assert floors.recall["shouting"] == 0.0
    assert floors.precision["shouting"] == 0.0  # never fired: any precision holds
    assert (floors.max_clean_with_findings, floors.max_clean_with_warnings) == (0, 0)
    report = run_eval("--corpus", str(corpus)).stdout
    assert "Floors (blind/floors.toml, regression floors): all held" in report
    assert not (corpus / "floors.toml").exists()  # only the corpus named was touched


def test_set_floors_rounds_down_and_counts_noisy_clean_drafts(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    done = run_eval("--corpus", str(tmp_path), "--set-floors", "development")
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "floors.toml").read_text(encoding="utf-8")
    assert text.startswith(evaluation.DEFAULT_FLOORS_HEADER)
    floors = evaluation.load_floors(tmp_path)
    assert floors.precision["bare-link"] == 0.5  # one hit, one false alarm
    assert floors.max_clean_with_findings == 1
    assert "Floors (floors.toml): all held" in run_eval("--corpus", str(tmp_path)).stdout


def test_set_floors_on_a_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    done = run_eval("--corpus", str(tmp_path), "--set-floors", "blind")
    assert done.returncode == 2
    assert "no blind corpus in" in done.stderr
    with pytest.raises(SystemExit) as exit_info:
        run_eval("--set-floors", "blnd")
    assert exit_info.value.code == 2
