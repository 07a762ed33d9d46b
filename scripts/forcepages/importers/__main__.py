"""python -m forcepages.importers [--raw DIR] [--out DIR] [PACKAGE ...]"""

from __future__ import annotations

import argparse
import sys

from forcepages.importers import IMPORTERS, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m forcepages.importers",
                                     description="Rewrite the data packages from the raw official files.")
    parser.add_argument("packages", nargs="*",
                        help=f"packages to build (default: all): {', '.join(IMPORTERS)}")
    parser.add_argument("--raw", help="folder of raw files (default: $FORCEPAGES_RAW or ../shared/data/raw)")
    parser.add_argument("--out", help="folder to write packages into (default: datapackages/)")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    unknown = [p for p in args.packages if p not in IMPORTERS]
    if unknown:
        parser.error(f"unknown package(s): {', '.join(unknown)}; choose from {', '.join(IMPORTERS)}")
    try:
        run(args.packages or None, raw=args.raw, out=args.out, verbose=not args.quiet)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
