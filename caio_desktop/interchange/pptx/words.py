"""The few words only a deck writes (the deliverables' own words come from `deliverables.i18n`)."""

from __future__ import annotations

from caio_desktop.interchange.deliverables import i18n

_WORDS: dict[str, tuple[str, str]] = {
    "agenda": ("Ordre du jour", "Agenda"),
    "continued": ("{title} ({n}/{total})", "{title} ({n}/{total})"),
    "done": ("Réalisé", "Done"),
    "remaining": ("Reste à faire", "Remaining"),
    "start": ("Début", "Start"),
    "baseline": ("Référence", "Baseline"),
    "no_measurement": ("Aucune mesure à ce jour", "No measurement yet"),
    "more_rows": ("… et {n} lignes de plus dans le rapport.", "… and {n} more rows in the report."),
    "series": ("Séries :", "Series:"),
    "milestones": ("Jalons", "Milestones"),
    "done_short": ("atteint", "done"),
    "due_short": ("prévu", "due"),
}


def word(key: str, lang: str, **values: object) -> str:
    """A deck word in `lang`, falling back to the deliverables' dictionary for the shared ones."""
    if key in _WORDS:
        fr, en = _WORDS[key]
        return (fr if lang == "fr" else en).format(**values)
    return i18n.text(key, lang, **values)


def continued(title: str, n: int, total: int, lang: str) -> str:
    """A slide title with its place in a run of continuation slides: "Top risks (2/3)"."""
    return title if total <= 1 else word("continued", lang, title=title, n=n, total=total)
