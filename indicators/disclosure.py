"""Disclosure audit: how far can a reader narrow a hidden count from everything one run publishes?

**What one run publishes** (``calculateindicators``; see ``indicators.rates``). Per indicator and quartier either
nothing but the flag ``suppressed`` (a hidden cell) or the exact numerator and denominator with the value, interval,
z-score, class, significance and rank derived from them (a published cell, also ``zero_denominator``); invalid and
empty cells publish nothing and are left out of the totals. Per municipality and for the county either nothing or
the total (the sums of numerator and denominator over the quartiers with valid data, and the rate of them). The
audit assumes the *exact* sums are published (the layer shows only the rate, rounded to DECIMALS: a reader learns
less than the audit assumes). A reader also knows the documented rules: counts are whole and non-negative; a share's
numerator is at most its denominator (else the flag would be ``invalid``, which says numerator > denominator or an
unreadable cell); a cell with a numerator 1..MIN_COUNT-1 and every cell of a quartier under MIN_POPULATION is hidden
(so a quartier with a published cell has at least MIN_POPULATION residents, a published total has a population of
at least MIN_POPULATION and a count 0 or at least MIN_COUNT).

**Public indicators and the published population.** An indicator of the catalog with ``confidential`` false
(offerings and their coverage: W.1, W.2) is never suppressed: every valid cell and every total of it is published
exactly, whatever its count and whatever the quartier's population. The audit models it like any other indicator
whose cells are never hidden (``IndicatorCells.public``): a column it uses is *known* wherever it is valid, also
when a confidential indicator uses the same column (``pop_total`` as the denominator of W.1 and of G.3), and its
totals are published. A public cell says nothing about the quartier's population (the MIN_POPULATION rule does not
apply to it), so only confidential cells and totals raise the population floor below. The population column
itself (``pop_total``) is published exactly for every quartier (``Layout.known``: population is public in the
official statistics, also for a quartier under MIN_POPULATION; the rule hides that quartier's social counts, not its
size). A confidential indicator's numerator is never a column a public indicator or the population output
publishes (``rates.compute`` refuses such a catalog), so every audited count is an unknown. Secondary suppression
hides only confidential cells and totals.

**The model.** Every counts column used by a chosen indicator (numerator or denominator) is one unknown per quartier,
shared by every indicator that uses the column (``pop_u65`` of A.1 and G.2, ``pop_65plus`` of D.1 and A.4).

**The method: transfer certificates (exact arithmetic, no solver).** A *transfer* moves ``t`` units of one column
from quartier ``b`` to quartier ``a``. It leaves every published number unchanged when neither ``a`` nor ``b``
publishes that column in any indicator, and every published total of every indicator using the column contains
both or neither of them. So the quartiers of a column fall into *classes* by their *signature*: per indicator using
the column, the published municipality total and the published county total the quartier is counted in (a quartier
publishing the column has no signature). Within a class any transfer is invisible; a quartier whose signature
names no published total at all is *free* (it can change alone). A table changed by transfers within classes, that
respects the bounds of the rules above (non-negative, share numerator ≤ denominator, the MIN_POPULATION floor of a
quartier with a published cell, …, the other columns held at their true values), publishes exactly the same numbers
as the true table: it is a *witness* the reader cannot rule out. Two witnesses, one moving the audited count down,
one up, certify an interval the reader cannot narrow it below. For a share whose numerator is capped by its
denominator, the up-witness may also move the denominator within its own class (and a denominator held up by its
numerator may lower the numerator): the two transfers touch different columns and keep every bound.

For a cell ``a`` of class ``K`` with bounds ``lo ≤ x ≤ hi``: up = min(hi - x, Σ_{b∈K, b≠a}(x_b - lo_b)), down =
min(x - lo, Σ_{b∈K, b≠a}(hi_b - x_b)); free: up = hi - x, down = x - lo. For a total over the quartiers ``M`` it
is the sum over the classes of the transfers across the border of ``M`` (min of what the members outside can give
and the members inside can take, each way) plus the free members of ``M``.

**Why it is sound.** Every witness is a table consistent with every published number and every documented rule, so
a reader with any method (an integer program included) is left with an interval containing both: the certified
interval is *inside* the reader's. The audit therefore never passes a cell the reader can narrow below the rule;
it may ask for more suppression than strictly needed (rounding slack, chains through several columns are not
used). It needs no scipy; with scipy present the tests check it against an integer-programming attacker
(``scipy.optimize.milp``), whose intervals always contain the certified ones.

**The protection rule** (``Item.required``): a count hidden for being small (1..MIN_COUNT-1) has an interval of
width ≥ MIN_COUNT (MIN_COUNT + 1 possible values); the numerator of every cell of a quartier (or total) hidden for
its small population is not determined (width ≥ 1). Widths only grow when more cells are hidden (classes merge,
bounds loosen), which lets :func:`indicators.suppression.protect` add cells greedily.
"""

