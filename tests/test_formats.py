"""CI output formats: GitHub annotations (escaping, summary), SARIF (schema-valid), JSON lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from test_cli import run
from test_cli_files import BAIT, TOO_LONG, write

from checker.formats import escape_data, escape_property
from checker.rules import REGISTRY

FIXTURES = Path(__file__).parent / "fixtures"
ANNOTATION = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def props(line: str) -> dict[str, str]:
    m = ANNOTATION.match(line)
    assert m, line
    return dict(part.split("=", 1) for part in m.group("props").split(","))


@pytest.mark.parametrize(
    "text", ["100% sure", "a:b,c", "two\nlines\r\nhere", "%0A is not a newline", "plain"]
)
def test_escaping_round_trips_like_the_toolkit(text: str) -> None:
    assert unescape(escape_data(text)) == text
    assert unescape(escape_property(text)) == text
    for escaped in (escape_data(text), escape_property(text)):
        assert "\n" not in escaped and "\r" not in escaped
    assert ":" not in escape_property(text) and "," not in escape_property(text)
    # the data keeps ":" and "," (GitHub reads them there as they are)
    assert escape_data("a:b,c") == "a:b,c"
    assert escape_data("50%") == "50%25"


def test_github_annotations_name_file_line_and_columns(tmp_path: Path) -> None:
    # a file name with a comma, a colon and a percent sign must not break the properties
    write(tmp_path, "drafts/launch, v2: 100%.md", "---\nplatform: x\n---\n\n" + BAIT)
    summary = tmp_path / "summary.md"
    proc = run(
        "check",
        "drafts",
        "--format",
        "github",
        cwd=tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines and all(ANNOTATION.match(line) for line in lines)
    bait = next(props(line) for line in lines if "engagement-bait" in line)
    assert unescape(bait["file"]) == "drafts/launch, v2: 100%.md"
    assert (bait["line"], bait["col"], bait["endLine"]) == ("5", str(BAIT.index("RT") + 1), "5")
    assert int(bait["endColumn"]) > int(bait["col"])
    assert unescape(bait["title"]) == "engagement-bait (warning)"
    message = ANNOTATION.match(next(x for x in lines if "engagement-bait" in x)).group("message")  # type: ignore[union-attr]
    assert "\n" in unescape(message) and "/rules/engagement-bait/" in message
    text = summary.read_text(encoding="utf-8")
    assert "| Where | Severity | Rule | Message |" in text and "engagement-bait" in text


def test_github_levels_and_the_summary_lists_more_than_ten(tmp_path: Path) -> None:
    for i in range(12):
        write(tmp_path, f"d/{i:02}.txt", BAIT)
    write(tmp_path, "d/long.txt", TOO_LONG)
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step\n", encoding="utf-8")
    proc = run(
        "check", "d", "--format", "github", cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert proc.returncode == 1
    kinds = [ANNOTATION.match(line).group(1) for line in proc.stdout.splitlines()]  # type: ignore[union-attr]
    assert kinds.count("error") == 1 and kinds.count("warning") >= 12
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("Earlier step\n"), "appended, not overwritten"
    assert sum("engagement-bait" in row for row in text.splitlines()) == 12
    assert "13 files checked: 1 error, 12 warnings" in text


def test_no_summary_without_the_variable(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BAIT)
    proc = run("check", "a.txt", "--format", "github", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("::warning ")


def _sarif(tmp_path: Path, *args: str) -> dict[str, object]:
    proc = run("check", *args, "--format", "sarif", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    log = json.loads(proc.stdout)
    assert isinstance(log, dict)
    return log


def test_sarif_is_valid_against_the_published_schema(tmp_path: Path) -> None:
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    write(tmp_path, "drafts/a b.md", "---\r\nkind: post\r\n---\r\n**Hi** " + BAIT)
    write(tmp_path, "drafts/long.txt", TOO_LONG)
    log = _sarif(tmp_path, "drafts")
    jsonschema.validate(log, schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    run_ = log["runs"][0]  # type: ignore[index]
    results = run_["results"]
    assert {r["ruleId"] for r in results} >= {"engagement-bait", "over-limit"}
    bait = next(r for r in results if r["ruleId"] == "engagement-bait")
    location = bait["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/a%20b.md"
    assert location["region"]["startLine"] == 4 and location["region"]["startColumn"] >= 1
    assert bait["level"] == "warning"
    over = next(r for r in results if r["ruleId"] == "over-limit")
    assert over["level"] == "error"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.name for r in REGISTRY]
    assert rules[bait["ruleIndex"]]["id"] == "engagement-bait"


def test_sarif_rules_link_to_the_teams_own_site(tmp_path: Path) -> None:
    write(
        tmp_path,
        "etiquette.toml",
        'site_url = "https://acme.example/handbook"\n[rules.stiff-jargon]\nenabled = false\n',
    )
    write(tmp_path, "a.txt", BAIT)
    log = _sarif(tmp_path, "a.txt")
    rules = log["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
    assert "stiff-jargon" not in [r["id"] for r in rules], "a rule switched off is not in the run"
    bait = next(r for r in rules if r["id"] == "engagement-bait")
    assert bait["helpUri"] == "https://acme.example/handbook/rules/engagement-bait/"


def test_json_lines_one_finding_per_line(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BAIT + " Visit bit.ly/x")
    proc = run("check", "a.txt", "--format", "json-lines", cwd=tmp_path)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) >= 2
    for record in records:
        assert {"file", "line", "column", "end_line", "end_column", "rule", "severity"} <= set(
            record
        )
        text = BAIT + " Visit bit.ly/x"  # one line, no front matter: columns match offsets
        assert (
            text[record["column"] - 1 : record["end_column"] - 1]
            == text[record["start"] : record["end"]]
        )
