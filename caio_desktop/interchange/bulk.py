"""Helpers for bulk work on hundreds of thousands of rows."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of short-lived objects are made (cells, row
    dicts): each full collection would walk all of them again, a quarter of a large import's time.
    The rows it makes hold no reference cycles, so nothing is left behind.

    On the way out the objects made meanwhile are moved to the oldest generation in one step
    (`gc.freeze` then `gc.unfreeze`) instead of being left young: otherwise the first allocations after
    the pause would walk all of them, once per generation. Garbage among them is still collected, by
    the next full collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
