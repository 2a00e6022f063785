"""Agencies' spreadsheets as counts tables: real XLSX (openpyxl) and ODS (pandas' odf writer, odfpy) files built in
the test, read through QGIS's own OGR provider (one layer per sheet: "file.xlsx|layername=Sheet") and run through
``calculateindicators`` and ``aggregatecounts``.

What an agency's sheet holds and what the tests expect (values computed by hand here, never by our code):
- title rows above the column names: the first row holding the id column's name is the header, the rows above it
  are skipped and the log says so;
- numbers stored as text with German separators ("1.234", " 150 ", "3,5" as a weight): read as numbers;
- suppressed cells ("k.A.", "*", "-", ".", "x"): no data (NULL plus flag), never 0;
- ids whose leading zeros the spreadsheet dropped (the number 101 for quartier "0101"): padded when unambiguous
  (logged), else a hint that says how to fix the id column;
- several sheets: the one picked is read; a sheet that does not exist is an error naming file, sheet and sheets.
"""

import os

import openpyxl  # test-only writers (requirements-dev.txt: openpyxl, odfpy); the plugin never needs them
import pandas as pd
import pytest
from indicators_alg_testing import RecordingFeedback, build, calculate_params
from layer_testing import is_null
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsVectorLayer

QIDS = ["0101", "0102", "0103", "0104", "0105", "0106"]
MAPPING = "pop_total=Einwohner; pop_u65=EW_unter_65; sgb2_u65=SGB2_unter_65"
HEADER = ["Quartier", "Einwohner", "EW_unter_65", "SGB2_unter_65"]
TITLES = [["Leistungsberechtigte nach SGB II am 31.12.2024"], ["Quelle: Jobcenter Landkreis, Stand 02/2025"]]
# the id as the Jobcenter's Excel holds it (101: a number cell, its leading zero gone; "0103": a text cell),
# then residents, residents under 65, SGB II recipients under 65 (text cells with German separators, suppressed)
SGB2_2024 = [
    [101, "1.234", "1.000", "100"],      # A.1 = 100 * 100 / 1000 = 10
    [102, 2500, 2000, 300],              # 15
    ["0103", " 800 ", "700", "k.A."],    # no data
    ["0104", "1.500", "1.200", "*"],     # no data
    ["0105", 3000, "2.500", "-"],        # no data
    ["0106", 1800, "1.500", " 150 "],    # 10
]
A1_2024 = {"0101": 10.0, "0102": 15.0, "0106": 10.0}
SUPPRESSED_2024 = ("0103", "0104", "0105")
SGB2_2023 = [  # another sheet of the same workbook
    [101, 1200, 1000, 80], [102, 2400, 2000, 250], ["0103", 800, 700, 35],
    ["0104", 1500, 1200, "."], ["0105", 3000, 2500, 200], ["0106", 1800, 1500, "x"],
]
A1_2023 = {"0101": 8.0, "0102": 12.5, "0103": 5.0, "0105": 8.0}


def write_xlsx(path, sheets):
    """An XLSX by openpyxl: {sheet name: rows}; str values become text cells, numbers number cells."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def write_ods(path, sheets):
    """An ODS by pandas' odf writer (odfpy): {sheet name: rows}, no extra header or index."""
    with pd.ExcelWriter(path, engine="odf") as writer:
        for name, rows in sheets.items():
            width = max(len(r) for r in rows)
            frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows], dtype=object)
            frame.to_excel(writer, sheet_name=name, header=False, index=False)
    return path


def quartiers(tmp_path, ids=QIDS):
    return build.write_layer(build.quartier_layer(ids), str(tmp_path / "q.gpkg"), "quartiers")


def run_calc(run_alg, q, data, out, feedback=None, **extra):
    extra.setdefault("COLUMN_MAPPING", MAPPING)
    extra.setdefault("DATA_ID", "Quartier")
    extra.setdefault("MIN_COUNT", 1)
    extra.setdefault("MIN_POPULATION", 0)
    params = calculate_params(q, data, out, ("A.1",), **extra)
    return run_alg("calculateindicators", params, feedback=feedback)["OUTPUT"]


