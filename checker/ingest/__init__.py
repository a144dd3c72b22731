"""checker.ingest."""
