"""Match addresses against an address directory, in stages, vectorised with numpy/pandas.

Stages (the first that succeeds wins):

1. ``exact`` (score 100): street, house number and — where both sides have them — postcode and city identical as
   text after trimming spaces.
2. ``normalized`` (score 95): the same after normalisation (:mod:`addresses.normalize`); score 90 when only the
   plain first number matched ("12a" or "12-14" found as "12").
3. ``fuzzy`` (score ``round(90 * similarity)``, 5 less for a plain-number match): the street name is not in the
   directory of that postcode/city, but one street there is similar enough (``difflib`` ratio of the normalised
   names ≥ ``threshold``; a tie between two streets is ambiguous) and has the house number.
4. ``street`` (score ``round(50 * similarity)``, similarity 1 for a normalised street match): the street is found but
   not the house number; the point is the centroid (mean coordinate) of that street's directory addresses.

Search areas ("levels"): postcode when both sides have one, then city when both sides have one, then the whole
directory. A row goes to the next level only when its street is not found (even fuzzily) at the current one; each
level below the first available costs 5 points of score. In the whole directory a house number or street that lies
in several places (distinct coordinates, resp. several cities or postcodes of the directory) is ``ambiguous``;
within a postcode or city, duplicates of an address take the first in directory order.

Unmatched rows carry a reason: ``no_street`` (empty street), ``street_not_found``, ``ambiguous``,
``housenumber_not_found`` (street found, house number not, and the street fallback switched off).

When an input row has no house number but its street ends in one ("Hauptstr. 12a"), the two are split.

Pure numpy/pandas/stdlib: normalisation runs once per distinct value, lookups are hash joins on integer keys, and
similarity is computed once per distinct (search area, street) pair.
"""

import difflib
import re

import numpy as np
import pandas as pd

from . import normalize as nz

EXACT = "exact"
NORMALIZED = "normalized"
FUZZY = "fuzzy"
STREET = "street"
UNMATCHED = "unmatched"
STATUSES = (EXACT, NORMALIZED, FUZZY, STREET, UNMATCHED)

NO_STREET = "no_street"
STREET_NOT_FOUND = "street_not_found"
AMBIGUOUS = "ambiguous"
HOUSENUMBER_NOT_FOUND = "housenumber_not_found"
REASONS = (NO_STREET, STREET_NOT_FOUND, AMBIGUOUS, HOUSENUMBER_NOT_FOUND)

DEFAULT_THRESHOLD = 0.85
LEVEL_PENALTY = 5

_TRAILING_NUMBER = re.compile(r"^(.*?\D)[\s,]*(\d+\s*[a-zA-Z]?(?:\s*[-/]\s*\d+\s*[a-zA-Z]?)?)\s*$")


def _exact_text(value):
    return "" if nz._is_missing(value) else str(value).strip()


def split_street_housenumber(text):
    """``("Hauptstr.", "12a")`` for "Hauptstr. 12a"; ``(text, "")`` when no trailing number.

    A street name that is only a number pattern ("Straße des 17. Juni" ends in a word) is left alone.
    """
    text = _exact_text(text)
    match = _TRAILING_NUMBER.match(text)
    if match is None or not any(ch.isalpha() for ch in match.group(1)):
        return text, ""
    return match.group(1).strip(" ,"), match.group(2)


def _as_object_array(values, n=None):
    if values is None:
        return np.full(n, None, dtype=object)
    arr = np.asarray(values, dtype=object)
    if arr.ndim != 1:
        arr = arr.reshape(-1)
    return arr


def _factorize(values):
    return pd.factorize(np.asarray(values, dtype=object))


class _FactorCache:
    """Factorisations of the arrays of one :func:`geocode` call, each computed once (hashing strings is the
    dominant cost of the exact and normalised stages)."""

    def __init__(self):
        self.items = {}

    def factorize(self, values):
        hit = self.items.get(id(values))
        if hit is None or hit[0] is not values:
            hit = (values, _factorize(values))
            self.items[id(values)] = hit
        return hit[1]


def _map_unique(values, func, dtype, cache):
    """``func`` applied to each value, calling it once per distinct value (None/NaN included)."""
    raw_codes, uniques = cache.factorize(values)
    mapped = np.array([func(u) for u in uniques] + [func(None)], dtype=dtype)
    return mapped[raw_codes]


