"""The core runs on the oldest Python it supports (3.11) with the same answers.

The test suite runs on the venv's Python (3.12+, which the site tooling
needs); this runs every rule example through ``check()`` under Python 3.11,
straight from the source tree with no dependencies, and compares the JSON.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from pathlib import Path

from checker import check
from checker.config import Config
from checker.rules import REGISTRY

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import json, sys
from checker import check
from checker.config import Config
cases = json.load(sys.stdin)
out = [check(t, platform=p, kind=k, config=Config(handles=tuple(h))).to_dict()
       for t, p, k, h in cases]
print(json.dumps(out))
"""


def _python311() -> str:
    candidates = [shutil.which("python3.11"), *sorted(glob.glob(os.path.expanduser(
        "~/.pyenv/versions/3.11*/bin/python3.11")))]  # fmt: skip
    for exe in candidates:
        if exe and subprocess.run([exe, "-c", "pass"], capture_output=True).returncode == 0:
            return exe
    raise AssertionError("Python 3.11 is needed to prove the checker runs on it; none found")


def test_every_example_gives_the_same_json_on_python_311() -> None:
    cases = [
        (ex.text, ex.platform, ex.kind, [h.lower().lstrip("@") for h in ex.handles])
        for rule in REGISTRY
        for ex in (*rule.flags, *rule.passes)
    ]
    run = subprocess.run(
        [_python311(), "-I", "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n{SCRIPT}"],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    theirs = json.loads(run.stdout)
    ours = [
        check(t, platform=p, kind=k, config=Config(handles=tuple(h))).to_dict()
        for t, p, k, h in cases
    ]
    assert len(theirs) == len(cases) > 90
    for case, a, b in zip(cases, theirs, ours, strict=True):
        assert a == b, case
