"""Statistical confidentiality: primary and secondary suppression of a whole run (every chosen indicator at once).

Only confidential indicators (catalog ``confidential``, the default) are suppressed: a public one (W.1, W.2:
coverage of public offerings) publishes every valid cell and total, small counts and small quartiers included,
and is never hidden to protect another cell; the audit counts what it publishes (``indicators.disclosure``).

Primary suppression hides a cell whose numerator is 1..min_count-1 and every cell of a quartier whose population
(``pop_total``) is below min_population; the same rules hide a municipality or county total. Secondary suppression
(:func:`protect`) then hides further quartier cells, municipality totals and county totals until the disclosure
audit (:mod:`indicators.disclosure`) certifies the protection rule for every primary cell: a small count stays
consistent with at least min_count + 1 whole values, the counts of a small quartier are not determined. Every
hidden cell is published with the one flag ``suppressed``; the reasons are counted for the run log only.

The greedy step, for one failing cell, in this order (the audit's widths only grow when more is hidden, so every
cell once protected stays protected and one pass over the cells suffices):

1. hide the column wherever the cell's quartier publishes it (a column hidden as one indicator's numerator is
   hidden where it is another's denominator: ``pop_65plus`` of D.1 and A.4);
2. hide one more quartier's cells of the column (or of a share's other column, when the share's bound is what
   limits the interval): among those that make the cell pass the one with the fewest new hidden cells and then the
   smallest count, else the one that widens the interval most per new hidden cell;
3. when no quartier helps: hide the totals of the cell's municipality, then of another municipality (the one whose
   hidden quartiers help most, then with the smallest count), then the county total, for every indicator using the
   column;
4. as a last resort, everything of the column.
"""

import math

import numpy as np

from .disclosure import COUNT, POPULATION, Auditor, Item, audit

OK = "ok"
SUPPRESSED = "suppressed"
ZERO_DENOMINATOR = "zero_denominator"
NO_DATA = "no_data"
INVALID = "invalid"
FLAGS = (OK, SUPPRESSED, ZERO_DENOMINATOR, NO_DATA, INVALID)
# reasons of primary suppression (never published per cell: only counted in the run log)
SMALL_COUNT = "small_count"
SMALL_POPULATION = "small_population"
# flags written by earlier versions, still read as hidden (old layers in the dock and map sheets)
LEGACY_SUPPRESSED = ("suppressed_count", "suppressed_population", "suppressed_secondary")
HIDDEN_FLAGS = (SUPPRESSED,) + LEGACY_SUPPRESSED


def primary_flag(numerator, denominator, population, min_count, min_population):
    """Reason of primary suppression of one cell (SMALL_POPULATION, SMALL_COUNT), else its flag (ok,
    zero_denominator), from its (valid) numerator, denominator and population (NaN = unknown)."""
    if population is not None and not (population >= min_population):
        return SMALL_POPULATION
    if 1 <= numerator < min_count:
        return SMALL_COUNT
    if denominator == 0:
        return ZERO_DENOMINATOR
    return OK


def _hide_column(auditor, q, column):
    """Hide every valid cell of quartier ``q`` that publishes ``column``; the indicators changed."""
    lay, pat = auditor.layout, auditor.pattern
    changed = []
    for k, _role in lay.uses.get(column, ()):
        if lay.indicators[k].valid[q] and not pat.hidden[k][q] and not lay.indicators[k].public:
            pat.hidden[k][q] = True
            changed.append(k)
    auditor.changed(changed)
    return changed


def _cost_of_column(auditor, q, column):
    lay, pat = auditor.layout, auditor.pattern
    return sum(1 for k, _r in lay.uses.get(column, ())
               if lay.indicators[k].valid[q] and not pat.hidden[k][q] and not lay.indicators[k].public)


def _hide_totals(auditor, column, group=None, county=False):
    """Hide the municipality ``group``'s totals (or the county's) of every indicator using ``column``."""
    lay, pat = auditor.layout, auditor.pattern
    changed = []
    for k, _role in lay.uses.get(column, ()):
        if lay.indicators[k].public:
            continue
        if county:
            if not pat.county_hidden[k]:
                pat.county_hidden[k] = True
                changed.append(k)
        elif not pat.group_hidden[k].get(group, True):
            pat.group_hidden[k][group] = True
            changed.append(k)
    auditor.changed(changed)
    return changed


def _published_total_groups(auditor, column):
    lay, pat = auditor.layout, auditor.pattern
    return [g for g in lay.group_list if any(not pat.group_hidden[k].get(g, True) for k, _r in lay.uses[column]
                                             if not lay.indicators[k].public)]


def _county_published(auditor, column):
    lay, pat = auditor.layout, auditor.pattern
    return any(not pat.county_hidden[k] for k, _r in lay.uses[column] if not lay.indicators[k].public)


def _item_columns(layout, item):
    """The item's column and the other column of every share using it (at the item's quartier)."""
    columns = [item.column]
    for k, role in layout.uses[item.column]:
        ind = layout.indicators[k]
        if ind.share and (item.quartier < 0 or ind.valid[item.quartier]):
            other = ind.denominator if role == "num" else ind.numerator
            if other not in columns:
                columns.append(other)
    return columns


