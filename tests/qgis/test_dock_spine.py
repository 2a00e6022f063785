"""The dock profile's spine column (ui/profile_view.SpineDelegate): the table rendered to an image, pixels read
at the places computed by hand from the values."""

from unittest import mock

import pytest
from mapsheet_data import make_indicator_layer
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QItemSelectionModel
from qgis.PyQt.QtGui import QColor

RED = QColor("#c0282c")
GREY = QColor("#9a9a9a")


def _near(colour, expected, tol=40):
    return max(abs(colour.red() - expected.red()), abs(colour.green() - expected.green()),
               abs(colour.blue() - expected.blue())) <= tol


def _rows():
    """Five quartiers; A1 (need, polarity +1) 10, 1, 3, 2, 4 with county 4; G2 (polarity +1) of the first
    suppressed; D1 (context) as A1."""
    a1 = [10, 1, 3, 2, 4]
    g2 = [500, 100, 200, 300, 400]
    rows = []
    for i in range(5):
        rows.append({
            "quartier_id": "{:04d}".format(i + 1),
            "A1": a1[i], "A1_flag": "ok", "A1_county": 4.0, "A1_sig": 1 if i == 0 else 0,
            "G2": None if i == 0 else g2[i], "G2_flag": "suppressed" if i == 0 else "ok", "G2_county": 300.0,
            "G2_sig": 1 if i == 0 else 0,
            "D1": a1[i], "D1_flag": "ok", "D1_county": 4.0, "D1_sig": 1 if i == 0 else 0,
        })
    return rows


@pytest.fixture()
def table(qgis_new_project):
    from quartiersmonitor.indicators.catalog import load_catalog
    from quartiersmonitor.indicators.profile import profile_from_row, published_values
    from quartiersmonitor.mapsheets.profile_cells import profile_cells
    from quartiersmonitor.mapsheets.spine import profile_spines
    from quartiersmonitor.ui.profile_view import new_profile_table, show_profile

    full = load_catalog()
    catalog = {k: full[k] for k in ("A.1", "G.2", "D.1")}
    assert (catalog["A.1"].polarity, catalog["G.2"].polarity, catalog["D.1"].polarity) == (1, 1, 0)
    rows = _rows()
    values = published_values(rows, catalog)
    profile = profile_from_row(rows[0], catalog, "en", rank_values=values)
    widget = new_profile_table(None)
    widget.resize(700, 300)
    show_profile(widget, profile, profile_cells(profile, "en", catalog), catalog, "en",
                 spines=profile_spines(profile, catalog, values))
    widget.show()
    QCoreApplication.processEvents()
    yield widget
    widget.close()
    widget.deleteLater()


def _cell(table, row):
    from quartiersmonitor.ui.profile_view import SPINE_COLUMN

    return table.visualRect(table.model().index(row, SPINE_COLUMN))


def test_spine_pixels(table):
    from quartiersmonitor.ui.profile_view import SPINE_MARGIN

    image = table.viewport().grab().toImage()
    # row 0, A.1 = 10, the worst value, high is worse: the marker at the left end of the bar, red (sig +1)
    rect = _cell(table, 0)
    cy = rect.top() + rect.height() // 2
    inner = rect.width() - 2 * SPINE_MARGIN
    x_marker = rect.left() + SPINE_MARGIN
    assert _near(image.pixelColor(x_marker + 1, cy), RED)
    # the band, 4 .. 2 -> positions 0.5 .. 0.667, darker than the bar alone, 2 .. 1 -> 0.667 .. 0.75
    y_bar = cy - 2
    band = image.pixelColor(rect.left() + SPINE_MARGIN + int(0.59 * inner), y_bar)
    bar = image.pixelColor(rect.left() + SPINE_MARGIN + int(0.71 * inner), y_bar)
    outside = image.pixelColor(rect.left() + SPINE_MARGIN + int(0.9 * inner), y_bar)
    assert band.lightness() < bar.lightness() < outside.lightness()
    assert not _near(image.pixelColor(rect.left() + SPINE_MARGIN + int(0.9 * inner), cy), RED)
    # centre line (county value) at 0.5: dark
    assert image.pixelColor(rect.left() + SPINE_MARGIN + int(0.5 * inner), rect.top() + 3).lightness() < 100
    # row 1, G.2 suppressed (its flag says so, sig +1 would be red): no marker anywhere in the cell
    rect = _cell(table, 1)
    reds = [(x, y) for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())
            if _near(image.pixelColor(x, y), RED, 60)]
    assert reds == []
    # row 2, D.1 context (low end left), 10 -> right end, grey although significant
    rect = _cell(table, 2)
    cy = rect.top() + rect.height() // 2
    assert _near(image.pixelColor(rect.left() + SPINE_MARGIN + inner - 1, cy), GREY, 25)
    assert not _near(image.pixelColor(rect.left() + SPINE_MARGIN + inner - 1, cy), RED, 60)


def test_texts_leave_the_spine_column_out(table):
    from quartiersmonitor.ui.profile_view import table_texts

    texts = table_texts(table)
    assert len(texts) == 3 and all(len(t) == 6 for t in texts)
    assert texts[1][1] == "suppressed"


# --- the dock itself ------------------------------------------------------------------------------------------

@pytest.fixture()
def dock(qgis_iface, provider, qgis_new_project):
    import quartiersmonitor

    layer = make_indicator_layer("Indikatoren 2025")
    assert QgsProject.instance().addMapLayer(layer)
    window = qgis_iface.mainWindow()
    window.show()
    with mock.patch.object(qgis_iface, "addDockWidget", side_effect=window.addDockWidget), \
            mock.patch.object(qgis_iface, "removeDockWidget", side_effect=window.removeDockWidget):
        plug = quartiersmonitor.classFactory(qgis_iface)
        plug.provider = provider
        plug.initGui()
        plug.action.trigger()
        yield plug.dock, layer
        plug.provider = None
        plug.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    window.hide()


def _select(dock, quartier_id):
    model = dock.quartier_view.selectionModel()
    model.clearSelection()
    for row in range(dock.proxy.rowCount()):
        index = dock.proxy.index(row, 0)
        if quartier_id in index.data():
            model.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_dock_profile_has_spines_and_hides_suppressed_markers(dock):
    from qgis.core import QgsFeatureRequest

    from quartiersmonitor.ui.profile_view import SPINE_COLUMN, SPINE_ROLE

    panel, layer = dock
    _select(panel, "0104")
    table = panel.profile_table
    assert table.rowCount() == 2
    a1 = table.item(0, SPINE_COLUMN).data(SPINE_ROLE)
    g2 = table.item(1, SPINE_COLUMN).data(SPINE_ROLE)
    # A.1 of 0104 is suppressed: a bar, no marker
    assert a1 is not None and a1.marker is None and a1.colour is None
    # G.2 published: the marker where the hand formula puts it, from the layer's published values
    rows = [f.attributes() for f in layer.getFeatures(QgsFeatureRequest())]
    names = layer.fields().names()
    published = [r[names.index("G2")] for r in rows
                 if r[names.index("G2_flag")] in (None, "ok") and r[names.index("G2")] is not None]
    mine = next(r for r in rows if r[names.index("quartier_id")] == "0104")
    county = mine[names.index("G2_county")]
    half = max(abs(min(published) - county), abs(max(published) - county))
    assert g2.marker == pytest.approx(0.5 - (mine[names.index("G2")] - county) / (2 * half))  # polarity +1
    assert g2.left == pytest.approx(0.5 - (max(published) - county) / (2 * half))
