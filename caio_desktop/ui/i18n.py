"""The interface language: French or English through Qt's translation system.

Strings in the code are English (`self.tr(...)`, `QCoreApplication.translate(...)`); the French ones
live in `resources/translations/caio_fr.ts` (source, edited with Qt Linguist or by hand) and the
compiled `caio_fr.qm` next to it, which the app loads at run time (no tool needed to run). Regenerate:

    .venv/bin/pyside6-lupdate caio_desktop/ui -extensions py -ts caio_desktop/resources/translations/caio_fr.ts
    .venv/bin/pyside6-lrelease caio_desktop/resources/translations/caio_fr.ts

Module, field and enumeration labels are not here: they come from the domain registry in both
languages. Qt's own dialogs (buttons of message boxes, the colour dialog) use Qt's translations when
the system provides them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("fr", "en")
_installed: list[QTranslator] = []


def translations_dir() -> str:
    # A plain path next to the package (also inside a PyInstaller bundle): importlib.resources would
    # cost start-up time for nothing.
    return str(Path(__file__).resolve().parents[1] / "resources" / "translations")


def system_language() -> str:
    """French when the system speaks French, English otherwise."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def install_language(lang: str) -> bool:
    """Load the translations of `lang` into the running application (English needs none)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "fr":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        plurals = QTranslator(app)  # English needs only its plural forms ("1 row", "2 rows")
        if plurals.load("caio_en", translations_dir()):
            app.installTranslator(plurals)
            _installed.append(plurals)
        return True
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    ours = QTranslator(app)
    loaded = ours.load("caio_fr", translations_dir())
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a string outside a QObject (module-level labels)."""
    return QCoreApplication.translate(context, text, disambiguation, n)
