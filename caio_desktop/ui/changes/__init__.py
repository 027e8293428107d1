"""The Changes view (comparisons of two states of the engagement) and its Qt models."""
