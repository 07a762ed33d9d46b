"""Welsh text for the stop and search indicators (stop_search_catalogue.py), keyed by indicator id.

Drafted here in plain Welsh; a publisher has it checked by a Welsh speaker (see datapackages/README.md).
"""

from __future__ import annotations

SEARCH_SOURCE_CY = ("Y Swyddfa Gartref, pwerau a gweithdrefnau'r heddlu: tablau data agored stopio a chwilio (blynyddoedd "
                    "yn dod i ben ym mis Mawrth 2021 i fis Mawrth 2025); GOV.UK Ffeithiau a ffigurau ethnigrwydd, stopio "
                    "a chwilio (2006 i 2023, a chyfraddau yn ôl ethnigrwydd ac ardal)")
SEARCH_NOTE_CY = ("Mae chwiliad yn dangos beth ddewisodd yr heddlu ei wneud, nid faint o droseddu sydd. Nid yw mwy neu "
                  "lai o chwiliadau yn well nac yn waeth.")
RATIO_NOTE_CY = (SEARCH_NOTE_CY + " Mae'r ffigur hefyd yn dibynnu ar gyfrif y cyfrifiad o bobl Ddu a phobl Wyn ym mhob "
                 "ardal. Mae'r rhain yn llai sicr lle mae ychydig o bobl o grŵp yn byw. Felly nid yw'r heddluoedd yn "
                 "cymharu'n deg.")


def _search_cy(title, definition, caveats, note=SEARCH_NOTE_CY):
    return dict(title_cy=title, definition_cy=definition, caveats_cy=caveats, source_cy=SEARCH_SOURCE_CY,
                comparability_note_cy=note)


STOP_AND_SEARCH_CY = {
    "stop-and-search-rate": _search_cy(
        "Stopio a chwilio",
        "Y nifer o weithiau y gwnaeth yr heddlu stopio a chwilio pobl mewn blwyddyn o fis Ebrill i fis Mawrth, am "
        "bob 1,000 o bobl sy'n byw yn yr ardal. Nid yw chwilio cerbyd yn unig, heb chwilio person, yn cael ei gyfrif.",
        "Mae chwiliad yn mesur beth mae'r heddlu'n ei wneud, nid faint o droseddu sydd, felly nid yw mwy neu lai o "
        "chwiliadau yn well nac yn waeth. Nid yw Heddlu Trafnidiaeth Prydain yn cael ei gyfrif. Ychydig o bobl sy'n "
        "byw yn Ninas Llundain ac mae llawer yn dod i mewn bob dydd, felly mae ei chyfradd yn uchel iawn. Mae'r "
        "cyfraddau'n defnyddio'r boblogaeth ganol blwyddyn ar gyfer y 30 Mehefin sydd o fewn y flwyddyn. Mae tablau'r "
        "llywodraeth ei hun yn defnyddio cyfrif y cyfrifiad, felly mae eu cyfraddau ychydig yn wahanol."),
    "stop-and-search-black-white-ratio": _search_cy(
        "Pobl Ddu a chwiliwyd o'u cymharu â phobl Wyn",
        "Sawl gwaith yn amlach y cafodd pobl Ddu eu stopio a'u chwilio na phobl Wyn, am bob 1,000 o bobl o bob grŵp "
        "sy'n byw yn yr ardal, yn y flwyddyn Ebrill 2022 i Fawrth 2023. Mae ffigur o 1 yn golygu'r un gyfradd i'r "
        "ddau grŵp.",
        "Mae hyn yn defnyddio nifer y bobl Ddu a'r bobl Wyn sy'n byw ym mhob ardal yng Nghyfrifiad 2021. Mae'r "
        "niferoedd hyn yn llai sicr ar gyfer grwpiau bach, ac efallai nad yw'r bobl sy'n cael eu chwilio yn byw yn "
        "yr ardal. Lle mae ychydig o bobl Ddu yn byw, gall ychydig o chwiliadau newid y ffigur yn fawr. Cafodd y "
        "cyfraddau eu cyhoeddi wedi'u talgrynnu, felly mae'r ffigur yn agos ond nid yn union. Nid yw chwiliadau lle "
        "na chafodd grŵp ethnig y person ei nodi yn cael eu cyfrif. Nid oes ffigur ar gyfer Dinas Llundain.",
        note=RATIO_NOTE_CY),
}
