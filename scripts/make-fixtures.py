#!/usr/bin/env python3
"""Cut Folio's small, committed test fixtures out of the real MNIST files.

Writes Tests/Fixtures/mnist-small/ with the four standard IDX names, gzip-compressed:
the first 1000 training and the first 200 test images and labels. With --fashion, writes
Tests/Fixtures/fashion-small/ (the first 2000 training and 200 test images of Fashion-MNIST, from
Debian's dataset-fashion-mnist by default) and Tests/Fixtures/photos/: garments from further on in
Fashion-MNIST's test set, enlarged and drawn dark on a light, unevenly lit, slightly noisy
background, like a product photo (named NAME-LABEL.png).
Deterministic: gzip with mtime 0 and no file name (like `gzip -n`), so re-running it
reproduces the committed bytes exactly. Python 3 standard library only.

Usage: scripts/make-fixtures.py [SOURCE_DIR]   (default: $FOLIO_DATA/mnist)
       scripts/make-fixtures.py --fashion [SOURCE_DIR]   (default: /usr/share/datasets/fashion-mnist)
"""
import gzip
import hashlib
import io
import os
import random
import struct
import sys
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(REPO, "Tests", "Fixtures")
COUNTS = {"mnist": {"train": 1000, "t10k": 200}, "fashion": {"train": 2000, "t10k": 200}}
# Fashion-MNIST test images (after the 200 in the fixture) drawn as photos: index, name, label.
PHOTOS = [(310, "trouser", 1), (308, "sneaker", 7), (320, "bag", 8)]


def read_idx(path):
    """Returns (type_code, dims, payload) of a raw or gzip-compressed IDX file."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[0:2] != b"\x00\x00":
        sys.exit(f"{path}: not an IDX file (bad magic)")
    type_code, ndims = data[2], data[3]
    dims = list(struct.unpack(f">{ndims}I", data[4:4 + 4 * ndims]))
    return type_code, dims, data[4 + 4 * ndims:]


def write_idx_gz(path, type_code, dims, payload):
    header = bytes([0, 0, type_code, len(dims)]) + struct.pack(f">{len(dims)}I", *dims)
    raw = header + payload
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as out:
        out.write(raw)
    with open(path, "wb") as handle:
        handle.write(buffer.getvalue())
    return hashlib.sha256(raw).hexdigest()


def find(source, name):
    candidates = [os.path.join(source, name + ".gz"), os.path.join(source, name)]
    path = next((p for p in candidates if os.path.exists(p)), None)
    if path is None:
        sys.exit(f"missing {name}(.gz) in {source}")
    return path


def cut(source, output, counts):
    os.makedirs(output, exist_ok=True)
    for split, count in counts.items():
        for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
            name = f"{split}-{kind}"
            type_code, dims, payload = read_idx(find(source, name))
            item_size = 1
            for d in dims[1:]:
                item_size *= d
            dims = [count] + dims[1:]
            digest = write_idx_gz(os.path.join(output, name + ".gz"), type_code, dims,
                                  payload[:count * item_size])
            print(f"{name}.gz  {dims}  sha256(payload)={digest}")


def write_png(path, width, height, pixels):
    """An 8-bit gray PNG, deterministic."""
    rows = b"".join(b"\x00" + bytes(pixels[y * width:(y + 1) * width]) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def photos(source, output):
    """Each garment 6× larger, dark on a light background lit from the left, with a little noise."""
    os.makedirs(output, exist_ok=True)
    _, _, images = read_idx(find(source, "t10k-images-idx3-ubyte"))
    noise = random.Random(7)
    scale, margin_x, margin_y = 6, 14, 22
    width, height = 28 * scale + 2 * margin_x, 28 * scale + 2 * margin_y
    for index, name, label in PHOTOS:
        garment = images[index * 784:(index + 1) * 784]
        pixels = []
        for y in range(height):
            for x in range(width):
                gx, gy = (x - margin_x) // scale, (y - margin_y) // scale
                value = 250 - garment[gy * 28 + gx] * 0.9 if 0 <= gx < 28 and 0 <= gy < 28 else 250
                value = value * (0.85 + 0.15 * x / width) + noise.gauss(0, 3)
                pixels.append(max(0, min(255, round(value))))
        path = os.path.join(output, f"{name}-{label}.png")
        write_png(path, width, height, pixels)
        print(f"{os.path.relpath(path, REPO)}  {width}x{height}")


def main():
    arguments = sys.argv[1:]
    if arguments[:1] == ["--fashion"]:
        source = arguments[1] if len(arguments) > 1 else "/usr/share/datasets/fashion-mnist"
        cut(source, os.path.join(FIXTURES, "fashion-small"), COUNTS["fashion"])
        photos(source, os.path.join(FIXTURES, "photos"))
        return
    if arguments:
        source = arguments[0]
    elif os.environ.get("FOLIO_DATA"):
        source = os.path.join(os.environ["FOLIO_DATA"], "mnist")
    else:
        sys.exit("usage: scripts/make-fixtures.py SOURCE_DIR (or set FOLIO_DATA to a folder holding mnist/)")
    cut(source, os.path.join(FIXTURES, "mnist-small"), COUNTS["mnist"])


if __name__ == "__main__":
    main()
