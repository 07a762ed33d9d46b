"""Welsh names of places in the `reference` package: the four Welsh police forces, England and Wales, the region
Wales, and the 22 Welsh principal areas (their official Welsh names). Other places have no Welsh name here, so their
`name_cy` cells are empty and Welsh pages show the English name."""

from __future__ import annotations

AREA_NAMES_CY = {  # ONS code of the area: its Welsh name
    "K04000001": "Cymru a Lloegr",
    "W15000001": "Heddlu Gogledd Cymru",
    "W15000002": "Heddlu Gwent",
    "W15000003": "Heddlu De Cymru",
    "W15000004": "Heddlu Dyfed-Powys",
}
REGIONS_CY = {  # English region in areas.csv: its Welsh name (ONS's Welsh names of the regions)
    "Wales": "Cymru", "North East": "Gogledd-ddwyrain Lloegr", "North West": "Gogledd-orllewin Lloegr",
    "Yorkshire and The Humber": "Swydd Efrog a'r Humber", "East Midlands": "Dwyrain Canolbarth Lloegr",
    "West Midlands": "Gorllewin Canolbarth Lloegr", "East of England": "Dwyrain Lloegr", "London": "Llundain",
    "South East": "De-ddwyrain Lloegr", "South West": "De-orllewin Lloegr"}

LAD_NAMES_CY = {  # ONS code of the principal area (local authority district): its official Welsh name
    "W06000001": "Ynys Môn",
    "W06000002": "Gwynedd",
    "W06000003": "Conwy",
    "W06000004": "Sir Ddinbych",
    "W06000005": "Sir y Fflint",
    "W06000006": "Wrecsam",
    "W06000008": "Ceredigion",
    "W06000009": "Sir Benfro",
    "W06000010": "Sir Gaerfyrddin",
    "W06000011": "Abertawe",
    "W06000012": "Castell-nedd Port Talbot",
    "W06000013": "Pen-y-bont ar Ogwr",
    "W06000014": "Bro Morgannwg",
    "W06000015": "Caerdydd",
    "W06000016": "Rhondda Cynon Taf",
    "W06000018": "Caerffili",
    "W06000019": "Blaenau Gwent",
    "W06000020": "Tor-faen",
    "W06000021": "Sir Fynwy",
    "W06000022": "Casnewydd",
    "W06000023": "Powys",
    "W06000024": "Merthyr Tudful",
}
