"""The garbage collector pause around bulk work restores what it found, even on error."""

from __future__ import annotations

import gc

import pytest

from caio_desktop.interchange.bulk import paused_gc


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


def test_objects_made_during_the_pause_are_not_walked_by_the_next_young_collection() -> None:
    """They leave the pause in the oldest generation, and garbage among them is still collected."""
    import weakref

    class Node:
        pass

    with paused_gc():
        rows = [[n, str(n)] for n in range(10_000)]
        cycle = Node()
        cycle.self = cycle
        alive = weakref.ref(cycle)
        del cycle
    assert gc.get_count()[0] < 1_000
    assert gc.is_tracked(rows[0]) and not gc.get_freeze_count()
    gc.collect()
    assert alive() is None
