#!/usr/bin/env python3
"""Checks Folio reports the way a reader sees them: in Debian's Chromium, on a phone, a laptop and paper.

Runs the built `folio` over a few notebooks in a scratch folder (the three walkthroughs with one epoch, a
Fashion-MNIST notebook with a wide prose table, and a run that fails), all on the small MNIST fixture
in Tests/Fixtures/mnist-small. Then, for each report, with Python playwright driving /usr/bin/chromium:

  - no page-level horizontal scroll at a 390-px viewport (documentElement.scrollWidth <= 390);
  - every SVG <text> renders at >= 9 CSS px (font-size x the scale of its getScreenCTM()) at 390 and 1280 px;
  - every table or chart wider than its box scrolls inside it and shows the scroll hint;
  - no chart label truncated with "..." in the Fashion report (class names wrap instead);
  - in print media no table is clipped or scrolls (its scrollWidth fits its box), and page.pdf() works.

It writes screenshots (NAME-1280.png, NAME-390.png) and NAME.pdf to the output folder, prints one
line per check and exits 1 when any check fails.

Usage: scripts/browser-check.py [--folio .build/debug/folio] [--out output/browser-check]
Needs: chromium (apt) and playwright (pip) -- scripts/bootstrap.sh installs both.
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from check_support import CHROMIUM, REPO, Checker, fixture_data, folio_env

MIN_TEXT_PX = 9.0
PHONE, LAPTOP, PAPER = 390, 1280, 718   # PAPER: an A4 page's printable width in CSS px

FASHION_NOTEBOOK = """---
title: Fashion items on a phone
seed: 7
---
Fashion-MNIST's ten classes, and a table wider than any screen: it must scroll inside its box
(with a hint that it does) and never push the page sideways.

| metric | T-shirt/top | Trouser | Pullover | Dress | Coat | Sandal | Shirt | Sneaker | Bag | Ankle boot |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| precision on the validation split (epoch 1) | 0.812 | 0.953 | 0.701 | 0.844 | 0.733 | 0.921 | 0.512 | 0.903 | 0.944 | 0.950 |
| recall on the validation split (epoch 1) | 0.790 | 0.961 | 0.688 | 0.871 | 0.702 | 0.934 | 0.498 | 0.911 | 0.951 | 0.930 |
| examples in the training set | 6,000 | 6,000 | 6,000 | 6,000 | 6,000 | 6,000 | 6,000 | 6,000 | 6,000 | 6,000 |

```load
dataset: fashion-mnist
```

```preprocess
flatten: true
scale: 255
one_hot: 10
```

```build
dense 32 relu input=784
dense 10 softmax
```

```fit
optimizer: adam
loss: categorical_crossentropy
metrics: accuracy
epochs: 2
batch_size: 100
validation_split: 0.1
```

```evaluate
```

```plot
loss, accuracy, confusion_matrix, samples
```

```predict
image: images/digit-4.png
```
"""

FAILING_NOTEBOOK = """---
title: A run that stops at a broken photo
seed: 1
---
The photo in the `predict` cell is not a picture at all, so the run stops there: the report shows
the error in its cell and the cell after it as not run.

```load
dataset: mnist
```

```preprocess
flatten: true
scale: 255
one_hot: 10
```

```build
dense 16 relu input=784
dense 10 softmax
```

```fit
optimizer: adam
loss: categorical_crossentropy
metrics: accuracy
epochs: 1
```

```evaluate
```

```plot
loss, confusion_matrix
```

```predict
image: images/not-a-picture.png
```

