"""Demo data generator: a synthetic county in EPSG:25832 for maps, tests and ``make demo``.

Usage::

    from quartiersmonitor.resources.demo import generate, write
    data = generate(seed=42, scale=1.0)     # pure: numpy arrays, DataFrames and polygon rings
    write(data, "build/demo")               # demo.gpkg + CSVs (GDAL's ogr imported here, lazily)

    python -m resources.demo.generate --out build/demo [--seed 42] [--scale 1.0]    (from the plugin folder)

Same seed and scale (and the same numpy/pandas versions) give byte-identical CSVs and identical features.
``scale`` multiplies residents, addresses and offerings (not the geometry: there are always 19 municipalities and
158 quartiers); 1.0 gives about 600,000 residents at about 150,000 addresses.

Geometry
    A jittered hexagonal mesh (brick layout, cells of about 500 m x 433 m, every vertex shared by exactly three
    cells, coordinates rounded to 1 cm) covers a blob-shaped county of about 41 x 36 km around E 450000,
    N 5750000. Municipalities are contiguous groups of cells grown from 19 seeds, quartiers contiguous groups of
    cells inside a municipality; polygons are dissolved by walking the boundary edges, so neighbouring polygons
    share their vertices exactly: no gaps, no overlaps. Towns (8 or more quartiers) have small quartiers in the
    centre; rural municipalities consist of villages.

Files written by ``write(data, folder)`` (UTF-8, comma-separated, "\\n" line ends):
    demo.gpkg
        ``quartiers`` (MultiPolygon): quartier_id (text "MMQQ", e.g. "0101"), name (e.g. "Altstadt (Lindenau)",
            some with "/" and umlauts), municipality_id (text "01".."19"), municipality (name)
        ``municipalities`` (MultiPolygon): municipality_id, name, postcodes (comma list), n_quartiers
        ``county`` (MultiPolygon): name
        ``addresses`` (Point, no R-tree index: it would triple the writing time): address_id, street,
            housenumber (text, "12", "12a"), postcode (text, 5 digits),
            municipality, residents, and residents by age band ``pop_<band>`` for FINE_BANDS
            (0, 1_4, 5_9, 10_14, 15_17, 18_19, 20_24, 25_29, ... 90_94, 95plus). No quartier id: assigning one
            is the job of ``assignaddresses``. The addresses hold the population of 31 Dec 2024 (= counts_2024).
        ``offerings`` (Point, true positions = the address points): offering_id ("K001"), category (one of
            OFFERING_CATEGORIES: kita, family_counselling, youth_centre, doctor, grocery, bus_stop), name,
            street, housenumber, postcode, city
        ``network`` (LineString): segment_id, kind ("street" or "bridge"): a street network of two-point
            segments (a jittered grid of about 250 m, some streets left out, clipped to the county) that shares its
            nodes exactly; a river cuts it, and only N_BRIDGES (4) "bridge" segments cross the river, so the
            network is connected through the bridges only (network distances differ from straight lines).
        ``river`` (LineString): name; the river from west to east, beyond the county on both sides.
        ``counts_2023``, ``counts_2024`` (tables): as the CSVs below
    counts_2023.csv, counts_2024.csv
        quartier_id (text), municipality (name), year, then COUNT_COLUMNS: every numerator and denominator of
        INDICATORS.md (sgb2_u65, pop_u65, sgb2_u15, pop_u15, gsi_em, pop_18_64, gsi_alter, pop_65plus,
        seu_delayed, seu_examined, hh_single_parent, hh_children, pop_80plus, pop_60plus, births, women_15_44,
        elb_employed, elb, ltu, pop_15_64, seu_overweight, deaths_u65, severely_disabled, pop_total,
        pop_far_grocery, pop_far_stop, pop_poor_housing), then ``deaths_<band>`` and ``pop_<band>`` for the
        European Standard Population 2013 bands ESP_BANDS: 0, 1_4, 5_9, 10_14, 15_19, 20_24, ..., 85_89, 90_94,
        95plus (21 bands). Every numerator <= its denominator; the ESP bands sum to pop_total;
        pop_far_grocery/pop_far_stop of 2024 are the residents of the addresses farther than 500 m from a
        grocery / 300 m from a bus stop of the offerings layer (2023: the same share of the 2023 population).
    offerings.csv
        offering_id, category, name, street, housenumber, postcode, city: the offerings as a department
        delivers them: about 10 % spelled differently from the address directory ("Hauptstr. 5",
        "Haupt-Strasse 5a", "St.-Georg-Str.", "Am Muehlbach", "12 A", upper case ...) and about 2 % extra rows
        whose address does not exist (their ids are not in the ``offerings`` layer).
    offerings_truth.csv
        offering_id, spelling: how each offerings.csv row differs from the directory ("exact", "abbreviation",
        "expansion", "hyphen_strasse", "sharp_s", "sankt", "umlaut", "case", "housenumber_format",
        "housenumber_suffix", "spaces", "nonexistent"). For tests of geocoding; not input data.
    summary.json
        figures of the generated county (counts of features, residents, tiny quartiers, ...).

Spatial structure: three clusters of disadvantage (high SGB II etc.; two towns), ageing suburbs around the
county town, young new-build quartiers, 4 tiny quartiers (< 300 residents) and therefore counts of 1 or 2;
2024 = 2023 one year on (ageing, deaths, births, migration), with a dozen quartiers worsening.

Only numpy, pandas and the standard library are imported at module level.
"""

import argparse
import heapq
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

if __package__ in (None, ""):  # run as a script: python resources/demo/generate.py
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import names as N  # noqa: N812
else:
    from . import names as N  # noqa: N812

__all__ = ["DemoData", "generate", "write", "write_csvs", "ESP_BANDS", "FINE_BANDS", "COUNT_COLUMNS"]

CRS = "EPSG:25832"
EPSG = 25832
CENTRE = (450000.0, 5750000.0)
CELL_W = 500.0
CELL_H = 433.0
GRID_NX = 92
GRID_NY = 96
COUNTY_RX = 19000.0
COUNTY_RY = 16500.0
TOTAL_POPULATION = 600000
TOTAL_ADDRESSES = 150000
QUARTIERS_PER_MUNICIPALITY = (30, 16, 14, 11, 10, 9, 8, 8, 7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 2)  # sums to 158
N_TINY = 4
YEARS = (2023, 2024)

ESP_BANDS = (
    "0", "1_4", "5_9", "10_14", "15_19", "20_24", "25_29", "30_34", "35_39", "40_44", "45_49", "50_54", "55_59",
    "60_64", "65_69", "70_74", "75_79", "80_84", "85_89", "90_94", "95plus",
)
FINE_BANDS = ESP_BANDS[:4] + ("15_17", "18_19") + ESP_BANDS[5:]
_FINE_LO = np.array([0, 1, 5, 10, 15, 18] + list(range(20, 100, 5)))
_FINE_WIDTH = np.append(np.diff(_FINE_LO), 10)
_FINE_TO_ESP = np.array([0, 1, 2, 3, 4, 4] + list(range(5, 21)))
# Share of the population per fine band (Germany, roughly 2023).
_BASE_AGE = np.array([
    0.0095, 0.040, 0.047, 0.047, 0.028, 0.020, 0.053, 0.058, 0.066, 0.066, 0.062, 0.058, 0.071, 0.083, 0.075,
    0.064, 0.051, 0.040, 0.042, 0.021, 0.0085, 0.0022,
])
# Deaths per person and year by fine band.
_MORTALITY = np.array([
    0.0033, 0.00012, 0.00007, 0.0001, 0.00025, 0.0003, 0.0004, 0.0005, 0.0007, 0.001, 0.0015, 0.0025, 0.004,
    0.0065, 0.01, 0.015, 0.023, 0.036, 0.06, 0.11, 0.2, 0.35,
])

INDICATOR_PAIRS = (  # (numerator, denominator) of INDICATORS.md
    ("sgb2_u65", "pop_u65"), ("sgb2_u15", "pop_u15"), ("gsi_em", "pop_18_64"), ("gsi_alter", "pop_65plus"),
    ("seu_delayed", "seu_examined"), ("hh_single_parent", "hh_children"), ("pop_65plus", "pop_u15"),
    ("pop_80plus", "pop_60plus"), ("births", "women_15_44"), ("elb_employed", "elb"), ("ltu", "pop_15_64"),
    ("seu_overweight", "seu_examined"), ("deaths_u65", "pop_u65"), ("severely_disabled", "pop_total"),
    ("pop_far_grocery", "pop_total"), ("pop_far_stop", "pop_total"), ("pop_poor_housing", "pop_total"),
)
COUNT_COLUMNS = (
    "sgb2_u65", "pop_u65", "sgb2_u15", "pop_u15", "gsi_em", "pop_18_64", "gsi_alter", "pop_65plus", "seu_delayed",
    "seu_examined", "hh_single_parent", "hh_children", "pop_80plus", "pop_60plus", "births", "women_15_44",
    "elb_employed", "elb", "ltu", "pop_15_64", "seu_overweight", "deaths_u65", "severely_disabled", "pop_total",
    "pop_far_grocery", "pop_far_stop", "pop_poor_housing",
)
ESP_COLUMNS = tuple("deaths_" + b for b in ESP_BANDS) + tuple("pop_" + b for b in ESP_BANDS)
OFFERING_CATEGORIES = N.OFFERING_CATEGORIES
OFFERING_COUNTS = {"kita": 130, "family_counselling": 10, "youth_centre": 25, "doctor": 100, "grocery": 130,
                   "bus_stop": 320}
