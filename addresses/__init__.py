"""German address normalisation and matching against an address directory (no QGIS, no network)."""

from .matching import (
    AMBIGUOUS,
    EXACT,
    FUZZY,
    HOUSENUMBER_NOT_FOUND,
    NO_STREET,
    NORMALIZED,
    REASONS,
    STATUSES,
    STREET,
    STREET_NOT_FOUND,
    UNMATCHED,
    Canceled,
    Directory,
    geocode,
    split_street_housenumber,
    summary,
)
from .normalize import city_key, housenumber_key, housenumber_parts, postcode_key, street_key

__all__ = [
    "AMBIGUOUS", "EXACT", "FUZZY", "HOUSENUMBER_NOT_FOUND", "NO_STREET", "NORMALIZED", "REASONS", "STATUSES",
    "STREET", "STREET_NOT_FOUND", "UNMATCHED", "Canceled", "Directory", "geocode", "split_street_housenumber",
    "summary", "city_key", "housenumber_key", "housenumber_parts", "postcode_key", "street_key",
]
