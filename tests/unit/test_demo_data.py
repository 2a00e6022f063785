"""Pure checks of the demo data generator (no QGIS, no GDAL).

Expected values come from independent computations in this file (own point-in-polygon, sums recomputed from the
bands, the numerator/denominator pairs copied from INDICATORS.md), never from the generator's bookkeeping.
"""

import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from quartiersmonitor.resources.demo.generate import ESP_BANDS, FINE_BANDS, generate, write_csvs

# (numerator, denominator) of the indicator catalog, copied from INDICATORS.md.
PAIRS = [
    ("sgb2_u65", "pop_u65"), ("sgb2_u15", "pop_u15"), ("gsi_em", "pop_18_64"), ("gsi_alter", "pop_65plus"),
    ("seu_delayed", "seu_examined"), ("hh_single_parent", "hh_children"), ("pop_80plus", "pop_60plus"),
    ("births", "women_15_44"), ("elb_employed", "elb"), ("ltu", "pop_15_64"), ("seu_overweight", "seu_examined"),
    ("deaths_u65", "pop_u65"), ("severely_disabled", "pop_total"), ("pop_far_grocery", "pop_total"),
    ("pop_far_stop", "pop_total"), ("pop_poor_housing", "pop_total"),
]
ESP_LOWER = [0, 1] + list(range(5, 100, 5))


@pytest.fixture(scope="module")
def demo():
    return generate(seed=42, scale=1.0)


