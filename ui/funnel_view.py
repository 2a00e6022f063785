"""The dock's funnel plot of one indicator: every published quartier's value against its denominator, the county
value, the 95 % and 99.8 % control limits, the selected quartiers ringed. Painted with QPainter from what
:mod:`indicators.funnel_plot` computes (no plotting library); a click on a point selects its quartier (Ctrl or
Shift adds it), hovering shows the quartier and its numbers."""

import math

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..indicators import funnel
from ..indicators import funnel_plot as fp
from ..indicators.classify import format_number
from ..translation import tr

POINT_RADIUS = 3.5
SELECTED_RADIUS = 5.5
RING_RADIUS = 9.5  # the yellow ring around a selected quartier's point
HIT_RADIUS = 7.0  # px: how near the pointer must be to a point to show or select it
MIN_HEIGHT = 230


def class_text(funnel_class):
    """The funnel class in words (tooltip)."""
    texts = {
        funnel.BELOW_998: tr("below the 99.8 % limit"),
        funnel.BELOW_95: tr("below the 95 % limit"),
        funnel.WITHIN: tr("within the 95 % limits"),
        funnel.ABOVE_95: tr("above the 95 % limit"),
        funnel.ABOVE_998: tr("above the 99.8 % limit"),
    }
    return texts.get(funnel_class, tr("no funnel class recorded"))


def _decimals_of_step(step):
    return max(0, -int(math.floor(math.log10(step) + 1e-9))) if step > 0 else 0


