"""The module keys in display order, as a bare tuple: `caio info` needs only these, not the field
registry (which costs more to import than the whole count). A test keeps it equal to `MODULES`."""

MODULE_KEYS: tuple[str, ...] = (
    "engagement", "phases", "team", "maturity", "maturity_ratings", "interviews", "findings", "ai_systems",
    "objectives", "principles", "use_cases", "vendor_criteria", "vendor_options", "vendor_scores",
    "initiatives", "milestones", "kpis", "kpi_measurements", "stakeholders", "trainings", "communications",
    "risks", "risk_actions", "compliance", "decisions", "actions", "watch", "deliverables",
)
