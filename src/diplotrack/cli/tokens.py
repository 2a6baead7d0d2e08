"""``diplotrack tokens``."""
