"""BAD_INPUTS.md rows for quartiersmonitor:calculateindicators and quartiersmonitor:attentionindex on real files.

Every input is written to disk in the test (GeoPackage, CSV in Windows-1252, XLSX through GDAL) and read the way a
user reads it in QGIS. Fixtures return paths only; layer objects stay local to the test functions.

Decisions (what a GIS professional expects):
- quartier ids are compared as text after trimming; an integer 101 does NOT match "0101" (leading zeros are
  significant in official keys, and normalising them could join the wrong quartier): the mismatch is a clear error
  with examples of both sides and a hint on the leading zeros;
- an empty counts table or an empty quartier layer is a clear error: an indicator layer without data (or without
  quartiers) is meaningless;
- a counts table with every quartier suppressed is a valid output: suppression is a result, not an error.
"""

import os
import pathlib
import re

import pytest
from indicators_alg_testing import RecordingFeedback, build, calculate_params
from layer_testing import is_null
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QUrl

from quartiersmonitor.compat import T_DOUBLE as DOUBLE
from quartiersmonitor.compat import T_INT as INT
from quartiersmonitor.compat import T_STRING as STRING

QIDS = [row[0] for row in build.ROWS]
GERMAN_MUNICIPALITY = {"M1": "Müllheim", "M2": "Weißenbürg"}


def params(q, c, out, ids=("A.1",), **extra):
    return calculate_params(q, c, out, ids, **extra)


def features_by_id(uri, field="quartier_id"):
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    return {str(f[field]).strip(): f for f in layer.getFeatures()}


def snapshot(uri_or_layer):
    """Attributes and geometry of every feature, to compare an input before and after a run."""
    layer = uri_or_layer if isinstance(uri_or_layer, QgsVectorLayer) else QgsVectorLayer(uri_or_layer, "in", "ogr")
    assert layer.isValid()
    return [(f.id(), [None if is_null(v) else v for v in f.attributes()],
             f.geometry().asWkt() if f.hasGeometry() else None) for f in layer.getFeatures()]


def table(path, name, columns, rows, types=None):
    """A geometry-less GeoPackage table; column types from ``types`` or from the Python values (int, float, str)."""
    layer = QgsVectorLayer("None", name, "memory")
    fields = QgsFields()
    for j, column in enumerate(columns):
        if types:
            kind = types[j]
        else:
            values = [row[j] for row in rows if row[j] is not None]
            kind = INT if values and all(isinstance(v, int) for v in values) else (
                DOUBLE if values and all(isinstance(v, (int, float)) for v in values) else STRING)
        fields.append(QgsField(column, kind))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return build.write_layer(layer, path, name)


def quartiers(path, ids=None, name="quartiers"):
    return build.write_layer(build.quartier_layer(ids), path, name)


def empty_quartiers(path):
    layer = QgsVectorLayer("Polygon?crs={}".format(build.CRS), "leer", "memory")
    layer.dataProvider().addAttributes([QgsField(n, STRING) for n in ("quartier_id", "name", "municipality_id")])
    layer.updateFields()
    return build.write_layer(layer, path, "leer")


def a1(row):
    """A.1 by hand: SGB II recipients under 65 per 100 residents under 65 (ROWS: pop_u65 [2], sgb2_u65 [3])."""
    return 100.0 * row[3] / row[2]


# -- calculateindicators --------------------------------------------------------------------------------------


def write_german_csv(path):
    """A CSV as exported by a German Excel: Windows-1252, ';' separated, decimal comma, umlauts in the municipality
    column and in a column name. Q05 holds '60,5' recipients (a decimal comma in a count)."""
    lines = ["Quartier;Gemeinde;Einwohner;EW_unter_65;SGB2_Empfänger_unter_65;Fläche_km2"]
    for i, row in enumerate(build.ROWS):
        sgb2 = "60,5" if row[0] == "Q05" else str(row[3])
        lines.append(";".join([row[0], GERMAN_MUNICIPALITY[build.MUNICIPALITY[row[0]]], str(row[1]), str(row[2]),
                               sgb2, "{},{}".format(1 + i, 25)]))
    pathlib.Path(path).write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def delimited_text_uri(path, encoding):
    """The URI the Data Source Manager's Delimited Text tab builds for ';' / decimal comma / no geometry."""
    return QUrl.fromLocalFile(path).toString() + (
        "?type=csv&delimiter=;&decimalPoint=,&encoding={}&detectTypes=yes&geomType=none".format(encoding)
    )


