"""checker.embed."""
