"""Reading the demo content: YAML files in `caio_desktop/resources/demo`, merged into one mapping of
module key → rows, with every `{fr: ..., en: ...}` text resolved to one language.

Both languages live side by side in the same row so that the French and English demos always have the
same structure and the same numbers; a text missing one language fails loudly, naming where it is.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

RESOURCE_PACKAGE = "caio_desktop.resources.demo"
LANGUAGES = ("fr", "en")


class DemoContentError(ValueError):
    """The demo content files do not have the expected shape (a bug in the shipped YAML)."""


@cache
def raw_content() -> dict[str, Any]:
    """All demo files merged (module key → rows, or a mapping for the engagement); cached."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader parses ~10× faster
    merged: dict[str, Any] = {}
    root = resources.files(RESOURCE_PACKAGE)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = yaml.load(entry.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - safe loader
        if not isinstance(data, dict):
            raise DemoContentError(f"{entry.name}: expected a mapping of module keys to rows")
        for key, value in data.items():
            if key in merged:
                raise DemoContentError(f"{entry.name}: {key!r} is also defined in another demo file")
            merged[key] = value
    return merged


def is_text(node: Any) -> bool:
    return isinstance(node, dict) and bool(node) and set(node) <= set(LANGUAGES)


def localise(node: Any, lang: str, where: str) -> Any:
    """`node` with every bilingual text replaced by its `lang` version, recursively."""
    if is_text(node):
        missing = [code for code in LANGUAGES if not str(node.get(code) or "").strip()]
        if missing:
            raise DemoContentError(f"demo content {where}: the text has no {'/'.join(missing)} version")
        return node[lang]
    if isinstance(node, dict):
        return {k: localise(v, lang, f"{where}.{k}") for k, v in node.items()}
    if isinstance(node, list):
        return [localise(v, lang, f"{where}[{i}]") for i, v in enumerate(node)]
    return node


def content(lang: str) -> dict[str, Any]:
    """The whole demo content in `lang`."""
    if lang not in LANGUAGES:
        raise DemoContentError(f"the demo exists in {' and '.join(LANGUAGES)}, not {lang!r}")
    return {key: localise(value, lang, key) for key, value in raw_content().items()}
