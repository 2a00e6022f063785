"""Input files for the bad-input matrix (tests/qgis/test_bad_inputs_matrix.py), written with GDAL only (no QGIS
layer objects: the tests hand paths to ``processing.run``).

The world: four 1 km quartiers "01".."04" in a 2 x 2 grid (EPSG:25832, origin ``OX``, ``OY``), eight addresses (one on
the border 01/02, one outside), two offerings, a table of addresses to geocode and an indicator layer for map sheets.
Each builder takes ``variant`` keywords that spoil one thing, the way real county data does.
"""

import os

from osgeo import gdal, ogr, osr

gdal.UseExceptions()

OX, OY = 500000.0, 5600000.0
EPSG = 25832
QUARTIERS = [("01", 0, 0, "Altstadt"), ("02", 1000, 0, "Neustadt"), ("03", 0, 1000, "Nord"),
             ("04", 1000, 1000, "Ost")]
# adr, x, y (local), residents, residents as text, age, sex, street, house number
ADDRESSES = [
    (1, 100, 100, 3, "3", 34, "w", "Hauptstraße", "1"),
    (2, 500, 500, 5, "5", 71, "m", "Hauptstraße", "2"),
    (3, 1500, 500, 2, "2", 8, "w", "Bahnhofstraße", "3"),
    (4, 1900, 100, 4, "4", 45, "m", "Bahnhofstraße", "4"),
    (5, 500, 1500, 1, "1", 22, "w", "Lindenweg", "5"),
    (6, 1500, 1500, 6, "6", 90, "m", "Lindenweg", "6"),
    (7, 1000, 500, 2, "2", 50, "w", "Grenzweg", "7"),  # on the border 01 | 02: goes to 01 (smallest id)
    (8, 3000, 3000, 9, "9", 30, "m", "Außenweg", "8"),  # outside every quartier
]
OFFERINGS = [(200, 200, "Kita"), (1800, 1800, "Schule")]
GEOCODE_ROWS = [("Hauptstraße", "1"), ("Hauptstrasse", "2"), ("Lindenweg", "6"), ("Unbekannter Weg", "1")]
GAP = 200.0  # width of the gap in the "gap" variant
ISLAND = ("05", 4000, 0, "Insel")  # the "island" variant: a quartier without a neighbour
CANDIDATES = [(1200, 350, "K1"), (1750, 250, "K2"), (2900, 2900, "K3")]


def _srs(epsg):
    if epsg is None:
        return None
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _square(x0, y0, size=1000.0, dx=0.0):
    x0, y0 = OX + x0 + dx, OY + y0
    return "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x0 + size, y0 + size)


def write_layer(path, name, geom_type, fields, rows, epsg=EPSG, srs_id=None, driver="GPKG"):
    """A layer written by GDAL; ``fields``: [(name, ogr type)], ``rows``: (wkt or None, [values]). ``epsg`` None:
    no CRS; ``srs_id`` 0 or -1: the GeoPackage's "Undefined geographic / Cartesian SRS". Returns the URI."""
    if driver == "GPKG" and os.path.exists(path):
        ds = ogr.Open(path, 1)
    else:
        ds = ogr.GetDriverByName(driver).CreateDataSource(path)
    target = _srs(epsg)
    srs = target if srs_id is None else None
    lyr = ds.CreateLayer(name, srs, geom_type)
    for fname, kind in fields:
        lyr.CreateField(ogr.FieldDefn(fname, kind))
    transform = None
    if target is not None and epsg != EPSG:
        transform = osr.CoordinateTransformation(_srs(EPSG), target)
    lyr.StartTransaction()
    for wkt, values in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        for (fname, _kind), value in zip(fields, values):
            if value is not None:
                feature[fname] = value
        if wkt is not None:
            geom = ogr.CreateGeometryFromWkt(wkt)
            if transform is not None and not geom.IsEmpty():
                geom.Transform(transform)
            feature.SetGeometry(geom)
        lyr.CreateFeature(feature)
    lyr.CommitTransaction()
    del lyr
    if srs_id is not None:
        ds.ExecuteSQL("UPDATE gpkg_geometry_columns SET srs_id = {} WHERE table_name = '{}'".format(srs_id, name))
        ds.ExecuteSQL("UPDATE gpkg_contents SET srs_id = {} WHERE table_name = '{}'".format(srs_id, name))
    ds = None
    return "{}|layername={}".format(path, name) if driver == "GPKG" else path


