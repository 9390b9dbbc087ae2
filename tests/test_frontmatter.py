"""Draft files: the front matter parser, Markdown as pasted, and the map back to the file."""

from __future__ import annotations

import pytest
from growth import assert_near_linear

from checker import check
from checker.drafts_files import DraftFileError, prepare
from checker.frontmatter import FrontMatterError, split_front_matter


def test_front_matter_values_and_body_start() -> None:
    text = (
        "---\n"
        "platform: mastodon   # the team's server\n"
        "kind: 'reply'\n"
        'cw: "Spoilers: the finale"\n'
        "handles:\n"
        "  - '@acme'\n"
        "  - acme_support\n"
        "---\n"
        "Body here\n"
    )
    front = split_front_matter(text)
    assert front.values == {
        "platform": "mastodon",
        "kind": "reply",
        "cw": "Spoilers: the finale",
        "handles": ("@acme", "acme_support"),
    }
    assert front.lines == {"platform": 2, "kind": 3, "cw": 4, "handles": 5}
    assert text[front.body_start :] == "Body here\n"


def test_flow_lists_and_quotes() -> None:
    front = split_front_matter("---\nhandles: [\"@a, b\", '@c', d]\n---\nx")
    assert front.values["handles"] == ("@a, b", "@c", "d")


def test_no_front_matter_unless_the_first_line_is_a_fence() -> None:
    assert split_front_matter("Hello\n---\nplatform: x\n---\n").body_start == 0
    assert split_front_matter("").body_start == 0


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\nplatform: x\n", 1, "never closed"),
        ("---\nplatform: x\nplatform: bluesky\n---\n", 3, "twice"),
        ("---\njust words\n---\n", 2, "key: value"),
        ("---\nhandles: [a, b\n---\n", 2, "]"),
        ('---\ncw: "open\n---\n', 2, "unclosed quote"),
        ("---\ncw: |\n---\n", 2, "only plain"),
    ],
)
def test_bad_front_matter_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(FrontMatterError) as err:
        split_front_matter(text)
    assert err.value.line == line and words in err.value.problem


def test_unknown_key_names_the_file_and_key() -> None:
    with pytest.raises(DraftFileError, match=r'drafts/a\.md: line 3: .*"platfrom".*"platform"'):
        prepare("---\nkind: post\nplatfrom: x\n---\nHi", "drafts/a.md", markdown=False)


def test_crlf_and_front_matter_map_back_to_the_file() -> None:
    file_text = "---\r\nplatform: x\r\n---\r\nFirst line\r\nBuy now at bit.ly/abc\r\n"
    draft = prepare(file_text, "a.txt", markdown=False)
    assert draft.text == "First line\nBuy now at bit.ly/abc\n"
    start = draft.text.index("bit.ly")
    line, col, end_line, end_col = draft.region(start, start + len("bit.ly/abc"))
    assert (line, col, end_line, end_col) == (5, 12, 5, 22)
    a, b = draft.file_span(start, start + len("bit.ly/abc"))
    assert file_text[a:b] == "bit.ly/abc"


@pytest.mark.parametrize(
    ("markdown", "pasted"),
    [
        ("**Big** news and *small* news", "Big news and small news"),
        ("__Big__ and _small_ and snake_case_name", "Big and small and snake_case_name"),
        ("~~old~~ new `code`", "old new code"),
        ("Read [our post](https://example.com/a) now", "Read our post https://example.com/a now"),
        ("See [https://example.com](https://example.com)", "See https://example.com"),
        ("See <https://example.com/x>", "See https://example.com/x"),
        ("Pic ![a cat](cat.png) here<!-- note to self -->", "Pic  here"),
        ("# Launch day\nWe ship", "Launch day\nWe ship"),
        (r"2 \* 3 and \_not\_", "2 * 3 and _not_"),
        ("[**bold** link](https://e.com/x)", "bold link https://e.com/x"),
        (
            "* a list item\n- another\n\n---\nnext post",
            "* a list item\n- another\n\n---\nnext post",
        ),
        ("5 * 3 * 2 and a * b", "5 * 3 * 2 and a * b"),
    ],
)
def test_markdown_becomes_what_you_would_paste(markdown: str, pasted: str) -> None:
    draft = prepare(markdown, "a.md", markdown=True)
    assert draft.text == pasted
    # every character of the pasted text comes from the same character of the file,
    # except the space put between a link's words and its address
    for i, char in enumerate(draft.text):
        source = markdown[draft.origin[i]]
        assert source == char or (char == " " and source == "("), (i, char, source)


def test_markdown_finding_points_into_the_file() -> None:
    file_text = "---\nplatform: x\n---\n**Big** day. [RT if you agree](https://example.com/p)!\n"
    draft = prepare(file_text, "a.md", markdown=True)
    report = check(draft.text, platform="x")
    bait = next(f for f in report.findings if f.rule == "engagement-bait")
    a, b = draft.file_span(bait.start, bait.end)
    assert file_text[a:b].lower().startswith("rt if you")
    assert draft.region(bait.start, bait.end)[:2] == (4, 15)


def test_markdown_stripping_is_linear_on_hostile_input() -> None:
    for unit in ("**a", "[x](", "*a _b ", "`", "<!--", "~~a"):
        assert_near_linear(lambda text: prepare(text, "h.md", markdown=True), unit * 2000)