class FunnelPlot(QWidget):
    """The plot. :meth:`set_plot` gives it the data; ``point_clicked(key, add)`` says which quartier was clicked
    (``add``: Ctrl or Shift held)."""

    point_clicked = pyqtSignal(object, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("funnelPlot")
        self.setMouseTracking(True)
        self.setMinimumHeight(MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.points = []
        self.selected = set()
        self.curves = None  # (n, limits) of indicators.funnel_plot.limit_curves
        self.county = None
        self.ranges = None
        self.polarity = 1
        self.language = "en"
        self.x_title = ""
        self.y_title = ""
        self.value_decimals = 1
        self.unit = ""

    def sizeHint(self):
        return QSize(300, 280)

    def set_plot(self, points, curves, county, kind, factor, polarity, selected, x_title, y_title, language="en",
                 value_decimals=1, unit=""):
        """Show ``points`` (:class:`indicators.funnel_plot.FunnelPoint`), the limit ``curves`` (or None), the
        ``county`` value; ``selected``: the keys of the selected quartiers."""
        self.points = list(points)
        self.curves = curves
        self.county = county
        self.polarity = polarity
        self.selected = set(selected)
        self.x_title, self.y_title = x_title, y_title
        self.language = language
        self.value_decimals = value_decimals
        self.unit = unit
        self.ranges = fp.axis_ranges(self.points, county, kind, factor) if self.points else None
        self.update()

    def set_selected(self, selected):
        self.selected = set(selected)
        self.update()

    def clear(self):
        self.points, self.curves, self.county, self.ranges, self.selected = [], None, None, None, set()
        self.update()

    # -- geometry ---------------------------------------------------------------------------------------------
    def _tick_font(self):
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def _tick_labels(self):
        """The x and y tick values with their texts."""
        (x0, x1, xs), (y0, y1, ys) = self.ranges
        x_ticks = [(v, format_number(v, self.language, _decimals_of_step(xs))) for v in fp.ticks(x0, x1, xs)]
        y_ticks = [(v, format_number(v, self.language, _decimals_of_step(ys))) for v in fp.ticks(y0, y1, ys)]
        return x_ticks, y_ticks

    def plot_frame(self):
        """The :class:`indicators.funnel_plot.PlotFrame` of the widget's present size, None without data: the
        legend on top, the y title and tick labels left, the x tick labels and title below."""
        if self.ranges is None:
            return None
        (x0, x1, _xs), (y0, y1, _ys) = self.ranges
        line = self.fontMetrics().height()
        ticks = QFontMetrics(self._tick_font())
        x_ticks, y_ticks = self._tick_labels()
        left = max(ticks.horizontalAdvance(text) for _v, text in y_ticks) + 6 + line + 2
        right = ticks.horizontalAdvance(x_ticks[-1][1]) / 2.0 + 4  # the last x label is centred on the edge
        top = ticks.height() + 8  # the legend
        bottom = ticks.height() + 4 + line + 4  # x tick labels, x title
        return fp.PlotFrame(x0, x1, y0, y1, left, top, max(10.0, self.rect().right() + 1 - left - right),
                            max(10.0, self.height() - top - bottom))

    def point_at(self, x, y):
        """The point nearest to pixel ``(x, y)`` within :data:`HIT_RADIUS`, or None."""
        frame = self.plot_frame()
        if frame is None:
            return None
        best, best_d = None, HIT_RADIUS
        for point in self.points:
            d = math.hypot(frame.x(point.denominator) - x, frame.y(point.value) - y)
            if d <= best_d:
                best, best_d = point, d
        return best

    # -- painting ---------------------------------------------------------------------------------------------
    def paintEvent(self, _event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("#ffffff"))
            frame = self.plot_frame()
            if frame is None:
                painter.setPen(QColor("#606060"))
                painter.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter) | int(
                    Qt.TextFlag.TextWordWrap), tr("No published values of this indicator to plot."))
                return
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._paint_axes(painter, frame)
            area = QRectF(frame.left, frame.top, frame.width, frame.height)
            painter.save()
            painter.setClipRect(area)
            self._paint_curves(painter, frame)
            self._paint_points(painter, frame)
            painter.restore()
            self._paint_legend(painter, frame)
        finally:
            painter.end()

    def _paint_axes(self, painter, frame):
        grid = QPen(QColor("#ececec"), 1.0)
        painter.setFont(self._tick_font())
        ticks = QFontMetrics(self._tick_font())
        x_ticks, y_ticks = self._tick_labels()
        right = frame.left + frame.width
        bottom = frame.top + frame.height
        for value, text in y_ticks:
            y = frame.y(value)
            painter.setPen(grid)
            painter.drawLine(QPointF(frame.left, y), QPointF(right, y))
            painter.setPen(QColor("#404040"))
            painter.drawText(QRectF(0, y - ticks.height() / 2.0, frame.left - 4, ticks.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        label_width = max(ticks.horizontalAdvance(text) for _v, text in x_ticks)
        spacing = frame.width / max(1, len(x_ticks) - 1)
        every = max(1, int(math.ceil((label_width + 6) / max(1.0, spacing))))  # every label, or every 2nd, …
        for i, (value, text) in enumerate(x_ticks):
            x = frame.x(value)
            painter.setPen(grid)
            painter.drawLine(QPointF(x, frame.top), QPointF(x, bottom))
            if i % every == 0:
                painter.setPen(QColor("#404040"))
                painter.drawText(QRectF(x - label_width, bottom + 2, 2 * label_width, ticks.height()),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
        painter.setPen(QPen(QColor("#808080"), 1.0))
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawRect(QRectF(frame.left, frame.top, frame.width, frame.height))
        painter.setFont(self.font())
        painter.setPen(QColor("#202020"))
        metrics = self.fontMetrics()
        x_title = metrics.elidedText(self.x_title, Qt.TextElideMode.ElideRight, int(frame.width))
        painter.drawText(QRectF(frame.left, bottom + ticks.height() + 4, frame.width, metrics.height()),
                         int(Qt.AlignmentFlag.AlignHCenter), x_title)
        y_title = metrics.elidedText(self.y_title, Qt.TextElideMode.ElideRight, int(frame.height))
        painter.save()
        painter.translate(1, frame.top + frame.height)
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, frame.height, metrics.height()), int(Qt.AlignmentFlag.AlignHCenter), y_title)
        painter.restore()

    def _paint_curves(self, painter, frame):
        if self.county is not None and math.isfinite(self.county):
            painter.setPen(QPen(QColor(fp.COUNTY_COLOUR), 1.5))
            y = frame.y(self.county)
            painter.drawLine(QPointF(frame.left, y), QPointF(frame.left + frame.width, y))
        if self.curves is None or not len(self.curves[0]):
            return
        n, limits = self.curves
        styles = ((fp.LIMIT_998_COLOUR, Qt.PenStyle.DotLine), (fp.LIMIT_95_COLOUR, Qt.PenStyle.DashLine),
                  (fp.LIMIT_95_COLOUR, Qt.PenStyle.DashLine), (fp.LIMIT_998_COLOUR, Qt.PenStyle.DotLine))
        for column, (colour, style) in enumerate(styles):
            path = QPainterPath()
            for i, (ni, value) in enumerate(zip(n, limits[:, column])):
                point = QPointF(frame.x(ni), frame.y(value))
                if i == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            painter.setPen(QPen(QColor(colour), 1.3, style))
            painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            painter.drawPath(path)

    def _paint_points(self, painter, frame):
        ordered = sorted(self.points, key=lambda p: p.key in self.selected)  # selected ones on top
        for point in ordered:
            centre = QPointF(frame.x(point.denominator), frame.y(point.value))
            key = fp.point_colour_key(point.funnel_class, self.polarity)
            colour = QColor(fp.POINT_COLOURS[key])
            if point.key in self.selected:
                painter.setPen(QPen(QColor("#000000"), 1.5))
                painter.setBrush(QBrush(QColor(fp.SELECTED_COLOUR)))
                painter.drawEllipse(centre, RING_RADIUS, RING_RADIUS)
                radius = SELECTED_RADIUS
            else:
                radius = POINT_RADIUS
            if key == "unknown":
                painter.setPen(QPen(colour, 1.2))
                painter.setBrush(QBrush(Qt.BrushStyle.NoBrush) if point.key not in self.selected else QBrush(
                    QColor("#ffffff")))
            else:
                painter.setPen(QPen(colour.darker(130), 0.8))
                painter.setBrush(QBrush(colour))
            painter.drawEllipse(centre, radius, radius)

    def _paint_legend(self, painter, frame):
        painter.setFont(self._tick_font())
        small = QFontMetrics(self._tick_font())
        y = 2
        x = frame.left
        entries = ((QPen(QColor(fp.COUNTY_COLOUR), 1.5), tr("County")),
                   (QPen(QColor(fp.LIMIT_95_COLOUR), 1.3, Qt.PenStyle.DashLine), tr("95 %")),
                   (QPen(QColor(fp.LIMIT_998_COLOUR), 1.3, Qt.PenStyle.DotLine), tr("99.8 %")))
        mid = y + small.height() / 2.0
        for pen, text in entries:
            painter.setPen(pen)
            painter.drawLine(QPointF(x, mid), QPointF(x + 18, mid))
            painter.setPen(QColor("#303030"))
            painter.drawText(QRectF(x + 22, y, small.horizontalAdvance(text) + 2, small.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            x += 22 + small.horizontalAdvance(text) + 12

    # -- mouse ------------------------------------------------------------------------------------------------
    def point_tooltip(self, point):
        value = format_number(point.value, self.language, self.value_decimals)
        return "{label}\n{value} ({den_title} {den})\n{cls}".format(
            label=point.label, value="{} {}".format(value, self.unit) if self.unit else value,
            den_title=tr("denominator"), den=format_number(point.denominator, self.language, 0),
            cls=class_text(point.funnel_class))

    def mouseMoveEvent(self, event):  # noqa: N802 (Qt's name)
        position = _event_position(event)
        point = self.point_at(position.x(), position.y())
        if point is None:
            QToolTip.hideText()
            return
        QToolTip.showText(_global_position(event), self.point_tooltip(point), self)

    def mousePressEvent(self, event):  # noqa: N802 (Qt's name)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        position = _event_position(event)
        point = self.point_at(position.x(), position.y())
        if point is None:
            return
        add = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
        self.point_clicked.emit(point.key, add)


def _event_position(event):
    """The event's position in the widget (``position()`` in Qt 6, ``localPos()`` in Qt 5)."""
    if hasattr(event, "position"):
        return event.position()
    return event.localPos()


def _global_position(event):
    if hasattr(event, "globalPosition"):
        return event.globalPosition().toPoint()
    return event.globalPos()
