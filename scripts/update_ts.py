#!/usr/bin/env python3
"""Extract the literal strings of tr("...") calls into a Qt .ts file (context "Quartiersmonitor").

pylupdate5 names the context after the enclosing class, while the plugin translates everything in one context;
this extractor reads the code with ``ast`` instead. Translations already in the .ts are kept; strings no longer in
the code are marked obsolete.

Usage: update_ts.py PLUGIN_DIR TS_FILE
"""

import ast
import os
import sys
import xml.etree.ElementTree as ET

CONTEXT = "Quartiersmonitor"
SKIP_DIRS = {"tests", "scripts", "benchmarks", "docs", ".venv", "build", "demo-output", ".git", "__pycache__"}


def tr_literals(path):
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name != "tr":
            continue
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            yield arg.value, node.lineno


def collect(plugin_dir):
    found = {}
    for root, dirs, files in os.walk(plugin_dir):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".py"):
                for text, line in tr_literals(os.path.join(root, name)):
                    found.setdefault(text, (os.path.relpath(os.path.join(root, name), plugin_dir), line))
    return found


def existing_translations(ts_file):
    if not os.path.exists(ts_file):
        return {}
    result = {}
    for message in ET.parse(ts_file).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is not None and translation is not None and translation.text:
            result[source] = translation.text
    return result


def write_ts(ts_file, found, translations, language="de_DE"):
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(set(found) | set(translations)):
        message = ET.SubElement(context, "message")
        if source in found:
            path, line = found[source]
            ET.SubElement(message, "location", filename=path, line=str(line))
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in translations:
            translation.text = translations[source]
            if source not in found:
                translation.set("type", "obsolete")
        else:
            translation.set("type", "unfinished")
    ET.indent(root) if hasattr(ET, "indent") else None
    with open(ts_file, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding="utf-8"))
        handle.write(b"\n")


def main(argv):
    plugin_dir, ts_file = argv[1], argv[2]
    found = collect(plugin_dir)
    translations = existing_translations(ts_file)
    write_ts(ts_file, found, translations)
    missing = sorted(s for s in found if s not in translations)
    print("{}: {} strings, {} without translation".format(ts_file, len(found), len(missing)))
    for source in missing:
        print("  untranslated: {!r}".format(source))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
