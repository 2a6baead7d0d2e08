"""Office of the Historian (slug, name) pairs resolve to the state of their period."""

from __future__ import annotations

import pytest

from diplotrack.places import gazetteer, history_state_country

# Every (slug, printed name) pair found in the Office of the Historian's travel records, with the
# code it must resolve to. Some printed names carry trailing spaces and curly quotes on purpose.
HISTORIAN_PAIRS = [
    ("afghanistan", "Afghanistan", "AFG"),
    ("afghanistan", "Afghanistan (Interim Authority)", "AFG"),
    ("albania", "Albania", "ALB"),
    ("algeria", "Algeria", "DZA"),
    ("angola", "Angola", "AGO"),
    ("antarctica", "Antarctica", "ATA"),
    ("antigua-barbuda", "Antigua and Barbuda", "ATG"),
    ("argentina", "Argentina", "ARG"),
    ("armenia", "Armenia", "ARM"),
    ("australia", "Australia", "AUS"),
    ("austria", "Austria", "AUT"),
    ("azerbaijan", "Azerbaijan", "AZE"),
    ("bahamas", "Bahamas", "BHS"),
    ("bahrain", "Bahrain", "BHR"),
    ("bangladesh", "Bangladesh", "BGD"),
    ("barbados", "Barbados", "BRB"),
    ("belarus", "Belarus", "BLR"),
    ("belarus", "Byelorussia", "BLR"),
    ("belgium", "Belgium", "BEL"),
    ("belize", "Belize", "BLZ"),
    ("benin", "Benin", "BEN"),
    ("benin", "Dahomey (Benin)", "BEN"),
    ("bolivia", "Bolivia", "BOL"),
    ("bosnia-herzegovina", "Bosnia", "BIH"),
    ("bosnia-herzegovina", "Bosnia and Herzegovina", "BIH"),
    ("bosnia-herzegovina", "Bosnia-Herzegovina", "BIH"),
    ("bosnia-herzegovina", "Bosnian Federation", "BIH"),
    ("botswana", "Botswana", "BWA"),
    ("brazil", "Brazil", "BRA"),
    ("brunei", "Brunei", "BRN"),
    ("brunei", "Brunei Darussalam", "BRN"),
    ("bulgaria", "Bulgaria", "BGR"),
    ("burkina-faso", "Burkina Faso", "BFA"),
    ("burkina-faso", "Upper Volta", "BFA"),
    ("burkina-faso", "Upper Volta (Burkina Faso)", "BFA"),
    ("burma", "Burma", "MMR"),
    ("burma", "Burma (Myanmar)", "MMR"),
    ("burundi", "Burundi", "BDI"),
    ("cambodia", "Cambodia", "KHM"),
    ("cambodia", "Khmer Republic (Cambodia)", "KHM"),
    ("cameroon", "Cameroon", "CMR"),
    ("canada", "Canada", "CAN"),
    ("cape-verde", "Cabo Verde", "CPV"),
    ("cape-verde", "Cape Verde", "CPV"),
    ("central-african-republic", "Central African Republic", "CAF"),
    ("chad", "Chad", "TCD"),
    ("chile", "Chile", "CHL"),
    ("china", "China", "CHN"),
    ("china", "China, People\u2019s Republic of", "CHN"),
    ("china", "China, Republic of", "CHN"),
    ("colombia", "Colombia", "COL"),
    ("comoros", "Comoros", "COM"),
    ("congo-democratic-republic", "Congo, Democratic Republic of", "COD"),
    ("congo-democratic-republic", "Democratic Republic of the Congo (Zaire)", "COD"),
    ("congo-kinshasa", "Congo, Democratic Republic of", "COD"),
    ("congo-republic", "Congo, Republic of", "COG"),
    ("cook-islands", "Cook Islands", "COK"),
    ("costa-rica", "Costa Rica", "CRI"),
    ("cote-divoire", "Cote d'Ivoire", "CIV"),
    ("cote-divoire", "Cote d\u2019Ivoire", "CIV"),
    ("cote-divoire", "Ivory Coast", "CIV"),
    ("croatia", "Croatia", "HRV"),
    ("cuba", "Cuba", "CUB"),
    ("cuba", "Cuba (Provisional Government)", "CUB"),
    ("cyprus", "Cyprus", "CYP"),
    ("czech-republic", "Czech Republic", "CZE"),
    ("czechia", "Czechia", "CZE"),
    ("czechoslovakia", "Czechoslovakia", "CSK"),
    ("czechoslovakia", "Czechoslovakia (government-in-exile)", "CSK"),
    ("denmark", "Denmark", "DNK"),
    ("denmark", "Denmark (Greenland)", "DNK"),
    ("djibouti", "Djibouti", "DJI"),
    ("dominica", "Dominica", "DMA"),
    ("dominican-republic", "Dominican Republic", "DOM"),
    ("ecuador", "Ecuador", "ECU"),
    ("egypt", "Egypt", "EGY"),
    ("el-salvador", "El Salvador", "SLV"),
    ("equatorial-guinea", "Equatorial Guinea", "GNQ"),
    ("eritrea", "Eritrea", "ERI"),
    ("estonia", "Estonia", "EST"),
    ("eswatini", "Eswatini", "SWZ"),
    ("ethiopia", "Ethiopia", "ETH"),
    ("fiji", "Fiji", "FJI"),
    ("finland", "Finland", "FIN"),
    ("france", "France", "FRA"),
    ("france", "France (Provisional Government)", "FRA"),
    ("french-polynesia", "French Polynesia", "PYF"),
    ("gabon", "Gabon", "GAB"),
    ("gambia", "The Gambia", "GMB"),
    ("georgia", "Georgia", "GEO"),
    ("german-democratic-republic", "German Democratic Republic", "DDR"),
    ("germany", "Germany", "DEU"),
    ("germany", "Germany, Federal Republic of", "DEU"),
    ("ghana", "Ghana", "GHA"),
    ("greece", "Greece", "GRC"),
    ("grenada", "Grenada", "GRD"),
    ("guatemala", "Guatemala", "GTM"),
    ("guinea", "Guinea", "GIN"),
    ("guinea-bissau", "Guinea-Bissau", "GNB"),
    ("guyana", "Guyana", "GUY"),
    ("haiti", "Haiti", "HTI"),
    ("hawaii", "Hawaii", "XHI"),
    ("holy-see", "Holy See", "VAT"),
    ("holy-see", "Vatican City", "VAT"),
    ("honduras", "Honduras", "HND"),
    ("hungary", "Hungary", "HUN"),
    ("iceland", "Iceland", "ISL"),
    ("india", "India", "IND"),
    ("indonesia", "Indonesia", "IDN"),
    ("iran", "Iran", "IRN"),
    ("iraq", "Iraq", "IRQ"),
    ("ireland", "Ireland", "IRL"),
    ("israel", "Israel", "ISR"),
    ("israel", "Israel (Provisional Government)", "ISR"),
    ("italy", "Italy", "ITA"),
    ("jamaica", "Jamaica", "JAM"),
    ("japan", "Japan", "JPN"),
    ("jordan", "Jordan", "JOR"),
    ("kazakhstan", "Kazakhstan", "KAZ"),
    ("kenya", "Kenya", "KEN"),
    ("kiribati", "Kiribati", "KIR"),
    ("korea", "Korea, South", "KOR"),
    ("korea-north", "Korea, North", "PRK"),
    ("korea-south", "Korea", "KOR"),
    ("korea-south", "Korea, Republic of", "KOR"),
    ("korea-south", "Korea, South", "KOR"),
    ("korea-south", "South Korea", "KOR"),
    ("kosovo", "Kosovo", "XKX"),
    ("kosovo", "Serbia-Montenegro (Kosovo)", "XKX"),
    ("kosovo", "Yugoslavia (Kosovo)", "XKX"),
    ("kuwait", "Kuwait", "KWT"),
    ("kyrgyzstan", "Kirghizia", "KGZ"),
    ("kyrgyzstan", "Kyrgyz Republic", "KGZ"),
    ("kyrgyzstan", "Kyrgyzstan", "KGZ"),
    ("laos", "Laos", "LAO"),
    ("latvia", "Latvia", "LVA"),
    ("lebanon", "Lebanon", "LBN"),
    ("lesotho", "Lesotho", "LSO"),
    ("liberia", "Liberia", "LBR"),
    ("libya", "Libya", "LBY"),
    ("liechtenstein", "Liechtenstein", "LIE"),
    ("lithuania", "Lithuania", "LTU"),
    ("luxembourg", "Luxembourg", "LUX"),
    ("macedonia", "Macedonia", "MKD"),
    ("macedonia", "Macedonia, Former Yugoslav Republic of", "MKD"),
    ("madagascar", "Madagascar", "MDG"),
    ("malawi", "Malawi", "MWI"),
    ("malaysia", "Malaya", "MYS"),
    ("malaysia", "Malaysia", "MYS"),
    ("maldives", "Maldives", "MDV"),
    ("mali", "Mali", "MLI"),
    ("malta", "Malta", "MLT"),
    ("marshall-islands", "Marshall Islands", "MHL"),
    ("mauritania", "Mauritania", "MRT"),
    ("mauritius", "Mauritius", "MUS"),
    ("mexico", "Mexico", "MEX"),
    ("micronesia", "Micronesia", "FSM"),
    ("micronesia", "Micronesia, Federated States of", "FSM"),
    ("moldova", "Moldova", "MDA"),
    ("monaco", "Monaco", "MCO"),
    ("mongolia", "Mongolia", "MNG"),
    ("montenegro", "Montenegro", "MNE"),
    ("morocco", "Morocco", "MAR"),
    ("mozambique", "Mozambique", "MOZ"),
    ("namibia", "Namibia", "NAM"),
    ("nauru", "Nauru", "NRU"),
    ("nepal", "Nepal", "NPL"),
    ("netherlands", "Netherlands", "NLD"),
    ("netherlands-antilles", "Netherlands Antilles", "ANT"),
    ("new-caledonia", "New Caledonia", "NCL"),
    ("new-zealand", "New Zealand", "NZL"),
    ("nicaragua", "Nicaragua", "NIC"),
    ("niger", "Niger", "NER"),
    ("niger", "Niger ", "NER"),
    ("nigeria", "Nigeria", "NGA"),
    ("niue", "Niue", "NIU"),
    ("north-macedonia", "North Macedonia", "MKD"),
    ("north-macedonia", "North Macedonia ", "MKD"),
    ("norway", "Norway", "NOR"),
    ("oman", "Muscat & Oman", "OMN"),
    ("oman", "Oman", "OMN"),
    ("pakistan", "Pakistan", "PAK"),
    ("palau", "Palau", "PLW"),
    ("palestinian-authority", "Palestinian Authority", "PSE"),
    ("panama", "Panama", "PAN"),
    ("papua-new-guinea", "Papua New Guinea", "PNG"),
    ("paraguay", "Paraguay", "PRY"),
    ("peru", "Peru", "PER"),
    ("philippines", "Philippines", "PHL"),
    ("poland", "Poland", "POL"),
    ("poland", "Poland (government-in-exile)", "POL"),
    ("portugal", "Portugal", "PRT"),
    ("qatar", "Qatar", "QAT"),
    ("romania", "Romania", "ROU"),
    ("russia", "Russia", "RUS"),
    ("russia", "U.S.S.R.", "SUN"),
    ("rwanda", "Rwanda", "RWA"),
    ("saint-kitts-nevis", "St. Christopher and Nevis", "KNA"),
    ("saint-kitts-nevis", "St. Kitts and Nevis", "KNA"),
    ("saint-lucia", "Saint Lucia", "LCA"),
    ("saint-lucia", "St. Lucia", "LCA"),
    ("saint-vincent-grenadines", "St. Vincent and the Grenadines", "VCT"),
    ("samoa", "Samoa", "WSM"),
    ("samoa", "Western Samoa", "WSM"),
    ("sao-tome-and-principe", "Sao Tome and Principe", "STP"),
    ("saudi-arabia", "Saudi Arabia", "SAU"),
    ("senegal", "Senegal", "SEN"),
    ("serbia", "Serbia", "SRB"),
    ("serbia", "Serbia and Montenegro", "SCG"),
    ("seychelles", "Seychelles", "SYC"),
    ("sierra-leone", "Sierra Leone", "SLE"),
    ("singapore", "Singapore", "SGP"),
    ("slovakia", "Slovak Republic", "SVK"),
    ("slovakia", "Slovakia", "SVK"),
    ("slovenia", "Slovenia", "SVN"),
    ("solomon-islands", "Solomon Islands", "SLB"),
    ("somalia", "Somali Republic", "SOM"),
    ("somalia", "Somalia", "SOM"),
    ("somoa", "Somoa", "WSM"),
    ("south-africa", "South Africa", "ZAF"),
    ("south-africa", "Union of South Africa", "ZAF"),
    ("south-sudan", "South Sudan", "SSD"),
    ("spain", "Spain", "ESP"),
    ("sri-lanka", "Ceylon", "LKA"),
    ("sri-lanka", "Ceylon (Sri Lanka)", "LKA"),
    ("sri-lanka", "Sri Lanka", "LKA"),
    ("sudan", "Sudan", "SDN"),
    ("suriname", "Suriname", "SUR"),
    ("swaziland", "Swaziland", "SWZ"),
    ("sweden", "Sweden", "SWE"),
    ("switzerland", "Switzerland", "CHE"),
    ("syria", "Syria", "SYR"),
    ("taiwan", "China, Republic of", "TWN"),
    ("taiwan", "Republic of China", "TWN"),
    ("tajikistan", "Tajikistan", "TJK"),
    ("tanzania", "Tanganyika", "TZA"),
    ("tanzania", "Tanzania", "TZA"),
    ("thailand", "Siam (Thailand)", "THA"),
    ("thailand", "Thailand", "THA"),
    ("timor-leste", "East Timor", "TLS"),
    ("timor-leste", "Timor Leste", "TLS"),
    ("togo", "Togo", "TGO"),
    ("tonga", "Tonga", "TON"),
    ("trinidad-and-tobago", "Trinidad and Tobago", "TTO"),
    ("tunisia", "Tunisia", "TUN"),
    ("turkey", "Turkey", "TUR"),
    ("turkiye", "Türkiye", "TUR"),
    ("turkmenistan", "Turkmenistan", "TKM"),
    ("tuvalu", "Tuvalu", "TUV"),
    ("uganda", "Uganda", "UGA"),
    ("ukraine", "Ukraine", "UKR"),
    ("united-arab-emirates", "United Arab Emirates", "ARE"),
    ("united-arab-emirates", "United Arab Emirates ", "ARE"),
    ("united-kingdom", "United Kingdom", "GBR"),
    ("united-kingdom", "United Kingdom (Northern Ireland)", "GBR"),
    ("united-kingdom", "United Kingdom (Wales)", "GBR"),
    ("uruguay", "Uruguay", "URY"),
    ("uzbekistan", "Uzbekistan", "UZB"),
    ("venezuela", "Venezuela", "VEN"),
    ("vietnam", "Vietnam", "VNM"),
    ("west-bank", "West Bank", "PSE"),
    ("yemen", "Yemen", "YEM"),
    ("yemen", "Yemen Arab Republic", "YEM"),
    ("yugoslavia", "Yugoslavia", "YUG"),
    ("zambia", "Zambia", "ZMB"),
    ("zimbabwe", "Southern Rhodesia (Zimbabwe)", "ZWE"),
    ("zimbabwe", "Zimbabwe", "ZWE"),
    ("zimbabwe", "Zimbabwe Rhodesia", "ZWE"),
]


