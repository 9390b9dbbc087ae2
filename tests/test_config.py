"""Team settings: every validation path names the file and the dotted key.

Most tests register two stand-in rules (one word list, one not) so they do not
depend on the wording of the real catalogue; one test reads a team file like the
README's example against the real registry.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import rules as rules_pkg
from checker.cli import UsageError, load_config
from checker.config import (
    DEFAULT_SITE_URL,
    Config,
    ConfigError,
    RuleSettings,
    merge,
    parse_config,
    parse_toml,
)
from checker.model import Pillar, Severity
from checker.rules.base import Example, Phrases, Rule

SOURCE = "team.toml"


def _stand_in(name: str, takes_terms: bool) -> Rule:
    return Rule(
        name=name,
        pillar=Pillar.SHARING,
        severity=Severity.SUGGESTION,
        summary="A stand-in rule for the config tests.",
        why="Config tests should not depend on the real catalogue.",
        fix="Nothing to fix: this rule only exists in tests.",
        guide="sharing/index.md",
        seeds=("000",),
        matcher=Phrases(("zzyzx",), "stand-in"),
        flags=(Example("zzyzx"),),
        passes=(Example("hello"),),
        takes_terms=takes_terms,
    )


@pytest.fixture(autouse=True)
def stand_in_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(rules_pkg.BY_NAME, "word-list", _stand_in("word-list", True))
    monkeypatch.setitem(rules_pkg.BY_NAME, "no-terms", _stand_in("no-terms", False))
    yield


def _error(data: object) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_config(data, SOURCE)  # type: ignore[arg-type]
    err = info.value
    # every message starts with the file, then the key
    assert str(err).startswith(f"{SOURCE}: {err.key}: ")
    return err


# --- defaults and good values -------------------------------------------------


def test_empty_settings_give_the_defaults() -> None:
    config = parse_config({}, SOURCE)
    assert config == Config()
    assert config.platform == "x" and config.kind == "post"
    assert config.site_url == DEFAULT_SITE_URL
    assert config.rule("anything") == RuleSettings()


def test_a_full_config_is_read() -> None:
    config = parse_config(
        {
            "platform": "LinkedIn",
            "kind": "reply",
            "handles": ["@Acme", "acme_hq", "@acme", "acme@mastodon.social", "acme.bsky.social"],
            "site_url": "https://acme.example/handbook",
            "limits": {"mastodon": 1000},
            "rules": {
                "word-list": {
                    "severity": "Warning",
                    "extra-terms": [" mega deal ", "flash sale", "mega deal"],
                },
                "no-terms": {"enabled": False},
            },
        },
        SOURCE,
    )
    assert config.platform == "linkedin"
    assert config.kind == "reply"
    # lower case, no "@", no repeats, in the order given
    assert config.handles == ("acme", "acme_hq", "acme@mastodon.social", "acme.bsky.social")
    assert config.site_url == "https://acme.example/handbook/"  # the slash is added
    assert config.rule_url("no-terms") == "https://acme.example/handbook/rules/no-terms/"
    assert dict(config.limits) == {"mastodon": 1000}
    assert config.rule("word-list") == RuleSettings(
        enabled=True, severity=Severity.WARNING, extra_terms=("mega deal", "flash sale")
    )
    assert config.rule("no-terms").enabled is False


def test_a_team_file_like_the_readmes_reads_against_the_real_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(rules_pkg.BY_NAME, "word-list")
    monkeypatch.delitem(rules_pkg.BY_NAME, "no-terms")
    text = """\
