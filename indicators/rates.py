"""Indicator values from a counts table: rates, intervals, aggregates, significance, suppression flags.

Aggregates (municipalities, county) are recomputed from the summed numerators and denominators of the quartiers
with valid data, never averaged from rates. See ``docs/ENGINE_API.md`` for the contract.

Confidentiality applies to the indicators the catalog marks ``confidential`` (the default); a public one (W.1, W.2)
is published exactly, small counts and small quartiers included (``indicators.suppression``,
``indicators.disclosure``). The population column (``pop_total``, averaged over pooled years) is published for
every quartier as the column ``pop_total`` of the quartier frame, when the counts table has it: population is public
in the official statistics, also for a quartier under MIN_POPULATION (whose confidential values stay hidden).

Messages are :class:`engine_messages.Message` objects (a key and parameters), errors
:class:`IndicatorError` (the same): the Processing glue translates them. Per-indicator notes of the same kind
(suppressed cells, zero denominators, totals that leave quartiers out) come as one summarised message each.
"""

import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import ci, funnel, parse, suppression
from .counts_table import IndicatorError, Table, apply_mapping, examples, find_column, id_text
from .disclosure import COUNT, POPULATION, IndicatorCells, Item, Layout, Pattern
from .engine_messages import INFO, WARNING, Message
from .standardise import ESP2013, U65_BANDS, age_standardised_rates
from .suppression import (
    INVALID,
    NO_DATA,
    OK,
    SMALL_COUNT,
    SMALL_POPULATION,
    SUPPRESSED,
    ZERO_DENOMINATOR,
)

PRIMARY = (SMALL_COUNT, SMALL_POPULATION)
COUNTY = "county"
POPULATION_OUTPUT = "pop_total"  # the published population column of the quartier frame
FUNNEL_SUFFIX = "_funnel"  # the funnel class column of an indicator (``indicators.funnel.CLASSES`` or None)


@dataclass
class IndicatorResult:
    quartiers: pd.DataFrame
    municipalities: pd.DataFrame
    county: pd.DataFrame
    messages: list = field(default_factory=list)
    ids: list = field(default_factory=list)
    min_count: int = 3
    min_population: float = 300
    decimals: int = 1
    audit: object = None  # RunAudit
    # per indicator id the funnel comparison's parameters: {"kind": "share" | "rate", "theta": the county's
    # numerator over its denominator, "phi": the overdispersion factor the limits were widened by (1.0: none)};
    # missing where the indicator has no funnel classes (hidden county, zero denominator)
    funnel: dict = field(default_factory=dict)


def _column_note(messages, notes, key, level, column, ident, **params):
    """One message per (key, column) listing every indicator it concerns (``notes`` remembers them)."""
    found = notes.get((key, column))
    if found is None:
        notes[(key, column)] = found = Message(key, level, column=column, indicators=[], **params)
        messages.append(found)
    found.params["indicators"].append(ident)


def _primary_flag(ind, num, den, population, min_count, min_population):
    """Primary flag of a valid cell: a public indicator is never suppressed."""
    if not ind.confidential:
        return suppression.primary_flag(num, den, None, 0, 0)
    return suppression.primary_flag(num, den, population, min_count, min_population)


def _check_public_columns(catalog, ids, population_column, published_population):
    """A confidential indicator's numerator must not be published by a public indicator or as the population."""
    public = {}
    for ident in ids:
        ind = catalog[ident]
        if not ind.confidential:
            for column in (ind.numerator, ind.denominator):
                public.setdefault(column, []).append(ident)
    for ident in ids:
        ind = catalog[ident]
        if not ind.confidential:
            continue
        if ind.numerator in public:
            raise IndicatorError("numerator_public", indicator=ident, column=ind.numerator,
                                 public=", ".join(public[ind.numerator]))
        if published_population and find_column([ind.numerator], population_column) is not None:
            raise IndicatorError("numerator_population", indicator=ident, column=ind.numerator)


def _group_sum(values, keys, group_list):
    return np.array([np.nansum(values[keys == g]) for g in group_list], dtype=float)


