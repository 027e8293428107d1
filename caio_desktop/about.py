"""What the application is made of: its version, the bundled components with their licences, and the
versions of the reference content. Shown by the About dialog and by `caio about`."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from caio_desktop import APP_NAME, __version__


@dataclass(frozen=True)
class Component:
    """A third-party component shipped with the application."""

    name: str  # distribution name on PyPI
    licence: str
    url: str

    @property
    def version(self) -> str:
        try:
            return metadata.version(self.name)
        except metadata.PackageNotFoundError:
            return "—"


COMPONENTS: tuple[Component, ...] = (
    Component("PySide6-Essentials", "LGPL-3.0 (Qt for Python)", "https://www.qt.io/qt-for-python"),
    Component("SQLAlchemy", "MIT", "https://www.sqlalchemy.org"),
    Component("openpyxl", "MIT", "https://openpyxl.readthedocs.io"),
    Component("python-calamine", "MIT", "https://github.com/dimastbk/python-calamine"),
    Component("reportlab", "BSD-3-Clause", "https://www.reportlab.com"),
    Component("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    Component("PyYAML", "MIT", "https://pyyaml.org"),
    Component("RapidFuzz", "MIT", "https://github.com/rapidfuzz/RapidFuzz"),
    Component("rl-accel", "BSD-3-Clause", "https://hg.reportlab.com/hg-public/rl-accel"),
    Component("svglib", "LGPL-3.0", "https://github.com/deeplook/svglib"),
    Component("lxml", "BSD-3-Clause", "https://lxml.de"),
    Component("pypdfium2", "Apache-2.0 or BSD-3-Clause (PDFium: BSD-3-Clause)", "https://github.com/pypdfium2-team/pypdfium2"),
    Component("python-docx", "MIT", "https://github.com/python-openxml/python-docx"),
    Component("pillow", "MIT-CMU", "https://python-pillow.org"),
    Component("python-pptx", "MIT", "https://github.com/scanny/python-pptx"),
    Component("cryptography", "Apache-2.0 or BSD-3-Clause", "https://cryptography.io"),
    Component("sqlcipher3-binary", "zlib (SQLCipher: BSD-3-Clause)", "https://github.com/coleifer/sqlcipher3"),
    Component("psycopg", "LGPL-3.0", "https://www.psycopg.org"),
)


def about_text(lang: str = "en") -> str:
    """A plain-text summary (CLI and clipboard): version, components, reference content."""
    from caio_desktop.reference.catalog import list_reference_files

    lines = [f"{APP_NAME} {__version__}", ""]
    lines.append("Composants" if lang == "fr" else "Components")
    lines += [f"  {c.name} {c.version} — {c.licence}" for c in COMPONENTS]
    lines += ["", "Contenu de référence" if lang == "fr" else "Reference content"]
    lines += [f"  {r.id} {r.version} ({'à jour au' if lang == 'fr' else 'as of'} {r.as_of}) — {r.source_title}"
              for r in list_reference_files()]
    return "\n".join(lines)
