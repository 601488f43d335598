#!/usr/bin/env python3
"""Checks the reports' "Try the model" pad against Folio's own engine, in Debian's Chromium.

Runs the built `folio` over small notebooks on Tests/Fixtures/mnist-small in a scratch folder: a dense
MLP (dropout, relu, tanh, sigmoid, leaky_relu, softmax), a CNN (conv2d same and valid with stride 2,
maxpool, batchnorm, a standalone activation), a Fashion-MNIST MLP and one without a model. Then, with Python playwright
driving /usr/bin/chromium:

  - `window.folio.classify` on the fixture's first test images (read from the IDX file) gives the
    probabilities that Folio's own `predict` gives for the same pixels saved as 28x28 PNG files with
    `center: false` and `invert: false` (a plain 28 -> 28 resize: the identity), within 1e-4;
  - a synthetic stroke sequence drawn on the pad with the mouse: the page's 28x28 image is, within one
    gray level, what `predict` (`center: auto`) makes of the pad's canvas saved as PNG (toDataURL);
  - `window.folio.prepare` of the fixture's drawn digits (and, for the Fashion-MNIST model, of its
    garment photos) gives, within one gray level, the inputs `predict` shows for them;
  - the pad fits a 390-px viewport without page scroll;
  - with JavaScript disabled the pad stays hidden and a <noscript> line says why;
  - a report without a drawable model has no <script> and no pad;
  - the walkthroughs notebooks/mnist.md, mnist-cnn.md and compare.md (one epoch per fit) each carry a
    pad whose `classify` gives `predict`'s probabilities for the same images, within 1e-4, and a
    contents entry "Try the model" that shows only when the script runs.

Prints one line per check, leaves screenshots in the output folder, exits 1 when any check fails.

Usage: scripts/pad-check.py [--folio .build/debug/folio] [--out output/pad-check]
Needs: chromium (apt) and playwright (pip) -- scripts/bootstrap.sh installs both.
"""
import argparse
import base64
import functools
import gzip
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from check_support import CHROMIUM, FIXTURE, REPO, Checker, fixture_data, folio_env

DRAWN = REPO / "Tests" / "Fixtures" / "drawn"
PHOTOS = REPO / "Tests" / "Fixtures" / "photos"
TOLERANCE = 1e-4
IMAGES = 40

FIT = """```fit
optimizer: adam
loss: {loss}
epochs: 1
batch_size: 100
```
"""
PREDICTS = """```predict
image: pngs/
center: false
invert: false
```

```predict
image: drawn/
```

```predict
image: drawn.png
```
"""
MLP = """---
title: Pad check, dense
seed: 3
---
```load
dataset: mnist
```
```preprocess
flatten: true
scale: 255
one_hot: 10
```
```build
dense 24 relu input=784
dropout 0.3
dense 16 tanh
dense 12 leaky_relu
dense 12 sigmoid
leaky_relu 0.1
dense 10 softmax
```
""" + FIT.format(loss="categorical_crossentropy") + PREDICTS
CNN = """---
title: Pad check, convolutions
seed: 5
---
```load
dataset: mnist
```
```preprocess
reshape: 28x28x1
scale: 255
```
```build
conv2d 6 3 relu padding=same input=28x28x1
conv2d 8 3 leaky_relu stride=2
maxpool 2
batchnorm
tanh
conv2d 8 2 padding=same stride=2
flatten
dropout 0.2
dense 10 softmax
```
""" + FIT.format(loss="sparse_categorical_crossentropy") + PREDICTS
FASHION = """---
title: Pad check, garments
seed: 7
---
```load
dataset: fashion-mnist
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
""" + FIT.format(loss="categorical_crossentropy") + """
```predict
image: photos/
```
"""
NO_MODEL = """---
title: Pad check, no model
seed: 1
---
Only data: no pad, no script.
```load
dataset: mnist
```
"""
# A "7" and a "3"-like curve, in fractions of the pad's side.
STROKES = [
    [(0.25, 0.22), (0.45, 0.21), (0.70, 0.22), (0.62, 0.40), (0.52, 0.60), (0.45, 0.80)],
    [(0.38, 0.50), (0.50, 0.49), (0.62, 0.50)],
]