platform = "linkedin"        # default platform
kind = "post"
handles = ["@acme"]
site_url = "https://acme.github.io/handbook/"
[limits]
mastodon = 1000
[rules.stiff-jargon]
enabled = false
[rules.hard-sell]
severity = "warning"
extra-terms = ["mega deal", "flash sale"]
"""
    config = parse_toml(text, "etiquette.toml")
    assert config.rule("stiff-jargon").enabled is False
    assert config.rule("hard-sell").severity is Severity.WARNING
    assert config.rule("hard-sell").extra_terms == ("mega deal", "flash sale")
    assert config.handles == ("acme",)


# --- top level ----------------------------------------------------------------


def test_settings_must_be_a_table() -> None:
    err = _error(["platform", "x"])
    assert err.key == "(top level)" and "table" in err.problem


def test_unknown_top_level_key_suggests_the_nearest() -> None:
    err = _error({"platfrom": "x"})
    assert err.key == "platfrom"
    assert 'did you mean "platform"' in err.problem


def test_unknown_key_far_from_any_gets_the_list() -> None:
    err = _error({"colour": "blue"})
    assert "did you mean" not in err.problem and "site_url" in err.problem


@pytest.mark.parametrize("value", [3, True, ["x"], None])
def test_platform_must_be_a_string(value: object) -> None:
    err = _error({"platform": value})
    assert err.key == "platform" and "expected a string" in err.problem


def test_unknown_platform_suggests_the_nearest() -> None:
    err = _error({"platform": "mastadon"})
    assert err.key == "platform" and 'did you mean "mastodon"' in err.problem


def test_unknown_kind_suggests_the_nearest() -> None:
    err = _error({"kind": "invitations"})
    assert err.key == "kind" and 'did you mean "invitation"' in err.problem


def test_handles_must_be_a_list() -> None:
    err = _error({"handles": "@acme"})
    assert err.key == "handles" and '["@acme"]' in err.problem
    err = _error({"handles": {"acme": 1}})
    assert err.key == "handles" and "list" in err.problem


def test_each_handle_is_checked_with_its_index() -> None:
    err = _error({"handles": ["@ok", 7]})
    assert err.key == "handles[1]" and "string" in err.problem
    err = _error({"handles": ["@ok", "two words"]})
    assert err.key == "handles[1]" and "not a handle" in err.problem
    err = _error({"handles": ["@"]})
    assert err.key == "handles[0]"


@pytest.mark.parametrize(
    "url", ["acme.github.io/handbook/", "ftp://acme.example/", "https://", "https://a.example/?x=1"]
)
def test_site_url_must_be_a_web_address(url: str) -> None:
    err = _error({"site_url": url})
    assert err.key == "site_url" and url in err.problem


def test_site_url_keeps_its_slash_and_accepts_http() -> None:
    assert parse_config({"site_url": "http://localhost:8000/"}, SOURCE).site_url == (
        "http://localhost:8000/"
    )


# --- limits -------------------------------------------------------------------


def test_limits_must_be_a_table() -> None:
    err = _error({"limits": 500})
    assert err.key == "limits" and "table" in err.problem


def test_limit_for_an_unknown_platform() -> None:
    err = _error({"limits": {"mastodn": 500}})
    assert err.key == "limits.mastodn" and 'did you mean "mastodon"' in err.problem


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "1000", None])
def test_limit_must_be_a_positive_whole_number(value: object) -> None:
    err = _error({"limits": {"mastodon": value}})
    assert err.key == "limits.mastodon" and "whole number above 0" in err.problem


# --- rules --------------------------------------------------------------------


def test_rules_must_be_a_table() -> None:
    err = _error({"rules": ["word-list"]})
    assert err.key == "rules" and "table" in err.problem


def test_unknown_rule_suggests_the_nearest() -> None:
    err = _error({"rules": {"word-lists": {"enabled": False}}})
    assert err.key == "rules.word-lists" and 'did you mean "word-list"' in err.problem


def test_a_rule_entry_must_be_a_table() -> None:
    err = _error({"rules": {"word-list": False}})
    assert err.key == "rules.word-list" and "table" in err.problem


def test_unknown_rule_setting_suggests_the_nearest() -> None:
    err = _error({"rules": {"word-list": {"extra_terms": ["x"]}}})
    assert err.key == "rules.word-list.extra_terms"
    assert 'did you mean "extra-terms"' in err.problem


@pytest.mark.parametrize("value", ["no", 0, None])
def test_enabled_must_be_true_or_false(value: object) -> None:
    err = _error({"rules": {"no-terms": {"enabled": value}}})
    assert err.key == "rules.no-terms.enabled" and "true or false" in err.problem


def test_severity_must_be_known() -> None:
    err = _error({"rules": {"no-terms": {"severity": "warn"}}})
    assert err.key == "rules.no-terms.severity" and 'did you mean "warning"' in err.problem
    err = _error({"rules": {"no-terms": {"severity": 2}}})
    assert err.key == "rules.no-terms.severity" and "string" in err.problem


def test_extra_terms_only_for_word_list_rules() -> None:
    err = _error({"rules": {"no-terms": {"extra-terms": ["mega deal"]}}})
    assert err.key == "rules.no-terms.extra-terms"
    assert "takes no terms" in err.problem and "no-terms" in err.problem


def test_extra_terms_must_be_a_list_of_non_empty_strings() -> None:
    err = _error({"rules": {"word-list": {"extra-terms": "mega deal"}}})
    assert err.key == "rules.word-list.extra-terms" and "list" in err.problem
    err = _error({"rules": {"word-list": {"extra-terms": ["ok", "  "]}}})
    assert err.key == "rules.word-list.extra-terms[1]" and "empty" in err.problem
    err = _error({"rules": {"word-list": {"extra-terms": ["ok", 3]}}})
    assert err.key == "rules.word-list.extra-terms[1]" and "string" in err.problem


# --- TOML ---------------------------------------------------------------------


def test_toml_syntax_error_gives_the_line() -> None:
    with pytest.raises(ConfigError) as info:
        parse_toml('platform = "x"\n\nkind = post\n', "etiquette.toml")
    assert info.value.source == "etiquette.toml"
    assert info.value.key.startswith("line 3")
    assert str(info.value).startswith("etiquette.toml: line 3")


def test_toml_values_are_validated_too() -> None:
    with pytest.raises(ConfigError) as info:
        parse_toml("[rules.word-list]\nseverity = 'loud'\n", "etiquette.toml")
    assert info.value.key == "rules.word-list.severity"


# --- command-line overrides ---------------------------------------------------


def test_merge_lays_flags_over_the_config() -> None:
    base = parse_config({"platform": "linkedin", "handles": ["@acme"]}, SOURCE)
    merged = merge(base, platform="Mastodon", kind="reply", handles=["@Me", "acme"])
    assert merged.platform == "mastodon" and merged.kind == "reply"
    assert merged.handles == ("acme", "me")
    assert merge(base) == base


def test_merge_rejects_bad_flags_naming_the_flag() -> None:
    with pytest.raises(ConfigError) as info:
        merge(Config(), platform="twiter")
    assert (info.value.source, info.value.key) == ("command line", "--platform")
    with pytest.raises(ConfigError) as info:
        merge(Config(), kind="dm")
    assert info.value.key == "--kind"
    with pytest.raises(ConfigError) as info:
        merge(Config(), handles=["bad handle"])
    assert info.value.key.startswith("--handle")


# --- files, as the CLI finds them ---------------------------------------------

MKDOCS = """\
site_name: Acme handbook
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  analytics: !ENV [ANALYTICS_KEY, "none"]
  checker:
    platform: mastodon
    handles: ["@acme@mastodon.social"]
    limits:
      mastodon: 1000
    rules:
      no-terms:
        enabled: false