def features_by_id(uri):
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    return {str(f["quartier_id"]).strip(): f for f in layer.getFeatures()}


def snapshot(path):
    with open(path, "rb") as handle:
        return handle.read()


def check_2024(feats):
    assert sorted(feats) == QIDS
    for qid, value in A1_2024.items():
        assert feats[qid]["A1"] == pytest.approx(value), qid
        assert feats[qid]["A1_flag"] == "ok"
    for qid in SUPPRESSED_2024:
        assert is_null(feats[qid]["A1"]), qid  # never 0
        assert feats[qid]["A1_flag"] == "no_data", qid


# -- calculateindicators --------------------------------------------------------------------------------------------
def test_xlsx_with_two_title_rows_text_numbers_and_dropped_zeros(run_alg, tmp_path):
    path = write_xlsx(str(tmp_path / "jobcenter.xlsx"), {
        "Erläuterungen": [["Diese Mappe enthält die Fallzahlen je Quartier."]],
        "SGB2_2024": TITLES + [HEADER] + SGB2_2024 + [[], ["* k.A. = keine Angabe (Werte unter 3 gesperrt)"]],
    })
    before = snapshot(path)
    sheet = QgsVectorLayer(path + "|layername=SGB2_2024", "x", "ogr")  # QGIS's own OGR provider
    assert sheet.isValid()
    assert "Quartier" not in sheet.fields().names()  # GDAL: Field1, Field2 … with the header as data
    feedback = RecordingFeedback()
    out = run_calc(run_alg, quartiers(tmp_path), sheet, str(tmp_path / "out.gpkg"), feedback)
    del sheet
    check_2024(features_by_id(out))
    infos = " ".join(feedback.infos)
    assert "row 3 of the sheet" in infos and "the 2 row(s) above them" in infos and "SGB2_2024" in infos
    padded = [w for w in feedback.warnings + feedback.infos if "were padded" in w]
    assert len(padded) == 1 and "'101' → '0101'" in padded[0] and "'102' → '0102'" in padded[0]
    assert "2 ids" in padded[0]
    # the footnote below the data is no quartier: left out with a warning, nothing else
    left_out = [w for w in feedback.warnings if "match no quartier" in w]
    assert len(left_out) == 1 and "1 ids" in left_out[0] and "keine Angabe" in left_out[0]
    assert snapshot(path) == before


def test_gdal_taking_the_title_row_as_header_is_handled_too(run_alg, tmp_path):
    from osgeo import gdal

    path = write_xlsx(str(tmp_path / "erzwungen.xlsx"), {"SGB2": TITLES + [HEADER] + SGB2_2024})
    gdal.SetConfigOption("OGR_XLSX_HEADERS", "FORCE")  # as a user may have set it: the first row is the header
    try:
        sheet = QgsVectorLayer(path + "|layername=SGB2", "x", "ogr")
        assert sheet.isValid() and sheet.fields().names()[0] == TITLES[0][0]  # the title became a field name
        feedback = RecordingFeedback()
        out = run_calc(run_alg, quartiers(tmp_path), sheet, str(tmp_path / "out.gpkg"), feedback)
        del sheet
    finally:
        gdal.SetConfigOption("OGR_XLSX_HEADERS", None)
    check_2024(features_by_id(out))
    assert any("row 3 of the sheet" in i and "the 2 row(s) above them" in i for i in feedback.infos)


def test_a_long_sheet_with_a_year_column_below_its_title(run_alg, tmp_path):
    rows = [[r[0], "2023"] + r[1:] for r in SGB2_2023] + [[r[0], 2024] + r[1:] for r in SGB2_2024]
    header = HEADER[:1] + ["Jahr"] + HEADER[1:]
    path = write_xlsx(str(tmp_path / "lang.xlsx"), {"Daten": TITLES + [header] + rows})
    out = run_calc(run_alg, quartiers(tmp_path), path + "|layername=Daten", str(tmp_path / "out.gpkg"),
                   YEAR_FIELD="jahr", YEAR="2024")  # the field name in another case than the header's
    check_2024(features_by_id(out))


