"""Reports of several draft files, in the formats CI tools read (after ruff's).

Pure functions from checked drafts to text or JSON-ready data; the CLI
decides where they go. Every line and column points into the file as written
(``DraftFile.region``): 1-based, columns in code points, end column exclusive.

- ``concise``: one ``path:line:col: severity rule message`` line per finding;
- ``json_lines``: one JSON object per finding (the finding's schema-1 keys,
  plus ``file``, ``line``, ``column``, ``end_line``, ``end_column``);
- ``github``: workflow commands (``::warning file=…::message``) that GitHub
  turns into annotations on the pull request, escaped as @actions/core does;
- ``step_summary``: Markdown for ``$GITHUB_STEP_SUMMARY``: GitHub shows at most
  10 annotations of each kind per step (50 per job) and drops the rest
  silently, so the summary lists every finding;
- ``sarif``: SARIF 2.1.0 for code scanning, the rule catalogue in
  ``tool.driver.rules`` with each rule's page on the team's own site.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from checker.drafts_files import DraftFile
from checker.model import Finding, Report, Severity
from checker.rules.base import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "etiquette"
TOOL_URI = "https://social-etiquette-handbook.github.io/handbook/"

# GitHub's annotation commands: error, warning and notice.
_GITHUB_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "notice",
}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
GITHUB_SHOWN_PER_KIND = 10


@dataclass(frozen=True)
class Checked:
    """One draft file and its report; ``path`` is how outputs name it."""

    path: str
    draft: DraftFile
    report: Report

    def located(self) -> Iterable[tuple[Finding, tuple[int, int, int, int]]]:
        for f in self.report.findings:
            yield f, self.draft.region(f.start, f.end)


# --- concise text ---------------------------------------------------------------


_COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


def concise(results: Sequence[Checked], *, color: bool = False, hints: bool = True) -> str:
    """``path:line:col: severity rule message``, a line per finding (as ruff's concise).

    With ``hints``, the first finding of each rule is followed by its fix and the
    link to its page, as the report for people does.
    """
    from checker.render import visible  # control characters from a draft never reach a terminal

    out = []
    seen: set[str] = set()
    for checked in results:
        for f, (line, col, _, _) in checked.located():
            severity = f.severity.value
            if color:
                severity = f"\x1b[{_COLOUR[f.severity]}m{severity}\x1b[0m"
            path = visible(checked.path)
            out.append(f"{path}:{line}:{col}: {severity} {f.rule} {visible(f.message)}")
            if hints and f.rule not in seen:
                out += [f"  → {f.fix}", f"  {f.url}"]
                seen.add(f.rule)
    return "\n".join(out) + ("\n" if out else "")


def totals(results: Sequence[Checked]) -> str:
    """'3 files checked: 1 error, 2 warnings.' for the end of a text report."""
    counts = {s: 0 for s in Severity}
    for checked in results:
        for f in checked.report.findings:
            counts[f.severity] += 1
    files = f"{len(results)} file{'s' if len(results) != 1 else ''} checked"
    parts = [
        f"{n} {s.value}{'s' if n != 1 else ''}"
        for s in sorted(Severity, key=lambda s: s.rank)
        if (n := counts[s])
    ]
    return f"{files}: {', '.join(parts) if parts else 'nothing to point out'}.\n"


# --- JSON lines -----------------------------------------------------------------


def finding_record(
    checked: Checked, f: Finding, region: tuple[int, int, int, int]
) -> dict[str, Any]:
    line, col, end_line, end_col = region
    return {
        "file": checked.path,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "platform": checked.report.platform,
        "kind": checked.report.kind,
        **f.to_dict(),
    }


def json_lines(results: Sequence[Checked]) -> str:
    out = [
        json.dumps(finding_record(checked, f, region), ensure_ascii=False)
        for checked in results
        for f, region in checked.located()
    ]
    return "\n".join(out) + ("\n" if out else "")


# --- GitHub workflow commands ---------------------------------------------------


def escape_data(text: str) -> str:
    """A command's message, escaped as @actions/core's ``escapeData``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value, escaped as @actions/core's ``escapeProperty``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(results: Sequence[Checked]) -> str:
    out = []
    for checked in results:
        for f, (line, col, end_line, end_col) in checked.located():
            props = {"file": checked.path, "line": line, "col": col, "endLine": end_line}
            if end_line == line:  # GitHub reads endColumn only on a one-line annotation
                props["endColumn"] = end_col
            props["title"] = f"{f.rule} ({f.severity.value})"
            head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
            message = f"{f.message}\n{f.fix}\n{f.url}"
            out.append(f"::{_GITHUB_LEVEL[f.severity]} {head}::{escape_data(message)}")
    return "\n".join(out) + ("\n" if out else "")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def step_summary(results: Sequence[Checked]) -> str:
    """Markdown listing every finding (annotations beyond 10 a kind are dropped)."""
    rows = [
        f"| `{_cell(checked.path)}`:{line}:{col} | {f.severity.value} "
        f"| [{f.rule}]({f.url}) | {_cell(f.message)} |"
        for checked in results
        for f, (line, col, _, _) in checked.located()
    ]
    out = ["## Etiquette check", "", totals(results).strip(), ""]
    if rows:
        out += ["| Where | Severity | Rule | Message |", "|---|---|---|---|", *rows, ""]
    return "\n".join(out) + "\n"


# --- SARIF 2.1.0 ----------------------------------------------------------------


def _sarif_rule(rule: Rule, url: str, severity: Severity) -> dict[str, Any]:
    return {
        "id": rule.name,
        "name": "".join(part.capitalize() for part in rule.name.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": rule.fix},
        "helpUri": url,
        "defaultConfiguration": {"level": _SARIF_LEVEL[severity]},
        "properties": {"pillar": rule.pillar.value},
    }


def sarif(
    results: Sequence[Checked],
    rules: Sequence[tuple[Rule, str, Severity]],
    *,
    version: str,
) -> dict[str, Any]:
    """A SARIF log: ``rules`` are (rule, its page on the team's site, its severity)."""
    from urllib.parse import quote  # here: only the CLI writes SARIF

    index = {rule.name: i for i, (rule, _, _) in enumerate(rules)}
    sarif_results = []
    for checked in results:
        for f, (line, col, end_line, end_col) in checked.located():
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f"{f.message} {f.fix}"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": quote(checked.path),
                                "uriBaseId": "%SRCROOT%",
                            },
                            "region": {
                                "startLine": line,
                                "startColumn": col,
                                "endLine": end_line,
                                "endColumn": end_col,
                            },
                        }
                    }
                ],
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            sarif_results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": version,
                        "informationUri": TOOL_URI,
                        "rules": [_sarif_rule(r, url, sev) for r, url, sev in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
