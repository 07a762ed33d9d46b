"""Command line: validate, build, serve. The boundary that turns errors into messages and exit codes."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from forcepages.errors import ConfigError, ForcepagesError, Problem, ValidationFailed, unexpected_problem
from forcepages.escape import json_text
from forcepages.paths import project_root

CONFIG_HELP = "The site's mkdocs.yml (default: the nearest one at or above this folder)."


def _settings(config: str | None, datapackages: str | None):
    """Settings from mkdocs.yml, with an optional data folder override."""
    from forcepages.config import load_settings, replace

    file = Path(config) if config else project_root() / "mkdocs.yml"
    if not file.is_file():
        raise ConfigError(f"{file}: no mkdocs.yml here. Run the command in the project folder or pass --config.")
    settings = load_settings(file)
    if datapackages:
        settings = replace(settings, datapackages=str(Path(datapackages).resolve()))
    return settings, file


def _run(debug: bool, action) -> None:
    """Run an action; print problems, not tracebacks (unless --debug)."""
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        action()
    except ValidationFailed as exc:
        for problem in exc.problems:
            click.echo(json_text(str(problem)), err=True)
        click.echo(f"\n{len(exc.problems)} problem(s) found. Nothing was built; the previous site is unchanged.", err=True)
        if debug:
            raise
        sys.exit(1)
    except ForcepagesError as exc:
        click.echo(json_text(f"Error: {exc}"), err=True)
        if debug:
            raise
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except RecursionError:
        if debug:
            raise
        click.echo("Error: an input is nested too deeply to read. Nothing was built; the previous site is unchanged. "
                   "Run forcepages validate to find it.", err=True)
        sys.exit(1)
    except Exception as exc:  # the boundary: anything unexpected becomes a problem naming what it can, unless --debug
        if debug:
            raise
        click.echo(json_text(str(unexpected_problem(exc, "the build"))), err=True)
        click.echo("\n1 problem(s) found. Nothing was built; the previous site is unchanged. "
                   "Run again with --debug for details.", err=True)
        sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="forcepages")
def main() -> None:
    """Build a police performance transparency site from Frictionless data packages."""


def _checked(config: str | None, datapackages: str | None, debug: bool):
    """validate's result as (problems, data, root): every failure a Problem (re-raised with --debug)."""
    from forcepages.validate.load import validate_and_load

    where = config or "mkdocs.yml"
    root = Path(config).parent if config else project_root()
    try:
        settings, _ = _settings(config, datapackages)
        return [], validate_and_load(settings), settings.root
    except ValidationFailed as exc:
        if debug:
            raise
        return exc.problems, None, root
    except ForcepagesError as exc:
        if debug:
            raise
        return [Problem(where, None, None, str(exc), "Correct the settings named above.", code="config-invalid")], None, root
    except RecursionError:
        if debug:
            raise
        return [Problem(where, None, None, "an input is nested too deeply to read.",
                        "Run forcepages validate --debug to find it.", code="input-too-deep")], None, root
    except Exception as exc:  # the boundary: anything unexpected becomes a problem naming what it can, unless --debug
        if debug:
            raise
        return [unexpected_problem(exc, where)], None, root


def _report(fmt: str, config: str | None, datapackages: str | None, debug: bool) -> None:
    """validate --format json|github: the problems (or none) on standard output; exit 1 on any problem."""
    from forcepages.validate import problem_report

    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        problems, data, root = _checked(config, datapackages, debug)
    except KeyboardInterrupt:
        sys.exit(130)
    if fmt == "json":
        click.echo(problem_report.report_json(problems, root))
    else:
        click.echo(problem_report.github_commands(problems, root) if problems else f"All {len(data.packages)} data packages are valid.")
        problem_report.write_step_summary(problems, None if data is None else len(data.packages))
    sys.exit(1 if problems else 0)


