"""Rules a team writes (``custom-rules``): parsing, matching, refusing slow patterns,
the CLI, and the team's own rules' examples run as tests of this copy.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from growth import assert_near_linear
from test_cli import run

from checker import check
from checker.config import ConfigError, mkdocs_settings, parse_config, parse_toml
from checker.custom_rules import example_failures
from checker.draft import Draft
from checker.rules import BY_NAME

ROOT = Path(__file__).resolve().parents[1]

SAY_OUR_NAME = {
    "name": "say-our-name",
    "severity": "warning",
    "message": "Write the product's name as Acme Cloud.",
    "fix": "Write Acme Cloud.",
    "words": ["acmecloud", "acme-cloud"],
    "flags": ["Try acmecloud today"],
    "passes": ["Try Acme Cloud today"],
}
REPLACE = {
    "name": "plain-words",
    "severity": "suggestion",
    "message": "A plainer word reads warmer.",
    "fix": "Use the plain word.",
    "replace": {"utilise": "use", "going forward": "from now on"},
    "flags": ["We utilise it"],
    "passes": ["We use it"],
}
SIGN_OFF = {
    "name": "sign-off",
    "severity": "warning",
    "message": "Support replies end with a name.",
    "fix": "Sign off with your first name, like '— Sam'.",
    "require": r"(?m)^[—–-] ?\w+$",
    "kinds": ["reply"],
    "flags": ["Thanks for flagging this, it is fixed now."],
    "passes": ["Thanks for flagging this, it is fixed now.\n— Sam"],
}
NO_CAPS_LAUNCH = {
    "name": "no-caps-launch",
    "severity": "error",
    "message": "Our launches are never in capitals.",
    "fix": "Write Launch.",
    "pattern": r"\bLAUNCH\b",
    "platforms": ["linkedin"],
    "flags": ["Our LAUNCH is here"],
    "passes": ["Our launch is here"],
}
ALL = [SAY_OUR_NAME, REPLACE, SIGN_OFF, NO_CAPS_LAUNCH]


def config_with(*rules: dict[str, Any], **top: Any) -> Any:
    return parse_config({"custom-rules": list(rules), **top}, "etiquette.toml")


def found(text: str, config: Any, **kw: Any) -> list[tuple[str, str, str]]:
    report = check(text, config=config, **kw)
    return [(f.rule, text[f.start : f.end], f.message) for f in report.findings]


# --- each matcher ---------------------------------------------------------------------


def test_words_flag_whole_words_any_case() -> None:
    config = config_with(SAY_OUR_NAME)
    hits = [
        h
        for h in found("AcmeCloud and acme-cloud, not acmecloudy", config)
        if h[0] == "say-our-name"
    ]
    assert [h[1] for h in hits] == ["AcmeCloud", "acme-cloud"]
    assert hits[0][2] == SAY_OUR_NAME["message"]


def test_replace_carries_the_replacement() -> None:
    config = config_with(REPLACE)
    hits = [h for h in found("We Utilise it going  forward.", config) if h[0] == "plain-words"]
    assert [h[1] for h in hits] == ["Utilise", "going  forward"]
    assert "“use”" in hits[0][2] and "“from now on”" in hits[1][2]
    # the finding carries the replacement, as the core's own fixes do (JSON "replacement")
    report = check("We Utilise it going  forward.", config=config)
    fixes = [f.to_dict()["replacement"] for f in report.findings if f.rule == "plain-words"]
    assert [(r["start"], r["end"], r["text"]) for r in fixes] == [
        (3, 10, "use"),
        (14, 28, "from now on"),
    ]


def test_require_applies_to_its_kinds_only() -> None:
    config = config_with(SIGN_OFF)
    text = "Thanks, it is fixed.\nCheers"
    hits = [h for h in found(text, config, kind="reply") if h[0] == "sign-off"]
    assert hits == [("sign-off", "Cheers", SIGN_OFF["message"])], "points at the last line"
    assert not [h for h in found(text + "\n— Sam", config, kind="reply") if h[0] == "sign-off"]
    assert not [h for h in found(text, config, kind="post") if h[0] == "sign-off"]


def test_pattern_is_case_sensitive_and_platform_bound() -> None:
    config = config_with(NO_CAPS_LAUNCH)
    assert ("no-caps-launch", "LAUNCH", NO_CAPS_LAUNCH["message"]) in found(
        "Our LAUNCH", config, platform="linkedin"
    )
    assert not [
        h for h in found("Our launch", config, platform="linkedin") if h[0] == "no-caps-launch"
    ]
    assert not [h for h in found("Our LAUNCH", config, platform="x") if h[0] == "no-caps-launch"]
    report = check("Our LAUNCH", config=config, platform="linkedin")
    assert report.has_errors, "a team may make its own rule an error"


def test_braces_in_a_message_are_literal() -> None:
    rule = {**SAY_OUR_NAME, "message": "Write {our name} as {match} never"}
    hits = found("Try acmecloud", config_with(rule))
    assert ("say-our-name", "acmecloud", "Write {our name} as {match} never") in hits


def test_the_team_can_switch_its_own_rule_off_or_change_it() -> None:
    config = config_with(SAY_OUR_NAME, rules={"say-our-name": {"severity": "error"}})
    report = check("Try acmecloud", config=config)
    assert [f.severity.value for f in report.findings if f.rule == "say-our-name"] == ["error"]
    off = config_with(SAY_OUR_NAME, rules={"say-our-name": {"enabled": False}})
    assert not [f for f in check("Try acmecloud", config=off).findings if f.rule == "say-our-name"]


def test_every_example_of_the_sample_rules_holds() -> None:
    config = config_with(*ALL, platform="linkedin")
    for rule in config.custom_rules:
        assert example_failures(rule, config) == [], rule.name


def test_a_failing_example_is_named() -> None:
    bad = {**SAY_OUR_NAME, "passes": ["Try acmecloud again"]}
    config = config_with(bad)
    (problem,) = example_failures(config.custom_rules[0], config)
    assert problem.startswith('custom-rules "say-our-name".passes[0]:') and "is flagged" in problem


# --- refused with the rule named ----------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        ({"name": "Say Our Name"}, "custom-rules[0].name", "kebab-case"),
        ({"name": "bare-link"}, '"bare-link".name', "already the name of a rule"),
        ({"flags": []}, ".flags", "non-empty list"),
        ({"passes": None}, ".passes", "missing"),
        ({"severity": "loud"}, ".severity", 'unknown severity "loud"'),
        ({"pattern": "x"}, "words, pattern", "exactly one of"),
        ({"colour": "red"}, ".colour", 'unknown key "colour"'),
        ({"kinds": ["dm"]}, ".kinds", 'unknown kind "dm"'),
        ({"platforms": ["myspace"]}, ".platforms", 'unknown platform "myspace"'),
        ({"page": "/abs.html"}, ".page", "a page of your docs"),
        ({"words": "acmecloud"}, ".words", "non-empty list"),
    ],
)
def test_bad_rules_are_refused_naming_rule_and_key(
    change: dict[str, Any], key: str, words: str
) -> None:
    rule = {k: v for k, v in {**SAY_OUR_NAME, **change}.items() if v is not None}
    with pytest.raises(ConfigError) as err:
        config_with(rule)
    assert key in err.value.key and words in err.value.problem, str(err.value)
    assert err.value.source == "etiquette.toml"


def test_a_missing_key_is_named() -> None:
    rule = {k: v for k, v in SAY_OUR_NAME.items() if k != "fix"}
    with pytest.raises(ConfigError, match=r'"say-our-name"\.fix: missing'):
        config_with(rule)


def test_two_rules_with_one_name_are_refused() -> None:
    with pytest.raises(ConfigError, match=r'custom-rules\[1\] "say-our-name".name: .*already'):
        config_with(SAY_OUR_NAME, SAY_OUR_NAME)


SLOW = [
    r"(a+)+$",
    r"(a*)*b",
    r"(\w+\s?)+$",
    r"(a|aa)*c",
    r"(?:x|x?y)+z",
    r"(?:[a-z]+,)+\d",
    r"(.*a){3,}",
]
BACKREF = [r"(a)\1", r"(?P<w>\w+) (?P=w)", r"(a)?(?(1)b|c)"]
GOOD = [
    r"acme\s?cloud",
    r"\b(cat|dog)s?\b",
    r"(?:cat|dog)+",
    r"(?i)launch(?:ed|ing)?",
    r"(?m)^\s*— \w+$",
    r"(ab){2}",
]


@pytest.mark.parametrize("pattern", SLOW)
def test_patterns_that_could_run_away_are_refused(pattern: str) -> None:
    for key in ("pattern", "require"):
        rule = {k: v for k, v in SAY_OUR_NAME.items() if k != "words"} | {key: pattern}
        with pytest.raises(ConfigError, match=rf'"say-our-name"\.{key}: .*exponential time'):
            config_with(rule)


@pytest.mark.parametrize("pattern", BACKREF)
def test_backreferences_are_refused(pattern: str) -> None:
    rule = {k: v for k, v in SAY_OUR_NAME.items() if k != "words"} | {"pattern": pattern}
    with pytest.raises(ConfigError, match=r'"say-our-name"\.pattern: backreferences'):
        config_with(rule)


def test_an_invalid_regex_is_refused() -> None:
    rule = {k: v for k, v in SAY_OUR_NAME.items() if k != "words"} | {"pattern": "(unclosed"}
    with pytest.raises(
        ConfigError, match=r'"say-our-name"\.pattern: not a valid regular expression'
    ):
        config_with(rule)


@pytest.mark.parametrize("pattern", GOOD)
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    text = "cats dog acme cloud launched abab\n— Sam"
    rule = {k: v for k, v in SAY_OUR_NAME.items() if k not in ("words", "flags", "passes")}
    config = config_with(rule | {"pattern": pattern, "flags": [text], "passes": ["nothing"]})
    (rule_,) = config.custom_rules
    assert example_failures(rule_, config) == []
    hits = [
        text[f.start : f.end] for f in check(text, config=config).findings if f.rule == rule_.name
    ]
    assert hits == [m.group() for m in re.finditer(pattern, text)]


def test_an_accepted_pattern_stays_linear_on_near_misses() -> None:
    rule = {k: v for k, v in SAY_OUR_NAME.items() if k != "words"} | {
        "pattern": r"\b(?:cat|dog)+s?\b"
    }
    (rule_,) = config_with(rule).custom_rules
    drafts: dict[str, Draft] = {}  # built once per size: the timing is the pattern's own

    def run(text: str) -> list[Any]:
        draft = drafts.setdefault(text, Draft(text, platform="facebook", kind="post"))
        return list(rule_.matcher.find(draft, ()))

    assert_near_linear(run, "catdogcatdogcatdo catdog dogcats " * 6000, repeat=7)


# --- through the CLI ----------------------------------------------------------------------


TOML = """
[[custom-rules]]
name = "say-our-name"
severity = "warning"
message = "Write the product's name as Acme Cloud."
fix = "Write Acme Cloud."
words = ["acmecloud"]
flags = ["Try acmecloud today"]
passes = ["Try Acme Cloud today"]
"""


def test_cli_runs_custom_rules_and_lists_them(tmp_path: Path) -> None:
    (tmp_path / "etiquette.toml").write_text(TOML, encoding="utf-8")
    proc = run("check", "-", "--format", "json", cwd=tmp_path, stdin="Try acmecloud today")
    assert proc.returncode == 0
    assert "say-our-name" in proc.stdout and "/rules/say-our-name/" in proc.stdout
    assert "say-our-name" in run("rules", cwd=tmp_path).stdout
    explain = run("explain", "say-our-name", cwd=tmp_path)
    assert explain.returncode == 0 and "Try acmecloud today" in explain.stdout


def test_cli_refuses_a_slow_pattern_with_exit_2(tmp_path: Path) -> None:
    slow = TOML.replace('words = ["acmecloud"]', "pattern = '(a+)+b'")
    (tmp_path / "etiquette.toml").write_text(slow, encoding="utf-8")
    proc = run("check", "-", cwd=tmp_path, stdin="Try acmecloud today")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert re.search(
        r'etiquette.toml: custom-rules\[0\] "say-our-name".pattern: .*exponential', proc.stderr
    )


def test_cli_reads_custom_rules_from_mkdocs_yml(tmp_path: Path) -> None:
    mkdocs = {
        "site_url": "https://acme.example/hb/",
        "extra": {"checker": {"custom-rules": [SAY_OUR_NAME | {"pattern": "(x|xx)*"}]}},
    }
    mkdocs["extra"]["checker"]["custom-rules"][0].pop("words")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs), encoding="utf-8")
    proc = run("check", "-", "--config", "mkdocs.yml", cwd=tmp_path, stdin="hello")
    assert proc.returncode == 2
    assert 'mkdocs.yml: extra.checker.custom-rules[0] "say-our-name".pattern:' in proc.stderr


def test_toml_and_yaml_give_the_same_rules() -> None:
    from_toml = parse_toml(TOML, "etiquette.toml")
    from_yaml = parse_config(
        {
            "custom-rules": [
                {k: v for k, v in SAY_OUR_NAME.items() if k != "words"} | {"words": ["acmecloud"]}
            ]
        },
        "mkdocs.yml",
    )
    text = "Try acmecloud today"
    assert check(text, config=from_toml).to_dict() == check(text, config=from_yaml).to_dict()


# --- this copy's own rules run as tests --------------------------------------------------


def _this_copys_settings() -> list[tuple[str, Any]]:
    """The team's settings of this copy: mkdocs.yml's extra.checker and ./etiquette.toml."""
    from checker.cli import _yaml_mapping

    out = []
    mkdocs = _yaml_mapping((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), "mkdocs.yml")
    out.append(("mkdocs.yml", parse_config(mkdocs_settings(mkdocs), "mkdocs.yml")))
    toml = ROOT / "etiquette.toml"
    if toml.is_file():
        out.append(
            ("etiquette.toml", parse_toml(toml.read_text(encoding="utf-8"), "etiquette.toml"))
        )
    return out


def test_this_copys_custom_rules_pass_their_own_examples() -> None:
    """A team's rules are tests of its copy: each flag example flags, each pass passes."""
    problems = []
    for source, config in _this_copys_settings():
        for rule in config.custom_rules:
            assert rule.name not in BY_NAME
            problems += [f"{source}: {p}" for p in example_failures(rule, config)]
    assert problems == []


