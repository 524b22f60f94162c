#!/usr/bin/env python
"""Write the demo's report PDFs (demo/reports.py) to a folder, to read them before they reach the site.

    .venv/bin/python bin/build_reports.py [folder]      # default: var/reports/

load_demo_content builds the same files itself: this script is for looking at them.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from demo.reports import REPORTS, build  # noqa: E402


def main(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for key, languages in REPORTS.items():
        for language in languages:
            name, content = build(key, language)
            (folder / name).write_bytes(content)
            print(folder / name, f"{len(content)} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "var" / "reports")