@dataclass
class RunAudit:
    """What secondary suppression and the disclosure audit did in one run (for the log and the AUDIT output)."""

    result: object  # disclosure.AuditResult
    primary_cells: int = 0  # quartier cells hidden by primary suppression
    secondary_cells: int = 0  # quartier cells hidden beyond primary suppression
    small_count_cells: int = 0
    small_population_cells: int = 0
    primary_totals: int = 0  # municipality and county totals hidden by primary suppression
    secondary_totals: int = 0
    seconds: float = 0.0

    @property
    def cells(self):
        return self.result.cells

    @property
    def narrowest(self):
        """Narrowest certified interval width of a small count (None: no small count hidden)."""
        return self.result.narrowest(COUNT)

    @property
    def narrowest_population(self):
        return self.result.narrowest(POPULATION)

    @property
    def passed(self):
        return self.result.passed


def compute(counts, catalog, ids, *, id_column="quartier_id", municipality_column=None, mapping=None, min_count=3,
            min_population=300, population_column="pop_total", year_column=None, decimals=1,
            funnel_overdispersion=False):
    """Compute the indicators ``ids`` of ``catalog`` from ``counts``; see ``docs/ENGINE_API.md``. The column
    ``<F>_funnel`` holds the funnel class (:mod:`indicators.funnel`) of every published cell against the county
    value, with Spiegelhalter's overdispersion factor estimated from the published cells when
    ``funnel_overdispersion``."""
    ids = list(ids)
    unknown = [i for i in ids if i not in catalog]
    if unknown:
        raise IndicatorError("unknown_ids", ids=examples(unknown), catalog=", ".join(catalog.ids()))
    if not isinstance(counts, pd.DataFrame):
        counts = pd.DataFrame(counts)
    frame = apply_mapping(counts, mapping)
    table = Table(frame, id_column, year_column, municipality_column)
    messages = list(table.messages)
    n = len(table.ids)
    if table.years is not None:
        messages.append(Message("years_summed", INFO, years=len(set(table.years.tolist())), rows=len(frame)))
    any_confidential = any(catalog[i].confidential for i in ids)
    has_population = table.has(population_column)
    _check_public_columns(catalog, ids, population_column, has_population)
    public_ids = [i for i in ids if not catalog[i].confidential]
    if public_ids:
        messages.append(Message("public", INFO, ids=public_ids))

    # population for the MIN_POPULATION rule (mean over years when pooled), published as pop_total
    published_population = None
    if has_population:
        published_population, pop_status, _ = table.column(population_column, mean=True)
    if min_population and min_population > 0 and any_confidential:
        if not has_population:
            raise IndicatorError("population_missing", column=population_column, min_population=min_population)
        population = published_population
        bad = [table.ids[i] for i in np.flatnonzero(pop_status != OK)]
        if bad:
            messages.append(Message("population_invalid", WARNING, column=population_column, ex=examples(bad)))
    else:
        population = np.full(n, np.inf)
    muni = table.municipality
    group_list = list(dict.fromkeys(muni.tolist())) if muni is not None else []

    # parse every indicator's columns; primary flags
    data = {}
    notes = {}
    left_out = []
    for ident in ids:
        ind = catalog[ident]
        for key, column in (("numerator_missing", ind.numerator), ("denominator_missing", ind.denominator)):
            if not table.has(column):
                raise IndicatorError(key, indicator=ident, column=column, columns=examples(frame.columns))
        num, num_status, num_reason = table.column(ind.numerator)
        den, den_status, den_reason = table.column(ind.denominator)
        status = np.full(n, OK, dtype=object)
        for st, rs, column in ((num_status, num_reason, ind.numerator), (den_status, den_reason, ind.denominator)):
            bad = np.flatnonzero(st == INVALID)
            if len(bad):
                raw = table.raw(column)
                _column_note(messages, notes, "invalid_count", WARNING, column, ident,
                             cells=[(table.ids[i], raw[i], rs[i]) for i in bad])
            status[st == INVALID] = INVALID
            empty = np.flatnonzero((st == NO_DATA) & (status != INVALID))
            if len(empty):
                _column_note(messages, notes, "empty_column", WARNING, column, ident,
                             ex=examples(table.ids[i] for i in empty))
            status[(st == NO_DATA) & (status != INVALID)] = NO_DATA
            grouped = np.flatnonzero((st == OK) & (rs == parse.GROUPED))
            if len(grouped):
                raw = table.raw(column)
                _column_note(messages, notes, "grouped", INFO, column, ident, ex=examples(
                    "{} ({!r} = {:g})".format(table.ids[i], raw[i], values) for i, values in
                    zip(grouped, (num if column == ind.numerator else den)[grouped])))
        reversed_order = np.zeros(n, dtype=bool)
        if ind.kind == "share":
            over = np.flatnonzero((status == OK) & (num > den))
            reversed_order[over] = True
            if len(over):
                messages.append(Message(
                    "numerator_over_denominator", WARNING, indicator=ident, numerator=ind.numerator,
                    denominator=ind.denominator,
                    ex=examples("{} ({:g} > {:g})".format(table.ids[i], num[i], den[i]) for i in over)))
                status[over] = INVALID
        valid = status == OK
        flags = status.copy()
        for i in np.flatnonzero(valid):
            flags[i] = _primary_flag(ind, num[i], den[i], population[i], min_count, min_population)
        group_num = group_den = None
        group_flags = {}
        if muni is not None:
            group_num = _group_sum(np.where(valid, num, np.nan), muni, group_list)
            group_den = _group_sum(np.where(valid, den, np.nan), muni, group_list)
            group_pop = _group_sum(np.where(np.isfinite(population), population, np.nan), muni, group_list)
            for k, g in enumerate(group_list):
                if not (valid & (muni == g)).any():
                    group_flags[g] = NO_DATA
                else:
                    group_flags[g] = _primary_flag(ind, group_num[k], group_den[k], group_pop[k], min_count,
                                                   min_population)
        county_num = float(np.nansum(np.where(valid, num, np.nan)))
        county_den = float(np.nansum(np.where(valid, den, np.nan)))
        county_pop = float(np.nansum(np.where(np.isfinite(population), population, np.nan))) if np.isfinite(
            population).any() else np.inf
        county_flag = NO_DATA if not valid.any() else _primary_flag(
            ind, county_num, county_den, county_pop, min_count, min_population)
        skipped = int((~valid).sum())
        if skipped and valid.any():
            left_out.append({"indicator": ident, "n": skipped})
        data[ident] = dict(ind=ind, num=num, den=den, valid=valid, flags=flags, group_num=group_num,
                           group_den=group_den, group_flags=group_flags, county_num=county_num,
                           county_den=county_den, county_flag=county_flag, reversed_order=reversed_order)

    # secondary suppression until the disclosure audit passes (indicators.suppression, indicators.disclosure)
    pattern, run_audit = _protect(table, data, ids, muni, group_list, population_column, min_count, min_population,
                                  published_population)
    messages.append(Message("audit", INFO, text=_audit_message(run_audit, min_count)))
    if table.years is not None and len(set(table.years.tolist())) > 1:
        messages.append(Message("pooled_years", WARNING))

    # assemble the output
    qframe = {}  # column dicts, made DataFrames at the end
    funnel_params = {}
    if muni is not None:
        qframe["municipality"] = muni
    if published_population is not None:
        qframe[POPULATION_OUTPUT] = np.asarray(published_population, dtype=float)
    suppressed_items, zero_items = [], []
    mframe = {}
    cframe = {}
    for k, ident in enumerate(ids):
        d = data[ident]
        ind = d["ind"]
        f = ind.field
        primary = d["flags"].copy()
        hidden = pattern.hidden[k] & d["valid"]
        flags = primary.copy()
        flags[hidden] = SUPPRESSED
        shown = d["valid"] & ~hidden
        num = np.where(shown, d["num"], np.nan)
        den = np.where(shown, d["den"], np.nan)
        value, lo, hi = _rate_and_ci(ind, num, den)
        # county
        c_flag = d["county_flag"]
        if pattern.county_hidden[k] and c_flag != NO_DATA:
            c_flag = SUPPRESSED
        c_show = c_flag not in (SUPPRESSED, NO_DATA)
        c_num = np.array([d["county_num"] if c_show else np.nan])
        c_den = np.array([d["county_den"] if c_show else np.nan])
        c_value, c_lo, c_hi = _rate_and_ci(ind, c_num, c_den)
        value, lo, hi = _rounded(decimals, value, lo, hi)
        c_rounded = _rounded(decimals, c_value, c_lo, c_hi)
        # z-scores over published (rounded) values, polarity applied
        ok = flags == OK
        z = np.full(n, np.nan)
        if ok.sum() >= 2:
            vals = value[ok]
            sd = vals.std(ddof=0)
            z[ok] = (vals - vals.mean()) / sd if sd > 0 else 0.0
            if ind.polarity < 0:
                z = -z
        sig = np.full(n, np.nan)
        if c_show and np.isfinite(c_value[0]):
            cv = c_value[0]
            sig[ok] = np.where(lo[ok] > cv, 1.0, np.where(hi[ok] < cv, -1.0, 0.0))
        _put_estimate(qframe, f, value, num, den, lo, hi)
        qframe[f + "_z"] = z
        qframe[f + "_sig"] = sig
        qframe[f + "_flag"] = flags.astype(str)
        qframe[f + FUNNEL_SUFFIX], funnel_parameters = _funnel_classes(ind, num, den, ok, c_num[0], c_den[0],
                                                                       funnel_overdispersion)
        if funnel_parameters is not None:
            funnel_params[ident] = funnel_parameters
        # municipalities
        if muni is not None:
            m_flags = []
            m_num = []
            m_den = []
            for j, g in enumerate(group_list):
                flag = d["group_flags"][g]
                if pattern.group_hidden[k].get(g) and flag != NO_DATA:
                    flag = SUPPRESSED
                show = flag not in (SUPPRESSED, NO_DATA)
                m_flags.append(flag)
                m_num.append(d["group_num"][j] if show else np.nan)
                m_den.append(d["group_den"][j] if show else np.nan)
            m_value, m_lo, m_hi = _rounded(decimals, *_rate_and_ci(ind, np.array(m_num, dtype=float),
                                                                   np.array(m_den, dtype=float)))
            _put_estimate(mframe, f, m_value, m_num, m_den, m_lo, m_hi)
            mframe[f + "_flag"] = m_flags
        _put_estimate(cframe, f, c_rounded[0], c_num, c_den, c_rounded[1], c_rounded[2])
        cframe[f + "_flag"] = [c_flag]
        n_count = int(((primary == SMALL_COUNT) & hidden).sum())
        n_population = int(((primary == SMALL_POPULATION) & hidden).sum())
        n_secondary = int((hidden & ~np.isin(primary, PRIMARY)).sum())
        if n_count or n_population or n_secondary:
            suppressed_items.append({"indicator": ident, "n": n_count + n_population + n_secondary})
        zero = [table.ids[i] for i in np.flatnonzero(flags == ZERO_DENOMINATOR)]
        if zero:
            zero_items.append({"indicator": ident, "ex": examples(zero)})
        if ident == "G.2":
            _age_standardised(table, ind, qframe, mframe, cframe, flags, muni, group_list, messages, decimals)
    for key, items in (("suppressed", suppressed_items), ("zero_denominator", zero_items),
                       ("totals_leave_out", left_out)):
        if items:
            messages.append(Message(key, INFO, items=items))
    qframe = pd.DataFrame(qframe, index=pd.Index(table.ids, name="quartier_id"))
    mframe = pd.DataFrame(mframe, index=pd.Index(group_list, name="municipality"))
    cframe = pd.DataFrame(cframe, index=pd.Index([COUNTY], name="county"))
    return IndicatorResult(quartiers=qframe, municipalities=mframe, county=cframe, messages=messages, ids=ids,
                           min_count=min_count, min_population=min_population, decimals=decimals, audit=run_audit,
                           funnel=funnel_params)


