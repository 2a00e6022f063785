#!/usr/bin/env python3
"""Merge translations from a JSON object {"source": "Übersetzung", ...} into a .ts file.

Usage: fill_ts.py TS_FILE JSON_FILE [JSON_FILE ...]
Only messages present in the .ts are filled; run update_ts.py first.
"""

import json
import sys
import xml.etree.ElementTree as ET


def main(argv):
    ts_file = argv[1]
    mapping = {}
    for path in argv[2:]:
        with open(path, encoding="utf-8") as handle:
            mapping.update(json.load(handle))
    tree = ET.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in mapping and translation is not None:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            filled += 1
    if hasattr(ET, "indent"):
        ET.indent(tree.getroot())
    with open(ts_file, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(tree.getroot(), encoding="utf-8"))
        handle.write(b"\n")
    print("{}: filled {} translations".format(ts_file, filled))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
