"""The dock's funnel tab on a layer from calculateindicators (the fixture counts of tests/data/indicators_alg):
which quartiers are points (published cells only), the plot rendered and its pixels read where the values and the
limits computed here with scipy.stats put them, selection both ways (a click on a point selects its quartier)."""

import numpy as np
import pytest
from indicators_alg_testing import build, calculate_params
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QPoint, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtTest import QTest
from scipy import stats

# the class colours of the plot for an indicator where high is worse (A.1), as the issue asks: red beyond the
# limits on the side of more need, blue on the other side, grey within
EXPECTED_COLOUR = {"above 99.8 %": "#c0282c", "above 95 %": "#eb8e8f", "within": "#9a9a9a",
                   "below 95 %": "#8db4de", "below 99.8 %": "#1e64aa"}


def _near(colour, expected, tol=45):
    expected = QColor(expected)
    return max(abs(colour.red() - expected.red()), abs(colour.green() - expected.green()),
               abs(colour.blue() - expected.blue())) <= tol


def _column(name):
    j = build.COLUMNS.index(name)
    return {row[0]: row[j] for row in build.ROWS}


@pytest.fixture()
def layer(run_alg, tmp_path, qgis_new_project):
    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    result = run_alg("calculateindicators", calculate_params(q, c, str(tmp_path / "ind.gpkg"), ["A.1", "D.1"]))
    lyr = QgsVectorLayer(result["OUTPUT"], "Indikatoren", "ogr")
    assert lyr.isValid()
    assert QgsProject.instance().addMapLayer(lyr)
    return lyr


@pytest.fixture()
def dock(layer):
    from quartiersmonitor.ui.dock import QuartiersmonitorDock

    widget = QuartiersmonitorDock(None)
    widget.resize(420, 1100)
    widget.show()
    combo = widget.indicator_combo
    combo.setCurrentIndex(combo.findData("A1"))
    widget.tabs.setCurrentIndex(1)
    QCoreApplication.processEvents()
    yield widget
    widget.teardown()
    widget.close()
    widget.deleteLater()
    QCoreApplication.processEvents()


def _features(layer):
    return {f["quartier_id"]: f for f in layer.getFeatures()}


def _image(dock):
    QCoreApplication.processEvents()
    return dock.funnel_plot.grab().toImage()


def test_the_points_are_the_published_quartiers(dock, layer):
    feats = _features(layer)
    published = {qid for qid, f in feats.items() if f["A1_flag"] == "ok"}
    assert "Q03" not in published and "Q04" not in published  # the fixture's hidden A.1 cells
    plot = dock.funnel_plot
    assert {p.key for p in plot.points} == {feats[q].id() for q in published}
    for point in plot.points:
        feature = layer.getFeature(point.key)
        assert (point.value, point.denominator) == (feature["A1"], feature["A1_den"])
        assert point.funnel_class == feature["A1_funnel"]
    assert dock.funnel_label.text() == "{} quartiers shown, {} without a published value.".format(
        len(published), len(feats) - len(published))


def test_points_county_line_and_limits_are_drawn_where_the_numbers_say(dock, layer):
    feats = _features(layer)
    plot = dock.funnel_plot
    image = _image(dock)
    frame = plot.plot_frame()
    assert frame.width > 250 and frame.height > 200
    centres = {p.key: (frame.x(p.denominator), frame.y(p.value)) for p in plot.points}
    checked = 0
    for qid, f in feats.items():
        if f["A1_flag"] != "ok":
            continue
        x, y = centres[f.id()]
        if any(abs(x - a) < 9 and abs(y - b) < 9 for key, (a, b) in centres.items() if key != f.id()):
            continue  # another point overlaps
        assert _near(image.pixelColor(int(round(x)), int(round(y))), EXPECTED_COLOUR[f["A1_funnel"]]), qid
        checked += 1
    assert checked >= 4
    # the county value: the county's totals over every valid quartier (hidden ones included), as published
    nums, dens = _column("sgb2_u65"), _column("pop_u65")
    theta = sum(nums.values()) / sum(dens.values())
    county = next(f["A1_county"] for f in feats.values())
    assert county == pytest.approx(round(100 * theta, 1))
    y_county = int(frame.y(county))
    x_free = next(x for x in range(int(frame.left) + 5, int(frame.left + frame.width) - 5, 3)
                  if all(abs(x - a) > 10 for a, _b in centres.values()))
    assert any(_near(image.pixelColor(x_free, y), "#000000", 60) for y in range(y_county - 1, y_county + 2))
    # the 95 % and 99.8 % upper limits (dashed and dotted lines): a dark pixel within 2 px of the limit from scipy
    # at (almost) every sampled denominator
    for p in (0.975, 0.999):
        hits = samples = 0
        for n in np.linspace(frame.x_max * 0.15, frame.x_max * 0.95, 25):
            n = round(n)
            dist = stats.binom(n, theta)
            r = dist.ppf(p)
            limit = 100 * (r - (dist.cdf(r) - p) / dist.pmf(r)) / n
            x, y = frame.x(n), frame.y(limit)
            if not (frame.top + 3 < y < frame.top + frame.height - 3):
                continue
            if any(abs(x - a) < 10 and abs(y - b) < 10 for a, b in centres.values()):
                continue
            samples += 1
            box = [image.pixelColor(xx, yy) for xx in range(int(round(x)) - 2, int(round(x)) + 3)
                   for yy in range(int(y) - 2, int(y) + 3)]  # 5 x 5 px: wider than a dot's or dash's gap
            hits += any(c.red() < 150 and c.green() < 150 and c.blue() < 150 for c in box)
        assert samples >= 10 and hits >= 0.9 * samples, (p, hits, samples)


