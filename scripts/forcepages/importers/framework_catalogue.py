"""The indicator catalogue, domains and series breaks, written by hand in plain English (reading age about 9).

Each value importer makes the values for the indicators whose `source_package` is its package.
"""

from __future__ import annotations

from forcepages.importers.stop_search_catalogue import STOP_AND_SEARCH

HO_PRC = "Home Office, police recorded crime (open data by police force area) and ONS police force area data tables"
RECORDED_CAVEAT = ("These are crimes the police recorded. Some crimes are never reported. "
                   "Changes can come from better recording, not only from more or less crime.")
POP_CAVEAT = "Rates use the mid-year population for the 30 June inside the 12 months."
GMP_CAVEAT = ("Greater Manchester Police could not give figures for the years ending September and "
              "December 2019, so those are shown as not available.")

DOMAINS = [
    ("local-crime-and-policing", "Local crime and policing",
     "How much crime happens in the area and how often the police charge someone.", 1),
    ("protection-from-serious-harm", "Protection from serious harm",
     "Crimes and harms that hurt people the most, such as killings, sexual crime, knife crime and road deaths.", 2),
    ("value-for-money-and-productivity", "Value for money and productivity",
     "How many people work for the police and how much money the force gets.", 3),
    ("confidence-and-satisfaction", "Confidence and satisfaction",
     "What people think of the police and how happy victims are with the help they got.", 4),
]


def _crime(id_, title, definition, domain, rate_base=1000, decimals=2, caveats=RECORDED_CAVEAT, extra="",
           source=HO_PRC, **more):
    unit = "offences per 1,000 people" if rate_base == 1000 else "offences per 100,000 people"
    return dict(indicator_id=id_, title=title, definition=definition, domain_id=domain, measure="rate", unit=unit,
                rate_base=str(rate_base), polarity="lower-is-better", decimals=str(decimals),
                disclosure_threshold="", source_package="recorded-crime", source=source,
                caveats=" ".join(x for x in (caveats, extra, POP_CAVEAT) if x), **more)


OUTCOMES_SOURCE = "Home Office, crime outcomes in England and Wales open data (years ending March 2018 and 2019)"
OUTCOMES_CAVEAT = ("This counts charges given in the year, out of all outcomes given in the year. The crime may have "
                   "been recorded in an earlier year. More charges is read as better, but the rate also depends "
                   "on the kinds of crime the force deals with.")


ALL_OUTCOMES_SOURCE = ("Home Office, police recorded crime and outcomes open data tables (years ending March 2015 "
                       "to March 2026)")
ALL_OUTCOMES_CAVEAT = (" Bedfordshire, Cumbria, Dyfed-Powys, Hertfordshire, Leicestershire, the Metropolitan Police "
                       "and South Yorkshire did not give all their outcomes for April 2014 to March 2015. Greater "
                       "Manchester did not give them for July 2019 to March 2020. Those years are shown as not "
                       "available. Until April 2021 forces did not have to record one kind of outcome: when a "
                       "person is sent on a course or given help instead.")


def _charge(id_, title, what, domain, more="", source=OUTCOMES_SOURCE, caveats=OUTCOMES_CAVEAT):
    return dict(indicator_id=id_, title=title,
                definition=(f"Out of every 100 outcomes the police gave to {what} in the year, how many were a "
                            f"charge or a summons to court.{more} Fraud is not counted."),
                domain_id=domain, measure="proportion", unit="%", rate_base="", polarity="higher-is-better",
                decimals="1", disclosure_threshold="", source_package="crime-outcomes", source=source,
                caveats=caveats)


WORKFORCE_SOURCE = "Home Office, police workforce open data tables (31 March 2007 to 31 March 2023)"


