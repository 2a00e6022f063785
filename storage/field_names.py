"""Field names of an output layer: which input fields the new ones replace, and names that every format takes
(no QGIS, no Qt).

An algorithm that adds its own fields to a copy of the user's layer (``quartier_id``, ``assign_status``,
``nearest_distance_m`` …) *replaces* an input field of the same name instead of adding ``quartier_id_2``: running it
again on its own output is a normal act. :func:`replaced_fields` says which input field each new field takes the
place of.
"""

MAX_NAME_LENGTH = 63  # PostgreSQL/PostGIS identifiers; GeoPackage and memory layers take them too
SHAPEFILE_NAME_LENGTH = 10  # a shapefile (dBase) keeps the first 10 characters of a field name


def replaced_fields(input_names, new_names):
    """``{input position: new position}``: the input fields a new field replaces.

    An input field is replaced by the new field of the same name (case-insensitive), or, where no input field has
    that name, by the new field whose name a shapefile cuts to the input field's (``quartier_i`` is the
    ``quartier_id`` of an earlier run written to a shapefile) when exactly one new field is cut to it. Each input
    field is replaced at most once, each new field replaces at most one input field."""
    lower = [name.lower() for name in input_names]
    by_name = {}
    for i, name in enumerate(lower):
        by_name.setdefault(name, i)
    cut_count = {}
    for name in new_names:
        cut = name.lower()[:SHAPEFILE_NAME_LENGTH]
        cut_count[cut] = cut_count.get(cut, 0) + 1
    replaced = {}
    for k, name in enumerate(new_names):
        key = name.lower()
        i = by_name.get(key)
        if i is None and len(key) > SHAPEFILE_NAME_LENGTH and cut_count[key[:SHAPEFILE_NAME_LENGTH]] == 1:
            i = by_name.get(key[:SHAPEFILE_NAME_LENGTH])
            if i is not None and lower[i] in {n.lower() for n in new_names}:
                i = None  # the cut name is itself one of the new fields
        if i is not None and i not in replaced:
            replaced[i] = k
    return replaced


def bounded_name(prefix, slug, taken, limit=MAX_NAME_LENGTH):
    """``prefix + slug`` cut to ``limit`` characters and made unique among ``taken`` (a set of lower-case names, to
    which the name is added) by a suffix ``_2``, ``_3`` … that also stays within ``limit``."""
    name = (prefix + slug)[:limit]
    candidate, k = name, 2
    while candidate.lower() in taken:
        suffix = "_{}".format(k)
        candidate = name[:limit - len(suffix)] + suffix
        k += 1
    taken.add(candidate.lower())
    return candidate