# Groceries and bus stops: one per square block (side in m) of the most populated blocks, so that towns are well
# served and small villages not (W.1/W.2 get meaningful maps).
OFFERING_BLOCKS = {"grocery": 1100.0, "bus_stop": 600.0}
GROCERY_DISTANCE = 500.0
STOP_DISTANCE = 300.0
# Street network: a jittered grid of NET_SPACING metres (a few streets left out) clipped to the county, cut by a
# river that the streets cross only at N_BRIDGES bridges.
NET_SPACING = 250.0
NET_DROP = 0.08
N_BRIDGES = 4


@dataclass
class DemoData:
    """Everything generated; polygons are lists of rings (closed (n, 2) float arrays, exterior first)."""

    seed: int
    scale: float
    quartiers: pd.DataFrame
    quartier_polygons: list
    municipalities: pd.DataFrame
    municipality_polygons: list
    county_name: str
    county_polygon: list
    addresses: pd.DataFrame
    address_quartier: np.ndarray  # row of ``quartiers`` for each address (in-memory truth, not written)
    offerings: pd.DataFrame
    offerings_table: pd.DataFrame
    offerings_truth: pd.DataFrame
    counts: dict = field(default_factory=dict)  # year -> DataFrame
    network: pd.DataFrame = None  # x0, y0, x1, y1 (metres), kind ("street" / "bridge")
    river: np.ndarray = None  # (n, 2) polyline from west to east across the county

    def summary(self):
        counts = {str(y): df for y, df in self.counts.items()}
        last = counts[str(max(self.counts))]
        return {
            "seed": self.seed,
            "scale": self.scale,
            "crs": CRS,
            "county": self.county_name,
            "municipalities": int(len(self.municipalities)),
            "quartiers": int(len(self.quartiers)),
            "addresses": int(len(self.addresses)),
            "residents": {y: int(df["pop_total"].sum()) for y, df in counts.items()},
            "tiny_quartiers": last.loc[last["pop_total"] < 300, "quartier_id"].tolist(),
            "offerings": {c: int((self.offerings["category"] == c).sum()) for c in OFFERING_CATEGORIES},
            "offerings_csv_rows": int(len(self.offerings_table)),
            "offerings_csv_spelled_differently": int(
                (~self.offerings_truth["spelling"].isin(["exact", "nonexistent"])).sum()),
            "offerings_csv_nonexistent": int((self.offerings_truth["spelling"] == "nonexistent").sum()),
            "network_segments": 0 if self.network is None else int(len(self.network)),
            "bridges": 0 if self.network is None else int((self.network["kind"] == "bridge").sum()),
        }


# ----------------------------------------------------------------------------------------------------------------
# Mesh


@dataclass
class _Mesh:
    verts: np.ndarray  # (nv, 2)
    cells: np.ndarray  # (nc, 6) vertex ids, counter-clockwise
    centres: np.ndarray  # (nc, 2)
    nb: np.ndarray  # (nc, 6) neighbour across edge k (cells[k] -> cells[k+1]) or -1


def _build_mesh(rng):
    nx, ny = GRID_NX, GRID_NY
    ncol = 2 * nx + 2
    x0 = CENTRE[0] - nx * CELL_W / 2.0
    y0 = CENTRE[1] - ny * CELL_H / 2.0
    jj, ii = np.meshgrid(np.arange(ny + 1), np.arange(ncol), indexing="ij")
    vx = x0 + ii * CELL_W / 2.0 + rng.uniform(-0.18, 0.18, ii.shape) * CELL_W
    vy = y0 + jj * CELL_H + rng.uniform(-0.22, 0.22, jj.shape) * CELL_H
    verts = np.round(np.column_stack([vx.ravel(), vy.ravel()]), 2)
    r, c = np.divmod(np.arange(nx * ny), nx)
    i0 = 2 * c + r % 2
    b = r * ncol + i0
    t = (r + 1) * ncol + i0
    cells = np.column_stack([b, b + 1, b + 2, t + 2, t + 1, t]).astype(np.int64)
    centres = verts[cells].mean(axis=1)
    nv = len(verts)
    a = cells.ravel()
    e = np.roll(cells, -1, axis=1).ravel()
    key = a * nv + e
    twin = e * nv + a
    order = np.argsort(key)
    skey = key[order]
    pos = np.clip(np.searchsorted(skey, twin), 0, len(skey) - 1)
    found = skey[pos] == twin
    nb = np.full(len(a), -1, dtype=np.int64)
    nb[found] = order[pos[found]] // 6
    return _Mesh(verts, cells, centres, nb.reshape(-1, 6))


def _components(mask, nb, start):
    """Cells reachable from ``start`` within ``mask`` (boolean array)."""
    seen = np.zeros(len(mask), dtype=bool)
    seen[start] = True
    stack = [start]
    while stack:
        c = stack.pop()
        for n in nb[c]:
            if n >= 0 and mask[n] and not seen[n]:
                seen[n] = True
                stack.append(n)
    return seen


def _county_cells(rng, mesh):
    u = (mesh.centres[:, 0] - CENTRE[0]) / COUNTY_RX
    v = (mesh.centres[:, 1] - CENTRE[1]) / COUNTY_RY
    rad = np.hypot(u, v)
    theta = np.arctan2(v, u)
    ph = rng.uniform(0, 2 * np.pi, 4)
    edge = (0.93 + 0.06 * np.sin(2 * theta + ph[0]) + 0.05 * np.sin(3 * theta + ph[1])
            + 0.03 * np.sin(5 * theta + ph[2]) + 0.015 * np.sin(9 * theta + ph[3]))
    inside = rad < edge
    county = _components(inside, mesh.nb, int(np.argmin(rad)))
    # Fill holes: outside cells not connected to the border of the grid belong to the county.
    border = np.flatnonzero((mesh.nb < 0).any(axis=1) & ~county)
    outside = np.zeros(len(county), dtype=bool)
    for b in border:
        if not outside[b]:
            outside |= _components(~county, mesh.nb, b)
    return ~outside


def _grow(mesh, seeds, allowed, cost, speeds=None):
    """Multi-source Dijkstra: every allowed cell gets the label of the seed it is reached from (contiguous)."""
    label = np.full(len(allowed), -1, dtype=np.int64)
    heap = [(0.0, int(c), k) for k, c in enumerate(seeds)]
    heapq.heapify(heap)
    centres, nb = mesh.centres, mesh.nb
    while heap:
        d, c, k = heapq.heappop(heap)
        if label[c] >= 0:
            continue
        label[c] = k
        sp = 1.0 if speeds is None else speeds[k]
        for n in nb[c]:
            if n >= 0 and allowed[n] and label[n] < 0:
                step = float(np.hypot(*(centres[n] - centres[c]))) * 0.5 * (cost[c] + cost[n]) / sp
                heapq.heappush(heap, (d + step, int(n), k))
    return label


def _dissolve(mesh, labels, n):
    """Polygons (list of rings, exterior first) of labels 0..n-1 by walking boundary edges."""
    a = mesh.cells.ravel()
    b = np.roll(mesh.cells, -1, axis=1).ravel()
    own = np.repeat(labels, 6)
    nbf = mesh.nb.ravel()
    other = np.where(nbf >= 0, labels[np.maximum(nbf, 0)], -1)
    keep = (own >= 0) & (own != other)
    own, a, b = own[keep], a[keep], b[keep]
    order = np.argsort(own, kind="stable")
    own, a, b = own[order], a[order], b[order]
    bounds = np.searchsorted(own, np.arange(n + 1))
    polygons = []
    for k in range(n):
        nxt = dict(zip(a[bounds[k]:bounds[k + 1]].tolist(), b[bounds[k]:bounds[k + 1]].tolist()))
        if len(nxt) != bounds[k + 1] - bounds[k]:
            raise RuntimeError("boundary of region {} is not simple".format(k))
        rings = []
        while nxt:
            start = min(nxt)
            ring = [start]
            cur = nxt.pop(start)
            while cur != start:
                ring.append(cur)
                cur = nxt.pop(cur)
            ring.append(start)
            xy = mesh.verts[ring]
            rings.append(xy)
        exteriors = [r for r in rings if _signed_area(r) > 0]
        holes = [r for r in rings if _signed_area(r) <= 0]
        if len(exteriors) != 1:
            raise RuntimeError("region {} has {} exterior rings".format(k, len(exteriors)))
        polygons.append(exteriors + holes)
    return polygons


def _signed_area(ring):
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))


# ----------------------------------------------------------------------------------------------------------------
# Municipalities and quartiers