CSV_MAPPING = "pop_total=Einwohner; pop_u65=EW_unter_65; sgb2_u65=SGB2_Empfänger_unter_65"


def test_csv_windows1252_semicolon_decimal_comma_read_correctly(run_alg, tmp_path):
    q = quartiers(str(tmp_path / "q.gpkg"))
    csv = write_german_csv(str(tmp_path / "zahlen.csv"))
    layer = QgsVectorLayer(delimited_text_uri(csv, "windows-1252"), "zahlen", "delimitedtext")
    assert layer.isValid()
    assert [f["Gemeinde"] for f in layer.getFeatures()][:1] == ["Müllheim"]
    assert layer.fields().field("Fläche_km2").isNumeric()  # the decimal comma is understood
    before = snapshot(layer)
    out = str(tmp_path / "out.gpkg")
    feedback = RecordingFeedback()
    result = run_alg("calculateindicators", params(q, layer, out, DATA_ID="Quartier", COLUMN_MAPPING=CSV_MAPPING),
                     feedback=feedback)
    feats = features_by_id(result["OUTPUT"])
    rows = {row[0]: row for row in build.ROWS}
    assert feats["Q01"]["A1"] == pytest.approx(a1(rows["Q01"]))  # 10.0
    assert feats["Q06"]["A1"] == pytest.approx(a1(rows["Q06"]))  # 20.0
    assert feats["Q03"]["A1_flag"] == "suppressed"
    # "60,5" recipients: flagged and reported, NULL, never 0 (and never rounded)
    assert feats["Q05"]["A1_flag"] == "invalid" and is_null(feats["Q05"]["A1"]) and is_null(feats["Q05"]["A1_num"])
    assert any("Q05" in w and "sgb2_u65" in w for w in feedback.warnings)
    # county by hand: the valid counts summed (Q05 left out)
    valid = [row for row in build.ROWS if row[0] != "Q05"]
    county = 100.0 * sum(r[3] for r in valid) / sum(r[2] for r in valid)
    assert feats["Q01"]["A1_county"] == pytest.approx(round(county, 1))  # DECIMALS 1
    # read with the right encoding: no warning about the encoding
    assert not any("encoding" in w for w in feedback.warnings)
    assert snapshot(layer) == before


def test_csv_read_with_the_wrong_encoding_names_the_encoding_problem(run_alg, tmp_path):
    q = quartiers(str(tmp_path / "q.gpkg"))
    csv = write_german_csv(str(tmp_path / "zahlen.csv"))
    layer = QgsVectorLayer(delimited_text_uri(csv, "UTF-8"), "zahlen", "delimitedtext")
    assert layer.isValid()
    out = str(tmp_path / "out.gpkg")
    with pytest.raises(QgsProcessingException, match="'SGB2_Empfänger_unter_65'.*text encoding.*Windows-1252"):
        run_alg("calculateindicators", params(q, layer, out, DATA_ID="Quartier", COLUMN_MAPPING=CSV_MAPPING))
    assert not os.path.exists(out)


def test_integer_ids_do_not_match_leading_zeros_and_the_mismatch_is_reported(run_alg, tmp_path):
    path = str(tmp_path / "in.gpkg")
    q = quartiers(path, ["01{:02d}".format(i) for i in range(1, 10)])  # "0101" … "0109" (text)
    rows = [(int("1{:02d}".format(i + 1)),) + tuple(row[1:4]) for i, row in enumerate(build.ROWS)]  # 101 … 109
    c = table(path, "zahlen", build.COLUMNS[:4], rows)
    assert QgsVectorLayer(c).fields().field("quartier_id").isNumeric()
    before_q, before_c = snapshot(q), snapshot(c)
    out = str(tmp_path / "out.gpkg")
    with pytest.raises(QgsProcessingException, match=r"zahlen.*'quartier_id'.*'101'.*'0101'.*leading zeros") as info:
        run_alg("calculateindicators", params(q, c, out))
    assert "'101' / '0101'" in str(info.value)
    assert not os.path.exists(out)
    assert snapshot(q) == before_q and snapshot(c) == before_c


