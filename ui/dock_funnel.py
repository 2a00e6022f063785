"""The dock's funnel tab: the funnel plot (:mod:`ui.funnel_view`) of the indicator the dock shows, the selected
quartiers ringed, and a line saying how many quartiers it shows and how the limits were made.

The limits are those ``calculateindicators`` classified the quartiers by: the county's numerator over its
denominator and the overdispersion factor, recorded on the layer (:func:`cartography.layer_record.recorded_funnel`).
A layer made before that record existed gets limits from its (rounded) county value, without overdispersion, and
the line says so. Only published cells are drawn (:func:`indicators.funnel_plot.funnel_points`).
"""

import math

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtWidgets import QLabel

from ..cartography import layer_record
from ..indicators import funnel_plot
from ..mapsheets.sheet_text import indicator_heading
from ..translation import tr
from .dock_state import ID_FIELD, MUNICIPALITY_FIELD, NAME_FIELD
from .dock_text import funnel_summary, quartier_label
from .funnel_view import FunnelPlot
from .slots import safe_slot
from .widgets import column, named


class FunnelTab:
    """Mixin of the dock: builds the funnel tab and keeps it in step with the layer, indicator and selection."""

    def _build_funnel_tab(self, parent):
        widget, layout = column(parent, 0)
        self.funnel_label = named(QLabel("", widget), "funnelLabel")
        self.funnel_label.setWordWrap(True)
        self.funnel_label.setToolTip(tr("Quartiers whose value is hidden (statistical confidentiality) or missing are "
                                        "not drawn, not even their denominator."))
        layout.addWidget(self.funnel_label)
        self.funnel_plot = FunnelPlot(widget)
        self.funnel_plot.setToolTip("")
        layout.addWidget(self.funnel_plot, 1)
        self.funnel_plot.point_clicked.connect(self._on_funnel_point_clicked)
        return widget

    def _funnel_feature_rows(self):
        """``(fid, label, row)`` of every quartier of the layer (the dock's one read of the layer's rows)."""
        return [(fid, quartier_label(row.get(ID_FIELD), row.get(NAME_FIELD), row.get(MUNICIPALITY_FIELD)), row)
                for fid, row in self.layer_rows()]

    def update_funnel(self):
        """Draw the funnel plot of the indicator chosen in the dock (nothing without a layer or indicator)."""
        field = self.indicator_combo.currentData() if self.layer is not None else None
        indicator = self.catalog.by_field(field) if field else None
        if indicator is None:
            self.funnel_plot.clear()
            self.funnel_label.setText(tr("Choose an indicator layer to see a funnel plot."))
            return
        rows = self._funnel_feature_rows()
        points = funnel_plot.funnel_points(rows, field)
        county = _county_value(rows, field, self.layer)
        recorded = layer_record.recorded_funnel(self.layer, field)
        kind = "share" if indicator.kind == "share" else "rate"
        if recorded is not None:
            theta, phi, kind = recorded["theta"], recorded["phi"], recorded["kind"]
            county = indicator.factor * theta  # the funnel's centre: the county value before rounding
        else:
            theta = county / indicator.factor if county is not None else None
            phi = 1.0
        curves = None
        if points and theta is not None:
            curves = funnel_plot.limit_curves(kind, theta, phi, indicator.factor,
                                              funnel_plot.axis_ranges(points, county)[0][1])
        decimals = layer_record.recorded_int(self.layer, layer_record.DECIMALS, 1)
        self.funnel_plot.set_plot(
            points, curves, county, kind, indicator.factor, indicator.polarity, self.layer.selectedFeatureIds(),
            tr("Denominator ({column})").format(column=indicator.denominator),
            indicator_heading(indicator.name(self.language), indicator.unit_label(self.language)),
            self.language, decimals, indicator.unit_label(self.language))
        self.funnel_label.setText(funnel_summary(
            tr, len(points), len(rows) - len(points), phi, recorded is not None, theta is not None, self.language))

    def update_funnel_selection(self):
        if self.layer is not None:
            self.funnel_plot.set_selected(self.layer.selectedFeatureIds())

    @safe_slot
    def _on_funnel_point_clicked(self, fid, add):
        if self.layer is None:
            return
        self.layer.selectByIds([fid], QgsVectorLayer.AddToSelection if add else QgsVectorLayer.SetSelection)


def _county_value(rows, field, layer):
    """The county value of ``field``: the first ``<F>_county`` of the rows, else the one recorded on the layer."""
    for _fid, _label, row in rows:
        try:
            value = float(row.get(field + "_county"))
        except (TypeError, ValueError):
            continue
        if math.isfinite(value):
            return value
    raw = layer_record.recorded(layer, layer_record.PROPERTY_PREFIX + "county/" + field)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None
