"""The exception tree. The CLI maps it to exit statuses: 2 for what the user can act on, 1 for the rest.

    AlignError                  exit 1 — something failed inside (an engine crashed, a cache is broken)
    ├── InputError              exit 2 — bad input: names the file and the problem
    ├── ModelMissingError       exit 2 — a model or engine the user asked for is not installed; says how to install it
    └── EngineError             exit 1 — a translation or embedding engine failed while running
"""


class AlignError(Exception):
    """Base of every error the tool raises on purpose."""

    exit_status = 1


class InputError(AlignError):
    """Bad input from the user: names the file and the problem."""

    exit_status = 2

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ModelMissingError(AlignError):
    """A model the user asked for is not installed; the message says how to install it."""

    exit_status = 2


class EngineError(AlignError):
    """A translation or embedding engine failed while running (its own message says how)."""
