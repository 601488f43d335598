#!/usr/bin/env python3
"""Cut Folio's small, committed test fixtures out of the real MNIST files.

Writes Tests/Fixtures/mnist-small/ with the four standard IDX names, gzip-compressed:
the first 1000 training and the first 200 test images and labels.
Deterministic: gzip with mtime 0 and no file name (like `gzip -n`), so re-running it
reproduces the committed bytes exactly. Python 3 standard library only.

Usage: scripts/make-fixtures.py [SOURCE_DIR]   (default: $FOLIO_DATA/mnist)
"""
import gzip
import hashlib
import io
import os
import struct
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(REPO, "Tests", "Fixtures", "mnist-small")
COUNTS = {"train": 1000, "t10k": 200}


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


def main():
    if len(sys.argv) > 1:
        source = sys.argv[1]
    elif os.environ.get("FOLIO_DATA"):
        source = os.path.join(os.environ["FOLIO_DATA"], "mnist")
    else:
        sys.exit("usage: scripts/make-fixtures.py SOURCE_DIR (or set FOLIO_DATA to a folder holding mnist/)")
    os.makedirs(OUTPUT, exist_ok=True)
    for split, count in COUNTS.items():
        for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
            name = f"{split}-{kind}"
            candidates = [os.path.join(source, name + ".gz"), os.path.join(source, name)]
            path = next((p for p in candidates if os.path.exists(p)), None)
            if path is None:
                sys.exit(f"missing {name}(.gz) in {source}")
            type_code, dims, payload = read_idx(path)
            item_size = 1
            for d in dims[1:]:
                item_size *= d
            dims = [count] + dims[1:]
            digest = write_idx_gz(os.path.join(OUTPUT, name + ".gz"), type_code, dims,
                                  payload[:count * item_size])
            print(f"{name}.gz  {dims}  sha256(payload)={digest}")


if __name__ == "__main__":
    main()
