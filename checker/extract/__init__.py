"""checker.extract."""