class _Vocab:
    """Maps strings to integer codes; code 0 is always the empty string (missing)."""

    def __init__(self):
        self.index = {"": 0}
        self.words = [""]

    def code(self, word):
        code = self.index.get(word)
        if code is None:
            code = len(self.words)
            self.index[word] = code
            self.words.append(word)
        return code

    def encode(self, values, func, cache=None):
        """Codes of ``func(v)`` for every ``v``; ``func`` runs once per distinct value."""
        raw_codes, uniques = cache.factorize(values) if cache is not None else _factorize(values)
        mapped = np.zeros(len(uniques) + 1, dtype=np.int64)  # the last slot: missing values (code -1)
        for i, value in enumerate(uniques):
            mapped[i] = self.code(func(value))
        return mapped[raw_codes]

    def __len__(self):
        return len(self.words)


def _combine(*parts_and_sizes):
    """Integer key from ``(codes, size)`` pairs (mixed radix)."""
    key = np.zeros(len(parts_and_sizes[0][0]), dtype=np.int64)
    for codes, size in parts_and_sizes:
        key = key * np.int64(size) + codes.astype(np.int64)
    return key


class Directory:
    """An address directory: one row per address point.

    ``street`` and ``housenumber`` are sequences of the same length as ``x``/``y``; ``postcode`` and ``city`` are
    optional sequences. Values may be None.
    """

    def __init__(self, street, housenumber, x, y, postcode=None, city=None):
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        n = len(self.x)
        self.street = _as_object_array(street, n)
        self.housenumber = _as_object_array(housenumber, n)
        self.postcode = None if postcode is None else _as_object_array(postcode, n)
        self.city = None if city is None else _as_object_array(city, n)
        for name, arr in (("street", self.street), ("housenumber", self.housenumber), ("postcode", self.postcode),
                          ("city", self.city), ("y", self.y)):
            if arr is not None and len(arr) != n:
                raise ValueError("directory column {} has {} values, expected {}".format(name, len(arr), n))

    def __len__(self):
        return len(self.x)


class _Level:
    """Lookups of the directory within one kind of search area (postcode, city or everything)."""

    def __init__(self, name, dir_block, in_block, unique, dir_area):
        self.name = name
        self.dir_block = dir_block
        self.in_block = in_block
        self.unique = unique  # whole-directory level: duplicates in distinct places are ambiguous
        self.dir_area = dir_area  # codes of the directory's city/postcode, to tell a street in several places


def _first_index(keys, rows):
    """``(unique_keys, first_row)`` keeping the first row of each key."""
    frame = pd.DataFrame({"k": keys, "r": rows})
    first = frame.drop_duplicates("k", keep="first")
    return first["k"].to_numpy(), first["r"].to_numpy()


def _get(index_keys, values, query):
    """Values at the position of each query key in ``index_keys``; -1 where absent."""
    if len(index_keys) == 0:
        return np.full(len(query), -1, dtype=np.int64)
    pos = pd.Index(index_keys).get_indexer(query)
    return np.where(pos >= 0, values[np.maximum(pos, 0)], -1)


class _Fuzzy:
    """Best similar street within a search area, cached per distinct (area, street) pair."""

    def __init__(self, words, threshold):
        self.words = words
        self.threshold = threshold
        self.cache = {}

    def best(self, block, street, candidates):
        key = (block, street)
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        query = self.words[street]
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(query)
        best_code, best_ratio, tie = -1, 0.0, False
        lq = len(query)
        for cand in candidates:
            word = self.words[cand]
            lc = len(word)
            if lq + lc == 0 or 2.0 * min(lq, lc) / (lq + lc) < self.threshold:
                continue
            matcher.set_seq1(word)
            if matcher.real_quick_ratio() < self.threshold or matcher.quick_ratio() < self.threshold:
                continue
            ratio = matcher.ratio()
            if ratio < self.threshold:
                continue
            if ratio > best_ratio + 1e-12:
                best_code, best_ratio, tie = cand, ratio, False
            elif abs(ratio - best_ratio) <= 1e-12 and cand != best_code:
                tie = True
        result = (-1, 0.0, False) if best_code < 0 else (best_code, best_ratio, tie)
        self.cache[key] = result
        return result


