"""The indicator catalogue in Welsh, keyed by id (the English is in framework_catalogue.py).

Drafted here in plain Welsh, as plain as the English; a publisher has it checked by a Welsh speaker (see
datapackages/README.md). The notes are made from shared sentences, as the English ones are. An indicator with no
entry here gets empty Welsh cells: its Welsh page shows the English text and the build reports it as untranslated.
"""

from __future__ import annotations

from forcepages.importers.framework_domains_cy import UNITS_CY
from forcepages.importers.framework_schema import WELSH_INDICATOR_FIELDS
from forcepages.importers.stop_search_catalogue_cy import STOP_AND_SEARCH_CY

HO_PRC_CY = ("Y Swyddfa Gartref, troseddau a gofnodwyd gan yr heddlu (data agored fesul ardal heddlu) a thablau data "
             "ardaloedd heddlu ONS")
RECORDED_CAVEAT_CY = ("Troseddau a gofnodwyd gan yr heddlu yw'r rhain. Nid oes neb yn rhoi gwybod i'r heddlu am rai "
                      "troseddau. Gall newid ddod o gofnodi'n well, nid dim ond o fwy neu lai o droseddu.")
POP_CAVEAT_CY = "Mae'r cyfraddau'n defnyddio'r boblogaeth ganol blwyddyn ar gyfer y 30 Mehefin sydd o fewn y 12 mis."
GMP_CAVEAT_CY = ("Nid oedd Heddlu Manceinion Fwyaf yn gallu rhoi ffigurau ar gyfer y blynyddoedd yn dod i ben ym mis "
                 "Medi a mis Rhagfyr 2019, felly mae'r rheini'n cael eu dangos fel rhai nad ydynt ar gael.")
NOT_COMPARE_CY = "felly nid yw'r ffigurau cyn ac ar ôl hynny'n cymharu"



def _crime(title, definition, extra="", caveats=RECORDED_CAVEAT_CY, source=HO_PRC_CY, **more):
    return dict(title_cy=title, definition_cy=definition, source_cy=source,
                caveats_cy=" ".join(x for x in (caveats, extra, POP_CAVEAT_CY) if x), **more)


OUTCOMES_SOURCE_CY = ("Y Swyddfa Gartref, data agored canlyniadau troseddau yng Nghymru a Lloegr (blynyddoedd yn dod i "
                      "ben ym mis Mawrth 2018 a 2019)")
OUTCOMES_CAVEAT_CY = ("Mae hyn yn cyfrif y cyhuddiadau a roddwyd yn y flwyddyn, allan o'r holl ganlyniadau a roddwyd yn y "
                      "flwyddyn. Efallai fod y drosedd wedi cael ei chofnodi mewn blwyddyn gynharach. Rydym yn trin "
                      "mwy o gyhuddiadau fel rhywbeth gwell, ond mae'r gyfradd hefyd yn dibynnu ar y "
                      "mathau o droseddau y mae'r heddlu'n delio â nhw.")
ALL_OUTCOMES_SOURCE_CY = ("Y Swyddfa Gartref, tablau data agored troseddau a gofnodwyd gan yr heddlu a'u canlyniadau "
                          "(blynyddoedd yn dod i ben ym mis Mawrth 2015 i fis Mawrth 2026)")
ALL_OUTCOMES_CAVEAT_CY = (" Ni roddodd Swydd Bedford, Cumbria, Dyfed-Powys, Swydd Hertford, Swydd Gaerlŷr, Heddlu'r "
                          "Metropolitan a De Swydd Efrog eu holl ganlyniadau ar gyfer Ebrill 2014 i Fawrth 2015. Ni "
                          "roddodd Manceinion Fwyaf nhw ar gyfer Gorffennaf 2019 i Fawrth 2020. Mae'r blynyddoedd hynny'n "
                          "cael eu dangos fel rhai nad ydynt ar gael. Hyd at fis Ebrill 2021 nid oedd yn rhaid i "
                          "heddluoedd gofnodi un math o ganlyniad: pan fydd rhywun yn cael ei anfon ar gwrs neu'n cael "
                          "help yn lle hynny.")


def _charge(title, what, more="", source=OUTCOMES_SOURCE_CY, caveats=OUTCOMES_CAVEAT_CY):
    """``what`` follows "i" (to), so it takes the soft mutation: "droseddau rhyw"."""
    return dict(title_cy=title, source_cy=source, caveats_cy=caveats,
                definition_cy=(f"O bob 100 canlyniad a roddodd yr heddlu i {what} yn y flwyddyn, faint oedd yn "
                               f"gyhuddiad neu'n wŷs i'r llys.{more} Nid yw twyll yn cael ei gyfrif."))


