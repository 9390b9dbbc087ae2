"""Checks on the built site (``make build`` writes ``site/`` before the tests run).

These read the real output of ``mkdocs build --strict``: rule pages generated
from the registry, links both ways between guidelines and rules, a search
index that holds every page, and nothing loaded from another host.
"""

from __future__ import annotations

import gzip
import html
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from checker.rules import REGISTRY
from checker.rules.base import Rule

SITE = Path(__file__).resolve().parents[1] / "site"
BASE = "http://site.test/handbook/"  # any sub-path: links must resolve under it


class _Links(HTMLParser):
    """Collects (tag, attribute, value) for every URL-bearing attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("href", "src", "srcset", "data-src"):
            value = found.get(name)
            if value:
                self.refs.append((tag, name, value, found))


def _refs(path: Path) -> list[tuple[str, str, str, dict[str, str | None]]]:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.refs


def _url_of(path: Path) -> str:
    rel = path.relative_to(SITE).as_posix()
    return urljoin(BASE, rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _page_url(src: str) -> str:
    """The site URL of a docs/ Markdown path ("sharing/x.md" -> BASE + "sharing/x/")."""
    stem = src.partition("#")[0].removesuffix(".md")
    stem = stem.removesuffix("index")
    return urljoin(BASE, stem + ("/" if stem and not stem.endswith("/") else ""))


def _html_file(url: str) -> Path:
    rel = url[len(BASE) :]
    return SITE / rel / "index.html" if rel.endswith("/") or not rel else SITE / rel


def _links_from(path: Path) -> set[str]:
    page = _url_of(path)
    out = set()
    for tag, attr, value, _ in _refs(path):
        if tag == "a" and attr == "href":
            out.add(urljoin(page, value).split("#")[0])
    return out


@pytest.fixture(scope="module")
def html_pages() -> list[Path]:
    assert (SITE / "index.html").is_file(), "site/ is not built: run `make build` (make test does)"
    return sorted(SITE.rglob("*.html"))


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.name)
def test_every_rule_has_its_page_with_every_section(rule: Rule, html_pages: list[Path]) -> None:
    page = SITE / "rules" / rule.name / "index.html"
    assert page.is_file(), f"no page for {rule.name}"
    text = page.read_text(encoding="utf-8")
    for section in ("What it does", "Why it matters", "Example", "Use instead", "Configuration"):
        assert f">{section}<" in text or f">{section}</h2>" in text, f"{rule.name}: {section}"
    # the rule's own examples are on its page, escaped, each flagged span highlighted
    shown = re.sub(r'<mark class="post-example__flagged">|</mark>', "", text)
    for ex in (*rule.flags, *rule.passes):
        first_line = ex.text.splitlines()[0]
        assert html.escape(first_line) in shown, f"{rule.name}: example missing: {first_line!r}"
    assert text.count('class="post-example__flagged"') >= sum(len(ex.spans) for ex in rule.flags)


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.name)
def test_guideline_and_rule_pages_link_to_each_other(rule: Rule, html_pages: list[Path]) -> None:
    rule_url = urljoin(BASE, f"rules/{rule.name}/")
    guide_url = _page_url(rule.guide)
    guide_file = _html_file(guide_url)
    assert guide_file.is_file(), f"{rule.name}: guideline page {rule.guide} not built"
    assert rule_url in _links_from(guide_file), f"{rule.guide} does not link to {rule.name}"
    assert guide_url in _links_from(SITE / "rules" / rule.name / "index.html")


def test_every_rule_is_in_the_rules_index(html_pages: list[Path]) -> None:
    links = _links_from(SITE / "rules" / "index.html")
    for rule in REGISTRY:
        assert urljoin(BASE, f"rules/{rule.name}/") in links


def test_nothing_loads_from_another_host(html_pages: list[Path]) -> None:
    """Scripts, styles, fonts, images and frames come from the site itself."""
    offenders = []
    for path in html_pages:
        for tag, attr, value, attrs in _refs(path):
            if tag == "a":
                continue  # a link the reader may follow is not a load
            if tag == "link" and (attrs.get("rel") or "") in ("canonical", "alternate"):
                continue
            if urlsplit(urljoin(BASE, value)).netloc != urlsplit(BASE).netloc:
                offenders.append(f"{path.relative_to(SITE)}: <{tag} {attr}={value}>")
    for css in SITE.rglob("*.css"):
        for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", css.read_text(encoding="utf-8")):
            if re.match(r"(https?:)?//", url):
                offenders.append(f"{css.relative_to(SITE)}: url({url})")
        if re.search(r"@import\s+(url\()?['\"]?(https?:)?//", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(SITE)}: external @import")
    assert not offenders, "\n".join(offenders)


def test_links_are_relative_so_the_site_works_under_a_sub_path(html_pages: list[Path]) -> None:
    absolute = []
    for path in html_pages:
        if path == SITE / "404.html":
            continue  # MkDocs writes it with site_url's path on purpose: it is served at any depth
        for tag, _attr, value, attrs in _refs(path):
            if tag == "link" and (attrs.get("rel") or "") == "canonical":
                continue
            if value.startswith("/") and not value.startswith("//"):
                absolute.append(f"{path.relative_to(SITE)}: {value}")
    assert not absolute, "\n".join(absolute[:20])


def test_internal_links_resolve_to_built_files(html_pages: list[Path]) -> None:
    broken = []
    for path in html_pages:
        for url in _links_from(path):
            if url.startswith(BASE):
                target = _html_file(url)
                if not (target.exists() or (SITE / url[len(BASE) :]).exists()):
                    broken.append(f"{path.relative_to(SITE)} -> {url}")
    assert not broken, "\n".join(sorted(broken)[:20])


def test_search_index_holds_every_page(html_pages: list[Path]) -> None:
    index = json.loads((SITE / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {posixpath.normpath(d["location"].split("#")[0] or ".") for d in index["docs"]}
    pages = {
        posixpath.normpath(p.parent.relative_to(SITE).as_posix())
        for p in html_pages
        if p.name == "index.html" and p.parent != SITE / "404"
    }
    missing = pages - indexed
    assert not missing, f"not in the search index: {sorted(missing)}"


def test_guideline_examples_come_from_the_registry(html_pages: list[Path]) -> None:
    """Markers were expanded: no raw marker is left in any page."""
    for path in html_pages:
        assert "rule-examples:" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("page", ["index.html", "sharing/add-your-insight/index.html"])
def test_a_handbook_page_stays_under_300_kb_gzipped(page: str, html_pages: list[Path]) -> None:
    """The byte budget for pages without the checker (README, "Speed budgets"): the
    page, every script, stylesheet and image it loads, and the search index and
    worker, as a web server that compresses (GitHub Pages does) sends them."""
    path = SITE / page
    loads = {path, SITE / "search" / "search_index.json"}
    loads |= set((SITE / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    for tag, _attr, value, attrs in _refs(path):
        if tag == "a" or (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
            continue
        target = _html_file(urljoin(_url_of(path), value.split("?")[0]))
        if target.is_file():
            loads.add(target)
    assert not any("pyodide" in str(p) or p.suffix == ".whl" for p in loads), "no Python here"
    total = sum(len(gzip.compress(p.read_bytes())) for p in loads)
    print(f"{page}: {len(loads)} files, {total / 1024:.0f} KB gzipped")
    assert total < 300 * 1024