def _funnel_classes(ind, num, den, ok, county_num, county_den, overdispersion):
    """The funnel class of every published cell (``ok``) against the published county value (None for a hidden
    cell, a zero denominator or a hidden county) and the comparison's parameters ``{"kind", "theta", "phi"}``
    (None without a county value). Everything it uses is published (the cell's numerator and denominator, the
    county's totals), and the overdispersion factor is estimated from the published cells only: a class says
    nothing about a hidden count."""
    out = np.full(len(num), None, dtype=object)
    if not (np.isfinite(county_num) and np.isfinite(county_den) and county_den > 0):
        return out, None
    kind = "share" if ind.kind == "share" else "rate"
    theta = county_num / county_den
    if kind == "share" and theta > 1:
        return out, None
    cells = ok & np.isfinite(num) & np.isfinite(den) & (den > 0)
    phi = funnel.overdispersion(kind, num[cells], den[cells], theta) if overdispersion else 1.0
    out[cells] = funnel.classify(kind, num[cells], den[cells], theta, phi)
    return out, {"kind": kind, "theta": float(theta), "phi": float(phi)}


def _rounded(decimals, *arrays):
    """The published precision: every rate, interval and comparison value rounded to ``decimals`` places."""
    out = []
    for a in arrays:
        a = np.asarray(a, dtype=float)
        out.append(np.round(a, int(decimals)) if decimals is not None else a)
    return out


