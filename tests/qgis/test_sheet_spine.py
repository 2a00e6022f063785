"""Spine charts in the map sheet's profile table (issue 16, point 5), read back from real exports.

The test layer's A.1 values are set by hand: quartier index i has 2 * i (0 ... 22), the county 10; index 3 (0104)
is suppressed although its value (6) and significance (+1) are in the layer. Published values: 0, 2, 4, 8 ... 22,
so the spine's half-width is max(10 - 0, 22 - 10) = 12 and, A.1 having polarity +1 (high = more need, drawn on the
left), a value x lies at 0.5 - (x - 10) / 24 of the bar: 0109 (16, significantly above) at 0.25, red; the
bar's left end is 22 (position 0), its right end 0 (position 0.9167).

Where the rows are, by hand from the bundled template (table frame at x 145, y 77 mm; cell margin 0.8, grid 0.1;
column widths 46, 14, 16, 11, 12, 5; the spine picture 27.7 wide) and the row heights the sheet sets (one line:
2.9 mm): the table is 104 + 6 * 1.6 + 7 * 0.1 = 114.3 wide, so the spine column's cells start at 259.3 and are
27.6 wide up to the right grid line (centre 273.1); the headings row's cell spans 77.1 ... 81.6, then the A.1 row
81.7 ... 86.2 and the G.2 row 86.3 ... 90.8. ``pdftotext -bbox`` confirms where QGIS put each row's text, and the
table's grid lines in the picture continue QGIS's.
"""

import re
import subprocess

import pytest
from mapsheet_data import make_indicator_layer
from qgis.core import QgsProject
from qgis.PyQt.QtGui import QColor, QImage

PT = 25.4 / 72.0  # mm per PDF point
SPINE_LEFT, SPINE_WIDTH = 259.3, 27.6
ROWS = {"A.1": (81.7, 86.2), "G.2": (86.3, 90.8)}  # cell y ranges (mm)
RED = (0xC0, 0x28, 0x2C)
DPI = 150  # exportmapsheets' PNGs; the PDF is rendered at the same resolution


@pytest.fixture()
def layer(qgis_new_project):
    lyr = make_indicator_layer()
    fields = lyr.fields()
    changes = {}
    for feature in lyr.getFeatures():
        index = int(feature["quartier_id"]) - 101
        values = {"A1": 2.0 * index, "A1_county": 10.0, "A1_flag": "ok", "A1_sig": 0}
        if index == 3:
            values.update({"A1_flag": "suppressed_count", "A1_sig": 1})  # hidden: value and sig must not show
        if index == 8:
            values["A1_sig"] = 1
        changes[feature.id()] = {fields.indexOf(name): value for name, value in values.items()}
    assert lyr.dataProvider().changeAttributeValues(changes)
    assert QgsProject.instance().addMapLayer(lyr)
    return lyr


def params(lyr, folder, fmt, quartiers, **extra):
    base = {"INPUT": lyr, "QUARTIER_ID": "quartier_id", "QUARTIER_NAME": "name", "TITLE": "Profiles", "FORMAT": fmt,
            "OUTPUT_FOLDER": str(folder),
            "FILTER": "\"quartier_id\" IN ({})".format(", ".join("'{}'".format(q) for q in quartiers))}
    base.update(extra)
    return base


def pixels(image, x0, x1, y0, y1, wanted, tolerance=40):
    """(x, y) in mm of the pixels of ``image`` (an A4 landscape page) in the box x0..x1, y0..y1 mm close to the
    colour ``wanted``."""
    per_mm = DPI / 25.4
    out = []
    for py in range(int(y0 * per_mm), int(y1 * per_mm) + 1):
        for px in range(int(x0 * per_mm), int(x1 * per_mm) + 1):
            rgb = image.pixel(px, py)
            colour = ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
            if all(abs(a - b) <= tolerance for a, b in zip(colour, wanted)):
                out.append(((px + 0.5) / per_mm, (py + 0.5) / per_mm))
    return out


def mean(values):
    values = list(values)
    return sum(values) / len(values)


