"""An integer-programming attacker (``scipy.optimize.milp``, HiGHS) for the confidentiality tests.

It gets what one run publishes and the documented rules, and computes for a hidden count the interval of whole
values consistent with all of it. Nothing of the plugin's own audit is used.

What it knows (``Publication``):
- per indicator (numerator / denominator column, share or not, factor) and quartier: the flag and, for a published
  cell (``ok``, ``zero_denominator``), the exact numerator and denominator;
- per municipality and for the county either the exact sums (``exact``: the engine's frames) or the published value
  rounded to ``decimals`` (``rounded``: the layer's ``_mun`` / ``_county``), or nothing;
- the rules: counts whole and ≥ 0; a hidden cell of a share has numerator ≤ denominator; a quartier with a published
  cell of a confidential indicator has a population (the population column, when it is an unknown) of at least
  MIN_POPULATION (a public indicator is published whatever the population); totals are sums over the quartiers whose
  flag is ok, zero_denominator or suppressed;
- ``known``: values published outside the indicators (the population ``pop_total`` of every quartier).
"""

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

PUBLISHED = ("ok", "zero_denominator")
COUNTED = ("ok", "zero_denominator", "suppressed")
BIG = 1e6  # upper bound of every unknown (keeps the programs bounded; an interval reaching it is "unbounded")


@dataclass
class IndicatorView:
    field: str
    numerator: str
    denominator: str
    share: bool
    factor: float
    flags: dict  # quartier -> flag
    num: dict  # quartier -> published numerator (NaN)
    den: dict
    group_totals: dict = field(default_factory=dict)  # municipality -> ("exact", N, D) | ("rounded", value)
    county_total: object = None
    confidential: bool = True


@dataclass
class Publication:
    quartiers: list
    municipality: dict  # quartier -> municipality
    indicators: list  # IndicatorView
    decimals: int = 1
    min_population: float = 0
    population_column: str = "pop_total"
    known: dict = field(default_factory=dict)  # (quartier, column) -> value published beside the indicators


