"""quartiersmonitor:exporttable on real indicator and attention layers, read back with readers that are not ours
(openpyxl for XLSX, pandas with odfpy for ODS, the csv module for CSV): published values, symbols and footnotes,
no hidden number anywhere, municipality and county rows, one definition sheet per indicator (issue 14 point 4)."""

import csv
import json
import os

import openpyxl
import pandas as pd
import pytest
from indicators_alg_testing import build, calculate_params
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

IDS = ["A.1", "A.2"]
COUNTS = {row[0]: dict(zip(build.COLUMNS, row)) for row in build.ROWS}


@pytest.fixture()
def made(run_alg, tmp_path_factory):
    """An indicator layer (A.1, A.2 and two indicators of a catalog file: X.1 confidential, X.2 public) in a
    GeoPackage, made with MIN_COUNT 3 and MIN_POPULATION 300, and the path of the folder."""
    folder = tmp_path_factory.mktemp("export_table")
    q, c = build.write_gpkg(str(folder / "input.gpkg"))
    catalog = folder / "catalog.json"
    catalog.write_text(json.dumps({"indicators": [
        {"id": "X.1", "name_de": "Eigene Quote", "name_en": "Own share", "domain": "poverty",
         "numerator": "gsi_alter", "denominator": "pop_total", "factor": 1000, "polarity": -1},
        {"id": "X.2", "name_de": "Öffentliche Quote", "name_en": "Public share", "domain": "housing",
         "numerator": "pop_65plus", "denominator": "pop_total", "confidential": False},
    ]}), encoding="utf-8")
    out = "ogr:dbname='{}' table=\"indicators\" (geom)".format(folder / "indicators.gpkg")
    result = run_alg("calculateindicators", calculate_params(
        q, c, out, IDS, CATALOG=str(catalog), EXTRA_INDICATORS="X.1,X.2", MIN_COUNT=3, MIN_POPULATION=300))
    return result["OUTPUT"], folder


def layer_rows(uri):
    layer = QgsVectorLayer(uri, "indicators", "ogr")
    assert layer.isValid()
    rows = {}
    for feature in layer.getFeatures():
        rows[feature["quartier_id"]] = {name: (None if feature[name] is None or str(feature[name]) == "NULL"
                                               else feature[name]) for name in layer.fields().names()}
    return rows


def export(run_alg, uri, path, fmt, **extra):
    params = {"INPUT": uri, "FORMAT": ["xlsx", "ods", "csv"].index(fmt), "OUTPUT": str(path)}
    params.update(extra)
    return run_alg("exporttable", params)


def xlsx_sheets(path):
    workbook = openpyxl.load_workbook(str(path))
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()] for sheet in workbook}


def ods_sheets(path):
    frames = pd.read_excel(str(path), engine="odf", sheet_name=None, header=None, dtype=object)
    return {name: [[None if (isinstance(v, float) and v != v) else v for v in row] for row in frame.values.tolist()]
            for name, frame in frames.items()}


def csv_rows(path):
    with open(str(path), encoding="utf-8-sig", newline="") as handle:
        return [[None if cell == "" else cell for cell in row] for row in csv.reader(handle)]


def as_number(cell):
    if isinstance(cell, bool) or cell is None:
        return None
    try:
        return float(cell)
    except (TypeError, ValueError):
        return None


def table_of(rows):
    """{(level, id or municipality): {header: cell}} of a values sheet read back, and the footnote texts."""
    header = rows[0]
    table, notes = {}, []
    for row in rows[1:]:
        if row[0] is None or all(cell is None for cell in row[1:]):
            if row[0] is not None:
                notes.append(row[0])
            continue
        key = (row[0], row[1] if row[0] == "Quartier" else row[3] if row[0] == "Municipality" else "")
        table[key] = dict(zip(header, row))
    return header, table, notes


