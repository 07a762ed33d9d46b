"""Problems people can act on, and the small exception tree the core raises."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where, what was expected, how to fix it, and a stable ``code``.

    The code names the kind of problem (kebab-case, as frictionless names its error types; a frictionless error keeps
    its own type). Every code is listed, with what it means and how to fix it, in datapackages/README.md.
    """

    path: str
    row: int | None
    field: str | None
    message: str
    hint: str = ""
    code: str = dataclass_field(kw_only=True)

    def __str__(self) -> str:
        where = self.path
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f', field "{self.field}"'
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text

    def as_tuple(self) -> tuple[str, int | None, str | None, str]:
        """Flat form used by tests: (file name, row, field, code)."""
        return (self.path.rsplit("/", 1)[-1], self.row, self.field, self.code)


class ForcepagesError(Exception):
    """Base class: anything the CLI turns into a message and exit status 1."""


class ValidationFailed(ForcepagesError):
    """The data packages broke the contract; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.row or 0, p.field or "", p.message))
        super().__init__(f"{len(self.problems)} problem(s) in the data packages")

    def __reduce__(self):  # noqa: ANN204
        """Pickled with its problems (a worker process's error reaches the build process whole)."""
        return (type(self), (self.problems,))


class ConfigError(ForcepagesError):
    """mkdocs.yml extra settings are wrong."""


class BuildError(ForcepagesError):
    """Rendering or MkDocs failed."""


def unexpected_problem(exc: BaseException, where: str) -> Problem:
    """Any other failure as a Problem: the file it names where it names one (OSError), else ``where``."""
    path = getattr(exc, "filename", None) or where
    text = " ".join(str(exc).split())[:300]
    return Problem(str(path), None, None, f"could not be read or built: {type(exc).__name__}: {text}.",
                   "This input is outside what forcepages checks for; run forcepages validate --debug to see where it "
                   "failed, and correct the file named.", code="unexpected-error")
