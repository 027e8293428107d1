"""The garbage collector pause around bulk work restores what it found, even on error."""

from __future__ import annotations

import gc

import pytest

from caio_desktop.interchange.importing.bulk import paused_gc


def test_paused_gc_restores_the_collector_state() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        raise RuntimeError("an import failed half way")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # someone else had paused it: left paused
    finally:
        gc.enable()
