"""What the dock keeps in the project (its entries under the scope ``quartiersmonitor``) and the fields of the
indicator layer it reads."""

from qgis.PyQt.QtCore import Qt

SCOPE = "quartiersmonitor"
KEY_LAYER = "dock/layer"
KEY_INDICATOR = "dock/indicator"
KEY_FOLDER = "dock/output_folder"
KEY_FORMAT = "dock/format"
KEY_TITLE = "dock/title"

ID_FIELD = "quartier_id"
NAME_FIELD = "name"
MUNICIPALITY_FIELD = "municipality"
FID_ROLE = Qt.ItemDataRole.UserRole + 1  # the feature id of a row of the quartier list


def read_entry(project, key):
    """The project's entry ``key`` of the dock ("" when not set)."""
    return project.readEntry(SCOPE, key, "")[0]


def write_entry(project, key, value):
    """Set the project's entry ``key`` of the dock to ``value``."""
    project.writeEntry(SCOPE, key, value)


def write_changed_entry(project, key, value):
    """Set the project's entry ``key`` to ``value`` unless it holds that already."""
    if read_entry(project, key) != value:
        write_entry(project, key, value)