class Attacker:
    def __init__(self, pub):
        self.pub = pub
        columns = []
        for ind in pub.indicators:
            for c in (ind.numerator, ind.denominator):
                if c not in columns:
                    columns.append(c)
        self.columns = columns
        self.index = {}
        for q in pub.quartiers:
            for c in columns:
                self.index[(q, c)] = len(self.index)
        n = len(self.index)
        self.lb = np.zeros(n)
        self.ub = np.full(n, BIG)
        rows, lo, hi = [], [], []

        def add(coeffs, low, high):
            row = np.zeros(n)
            for key, a in coeffs:
                row[self.index[key]] += a
            rows.append(row)
            lo.append(low)
            hi.append(high)

        visible = {q: False for q in pub.quartiers}
        h = 0.5 * 10.0 ** (-pub.decimals) + 1e-9
        for ind in pub.indicators:
            for q in pub.quartiers:
                flag = ind.flags.get(q, "no_data")
                if flag in PUBLISHED:
                    visible[q] = visible[q] or ind.confidential
                    for c, v in ((ind.numerator, ind.num[q]), (ind.denominator, ind.den[q])):
                        j = self.index[(q, c)]
                        self.lb[j] = max(self.lb[j], v)
                        self.ub[j] = min(self.ub[j], v)
                elif flag == "suppressed" and ind.share:
                    add([((q, ind.numerator), 1.0), ((q, ind.denominator), -1.0)], -np.inf, 0.0)
            groups = {}
            for q in pub.quartiers:
                if ind.flags.get(q) in COUNTED:
                    groups.setdefault(pub.municipality.get(q), []).append(q)
            totals = [(groups.get(g, []), t) for g, t in ind.group_totals.items()]
            totals.append(([q for q in pub.quartiers if ind.flags.get(q) in COUNTED], ind.county_total))
            for members, total in totals:
                if total is None or not members:
                    continue
                nums = [((q, ind.numerator), 1.0) for q in members]
                dens = [((q, ind.denominator), 1.0) for q in members]
                if total[0] == "exact":
                    add(nums, total[1], total[1])
                    add(dens, total[2], total[2])
                else:
                    v = total[1]
                    add([(k, ind.factor * a) for k, a in nums] + [(k, -(v + h) * a) for k, a in dens], -np.inf, 0.0)
                    add([(k, ind.factor * a) for k, a in nums] + [(k, -(v - h) * a) for k, a in dens], 0.0, np.inf)
                    add(dens, 1.0, np.inf)
        for key, v in pub.known.items():
            if key in self.index:
                j = self.index[key]
                self.lb[j] = max(self.lb[j], v)
                self.ub[j] = min(self.ub[j], v)
        if pub.min_population and pub.population_column in columns:
            for q in pub.quartiers:
                if visible[q]:
                    j = self.index[(q, pub.population_column)]
                    self.lb[j] = max(self.lb[j], pub.min_population)
        self.a = np.array(rows) if rows else np.zeros((0, n))
        self.lo = np.array(lo)
        self.hi = np.array(hi)

    def feasible(self, values):
        """Whether the true table ``values`` ({(q, c): value}) satisfies every constraint (the model is right)."""
        x = np.array([values.get(k, 0.0) for k in sorted(self.index, key=self.index.get)], dtype=float)
        ok = np.all(x >= self.lb - 1e-9) and np.all(x <= self.ub + 1e-9)
        if len(self.a):
            ax = self.a @ x
            ok = ok and np.all(ax >= self.lo - 1e-6) and np.all(ax <= self.hi + 1e-6)
        return bool(ok)

    def interval(self, keys):
        """(min, max) of the sum of the unknowns ``keys`` over whole tables consistent with the publication."""
        from scipy.optimize import Bounds, LinearConstraint, milp

        c = np.zeros(len(self.index))
        for key in keys:
            c[self.index[key]] += 1.0
        fixed = self.lb >= self.ub
        free = ~fixed
        base = float(c[fixed] @ self.lb[fixed])
        if not free.any():
            return math.ceil(base - 1e-6), math.floor(base + 1e-6)
        constraints = []
        if len(self.a):
            shift = self.a[:, fixed] @ self.lb[fixed]
            a = self.a[:, free]
            used = np.abs(a).sum(axis=1) > 0
            if used.any():
                constraints = [LinearConstraint(a[used], (self.lo - shift)[used], (self.hi - shift)[used])]
        out = []
        for sign in (1.0, -1.0):
            res = milp(sign * c[free], integrality=np.ones(int(free.sum())),
                       bounds=Bounds(self.lb[free], self.ub[free]), constraints=constraints)
            assert res.status == 0, res.message
            out.append(base + sign * res.fun)
        return math.ceil(out[0] - 1e-6), math.floor(out[1] + 1e-6)


def publication_from_result(result, catalog, counts, id_column="quartier_id", municipality_column=None,
                            exact=True, min_population=0):
    """The attacker's view of an engine result (``exact``: the totals' sums; else their rounded values)."""
    q = result.quartiers
    quartiers = list(q.index)
    municipality = {}
    if municipality_column is not None:
        municipality = dict(zip(counts[id_column].astype(str), counts[municipality_column].astype(str)))
    views = []
    for ident in result.ids:
        ind = catalog[ident]
        f = ind.field
        view = IndicatorView(field=f, numerator=ind.numerator, denominator=ind.denominator,
                             share=ind.kind == "share", factor=float(ind.factor), flags=dict(q[f + "_flag"]),
                             num=dict(q[f + "_num"].astype(float)), den=dict(q[f + "_den"].astype(float)),
                             confidential=ind.confidential)

        def total(row, f=f):
            if exact:
                if not math.isnan(row[f + "_num"]):
                    return ("exact", float(row[f + "_num"]), float(row[f + "_den"]))
                return None
            return None if math.isnan(row[f]) else ("rounded", float(row[f]))

        if municipality_column is not None:
            for g, row in result.municipalities.iterrows():
                view.group_totals[str(g)] = total(row)
        view.county_total = total(result.county.iloc[0])
        views.append(view)
    known = {}
    if "pop_total" in q.columns:  # the published population of every quartier
        known = {(x, "pop_total"): float(v) for x, v in q["pop_total"].items() if not math.isnan(float(v))}
    return Publication(quartiers=quartiers, municipality=municipality, indicators=views,
                       decimals=result.decimals, min_population=min_population, known=known)


