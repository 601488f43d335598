#!/usr/bin/env python3
"""Checks `folio preview` the way a reader uses it: a page open in Debian's Chromium reloads itself on save.

Starts the built `folio preview --port 0` on a notebook in a scratch folder, opens the printed address
with Python playwright driving /usr/bin/chromium, and checks:

  - the page shows the report, and no Content-Security-Policy violation happens (the preview's own
    policy allows its reload script by hash, and nothing else);
  - after the notebook is saved (written to a temporary file and renamed over it, as editors do) the
    page reloads by itself (a marker set on the old page is gone), shows the new text, and keeps its
    scroll position;
  - while a long `fit` runs (on the small MNIST fixture), the fixed status line names the cell and the
    epoch, and a save in the middle of it supersedes that run: the page then shows the new version;
  - Ctrl-C (SIGINT) stops the preview with status 130.

It prints one line per check and exits 1 when any check fails; a screenshot goes to the output folder.

Usage: scripts/preview-check.py [--folio .build/debug/folio] [--out output/preview-check]
Needs: chromium (apt) and playwright (pip) -- scripts/bootstrap.sh installs both.
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from check_support import CHROMIUM, FIXTURE, REPO, Checker


FILLER = "\n\n".join(f"Paragraph {i} of filler prose, so that the page is tall enough to scroll." for i in range(60))


def quick_notebook(version):
    return f"""---
title: Preview check
---
{version}

{FILLER}

```build
dense 8 relu input=4
dense 3 softmax
```

```summary
```
"""


def training_notebook(version):
    return f"""---
title: Preview check with training
---
{version}

```load
path: {FIXTURE}
```

```preprocess
flatten: true
scale: 255
```

```build
dense 64 relu
dense 10 softmax
```

```fit
loss: sparse_categorical_crossentropy
epochs: 3
batch_size: 10
```
"""


def save(path, text):
    """Writes a temporary file beside `path` and renames it over `path`, as editors save."""
    temporary = path.with_name("." + path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.rename(temporary, path)


class Preview:
    """`folio preview` in the background, its output collected."""

    def __init__(self, folio, folder, notebook):
        self.process = subprocess.Popen([folio, "preview", notebook, "--port", "0"], cwd=folder,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stdout, self.stderr = [], []
        for stream, lines in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr)):
            threading.Thread(target=lambda s=stream, l=lines: [l.append(x) for x in s], daemon=True).start()

    def address(self, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline and self.process.poll() is None:
            for line in list(self.stdout):
                match = re.match(r"Preview: (http://127\.0\.0\.1:\d+/)", line)
                if match:
                    return match.group(1)
            time.sleep(0.05)
        return None

    def interrupt(self, timeout=5):
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def watch_policy(page, violations):
    """Collects CSP violations: the console's reports and the page's securitypolicyviolation events."""
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text else None)
    page.add_init_script("document.addEventListener('securitypolicyviolation',"
                         " e => console.error('Content Security Policy violation: ' + e.violatedDirective))")


def check_reload(page, checker, folder, folio, out):
    notebook = folder / "lesson.md"
    save(notebook, quick_notebook("The FIRST version of the lesson."))
    preview = Preview(folio, folder, "lesson.md")
    try:
        address = preview.address()
        if not checker.check("preview", "folio preview prints its address", address is not None,
                             "" if address else "".join(preview.stderr)[-500:]):
            return
        violations = []
        watch_policy(page, violations)
        page.goto(address)
        page.wait_for_selector("text=The FIRST version of the lesson.", timeout=60_000)
        checker.check("preview", "the page shows the report", "Total params" in page.content())
        page.evaluate("window.scrollTo(0, 600)")
        page.evaluate("window.folioMarker = 'old page'")
        scrolled = page.evaluate("window.scrollY")
        time.sleep(0.5)  # the event stream is open
        save(notebook, quick_notebook("The SECOND version, saved while the page was open."))
        started = time.time()
        page.wait_for_selector("text=The SECOND version, saved while the page was open.", timeout=10_000)
        seconds = time.time() - started
        checker.check("preview", "the page reloads itself after a save", page.evaluate("window.folioMarker === undefined"),
                      f"{seconds:.2f} s")
        page.wait_for_timeout(300)
        now = page.evaluate("window.scrollY")
        checker.check("preview", "the scroll position survives the reload", abs(now - scrolled) <= 2, f"{scrolled} → {now}")
        page.screenshot(path=str(out / "preview-reloaded.png"))
        written = (folder / "output" / "lesson.html").read_text(encoding="utf-8")
        checker.check("preview", "the written report is the new version, without the preview script",
                      "The SECOND version" in written and "EventSource" not in written)
        checker.check("preview", "no Content-Security-Policy violation", not violations, "; ".join(violations)[:300])
        status = preview.interrupt()
        checker.check("preview", "Ctrl-C stops the preview with status 130", status == 130, f"status {status}")
    finally:
        preview.kill()


def check_progress(page, checker, folder, folio):
    notebook = folder / "training.md"
    save(notebook, training_notebook("The training lesson, first version."))
    preview = Preview(folio, folder, "training.md")
    try:
        address = preview.address()
        if not checker.check("preview", "folio preview prints its address (training)", address is not None):
            return
        violations = []
        watch_policy(page, violations)
        page.goto(address)
        status = page.locator("#folio-preview-status")
        try:
            page.wait_for_function("() => /fit \\(line \\d+\\) — epoch \\d+\\/3/.test("
                                   "(document.getElementById('folio-preview-status') || {}).textContent || '')",
                                   timeout=60_000)
            text = status.text_content()
            checker.check("preview", "the status line shows the running fit's epoch", True, text)
        except Exception as error:  # noqa: BLE001 -- reported as a failed check
            checker.check("preview", "the status line shows the running fit's epoch", False, str(error)[:200])
        save(notebook, training_notebook("The training lesson, second version.").replace("epochs: 3", "epochs: 1"))
        try:
            page.wait_for_selector("text=The training lesson, second version.", timeout=180_000)
            superseded = any("stopping the run in flight" in line for line in preview.stderr)
            checker.check("preview", "a save during a fit supersedes it and the page shows the new run", superseded,
                          "" if superseded else "".join(preview.stderr)[-300:])
        except Exception as error:  # noqa: BLE001
            checker.check("preview", "a save during a fit supersedes it and the page shows the new run", False, str(error)[:200])
        checker.check("preview", "no Content-Security-Policy violation (training)", not violations, "; ".join(violations)[:300])
    finally:
        preview.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folio", default=str(REPO / ".build" / "debug" / "folio"))
    parser.add_argument("--out", default=str(REPO / "output" / "preview-check"))
    args = parser.parse_args()
    folio = str(Path(args.folio).resolve())
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    checker = Checker(8, 66)
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="folio-preview-") as scratch, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        check_reload(browser.new_page(), checker, Path(scratch), folio, out)
        check_progress(browser.new_page(), checker, Path(scratch), folio)
        browser.close()
    return checker.summary("preview-check")


if __name__ == "__main__":
    sys.exit(main())
