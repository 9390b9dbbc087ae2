"""The ``etiquette`` command: a thin shell around ``check()``.

It reads the draft and the team's settings, calls the pure core and prints
what ``checker.render`` makes of the result (or the JSON of schema 1). Every
problem with the input is one line on stderr and exit status 2; a check with
an error-level finding exits 1.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, NoReturn

from checker import __version__, audit_cli, formats, render
from checker.config import (
    Config,
    ConfigError,
    check_handles,
    check_kind,
    check_platform,
    merge,
    mkdocs_settings,
    parse_config,
    parse_toml,
)
from checker.counts import counts
from checker.drafts_files import DraftFile, DraftFileError, prepare
from checker.engine import UnknownKind, check
from checker.formats import Checked
from checker.glance import glance
from checker.model import KINDS, SCHEMA, Severity
from checker.platforms import PLATFORMS, UnknownPlatform
from checker.rules import BY_NAME, REGISTRY
from checker.rules.base import Rule
from checker.split import THREADED, split_thread

PROG = "etiquette"
DRAFT_GLOBS = ("*.md", "*.txt")
MARKDOWN_SUFFIXES = (".md", ".markdown")
CHECK_FORMATS = ("text", "json", "json-lines", "github", "sarif")
DEFAULT_CONFIG = "etiquette.toml"
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

CONFIG_HELP = f"""\
settings:
  --config FILE reads the team's settings from FILE: a TOML file such as
  {DEFAULT_CONFIG}, or a mkdocs.yml whose extra.checker mapping holds the
  same keys (needs PyYAML). Without --config, {DEFAULT_CONFIG} in the
  current directory is used if there is one; otherwise the defaults apply
  (platform x, kind post, every rule on). Flags on the command line win
  over the file; --handle adds to the file's handles.
"""


class UsageError(Exception):
    """Bad usage or input: becomes one line on stderr and exit status 2."""


class _Parser(argparse.ArgumentParser):
    # argparse's own error prints the usage too; one clear line reads better.
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog=PROG,
        description="Check a draft social media post against the Social Etiquette Handbook.",
        epilog=f"Run '{PROG} COMMAND --help' for a command's options.\n\n{CONFIG_HELP}",
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    shared = _Parser(add_help=False)
    shared.add_argument(
        "--config", metavar="FILE", help=f"team settings (default: ./{DEFAULT_CONFIG} if present)"
    )
    shared.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: when printing to a terminal and NO_COLOR is unset)",
    )

    check_cmd = commands.add_parser(
        "check",
        parents=[shared],
        help="check a draft",
        description="Check drafts (files, folders of them, or standard input) and list what "
        "to improve.\nA draft file may open with front matter between --- lines (platform, "
        "kind, handles, cw);\na .md draft is checked as the text you would paste.\n"
        "Exit status: 0 no error-level finding, 1 at least one, 2 bad usage or input.",
        epilog=CONFIG_HELP,
        formatter_class=formatter,
    )
    check_cmd.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="draft files, or folders to search for them (see --glob); "
        "'-' or nothing: standard input",
    )
    check_cmd.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"which files a folder's drafts are (repeatable; default: {' '.join(DRAFT_GLOBS)})",
    )
    check_cmd.add_argument(
        "--platform", metavar="P", help=f"where it will be posted: {', '.join(PLATFORMS)}"
    )
    check_cmd.add_argument(
        "--kind",
        metavar="KIND",
        help=f"what it is: {', '.join(KINDS)} (a thread's posts are separated by a '---' line)",
    )
    check_cmd.add_argument(
        "--handle",
        action="append",
        default=[],
        metavar="@NAME",
        help="your own handle (repeat for several); used by rules such as vanity-retweet",
    )
    check_cmd.add_argument(
        "--cw",
        default="",
        metavar="TEXT",
        help="the post's content warning (Mastodon counts it toward the limit)",
    )
    check_cmd.add_argument(
        "--linkedin-premium",
        action="store_true",
        default=None,
        help="you have LinkedIn Premium: invitation notes hold 300 characters, not 200",
    )
    check_cmd.add_argument(
        "--format",
        choices=CHECK_FORMATS,
        default="text",
        help="text (for people), json (schema 1), json-lines (a finding a line), "
        "github (workflow annotations, and a summary in $GITHUB_STEP_SUMMARY), sarif (2.1.0)",
    )

    rules_cmd = commands.add_parser(
        "rules",
        parents=[shared],
        help="list the rules",
        description="List every rule: name, pillar, severity, summary and guide page.",
        epilog=CONFIG_HELP,
        formatter_class=formatter,
    )
    rules_cmd.add_argument("--format", choices=("text", "json"), default="text")

    explain_cmd = commands.add_parser(
        "explain",
        parents=[shared],
        help="explain one rule",
        description="What a rule flags, why, how to fix it, examples, how to switch it off.",
        epilog=CONFIG_HELP,
        formatter_class=formatter,
    )
    explain_cmd.add_argument("rule", metavar="RULE", help="a rule name, e.g. bare-link")
    _add_desk_commands(commands, shared, formatter)
    audit_cli.add_parser(commands, shared, formatter)
    return parser


def _add_desk_commands(
    commands: Any, shared: argparse.ArgumentParser, formatter: type[argparse.HelpFormatter]
) -> None:
    """The writer's desk: the draft on every network at once, and the splitter."""
    glance_cmd = commands.add_parser(
        "glance",
        parents=[shared],
        help="the draft's length on every network",
        description="Count a draft as each network does and say where it fits, with the "
        "writer's counts (words, sentences, reading time).",
        epilog=CONFIG_HELP,
        formatter_class=formatter,
    )
    glance_cmd.add_argument("file", nargs="?", metavar="FILE", help="'-' or nothing: stdin")
    glance_cmd.add_argument("--kind", metavar="KIND", help=f"what it is: {', '.join(KINDS)}")
    glance_cmd.add_argument("--format", choices=("text", "json"), default="text")

    split_cmd = commands.add_parser(
        "split",
        parents=[shared],
        help="split a long draft into a thread",
        description="Split a draft into posts that each fit the network, at sentence ends "
        "where possible, and print them as a thread ('---' between posts) that "
        f"'{PROG} check --kind thread' reads.\nExit status 2 when no split is possible.",
        epilog=CONFIG_HELP,
        formatter_class=formatter,
    )
    split_cmd.add_argument("file", nargs="?", metavar="FILE", help="'-' or nothing: stdin")
    split_cmd.add_argument(
        "--platform", metavar="P", help=f"one with threads: {', '.join(THREADED)}"
    )
    split_cmd.add_argument("--numbered", action="store_true", help="end each post with i/n")
    split_cmd.add_argument("--format", choices=("text", "json"), default="text")