def test_csv_with_detected_integer_ids_reports_the_leading_zeros(run_alg, tmp_path):
    # the same trap as a user meets it: "0101" in a CSV, 'Detect field types' reads it as the integer 101
    q = quartiers(str(tmp_path / "q.gpkg"), ["01{:02d}".format(i) for i in range(1, 10)])
    csv = str(tmp_path / "zahlen.csv")
    lines = ["quartier_id;pop_total;pop_u65;sgb2_u65"]
    lines += ["01{:02d};{};{};{}".format(i + 1, row[1], row[2], row[3]) for i, row in enumerate(build.ROWS)]
    pathlib.Path(csv).write_text("\n".join(lines) + "\n", encoding="utf-8")
    layer = QgsVectorLayer(delimited_text_uri(csv, "UTF-8"), "zahlen", "delimitedtext")
    assert layer.fields().field("quartier_id").isNumeric()
    out = str(tmp_path / "out.gpkg")
    with pytest.raises(QgsProcessingException, match=r"'quartier_id'.*'101' / '0101'.*Detect field types"):
        run_alg("calculateindicators", params(q, layer, out))
    assert not os.path.exists(out)
    # read as text (no type detection), the ids match
    layer = QgsVectorLayer(delimited_text_uri(csv, "UTF-8").replace("detectTypes=yes", "detectTypes=no"),
                           "zahlen", "delimitedtext")
    feats = features_by_id(run_alg("calculateindicators", params(q, layer, out))["OUTPUT"])
    assert feats["0101"]["A1"] == pytest.approx(a1(build.ROWS[0]))


def test_ids_match_as_text_after_trimming(run_alg, tmp_path):
    path = str(tmp_path / "in.gpkg")
    q = quartiers(path, [" 01{:02d} ".format(i) for i in range(1, 10)])  # " 0101 " with blanks around
    rows = [("01{:02d}\t".format(i + 1),) + tuple(row[1:4]) for i, row in enumerate(build.ROWS)]  # "0101\t"
    c = table(path, "zahlen", build.COLUMNS[:4], rows)
    before_q = snapshot(q)
    feedback = RecordingFeedback()
    feats = features_by_id(run_alg("calculateindicators", params(q, c, str(tmp_path / "out.gpkg")),
                                   feedback=feedback)["OUTPUT"])
    assert sorted(feats) == ["01{:02d}".format(i) for i in range(1, 10)]
    assert feats["0101"]["A1"] == pytest.approx(a1(build.ROWS[0]))
    assert feats["0106"]["A1"] == pytest.approx(a1(build.ROWS[5]))
    assert feats["0101"]["quartier_id"] == " 0101 "  # the quartier's own id is written unchanged
    assert not any("match no quartier" in w for w in feedback.warnings)
    assert snapshot(q) == before_q


def write_xlsx_with_title_row(path):
    """An XLSX through GDAL's XLSX driver whose first row is a title ("Fallzahlen der Quartiere 2024") and whose
    second row is the real header, as many statistics offices export it."""
    from osgeo import ogr

    source = ogr.GetDriverByName("XLSX").CreateDataSource(path)
    sheet = source.CreateLayer("Fallzahlen", geom_type=ogr.wkbNone)
    title = ["Fallzahlen der Quartiere 2024 (Quelle: Statistikamt)"] + [""] * (len(build.COLUMNS) - 1)
    for name in title:
        sheet.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for row in (build.COLUMNS,) + build.ROWS:
        feature = ogr.Feature(sheet.GetLayerDefn())
        for j, value in enumerate(row):
            feature.SetField(j, str(value))
        sheet.CreateFeature(feature)
        feature = None
    sheet = source = None
    return path + "|layername=Fallzahlen"


