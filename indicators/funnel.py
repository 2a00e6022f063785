"""Funnel plot comparison of quartiers with the county: exact binomial (shares) and Poisson (rates) control limits.

A quartier with numerator ``y`` and denominator ``n`` is compared with the county value ``theta`` (the county's
numerator over its denominator) by the control limits of a quartier of the same denominator *if it were like the
county* (Spiegelhalter 2005, "Funnel plots for comparing institutional performance", Statistics in Medicine 24,
Appendix A.1): ``Y ~ Binomial(n, theta)`` for a share, ``Y ~ Poisson(n * theta)`` for a rate. The limit at
probability ``p`` is the interpolated quantile ``r_p - alpha`` of ``Y`` with ``r_p`` the smallest count with
``P(Y <= r_p) >= p`` and ``alpha = (P(Y <= r_p) - p) / (P(Y = r_p))``; the 95 % limits use ``p`` = 0.025 and
0.975, the 99.8 % limits 0.001 and 0.999. The quartier's class (:data:`CLASSES`) says which limits its count lies
beyond (strictly). The distribution functions are computed here from log probabilities (``math.lgamma``) summed
over the counts around the mean (the mass left out is below 1e-30): no scipy.

**Overdispersion** (optional; Spiegelhalter 2005, section 4.1 and "Handling over-dispersion of performance
indicators", Qual Saf Health Care 14, 2005): the standardised z-scores ``z_i = (y_i / n_i - theta) /
sqrt(V(theta) / n_i)`` (``V = theta (1 - theta)`` for a share, ``theta`` for a rate) are winsorised at their 10th
and 90th percentiles (values beyond are set to the percentile), and ``phi = mean(z_w ** 2)``. When ``phi > 1`` the
limits are widened multiplicatively: every limit moves away from the county value by the factor ``sqrt(phi)``
(``theta + sqrt(phi) (limit - theta)``: the exact limits with the variance inflated by ``phi``); ``phi <= 1``
leaves them as they are. The caller chooses the quartiers ``phi`` is estimated from (the indicator glue uses only
published cells, so that a hidden count never moves another quartier's class).
"""

import math

import numpy as np

BELOW_998 = "below 99.8 %"
BELOW_95 = "below 95 %"
WITHIN = "within"
ABOVE_95 = "above 95 %"
ABOVE_998 = "above 99.8 %"
CLASSES = (BELOW_998, BELOW_95, WITHIN, ABOVE_95, ABOVE_998)  # stable values of the ``<F>_funnel`` fields

# the probabilities of the four limits: 99.8 % low, 95 % low, 95 % high, 99.8 % high
PROBABILITIES = (0.001, 0.025, 0.975, 0.999)
_TAIL_SD = 12.0  # the counts summed: mean +- 12 standard deviations (+ 12 counts)


def _log_pmf(kind, n, theta, k):
    """log P(Y = k) for the consecutive counts ``k`` (array) of Binomial(n, theta) or Poisson(n * theta),
    0 < theta (< 1 for a share): the first by ``math.lgamma``, the others by the ratio of successive
    probabilities (summed logarithms: one array operation instead of a log-gamma per count)."""
    k = np.asarray(k, dtype=float)
    first = k[0]
    if kind == "share":
        start = (math.lgamma(n + 1.0) - math.lgamma(first + 1.0) - math.lgamma(n - first + 1.0)
                 + first * math.log(theta) + (n - first) * math.log1p(-theta))
        steps = np.log(n - k[:-1]) - np.log(k[:-1] + 1.0) + math.log(theta) - math.log1p(-theta)
    else:
        mu = n * theta
        start = first * math.log(mu) - mu - math.lgamma(first + 1.0)
        steps = math.log(mu) - np.log(k[:-1] + 1.0)
    return start + np.concatenate([[0.0], np.cumsum(steps)])


