"""``quartiersmonitor:exportmapsheets``: real layout exports read back with poppler (pdfinfo / pdftotext) and Qt."""

import math
import os
import re
import subprocess

import pytest
from mapsheet_data import NAMES, make_indicator_layer
from qgis.core import QgsFeatureRequest, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtGui import QColor, QImage

SAFE_FILE = re.compile(r"^[A-Za-z0-9_-]+\.(pdf|png)$")


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def pdf_text(path, page):
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), path, "-"],
                          capture_output=True, text=True, check=True).stdout


def first_line(text):
    return next(line.strip() for line in text.splitlines() if line.strip())


def title_of(text):
    """The sheet's title: the first line's left part (the quartier's value and rank stand on its right)."""
    return re.split(r"\s{2,}", first_line(text))[0]


@pytest.fixture()
def layer(qgis_new_project):
    from qgis.core import QgsProject

    lyr = make_indicator_layer()
    assert QgsProject.instance().addMapLayer(lyr)
    return lyr


def expected_profiles(lyr):
    """The engine's own profile of every quartier, by id (what the sheets must show)."""
    from quartiersmonitor.indicators.catalog import load_catalog
    from quartiersmonitor.indicators.profile import profile_from_row
    from quartiersmonitor.mapsheets.layout import feature_row, sheet_language

    catalog = load_catalog()
    rows = [feature_row(f) for f in lyr.getFeatures(QgsFeatureRequest())]
    return {r["quartier_id"]: profile_from_row(r, catalog, sheet_language(), all_rows=rows) for r in rows}


def params(lyr, folder, fmt=0, **extra):
    base = {"INPUT": lyr, "QUARTIER_ID": "quartier_id", "QUARTIER_NAME": "name", "TITLE": "Sozialmonitoring 2025",
            "FORMAT": fmt, "OUTPUT_FOLDER": str(folder)}
    base.update(extra)
    return base


def test_algorithm_metadata(provider):
    alg = provider.algorithm("exportmapsheets")
    assert alg is not None
    assert alg.groupId() == "maps"
    assert alg.flags() & QgsProcessingAlgorithm.FlagNoThreading
    assert "atlas" in alg.shortHelpString()
    names = [p.name() for p in alg.parameterDefinitions()]
    assert names == ["INPUT", "QUARTIER_ID", "QUARTIER_NAME", "FILTER", "TEMPLATE", "TITLE", "SOURCE", "DATE",
                     "FORMAT", "OUTPUT_FOLDER"]
    for name in ("QUARTIER_NAME", "FILTER", "TEMPLATE", "SOURCE", "DATE"):
        assert alg.parameterDefinition(name).flags() & alg.parameterDefinition(name).FlagOptional
    assert [o.name() for o in alg.outputDefinitions()] == ["OUTPUT_FOLDER", "COUNT", "PAGES", "FILES"]


def test_single_pdf_one_page_per_quartier_titled_with_its_name(run_alg, layer, tmp_path):
    result = run_alg("exportmapsheets", params(layer, tmp_path))
    assert result["COUNT"] == 1
    pdf = result["FILES"][0]
    assert os.path.dirname(pdf) == str(tmp_path)
    assert os.listdir(str(tmp_path)) == ["Sozialmonitoring_2025.pdf"]
    assert pdf_pages(pdf) == 12
    profiles = expected_profiles(layer)
    ids = sorted(profiles)
    for page, qid in enumerate(ids, start=1):
        text = pdf_text(pdf, page)
        index = int(qid) - 101
        title = title_of(text)
        # "0101 Altstadt": the id, then the name (very long names shortened to 40 characters with "…")
        name = NAMES[index] if len(NAMES[index]) <= 40 else NAMES[index][:39] + "\u2026"
        assert title == "{} {}".format(qid, name), title
        assert "((" not in text and "))" not in text
        # The indicator shown and the engine's values for this quartier, municipality and county.
        assert "SGB II" in text
        for row in profiles[qid]:
            assert row.display in text, (qid, row.id, row.display)
            if row.rank is not None:
                assert "{}/{}".format(row.rank, row.n_ranked) in text
    # Neighbours are labelled with their name (0105 and 0107 beside 0106); the quartier of the sheet only in its title.
    page_0106 = pdf_text(pdf, 6)
    assert "Bahnhofsviertel" in page_0106 and "Ölmühle: Ost" in page_0106
    assert page_0106.count("Äußere Neustadt") == 1
    # The suppressed value of quartier 0104 reads as suppressed, never as a number.
    suppressed = pdf_text(pdf, 4)
    a1 = next(r for r in profiles["0104"] if r.id == "A.1")
    assert a1.flag.startswith("suppressed")
    assert a1.display in suppressed