def test_xlsx_with_a_title_row_is_read_below_it_or_names_the_expected_columns(run_alg, tmp_path):
    q = quartiers(str(tmp_path / "q.gpkg"))
    c = write_xlsx_with_title_row(str(tmp_path / "zahlen.xlsx"))
    sheet = QgsVectorLayer(c, "xlsx", "ogr")
    assert sheet.isValid() and "quartier_id" not in sheet.fields().names()  # GDAL sees Field1, Field2, …
    before = snapshot(c)
    del sheet
    out = str(tmp_path / "out.gpkg")
    # the id field as saved in a model / the last run: the header is found below the title row (issue 14)
    feedback = RecordingFeedback()
    feats = features_by_id(run_alg("calculateindicators", params(q, c, str(tmp_path / "ok.gpkg")),
                                   feedback=feedback)["OUTPUT"])
    assert feats["Q01"]["A1"] == pytest.approx(a1(build.ROWS[0]))
    assert any("row 2 of the sheet" in i and "1 row(s)" in i for i in feedback.infos)
    # the first column as offered by the dialog: ids match, the count columns are missing
    with pytest.raises(QgsProcessingException,
                       match=r"'pop_total' is not in the counts table.*Row 2 .*'pop_u65', 'sgb2_u65'.*title row"):
        run_alg("calculateindicators", params(q, c, out, DATA_ID="Field1"))
    assert not os.path.exists(out)
    assert snapshot(c) == before


def test_empty_counts_table_is_a_clear_error(run_alg, tmp_path):
    path = str(tmp_path / "in.gpkg")
    q = quartiers(path)
    c = table(path, "leer", build.COLUMNS, [], types=[STRING] + [INT] * (len(build.COLUMNS) - 1))
    out = str(tmp_path / "out.gpkg")
    with pytest.raises(QgsProcessingException, match=r"Table '.*leer' has no rows"):
        run_alg("calculateindicators", params(q, c, out))
    assert not os.path.exists(out)
    # wholly empty rows (below a spreadsheet's data) are no rows either
    c = table(path, "leere_zeilen", build.COLUMNS, [(None,) * len(build.COLUMNS)] * 3,
              types=[STRING] + [INT] * (len(build.COLUMNS) - 1))
    with pytest.raises(QgsProcessingException, match=r"Table '.*leere_zeilen' has no rows"):
        run_alg("calculateindicators", params(q, c, out))
    assert not os.path.exists(out)


def test_empty_quartier_layer_is_a_clear_error(run_alg, tmp_path):
    path = str(tmp_path / "in.gpkg")
    q = empty_quartiers(path)
    c = build.write_layer(build.counts_layer(), path, "counts")
    out = str(tmp_path / "out.gpkg")
    with pytest.raises(QgsProcessingException, match=r"Layer '.*leer' has no features"):
        run_alg("calculateindicators", params(q, c, out))
    assert not os.path.exists(out)


def test_null_ids_in_the_counts_table_list_the_rows(run_alg, tmp_path):
    path = str(tmp_path / "in.gpkg")
    q = quartiers(path)
    rows = list(build.ROWS)
    rows[2] = (None,) + rows[2][1:]
    rows[6] = ("  ",) + rows[6][1:]
    rows.append((None,) * len(build.COLUMNS))  # a wholly empty row is ignored, not listed
    c = build.write_layer(build.counts_layer(rows), path, "mit_null")
    before = snapshot(c)
    out = str(tmp_path / "out.gpkg")
    with pytest.raises(QgsProcessingException,
                       match=r"mit_null', field 'quartier_id': 2 rows have no quartier id .*rows '3', '7'\.$"):
        run_alg("calculateindicators", params(q, c, out))
    assert not os.path.exists(out)
    assert snapshot(c) == before
    # without them (only the empty row) the run succeeds
    c = build.write_layer(build.counts_layer(list(build.ROWS) + [(None,) * len(build.COLUMNS)]), path, "leerzeile")
    feats = features_by_id(run_alg("calculateindicators", params(q, c, out))["OUTPUT"])
    assert feats["Q01"]["A1"] == pytest.approx(10.0)


