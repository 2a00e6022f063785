"""Trends of indicators over the years: tests for a linear trend, the change, and "worse and getting worse".

The method follows the recent trends of England's Fingertips profiles (Public Health England / OHID, technical
guidance "Recent trends"), over the last ``PERIODS`` years of the counts (5 by default):

- **shares** (kind "share"): the chi-squared test for linear trend (Cochran–Armitage) without continuity
  correction, with the scores ``x`` = the years (any linear scores give the same test): with counts ``r_i`` of
  ``n_i``, ``N = sum n_i``, ``p = sum r_i / N`` and ``xbar = sum n_i x_i / N``,
  ``T = sum r_i (x_i - xbar)``, ``Var = p (1 - p) (sum n_i x_i**2 - N xbar**2)``, ``chi2 = T**2 / Var`` on 1
  degree of freedom; the direction is the sign of ``T``.
- **rates** (kind "rate"): a Poisson log-linear model of the counts with the logarithm of the denominator as an
  offset, ``log E[y_i] = log n_i + a + b x_i``, fitted by iteratively reweighted least squares; the slope ``b`` is
  tested by the likelihood-ratio test (twice the log-likelihood gained over the model without slope, chi-squared on
  1 degree of freedom: it stays valid when every count but one is zero, where the Wald test fails); the direction
  is the sign of ``b``.

A trend is "increasing" or "decreasing" when the test's p-value is below :data:`ALPHA` (0.05, two-sided), else
"no significant change". It "cannot be calculated" when the test is undefined (a share of 0 % or 100 % in every
year, a rate with no event at all) or — the confidentiality rule — when the quartier's cell is not published in
*every* year of the window.

**Confidentiality.** Everything :func:`quartier_trends` returns for a quartier is a function of the numbers the
per-year indicator layers publish for it (``calculateindicators`` run on each year alone with the same indicators,
minimum count and minimum population; the caller passes those per-year results): the test uses the exact
numerators and denominators, which a published cell shows; the change is the difference of the two published
values; "worse than the county" is the published significance ``_sig`` of the last year. Where any year of the
window is hidden (flag other than "ok", a zero denominator, no row) nothing is published but the category
"cannot be calculated": a change or p-value from a hidden year would give that year's count away (the change
and the published first value fix the last value, and with its published denominator the hidden count), and even
the trend category would narrow it. Since a published trend is computed from published numbers only, it tells a
reader nothing the per-year layers do not tell, and their audit covers it.
"""

import math

import numpy as np

ALPHA = 0.05  # significance level of the trend tests (two-sided)
INCREASING = "increasing"
DECREASING = "decreasing"
NO_CHANGE = "no significant change"
CANNOT = "cannot be calculated"
CATEGORIES = (INCREASING, DECREASING, NO_CHANGE, CANNOT)  # stable values of the ``<F>_trend`` fields
YES = "yes"
NO = "no"


def chi2_1_sf(statistic):
    """P(X > statistic) for X chi-squared on 1 degree of freedom."""
    return math.erfc(math.sqrt(max(float(statistic), 0.0) / 2.0))


def cochran_armitage(r, n, x=None):
    """(chi-squared statistic, p-value, sign of the trend) of the counts ``r`` of ``n`` over scores ``x`` (default
    0, 1, 2, …); None when the test is undefined (fewer than 2 scores with a denominator, every or no count an
    event)."""
    r = np.asarray(r, dtype=float)
    n = np.asarray(n, dtype=float)
    x = np.arange(len(r), dtype=float) if x is None else np.asarray(x, dtype=float)
    total = n.sum()
    if total <= 0 or len(set(x[n > 0].tolist())) < 2:
        return None
    p = r.sum() / total
    if p <= 0 or p >= 1:
        return None
    xbar = (n * x).sum() / total
    t = (r * (x - xbar)).sum()
    variance = p * (1 - p) * ((n * x * x).sum() - total * xbar * xbar)
    if variance <= 0:
        return None
    statistic = t * t / variance
    return statistic, chi2_1_sf(statistic), int(np.sign(t))


