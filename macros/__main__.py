"""Check the content without building the site: `python -m macros [data-dir]`.

Prints every problem (file and key path) and exits 1, or prints a summary and exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import load_content
from .validate import ContentInvalid


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    try:
        content = load_content(data_dir)
    except ContentInvalid as invalid:
        print(invalid, file=sys.stderr)
        return 1
    print(f"ok: {len(content.docs)} files, {len(content.ids)} ids")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