def check_values(rows, layer):
    """The values sheet against the layer: published values equal, hidden cells the symbol."""
    header, table, notes = table_of(rows)
    assert header[:5] == ["Level", "Quartier id", "Name", "Municipality", "Residents"]
    columns = {"A1": "A.1 SGB II rate (%)", "A2": "A.2 Child poverty (%)", "X1": "X.1 Own share (per 1,000)",
               "X2": "X.2 Public share (%)"}
    assert header[5:] == list(columns.values())
    # by hand from the fixture's counts
    assert as_number(table[("Quartier", "Q01")][columns["A1"]]) == 10.0  # 100 / 1000
    assert as_number(table[("Quartier", "Q06")][columns["A1"]]) == 20.0  # 500 / 2500
    assert as_number(table[("Quartier", "Q02")][columns["A2"]]) == 20.0  # 60 / 300
    assert as_number(table[("Quartier", "Q01")][columns["X1"]]) == 8.3  # 10 / 1200 * 1000
    assert as_number(table[("Quartier", "Q04")][columns["X2"]]) == 20.0  # public: 50 / 250, small quartier shown
    assert table[("Quartier", "Q03")][columns["A1"]] == "•"  # 2 < MIN_COUNT
    assert table[("Quartier", "Q04")][columns["A1"]] == "•"  # 250 residents < MIN_POPULATION
    assert table[("Quartier", "Q05")][columns["A2"]] == "."  # "k.A." in the counts: no valid data
    assert as_number(table[("Quartier", "Q04")]["Residents"]) == 250
    assert table[("Quartier", "Q01")]["Name"] == "Quartier Q01"
    assert table[("Quartier", "Q01")]["Municipality"] == "M1"
    # every quartier cell as the layer publishes it
    hidden_cells = 0
    for qid, feature in layer.items():
        for field, column in columns.items():
            cell = table[("Quartier", qid)][column]
            if feature[field + "_flag"] == "ok":
                assert as_number(cell) == pytest.approx(feature[field]), (qid, field)
            else:
                assert cell in ("•", ".", "x") and as_number(cell) is None, (qid, field, cell)
                hidden_cells += cell == "•"
    assert hidden_cells >= 2
    # municipality and county rows: the _mun and _county values
    for municipality, qid in (("M1", "Q01"), ("M2", "Q06")):
        row = table[("Municipality", municipality)]
        for field, column in columns.items():
            expected = layer[qid][field + "_mun"]
            assert (row[column] == "•") if expected is None else as_number(row[column]) == pytest.approx(expected)
    county = table[("County", "")]
    for field, column in columns.items():
        assert as_number(county[column]) == pytest.approx(layer["Q01"][field + "_county"])
    # county A.2 by hand: the valid quartiers' summed counts (Q04 small, Q05 "k.A." left out)
    valid = [q for q in COUNTS if q not in ("Q05",) and layer[q]["A2_flag"] in ("ok", "suppressed")]
    assert layer["Q01"]["A2_county"] == round(sum(COUNTS[q]["sgb2_u15"] for q in valid) /
                                              sum(COUNTS[q]["pop_u15"] for q in valid) * 100, 1)
    assert any(note.startswith("• Not published") for note in notes)
    assert any(note.startswith(". No value") for note in notes)
    return table


def hidden_numbers(layer):
    """Counts and rates of every cell the layer hides, as the fixture's counts give them: none may be in the file
    (those that equal a number the table publishes, e.g. a quartier's population, are left out)."""
    formulas = {"A1": ("sgb2_u65", "pop_u65", 100), "A2": ("sgb2_u15", "pop_u15", 100),
                "X1": ("gsi_alter", "pop_total", 1000)}
    published = set()
    for feature in layer.values():
        for name, value in feature.items():
            exported = name == "pop_total" or name in formulas or name == "X2" or name.endswith(("_mun", "_county"))
            if isinstance(value, (int, float)) and exported:
                published.add(round(float(value), 1))
    hidden = set()
    for qid, feature in layer.items():
        for field, (num, den, factor) in formulas.items():
            if feature[field + "_flag"] == "suppressed":
                counts = COUNTS[qid]
                hidden |= {float(counts[num]), float(counts[den]), round(counts[num] / counts[den] * factor, 1)}
    return hidden - published


def all_cells(sheets):
    return [cell for rows in sheets for row in rows for cell in row]