def _lloyd_seeds(points, ids, centres, iterations):
    """``centres`` moved by a few Lloyd iterations over ``points``, then for each the nearest point's id (each id
    once)."""
    n = len(centres)
    for _ in range(iterations):
        assign = np.argmin(((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2), axis=1)
        centres = np.array([points[assign == k].mean(axis=0) if (assign == k).any() else centres[k]
                            for k in range(n)])
    seeds = []
    for k in range(n):
        d = ((points - centres[k]) ** 2).sum(axis=1)
        d[np.isin(ids, seeds)] = np.inf
        seeds.append(int(ids[np.argmin(d)]))
    return seeds


def _municipalities(rng, mesh, county):
    idx = np.flatnonzero(county)
    pts = mesh.centres[idx]
    n = len(QUARTIERS_PER_MUNICIPALITY)
    cent = pts[rng.choice(len(pts), n, replace=False)]
    seeds = _lloyd_seeds(pts, idx, cent, 10)  # a few Lloyd iterations: well-spread seeds
    cost = np.exp(rng.normal(0, 0.3, len(county)))
    speeds = rng.uniform(0.85, 1.2, n)
    label = _grow(mesh, seeds, county, cost, speeds)
    return label, np.array(seeds)


def _town_seeds(rng, mesh, cells, centre, k):
    area = len(cells) * CELL_W * CELL_H
    radius = np.sqrt(area / np.pi)
    sigma = 0.42 * radius
    d_centre = np.hypot(*(mesh.centres[cells] - mesh.centres[centre]).T)
    seeds = [centre]
    spacing = 1.9 * CELL_W
    while len(seeds) < k:
        dmin = np.min(np.hypot(*(mesh.centres[cells][:, None, :] - mesh.centres[seeds][None, :, :]).transpose(2, 0, 1)),
                      axis=1)
        ok = dmin >= spacing
        if not ok.any():
            spacing *= 0.8
            continue
        w = (np.exp(-0.5 * (d_centre / sigma) ** 2) + 0.03) * ok
        seeds.append(int(cells[rng.choice(len(cells), p=w / w.sum())]))
    return seeds, radius


def _rural_seeds(rng, mesh, cells, centre, k):
    """Villages spread over the municipality: farthest-point start, then a few Lloyd iterations."""
    xy = mesh.centres[cells]
    seeds = [centre]
    while len(seeds) < k:
        dmin = np.min(np.hypot(*(xy[:, None, :] - mesh.centres[seeds][None, :, :]).transpose(2, 0, 1)), axis=1)
        seeds.append(int(cells[np.argmax(dmin * rng.uniform(0.6, 1.0, len(cells)))]))
    seeds = _lloyd_seeds(xy, cells, mesh.centres[seeds], 6)
    # The village nearest the municipality's centre is its main village ("Ortskern").
    first = int(np.argmin(np.hypot(*(mesh.centres[seeds] - mesh.centres[centre]).T)))
    seeds.insert(0, seeds.pop(first))
    return seeds, np.sqrt(len(cells) * CELL_W * CELL_H / np.pi)


def _sector(dx, dy):
    ang = np.degrees(np.arctan2(dy, dx)) % 360
    return "E" if ang < 45 or ang >= 315 else "N" if ang < 135 else "W" if ang < 225 else "S"


def _build_units(rng, mesh, county):
    mun_label, mun_seeds = _municipalities(rng, mesh, county)
    n_mun = len(mun_seeds)
    county_centre = np.array(CENTRE)
    sizes = np.bincount(mun_label[mun_label >= 0], minlength=n_mun)
    capital = int(np.argmin(np.hypot(*(mesh.centres[mun_seeds] - county_centre).T)))
    rest = [m for m in range(n_mun) if m != capital]
    rest.sort(key=lambda m: -sizes[m] * rng.uniform(0.75, 1.25))
    k_of = {capital: QUARTIERS_PER_MUNICIPALITY[0]}
    for m, k in zip(rest, QUARTIERS_PER_MUNICIPALITY[1:]):
        k_of[m] = k
    # Names and ids: the county town is "01", the others in alphabetical order.
    other_names = list(rng.permutation(list(N.MUNICIPALITIES[1:]))[: n_mun - 1])
    name_of = {capital: N.MUNICIPALITIES[0]}
    for m, nm in zip(rest, other_names):
        name_of[m] = str(nm)
    ordered = [capital] + sorted(rest, key=lambda m: name_of[m])
    mid_of = {m: "{:02d}".format(i + 1) for i, m in enumerate(ordered)}

    q_label = np.full(len(county), -1, dtype=np.int64)
    rows = []
    extra = [a + b for a in N.VILLAGE_PREFIXES for b in N.VILLAGE_SUFFIXES]
    village_pool = [str(x) for x in rng.permutation(list(N.VILLAGES))]
    village_pool = [str(x) for x in rng.permutation(sorted(set(extra) - set(village_pool)))] + village_pool
    cost = np.exp(rng.normal(0, 0.25, len(county)))
    for m in ordered:
        cells = np.flatnonzero(mun_label == m)
        k = k_of[m]
        mean = mesh.centres[cells].mean(axis=0)
        centre = int(cells[np.argmin(((mesh.centres[cells] - mean) ** 2).sum(axis=1))])
        town = k >= 8
        seeds, radius = (_town_seeds if town else _rural_seeds)(rng, mesh, cells, centre, k)
        centre = seeds[0]
        allowed = np.zeros(len(county), dtype=bool)
        allowed[cells] = True
        lab = _grow(mesh, seeds, allowed, cost)
        seed_d = np.hypot(*(mesh.centres[seeds] - mesh.centres[centre]).T)
        order = np.argsort(seed_d, kind="stable")
        used = set()
        for qi, s_idx in enumerate(order):
            seed = seeds[s_idx]
            qcells = np.flatnonzero(lab == s_idx)
            dx, dy = mesh.centres[seed] - mesh.centres[centre]
            dist = float(np.hypot(dx, dy))
            if qi == 0:
                qname = str(rng.choice(N.TOWN_CENTRE)) if town else "Ortskern"
            elif town and dist < 0.7 * radius:
                cands = [x for x in N.TOWN_SECTORS[_sector(dx, dy)] + N.TOWN_GENERIC if x not in used]
                qname = cands[0]
            else:
                qname = village_pool.pop()
                if not town and len(qcells) > 22 and rng.random() < 0.35:
                    qname = qname + "/" + village_pool.pop()
            used.add(qname)
            q_label[qcells] = len(rows)
            rows.append({
                "quartier_id": mid_of[m] + "{:02d}".format(qi + 1),
                "qname": qname,
                "municipality_id": mid_of[m],
                "municipality": name_of[m],
                "_mun": m,
                "_seed": seed,
                "_centre": centre,
                "_dist_centre": dist,
                "_radius": float(radius),
                "_town": town,
                "_k": k,
                "_ncells": len(qcells),
            })
    quartiers = pd.DataFrame(rows)
    # At least one quartier name with "/" (file-name tests): the biggest rural non-centre quartier gets two villages.
    if not quartiers["qname"].str.contains("/").any():
        cand = quartiers[~quartiers["_town"] & (quartiers["_dist_centre"] > 0)]
        i = cand["_ncells"].idxmax()
        quartiers.loc[i, "qname"] = quartiers.loc[i, "qname"] + "/" + village_pool.pop()
    quartiers["name"] = quartiers["qname"] + " (" + quartiers["municipality"] + ")"
    mun_rows = []
    for m in ordered:
        mun_rows.append({"municipality_id": mid_of[m], "name": name_of[m], "n_quartiers": k_of[m], "_mun": m,
                         "_centre": int(quartiers.loc[quartiers["_mun"] == m, "_centre"].iloc[0])})
    municipalities = pd.DataFrame(mun_rows)
    m_label = np.full(len(county), -1, dtype=np.int64)
    for i, m in enumerate(ordered):
        m_label[mun_label == m] = i
    return quartiers, municipalities, q_label, m_label


# ----------------------------------------------------------------------------------------------------------------
# Population


def _profiles(rng, mesh, quartiers, scale):
    nq = len(quartiers)
    seeds_xy = mesh.centres[quartiers["_seed"].to_numpy()]
    capital_centre = mesh.centres[int(quartiers["_centre"].iloc[0])]
    dist_capital = np.hypot(*(seeds_xy - capital_centre).T)
    town = quartiers["_town"].to_numpy()
    rel = quartiers["_dist_centre"].to_numpy() / quartiers["_radius"].to_numpy()
    urban = np.where(town, np.clip(1.0 - rel, 0.0, 1.0) ** 0.7, np.where(rel == 0, 0.15, 0.05))
    # Clusters of disadvantage: one in the county town, one in each of the two next towns.
    clusters = []
    for mid in quartiers.loc[town, "municipality_id"].unique()[:3]:
        sel = quartiers.index[(quartiers["municipality_id"] == mid) & (quartiers["_dist_centre"] > 0)]
        target = 0.35 * quartiers.loc[sel, "_radius"].iloc[0]
        i = sel[np.argmin(np.abs(quartiers.loc[sel, "_dist_centre"].to_numpy() - target))]
        clusters.append((seeds_xy[i], 1500.0 if mid == "01" else 1100.0))
    cluster_score = np.zeros(nq)
    for c, s in clusters:
        cluster_score = np.maximum(cluster_score, np.exp(-0.5 * (np.hypot(*(seeds_xy - c).T) / s) ** 2))
    dis = np.clip(0.05 + 0.15 * urban + 0.8 * cluster_score + rng.normal(0, 0.04, nq), 0.0, 1.0)
    # Ageing: suburbs around the county town are old, town centres and clusters younger, a few new-build areas.
    ageing = np.where(town, -0.05, 0.15) + rng.normal(0, 0.08, nq)
    suburb = (dist_capital > 2500) & (dist_capital < 9500) & ((~town) | (rel > 0.5))
    ageing[suburb] = 0.6 + rng.normal(0, 0.1, suburb.sum())
    ageing -= 0.6 * cluster_score
    family = np.zeros(nq)
    newbuild = np.flatnonzero((cluster_score < 0.2) & ~suburb & (quartiers["_dist_centre"].to_numpy() > 0))
    newbuild = rng.choice(newbuild, max(1, round(0.08 * nq)), replace=False)
    ageing[newbuild] = -0.5
    family[newbuild] = 0.6
    # Residents per municipality and quartier; four tiny hamlets.
    k = quartiers.groupby("municipality_id")["_k"].first()
    mun_pop = k * (2800 + 80 * k)
    mun_pop = mun_pop / mun_pop.sum() * TOTAL_POPULATION * scale
    w = np.exp(rng.normal(0, 0.3, nq)) * np.where(town & (rel < 0.5), 1.2, 0.85)
    cand = quartiers.index[(~quartiers["_town"]) & (quartiers["_k"].between(3, 9)) & (quartiers["_dist_centre"] > 0)]
    cand_mun = quartiers.loc[cand, "municipality_id"]
    tiny_muns = rng.choice(sorted(cand_mun.unique()), N_TINY, replace=False)
    tiny = [int(rng.choice(cand[cand_mun.to_numpy() == mid])) for mid in sorted(tiny_muns)]
    pop = np.zeros(nq)
    for mid, total in mun_pop.items():
        sel = np.flatnonzero((quartiers["municipality_id"] == mid).to_numpy())
        t_sel = [i for i in sel if i in tiny]
        pop[t_sel] = rng.uniform(140, 270, len(t_sel)) * scale
        o_sel = [i for i in sel if i not in tiny]
        pop[o_sel] = np.maximum(w[o_sel] / w[o_sel].sum() * (total - pop[t_sel].sum()), 450 * scale)
    pop = np.maximum(np.round(pop).astype(np.int64), 1)
    return {"urban": urban, "dis": dis, "ageing": ageing, "family": family, "pop": pop, "tiny": np.array(tiny),
            "suburb": suburb, "newbuild": newbuild}


def _age_structure(rng, prof):
    mid = _FINE_LO + _FINE_WIDTH / 2.0
    child = (_FINE_LO < 15).astype(float)
    parents = ((_FINE_LO >= 30) & (_FINE_LO < 45)).astype(float)
    w = (_BASE_AGE[None, :] * np.exp(prof["ageing"][:, None] * (mid[None, :] - 42.0) / 25.0)
         * (1 + prof["family"][:, None] * (child + parents)[None, :])
         * (1 + 0.5 * prof["dis"][:, None] * child[None, :]))
    w /= w.sum(axis=1, keepdims=True)
    return np.array([rng.multinomial(p, wi) for p, wi in zip(prof["pop"], w)], dtype=np.int64)


def _one_year_on(rng, pop, deaths, births, migration):
    surv = pop - deaths
    moved = rng.binomial(surv[:, :-1], 1.0 / _FINE_WIDTH[:-1])
    nxt = surv.copy()
    nxt[:, :-1] -= moved
    nxt[:, 1:] += moved
    nxt[:, 0] += births
    delta = np.round(nxt * migration[:, None] * rng.uniform(0.5, 1.5, nxt.shape)).astype(np.int64)
    return np.maximum(nxt + delta, 0)


def _women_15_44(rng, pop):
    sel = (_FINE_LO >= 15) & (_FINE_LO < 45)
    return rng.binomial(pop[:, sel].sum(axis=1), 0.49)


def _counts(rng, pop, deaths, women, births, dis, family):
    """Counts table (without the W.1/W.2 distance columns) from fine-band population and deaths."""
    lo = _FINE_LO
    c = {}
    c["pop_total"] = pop.sum(axis=1)
    c["pop_u15"] = pop[:, lo < 15].sum(axis=1)
    c["pop_u65"] = pop[:, lo < 65].sum(axis=1)
    c["pop_15_64"] = pop[:, (lo >= 15) & (lo < 65)].sum(axis=1)
    c["pop_18_64"] = pop[:, (lo >= 18) & (lo < 65)].sum(axis=1)
    c["pop_60plus"] = pop[:, lo >= 60].sum(axis=1)
    c["pop_65plus"] = pop[:, lo >= 65].sum(axis=1)
    c["pop_80plus"] = pop[:, lo >= 80].sum(axis=1)
    p_adult = 0.03 + 0.25 * dis
    p_child = np.minimum(0.7, 1.6 * p_adult + 0.01)
    c["sgb2_u15"] = rng.binomial(c["pop_u15"], p_child)
    sgb2_15_64 = rng.binomial(c["pop_15_64"], p_adult)
    c["sgb2_u65"] = c["sgb2_u15"] + sgb2_15_64
    c["elb"] = rng.binomial(sgb2_15_64, 0.9)
    c["elb_employed"] = rng.binomial(c["elb"], rng.uniform(0.18, 0.3, len(dis)))
    c["gsi_em"] = rng.binomial(c["pop_18_64"], 0.004 + 0.012 * dis)
    c["gsi_alter"] = rng.binomial(c["pop_65plus"], 0.012 + 0.06 * dis)
    c["seu_examined"] = rng.binomial(pop[:, lo == 5][:, 0], 0.2)
    c["seu_delayed"] = rng.binomial(c["seu_examined"], 0.12 + 0.3 * dis)
    c["seu_overweight"] = rng.binomial(c["seu_examined"], 0.07 + 0.12 * dis)
    minors = pop[:, lo < 18].sum(axis=1)
    c["hh_children"] = np.floor(minors / rng.uniform(1.6, 1.9, len(dis))).astype(np.int64)
    c["hh_single_parent"] = rng.binomial(c["hh_children"], 0.14 + 0.25 * dis)
    c["women_15_44"] = women
    c["births"] = births
    c["ltu"] = rng.binomial(c["pop_15_64"], 0.008 + 0.05 * dis)
    c["severely_disabled"] = (rng.binomial(c["pop_u65"], 0.035 + 0.03 * dis)
                              + rng.binomial(c["pop_65plus"], 0.22 + 0.05 * dis))
    c["pop_poor_housing"] = rng.binomial(c["pop_total"], 0.01 + 0.15 * dis ** 1.5)
    c["deaths_u65"] = deaths[:, lo < 65].sum(axis=1)
    esp_pop = np.zeros((len(pop), len(ESP_BANDS)), dtype=np.int64)
    esp_deaths = np.zeros_like(esp_pop)
    np.add.at(esp_pop.T, _FINE_TO_ESP, pop.T)
    np.add.at(esp_deaths.T, _FINE_TO_ESP, deaths.T)
    for j, b in enumerate(ESP_BANDS):
        c["deaths_" + b] = esp_deaths[:, j]
    for j, b in enumerate(ESP_BANDS):
        c["pop_" + b] = esp_pop[:, j]
    return c


# ----------------------------------------------------------------------------------------------------------------
# Addresses


def _points_in_cells(rng, mesh, cell_idx, margin=2.0):
    """One random point per entry of ``cell_idx``, inside that cell and at least ``margin`` m from its edges."""
    n = len(cell_idx)
    out = np.empty((n, 2))
    poly = mesh.verts[mesh.cells[cell_idx]]  # (n, 6, 2)
    lo = poly.min(axis=1)
    hi = poly.max(axis=1)
    todo = np.arange(n)
    while len(todo):
        p = lo[todo] + rng.random((len(todo), 2)) * (hi[todo] - lo[todo])
        p = np.round(p, 2)
        ring = poly[todo]
        inside = np.zeros(len(todo), dtype=bool)
        dmin = np.full(len(todo), np.inf)
        for k in range(6):
            a = ring[:, k]
            b = ring[:, (k + 1) % 6]
            cond = (a[:, 1] > p[:, 1]) != (b[:, 1] > p[:, 1])
            with np.errstate(divide="ignore", invalid="ignore"):
                xcross = (b[:, 0] - a[:, 0]) * (p[:, 1] - a[:, 1]) / (b[:, 1] - a[:, 1]) + a[:, 0]
            inside ^= cond & (p[:, 0] < xcross)
            ab = b - a
            t = np.clip(((p - a) * ab).sum(axis=1) / (ab * ab).sum(axis=1), 0.0, 1.0)
            dmin = np.minimum(dmin, np.hypot(*(p - (a + t[:, None] * ab)).T))
        ok = inside & (dmin >= margin)
        out[todo[ok]] = p[ok]
        todo = todo[~ok]
    return out


def _street_pool(rng):
    prime = list(N.PRIME_STREETS)
    combos = [s + t for s in N.STREET_STEMS for t in N.STREET_TYPES]
    pool = [x for x in combos + list(N.HYPHEN_STREETS) + list(N.FIELD_NAMES) if x not in prime]
    pool = list(dict.fromkeys(pool))
    return prime, [str(x) for x in rng.permutation(pool)]


def _addresses(rng, mesh, quartiers, municipalities, q_label, pop24, prof, scale):
    nq = len(quartiers)
    ptot = pop24.sum(axis=1)
    urban = prof["urban"]
    mean_res = 2.3 + 6.0 * urban ** 1.5
    raw = ptot / mean_res
    n_addr = np.clip(np.round(raw * TOTAL_ADDRESSES * scale / raw.sum()).astype(np.int64), 1, np.maximum(ptot, 1))
    n_addr = np.where(ptot > 0, n_addr, 0)
    q_of = np.repeat(np.arange(nq), n_addr)
    residents = np.empty(len(q_of), dtype=np.int64)
    ages = np.zeros((len(q_of), len(FINE_BANDS)), dtype=np.int64)
    cells_of = np.empty(len(q_of), dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(n_addr)])
    for q in range(nq):
        n = n_addr[q]
        if n == 0:
            continue
        sl = slice(start[q], start[q + 1])
        w = np.exp(rng.normal(0, 0.5 + 0.6 * urban[q], n))
        residents[sl] = 1 + rng.multinomial(ptot[q] - n, w / w.sum())
        persons = rng.permutation(np.repeat(np.arange(len(FINE_BANDS)), pop24[q]))
        owner = np.repeat(np.arange(n), residents[sl])
        ages[sl] = np.bincount(owner * len(FINE_BANDS) + persons, minlength=n * len(FINE_BANDS)).reshape(n, -1)
        qcells = np.flatnonzero(q_label == q)
        cxy = mesh.centres[qcells]
        seed_xy = mesh.centres[quartiers["_seed"].iloc[q]]
        if quartiers["_town"].iloc[q]:
            sigma = max(800.0, np.sqrt(len(qcells) * CELL_W * CELL_H) * 0.6)
        else:
            sigma = 450.0
        dens = np.exp(-0.5 * (np.hypot(*(cxy - seed_xy).T) / sigma) ** 2)
        if not quartiers["_town"].iloc[q] and len(qcells) > 12:
            for h in rng.choice(len(qcells), 2, replace=False):
                dens += 0.35 * np.exp(-0.5 * (np.hypot(*(cxy - cxy[h]).T) / 300.0) ** 2)
        dens += 0.004
        cells_of[sl] = qcells[rng.choice(len(qcells), n, p=dens / dens.sum())]
    xy = _points_in_cells(rng, mesh, cells_of)

    # Streets: parallel strips (140 m apart, 700 m long) at a random angle per quartier; one name per strip
    # segment, unique within the municipality (names reused only when the pool is exhausted, numbering continues).
    theta = rng.uniform(0, np.pi, nq)[q_of]
    seed_xy = mesh.centres[quartiers["_seed"].to_numpy()][q_of]
    rx, ry = (xy - seed_xy).T
    u = rx * np.cos(theta) + ry * np.sin(theta)
    v = -rx * np.sin(theta) + ry * np.cos(theta)
    strip = np.floor(u / 140.0).astype(np.int64)
    seg = np.floor(v / 700.0).astype(np.int64)
    side = ((u / 140.0 - strip) >= 0.5).astype(np.int64)
    mun_index = quartiers["municipality_id"].astype(int).to_numpy()[q_of] - 1
    frame = pd.DataFrame({"q": q_of, "m": mun_index, "strip": strip, "seg": seg, "side": side, "v": v,
                          "x": xy[:, 0], "y": xy[:, 1]})
    groups = frame.groupby(["q", "strip", "seg"], sort=True).agg(m=("m", "first"), x=("x", "mean"), y=("y", "mean"))
    groups = groups.reset_index()
    centre_xy = mesh.centres[municipalities["_centre"].to_numpy()][groups["m"].to_numpy()]
    groups["dc"] = np.hypot(groups["x"] - centre_xy[:, 0], groups["y"] - centre_xy[:, 1])
    groups = groups.sort_values(["m", "dc", "q", "strip", "seg"], kind="mergesort").reset_index(drop=True)
    prime, _ = _street_pool(rng)
    names = np.empty(len(groups), dtype=object)
    for _m, idx in sorted(groups.groupby("m").indices.items()):
        _, pool = _street_pool(rng)
        seq = prime + pool
        for j, gi in enumerate(idx):
            names[gi] = seq[j % len(seq)]
    groups["street"] = names
    groups["gorder"] = np.arange(len(groups))
    frame = frame.merge(groups[["q", "strip", "seg", "street", "gorder"]], on=["q", "strip", "seg"], how="left")
    frame["pop_rows"] = np.arange(len(frame))
    frame = frame.sort_values(["m", "street", "side", "gorder", "v"], kind="mergesort")
    key = ["m", "street", "side"]
    suffix = rng.random(len(frame)) < 0.04
    first = ~frame.duplicated(key, keep="first").to_numpy()
    suffix &= ~first
    frame["inc"] = (~suffix).astype(np.int64)
    frame["rank"] = frame.groupby(key, sort=False)["inc"].cumsum() - 1
    frame["letter"] = frame.groupby(key + ["rank"], sort=False).cumcount()
    number = 1 + frame["side"] + 2 * frame["rank"]
    letters = np.array([""] + list("abcdefghijklmnopqrstuvwxyz"))
    frame["housenumber"] = number.astype(str) + letters[np.minimum(frame["letter"].to_numpy(), 26)]
    order = frame["pop_rows"].to_numpy()
    # Directory order: by quartier (spatially coherent), street, number.
    frame["num"] = number
    frame = frame.sort_values(["q", "street", "num", "letter"], kind="mergesort")
    order = frame["pop_rows"].to_numpy()

    # Postcodes: one per municipality, three in the county town, two in the next towns (by quartier).
    pool = [int(c) * 10 + int(rng.integers(0, 9)) for c in rng.choice(np.arange(3310, 3399), 40, replace=False)]
    mun_codes = {}
    for mid, k in quartiers.groupby("municipality_id")["_k"].first().items():
        n_codes = 3 if mid == "01" else 2 if k >= 14 else 1
        mun_codes[mid] = [pool.pop(0) for _ in range(n_codes)]
    q_post = []
    for _, q in quartiers.iterrows():
        codes = mun_codes[q["municipality_id"]]
        q_post.append("{:05d}".format(codes[int(q["quartier_id"][2:]) % len(codes)]))
    q_post = np.array(q_post)
    qs = frame["q"].to_numpy()
    addresses = pd.DataFrame({
        "address_id": np.arange(1, len(frame) + 1),
        "street": frame["street"].to_numpy(),
        "housenumber": frame["housenumber"].to_numpy(),
        "postcode": q_post[qs],
        "municipality": quartiers["municipality"].to_numpy()[qs],
        "residents": residents[order],
    })
    for j, b in enumerate(FINE_BANDS):
        addresses["pop_" + b] = ages[order, j]
    addresses.insert(1, "y", np.round(xy[order, 1], 2))
    addresses.insert(1, "x", np.round(xy[order, 0], 2))
    # The directory of one small municipality abbreviates "straße" as "str." (as many real directories do).
    abbrev_mun = municipalities["name"].iloc[-1]
    sel = addresses["municipality"] == abbrev_mun
    addresses.loc[sel, "street"] = (addresses.loc[sel, "street"].str.replace(r"straße$", "str.", regex=True)
                                    .str.replace(r"Straße$", "Str.", regex=True))
    return addresses, qs


