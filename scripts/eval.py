"""Measure the checker on its two corpora: per-rule precision and recall.

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

The held-out corpus (``tests/corpus/heldout/*.yaml``, same schema) is
measured and printed separately, after the development figures. Its drafts
were written by people who read only the handbook, and the rules were never
tuned on them: its figures say how the rules generalise to wordings nobody
tuned for. A rule fix must be motivated by a new development draft, never by a
held-out one (see tests/corpus/README.md). Each corpus has its own floors
(``floors.toml`` beside its drafts).

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


def load_heldout(folder: Path, development: list[Draft]) -> list[Draft] | None:
    """The held-out drafts in ``folder/heldout/``, or None when there is no such folder.

    An id may not repeat one of the development corpus, so that every id in a
    report names one draft.
    """
    heldout = folder / HELDOUT_DIR
    if not heldout.is_dir():
        return None
    drafts = load(heldout, prefix=f"{HELDOUT_DIR}/")
    dev_files = {d.id: d.file for d in development}
    for d in drafts:
        if d.id in dev_files:
            raise CorpusError(f"{d.file}: id {d.id!r} repeats one in {dev_files[d.id]}")
    return drafts


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.yaml")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="show each draft in full")
    parser.add_argument(
        "--rule", action="append", metavar="NAME", help="list only this rule's misses and alarms"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.rule or ()) - {rule.name for rule in REGISTRY})
    if unknown:
        parser.error(f"unknown rule(s) {', '.join(unknown)}; see: etiquette rules")
    heldout_dir = args.corpus / HELDOUT_DIR
    heldout_floors_name = f"{HELDOUT_DIR}/{FLOORS_FILE}"
    try:
        drafts = load(args.corpus)
        has_floors = (args.corpus / FLOORS_FILE).exists()
        floors = load_floors(args.corpus) if has_floors else None
        heldout = load_heldout(args.corpus, drafts)
        has_heldout_floors = heldout is not None and (heldout_dir / FLOORS_FILE).exists()
        heldout_floors = (
            load_floors(heldout_dir, prefix=f"{HELDOUT_DIR}/") if has_heldout_floors else None
        )
    except CorpusError as err:
        print(f"error: malformed corpus: {err}", file=sys.stderr)
        return 2
    result = run(drafts)
    heldout_result = run(heldout) if heldout is not None else None
    only = set(args.rule) if args.rule else None
    try:
        if args.json:
            data = as_json(result)
            data["heldout"] = as_json(heldout_result) if heldout_result is not None else None
            print(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            print_text(result, args.verbose, floors, only)
            if heldout_result is not None:
                print("\n" + "=" * 72 + "\n")
                print_text(
                    heldout_result,
                    args.verbose,
                    heldout_floors,
                    only,
                    title="Held-out corpus",
                    caption=HELDOUT_CAPTION,
                    floors_name=f"{heldout_floors_name}, regression floors",
                )
    except BrokenPipeError:  # piped into head: the reader has seen enough
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
