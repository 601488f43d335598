#!/usr/bin/env python3
"""Checks in Chromium that hostile prose and file names run no script in a Folio report.

Runs the built `folio` on notebooks whose prose, front matter, cell options (a figure caption, two
model labels that reach legends, tables and the pad) and file name carry
script payloads (raw <script>, <img onerror>, javascript: links, <svg onload>, <iframe srcdoc>, a
file name with `"><script>`), each payload trying to set window.pwned or change the page's title.
Each report is loaded in Debian's Chromium (Python playwright) twice: as written, and with its
Content-Security-Policy <meta> removed. Both times no payload may run and no
`securitypolicyviolation` event may fire: the prose renderer already drops raw HTML and unsafe
links, so nothing even tries to run through the policy. The report must also carry the policy as
the first element of <head>. The first notebook has no model, so its report must hold no <script> at
all; the others train one the drawing pad can run, so their only script is Folio's pad (its data
blocks and one script whose SHA-256 the policy's script-src lists, and nothing else).

A control proves the check can fail: the same report with a <script> added runs it once the policy
is removed, and with the policy in place is blocked and reported as a violation.

Usage: scripts/csp-check.py [--folio .build/debug/folio] [--out output/csp-check]
Needs: chromium (apt) and playwright (pip) -- scripts/bootstrap.sh installs both.
"""
import argparse
import base64
import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from check_support import CHROMIUM, REPO, Checker, fixture_data, folio_env

POLICY = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'"
META_PATTERN = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
EXECUTABLE = re.compile(r"<script>(.*?)</script>", re.S)

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
#| label: <img src=x onerror=window.pwned='l'>
dense 10 softmax input=784
```
```fit
loss: categorical_crossentropy
epochs: 1
```
```evaluate
```
```build
#| label: <svg onload=window.pwned='m2'>
dense 10 softmax input=784
```
```fit
loss: categorical_crossentropy
epochs: 1
```
```plot
#| fig-cap: <script>window.pwned='caption'</script><img src=x onerror="window.pwned='caption-img'">
loss
compare
```
"""

# The same prose without a model: a report with no script at all.
HOSTILE_WITHOUT_MODEL = HOSTILE.split("```preprocess")[0]

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
  frames: document.querySelectorAll('iframe, object, embed').length,
  scriptTexts: [...document.querySelectorAll('script:not([type])')].map(s => s.textContent),
  foreignData: [...document.querySelectorAll('script[type]')].filter(s => !s.id.startsWith('folio-pad-')).length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  jsLinks: [...document.querySelectorAll('[href], [src]')].filter(e =>
    /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length,
})"""


def run_folio(folio, root, notebook, report):
    env = folio_env(root)
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


def script_hashes(texts):
    """Each script's CSP source expression, 'sha256-BASE64' of its UTF-8 text."""
    return [f"'sha256-{base64.b64encode(hashlib.sha256(t.encode()).digest()).decode()}'" for t in texts]


def expected_policy(html):
    """The policy a report must state: the base one, plus script-src with the hash of each of
    Folio's inline scripts when it has any."""
    scripts = EXECUTABLE.findall(html)
    return POLICY + ("; script-src " + " ".join(script_hashes(scripts)) if scripts else "")


def check_page(checker, page, name, html, variant, allowed, out):
    path = out / f"{name}-{variant}.html"
    path.write_text(html)
    seen = load(page, path)
    checker.check(name, f"{variant}: no script ran", seen["pwned"] is None and seen["title"] != "pwned",
                  f"pwned={seen['pwned']!r}, title={seen['title'][:40]!r}")
    checker.check(name, f"{variant}: no policy violation", not seen["violations"], f"{seen['violations'][:3]}")
    foreign = [h for h in script_hashes(seen["scriptTexts"]) if h not in allowed]
    checker.check(name, f"{variant}: no active elements",
                  not foreign and seen["frames"] == 0 and seen["foreignData"] == 0 and seen["handlers"] == 0
                  and seen["jsLinks"] == 0,
                  f"{len(foreign)} scripts not Folio's, {seen['frames']} iframe/object, {seen['handlers']} on* attributes, "
                  f"{seen['jsLinks']} javascript: URLs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folio", default=str(REPO / ".build" / "debug" / "folio"))
    parser.add_argument("--out", default=str(REPO / "output" / "csp-check"))
    args = parser.parse_args()
    folio = str(Path(args.folio).resolve())
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    checker = Checker(12, 34)

    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="folio-csp-") as scratch, sync_playwright() as p:
        root = Path(scratch)
        fixture_data(root, names=("mnist",))
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context()
        context.add_init_script(LISTEN)
        page = context.new_page()
        reports = []
        for index, file_name in enumerate(FILE_NAMES):
            notebook = root / file_name
            notebook.write_text(HOSTILE_WITHOUT_MODEL if index == 0 else HOSTILE)
            name = f"hostile-{index + 1}"
            report = out / f"{name}.html"
            status = run_folio(folio, root, notebook, report)
            checker.check(name, "folio run", status == 0 and report.exists(), f"exit {status}, notebook {file_name!r}")
            if not report.exists():
                continue
            html = report.read_text()
            head = re.search(r"<head[^>]*>\s*", html, re.I)
            meta = META_PATTERN.match(html, head.end()) if head else None
            checker.check(name, "policy first in <head>", bool(meta) and meta.group(1) == expected_policy(html),
                          html[head.end():head.end() + 60] if head else "no <head>")
            scripts = EXECUTABLE.findall(html)
            if index == 0:
                checker.check(name, "no <script> in the file", "<script" not in html.lower(),
                              f"{html.lower().count('<script')} found")
            else:
                checker.check(name, "only the pad's script", len(scripts) == 1 and 'id="folio-pad-weights"' in html,
                              f"{len(scripts)} executable, {html.lower().count('<script')} in all")
            allowed = script_hashes(scripts)
            without_policy = META_PATTERN.sub("", html, count=1)
            check_page(checker, page, name, html, "as-written", allowed, out)
            check_page(checker, page, name, without_policy, "no-policy", allowed, out)
            reports.append((name, html))

        if reports:
            name, html = reports[0]
            planted = html.replace("</body>", "<script>window.pwned = 'control'</script></body>")
            path = out / "control.html"
            path.write_text(META_PATTERN.sub("", planted, count=1))
            seen = load(page, path, hover=False)
            checker.check("control", "planted script runs without policy", seen["pwned"] == "control", f"pwned={seen['pwned']!r}")
            path.write_text(planted)
            seen = load(page, path, hover=False)
            checker.check("control", "policy blocks and reports it", seen["pwned"] is None and bool(seen["violations"]),
                          f"pwned={seen['pwned']!r}, violations={seen['violations'][:1]}")
        browser.close()
    return checker.summary("csp-check")


if __name__ == "__main__":
    sys.exit(main())