def poisson_fit(y, n, x, slope=True, iterations=100):
    """(coefficients, log-likelihood without the constant sum log y!) of the Poisson model
    ``log E[y] = log n + a (+ b x)`` by iteratively reweighted least squares (``x`` centred by the caller)."""
    offset = np.log(n)
    design = np.column_stack([np.ones_like(x), x]) if slope else np.ones((len(x), 1))
    beta = np.zeros(design.shape[1])
    beta[0] = math.log(y.sum() / n.sum())
    log_likelihood = _poisson_log_likelihood(y, offset + design @ beta)
    for _ in range(iterations):
        eta = offset + design @ beta
        mu = np.exp(eta)
        working = eta - offset + (y - mu) / mu
        weighted = design * mu[:, None]
        try:
            new = np.linalg.solve(design.T @ weighted, weighted.T @ working)
        except np.linalg.LinAlgError:  # a slope running off to infinity (every event in the first or last year)
            break
        if not np.isfinite(new).all():
            break
        new_likelihood = _poisson_log_likelihood(y, offset + design @ new)
        done = (np.max(np.abs(new - beta)) <= 1e-12 * (1 + np.max(np.abs(beta)))
                or abs(new_likelihood - log_likelihood) <= 1e-13 * (1 + abs(log_likelihood)))
        beta, log_likelihood = new, new_likelihood
        if done:
            break
    return beta, log_likelihood


def _poisson_log_likelihood(y, eta):
    """sum(y eta - exp(eta)): the Poisson log-likelihood without the constant sum log y!."""
    return float(np.sum(np.where(y > 0, y * eta, 0.0) - np.exp(eta)))


def poisson_trend(y, n, x=None):
    """(slope per unit of ``x``, likelihood-ratio statistic, p-value, sign of the slope) of the counts ``y`` with
    denominators ``n`` (person counts or person-years) over scores ``x`` (default 0, 1, 2, …); None when undefined
    (no event at all, a denominator not positive, fewer than 2 distinct scores)."""
    y = np.asarray(y, dtype=float)
    n = np.asarray(n, dtype=float)
    x = np.arange(len(y), dtype=float) if x is None else np.asarray(x, dtype=float)
    if len(y) < 2 or (n <= 0).any() or y.sum() <= 0 or len(set(x.tolist())) < 2:
        return None
    centred = x - x.mean()
    beta, full = poisson_fit(y, n, centred)
    _null_beta, null = poisson_fit(y, n, centred, slope=False)
    statistic = max(2.0 * (full - null), 0.0)
    return float(beta[1]), statistic, chi2_1_sf(statistic), int(np.sign(beta[1])) if statistic > 0 else 0


def trend_test(kind, numerators, denominators, years):
    """(p-value, sign) of the test for the ``kind`` ("share" or "rate"); None when it cannot be calculated."""
    if kind == "share":
        result = cochran_armitage(numerators, denominators, years)
        return None if result is None else (result[1], result[2])
    result = poisson_trend(numerators, denominators, years)
    return None if result is None else (result[2], result[3])


def category(p_value, sign, alpha=ALPHA):
    """The trend category of a test result."""
    if p_value is None:
        return CANNOT
    if p_value < alpha and sign > 0:
        return INCREASING
    if p_value < alpha and sign < 0:
        return DECREASING
    return NO_CHANGE


def red_red(trend, last_sig, polarity):
    """"yes" when the quartier is significantly worse than the county in the last year (its published ``_sig``
    +1 with polarity 1, -1 with polarity -1) *and* its trend is getting worse (increasing with polarity 1,
    decreasing with polarity -1); "no" otherwise; None for a context indicator (polarity 0), a trend that cannot
    be calculated or no published comparison with the county."""
    if polarity == 0 or trend == CANNOT or last_sig is None or not math.isfinite(last_sig):
        return None
    worse = last_sig * polarity > 0
    worsening = (trend == INCREASING and polarity > 0) or (trend == DECREASING and polarity < 0)
    return YES if worse and worsening else NO