def _improve_cell(auditor, item):
    """One step of secondary suppression for a failing quartier cell; False when nothing is left to hide."""
    lay = auditor.layout
    q = item.quartier
    current = auditor.width(item)
    passing, gaining, own = [], [], []
    for column in _item_columns(lay, item):
        target = auditor.signature(q, column)
        if target is None:  # the quartier still publishes this (other) column: hiding it there may help
            cost = _cost_of_column(auditor, q, column)
            if cost:
                own.append((cost, q, column))
            continue
        values = lay.values[column]
        for b in range(lay.n):
            if b == q or not math.isfinite(values[b]):
                continue
            cost = _cost_of_column(auditor, b, column)
            if cost == 0 or auditor.signature(b, column, assume_hidden=True) != target:
                continue
            lo, hi = auditor.bounds(b, column)
            lo_i, hi_i = auditor.cell_interval(q, item.column, {column: (values[b] - lo, hi - values[b])})
            width = hi_i - lo_i
            if width >= item.required:
                passing.append((cost, float(values[b]), b, column))
            elif width > current:
                gaining.append((-(width - current) / cost, float(values[b]), b, column))
    chosen = min(passing) if passing else min(gaining) if gaining else min(own) if own else None
    if chosen is None:
        return _widen_by_totals(auditor, item, _item_columns(lay, item))
    _hide_column(auditor, chosen[-2], chosen[-1])
    return True


def _widen_by_totals(auditor, item, columns):
    """Hide totals so that the item's class reaches further: its own municipality, another one, the county."""
    lay = auditor.layout
    for column in columns:
        groups = _published_total_groups(auditor, column)
        own = None
        if item.quartier >= 0 and lay.groups is not None:
            own = lay.groups[item.quartier]
        elif item.group is not None:
            own = item.group
        if own is not None and own in groups:
            _hide_totals(auditor, column, group=own)
            return True
        if groups:
            _hide_totals(auditor, column, group=min(groups, key=lambda g: _group_help(auditor, column, g)))
            return True
        if _county_published(auditor, column):
            _hide_totals(auditor, column, county=True)
            return True
    return False


def _group_help(auditor, column, group):
    """Sort key of a municipality whose totals may be hidden: most hidden count of the column first, then the
    smallest total, then the first."""
    lay = auditor.layout
    values = lay.values[column]
    idx = lay.members[group]
    hidden_help = sum(values[b] for b in idx if math.isfinite(values[b]) and auditor.signature(b, column) is not None)
    return (-hidden_help, float(np.nansum(values[idx])), lay.group_list.index(group))


def _improve_total(auditor, item):
    """One step for a failing municipality / county total: the quartier or total that widens it most."""
    lay = auditor.layout
    column = item.column
    current = auditor.width(item)
    values = lay.values[column]
    moves = []
    for b in range(lay.n):
        if math.isfinite(values[b]) and _cost_of_column(auditor, b, column):
            moves.append(("cell", b, _cost_of_column(auditor, b, column), float(values[b])))
    for g in _published_total_groups(auditor, column):
        if g != item.group:
            moves.append(("group", g, 1, float(np.nansum(values[lay.members[g]]))))
    if _county_published(auditor, column):
        moves.append(("county", None, 1, 0.0))
    best = None
    for kind, where, cost, size in moves:
        trial = Auditor(lay, auditor.pattern.copy())
        if kind == "cell":
            _hide_column(trial, where, column)
        else:
            _hide_totals(trial, column, group=where, county=kind == "county")
        width = trial.width(item)
        if width <= current:
            continue
        key = (0 if width >= item.required else 1, cost if width >= item.required else -(width - current) / cost,
               size)
        if best is None or key < best[0]:
            best = (key, kind, where)
    if best is None:
        return _widen_by_totals(auditor, item, [column])
    _, kind, where = best
    if kind == "cell":
        _hide_column(auditor, where, column)
    else:
        _hide_totals(auditor, column, group=where, county=kind == "county")
    return True


def _hide_everything(auditor, column):
    lay, pat = auditor.layout, auditor.pattern
    for k, _r in lay.uses[column]:
        if lay.indicators[k].public:
            continue
        pat.hidden[k][:] = True
        for g in pat.group_hidden[k]:
            pat.group_hidden[k][g] = True
        pat.county_hidden[k] = True
    auditor.changed()


def close_items(auditor, items):
    """Rule 1: the column of every item is hidden wherever its quartier or total publishes it."""
    for item in items:
        if item.quartier >= 0:
            _hide_column(auditor, item.quartier, item.column)
        elif item.county:
            _hide_totals(auditor, item.column, county=True)
        else:
            _hide_totals(auditor, item.column, group=item.group)


def protect(layout, pattern, items, max_steps=None):
    """Secondary suppression: hide more of ``pattern`` (changed in place) until every item passes the audit;
    returns the :class:`indicators.disclosure.AuditResult` of the final pattern."""
    auditor = Auditor(layout, pattern)
    close_items(auditor, items)
    limit = max_steps if max_steps is not None else 4 * layout.n * max(1, len(layout.indicators)) + 100
    for item in items:
        steps = 0
        while auditor.width(item) < item.required:
            steps += 1
            improved = steps <= limit and (
                _improve_cell(auditor, item) if item.quartier >= 0 else _improve_total(auditor, item))
            if not improved:
                for column in _item_columns(layout, item):
                    _hide_everything(auditor, column)
                break
    return audit(layout, pattern, items)


__all__ = ["COUNT", "FLAGS", "HIDDEN_FLAGS", "Item", "POPULATION", "SUPPRESSED", "primary_flag", "protect"]