def _protect(table, data, ids, muni, group_list, population_column, min_count, min_population,
             published_population=None):
    """The disclosure layout of the run, primary suppression as a pattern, secondary suppression until the audit
    passes; returns the final pattern and the :class:`RunAudit`. Public indicators are in the layout (what they
    publish is known to a reader) but never hidden; the population is known wherever it is published."""
    import time

    start = time.perf_counter()
    values = {}
    cells = []
    for ident in ids:
        d = data[ident]
        ind = d["ind"]
        for column in (ind.numerator, ind.denominator):
            if column not in values:
                v, st, _ = table.column(column)
                values[column] = np.where(st == OK, np.asarray(v, dtype=float), np.nan)
        cells.append(IndicatorCells(field=ind.field, numerator=ind.numerator, denominator=ind.denominator,
                                    share=ind.kind == "share", valid=d["valid"], reversed_order=d["reversed_order"],
                                    public=not ind.confidential))
    pop_column = next((c for c in values if find_column([c], population_column) is not None), None)
    known = {}
    if pop_column is not None and published_population is not None:
        known[pop_column] = np.isfinite(np.asarray(published_population, dtype=float))
    floor = None
    if not (min_population and min_population > 0):
        pop_column = None
    else:
        floor = float(min_population) * np.maximum(table.n_years, 1).astype(float)
    layout = Layout(values=values, indicators=cells, groups=muni, population_column=pop_column,
                    population_floor=floor, population_years=np.maximum(table.n_years, 1).astype(float), known=known)
    hidden, group_hidden, county_hidden, items = [], [], [], {}
    for k, ident in enumerate(ids):
        d = data[ident]
        ind = d["ind"]
        flags = d["flags"]
        hidden.append(np.isin(flags, PRIMARY) & d["valid"])
        group_hidden.append({g: d["group_flags"][g] in PRIMARY + (NO_DATA,) for g in group_list})
        county_hidden.append(d["county_flag"] in PRIMARY + (NO_DATA,))
        for q in np.flatnonzero(hidden[k]):
            small = flags[q] == SMALL_COUNT
            item = Item(column=ind.numerator, indicator=k, quartier=int(q), required=min_count if small else 1,
                        reason=COUNT if small else POPULATION)
            key = (item.column, item.quartier)
            if key not in items or items[key].required < item.required:
                items[key] = item
        for g in group_list:
            flag = d["group_flags"][g]
            if flag in PRIMARY:
                small = flag == SMALL_COUNT
                items[(ind.numerator, "g", k, g)] = Item(column=ind.numerator, indicator=k, group=g,
                                                         required=min_count if small else 1,
                                                         reason=COUNT if small else POPULATION)
        if d["county_flag"] in PRIMARY:
            small = d["county_flag"] == SMALL_COUNT
            items[(ind.numerator, "c", k)] = Item(column=ind.numerator, indicator=k, county=True,
                                                  required=min_count if small else 1,
                                                  reason=COUNT if small else POPULATION)
    items = {key: _capped(layout, item) for key, item in items.items()}
    pattern = Pattern(hidden=hidden, group_hidden=group_hidden, county_hidden=county_hidden)
    primary_cells = sum(int(h.sum()) for h in hidden)
    primary_totals = sum(sum(1 for g in group_list if data[i]["group_flags"][g] in PRIMARY) for i in ids) + sum(
        1 for i in ids if data[i]["county_flag"] in PRIMARY)
    ordered = sorted(items.values(), key=lambda it: (it.quartier < 0, it.reason != COUNT, it.indicator,
                                                     it.quartier, str(it.group), it.county))
    result = suppression.protect(layout, pattern, ordered)
    all_cells = sum(int((pattern.hidden[k] & data[i]["valid"]).sum()) for k, i in enumerate(ids))
    all_totals = sum(sum(1 for g in group_list if pattern.group_hidden[k][g] and data[i]["group_flags"][g] != NO_DATA)
                     for k, i in enumerate(ids)) + sum(
        1 for k, i in enumerate(ids) if pattern.county_hidden[k] and data[i]["county_flag"] != NO_DATA)
    audit = RunAudit(
        result=result, primary_cells=primary_cells, secondary_cells=all_cells - primary_cells,
        small_count_cells=sum(int((data[i]["flags"] == SMALL_COUNT).sum()) for i in ids),
        small_population_cells=sum(int((data[i]["flags"] == SMALL_POPULATION).sum()) for i in ids),
        primary_totals=primary_totals, secondary_totals=all_totals - primary_totals,
        seconds=time.perf_counter() - start)
    return pattern, audit


