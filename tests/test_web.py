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


# --- the writer's desk: desk_json, split_json, platform_kinds ---------------------------


def test_desk_json_answers_a_keystroke_with_report_glance_counts_and_tracking() -> None:
    from checker.counts import counts
    from checker.fixes import tracking_fixes
    from checker.glance import glance_dicts
    from checker.web import desk_json

    text = "We leverage synergy 😀 https://example.com/a?utm_source=x&id=2 #launch @ana"
    site = _site()
    answer = json.loads(desk_json(site, text, "threads", "post", "[]", "[]"))
    assert (
        answer["report"]
        == json.loads(site.check_json(text, "threads", "post", "[]", "[]"))["report"]
    )
    assert answer["glance"] == glance_dicts(text, kind="post", config=site.config)
    assert answer["counts"] == counts(text).to_dict()
    assert answer["tracking"] == [r.to_dict() for r in tracking_fixes(text)]
    assert answer["posts"] == []
    threads = next(r for r in answer["glance"] if r["platform"] == "threads")
    assert threads["count"] == answer["report"]["length"]["count"]


def test_desk_json_gives_a_threads_posts_with_their_lengths() -> None:
    from checker.web import desk_json

    text = "First one.\n---\n  Second 😀 one.  \n---\n"
    answer = json.loads(desk_json(_site(), text, "bluesky", "thread", "[]", "[]"))
    assert [p["text"] for p in answer["posts"]] == ["First one.", "Second 😀 one."]
    assert [p["count"] for p in answer["posts"]] == [10, 13]


def test_desk_json_counts_the_content_warning_as_check_does() -> None:
    from checker.glance import glance_dicts
    from checker.web import desk_json

    cw = "Spoilers 👩\u200d👩\u200d👧 for the finale\u0301"  # 25 graphemes
    text = "Plot twist: it was the lighthouse keeper all along."
    site = _site({"limits": {"mastodon": 60}})
    answer = json.loads(desk_json(site, text, "mastodon", "post", "[]", "[]", cw))
    report = check(text, platform="mastodon", config=site.config, cw=cw)
    assert answer["report"] == report.to_dict()
    assert answer["report"]["length"]["content_warning"] == 25
    assert answer["report"]["length"]["count"] == len(text) + 25
    assert answer["report"]["length"]["over"] is True  # 76 of the server's 60
    assert answer["glance"] == glance_dicts(text, config=site.config, cw=cw)
    rows = {r["platform"]: r for r in answer["glance"]}
    assert rows["mastodon"]["count"] == answer["report"]["length"]["count"]
    assert rows["x"]["count"] == check(text, platform="x").length.count  # X has no warning
    plain = json.loads(desk_json(site, text, "mastodon", "post", "[]", "[]"))
    assert "content_warning" not in plain["report"]["length"]
    assert plain["report"]["length"]["count"] == len(text)


def test_desk_json_ignores_the_content_warning_where_the_network_has_none() -> None:
    from checker.web import desk_json

    text = "Plot twist."
    with_cw = json.loads(desk_json(_site(), text, "x", "post", "[]", "[]", "Spoilers"))
    without = json.loads(desk_json(_site(), text, "x", "post", "[]", "[]"))
    assert with_cw["report"] == without["report"]
    # the glance still shows what the warning would add on the networks that count it
    changed = {
        a["platform"] for a, b in zip(with_cw["glance"], without["glance"], strict=True) if a != b
    }
    assert changed == {"mastodon"}


def test_a_threads_content_warning_counts_with_its_first_post() -> None:
    from checker.web import desk_json

    text = "First.\n---\nSecond post."
    answer = json.loads(desk_json(_site(), text, "mastodon", "thread", "[]", "[]", "CW here"))
    assert [p["count"] for p in answer["posts"]] == [6 + 7, 12]


def test_split_json_uses_the_team_limits() -> None:
    from checker.web import split_json

    text = "One short sentence here. " * 8
    split = json.loads(split_json(_site({"limits": {"x": 60}}), text, "x", True))
    assert split["ok"] and split["limit"] == 60 and len(split["posts"]) > 2
    assert all(p["count"] <= 60 for p in split["posts"])
    assert split["posts"][0]["text"].endswith(f" 1/{len(split['posts'])}")


@pytest.mark.parametrize(
    ("platform", "kinds"),
    [
        ("x", ["post", "reply", "thread"]),
        ("linkedin", ["post", "reply", "invitation"]),
        ("facebook", ["post", "reply"]),
        ("instagram", ["post", "reply"]),
    ],
)
def test_each_platform_has_its_kinds(platform: str, kinds: list[str]) -> None:
    from checker.web import platform_kinds

    assert platform_kinds(platform) == kinds
