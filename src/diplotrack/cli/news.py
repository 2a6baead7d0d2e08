"""``diplotrack news``."""
