"""The demo engagement: a French mid-size insurer at month 4 of a 12-month interim CAIO mission.

    build_demo(Path("demo.caio"), lang="en")

It feeds `make run`, the screenshots and every deliverable test. The content lives in
`caio_desktop/resources/demo/*.yaml` (each text in both languages, dates as days after the start).
"""

from caio_desktop.demo.builder import DAYS_BEFORE_TODAY, build_demo, demo_start

__all__ = ["DAYS_BEFORE_TODAY", "build_demo", "demo_start"]
