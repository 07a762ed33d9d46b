"""Catalogue rows for the stop and search indicators (package `stop-and-search`), used by framework.py.

Both are marked not comparable, with no judgement: a search measures what the police chose to do.
"""

from __future__ import annotations

SEARCH_SOURCE = ("Home Office, police powers and procedures: stop and search open data tables (years ending March 2021 "
                 "to March 2025); GOV.UK Ethnicity facts and figures, stop and search (2006 to 2023, and rates by "
                 "ethnicity and area)")
SEARCH_NOTE = ("A search shows what the police chose to do, not how much crime there is. More or fewer searches is "
               "not better or worse.")
RATIO_NOTE = (SEARCH_NOTE + " The figure also depends on census counts of Black and White people in each area. "
              "These are less sure where few people of a group live. So forces do not compare fairly.")


def _search(id_, title, definition, unit, measure, rate_base, caveats, note=SEARCH_NOTE):
    return dict(indicator_id=id_, title=title, definition=definition, domain_id="local-crime-and-policing",
                measure=measure, unit=unit, rate_base=rate_base, polarity="no-judgement", decimals="1",
                disclosure_threshold="", source_package="stop-and-search", source=SEARCH_SOURCE,
                caveats=caveats, comparable="false", comparability_note=note)


STOP_AND_SEARCH = [
    _search("stop-and-search-rate", "Stop and search",
            "The number of times the police stopped and searched people in a year from April to March, for every "
            "1,000 people living in the area. Searches of a vehicle only, with no person searched, are not counted.",
            "searches per 1,000 people", "rate", "1000",
            "A search measures what the police do, not how much crime there is, so more or fewer searches is not "
            "better or worse. British Transport Police is not "
            "counted. Few people live in the City of London and many come in each day, so its rate is very high. "
            "Rates use the mid-year population for the 30 June inside the year. The government's own tables use "
            "census counts, so their rates are a little different."),
    _search("stop-and-search-black-white-ratio", "Black people searched compared with White people",
            "How many times more often Black people were stopped and searched than White people, for every 1,000 "
            "people of each group living in the area, in the year April 2022 to March 2023. A figure of 1 means the "
            "same rate for both.",
            "times the rate for White people", "value", "",
            "This uses the number of Black people and White people living in each area at the 2021 Census. These "
            "counts are less sure for small groups, and people who are searched may not live in the area. Where "
            "few Black people live, a few searches can change the figure a lot. The rates were published rounded, "
            "so the figure is close but not exact. Searches where the person's ethnic group was not written down "
            "are not counted. The City of London has no figure.", note=RATIO_NOTE),
]
