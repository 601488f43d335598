#!/usr/bin/env python3
"""Checks in Chromium that hostile prose and file names run no script in a Folio report.

Runs the built `folio` on notebooks whose prose, front matter, cell options and file name carry
script payloads (raw <script>, <img onerror>, javascript: links, <svg onload>, <iframe srcdoc>, a
file name with `"><script>`), each payload trying to set window.pwned or change the page's title.
Each report is loaded in Debian's Chromium (Python playwright) twice: as written, and with its
Content-Security-Policy <meta> removed. Both times no payload may run and no
`securitypolicyviolation` event may fire: the prose renderer already drops raw HTML and unsafe
links, so nothing even tries to run through the policy. The report must also carry the policy as
the first element of <head> and no <script> at all.

A control proves the check can fail: the same report with a <script> added runs it once the policy
is removed, and with the policy in place is blocked and reported as a violation.

Usage: scripts/csp-check.py [--folio .build/debug/folio] [--out output/csp-check]
Needs: chromium (apt) and playwright (pip) -- scripts/bootstrap.sh installs both.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "Tests" / "Fixtures" / "mnist-small"
CHROMIUM = os.environ.get("FOLIO_CHROMIUM", "/usr/bin/chromium")
POLICY = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'"
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'

HOSTILE = """---
title: "</title><script>window.pwned = 'title'; document.title = 'pwned'</script>"
author: "<img src=x onerror=\\"window.pwned='author'\\">"
seed: 1
---
# Hostile prose

<script>window.pwned = 'script'; document.title = 'pwned'</script>

<img src=x onerror="window.pwned = 'img'">

A [javascript link](javascript:window.pwned='link') and <a href="javascript:window.pwned='raw-link'">a raw one</a>,
<b onmouseover="window.pwned='hover'">bold</b>, ![an image](javascript:window.pwned='image').

<svg onload="window.pwned = 'svg'"><circle r="5"/></svg>

<iframe srcdoc="<script>parent.pwned = 'iframe'</script>"></iframe>

<object data="javascript:window.pwned='object'"></object>

<style>body { background: url(https://example.org/beacon.png) }</style>

## A heading with <script>window.pwned='heading'</script> in it

Footnote[^x] and an autolink <javascript:window.pwned='autolink'>.

[^x]: <img src=x onerror="window.pwned='footnote'">

```load
dataset: mnist
```
```preprocess
flatten: true
scale: 255
one_hot: 10
```
```build
dense 10 softmax input=784
```
```fit
loss: categorical_crossentropy
epochs: 1
```
```plot
#| fig-cap: <script>window.pwned='caption'</script><img src=x onerror="window.pwned='caption-img'">
loss
```
"""

FILE_NAMES = ['hostile.md', 'x"><script>window.pwned=\'name\';document.title=\'pwned\'<script>.md',
              "y'><svg onload=window.pwned='name2'>.md"]

# Installed before any of the page's own parsing: records policy violations.
LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));"""

INSPECT = """() => ({
  pwned: window.pwned === undefined ? null : String(window.pwned),
  title: document.title,
  violations: window.__violations,
  scripts: document.querySelectorAll('script, iframe, object, embed').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  jsLinks: [...document.querySelectorAll('[href], [src]')].filter(e =>
    /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length,
})"""


class Checker:
    def __init__(self):
        self.passes = self.failures = 0

    def check(self, name, what, ok, detail):
        print(f"{'PASS' if ok else 'FAIL'}  {name:<12} {what:<34} {detail}", flush=True)
        if ok:
            self.passes += 1
        else:
            self.failures += 1


def run_folio(folio, root, notebook, report):
    env = dict(os.environ, FOLIO_DATA=str(root / "data"), XDG_CACHE_HOME=str(root / "cache"),
               FOLIO_DATASET_MIRROR="http://127.0.0.1:9/")
    result = subprocess.run([folio, "run", str(notebook), "-o", str(report), "-q"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-2000:])
    return result.returncode


def load(page, path, hover=True):
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    if hover:
        for element in page.query_selector_all("main b, main a")[:20]:
            element.hover()
    return page.evaluate(INSPECT)


def check_page(checker, page, name, html, variant, out):
    path = out / f"{name}-{variant}.html"
    path.write_text(html)
    seen = load(page, path)
    checker.check(name, f"{variant}: no script ran", seen["pwned"] is None and seen["title"] != "pwned",
                  f"pwned={seen['pwned']!r}, title={seen['title'][:40]!r}")
    checker.check(name, f"{variant}: no policy violation", not seen["violations"], f"{seen['violations'][:3]}")
    checker.check(name, f"{variant}: no active elements", seen["scripts"] == 0 and seen["handlers"] == 0 and seen["jsLinks"] == 0,
                  f"{seen['scripts']} script/iframe/object, {seen['handlers']} on* attributes, {seen['jsLinks']} javascript: URLs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folio", default=str(REPO / ".build" / "debug" / "folio"))
    parser.add_argument("--out", default=str(REPO / "output" / "csp-check"))
    args = parser.parse_args()
    folio = str(Path(args.folio).resolve())
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    checker = Checker()

    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="folio-csp-") as scratch, sync_playwright() as p:
        root = Path(scratch)
        (root / "data").mkdir()
        (root / "data" / "mnist").symlink_to(FIXTURE)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context()
        context.add_init_script(LISTEN)
        page = context.new_page()
        reports = []
        for index, file_name in enumerate(FILE_NAMES):
            notebook = root / file_name
            notebook.write_text(HOSTILE)
            name = f"hostile-{index + 1}"
            report = out / f"{name}.html"
            status = run_folio(folio, root, notebook, report)
            checker.check(name, "folio run", status == 0 and report.exists(), f"exit {status}, notebook {file_name!r}")
            if not report.exists():
                continue
            html = report.read_text()
            head = re.search(r"<head[^>]*>\s*", html, re.I)
            checker.check(name, "policy first in <head>", bool(head) and html[head.end():].startswith(META),
                          html[head.end():head.end() + 60] if head else "no <head>")
            checker.check(name, "no <script> in the file", "<script" not in html.lower(),
                          f"{html.lower().count('<script')} found")
            check_page(checker, page, name, html, "as-written", out)
            check_page(checker, page, name, html.replace(META, ""), "no-policy", out)
            reports.append((name, html))

        if reports:
            name, html = reports[0]
            planted = html.replace("</body>", "<script>window.pwned = 'control'</script></body>")
            path = out / "control.html"
            path.write_text(planted.replace(META, ""))
            seen = load(page, path, hover=False)
            checker.check("control", "planted script runs without policy", seen["pwned"] == "control", f"pwned={seen['pwned']!r}")
            path.write_text(planted)
            seen = load(page, path, hover=False)
            checker.check("control", "policy blocks and reports it", seen["pwned"] is None and bool(seen["violations"]),
                          f"pwned={seen['pwned']!r}, violations={seen['violations'][:1]}")
        browser.close()
    print(f"csp-check: {checker.passes} passed, {checker.failures} failed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