def _support(kind, n, theta):
    """The counts whose probabilities are summed (all others together have less than 1e-30)."""
    mean = n * theta
    sd = math.sqrt(mean * (1.0 - theta)) if kind == "share" else math.sqrt(mean)
    low = max(0, int(math.floor(mean - _TAIL_SD * sd - 12)))
    high = int(math.ceil(mean + _TAIL_SD * sd + 12))
    if kind == "share":
        high = min(high, int(n))
    return np.arange(low, high + 1, dtype=float)


def count_limits(kind, n, theta, probabilities=PROBABILITIES):
    """The interpolated control limits (counts, see the module text) of a denominator ``n`` (whole, > 0 for a
    share; > 0 for a rate, person-years need not be whole) around the county value ``theta`` (a proportion or a
    rate per unit of the denominator), one per probability. ``theta`` 0 (or 1 for a share): every limit is the
    only possible count."""
    if kind not in ("share", "rate"):
        raise ValueError("kind must be 'share' or 'rate'")
    if not (n > 0) or not math.isfinite(n) or not math.isfinite(theta) or theta < 0:
        raise ValueError("a positive denominator and a finite non-negative county value are needed")
    if kind == "share" and theta > 1:
        raise ValueError("a share's county value is at most 1")
    if theta == 0:
        return np.zeros(len(probabilities))
    if kind == "share" and theta == 1:
        return np.full(len(probabilities), float(n))
    k = _support(kind, n, theta)
    log_p = _log_pmf(kind, n, theta, k)
    pmf = np.exp(log_p)
    cdf = np.minimum(np.cumsum(pmf), 1.0)
    out = []
    for p in probabilities:
        i = int(np.searchsorted(cdf, p, side="left"))  # smallest index with cdf >= p
        i = min(i, len(k) - 1)
        alpha = (cdf[i] - p) / pmf[i] if pmf[i] > 0 else 0.0
        out.append(k[i] - alpha)
    return np.array(out, dtype=float)


def overdispersion(kind, y, n, theta):
    """Spiegelhalter's multiplicative overdispersion factor ``phi`` from the counts ``y`` and denominators ``n``
    (arrays; cells with ``n <= 0`` or NaN are left out) around ``theta``: the mean of the squared z-scores
    winsorised at their 10th and 90th percentiles; 1.0 when there are no z-scores (fewer than 2 cells or
    ``theta`` at 0 or 1)."""
    y = np.asarray(y, dtype=float)
    n = np.asarray(n, dtype=float)
    ok = np.isfinite(y) & np.isfinite(n) & (n > 0)
    variance = theta * (1.0 - theta) if kind == "share" else theta
    if ok.sum() < 2 or not (variance > 0):
        return 1.0
    z = (y[ok] / n[ok] - theta) / np.sqrt(variance / n[ok])
    low, high = np.percentile(z, [10, 90])
    z = np.clip(z, low, high)
    return float(np.mean(z ** 2))


def classify(kind, y, n, theta, phi=1.0):
    """The funnel class (:data:`CLASSES`) of every count ``y`` with denominator ``n`` against ``theta``; None where
    ``y`` or ``n`` is NaN, ``n <= 0`` or ``theta`` is not a number. ``phi`` > 1 widens the limits (see the module
    text)."""
    y = np.asarray(y, dtype=float)
    n = np.asarray(n, dtype=float)
    out = [None] * len(y)
    if theta is None or not math.isfinite(theta):
        return out
    scale = math.sqrt(phi) if phi is not None and phi > 1 else 1.0
    cache = {}
    for i, (yi, ni) in enumerate(zip(y, n)):
        if not (math.isfinite(yi) and math.isfinite(ni) and ni > 0):
            continue
        if ni not in cache:
            limits = count_limits(kind, ni, theta)
            centre = ni * theta
            cache[ni] = centre + scale * (limits - centre)
        low998, low95, high95, high998 = cache[ni]
        if yi > high998:
            out[i] = ABOVE_998
        elif yi > high95:
            out[i] = ABOVE_95
        elif yi < low998:
            out[i] = BELOW_998
        elif yi < low95:
            out[i] = BELOW_95
        else:
            out[i] = WITHIN
    return out
