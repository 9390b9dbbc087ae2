"""axe-core's accessibility scan of a page, for the browser suites (one place for it)."""

from __future__ import annotations

from conftest import ROOT
from playwright.sync_api import Page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Each serious or critical violation as "rule-id: the first three nodes it names".
_SERIOUS = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
    .filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))"""


def serious_violations(page: Page) -> list[str]:
    """The serious and critical violations axe-core finds on ``page`` as it is now."""
    assert AXE.is_file(), "node_modules/axe-core is missing: run `make setup`"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(_SERIOUS)
    assert isinstance(found, list)
    return [str(v) for v in found]
