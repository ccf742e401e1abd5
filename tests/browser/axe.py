"""axe-core, the accessibility engine, run inside the page under test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = frozenset({"serious", "critical"})

# WCAG 2.1 A and AA plus axe's best practices (landmarks, one h1, skip link target, ...).
_RUN = """() => axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    resultTypes: ["violations"],
})"""


def violations(page: Page) -> list[dict[str, Any]]:
    """Every axe violation on the page as it is now."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result: dict[str, Any] = page.evaluate(_RUN)
    found: list[dict[str, Any]] = result["violations"]
    return found


def check_accessible(page: Page, screenshots: Path, name: str) -> None:
    """Screenshot the page as ``name`` and fail on any serious or critical violation."""
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    found = blocking(violations(page))
    assert not found, describe(found, page.url)


def blocking(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in found if v.get("impact") in BLOCKING_IMPACTS]


def describe(found: list[dict[str, Any]], url: str) -> str:
    """A readable report: rule, impact, what it means, and each offending element."""
    lines = [f"{len(found)} serious/critical accessibility violation(s) on {url}:"]
    for violation in found:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:8]:
            target = " ".join(map(str, node.get("target", [])))
            lines.append(f"    at {target}: {node.get('html', '')[:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " / ")
            if summary:
                lines.append(f"      {summary[:400]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)
