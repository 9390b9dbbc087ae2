"""`make serve` follows edits to the checker and to the hooks (hooks/dev_loop.py).

Runs the real ``mkdocs serve`` in a copy of the repository, edits the copy the way a
writer would, and waits (polling the served site, with a deadline) for each edit to show:
a rule's new summary on its page and in the wheel the browser loads, a hook's new code
on the next page it builds, and a broken rule failing a rebuild without taking down the
site (MkDocs holds requests until a rebuild succeeds), then recovering on the next edit.
"""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from repo_copy import copy_repo, env, mark_rule_summary, stage

from checker.rules import REGISTRY

RULE = REGISTRY[0].name
DEADLINE_S = 240  # a rebuild re-stages the wheel (Pyodide under Node): slow on a busy CI box


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        assert isinstance(port, int)
        return port


class Served:
    def __init__(self, copy: Path, proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.copy, self.proc, self.log = copy, proc, log
        self.base = f"http://127.0.0.1:{port}/handbook/"

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.base + path, timeout=30) as response:
            body = response.read()
            assert isinstance(body, bytes)
            return body

    def text(self, path: str) -> str:
        return self.get(path).decode("utf-8")

    def wait_for(self, what: str, ready: Callable[[], bool]) -> None:
        """Poll until ``ready()``: the server rebuilds in its own time."""
        deadline = time.monotonic() + DEADLINE_S
        while True:
            assert self.proc.poll() is None, f"mkdocs serve died:\n{self.output()}"
            try:
                if ready():
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass  # not serving yet
            assert time.monotonic() < deadline, f"never saw {what}:\n{self.output()}"
            time.sleep(0.2)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-6000:]

    def served_wheel(self) -> zipfile.ZipFile:
        config = json.loads(self.get("assets/checker/config.json"))["pyodide"]
        lock = json.loads(self.get(config["lockFileURL"]))
        entry = lock["packages"][config["packages"][0]]
        folder = config["lockFileURL"].rsplit("/", 1)[0]
        return zipfile.ZipFile(io.BytesIO(self.get(f"{folder}/{entry['file_name']}")))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    copy = copy_repo(tmp_path_factory.mktemp("dev-loop") / "repo")
    staged = stage(copy)  # what `make serve` does first
    assert staged.returncode == 0, staged.stderr
    port = _free_port()
    log = copy / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
            cwd=copy,
            env=env(copy),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Served(copy, proc, port, log)
    try:
        server.wait_for("the first build", lambda: RULE in server.text(f"rules/{RULE}/"))
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wheel_text(wheel: zipfile.ZipFile) -> bytes:
    return b"".join(wheel.read(n) for n in wheel.namelist() if n.endswith(".pyc"))


def test_a_rule_edit_reaches_its_page_and_the_browsers_wheel(served: Served) -> None:
    marker = "Dev-loop marker one."
    assert marker not in served.text(f"rules/{RULE}/")
    assert marker.encode() not in _wheel_text(served.served_wheel())
    mark_rule_summary(served.copy, RULE, marker)

    served.wait_for(
        "the new summary on the rule page", lambda: marker in served.text(f"rules/{RULE}/")
    )
    served.wait_for(
        "the new summary in the served wheel",
        lambda: marker.encode() in _wheel_text(served.served_wheel()),
    )
    assert "staged wheel" in served.output()  # the stage rebuilt the wheel only


def test_a_hook_edit_takes_effect_and_a_second_one_replaces_it(served: Served) -> None:
    hook = served.copy / "hooks" / "platform_tables.py"
    original = hook.read_text(encoding="utf-8")

    def add_footer(word: str) -> None:
        hook.write_text(
            original
            + "\n\ndef on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:\n"
            + f'    return output.replace("</body>", "<!-- {word} --></body>")\n',
            encoding="utf-8",
        )

    add_footer("hook-edit-one")
    served.wait_for("the first hook edit", lambda: "hook-edit-one" in served.text(""))
    add_footer("hook-edit-two")
    served.wait_for("the second hook edit", lambda: "hook-edit-two" in served.text(""))
    assert "hook-edit-one" not in served.text("")
    hook.write_text(original, encoding="utf-8")  # a removed event is gone, not kept
    served.wait_for("the hook edit undone", lambda: "hook-edit-two" not in served.text(""))


def test_a_broken_rule_fails_the_rebuild_and_the_next_edit_recovers(served: Served) -> None:
    source = mark_rule_summary(served.copy, RULE, "Dev-loop marker two.")
    fine = source.read_text(encoding="utf-8")
    source.write_text(fine + "\ndef (:\n", encoding="utf-8")
    served.wait_for(
        "the failed rebuild", lambda: "An error happened during the rebuild" in served.output()
    )
    failure = served.output()
    assert (
        "Re-staging the browser checker failed: stage_pyodide: error: "
        f"{source.relative_to(served.copy).as_posix()}" in failure
    )
    assert "Traceback" not in failure  # one plain message

    source.write_text(fine, encoding="utf-8")
    served.wait_for(
        "the recovered rule page", lambda: "Dev-loop marker two." in served.text(f"rules/{RULE}/")
    )
