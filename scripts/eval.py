"""Measure the checker on its three corpora: per-rule precision and recall.

The corpus (``tests/corpus/*.yaml``) holds drafts written by many kinds of
account, each labelled with the rules the handbook says should fire on it
(``expect``; empty for a clean post). This script runs ``check()`` on every
draft and compares, rule by rule, at the level of the draft: a rule that fires
on a draft that expects it is a true positive, one that fires where it is not
expected a false alarm, one that stays quiet where it is expected a miss.

    .venv/bin/python scripts/eval.py             # table, then misses and false alarms
    .venv/bin/python scripts/eval.py --verbose   # the same, with each draft's text
    .venv/bin/python scripts/eval.py --json      # figures for tests and tools
    .venv/bin/python scripts/eval.py --rule hard-sell -v   # one rule's misses and alarms
    make eval EVAL_ARGS="--rule hard-sell -v"              # the same through make
    .venv/bin/python scripts/eval.py --set-floors blind    # rewrite blind/floors.toml

The held-out corpus (``tests/corpus/heldout/*.yaml``, same schema) is
measured and printed separately, after the development figures. Its drafts
were written by people who read only the handbook, and the rules were never
tuned on them: its figures say how the rules generalise to wordings nobody
tuned for. A rule fix must be motivated by a new development draft, never by a
held-out one (see tests/corpus/README.md). Each corpus has its own floors
(``floors.toml`` beside its drafts).

The blind corpus (``tests/corpus/blind/*.yaml``) is a third, fresh set,
written the same way once the held-out drafts began to guide rule fixes: it is
printed last, in its own table, and nobody tunes a rule on it or reads its
misses to fix one. Its figures are the honest measure of the improved rules.

``--set-floors CORPUS`` rewrites that corpus's ``floors.toml`` from the
figures the checker reaches now (each ratio rounded down to two decimals, the
clean counts as they are), keeping the file's leading comments, so floors are
reset mechanically rather than typed by hand.

It is a measuring tool: it exits 0 whatever the figures are, and 2 only when
a corpus itself is malformed (an unknown rule, platform or kind, a missing
field, a repeated id), with a message saying where.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Run from a checkout without installing: the repository root holds checker/.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import KINDS, PLATFORMS, REGISTRY, Config, Severity, check  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "corpus"
FLOORS_FILE = "floors.toml"  # beside the drafts; tests/test_corpus.py holds the checker to it
# The held-out drafts live in this folder of the development corpus's folder.
HELDOUT_DIR = "heldout"
HELDOUT_CAPTION = (
    "The rules were never tuned on these drafts: they measure how the rules generalise,\n"
    "and must never be used to tune one (a fix starts from a new development draft)."
)
# The blind drafts: a second held-out set, never tuned on and never read to tune.
BLIND_DIR = "blind"
BLIND_CAPTION = (
    "Blind: the rules were never tuned on these drafts, and they are never to be used for\n"
    "tuning (do not read a miss here and fix a rule): they measure the improved rules honestly."
)
# What --set-floors names each corpus by, and the folder it lives in.
CORPORA = {"development": "", "heldout": HELDOUT_DIR, "blind": BLIND_DIR}
FIELDS = {"id", "text", "platform", "kind", "expect", "why", "near", "handles", "tags"}
REQUIRED = ("id", "text", "platform", "expect", "why")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 5x faster


class CorpusError(ValueError):
    """The corpus is malformed; the message says which file and draft."""


@dataclass(frozen=True)
class Draft:
    id: str
    file: str
    text: str
    platform: str
    kind: str
    expect: frozenset[str]
    why: str
    near: frozenset[str] = frozenset()  # rules this draft tempts but must not fire
    handles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.expect


def _names(value: object, where: str, what: str, known: set[str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusError(f"{where}: {what} must be a list of names, got {value!r}")
    unknown = [v for v in value if v not in known]
    if unknown:
        raise CorpusError(
            f"{where}: unknown {what} {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(sorted(known))}"
        )
    return list(value)


def _draft(entry: object, where: str, rules: set[str]) -> Draft:
    if not isinstance(entry, dict):
        raise CorpusError(f"{where}: each draft must be a mapping, got {type(entry).__name__}")
    extra = sorted(set(entry) - FIELDS)
    if extra:
        raise CorpusError(f"{where}: unknown field(s) {', '.join(extra)}")
    missing = [f for f in REQUIRED if f not in entry]
    if missing:
        raise CorpusError(f"{where}: missing field(s) {', '.join(missing)}")
    where = f"{where} (id {entry['id']!r})"
    for key in ("id", "text", "platform", "why"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise CorpusError(f"{where}: {key} must be a non-empty string")
    if "\n" in entry["why"]:
        raise CorpusError(f"{where}: why must be one line")
    platform = entry["platform"]
    if platform not in PLATFORMS:
        raise CorpusError(
            f"{where}: unknown platform {platform!r}; known: {', '.join(sorted(PLATFORMS))}"
        )
    kind = entry.get("kind", "post")
    if kind not in KINDS:
        raise CorpusError(f"{where}: unknown kind {kind!r}; known: {', '.join(KINDS)}")
    expect = _names(entry["expect"], where, "rule(s) in expect", rules)
    near = _names(entry.get("near"), where, "rule(s) in near", rules)
    both = sorted(set(expect) & set(near))
    if both:
        raise CorpusError(f"{where}: {', '.join(both)} both expected and a near miss")
    handles = entry.get("handles") or []
    if not isinstance(handles, list) or not all(
        isinstance(h, str) and h.strip("@") for h in handles
    ):
        raise CorpusError(f"{where}: handles must be a list like ['@acme']")
    tags = entry.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise CorpusError(f"{where}: tags must be a list of words")
    return Draft(
        id=entry["id"],
        file=where.split(":", 1)[0],
        text=entry["text"],
        platform=platform,
        kind=kind,
        expect=frozenset(expect),
        why=entry["why"],
        near=frozenset(near),
        handles=tuple(h.strip().lstrip("@").lower() for h in handles),
        tags=tuple(tags),
    )


def load(folder: Path = DEFAULT_CORPUS, prefix: str = "") -> list[Draft]:
    """Every draft in ``folder/*.yaml``, validated; raises CorpusError when malformed.

    ``prefix`` goes before each file name in messages and in ``Draft.file``
    (``heldout/`` for the held-out corpus), so a report says which corpus.
    """
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise CorpusError(f"{prefix}{folder}: no *.yaml files")
    rules = {rule.name for rule in REGISTRY}
    drafts: list[Draft] = []
    seen: dict[str, str] = {}
    for path in files:
        name = prefix + path.name
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except yaml.YAMLError as err:
            raise CorpusError(f"{name}: not valid YAML: {err}") from err
        if not isinstance(data, list):
            raise CorpusError(f"{name}: expected a list of drafts at the top level")
        for i, entry in enumerate(data):
            draft = _draft(entry, f"{name}: draft {i + 1}", rules)
            if draft.id in seen:
                raise CorpusError(f"{name}: id {draft.id!r} repeats one in {seen[draft.id]}")
            seen[draft.id] = name
            drafts.append(draft)
    return drafts


def load_beside(folder: Path, name: str, others: list[Draft]) -> list[Draft] | None:
    """The drafts in ``folder/name/``, or None when there is no such folder.

    An id may not repeat one of ``others`` (the corpora loaded before), so
    that every id in a report names one draft.
    """
    sub = folder / name
    if not sub.is_dir():
        return None
    drafts = load(sub, prefix=f"{name}/")
    known = {d.id: d.file for d in others}
    for d in drafts:
        if d.id in known:
            raise CorpusError(f"{d.file}: id {d.id!r} repeats one in {known[d.id]}")
    return drafts


def load_heldout(folder: Path, development: list[Draft]) -> list[Draft] | None:
    """The held-out drafts in ``folder/heldout/``, or None when there is no such folder."""
    return load_beside(folder, HELDOUT_DIR, development)


def load_blind(
    folder: Path, development: list[Draft], heldout: list[Draft] | None
) -> list[Draft] | None:
    """The blind drafts in ``folder/blind/``, or None; ids unique across all three corpora."""
    return load_beside(folder, BLIND_DIR, development + (heldout or []))


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    flag: int = 0  # drafts that expect the rule
    near: int = 0  # drafts built as near misses for it

    @property
    def precision(self) -> float | None:
        fired = self.tp + self.fp
        return self.tp / fired if fired else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.flag if self.flag else None


@dataclass(frozen=True)
class Outcome:
    draft: Draft
    found: frozenset[str]
    loud: frozenset[str]  # rules that fired at warning or error level
    spans: dict[str, list[str]] = field(default_factory=dict)  # rule -> flagged text


@dataclass
class Result:
    outcomes: list[Outcome]
    scores: dict[str, RuleScore]

    @property
    def clean(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.draft.clean]

    def misses(self) -> list[tuple[str, Outcome]]:
        return [(r, o) for o in self.outcomes for r in sorted(o.draft.expect - o.found)]

    def false_alarms(self) -> list[tuple[str, Outcome]]:
        return [(r, o) for o in self.outcomes for r in sorted(o.found - o.draft.expect)]


def run(drafts: list[Draft]) -> Result:
    scores = {rule.name: RuleScore() for rule in REGISTRY}
    outcomes = []
    for draft in drafts:
        report = check(
            draft.text,
            platform=draft.platform,
            kind=draft.kind,
            config=Config(handles=draft.handles),
        )
        spans: dict[str, list[str]] = {}
        loud = set()
        for f in report.findings:
            spans.setdefault(f.rule, []).append(draft.text[f.start : f.end])
            if f.severity in (Severity.WARNING, Severity.ERROR):
                loud.add(f.rule)
        found = frozenset(spans)
        outcomes.append(Outcome(draft, found, frozenset(loud), spans))
        for name, score in scores.items():
            score.flag += name in draft.expect
            score.near += name in draft.near
            if name in found and name in draft.expect:
                score.tp += 1
            elif name in found:
                score.fp += 1
            elif name in draft.expect:
                score.fn += 1
    return Result(outcomes, scores)


@dataclass(frozen=True)
class Floors:
    precision: dict[str, float]
    recall: dict[str, float]
    max_clean_with_findings: int
    max_clean_with_warnings: int


def load_floors(folder: Path = DEFAULT_CORPUS, prefix: str = "") -> Floors:
    """The figures the checker must keep on this corpus (``floors.toml``)."""
    path = folder / FLOORS_FILE
    name = prefix + FLOORS_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise CorpusError(f"{name}: {err}") from err
    rules = {rule.name for rule in REGISTRY}
    tables: dict[str, dict[str, float]] = {}
    for table in ("precision", "recall"):
        values = data.get(table)
        if not isinstance(values, dict):
            raise CorpusError(f"{name}: missing [{table}] table")
        unknown = sorted(set(values) - rules)
        if unknown:
            raise CorpusError(f"{name}: [{table}] names unknown rule(s) {', '.join(unknown)}")
        if not all(isinstance(v, int | float) and 0 <= v <= 1 for v in values.values()):
            raise CorpusError(f"{name}: [{table}] values must be numbers from 0 to 1")
        tables[table] = {k: float(v) for k, v in values.items()}
    clean = data.get("clean")
    keys = ("max-with-findings", "max-with-warnings")
    if not isinstance(clean, dict) or not all(isinstance(clean.get(k), int) for k in keys):
        raise CorpusError(f"{name}: [clean] needs integer {' and '.join(keys)}")
    return Floors(tables["precision"], tables["recall"], clean[keys[0]], clean[keys[1]])


def below_floors(result: Result, floors: Floors) -> list[str]:
    """Each figure that fell below its floor, in words; empty when all hold."""
    out = []
    for table in ("precision", "recall"):
        for name, floor in getattr(floors, table).items():
            value = getattr(result.scores[name], table)
            if value is not None and value < floor:
                out.append(f"{name} {table} {value:.3f} is below its floor {floor:.2f}")
    clean = result.clean
    noisy = sum(bool(o.found) for o in clean)
    loud = sum(bool(o.loud) for o in clean)
    if noisy > floors.max_clean_with_findings:
        out.append(
            f"{noisy} clean drafts have a finding (at most {floors.max_clean_with_findings})"
        )
    if loud > floors.max_clean_with_warnings:
        out.append(
            f"{loud} clean drafts have a warning or error "
            f"(at most {floors.max_clean_with_warnings})"
        )
    return out


def _ratio(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def _one_line(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def as_json(result: Result) -> dict[str, Any]:
    def listing(pairs: list[tuple[str, Outcome]]) -> list[dict[str, Any]]:
        return [
            {"rule": rule, "id": o.draft.id, "file": o.draft.file, "found": sorted(o.found)}
            for rule, o in pairs
        ]

    clean = result.clean
    return {
        "drafts": len(result.outcomes),
        "clean": len(clean),
        "clean_with_findings": sum(bool(o.found) for o in clean),
        "clean_with_warnings": sum(bool(o.loud) for o in clean),
        "rules": {
            name: {
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": s.precision,
                "recall": s.recall,
                "flag": s.flag,
                "near": s.near,
            }
            for name, s in result.scores.items()
        },
        "misses": listing(result.misses()),
        "false_alarms": listing(result.false_alarms()),
    }


def print_text(
    result: Result,
    verbose: bool,
    floors: Floors | None,
    only: set[str] | None = None,
    *,
    title: str = "Development corpus",
    caption: str = "",
    floors_name: str = FLOORS_FILE,
) -> None:
    clean = result.clean
    print(f"{title}: {len(result.outcomes)} drafts, {len(clean)} of them clean")
    if caption:
        print(caption)
    print()
    heads = ("TP", 5), ("FP", 5), ("FN", 5), ("PREC", 7), ("RECALL", 8), ("FLAG", 6), ("NEAR", 6)
    print(f"  {'RULE':<20}" + "".join(f"{h:>{w}}" for h, w in heads))
    total = RuleScore()
    for name, s in result.scores.items():
        print(
            f"  {name:<20}{s.tp:>5}{s.fp:>5}{s.fn:>5}{_ratio(s.precision):>7}"
            f"{_ratio(s.recall):>8}{s.flag:>6}{s.near:>6}"
        )
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        total.flag += s.flag
        total.near += s.near
    print(
        f"  {'all rules':<20}{total.tp:>5}{total.fp:>5}{total.fn:>5}"
        f"{_ratio(total.precision):>7}{_ratio(total.recall):>8}{total.flag:>6}{total.near:>6}"
    )
    noisy = [o for o in clean if o.found]
    loud = [o for o in clean if o.loud]
    print(
        f"\nClean drafts with any finding: {len(noisy)} of {len(clean)}"
        f" (with a warning or error: {len(loud)})"
    )
    for title, pairs in (("Misses", result.misses()), ("False alarms", result.false_alarms())):
        pairs = [(rule, o) for rule, o in pairs if only is None or rule in only]
        print(f"\n{title} ({len(pairs)}):")
        for rule, o in pairs:
            d = o.draft
            print(f"  {rule:<20}{d.file}:{d.id}  [{d.platform}/{d.kind}]")
            if verbose:
                for line in d.text.splitlines():
                    print(f"      | {line}")
                print(f"      why: {d.why}")
                if rule in o.spans:
                    print(f"      flagged: {' | '.join(repr(s) for s in o.spans[rule])}")
            else:
                print(f"      {_one_line(d.text)}")
    if floors is not None:
        broken = below_floors(result, floors)
        print(f"\nFloors ({floors_name}): " + ("all held" if not broken else "BELOW"))
        for line in broken:
            print(f"  {line}")


def _floor(numerator: int, denominator: int) -> float:
    """``numerator / denominator`` rounded down to two decimals, exactly (0.29 stays 0.29)."""
    return (numerator * 100 // denominator) / 100


DEFAULT_FLOORS_HEADER = """\
# Floors for this corpus, held by tests/test_corpus.py and shown by `make eval`.
# Written by `scripts/eval.py --set-floors`: each is what the checker reached when
# they were set, rounded down to two decimals, so falling below one is a regression.
# A rule that never fired has precision floor 0.0 (precision of a silent rule holds).
"""


def floors_toml(result: Result, header: str = DEFAULT_FLOORS_HEADER) -> str:
    """A floors file holding ``result``'s figures: what ``--set-floors`` writes."""
    clean = result.clean
    lines = [header.rstrip("\n")] if header.strip() else []
    lines += [
        "[clean]",
        f"max-with-findings = {sum(bool(o.found) for o in clean)}"
        "  # clean drafts with any finding, suggestions included",
        f"max-with-warnings = {sum(bool(o.loud) for o in clean)}"
        "  # clean drafts with a warning or an error",
        "",
        "[precision]",
    ]
    for name, s in result.scores.items():
        fired = s.tp + s.fp
        lines.append(f"{name} = {_floor(s.tp, fired)}" if fired else f"{name} = 0.0  # never fired")
    lines += ["", "[recall]"]
    for name, s in result.scores.items():
        lines.append(f"{name} = {_floor(s.tp, s.flag)}" if s.flag else f"{name} = 0.0  # no draft")
    return "\n".join(lines) + "\n"


def floors_header(path: Path) -> str:
    """The comment block that opens an existing floors file, kept when it is rewritten."""
    if not path.exists():
        return DEFAULT_FLOORS_HEADER
    head = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        head.append(line)
    return "\n".join(head) + "\n" if head else DEFAULT_FLOORS_HEADER


def set_floors(folder: Path, result: Result) -> Path:
    """Rewrite ``folder/floors.toml`` from ``result``; returns the file written."""
    path = folder / FLOORS_FILE
    path.write_text(floors_toml(result, floors_header(path)), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Corpus:
    """One measured corpus and how the report names it."""

    key: str  # the JSON key and --set-floors name
    folder: Path
    drafts: list[Draft]
    floors: Floors | None
    title: str
    caption: str = ""
    floors_note: str = ""


def load_all(folder: Path, with_floors: bool = True) -> list[Corpus]:
    """The development corpus, then the held-out and blind ones when present.

    ``with_floors=False`` skips the floors files (--set-floors rewrites one, and
    must work when the old file is broken or missing).
    """

    def _floors_of(sub: Path, prefix: str) -> Floors | None:
        present = with_floors and (sub / FLOORS_FILE).exists()
        return load_floors(sub, prefix=prefix) if present else None

    development = load(folder)
    heldout = load_heldout(folder, development)
    blind = load_blind(folder, development, heldout)
    out = [Corpus("development", folder, development, _floors_of(folder, ""), "Development corpus")]
    for key, drafts, title, caption in (
        ("heldout", heldout, "Held-out corpus", HELDOUT_CAPTION),
        ("blind", blind, "Blind corpus", BLIND_CAPTION),
    ):
        if drafts is not None:
            sub = folder / CORPORA[key]
            floors = _floors_of(sub, f"{CORPORA[key]}/")
            out.append(Corpus(key, sub, drafts, floors, title, caption, ", regression floors"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.yaml")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="show each draft in full")
    parser.add_argument(
        "--rule", action="append", metavar="NAME", help="list only this rule's misses and alarms"
    )
    parser.add_argument(
        "--set-floors",
        choices=list(CORPORA),
        metavar="CORPUS",
        help="rewrite this corpus's floors.toml from the current figures "
        f"(one of: {', '.join(CORPORA)})",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.rule or ()) - {rule.name for rule in REGISTRY})
    if unknown:
        parser.error(f"unknown rule(s) {', '.join(unknown)}; see: etiquette rules")
    try:
        corpora = load_all(args.corpus, with_floors=not args.set_floors)
    except CorpusError as err:
        print(f"error: malformed corpus: {err}", file=sys.stderr)
        return 2
    results = {c.key: run(c.drafts) for c in corpora}
    if args.set_floors:
        chosen = [c for c in corpora if c.key == args.set_floors]
        if not chosen:
            where = args.corpus / CORPORA[args.set_floors]
            print(f"error: no {args.set_floors} corpus in {where}", file=sys.stderr)
            return 2
        path = set_floors(chosen[0].folder, results[args.set_floors])
        print(f"Floors for the {args.set_floors} corpus written to {path}")
        return 0
    only = set(args.rule) if args.rule else None
    try:
        if args.json:
            data = as_json(results["development"])
            for key in ("heldout", "blind"):
                data[key] = as_json(results[key]) if key in results else None
            print(json.dumps(data, indent=2, ensure_ascii=False))
            return 0
        for i, c in enumerate(corpora):
            if i:
                print("\n" + "=" * 72 + "\n")
            prefix = f"{CORPORA[c.key]}/" if CORPORA[c.key] else ""
            print_text(
                results[c.key],
                args.verbose,
                c.floors,
                only,
                title=c.title,
                caption=c.caption,
                floors_name=f"{prefix}{FLOORS_FILE}{c.floors_note}",
            )
    except BrokenPipeError:  # piped into head: the reader has seen enough
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