import math
from dataclasses import dataclass, field

import numpy as np

INF = math.inf
COUNT = "count"
POPULATION = "population"


@dataclass
class IndicatorCells:
    """One indicator's place in the run: its columns and which quartiers are valid (counted in the totals)."""

    field: str
    numerator: str
    denominator: str
    share: bool
    valid: np.ndarray  # bool per quartier: cell computed and counted in the totals (not invalid / no_data)
    reversed_order: np.ndarray  # bool per quartier: flagged invalid because numerator > denominator (a share)
    public: bool = False  # never suppressed: every valid cell and total published (catalog ``confidential`` false)


@dataclass
class Layout:
    """Everything about a run that does not depend on what is hidden."""

    values: dict  # column -> float array per quartier (NaN: not a whole count, not an unknown)
    indicators: list  # IndicatorCells
    groups: object = None  # municipality key per quartier (object array) or None
    population_column: object = None  # the column of the MIN_POPULATION rule, when it is an unknown
    population_floor: object = None  # float array: its least value for a quartier with a published cell
    population_years: object = None  # years pooled per quartier (the population column is a sum over them)
    known: dict = field(default_factory=dict)  # column -> bool per quartier: published exactly by the run anyway

    def __post_init__(self):
        first = next(iter(self.values.values()), np.zeros(0))
        self.n = len(first)
        self.uses = {}
        for k, ind in enumerate(self.indicators):
            self.uses.setdefault(ind.numerator, []).append((k, "num"))
            self.uses.setdefault(ind.denominator, []).append((k, "den"))
        if self.groups is not None:
            self.groups = np.asarray(self.groups, dtype=object)
            self.group_list = list(dict.fromkeys(self.groups.tolist()))
            self.members = {g: np.flatnonzero(self.groups == g) for g in self.group_list}
        else:
            self.group_list = []
            self.members = {}
        if self.population_column not in self.values:
            self.population_column = None
        if self.population_years is None:
            self.population_years = np.ones(self.n)
        self.known = {c: np.asarray(v, dtype=bool) for c, v in self.known.items() if c in self.values}
        self.confidential = [k for k, ind in enumerate(self.indicators) if not ind.public]


@dataclass
class Pattern:
    """What is hidden: per indicator the quartier cells, the municipality totals and the county total."""

    hidden: list  # bool array per indicator
    group_hidden: list  # {municipality: bool} per indicator (True also for a total without valid quartiers)
    county_hidden: list  # bool per indicator

    def copy(self):
        return Pattern([h.copy() for h in self.hidden], [dict(g) for g in self.group_hidden],
                       list(self.county_hidden))


@dataclass(frozen=True)
class Item:
    """A hidden count the protection rule is about: a quartier cell (``quartier`` ≥ 0), a municipality total
    (``group``) or the county total (``county``) of column ``column``, summed over the valid quartiers of
    indicator ``indicator`` for totals."""

    column: str
    indicator: int
    quartier: int = -1
    group: object = None
    county: bool = False
    required: int = 1
    reason: str = COUNT


@dataclass
class AuditResult:
    items: list = field(default_factory=list)
    intervals: list = field(default_factory=list)  # (lo, hi) per item
    seconds: float = 0.0

    @property
    def cells(self):
        return len(self.items)

    def widths(self, reason=None):
        return [hi - lo for it, (lo, hi) in zip(self.items, self.intervals) if reason is None or it.reason == reason]

    def narrowest(self, reason=COUNT):
        """The narrowest certified interval width among the items hidden for ``reason`` (None: none)."""
        widths = self.widths(reason)
        return min(widths) if widths else None

    @property
    def failures(self):
        return [it for it, (lo, hi) in zip(self.items, self.intervals) if hi - lo < it.required]

    @property
    def passed(self):
        return not self.failures


