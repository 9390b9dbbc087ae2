"""The verdict: a few plain sentences on an audit, each linked to its handbook page.

Each habit the handbook teaches becomes one ``Habit``: a share of the posts,
a line that counts as healthy, and words for either side of it. The habits
furthest from their line make the three changes that would help most.

The lines are deliberately modest, read from the seed articles rather than
from any platform's statistics: a feed where fewer than one post in five
answers someone, or fewer than three in ten name anyone else, is talking *at*
people ("out of 200 tweets, only one for a third person").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker.audit.percent import percent
from checker.rules import BY_NAME

if TYPE_CHECKING:
    from checker.audit.auditor import Audit

SMALL = 10  # fewer posts than this: a hint, not a verdict
FREQUENT = 0.1  # a finding on one post in ten is a habit worth naming


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def pct(share: float) -> str:
    return percent(share)


def page_url(site_url: str, guide: str) -> str:
    """``sharing/add-your-insight.md#x`` -> ``<site>/sharing/add-your-insight/#x``."""
    path, _, anchor = guide.partition("#")
    path = path.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{site_url.rstrip('/')}/{path}/" + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Habit:
    name: str
    page: str  # the handbook page, as a docs path
    share: Callable[[Audit], float]
    line: float  # the healthy side starts here
    more_is_better: bool
    good: str  # what is said when the habit is healthy ({pct} is the share)
    bad: str
    change: str  # the change to suggest
    applies: Callable[[Audit], bool] = lambda audit: True


def _reshares(audit: Audit) -> int:
    return audit.kinds["reshare"] + audit.kinds["reshare_with_comment"]


HABITS = (
    Habit(
        "conversation",
        "connecting/respond-to-mentions.md",
        lambda a: a.share(a.kinds["reply"]),
        0.2,
        True,
        "You take part in conversations: {pct} of your posts are replies to other people.",
        "You seldom reply: {pct} of your posts answer someone else.",
        "Reply more: answer the people who mention you or write to you before posting anew.",
        applies=lambda a: a.replies_known,
    ),
    Habit(
        "others",
        "connecting/recognise-people.md",
        lambda a: a.share(a.about_others),
        0.3,
        True,
        "You give others a place in your feed: {pct} of your posts name, answer or share "
        "someone else.",
        "Your feed is mostly about you: only {pct} of your posts name, answer or share "
        "anyone else.",
        "Name the people behind what you post about: credit, thank and tag them.",
    ),
    Habit(
        "sharing",
        "sharing/share-more-than-you-create.md",
        lambda a: a.share(_reshares(a)),
        0.2,
        True,
        "You pass on other people's work: {pct} of your posts are reshares.",
        "You rarely pass on other people's work: {pct} of your posts are reshares.",
        "Share more of other people's good work than you create yourself.",
    ),
    Habit(
        "comment",
        "sharing/retweet-with-care.md",
        lambda a: a.share(a.kinds["reshare"], _reshares(a)),
        0.5,
        False,
        "You add a word to many reshares: {pct} of them are plain, the rest say why.",
        "Most of your reshares carry no word of yours: {pct} are plain reshares.",
        "Quote what you reshare with a line on why it matters to your readers.",
        applies=lambda a: _reshares(a) >= 3,
    ),
    Habit(
        "bare-links",
        "sharing/add-your-insight.md",
        lambda a: a.share(a.bare_links, a.checked),
        FREQUENT,
        False,
        "Your links come with your own words: {pct} of the posts you wrote are bare links.",
        "Many links go out bare: {pct} of the posts you wrote pass on a link with nothing "
        "of yours.",
        "Say in a sentence what you took from each link you post.",
        applies=lambda a: a.checked > 0,
    ),
    Habit(
        "selling",
        "sharing/sharing-not-selling.md",
        lambda a: a.share(a.selling, a.checked),
        FREQUENT,
        False,
        "You share rather than sell: {pct} of the posts you wrote read as a sales pitch.",
        "Selling crowds out sharing: {pct} of the posts you wrote read as a sales pitch.",
        "Post fewer pitches; help people first and the asks will land better.",
        applies=lambda a: a.checked > 0,
    ),
)


def _point(habit: Habit, audit: Audit, site_url: str) -> tuple[dict[str, Any], float]:
    share = habit.share(audit)
    healthy = share >= habit.line if habit.more_is_better else share <= habit.line
    # How far from healthy, on a common scale: 0 at the line, 1 at the worst end.
    if habit.more_is_better:
        gap = (habit.line - share) / habit.line
    else:
        gap = (share - habit.line) / (1 - habit.line)
    text = (habit.good if healthy else habit.bad).format(pct=pct(share))
    point = {
        "habit": habit.name,
        "ok": healthy,
        "share": round(share, 4),
        "text": text,
        "url": page_url(site_url, habit.page),
    }
    return point, (0.0 if healthy else gap)


def _frequent_finding(audit: Audit, site_url: str) -> tuple[dict[str, Any], float] | None:
    """The most frequent finding other than the ones the habits already cover."""
    for finding in audit.findings:
        rule = BY_NAME.get(finding["rule"])
        if rule is None or rule.name in ("bare-link", "hard-sell"):
            continue
        share = audit.share(finding["posts"], audit.checked)
        if share < FREQUENT:
            return None
        point = {
            "habit": f"rule:{rule.name}",
            "ok": False,
            "share": round(share, 4),
            "text": f"A frequent slip: {pct(share)} of the posts you wrote are flagged "
            f"{rule.name} ({rule.summary[0].lower()}{rule.summary[1:].rstrip('.')}).",
            "url": page_url(site_url, rule.guide),
            "change": rule.fix,
        }
        return point, (share - FREQUENT) / (1 - FREQUENT)
    return None


def judge(audit: Audit, site_url: str) -> dict[str, Any]:
    """``{"summary", "points": [...], "changes": [...]}`` for ``audit``."""
    if audit.posts == 0:
        return {"summary": "There are no posts to judge.", "points": [], "changes": []}
    scored: list[tuple[dict[str, Any], float, str]] = []
    for habit in HABITS:
        if habit.applies(audit):
            point, gap = _point(habit, audit, site_url)
            scored.append((point, gap, habit.change))
    frequent = _frequent_finding(audit, site_url)
    if frequent:
        point, gap = frequent
        scored.append((point, gap, point.pop("change")))
    worst = sorted((s for s in scored if not s[0]["ok"]), key=lambda s: -s[1])[:3]
    changes = [{"text": change, "url": point["url"]} for point, _gap, change in worst]
    ok = {p["habit"]: p["ok"] for p, _g, _c in scored}
    if not worst:
        summary = "A social feed: you talk with people, pass on their work and credit them."
    elif not ok.get("conversation", True) and not ok.get("others", True):
        summary = "Mostly broadcasting: most posts are about you, and few answer anyone."
    else:
        summary = (
            f"A mixed feed: good habits, and {len(worst)} "
            f"{'thing' if len(worst) == 1 else 'things'} worth changing."
        )
    if audit.posts < SMALL:
        summary += f" With only {plural(audit.posts, 'post')}, read this as a hint, not a verdict."
    return {"summary": summary, "points": [p for p, _g, _c in scored], "changes": changes}
