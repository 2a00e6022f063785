"""The error of map sheets: a problem to show to the user, with a translated message."""


class SheetError(Exception):
    """A map sheet problem to show to the user (translated message)."""


class CanceledError(SheetError):
    """The user cancelled the export."""
