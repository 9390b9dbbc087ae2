"""checker.web: what the browser worker runs, tested in CPython against check() itself."""

from __future__ import annotations

import json

import pytest

from checker import check
from checker.config import ConfigError, merge, parse_config
from checker.rules import get
from checker.web import Site

TEAM = {"platform": "linkedin", "handles": ["@acme"], "rules": {"stiff-jargon": {"enabled": False}}}


def _site(settings: dict[str, object] | None = None) -> Site:
    return Site.from_json(json.dumps({"schema": 1, "source": "test", "checker": settings or {}}))


def _answer(
    site: Site, text: str, platform: str = "", kind: str = "", **kw: list[str]
) -> dict[str, object]:
    handles = json.dumps(kw.get("handles", []))
    off = json.dumps(kw.get("off", []))
    result = json.loads(site.check_json(text, platform, kind, handles, off))
    assert isinstance(result, dict)
    return result


def _rules(answer: dict[str, object]) -> list[str]:
    report = answer["report"]
    assert isinstance(report, dict)
    return [f["rule"] for f in report["findings"]]


def test_the_answer_is_check_to_dict_with_the_teams_settings() -> None:
    example = get("shouting").flags[0]
    site = _site(TEAM)
    answer = _answer(site, example.text, example.platform, example.kind)
    config = parse_config(TEAM, "test")
    expected = check(example.text, platform=example.platform, kind=example.kind, config=config)
    assert answer == {"report": json.loads(json.dumps(expected.to_dict())), "notes": {}}


def test_empty_platform_and_kind_mean_the_teams() -> None:
    answer = _answer(_site(TEAM), "Hello there, a plain post.")
    report = answer["report"]
    assert isinstance(report, dict)
    assert (report["platform"], report["kind"]) == ("linkedin", "post")


def test_rules_the_reader_turned_off_are_off_and_unknown_names_are_ignored() -> None:
    example = get("shouting").flags[0]
    site = _site()
    assert "shouting" in _rules(_answer(site, example.text, example.platform, example.kind))
    answer = _answer(
        site, example.text, example.platform, example.kind, off=["shouting", "renamed-long-ago"]
    )
    assert "shouting" not in _rules(answer)
    assert answer["notes"] == {}


def test_a_bad_handle_is_a_note_and_the_good_ones_still_count() -> None:
    site = _site()
    config, notes = site.reader_config(["@ana", "<img"], [])
    assert config.handles == merge(site.config, handles=["@ana"]).handles
    assert len(notes["handles"]) == 1 and '"<img" is not a handle' in notes["handles"][0]


def test_the_team_handles_stay_when_the_reader_adds_one() -> None:
    config, notes = _site(TEAM).reader_config(["@me"], [])
    assert set(config.handles) == {"acme", "me"} and notes == {}


def test_a_bad_team_setting_names_its_key() -> None:
    with pytest.raises(ConfigError) as err:
        _site({"rules": {"no-such-rule": {"enabled": False}}})
    assert err.value.key == "rules.no-such-rule" and err.value.source == "test"


@pytest.mark.parametrize("text", ["[]", '"x"', "3"])
def test_config_json_must_be_an_object(text: str) -> None:
    with pytest.raises(ConfigError):
        Site.from_json(text)


def test_handles_and_off_must_be_lists_of_strings() -> None:
    with pytest.raises(TypeError):
        _site().check_json("hi", "", "", '"@ana"', "[]")
    with pytest.raises(TypeError):
        _site().check_json("hi", "", "", "[]", "[1]")
