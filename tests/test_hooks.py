"""The MkDocs hooks' own contracts: a rule missing a section fails the build,
markers must name real rules, and "Try it" links carry the draft exactly."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from urllib.parse import parse_qs

import pytest
from mkdocs.exceptions import PluginError

from checker.rules import REGISTRY
from checker.rules.base import Example

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rule_pages = _load("rule_pages")


class _Files:
    def __init__(self, present: set[str]) -> None:
        self.present = present

    def get_file_from_path(self, path: str) -> object | None:
        return object() if path in self.present else None


@pytest.mark.parametrize("section", ["summary", "why", "fix"])
def test_a_rule_without_a_section_fails_the_build(section: str) -> None:
    rule = replace(REGISTRY[0], **{section: "  "})
    with pytest.raises(PluginError, match=section):
        rule_pages._validate(rule, _Files({rule.guide.partition("#")[0]}))


def test_a_rule_without_examples_of_both_kinds_fails_the_build() -> None:
    rule = replace(REGISTRY[0], passes=())
    with pytest.raises(PluginError, match="examples that pass"):
        rule_pages._validate(rule, _Files({rule.guide.partition("#")[0]}))


def test_a_rule_pointing_at_a_missing_page_fails_the_build() -> None:
    with pytest.raises(PluginError, match="does not exist"):
        rule_pages._validate(REGISTRY[0], _Files(set()))


def test_every_real_rule_passes_validation() -> None:
    files = _Files({r.guide.partition("#")[0] for r in REGISTRY})
    for rule in REGISTRY:
        rule_pages._validate(rule, files)


@pytest.mark.parametrize(
    "text", ["plain", "50% off & more #tag @me\nline two", "emoji 👩‍👩‍👧 and ünïcode = ?"]
)
def test_try_links_carry_the_draft_exactly(text: str) -> None:
    link = rule_pages.try_link(Example(text, platform="mastodon", kind="reply"), "rules/x/")
    path, _, fragment = link.partition("#")
    assert path == "../../checker/"
    fields = parse_qs(fragment, keep_blank_values=True)
    assert fields["draft"] == [text]
    assert fields["platform"] == ["mastodon"] and fields["kind"] == ["reply"]


def test_post_html_escapes_markup() -> None:
    html = rule_pages.post_html('<script>alert(1)</script>\n<img src=x onerror="x()">')
    assert "<script>" not in html and "<img" not in html and "<br>" in html


def test_post_html_highlights_the_flagged_spans_escaped() -> None:
    html = rule_pages.post_html("a <b> & c\nd", ((2, 5), (8, 9)))
    assert html == 'a <mark class="post-example__flagged">&lt;b&gt;</mark> &amp; ' + (
        '<mark class="post-example__flagged">c</mark><br>d'
    )


class _Page:
    class file:
        src_uri = "sharing/example.md"
        url = "sharing/example/"


def test_a_marker_naming_an_unknown_rule_fails_the_build() -> None:
    markdown = "# Page\n\n<!-- rule-examples: no-such-rule -->\n"
    with pytest.raises(PluginError, match="no-such-rule"):
        rule_pages.on_page_markdown(markdown, page=_Page(), config=None)


def test_a_marker_becomes_the_rules_own_examples() -> None:
    rule = REGISTRY[0]
    out = rule_pages.on_page_markdown(
        f"# Page\n\n<!-- rule-examples: {rule.name} -->\n", page=_Page(), config=None
    )
    assert "rule-examples" not in out
    for ex in (*rule.flags, *rule.passes):
        assert rule_pages.post_html(ex.text, ex.spans) in out
    assert out.count('!!! failure "Don') == len(rule.flags)
    assert out.count('!!! success "Do') == len(rule.passes)


platform_tables = _load("platform_tables")


class _PlatformPage:
    class file:
        src_uri = "platforms/instagram.md"


def test_a_facts_marker_lists_the_platforms_facts_with_sources_and_dates() -> None:
    from checker.platforms import PLATFORMS

    out = platform_tables.on_page_markdown(
        "# Instagram\n\n<!-- platform-table: facts instagram -->\n",
        page=_PlatformPage(),
        config=None,
    )
    assert "platform-table" not in out
    for fact in PLATFORMS["instagram"].facts:
        assert fact.date in out and fact.source.split(",")[0] in out
    assert "still says 30" in out  # why the checker takes 5
    with pytest.raises(PluginError, match="myspace"):
        platform_tables.on_page_markdown(
            "<!-- platform-table: facts myspace -->\n", page=_PlatformPage(), config=None
        )
