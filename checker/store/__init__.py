"""checker.store."""
