"""Plain-Python rules of an engagement: enumerations, module fields, scoring, validation (no Qt, no SQL)."""
