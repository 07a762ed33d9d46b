"""`framework` package: domains, the indicator catalogue and series breaks.

The catalogue is written here by hand (plain English, reading age about 9). Each value
importer makes the values for the indicators whose `source_package` is its package.
"""

from __future__ import annotations

from pathlib import Path

from forcepages.importers.common import WELSH_DATE, Package, Resource, with_change
from forcepages.importers.framework_catalogue import DOMAINS, INDICATORS, SERIES_BREAKS
from forcepages.importers.framework_catalogue_cy import welsh
from forcepages.importers.framework_domains_cy import DOMAINS_CY, SERIES_BREAKS_CY
from forcepages.importers.framework_schema import BREAK_FIELDS, DOMAIN_FIELDS, INDICATOR_FIELDS, WELSH_INDICATOR_FIELDS, schemas

README = """# Framework: domains, indicators and series breaks

The four domains come from the Rounded Assessment designed by HMIC in 2009 for the public.
`indicators.csv` is the catalogue: one row per indicator, with a plain-English title and
definition, its domain, measure, unit, which way is better (or no judgement), and the package
that holds its values. `series_breaks.csv` lists the dates when a definition changed.

Written by hand in `scripts/forcepages/importers/framework_catalogue.py` and written out by
`python -m forcepages.importers`. Indicators show volumes and trends in context; they are not goals set for forces.
## Adding your own indicators

`make data` (`python -m forcepages.importers`) writes this folder's CSV files afresh from
`scripts/forcepages/importers/framework_catalogue.py`, so a row added to `indicators.csv` by hand is lost
the next time it runs. To keep indicators of your own:

- on a site about one force's plan, put them in the plan's own package (setting `framework`,
  copied from `examples/cambridgeshire/datapackages/police-and-crime-plan/`): the importers
  never write it, and national rows of indicators that are not in the plan are left out of the site;
- or add them to `INDICATORS` (and any series breaks to `SERIES_BREAKS`) in
  `scripts/forcepages/importers/framework_catalogue.py`, so that `make data` writes them too;
- or rebuild only the packages you need by naming them, for example
  `.venv/bin/python -m forcepages.importers recorded-crime workforce`, which leaves `framework/` as it is.

After `make data`, `git diff datapackages/framework/` shows any row it took out.

## Welsh

The columns ending `_cy` hold the same text in Welsh (`title_cy`, `definition_cy`, `unit_cy`, `source_cy`,
`caveats_cy` and `comparability_note_cy` in `indicators.csv`; `title_cy` and `description_cy` in `domains.csv`;
`description_cy` in `series_breaks.csv`), for the Welsh pages. They are optional: where a cell is empty the Welsh
page shows the English text and the build reports it as untranslated. They are written from
`scripts/forcepages/importers/framework_catalogue_cy.py` (and `framework_domains_cy.py`,
`stop_search_catalogue_cy.py`), keyed by id. The Welsh was drafted by the project; have a Welsh speaker check it.
"""


def build(raw: Path | None = None) -> Package:
    domain_schema, ind_schema, break_schema = schemas()
    inds = [{**d, **welsh(d)} for d in sorted(INDICATORS, key=lambda d: d["indicator_id"])]
    domains = [[a, b, c, str(d), *DOMAINS_CY.get(a, ("", ""))] for a, b, c, d in DOMAINS]
    breaks = [[*b, SERIES_BREAKS_CY.get((b[0], b[1]), "")] for b in sorted(list(b) for b in SERIES_BREAKS)]
    return Package(
        name="framework",
        title="Domains and indicator catalogue",
        description="The four domains of the Rounded Assessment, the indicator catalogue and series breaks.",
        sources=[{"title": "HMIC, Rounded Assessment of police performance (2009)",
                  "path": "https://www.justiceinspectorates.gov.uk/hmicfrs/",
                  "publisher": "Her Majesty's Inspectorate of Constabulary"}],
        resources=[
            Resource("domains", "Domains", "The four domains.", domain_schema,
                     DOMAIN_FIELDS, domains),
            Resource("indicators", "Indicators", "The indicator catalogue.", ind_schema,
                     INDICATOR_FIELDS + WELSH_INDICATOR_FIELDS,
                     [[d.get(f, "") for f in INDICATOR_FIELDS + WELSH_INDICATOR_FIELDS] for d in inds]),
            Resource("series_breaks", "Series breaks", "Dates when an indicator's definition changed.", break_schema,
                     BREAK_FIELDS, breaks),
        ],
        readme=README,
        version="1.1.0",
        changes=with_change("1.1.0", "Added the catalogue in Welsh: optional columns ending _cy in indicators.csv "
                            "(title, definition, unit, source, caveats, comparability note), domains.csv (title, "
                            "description) and series_breaks.csv (description). Nothing already published changed.",
                            WELSH_DATE),
    )
