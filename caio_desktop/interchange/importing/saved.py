"""Mappings saved in the workspace (setting `import_mapping:<module>`), reused by the next import of a
sheet laid out the same way."""

from __future__ import annotations

from caio_desktop.interchange.importing import mapping as mappings
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.settings import set_setting


def save_mapping_in_workspace(workspace, mapping: mappings.ColumnMapping) -> ChangeSet:  # noqa: ANN001
    """Remember `mapping` for the module's next import (an operation: audited, undoable)."""
    return set_setting(workspace, mappings.setting_key(mapping.module), mapping.to_json())


def load_saved_mapping(workspace, module_key: str) -> mappings.ColumnMapping | None:  # noqa: ANN001
    from caio_desktop.workspace.queries import setting

    saved = setting(workspace, mappings.setting_key(module_key))
    return mappings.from_json(saved, module_key=module_key) if saved else None
