"""The indicator engine's messages as stable keys with parameters (no qgis, no Qt, no ``tr()``).

``rates.compute`` returns :class:`Message` objects and raises :class:`counts_table.IndicatorError` (both a key and
its parameters); the Processing glue (``calculate_indicators.engine_texts``) maps every key to one translated
``tr("…")`` text and calls :func:`render` with it. :data:`ENGLISH` holds the same texts in English: what ``str()``
of a message or an error shows (logs, tests). Every key here has a text there, and the other way round (a unit test
compares the two).

Parameters are numbers, column names and ids; ``ex`` is a list of examples already joined ("q1, q2, … (12)").
``indicator`` is an indicator id: the glue shows it with its name in the user's language. ``cells`` (instead of
``ex``) lists unreadable cells as (quartier id, cell, reason of ``parse``): the reason is translated too. A
summarised message has ``items``: one dict per indicator, each rendered by :data:`ENGLISH_ITEMS` (ids only, to keep
the line short) and joined with "; ". Levels: :data:`WARNING` for what the user should look at and act on,
:data:`INFO` for the rest.
"""

WARNING = "warning"
INFO = "info"

ENGLISH = {
    # errors (IndicatorError)
    "unknown_ids": "Unknown indicator id(s): {ids} (catalog: {catalog}).",
    "mapping_missing": "Column mapping: column '{column}' (given for '{standard}') is not in the counts table; its "
                       "columns are: {columns}.",
    "id_column_missing": "The quartier id column '{column}' is not in the counts table; its columns are: {columns}.",
    "empty_id": "Empty (NULL) quartier id in column '{column}', row(s) {rows}.",
    "year_column_missing": "The year column '{column}' is not in the counts table.",
    "duplicate_id_year": "Duplicate quartier id and year in the counts table: {ex}.",
    "duplicate_id": "Duplicate quartier id(s) in column '{column}': {ex}.",
    "municipality_column_missing": "The municipality column '{column}' is not in the counts table.",
    "empty_municipality": "Empty municipality in column '{column}' for quartier(s) {ex}.",
    "population_missing": "The population column '{column}' is not in the counts table: it is needed to suppress "
                          "quartiers under {min_population} residents (map it, or set the minimum population to 0).",
    "numerator_missing": "Indicator {indicator}: the numerator column '{column}' is not in the counts table (map one "
                         "of your columns to it); columns are: {columns}.",
    "denominator_missing": "Indicator {indicator}: the denominator column '{column}' is not in the counts table (map "
                           "one of your columns to it); columns are: {columns}.",
    "numerator_public": "Indicator {indicator} is confidential, but its numerator '{column}' is published exactly by "
                        "the public indicator(s) {public}: give them the same \"confidential\" value in the catalog.",
    "numerator_population": "Indicator {indicator} is confidential, but its numerator '{column}' is the population, "
                            "which is published for every quartier: set \"confidential\": false for it in the "
                            "catalog.",
    # catalog files (CatalogError: the place, file / entry / id, comes beside the text)
    "catalog_unreadable": "cannot be read ({reason})",
    "catalog_not_utf8": "not UTF-8 encoded text",
    "catalog_not_json": "not valid JSON at line {line}, column {column}: {reason}",
    "catalog_text_not_json": "not valid JSON ({reason})",
    "catalog_no_indicators_key": "expected a list of indicators or an object with key \"indicators\"",
    "catalog_not_a_list": "expected a list of indicators, got {type}",
    "catalog_bad_id": "id {value} is not valid (letters, digits, one dot, e.g. \"X.1\")",
    "catalog_duplicate_id": "id given twice in the file",
    "catalog_missing_id": "missing \"id\"",
    "catalog_not_object": "expected an object with keys such as \"id\", \"numerator\", \"denominator\", got {type}",
    "catalog_unknown_keys": "unknown key(s) {keys} (allowed: {allowed})",
    "catalog_not_text": "{name} must be text, got {value}",
    "catalog_bad_column": "{name} must be a column name (non-empty text without surrounding spaces), got {value}",
    "catalog_missing_column": "missing \"{name}\" (the column name of the counts table)",
    "catalog_bad_domain": "domain {value} is not one of {domains}",
    "catalog_missing_domain": "missing \"domain\" (one of {domains})",
    "catalog_bad_factor": "factor must be a positive number such as 100, 1000 or 100000, got {value}",
    "catalog_bad_unit": "unit must be non-empty text, got {value}",
    "catalog_bad_polarity": "polarity must be 1 (higher = more need), -1 (higher = less need) or 0 (context), got "
                            "{value}",
    "catalog_bad_kind": "kind must be \"share\" or \"rate\", got {value}",
    "catalog_bad_confidential": "confidential must be true or false, got {value}",
    "catalog_missing_name": "missing \"name_de\" or \"name_en\"",
    "catalog_same_columns": "numerator and denominator are the same column {value}",
    "catalog_field_clash": "field name {field} clashes with indicator {other}",
    # messages of a run
    "municipality_conflict": "Quartiers with different municipalities in different rows (first one used): {ex}.",
    "years_summed": "Counts summed over {years} year(s) per quartier ({rows} rows).",
    "population_invalid": "Population '{column}' missing or invalid for quartier(s) {ex}: all their confidential "
                          "values are suppressed.",
    "invalid_count": "Column '{column}' is not a whole non-negative count for quartier(s) {ex}: flagged invalid "
                     "({indicators}).",
    "empty_column": "Column '{column}' is empty for quartier(s) {ex}: flagged no_data ({indicators}).",
    "grouped": "Column '{column}' read with German thousands separators for quartier(s) {ex}.",
    "numerator_over_denominator": "Indicator {indicator}: numerator '{numerator}' greater than denominator "
                                  "'{denominator}' for quartier(s) {ex}: flagged invalid.",
    "public": "Not confidential, published without suppression: {ids}.",
    "suppressed": "Suppressed for confidentiality: {items}.",
    "zero_denominator": "Denominator 0, no value: {items}.",
    "totals_leave_out": "Municipality and county totals leave out the quartiers without valid data: {items}.",
    "pooled_years": "Several years are pooled: the same counts published for single years (or for other pooled "
                    "years) can be subtracted from this publication; publish only one of them.",
    "std_missing_bands": "Age-standardised G.2 not computed: band column(s) missing: {ex}.",
    "std_invalid_bands": "Age-standardised G.2: invalid or empty band counts for quartier(s) {ex}.",
    "audit": "{text}",
}