def _workforce(id_, title, who):
    return dict(indicator_id=id_, title=title,
                definition=(f"The number of {who} on 31 March, for every 1,000 people living in the area. "
                            "People who work part time count as part of a full-time worker (full-time equivalent)."),
                domain_id="value-for-money-and-productivity", measure="rate", unit="full-time equivalent per 1,000 people",
                rate_base="1000", polarity="no-judgement", decimals="2", disclosure_threshold="",
                source_package="workforce", source=WORKFORCE_SOURCE, census="true",
                caveats=("More staff is not better or worse on its own. Forces that serve many visitors, such as "
                         "City of London, have many staff for the people who live there. The population used is "
                         "the nearest mid-year estimate, 30 June of the same year."))


VFM_SOURCE = "HMIC, value for money profiles 2010, underlying data (British Crime Survey 2008-09)"
BCS_CAVEAT = ("This comes from a survey of adults, so it is an estimate. The 95% interval shows the range the true "
              "figure is likely to be in. Intervals were published as plus or minus a number of percentage points.")
ASB_SOURCE = "ONS, police force area data tables, Table P6 (Crime Survey for England and Wales)"
ASB_CAVEAT = ("This comes from a survey of adults, so it is an estimate. No interval was published for forces. "
              "ONS marked differences that are statistically significant: a star means the force differs from "
              "England and Wales, or from the year before, by more than chance would explain. These marks are "
              "in the note column.")


POLICE_UK_SOURCE = "data.police.uk street-level crime data (Home Office), Open Government Licence v3.0"
POLICE_UK_CAVEAT = ("Only City of London has monthly figures here. Fewer than 10,000 people live there. "
                    "But many thousands more come to work or visit each day. So the rates per person who lives "
                    "there are very high. data.police.uk can change past months when crimes are moved or cancelled. "
                    "The months July 2017 to March 2018 are missing from the files we hold. Rates use the "
                    "mid-year population of the calendar year.")
ASB_JUDGEMENT_CAVEAT = ("Fewer incidents is not always better here. The figure depends on how many people tell "
                        "the police, and on how forces decide between an incident and a crime. When forces "
                        "record more of them as crimes, the number of incidents goes down.")


def _survey(id_, title, definition, polarity, caveats=BCS_CAVEAT, source=VFM_SOURCE):
    return dict(indicator_id=id_, title=title, definition=definition, domain_id="confidence-and-satisfaction",
                measure="survey", unit="%", rate_base="", polarity=polarity, decimals="1",
                disclosure_threshold="", source_package="public-confidence", source=source, caveats=caveats)


