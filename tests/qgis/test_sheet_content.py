"""What a map sheet says (issue 13): source and data date, title, the quartier's value and rank, the locator map, the
legend in the sheet's language, custom indicators, the PDF's document properties and a layout that uses the page.

Read back from real exports: ``pdftotext`` / ``pdfinfo`` (poppler) for the PDF text and metadata, Qt for PNG pixels.
"""

import json
import re
import subprocess

import pytest
from mapsheet_data import NAMES, make_indicator_layer
from qgis.core import QgsFeatureRequest, QgsLayoutItem, QgsLayoutItemMap, QgsPointXY, QgsProject
from qgis.PyQt.QtGui import QImage

SOURCE = "Statistik Musterkreis, Kommunalstatistik"
DATE = "31.12.2024"


def pdf_info(path):
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", path], capture_output=True, text=True, check=True).stdout
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^([A-Za-z ]+):\s*(.*)$", out, re.M)}


def pdf_text(path, page=None):
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout"] + pages + [path, "-"], capture_output=True, text=True,
                          check=True).stdout


def lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def subtitle_of(text):
    """The subtitle: the first line under the title that is not the rank (which stands at the right, above it)."""
    return next(line for line in lines(text)[1:] if not line.startswith("Rank "))


def one_line(text):
    """The page's text with every run of blanks (layout columns, line breaks) as one space."""
    return " ".join(text.split())


@pytest.fixture()
def layer(qgis_new_project):
    lyr = make_indicator_layer()
    assert QgsProject.instance().addMapLayer(lyr)
    return lyr


def params(lyr, folder, fmt=0, **extra):
    base = {"INPUT": lyr, "QUARTIER_ID": "quartier_id", "QUARTIER_NAME": "name", "TITLE": "Sozialmonitoring 2025",
            "FORMAT": fmt, "OUTPUT_FOLDER": str(folder)}
    base.update(extra)
    return base


def hand_a1():
    """A.1 of the test layer by hand (mapsheet_data: 100 * (10 + 7 i) / (400 + 25 i), rounded to 3 places; quartier
    index 3 suppressed) and its rank among the 11 published values (1 = highest)."""
    values = {"{:04d}".format(101 + i): round(100.0 * (10 + 7 * i) / (400 + 25 * i), 3) for i in range(12) if i != 3}
    ranks = {qid: 1 + sum(1 for other in values.values() if other > v) for qid, v in values.items()}
    return values, ranks


def test_source_and_date_in_footer_subtitle_and_pdf_properties(run_alg, layer, tmp_path):
    project = QgsProject.instance()
    metadata = project.metadata()
    metadata.setTitle("My project")
    project.setMetadata(metadata)
    project.setDirty(False)
    result = run_alg("exportmapsheets", params(layer, tmp_path, SOURCE=SOURCE, DATE=DATE,
                                               FILTER="\"quartier_id\" IN ('0101', '0102', '0103')"))
    assert result["PAGES"] == 3 and result["COUNT"] == 1
    pdf = result["FILES"][0]
    for page in (1, 2, 3):
        text = pdf_text(pdf, page)
        assert subtitle_of(text) == "Sozialmonitoring 2025 \u00b7 SGB II rate (%) \u00b7 31.12.2024"
        footer = lines(text)[-1]
        assert footer.startswith("Source: {} \u00b7 Data: {} \u00b7 ".format(SOURCE, DATE)), footer
        assert "indicators" not in footer  # the layer's name is no source
    info = pdf_info(pdf)
    assert info["Title"] == "Sozialmonitoring 2025"
    assert info["Subject"] == "SGB II rate (%) \u00b7 31.12.2024 \u00b7 Source: " + SOURCE
    assert info["Author"] == SOURCE
    assert info["Keywords"] == "Quartiersmonitor: A.1,SGB II rate (%),31.12.2024"
    assert info["Creator"].startswith("Quartiersmonitor (QGIS 3.")
    # the project's own metadata is back and the project not marked modified by the export
    assert project.metadata().title() == "My project" and project.metadata().abstract() == ""
    assert not project.metadata().keywords()
    assert not project.isDirty()