def truth_values(counts, columns, id_column="quartier_id"):
    """{(quartier, column): value} of the counts table (unreadable cells left out)."""
    out = {}
    for _, row in counts.iterrows():
        for c in columns:
            try:
                v = float(row[c])
            except (TypeError, ValueError):
                continue
            if not math.isnan(v):
                out[(str(row[id_column]), c)] = v
    return out


def random_county(seed, invalid=True):
    """2-5 municipalities of 2-8 quartiers, many counts 0..6, some quartiers under min_population."""
    rng = np.random.default_rng(seed)
    small = [0, 0, 1, 2, 3, 4, 5, 6]
    rows = []
    for m in range(int(rng.integers(2, 6))):
        for j in range(int(rng.integers(2, 9))):
            pop_total = int(rng.choice([120, 250, 400, 900, 2500, 6000]))
            pop_u65 = int(pop_total * rng.uniform(0.6, 0.9))
            pop_u15 = int(rng.choice([0, 3, 20, 80, 300]))
            pop_65plus = int(rng.choice(small + [40, 150, 400]))
            seu_examined = int(rng.choice([0, 2, 4, 8, 15, 30, 60]))
            row = {
                "quartier_id": "m{}q{}".format(m, j), "gemeinde": "M{}".format(m), "pop_total": pop_total,
                "pop_u65": pop_u65, "sgb2_u65": int(min(pop_u65, rng.choice(small + [20, 90, 300]))),
                "deaths_u65": int(rng.choice(small + [8, 12])), "pop_u15": pop_u15,
                "sgb2_u15": int(min(pop_u15, rng.choice(small + [15, 40]))), "pop_65plus": pop_65plus,
                "gsi_alter": int(min(pop_65plus, rng.choice(small))), "seu_examined": seu_examined,
                "seu_delayed": int(min(seu_examined, rng.choice(small + [10]))),
                "seu_overweight": int(min(seu_examined, rng.choice(small))),
                "severely_disabled": int(rng.choice(small + [30, 200])),
            }
            rows.append(row)
    counts = pd.DataFrame(rows)
    if invalid and rng.random() < 0.4:  # a quartier invalid for A.4 only (gsi_alter unreadable)
        counts["gsi_alter"] = counts["gsi_alter"].astype(object)
        counts.loc[int(rng.integers(0, len(counts))), "gsi_alter"] = "x"
    if invalid and rng.random() < 0.3:  # a share with numerator > denominator: invalid for B.1
        i = int(rng.integers(0, len(counts)))
        counts.loc[i, "seu_delayed"] = int(counts.loc[i, "seu_examined"]) + 2
    return counts


def targets(q, counts, ids, catalog, min_count=3, min_population=300):
    """The hidden counts the rule is about, from the truth: (keys, required, what) for small quartier counts,
    cells of small quartiers, and small municipality / county totals; ``q``: the published flags per quartier
    (a frame indexed by quartier id with ``F_flag`` columns)."""
    truth = counts.set_index("quartier_id")
    out = []
    for ident in ids:
        ind = catalog[ident]
        if not ind.confidential:  # public: published as it is, nothing to protect
            continue
        f = ind.field
        counted = [x for x in q.index if q.loc[x, f + "_flag"] in ("ok", "zero_denominator", "suppressed")]
        for x in counted:
            num = float(truth.loc[x, ind.numerator])
            if truth.loc[x, "pop_total"] < min_population:
                out.append(([(x, ind.numerator)], 1, (f, x, "population")))
            elif 1 <= num < min_count:
                out.append(([(x, ind.numerator)], min_count, (f, x, "count")))
        groups = {}
        for x in counted:
            groups.setdefault(truth.loc[x, "gemeinde"], []).append(x)
        for g, members in groups.items():
            total = sum(float(truth.loc[x, ind.numerator]) for x in members)
            if 1 <= total < min_count:
                out.append(([(x, ind.numerator) for x in members], min_count, (f, g, "count")))
        total = sum(float(truth.loc[x, ind.numerator]) for x in counted)
        if counted and 1 <= total < min_count:
            out.append(([(x, ind.numerator) for x in counted], min_count, (f, "county", "count")))
    return out
