"""MkDocs hook: the handbook's rule pages, generated from the checker's registry.

The registry in ``checker/rules/`` is the one source of truth. This hook only
translates it into pages:

- ``rules/index.md`` (the catalogue) and one ``rules/<name>.md`` per rule, from
  the Jinja2 templates beside this file; nothing generated is committed;
- on a guideline page, each ``<!-- rule-examples: NAME -->`` line becomes that
  rule's Don't / Do examples, with "Try it in the checker" links;
- every guideline page that a rule points at gets a closing list of its rules.

The build fails (``PluginError``) when a rule lacks a documented section, points
at a page that does not exist, or a marker names an unknown rule.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from checker.config import Config, ConfigError, mkdocs_settings, parse_config
from checker.custom_rules import example_failures
from checker.rules import BY_NAME, REGISTRY
from checker.rules.base import Example, Rule

RULES_DIR = "rules"
CHECKER_PAGE = "checker/"  # URL of docs/checker.md, relative to the site root
MARKER = re.compile(r"^<!--\s*rule-examples:\s*([a-z-]+)\s*-->\s*$", re.MULTILINE)
PILLAR_TITLES = {
    "sharing": "Sharing",
    "collaborating": "Collaborating",
    "connecting": "Connecting",
    "fit": "Platform fit",
    "team": "Your team's rules",
}
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=jinja2.StrictUndefined,  # a missing field fails the build
    keep_trailing_newline=True,
    autoescape=False,  # the templates write Markdown; post text goes through post_html()
)


def _rule_page(rule: Rule) -> str:
    return f"{RULES_DIR}/{rule.name}.md"


def _guide_page(rule: Rule) -> str:
    return rule.guide.partition("#")[0]


def _validate(rule: Rule, files: Files) -> None:
    missing = [s for s in ("summary", "why", "fix") if not getattr(rule, s).strip()]
    if not rule.flags:
        missing.append("examples that flag")
    if not rule.passes:
        missing.append("examples that pass")
    if missing:
        raise PluginError(f"rule {rule.name!r} lacks: {', '.join(missing)}")
    if files.get_file_from_path(_guide_page(rule)) is None:
        raise PluginError(f"rule {rule.name!r}: guide page {rule.guide!r} does not exist")


def try_link(example: Example, page_url: str) -> str:
    """A relative link that opens the checker with ``example`` filled in.

    The draft travels in the URL fragment, which never reaches a server.
    """
    depth = page_url.count("/")  # "rules/bare-link/" -> 2 levels below the site root
    fragment = "&".join(
        f"{key}={quote(value, safe='')}"
        for key, value in (
            ("draft", example.text),
            ("platform", example.platform),
            ("kind", example.kind),
            *(("handle", h) for h in example.handles),
        )
    )
    return f"{'../' * depth}{CHECKER_PAGE}#{fragment}"


def post_html(text: str, spans: tuple[tuple[int, int], ...] = ()) -> str:
    """A draft as one line of escaped HTML: safe, and no Markdown inside it.

    ``spans`` (a flag example's ``⟦…⟧`` spans) are wrapped in ``<mark>``: the
    reader sees what the rule flags, as the checker page highlights it.
    """
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(html.escape(text[pos:start]))
        parts.append(f'<mark class="post-example__flagged">{html.escape(text[start:end])}</mark>')
        pos = end
    parts.append(html.escape(text[pos:]))
    return "".join(parts).replace("\n", "<br>")


def _examples(examples: tuple[Example, ...], label: str, page_url: str, *, flags: bool) -> str:
    return _TEMPLATES.get_template("examples.md.j2").render(
        examples=examples,
        label=label,
        flags=flags,
        page_url=page_url,
        try_link=try_link,
        post_html=post_html,
    )


def _examples_markdown(rule: Rule, page_url: str) -> str:
    """A guideline page's Don't / Do pairs for ``rule``."""
    return _examples(rule.flags, "Don't", page_url, flags=True) + _examples(
        rule.passes, "Do", page_url, flags=False
    )


# ---------------------------------------------------------------- MkDocs events


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """List every rule page in the navigation, under the "Rules" section."""
    for entry in config.nav or []:
        if isinstance(entry, dict) and "Rules" in entry:
            entry["Rules"] = [
                f"{RULES_DIR}/index.md",
                *({rule.name: _rule_page(rule)} for rule in REGISTRY),
                *({rule.name: _rule_page(rule)} for rule in _team(config).custom_rules),
            ]
            break
    else:
        raise PluginError('mkdocs.yml nav needs a "Rules" section for the rule pages')
    return config


_guide_titles: dict[str, str] = {}


def _title_of(file: File) -> str:
    """A page's first Markdown heading, for link text on the rule pages."""
    heading = re.search(r"^#\s+(.+?)\s*$", file.content_string, re.MULTILINE)
    return heading.group(1) if heading else file.name.replace("-", " ").capitalize()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for rule in REGISTRY:
        _validate(rule, files)
        guide = files.get_file_from_path(_guide_page(rule))
        if guide is not None:
            _guide_titles[_guide_page(rule)] = _title_of(guide)
    index = _TEMPLATES.get_template("rules_index.md.j2").render(
        pillars=[
            (title, [r for r in (*REGISTRY, *_team(config).custom_rules) if r.pillar.value == key])
            for key, title in PILLAR_TITLES.items()
        ],
        rule_page=lambda r: f"{r.name}.md",
    )
    files.append(File.generated(config, f"{RULES_DIR}/index.md", content=index))
    for rule in REGISTRY:
        page_url = f"{RULES_DIR}/{rule.name}/"
        content = _TEMPLATES.get_template("rule.md.j2").render(
            rule=rule,
            pillar_title=PILLAR_TITLES[rule.pillar.value],
            guide_link=posixpath.relpath(rule.guide, RULES_DIR),
            guide_title=_guide_titles.get(_guide_page(rule), "the guideline"),
            flag_examples=_examples(rule.flags, "Flags", page_url, flags=True),
            pass_examples=_examples(rule.passes, "Passes", page_url, flags=False),
        )
        files.append(File.generated(config, _rule_page(rule), content=content))
    _add_custom_rule_pages(files, config)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    src = page.file.src_uri
    if src.startswith(f"{RULES_DIR}/"):
        return markdown
    shown: set[str] = set()

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in BY_NAME:
            raise PluginError(f"{src}: rule-examples marker names unknown rule {name!r}")
        shown.add(name)
        return _examples_markdown(BY_NAME[name], page.file.url)

    markdown = MARKER.sub(expand, markdown)
    own = [r for r in REGISTRY if _guide_page(r) == src]
    if own:
        markdown += _TEMPLATES.get_template("guide_rules.md.j2").render(
            rules=own,
            rule_link=lambda r: posixpath.relpath(_rule_page(r), posixpath.dirname(src) or "."),
            examples={
                r.name: _examples_markdown(r, page.file.url) for r in own if r.name not in shown
            },
        )
    return markdown


# ------------------------------------------------- a team's own rules (custom-rules)
# A custom rule (``extra.checker.custom-rules``) gets a page like a built-in one. The
# build stops, naming mkdocs.yml and the rule's key, when one of its examples does not
# flag or pass as it says, or its ``page`` is not a page of the site.


def _team(config: MkDocsConfig) -> Config:
    """The team's settings, read as the CLI and the browser read them."""
    where = posixpath.basename(config.config_file_path or "mkdocs.yml")
    try:
        mapping = mkdocs_settings({"extra": dict(config.extra or {}), "site_url": config.site_url})
        return parse_config(mapping, where)
    except ConfigError as err:
        raise PluginError(f"{where}: extra.checker.{err.key}: {err.problem}") from None


def _add_custom_rule_pages(files: Files, config: MkDocsConfig) -> None:
    team = _team(config)
    where = posixpath.basename(config.config_file_path or "mkdocs.yml")
    for rule in team.custom_rules:
        failures = example_failures(rule, team)
        if failures:
            more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
            raise PluginError(f"{where}: extra.checker.{failures[0]}{more}")
        page_link = page_title = ""
        if rule.guide:
            page = files.get_file_from_path(_guide_page(rule))
            if page is None:
                raise PluginError(
                    f'{where}: extra.checker.custom-rules "{rule.name}".page: '
                    f"{rule.guide!r} is not a page of this site"
                )
            page_link, page_title = posixpath.relpath(rule.guide, RULES_DIR), _title_of(page)
        page_url = f"{RULES_DIR}/{rule.name}/"
        content = _TEMPLATES.get_template("custom_rule.md.j2").render(
            rule=rule,
            page_link=page_link,
            page_title=page_title,
            flag_examples=_examples(rule.flags, "Flags", page_url, flags=True),
            pass_examples=_examples(rule.passes, "Passes", page_url, flags=False),
        )
        files.append(File.generated(config, _rule_page(rule), content=content))
