"""The ``etiquette`` command, run for real as a subprocess, and its text rendering.

Drafts that must raise a rule come from the registry's own examples (or from a
team's extra term), so these tests hold whatever the rules' wording becomes.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from checker import cli, render
from checker.config import Config
from checker.model import Finding, Length, Pillar, Report, Severity
from checker.rules import REGISTRY
from checker.rules.base import Example, Rule

FINDING_TYPES = {
    "rule": str,
    "pillar": str,
    "severity": str,
    "message": str,
    "fix": str,
    "start": int,
    "end": int,
    "start_utf16": int,
    "end_utf16": int,
    "url": str,
}
ONE_ERROR_LINE = "etiquette: error: "
CALM = "Thanks to Sam for the tip about the garden meetup. See you there on Friday."
TERM = "zqxjkv"  # a made-up word: flags only when a team adds it


def run(
    *args: str,
    stdin: bytes | str | None = None,
    cwd: Path,
    exe: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    skip = ("NO_COLOR", "FORCE_COLOR", "TERM", "GITHUB_STEP_SUMMARY")
    env = {**{k: v for k, v in os.environ.items() if k not in skip}, **(env or {})}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [*(exe or [sys.executable, "-m", "checker"]), *args],
        input=data if data is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def check_json(*args: str, cwd: Path, stdin: str | None = None) -> dict[str, object]:
    proc = run("check", "--format", "json", *args, cwd=cwd, stdin=stdin)
    assert proc.returncode in (0, 1), proc.stderr
    data: dict[str, object] = json.loads(proc.stdout)
    return data


def rules_in(data: dict[str, object]) -> list[str]:
    findings = data["findings"]
    assert isinstance(findings, list)
    return [f["rule"] for f in findings]


def pick(test: Callable[[Rule], bool], what: str) -> Rule:
    for rule in REGISTRY:
        if test(rule):
            return rule
    pytest.fail(f"no rule in the registry is {what} (yet?)")


def example_args(ex: Example) -> list[str]:
    args = ["--platform", ex.platform, "--kind", ex.kind]
    for handle in ex.handles:
        args += ["--handle", handle]
    return args


def quiet_rule() -> Rule:
    """A rule below error level with an example that flags it."""
    return pick(lambda r: r.severity is not Severity.ERROR and bool(r.flags), "quiet")


def word_list_rule() -> Rule:
    return pick(lambda r: r.takes_terms, "a word list (takes_terms)")


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(ONE_ERROR_LINE), lines[0]
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


# --- check: input, formats, exit codes ----------------------------------------


def test_file_and_stdin_give_the_same_report(tmp_path: Path) -> None:
    rule = quiet_rule()
    ex = rule.flags[0]
    (tmp_path / "draft.txt").write_text(ex.text, encoding="utf-8")
    from_file = check_json("draft.txt", *example_args(ex), cwd=tmp_path)
    from_dash = check_json("-", *example_args(ex), cwd=tmp_path, stdin=ex.text)
    from_pipe = check_json(*example_args(ex), cwd=tmp_path, stdin=ex.text)
    assert from_dash == from_pipe
    # a file's report also says which file, and where each finding is in it
    assert from_file.pop("file") == "draft.txt"
    located = ("line", "column", "end_line", "end_column")
    for finding in from_file["findings"]:
        assert all(isinstance(finding.pop(key), int) for key in located)
    assert from_file == from_dash
    assert rule.name in rules_in(from_file)


def test_json_is_schema_1_with_typed_fields(tmp_path: Path) -> None:
    ex = quiet_rule().flags[0]
    proc = run("check", "--format", "json", *example_args(ex), cwd=tmp_path, stdin=ex.text)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith('{\n  "schema": 1')  # indent=2, as documented
    data = json.loads(proc.stdout)
    assert set(data) == {"schema", "platform", "kind", "length", "findings"}
    assert data["schema"] == 1 and data["platform"] == ex.platform and data["kind"] == ex.kind
    length = data["length"]
    assert {"count", "limit", "unit", "over"} <= set(length)
    assert isinstance(length["count"], int) and isinstance(length["limit"], int)
    assert isinstance(length["unit"], str) and isinstance(length["over"], bool)
    assert data["findings"], "the example should flag"
    for finding in data["findings"]:
        assert set(finding) == set(FINDING_TYPES)
        for key, kind in FINDING_TYPES.items():
            assert type(finding[key]) is kind, key
        assert finding["severity"] in ("error", "warning", "suggestion")
        assert finding["pillar"] in {p.value for p in Pillar}
        assert 0 <= finding["start"] < finding["end"] <= len(ex.text)
        assert finding["url"].endswith(f"/rules/{finding['rule']}/")


def test_json_keeps_non_ascii_as_is(tmp_path: Path) -> None:
    proc = run("check", "--format", "json", cwd=tmp_path, stdin=f"Café ☕ {TERM}")
    assert proc.returncode == 0 and "\\u" not in proc.stdout


def test_exit_1_when_there_is_an_error_level_finding(tmp_path: Path) -> None:
    too_long = "Word " * 100  # 500 characters: over X's 280 whatever the rules say
    proc = run("check", "--platform", "x", cwd=tmp_path, stdin=too_long)
    assert proc.returncode == 1, proc.stderr
    data = check_json("--platform", "x", cwd=tmp_path, stdin=too_long)
    assert data["length"]["over"] is True  # type: ignore[index]
    assert any(f["severity"] == "error" for f in data["findings"])  # type: ignore[attr-defined]


def test_exit_0_for_a_calm_post(tmp_path: Path) -> None:
    proc = run("check", "--platform", "linkedin", cwd=tmp_path, stdin=CALM)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_bom_is_stripped(tmp_path: Path) -> None:
    ex = quiet_rule().flags[0]
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ex.text.encode("utf-8"))
    (tmp_path / "plain.txt").write_text(ex.text, encoding="utf-8")
    args = example_args(ex)
    with_bom, plain = (check_json(n, *args, cwd=tmp_path) for n in ("bom.txt", "plain.txt"))
    assert (with_bom.pop("file"), plain.pop("file")) == ("bom.txt", "plain.txt")
    assert with_bom == plain


def test_thread_posts_are_measured_one_by_one(tmp_path: Path) -> None:
    thread = "First post about the garden.\n---\nSecond post, with thanks to Sam.\n"
    data = check_json("--kind", "thread", cwd=tmp_path, stdin=thread)
    assert data["kind"] == "thread"
    assert len(data["length"]["posts"]) == 2  # type: ignore[index]


# --- bad input: one line on stderr, exit 2 -------------------------------------


@pytest.mark.parametrize("draft", [b"", b"   \n\t\r\n  "])
def test_empty_input(tmp_path: Path, draft: bytes) -> None:
    assert_one_line_error(run("check", cwd=tmp_path, stdin=draft), "empty")
    (tmp_path / "empty.txt").write_bytes(draft)
    assert_one_line_error(run("check", "empty.txt", cwd=tmp_path), "empty.txt", "empty")


def test_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(run("check", "nope.txt", cwd=tmp_path), "nope.txt", "no such file")


def test_folder_without_drafts(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "notes.rst").write_text("Not a draft", encoding="utf-8")
    assert_one_line_error(run("check", "drafts", cwd=tmp_path), "drafts", "no draft files")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # in-process: the tests may run as root, who can read any file
    path = tmp_path / "secret.txt"
    path.write_text("hello", encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(cli.UsageError, match=r"secret\.txt: permission denied"):
        cli.read_draft(str(path))


def test_non_utf8_says_the_byte_offset(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    proc = run("check", "latin1.txt", cwd=tmp_path)
    assert_one_line_error(proc, "latin1.txt", "UTF-8", "0xe9", "offset 3")
    proc = run("check", cwd=tmp_path, stdin=b"ok \xff\xfe")
    assert_one_line_error(proc, "standard input", "offset 3")


def test_unknown_platform_and_kind(tmp_path: Path) -> None:
    proc = run("check", "--platform", "mastadon", cwd=tmp_path, stdin=CALM)
    assert_one_line_error(proc, "--platform", "mastodon")
    proc = run("check", "--kind", "dm", cwd=tmp_path, stdin=CALM)
    assert_one_line_error(proc, "--kind", "invitation")


@pytest.mark.parametrize(
    "args",
    [["check", "--format", "xml"], ["check", "--bogus"], ["frobnicate"], ["check", "a", "b"]],
)
def test_bad_usage(tmp_path: Path, args: list[str]) -> None:
    assert_one_line_error(run(*args, cwd=tmp_path, stdin=CALM))


def test_no_command_prints_help_and_exits_2(tmp_path: Path) -> None:
    proc = run(cwd=tmp_path)
    assert proc.returncode == 2 and "check" in proc.stderr and "Traceback" not in proc.stderr


def test_help_documents_the_config_lookup(tmp_path: Path) -> None:
    proc = run("check", "--help", cwd=tmp_path)
    assert proc.returncode == 0
    assert "etiquette.toml" in proc.stdout and "extra.checker" in proc.stdout


def test_bad_config_files(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text('platform = "x"\nkind = \n', encoding="utf-8")
    proc = run("check", "--config", "broken.toml", cwd=tmp_path, stdin=CALM)
    assert_one_line_error(proc, "broken.toml", "line 2")
    (tmp_path / "typo.toml").write_text("[rules.no-such-rule]\nenabled = false\n", "utf-8")
    proc = run("check", "--config", "typo.toml", cwd=tmp_path, stdin=CALM)
    assert_one_line_error(proc, "typo.toml", "rules.no-such-rule")
    proc = run("check", "--config", "missing.toml", cwd=tmp_path, stdin=CALM)
    assert_one_line_error(proc, "missing.toml", "no such config file")


def test_a_bad_etiquette_toml_in_the_current_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "etiquette.toml").write_text('platform = "myspace"\n', encoding="utf-8")
    assert_one_line_error(run("check", cwd=tmp_path, stdin=CALM), "etiquette.toml", "platform")


def test_ctrl_c_exits_130_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted() -> bytes:
        raise KeyboardInterrupt

    fake_stdin = SimpleNamespace(buffer=SimpleNamespace(read=interrupted), isatty=lambda: False)
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 130
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


# --- team settings change the result -------------------------------------------


def test_config_disabling_a_rule_removes_its_findings(tmp_path: Path) -> None:
    rule = quiet_rule()
    ex = rule.flags[0]
    args = example_args(ex)
    assert rule.name in rules_in(check_json(*args, cwd=tmp_path, stdin=ex.text))
    (tmp_path / "team.toml").write_text(f"[rules.{rule.name}]\nenabled = false\n", "utf-8")
    off = check_json("--config", "team.toml", *args, cwd=tmp_path, stdin=ex.text)
    assert rule.name not in rules_in(off)
    # ./etiquette.toml is found without --config
    (tmp_path / "etiquette.toml").write_text(f"[rules.{rule.name}]\nenabled = false\n", "utf-8")
    assert rule.name not in rules_in(check_json(*args, cwd=tmp_path, stdin=ex.text))


def test_config_severity_change_changes_the_exit_code(tmp_path: Path) -> None:
    rule = quiet_rule()
    ex = rule.flags[0]
    (tmp_path / "team.toml").write_text(f'[rules.{rule.name}]\nseverity = "error"\n', "utf-8")
    proc = run("check", "--config", "team.toml", *example_args(ex), cwd=tmp_path, stdin=ex.text)
    assert proc.returncode == 1


def test_extra_terms_add_findings(tmp_path: Path) -> None:
    rule = word_list_rule()
    draft = f"Our new {TERM} is ready for the garden club."
    assert rule.name not in rules_in(check_json(cwd=tmp_path, stdin=draft))
    (tmp_path / "etiquette.toml").write_text(
        f'[rules.{rule.name}]\nextra-terms = ["{TERM}"]\n', "utf-8"
    )
    data = check_json(cwd=tmp_path, stdin=draft)
    hits = [f for f in data["findings"] if f["rule"] == rule.name]  # type: ignore[attr-defined]
    assert [draft[f["start"] : f["end"]] for f in hits] == [TERM]


def test_flags_override_the_config(tmp_path: Path) -> None:
    (tmp_path / "etiquette.toml").write_text('platform = "linkedin"\nkind = "reply"\n', "utf-8")
    assert (check_json(cwd=tmp_path, stdin=CALM)["platform"]) == "linkedin"
    data = check_json("--platform", "bluesky", cwd=tmp_path, stdin=CALM)
    assert (data["platform"], data["kind"]) == ("bluesky", "reply")


def test_mkdocs_yml_as_config(tmp_path: Path) -> None:
    rule = word_list_rule()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Team\nsite_url: https://team.example/\nextra:\n  checker:\n"
        "    site_url: https://team.example/handbook\n"
        f"    rules:\n      {rule.name}:\n        extra-terms: [{TERM}]\n",
        "utf-8",
    )
    data = check_json("--config", "mkdocs.yml", cwd=tmp_path, stdin=f"Try {TERM} today.")
    hits = [f for f in data["findings"] if f["rule"] == rule.name]  # type: ignore[attr-defined]
    assert hits and hits[0]["url"] == f"https://team.example/handbook/rules/{rule.name}/"


# --- text output ---------------------------------------------------------------


def test_text_output_marks_spans_and_lists_findings(tmp_path: Path) -> None:
    rule = word_list_rule()
    (tmp_path / "etiquette.toml").write_text(
        f'[rules.{rule.name}]\nextra-terms = ["{TERM}"]\n', "utf-8"
    )
    proc = run("check", "--platform", "linkedin", cwd=tmp_path, stdin=f"Meet our {TERM} today.")
    out = proc.stdout
    assert proc.returncode == 0, proc.stderr
    assert "\x1b[" not in out  # not a terminal: no colour
    first = out.splitlines()[0]
    assert "LinkedIn" in first and "/3000" in first
    assert f"⟦{TERM}⟧" in out
    assert rule.name in out and f"→ {rule.fix.split()[0]}" in out
    assert f"/rules/{rule.name}/" in out
    assert out.rstrip().splitlines()[-1].endswith(".")


def test_colour_on_demand_and_off_by_default(tmp_path: Path) -> None:
    ex = quiet_rule().flags[0]
    args = example_args(ex)
    coloured = run("check", "--color", "always", *args, cwd=tmp_path, stdin=ex.text)
    assert "\x1b[4;" in coloured.stdout  # underlined spans
    plain = run("check", "--color", "never", *args, cwd=tmp_path, stdin=ex.text)
    assert "\x1b[" not in plain.stdout and "⟦" in plain.stdout


def test_long_draft_shows_only_lines_with_findings(tmp_path: Path) -> None:
    rule = word_list_rule()
    (tmp_path / "etiquette.toml").write_text(
        f'[rules.{rule.name}]\nextra-terms = ["{TERM}"]\n', "utf-8"
    )
    lines = [f"Plain line {i} about the garden club and its roses." for i in range(1, 41)]
    lines[24] = f"Line 25 mentions {TERM} in passing."
    proc = run("check", "--platform", "facebook", cwd=tmp_path, stdin="\n".join(lines))
    assert proc.returncode == 0, proc.stderr
    assert f"25 │ Line 25 mentions ⟦{TERM}⟧" in proc.stdout
    assert "Plain line 3 about" not in proc.stdout
    assert "line 25, col 18" in proc.stdout


# --- rules and explain ----------------------------------------------------------


def test_rules_text_and_json(tmp_path: Path) -> None:
    text = run("rules", cwd=tmp_path)
    assert text.returncode == 0
    for rule in REGISTRY:
        assert rule.name in text.stdout and rule.guide in text.stdout
    for pillar in {r.pillar for r in REGISTRY}:
        assert pillar.value.capitalize() in text.stdout.splitlines()

    as_json = run("rules", "--format", "json", cwd=tmp_path)
    data = json.loads(as_json.stdout)
    assert data["schema"] == 1
    assert [r["name"] for r in data["rules"]] == [r.name for r in REGISTRY]
    for entry, rule in zip(data["rules"], REGISTRY, strict=True):
        assert entry["pillar"] == rule.pillar.value and entry["severity"] == rule.severity.value
        assert entry["summary"] == rule.summary and entry["guide"] == rule.guide


def test_the_installed_command_works(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "etiquette"
    proc = run("rules", "--format", "json", cwd=tmp_path, exe=[str(exe)])
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["rules"]) == len(REGISTRY)


def test_explain_a_rule(tmp_path: Path) -> None:
    rule = quiet_rule()
    proc = run("explain", rule.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert rule.summary.split()[0] in out and rule.fix.split()[0] in out
    assert render.visible(rule.flags[0].text).split()[0] in out
    assert f"[rules.{rule.name}]\n  enabled = false" in out
    assert f"/rules/{rule.name}/" in out


def test_explain_an_unknown_rule_suggests_one(tmp_path: Path) -> None:
    rule = quiet_rule()
    proc = run("explain", rule.name[:-1], cwd=tmp_path)
    assert_one_line_error(proc, f'did you mean "{rule.name}"')


# --- render, in-process, on made-up findings ------------------------------------


def _finding(rule: str, severity: Severity, start: int, end: int) -> Finding:
    return Finding(
        rule,
        Pillar.SHARING,
        severity,
        f"{rule} says so",
        f"fix {rule}",
        start,
        end,
        start,
        end,
        "u",
    )


def _report(findings: list[Finding], count: int = 10) -> Report:
    return Report("x", "post", Length(count, 280, "weighted", count > 280), tuple(findings))


def test_render_groups_by_severity_loudest_first() -> None:
    text = "aaa bbb ccc"
    report = _report(
        [
            _finding("s-rule", Severity.SUGGESTION, 0, 3),
            _finding("w-rule", Severity.WARNING, 4, 7),
            _finding("e-rule", Severity.ERROR, 8, 11),
        ]
    )
    out = render.render_report(text, report)
    assert out.index("Errors (1)") < out.index("Warnings (1)") < out.index("Suggestions (1)")
    assert "⟦aaa⟧ ⟦bbb⟧ ⟦ccc⟧" in out
    assert out.rstrip().endswith("1 error, 1 warning, 1 suggestion.")


def test_render_merges_overlapping_marks() -> None:
    text = "one two three"
    report = _report(
        [_finding("a", Severity.WARNING, 0, 7), _finding("b", Severity.SUGGESTION, 4, 13)]
    )
    assert "⟦one two three⟧" in render.render_report(text, report)


def test_render_makes_control_characters_visible() -> None:
    text = "hi \x1b[2J there \u202eevil"
    out = render.render_report(text, _report([_finding("a", Severity.WARNING, 0, 2)]))
    assert "\x1b" not in out and "\u202e" not in out
    assert "␛[2J" in out and "⟨U+202E⟩" in out


def test_render_excerpts_a_very_long_line() -> None:
    text = "x" * 5000 + " needle " + "y" * 5000
    start = text.index("needle")
    out = render.render_report(text, _report([_finding("a", Severity.WARNING, start, start + 6)]))
    assert "⟦needle⟧" in out and len(out) < 2000


def test_render_header_over_the_limit() -> None:
    out = render.render_report("a", _report([], count=300))
    assert out.splitlines()[0] == "X · post · 300/280 weighted · over by 20"
    assert "looks good" not in out and "Over the X limit" in out
    out = render.render_report("a", _report([], count=200))
    assert out.rstrip().endswith("No findings: looks good to post.")


def test_guide_urls() -> None:
    site = "https://a.example/hb/"
    assert render.guide_url(site, "sharing/index.md") == "https://a.example/hb/sharing/"
    assert (
        render.guide_url(site, "platforms/x.md#limits")
        == "https://a.example/hb/platforms/x/#limits"
    )
    assert render.rules_to_dict((), Config())["rules"] == []


def test_stdout_that_cannot_encode_gets_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    ascii_out = io.TextIOWrapper(raw, encoding="ascii")
    draft = io.BytesIO("Café ☕ with the garden club".encode())
    monkeypatch.setattr(sys, "stdout", ascii_out)
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=draft, isatty=lambda: False))
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--platform", "linkedin"]) in (0, 1)
    ascii_out.flush()
    out = raw.getvalue().decode("ascii")  # nothing but ASCII was written, and no crash
    assert "Caf\\xe9" in out


def test_auto_colour_follows_the_terminal_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    tty = SimpleNamespace(isatty=lambda: True)
    pipe = SimpleNamespace(isatty=lambda: False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert cli._want_color("auto", tty) is True  # type: ignore[arg-type]
    assert cli._want_color("auto", pipe) is False  # type: ignore[arg-type]
    assert cli._want_color("always", pipe) is True  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli._want_color("auto", tty) is False  # type: ignore[arg-type]
    assert cli._want_color("never", tty) is False  # type: ignore[arg-type]
