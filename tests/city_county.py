"""A generated test county shaped like a city (issue 18, "What a real city showed"): seeded, fast, numpy only (GDAL's
``osgeo`` only to write the GeoPackage).

* 500+ small areas (``qid`` "S0001" …): a grid of 500 m × 400 m blocks, every 23rd block cut into eight strips of
  500 m × 50 m (10:1, long and narrow);
* the districts in a field named ``BEZ`` (six, by columns of blocks), not ``municipality``/``gemeinde``/``ags``;
* addresses strictly inside the areas (at least 1 m from every edge) with ``residents`` and a stale ``quartier_id``
  from an older assignment (it must be replaced), plus a few addresses outside the city;
* one offerings layer with three categories in ``kategorie`` (Kita, Apotheke, Jugendzentrum) and two offerings
  without a category;
* a counts table per area (``quartier_id``, ``severely_disabled``).

``generate(seed)`` returns a :class:`City` with the truth (the area of every address, residents per area);
``write_gpkg(city, path)`` writes the layers ``areas``, ``addresses``, ``offerings`` and the table ``counts``.
"""

from dataclasses import dataclass

import numpy as np

EPSG = 25832
X0, Y0 = 560000.0, 5930000.0  # somewhere in northern Germany, in metres
BLOCK_W, BLOCK_H = 500.0, 400.0
N_COLS, N_ROWS = 24, 20
STRIPS = 8  # a cut block: eight strips of 500 m × 50 m
DISTRICTS = ("Altstadt", "Nordviertel", "Hafen", "Oststadt", "Südufer", "Westend")
CATEGORIES = {"Kita": 70, "Apotheke": 25, "Jugendzentrum": 8}
OUTSIDE = 3  # addresses outside every area


@dataclass
class City:
    areas: list  # dicts: qid, BEZ, name, box (x0, y0, x1, y1)
    addresses: dict  # x, y, residents, stale_id, area (index into areas, -1 outside)
    offerings: dict  # x, y, kategorie (None: no category), name
    counts: dict  # quartier_id, severely_disabled

    def residents_per_area(self):
        area = self.addresses["area"]
        inside = area >= 0
        return np.bincount(area[inside], weights=self.addresses["residents"][inside], minlength=len(self.areas))

    def is_strip(self, k):
        x0, y0, x1, y1 = self.areas[k]["box"]
        return (x1 - x0) >= 10 * (y1 - y0)