def test_defaults_come_from_the_layer_record_never_from_the_layer_name(run_alg, layer, tmp_path):
    from quartiersmonitor.cartography import layer_record

    one = "\"quartier_id\" = '0101'"
    result = run_alg("exportmapsheets", params(layer, tmp_path / "none", FILTER=one, TITLE=""))
    text = pdf_text(result["FILES"][0])
    assert lines(text)[-1].startswith("Source: not stated \u00b7 Quartiersmonitor map sheet of ")
    assert subtitle_of(text) == "SGB II rate (%)"  # no title, no date: the indicator alone
    assert "Source: indicators" not in text
    layer.setCustomProperty(layer_record.SOURCE, "Jobcenter Musterkreis")
    layer.setCustomProperty(layer_record.YEAR, "2024")
    result = run_alg("exportmapsheets", params(layer, tmp_path / "record", FILTER=one, TITLE=""))
    text = pdf_text(result["FILES"][0])
    assert subtitle_of(text) == "SGB II rate (%) \u00b7 2024"
    assert lines(text)[-1].startswith("Source: Jobcenter Musterkreis \u00b7 Data: 2024 \u00b7 ")
    # the parameters win over the record
    result = run_alg("exportmapsheets", params(layer, tmp_path / "given", FILTER=one, SOURCE=SOURCE, DATE=DATE))
    text = pdf_text(result["FILES"][0])
    assert lines(text)[-1].startswith("Source: {} \u00b7 Data: {} \u00b7 ".format(SOURCE, DATE))


def test_pdf_per_quartier_has_the_sheet_title_as_document_title(run_alg, layer, tmp_path):
    result = run_alg("exportmapsheets", params(layer, tmp_path, fmt=1, SOURCE=SOURCE, DATE=DATE,
                                               FILTER="\"quartier_id\" IN ('0105', '0107')"))
    assert result["COUNT"] == result["PAGES"] == 2
    titles = sorted(pdf_info(path)["Title"] for path in result["FILES"])
    assert titles == ["0105 Bahnhofsviertel \u00b7 Sozialmonitoring 2025",
                      "0107 Ölmühle: Ost \u00b7 Sozialmonitoring 2025"]


def test_value_and_rank_beside_the_title_match_a_hand_computation(run_alg, layer, tmp_path):
    values, ranks = hand_a1()
    result = run_alg("exportmapsheets", params(layer, tmp_path))
    pdf = result["FILES"][0]
    for page in range(1, 13):
        qid = "{:04d}".format(100 + page)
        head = lines(pdf_text(pdf, page))
        first, second = re.split(r"\s{2,}", head[0]), re.split(r"\s{2,}", head[1])
        name = NAMES[page - 1] if len(NAMES[page - 1]) <= 40 else NAMES[page - 1][:39] + "\u2026"
        assert first[0] == "{} {}".format(qid, name)
        if qid == "0104":  # suppressed: shown as such, never a number, no rank
            assert first[-1] == "SGB II rate: suppressed"
            assert not any(part.startswith("Rank ") for part in second)
            continue
        assert first[-1] == "SGB II rate: {:.1f} %".format(values[qid]), (qid, first)
        assert second[-1] == "Rank {} of 11".format(ranks[qid]), (qid, second)


