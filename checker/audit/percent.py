"""Percentages as the audit prints them: one rounding rule for the text, the HTML and the SVG.

Python's ``round`` rounds halves to even (12.5 -> 12), so four kinds of 5, 1, 1 and 1 posts
read 62%, 12%, 12%, 12%: 98% in all, which a reader notices. ``shares`` gives parts of one
whole that add up to 100 (largest remainder); ``percent`` rounds one figure half up, and
never calls a part that exists 0%.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction


def percent(part: float, whole: float = 1) -> str:
    """``part`` of ``whole`` as a whole percentage, halves up; "<1%" for a sliver, not "0%"."""
    if not whole or not part:
        return "0%"
    exact = Fraction(part) / Fraction(whole) * 100
    if exact < 1:
        return "<1%"
    return f"{int(exact + Fraction(1, 2))}%"


def shares(counts: Mapping[str, int]) -> dict[str, str]:
    """Each key's share of the total, as percentages that add up to exactly 100%.

    Largest remainder: every share is rounded down, and the points left over go to the
    shares that lost most (ties to the bigger count, then to the earlier key), so the
    figures agree with each other as well as with the counts.
    """
    total = sum(counts.values())
    if not total:
        return {key: "0%" for key in counts}
    exact = {key: Fraction(100 * count, total) for key, count in counts.items()}
    whole = {key: int(value) for key, value in exact.items()}
    left = 100 - sum(whole.values())
    order = sorted(counts, key=lambda key: (-(exact[key] - whole[key]), -counts[key]))
    for key in order[:left]:
        whole[key] += 1
    return {key: f"{value}%" for key, value in whole.items()}