def _areas():
    areas = []
    for col in range(N_COLS):
        district = DISTRICTS[col * len(DISTRICTS) // N_COLS]
        for row in range(N_ROWS):
            x0, y0 = X0 + col * BLOCK_W, Y0 + row * BLOCK_H
            if (col * N_ROWS + row) % 23 == 4:
                h = BLOCK_H / STRIPS
                boxes = [(x0, y0 + s * h, x0 + BLOCK_W, y0 + (s + 1) * h) for s in range(STRIPS)]
            else:
                boxes = [(x0, y0, x0 + BLOCK_W, y0 + BLOCK_H)]
            for box in boxes:
                areas.append({"BEZ": district, "box": box})
    for k, area in enumerate(areas):
        area["qid"] = "S{:04d}".format(k + 1)
        area["name"] = "{} {}".format(area["BEZ"], k + 1)
    return areas


def generate(seed=18):
    rng = np.random.default_rng(seed)
    areas = _areas()
    xs, ys, owner = [], [], []
    for k, area in enumerate(areas):
        x0, y0, x1, y1 = area["box"]
        n = int(rng.integers(2, 6)) if (y1 - y0) < BLOCK_H else int(rng.integers(6, 30))
        xs.append(rng.uniform(x0 + 1.0, x1 - 1.0, n))
        ys.append(rng.uniform(y0 + 1.0, y1 - 1.0, n))
        owner.append(np.full(n, k))
    xs.append(X0 - rng.uniform(100, 900, OUTSIDE))  # west of the city
    ys.append(Y0 + rng.uniform(0, N_ROWS * BLOCK_H, OUTSIDE))
    owner.append(np.full(OUTSIDE, -1))
    x, y, area = np.concatenate(xs), np.concatenate(ys), np.concatenate(owner).astype(np.int64)
    residents = rng.integers(1, 25, len(x)).astype(np.float64)
    stale = np.array(["alt-{}".format(int(v)) for v in rng.integers(1, 50, len(x))], dtype=object)
    addresses = {"x": x, "y": y, "residents": residents, "stale_id": stale, "area": area}

    ox, oy, kind = [], [], []
    width, height = N_COLS * BLOCK_W, N_ROWS * BLOCK_H
    for category, n in list(CATEGORIES.items()) + [(None, 2)]:
        ox.append(rng.uniform(X0 - 300, X0 + width + 300, n))  # some beyond the edge: they count for distances
        oy.append(rng.uniform(Y0 - 300, Y0 + height + 300, n))
        kind += [category] * n
    offerings = {"x": np.concatenate(ox), "y": np.concatenate(oy), "kategorie": kind,
                 "name": ["Angebot {}".format(i + 1) for i in range(len(kind))]}

    city = City(areas, addresses, offerings, {})
    pop = city.residents_per_area()
    city.counts = {"quartier_id": [a["qid"] for a in areas],
                   "severely_disabled": rng.binomial(pop.astype(np.int64), 0.09).tolist()}
    return city


def write_gpkg(city, path):
    """The city as a GeoPackage: layers ``areas`` (polygons), ``addresses`` and ``offerings`` (points), table
    ``counts``; all in EPSG:25832."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = gdal.GetDriverByName("GPKG").Create(path, 0, 0, 0, gdal.GDT_Unknown)

    def layer(name, geometry, fields):
        lyr = ds.CreateLayer(name, srs if geometry != ogr.wkbNone else None, geometry)
        for field, kind in fields:
            lyr.CreateField(ogr.FieldDefn(field, kind))
        return lyr

    def add(lyr, values, wkt=None):
        feature = ogr.Feature(lyr.GetLayerDefn())
        for key, value in values.items():
            if value is not None:
                feature[key] = value
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feature)

    ds.StartTransaction()
    lyr = layer("areas", ogr.wkbPolygon, [("qid", ogr.OFTString), ("name", ogr.OFTString), ("BEZ", ogr.OFTString)])
    for area in city.areas:
        x0, y0, x1, y1 = area["box"]
        add(lyr, {"qid": area["qid"], "name": area["name"], "BEZ": area["BEZ"]},
            "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x1, y1))
    lyr = layer("addresses", ogr.wkbPoint, [("adr_id", ogr.OFTInteger), ("quartier_id", ogr.OFTString),
                                            ("residents", ogr.OFTReal)])
    a = city.addresses
    for i in range(len(a["x"])):
        add(lyr, {"adr_id": i + 1, "quartier_id": a["stale_id"][i], "residents": float(a["residents"][i])},
            "POINT({} {})".format(a["x"][i], a["y"][i]))
    lyr = layer("offerings", ogr.wkbPoint, [("name", ogr.OFTString), ("kategorie", ogr.OFTString)])
    o = city.offerings
    for i in range(len(o["x"])):
        add(lyr, {"name": o["name"][i], "kategorie": o["kategorie"][i]}, "POINT({} {})".format(o["x"][i], o["y"][i]))
    lyr = layer("counts", ogr.wkbNone, [("quartier_id", ogr.OFTString), ("severely_disabled", ogr.OFTInteger)])
    for qid, value in zip(city.counts["quartier_id"], city.counts["severely_disabled"]):
        add(lyr, {"quartier_id": qid, "severely_disabled": int(value)})
    ds.CommitTransaction()
    ds = None
    return path
