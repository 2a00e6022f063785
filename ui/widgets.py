"""Small helpers that build the dock's widgets."""

from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget


def named(widget, name):
    """``widget`` with the object name ``name`` (how tests and style sheets find it)."""
    widget.setObjectName(name)
    return widget


def column(parent, margin):
    """A widget with a vertical layout whose margins are ``margin`` on every side: ``(widget, layout)``."""
    widget = QWidget(parent)
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(margin, margin, margin, margin)
    return widget, layout
