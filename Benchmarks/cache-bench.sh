#!/usr/bin/env bash
# The cell cache on notebooks/mnist.md, on a copy in a temporary folder (its own output/.folio-cache):
#   1. a clean run (no cache), timed;
#   2. a run with --cache that fills the cache;
#   3. five runs with --cache, each after a different prose-only edit: prints their median wall time,
#      and checks that the last one's report and --json record equal a clean run of the same text
#      apart from time stamps and the cached markers;
#   4. epochs: 10 → 11 (the default of the notebook's `epochs` parameter, which its fit cell uses):
#      prints which cells ran, and checks that they are exactly the fit and later cells.
# Usage: swift build -c release && FOLIO_DATA=/path/to/data bash Benchmarks/cache-bench.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
folio=${FOLIO:-$root/.build/release/folio}
[ -x "$folio" ] || { echo "no $folio: build it first (swift build -c release)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$root/notebooks" "$work/notebooks"
cd "$work"
nb=notebooks/mnist.md

seconds() { # runs "$@", prints its wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.3f}')"
}

clean=$(seconds "$folio" run "$nb" -q -o clean0.html)
fill=$(seconds "$folio" run "$nb" -q --cache -o fill.html)
times=()
for word in first second third fourth fifth; do
    sed -i "s/^This notebook is the classic Keras MNIST walkthrough[^,]*,/This notebook is the classic Keras MNIST walkthrough ($word edit),/" "$nb"
    times+=("$(seconds "$folio" run "$nb" --cache -o cached.html --json cached.json)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "clean run (no cache):          ${clean} s"
echo "filling the cache (--cache):   ${fill} s"
echo "after a prose edit (--cache):  ${median} s median of 5 (${times[*]})"

"$folio" run "$nb" -q -o clean.html --json clean.json
python3 - <<'PY'
import json, re, sys
def page(name):
    text = open(name, encoding="utf-8").read()
    text = re.sub(r'\s*<span class="cell-cached"[^>]*>cached</span>', '', text)
    text = re.sub(r'<dt>generated</dt><dd>[^<]*</dd>', '', text)       # the time stamp
    text = re.sub(r'\d+(\.\d+)? ?(s|ms|µs)\b', 'TIME', text)           # "0.52 s", "in 1.3 s"
    return re.sub(r'>\d+\.\d{3}<', '>TIME<', text)                    # the history's seconds column
def record(name):
    data = json.load(open(name))
    data.pop("seconds")
    for cell in data["cells"]:
        cell.pop("seconds"); cell.pop("cached")
    return data
same_report = page("cached.html") == page("clean.html")
same_json = record("cached.json") == record("clean.json")
cached = sum(cell["cached"] for cell in json.load(open("cached.json"))["cells"])
print(f"prose edit: {cached} cells cached; report equal to a clean run's apart from times and markers: "
      f"{'yes' if same_report else 'NO'}; --json equal: {'yes' if same_json else 'NO'}")
sys.exit(0 if same_report and same_json else 1)
PY

grep -q '^  epochs: 10$' "$nb" || { echo "$nb no longer declares epochs: 10 under params:" >&2; exit 2; }
sed -i 's/^  epochs: 10$/  epochs: 11/' "$nb"
"$folio" run "$nb" -q --cache -o epochs.html --json epochs.json
python3 - <<'PY'
import json, sys
cells = json.load(open("epochs.json"))["cells"]
ran = [f'{c["index"]} {c["directive"]}' for c in cells if not c["cached"]]
print("epochs 10 → 11 ran:", ", ".join(ran))
fit = next(c["index"] for c in cells if c["directive"] == "fit")
ok = all(c["cached"] == (c["index"] < fit) for c in cells)
print("exactly the fit and everything after it:", "yes" if ok else "NO")
sys.exit(0 if ok else 1)
PY
