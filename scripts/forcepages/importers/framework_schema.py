"""Table Schemas of the `framework` package: domains, the indicator catalogue and series breaks."""

from __future__ import annotations

from forcepages.importers.common import ID_PATTERN, MISSING_VALUES

INDICATOR_FIELDS = ["indicator_id", "title", "definition", "domain_id", "measure", "unit", "rate_base", "polarity",
                    "decimals", "disclosure_threshold", "source_package", "source", "caveats", "census", "comparable",
                    "comparability_note"]
WELSH_INDICATOR_FIELDS = ["title_cy", "definition_cy", "unit_cy", "source_cy", "caveats_cy", "comparability_note_cy"]
DOMAIN_FIELDS = ["domain_id", "title", "description", "order", "title_cy", "description_cy"]
BREAK_FIELDS = ["indicator_id", "break_date", "description", "kind", "description_cy"]
WELSH = " in Welsh (optional: empty means the Welsh page shows the English and the build reports it untranslated)."


def _s(name, desc, **kw):
    return {"name": name, "type": "string", "description": desc, **kw}


def schemas() -> tuple[dict, dict, dict]:
    """(domains, indicators, series breaks)."""
    domain_schema = {
        "fields": [
            _s("domain_id", "Domain id.", constraints={"required": True, "unique": True, "pattern": ID_PATTERN}),
            _s("title", "Title.", constraints={"required": True}),
            _s("description", "One plain-English sentence.", constraints={"required": True}),
            {"name": "order", "type": "integer", "description": "Order on the site.",
             "constraints": {"required": True, "minimum": 1}},
            _s("title_cy", "Title" + WELSH),
            _s("description_cy", "Description" + WELSH),
        ],
        "primaryKey": ["domain_id"],
    }
    ind_schema = {
        "fields": [
            _s("indicator_id", "Indicator id, used in addresses.",
               constraints={"required": True, "unique": True, "pattern": ID_PATTERN}),
            _s("title", "Plain-English name.", constraints={"required": True}),
            _s("definition", "Plain-English definition.", constraints={"required": True}),
            _s("domain_id", "Domain.", constraints={"required": True}),
            _s("measure", "rate, proportion, survey or value.",
               constraints={"required": True, "enum": ["rate", "proportion", "survey", "value"]}),
            _s("unit", "Unit in words.", constraints={"required": True}),
            {"name": "rate_base", "type": "integer", "description": "People the rate is per (rates only).",
             "constraints": {"enum": [1000, 100000]}},
            _s("polarity", "Which way is better.",
               constraints={"required": True, "enum": ["higher-is-better", "lower-is-better", "no-judgement"]}),
            {"name": "decimals", "type": "integer", "description": "Decimal places to show.",
             "constraints": {"required": True, "minimum": 0, "maximum": 3}},
            {"name": "disclosure_threshold", "type": "integer",
             "description": "Numerators below this are published as [c].", "constraints": {"minimum": 1}},
            _s("source_package", "Package holding the values.", constraints={"required": True, "pattern": ID_PATTERN}),
            _s("source", "Publisher and title of the official source.", constraints={"required": True}),
            _s("caveats", "Notes readers must know."),
            {"name": "census", "type": "boolean", "description": (
                "true for a complete count or an amount (staff, money) with no chance variation: no intervals, "
                "no significance tests, no better or worse. Empty means false.")},
            {"name": "comparable", "type": "boolean", "description": (
                "false when forces' figures do not compare, or measure police activity or recording rather than "
                "outcomes: no better or worse. Empty means true.")},
            _s("comparability_note", "Why forces do not compare, in plain words (needed when comparable is false)."),
            _s("title_cy", "Name" + WELSH),
            _s("definition_cy", "Definition" + WELSH),
            _s("unit_cy", "Unit" + WELSH),
            _s("source_cy", "Source" + WELSH),
            _s("caveats_cy", "Notes" + WELSH),
            _s("comparability_note_cy", "Why forces do not compare" + WELSH),
        ],
        "missingValues": [""],
        "primaryKey": ["indicator_id"],
        "foreignKeys": [{"fields": ["domain_id"], "reference": {"resource": "domains", "fields": ["domain_id"]}}],
    }
    break_schema = {
        "fields": [
            _s("indicator_id", "Indicator.", constraints={"required": True, "pattern": ID_PATTERN}),
            {"name": "break_date", "type": "date", "format": "%Y-%m-%d",
             "description": "First day of the new series.", "constraints": {"required": True}},
            _s("description", "What changed.", constraints={"required": True}),
            _s("kind", ("definition: the definition changed, so figures before and after do not compare (the line "
                        "breaks and no trend spans it); phase: the same measure in new conditions, such as COVID-19 "
                        "restrictions (control limits restart). Empty means definition."),
               constraints={"enum": ["definition", "phase"]}),
            _s("description_cy", "What changed" + WELSH),
        ],
        "missingValues": MISSING_VALUES,
        "primaryKey": ["indicator_id", "break_date"],
        "foreignKeys": [{"fields": ["indicator_id"],
                         "reference": {"resource": "indicators", "fields": ["indicator_id"]}}],
    }
    return domain_schema, ind_schema, break_schema