# ----------------------------------------------------------------------------------------------------------------
# Offerings


def _offering_name(rng, cat, addr, qname):
    if cat == "kita":
        return str(rng.choice(N.KITA_NAMES))
    if cat == "family_counselling":
        return "{} {}".format(rng.choice(N.COUNSELLING_NAMES), addr["municipality"])
    if cat == "youth_centre":
        return "{} {}".format(rng.choice(N.YOUTH_NAMES), qname)
    if cat == "doctor":
        return "Praxis Dr. med. {} ({})".format(rng.choice(N.SURNAMES), rng.choice(N.DOCTOR_KINDS))
    if cat == "grocery":
        return "{} {}".format(rng.choice(N.GROCERY_NAMES), addr["municipality"])
    return "{}, {}".format(addr["municipality"], addr["street"])


def _variant(rng, street, number, directory_keys, postcode):
    """A differently spelled (street, housenumber) and the kind of difference, or None if none applies."""
    options = []
    if re.search(r"(straße|Straße)$", street):
        options.append("abbreviation")
        if not re.search(r"-Straße$", street):
            options.append("hyphen_strasse")
    if re.search(r"(str\.|Str\.)$", street):
        options.append("expansion")
    if "ß" in street:
        options.append("sharp_s")
    if "Sankt" in street:
        options.append("sankt")
    if re.search(r"[äöüÄÖÜ]", street):
        options.append("umlaut")
    if " " in street:
        options.append("spaces")
    if re.search(r"[a-z]$", number):
        options.append("housenumber_format")
    elif (street, number + "a", postcode) not in directory_keys:
        options.append("housenumber_suffix")
    options.append("case")
    kind = str(rng.choice(options))
    s, n = street, number
    if kind == "abbreviation":
        s = re.sub(r"straße$", "str.", re.sub(r"Straße$", "Str.", s))
    elif kind == "hyphen_strasse":
        s = re.sub(r"straße$", "-Strasse", s)
        if rng.random() < 0.5:
            n = number + "a" if (street, number + "a", postcode) not in directory_keys else number
    elif kind == "expansion":
        s = re.sub(r"str\.$", "straße", re.sub(r"Str\.$", "Straße", s))
    elif kind == "sharp_s":
        s = s.replace("ß", "ss")
    elif kind == "sankt":
        s = s.replace("Sankt-", "St.-").replace("Sankt ", "St. ")
    elif kind == "umlaut":
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
            s = s.replace(a, b)
    elif kind == "spaces":
        s = " " + s.replace(" ", "  ") + " "
    elif kind == "housenumber_format":
        n = number[:-1] + (" " if rng.random() < 0.5 else "") + number[-1].upper()
    elif kind == "housenumber_suffix":
        n = number + "a"
    elif kind == "case":
        s = s.upper() if rng.random() < 0.5 else s.lower()
    return s, n, kind


