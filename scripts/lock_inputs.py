"""Write the dependency groups of pyproject.toml as pip-compile inputs (for ``make lock``).

pip-compile reads requirement files, not PEP 735 dependency groups, so each group
(``test``, ``docs``, ``dev``) becomes ``<folder>/<group>.in``; the lock's comments
then say which group pulled each package in. pyproject.toml stays the one place
where the groups are declared.

    python scripts/lock_inputs.py build/lock
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ("test", "docs", "dev")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: lock_inputs.py FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "dependency-groups"
    ]
    for name in GROUPS:
        requirements = groups[name]
        if not all(isinstance(r, str) for r in requirements):
            print(f"{name}: include-group is not supported here: list it", file=sys.stderr)
            return 2
        (folder / f"{name}.in").write_text("\n".join(requirements) + "\n", encoding="utf-8")
        print(folder / f"{name}.in")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
