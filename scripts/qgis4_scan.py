"""QGIS 4 / Qt6 readiness scan of the plugin code, run by ``make lint``.

Runs ``qgis-plugin-analyzer`` (its Qt6 migration rules, the PyQt5 -> PyQt6 checks of the QGIS project's
``pyqt5_to_pyqt6`` script, its obsolete-API rules and its metadata rules for QGIS 4) over the plugin and fails on
any finding of those kinds that is not listed in ALLOWED with its reason. The analyzer's style rules (type hints,
docstrings, "magic numbers") are not ours to follow and are not reported.

    python scripts/qgis4_scan.py [PLUGIN_DIR]
"""

import json
import os
import subprocess
import sys
import tempfile

RULE_PREFIXES = ("QT6_", "OBSOLETE_", "METADATA_", "QGIS4_", "DEPRECATED")

# (file, rule): why it stays. Keep this list short and every entry argued.
ALLOWED = {
    ("compat.py", "OBSOLETE_VARIANT"):
        "QVariant field types only in the branch for QGIS < 3.38, whose QgsField takes nothing else",
    ("metadata.txt", "METADATA_SUPPORTS_QT6"):
        "QGIS 3.x builds on Qt6 (3.40 on Windows) read supportsQt6; QGIS 4 reads qgisMaximumVersion=4.99",
}


def findings(report):
    """Every (file, line, rule, message) in the analyzer's JSON report, once."""
    seen = {}

    def walk(node):
        if isinstance(node, dict):
            rule = node.get("type")
            if isinstance(rule, str) and "message" in node and rule.startswith(RULE_PREFIXES):
                key = (node.get("file", ""), node.get("line", 0), rule)
                seen.setdefault(key, node.get("message", ""))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(report)
    return sorted((f, line, rule, message) for (f, line, rule), message in seen.items())


def main(argv):
    plugin_dir = os.path.abspath(argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(__file__)))
    analyzer = os.path.join(os.path.dirname(sys.executable), "qgis-analyzer")
    with tempfile.TemporaryDirectory(prefix="qm-qgis4-scan-") as out:
        run = subprocess.run(
            [analyzer, "analyze", plugin_dir, "--json", "--linters", "none", "--no-cache", "-o", out,
             "--exclude", "benchmarks,scripts,resources/demo"],
            capture_output=True, text=True, check=False)
    if run.returncode != 0 or not run.stdout.strip():
        print(run.stdout[-2000:], run.stderr[-2000:], sep="\n")
        print("qgis4-scan: the analyzer failed (exit {})".format(run.returncode))
        return 2
    rows = findings(json.loads(run.stdout))
    problems = [row for row in rows if (row[0], row[2]) not in ALLOWED]
    for path, line, rule, message in problems:
        print("{}:{}: {} {}".format(path, line, rule, message))
    allowed = len(rows) - len(problems)
    print("qgis4-scan: {} finding(s), {} allowed with a reason (scripts/qgis4_scan.py ALLOWED)".format(
        len(problems), allowed))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