# --- reading ----------------------------------------------------------------


def _read_bytes(path: Path, what: str) -> bytes:
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not a {what}")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such {what}") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read it ({err.strerror or err})") from None


def _decode(raw: bytes, source: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        byte = raw[err.start]
        raise UsageError(
            f"{source}: not UTF-8 text (byte 0x{byte:02x} at offset {err.start}); "
            "save it as UTF-8 and try again"
        ) from None
    return text.removeprefix("\ufeff")  # a BOM from a Windows editor is not part of the draft


def read_draft(file: str | None) -> tuple[str, str]:
    """The draft's text and a name for it in messages."""
    if file is None or file == "-":
        source = "standard input"
        if sys.stdin is None:
            raise UsageError("no standard input to read the draft from")
        if sys.stdin.isatty():
            print(
                f"{PROG}: reading the draft from standard input; end it with Ctrl-D",
                file=sys.stderr,
            )
        raw = sys.stdin.buffer.read()
    else:
        source = file
        raw = _read_bytes(Path(file), "file")
    text = _decode(raw, source)
    if not text.strip():
        raise UsageError(f"{source}: the draft is empty; there is nothing to check")
    return text, source


def _yaml_mapping(text: str, source: str) -> Any:
    try:
        import yaml
    except ImportError:
        raise UsageError(
            f"{source}: reading a mkdocs.yml needs PyYAML; "
            f"install it (pip install pyyaml) or put the settings in {DEFAULT_CONFIG}"
        ) from None

    class Loader(yaml.SafeLoader):
        """Safe loading that shrugs at tags such as !ENV or !!python/name:... .

        A mkdocs.yml often holds them in sections the checker never reads.
        """

    def any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return loader.construct_scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node)
        if isinstance(node, yaml.MappingNode):
            return loader.construct_mapping(node)
        return None

    Loader.add_multi_constructor("", any_tag)
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        problem = getattr(err, "problem", None) or str(err)
        raise ConfigError(source, where, f"YAML syntax: {problem}") from None


def _from_mkdocs(text: str, source: str) -> Config:
    data = _yaml_mapping(text, source)
    if not isinstance(data, Mapping):
        raise ConfigError(source, "(file)", "expected a mkdocs.yml mapping")
    try:
        return parse_config(mkdocs_settings(data), source)
    except ConfigError as err:  # name the key as it is written in mkdocs.yml
        key = err.key if err.key.startswith("extra.") else f"extra.checker.{err.key}"
        raise ConfigError(source, key, err.problem) from None