INDICATORS = [
    # Local crime and policing
    _crime("total-recorded-crime", "All recorded crime",
           "All crimes the police recorded in 12 months, for every 1,000 people living in the area. Until March "
           "2019 fraud is not counted. From April 2019 each figure is for a year from April to March, and it counts "
           "the few fraud crimes that forces record themselves.",
           "local-crime-and-policing", decimals=1,
           extra=("The way the total is counted changed in April 2019, so figures before and after do not compare "
                  "exactly. Derbyshire has the same number of crimes in April 2021 to March 2022 and April 2022 to "
                  "March 2023. This may be a mistake in the source. We show it as published."),
           source=HO_PRC + "; Home Office, police recorded crime open data by police force area, years ending March "
                           "2020 to March 2026"),
    _crime("burglary-of-homes", "Burglary of homes",
           "Break-ins to homes recorded by the police in 12 months, for every 1,000 people. Until March 2017 this "
           "was domestic burglary. From April 2017 it is residential burglary, which also counts sheds and garages "
           "at a home.", "local-crime-and-policing",
           extra="The definition changed in April 2017, so figures before and after do not compare. Years that "
                 "mix both definitions are shown as not available."),
    _crime("robbery", "Robbery",
           "Robberies recorded by the police in 12 months, for every 1,000 people. A robbery is theft using force "
           "or the threat of force.", "local-crime-and-policing"),
    _crime("vehicle-offences", "Vehicle crime",
           "Thefts of or from cars and other vehicles, and damage done to get into them, recorded in 12 months, "
           "for every 1,000 people.", "local-crime-and-policing"),
    _crime("violence-with-injury", "Violence with injury",
           "Attacks that hurt someone, recorded by the police in 12 months, for every 1,000 people.",
           "local-crime-and-policing"),
    _crime("criminal-damage-and-arson", "Criminal damage and arson",
           "Damage done to property on purpose, and fires set on purpose, recorded in 12 months, for every 1,000 people.",
           "local-crime-and-policing"),
    _crime("theft-from-the-person", "Theft from the person",
           "Thefts of things a person is carrying, such as a phone or a bag, without force, recorded in 12 months, "
           "for every 1,000 people.", "local-crime-and-policing"),
    _crime("shoplifting", "Shoplifting",
           "Thefts from shops recorded by the police in 12 months, for every 1,000 people.",
           "local-crime-and-policing",
           extra="Many shop thefts are never reported to the police. Areas with many shops and visitors have more."),
    dict(indicator_id="monthly-recorded-crime-police-uk", title="Crimes recorded each month",
         definition=("Crimes the police recorded in one month, for every 1,000 people who live in the area. "
                     "Anti-social behaviour and fraud are not counted. The counts come from data.police.uk."),
         domain_id="local-crime-and-policing", measure="rate", unit="crimes per 1,000 people in a month",
         rate_base="1000", polarity="lower-is-better", decimals="1", disclosure_threshold="",
         source_package="police-uk-monthly", source=POLICE_UK_SOURCE,
         caveats=" ".join((RECORDED_CAVEAT, POLICE_UK_CAVEAT))),
    dict(indicator_id="monthly-anti-social-behaviour-police-uk", title="Anti-social behaviour each month",
         definition=("Times the police were told about anti-social behaviour in one month, for every 1,000 "
                     "people who live in the area. This means things like being rowdy, noisy or a nuisance in "
                     "the street. The counts come from data.police.uk."),
         domain_id="local-crime-and-policing", measure="rate", unit="incidents per 1,000 people in a month",
         rate_base="1000", polarity="no-judgement", decimals="2", disclosure_threshold="",
         source_package="police-uk-monthly", source=POLICE_UK_SOURCE,
         caveats=" ".join((ASB_JUDGEMENT_CAVEAT, POLICE_UK_CAVEAT,
                           "The file for May 2017 has no anti-social behaviour in it, so that month is shown as "
                           "not available."))),
    dict(indicator_id="anti-social-behaviour-incidents", title="Anti-social behaviour reported to the police",
         definition=("Times the police were told about anti-social behaviour in a year from April to March, "
                     "for every 1,000 people who live in the area. This means things like being rowdy, noisy or "
                     "a nuisance in the street. These are not counted as crimes."),
         domain_id="local-crime-and-policing", measure="rate", unit="incidents per 1,000 people",
         rate_base="1000", polarity="no-judgement", decimals="1", disclosure_threshold="",
         source_package="anti-social-behaviour",
         source="ONS, police force area data tables, Table P7 (Home Office police recorded incidents), "
                "years ending March 2018 and 2019",
         caveats=(ASB_JUDGEMENT_CAVEAT + " Councils and housing landlords deal with some incidents, and those "
                  "are not counted. The way incidents were recorded changed in April 2011, so figures before and "
                  "after do not compare. Warwickshire estimated up to 4 in 100 of its incidents from April 2014 "
                  "to March 2018. Cheshire's figure for April 2017 to March 2018 was first given for 11 months "
                  "and has since been revised. City of London has few residents, so its rates are very high. "
                  "Rates use the mid-year population for the 30 June inside the year.")),
    _charge("charge-rate-all-crime", "Crimes that led to a charge", "all crimes", "local-crime-and-policing",
            more=(" An outcome is how the police close a crime, such as a charge, a caution or no suspect found. "
                  "The rate is out of outcomes, not out of all the crimes recorded."),
            source=ALL_OUTCOMES_SOURCE, caveats=OUTCOMES_CAVEAT + ALL_OUTCOMES_CAVEAT),
    *STOP_AND_SEARCH,
    _charge("charge-rate-violence-with-injury", "Violence with injury that led to a charge",
            "attacks that hurt someone", "local-crime-and-policing"),
    _charge("charge-rate-burglary", "Burglary that led to a charge", "burglaries of homes and other buildings",
            "local-crime-and-policing"),
    # Protection from serious harm
    _crime("homicide", "Homicide",
           "Murders and other unlawful killings recorded by the police in 12 months, for every 100,000 people.",
           "protection-from-serious-harm", rate_base=100000,
           extra="Numbers are small, so rates can jump from one year to the next. Killings are counted in the "
                 "year the police record them, which may not be the year they happened."),
    _crime("sexual-offences", "Sexual offences",
           "Rapes and other sexual crimes recorded by the police in 12 months, for every 1,000 people.",
           "protection-from-serious-harm",
           extra="More victims now come forward, and some report crimes from years ago. A rise can mean more "
                 "trust in the police.",
           comparable="false",
           comparability_note=("These figures depend on how many victims tell the police, and on how each force "
                               "records crimes. So a higher figure does not mean more harm.")),
    _crime("possession-of-weapons-offences", "Carrying weapons",
           "Crimes of carrying a knife, gun or other weapon, recorded in 12 months, for every 1,000 people.",
           "protection-from-serious-harm",
           extra="More police searches find more weapons, so these figures also show police activity.",
           comparable="false",
           comparability_note=("Most of these crimes are found when the police search people. So the figure shows "
                               "how much the police search, as well as how many people carry weapons.")),
    _crime("knife-crime", "Knife crime",
           "Serious crimes where a knife or sharp tool was used, recorded in 12 months, for every 100,000 people. "
           "This counts attempted murder, threats to kill, assault with injury, robbery, rape, sexual assault "
           "and homicide.", "protection-from-serious-harm", rate_base=100000, decimals=1,
           extra=GMP_CAVEAT + " Some forces changed how they mark crimes that involve a knife in these "
                              "years, so a change may come from that and not from more knife crime."),
    _charge("charge-rate-sexual-offences", "Sexual offences that led to a charge", "sexual crimes",
            "protection-from-serious-harm"),
    dict(indicator_id="road-collisions-killed-or-seriously-injured",
         title="Road crashes where someone was killed or badly hurt",
         definition=("Road crashes the police went to where at least one person was killed or seriously hurt, "
                     "in a calendar year, for every 100,000 people living in the area."),
         domain_id="protection-from-serious-harm", measure="rate", unit="crashes per 100,000 people",
         rate_base="100000", polarity="lower-is-better", decimals="1", disclosure_threshold="",
         source_package="road-safety",
         source="Department for Transport, reported road casualties (table RAS50016, crashes where a police officer "
                "attended), added up to police force areas",
         caveats=("Only crashes a police officer went to are counted. Figures for the 4 Welsh forces are not in "
                  "the source. People who drive through an area are not in its population.")),
    # Value for money and productivity
    _workforce("police-officers", "Police officers", "police officers"),
    _workforce("police-community-support-officers", "Police community support officers",
               "police community support officers (PCSOs)"),
    _workforce("police-staff", "Police staff", "police staff (people who work for the police but are not officers)"),
    dict(indicator_id="police-grant-per-person", title="Money from central government per person",
         definition=("The police grant the government gives the force for the year, divided by the number of "
                     "people living in the area."),
         domain_id="value-for-money-and-productivity", measure="value", unit="£ per person", rate_base="",
         polarity="no-judgement", decimals="0", disclosure_threshold="", source_package="police-funding", census="true",
         source="Home Office, Police Grant Report 2025 to 2026 (overall total per force)",
         caveats=("This is not all the money a force gets. Council tax pays for about 4 in 10 pounds of police "
                  "money, and that is not counted here. Welsh forces get some money through the Welsh Government, "
                  "so their figures look lower. The population is the mid-2023 estimate.")),
    # Confidence and satisfaction
    _survey("police-and-councils-dealing-with-asb-and-crime",
            "Agree the police and council deal with local crime and nuisance",
            "Out of every 100 adults asked, how many agree that the police and the local council are dealing "
            "with the anti-social behaviour and crime that matter in their area.", "higher-is-better"),
    _survey("police-dealing-with-local-concerns", "Agree the police deal with local concerns",
            "Out of every 100 adults asked, how many agree that the police are dealing with the things that "
            "matter to people in their area.", "higher-is-better"),
    _survey("high-level-of-anti-social-behaviour", "Think anti-social behaviour is a big problem",
            "Out of every 100 adults asked, how many think there is a high level of anti-social behaviour in "
            "their area, such as noisy neighbours, litter, vandalism or people being drunk in the street.",
            "lower-is-better"),
    _survey("victim-satisfaction", "Victims happy with the whole service",
            "Out of every 100 victims of burglary, vehicle crime, violence or road crashes asked, how many were "
            "happy with the whole service the police gave them.", "higher-is-better",
            caveats=BCS_CAVEAT + " The survey was run by each force with its own victims; racist incidents are "
                                 "not counted here.",
            source="HMIC, value for money profiles 2010, underlying data (user satisfaction surveys 2008-09)"),
    _survey("experienced-or-witnessed-anti-social-behaviour", "Saw or suffered anti-social behaviour",
            "Out of every 100 adults asked, how many saw or suffered anti-social behaviour in their area in the "
            "last 12 months.", "lower-is-better", caveats=ASB_CAVEAT, source=ASB_SOURCE),
    dict(indicator_id="emergency-calls-answered-on-time", title="999 calls answered on time",
         definition="Out of every 100 calls to 999 the force got in the year, how many it answered within the time "
                    "it aims for.",
         domain_id="confidence-and-satisfaction", measure="proportion", unit="%", rate_base="",
         polarity="higher-is-better", decimals="1", disclosure_threshold="", source_package="public-confidence",
         source=VFM_SOURCE.replace("(British Crime Survey 2008-09)", "(999 calls 2008-09)"),
         caveats="Each force chose its own time limit in 2008-09, often 10 seconds, so forces do not compare exactly.",
         comparable="false",
         comparability_note="Each force chose its own time limit for answering. So forces cannot be compared."),
]

