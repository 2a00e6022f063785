"""95 % confidence intervals without scipy: Wilson score interval for shares, exact (Garwood) Poisson interval for
counts, both vectorised.

The exact Poisson limits for an observed count x are the gamma quantiles
``lower = G^-1(alpha/2; x)`` and ``upper = G^-1(1 - alpha/2; x + 1)`` (equivalently chi2(2x)/2 and chi2(2x+2)/2);
they are found by Newton's method on the regularised incomplete gamma function P(a, x), evaluated by its series
(summed in log space in one vectorised pass) or, far in the upper tail, its continued fraction (Numerical Recipes,
ch. 6.2).
"""

import math

import numpy as np

Z95 = 1.959963984540054  # standard normal 97.5 % quantile

_lgamma = np.vectorize(math.lgamma, otypes=[float])


def wilson(numerator, denominator, z=Z95):
    """Wilson score interval of numerator/denominator as proportions (0..1). NaN where denominator <= 0."""
    x = np.asarray(numerator, dtype=float)
    n = np.asarray(denominator, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = x / n
        z2 = z * z
        centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        half = z * np.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
        lo = np.clip(centre - half, 0.0, 1.0)
        hi = np.clip(centre + half, 0.0, 1.0)
    bad = ~(n > 0) | np.isnan(x)
    lo = np.where(bad, np.nan, lo)
    hi = np.where(bad, np.nan, hi)
    # exact endpoints at the boundaries (rounding would give 1e-17 instead of 0)
    lo = np.where(x == 0, 0.0, lo)
    hi = np.where((x == n) & ~bad, 1.0, hi)
    return lo, hi


def _series_in_logs(a, x):
    """P(a, x) = exp(a ln x - x - lnGamma(a + 1)) * sum_n x^n / ((a + 1) ... (a + n)), the terms summed in log space
    in one vectorised pass (rows = elements, columns = terms), for x not far above a."""
    out = np.empty(len(a))
    need = np.maximum(x - a, 0.0) + 12.0 * np.sqrt(np.maximum(a, x)) + 40.0
    lg = _lgamma(a + 1)
    order = np.argsort(need)
    start = 0
    while start < len(order):
        n_terms = int(np.ceil(need[order[start]]))
        stop = start + 1
        while stop < len(order) and need[order[stop]] <= 2 * n_terms and (stop - start + 1) * need[order[stop]] < 2e6:
            stop += 1
        rows = order[start:stop]
        n_terms = int(np.ceil(need[rows].max()))
        k = np.arange(1, n_terms + 1, dtype=float)
        logs = np.log(x[rows])[:, None] - np.log(a[rows][:, None] + k[None, :])
        logs = np.concatenate([np.zeros((len(rows), 1)), np.cumsum(logs, axis=1)], axis=1)
        top = logs.max(axis=1)
        log_sum = top + np.log(np.exp(logs - top[:, None]).sum(axis=1))
        out[rows] = np.exp(a[rows] * np.log(x[rows]) - x[rows] - lg[rows] + log_sum)
        start = stop
    return out


def _series_loop(a, x):
    """The same series term by term (few terms for small a), all elements at once."""
    log_pre = a * np.log(x) - x - _lgamma(a + 1)
    term = np.ones_like(x)
    total = term.copy()
    ap = a.copy()
    for _ in range(100000):
        ap = ap + 1
        term = term * x / ap
        total = total + term
        if np.all(term <= total * 1e-17):
            break
    return total * np.exp(log_pre)


def _continued_fraction(a, x):
    """1 - Q(a, x) by the Lentz continued fraction, for x well above a + 1 (converges fast there)."""
    log_pre = a * np.log(x) - x - _lgamma(a)
    tiny = 1e-300
    b = x + 1 - a
    c = np.full_like(b, 1 / tiny)
    d = 1 / b
    h = d.copy()
    for i in range(1, 100000):
        an = -i * (i - a)
        b = b + 2
        d = an * d + b
        d = np.where(np.abs(d) < tiny, tiny, d)
        c = b + an / c
        c = np.where(np.abs(c) < tiny, tiny, c)
        d = 1 / d
        delta = d * c
        h = h * delta
        if np.all(np.abs(delta - 1) <= 1e-16):
            break
    return 1 - np.exp(log_pre) * h


def gammainc_lower(a, x):
    """Regularised lower incomplete gamma function P(a, x), vectorised, a > 0, x >= 0."""
    a, x = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(x, dtype=float))
    a = a.astype(float).ravel()
    x = x.astype(float).ravel()
    out = np.zeros_like(x)
    pos = x > 0
    far = pos & (x - a > 5 * np.sqrt(a) + 10)
    small = pos & ~far & (a <= 500)
    large = pos & ~far & (a > 500)
    if small.any():
        out[small] = _series_loop(a[small], x[small])
    if large.any():
        out[large] = _series_in_logs(a[large], x[large])
    if far.any():
        out[far] = _continued_fraction(a[far], x[far])
    return np.clip(out, 0.0, 1.0)