def _inside(px, py, ring):
    """Crossing-number point-in-ring test (own implementation)."""
    x0, y0 = ring[:-1, 0], ring[:-1, 1]
    x1, y1 = ring[1:, 0], ring[1:, 1]
    inside = np.zeros(len(px), dtype=bool)
    for a, b, c, d in zip(x0, y0, x1, y1):
        cond = (b > py) != (d > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            xc = (c - a) * (py - b) / (d - b) + a
        inside ^= cond & (px < xc)
    return inside


def _in_polygon(px, py, rings):
    res = _inside(px, py, rings[0])
    for hole in rings[1:]:
        res &= ~_inside(px, py, hole)
    return res


def _min_edge_distance(px, py, rings):
    best = np.full(len(px), np.inf)
    for ring in rings:
        a = ring[:-1]
        ab = ring[1:] - a
        for (ax, ay), (dx, dy) in zip(a, ab):
            t = np.clip(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0, 1)
            best = np.minimum(best, np.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    return best


def test_ids_names_and_municipalities(demo):
    q = demo.quartiers
    assert len(q) == 158
    assert q["quartier_id"].is_unique and q["name"].is_unique
    assert q["quartier_id"].str.fullmatch(r"\d{4}").all()
    assert (q["quartier_id"].str[:2] == q["municipality_id"]).all()
    assert sorted(q["municipality_id"].unique()) == ["{:02d}".format(i) for i in range(1, 20)]
    for mid, grp in q.groupby("municipality_id"):  # quartier numbers 01..k without holes
        assert sorted(grp["quartier_id"].str[2:].astype(int)) == list(range(1, len(grp) + 1)), mid
    assert q["name"].str.contains("/").any()
    assert q["name"].str.contains("[äöüÄÖÜß]").any()
    assert len(demo.municipalities) == 19 and demo.municipalities["name"].is_unique
    # Towns and villages: quartiers per municipality differ a lot.
    sizes = q.groupby("municipality_id").size()
    assert sizes.max() >= 20 and sizes.min() <= 3 and sizes.sum() == 158


def test_polygons_are_closed_and_tile_the_county(demo):
    def area(rings):
        def ring_area(r):
            return 0.5 * abs(np.dot(r[:-1, 0], r[1:, 1]) - np.dot(r[1:, 0], r[:-1, 1]))
        return ring_area(rings[0]) - sum(ring_area(h) for h in rings[1:])

    for rings in demo.quartier_polygons:
        for r in rings:
            assert np.array_equal(r[0], r[-1]) and len(r) >= 4
    county = area(demo.county_polygon)
    quartiers = sum(area(p) for p in demo.quartier_polygons)
    municipalities = sum(area(p) for p in demo.municipality_polygons)
    assert 800e6 < county < 1400e6  # about 40 x 35 km, blob-shaped
    assert quartiers == pytest.approx(county, rel=1e-9)
    assert municipalities == pytest.approx(county, rel=1e-9)
    xmin = min(p[0][:, 0].min() for p in demo.quartier_polygons)
    ymax = max(p[0][:, 1].max() for p in demo.quartier_polygons)
    assert 428000 < xmin < 436000 and 5762000 < ymax < 5770000


def test_every_address_strictly_inside_exactly_one_quartier(demo):
    a = demo.addresses
    px, py = a["x"].to_numpy(), a["y"].to_numpy()
    hits = np.zeros(len(a), dtype=np.int64)
    owner = np.full(len(a), -1)
    for i, rings in enumerate(demo.quartier_polygons):
        ext = rings[0]
        cand = np.flatnonzero((px >= ext[:, 0].min()) & (px <= ext[:, 0].max())
                              & (py >= ext[:, 1].min()) & (py <= ext[:, 1].max()))
        ins = _in_polygon(px[cand], py[cand], rings)
        hits[cand[ins]] += 1
        owner[cand[ins]] = i
    assert (hits == 1).all()
    # Not on a border: sample distances to the owning quartier's boundary.
    rng = np.random.default_rng(0)
    sample = rng.choice(len(a), 3000, replace=False)
    for i in np.unique(owner[sample]):
        s = sample[owner[sample] == i]
        assert _min_edge_distance(px[s], py[s], demo.quartier_polygons[i]).min() > 0.5
    # Population per quartier from the points equals counts_2024 (addresses hold the 2024 population).
    counts = demo.counts[2024].set_index("quartier_id")
    ids = demo.quartiers["quartier_id"].to_numpy()
    per_q = pd.Series(np.bincount(owner, weights=a["residents"], minlength=len(ids)).astype(int), index=ids)
    assert (per_q == counts["pop_total"]).all()
    for esp in ("0", "15_19", "60_64", "95plus"):
        cols = ["pop_15_17", "pop_18_19"] if esp == "15_19" else ["pop_" + esp]
        band = pd.Series(np.bincount(owner, weights=a[cols].sum(axis=1), minlength=len(ids)).astype(int), index=ids)
        assert (band == counts["pop_" + esp]).all(), esp


def test_address_directory(demo):
    a = demo.addresses
    assert 140000 <= len(a) <= 160000
    assert 570000 <= a["residents"].sum() <= 630000
    assert (a["residents"] >= 1).all()
    assert (a[["pop_" + b for b in FINE_BANDS]].sum(axis=1) == a["residents"]).all()
    assert not a.duplicated(["street", "housenumber", "postcode"]).any()
    assert a["postcode"].str.fullmatch(r"\d{5}").all()
    assert a["housenumber"].str.fullmatch(r"\d+[a-z]?").all()
    assert a["housenumber"].str.fullmatch(r"\d+[a-z]").mean() > 0.01
    for street in ("Hauptstraße", "Sankt-Georg-Straße", "Am Mühlbach"):
        assert (a["street"] == street).any(), street
    assert a["street"].str.endswith("str.").any()  # one directory abbreviates
    assert a["address_id"].is_unique


def test_counts_consistent(demo):
    for year in (2023, 2024):
        c = demo.counts[year]
        assert list(c["quartier_id"]) == list(demo.quartiers["quartier_id"])
        assert (c["year"] == year).all()
        num_cols = c.columns[3:]
        assert (c[num_cols] >= 0).all().all()
        for num, den in PAIRS:
            assert (c[num] <= c[den]).all(), (year, num, den)
        bands = c[["pop_" + b for b in ESP_BANDS]]
        assert (bands.sum(axis=1) == c["pop_total"]).all()
        lower = dict(zip(ESP_BANDS, ESP_LOWER))

        def pop(lo, hi=200, c=c, lower=lower):
            return c[["pop_" + b for b in ESP_BANDS if lo <= lower[b] < hi]].sum(axis=1)

        assert (pop(0, 15) == c["pop_u15"]).all()
        assert (pop(0, 65) == c["pop_u65"]).all()
        assert (pop(15, 65) == c["pop_15_64"]).all()
        assert (pop(65) == c["pop_65plus"]).all() and (pop(60) == c["pop_60plus"]).all()
        assert (pop(80) == c["pop_80plus"]).all()
        assert ((c["pop_18_64"] <= c["pop_15_64"]) & (c["pop_18_64"] >= pop(20, 65))).all()
        deaths_u65 = c[["deaths_" + b for b in ESP_BANDS if lower[b] < 65]].sum(axis=1)
        assert (deaths_u65 == c["deaths_u65"]).all()
        for b in ESP_BANDS:
            assert (c["deaths_" + b] <= c["pop_" + b]).all()
        assert (c["sgb2_u15"] + c["elb"] <= c["sgb2_u65"]).all()


def test_spatial_structure(demo):
    c23, c24 = demo.counts[2023], demo.counts[2024]
    tiny23, tiny24 = (c23["pop_total"] < 300).sum(), (c24["pop_total"] < 300).sum()
    assert 3 <= tiny23 <= 5 and 3 <= tiny24 <= 5
    nums = [n for n, _ in PAIRS]
    small = c24[nums].isin([1, 2]).sum().sum()
    assert small >= 20  # counts of 1 or 2 to suppress
    rate = c24["sgb2_u65"] / c24["pop_u65"]
    county = c24["sgb2_u65"].sum() / c24["pop_u65"].sum()
    assert 0.04 < county < 0.12
    high = rate > 2.5 * county
    assert 5 <= high.sum() <= 40
    assert (c24.loc[high, "quartier_id"].str[:2].nunique()) >= 2  # clusters in at least two towns
    old = c24["pop_65plus"] / c24["pop_total"]
    assert (old > 0.35).sum() >= 10 and (old < 0.15).sum() >= 5  # ageing suburbs and young quartiers
    # 2024 differs from 2023, some quartiers clearly worse.
    rate23 = c23["sgb2_u65"] / c23["pop_u65"]
    assert ((rate - rate23) > 0.02).sum() >= 5
    assert abs(c24["pop_total"].sum() / c23["pop_total"].sum() - 1) < 0.03
    assert (c24["pop_total"] != c23["pop_total"]).mean() > 0.9


def test_offerings(demo):
    o, t, truth = demo.offerings, demo.offerings_table, demo.offerings_truth
    assert 500 <= len(o) <= 800
    assert set(o["category"]) == {"kita", "family_counselling", "youth_centre", "doctor", "grocery", "bus_stop"}
    assert o["offering_id"].is_unique and t["offering_id"].is_unique
    # The layer's offerings sit on directory addresses, at the address point.
    a = demo.addresses.set_index(["street", "housenumber", "postcode"])
    at = a.loc[list(zip(o["street"], o["housenumber"], o["postcode"]))]
    assert np.allclose(at["x"].to_numpy(), o["x"].to_numpy()) and np.allclose(at["y"].to_numpy(), o["y"].to_numpy())
    assert (at["municipality"].to_numpy() == o["city"].to_numpy()).all()
    # The CSV: ~10 % spelled differently from the directory, ~2 % not in the layer and not in the directory.
    merged = t.merge(o, on="offering_id", how="left", suffixes=("", "_true"), indicator=True)
    known = merged["_merge"] == "both"
    differs = known & ((merged["street"] != merged["street_true"])
                       | (merged["housenumber"] != merged["housenumber_true"]))
    assert 0.07 <= differs.sum() / len(t) <= 0.13
    assert 0.01 <= (~known).sum() / len(t) <= 0.03
    keys = set(zip(demo.addresses["street"], demo.addresses["housenumber"], demo.addresses["postcode"]))
    for _, row in merged[~known].iterrows():
        assert (row["street"], row["housenumber"], row["postcode"]) not in keys
    streets = merged.loc[differs, "street"]
    assert streets.str.contains(r"[Ss]tr\.$").any()
    assert streets.str.contains("-Strasse").any() or streets.str.contains("ss").any()
    assert (truth["offering_id"] == t["offering_id"]).all()
    assert set(truth.loc[~known.to_numpy(), "spelling"]) == {"nonexistent"}


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    a, b, c = (generate(seed=s, scale=0.05) for s in (7, 7, 8))
    for d, name in ((a, "a"), (b, "b"), (c, "c")):
        write_csvs(d, str(tmp_path / name))
    for f in ("counts_2023.csv", "counts_2024.csv", "offerings.csv"):
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f
        assert (tmp_path / "a" / f).read_bytes() != (tmp_path / "c" / f).read_bytes(), f
    assert a.addresses.equals(b.addresses)
    for p, q in zip(a.quartier_polygons, b.quartier_polygons):
        assert all(np.array_equal(r, s) for r, s in zip(p, q))
    # Scale changes population, not the geometry.
    assert len(a.quartiers) == 158 and a.counts[2024]["pop_total"].sum() < 40000
    head = (tmp_path / "a" / "counts_2024.csv").read_text(encoding="utf-8").splitlines()
    assert re.match(r"^quartier_id,municipality,year,sgb2_u65,", head[0])
    assert head[1].startswith("0101,")


def test_generator_imports_without_qgis_or_gdal():
    code = ("import sys; import quartiersmonitor.resources.demo.generate as g; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'osgeo')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": ":".join(p for p in sys.path if p)}, check=True)
    assert out.stdout.strip() == "[]"
