"""Every network at a glance: the counts are exactly the CLI's, and cheap to get."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_drafts import CorpusDraft, corpus_drafts
from growth import assert_near_linear
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import PLATFORMS, Config, UnknownKind, check, cli
from checker.glance import ORDER, glance, glance_dicts

FAMILY = "👩\u200d👩\u200d👧\u200d👦"
DRAFTS = [
    "",
    "Great read! https://example.com/post",
    "Thanks @anna@mastodon.social and @bob for the tip 🎉",
    "Reading list: example.com/a, https://www.example.org/b?utm_source=x and t.co/abc",
    "今日は良い天気です。散歩に行きましょう！" * 8,
    "안녕하세요 여러분, 오늘 발표 자료를 공유합니다.",
    "Relay team 🏃\u200d♀️🏃🏽\u200d♀️ " + FAMILY * 3 + " 🇺🇦❤️👍🏽",
    "e\u0301te\u0301 cafe\u0301 na\u00efve 𝐛𝐨𝐥𝐝",
    "A long post that goes on. " * 130,
    "Line one\r\nLine two\n\n#a11y #OpenData",
    "First post of a thread.\n---\n" + "The second post is much longer. " * 12 + "\n---\nLast.",
    FAMILY * 290,  # 290 graphemes but over 7,000 bytes: Bluesky refuses it
]


@pytest.mark.parametrize("draft", DRAFTS)
@pytest.mark.parametrize("kind", ["post", "thread", "invitation"])
def test_counts_and_limits_equal_checks_for_every_platform(draft: str, kind: str) -> None:
    rows = glance(draft, kind=kind)
    assert [r.platform for r in rows] == list(ORDER)
    for row in rows:
        length = check(draft, platform=row.platform, kind=kind).length
        assert (row.count, row.limit, row.unit) == (length.count, length.limit, length.unit)
        if length.over:
            assert not row.fits


@pytest.mark.parametrize("draft", DRAFTS[1:8])
def test_counts_equal_what_the_cli_prints_as_json(
    draft: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    for row in glance(draft, kind="post"):
        cli.main(["check", str(path), "--platform", row.platform, "--format", "json"])
        data = json.loads(capsys.readouterr().out)
        assert data["length"]["count"] == row.count, row.platform
        assert data["length"]["limit"] == row.limit


def test_counts_equal_the_installed_command(tmp_path: Path) -> None:
    draft = DRAFTS[2] + " " + DRAFTS[6] + " https://example.com/x"
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    for row in glance(draft, kind="post"):
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "checker",
                "check",
                str(path),
                "--platform",
                row.platform,
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        assert proc.returncode in (0, 1), proc.stderr
        assert json.loads(proc.stdout)["length"]["count"] == row.count, row.platform


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["post", "thread"]))
def test_any_text_counts_as_check_counts_it(draft: str, kind: str) -> None:
    for row in glance(draft, kind=kind):
        assert row.count == check(draft, platform=row.platform, kind=kind).length.count


def test_fit_on_each_network() -> None:
    draft = "word " * 60  # 300 characters (trailing space included)
    fits = {row.platform: row.fits for row in glance(draft)}
    assert fits == {
        "x": False,
        "bluesky": True,
        "mastodon": True,
        "threads": True,
        "linkedin": True,
        "facebook": True,
        "instagram": True,
    }
    assert {r.platform: r.over_by for r in glance(draft)}["x"] == 20


def test_bluesky_bytes_decide_fit_too() -> None:
    (row,) = [r for r in glance(FAMILY * 290) if r.platform == "bluesky"]
    assert row.count == 290 and row.count <= row.limit
    assert row.bytes > 3000 and not row.fits


def test_a_teams_limits_apply() -> None:
    rows = glance("x" * 600, config=Config(limits={"mastodon": 1000}))
    (mastodon,) = [r for r in rows if r.platform == "mastodon"]
    assert mastodon.limit == 1000 and mastodon.fits


CW = "Spoilers 👩\u200d👩\u200d👧 for the finale\u0301"


@pytest.mark.parametrize("draft", DRAFTS)
@pytest.mark.parametrize("kind", ["post", "thread"])
def test_a_content_warning_counts_where_check_counts_it(draft: str, kind: str) -> None:
    without = {r.platform: r.count for r in glance(draft, kind=kind)}
    for row in glance(draft, kind=kind, cw=CW):
        report = check(draft, platform=row.platform, kind=kind, cw=CW)
        assert (row.count, row.over_by > 0) == (report.length.count, report.length.over), row
        if PLATFORMS[row.platform].content_warning:
            assert row.count >= without[row.platform]
        else:
            assert row.count == without[row.platform], row.platform


def test_the_content_warning_is_counted_in_graphemes_on_mastodon() -> None:
    (row,) = [r for r in glance("Plot twist.", cw=CW) if r.platform == "mastodon"]
    # "Spoilers " 9, the family 1 (one grapheme of 5 code points), " for the finale" 15
    # (the accent joins the e): 25, though it is 30 code points and 33 UTF-16 units
    assert row.count == len("Plot twist.") + 25
    over = next(r for r in glance("x" * 495, cw="Six ch") if r.platform == "mastodon")
    assert (over.count, over.over_by, over.fits) == (501, 1, False)


def test_an_invitation_uses_the_notes_limit_where_there_is_one() -> None:
    (linkedin,) = [r for r in glance("Hi Sam", kind="invitation") if r.platform == "linkedin"]
    assert linkedin.limit == PLATFORMS["linkedin"].limit_for("invitation")


def test_an_unknown_kind_is_a_clear_error() -> None:
    with pytest.raises(UnknownKind, match="choose one of"):
        glance("hi", kind="tweet")


def test_dicts_are_json_ready() -> None:
    data = json.loads(json.dumps(glance_dicts("Hello 👋🏽", kind="post")))
    assert [d["platform"] for d in data] == list(ORDER)
    assert {"count", "limit", "unit", "fits", "counting", "over_by"} <= set(data[0])


def test_glance_stays_near_linear() -> None:
    assert_near_linear(lambda t: glance(t), ("Words and 🎉 and https://example.com/a 日本 " * 2000))


def test_the_glance_command_prints_every_network_and_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    draft = "word " * 60
    path.write_text(draft, encoding="utf-8")
    assert cli.main(["glance", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    x_line = next(line for line in out if line.startswith("X "))
    assert "300/280" in x_line and "over by 20" in x_line
    assert any(line.startswith("Mastodon") and line.endswith("fits") for line in out)
    assert out[-1].startswith("60 words · 1 sentence")

    assert cli.main(["glance", str(path), "--format", "json", "--kind", "thread"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 1 and data["kind"] == "thread"
    assert [r["count"] for r in data["platforms"]] == [
        r.count for r in glance(draft, kind="thread")
    ]
    assert data["counts"]["words"] == 60


def test_the_glance_command_rejects_an_unknown_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("hi", encoding="utf-8")
    assert cli.main(["glance", str(path), "--kind", "tweet"]) == 2
    assert "kind" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("draft", "platform", "note"),
    [
        ("Party time 🎉", "threads", "Here each emoji counts 4."),
        ("Party time 🎉", "x", "Here each emoji counts 2."),
        ("Party time 🎉", "bluesky", ""),
        ("Family " + FAMILY + " and 🎉", "threads", "Here each emoji counts 4 to 25."),
        ("Read https://example.com/a/long/path/to/a/post", "x", "Here each link counts 23."),
        ("Read https://example.com/a/long/path/to/a/post", "bluesky", ""),
        ("Thanks @tom@fosstodon.org", "mastodon", "Here @tom@fosstodon.org counts as @tom."),
        ("日本語で書きました", "x", "Here each CJK character counts 2."),
        ("Plain words only.", "linkedin", ""),
    ],
)
def test_the_note_says_what_counts_other_than_it_looks(
    draft: str, platform: str, note: str
) -> None:
    (row,) = [r for r in glance(draft) if r.platform == platform]
    assert row.note == note


@pytest.mark.parametrize("draft", corpus_drafts(), ids=lambda d: d.id)
def test_glance_equals_check_on_the_corpus(draft: CorpusDraft) -> None:
    for row in glance(draft.text, kind=draft.kind):
        length = check(draft.text, platform=row.platform, kind=draft.kind).length
        assert (row.count, row.limit) == (length.count, length.limit), row.platform
