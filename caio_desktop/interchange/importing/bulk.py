"""Helpers for bulk work on hundreds of thousands of rows."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of short-lived objects are made (cells, row
    dicts): each full collection would walk all of them again, a quarter of a large import's time.
    The rows it makes hold no reference cycles, so nothing is left behind."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