WORKFORCE_SOURCE_CY = "Y Swyddfa Gartref, tablau data agored gweithlu'r heddlu (31 Mawrth 2007 i 31 Mawrth 2023)"


def _workforce(title, who):
    return dict(title_cy=title, source_cy=WORKFORCE_SOURCE_CY,
                definition_cy=(f"Nifer y {who} ar 31 Mawrth, am bob 1,000 o bobl sy'n byw yn yr ardal. Mae pobl sy'n "
                               "gweithio'n rhan-amser yn cyfrif fel rhan o weithiwr amser llawn (cyfwerth ag amser "
                               "llawn)."),
                caveats_cy=("Nid yw mwy o staff yn well nac yn waeth ar ei ben ei hun. Mae gan heddluoedd sy'n "
                            "gwasanaethu llawer o ymwelwyr, fel Dinas Llundain, lawer o staff o'u cymharu â nifer y bobl "
                            "sy'n byw yno. Y boblogaeth a ddefnyddir yw'r amcangyfrif canol blwyddyn agosaf, 30 Mehefin yr un "
                            "flwyddyn."))


VFM_SOURCE_CY = "HMIC, proffiliau gwerth am arian 2010, data sylfaenol (Arolwg Troseddu Prydain 2008-09)"
BCS_CAVEAT_CY = ("Daw hwn o arolwg o oedolion, felly amcangyfrif ydyw. Mae'r cyfwng 95% yn dangos yr ystod y mae'r gwir "
                 "ffigur yn debygol o fod ynddi. Cafodd y cyfyngau eu cyhoeddi fel plws neu minws nifer o bwyntiau "
                 "canran.")
ASB_SOURCE_CY = "ONS, tablau data ardaloedd heddlu, Tabl P6 (Arolwg Troseddu Cymru a Lloegr)"
ASB_CAVEAT_CY = ("Daw hwn o arolwg o oedolion, felly amcangyfrif ydyw. Ni chyhoeddwyd cyfwng ar gyfer heddluoedd. Nododd "
                 "ONS y gwahaniaethau sy'n ystadegol arwyddocaol: mae seren yn golygu bod yr heddlu'n wahanol i Gymru a "
                 "Lloegr, neu i'r flwyddyn cynt, o fwy nag y byddai siawns yn ei esbonio. Mae'r marciau hyn yn y golofn "
                 "nodyn.")
POLICE_UK_SOURCE_CY = ("data.police.uk, data troseddau ar lefel stryd (Y Swyddfa Gartref), Trwydded Llywodraeth Agored "
                       "v3.0")
POLICE_UK_CAVEAT_CY = ("Dim ond Dinas Llundain sydd â ffigurau misol yma. Mae llai na 10,000 o bobl yn byw yno. Ond mae "
                       "miloedd lawer yn fwy yn dod yno i weithio neu i ymweld bob dydd. Felly mae'r cyfraddau fesul "
                       "person sy'n byw yno yn uchel iawn. Gall data.police.uk newid misoedd blaenorol pan fydd troseddau'n "
                       "cael eu symud neu eu canslo. Mae'r misoedd Gorffennaf 2017 i Fawrth 2018 ar goll o'r ffeiliau "
                       "sydd gennym. Mae'r cyfraddau'n defnyddio poblogaeth ganol blwyddyn y flwyddyn galendr.")
ASB_JUDGEMENT_CAVEAT_CY = ("Nid yw llai o ddigwyddiadau bob amser yn well yma. Mae'r ffigur yn dibynnu ar faint o bobl "
                           "sy'n dweud wrth yr heddlu, ac ar sut mae heddluoedd yn penderfynu rhwng digwyddiad a "
                           "throsedd. Pan fydd heddluoedd yn cofnodi mwy ohonynt fel troseddau, mae nifer y digwyddiadau "
                           "yn mynd i lawr.")
ASB_MEANS_CY = "Mae hyn yn golygu pethau fel bod yn afreolus, yn swnllyd neu'n niwsans ar y stryd."


def _survey(title, definition, caveats=BCS_CAVEAT_CY, source=VFM_SOURCE_CY):
    return dict(title_cy=title, definition_cy=definition, caveats_cy=caveats, source_cy=source)


