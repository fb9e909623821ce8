"""MkDocs hook: one generated page per section of every instrument (the task-list pattern).

Each page is a line of Markdown calling the `instrument_section` macro, so adding an
instrument or a section to data/instruments/ needs no new page by hand. The macros plugin
validates the data fully; this only reads each file's id and section ids.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from mkdocs.structure.files import File

# MkDocs loads this file by path; make the `macros` package importable from the project root.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros.loader import SAFE_LOADER  # noqa: E402
from macros.render.instrument import section_page  # noqa: E402


def on_files(files, config):
    project = Path(config.config_file_path).parent
    folder = project / config.extra.get("iom_data_dir", "data") / "instruments"
    for path in sorted(folder.glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
            continue  # the macros plugin reports what is wrong with the file
        for section in data["sections"]:
            if not isinstance(section, dict) or "id" not in section:
                continue
            markdown = f'{{{{ instrument_section("{data["id"]}", "{section["id"]}") }}}}\n'
            files.append(
                File.generated(config, section_page(data["id"], section["id"]), content=markdown)
            )
    return files