def test_the_teams_page_examples_are_valid_rules() -> None:
    """The rules shown on the Teams page parse, and their examples hold."""
    page = (ROOT / "docs" / "teams.md").read_text(encoding="utf-8")
    yaml_block = next(
        b for b in re.findall(r"```yaml\n(.*?)```", page, re.S) if "custom-rules:" in b
    )
    toml_block = next(
        b for b in re.findall(r"```toml\n(.*?)```", page, re.S) if "[[custom-rules]]" in b
    )
    configs = [
        parse_config(mkdocs_settings(yaml.safe_load(yaml_block)), "teams.md yaml"),
        parse_toml(toml_block, "teams.md toml"),
    ]
    for config in configs:
        assert config.custom_rules
        for rule in config.custom_rules:
            assert example_failures(rule, config) == [], rule.name


# --- the build stops on a custom rule whose examples fail ---------------------------------


def _build_fork(tmp_path: Path, rule: dict[str, Any]) -> Any:
    import subprocess
    import sys

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(
        docs_dir=str(ROOT / "docs"),
        site_dir=str(tmp_path / "site"),
        hooks=[str(ROOT / h) for h in config["hooks"]],
    )
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra"]["checker"] = {"custom-rules": [rule]}
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"passes": ["Try acmecloud again"]}, '"say-our-name".passes[0]: the example'),
        ({"flags": ["Try Acme Cloud"]}, '"say-our-name".flags[0]: the example'),
        ({"page": "guides/naming.md"}, "\"say-our-name\".page: 'guides/naming.md' is not a page"),
        ({"flags": []}, '"say-our-name".flags: expected a non-empty list'),
    ],
)
def test_the_build_stops_naming_file_and_key(
    tmp_path: Path, change: dict[str, Any], words: str
) -> None:
    build = _build_fork(tmp_path, SAY_OUR_NAME | change)
    assert build.returncode != 0
    assert "mkdocs.yml: extra.checker.custom-rules" in build.stderr and words in build.stderr, (
        build.stderr
    )


def test_the_page_can_turn_a_custom_rule_off() -> None:
    """The checker page's Python side (checker.web) reads custom rules from config.json,
    and a reader's "turn this rule off" works on them too."""
    import json

    from checker.web import Site

    site = Site.from_json(json.dumps({"checker": {"custom-rules": [SAY_OUR_NAME]}, "source": "x"}))
    on = json.loads(site.check_json("Try acmecloud", "", "", "[]", "[]"))
    assert "say-our-name" in [f["rule"] for f in on["report"]["findings"]]
    off = json.loads(site.check_json("Try acmecloud", "", "", "[]", '["say-our-name"]'))
    assert "say-our-name" not in [f["rule"] for f in off["report"]["findings"]]