def geocode(directory, street, housenumber, postcode=None, city=None, fuzzy=True, threshold=DEFAULT_THRESHOLD,
            street_fallback=True, is_canceled=None):
    """Geocode the input rows against ``directory``.

    Returns a ``pandas.DataFrame`` with one row per input row (same order) and columns ``x``, ``y`` (NaN when
    unmatched), ``status`` (see :data:`STATUSES`), ``score`` (0–100), ``reason`` ("" when matched, else one of
    :data:`REASONS`) and ``dir_index`` (the matched directory row, -1 for street centroids and unmatched rows).
    ``is_canceled`` is an optional callable; when it returns True the function raises :class:`Canceled`.
    """
    street = _as_object_array(street)
    n = len(street)
    housenumber = _as_object_array(housenumber, n)
    if len(housenumber) != n:
        raise ValueError("housenumber has {} values, street {}".format(len(housenumber), n))
    use_pc = postcode is not None and directory.postcode is not None
    use_city = city is not None and directory.city is not None
    postcode = _as_object_array(postcode, n) if use_pc else None
    city = _as_object_array(city, n) if use_city else None

    def check():
        if is_canceled is not None and is_canceled():
            raise Canceled()

    # House numbers written into the street field, for rows without house number.
    fc = _FactorCache()
    hn_missing = _map_unique(housenumber, lambda v: nz.housenumber_key(v) == "", bool, fc)
    if hn_missing.any():
        street = street.copy()
        housenumber = housenumber.copy()
        split = pd.Series(street[hn_missing], dtype=object)
        codes, uniques = pd.factorize(split)
        parts = [split_street_housenumber(u) for u in uniques] + [("", "")]
        street[hn_missing] = np.array([parts[c][0] for c in codes], dtype=object)
        housenumber[hn_missing] = np.array([parts[c][1] for c in codes], dtype=object)
    check()

    nd = len(directory)
    # -- exact keys -------------------------------------------------------------------------------------------
    ex = _Vocab()
    parts_d, parts_i = [], []
    pairs = [(directory.street, street), (directory.housenumber, housenumber)]
    if use_pc:
        pairs.append((directory.postcode, postcode))
    if use_city:
        pairs.append((directory.city, city))
    for dvals, ivals in pairs:
        parts_d.append(ex.encode(dvals, _exact_text, fc))
        parts_i.append(ex.encode(ivals, _exact_text, fc))
    size = len(ex)
    exact_d = _combine(*[(p, size) for p in parts_d]) if size ** len(pairs) < 2 ** 62 else None
    exact_i = _combine(*[(p, size) for p in parts_i]) if exact_d is not None else None
    check()

    # -- normalised codes ---------------------------------------------------------------------------------------
    streets = _Vocab()
    st_d = streets.encode(directory.street, nz.street_key, fc)
    st_i = streets.encode(street, nz.street_key, fc)
    hns = _Vocab()
    hn_d = hns.encode(directory.housenumber, nz.housenumber_key, fc)
    hn_i = hns.encode(housenumber, nz.housenumber_key, fc)
    hb_i = hns.encode(housenumber, lambda v: nz.housenumber_parts(v)[1], fc)
    blocks = _Vocab()
    area_d = None
    levels = []
    if use_pc:
        pc_d = blocks.encode(directory.postcode, nz.postcode_key, fc)
        levels.append(_Level("postcode", pc_d, blocks.encode(postcode, nz.postcode_key, fc), False, None))
        area_d = pc_d
    if use_city:
        ci_d = blocks.encode(directory.city, nz.city_key, fc)
        levels.append(_Level("city", ci_d, blocks.encode(city, nz.city_key, fc), False, None))
        area_d = ci_d
    if area_d is None:
        if directory.city is not None:
            area_d = blocks.encode(directory.city, nz.city_key, fc)
        elif directory.postcode is not None:
            area_d = blocks.encode(directory.postcode, nz.postcode_key, fc)
    # The whole directory: block code 1 on both sides (0 means "no block").
    levels.append(_Level("all", np.ones(nd, dtype=np.int64), np.ones(n, dtype=np.int64), True, area_d))
    check()


    run = _Run(directory, n, len(blocks), len(streets), len(hns), street_fallback, check)
    run.hn_i, run.hb_i = hn_i, hb_i

    # -- stage 1: exact -----------------------------------------------------------------------------------------
    if exact_d is not None and len(directory):
        keys, first = _first_index(exact_d, np.arange(len(directory), dtype=np.int64))
        idx = _get(keys, first, exact_i)
        ok = (idx >= 0) & (st_i != 0)
        if not (use_pc or use_city):
            # Without postcode or city the same address text may lie in several places: not an exact match.
            frame = pd.DataFrame({"k": exact_d, "x": directory.x, "y": directory.y}).drop_duplicates()
            counts = frame["k"].value_counts()
            ok &= ~np.isin(exact_i, counts.index[counts.to_numpy() > 1].to_numpy(dtype=np.int64))
        run.assign(np.flatnonzero(ok), idx[ok], EXACT, 100)
    check()

    no_street = st_i == 0
    run.reason[no_street & ~run.done] = NO_STREET
    settled = run.done | no_street  # rows that no wider search area may change
    fuzzy_engine = _Fuzzy(streets.words, threshold)

    for level_no, level in enumerate(levels):
        penalty = LEVEL_PENALTY * level_no
        todo = ~settled & (level.in_block != 0)
        if not todo.any():
            continue
        index = run.index_level(level, st_d, hn_d)
        rows = np.flatnonzero(todo)
        # Stage 2: normalised street + house number (else the street's centroid).
        street_known = np.isin(_combine((level.in_block[rows], run.nb), (st_i[rows], run.ns)), index.cent_keys)
        known = rows[street_known]
        if len(known):
            found = run.try_housenumber(index, known, st_i[known], 95 - penalty, 90 - penalty, NORMALIZED)
            rest = known[~found]
            if len(rest):
                run.try_street(index, rest, st_i[rest], 50 - penalty)
        check()
        # Stage 3: fuzzy street names within the search area (else the similar street's centroid).
        unknown = rows[~street_known]
        if fuzzy and len(unknown):
            got = run.fuzzy(index, fuzzy_engine, unknown, st_i, penalty)
            # Rows whose street has a similar name here are not searched in wider areas.
            settled[unknown[got | run.ambiguous[unknown]]] = True
        settled[known] = True
        settled |= run.done

    left = ~run.done & ~no_street
    run.reason[left] = STREET_NOT_FOUND
    run.reason[left & run.hn_not_found] = HOUSENUMBER_NOT_FOUND
    run.reason[left & run.ambiguous] = AMBIGUOUS
    return pd.DataFrame({"x": run.x, "y": run.y, "status": run.status, "score": run.score, "reason": run.reason,
                         "dir_index": run.dir_index})