@functools.lru_cache(maxsize=None)
def idx_images(count):
    """The first `count` test images of the fixture, 784 bytes each (white ink on black)."""
    data = gzip.open(FIXTURE / "t10k-images-idx3-ubyte.gz").read()
    rows, columns = struct.unpack(">II", data[8:16])
    assert (rows, columns) == (28, 28)
    return [list(data[16 + i * 784:16 + (i + 1) * 784]) for i in range(count)]


def png_gray(width, height, pixels):
    """An 8-bit grayscale PNG of `pixels` (row-major)."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(pixels[y * width:(y + 1) * width]) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def png_gray_pixels(data):
    """Pixels of an 8-bit grayscale, non-interlaced PNG (as Folio's PNGEncoder writes them)."""
    position, idat, width = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color == 0, "expected 8-bit gray"
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw, pixels, previous = zlib.decompress(idat), [], [0] * width
    for y in range(height):
        kind, line = raw[y * (width + 1)], list(raw[y * (width + 1) + 1:(y + 1) * (width + 1)])
        for x in range(width):
            left = line[x - 1] if x else 0
            up, corner = previous[x], previous[x - 1] if x else 0
            if kind == 1: line[x] = (line[x] + left) & 255
            elif kind == 2: line[x] = (line[x] + up) & 255
            elif kind == 3: line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        pixels += line
        previous = line
    return pixels


def run_folio(folio, root, notebook, report, record=None):
    env = folio_env(root)
    command = [str(folio), "run", str(notebook), "-o", str(report)] + (["--json", str(record)] if record else [])
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
    return result.returncode


def engine_inputs(report_html):
    """The 28x28 model inputs each predict cell of the report shows, cell by cell: the pngs/ grid,
    the drawn/ grid, then the single drawing's picture and input."""
    cells = report_html.split('<section class="cell')[1:]
    result = []
    for cell in cells:
        cell = cell.split('id="try-the-model"')[0]
        if 'class="cell-directive">predict<' not in cell:
            continue
        uris = re.findall(r'data:image/png;base64,([A-Za-z0-9+/=]+)', cell)
        result.append([p for p in (png_gray_pixels(base64.b64decode(u)) for u in uris) if len(p) == 784])
    return result


def drawn_fixtures(folder=DRAWN):
    """The fixture's drawn digits (or garment photos): (name, width, height, gray pixels), in name order."""
    result = []
    for path in sorted(folder.glob("*.png")):
        data = path.read_bytes()
        width, height = struct.unpack(">II", data[16:24])
        result.append((path.name, width, height, png_gray_pixels(data)))
    return result


def draw(page):
    page.locator("#folio-pad-canvas").scroll_into_view_if_needed()
    box = page.locator("#folio-pad-canvas").bounding_box()
    for stroke in STROKES:
        x, y = stroke[0]
        page.mouse.move(box["x"] + x * box["width"], box["y"] + y * box["height"])
        page.mouse.down()
        for x, y in stroke[1:]:
            page.mouse.move(box["x"] + x * box["width"], box["y"] + y * box["height"], steps=6)
        page.mouse.up()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def check_pad(browser, folio, root, name, notebook_text, out, checker):
    books = root / "notebooks"
    notebook = books / f"{name}.md"
    notebook.write_text(notebook_text)
    images = idx_images(IMAGES)
    # First run: the drawing does not exist yet, so the notebook predicts a test image in its place.
    (books / "drawn.png").write_bytes(png_gray(28, 28, images[0]))
    report, record = out / f"{name}.html", out / f"{name}.json"
    status = run_folio(folio, root, notebook, report, record)
    checker.check(name, "folio run", status == 0, f"exit {status}")
    if status != 0:
        return
    predictions = json.loads(record.read_text())["predictions"][:IMAGES]
    inputs = engine_inputs(report.read_text())
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(report.resolve().as_uri())
    ready = page.evaluate("() => !!(window.folio && window.folio.classify)")
    checker.check(name, "window.folio.classify", ready, "present" if ready else "missing")
    if not ready:
        return
    page_probabilities = page.evaluate("(images) => images.map(p => window.folio.classify(p))", images)
    worst = max(abs(a - b) for mine, theirs in zip(page_probabilities, predictions)
                for a, b in zip(mine, theirs["probabilities"]))
    checker.check(name, f"classify = predict ({IMAGES} images)",
                  len(predictions) == IMAGES and worst <= TOLERANCE, f"largest difference {worst:.2e}")

    fixtures = drawn_fixtures()
    prepared = page.evaluate("(images) => images.map(i => window.folio.prepare(i[3], i[1], i[2]))", fixtures)
    engine = inputs[1] if len(inputs) == 3 else []
    differences = [max(abs(a - b) for a, b in zip(mine, theirs)) if mine else 999 for mine, theirs in zip(prepared, engine)]
    checker.check(name, f"prepare = predict's ({len(fixtures)} drawn)",
                  len(engine) == len(fixtures) and max(differences) <= 1,
                  f"largest difference per image {differences} gray levels")

    draw(page)
    seen = page.evaluate("() => window.folio.drawnImage()")
    canvas = page.evaluate("() => document.getElementById('folio-pad-canvas').toDataURL('image/png')")
    page.locator("#try-the-model").screenshot(path=str(out / f"{name}-pad-1280.png"))
    (books / "drawn.png").write_bytes(base64.b64decode(canvas.split(",", 1)[1]))
    status = run_folio(folio, root, notebook, report)
    engine = engine_inputs(report.read_text())[-1][-1] if status == 0 else None
    if seen is None or engine is None:
        checker.check(name, "drawn image = predict's", False, f"page {'none' if seen is None else 'ok'}, "
                      f"engine {'none' if engine is None else 'ok'} (exit {status})")
    else:
        difference = max(abs(a - b) for a, b in zip(seen, engine))
        checker.check(name, "drawn image = predict's (±1)", difference <= 1,
                      f"largest difference {difference} gray levels, {sum(1 for v in seen if v)} ink pixels")
    bars = page.evaluate("() => [...document.querySelectorAll('.pad-percent')].map(e => e.textContent)")
    checker.check(name, "bars updated while drawing", all("%" in b for b in bars), " ".join(bars[:10]))
    checker.check(name, "no page errors", not errors, "; ".join(errors)[:200] or "none")

    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(report.resolve().as_uri())
    fit = page.evaluate("""() => { const pad = document.getElementById('try-the-model').getBoundingClientRect();
        return {scroll: document.documentElement.scrollWidth, right: pad.right}; }""")
    page.locator("#try-the-model").scroll_into_view_if_needed()
    page.screenshot(path=str(out / f"{name}-pad-390.png"), full_page=False)
    checker.check(name, "pad fits 390 px", fit["scroll"] <= 390 and fit["right"] <= 390,
                  f"page scrollWidth {fit['scroll']}, pad right edge {fit['right']:.0f}")
    page.close()

    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    quiet = context.new_page()
    quiet.goto(report.resolve().as_uri())
    visible = quiet.locator("#try-the-model").is_visible()
    canvas_visible = quiet.locator("#folio-pad-canvas").is_visible()
    note = quiet.locator("noscript").count()
    checker.check(name, "script off: no broken pad", not visible and not canvas_visible and note == 1,
                  f"pad {'visible' if visible else 'hidden'}, {note} noscript line")
    context.close()


def check_walkthrough(browser, folio, root, name, out, checker):
    """A walkthrough as shipped (one epoch per fit), with a last cell that predicts the fixture's test
    images: its pad classifies them as the engine does."""
    text = re.sub(r"(?m)^( *)epochs: \d+$", r"\1epochs: 1", (REPO / "notebooks" / f"{name}.md").read_text())
    notebook = root / "notebooks" / f"walkthrough-{name}.md"
    notebook.write_text(text + "\n```predict\nimage: pngs/\ncenter: false\ninvert: false\n```\n")
    report, record = out / f"walkthrough-{name}.html", out / f"walkthrough-{name}.json"
    status = run_folio(folio, root, notebook, report, record)
    subject = f"{name}.md"
    checker.check(subject, "folio run", status == 0, f"exit {status}")
    if status != 0:
        return
    predictions = json.loads(record.read_text())["predictions"][-IMAGES:]
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(report.resolve().as_uri())
    ready = page.evaluate("() => !!(window.folio && window.folio.classify)")
    if not checker.check(subject, "window.folio.classify", ready, "present" if ready else "missing"):
        return
    page_probabilities = page.evaluate("(images) => images.map(p => window.folio.classify(p))", idx_images(IMAGES))
    worst = max(abs(a - b) for mine, theirs in zip(page_probabilities, predictions)
                for a, b in zip(mine, theirs["probabilities"]))
    checker.check(subject, f"classify = predict ({IMAGES} images)",
                  len(predictions) == IMAGES and worst <= TOLERANCE and not errors,
                  f"largest difference {worst:.2e}" + (f"; page errors: {'; '.join(errors)[:200]}" if errors else ""))
    entry = 'nav.toc a[href="#try-the-model"]'
    shown = page.locator(entry).is_visible()
    page.close()
    context = browser.new_context(java_script_enabled=False)
    quiet = context.new_page()
    quiet.goto(report.resolve().as_uri())
    hidden = quiet.locator(entry).count() == 1 and not quiet.locator(entry).is_visible()
    context.close()
    checker.check(subject, "contents link to the pad", shown and hidden,
                  f"{'shown' if shown else 'missing'} with script, {'hidden' if hidden else 'shown'} without")


def check_garments(browser, folio, root, out, checker):
    """A Fashion-MNIST model's pad prepares pictures with Fashion-MNIST's conversion, as predict does."""
    notebook = root / "notebooks" / "fashion.md"
    notebook.write_text(FASHION)
    report = out / "fashion.html"
    status = run_folio(folio, root, notebook, report)
    checker.check("fashion", "folio run", status == 0, f"exit {status}")
    if status != 0:
        return
    photos = drawn_fixtures(PHOTOS)
    engine = engine_inputs(report.read_text())[0]
    page = browser.new_page()
    page.goto(report.resolve().as_uri())
    prepared = page.evaluate("(images) => images.map(i => window.folio.prepare(i[3], i[1], i[2]))", photos)
    differences = [max(abs(a - b) for a, b in zip(mine, theirs)) if mine else 999 for mine, theirs in zip(prepared, engine)]
    checker.check("fashion", f"prepare = predict's ({len(photos)} photos)",
                  len(engine) == len(photos) and differences and max(differences) <= 1,
                  f"largest difference per image {differences} gray levels")
    page.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folio", default=str(REPO / ".build" / "debug" / "folio"))
    parser.add_argument("--out", default=str(REPO / "output" / "pad-check"))
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    checker = Checker(13, 34)
    with tempfile.TemporaryDirectory(prefix="folio-pad-") as scratch:
        root = Path(scratch)
        fixture_data(root)
        books = root / "notebooks"
        (books / "pngs").mkdir(parents=True)
        (books / "drawn").mkdir()
        (books / "photos").mkdir()
        for path in PHOTOS.glob("*.png"):
            (books / "photos" / path.name).write_bytes(path.read_bytes())
        shutil.copytree(REPO / "notebooks" / "images", books / "images", dirs_exist_ok=True)
        for path in DRAWN.glob("*.png"):
            (books / "drawn" / path.name).write_bytes(path.read_bytes())
        for index, pixels in enumerate(idx_images(IMAGES)):
            (books / "pngs" / f"image{index:03d}.png").write_bytes(png_gray(28, 28, pixels))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            check_pad(browser, Path(args.folio).resolve(), root, "mlp", MLP, out, checker)
            check_pad(browser, Path(args.folio).resolve(), root, "cnn", CNN, out, checker)
            check_garments(browser, Path(args.folio).resolve(), root, out, checker)
            for name in ("mnist", "mnist-cnn", "compare"):
                check_walkthrough(browser, Path(args.folio).resolve(), root, name, out, checker)
            browser.close()
        plain = books / "plain.md"
        plain.write_text(NO_MODEL)
        status = run_folio(Path(args.folio).resolve(), root, plain, out / "plain.html")
        html = (out / "plain.html").read_text() if status == 0 else ""
        checker.check("plain", "no model: no pad, no script", status == 0 and "<script" not in html
                      and "try-the-model" not in html, f"exit {status}")
    return checker.summary("pad-check")


if __name__ == "__main__":
    sys.exit(main())