def test_ods_with_a_title_row_and_german_separators(run_alg, tmp_path):
    path = write_ods(str(tmp_path / "statistik.ods"), {"SGB2_2024": TITLES[:1] + [HEADER] + SGB2_2024})
    feedback = RecordingFeedback()
    out = run_calc(run_alg, quartiers(tmp_path), path + "|layername=SGB2_2024", str(tmp_path / "out.gpkg"),
                   feedback)
    check_2024(features_by_id(out))
    assert any("row 2 of the sheet" in i and "the 1 row(s)" in i for i in feedback.infos)


def test_the_sheet_picked_is_read_and_a_missing_sheet_names_file_and_sheets(run_alg, tmp_path):
    path = write_xlsx(str(tmp_path / "mappe.xlsx"), {
        "2024": TITLES + [HEADER] + SGB2_2024,
        "2023": [HEADER] + SGB2_2023,  # no title: GDAL takes the first row as the header
    })
    q = quartiers(tmp_path)
    feats = features_by_id(run_calc(run_alg, q, path + "|layername=2023", str(tmp_path / "out23.gpkg")))
    for qid, value in A1_2023.items():
        assert feats[qid]["A1"] == pytest.approx(value), qid
    assert is_null(feats["0104"]["A1"]) and feats["0104"]["A1_flag"] == "no_data"
    assert is_null(feats["0106"]["A1"]) and feats["0106"]["A1_flag"] == "no_data"
    check_2024(features_by_id(run_calc(run_alg, q, path + "|layername=2024", str(tmp_path / "out24.gpkg"))))
    out = str(tmp_path / "out25.gpkg")
    # checked before the run: file, sheet asked for and the sheets the file has
    with pytest.raises(QgsProcessingException, match=r"mappe\.xlsx.* no sheet '2025'.*(2023.*2024|2024.*2023)"):
        run_calc(run_alg, q, path + "|layername=2025", out)
    assert not os.path.exists(out)


def test_ambiguous_dropped_zeros_are_not_padded_but_explained(run_alg, tmp_path):
    rows = [list(r) for r in SGB2_2024] + [["0101", 900, 800, 40]]  # 101 and "0101": which is the quartier's?
    path = write_xlsx(str(tmp_path / "doppelt.xlsx"), {"Daten": TITLES + [HEADER] + rows})
    feedback = RecordingFeedback()
    out = run_calc(run_alg, quartiers(tmp_path), path + "|layername=Daten", str(tmp_path / "out.gpkg"), feedback)
    feats = features_by_id(out)
    assert feats["0101"]["A1"] == pytest.approx(5.0)  # the row "0101": 100 * 40 / 800
    assert feats["0102"]["A1_flag"] == "no_data"  # 102 not padded: the quartier has no row
    hint = [w for w in feedback.warnings if "match no quartier" in w]
    assert len(hint) == 1
    assert "'101' / '0101'" in hint[0] and "'102' / '0102'" in hint[0]
    assert "format the id column as Text" in hint[0] and "doppelt.xlsx: Daten" in hint[0]
    assert not any("were padded" in w for w in feedback.warnings + feedback.infos)


# -- aggregatecounts ---------------------------------------------------------------------------------------------------
RECORDS = [  # Quartier (101: the zero dropped), Geschlecht, Personen (text with decimal comma, suppressed)
    [101, "w", "1,5"], [101, "m", "2"], ["0102", "w", " 3 "], [102, "m", "1.000"], ["0103", "w", "k.A."],
    ["0103", "m", "4"], ["0104", "w", "0,5"],
]