def _public_ceiling(layout, column, q):
    """The least denominator published regardless of suppression (by a public indicator valid at ``q``, or as
    the population) of a confidential share with numerator ``column`` at ``q``; inf when there is none."""
    ceiling = math.inf
    for k, role in layout.uses.get(column, ()):
        ind = layout.indicators[k]
        if role != "num" or not ind.share or not ind.valid[q]:
            continue
        den = ind.denominator
        known = layout.known.get(den)
        public = (known is not None and known[q]) or any(
            layout.indicators[j].public and layout.indicators[j].valid[q] for j, _r in layout.uses[den])
        if public and math.isfinite(layout.values[den][q]):
            ceiling = min(ceiling, float(layout.values[den][q]))
    return ceiling


def _capped(layout, item):
    """``item`` with its required width capped by what public numbers fix anyway: a hidden count of a share whose
    denominator is public lies in [0, denominator] whatever is hidden (0 children in a quartier: 0 poor children),
    so the rule asks for at most that width (for a total: the sum over its quartiers when every one is capped)."""
    if item.quartier >= 0:
        members = [item.quartier]
    else:
        valid = layout.indicators[item.indicator].valid
        members = np.flatnonzero(valid if item.county else valid & (layout.groups == item.group)).tolist()
    ceiling = sum(_public_ceiling(layout, item.column, q) for q in members) if members else math.inf
    if ceiling < item.required:
        return dataclasses.replace(item, required=int(ceiling))
    return item