@pytest.mark.parametrize(("slug", "name", "expected"), HISTORIAN_PAIRS)
def test_every_historian_pair_resolves_to_its_country(slug: str, name: str, expected: str) -> None:
    country = history_state_country(slug, name)
    assert country is not None
    assert country.iso3 == expected


@pytest.mark.parametrize(
    ("slug", "name", "expected"),
    [
        ("russia", "U.S.S.R.", "SUN"),
        ("german-democratic-republic", "German Democratic Republic", "DDR"),
        ("serbia", "Serbia and Montenegro", "SCG"),
        ("yugoslavia", "Yugoslavia", "YUG"),
        ("czechoslovakia", "Czechoslovakia", "CSK"),
        ("netherlands-antilles", "Netherlands Antilles", "ANT"),
        ("hawaii", "Hawaii", "XHI"),
    ],
)
def test_a_name_naming_a_former_state_wins_over_the_slug(
    slug: str, name: str, expected: str
) -> None:
    country = history_state_country(slug, name)
    assert country is not None
    assert (country.iso3, country.historical) == (expected, True)


@pytest.mark.parametrize(
    ("slug", "name", "expected"),
    [
        ("belarus", "Byelorussia", "BLR"),
        ("germany", "Germany, Federal Republic of", "DEU"),
        ("somoa", "Somoa", "WSM"),
        ("west-bank", "West Bank", "PSE"),
        ("palestinian-authority", "Palestinian Authority", "PSE"),
        ("antarctica", "Antarctica", "ATA"),
    ],
)
def test_renamed_and_partial_names_resolve_to_the_present_country(
    slug: str, name: str, expected: str
) -> None:
    country = history_state_country(slug, name)
    assert country is not None
    assert (country.iso3, country.historical) == (expected, False)


