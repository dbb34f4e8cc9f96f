"""Errors the user can act on. The CLI turns them into a one-line message and exit status 2."""


class InputError(Exception):
    """Bad input from the user: names the file and the problem."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ModelMissingError(Exception):
    """A model the user asked for is not installed; the message says how to install it."""
