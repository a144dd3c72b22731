"""Errors a user can act on: each renders as one line, and the CLI exits with its code."""


class CheckerError(Exception):
    """A problem with the input or the set-up, explained in one line (exit code 2)."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.hint = hint

    def one_line(self) -> str:
        return f"{self}" + (f" ({self.hint})" if self.hint else "")


class InputError(CheckerError):
    """A file or folder that cannot be read as articles."""


class MetadataError(CheckerError):
    """A metadata sidecar that cannot be used."""


class StoreError(CheckerError):
    """A claim store that cannot be opened or written."""
