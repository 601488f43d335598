"""What the browser checks share (scripts/browser-check.py, csp-check.py, pad-check.py,
preview-check.py): where things are, a tally of checks, and folio run against the test fixtures."""
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "Tests" / "Fixtures" / "mnist-small"
CHROMIUM = os.environ.get("FOLIO_CHROMIUM", "/usr/bin/chromium")


class Checker:
    """Prints one line per check — PASS or FAIL, what it was about, what was checked, a detail —
    and counts them."""

    def __init__(self, subject_width=14, what_width=34):
        self.passes = 0
        self.failures = 0
        self.widths = (subject_width, what_width)

    def check(self, subject, what, ok, detail=""):
        print(f"{'PASS' if ok else 'FAIL'}  {subject:<{self.widths[0]}} {what:<{self.widths[1]}} {detail}", flush=True)
        if ok:
            self.passes += 1
        else:
            self.failures += 1
        return ok

    def summary(self, script):
        """Prints the tally; the script's exit status (1 when a check failed)."""
        print(f"{script}: {self.passes} passed, {self.failures} failed", flush=True)
        return 1 if self.failures else 0


def fixture_data(root, names=("mnist", "fashion-mnist")):
    """root/data with each dataset name linked to the small MNIST fixture (FOLIO_DATA for folio_env)."""
    data = Path(root) / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name in names:
        (data / name).symlink_to(FIXTURE)
    return data


def folio_env(root):
    """The environment folio runs in: datasets from root/data, its own cache, downloads refused at once."""
    return dict(os.environ, FOLIO_DATA=str(Path(root) / "data"), XDG_CACHE_HOME=str(Path(root) / "cache"),
                FOLIO_DATASET_MIRROR="http://127.0.0.1:9/")
