"""The indicator engine: pure Python (numpy, pandas, stdlib), no qgis, no Qt.

Modules (see ``docs/ENGINE_API.md``, the contract with the Processing algorithms and the dock):

- :mod:`.catalog` — the indicators of INDICATORS.md, extendable from a JSON file;
- :mod:`.parse` — reading count columns of real users' tables (text, decimal commas, negatives);
- :mod:`.ci` — 95 % confidence intervals (Wilson, exact Poisson);
- :mod:`.rates` — values, numerators, denominators, aggregates, confidence intervals, significance;
- :mod:`.suppression` — primary and secondary suppression (statistical confidentiality);
- :mod:`.standardise` — direct age standardisation (ESP 2013), Dobson intervals;
- :mod:`.classify` — class breaks for choropleths and legend labels;
- :mod:`.attention` — the composite index of quartiers needing attention;
- :mod:`.profile` — one quartier's indicators against municipality and county;
- :mod:`.table_input` — the user's text (column mapping, thresholds, weights, years) and the agencies' counts
  tables (clean-up, id matching, diagnostics), with keyed errors (``InputError``) and notes;
- :mod:`.output_rows` — the values an indicator or attention layer holds per quartier.
"""