def test_filter_limits_the_sheets(run_alg, layer, tmp_path):
    result = run_alg("exportmapsheets", params(layer, tmp_path, FILTER="\"quartier_id\" IN ('0105', '0107')"))
    pdf = result["FILES"][0]
    assert pdf_pages(pdf) == 2
    assert title_of(pdf_text(pdf, 1)) == "0105 Bahnhofsviertel"
    assert title_of(pdf_text(pdf, 2)) == "0107 Ölmühle: Ost"
    assert result["PAGES"] == 2 and result["COUNT"] == 1


def test_pdf_per_quartier_hostile_names_stay_safe_inside_the_folder(run_alg, layer, tmp_path):
    out = tmp_path / "sheets"
    result = run_alg("exportmapsheets", params(layer, out, fmt=1))
    files = result["FILES"]
    assert result["COUNT"] == 12 == len(files) == result["PAGES"]
    assert sorted(os.listdir(str(out))) == sorted(os.path.basename(f) for f in files)  # no temp folder left
    assert sorted(os.listdir(str(tmp_path))) == ["sheets"]  # nothing escaped the folder
    for path in files:
        name = os.path.basename(path)
        assert os.path.dirname(path) == os.path.realpath(str(out))
        assert SAFE_FILE.match(name), name
        assert len(name) <= 84
        assert pdf_pages(path) == 1
    names = {os.path.basename(f) for f in files}
    assert "0102_Nord_Sued.pdf" in names
    assert "0103_etc_passwd.pdf" in names
    assert "0106_Aeussere_Neustadt.pdf" in names
    by_id = {os.path.basename(f)[:4]: f for f in files}
    assert title_of(pdf_text(by_id["0102"], 1)) == "0102 Nord/Süd"


def test_png_page_is_not_blank(run_alg, layer, tmp_path):
    result = run_alg("exportmapsheets", params(layer, tmp_path, fmt=2, FILTER="\"quartier_id\" = '0106'"))
    assert result["COUNT"] == 1
    image = QImage(result["FILES"][0])
    assert not image.isNull()
    assert image.width() > image.height() > 1000  # A4 landscape at 150 dpi
    step = 7
    colours, non_white, total = set(), 0, 0
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            non_white += rgb != 0xFFFFFF
            total += 1
    assert len(colours) > 10
    assert non_white / total > 0.2  # the map alone covers about 45 % of the page