def check_no_hidden_number(cells, layer):
    # the definitions publish the run's parameters: MIN_COUNT, MIN_POPULATION, factors, decimals
    hidden = hidden_numbers(layer) - {3.0, 300.0, 100.0, 1000.0, 1.0}
    assert {2.0, 700.0, 200.0} <= hidden  # Q03's A.1 numerator and denominator, Q04's A.1 denominator
    numbers = {round(as_number(cell), 1) for cell in cells if as_number(cell) is not None}
    assert not numbers & hidden, sorted(numbers & hidden)


def check_definitions(sheets, names):
    definition_names = [name for name in names if name != "Values"]
    assert definition_names == ["A.1 SGB II rate", "A.2 Child poverty", "X.1 Own share", "X.2 Public share"]
    items = {name: {row[0]: row[1] for row in sheets[name][1:]} for name in definition_names}
    assert sheets["A.1 SGB II rate"][0][:2] == ["Item", "Content"]
    a1 = items["A.1 SGB II rate"]
    assert a1["Numerator (column of the counts table)"] == "sgb2_u65"
    assert a1["Denominator (column of the counts table)"] == "pop_u65"
    assert str(a1["Factor"]) == "100" and a1["Unit"] == "%"
    assert str(a1["Minimum count (MIN_COUNT)"]) == "3" and str(a1["Minimum population (MIN_POPULATION)"]) == "300"
    assert "Wilson" in a1["Confidence interval"]
    assert "from 1 to 2" in a1["Confidentiality rule"] and "300 residents" in a1["Confidentiality rule"]
    assert a1["Polarity"].startswith("+1") and a1["Source"] == "input: counts"
    x1 = items["X.1 Own share"]
    assert x1["Name"] == "Own share" and x1["Numerator (column of the counts table)"] == "gsi_alter"
    assert str(x1["Factor"]) == "1000" and x1["Unit"] == "per 1,000" and x1["Polarity"].startswith("-1")
    assert "Poisson" in x1["Confidence interval"]  # a rate (factor 1000): exact Poisson interval
    x2 = items["X.2 Public share"]
    assert x2["Confidential"] == "no" and "never suppressed" in x2["Confidentiality rule"]


def test_xlsx_values_and_definitions(made, run_alg, tmp_path):
    uri, _folder = made
    layer = layer_rows(uri)
    result = export(run_alg, uri, tmp_path / "table.xlsx", "xlsx")
    assert result["OUTPUT"] == str(tmp_path / "table.xlsx") == result["DEFINITIONS"]
    sheets = xlsx_sheets(result["OUTPUT"])
    names = list(sheets)
    assert names[0] == "Values"
    check_values(sheets["Values"], layer)
    check_definitions(sheets, names)
    check_no_hidden_number(all_cells(sheets.values()), layer)
    # a column without symbols holds numbers, a column with one text (one type per column)
    workbook = openpyxl.load_workbook(result["OUTPUT"])
    values = workbook["Values"]
    header = [cell.value for cell in values[1]]
    q01 = next(row for row in values.iter_rows(min_row=2) if row[1].value == "Q01")
    assert q01[header.index("X.2 Public share (%)")].data_type == "n"
    assert q01[header.index("A.1 SGB II rate (%)")].value in ("10.0", 10.0)
    assert os.listdir(str(tmp_path)) == ["table.xlsx"]  # nothing left beside it