def _audit_message(audit, min_count):
    """The run log's line on confidentiality (reasons as counts only)."""
    narrow = audit.narrowest
    text = ("Confidentiality audit: {} hidden count(s) audited ({} small counts, {} in quartiers or totals under the "
            "minimum population); {} cell(s) hidden by primary suppression, {} more by secondary suppression, {} "
            "municipality/county total(s) hidden ({} beyond primary); ").format(
        audit.cells, audit.small_count_cells, audit.small_population_cells, audit.primary_cells,
        audit.secondary_cells, audit.primary_totals + audit.secondary_totals, audit.secondary_totals)
    if narrow is None:
        text += "no small count to protect"
    else:
        text += "narrowest interval a reader can reach for a small count: {:g} values (at least {} required)".format(
            narrow + 1, min_count + 1)
    text += "; {:.2f} s.".format(audit.seconds)
    if not audit.passed:
        text += " NOT PASSED for {} count(s).".format(len(audit.result.failures))
    return text


def _put_estimate(frame, f, value, num, den, lo, hi):
    """The columns ``f``, ``f_num``, ``f_den``, ``f_lo``, ``f_hi`` of one indicator into ``frame`` (a dict of
    columns), in this order."""
    frame[f] = value
    frame[f + "_num"] = num
    frame[f + "_den"] = den
    frame[f + "_lo"] = lo
    frame[f + "_hi"] = hi


