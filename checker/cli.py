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
from pathlib import Path
from typing import IO, Any, NoReturn

from checker import __version__, audit_cli, render
from checker.config import (
    Config,
    ConfigError,
    merge,
    mkdocs_settings,
    parse_config,
    parse_toml,
)
from checker.counts import counts
from checker.engine import UnknownKind, check
from checker.glance import glance
from checker.model import KINDS, SCHEMA
from checker.platforms import PLATFORMS, UnknownPlatform
from checker.rules import BY_NAME, REGISTRY
from checker.split import THREADED, split_thread

PROG = "etiquette"
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
        description="Check a draft (a file, or standard input) and list what to improve.\n"
        "Exit status: 0 no error-level finding, 1 at least one, 2 bad usage or input.",
        epilog=CONFIG_HELP,
        formatter_class=formatter,
    )
    check_cmd.add_argument(
        "file", nargs="?", metavar="FILE", help="the draft to check; '-' or nothing: standard input"
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
    check_cmd.add_argument("--format", choices=("text", "json"), default="text")

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


def cmd_check(args: argparse.Namespace) -> int:
    config = merge(
        load_config(args.config),
        platform=args.platform,
        kind=args.kind,
        handles=args.handle,
        linkedin_premium=args.linkedin_premium,
    )
    text, _source = read_draft(args.file)
    try:
        report = check(text, config=config, cw=args.cw)
    except (UnknownPlatform, UnknownKind) as err:  # merge checks these; kept as a backstop
        raise UsageError(str(err)) from None
    if args.format == "json":
        sys.stdout.write(_json(report.to_dict()))
    else:
        color = _want_color(args.color, sys.stdout)
        sys.stdout.write(render.render_report(text, report, color=color))
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.format == "json":
        sys.stdout.write(_json(render.rules_to_dict(REGISTRY, config)))
    else:
        sys.stdout.write(render.render_rules(REGISTRY, color=_want_color(args.color, sys.stdout)))
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    name = args.rule.strip().lower()
    rule = BY_NAME.get(name)
    if rule is None:
        close = difflib.get_close_matches(name, list(BY_NAME), n=1, cutoff=0.5)
        hint = f'did you mean "{close[0]}"? ' if close else ""
        raise UsageError(f'unknown rule "{args.rule}"; {hint}"{PROG} rules" lists them all')
    config = load_config(args.config)
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
