"""What the dock keeps in the project (its entries under the scope ``quartiersmonitor``) and the fields of the
indicator layer it reads."""

from qgis.PyQt.QtCore import Qt

SCOPE = "quartiersmonitor"
KEY_LAYER = "dock/layer"
KEY_INDICATOR = "dock/indicator"
KEY_FOLDER = "dock/output_folder"
KEY_FORMAT = "dock/format"
KEY_TITLE = "dock/title"
KEY_SOURCE = "dock/source"
KEY_DATE = "dock/date"
KEY_OPEN = "dock/open"  # "1" when the dock was open as the project was saved, "0" when closed

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


def write_quiet_entry(project, key, value):
    """Like :func:`write_changed_entry`, but a project without unsaved changes stays so: the dock's own
    bookkeeping (open or closed, which layer it shows) is kept when the project is saved, yet asks for no
    "save changes?" by itself."""
    was_dirty = project.isDirty()
    write_changed_entry(project, key, value)
    if not was_dirty and project.isDirty():
        project.setDirty(False)