def check_spine_cell(image, marked):
    """The A.1 row's spine cell of ``image``: the centre line black in the middle of the cell; the red marker (when
    ``marked``) midway between the bar's left end (position 0) and the centre line (position 0.5), i.e. at 0.25,
    vertically in the row; without ``marked`` not one red pixel, but the bar is drawn."""
    top, bottom = ROWS["A.1"]
    middle = (top + bottom) / 2
    # inside the cell, clear of its grid lines
    dark = pixels(image, SPINE_LEFT + 0.4, SPINE_LEFT + SPINE_WIDTH - 0.4, top + 0.3, bottom - 0.3, (0, 0, 0),
                  tolerance=70)
    assert dark, "no centre line"
    centre_x = mean(x for x, _y in dark)
    # (poppler snaps thin lines to whole pixels, 1/6 mm here)
    assert abs(centre_x - (SPINE_LEFT + SPINE_WIDTH / 2)) < 0.4, centre_x
    assert max(x for x, _y in dark) - min(x for x, _y in dark) < 0.8  # a line, nothing else black
    # the bar (light grey, or the darker band) along the row's middle: its left end is position 0
    per_mm = DPI / 25.4
    py = int(middle * per_mm)
    drawn = [px for px in range(int((SPINE_LEFT + 0.4) * per_mm), int(centre_x * per_mm))
             if min(QColor(image.pixel(px, py)).getRgb()[:3]) < 240]
    assert drawn, "no bar"
    bar_left = (min(drawn) + 0.5) / per_mm
    # the grid line between the A.1 and G.2 rows continues through the spine column (centred at 86.25)
    # (0.1 mm is 0.6 pixel: antialiased grey; nothing else is drawn there)
    grid = [y for _x, y in pixels(image, 279.9, 280.1, bottom - 0.6, bottom + 0.7, (0, 0, 0), tolerance=215)]
    assert grid and abs(mean(grid) - (bottom + 0.05)) < 0.35, grid
    red = pixels(image, SPINE_LEFT, SPINE_LEFT + SPINE_WIDTH, top, bottom, RED)
    if not marked:
        assert not red, red[:5]
        return
    assert len(red) > 10
    marker_x, marker_y = mean(x for x, _y in red), mean(y for _x, y in red)
    assert abs(marker_x - (bar_left + centre_x) / 2) < 0.35, (marker_x, bar_left, centre_x)
    assert top < marker_y < bottom and abs(marker_y - middle) < 0.3, (marker_y, top, bottom)


def bbox_words(pdf, page):
    """Words of a PDF page with their boxes in mm (``pdftotext -bbox``)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    words = []
    for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             html):
        x0, y0, x1, y1 = (float(v) * PT for v in match.groups()[:4])
        words.append((match.group(5), x0, y0, x1, y1))
    return words


def test_spines_in_pdf_and_png_at_the_hand_computed_places(run_alg, layer, tmp_path):
    quartiers = ("0104", "0109")
    pdf = run_alg("exportmapsheets", params(layer, tmp_path / "pdf", 0, quartiers))["FILES"][0]
    pngs = run_alg("exportmapsheets", params(layer, tmp_path / "png", 2, quartiers))["FILES"]
    by_id = {path.split("/")[-1][:4]: path for path in pngs}
    # the PDF rendered by poppler, and QGIS's own PNG: the same picture
    for page, qid in enumerate(quartiers, start=1):
        out = str(tmp_path / "page{}".format(page))
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile", pdf, out],
                       check=True)
        for path in (out + ".png", by_id[qid]):
            image = QImage(path)
            assert not image.isNull() and image.width() > 1700, path
            check_spine_cell(image, marked=qid == "0109")
    # rows aligned: each row's indicator label lies in the row's cell; the table's text is still text
    for page in (1, 2):
        words = bbox_words(pdf, page)
        for label, (top, bottom) in ROWS.items():
            box = next(w for w in words if w[0] == label and 145 < w[1] < 150)
            assert top < box[2] < box[4] < bottom, (label, box)
        heading = next(w for w in words if w[0] == "Indicator")
        assert 77.1 < heading[2] < heading[4] < 81.6, heading  # the headings: the first row, sheet-made height
    text = " ".join(subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", pdf, "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    # 0109 (Adorf: 4.5): A.1 16.0, county 10.0, rank 4 of 11 (22, 20, 18, 16 from the top), ▲
    assert "A.1 SGB II rate (%) 16.0 4.5 10.0 4/11 \u25b2" in text, text
    assert "Indicator Quartier Municipality County Rank Sig. A.1 " in text
    page1 = " ".join(subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"], capture_output=True,
                                    text=True, check=True).stdout.split())
    # 0104 (Bstadt: 6.25): suppressed, no rank, and no significance mark although the layer holds +1
    assert "A.1 SGB II rate (%) suppressed 6.2 10.0 \u2013 G.2 " in page1, page1
    assert "Spine chart: grey bar = range of the quartiers" in page1  # the key below the table


def test_own_template_without_the_spine_picture_keeps_six_columns(run_alg, layer, tmp_path):
    """The bundled template without its ``profile_spines`` picture: QGIS's own header, six columns, no key."""
    from qgis.core import QgsReadWriteContext

    from quartiersmonitor.mapsheets.layout import load_template

    layout = load_template(QgsProject.instance())
    for item in list(layout.items()):
        if getattr(item, "id", lambda: "")() == "profile_spines":
            layout.removeLayoutItem(item)
    path = str(tmp_path / "no_spines.qpt")
    assert layout.saveAsTemplate(path, QgsReadWriteContext())
    pdf = run_alg("exportmapsheets", params(layer, tmp_path / "out", 0, ("0109",), TEMPLATE=path))["FILES"][0]
    text = " ".join(subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Indicator Quartier Municipality County Rank Sig. A.1 " in text
    assert "Spine" not in text  # no seventh column, no key
    assert "A.1 SGB II rate (%) 16.0 4.5 10.0 4/11 \u25b2" in text
    words = bbox_words(pdf, 1)
    header = next(w for w in words if w[0] == "Indicator")
    assert 77 < header[2] < 82  # QGIS's header row at the top of the frame
