"""Finding the header row of a client's sheet: it is not always row 1 (titles above, blank rows,
merged banner cells), and its cells may hold line breaks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from caio_desktop.interchange.importing import limits
from caio_desktop.interchange.importing.reader import Table, filled
from caio_desktop.interchange.importing.text import clean_header, fold


def _is_label(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not _numeric(value)


def _numeric(text: str) -> bool:
    try:
        float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return False
    return True


def detect_header(table: Table, known: Iterable[str]) -> int:
    """The index in `table.rows` of the most header-like row among the first ones.

    A header has many distinct short text cells, some of which name known fields (`known`: folded
    labels and synonyms), and is followed by data; title rows above it have one cell, data rows below
    it have numbers, dates and longer texts that name no field.
    """
    names = set(known)
    best_index, best_score = None, float("-inf")
    candidates = [i for i, cells in enumerate(table.rows[: limits.HEADER_SCAN_ROWS * 3])
                  if any(filled(c) for c in cells)][: limits.HEADER_SCAN_ROWS]
    for position, index in enumerate(candidates):
        cells = table.rows[index]
        labels = [fold(c) for c in cells if _is_label(c)]
        if not labels:
            continue
        others = sum(1 for c in cells if filled(c) and not _is_label(c))
        recognised = sum(1 for text in labels if text in names)
        long_texts = sum(1 for c in cells if _is_label(c) and len(c) > 120)
        followed = position + 1 < len(candidates)
        score = (len(set(labels)) + 3 * recognised - 2 * others - long_texts + (1 if followed else -3)
                 - 0.01 * position)
        if score > best_score:
            best_index, best_score = index, score
    return best_index if best_index is not None else 0


def header_names(table: Table, index: int, *, lang: str = "en") -> list[str]:
    """The header cells of row `index` as unique, single-line names.

    An empty header cell inside a merged range takes the range's name; any other empty one is named by
    its column letter ("Column D"), so that its values can still be kept as custom attributes.
    """
    cells = table.rows[index] if table.rows else []
    width = table.width
    row_zero = index
    names: list[str] = []
    seen: dict[str, int] = {}
    for column in range(width):
        text = clean_header(cells[column] if column < len(cells) else None)
        if not text:
            text = _merged_name(table, row_zero, column, cells) or (
                f"{'Colonne' if lang == 'fr' else 'Column'} {column_letters(column)}")
        count = seen.get(text.lower(), 0)
        seen[text.lower()] = count + 1
        names.append(text if not count else f"{text} ({count + 1})")
    return names


def sub_header(table: Table, index: int) -> int | None:
    """The row under the header `index` when the two form one header ("Probabilité" merged over
    "Brute | Résiduelle"): a header cell merged across several columns with labels under it, and that
    row holding labels only. None otherwise (a sheet without merged header cells never combines)."""
    below = index + 1
    if below >= len(table.rows):
        return None
    cells = table.rows[below]
    spans = [(left, right) for (top, left), (bottom, right) in table.merged
             if top == index and bottom == index and right > left]
    if not spans:
        return None
    under = any(any(_is_label(cells[c]) for c in range(left, min(right + 1, len(cells)))) for left, right in spans)
    only_labels = all(_is_label(c) for c in cells if filled(c))
    return below if under and only_labels else None


def combined_names(table: Table, index: int, *, lang: str = "en") -> list[str]:
    """The names of a two-row header (`index` and the row below): "Probabilité Brute", "Probabilité
    Résiduelle" under a merged "Probabilité"; a column with nothing below keeps the upper name."""
    top = table.rows[index]
    generated = header_names(table, index, lang=lang)
    upper = [clean_header(top[c] if c < len(top) else None) or _merged_name(table, index, c, top) or generated[c]
             for c in range(len(generated))]
    cells = table.rows[index + 1]
    names: list[str] = []
    seen: dict[str, int] = {}
    for column, name in enumerate(upper):
        lower = clean_header(cells[column] if column < len(cells) else None)
        blank_above = not clean_header(table.rows[index][column] if column < len(table.rows[index]) else None)
        if lower and blank_above and not _merged_name(table, index, column, table.rows[index]):
            text = lower  # a name only in the lower row (its upper cell empty, merged with nothing)
        else:
            text = f"{name} {lower}" if lower else name
        count = seen.get(text.lower(), 0)
        seen[text.lower()] = count + 1
        names.append(text if not count else f"{text} ({count + 1})")
    return names


def _merged_name(table: Table, row_zero: int, column: int, cells: list[Any]) -> str:
    for (top, left), (bottom, right) in table.merged:
        if top <= row_zero <= bottom and left <= column <= right and left < len(cells):
            return clean_header(cells[left])
    return ""


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
