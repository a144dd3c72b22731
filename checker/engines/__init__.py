"""checker.engines."""
