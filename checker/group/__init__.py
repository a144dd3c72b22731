"""checker.group."""