def test_ods_and_csv(made, run_alg, tmp_path):
    uri, _folder = made
    layer = layer_rows(uri)
    ods = export(run_alg, uri, tmp_path / "table.ods", "ods")["OUTPUT"]
    sheets = ods_sheets(ods)
    check_values(sheets["Values"], layer)
    check_definitions(sheets, list(sheets))
    check_no_hidden_number(all_cells(sheets.values()), layer)

    # CSV: the format decides the extension; the definitions in <name>_indicators.csv
    result = export(run_alg, uri, tmp_path / "table.xlsx", "csv")
    assert result["OUTPUT"] == str(tmp_path / "table.csv")
    assert result["DEFINITIONS"] == str(tmp_path / "table_indicators.csv")
    values = csv_rows(result["OUTPUT"])
    check_values(values, layer)
    definitions = csv_rows(result["DEFINITIONS"])
    header = definitions[0]
    by_id = {row[0]: dict(zip(header, row)) for row in definitions[1:]}
    assert list(by_id) == ["A.1", "A.2", "X.1", "X.2"]
    assert by_id["X.1"]["Name"] == "Own share" and by_id["A.2"]["Denominator (column of the counts table)"] == \
        "pop_u15"
    assert by_id["A.1"]["Minimum count (MIN_COUNT)"] == "3"
    check_no_hidden_number(all_cells([values, definitions]), layer)
    assert sorted(os.listdir(str(tmp_path))) == ["table.csv", "table.ods", "table_indicators.csv"]
    # a temporary output (a model's intermediate result) gets the format's extension too
    temporary = export(run_alg, uri, "TEMPORARY_OUTPUT", "csv")
    assert temporary["OUTPUT"].endswith(".csv") and temporary["DEFINITIONS"].endswith("_indicators.csv")
    assert csv_rows(temporary["OUTPUT"]) == values
    temporary = export(run_alg, uri, "TEMPORARY_OUTPUT", "ods")
    assert temporary["OUTPUT"].endswith(".ods") and temporary["OUTPUT"] == temporary["DEFINITIONS"]


def test_rounding_as_recorded(run_alg, tmp_path):
    """The layer's recorded decimals decide the rounding (DECIMALS 2)."""
    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    out = str(tmp_path / "two.gpkg")
    uri = run_alg("calculateindicators", calculate_params(q, c, out, ["A.4"], DECIMALS=2, MIN_POPULATION=0,
                                                          MIN_COUNT=1))["OUTPUT"]
    sheets = xlsx_sheets(export(run_alg, uri, tmp_path / "t.xlsx", "xlsx")["OUTPUT"])
    _header, table, _notes = table_of(sheets["Values"])
    column = "A.4 Old-age poverty (%)"
    assert as_number(table[("Quartier", "Q01")][column]) == 5.0  # 10 / 200
    assert as_number(table[("Quartier", "Q07")][column]) == 2.0  # 6 / 300
    assert as_number(table[("Quartier", "Q06")][column]) == 8.0
    assert as_number(table[("Quartier", "Q09")][column]) == 7.5
    # 12 / 300 = 4.0; 4 / 100 = 4.0; and a value with two decimals: M1 = (10+25+4+3+12) / (200+500+100+50+300)
    assert as_number(table[("Municipality", "M1")][column]) == round(54 / 1150 * 100, 2) == 4.7
    assert as_number(table[("County", "")][column]) == round(130 / 2450 * 100, 2) == 5.31


def test_attention_layer(made, run_alg, tmp_path):
    uri, _folder = made
    attention = run_alg("attentionindex", {
        "INPUT": uri, "QUARTIER_ID": "quartier_id", "INDICATORS": ["A1", "X1"], "MIN_POPULATION": 300,
        "OUTPUT": str(tmp_path / "attention.gpkg")})["OUTPUT"]
    features = {f["quartier_id"]: f for f in QgsVectorLayer(attention, "a", "ogr").getFeatures()}
    sheets = xlsx_sheets(export(run_alg, attention, tmp_path / "attention.xlsx", "xlsx")["OUTPUT"])
    header, table, notes = table_of(sheets["Values"])
    assert header[-5:] == ["Status index", "Status class", "Dynamics index", "Dynamics class", "Attention"]
    assert "Attention index" in sheets
    for qid, feature in features.items():
        row = table[("Quartier", qid)]
        status_class = feature["status_class"]
        if status_class is None or str(status_class) == "NULL":
            assert row["Status class"] == "." and row["Status index"] == "."
        else:
            assert as_number(row["Status class"]) == status_class
            assert as_number(row["Status index"]) == round(feature["status_index"], 2)
            assert row["Attention"] == feature["attention"]  # "yes" / "no" (English run)
    assert table[("Quartier", "Q03")]["Status class"] == "."  # A.1 hidden: not classed
    assert any(note.startswith(". No value") for note in notes)