def quartiers(folder, ids=None, geometry="polygon", empty=False, invalid=False, gap=False, overlap=False,
              epsg=EPSG, srs_id=None, id_type=ogr.OFTString, z=False, driver="GPKG", values=None, island=False,
              no_geometry=False):
    """The quartier layer. ``ids``: replaces the ids (fewer ids: fewer quartiers); ``geometry`` "point": centroids
    instead of squares; ``invalid``: quartier 04 a bowtie; ``gap``: 02 and 04 moved ``GAP`` m east (a strip open to
    the outside); ``overlap``: 02 widened 100 m west into 01; ``z``: PolygonZ; ``values``: {field: (ogr type,
    [value per quartier])} added (the hot spot values); ``island``: a fifth quartier "05" 2 km east of 02;
    ``no_geometry``: quartier 04 without geometry."""
    world = QUARTIERS + ([ISLAND] if island else [])
    ids = ids or [q[0] for q in world]
    values = values or {}
    rows = []
    for n, ((qid, x, y, name), new_id) in enumerate(zip(world, ids)):
        dx = GAP if gap and x > 0 else 0.0
        wkt = _square(x, y, dx=dx)
        if overlap and qid == "02":
            wkt = _square(x - 100, y, size=1100)
        if invalid and qid == "04":
            wkt = "POLYGON(({0} {1},{2} {3},{2} {1},{0} {3},{0} {1}))".format(OX + x, OY + y, OX + x + 1000,
                                                                           OY + y + 1000)
        if geometry == "point":
            wkt = "POINT({} {})".format(OX + x + 500, OY + y + 500)
        if no_geometry and qid == "04":
            wkt = None
        if z and wkt:
            wkt = wkt.replace("POLYGON((", "POLYGON Z((").replace(",", " 7,").replace("))", " 7))")
        rows.append((wkt, [new_id, name, "Müllheim"] + [column[n] for _kind, column in values.values()]))
    if empty:
        rows = []
    kind = ogr.wkbPoint if geometry == "point" else (ogr.wkbPolygon25D if z else ogr.wkbPolygon)
    ext = ".gpkg" if driver == "GPKG" else ".shp"
    return write_layer(os.path.join(folder, "quartiere" + ext), "quartiere", kind,
                       [("quartier_id", id_type), ("name", ogr.OFTString), ("municipality", ogr.OFTString)] +
                       [(fname, ftype) for fname, (ftype, _column) in values.items()], rows,
                       epsg=epsg, srs_id=srs_id, driver=driver)


def addresses(folder, epsg=EPSG, srs_id=None, geometry="point", empty=False, null_geometries=False,
              residents_text=None, shift=None, driver="GPKG", name="adressen"):
    """The address points. ``geometry``: "point", "multipoint", "pointzm" or "polygon" (small squares);
    ``null_geometries``: addresses 2 and 3 without geometry (NULL, empty); ``residents_text``: {adr: text} for the
    text field ew_text; ``shift``: (dx, dy) added to address 7 (on the border)."""
    rows = []
    for adr, x, y, ew, ew_text, age, sex, street, hnr in ADDRESSES:
        if shift and adr == 7:
            x, y = x + shift[0], y + shift[1]
        x, y = OX + x, OY + y
        wkt = {"point": "POINT({} {})", "multipoint": "MULTIPOINT(({} {}))",
               "pointzm": "POINT ZM({} {} 12 3)", "polygon": None}[geometry]
        wkt = wkt.format(x, y) if wkt else _square(x - OX, y - OY, size=5)
        if null_geometries and adr == 2:
            wkt = None
        if null_geometries and adr == 3:
            wkt = "POINT EMPTY"
        if residents_text and adr in residents_text:
            ew_text = residents_text[adr]
        rows.append((wkt, [adr, ew, ew_text, age, sex, street, hnr, "79379", "Müllheim"]))
    if empty:
        rows = []
    kind = {"point": ogr.wkbPoint, "multipoint": ogr.wkbMultiPoint, "pointzm": ogr.wkbPointZM,
            "polygon": ogr.wkbPolygon}[geometry]
    fields = [("adr", ogr.OFTInteger), ("ew", ogr.OFTInteger), ("ew_text", ogr.OFTString),
              ("alter", ogr.OFTInteger), ("geschlecht", ogr.OFTString), ("strasse", ogr.OFTString),
              ("hnr", ogr.OFTString), ("plz", ogr.OFTString), ("ort", ogr.OFTString)]
    ext = ".gpkg" if driver == "GPKG" else ".shp"
    return write_layer(os.path.join(folder, name + ext), name, kind, fields, rows, epsg=epsg, srs_id=srs_id,
                       driver=driver)


def offerings(folder, epsg=EPSG, srs_id=None, empty=False, capacity=None, shift=None, null_geometry=False):
    """The offerings; ``capacity``: places per offering (a field "plaetze"); ``shift``: (dx, dy) added to all;
    ``null_geometry``: a third offering (a "Hort") without geometry."""
    dx, dy = shift or (0.0, 0.0)
    rows = [("POINT({} {})".format(OX + x + dx, OY + y + dy), [kategorie]) for x, y, kategorie in OFFERINGS]
    if null_geometry:
        rows.append((None, ["Hort"]))
        capacity = None if capacity is None else list(capacity) + [50.0]
    fields = [("kategorie", ogr.OFTString)]
    if capacity is not None:
        fields.append(("plaetze", ogr.OFTReal))
        rows = [(wkt, values + [places]) for (wkt, values), places in zip(rows, capacity)]
    return write_layer(os.path.join(folder, "angebote.gpkg"), "angebote", ogr.wkbPoint,
                       fields, [] if empty else rows, epsg=epsg, srs_id=srs_id)


