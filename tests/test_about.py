"""`caio about` and the About dialog name every component the application ships (issue 16 left
`cryptography` out): the list is checked against the runtime dependencies of pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from caio_desktop.about import COMPONENTS, about_text

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()


def test_every_runtime_dependency_is_listed_with_a_licence() -> None:
    dependencies = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["dependencies"]
    listed = {component.name.lower() for component in COMPONENTS}
    missing = sorted({_requirement_name(r) for r in dependencies} - listed)
    assert missing == [], f"add these to caio_desktop.about.COMPONENTS: {missing}"
    assert all(component.licence and component.url.startswith("https://") for component in COMPONENTS)


def test_about_text_shows_installed_versions() -> None:
    text = about_text("en")
    assert re.search(r"cryptography \d+\.\d+", text)
    assert re.search(r"SQLAlchemy 2\.\d+", text)
