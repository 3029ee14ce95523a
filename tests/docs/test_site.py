"""The built site's API reference documents every public name with its own signature.

``tests/check_site.py`` reads a built site; here it runs on small pages that lack something
(so the check can fail), then on the real site: the one named by ``NKASYLUM_SITE`` if set,
else one built into a temporary folder when the docs extra is installed (``pip install
".[docs]"``), else the test is skipped with the reason. ``.ci/run`` runs the check on the
site it builds in its own environment. The layout check opens pages in headless Chromium
(skipped without a browser) and measures them in a 1280 px window.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import nkasylum as nk

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/check_site.py
import check_site  # noqa: E402


def _section(name: str, signature: str, body: str = "") -> str:
    return (f'<h3 id="nkasylum.{name}" class="doc doc-heading">nkasylum.{name}</h3>'
            f'<div class="doc-signature highlight"><pre><code>{signature}</code></pre></div>{body}')


def test_a_function_without_its_signature_is_reported() -> None:
    page = _section("can_resettle", "") + _section("routes", "routes(origin, dest, *, on=None)")
    found = check_site.problems(page, ["can_resettle", "routes", "cases"])
    assert found[0].startswith("can_resettle: no signature")
    assert found[1].startswith("routes: the signature leaves out") and "max_transits" in found[1]
    assert found[2].startswith("cases: no section of its own")
    assert len(found) == 3


def test_a_class_needs_its_constructor_and_an_enum_its_members() -> None:
    page = (_section("Case", "")
            + '<h3 id="nkasylum.Verdict" class="doc doc-heading">Verdict</h3>'
            + "".join(f'<h4 id="nkasylum.Verdict.{m.name}">{m.name}</h4>' for m in list(nk.Verdict)[:-1]))
    found = check_site.problems(page, ["Case", "Verdict"])
    assert found[0].startswith("Case: no signature")
    assert found[1] == f"Verdict: members without an entry: {list(nk.Verdict)[-1].name}"


def test_a_returns_section_split_into_rows_is_reported() -> None:
    rows = "".join(f"<tr><td>Assessment</td><td>line {i}</td></tr>" for i in range(2))
    body = f'<p><span class="doc-section-title">Returns:</span></p> <table><tbody>{rows}</tbody></table>'
    signature = "can_resettle(origin, via, dest, *, on=None, horizon=None, max_gap=None, exact=False) -> Assessment"
    found = check_site.problems(_section("can_resettle", signature, body), ["can_resettle"])
    assert found == ["can_resettle: its Returns section is split into 2 rows"]
    one_row = body.replace("<tr><td>Assessment</td><td>line 1</td></tr>", "")
    assert check_site.problems(_section("can_resettle", signature, one_row), ["can_resettle"]) == []


def _built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("NKASYLUM_SITE")
    if given:
        return Path(given)
    missing = [m for m in ("mkdocs", "mkdocs_gen_files", "mkdocstrings", "material", "matplotlib")
               if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"building the site needs the docs extra (pip install \".[docs]\"); missing: "
                    f"{', '.join(missing)}. Or set NKASYLUM_SITE to a built site.")
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site, built once for the checks of this module."""
    return _built_site(tmp_path_factory)


@pytest.mark.slow  # builds the whole site; the checker's own rules are tested above, quickly
def test_the_built_reference_documents_every_public_name(site: Path) -> None:
    page = (site / "reference" / "index.html").read_text(encoding="utf-8")
    assert check_site.problems(page) == []
    assert (site / "img" / "coverage.svg").is_file()
    coverage = (site / "coverage" / "index.html").read_text(encoding="utf-8")
    assert "country-years" in coverage and 'id="cell-cn-2000"' in coverage


LAYOUT_PAGES = ("index.html", "tutorial/index.html", "charts/index.html", "coverage/index.html")
_LAYOUT = """<!doctype html><html><body><div id="out">pending</div>
<iframe id="f" style="width:1280px;height:900px;border:0"></iframe>
<script>
const pages = %s, results = {}, f = document.getElementById("f");
let i = 0;
function next() {
  if (i >= pages.length) { document.getElementById("out").textContent = "RESULT " + JSON.stringify(results); return; }
  const page = pages[i++];
  f.onload = () => setTimeout(() => {
    const d = f.contentDocument.documentElement, content = f.contentDocument.querySelector(".md-content");
    results[page] = {scroll: d.scrollWidth, client: d.clientWidth,
                     content: content ? Math.round(content.getBoundingClientRect().width) : 0,
                     mermaid: [...f.contentDocument.scripts].some(s => (s.src || "").includes("javascripts/mermaid"))};
    next();
  }, 500);
  f.src = page;
}
next();
</script></body></html>"""


@pytest.mark.slow  # builds the whole site (a minute and more); CI builds and checks it
def test_pages_fit_a_1280_px_window_and_serve_mermaid_themselves(site: Path, tmp_path: Path) -> None:
    browser = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)),
                   None)
    if browser is None:
        pytest.skip("the layout check opens the pages in headless Chromium, which is not installed")
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "_layout.html").write_text(_LAYOUT % json.dumps(LAYOUT_PAGES), encoding="utf-8")
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                           "--virtual-time-budget=30000", "--window-size=1300,1000", "--dump-dom",
                           (copy / "_layout.html").as_uri()], capture_output=True, text=True, timeout=300,
                          check=False)
    found = re.search(r"RESULT (\{.*?\})</div>", done.stdout)
    assert found, done.stderr[-2000:]
    results = json.loads(found[1])
    for page in LAYOUT_PAGES:
        measured = results[page]
        assert measured["scroll"] <= measured["client"], (page, measured)   # no horizontal scroll
        assert measured["content"] >= 900, (page, measured)                  # the content column was ~620 px
        assert measured["mermaid"], page                                     # Mermaid from the site, not a CDN
    html = (site / "charts" / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "cdn.jsdelivr" not in html