@pytest.mark.parametrize("writer, suffix", [(write_xlsx, ".xlsx"), (write_ods, ".ods")])
def test_aggregatecounts_reads_a_sheet_below_its_title_with_text_weights(run_alg, tmp_path, writer, suffix):
    path = writer(str(tmp_path / ("bg" + suffix)), {
        "Hinweise": [["Personen je Bedarfsgemeinschaft"]],
        "BG": [["Bedarfsgemeinschaften Dezember 2024"], ["Quartier", "Geschlecht", "Personen"]] + RECORDS[:3]
        + [[None, None, None]] + RECORDS[3:] + [[None, None, None]],  # empty rows: no records
    })
    before = snapshot(path)
    context = QgsProcessingContext()
    feedback = RecordingFeedback()
    q = quartiers(tmp_path)
    result = run_alg("aggregatecounts", {
        "INPUT": path + "|layername=BG", "QUARTIERS": q, "QUARTIER_ID": "quartier_id", "INPUT_ID_FIELD": "Quartier",
        "GROUP_FIELD": "Geschlecht", "WEIGHT_FIELD": "Personen", "OUTPUT": "TEMPORARY_OUTPUT"},
        context=context, feedback=feedback)
    layer = result["OUTPUT"]  # the temporary output as processing.run returns it: the layer
    if not isinstance(layer, QgsVectorLayer):
        layer = context.getMapLayer(layer)
    rows = {f["quartier_id"]: f for f in layer.getFeatures()}
    assert sorted(rows) == QIDS
    # by hand: 0101 = 1.5 + 2; 0102 = 3 + 1000; 0103 has a suppressed weight: unknown; 0104 = 0.5; others 0
    assert rows["0101"]["total"] == pytest.approx(3.5)
    assert rows["0101"]["n_w"] == pytest.approx(1.5) and rows["0101"]["n_m"] == pytest.approx(2.0)
    assert rows["0102"]["total"] == pytest.approx(1003.0)
    assert rows["0104"]["total"] == pytest.approx(0.5)
    assert rows["0105"]["total"] == 0 and rows["0106"]["total"] == 0
    assert is_null(rows["0103"]["total"]) and is_null(rows["0103"]["n_m"])  # never 0 (nor 4)
    assert result["N_COUNTED"] == len(RECORDS) and result["N_WITHOUT_QUARTIER"] == 0
    assert any("row 2 of the sheet" in i and "bg{}: BG".format(suffix) in i for i in feedback.infos)
    assert any("'101' → '0101'" in i and "'102' → '0102'" in i for i in feedback.infos)
    assert any("no weight" in w and "'0103'" in w and "NULL" in w for w in feedback.warnings)
    assert not any("count as 0" in w for w in feedback.warnings)
    assert any("1 cell(s) read with the German thousands separator" in i and "'1.000'" in i for i in feedback.infos)
    assert snapshot(path) == before


def test_aggregatecounts_sheet_errors_name_file_and_sheet(run_alg, tmp_path):
    path = write_xlsx(str(tmp_path / "bg.xlsx"), {
        "BG": [["Titel"], ["Quartier", "Personen"], ["0101", "viele"], ["0102", "2"]]})
    q = quartiers(tmp_path)
    params = {"INPUT": path + "|layername=BG", "QUARTIERS": q, "QUARTIER_ID": "quartier_id",
              "INPUT_ID_FIELD": "Quartier", "WEIGHT_FIELD": "Personen", "OUTPUT": "TEMPORARY_OUTPUT"}
    with pytest.raises(QgsProcessingException, match=r"bg\.xlsx: BG.*Personen.*1 cell\(s\) are not numbers.*'viele'"):
        run_alg("aggregatecounts", params)
    with pytest.raises(QgsProcessingException, match=r"'bg\.xlsx' has no sheet 'Tabelle1'.*'BG'"):
        run_alg("aggregatecounts", dict(params, INPUT=path + "|layername=Tabelle1"))