def test_no_indicator_layer_is_a_clear_error(run_alg, tmp_path):
    q, _c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    with pytest.raises(QgsProcessingException, match="neither an indicator layer"):
        export(run_alg, q, tmp_path / "t.xlsx", "xlsx")
    assert not os.path.exists(str(tmp_path / "t.xlsx"))


def test_missing_field_named(made, run_alg, tmp_path):
    uri, _folder = made
    with pytest.raises(QgsProcessingException, match="nope"):
        export(run_alg, uri, tmp_path / "t.xlsx", "xlsx", QUARTIER_NAME="nope")


def test_cancelled_run_leaves_no_file(made, run_alg, tmp_path):
    uri, _folder = made
    for fmt in ("xlsx", "csv"):
        feedback = QgsProcessingFeedback()
        feedback.cancel()
        with pytest.raises(QgsProcessingException):
            run_alg("exporttable", {"INPUT": uri, "FORMAT": ["xlsx", "ods", "csv"].index(fmt),
                                    "OUTPUT": str(tmp_path / ("t." + fmt))}, feedback=feedback)
    assert os.listdir(str(tmp_path)) == []


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_else(made, tmp_path, monkeypatch):
    """A failure while writing (here: after the first sheet) leaves the file that was there, untouched."""
    from qgis import processing
    from qgis.core import QgsProcessingContext

    from quartiersmonitor.processing_provider.algorithms import export_table

    uri, _folder = made
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"old")
    real = export_table.write_sheets

    def failing(path, fmt, sheets, feedback=None):
        real(path, fmt, sheets[:1], feedback)
        raise QgsProcessingException("disk full")

    monkeypatch.setattr(export_table, "write_sheets", failing)
    with pytest.raises(QgsProcessingException, match="disk full"):
        processing.run("quartiersmonitor:exporttable", {"INPUT": uri, "FORMAT": 0, "OUTPUT": str(target)},
                       context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    assert target.read_bytes() == b"old"
    assert os.listdir(str(tmp_path)) == ["t.xlsx"]


def test_indicator_names_and_units_in_the_language_of_qgis(made, run_alg, tmp_path, german_locale):
    uri, _folder = made
    before = layer_rows(uri)
    sheets = xlsx_sheets(export(run_alg, uri, tmp_path / "de.xlsx", "xlsx")["OUTPUT"])
    names = list(sheets)
    values = sheets[names[0]]
    assert values[0][5:] == ["A.1 SGB II-Quote (%)", "A.2 Kinder-/Jugendarmut (%)", "X.1 Eigene Quote (je 1.000)",
                             "X.2 Öffentliche Quote (%)"]
    assert names[1:5] == ["A.1 SGB II-Quote", "A.2 Kinder-Jugendarmut", "X.1 Eigene Quote", "X.2 Öffentliche Quote"]
    x1 = {row[0]: row[1] for row in sheets["X.1 Eigene Quote"][1:]}
    assert "Eigene Quote" in x1.values() and "je 1.000" in x1.values()
    assert layer_rows(uri) == before  # the input layer is read, never changed


def test_cancel_while_writing_leaves_nothing(made, run_alg, tmp_path, monkeypatch):
    """A cancel between two rows of the first sheet: no file, no temporary folder, an old file untouched."""
    from quartiersmonitor.processing_provider.algorithms import export_table

    uri, _folder = made
    real = export_table.write_sheets
    written = []

    def cancelling(path, fmt, sheets, feedback=None):
        feedback.cancel()  # the run's feedback: write_sheets checks it before every row
        written.append(path)
        real(path, fmt, sheets, feedback)

    monkeypatch.setattr(export_table, "write_sheets", cancelling)
    (tmp_path / "old.ods").write_bytes(b"old")
    for name, fmt in (("t.csv", "csv"), ("old.ods", "ods")):
        with pytest.raises(QgsProcessingException, match="Canceled"):
            export(run_alg, uri, tmp_path / name, fmt)
    assert len(written) == 2
    assert os.listdir(str(tmp_path)) == ["old.ods"] and (tmp_path / "old.ods").read_bytes() == b"old"
