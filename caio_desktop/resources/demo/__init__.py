"""The demo engagement's content (YAML, one file per area, every text in French and English)."""
