"""User interface of the plugin: the dock panel (``ui.dock.QuartiersmonitorDock``)."""