def candidates(folder, empty=False, epsg=EPSG, srs_id=None, null_geometry=False):
    """Candidate sites for new offerings: K1 in 02 (reaches addresses 3 and 7 within 500 m: 4 residents), K2 in 02
    (addresses 3 and 4: 6), K3 beside the address 8 outside every quartier (9); ``null_geometry``: a fourth, K4,
    without geometry."""
    rows = [("POINT({} {})".format(OX + x, OY + y), [name]) for x, y, name in CANDIDATES]
    if null_geometry:
        rows.append((None, ["K4"]))
    return write_layer(os.path.join(folder, "standorte.gpkg"), "standorte", ogr.wkbPoint,
                       [("name", ogr.OFTString)], [] if empty else rows, epsg=epsg, srs_id=srs_id)


def network(folder, epsg=EPSG, empty=False, shift=None):
    """Paths along y = 100, 500, 1470 and x = 500, 1520 (local) across the grid, one line between each two crossings
    (a network joins lines at common vertices only), placed so that no point has two nearest paths at the same
    distance (a tie would let millimetres of reprojection choose); ``shift``: (dx, dy) moves them all (far from
    every point)."""
    dx, dy = shift or (0.0, 0.0)
    xs, ys = (-200, 500, 1520, 2200), (-200, 100, 500, 1470, 2200)
    lines = [((a, y), (b, y)) for y in ys[1:-1] for a, b in zip(xs, xs[1:])] + \
        [((x, a), (x, b)) for x in xs[1:-1] for a, b in zip(ys, ys[1:])]
    rows = [("LINESTRING({} {},{} {})".format(OX + a[0] + dx, OY + a[1] + dy, OX + b[0] + dx, OY + b[1] + dy),
             [n]) for n, (a, b) in enumerate(lines)]
    return write_layer(os.path.join(folder, "wege.gpkg"), "wege", ogr.wkbLineString, [("id", ogr.OFTInteger)],
                       [] if empty else rows, epsg=epsg)


def trend_table(folder, rows, year_type=ogr.OFTInteger, id_type=ogr.OFTString, name="zeitreihe"):
    """Counts per quartier and year (quartier_id, year, pop_total, pop_u65, sgb2_u65); ``rows``: those values."""
    fields = [("quartier_id", id_type), ("year", year_type), ("pop_total", ogr.OFTInteger),
              ("pop_u65", ogr.OFTInteger), ("sgb2_u65", ogr.OFTString if any(isinstance(r[4], str) for r in rows)
                                            else ogr.OFTInteger)]
    return write_layer(os.path.join(folder, name + ".gpkg"), name, ogr.wkbNone, fields,
                       [(None, list(r)) for r in rows], epsg=None)


def geocode_table(folder, empty=False, name="liste"):
    rows = [(None, [street, hnr]) for street, hnr in GEOCODE_ROWS]
    return write_layer(os.path.join(folder, name + ".gpkg"), name, ogr.wkbNone,
                       [("strasse", ogr.OFTString), ("hnr", ogr.OFTString)], [] if empty else rows, epsg=None)


def id_table(folder, ids, kind=ogr.OFTString, name="zaehlung"):
    """A table of records with a quartier id each (``ids``: the values; ``kind``: the field type, e.g. OFTDate)."""
    rows = [(None, [value, 1]) for value in ids]
    return write_layer(os.path.join(folder, name + ".gpkg"), name, ogr.wkbNone,
                       [("quartier_id", kind), ("anzahl", ogr.OFTInteger)], rows, epsg=None)


def csv_with_title_row(folder):
    """A CSV as an agency sends it: a title line above the header (GDAL reads the title as the header)."""
    path = os.path.join(folder, "einwohner.csv")
    with open(path, "w", encoding="cp1252", newline="") as handle:
        handle.write("Einwohner nach Quartier, Stand 31.12.2024;;\r\n")
        handle.write("quartier_id;anzahl;bemerkung\r\n01;12;\r\n02;7;geschätzt\r\n")
    return path


def indicator_layer(folder, ids=None, geometry="polygon", empty=False, flags=False):
    """A small indicator layer (quartier_id, name, A1) like calculateindicators writes, for exportmapsheets;
    ``flags``: with A1_flag "ok" (an indicator layer as exporttable finds it without a record)."""
    ids = ids or [q[0] for q in QUARTIERS]
    rows = []
    for (_qid, x, y, name), new_id in zip(QUARTIERS, ids):
        wkt = _square(x, y) if geometry == "polygon" else "POINT({} {})".format(OX + x + 500, OY + y + 500)
        rows.append((wkt, [new_id, name, 1.5 + x / 1000.0] + (["ok"] if flags else [])))
    if empty:
        rows = []
    kind = ogr.wkbPolygon if geometry == "polygon" else ogr.wkbPoint
    return write_layer(os.path.join(folder, "indikatoren.gpkg"), "indikatoren", kind,
                       [("quartier_id", ogr.OFTString), ("name", ogr.OFTString), ("A1", ogr.OFTReal)] +
                       ([("A1_flag", ogr.OFTString)] if flags else []), rows)