class _LevelIndex:
    """Hash indexes of the directory for one search level."""


class _Run:
    """Result arrays of one :func:`geocode` call and the stage operations that fill them."""

    def __init__(self, directory, n, nb, ns, nh, street_fallback, check):
        self.directory = directory
        self.nb, self.ns, self.nh = nb, ns, nh
        self.street_fallback = street_fallback
        self.check = check
        self.x = np.full(n, np.nan)
        self.y = np.full(n, np.nan)
        self.status = np.full(n, UNMATCHED, dtype=object)
        self.score = np.zeros(n, dtype=np.int64)
        self.reason = np.full(n, "", dtype=object)
        self.dir_index = np.full(n, -1, dtype=np.int64)
        self.done = np.zeros(n, dtype=bool)
        self.ambiguous = np.zeros(n, dtype=bool)
        self.hn_not_found = np.zeros(n, dtype=bool)
        self.hn_i = self.hb_i = None

    def assign(self, rows, idx, label, score):
        self.x[rows] = self.directory.x[idx]
        self.y[rows] = self.directory.y[idx]
        self.status[rows] = label
        self.score[rows] = score
        self.dir_index[rows] = idx
        self.done[rows] = True

    def index_level(self, level, st_d, hn_d):
        d = self.directory
        ix = _LevelIndex()
        valid = level.dir_block != 0
        rows = np.flatnonzero(valid)
        ix.block_d, ix.street_d = level.dir_block[valid], st_d[valid]
        ix.in_block = level.in_block
        addr_key = _combine((ix.block_d, self.nb), (ix.street_d, self.ns), (hn_d[valid], self.nh))
        street_key = _combine((ix.block_d, self.nb), (ix.street_d, self.ns))
        ix.keys, ix.first = _first_index(addr_key, rows)
        ix.amb_keys = np.empty(0, dtype=np.int64)
        ix.amb_streets = np.empty(0, dtype=np.int64)
        if level.unique:
            frame = pd.DataFrame({"k": addr_key, "x": d.x[rows], "y": d.y[rows]}).drop_duplicates()
            counts = frame["k"].value_counts()
            ix.amb_keys = counts.index[counts.to_numpy() > 1].to_numpy(dtype=np.int64)
            if level.dir_area is not None:
                frame = pd.DataFrame({"k": street_key, "a": level.dir_area[rows]})
                frame = frame[frame["a"] != 0].drop_duplicates()
                counts = frame["k"].value_counts()
                ix.amb_streets = counts.index[counts.to_numpy() > 1].to_numpy(dtype=np.int64)
        cent = pd.DataFrame({"k": street_key, "x": d.x[rows], "y": d.y[rows]}).groupby("k", sort=False).mean()
        ix.cent_keys = cent.index.to_numpy(dtype=np.int64)
        ix.cent_pos = np.arange(len(ix.cent_keys), dtype=np.int64)
        ix.cent_x, ix.cent_y = cent["x"].to_numpy(), cent["y"].to_numpy()
        self.check()
        return ix

    def try_housenumber(self, ix, rows, st_codes, sc_full, sc_base, label):
        """Look up the house number (then its plain number) of ``rows`` in streets ``st_codes``; found mask."""
        bi = ix.in_block[rows]
        found = np.zeros(len(rows), dtype=bool)
        for hcodes, sc in ((self.hn_i[rows], sc_full), (self.hb_i[rows], sc_base)):
            q = _combine((bi, self.nb), (st_codes, self.ns), (hcodes, self.nh))
            idx = _get(ix.keys, ix.first, q)
            hit = (idx >= 0) & (hcodes != 0) & ~found
            amb = np.isin(q, ix.amb_keys) & hit if len(ix.amb_keys) else np.zeros(len(q), dtype=bool)
            ok = hit & ~amb
            self.ambiguous[rows[amb]] = True
            self.assign(rows[ok], idx[ok], label, sc[ok] if isinstance(sc, np.ndarray) else sc)
            found |= hit
        return found

    def try_street(self, ix, rows, st_codes, sc):
        q = _combine((ix.in_block[rows], self.nb), (st_codes, self.ns))
        pos = _get(ix.cent_keys, ix.cent_pos, q)
        amb = np.isin(q, ix.amb_streets) if len(ix.amb_streets) else np.zeros(len(q), dtype=bool)
        ok = (pos >= 0) & ~amb
        self.ambiguous[rows[(pos >= 0) & amb]] = True
        if not self.street_fallback:
            self.hn_not_found[rows[ok]] = True
            return
        sel = rows[ok]
        self.x[sel] = ix.cent_x[pos[ok]]
        self.y[sel] = ix.cent_y[pos[ok]]
        self.status[sel] = STREET
        self.score[sel] = np.maximum(sc[ok] if isinstance(sc, np.ndarray) else sc, 1)
        self.done[sel] = True

    def fuzzy(self, ix, engine, rows, st_i, penalty):
        """Fuzzy street stage for ``rows`` (streets unknown in their area); mask of rows with a similar street."""
        by_block = pd.DataFrame({"b": ix.block_d, "s": ix.street_d}).drop_duplicates()
        by_block = {b: g["s"].to_numpy() for b, g in by_block.groupby("b", sort=False)}
        bi, si = ix.in_block[rows], st_i[rows]
        pair_codes, pair_uniques = pd.factorize(_combine((bi, self.nb), (si, self.ns)))
        best_street = np.full(len(pair_uniques), -1, dtype=np.int64)
        best_ratio = np.zeros(len(pair_uniques))
        tied = np.zeros(len(pair_uniques), dtype=bool)
        first_of_pair = np.full(len(pair_uniques), -1, dtype=np.int64)
        first_of_pair[pair_codes[::-1]] = np.arange(len(rows))[::-1]
        for j, i in enumerate(first_of_pair):
            if j % 64 == 0:
                self.check()
            cand = by_block.get(int(bi[i]))
            if cand is None:
                continue
            code, ratio, tie = engine.best(int(bi[i]), int(si[i]), cand)
            if code >= 0 and tie:
                tied[j] = True
            else:
                best_street[j], best_ratio[j] = code, ratio
        self.ambiguous[rows[tied[pair_codes]]] = True
        got = best_street[pair_codes] >= 0
        hit = rows[got]
        if len(hit):
            codes = best_street[pair_codes][got]
            ratio = best_ratio[pair_codes][got]
            full = np.round(90 * ratio).astype(np.int64) - penalty
            found = self.try_housenumber(ix, hit, codes, full, full - 5, FUZZY)
            if (~found).any():
                street_score = np.round(50 * ratio[~found]).astype(np.int64) - penalty
                self.try_street(ix, hit[~found], codes[~found], street_score)
        return got


class Canceled(Exception):  # noqa: N818 (the name says what happened)
    """Raised by :func:`geocode` when ``is_canceled()`` returns True."""


def summary(result):
    """Counts per status (all statuses present, zero-filled) of a :func:`geocode` result."""
    counts = pd.Series(result["status"]).value_counts()
    return {st: int(counts.get(st, 0)) for st in STATUSES}