@main.command()
@click.option("--config", "-f", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--datapackages", type=click.Path(file_okay=False), help="Folder of data packages (default: from mkdocs.yml).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text: problems for people; json: a report for programs; github: GitHub Actions annotations "
                   "and job summary. Every problem has a code (datapackages/README.md lists them).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def validate(config: str | None, datapackages: str | None, fmt: str, debug: bool) -> None:
    """Check every data package against its schema and the data contract; exit 1 on any problem."""
    if fmt != "text":
        _report(fmt, config, datapackages, debug)

    def action() -> None:
        from forcepages.validate.load import validate_and_load

        settings, _ = _settings(config, datapackages)
        data = validate_and_load(settings)
        click.echo(f"All {len(data.packages)} data packages are valid ({len(data.values):,} indicator values, "
                   f"{len(data.indicators)} indicators, {len(data.areas)} areas).")

    _run(debug, action)


@main.command()
@click.option("--config", "-f", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--datapackages", type=click.Path(file_okay=False), help="Folder of data packages (default: from mkdocs.yml).")
@click.option("--out", type=click.Path(file_okay=False), help="Output folder (default: build/ next to mkdocs.yml).")
@click.option("--strict/--no-strict", default=True, help="Fail on MkDocs warnings (default: on).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def build(config: str | None, datapackages: str | None, out: str | None, strict: bool, debug: bool) -> None:
    """Validate, then write build/docs (Markdown) and build/site (HTML)."""

    def action() -> None:
        from forcepages.build import build as run_build

        settings, file = _settings(config, datapackages)
        report = run_build(settings, file, Path(out).resolve() if out else None, strict=strict)
        total = sum(report.timings.values())
        click.echo(f"Built {report.pages:,} pages and {report.charts:,} charts in {total:.1f} s "
                   f"({', '.join(f'{k} {v:.1f} s' for k, v in report.timings.items())}).")
        if report.untranslated:
            click.echo(f"The Welsh pages show {len(report.untranslated)} English text(s) with no Welsh translation: "
                       "messages (a strict build fails on them) and data cells (an empty *_cy column in the data; see "
                       "datapackages/README.md):", err=True)
            for text in report.untranslated:
                click.echo(f"  {json_text(text)}", err=True)
        click.echo(f"Open {report.site / 'index.html'}")

    _run(debug, action)


@main.command()
@click.argument("action", type=click.Choice(["check", "update"]), default="check")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def translations(action: str, debug: bool) -> None:
    """The Welsh message catalogue: "update" adds new messages from the code and templates to it (and writes
    messages.pot); "check" (the default) counts it and fails on any message untranslated, fuzzy or wrong."""

    def run() -> None:
        from forcepages import catalogues as catalogue
        from forcepages.language import LANGUAGES

        for c in catalogue.update() if action == "update" else [catalogue.counts(code) for code in LANGUAGES[1:]]:
            click.echo(f"{c.language}: {c.messages} messages, {c.translated} translated, {c.fuzzy} fuzzy (to check), "
                       f"{len(c.untranslated) - c.fuzzy} untranslated, {len(c.wrong)} with placeholders unlike the English.")
            for text in c.untranslated[:50]:
                click.echo(f"  not ready: {json_text(text)}")
            for text in c.wrong[:50]:
                click.echo(f"  wrong: {json_text(text)}")
            if action == "check" and (c.untranslated or c.wrong):
                raise ForcepagesError(f"the {c.language} catalogue is not complete: translate the messages listed in "
                                      f"{catalogue.po_file(c.language)} (see README.md, \"Welsh\").")

    _run(debug, run)


@main.command()
@click.option("--config", "-f", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--port", default=8000, show_default=True, help="Port on localhost.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def serve(config: str | None, port: int, debug: bool) -> None:
    """Build, serve the site on localhost and rebuild when data or pages change."""

    def action() -> None:
        from forcepages.serve import serve as run_serve

        settings, file = _settings(config, None)
        run_serve(settings, file, port)

    _run(debug, action)


if __name__ == "__main__":
    main()
