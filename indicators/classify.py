"""Class breaks for choropleths and legend labels.

``breaks`` returns the upper bounds of the classes (a value v is in class i when breaks[i-1] < v <= breaks[i], as
in mapclassify); NaN (and so suppressed values, which are NaN) are left out. With fewer distinct values than
classes, every distinct value is its own class (for every method; all values equal: one class), never duplicated
bounds.

- quantile: numpy's linear-interpolation percentiles at 100/k, 200/k, ... 100 (= mapclassify.Quantiles);
- equal_interval: min + i * (max - min) / k, last = max (= mapclassify.EqualInterval);
- jenks: Fisher's exact optimum (minimal within-class sum of squared deviations) by dynamic programming; each
  class level is solved by the divide-and-conquer optimisation (the cost satisfies the quadrangle inequality, so the
  leftmost optimal split is monotone), vectorised with numpy: O(k n log n). Breaks are the class maxima
  (= mapclassify.FisherJenks where its float32 arithmetic finds the same optimum);
- std_dev: mean + m * sd (sample sd, ddof=1) for multiples m = -(k-1)/2 ... (k-1)/2 without 0 when k is odd
  (k=5: -2, -1, 1, 2 as mapclassify.StdMean's default), with 0 when k is even (k=4: -1, 0, 1); cuts at or above the
  maximum are dropped and the maximum is the last bound;
- pretty: round numbers (1, 2, 5 x 10^n steps, as R's ``pretty``); the first and last bounds enclose min and max,
  so the last bound may be above the maximum and the number of classes differ from k.
"""

import math

import numpy as np

METHODS = ("quantile", "jenks", "equal_interval", "std_dev", "pretty")


def _clean(values):
    arr = np.asarray(values, dtype=float).ravel()
    return arr[np.isfinite(arr)]


def breaks(values, method, k=5):
    """Upper bounds of up to ``k`` classes of the finite values (list of float; [] when there are none)."""
    if method not in METHODS:
        raise ValueError("unknown classification method {!r}; one of {}".format(method, ", ".join(METHODS)))
    k = int(k)
    if k < 1:
        raise ValueError("number of classes must be at least 1, got {}".format(k))
    y = _clean(values)
    if len(y) == 0:
        return []
    distinct = np.unique(y)
    if len(distinct) <= k:
        # every distinct value its own class (also: all values equal -> one class)
        return [float(v) for v in distinct]
    if method == "quantile":
        result = quantile_breaks(y, k)
    elif method == "equal_interval":
        result = equal_interval_breaks(y, k)
    elif method == "jenks":
        result = jenks_breaks(y, k)
    elif method == "std_dev":
        result = std_dev_breaks(y, k)
    else:
        result = pretty_breaks(y, k)
    return [float(v) for v in result]


def quantile_breaks(y, k):
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    p = p[:k]
    p[-1] = 100.0
    return np.unique(np.percentile(y, p))


def equal_interval_breaks(y, k):
    lo, hi = float(np.min(y)), float(np.max(y))
    width = (hi - lo) / k
    cuts = np.array([lo + width * (i + 1) for i in range(k)])
    cuts[-1] = hi
    return np.unique(cuts)