def quartier_trends(kind, polarity, years, numerators, denominators, values, published, last_sig, decimals=1,
                    alpha=ALPHA):
    """The trend fields of every quartier of one indicator: a dict of lists ``trend``, ``p``, ``change``,
    ``redred``. Arrays are (quartiers × years) of the window, the years ascending: the published numerators,
    denominators and values of each year (NaN where nothing is published) and ``published`` (True where the cell is
    published with a value); ``last_sig``: the published ``_sig`` of the last year per quartier (NaN when none).
    A quartier not published in every year gets only the category "cannot be calculated" (see the module text)."""
    numerators = np.asarray(numerators, dtype=float)
    denominators = np.asarray(denominators, dtype=float)
    values = np.asarray(values, dtype=float)
    published = np.asarray(published, dtype=bool)
    x = np.asarray(years, dtype=float)
    out = {"trend": [], "p": [], "change": [], "redred": []}
    for q in range(numerators.shape[0]):
        usable = (published[q].all() and np.isfinite(numerators[q]).all() and np.isfinite(values[q]).all()
                  and (denominators[q] > 0).all())
        if not usable:
            out["trend"].append(CANNOT)
            out["p"].append(None)
            out["change"].append(None)
            out["redred"].append(None)
            continue
        test = trend_test(kind, numerators[q], denominators[q], x)
        p_value, sign = (None, 0) if test is None else test
        trend = category(p_value, sign, alpha)
        change = float(values[q, -1] - values[q, 0])
        out["trend"].append(trend)
        out["p"].append(p_value)
        out["change"].append(round(change, int(decimals)) if decimals is not None else change)
        out["redred"].append(red_red(trend, float(last_sig[q]), polarity))
    return out


def from_results(frames, years, indicator, quartier_ids, decimals=1, alpha=ALPHA):
    """:func:`quartier_trends` of the catalog entry ``indicator`` from the engine's per-year quartier frames
    (``IndicatorResult.quartiers`` of each year of ``years``, ascending): only what each frame publishes is read
    (``<F>_num``, ``<F>_den``, ``<F>`` and ``<F>_sig`` where ``<F>_flag`` is "ok"); a quartier missing from a frame
    is not published that year."""
    f = indicator.field
    shape = (len(quartier_ids), len(frames))
    num, den, value, sig = (np.full(shape, np.nan) for _ in range(4))
    published = np.zeros(shape, dtype=bool)
    for j, frame in enumerate(frames):
        rows = frame.reindex(list(quartier_ids))
        ok = (rows[f + "_flag"] == "ok").to_numpy(dtype=bool)
        published[:, j] = ok
        for target, column in ((num, f + "_num"), (den, f + "_den"), (value, f), (sig, f + "_sig")):
            target[:, j] = np.where(ok, rows[column].to_numpy(dtype=float), np.nan)
    return quartier_trends(indicator.kind, indicator.polarity, year_scores(years), num, den, value, published,
                           sig[:, -1], decimals=decimals, alpha=alpha)


def missing_years(pairs, years, quartier_ids):
    """``{quartier id: [the years of years without a row]}`` for the quartiers that lack any year of the window;
    ``pairs``: (quartier id, year) of the table's rows. Such a quartier is not published in that year: no trend."""
    have = set(pairs)
    out = {}
    for qid in quartier_ids:
        gone = [year for year in years if (qid, year) not in have]
        if gone:
            out[qid] = gone
    return out


def window(years, periods):
    """The last ``periods`` of the distinct ``years`` (sorted as numbers when all are numbers, else as text);
    ValueError with fewer than 3 years."""
    distinct = sorted(set(years), key=_year_key)
    if len(distinct) < 3:
        raise ValueError("fewer than 3 years")
    return distinct[-int(periods):]


def year_scores(years):
    """The scores of the years for the tests: the years as numbers when all are, else 0, 1, 2, …"""
    try:
        return [float(y) for y in years]
    except (TypeError, ValueError):
        return [float(i) for i in range(len(years))]


def _year_key(value):
    try:
        return (0, float(value), "")
    except (TypeError, ValueError):
        return (1, 0.0, str(value))