COVID_PHASE = ("COVID-19 restrictions began on 23 March 2020. People went out much less, so crime and "
               "anti-social behaviour changed for a while. Months from here are judged against each other, "
               "not against the months before.")
SERIES_BREAKS = [  # (indicator, date, what changed, kind): "definition" breaks the series; "phase" restarts SPC limits
    ("total-recorded-crime", "2019-04-01",
     "From April 2019 the figures come from a newer Home Office table, one for each year from April to March. It "
     "counts every crime the police recorded, with the few fraud crimes that forces record themselves, and it takes "
     "in later corrections. For England and Wales in April 2018 to March 2019 it gives about 2 more crimes in every "
     "1,000 than the older figures. For some forces the gap is bigger: for Dyfed-Powys it is about 9 in every 100. "
     "So figures before and after this date do not compare exactly.", "definition"),
    ("anti-social-behaviour-incidents", "2011-04-01",
     "Anti-social behaviour incidents started to be recorded in a different way. Figures before and after this "
     "date do not compare.", "definition"),
    ("burglary-of-homes", "2017-04-01",
     "Domestic burglary was replaced by residential burglary. Residential burglary also counts sheds, garages "
     "and other buildings at a home. Figures before and after this date do not compare.", "definition"),
    ("monthly-anti-social-behaviour-police-uk", "2020-03-23", COVID_PHASE, "phase"),
    ("monthly-recorded-crime-police-uk", "2020-03-23", COVID_PHASE, "phase"),
]