def _block_pick(rng, addresses, block, n):
    """Rows of the most populated address in each of the ``n`` most populated blocks (with some noise)."""
    bx = np.floor(addresses["x"].to_numpy() / block).astype(np.int64)
    by = np.floor(addresses["y"].to_numpy() / block).astype(np.int64)
    key = bx * 1000003 + by
    uniq, inv = np.unique(key, return_inverse=True)
    res = addresses["residents"].to_numpy()
    score = np.bincount(inv, weights=res) * np.exp(rng.normal(0, 0.3, len(uniq)))
    top = np.argsort(-score, kind="stable")[:n]
    order = np.lexsort((-res, inv))  # by block, most residents first
    first = order[np.r_[True, inv[order][1:] != inv[order][:-1]]]
    best = np.empty(len(uniq), dtype=np.int64)
    best[inv[first]] = first
    return np.sort(best[top])


def _offerings(rng, addresses, address_quartier, quartiers, scale):
    res = addresses["residents"].to_numpy().astype(float)
    urban_like = np.clip(res / 12.0, 0.0, 1.0)  # big buildings are urban
    children = addresses[["pop_0", "pop_1_4", "pop_5_9"]].sum(axis=1).to_numpy() + 0.2
    town = quartiers["_town"].to_numpy()[address_quartier]
    weights = {
        "kita": children,
        "family_counselling": res * town * (0.2 + urban_like) + 1e-9,
        "youth_centre": res * (0.3 + urban_like),
        "doctor": res * (0.15 + urban_like),
        "grocery": res * (0.1 + urban_like) * np.where(town, 1.0, 0.6),
        "bus_stop": res ** 0.3,
    }
    rows = []
    for cat in OFFERING_CATEGORIES:
        n = max(2, int(round(OFFERING_COUNTS[cat] * scale)))
        if cat in OFFERING_BLOCKS:
            pick = _block_pick(rng, addresses, OFFERING_BLOCKS[cat], n)
        else:
            w = weights[cat]
            pick = np.sort(rng.choice(len(addresses), min(n, len(addresses)), replace=False, p=w / w.sum()))
        for j, (i, a) in enumerate(zip(pick, addresses.iloc[pick].to_dict("records"))):
            rows.append({
                "offering_id": "{}{:03d}".format(N.OFFERING_PREFIX[cat], j + 1),
                "category": cat,
                "name": _offering_name(rng, cat, a, quartiers["qname"].iloc[address_quartier[i]]),
                "street": a["street"], "housenumber": a["housenumber"], "postcode": a["postcode"],
                "city": a["municipality"], "x": a["x"], "y": a["y"],
            })
    offerings = pd.DataFrame(rows)
    keys = set(zip(addresses["street"], addresses["housenumber"], addresses["postcode"]))
    table = offerings.drop(columns=["x", "y"]).copy()
    spelling = np.array(["exact"] * len(table), dtype=object)
    chosen = rng.choice(len(table), int(round(0.1 * len(table))), replace=False)
    for i in np.sort(chosen):
        s, n, kind = _variant(rng, table.at[i, "street"], table.at[i, "housenumber"], keys, table.at[i, "postcode"])
        table.at[i, "street"], table.at[i, "housenumber"] = s, n
        spelling[i] = kind
    extra = []
    mun_post = addresses.groupby("municipality")["postcode"].first()
    for j in range(max(1, int(round(0.02 * len(table))))):
        cat = str(rng.choice(OFFERING_CATEGORIES))
        city = str(rng.choice(sorted(mun_post.index)))
        if j % 2 == 0:
            street, number = str(rng.choice(N.PHANTOM_STREETS)), str(int(rng.integers(1, 40)))
        else:
            street = str(rng.choice(sorted(addresses.loc[addresses["municipality"] == city, "street"].unique())))
            number = "999"
        n_cat = (table["category"] == cat).sum() + sum(1 for e in extra if e["category"] == cat)
        extra.append({
            "offering_id": "{}{:03d}".format(N.OFFERING_PREFIX[cat], n_cat + 1), "category": cat,
            "name": _offering_name(rng, cat, {"municipality": city, "street": street}, city),
            "street": street, "housenumber": number, "postcode": mun_post[city], "city": city,
        })
    table = pd.concat([table, pd.DataFrame(extra)], ignore_index=True)
    spelling = np.concatenate([spelling, np.array(["nonexistent"] * len(extra), dtype=object)])
    truth = pd.DataFrame({"offering_id": table["offering_id"], "spelling": spelling})
    order = np.argsort(table["offering_id"].to_numpy(), kind="stable")
    table = table.iloc[order].reset_index(drop=True)
    truth = truth.iloc[order].reset_index(drop=True)
    return offerings, table, truth