def gamma_quantile(p, a):
    """x with P(a, x) = p (a >= 1 here, 0 < p < 1), vectorised Newton iteration from Wilson-Hilferty."""
    p, a = np.broadcast_arrays(np.asarray(p, dtype=float), np.asarray(a, dtype=float))
    p = p.astype(float).ravel()
    a = a.astype(float).ravel()
    # normal quantile (Acklam-free: Newton on erf would be overkill; use a rational approximation of probit)
    z = _probit(p)
    x = a * (1 - 1 / (9 * a) + z / (3 * np.sqrt(a))) ** 3
    x = np.where(x <= 0, 0.5 * a, x)
    lg = _lgamma(a)
    for _ in range(100):
        f = gammainc_lower(a, x) - p
        dens = np.exp((a - 1) * np.log(x) - x - lg)
        step = f / dens
        new = x - step
        new = np.where(new <= 0, x / 2, new)
        done = np.abs(new - x) <= 1e-11 * np.maximum(1.0, np.abs(x))
        x = new
        if done.all():
            break
    return x


def _probit(p):
    """Standard normal quantile, Acklam's rational approximation refined by one Halley step."""
    p = np.asarray(p, dtype=float)
    a = [-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02, 1.383577518672690e02,
         -3.066479806614716e01, 2.506628277459239e00]
    b = [-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01,
         -1.328068155288572e01]
    c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00, -2.549732539343734e00,
         4.374664141464968e00, 2.938163982698783e00]
    d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00]
    plow = 0.02425
    q = np.where(p < 0.5, p, 1 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.sqrt(-2 * np.log(q))
        tail = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / (
            (((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
        s = p - 0.5
        t = s * s
        central = (((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * s / (
            ((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1)
    tail = np.where(p < 0.5, -tail, tail)
    return np.where(q < plow, tail, central)


def poisson_limits(count, alpha=0.05):
    """Exact (Garwood) 100*(1-alpha) % limits of the Poisson mean for observed integer counts (NaN stays NaN)."""
    x = np.asarray(count, dtype=float)
    shape = x.shape
    x = x.ravel()
    lo = np.full(x.shape, np.nan)
    hi = np.full(x.shape, np.nan)
    valid = ~np.isnan(x) & (x >= 0)
    if valid.any():
        uniq, inverse = np.unique(x[valid], return_inverse=True)
        lo_u = np.zeros(len(uniq))
        pos = uniq > 0
        if pos.any():
            lo_u[pos] = gamma_quantile(np.full(pos.sum(), alpha / 2), uniq[pos])
        hi_u = gamma_quantile(np.full(len(uniq), 1 - alpha / 2), uniq + 1)
        lo[valid] = lo_u[inverse]
        hi[valid] = hi_u[inverse]
    return lo.reshape(shape), hi.reshape(shape)


def poisson_rate_ci(numerator, denominator, factor=1.0, alpha=0.05):
    """Exact Poisson interval of numerator/denominator*factor (denominator taken as fixed)."""
    n = np.asarray(denominator, dtype=float)
    lo, hi = poisson_limits(numerator, alpha)
    with np.errstate(invalid="ignore", divide="ignore"):
        lo = np.where(n > 0, lo / n * factor, np.nan)
        hi = np.where(n > 0, hi / n * factor, np.nan)
    return lo, hi