def _rate_and_ci(ind, num, den):
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.where(den > 0, num / den * ind.factor, np.nan)
    if ind.kind == "share":
        lo, hi = ci.wilson(num, den)
        lo, hi = lo * ind.factor, hi * ind.factor
    else:
        lo, hi = ci.poisson_rate_ci(num, den, ind.factor)
    lo = np.where(np.isnan(value), np.nan, lo)
    hi = np.where(np.isnan(value), np.nan, hi)
    return value, lo, hi


def _age_standardised(table, ind, qframe, mframe, cframe, flags, muni, group_list, messages, decimals=1):
    """``G2_std``, ``G2_std_lo``, ``G2_std_hi`` when deaths_<band> and pop_<band> exist for every ESP band < 65."""
    wanted = [("deaths_" + b, "pop_" + b) for b in U65_BANDS]
    present = [c for pair in wanted for c in pair if table.has(c)]
    if not present:
        return
    missing = [c for pair in wanted for c in pair if not table.has(c)]
    if missing:
        messages.append(Message("std_missing_bands", WARNING, ex=examples(missing)))
        return
    deaths = np.column_stack([table.column(d)[0] for d, _ in wanted])
    pops = np.column_stack([table.column(p)[0] for _, p in wanted])
    bad = np.isnan(deaths).any(axis=1) | np.isnan(pops).any(axis=1) | ((deaths > 0) & (pops == 0)).any(axis=1)
    weights = np.array([ESP2013[b] for b in U65_BANDS], dtype=float)
    f = ind.field + "_std"
    rate, lo, hi = _rounded(decimals, *age_standardised_rates(deaths, pops, weights, ind.factor))
    show = (flags == OK) & ~bad
    qframe[f] = np.where(show, rate, np.nan)
    qframe[f + "_lo"] = np.where(show, lo, np.nan)
    qframe[f + "_hi"] = np.where(show, hi, np.nan)
    if bad.any():
        messages.append(Message("std_invalid_bands", WARNING, ex=examples(np.array(table.ids, dtype=object)[bad])))
    good = ~bad
    if muni is not None and len(group_list):
        d = np.array([deaths[good & (muni == g)].sum(axis=0) for g in group_list])
        p = np.array([pops[good & (muni == g)].sum(axis=0) for g in group_list])
        r, lo_, hi_ = _rounded(decimals, *age_standardised_rates(d, p, weights, ind.factor))
        shown = np.asarray(mframe[ind.field + "_flag"]) == OK
        mframe[f] = np.where(shown, r, np.nan)
        mframe[f + "_lo"] = np.where(shown, lo_, np.nan)
        mframe[f + "_hi"] = np.where(shown, hi_, np.nan)
    r, lo_, hi_ = _rounded(decimals, *age_standardised_rates(deaths[good].sum(axis=0)[None, :],
                                                            pops[good].sum(axis=0)[None, :], weights, ind.factor))
    shown = np.asarray(cframe[ind.field + "_flag"]) == OK
    cframe[f] = np.where(shown, r, np.nan)
    cframe[f + "_lo"] = np.where(shown, lo_, np.nan)
    cframe[f + "_hi"] = np.where(shown, hi_, np.nan)


__all__ = ["COUNTY", "IndicatorError", "IndicatorResult", "RunAudit", "compute", "id_text"]
