"""An audit as text for a terminal, or as one self-contained HTML file.

Both render the JSON of schema 1 (``Audit.to_dict()``), so the CLI, the page
and a saved report can never disagree. The HTML has its CSS inline, the two
SVG pictures, follows the reader's light or dark setting, and loads nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from checker.audit import svg
from checker.audit.model import FORMAT_NAMES
from checker.audit.percent import shares

KINDS = tuple(svg.KIND_LABELS)


def _posts(count: int) -> str:
    return f"{count:,} post" + ("" if count == 1 else "s")


def _who(handle: str) -> str:
    return handle if handle.startswith("did:") else f"@{handle}"


def _heading(data: Mapping[str, Any]) -> str:
    fmt = FORMAT_NAMES.get(data.get("format") or "", data.get("format") or "")
    parts = [_posts(data["posts"])]
    if data.get("source"):
        parts.append(f"from {data['source']}" + (f" ({fmt})" if fmt else ""))
    if data.get("handle"):
        parts.append(f"by {_who(data['handle'])}")
    if data.get("since"):
        parts.append(f"since {data['since']} ({data['read'] - data['posts']} older left out)")
    return " ".join(parts)


# --- text ---------------------------------------------------------------------


def render_text(data: Mapping[str, Any]) -> str:
    posts = data["posts"]
    kinds = data["kinds"]
    verdict = data["verdict"]
    lines = [f"Feed audit: {_heading(data)}", "", verdict["summary"], ""]
    for point in verdict["points"]:
        mark = "ok " if point["ok"] else " ! "
        lines.append(f"  {mark} {point['text']}")
        lines.append(f"       {point['url']}")
    if verdict["changes"]:
        lines += ["", "What would help most:"]
        for i, change in enumerate(verdict["changes"], 1):
            lines.append(f"  {i}. {change['text']}")
            lines.append(f"     {change['url']}")
    lines += ["", "Balance:"]
    share = svg.kind_shares(kinds)
    for kind in KINDS:
        count = kinds[kind]
        bar = "#" * round(30 * count / posts) if posts else ""
        lines.append(f"  {svg.KIND_LABELS[kind]:<22} {count:>6} {share[kind]:>5}  {bar}")
    about = data["about"]
    of_whom = shares(about)
    lines += [
        "",
        f"About others: {about['others']} ({of_whom['others']}); "
        f"about yourself: {about['self']} ({of_whom['self']})",
        f"Links: {data['with_links']} posts; bare links: {data['bare_links']}; "
        f"selling: {data['selling']}",
    ]
    if data["people"]:
        lines += ["", "People you acknowledge most:"]
        lines += [f"  {_who(p['handle'])} ({p['posts']})" for p in data["people"]]
    if data["findings"]:
        lines += ["", "Most frequent findings:"]
        for finding in data["findings"]:
            lines.append(f"  {finding['rule']} on {_posts(finding['posts'])}  {finding['url']}")
            example = finding["example"]
            lines.append(f'      e.g. "{example["text"]}"')
            lines.append(f"      {example['message']}")
    if data["months"]:
        lines += ["", "Month by month (posts, of which about others):"]
        for month in data["months"]:
            lines.append(f"  {month['month']}  {month['posts']:>5}  {month['about_others']:>5}")
    elif posts:
        lines += ["", "No dates in this archive, so no monthly trend."]
    return "\n".join(lines) + "\n"


# --- HTML ---------------------------------------------------------------------

CSS = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e;
  --card: #f6f8fa; --line: #d1d9e0; --link: #0b5cad; --ok: #1a7f37; --warn: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --card: #161b22;
    --line: #3d444d; --link: #6cb6ff; --ok: #57ab5a; --warn: #daaa3f; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
a { color: var(--link); }
.meta, .note, figcaption { color: var(--muted); font-size: .9rem; }
.summary { font-size: 1.15rem; font-weight: 600; }
.points { list-style: none; padding: 0; }
.points li { padding: .5rem .75rem; margin: .4rem 0; background: var(--card);
  border-left: 4px solid var(--warn); border-radius: 4px; }
.points li[data-ok="true"] { border-left-color: var(--ok); }
.badge { font-weight: 600; margin-right: .35rem; }
.points li[data-ok="true"] .badge { color: var(--ok); }
.points li[data-ok="false"] .badge { color: var(--warn); }
figure { margin: 1rem 0; overflow-x: auto; }
/* below this width the pictures' labels would shrink past reading: scroll instead */
figure svg { min-width: 480px; display: block; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: .4rem 0; padding: .4rem .75rem; background: var(--card);
  border-left: 3px solid var(--line); }
details { margin-top: .5rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
"""


