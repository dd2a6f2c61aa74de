"""A pre-commit hook: refuses files over MAX_KB (the pre-commit-hooks repository's
check-added-large-files, which CI cannot fetch offline).

Usage: large_files.py [--max-kb N] FILE..."""

import sys
from pathlib import Path

MAX_KB = 500


def main(argv: list[str]) -> int:
    limit = MAX_KB
    if argv[:1] == ["--max-kb"]:
        limit, argv = int(argv[1]), argv[2:]
    too_large = [
        (name, size // 1024)
        for name in argv
        if (path := Path(name)).is_file() and (size := path.stat().st_size) > limit * 1024
    ]
    for name, kb in too_large:
        print(f"{name}: {kb} KB, over {limit} KB; keep built or downloaded files out of git")
    return 1 if too_large else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