def _mode_colour(image, points):
    """The most frequent RGB of ``image`` at ``points`` (labels and borders on a few of them do not matter)."""
    counts = {}
    for x, y in points:
        rgb = image.pixel(int(round(x)), int(round(y))) & 0xFFFFFF
        counts[rgb] = counts.get(rgb, 0) + 1
    rgb = max(counts, key=counts.get)
    return (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF


def _over_white(color):
    """A styled symbol colour as drawn on the white map background."""
    alpha = color.alpha() / 255.0
    return tuple(channel * alpha + 255 * (1 - alpha) for channel in (color.red(), color.green(), color.blue()))


def test_png_neighbours_recede_but_keep_their_class(layer, tmp_path):
    """Sheet of 0106 as PNG: the quartier in its full class colour, its neighbours under a light wash that keeps
    their legend colour's hue (classes still differ; not one opaque veil colour), and margin enough around it for
    the neighbours to show."""
    from qgis.core import NULL, QgsPointXY, QgsProject

    from quartiersmonitor.mapsheets.layout import VEIL_COLOR, SheetLayout, export_sheets

    dpi = 100
    sheet = SheetLayout(QgsProject.instance(), layer, "quartier_id", "name",
                        filter_expression="\"quartier_id\" = '0106'")
    try:
        (path,) = export_sheets(sheet, "png", str(tmp_path), dpi=dpi)
        image = QImage(path)
        map_item = sheet.map_item
        extent = map_item.extent()
        (bar,) = sheet.fit_scale_bars
        segment = bar.unitsPerSegment()
        segment_mm = segment * bar.mapUnitsPerScaleBarUnit() * map_item.rect().width() / extent.width()
        bar_mm = segment_mm * bar.numberOfSegments()
    finally:
        sheet.teardown()
    # The scale bar: round segments (1, 2, 2.5 or 5 × 10^k), the bar within the template's 20-45 mm.
    assert segment / 10 ** math.floor(math.log10(segment)) in (1, 2, 2.5, 5), segment
    assert 20 - 1e-6 <= bar_mm <= 45 + 1e-6, bar_mm
    features = {f["quartier_id"]: f for f in layer.getFeatures()}
    focus_box = features["0106"].geometry().boundingBox()
    # Generous margin: the quartier takes at most about half of the map's width and height.
    assert extent.contains(focus_box)
    assert focus_box.width() <= 0.55 * extent.width() and focus_box.height() <= 0.55 * extent.height()

    def pixels(qid):
        """A grid of pixels over the visible part of quartier ``qid`` (inset from its borders)."""
        box = features[qid].geometry().boundingBox().intersect(extent)
        points = []
        for i in range(1, 10):
            for j in range(1, 10):
                x = box.xMinimum() + box.width() * (0.1 + 0.8 * i / 10)
                y = box.yMinimum() + box.height() * (0.1 + 0.8 * j / 10)
                scene = map_item.mapToScene(map_item.mapToItemCoords(QgsPointXY(x, y).toQPointF()))
                points.append((scene.x() * dpi / 25.4, scene.y() * dpi / 25.4))
        return points

    ranges = layer.renderer().ranges()  # graduated on coalesce("A1", -1) (mapsheet_data.graduated)

    def class_colour(qid):
        value = features[qid]["A1"]
        value = -1 if value is None or value == NULL else value
        symbol = next(r.symbol() for r in ranges if r.lowerValue() <= value <= r.upperValue())
        return _over_white(symbol.color())

    styled = {qid: class_colour(qid) for qid in ("0106", "0102", "0110")}
    assert styled["0102"] != styled["0110"]  # the two neighbours are of different classes
    shown = {qid: _mode_colour(image, pixels(qid)) for qid in styled}
    # The quartier of the sheet in its full class colour.
    assert all(abs(a - b) <= 3 for a, b in zip(shown["0106"], styled["0106"])), (shown, styled)
    # The neighbours differ as their classes do (an opaque veil would make them one colour).
    assert max(abs(a - b) for a, b in zip(shown["0102"], shown["0110"])) >= 15, shown  # veil of 0.8: 10
    # ... lighter: their class colour under the light white veil, lighter than the quartier's own, same hue.
    veil_alpha = int(VEIL_COLOR.split(",")[3]) / 255.0
    for qid in ("0102", "0110"):
        washed = tuple(c * (1 - veil_alpha) + 255 * veil_alpha for c in styled[qid])
        assert all(abs(a - b) <= 4 for a, b in zip(shown[qid], washed)), (qid, shown[qid], washed)
        assert sum(shown[qid]) > sum(styled[qid]) + 0.3 * (765 - sum(styled[qid]))
        hue_shown = QColor(*[int(round(c)) for c in shown[qid]]).hsvHue()
        hue_styled = QColor(*[int(round(c)) for c in styled[qid]]).hsvHue()
        assert abs(hue_shown - hue_styled) <= 3, (qid, hue_shown, hue_styled)
    assert 0.3 <= veil_alpha <= 0.45


def test_nice_scale_bar_segments():
    from quartiersmonitor.mapsheets.layout import nice_segment

    assert nice_segment(430, 960) == 500
    assert nice_segment(180, 405) == 200
    assert nice_segment(900, 2025) == 1000
    assert nice_segment(2100, 2400) is None  # no round number in the range: QGIS's own fit
    assert nice_segment(0.0, 1.0) is None


def test_unwritable_folder_is_a_clear_error(run_alg, layer, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    with pytest.raises(QgsProcessingException) as info:
        run_alg("exportmapsheets", params(layer, blocker / "sheets", fmt=1))
    assert str(blocker / "sheets") in str(info.value)
    assert "Traceback" not in str(info.value)
    assert sorted(os.listdir(str(tmp_path))) == ["a_file"]


def test_proc_folder_is_a_clear_error(run_alg, layer):
    with pytest.raises(QgsProcessingException) as info:
        run_alg("exportmapsheets", params(layer, "/proc/quartiersmonitor_sheets"))
    assert "/proc/quartiersmonitor_sheets" in str(info.value)


def test_cancel_leaves_no_partial_output(run_alg, layer, tmp_path):
    class CancelAfterFirstSheet(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(self._maybe_cancel)

        def _maybe_cancel(self, progress):
            if progress > 0:
                self.cancel()

    feedback = CancelAfterFirstSheet()
    with pytest.raises(QgsProcessingException):
        run_alg("exportmapsheets", params(layer, tmp_path, fmt=1), feedback=feedback)
    assert feedback.isCanceled()
    assert os.listdir(str(tmp_path)) == []


def test_bad_template_and_bad_filter_are_clear_errors(run_alg, layer, tmp_path):
    bad = tmp_path / "broken.qpt"
    bad.write_text("<Layout><oops")
    with pytest.raises(QgsProcessingException) as info:
        run_alg("exportmapsheets", params(layer, tmp_path / "out", TEMPLATE=str(bad)))
    assert "broken.qpt" in str(info.value)
    with pytest.raises(QgsProcessingException):
        run_alg("exportmapsheets", params(layer, tmp_path / "out2", FILTER="\"quartier_id\" = 'nowhere'"))
    assert sorted(os.listdir(str(tmp_path))) == ["broken.qpt", "out2"]
    assert os.listdir(str(tmp_path / "out2")) == []


def test_users_own_template(run_alg, layer, tmp_path):
    """A user's template without our table or labels still gives one sheet per quartier."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemMap, QgsPrintLayout, QgsProject, QgsReadWriteContext

    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.addLayoutItem(QgsLayoutItemMap(layout))
    label = QgsLayoutItemLabel(layout)
    label.setText("Own template: [% \"name\" %]")
    label.adjustSizeToText()
    layout.addLayoutItem(label)
    path = str(tmp_path / "own.qpt")
    assert layout.saveAsTemplate(path, QgsReadWriteContext())
    result = run_alg("exportmapsheets", params(layer, tmp_path / "out", TEMPLATE=path,
                                               FILTER="\"quartier_id\" IN ('0101', '0109')"))
    pdf = result["FILES"][0]
    assert pdf_pages(pdf) == 2
    assert "Own template: Lindenhof" in pdf_text(pdf, 2)


def test_sheets_of_a_real_calculateindicators_layer(provider, tmp_path):
    """The chain as a user runs it: calculateindicators (loaded and styled), then exportmapsheets on its layer."""
    import importlib.util

    from qgis import processing
    from qgis.core import QgsProject

    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(
        "indicators_alg_build_sheets", os.path.join(os.path.dirname(here), "data", "indicators_alg", "build.py"))
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    from quartiersmonitor.indicators.catalog import load_catalog

    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    out = str(tmp_path / "indicators.gpkg")
    order = load_catalog().ids()
    processing.runAndLoadResults("quartiersmonitor:calculateindicators", {
        "QUARTIERS": q, "QUARTIER_ID": "quartier_id", "DATA": c, "DATA_ID": "quartier_id",
        "INDICATORS": [order.index(i) for i in ("A.1", "A.2", "A.4")], "MUNICIPALITY_FIELD": "municipality_id",
        "OUTPUT": out})
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(out)]
    assert len(layers) == 1
    lyr = layers[0]
    try:
        result = processing.run("quartiersmonitor:exportmapsheets", {
            "INPUT": lyr, "QUARTIER_ID": "quartier_id", "TITLE": "Chain", "FORMAT": 0,
            "OUTPUT_FOLDER": str(tmp_path / "sheets")})
        pdf = result["FILES"][0]
        assert pdf_pages(pdf) == lyr.featureCount() == 9
        profiles = expected_profiles(lyr)
        for page, qid in enumerate(sorted(profiles), start=1):
            text = pdf_text(pdf, page)
            assert title_of(text) == qid
            assert "SGB II" in text  # the indicator of the current style (the first one)
            for row in profiles[qid]:
                assert row.display in text, (qid, row.id, row.display)
        # Q03: A.1 suppressed (2 cases); Q04: everything suppressed (250 residents)
        q04 = pdf_text(pdf, 4)
        assert all(row.flag.startswith("suppressed") for row in profiles["Q04"])
        assert q04.count(profiles["Q04"][0].display) >= 3
    finally:
        QgsProject.instance().removeMapLayer(lyr.id())


@pytest.mark.parametrize("shape", ["tall", "wide", "tiny"])
def test_map_frame_keeps_its_place_for_any_quartier_shape(layer, shape):
    """A tall (60 × 4,000 m), a wide (6,000 × 80 m) or a tiny (5 × 5 m) quartier as the first sheet: every item stays
    on the page, the map frame keeps the template's place and size on that sheet and the next ones (the extent
    adapts to it), no items overlap (scale bar and north arrow inside the map), and the quartier lies inside the
    map's extent."""
    from qgis.core import QgsGeometry, QgsLayoutItem, QgsLayoutItemMap, QgsProject, QgsRectangle

    from quartiersmonitor.mapsheets.layout import SheetLayout

    box = {"tall": QgsRectangle(400000, 5600000, 400060, 5604000),
           "wide": QgsRectangle(400000, 5600000, 406000, 5600080),
           "tiny": QgsRectangle(400000, 5600000, 400005, 5600005)}[shape]
    fid = next(f.id() for f in layer.getFeatures() if f["quartier_id"] == "0101")
    assert layer.dataProvider().changeGeometryValues({fid: QgsGeometry.fromRect(box)})
    sheet = SheetLayout(QgsProject.instance(), layer, "quartier_id", "name",
                        filter_expression="\"quartier_id\" IN ('0101', '0102', '0103')")
    try:
        template_map = next(i for i in sheet.layout.items() if isinstance(i, QgsLayoutItemMap) and i.id() == "map")
        frame = template_map.sceneBoundingRect()
        assert sheet.begin() == 3
        page = sheet.layout.pageCollection().page(0).rect()
        for index in range(3):
            assert sheet.atlas.seekTo(index)
            sheet.layout.refresh()
            items = {i.id(): i for i in sheet.layout.items() if isinstance(i, QgsLayoutItem) and i.id()}
            for name, item in items.items():
                rect = item.sceneBoundingRect()
                assert page.contains(rect.adjusted(0.5, 0.5, -0.5, -0.5)), (shape, index, name, rect)
            map_rect = items["map"].sceneBoundingRect()
            assert all(abs(a - b) < 1e-6 for a, b in zip(map_rect.getRect(), frame.getRect())), (shape, index)
            assert not items["source"].sceneBoundingRect().intersects(map_rect)
            # no two items overlap, except scale bar and north arrow, which lie inside the map's frame
            for name in ("scalebar", "north_arrow"):
                assert map_rect.contains(items[name].sceneBoundingRect()), (shape, index, name)
            free = sorted(name for name in items if name not in ("scalebar", "north_arrow"))
            for i, first in enumerate(free):
                for second in free[i + 1:]:
                    overlap = items[first].sceneBoundingRect().intersected(items[second].sceneBoundingRect())
                    assert overlap.width() * overlap.height() < 0.01, (shape, index, first, second)
            quartier = sheet.current_feature().geometry().boundingBox()
            assert items["map"].extent().contains(quartier), (shape, index)
    finally:
        sheet.atlas.endRender()
        sheet.teardown()
