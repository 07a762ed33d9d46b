"""Write the bad-input corpus: one folder per case, each a case.json of changes to tests/data/fixture_site.

Run ``python tests/data/bad/make_cases.py`` after changing a case here; then refresh the expected
problems with ``FORCEPAGES_UPDATE_SNAPSHOTS=1 pytest tests/test_hostile.py -k expected`` and review the diff.

case.json keys (applied in this order by tests/badcorpus.py on a copy of the fixture site):
  delete   [path]                        remove a file or folder
  replace  {path: [[old, new], ...]}     text replacement (each ``old`` must occur)
  append   {path: text}                  add text at the end of a file
  json     {path: [[[keys...], value]]}  set a value inside a JSON file (value null deletes the key)
  write    {path: text}                  write a text file (its folder made if need be)
  nested   {path: depth}                 write a JSON file of arrays nested ``depth`` deep
  files/   a folder copied over the site (for bytes that are not UTF-8)
  symlink  {path: target}                make a link ("{outside}" is a file outside the site)
  expect   [[file, row, field, code], ...] the problems, as flat tuples (Problem.as_tuple; forcepages validate --format json)
  messages [text, ...]                   each must be part of one problem as printed (str(Problem)): the message a
                                         person reads, with its fix
  absent   [text, ...]                   no printed problem may contain these (misleading or follow-on messages)
  parity   false                         leave the case out of the fastcheck/frictionless comparison
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
V = "datapackages/crime/values.csv"
VJ = "datapackages/crime/datapackage.json"
AREAS = "datapackages/reference/areas.csv"
IND = "datapackages/framework/indicators.csv"
ROW = "burglary,E23000001,2014-04-01,2015-03-31,2236,600000,3.7267,,,,"
ROW2 = "burglary,E23000001,2015-04-01,2016-03-31,2111,600000,3.5183,,,,"
CHARGE = "charge-rate,E23000001,2016-04-01,2017-03-31,2400,30000,8.0,,,,"
CONF = "confidence,E23000001,2017-04-01,2018-03-31,,,62,58.5,65.5,,"


def values_row(old: str, new: str) -> dict:
    """Change one values row."""
    return {"replace": {V: [[old, new]]}}


CASES: dict[str, dict] = {
    "value-not-a-number": values_row(ROW, ROW.replace("3.7267", "abc")),
    "value-with-thousands-comma": values_row(ROW, ROW.replace("600000", '"600,000"')),
    "date-wrong-format": values_row(ROW, ROW.replace("2014-04-01", "01/04/2014")),
    "date-impossible": values_row(ROW, ROW.replace("2014-04-01", "2018-02-30")),
    "date-year-9999": values_row(ROW, ROW.replace("2015-03-31", "9999-03-31")),
    "period-ends-before-start": values_row(ROW, ROW.replace("2014-04-01,2015-03-31", "2015-03-31,2014-04-01")),
    "value-nan": values_row(ROW, ROW.replace("3.7267", "NaN")),
    "value-infinity": values_row(ROW, ROW.replace("3.7267", "inf")),
    "numerator-negative": values_row(ROW, ROW.replace("2236", "-5")),
    "denominator-zero": values_row(ROW, ROW.replace("600000", "0")),
    "value-absurdly-large": values_row(ROW, ROW.replace("3.7267", "1e20")),
    "proportion-over-100": values_row(CHARGE, CHARGE.replace("8.0", "180.0")),
    "numerator-above-denominator": values_row(CHARGE, CHARGE.replace("2400,30000", "40000,30000")),
    "interval-misses-value": values_row(CONF, CONF.replace("58.5,65.5", "63.5,65.5")),
    "value-empty": values_row(ROW, ROW.replace("3.7267", "")),
    "status-unknown": values_row(ROW, ROW.replace(",,,,", ",,,[q],")),
    "indicator-unknown": values_row(ROW, ROW.replace("burglary,", "burglery,")),
    "area-unknown": values_row(ROW, ROW.replace("E23000001", "E23000099")),
    "key-repeated": {"append": {V: ROW + "\n"}},
    "row-extra-cell": values_row(ROW, ROW + ",surplus"),
    "row-missing-cell": values_row(ROW, ROW.rsplit(",", 3)[0]),
    "row-blank": values_row(ROW, ",,,,,,,,,,"),
    "header-missing-value-column": {"replace": {V: [["denominator,value,", "denominator,"]] + [[r, r.replace(",3.7267,", ",")] for r in (ROW,)]}},
    "header-repeated-column": {"replace": {V: [["status,note", "status,status"]]}},
    "header-semicolons": {"replace": {V: [["indicator_id,area_code,", "indicator_id;area_code;"]]}},
    "unclosed-quote": values_row(ROW, ROW.replace(",,,,", ',,,,"no end quote')),
    "values-latin1": {"files": True},
    "values-utf16-bom": {"files": True},
    "values-nul-bytes": {"files": True},
    "values-empty-file": {"write": {V: ""}},
    "values-whitespace-only": {"write": {V: "\n\n  \n"}},
    "values-file-missing": {"delete": [V]},
    "path-remote-url": {"json": {VJ: [[["resources", 0, "path"], "https://example.org/values.csv"]]}},
    "path-parent-folder": {"json": {VJ: [[["resources", 0, "path"], "../reference/areas.csv"]]}},
    "path-absolute": {"json": {VJ: [[["resources", 0, "path"], "/etc/passwd"]]}},
    "path-symlink-outside": {"delete": [V], "symlink": {V: "{outside}"}},
    "path-symlink-loop": {"delete": [V], "symlink": {V: "values.csv"}},
    "schema-as-url": {"json": {VJ: [[["resources", 0, "schema"], "https://example.org/schema.json"]]}},
    "dialect-as-url": {"json": {VJ: [[["resources", 0, "dialect"], "https://example.org/dialect.json"]]}},
    "schema-unknown-type": {"json": {VJ: [[["resources", 0, "schema", "fields", 6, "type"], "numbr"]]}},
    "inline-data": {"json": {VJ: [[["resources", 0, "data"], [["a"], [1]]]]}},
    "descriptor-malformed-json": {"write": {VJ: '{"name": "crime", "resources": [\n'}},
    "descriptor-not-an-object": {"write": {VJ: '["crime"]\n'}},
    "descriptor-no-resources": {"json": {VJ: [[["resources"], []]]}},
    "reference-package-missing": {"delete": ["datapackages/reference"]},
    "areas-file-missing": {"delete": [AREAS]},
    "area-code-repeated": {"append": {AREAS: "E23000001,Northshire again,force,North East,England,\n"}},
    "area-code-unsafe": {"replace": {AREAS: [["E23000004,Westshire", "<b>E23</b>,Westshire"]]}},
    "similar-force-unknown": {"append": {"datapackages/reference/similar_forces.csv": "E23000001,E23000077,Fixture groups\n"}},
    "population-negative": {"replace": {"datapackages/reference/population.csv": [["E23000001,2010,585000", "E23000001,2010,-585000"]]}},
    "indicator-domain-unknown": {"replace": {IND: [["local-crime-and-policing,rate,\"offences", "local-crime,rate,\"offences"]]}},
    "indicator-measure-unknown": {"replace": {IND: [["local-crime-and-policing,rate,\"offences", "local-crime-and-policing,ratio,\"offences"]]}},
    "indicator-polarity-unknown": {"replace": {IND: [["1000,lower-is-better,1,,crime", "1000,down-is-good,1,,crime"]]}},
    "indicator-decimals-out-of-range": {"replace": {IND: [["1000,lower-is-better,1,,crime", "1000,lower-is-better,7,,crime"]]}},
    "indicator-source-package-missing": {"replace": {IND: [["1000,lower-is-better,1,,crime", "1000,lower-is-better,1,,nowhere"]]}},
    "indicator-id-not-a-slug": {"replace": {IND: [["burglary,Burglary,", "Burglary Homes,Burglary,"]]}},
    "rate-without-base": {"replace": {IND: [["\"offences per 1,000 people\",1000,", "\"offences per 1,000 people\",,"]]}},
    "series-break-bad-date": {"replace": {"datapackages/framework/series_breaks.csv": [["2016-04-01", "April 2016"]]}},
    # issue 19: crashes, collisions and leaks found by a hostile-input review
    "path-nul-byte": {"json": {VJ: [[["resources", 0, "path"], "values\u0000.csv"]]}},
    "path-as-list": {"json": {VJ: [[["resources", 0, "path"], ["values.csv"]]]}},
    "path-readme": {"json": {VJ: [[["resources", 0, "path"], "README.md"]]}},
    "path-markdown-breakout": {"json": {VJ: [[["resources", 0, "path"], "values.csv)<img src=x onerror=alert(1)>"]]}},
    "path-too-long": {"json": {VJ: [[["resources", 0, "path"], "v" * 300 + ".csv"]]}},
    "descriptor-nested-600": {"nested": {VJ: 600}},
    "descriptor-nested-100000": {"nested": {VJ: 100_000}},
    "descriptor-lone-surrogate": {"json": {VJ: [[["title"], "Crime \ud800"]]}},
    "changes-not-a-list": {"json": {VJ: [[["changes"], "soon"]]}},
    "changes-date-impossible": {"json": {VJ: [[["changes"], [{"version": "1.0.0", "date": "2026-02-30", "description": "First."}]]]}},
    "readme-symlink-secrets": {"symlink": {"datapackages/crime/README.md": "/proc/self/environ"}},
    "package-folder-reserved": {"write": {"datapackages/index/datapackage.json": '{"name": "index", "resources": []}'}},
    "package-folder-markup": {"write": {"datapackages/x)<img src=x onerror=alert(1)>/datapackage.json": '{"resources": []}'}},
    "indicator-id-reserved": {"replace": {IND: [["burglary,Burglary,", "index,Burglary,"]]}},
    "domain-id-reserved": {"replace": {"datapackages/framework/domains.csv": [["local-crime-and-policing,", "search,"]]}},
    "area-name-310-chars": {"replace": {AREAS: [["E23000004,Westshire", "E23000004," + "W" * 310]]}},
    "scope-unknown-code": {"replace": {"mkdocs.yml": [["    publisher: Fixture Office", "    publisher: Fixture Office\n    scope: [E23999999]"]]}},
    "narrative-misplaced": {"write": {"narratives/northshire/local-crime.md": "We are doing things.\n"}},
    "schema-pattern-not-a-regex": {"json": {VJ: [[["resources", 0, "schema", "fields", 10, "constraints"], {"pattern": "[^`]*`)<b>"}]]}},
    "narrative-symlink": {"symlink": {"narratives/northshire/local-crime-and-policing.md": "/proc/self/environ"}},
    # issue 18: the mistakes spreadsheets make, each with the message that points at the fix
    "value-proportion-as-fraction": {**values_row(CHARGE, CHARGE.replace(",8.0,", ",0.08,")), "messages": [
        'values.csv, row 41, field "value": the value 0.08 does not agree with numerator ÷ denominator: 2,400 ÷ 30,000 '
        "× 100 = 8.000, which is 8.0 to 1 decimal place, not 0.1. It looks like a proportion given as a fraction"]},
    "value-rate-three-times": {**values_row(ROW, ROW.replace(",3.7267,", ",11.18,")), "messages": [
        'values.csv, row 5, field "value": the value 11.18 does not agree with numerator ÷ denominator: 2,236 ÷ 600,000 '
        "× 1,000 = 3.727, which is 3.7 to 1 decimal place, not 11.2."], "absent": ["as a fraction"]},
    "date-unreadable-no-false-key-error": {"replace": {V: [
        [ROW, ROW.replace("2014-04-01,2015-03-31", "01/04/2014,31/03/2015")],
        [ROW2, ROW2.replace("2015-04-01,2016-03-31", "01/04/2015,31/03/2016")]]},
        "messages": ['values.csv, row 5, field "period_start": "01/04/2014" is not a date'],
        "absent": ["primary key", "primarykey", "the same as in the row"]},
    "area-total-row": {"append": {V: "burglary,England and Wales total,2014-04-01,2015-03-31,13000,3000000,4.3333,,,,\n"},
                       "messages": ['"England and Wales total" looks like a total row, not an area. Delete the row',
                                    "with the area code K04000001"], "absent": ["add the area"]},
    "area-name-in-code-column": {**values_row(ROW, ROW.replace("E23000001", "Northshire")),
                                 "messages": ['"Northshire" is an area\'s name, not its code: Northshire is E23000001.']},
    "indicator-unknown-plan-catalogue": {"replace": {V: [[ROW, ROW.replace("burglary,", "burglery,")]],
                                                     "mkdocs.yml": [["publisher: Fixture Office", "publisher: Fixture Office\n    framework: plan"]]},
                                         "files": True,
                                         "messages": ['"burglery" is not in the indicator catalogue in use (datapackages/plan/indicators.csv)'],
                                         "absent": ["framework/indicators.csv"]},
    "summary-line-grammatical": {"files": True, "messages": [
        'values.csv, row 94, field "period_end": "31/03/2018" is not a date between 1900 and 2100. The same problem is in '
        "14 more rows after this one (not listed)."], "absent": [": and ", "more rows with the same problem"]},
    "areas-windows-1252": {"files": True, "messages": [
        "datapackages/reference/areas.csv, row 3: is not UTF-8 text: byte 22 of this row (byte 121 of the file) is 0x96, "
        '"–" in Windows-1252'], "absent": ["similar_forces.csv", "encoding error"]},
    "values-bom-windows-1252": {"files": True, "messages": [
        "values.csv, row 5: is not UTF-8 text: byte 66 of this row (byte 364 of the file) is 0xe9"]},
}

BYTES = {
    "values-latin1": lambda text: text.replace(ROW, ROW[:-1] + "café") .encode("latin-1"),
    "values-bom-windows-1252": lambda text: b"\xef\xbb\xbf" + text.replace(ROW, ROW[:-1] + "café").encode("cp1252"),
    "summary-line-grammatical": lambda text: re.sub(r"(burglary,[^,]*,[^,]*,)(\d{4})-(\d\d)-(\d\d)",
                                                    lambda m: f"{m[1]}{m[4]}/{m[3]}/{m[2]}", text).encode("utf-8"),
    "values-utf16-bom": lambda text: text.encode("utf-16"),
    "values-nul-bytes": lambda text: text.replace(ROW, ROW + "\x00").encode("utf-8"),
}


def main() -> None:
    """Write every case folder, keeping the expected problems already recorded."""
    fixture = HERE.parent / "fixture_site"
    values = (fixture / V).read_text(encoding="utf-8")
    for name, case in CASES.items():
        folder = HERE / name
        old = json.loads((folder / "case.json").read_text()) if (folder / "case.json").is_file() else {}
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        body = {k: v for k, v in case.items() if k != "files"}
        if name in BYTES:
            target = folder / "files" / V
            target.parent.mkdir(parents=True)
            target.write_bytes(BYTES[name](values))
        if name == "areas-windows-1252":  # an areas file saved by Excel as "CSV (Comma delimited)"
            target = folder / "files" / AREAS
            target.parent.mkdir(parents=True)
            target.write_bytes((fixture / AREAS).read_text(encoding="utf-8").replace("Southshire", "Southshire – Ynys Môn").encode("cp1252"))
        if name == "indicator-unknown-plan-catalogue":  # a plan framework beside the national one
            shutil.copytree(fixture / "datapackages/framework", folder / "files/datapackages/plan")
        body["expect"] = old.get("expect", [])
        if "parity" in old:
            body["parity"] = old["parity"]
        text = json.dumps(body, indent=1, ensure_ascii=False)
        if any("\ud800" <= ch <= "\udfff" for ch in text):  # a lone surrogate cannot be written as UTF-8: escape it
            text = json.dumps(body, indent=1)
        (folder / "case.json").write_text(text + "\n", encoding="utf-8")
    print(f"{len(CASES)} cases in {HERE}")


if __name__ == "__main__":
    main()
