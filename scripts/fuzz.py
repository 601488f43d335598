#!/usr/bin/env python3
"""Mutation fuzzing of `folio check` and small `folio run`s (scripts/fuzz.sh SECONDS).

Seeds: the three walkthroughs (notebooks/mnist.md, notebooks/mnist-cnn.md, notebooks/compare.md),
notebooks/digits.md and Tests/Fixtures/architecture-example.md, with every `epochs:` forced to 1. Each input is a seed with
one to four mutations: byte flips, line splices (from any seed), fences, deep nesting, NULs, invalid
UTF-8, bracket runs. The datasets come from $FOLIO_DATA, a folder whose mnist/ and fashion-mnist/
link to the test fixtures; downloads go to a closed local port, so they fail at once.

A failure — a crash (signal, or exit status above 3), a hang past the time limit, exit 2 with a
report written, or exit 0/1 without a complete report (ending with </html>) — is kept under
output/fuzz/ with a note, and the script exits 1. It prints the executions and the slowest input.

A busy machine (CI, other builds) can stall any process for seconds, so an input that passes the
time limit is run once more before it counts as a hang, and this time its CPU time is what counts:
it hangs if it spends over HANG_SECONDS of CPU (a loop) or does not end within RETRY_WALL_SECONDS at
all (a blocked wait). On an idle machine both measures agree. Retries are counted and printed.
"""
import os
import random
import resource
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = ["notebooks/mnist.md", "notebooks/mnist-cnn.md", "notebooks/compare.md", "notebooks/digits.md",
         "Tests/Fixtures/architecture-example.md"]
HANG_SECONDS = 5.0
RETRY_WALL_SECONDS = 6 * HANG_SECONDS   # a retry's wall-clock limit; its CPU limit stays HANG_SECONDS
RUN_EVERY = 8   # one `folio run` per this many executions; the rest are `folio check`


def load_seeds():
    seeds = []
    for path in SEEDS:
        with open(os.path.join(ROOT, path), "rb") as handle:
            seeds.append(re.sub(rb"epochs:\s*\d+", b"epochs: 1", handle.read()))
    return seeds


def mutate(data, seeds, rng):
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(9)
        at = rng.randrange(len(lines) + 1)
        if kind == 0 and data:   # byte flips
            raw = bytearray(b"\n".join(lines))
            for _ in range(rng.randint(1, 8)):
                raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
            lines = bytes(raw).split(b"\n")
        elif kind == 1:          # a line spliced in from any seed
            donor = rng.choice(seeds).split(b"\n")
            start = rng.randrange(len(donor))
            lines[at:at] = donor[start:start + rng.randint(1, 6)]
        elif kind == 2 and lines:  # lines dropped
            del lines[at:at + rng.randint(1, 4)]
        elif kind == 3:          # a fence, maybe a directive one, maybe never closed
            fence = rng.choice([b"```", b"~~~", b"````", b"```fit", b"```build", b"```load", b"```text", b"```plot"])
            lines[at:at] = [fence]
        elif kind == 4:          # deep nesting, around the limit
            marker = rng.choice([b"- ", b"> ", b"1. ", b"* ", b"> - "])
            lines[at:at] = [marker * rng.randint(1, 160) + b"x"]
        elif kind == 5:          # NULs
            line = lines[at - 1] if at else b""
            cut = rng.randrange(len(line) + 1)
            lines[at - 1 if at else 0:at if at else 0] = [line[:cut] + b"\0" + line[cut:]]
        elif kind == 6:          # invalid UTF-8
            bad = rng.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"])
            lines[at:at] = [b"text " + bad + b" more"]
        elif kind == 7:          # link and image openers
            lines[at:at] = [rng.choice([b"![[]()", b"[", b"[a](b)", b"!["]) * rng.randint(1, 700)]
        else:                    # terminal control characters
            lines[at:at] = [rng.choice([b"\x1b]0;title\x07", b"\x1b[2J", b"\xc2\x9b2J", b"\x7f"]) + b" prose"]
    result = b"\n".join(lines)
    return re.sub(rb"epochs:\s*\d+", b"epochs: 1", result)