def load_config(path: str | None) -> Config:
    """The team's settings: ``--config FILE``, else ./etiquette.toml, else defaults."""
    if path is None:
        if not Path(DEFAULT_CONFIG).is_file():
            return Config()
        path = DEFAULT_CONFIG
    file = Path(path)
    text = _decode(_read_bytes(file, "config file"), path)
    if file.suffix.lower() in (".yml", ".yaml"):
        return _from_mkdocs(text, path)
    return parse_toml(text, path)


# --- the commands -----------------------------------------------------------


def _want_color(choice: str, stream: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def find_drafts(paths: Sequence[str], globs: Sequence[str]) -> list[str]:
    """The draft files ``paths`` name: files as given, folders searched for ``globs``.

    Hidden folders (.git, .venv) are skipped; "-" stands for standard input.
    """
    import fnmatch

    found: list[str] = []
    for path in paths or ["-"]:
        if path == "-":
            found.append(path)
            continue
        where = Path(path)
        if where.is_dir():
            inside = []
            for folder, dirs, files in os.walk(where):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                inside += [
                    os.path.join(folder, name)
                    for name in sorted(files)
                    if any(fnmatch.fnmatch(name, g) for g in globs)
                ]
            if not inside:
                raise UsageError(f"{path}: no draft files ({' '.join(globs)}) in this folder")
            found += inside
        elif where.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def display_path(path: str) -> str:
    """How outputs name a file: relative to the working directory, with "/".

    Plain string work (no symlink resolution): a folder of a thousand drafts
    should not cost a thousand trips to the filesystem.
    """
    if path == "-":
        return path
    relative = os.path.relpath(os.path.abspath(path))
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return Path(path).as_posix()  # outside the working directory: as given
    return Path(relative).as_posix()


def _front_matter_config(config: Config, draft: DraftFile) -> Config:
    """``config`` with a draft file's own front matter laid over it."""
    values, lines = draft.settings, draft.setting_lines

    def key(name: str) -> str:
        return f"line {lines[name]}: {name}"

    if "platform" in values:
        config = replace(
            config, platform=check_platform(values["platform"], draft.name, key("platform"))
        )
    if "kind" in values:
        config = replace(config, kind=check_kind(values["kind"], draft.name, key("kind")))
    if "handles" in values:
        own = check_handles(values["handles"], draft.name, key("handles"))
        config = replace(config, handles=tuple(dict.fromkeys((*config.handles, *own))))
    if "cw" in values and not isinstance(values["cw"], str):
        raise ConfigError(draft.name, key("cw"), "expected the content warning's text, got a list")
    return config


def _check_one(path: str, config: Config, args: argparse.Namespace) -> Checked:
    shown = display_path(path)
    if path == "-":
        text, _source = read_draft(None)
        draft = DraftFile(shown, text, text, list(range(len(text) + 1)))
        return Checked(
            shown,
            draft,
            check(text, config=merge(config, platform=args.platform, kind=args.kind), cw=args.cw),
        )
    text = _decode(_read_bytes(Path(path), "file"), shown)
    try:
        draft = prepare(text, shown, markdown=Path(path).suffix.lower() in MARKDOWN_SUFFIXES)
    except DraftFileError as err:
        raise UsageError(str(err)) from None
    if not draft.text.strip():
        raise UsageError(f"{shown}: the draft is empty; there is nothing to check")
    own = _front_matter_config(config, draft)
    # The command line wins over the file, as it wins over the config file.
    own = merge(own, platform=args.platform, kind=args.kind)
    try:
        # the command line's --cw wins over the file's, as the other settings do
        cw = args.cw or str(draft.settings.get("cw") or "")
        report = check(draft.text, config=own, cw=cw)
    except (UnknownPlatform, UnknownKind) as err:  # validated above; kept as a backstop
        raise UsageError(f"{shown}: {err}") from None
    return Checked(shown, draft, report)


def _report_json(checked: Checked, *, located: bool) -> dict[str, Any]:
    data = checked.report.to_dict()
    if not located:  # standard input: exactly the browser's JSON
        return data
    data = {"file": checked.path, **data}
    for finding, (_, region) in zip(data["findings"], checked.located(), strict=True):
        line, col, end_line, end_col = region
        finding.update(line=line, column=col, end_line=end_line, end_column=end_col)
    return data


def _catalogue(config: Config) -> list[tuple[Rule, str, Severity]]:
    return [
        (rule, config.rule_url(rule.name), config.rule(rule.name).severity or rule.severity)
        for rule in (*REGISTRY, *config.custom_rules)
        if config.rule(rule.name).enabled
    ]


def _write_step_summary(results: Sequence[Checked]) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as out:
            out.write(formats.step_summary(results))
    except OSError as err:
        print(f"{PROG}: warning: cannot write the step summary to {target}: {err}", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    config = merge(
        load_config(args.config), handles=args.handle, linkedin_premium=args.linkedin_premium
    )
    # validate the command line's choices once, before any file is read
    merge(config, platform=args.platform, kind=args.kind)
    paths = find_drafts(args.paths, tuple(args.glob or DRAFT_GLOBS))
    results: list[Checked] = []
    failed = False
    for path in paths:
        try:
            results.append(_check_one(path, config, args))
        except (UsageError, ConfigError) as err:
            if len(paths) == 1:
                raise
            print(f"{PROG}: error: {err}", file=sys.stderr)
            failed = True

    stdin_only = paths == ["-"]
    fmt = args.format
    if fmt == "text":
        color = _want_color(args.color, sys.stdout)
        if stdin_only:
            sys.stdout.write(
                render.render_report(results[0].draft.text, results[0].report, color=color)
            )
        else:
            sys.stdout.write(formats.concise(results, color=color))
            sys.stdout.write(formats.totals(results))
    elif fmt == "json":
        reports = [_report_json(c, located=c.path != "-") for c in results]
        one = len(paths) == 1 and (Path(paths[0]).is_file() or stdin_only)
        sys.stdout.write(_json(reports[0] if one and reports else reports))
    elif fmt == "json-lines":
        sys.stdout.write(formats.json_lines(results))
    elif fmt == "github":
        sys.stdout.write(formats.github(results))
        _write_step_summary(results)
    else:  # sarif
        log = formats.sarif(results, _catalogue(config), version=__version__)
        sys.stdout.write(_json(log))
    if failed:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(c.report.has_errors for c in results) else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    rules = (*REGISTRY, *config.custom_rules)  # the team's own rules are listed too
    if args.format == "json":
        sys.stdout.write(_json(render.rules_to_dict(rules, config)))
    else:
        sys.stdout.write(render.render_rules(rules, color=_want_color(args.color, sys.stdout)))
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    known = {**BY_NAME, **{r.name: r for r in config.custom_rules}}
    name = args.rule.strip().lower()
    rule = known.get(name)
    if rule is None:
        close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.5)
        hint = f'did you mean "{close[0]}"? ' if close else ""
        raise UsageError(f'unknown rule "{args.rule}"; {hint}"{PROG} rules" lists them all')
    color = _want_color(args.color, sys.stdout)
    sys.stdout.write(render.render_explain(rule, config, color=color))
    return EXIT_OK


def cmd_glance(args: argparse.Namespace) -> int:
    config = merge(load_config(args.config), kind=args.kind)
    text, _source = read_draft(args.file)
    rows = glance(text, kind=config.kind, config=config)
    writer = counts(text)
    if args.format == "json":
        data = {
            "schema": SCHEMA,
            "kind": config.kind,
            "platforms": [row.to_dict() for row in rows],
            "counts": writer.to_dict(),
        }
        sys.stdout.write(_json(data))
    else:
        color = _want_color(args.color, sys.stdout)
        sys.stdout.write(render.render_glance(rows, writer, color=color))
    return EXIT_OK


def cmd_split(args: argparse.Namespace) -> int:
    config = merge(load_config(args.config), platform=args.platform)
    text, _source = read_draft(args.file)
    result = split_thread(text, platform=config.platform, numbering=args.numbered, config=config)
    if not result.ok:
        raise UsageError(result.reason)
    if args.format == "json":
        sys.stdout.write(_json(result.to_dict()))
    else:
        sys.stdout.write(result.text + "\n")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    return audit_cli.run_audit(args, load_config(args.config), UsageError)


COMMANDS = {
    "check": cmd_check,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "glance": cmd_glance,
    "split": cmd_split,
    "audit": cmd_audit,
}


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except ConfigError as err:
        raise UsageError(str(err)) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (the console script exits with it)."""
    # A terminal that cannot show "⟦" or an emoji should get an escape, not a crash.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        return _run(argv)
    except UsageError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`etiquette rules | head`): stop quietly, and keep
        # Python from complaining while it flushes stdout on the way out.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