def std_dev_multiples(k):
    half = (k - 1) / 2.0
    if k % 2:
        return [m for m in range(-int(half), int(half) + 1) if m != 0]
    return list(range(-(k // 2 - 1), k // 2))


def std_dev_breaks(y, k):
    m = float(np.mean(y))
    s = float(np.std(y, ddof=1))
    top = float(np.max(y))
    cuts = [m + s * w for w in std_dev_multiples(k)]
    cuts = [c for c in cuts if c < top]
    cuts.append(top)
    return np.array(cuts)


def nice_number(x, round_up):
    """``x`` (> 0) as 1, 2, 5 or 10 times a power of ten: the next such number up (``round_up``), else the nearest
    (on a log scale)."""
    exponent = math.floor(math.log10(x))
    fraction = x / 10 ** exponent
    steps = (1, 2, 5, 10)
    if round_up:
        nice = next(s for s in steps if fraction <= s + 1e-9)
    else:
        nice = min(steps, key=lambda s: abs(math.log(fraction / s)))
    return nice * 10 ** exponent


def pretty_breaks(y, k):
    lo, hi = float(np.min(y)), float(np.max(y))
    step = nice_number((hi - lo) / k, round_up=False)
    start = math.floor(lo / step + 1e-9) * step
    end = math.ceil(hi / step - 1e-9) * step
    count = int(round((end - start) / step))
    if count > 2 * k:  # rounding made too many classes: take the next larger nice step
        step = nice_number((hi - lo) / k * 1.5, round_up=True)
        start = math.floor(lo / step + 1e-9) * step
        end = math.ceil(hi / step - 1e-9) * step
        count = int(round((end - start) / step))
    bounds = [start + step * (i + 1) for i in range(max(count, 1))]
    decimals = max(0, -int(math.floor(math.log10(step))) + 1)
    return np.array([round(b, decimals) for b in bounds])


def jenks_breaks(y, k):
    """Exact Fisher-Jenks breaks (class maxima) of the values ``y`` into ``k`` classes."""
    x = np.sort(np.asarray(y, dtype=float))
    n = len(x)
    if k >= n:
        return np.unique(x)
    ends = jenks_partition(x, k)
    return np.unique(x[np.asarray(ends) - 1])


def _ssd_factory(x):
    centred = x - x.mean()
    s1 = np.concatenate(([0.0], np.cumsum(centred)))
    s2 = np.concatenate(([0.0], np.cumsum(centred * centred)))

    def ssd(i, j):
        """Sum of squared deviations of x[i:j] (vectorised, j > i)."""
        count = j - i
        total = s1[j] - s1[i]
        return np.maximum((s2[j] - s2[i]) - total * total / count, 0.0)

    return ssd


def jenks_partition(x, k):
    """Exclusive end indices of the k classes of the sorted array ``x`` minimising the within-class SSD."""
    n = len(x)
    ssd = _ssd_factory(x)
    # cost[c][j]: minimal cost of x[:j] in c+1 classes; split[c][j]: start of the last class
    prev = np.full(n + 1, np.inf)
    prev[1:] = ssd(np.zeros(n, dtype=int), np.arange(1, n + 1))
    splits = []
    for c in range(1, k):
        cur = np.full(n + 1, np.inf)
        arg = np.zeros(n + 1, dtype=int)
        # j (items) from c+1 to n; split i (start of last class) from c to j-1
        seg_jlo = np.array([c + 1])
        seg_jhi = np.array([n])
        seg_olo = np.array([c])
        seg_ohi = np.array([n - 1])
        while len(seg_jlo):
            mid = (seg_jlo + seg_jhi) // 2
            top = np.minimum(mid - 1, seg_ohi)
            lengths = top - seg_olo + 1
            offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
            seg_of = np.repeat(np.arange(len(mid)), lengths)
            cand = seg_olo[seg_of] + (np.arange(lengths.sum()) - offsets[seg_of])
            costs = prev[cand] + ssd(cand, mid[seg_of])
            best = np.minimum.reduceat(costs, offsets)
            position = np.where(costs <= best[seg_of], np.arange(len(costs)), len(costs))
            first = np.minimum.reduceat(position, offsets)
            opt = cand[first]
            cur[mid] = best
            arg[mid] = opt
            # children
            left = mid - 1 >= seg_jlo
            right = mid + 1 <= seg_jhi
            seg_jlo, seg_jhi, seg_olo, seg_ohi = (
                np.concatenate((seg_jlo[left], mid[right] + 1)),
                np.concatenate((mid[left] - 1, seg_jhi[right])),
                np.concatenate((seg_olo[left], opt[right])),
                np.concatenate((opt[left], seg_ohi[right])),
            )
        splits.append(arg)
        prev = cur
    ends = [n]
    j = n
    for arg in reversed(splits):
        j = int(arg[j])
        ends.append(j)
    return sorted(ends)


def gvf_cost(x, ends):
    """Within-class sum of squared deviations of the partition (for tests and diagnostics)."""
    x = np.sort(np.asarray(x, dtype=float))
    total = 0.0
    start = 0
    for end in ends:
        part = x[start:end]
        total += float(((part - part.mean()) ** 2).sum())
        start = end
    return total


def class_of(values, bounds):
    """Class numbers 1..k of the values for the upper bounds ``bounds`` (0 for NaN; above the last -> k)."""
    v = np.asarray(values, dtype=float)
    b = np.asarray(bounds, dtype=float)
    out = np.zeros(v.shape, dtype=int)
    if len(b) == 0:
        return out
    finite = np.isfinite(v)
    out[finite] = np.minimum(np.searchsorted(b, v[finite], side="left") + 1, len(b))
    return out


def format_number(x, language="en", decimals=1):
    """``1234.5`` -> "1,234.5" (en) or "1.234,5" (de); NaN/None -> "–"."""
    if x is None:
        return "\u2013"
    try:
        value = float(x)
    except (TypeError, ValueError):
        return str(x)
    if not math.isfinite(value):
        return "\u2013"
    decimals = max(0, int(decimals))
    text = "{:,.{}f}".format(value, decimals)
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    if language == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def labels(lower, bounds, language="en", decimals=1):
    """Legend labels "lower – b1", "b1 – b2", ... (German number format with language="de")."""
    out = []
    previous = lower
    for bound in bounds:
        out.append("{} \u2013 {}".format(format_number(previous, language, decimals),
                                         format_number(bound, language, decimals)))
        previous = bound
    return out