def _farther_than(points, targets, dist):
    """True where a point is farther than ``dist`` from every target (x-sorted sweep, exact)."""
    far = np.ones(len(points), dtype=bool)
    order = np.argsort(points[:, 0], kind="stable")
    xs = points[order, 0]
    for tx, ty in targets:
        lo, hi = np.searchsorted(xs, [tx - dist, tx + dist], side="left")
        idx = order[lo:hi]
        near = np.hypot(points[idx, 0] - tx, points[idx, 1] - ty) <= dist
        far[idx[near]] = False
    return far


# ----------------------------------------------------------------------------------------------------------------
# Street network and river


def _inside_ring(px, py, ring):
    """Even-odd point-in-polygon test of many points against one closed ring."""
    inside = np.zeros(len(px), dtype=bool)
    x, y = ring[:-1, 0], ring[:-1, 1]
    x2, y2 = ring[1:, 0], ring[1:, 1]
    for ax, ay, bx, by in zip(x, y, x2, y2):
        if ay == by:
            continue
        crosses = (ay > py) != (by > py)
        xi = ax + (py - ay) * (bx - ax) / (by - ay)
        inside ^= crosses & (px < xi)
    return inside


def _labels(n, a, b):
    """Connected components of a graph with n nodes and edges (a, b): the smallest node id of each component."""
    lab = np.arange(n)
    while True:
        m = np.minimum(lab[a], lab[b])
        new = lab.copy()
        np.minimum.at(new, a, m)
        np.minimum.at(new, b, m)
        new = new[new]
        if np.array_equal(new, lab):
            return lab
        lab = new