INDICATORS_CY = {
    # Troseddu a phlismona lleol
    "total-recorded-crime": _crime(
        "Pob trosedd a gofnodwyd",
        "Pob trosedd a gofnodwyd gan yr heddlu mewn 12 mis, am bob 1,000 o bobl sy'n byw yn yr ardal. Hyd at fis "
        "Mawrth 2019 nid yw twyll yn cael ei gyfrif. O fis Ebrill 2019 mae pob ffigur ar gyfer blwyddyn o fis Ebrill "
        "i fis Mawrth, ac mae'n cyfrif yr ychydig droseddau twyll y mae heddluoedd yn eu cofnodi eu hunain.",
        extra=(f"Newidiodd y ffordd o gyfrif y cyfanswm ym mis Ebrill 2019, {NOT_COMPARE_CY} yn union. Mae gan Swydd "
               "Derby yr un nifer o droseddau yn Ebrill 2021 i Fawrth 2022 ac yn Ebrill 2022 i Fawrth 2023. Efallai "
               "fod hyn yn gamgymeriad yn y ffynhonnell. Rydym yn ei ddangos fel y cafodd ei gyhoeddi."),
        source=HO_PRC_CY + "; Y Swyddfa Gartref, troseddau a gofnodwyd gan yr heddlu, data agored fesul ardal heddlu, "
                           "blynyddoedd yn dod i ben ym mis Mawrth 2020 i fis Mawrth 2026"),
    "burglary-of-homes": _crime(
        "Byrgleriaeth mewn cartrefi",
        "Achosion o dorri i mewn i gartrefi a gofnodwyd gan yr heddlu mewn 12 mis, am bob 1,000 o bobl. Hyd at fis "
        "Mawrth 2017 byrgleriaeth ddomestig oedd hyn. O fis Ebrill 2017 byrgleriaeth breswyl yw hi, sydd hefyd yn "
        "cyfrif siediau a garejys mewn cartref.",
        extra=(f"Newidiodd y diffiniad ym mis Ebrill 2017, {NOT_COMPARE_CY}. Mae blynyddoedd sy'n cymysgu'r ddau "
               "ddiffiniad yn cael eu dangos fel rhai nad ydynt ar gael.")),
    "robbery": _crime(
        "Lladrad",
        "Lladradau a gofnodwyd gan yr heddlu mewn 12 mis, am bob 1,000 o bobl. Lladrad yw dwyn drwy ddefnyddio grym "
        "neu fygwth grym."),
    "vehicle-offences": _crime(
        "Troseddau cerbydau",
        "Dwyn ceir a cherbydau eraill neu ddwyn ohonynt, a difrod a wnaed i fynd i mewn iddynt, a gofnodwyd mewn 12 "
        "mis, am bob 1,000 o bobl."),
    "violence-with-injury": _crime(
        "Trais ag anaf",
        "Ymosodiadau a wnaeth frifo rhywun, a gofnodwyd gan yr heddlu mewn 12 mis, am bob 1,000 o bobl."),
    "criminal-damage-and-arson": _crime(
        "Difrod troseddol a llosgi bwriadol",
        "Difrod a wnaed i eiddo yn fwriadol, a thanau a gafodd eu cynnau yn fwriadol, a gofnodwyd mewn 12 mis, am bob "
        "1,000 o bobl."),
    "theft-from-the-person": _crime(
        "Dwyn oddi ar berson",
        "Dwyn pethau mae rhywun yn eu cario, fel ffôn neu fag, heb rym, a gofnodwyd mewn 12 mis, am bob 1,000 o bobl."),
    "shoplifting": _crime(
        "Dwyn o siopau",
        "Dwyn o siopau a gofnodwyd gan yr heddlu mewn 12 mis, am bob 1,000 o bobl.",
        extra=("Nid oes neb yn rhoi gwybod i'r heddlu am lawer o achosion o ddwyn o siopau. Mae mwy mewn ardaloedd "
               "sydd â llawer o siopau ac ymwelwyr.")),
    "monthly-recorded-crime-police-uk": dict(
        title_cy="Troseddau a gofnodwyd bob mis",
        definition_cy=("Troseddau a gofnodwyd gan yr heddlu mewn un mis, am bob 1,000 o bobl sy'n byw yn yr ardal. "
                       "Nid yw ymddygiad gwrthgymdeithasol a thwyll yn cael eu cyfrif. Daw'r niferoedd o "
                       "data.police.uk."),
        source_cy=POLICE_UK_SOURCE_CY, caveats_cy=" ".join((RECORDED_CAVEAT_CY, POLICE_UK_CAVEAT_CY))),
    "monthly-anti-social-behaviour-police-uk": dict(
        title_cy="Ymddygiad gwrthgymdeithasol bob mis",
        definition_cy=("Y nifer o weithiau y cafodd yr heddlu wybod am ymddygiad gwrthgymdeithasol mewn un mis, am bob "
                       f"1,000 o bobl sy'n byw yn yr ardal. {ASB_MEANS_CY} Daw'r niferoedd o data.police.uk."),
        source_cy=POLICE_UK_SOURCE_CY,
        caveats_cy=" ".join((ASB_JUDGEMENT_CAVEAT_CY, POLICE_UK_CAVEAT_CY,
                             "Nid oes ymddygiad gwrthgymdeithasol yn y ffeil ar gyfer mis Mai 2017, felly mae'r mis "
                             "hwnnw'n cael ei ddangos fel un nad yw ar gael."))),
    "anti-social-behaviour-incidents": dict(
        title_cy="Ymddygiad gwrthgymdeithasol y cafodd yr heddlu wybod amdano",
        definition_cy=("Y nifer o weithiau y cafodd yr heddlu wybod am ymddygiad gwrthgymdeithasol mewn blwyddyn o fis "
                       f"Ebrill i fis Mawrth, am bob 1,000 o bobl sy'n byw yn yr ardal. {ASB_MEANS_CY} Nid yw'r rhain "
                       "yn cael eu cyfrif fel troseddau."),
        source_cy=("ONS, tablau data ardaloedd heddlu, Tabl P7 (digwyddiadau a gofnodwyd gan yr heddlu, Y Swyddfa "
                   "Gartref), blynyddoedd yn dod i ben ym mis Mawrth 2018 a 2019"),
        caveats_cy=(ASB_JUDGEMENT_CAVEAT_CY + " Mae cynghorau a landlordiaid tai yn delio â rhai digwyddiadau, ac nid "
                    f"yw'r rheini'n cael eu cyfrif. Newidiodd y ffordd o gofnodi digwyddiadau ym mis Ebrill 2011, "
                    f"{NOT_COMPARE_CY}. Amcangyfrifodd Swydd Warwick hyd at 4 o bob 100 o'i digwyddiadau o fis "
                    "Ebrill 2014 i fis Mawrth 2018. Cafodd ffigur Swydd Gaer ar gyfer Ebrill 2017 i Fawrth 2018 ei roi "
                    "gyntaf ar gyfer 11 mis, ac mae wedi cael ei newid ers hynny. Ychydig o bobl sy'n byw yn Ninas "
                    "Llundain, felly mae ei chyfraddau'n uchel iawn. Mae'r cyfraddau'n defnyddio'r boblogaeth ganol "
                    "blwyddyn ar gyfer y 30 Mehefin sydd o fewn y flwyddyn.")),
    "charge-rate-all-crime": _charge(
        "Troseddau a arweiniodd at gyhuddiad", "bob trosedd",
        more=(" Canlyniad yw'r ffordd mae'r heddlu'n cau trosedd, fel cyhuddiad, rhybuddiad neu ddim un a ddrwgdybir wedi'i "
              "ganfod. Mae'r gyfradd allan o ganlyniadau, nid allan o'r holl droseddau a gofnodwyd."),
        source=ALL_OUTCOMES_SOURCE_CY, caveats=OUTCOMES_CAVEAT_CY + ALL_OUTCOMES_CAVEAT_CY),
    **STOP_AND_SEARCH_CY,
    "charge-rate-violence-with-injury": _charge("Trais ag anaf a arweiniodd at gyhuddiad",
                                                "ymosodiadau a wnaeth frifo rhywun"),
    "charge-rate-burglary": _charge("Byrgleriaeth a arweiniodd at gyhuddiad",
                                    "fyrgleriaethau mewn cartrefi ac adeiladau eraill"),
    # Diogelu rhag niwed difrifol
    "homicide": _crime(
        "Lladdiadau",
        "Llofruddiaethau a lladdiadau anghyfreithlon eraill a gofnodwyd gan yr heddlu mewn 12 mis, am bob 100,000 o "
        "bobl.",
        extra=("Mae'r niferoedd yn fach, felly gall cyfraddau neidio o un flwyddyn i'r nesaf. Mae lladdiadau'n cael eu "
               "cyfrif yn y flwyddyn y mae'r heddlu'n eu cofnodi, ac efallai nad honno yw'r flwyddyn y digwyddon "
               "nhw.")),
    "sexual-offences": _crime(
        "Troseddau rhyw",
        "Treisio a throseddau rhyw eraill a gofnodwyd gan yr heddlu mewn 12 mis, am bob 1,000 o bobl.",
        extra=("Mae mwy o ddioddefwyr yn dod ymlaen nawr, ac mae rhai yn rhoi gwybod am droseddau o flynyddoedd yn ôl. "
               "Gall cynnydd olygu mwy o ffydd yn yr heddlu."),
        comparability_note_cy=("Mae'r ffigurau hyn yn dibynnu ar faint o ddioddefwyr sy'n dweud wrth yr heddlu, ac ar "
                               "sut mae pob heddlu'n cofnodi troseddau. Felly nid yw ffigur uwch yn golygu mwy o "
                               "niwed.")),
    "possession-of-weapons-offences": _crime(
        "Cario arfau",
        "Troseddau cario cyllell, gwn neu arf arall, a gofnodwyd mewn 12 mis, am bob 1,000 o bobl.",
        extra=("Mae mwy o chwiliadau gan yr heddlu yn dod o hyd i fwy o arfau, felly mae'r ffigurau hyn hefyd yn dangos "
               "gwaith yr heddlu."),
        comparability_note_cy=("Mae'r rhan fwyaf o'r troseddau hyn yn cael eu canfod pan fydd yr heddlu'n chwilio "
                               "pobl. Felly mae'r ffigur yn dangos faint mae'r heddlu'n chwilio, yn ogystal â faint o "
                               "bobl sy'n cario arfau.")),
    "knife-crime": _crime(
        "Troseddau cyllyll",
        "Troseddau difrifol lle cafodd cyllell neu declyn miniog ei ddefnyddio, a gofnodwyd mewn 12 mis, am bob "
        "100,000 o bobl. Mae hyn yn cyfrif ceisio llofruddio, bygwth lladd, ymosod gan achosi anaf, lladrad, treisio, "
        "ymosod yn rhywiol a lladdiad.",
        extra=GMP_CAVEAT_CY + " Newidiodd rhai heddluoedd y ffordd maen nhw'n nodi troseddau sy'n ymwneud â chyllell "
                              "yn y blynyddoedd hyn, felly gall newid ddod o hynny ac nid o fwy o droseddau cyllyll."),
    "charge-rate-sexual-offences": _charge("Troseddau rhyw a arweiniodd at gyhuddiad", "droseddau rhyw"),
    "road-collisions-killed-or-seriously-injured": dict(
        title_cy="Gwrthdrawiadau ar y ffyrdd lle cafodd rhywun ei ladd neu ei anafu'n ddrwg",
        definition_cy=("Gwrthdrawiadau ar y ffyrdd yr aeth yr heddlu iddynt lle cafodd o leiaf un person ei ladd neu "
                       "ei anafu'n ddifrifol, mewn blwyddyn galendr, am bob 100,000 o bobl sy'n byw yn yr ardal."),
        source_cy=("Yr Adran Drafnidiaeth, anafiadau ar y ffyrdd a gofnodwyd (tabl RAS50016, gwrthdrawiadau yr aeth "
                   "swyddog heddlu iddynt), wedi'u hadio at ei gilydd fesul ardal heddlu"),
        caveats_cy=("Dim ond gwrthdrawiadau yr aeth swyddog heddlu iddynt sy'n cael eu cyfrif. Nid yw'r ffigurau ar "
                    "gyfer y 4 heddlu yng Nghymru yn y ffynhonnell. Nid yw pobl sy'n gyrru drwy ardal yn rhan o'i "
                    "phoblogaeth.")),
    # Gwerth am arian a chynhyrchiant
    "police-officers": _workforce("Swyddogion heddlu", "swyddogion heddlu"),
    "police-community-support-officers": _workforce("Swyddogion cymorth cymunedol yr heddlu",
                                                    "swyddogion cymorth cymunedol yr heddlu (SCCH)"),
    "police-staff": _workforce("Staff yr heddlu",
                               "staff yr heddlu (pobl sy'n gweithio i'r heddlu ond nad ydynt yn swyddogion)"),
    "police-grant-per-person": dict(
        title_cy="Arian gan y llywodraeth ganolog fesul person",
        definition_cy=("Y grant heddlu y mae'r llywodraeth yn ei roi i'r heddlu ar gyfer y flwyddyn, wedi'i rannu â "
                       "nifer y bobl sy'n byw yn yr ardal."),
        source_cy="Y Swyddfa Gartref, Adroddiad Grant yr Heddlu 2025 i 2026 (cyfanswm cyffredinol fesul heddlu)",
        caveats_cy=("Nid dyma'r holl arian y mae heddlu'n ei gael. Mae'r dreth gyngor yn talu am tua 4 o bob 10 punt "
                    "o arian yr heddlu, ac nid yw hynny'n cael ei gyfrif yma. Mae heddluoedd Cymru yn cael rhywfaint o "
                    "arian drwy Lywodraeth Cymru, felly mae eu ffigurau'n edrych yn is. Y boblogaeth yw amcangyfrif "
                    "canol 2023.")),
    # Hyder a bodlonrwydd
    "police-and-councils-dealing-with-asb-and-crime": _survey(
        "Cytuno bod yr heddlu a'r cyngor yn delio â throseddu a niwsans lleol",
        "O bob 100 o oedolion a holwyd, faint sy'n cytuno bod yr heddlu a'r cyngor lleol yn delio â'r ymddygiad "
        "gwrthgymdeithasol a'r troseddu sy'n bwysig yn eu hardal."),
    "police-dealing-with-local-concerns": _survey(
        "Cytuno bod yr heddlu'n delio â phryderon lleol",
        "O bob 100 o oedolion a holwyd, faint sy'n cytuno bod yr heddlu'n delio â'r pethau sy'n bwysig i bobl yn eu "
        "hardal."),
    "high-level-of-anti-social-behaviour": _survey(
        "Meddwl bod ymddygiad gwrthgymdeithasol yn broblem fawr",
        "O bob 100 o oedolion a holwyd, faint sy'n meddwl bod llawer o ymddygiad gwrthgymdeithasol yn eu hardal, fel "
        "cymdogion swnllyd, sbwriel, fandaliaeth neu bobl yn feddw ar y stryd."),
    "victim-satisfaction": _survey(
        "Dioddefwyr sy'n fodlon â'r gwasanaeth cyfan",
        "O bob 100 o ddioddefwyr byrgleriaeth, troseddau cerbydau, trais neu wrthdrawiadau ar y ffyrdd a holwyd, faint "
        "oedd yn fodlon â'r gwasanaeth cyfan a gawsant gan yr heddlu.",
        caveats=BCS_CAVEAT_CY + " Cafodd yr arolwg ei gynnal gan bob heddlu gyda'i ddioddefwyr ei hun; nid yw "
                                "digwyddiadau hiliol yn cael eu cyfrif yma.",
        source="HMIC, proffiliau gwerth am arian 2010, data sylfaenol (arolygon bodlonrwydd defnyddwyr 2008-09)"),
    "experienced-or-witnessed-anti-social-behaviour": _survey(
        "Wedi gweld neu ddioddef ymddygiad gwrthgymdeithasol",
        "O bob 100 o oedolion a holwyd, faint a welodd neu a ddioddefodd ymddygiad gwrthgymdeithasol yn eu hardal yn "
        "ystod y 12 mis diwethaf.", caveats=ASB_CAVEAT_CY, source=ASB_SOURCE_CY),
    "emergency-calls-answered-on-time": dict(
        title_cy="Galwadau 999 a atebwyd mewn pryd",
        definition_cy=("O bob 100 galwad i 999 a gafodd yr heddlu yn y flwyddyn, faint a atebodd o fewn yr amser y "
                       "mae'n anelu ato."),
        source_cy=VFM_SOURCE_CY.replace("(Arolwg Troseddu Prydain 2008-09)", "(galwadau 999 2008-09)"),
        caveats_cy=("Dewisodd pob heddlu ei derfyn amser ei hun yn 2008-09, yn aml 10 eiliad, felly nid yw'r "
                    "heddluoedd yn cymharu'n union."),
        comparability_note_cy=("Dewisodd pob heddlu ei derfyn amser ei hun ar gyfer ateb. Felly nid oes modd "
                               "cymharu'r heddluoedd.")),
}

def welsh(indicator: dict) -> dict:
    """The Welsh cells of one catalogue row: empty where there is no Welsh, or where the English cell is empty."""
    text = dict(INDICATORS_CY.get(indicator["indicator_id"], {}), unit_cy=UNITS_CY.get(indicator.get("unit", ""), ""))
    return {f: text.get(f, "") if indicator.get(f[:-3], "") else "" for f in WELSH_INDICATOR_FIELDS}
