#!/usr/bin/env python3
"""Run every benchmark, one after the other, each in its own process (``make bench``).

Each benchmark runs our algorithm beside the QGIS native algorithm (or other peer) doing the same job, in one
process and one run, and prints the ratio. Extra arguments are passed to every benchmark (e.g. ``--repeat 1``).
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = ("bench_assign.py", "bench_geocode_coverage.py", "bench_mapsheets.py", "bench_gpkg_writer.py",
              "bench_hotspots.py", "bench_network.py",
              "bench_siting.py")


def main(argv):
    failed = []
    for name in BENCHMARKS:
        print("=" * 100, flush=True)
        print(name, flush=True)
        if subprocess.call([sys.executable, os.path.join(HERE, name)] + argv) != 0:
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
