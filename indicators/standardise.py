"""Direct age standardisation with the European Standard Population 2013 and Dobson's confidence interval.

Band labels (the suffix of the columns ``deaths_<band>`` and ``pop_<band>`` of the counts table):
``0``, ``1_4``, ``5_9``, ``10_14``, ..., ``90_94``, ``95plus``. Premature mortality (G.2) uses the fourteen bands
under 65 (``0`` ... ``60_64``), whose weights sum to 80,500.

DSR = sum(w_i * d_i / n_i) / sum(w_i) * factor. Dobson et al. (1991): with D = sum(d_i) and
var = sum((w_i / n_i)^2 * d_i) / sum(w_i)^2, the limits are DSR + sqrt(var / D) * (D_L - D) and
DSR + sqrt(var / D) * (D_U - D), where D_L, D_U are the exact Poisson limits of D. For D = 0 the lower limit is 0
and the upper one D_U * max_i(w_i / n_i) / sum(w_i) (all hypothetical deaths in the band with the largest weight per
person; an assumption, documented as such). Bands with population 0 contribute nothing (their deaths must be 0).
Several years are pooled by summing deaths and populations (person-years) before standardising.
"""

from collections import OrderedDict

import numpy as np

from .ci import poisson_limits

ESP2013 = OrderedDict(
    [("0", 1000), ("1_4", 4000), ("5_9", 5500), ("10_14", 5500), ("15_19", 5500), ("20_24", 6000),
     ("25_29", 6000), ("30_34", 6500), ("35_39", 7000), ("40_44", 7000), ("45_49", 7000), ("50_54", 7000),
     ("55_59", 6500), ("60_64", 6000), ("65_69", 5500), ("70_74", 5000), ("75_79", 4000), ("80_84", 2500),
     ("85_89", 1500), ("90_94", 800), ("95plus", 200)]
)
BANDS = list(ESP2013)
U65_BANDS = BANDS[: BANDS.index("60_64") + 1]


def _weights_for(values, weights):
    if weights is not None:
        return np.asarray(weights, dtype=float)
    if isinstance(values, dict):
        return np.array([ESP2013[band] for band in values], dtype=float)
    length = np.asarray(values).shape[-1]
    if length > len(BANDS):
        raise ValueError("more age bands ({}) than the ESP 2013 has ({})".format(length, len(BANDS)))
    return np.array([ESP2013[band] for band in BANDS[:length]], dtype=float)


def age_standardised_rates(deaths, population, weights, factor=100000):
    """Vectorised: ``deaths``/``population`` arrays (rows = areas, columns = bands) -> (rate, lo, hi) arrays."""
    d = np.atleast_2d(np.asarray(deaths, dtype=float))
    n = np.atleast_2d(np.asarray(population, dtype=float))
    w = np.asarray(weights, dtype=float)
    total_w = w.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        per_person = np.where(n > 0, w / n, 0.0)
        rate = (per_person * d).sum(axis=1) / total_w
        var = (per_person ** 2 * d).sum(axis=1) / total_w ** 2
        big_d = d.sum(axis=1)
        d_lo, d_hi = poisson_limits(big_d)
        scale = np.sqrt(np.where(big_d > 0, var / big_d, 0.0))
        lo = rate + scale * (d_lo - big_d)
        hi = rate + scale * (d_hi - big_d)
        zero = big_d == 0
        lo = np.where(zero, 0.0, lo)
        hi = np.where(zero, d_hi * per_person.max(axis=1) / total_w, hi)
    bad = np.isnan(d).any(axis=1) | np.isnan(n).any(axis=1) | (n.sum(axis=1) <= 0) | ((d > 0) & (n <= 0)).any(axis=1)
    rate = np.where(bad, np.nan, rate * factor)
    lo = np.where(bad, np.nan, np.maximum(lo, 0.0) * factor)
    hi = np.where(bad, np.nan, hi * factor)
    return rate, lo, hi


def age_standardised_rate(deaths, population, factor=100000, weights=None):
    """Direct age-standardised rate with Dobson 95 % interval -> (rate, lo, hi) floats.

    ``deaths`` and ``population``: per band, as sequences in ESP band order starting at band "0" (14 values = the
    bands under 65), or dicts band label -> count; ``weights`` overrides the ESP 2013 weights of those bands.
    For several years, pass the sums over the years.
    """
    if isinstance(deaths, dict):
        bands = list(deaths)
        w = _weights_for(deaths, weights)
        d = [deaths[b] for b in bands]
        n = [population[b] for b in bands]
    else:
        w = _weights_for(deaths, weights)
        d, n = deaths, population
    rate, lo, hi = age_standardised_rates(np.asarray(d, dtype=float)[None, :], np.asarray(n, dtype=float)[None, :],
                                          w, factor)
    return float(rate[0]), float(lo[0]), float(hi[0])