def _row(cells: list[str], numeric: tuple[int, ...] = ()) -> str:
    return (
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(cells)
        )
        + "</tr>"
    )


def _link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>'


def render_html(data: Mapping[str, Any]) -> str:
    """The whole report as one HTML document."""
    posts = data["posts"]
    kinds = data["kinds"]
    verdict = data["verdict"]
    title = "Feed audit" + (f": {_who(data['handle'])}" if data.get("handle") else "")
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head>",
        f'<body><main data-audit-posts="{posts}">',
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(_heading(data))}</p>',
        "<h2>Verdict</h2>",
        f'<p class="summary" data-audit-summary>{escape(verdict["summary"])}</p>',
        '<ul class="points">',
    ]
    for point in verdict["points"]:
        badge = "Good" if point["ok"] else "To work on"
        out.append(
            f'<li data-ok="{str(point["ok"]).lower()}" data-habit="{escape(point["habit"])}">'
            f'<span class="badge">{badge}:</span>{escape(point["text"])} '
            f"{_link(point['url'], 'Read the guideline')}</li>"
        )
    out.append("</ul>")
    if verdict["changes"]:
        count = len(verdict["changes"])
        what = "The change" if count == 1 else f"The {count} changes"
        out.append(f"<h2>{what} that would help most</h2><ol>")
        for change in verdict["changes"]:
            out.append(f"<li>{escape(change['text'])} {_link(change['url'], 'How')}</li>")
        out.append("</ol>")

    out.append("<h2>Balance</h2><figure>")
    out.append(svg.balance(kinds))
    out.append(
        f"<figcaption>{escape(svg.describe_kinds(kinds))}</figcaption></figure>"
        '<table><thead><tr><th>Kind</th><th class="n">Posts</th><th class="n">Share</th>'
        "</tr></thead><tbody>"
    )
    share = svg.kind_shares(kinds)
    for kind in KINDS:
        out.append(
            f'<tr data-audit-kind="{kind}" data-count="{kinds[kind]}"><td>'
            f'{svg.KIND_LABELS[kind]}</td><td class="n">{kinds[kind]:,}</td>'
            f'<td class="n">{share[kind]}</td></tr>'
        )
    about = data["about"]
    of_whom = shares(about)
    out.append(
        "</tbody></table>"
        f"<p>About others: <strong>{about['others']:,}</strong> ({of_whom['others']}); "
        f"about yourself: <strong>{about['self']:,}</strong> ({of_whom['self']}). "
        f"Posts with links: {data['with_links']:,}; bare links: {data['bare_links']:,}; "
        f"selling posts: {data['selling']:,}.</p>"
    )

    out.append("<h2>Month by month</h2>")
    if data["months"]:
        out.append(f"<figure>{svg.trend(data['months'])}</figure>")
        out.append(
            "<details><summary>The figures as a table</summary><table><thead><tr>"
            "<th>Month</th><th>Posts</th>"
            + "".join(f"<th>{svg.KIND_LABELS[k]}</th>" for k in KINDS)
            + "<th>About others</th></tr></thead><tbody>"
        )
        for month in data["months"]:
            cells = [month["month"], str(month["posts"])]
            cells += [str(month[k]) for k in KINDS] + [str(month["about_others"])]
            out.append(_row(cells, numeric=tuple(range(1, len(cells)))))
        out.append("</tbody></table></details>")
    else:
        out.append('<p class="note">This archive holds no dates, so there is no monthly trend.</p>')

    if data["people"]:
        out.append("<h2>People you acknowledge most</h2><ol>")
        for person in data["people"]:
            out.append(
                f"<li>{escape(_who(person['handle']))} "
                f'<span class="note">({_posts(person["posts"])})</span></li>'
            )
        out.append("</ol>")
    if data["findings"]:
        out.append("<h2>Most frequent findings</h2>")
        for finding in data["findings"]:
            example = finding["example"]
            when = f" ({example['date']})" if example.get("date") else ""
            out.append(
                f'<section data-audit-finding="{escape(finding["rule"])}">'
                f"<h3>{_link(finding['url'], finding['rule'])} "
                f'<span class="note">on {_posts(finding["posts"])}</span></h3>'
                f"<p>{escape(finding['summary'])}</p>"
                f"<blockquote>{escape(example['text'])}{escape(when)}</blockquote>"
                f'<p class="note">{escape(example["message"])}</p></section>'
            )
    out.append(
        "<footer>Made by <code>etiquette audit</code>, the Social Etiquette Handbook's "
        "checker. The archive was read on this computer; nothing was sent anywhere.</footer>"
        "</main></body></html>"
    )
    return "\n".join(out) + "\n"