"""


def test_mkdocs_extra_checker_is_read_despite_custom_tags(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(MKDOCS, encoding="utf-8")
    config = load_config(str(path))
    assert config.platform == "mastodon"
    assert config.handles == ("acme@mastodon.social",)
    assert dict(config.limits) == {"mastodon": 1000}
    assert config.rule("no-terms").enabled is False


def test_mkdocs_errors_name_the_key_as_written_there(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(MKDOCS.replace("enabled: false", "enabled: maybe"), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(str(path))
    assert info.value.source == str(path)
    assert info.value.key == "extra.checker.rules.no-terms.enabled"


def test_mkdocs_without_checker_settings_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Plain\nextra:\n  generator: false\n", encoding="utf-8")
    assert load_config(str(path)) == Config()


def test_mkdocs_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: x\nextra:\n  checker: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(str(path))
    assert info.value.key.startswith("line ")


def test_mkdocs_without_pyyaml_asks_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(MKDOCS, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)  # makes `import yaml` fail
    with pytest.raises(UsageError, match=r"pyyaml.*etiquette\.toml"):
        load_config(str(path))


def test_etiquette_toml_in_the_current_directory_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config(None) == Config()  # nothing there: defaults
    (tmp_path / "etiquette.toml").write_text('platform = "bluesky"\n', encoding="utf-8")
    assert load_config(None).platform == "bluesky"


def test_a_config_file_with_a_bom_and_crlf_reads(tmp_path: Path) -> None:
    path = tmp_path / "team.toml"
    path.write_bytes(b'\xef\xbb\xbfplatform = "threads"\r\nkind = "reply"\r\n')
    config = load_config(str(path))
    assert (config.platform, config.kind) == ("threads", "reply")


def test_mkdocs_site_url_fills_in_for_finding_links() -> None:
    from checker.config import mkdocs_settings

    data = {"site_url": "https://acme.example/handbook/", "extra": {"checker": {"platform": "x"}}}
    config = parse_config(mkdocs_settings(data), "mkdocs.yml")
    assert config.rule_url("bare-link") == "https://acme.example/handbook/rules/bare-link/"
    own = {
        "site_url": "https://a.example/",
        "extra": {"checker": {"site_url": "https://b.example/"}},
    }
    assert parse_config(mkdocs_settings(own), "mkdocs.yml").site_url == "https://b.example/"