@pytest.mark.parametrize("name", ["Serbia-Montenegro (Kosovo)", "Yugoslavia (Kosovo)"])
def test_kosovo_in_parentheses_under_the_kosovo_slug_is_kosovo(name: str) -> None:
    country = history_state_country("kosovo", name)
    assert country is not None
    assert country.iso3 == "XKX"


@pytest.mark.parametrize(("slug", "expected"), [("china", "CHN"), ("taiwan", "TWN")])
def test_republic_of_china_follows_its_slug(slug: str, expected: str) -> None:
    country = history_state_country(slug, "China, Republic of")
    assert country is not None
    assert country.iso3 == expected


def test_territory_of_hawaii_ends_at_statehood() -> None:
    hawaii = gazetteer().country_by_code("XHI")
    assert (hawaii.valid_to, hawaii.historical) == ("1959-08-21", True)


def test_an_unknown_slug_falls_back_to_the_printed_name() -> None:
    country = history_state_country("zaire", "Zaire")
    assert country is not None
    assert country.iso3 == "COD"


def test_an_unknown_slug_and_name_give_none() -> None:
    assert history_state_country("atlantis", "Atlantis") is None


def test_every_slug_in_the_table_names_a_known_country() -> None:
    places = gazetteer()
    slugs = sorted({slug for slug, _, _ in HISTORIAN_PAIRS})
    assert all(places.country(slug) is not None for slug in slugs)
