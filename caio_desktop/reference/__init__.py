"""Loaders for the bilingual, sourced reference data shipped in caio_desktop/resources/reference."""