def test_null_ids_in_the_quartier_layer_list_the_features(run_alg, tmp_path):
    path = str(tmp_path / "in.gpkg")
    q = quartiers(path, ["Q01", None, "Q03", "   ", "Q05"], name="quartiere_null")
    c = build.write_layer(build.counts_layer(), path, "counts")
    before = snapshot(q)
    out = str(tmp_path / "out.gpkg")
    with pytest.raises(QgsProcessingException,
                       match=r"quartiere_null”, field “quartier_id”: 2 feature\(s\) .*feature id\(s\) 2, 4\.$"):
        run_alg("calculateindicators", params(q, c, out))
    assert not os.path.exists(out)
    assert snapshot(q) == before


def test_negative_too_large_and_zero_denominator_are_flagged_null_never_zero(run_alg, tmp_path):
    path = str(tmp_path / "in.gpkg")
    q = quartiers(path)
    rows = [list(row) for row in build.ROWS]
    rows[1][3] = -5  # Q02: negative SGB II recipients
    rows[5][3] = 3000  # Q06: 3000 recipients of 2500 residents under 65
    rows[7][2], rows[7][3] = 0, 0  # Q08: no residents under 65 → A.1 0 / 0
    rows[6][4] = 0  # Q07: no children → D.1 (65+ per child) 300 / 0
    c = build.write_layer(build.counts_layer([tuple(r) for r in rows]), path, "counts")
    before = snapshot(c)
    feedback = RecordingFeedback()
    feats = features_by_id(run_alg("calculateindicators", params(q, c, str(tmp_path / "out.gpkg"), ids=("A.1", "D.1")),
                                   feedback=feedback)["OUTPUT"])
    for qid in ("Q02", "Q06"):
        assert feats[qid]["A1_flag"] == "invalid", qid
        for suffix in ("", "_num", "_den", "_lo", "_hi", "_z", "_class"):
            assert is_null(feats[qid]["A1" + suffix]), (qid, suffix)
    assert any("Q02" in w and "sgb2_u65" in w and "negative" in w for w in feedback.warnings)
    assert any("Q06" in w and "greater than denominator" in w for w in feedback.warnings)
    assert feats["Q08"]["A1_flag"] == "zero_denominator" and is_null(feats["Q08"]["A1"])
    assert feats["Q07"]["D1_flag"] == "zero_denominator" and is_null(feats["Q07"]["D1"])
    # a zero denominator is a fact of the quartier (no one to count), nothing to act on: one info line for all
    zero = [i for i in feedback.infos if "Denominator 0" in i]
    assert len(zero) == 1 and "A.1 in Q08" in zero[0] and "D.1 in Q07" in zero[0], feedback.infos
    # the others are computed as before, the county from the valid counts only
    assert feats["Q01"]["A1"] == pytest.approx(10.0)
    valid = [r for r in rows if r[0] not in ("Q02", "Q06")]
    county = 100.0 * sum(r[3] for r in valid) / sum(r[2] for r in valid)
    assert feats["Q01"]["A1_county"] == pytest.approx(round(county, 1))  # DECIMALS 1
    # nothing flagged is 0
    for feature in feats.values():
        for f in ("A1", "D1"):
            if feature[f + "_flag"] != "ok":
                assert is_null(feature[f]), (feature["quartier_id"], f)
    assert snapshot(c) == before