def _network(rng, county_polygon):
    """A jittered street grid clipped to the county and a river crossing it from west to east; the streets cross
    the river only at N_BRIDGES bridges. Returns (segments DataFrame, river polyline). Only the two largest parts
    of the grid (north and south of the river) are kept, so the network is connected through the bridges only."""
    ring = county_polygon[0]
    xmin, ymin = ring.min(axis=0)
    xmax, ymax = ring.max(axis=0)
    # River: a smooth meander, sampled every 100 m, beyond the county on both sides.
    rx = np.arange(xmin - 1000.0, xmax + 1000.0 + 1.0, 100.0)
    ph = rng.uniform(0, 2 * np.pi, 2)
    base = CENTRE[1] + rng.uniform(-2000.0, 2000.0)
    ry = base + 1200.0 * np.sin(2 * np.pi * rx / 9000.0 + ph[0]) + 400.0 * np.sin(2 * np.pi * rx / 3500.0 + ph[1])
    river = np.round(np.column_stack([rx, ry]), 2)
    # Grid nodes.
    nx = int(np.ceil((xmax - xmin) / NET_SPACING)) + 1
    ny = int(np.ceil((ymax - ymin) / NET_SPACING)) + 1
    jj, ii = np.meshgrid(np.arange(ny), np.arange(nx), indexing="ij")
    gx = xmin + ii * NET_SPACING + rng.uniform(-0.2, 0.2, ii.shape) * NET_SPACING
    gy = ymin + jj * NET_SPACING + rng.uniform(-0.2, 0.2, jj.shape) * NET_SPACING
    xy = np.round(np.column_stack([gx.ravel(), gy.ravel()]), 2)
    inside = _inside_ring(xy[:, 0], xy[:, 1], ring)
    idx = np.arange(nx * ny).reshape(ny, nx)
    a = np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()])
    b = np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()])
    vertical = np.concatenate([np.zeros(ny * (nx - 1), dtype=bool), np.ones((ny - 1) * nx, dtype=bool)])
    drop = rng.random(len(a)) < NET_DROP
    keep = inside[a] & inside[b]
    # Edges near the outline (a node outside within two grid steps) must not cut a corner of the county.
    near_out = ~inside.reshape(ny, nx)
    for _ in range(2):
        grown = near_out.copy()
        grown[1:, :] |= near_out[:-1, :]
        grown[:-1, :] |= near_out[1:, :]
        grown[:, 1:] |= near_out[:, :-1]
        grown[:, :-1] |= near_out[:, 1:]
        near_out = grown
    near_out = near_out.ravel()
    check = np.flatnonzero(keep & (near_out[a] | near_out[b]))
    p, q = xy[a[check]], xy[b[check]]
    for (ax, ay), (bx, by) in zip(ring[:-1], ring[1:]):
        o1 = np.sign((q[:, 0] - p[:, 0]) * (ay - p[:, 1]) - (q[:, 1] - p[:, 1]) * (ax - p[:, 0]))
        o2 = np.sign((q[:, 0] - p[:, 0]) * (by - p[:, 1]) - (q[:, 1] - p[:, 1]) * (bx - p[:, 0]))
        o3 = np.sign((bx - ax) * (p[:, 1] - ay) - (by - ay) * (p[:, 0] - ax))
        o4 = np.sign((bx - ax) * (q[:, 1] - ay) - (by - ay) * (q[:, 0] - ax))
        keep[check[(o1 * o2 <= 0) & (o3 * o4 <= 0)]] = False
    a, b, vertical, drop = a[keep], b[keep], vertical[keep], drop[keep]
    # Side of the river along each edge: the difference (edge y - river y) is piecewise linear in x with breaks at
    # the edge's ends and the river's vertices, so its signs there tell exactly how often the edge crosses.
    p, q = xy[a], xy[b]
    lo_x, hi_x = np.minimum(p[:, 0], q[:, 0]), np.maximum(p[:, 0], q[:, 0])
    lo = np.searchsorted(rx, lo_x, side="right")
    hi = np.searchsorted(rx, hi_x, side="left")

    def diff_at(x):
        t = np.where(q[:, 0] != p[:, 0], (x - p[:, 0]) / np.where(q[:, 0] != p[:, 0], q[:, 0] - p[:, 0], 1.0), 0.0)
        return p[:, 1] + t * (q[:, 1] - p[:, 1]) - np.interp(x, river[:, 0], river[:, 1])

    d0, d1 = p[:, 1] - np.interp(p[:, 0], river[:, 0], river[:, 1]), q[:, 1] - np.interp(q[:, 0], river[:, 0],
                                                                                         river[:, 1])
    changes = np.zeros(len(a), dtype=np.int64)
    near = (np.abs(d0) < 1.0) | (np.abs(d1) < 1.0)
    prev = np.where(p[:, 0] <= q[:, 0], d0, d1)
    last = np.where(p[:, 0] <= q[:, 0], d1, d0)
    for k in range(int((hi - lo).max()) if len(a) else 0):
        j = np.minimum(lo + k, len(rx) - 1)
        valid = lo + k < hi
        d = np.where(valid, diff_at(rx[j]), prev)
        near |= valid & (np.abs(d) < 1.0)
        changes += (np.sign(d) != np.sign(prev)).astype(np.int64)
        prev = d
    changes += (np.sign(last) != np.sign(prev)).astype(np.int64)
    crossing = (changes > 0) | near
    street = ~crossing & ~drop
    lab = _labels(len(xy), a[street], b[street])
    used = np.unique(np.concatenate([a[street], b[street]]))
    sizes = pd.Series(lab[used]).value_counts(sort=False)
    sizes = sizes.sort_values(ascending=False, kind="mergesort")
    main = sizes.index.to_numpy()[:2]
    # Bridges: single-crossing north-south edges between the two main parts, near evenly spaced points.
    cand = np.flatnonzero(vertical & (changes == 1) & ~near & np.isin(lab[a], main) & np.isin(lab[b], main)
                          & (lab[a] != lab[b]))
    mid = 0.5 * (p[cand, 0] + q[cand, 0])
    targets = mid.min() + (mid.max() - mid.min()) * (np.arange(N_BRIDGES) + 0.5) / N_BRIDGES
    bridges = []
    for t in targets:
        order = np.argsort(np.abs(mid - t), kind="stable")
        bridges.append(int(next(c for c in cand[order] if c not in bridges)))
    kind = np.full(len(a), "", dtype=object)
    kind[street & np.isin(lab[a], main)] = "street"
    kind[bridges] = "bridge"
    sel = np.flatnonzero(kind != "")
    net = pd.DataFrame({"x0": xy[a[sel], 0], "y0": xy[a[sel], 1], "x1": xy[b[sel], 0], "y1": xy[b[sel], 1],
                        "kind": kind[sel].astype(str)})
    return net, river


# ----------------------------------------------------------------------------------------------------------------


def generate(seed=42, scale=1.0):
    """Generate the demo county (pure: no files, no GDAL). See the module docstring for the schema."""
    if not scale > 0:
        raise ValueError("scale must be > 0")
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(int(seed)).spawn(8)]
    mesh = _build_mesh(streams[0])
    county = _county_cells(streams[1], mesh)
    quartiers, municipalities, q_label, m_label = _build_units(streams[2], mesh, county)
    quartier_polygons = _dissolve(mesh, q_label, len(quartiers))
    municipality_polygons = _dissolve(mesh, m_label, len(municipalities))
    county_polygon = _dissolve(mesh, np.where(county, 0, -1), 1)[0]

    rng = streams[3]
    prof = _profiles(rng, mesh, quartiers, scale)
    nq = len(quartiers)
    pop23 = _age_structure(rng, prof)
    dis23 = prof["dis"]
    change = rng.normal(0, 0.015, nq)
    worsen = rng.choice(np.flatnonzero(prof["urban"] > 0.2), 12, replace=False)
    change[worsen] = rng.uniform(0.08, 0.2, len(worsen))
    dis24 = np.clip(dis23 + change, 0.0, 1.0)
    hazard = 1.0 + 0.8 * dis23
    deaths23 = rng.binomial(pop23, np.minimum(_MORTALITY[None, :] * hazard[:, None], 0.9))
    women23 = _women_15_44(rng, pop23)
    fert = 0.040 + 0.02 * prof["family"] + 0.01 * dis23
    births23 = rng.binomial(women23, fert)
    migration = rng.normal(0.006, 0.01, nq)
    migration[prof["newbuild"]] = 0.04
    migration[prof["tiny"]] = 0.0
    pop24 = _one_year_on(rng, pop23, deaths23, births23, migration)
    deaths24 = rng.binomial(pop24, np.minimum(_MORTALITY[None, :] * (1.0 + 0.8 * dis24)[:, None], 0.9))
    women24 = _women_15_44(rng, pop24)
    births24 = rng.binomial(women24, fert)

    addresses, address_quartier = _addresses(streams[4], mesh, quartiers, municipalities, q_label, pop24, prof,
                                             scale)
    offerings, offerings_table, offerings_truth = _offerings(streams[5], addresses, address_quartier, quartiers,
                                                             scale)

    # W.1 / W.2 from the layers themselves: residents farther than 500 m from a grocery / 300 m from a bus stop.
    axy = addresses[["x", "y"]].to_numpy()
    res = addresses["residents"].to_numpy()
    far = {}
    for col, cat, dist in (("pop_far_grocery", "grocery", GROCERY_DISTANCE),
                           ("pop_far_stop", "bus_stop", STOP_DISTANCE)):
        t = offerings.loc[offerings["category"] == cat, ["x", "y"]].to_numpy()
        far[col] = np.bincount(address_quartier, weights=res * _farther_than(axy, t, dist),
                               minlength=nq).astype(np.int64)

    rng = streams[6]
    counts = {}
    for year, pop, deaths, women, births, dis in ((2023, pop23, deaths23, women23, births23, dis23),
                                                  (2024, pop24, deaths24, women24, births24, dis24)):
        c = _counts(rng, pop, deaths, women, births, dis, prof["family"])
        if year == 2024:
            c.update(far)
        else:
            ratio = np.where(pop24.sum(axis=1) > 0, pop23.sum(axis=1) / np.maximum(pop24.sum(axis=1), 1), 1.0)
            for col, vals in far.items():
                c[col] = np.minimum(np.round(vals * ratio).astype(np.int64), c["pop_total"])
        df = pd.DataFrame({"quartier_id": quartiers["quartier_id"], "municipality": quartiers["municipality"],
                           "year": year})
        for col in COUNT_COLUMNS + ESP_COLUMNS:
            df[col] = np.asarray(c[col], dtype=np.int64)
        counts[year] = df

    network, river = _network(streams[7], county_polygon)

    mun_post = addresses.groupby("municipality")["postcode"].apply(lambda s: ",".join(sorted(s.unique())))
    municipalities = municipalities.assign(postcodes=municipalities["name"].map(mun_post).fillna(""))
    return DemoData(
        seed=int(seed), scale=float(scale),
        quartiers=quartiers, quartier_polygons=quartier_polygons,
        municipalities=municipalities, municipality_polygons=municipality_polygons,
        county_name="Landkreis " + municipalities["name"].iloc[0], county_polygon=county_polygon,
        addresses=addresses, address_quartier=address_quartier,
        offerings=offerings, offerings_table=offerings_table, offerings_truth=offerings_truth, counts=counts,
        network=network, river=river,
    )


