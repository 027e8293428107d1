"""Which column of a client's sheet goes into which field of a module.

Proposed from the module's field keys, FR/EN labels and synonyms (accents, case and punctuation folded;
rapidfuzz for near misses), or read from a mapping file:

    {"module": "use_cases", "sheet": "Sheet1", "header_row": 1,
     "columns": {"Titel": "title", "Beskrivning": "description"}}

Columns mapped to no field are kept as the rows' custom attributes, so nothing the client wrote is lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from caio_desktop.domain.fields import FieldKind, Module
from caio_desktop.domain.modules import module as get_module
from caio_desktop.interchange.importing.errors import MappingError
from caio_desktop.interchange.importing.text import clean_header, fold

THRESHOLD = 80  # below this a column is not proposed for a field (kept as a custom attribute)


@dataclass
class ColumnMapping:
    """Header → field key (None: kept as a custom attribute), with the sheet and header row it came from."""

    module: str
    columns: dict[str, str | None]
    sheet: str | None = None
    header_row: int | None = None  # 1-based row number in the sheet
    scores: dict[str, float] = field(default_factory=dict)
    # Header → {a distinct cell's text → what it means}: a level (1–5) for a level column, a choice
    # code for a choice column; from the mapping file's "values" or the wizard.
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)  # header → steps of a numeric scale (1–3, 1–4)

    @property
    def fields(self) -> dict[str, str]:
        """Field key → header, for the mapped columns."""
        return {f: h for h, f in self.columns.items() if f}

    def missing_required(self) -> list[str]:
        mod = get_module(self.module)
        mapped = set(self.fields)
        return [f.key for f in mod.required_fields if f.key not in mapped and not f.computed]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"module": self.module}
        if self.sheet:
            data["sheet"] = self.sheet
        if self.header_row:
            data["header_row"] = self.header_row
        data["columns"] = {h: f for h, f in self.columns.items() if f}
        if self.values:
            data["values"] = {h: dict(v) for h, v in self.values.items() if v}
        if self.scales:
            data["scales"] = dict(self.scales)
        return data

    def value_overrides(self, header: str) -> dict[str, Any]:
        """The mapping file's meanings of `header`'s cells, keyed by folded text."""
        given = self.values.get(header)
        if given is None:
            given = next((v for h, v in self.values.items() if fold(h) == fold(header)), {})
        return {fold(str(k)): v for k, v in given.items()}

    def scale_steps(self, header: str) -> int | None:
        return self.scales.get(header) or next((n for h, n in self.scales.items() if fold(h) == fold(header)),
                                               None)


@cache
def field_names(module_key: str) -> dict[str, tuple[str, ...]]:
    """Importable field key → the folded names a client may use for it (key, labels, synonyms)."""
    mod = get_module(module_key)
    names = {}
    for f in mod.fields:
        if f.computed:
            continue
        candidates = (f.key.replace("_", " "), f.key.removesuffix("_id").replace("_", " "), f.fr, f.en,
                      *f.synonyms)
        names[f.key] = tuple(dict.fromkeys(n for n in (fold(c) for c in candidates) if n))
    return names


def known_names(module_key: str) -> set[str]:
    return {n for names in field_names(module_key).values() for n in names}


def score(header: str, names: tuple[str, ...]) -> float:
    """How well a folded header names a field: 100 for an exact name, ~90 when a name is a phrase of
    the header with a word or two more ("agency name" for "agency"), fuzzy ratio for misspellings."""
    best = 0.0
    words = header.split()
    for name in names:
        if header == name:
            return 100.0
        name_words = name.split()
        if _contains(words, name_words):
            best = max(best, 90.0 - 4 * (len(words) - len(name_words)))
        if abs(len(header) - len(name)) <= max(3, len(name) // 4):
            best = max(best, fuzz.ratio(header, name) * 0.95)
    return best


def _contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def propose(module_key: str, headers: list[str]) -> ColumnMapping:
    """The best mapping of `headers` onto the module's importable fields: best scores first, each field
    and each column used at most once, computed fields never."""
    names = field_names(module_key)
    folded = {h: fold(h) for h in headers}
    pairs = []
    for position, header in enumerate(headers):
        for key, candidates in names.items():
            value = score(folded[header], candidates)
            if value >= THRESHOLD:
                pairs.append((-value, position, key, header))
    pairs.sort()
    columns: dict[str, str | None] = dict.fromkeys(headers)
    scores: dict[str, float] = {}
    taken: set[str] = set()
    for negative, _position, key, header in pairs:
        if key in taken or columns[header] is not None:
            continue
        columns[header] = key
        scores[header] = -negative
        taken.add(key)
    return ColumnMapping(module_key, columns, scores=scores)


def from_json(data: dict[str, Any], *, module_key: str | None = None) -> ColumnMapping:
    """A mapping read from a mapping file's content, checked against the module's fields."""
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise MappingError('a mapping file holds {"module": …, "columns": {"Header": "field", …}}')
    key = data.get("module") or module_key
    if module_key and key != module_key:
        raise MappingError(f"the mapping is for {key!r}, not {module_key!r}")
    if not key:
        raise MappingError("the mapping names no module")
    mod = get_module(key)
    columns: dict[str, str | None] = {}
    for header, target in data["columns"].items():
        if target in (None, "", "custom"):
            columns[clean_header(header)] = None
            continue
        _check_field(mod, str(target))
        columns[clean_header(header)] = str(target)
    header_row = data.get("header_row")
    if header_row is not None and (not isinstance(header_row, int) or header_row < 1):
        raise MappingError(f"header_row must be a row number (1, 2, …), not {header_row!r}")
    values = data.get("values") or {}
    if not isinstance(values, dict) or not all(isinstance(v, dict) for v in values.values()):
        raise MappingError('"values" holds {"Header": {"cell text": level or choice code, …}, …}')
    scales = data.get("scales") or {}
    if not isinstance(scales, dict) or not all(isinstance(n, int) and 2 <= n <= 5 for n in scales.values()):
        raise MappingError('"scales" holds {"Header": 3 or 4, …} (the steps of a numeric scale)')
    for header, meanings in values.items():
        target = columns.get(clean_header(header))
        if target and mod.field(target).kind == FieldKind.SCORE:
            bad = [k for k, v in meanings.items() if not (isinstance(v, int) and 1 <= v <= 5)]
            if bad:
                raise MappingError(f"the levels of {header!r} must be 1 to 5 (not for {', '.join(bad)})")
    return ColumnMapping(key, columns, sheet=data.get("sheet"), header_row=header_row,
                         values={clean_header(h): dict(v) for h, v in values.items()},
                         scales={clean_header(h): n for h, n in scales.items()})


def _check_field(mod: Module, key: str) -> None:
    if not mod.has_field(key):
        raise MappingError(f"{mod.key} has no field {key!r}; its fields are "
                           f"{', '.join(f.key for f in mod.editable_fields)}")
    if mod.field(key).computed:
        raise MappingError(f"{mod.key}.{key} is computed and cannot be imported")


def apply_to_headers(mapping: ColumnMapping, headers: list[str]) -> ColumnMapping:
    """`mapping` (from a file or saved) laid over the actual headers: matched exactly, then ignoring
    case and accents; headers it does not list are kept as custom attributes."""
    by_fold = {fold(h): f for h, f in mapping.columns.items()}
    columns: dict[str, str | None] = {}
    for header in headers:
        target = mapping.columns.get(header)
        if target is None:
            target = by_fold.get(fold(header))
        columns[header] = target
    return ColumnMapping(mapping.module, columns, sheet=mapping.sheet, header_row=mapping.header_row,
                         scores={h: 100.0 for h, f in columns.items() if f}, values=dict(mapping.values),
                         scales=dict(mapping.scales))


def load(path: Path | str, *, module_key: str | None = None) -> ColumnMapping:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise MappingError(f"{Path(path).name} is not valid JSON ({exc})") from None
    return from_json(data, module_key=module_key)


def save(mapping: ColumnMapping, path: Path | str) -> Path:
    """Write a mapping file atomically, owner-only like every file we write (client column names)."""
    from caio_desktop.interchange.atomic_file import atomic_output

    path = Path(path)
    with atomic_output(path) as tmp:
        tmp.write_text(json.dumps(mapping.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def importable_modules() -> list[str]:
    """Modules a spreadsheet can be imported into (every register but the engagement itself)."""
    from caio_desktop.domain.modules import MODULES

    return [key for key, mod in MODULES.items() if not mod.singleton]


def setting_key(module_key: str) -> str:
    return f"import_mapping:{module_key}"
