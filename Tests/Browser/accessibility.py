"""axe-core in the page, from the copy bundled in a PyPI package: nothing is fetched at test time.

The page's CSP forbids inline scripts, so axe is not added as a <script>: DevTools evaluates it
(CSP does not apply there), and it stays for the life of the document."""
import pathlib

import axe_playwright_python

AXE_SCRIPT = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.1 A and AA, which is what the municipality must meet, plus axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page) -> list:
    """Every axe violation on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", TAGS)
    return result["violations"]


def assert_accessible(page, state: str):
    """Fails with a readable list when axe finds a serious or critical violation."""
    serious = [violation for violation in axe_violations(page) if violation["impact"] in ("serious", "critical")]
    details = "\n".join(
        f"  {violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in serious)
    assert not serious, f"axe, page state '{state}':\n{details}"
