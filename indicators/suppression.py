"""Statistical confidentiality: primary and secondary suppression for one indicator.

What is published for an indicator: per quartier value, numerator, denominator and interval (all or none); per
municipality and for the county the same, where the aggregates are sums over the quartiers that have valid data.
The published tables therefore satisfy, for numerators and denominators alike::

    municipality total = sum of its quartiers          county total = sum of the municipality totals

Primary suppression hides a quartier whose numerator is 1..min_count-1 (``suppressed_count``) or whose population
(``pop_total``) is below min_population (``suppressed_population``); the same rules hide a municipality or county
total. Secondary suppression (``suppressed_secondary``) then hides further cells until no hidden numerator can be
recovered exactly from the published cells by any chain of subtractions (equivalently: it is not determined by the
linear equations above). The rules, applied repeatedly until nothing changes:

1. a municipality with a published total must hide 0 or at least 2 of its quartiers: when exactly one is hidden,
   the published quartier with the smallest numerator is hidden too (or, if it has no other quartier, its total);
2. county level: the county total minus the published municipality totals is the sum of the hidden municipality
   totals, so there must be 0 or at least 2 hidden municipality totals, and a hidden municipality total must not be
   derivable from its own quartiers (it must hide at least one quartier). When exactly one municipality total is
   hidden, the published municipality total with the fewest extra cells to hide (then the smallest numerator) is
   hidden as well, together with its smallest quartier when none of them is hidden yet; when there is no other
   municipality, the county total is hidden;
3. without municipalities, rule 1 applies to the county total and its quartiers.

Because numerator and denominator of a cell are always hidden together, the pattern protecting the numerators
protects the hidden denominators in the same way; denominators are population counts (not confidential) and may be
published by another indicator that shares the column — that reveals no numerator. The reverse (a column hidden as
one indicator's numerator and published as another's denominator, e.g. ``pop_65plus`` of D.1 and A.4) is handled
by :func:`indicators.rates.compute` through ``forced`` cells.

Known limits: the protection is against exact recovery; bounds from non-negativity (e.g. a hidden pair summing to
1) are not audited, nor is the complement ``denominator - numerator`` of a share treated as a count. When two
indicators share a column and a quartier has invalid data for only one of them, their totals of that column are
sums over different quartiers; the difference is not audited.
"""

from dataclasses import dataclass, field

import numpy as np

OK = "ok"
SUPPRESSED_COUNT = "suppressed_count"
SUPPRESSED_POPULATION = "suppressed_population"
SUPPRESSED_SECONDARY = "suppressed_secondary"
ZERO_DENOMINATOR = "zero_denominator"
NO_DATA = "no_data"
INVALID = "invalid"
FLAGS = (OK, SUPPRESSED_COUNT, SUPPRESSED_POPULATION, SUPPRESSED_SECONDARY, ZERO_DENOMINATOR, NO_DATA, INVALID)
SUPPRESSED = (SUPPRESSED_COUNT, SUPPRESSED_POPULATION, SUPPRESSED_SECONDARY)


def primary_flag(numerator, denominator, population, min_count, min_population):
    """Flag of one cell from its (valid) numerator, denominator and population (NaN = unknown)."""
    if population is not None and not (population >= min_population):
        return SUPPRESSED_POPULATION
    if 1 <= numerator < min_count:
        return SUPPRESSED_COUNT
    if denominator == 0:
        return ZERO_DENOMINATOR
    return OK


@dataclass
class SuppressionResult:
    quartier_hidden: np.ndarray  # bool per quartier (primary or secondary)
    quartier_secondary: np.ndarray  # bool per quartier, hidden by secondary suppression
    group_hidden: dict = field(default_factory=dict)  # municipality -> bool
    group_secondary: dict = field(default_factory=dict)  # municipality -> bool (hidden by secondary suppression)
    county_hidden: bool = False
    county_secondary: bool = False


def suppress(numerator, primary, groups=None, *, in_totals=None, group_primary=None, county_primary=False,
             denominator=None):
    """Secondary suppression for one indicator.

    numerator: numerators per quartier (used to pick the cheapest complementary cells);
    primary: bool per quartier, hidden by primary suppression (or forced by another indicator);
    groups: municipality key per quartier (None: no municipality level);
    in_totals: bool per quartier, whether it is part of the published sums (valid data); default all;
    group_primary: {municipality: bool} totals hidden by primary suppression; county_primary: likewise.
    denominator: tie-breaker after the numerator (smaller first).
    """
    num = np.asarray(numerator, dtype=float)
    n = len(num)
    hidden = np.asarray(primary, dtype=bool).copy()
    primary_mask = hidden.copy()
    member = np.ones(n, dtype=bool) if in_totals is None else np.asarray(in_totals, dtype=bool)
    den = np.zeros(n) if denominator is None else np.nan_to_num(np.asarray(denominator, dtype=float), nan=0.0)
    cost_num = np.nan_to_num(num, nan=np.inf)
    order_key = np.lexsort((np.arange(n), den, cost_num))  # smallest numerator, then denominator, then position
    rank = np.empty(n, dtype=int)
    rank[order_key] = np.arange(n)

    if groups is None:
        keys = np.zeros(n, dtype=int)
        group_list = [0]
        use_groups = False
    else:
        keys = np.asarray(groups, dtype=object)
        group_list = list(dict.fromkeys(keys[member].tolist()))
        use_groups = True
    gh = {g: bool((group_primary or {}).get(g, False)) for g in group_list}
    g_primary = dict(gh)
    county_hidden = bool(county_primary)
    members_of = {g: np.flatnonzero(member & (keys == g)) for g in group_list}

    def smallest_published(indices):
        candidates = [i for i in indices if not hidden[i]]
        if not candidates:
            return None
        return min(candidates, key=lambda i: rank[i])

    for _ in range(4 * n + 4 * len(group_list) + 8):
        changed = False
        # rule 1 (rule 3 without municipalities: the single group's total is the county total)
        for g in group_list:
            total_hidden = gh[g] if use_groups else county_hidden
            if total_hidden:
                continue
            idx = members_of[g]
            if int(hidden[idx].sum()) == 1:
                extra = smallest_published(idx)
                if extra is not None:
                    hidden[extra] = True
                elif use_groups:
                    gh[g] = True
                else:
                    county_hidden = True
                changed = True
        # rule 2
        hidden_groups = [g for g in group_list if gh[g]] if use_groups else []
        for g in hidden_groups:  # a hidden total must not be the sum of published quartiers
            idx = members_of[g]
            if len(idx) and not hidden[idx].any():
                hidden[smallest_published(idx)] = True
                changed = True
        if use_groups and not county_hidden:
            if len(hidden_groups) == 1:
                candidates = [g for g in group_list if not gh[g] and len(members_of[g])]
                if candidates:
                    def cost(g):
                        idx = members_of[g]
                        extra = 0 if hidden[idx].any() else 1
                        return (extra, float(np.nansum(num[idx])), group_list.index(g))

                    best = min(candidates, key=cost)
                    gh[best] = True
                    idx = members_of[best]
                    if not hidden[idx].any():
                        hidden[smallest_published(idx)] = True
                else:
                    county_hidden = True
                changed = True
        if not changed:
            break

    secondary = hidden & ~primary_mask
    return SuppressionResult(
        quartier_hidden=hidden,
        quartier_secondary=secondary,
        group_hidden=gh if use_groups else {},
        group_secondary={g: gh[g] and not g_primary[g] for g in gh} if use_groups else {},
        county_hidden=county_hidden,
        county_secondary=county_hidden and not county_primary,
    )