class Auditor:
    """Certified intervals for a :class:`Layout` under a :class:`Pattern`; caches the classes per column (call
    :meth:`changed` after hiding more)."""

    def __init__(self, layout, pattern):
        self.layout = layout
        self.pattern = pattern
        self._classes = {}

    def changed(self, indicators=None):
        """Forget the classes of the columns of ``indicators`` (indices; None: all)."""
        if indicators is None:
            self._classes.clear()
            return
        for k in indicators:
            ind = self.layout.indicators[k]
            self._classes.pop(ind.numerator, None)
            self._classes.pop(ind.denominator, None)
        self._classes.pop(self.layout.population_column, None)  # its floor depends on every published cell

    # -- signatures, bounds, classes ------------------------------------------------------------------------------
    def has_published_cell(self, q):
        """Whether a confidential cell of ``q`` is published (only those tell that ``q`` has MIN_POPULATION)."""
        lay, pat = self.layout, self.pattern
        return any(lay.indicators[k].valid[q] and not pat.hidden[k][q] for k in lay.confidential)

    def signature(self, q, column, assume_hidden=False):
        """The totals quartier ``q``'s value of ``column`` is counted in, per indicator using it; None when a cell
        publishes it (``assume_hidden``: as if every confidential cell of ``q`` using the column were hidden)."""
        lay, pat = self.layout, self.pattern
        if not math.isfinite(lay.values[column][q]):
            return None
        known = lay.known.get(column)
        if known is not None and known[q]:
            return None
        g = lay.groups[q] if lay.groups is not None else None
        parts = []
        for k, _role in lay.uses[column]:
            if lay.indicators[k].valid[q]:
                if not ((assume_hidden and not lay.indicators[k].public) or pat.hidden[k][q]):
                    return None
                gp = g if g is not None and not pat.group_hidden[k].get(g, True) else None
                parts.append((gp, not pat.county_hidden[k]))
            else:
                parts.append((None, False))
        if column == lay.population_column:  # a published confidential total has MIN_POPULATION residents
            group_shown = g is not None and any(not pat.group_hidden[k].get(g, True) for k in lay.confidential)
            county_shown = any(not pat.county_hidden[k] for k in lay.confidential)
            parts.append((g if group_shown else None, county_shown, lay.population_years[q]))
        return tuple(parts)

    @staticmethod
    def is_free(signature):
        return signature is not None and all(p[0] is None and not p[1] for p in signature)

    def _limits(self, q, column, adjust=None, skip=None):
        """(lo, hi) of ``column`` at ``q`` from the shares and the reversed-order flags using it, the other column
        at its true value, or at ``adjust(k, role, other_column, value)`` for a valid share; indicator ``skip`` left
        out. Without the population floor."""
        lay = self.layout
        lo, hi = 0.0, INF
        for k, role in lay.uses[column]:
            ind = lay.indicators[k]
            other_col = ind.denominator if role == "num" else ind.numerator
            other = lay.values[other_col][q]
            if k == skip or not math.isfinite(other):
                continue
            if ind.share and ind.valid[q]:
                if adjust is not None:
                    other = adjust(k, role, other_col, other)
                if role == "num":
                    hi = min(hi, other)
                else:
                    lo = max(lo, other)
            elif ind.reversed_order[q]:
                if role == "num":
                    lo = max(lo, other + 1)
                else:
                    hi = min(hi, other - 1)
        return lo, hi

    def _floor(self, q, column, lo):
        lay = self.layout
        if column == lay.population_column and lay.population_floor is not None and self.has_published_cell(q):
            return max(lo, lay.population_floor[q])
        return lo

    def bounds(self, q, column):
        """(lo, hi) of ``column`` at ``q`` by the documented rules, the other columns at their true values."""
        lo, hi = self._limits(q, column)
        return self._floor(q, column, lo), hi

    def classes(self, column):
        """{signature: (members array, x, lo, hi)} of ``column`` (quartiers with a signature)."""
        if column in self._classes:
            return self._classes[column]
        lay = self.layout
        values = lay.values[column]
        found = {}
        for q in range(lay.n):
            sig = self.signature(q, column)
            if sig is not None:
                found.setdefault(sig, []).append(q)
        out = {}
        for sig, members in found.items():
            b = [self.bounds(q, column) for q in members]
            out[sig] = (np.array(members, dtype=int), values[members].astype(float),
                        np.array([x[0] for x in b]), np.array([x[1] for x in b]))
        self._classes[column] = out
        return out

    def class_sums(self, q, column):
        """(signature, free, Σ(x - lo), Σ(hi - x)) over the class of ``q`` without ``q`` itself."""
        sig = self.signature(q, column)
        if sig is None:
            return None, False, 0.0, 0.0
        if self.is_free(sig):
            return sig, True, 0.0, 0.0
        members, x, lo, hi = self.classes(column)[sig]
        others = members != q
        return sig, False, float((x - lo)[others].sum()), float((hi - x)[others].sum())

    # -- intervals ------------------------------------------------------------------------------------------------
    def _capacity(self, q, column, up, extra=0.0):
        """How far ``column`` at ``q`` can move (``up`` or down) by transfers, ``extra`` added to its class."""
        sig, free, give, take = self.class_sums(q, column)
        if sig is None:
            return 0.0
        x = self.layout.values[column][q]
        lo, hi = self.bounds(q, column)
        if up:
            return max(0.0, hi - x if free else min(hi - x, give + extra))
        return max(0.0, x - lo if free else min(x - lo, take + extra))

    def cell_interval(self, q, column, extra=None):
        """Certified (lo, hi) of ``column`` at quartier ``q``; ``extra``: {column: (give, take)} added to the class
        sums of ``q`` in that column (to price a partner before hiding it)."""
        lay = self.layout
        extra = extra or {}
        x = float(lay.values[column][q])
        sig, free, give, take = self.class_sums(q, column)
        if sig is None:
            return x, x
        add_give, add_take = extra.get(column, (0.0, 0.0))
        give += add_give
        take += add_take

        def moved(k, role, other_col, other):  # numerator ≤ denominator: the denominator may rise in its class
            if role == "num":
                return other + self._capacity(q, other_col, True, extra.get(other_col, (0.0, 0.0))[0])
            return other - self._capacity(q, other_col, False, extra.get(other_col, (0.0, 0.0))[1])

        lo, hi = self._limits(q, column, adjust=moved)
        lo = self._floor(q, column, lo)
        if free:
            up, down = hi - x, x - lo
        else:
            up, down = min(hi - x, give), min(x - lo, take)
        return x - max(0.0, down), x + max(0.0, up)

    def free_bounds(self, q, column):
        """Bounds of a free cell: a share's other column moves too where it is free at ``q`` as well (free cells
        change alone, so these moves add up over quartiers)."""
        lay = self.layout
        lo, hi = self.bounds(q, column)
        for k, role in lay.uses[column]:
            ind = lay.indicators[k]
            if not (ind.share and ind.valid[q]):
                continue
            other_col = ind.denominator if role == "num" else ind.numerator
            if not self.is_free(self.signature(q, other_col)):
                continue
            o_lo, o_hi = self.bounds(q, other_col)
            lo2, hi2 = self._limits(q, column, skip=k)  # the column's bounds without this share's
            if role == "num":
                hi = max(hi, min(hi2, o_hi))
            else:
                lo = min(lo, max(lo2, o_lo))
        return lo, hi

    def total_members(self, item):
        """The quartiers whose value of the item's column is summed in its total."""
        lay = self.layout
        valid = lay.indicators[item.indicator].valid
        if item.county:
            return valid.copy()
        mask = np.zeros(lay.n, dtype=bool)
        mask[lay.members[item.group]] = True
        return mask & valid

    def total_interval(self, item):
        """Certified (lo, hi) of the total of ``item`` (a municipality or the county)."""
        inside = self.total_members(item)
        values = self.layout.values[item.column]
        total = float(np.nansum(values[inside]))
        up = down = 0.0
        for sig, (members, x, lo, hi) in self.classes(item.column).items():
            ins = inside[members]
            if self.is_free(sig):
                for q in members[ins]:
                    f_lo, f_hi = self.free_bounds(q, item.column)
                    x_q = values[q]
                    up += max(0.0, f_hi - x_q)
                    down += max(0.0, x_q - f_lo)
                continue
            up += min(float((x - lo)[~ins].sum()), float((hi - x)[ins].sum()))
            down += min(float((x - lo)[ins].sum()), float((hi - x)[~ins].sum()))
        return total - down, total + up

    def interval(self, item):
        if item.quartier >= 0:
            return self.cell_interval(item.quartier, item.column)
        return self.total_interval(item)

    def width(self, item):
        lo, hi = self.interval(item)
        return hi - lo


def audit(layout, pattern, items):
    """:class:`AuditResult` of ``items`` under ``pattern``."""
    import time

    start = time.perf_counter()
    auditor = Auditor(layout, pattern)
    intervals = [auditor.interval(item) for item in items]
    return AuditResult(items=list(items), intervals=intervals, seconds=time.perf_counter() - start)
