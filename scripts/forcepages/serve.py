"""Live preview: build once, serve build/site on localhost, rebuild when the inputs change."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

import click

from forcepages.build import build
from forcepages.config import Settings, load_settings
from forcepages.errors import ForcepagesError, ValidationFailed, unexpected_problem
from forcepages.escape import json_text


def _snapshot(folders: list[Path]) -> dict[str, float]:
    """Modification times of every file under the watched folders."""
    seen = {}
    for folder in folders:
        if folder.is_dir():
            for file in folder.rglob("*"):
                if file.is_file():
                    seen[str(file)] = file.stat().st_mtime
    return seen


def _preload() -> None:
    """What each rebuild's workers import, loaded once here, so that they start from this process with it: the
    generation worker's stages, pandas, the statistics and frictionless (a worker that loaded them itself took about
    0.2 s more to validate the fixture), and the readability report's text tools and dictionary (about 1.5 s each
    time otherwise, beside the engine's run)."""
    import frictionless  # noqa: F401

    import forcepages.generate  # noqa: F401
    from forcepages.site import article_text

    article_text.grade(article_text.rendered("# Ready\n\nThe dictionary is read.", []))  # textstat's dictionary too


def serve(settings: Settings, config_file: Path, port: int) -> None:
    """Serve the last good build; rebuild on change (a bad change leaves the last good site in place)."""
    out = settings.root / "build"
    _preload()
    build(settings, config_file, out, strict=False)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"Serving on http://127.0.0.1:{port}/ (Ctrl+C to stop)")
    watched = [settings.path(settings.datapackages), settings.root / "site_src", config_file]
    before = _snapshot(watched[:2]) | {str(config_file): config_file.stat().st_mtime}
    while True:
        time.sleep(0.2)  # a change shows within one poll plus one build
        now = _snapshot(watched[:2]) | {str(config_file): config_file.stat().st_mtime}
        if now != before:
            before = now
            rebuild(config_file, out)


def rebuild(config_file: Path, out: Path) -> bool:
    """One rebuild with the settings read again from mkdocs.yml; any failure is reported and the last good site stays
    served (serve keeps running). True when the site was rebuilt."""
    try:
        report = build(load_settings(config_file), config_file, out, strict=False)
    except ValidationFailed as exc:
        for problem in exc.problems:
            click.echo(json_text(str(problem)), err=True)
    except KeyboardInterrupt:
        raise
    except ForcepagesError as exc:
        click.echo(json_text(f"Error: {exc}"), err=True)
    except Exception as exc:  # noqa: BLE001 - the preview outlives any bad edit
        click.echo(json_text(str(unexpected_problem(exc, str(config_file)))), err=True)
    else:
        click.echo(f"Rebuilt {report.pages:,} pages in {sum(report.timings.values()):.1f} s "
                   f"({', '.join(f'{k} {v:.1f} s' for k, v in report.timings.items())})")
        return True
    click.echo("Not rebuilt: the last good site is still served.", err=True)
    return False