def prepare(work):
    data = os.path.join(work, "data")
    os.makedirs(data, exist_ok=True)
    for name, fixture in [("mnist", "mnist-small"), ("fashion-mnist", "fashion-small")]:
        link = os.path.join(data, name)
        if not os.path.lexists(link):
            os.symlink(os.path.join(ROOT, "Tests/Fixtures", fixture), link)
    images = os.path.join(work, "images")
    if not os.path.exists(images):
        shutil.copytree(os.path.join(ROOT, "notebooks/images"), images)
    environment = dict(os.environ, FOLIO_DATA=data, FOLIO_DATASET_MIRROR="http://127.0.0.1:9/", HOME=work)
    return environment


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def execute(binary, arguments, work, environment, wall_limit=HANG_SECONDS):
    """(exit status or None when over the limit, wall seconds, CPU seconds, stderr) of one run."""
    started, cpu_before = time.monotonic(), children_cpu_seconds()
    try:
        done = subprocess.run([binary] + arguments, cwd=work, env=environment, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=wall_limit)
        status, stderr = done.returncode, done.stderr
    except subprocess.TimeoutExpired as expired:
        status, stderr = None, expired.stderr or b""
    return status, time.monotonic() - started, children_cpu_seconds() - cpu_before, stderr


def execute_fresh(binary, arguments, work, environment, report, wall_limit=HANG_SECONDS):
    """`execute`, with no report left from an earlier attempt."""
    if os.path.exists(report):
        os.remove(report)
    return execute(binary, arguments, work, environment, wall_limit)


def verdict(command, status, report):
    if status is None:
        return "hang (over %.0f s twice; the second time over %.0f s of CPU or %.0f s in all)" % (
            HANG_SECONDS, HANG_SECONDS, RETRY_WALL_SECONDS)
    if status < 0:
        return "crash (signal %d)" % -status
    if status > 3:
        return "crash (exit %d)" % status
    if command == "run":
        written = os.path.exists(report)
        if status == 2 and written:
            return "exit 2 with a report written"
        if status in (0, 1):
            if not written:
                return "exit %d without a report" % status
            with open(report, "rb") as handle:
                if not handle.read().rstrip().endswith(b"</html>"):
                    return "exit %d with an incomplete report" % status
    return None


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    binary = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(ROOT, ".build/release/folio")
    rng = random.Random(int(os.environ.get("FUZZ_SEED", time.time())))
    out = os.path.join(ROOT, "output/fuzz")
    work = os.path.join(out, "work")
    os.makedirs(work, exist_ok=True)
    environment = prepare(work)
    seeds = load_seeds()
    executions, failures, retries = 0, 0, 0
    statuses = {}
    slowest_by_command = {}
    slowest = (0.0, "", b"")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(rng.choice(seeds), seeds, rng)
        command = "run" if executions % RUN_EVERY == RUN_EVERY - 1 else "check"
        notebook = os.path.join(work, "input.md")
        report = os.path.join(work, "report.html")
        with open(notebook, "wb") as handle:
            handle.write(data)
        arguments = ["check", "input.md"] if command == "check" else ["run", "input.md", "-o", "report.html", "-q"]
        status, elapsed, cpu, stderr = execute_fresh(binary, arguments, work, environment, report)
        if status is None:
            retries += 1
            print("slow: folio %s passed %.0f s (%.2f s, CPU %.2f s); running it again" % (command, HANG_SECONDS, elapsed, cpu),
                  flush=True)
            status, elapsed, cpu, stderr = execute_fresh(binary, arguments, work, environment, report, RETRY_WALL_SECONDS)
            if status is not None and cpu > HANG_SECONDS:
                status = None
        executions += 1
        key = "%s %s" % (command, "hang" if status is None else status)
        statuses[key] = statuses.get(key, 0) + 1
        slowest_by_command[command] = max(slowest_by_command.get(command, 0.0), elapsed)
        if elapsed > slowest[0]:
            slowest = (elapsed, command, data)
        problem = verdict(command, status, report)
        if problem:
            failures += 1
            kept = os.path.join(out, "failure-%d.md" % failures)
            with open(kept, "wb") as handle:
                handle.write(data)
            with open(kept + ".txt", "w") as handle:
                handle.write("folio %s: %s after %.2f s (CPU %.2f s)\n%s\n" % (command, problem, elapsed, cpu,
                                                                            stderr.decode("utf-8", "replace")))
            print("FAIL folio %s: %s (input kept: %s)" % (command, problem, os.path.relpath(kept, ROOT)), flush=True)
    with open(os.path.join(out, "slowest.md"), "wb") as handle:
        handle.write(slowest[2])
    print("executions: %d (one run per %d), failures: %d, hang retries: %d, slowest: folio %s %.2f s (output/fuzz/slowest.md)"
          % (executions, RUN_EVERY, failures, retries, slowest[1], slowest[0]))
    print("slowest per command: " + ", ".join("%s %.2f s" % item for item in sorted(slowest_by_command.items())))
    print("exit statuses: " + ", ".join("%s: %d" % item for item in sorted(statuses.items())))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