```summary
```
"""

# Measures, in the page: the smallest rendered SVG text, the widths, the scroll boxes and their hints.
MEASURE = """() => {
  const texts = [...document.querySelectorAll('svg text')].map(t => {
    const m = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize);
    return {px: m ? size * Math.hypot(m.a, m.b) : size, text: t.textContent};
  });
  const boxes = [...document.querySelectorAll('.table-wrap, .prose table, .chart-scroll')].map(b => {
    const style = getComputedStyle(b);
    const after = getComputedStyle(b, '::after');
    const shadow = style.backgroundImage.includes('radial-gradient');
    const caption = after.content !== 'none' && parseFloat(after.opacity) > 0.5;
    return {kind: b.classList.contains('chart-scroll') ? 'chart' : 'table',
            overflows: b.scrollWidth > b.clientWidth + 1, scrollWidth: b.scrollWidth,
            clientWidth: b.clientWidth, hint: shadow || caption, caption: caption,
            text: (b.textContent || '').trim().slice(0, 40)};
  });
  return {scrollWidth: document.documentElement.scrollWidth, texts: texts, boxes: boxes};
}"""

# In print media: each table's content must fit the box it sits in, with nothing left to scroll.
PRINT_MEASURE = """() => [...document.querySelectorAll('table')].map(t => {
  const box = t.closest('.table-wrap') || t;
  const style = getComputedStyle(box);
  return {scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, overflow: style.overflowX,
          tableRight: t.getBoundingClientRect().right, pageRight: document.body.getBoundingClientRect().right,
          text: (t.textContent || '').trim().slice(0, 40)};
})"""


def make_workspace(root):
    """A scratch folder: data/ (the small MNIST fixture as mnist/ and fashion-mnist/), notebooks/."""
    fixture_data(root)
    books = root / "notebooks"
    shutil.copytree(REPO / "notebooks" / "images", books / "images")
    for name in ("mnist", "mnist-cnn", "compare"):
        text = (REPO / "notebooks" / f"{name}.md").read_text()
        (books / f"{name}.md").write_text(re.sub(r"(?m)^( *)epochs: \d+$", r"\1epochs: 1", text))
    (books / "fashion.md").write_text(FASHION_NOTEBOOK)
    (books / "failed-run.md").write_text(FAILING_NOTEBOOK)
    (books / "images" / "not-a-picture.png").write_text("this is not a picture")
    return books


def run_folio(folio, root, notebook, report, expect_failure):
    env = folio_env(root)
    result = subprocess.run([str(folio), "run", str(notebook), "-o", str(report)], cwd=root, env=env,
                            capture_output=True, text=True, timeout=900)
    ok = (result.returncode != 0) == expect_failure and report.exists()
    if not ok:
        sys.stderr.write(result.stderr[-2000:])
    return ok, result.returncode


def smallest(texts):
    return min(texts, key=lambda t: t["px"]) if texts else None


def check_report(page, checker, name, html, out, expect_wide_table, expect_whole_labels):
    url = html.resolve().as_uri()
    for width in (LAPTOP, PHONE):
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(media="screen")
        page.goto(url)
        measured = page.evaluate(MEASURE)
        page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
        if width == PHONE:
            checker.check(name, f"no page scroll @{width}", measured["scrollWidth"] <= PHONE,
                          f"scrollWidth {measured['scrollWidth']} (viewport {PHONE})")
        low = smallest(measured["texts"])
        if low is None:
            checker.check(name, f"chart text >= 9px @{width}", True, "no charts")
        else:
            checker.check(name, f"chart text >= 9px @{width}", low["px"] >= MIN_TEXT_PX - 0.01,
                          f"smallest {low['px']:.2f}px ({low['text'][:24]!r}) of {len(measured['texts'])} texts")
        wide = [b for b in measured["boxes"] if b["overflows"]]
        hintless = [b for b in wide if not b["hint"]]
        checker.check(name, f"scroll hints @{width}", not hintless,
                      f"{len(wide)} of {len(measured['boxes'])} boxes scroll"
                      + (f"; no hint on {hintless[0]['kind']} {hintless[0]['text']!r}" if hintless else ", all hinted"))
        false_hints = [b for b in measured["boxes"] if b["caption"] and not b["overflows"]]
        checker.check(name, f"no needless hint @{width}", not false_hints,
                      f"{len(false_hints)} boxes show 'scroll' without overflowing")
        if expect_wide_table:
            tables = [b for b in wide if b["kind"] == "table" and b["hint"]]
            checker.check(name, f"wide table hinted @{width}", bool(tables),
                          f"{tables[0]['scrollWidth']}px in {tables[0]['clientWidth']}px" if tables else "none")
    if expect_whole_labels:
        cut = page.evaluate("() => [...document.querySelectorAll('svg text')].map(t => t.textContent)"
                            ".filter(s => s.includes('\u2026'))")
        checker.check(name, "labels wrap, not cut", not cut, f"{len(cut)} truncated" + (f": {cut[:3]}" if cut else ""))

    page.set_viewport_size({"width": PAPER, "height": 1000})
    page.emulate_media(media="print")
    tables = page.evaluate(PRINT_MEASURE)
    clipped = [t for t in tables if t["scrollWidth"] > t["clientWidth"] + 1 or t["tableRight"] > t["pageRight"] + 1
               or t["overflow"] not in ("visible", "clip")]
    checker.check(name, "print: tables fit", not clipped,
                  f"{len(tables)} tables" + (f"; clipped {clipped[0]}" if clipped else ", none clipped"))
    pdf = page.pdf(path=str(out / f"{name}.pdf"))
    checker.check(name, "print: pdf", len(pdf) > 1000, f"{len(pdf)} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folio", default=str(REPO / ".build" / "debug" / "folio"))
    parser.add_argument("--out", default=str(REPO / "output" / "browser-check"))
    parser.add_argument("--reports", help="check the *.html in this folder instead of running folio")
    args = parser.parse_args()
    # folio runs in a scratch folder: paths given relative to here must not depend on that.
    args.folio = str(Path(args.folio).resolve())
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    checker = Checker(14, 28)

    # name: (expect a failed run, expect a wide prose table, expect untruncated labels)
    cases = {"mnist": (False, False, False), "mnist-cnn": (False, False, False), "compare": (False, False, False),
             "fashion": (False, True, True), "failed-run": (True, False, False)}
    with tempfile.TemporaryDirectory(prefix="folio-browser-") as scratch:
        reports = {}
        if args.reports:
            reports = {p.stem: p for p in sorted(Path(args.reports).glob("*.html"))}
        else:
            root = Path(scratch)
            books = make_workspace(root)
            for name, (fails, _, _) in cases.items():
                report = out / f"{name}.html"
                ok, status = run_folio(args.folio, root, books / f"{name}.md", report, fails)
                checker.check(name, "folio run", ok, f"exit {status}, {report.name}")
                if ok:
                    reports[name] = report

        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            for name, html in reports.items():
                _, wide, whole = cases.get(name, (False, False, False))
                check_report(page, checker, name, html, out, wide, whole)
            browser.close()
    print(f"screenshots and PDFs in {out}")
    return checker.summary("browser-check")


if __name__ == "__main__":
    sys.exit(main())