def test_every_quartier_suppressed_gives_a_valid_output_with_only_the_hatched_class(provider, tmp_path):
    from qgis import processing

    from quartiersmonitor.cartography.indicator_style import NO_DATA_VALUE
    from quartiersmonitor.cartography.symbology import is_hatched

    path = str(tmp_path / "in.gpkg")
    q = quartiers(path)
    rows = [(row[0], 250) + tuple(row[2:]) for row in build.ROWS]  # every quartier under 300 residents
    c = build.write_layer(build.counts_layer(rows), path, "klein")
    out = str(tmp_path / "suppressed.gpkg")
    result = processing.runAndLoadResults("quartiersmonitor:calculateindicators", params(q, c, out, ids=("A.1", "A.4")))
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(out)]
    try:
        feats = features_by_id(result["OUTPUT"])
        assert len(feats) == 9
        for feature in feats.values():
            for f in ("A1", "A4"):
                assert feature[f + "_flag"] == "suppressed"
                assert is_null(feature[f]) and is_null(feature[f + "_class"])
        assert len(layers) == 1
        renderer = layers[0].renderer()
        assert renderer is not None
        items = renderer.legendSymbolItems()
        assert len(items) == 1  # only the hatched "suppressed / no data" entry
        if renderer.type() == "graduatedSymbol":
            assert renderer.ranges()[-1].upperValue() == NO_DATA_VALUE
        assert is_hatched(items[0].symbol())
        assert len(layers[0].styleManager().styles()) == 2
        assert os.path.exists(str(tmp_path / "suppressed.qml"))
    finally:
        for lyr in layers:
            QgsProject.instance().removeMapLayer(lyr.id())


# -- attentionindex ---------------------------------------------------------------------------------------------


def indicator_layer(path, name, rows, geometry=True, text_field=False):
    """quartier_id (text), x and y (double), with ``text_field`` also "t" (text holding numbers)."""
    layer = QgsVectorLayer("Polygon?crs={}".format(build.CRS) if geometry else "None", name, "memory")
    fields = [QgsField("quartier_id", STRING), QgsField("x", DOUBLE), QgsField("y", DOUBLE)]
    if text_field:
        fields.append(QgsField("t", STRING))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for i, (qid, x, y) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        if geometry:
            feature.setGeometry(build.square(i))
        feature.setAttributes([qid, x, y] + ([None if x is None else str(x)] if text_field else []))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return build.write_layer(layer, path, name)


X = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]
Y = [2.0, 1.0, 4.0, 3.0, 6.0, 5.0, 8.0, 7.0, 9.0]


@pytest.fixture()
def attention_input(tmp_path):
    path = str(tmp_path / "att.gpkg")
    return indicator_layer(path, "indikatoren", list(zip(QIDS, X, Y)), text_field=True)