# ----------------------------------------------------------------------------------------------------------------
# Writing


QUARTIER_FIELDS = ("quartier_id", "name", "municipality_id", "municipality")
MUNICIPALITY_FIELDS = ("municipality_id", "name", "postcodes", "n_quartiers")
OFFERING_FIELDS = ("offering_id", "category", "name", "street", "housenumber", "postcode", "city")


def _csv(df, path):
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def write_csvs(data, folder):
    """The CSV files (pandas only): counts_<year>.csv, offerings.csv, offerings_truth.csv."""
    os.makedirs(folder, exist_ok=True)
    for year, df in sorted(data.counts.items()):
        _csv(df, os.path.join(folder, "counts_{}.csv".format(year)))
    _csv(data.offerings_table[list(OFFERING_FIELDS)], os.path.join(folder, "offerings.csv"))
    _csv(data.offerings_truth, os.path.join(folder, "offerings_truth.csv"))


def _fmt(v):
    return "{:.2f}".format(v)


def _wkt_multipolygon(polygon):
    rings = ",".join("(" + ",".join(_fmt(x) + " " + _fmt(y) for x, y in ring) + ")" for ring in polygon)
    return "MULTIPOLYGON ((" + rings + "))"


def _write_gpkg(data, path):
    from xml.sax.saxutils import escape

    from osgeo import ogr, osr

    had_exceptions = ogr.GetUseExceptions()
    ogr.UseExceptions()
    tmpdir = tempfile.mkdtemp(prefix=".demo-", dir=os.path.dirname(path))
    try:
        tmp_gpkg = os.path.join(tmpdir, "demo.gpkg")
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(tmp_gpkg)

        def add_layer(name, geom_type, fields, rows, geoms=None):
            lyr = ds.CreateLayer(name, srs if geom_type != ogr.wkbNone else None, geom_type,
                                 ["GEOMETRY_NAME=geom", "FID=fid"] if geom_type != ogr.wkbNone else ["FID=fid"])
            for fname, ftype in fields:
                lyr.CreateField(ogr.FieldDefn(fname, ftype))
            defn = lyr.GetLayerDefn()
            lyr.StartTransaction()
            for i, row in enumerate(rows):
                f = ogr.Feature(defn)
                for j, v in enumerate(row):
                    if ftype_of[name][j] == ogr.OFTString:
                        f.SetField(j, str(v))
                    else:
                        f.SetField(j, int(v))
                if geoms is not None:
                    f.SetGeometry(geoms[i])
                lyr.CreateFeature(f)
            lyr.CommitTransaction()

        ftype_of = {}

        def spec(name, fields):
            ftype_of[name] = [t for _, t in fields]
            return fields

        s, n = ogr.OFTString, ogr.OFTInteger
        q = data.quartiers
        add_layer("quartiers", ogr.wkbMultiPolygon, spec("quartiers", [(f, s) for f in QUARTIER_FIELDS]),
                  q[list(QUARTIER_FIELDS)].itertuples(index=False, name=None),
                  [ogr.CreateGeometryFromWkt(_wkt_multipolygon(p)) for p in data.quartier_polygons])
        m = data.municipalities
        add_layer("municipalities", ogr.wkbMultiPolygon,
                  spec("municipalities", [("municipality_id", s), ("name", s), ("postcodes", s), ("n_quartiers", n)]),
                  m[list(MUNICIPALITY_FIELDS)].itertuples(index=False, name=None),
                  [ogr.CreateGeometryFromWkt(_wkt_multipolygon(p)) for p in data.municipality_polygons])
        add_layer("county", ogr.wkbMultiPolygon, spec("county", [("name", s)]), [(data.county_name,)],
                  [ogr.CreateGeometryFromWkt(_wkt_multipolygon(data.county_polygon))])
        o = data.offerings
        pts = []
        for x, y in zip(o["x"], o["y"]):
            g = ogr.Geometry(ogr.wkbPoint)
            g.AddPoint_2D(float(x), float(y))
            pts.append(g)
        add_layer("offerings", ogr.wkbPoint, spec("offerings", [(f, s) for f in OFFERING_FIELDS]),
                  o[list(OFFERING_FIELDS)].itertuples(index=False, name=None), pts)
        for year, df in sorted(data.counts.items()):
            name = "counts_{}".format(year)
            fields = [(c, s if c in ("quartier_id", "municipality") else n) for c in df.columns]
            add_layer(name, ogr.wkbNone, spec(name, fields), df.itertuples(index=False, name=None))

        # 150,000 points: through a CSV and an OGR VRT copied in C (a Python feature loop takes 10+ s). Without an
        # R-tree: building it takes longer than everything else together; QGIS reads 150,000 points fast anyway.
        a = data.addresses
        csv_path = os.path.join(tmpdir, "addresses.csv")
        a.to_csv(csv_path, index=False, encoding="utf-8", lineterminator="\n")  # x, y already rounded to 1 cm
        field_xml = "".join(
            '<Field name="{0}" src="{0}" type="{1}"/>'.format(c, "Integer" if a[c].dtype.kind in "iu" else "String")
            for c in a.columns if c not in ("x", "y"))
        vrt = ('<OGRVRTDataSource><OGRVRTLayer name="addresses"><SrcDataSource>{}</SrcDataSource>'
               '<SrcLayer>addresses</SrcLayer><GeometryType>wkbPoint</GeometryType><LayerSRS>EPSG:{}</LayerSRS>'
               '<GeometryField encoding="PointFromColumns" x="x" y="y"/>{}</OGRVRTLayer></OGRVRTDataSource>'
               ).format(escape(csv_path), EPSG, field_xml)
        src = ogr.Open(vrt)
        ds.CopyLayer(src.GetLayer(0), "addresses", ["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=NO"])
        src = None
        if data.network is not None:
            add_layer("river", ogr.wkbLineString, spec("river", [("name", s)]), [("Lindenbach",)],
                      [ogr.CreateGeometryFromWkt("LINESTRING (" + ",".join(
                          _fmt(x) + " " + _fmt(y) for x, y in data.river) + ")")])
            net = data.network
            wkt = ("LINESTRING (" + net["x0"].map(_fmt) + " " + net["y0"].map(_fmt) + "," + net["x1"].map(_fmt)
                   + " " + net["y1"].map(_fmt) + ")")
            net_csv = os.path.join(tmpdir, "network.csv")
            pd.DataFrame({"segment_id": np.arange(1, len(net) + 1), "kind": net["kind"], "wkt": wkt}).to_csv(
                net_csv, index=False, encoding="utf-8", lineterminator="\n")
            vrt = ('<OGRVRTDataSource><OGRVRTLayer name="network"><SrcDataSource>{}</SrcDataSource>'
                   '<SrcLayer>network</SrcLayer><GeometryType>wkbLineString</GeometryType><LayerSRS>EPSG:{}'
                   '</LayerSRS><GeometryField encoding="WKT" field="wkt"/><Field name="segment_id" src="segment_id" '
                   'type="Integer"/><Field name="kind" src="kind" type="String"/></OGRVRTLayer></OGRVRTDataSource>'
                   ).format(escape(net_csv), EPSG)
            src = ogr.Open(vrt)
            ds.CopyLayer(src.GetLayer(0), "network", ["GEOMETRY_NAME=geom", "FID=fid"])
            src = None
        ds = None
        os.replace(tmp_gpkg, path)
    finally:
        ds = None
        shutil.rmtree(tmpdir, ignore_errors=True)
        if not had_exceptions:
            ogr.DontUseExceptions()


def write(data, folder):
    """Write demo.gpkg, the CSVs and summary.json into ``folder`` (created if missing); returns the summary."""
    os.makedirs(folder, exist_ok=True)
    write_csvs(data, folder)
    _write_gpkg(data, os.path.join(folder, "demo.gpkg"))
    summary = data.summary()
    with open(os.path.join(folder, "summary.json"), "w", encoding="utf-8") as handle:
        json.dump(summary, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate the Quartiersmonitor demo county.")
    parser.add_argument("--out", required=True, help="output folder (created if missing)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--scale", type=float, default=1.0, help="population scale (1.0 = about 600,000)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    data = generate(seed=args.seed, scale=args.scale)
    t1 = time.perf_counter()
    summary = write(data, args.out)
    t2 = time.perf_counter()
    print("Generated in {:.1f} s, written in {:.1f} s to {}".format(t1 - t0, t2 - t1, args.out))
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