def test_selection_is_ringed_and_a_click_selects(dock, layer):
    from quartiersmonitor.indicators.funnel_plot import SELECTED_COLOUR
    from quartiersmonitor.ui.funnel_view import RING_RADIUS, SELECTED_RADIUS

    feats = _features(layer)
    plot = dock.funnel_plot
    frame = plot.plot_frame()
    q01, q06 = feats["Q01"], feats["Q06"]
    x, y = frame.x(q01["A1_den"]), frame.y(q01["A1"])
    image = _image(dock)
    ring = QPoint(int(round(x + (SELECTED_RADIUS + RING_RADIUS) / 2.0)), int(round(y)))  # between point and edge
    assert not _near(image.pixelColor(ring), SELECTED_COLOUR, 60)
    layer.selectByIds([q01.id()])
    image = _image(dock)
    assert plot.selected == {q01.id()}
    assert _near(image.pixelColor(ring), SELECTED_COLOUR, 60)
    # a click on Q06's point selects Q06 alone; Ctrl+click on Q01 adds it
    QTest.mouseClick(plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(round(frame.x(q06["A1_den"]))), int(round(frame.y(q06["A1"])))))
    assert layer.selectedFeatureIds() == [q06.id()]
    assert dock.current_fid() == q06.id() and "Q06" in dock.profile_label.text()
    QTest.mouseClick(plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, QPoint(int(x), int(y)))
    assert sorted(layer.selectedFeatureIds()) == sorted([q06.id(), q01.id()])
    assert plot.selected == {q06.id(), q01.id()}
    # a click beside every point changes nothing
    QTest.mouseClick(plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(frame.left + 2), int(frame.top + 2)))
    assert sorted(layer.selectedFeatureIds()) == sorted([q06.id(), q01.id()])


def test_switching_the_indicator_switches_the_plot(dock, layer):
    feats = _features(layer)
    combo = dock.indicator_combo
    combo.setCurrentIndex(combo.findData("D1"))
    QCoreApplication.processEvents()
    plot = dock.funnel_plot
    want = {f.id(): (f["D1"], f["D1_den"]) for f in feats.values() if f["D1_flag"] == "ok"}
    assert {p.key: (p.value, p.denominator) for p in plot.points} == want
    assert "pop_u15" in plot.x_title
    # D.1 is a rate: Poisson limits around the county's rate per person of the denominator
    theta = sum(_column("pop_65plus").values()) / sum(_column("pop_u15").values())
    n, limits = plot.curves
    i = len(n) // 2
    dist = stats.poisson(n[i] * theta)
    r = dist.ppf(0.975)
    assert limits[i, 2] == pytest.approx(100 * (r - (dist.cdf(r) - 0.975) / dist.pmf(r)) / n[i], rel=1e-9)


def test_a_layer_without_indicators_leaves_the_plot_empty(dock, layer):
    QgsProject.instance().removeMapLayer(layer.id())
    QCoreApplication.processEvents()
    assert dock.funnel_plot.points == [] and dock.funnel_plot.plot_frame() is None
    assert dock.funnel_label.text() == "Choose an indicator layer to see a funnel plot."


def test_the_tooltip_names_the_quartier_and_its_numbers(dock, layer):
    q06 = _features(layer)["Q06"]
    plot = dock.funnel_plot
    point = next(p for p in plot.points if p.key == q06.id())
    # English: 20.0 % (500 of 2,500, the fixture's Q06), its class as the layer has it
    assert q06["A1"] == 20.0 and q06["A1_den"] == 2500
    text = plot.point_tooltip(point)
    assert text.startswith("Q06")
    assert "\n20.0 % (denominator 2,500)\n" in text
    assert text.endswith({"above 99.8 %": "above the 99.8 % limit", "above 95 %": "above the 95 % limit",
                          "within": "within the 95 % limits"}[q06["A1_funnel"]])