def attention(inp, out, **extra):
    p = {"INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["x", "y"], "OUTPUT": out}
    p.update(extra)
    return p


def test_attention_text_indicator_field_is_a_clear_error(run_alg, attention_input, tmp_path):
    before = snapshot(attention_input)
    out = str(tmp_path / "o.gpkg")
    with pytest.raises(QgsProcessingException, match=r"indikatoren': field 't' is not numeric"):
        run_alg("attentionindex", attention(attention_input, out, INDICATORS=["x", "t"]))
    assert not os.path.exists(out)
    assert snapshot(attention_input) == before


@pytest.mark.parametrize(
    "weights, message",
    [
        ("1,2,3", r"Weights '1,2,3': 3 numbers given for 2 indicator fields \(x, y\)"),
        ("1", r"Weights '1': 1 numbers given for 2"),
        ("1,zwei", r"Weights '1,zwei': numbers are needed"),
        ("x=eins", r"Weights: 'x=eins' is not of the form field=number"),
        ("z=2", r"Weights: 'z' is not one of the indicator fields \(x, y\)"),
    ],
)
def test_attention_bad_weights(run_alg, attention_input, tmp_path, weights, message):
    out = str(tmp_path / "o.gpkg")
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("attentionindex", attention(attention_input, out, WEIGHTS=weights))
    assert not os.path.exists(out)


@pytest.mark.parametrize("thresholds", ["1,0,2", "1,1,2", "-1,1", "a,b,c", "-1;1;zwei"])
def test_attention_bad_thresholds(run_alg, attention_input, tmp_path, thresholds):
    out = str(tmp_path / "o.gpkg")
    with pytest.raises(QgsProcessingException, match="Thresholds '{}': three increasing numbers".format(
            re.escape(thresholds))):
        run_alg("attentionindex", attention(attention_input, out, THRESHOLDS=thresholds))
    assert not os.path.exists(out)


def test_attention_previous_ids_that_do_not_match(run_alg, attention_input, tmp_path):
    path = str(tmp_path / "prev.gpkg")
    before = snapshot(attention_input)
    # none matches: error with examples of both sides
    other = indicator_layer(path, "vorjahr_anders", [("X" + q[1:], x, y) for q, x, y in zip(QIDS, X, Y)],
                            geometry=False)
    out = str(tmp_path / "o.gpkg")
    with pytest.raises(QgsProcessingException, match=r"vorjahr_anders', field 'quartier_id'.*'X01'.*'Q01'"):
        run_alg("attentionindex", attention(attention_input, out, PREVIOUS=other))
    assert not os.path.exists(out)
    # some do not match: those have no dynamics, reported with examples
    partial = indicator_layer(path, "vorjahr", [(q if i < 7 else "X" + q, x - 0.5, y) for i, (q, x, y) in
                                                 enumerate(zip(QIDS, X, Y))], geometry=False)
    feedback = RecordingFeedback()
    feats = features_by_id(run_alg("attentionindex", attention(attention_input, out, PREVIOUS=partial),
                                   feedback=feedback)["OUTPUT"])
    assert any("vorjahr" in w and "'Q08'" in w and "'Q09'" in w for w in feedback.warnings)
    assert is_null(feats["Q08"]["dynamics_class"]) and is_null(feats["Q09"]["dynamics_index"])
    assert not is_null(feats["Q01"]["dynamics_class"])
    assert snapshot(attention_input) == before


def test_attention_null_indicator_values_are_unclassed(run_alg, tmp_path):
    path = str(tmp_path / "att.gpkg")
    xs = list(X)
    xs[2] = None  # Q03
    inp = indicator_layer(path, "mit_null", list(zip(QIDS, xs, Y)))
    before = snapshot(inp)
    feedback = RecordingFeedback()
    feats = features_by_id(run_alg("attentionindex", attention(inp, str(tmp_path / "o.gpkg")),
                                   feedback=feedback)["OUTPUT"])
    for f in ("status_index", "status_class", "attention"):
        assert is_null(feats["Q03"][f]), f
    assert all(not is_null(feats[q]["status_class"]) for q in QIDS if q != "Q03")
    assert any("'Q03'" in i and "not classed" in i for i in feedback.infos)
    assert snapshot(inp) == before


def test_catalog_errors_name_entry_and_problem_and_are_translated(run_alg, tmp_path, monkeypatch):
    """A malformed catalog file: the message names the file, the entry and the problem, each part through tr()."""
    import json

    from quartiersmonitor.processing_provider.algorithms import calculate_indicators

    q, c = build.write_gpkg(str(tmp_path / "in.gpkg"))
    catalog = tmp_path / "katalog.json"
    catalog.write_text(json.dumps([{"id": "A.1"}, {"id": "X.2", "name_de": "x", "domain": "health",
                                                   "numerator": "a", "denominator": "b", "factor": "100"}]))
    with pytest.raises(QgsProcessingException, match=r"katalog\.json': entry 2 \(\"X\.2\"\): factor must be a "
                                                     r"positive number such as 100, 1000 or 100000, got '100'$"):
        run_alg("calculateindicators", params(q, c, str(tmp_path / "o.gpkg"), CATALOG=str(catalog)))
    monkeypatch.setattr(calculate_indicators, "tr", lambda text: "⟦" + text + "⟧")
    with pytest.raises(QgsProcessingException) as info:
        run_alg("calculateindicators", params(q, c, str(tmp_path / "p.gpkg"), CATALOG=str(catalog)))
    assert "⟦entry 2 (\"X.2\")⟧: ⟦factor must be a positive number" in str(info.value)
    catalog.write_text('[{"id": "W.1", "confidential": "nein"}]')
    with pytest.raises(QgsProcessingException, match=r"⟦entry 1 \(\"W\.1\"\)⟧: ⟦confidential must be true or "
                                                     r"false, got 'nein'⟧"):
        run_alg("calculateindicators", params(q, c, str(tmp_path / "r.gpkg"), CATALOG=str(catalog)))
