"""MkDocs hook: `make serve` follows edits to the checker and to the hooks.

MkDocs re-reads ``mkdocs.yml`` on every rebuild, but imports each hook file only once per
process (its loader is cached), and the hooks import ``checker``, which Python also keeps.
So without this hook an edited rule would leave its page and the browser's wheel stale
until a restart. This hook watches ``checker/``, ``hooks/`` and ``overrides/`` (the theme
and the browser checker's scripts; MkDocs watches ``docs/`` and ``mkdocs.yml`` itself),
with absolute paths, so a copy of mkdocs.yml elsewhere (a test's fork) still validates.
It makes the rebuild use the edits. Before each rebuild, when a file under ``checker/`` or
``hooks/`` changed since the last one:

1. it re-stages the browser runtime (``scripts/stage_pyodide.py``; its stamps mean a rule
   edit rebuilds only the checker wheel and its bytecode, and a failed stage leaves the
   previous one in place);
2. it forgets every ``checker`` module and every helper module under ``hooks/``, and runs
   each hook file again in its own module object, which is the one MkDocs's cache hands
   back: the configuration that the rebuild loads then registers the new functions.

Both happen before MkDocs loads the configuration for the rebuild, which is why this hook
wraps the server's ``builder`` in ``on_serve`` rather than acting in ``on_config`` (too late:
the events are registered by then). ``mkdocs build`` is untouched: the hook only acts when
serving. An error (a rule that does not parse, a hook that does not run) fails that
rebuild with one plain message; MkDocs then holds requests until a rebuild succeeds, the
stage keeps the last good runtime, and the next save tries again.

Edits to this file itself need a restart of ``make serve``.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT / "checker"
WATCHED = (CHECKER, ROOT / "hooks")  # what feeds the Python this process imported
OTHERS = (ROOT / "overrides",)  # read afresh by every build: a rebuild is enough
STAGE = ROOT / "scripts" / "stage_pyodide.py"
# Names a module keeps when its hook file runs again; the rest is the file's to define.
_KEEP = {"__name__", "__file__", "__spec__", "__loader__", "__package__", "__builtins__"}

log = logging.getLogger(f"mkdocs.hooks.{__name__.replace('/', '.')}")


def fingerprint() -> dict[str, tuple[int, int]]:
    """What the watched sources look like now: each file's change time and size."""
    found = {}
    for folder in WATCHED:
        for path in folder.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _under_watched(module: ModuleType) -> bool:
    file = getattr(module, "__file__", None)
    if not isinstance(file, str):
        return False
    return any(Path(file).resolve().is_relative_to(folder) for folder in WATCHED)


def restage() -> None:
    done = subprocess.run([sys.executable, str(STAGE)], capture_output=True, text=True)
    if done.returncode != 0:
        raise _fail(f"Re-staging the browser checker failed: {done.stderr.strip()}")
    log.info(done.stdout.strip())


def _fail(message: str) -> Abort:
    """Say what is wrong once, plainly; ``Abort`` makes the server skip the traceback."""
    log.error(message)
    return Abort("Aborted the rebuild: fix the error above and save again.")


def reload_sources(hooks: dict[str, ModuleType]) -> None:
    """Forget the checker and hook helpers; run each hook file again in place."""
    own = {id(m) for m in hooks.values()}
    for name, module in list(sys.modules.items()):
        if id(module) not in own and _under_watched(module):
            del sys.modules[name]
    for module in hooks.values():
        if module is sys.modules.get(__name__) or module.__spec__ is None:
            continue  # this file: its wrapper is already installed (restart to change it)
        loader = module.__spec__.loader
        assert loader is not None and module.__file__ is not None
        for key in [k for k in vars(module) if k not in _KEEP]:
            delattr(module, key)  # a function removed from the file must not linger
        # As MkDocs does when it first loads a hook: its folder first on sys.path.
        saved = sys.path.copy()
        sys.path.insert(0, str(Path(module.__file__).parent))
        try:
            loader.exec_module(module)
        except SyntaxError as err:
            raise _fail(f"Reloading {module.__name__} failed: {err}") from None
        except Exception:
            raise _fail(f"Reloading {module.__name__} failed:\n{traceback.format_exc()}") from None
        finally:
            sys.path[:] = saved


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        # Imports would write __pycache__/ under the watched folders: one more rebuild each.
        sys.dont_write_bytecode = True
        # `make serve` has just staged (a no-op then); a bare `mkdocs serve` may not have.
        restage()


def on_serve(server: Any, config: MkDocsConfig, builder: Callable[..., None]) -> Any:
    hooks: dict[str, ModuleType] = dict(config["hooks"])
    seen = fingerprint()

    def rebuild(*args: Any, **kwargs: Any) -> None:
        nonlocal seen
        now = fingerprint()
        changed = {p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p)}
        if changed:
            if any(Path(p).is_relative_to(CHECKER) for p in changed):
                restage()  # the hooks' edits feed the pages only
            reload_sources(hooks)
            seen = now  # only once it all worked: after an error, the next edit retries
        builder(*args, **kwargs)

    for folder in (*WATCHED, *OTHERS):
        server.watch(str(folder))
    # LiveReloadServer calls `server.builder()` for every rebuild.
    server.builder = rebuild
    return server