#: the text of one item of a summarised message
ENGLISH_ITEMS = {
    "suppressed": "{indicator} in {n} quartiers",
    "zero_denominator": "{indicator} in {ex}",
    "totals_leave_out": "{indicator}: {n} quartiers",
}


class Message:
    """One message of a run: ``key`` of :data:`ENGLISH`, ``level`` (:data:`WARNING` / :data:`INFO`), parameters."""

    def __init__(self, key, level, **params):
        self.key = key
        self.level = level
        self.params = params

    def text(self, texts=None, item_texts=None, indicator=None, reasons=None):
        return render(self.key, self.params, texts, item_texts, indicator, reasons)

    def __str__(self):
        return self.text()

    def startswith(self, prefix):  # lets code that expects text test a message
        return str(self).startswith(prefix)

    def __repr__(self):
        return "Message({!r}, {!r}, {!r})".format(self.key, self.level, self.params)


def render(key, params, texts=None, item_texts=None, indicator=None, reasons=None):
    """The text of ``key`` with ``params``: ``texts`` / ``item_texts`` the templates (default English),
    ``indicator`` a function id -> shown label for the parameter ``indicator`` (default: the id), ``reasons``
    {English reason of ``parse``: shown text} (default: as they are)."""
    texts = ENGLISH if texts is None else texts
    item_texts = ENGLISH_ITEMS if item_texts is None else item_texts
    reasons = reasons or {}
    values = dict(params)
    if "cells" in values:
        values["ex"] = examples("{} ({!r}: {})".format(q, raw, reasons.get(reason, reason))
                                for q, raw, reason in values.pop("cells"))
    if indicator is not None and "indicator" in values:
        values["indicator"] = indicator(values["indicator"])
    for name in ("indicators", "ids", "public"):
        if isinstance(values.get(name), (list, tuple)):
            values[name] = ", ".join(str(v) for v in values[name])
    if "items" in values:
        values["items"] = "; ".join(item_texts[key].format(**item) for item in values["items"])
    return texts[key].format(**values)


def examples(items, n=5):
    """"a, b, c, d, e, … (12)": the first ``n`` items, the count when there are more (no words: any language)."""
    items = list(items)
    text = ", ".join(str(x) for x in items[:n])
    if len(items) > n:
        text += ", … ({})".format(len(items))
    return text
