"""Domains, units and series breaks in Welsh, keyed by id (the English is in framework_catalogue.py); the indicators'
own Welsh text is in framework_catalogue_cy.py. Drafted in plain Welsh, to be checked by a Welsh speaker."""

from __future__ import annotations

# The unit in Welsh, keyed by the English unit (framework_catalogue.py).
UNITS_CY = {
    "%": "%",
    "£ per person": "£ y pen",
    "crashes per 100,000 people": "gwrthdrawiadau fesul 100,000 o bobl",
    "crimes per 1,000 people in a month": "troseddau fesul 1,000 o bobl mewn mis",
    "full-time equivalent per 1,000 people": "cyfwerth ag amser llawn fesul 1,000 o bobl",
    "incidents per 1,000 people": "digwyddiadau fesul 1,000 o bobl",
    "incidents per 1,000 people in a month": "digwyddiadau fesul 1,000 o bobl mewn mis",
    "offences per 1,000 people": "troseddau fesul 1,000 o bobl",
    "offences per 100,000 people": "troseddau fesul 100,000 o bobl",
    "searches per 1,000 people": "chwiliadau fesul 1,000 o bobl",
    "times the rate for White people": "gwaith cyfradd pobl Wyn",
}

DOMAINS_CY = {  # domain id: (title, description)
    "local-crime-and-policing": (
        "Troseddu a phlismona lleol",
        "Faint o droseddu sy'n digwydd yn yr ardal a pha mor aml mae'r heddlu'n cyhuddo rhywun."),
    "protection-from-serious-harm": (
        "Diogelu rhag niwed difrifol",
        "Troseddau a niwed sy'n brifo pobl fwyaf, fel lladd, troseddau rhyw, troseddau cyllyll a marwolaethau ar y "
        "ffyrdd."),
    "value-for-money-and-productivity": (
        "Gwerth am arian a chynhyrchiant",
        "Faint o bobl sy'n gweithio i'r heddlu a faint o arian mae'r heddlu'n ei gael."),
    "confidence-and-satisfaction": (
        "Hyder a bodlonrwydd",
        "Beth mae pobl yn ei feddwl o'r heddlu a pha mor fodlon yw dioddefwyr â'r help a gawsant."),
}

COVID_PHASE_CY = ("Dechreuodd cyfyngiadau COVID-19 ar 23 Mawrth 2020. Aeth pobl allan lawer llai, felly newidiodd "
                  "troseddu ac ymddygiad gwrthgymdeithasol am gyfnod. Mae'r misoedd o'r dyddiad hwn ymlaen yn cael eu "
                  "cymharu â'i gilydd, nid â'r misoedd cynt.")
NOT_COMPARE_DATE_CY = "Nid yw'r ffigurau cyn ac ar ôl y dyddiad hwn yn cymharu"
SERIES_BREAKS_CY = {  # (indicator, date): what changed
    ("total-recorded-crime", "2019-04-01"):
        "O fis Ebrill 2019 mae'r ffigurau'n dod o dabl mwy newydd gan y Swyddfa Gartref, un ar gyfer pob blwyddyn o "
        "fis Ebrill i fis Mawrth. Mae'n cyfrif pob trosedd a gofnodwyd gan yr heddlu, gyda'r ychydig droseddau twyll y "
        "mae heddluoedd yn eu cofnodi eu hunain, ac mae'n cynnwys cywiriadau diweddarach. Ar gyfer Cymru a Lloegr yn "
        "Ebrill 2018 i Fawrth 2019 mae'n rhoi tua 2 drosedd yn fwy ym mhob 1,000 na'r hen ffigurau. I rai heddluoedd "
        "mae'r bwlch yn fwy: i Ddyfed-Powys mae tua 9 ym mhob 100. Felly nid yw'r ffigurau cyn ac ar ôl y dyddiad hwn "
        "yn cymharu'n union.",
    ("anti-social-behaviour-incidents", "2011-04-01"):
        "Dechreuodd digwyddiadau ymddygiad gwrthgymdeithasol gael eu cofnodi mewn ffordd wahanol. "
        f"{NOT_COMPARE_DATE_CY}.",
    ("burglary-of-homes", "2017-04-01"):
        "Daeth byrgleriaeth breswyl yn lle byrgleriaeth ddomestig. Mae byrgleriaeth breswyl hefyd yn cyfrif siediau, "
        f"garejys ac adeiladau eraill mewn cartref. {NOT_COMPARE_DATE_CY}.",
    ("monthly-anti-social-behaviour-police-uk", "2020-03-23"): COVID_PHASE_CY,
    ("monthly-recorded-crime-police-uk", "2020-03-23"): COVID_PHASE_CY,
}