def test_locator_map_shows_the_county_with_the_quartier_marked(layer, tmp_path):
    """A second map, not atlas-driven, over the whole layer; in the PNG of 0106 the locator shows 0106 red and the
    other quartiers grey, and on the sheet of 0101 the mark has moved."""
    from quartiersmonitor.mapsheets.layout import SheetLayout, export_sheets

    dpi = 100
    sheet = SheetLayout(QgsProject.instance(), layer, "quartier_id", "name",
                        filter_expression="\"quartier_id\" IN ('0101', '0106')")
    try:
        locator = next(i for i in sheet.layout.items() if isinstance(i, QgsLayoutItemMap) and i.id() == "locator")
        assert not locator.atlasDriven()
        assert locator is not sheet.map_item and sheet.map_item.atlasDriven()
        assert locator.extent().contains(layer.extent())
        assert locator.extent().width() < 1.2 * layer.extent().width() * max(
            1.0, locator.rect().width() / locator.rect().height() * layer.extent().height() / layer.extent().width())
        assert sheet.locator_layer is not None and locator.layers() == [sheet.locator_layer]
        assert "@atlas_featureid" in sheet.locator_layer.renderer().dump()
        paths = export_sheets(sheet, "png", str(tmp_path), dpi=dpi)
        extent_after = locator.extent()
    finally:
        sheet.teardown()
    assert extent_after.contains(layer.extent())  # the atlas never moved it
    features = {f["quartier_id"]: f for f in layer.getFeatures()}

    def colour_at(image, qid):
        centre = features[qid].geometry().centroid().asPoint()
        scene = locator.mapToScene(locator.mapToItemCoords(QgsPointXY(centre).toQPointF()))
        rgb = image.pixel(int(round(scene.x() * dpi / 25.4)), int(round(scene.y() * dpi / 25.4))) & 0xFFFFFF
        return (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF

    by_id = {path.split("/")[-1][:4]: QImage(path) for path in paths}
    red, grey = (190, 30, 30), (222, 222, 222)
    close = lambda a, b: all(abs(x - y) <= 6 for x, y in zip(a, b))  # noqa: E731
    assert close(colour_at(by_id["0106"], "0106"), red), colour_at(by_id["0106"], "0106")
    assert close(colour_at(by_id["0106"], "0101"), grey)
    assert close(colour_at(by_id["0101"], "0101"), red)
    assert close(colour_at(by_id["0101"], "0106"), grey)


def test_german_sheet_of_d1_per_100_and_legend_relabelled(qgis_new_project, tmp_path):
    """A layer styled headless in English shows D.1; the German sheet reads "je 100" (never "%"), German legend
    entries ("Gesperrt / keine Daten", the veil), German number format in the classes; the layer keeps its labels."""
    from quartiersmonitor.cartography.layer_record import ensure_indicator_style
    from quartiersmonitor.mapsheets.layout import SheetLayout, export_sheets

    layer = make_indicator_layer(extra=("D1",))
    assert QgsProject.instance().addMapLayer(layer)
    assert ensure_indicator_style(layer, "D1", "en") is not None
    labels_before = [r.label() for r in layer.renderer().ranges()]
    assert "Suppressed / no data" in labels_before
    assert any("." in label for label in labels_before[:-1])
    sheet = SheetLayout(QgsProject.instance(), layer, "quartier_id", "name", language="de",
                        filter_expression="\"quartier_id\" = '0102'", title="Sozialbericht", date=DATE)
    try:
        (pdf,) = export_sheets(sheet, "pdf_single", str(tmp_path), title="de")
    finally:
        sheet.teardown()
    text = pdf_text(pdf)
    flat = one_line(text)
    assert "Aging-Index (je 100)" in flat  # legend title and subtitle
    assert "Sozialbericht \u00b7 Aging-Index (je 100) \u00b7 31.12.2024" in flat
    assert "D.1 Aging-Index (je 100)" in flat  # profile table
    assert "Aging-Index (%)" not in flat and "(per 100)" not in flat
    # the quartier's value in German format with its unit: 100 * 43 / 45 = 95.6
    assert "Aging-Index: 95,6 je 100" in flat
    assert "Gesperrt / keine Daten" in flat and "Suppressed / no data" not in flat
    assert "Nachbarquartiere (aufgehellt)" in flat and "Quartier dieses Blatts" in flat
    german_classes = [label for label in labels_before[:-1]]
    for label in german_classes:
        lower, upper = label.split(" \u2013 ")
        german = "{} \u2013 {}".format(lower.replace(",", "\x00").replace(".", ",").replace("\x00", "."),
                                       upper.replace(",", "\x00").replace(".", ",").replace("\x00", "."))
        assert german in flat, (german, flat)
    assert [r.label() for r in layer.renderer().ranges()] == labels_before  # the layer is not changed


def test_custom_indicator_from_the_layer_catalog(run_alg, qgis_new_project, tmp_path):
    """A city's own indicator recorded in the layer's catalog: the sheet names it (title, value, table)."""
    from quartiersmonitor.cartography.layer_record import ensure_indicator_style, write_record
    from quartiersmonitor.indicators.catalog import load_catalog

    path = tmp_path / "catalog.json"
    path.write_text(json.dumps({"indicators": [
        {"id": "X.1", "name_en": "Playground access", "name_de": "Spielplatzversorgung", "domain": "housing",
         "numerator": "far_playground", "denominator": "pop_u15", "factor": 100}]}), encoding="utf-8")
    catalog = load_catalog(str(path))
    layer = make_indicator_layer(extra=("X1",))
    write_record(layer, catalog, ["A.1", "G.2", "X.1"], "quantile", 3, {}, {}, 3, 300, source="Stadt", year=2023)
    assert QgsProject.instance().addMapLayer(layer)
    assert ensure_indicator_style(layer, "X1", "en") is not None
    result = run_alg("exportmapsheets", params(layer, tmp_path / "out", FILTER="\"quartier_id\" = '0102'"))
    text = one_line(pdf_text(result["FILES"][0]))
    # X1 of quartier index 1 like G2: 100000 * 2 / 910 = 219.8; the layer records 1 decimal
    assert "Playground access: 219.8 %" in text
    assert "Sozialmonitoring 2025 \u00b7 Playground access (%) \u00b7 2023" in text
    assert "X.1 Playground access (%)" in text
    assert "Source: Stadt \u00b7 Data: 2023" in text


def test_rates_per_100000_with_the_recorded_decimals(run_alg, layer, tmp_path):
    """G.2 (per 100,000) keeps the decimals the layer records (issue 10): 100000 * 2 / 910 = 219.78 → 219.8."""
    from quartiersmonitor.cartography import layer_record

    one = "\"quartier_id\" = '0102'"
    plain = one_line(pdf_text(run_alg("exportmapsheets", params(layer, tmp_path / "a", FILTER=one))["FILES"][0]))
    # the G.2 row: quartier, municipality (4.5), county (180.5)
    assert " 220 4 180 " in plain  # no record: the engine's 0 decimals
    layer.setCustomProperty(layer_record.DECIMALS, 1)
    recorded = one_line(pdf_text(run_alg("exportmapsheets", params(layer, tmp_path / "b", FILTER=one))["FILES"][0]))
    assert " 219.8 4.5 180.5 " in recorded and " 220 4 180 " not in recorded


def _rects(sheet):
    return {i.id(): i.sceneBoundingRect() for i in sheet.layout.items() if isinstance(i, QgsLayoutItem) and i.id()}


def test_bundled_layout_uses_the_page_without_overlaps(layer):
    """Every item of the bundled sheet inside the page; no two items overlap except scale bar and north arrow, which
    lie inside the map's frame (not floating beside it); the spine chart picture stands right beside the profile
    table, as high as the table's rows; each quarter of the page is mostly covered."""
    from quartiersmonitor.mapsheets.layout import SheetLayout

    sheet = SheetLayout(QgsProject.instance(), layer, "quartier_id", "name")
    try:
        assert sheet.begin() == 12
        page = sheet.layout.pageCollection().page(0).rect()
        for index in (0, 9):  # 0110: the longest name
            assert sheet.atlas.seekTo(index)
            sheet.layout.refresh()
            rects = _rects(sheet)
            assert {"map", "locator", "legend", "scalebar", "north_arrow", "title", "subtitle", "value", "source",
                    "profile_table", "profile_spines", "spine_legend"} <= set(rects)
            for name, rect in rects.items():
                assert page.contains(rect.adjusted(0.5, 0.5, -0.5, -0.5)), (name, rect)
            for name in ("scalebar", "north_arrow"):
                assert rects["map"].contains(rects[name]), name
            table, spines = rects["profile_table"], rects["profile_spines"]
            assert abs(spines.left() - table.right()) < 1e-6 and abs(spines.top() - table.top()) < 1e-6
            assert spines.bottom() <= table.bottom()
            free = {name: rect for name, rect in rects.items() if name not in ("scalebar", "north_arrow")}
            names = sorted(free)
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    overlap = free[a].intersected(free[b])
                    assert overlap.isEmpty() or overlap.width() * overlap.height() < 0.01, (a, b, overlap)
        # the page is used: each quarter of the area inside the 10 mm margins is at least 60 % covered by items
        inner = page.adjusted(10, 10, -10, -10)
        half_w, half_h = inner.width() / 2, inner.height() / 2
        rects = [r for name, r in _rects(sheet).items() if name not in ("scalebar", "north_arrow")]
        for qx in (0, 1):
            for qy in (0, 1):
                quarter = inner.adjusted(qx * half_w, qy * half_h, (qx - 1) * half_w, (qy - 1) * half_h)
                covered = sum(r.intersected(quarter).width() * r.intersected(quarter).height() for r in rects)
                assert covered >= 0.6 * quarter.width() * quarter.height(), (qx, qy, covered)
    finally:
        sheet.atlas.endRender()
        sheet.teardown()


def test_help_names_the_new_parameters_and_the_errors(provider):
    help_text = provider.algorithm("exportmapsheets").shortHelpString()
    for words in ("Source", "Data date", "not stated", "Only quartiers matching", "unique, non-empty id",
                  "Number of sheets", "'locator'", "'value'", "@qm_data_date"):
        assert words in help_text, words


def test_features_of_the_test_layer_are_as_the_hand_computation_assumes(layer):
    """Guards the oracle above: the layer's A1 values are the formula's (so the hand ranks are independent)."""
    values, _ranks = hand_a1()
    got = {f["quartier_id"]: f["A1"] for f in layer.getFeatures(QgsFeatureRequest())}
    assert {k: v for k, v in got.items() if k != "0104"} == values
