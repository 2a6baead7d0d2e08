"""``diplotrack demo``."""
