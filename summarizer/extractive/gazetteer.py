"""Word lists of political and armed actors: states, their capitals and demonyms, institutions, forces.

Public gazetteer facts and the CAMEO actor conventions (government, military,
police, rebels, insurgents, international bodies), written as plain data.
"""

from __future__ import annotations

__all__ = [
    "ARMED_GROUPS",
    "CAPITALS",
    "DEMONYMS",
    "FORCE_NOUNS",
    "GOVERNMENT_NOUNS",
    "INTERNATIONAL",
    "NEWS_OUTLETS",
    "NEWS_PREFIXES",
    "NOT_ACTOR_ACRONYMS",
    "NOT_ACTOR_HEADS",
    "NOT_ACTOR_NAMES",
    "POLICE_NOUNS",
    "POLITICAL_TARGETS",
    "REGIONAL_ADJECTIVES",
    "STATES",
    "WEAPON_NOUNS",
]

# One state a line: name(s) | demonym(s) | capital or seat-of-power metonyms.
_STATE_TABLE = """
Afghanistan|Afghan,Afghans|Kabul
Albania|Albanian,Albanians|Tirana
Algeria|Algerian,Algerians|Algiers
Angola|Angolan,Angolans|Luanda
Argentina|Argentine,Argentinian,Argentinians|Buenos Aires
Armenia|Armenian,Armenians|Yerevan
Australia|Australian,Australians|Canberra
Austria|Austrian,Austrians|Vienna
Azerbaijan|Azerbaijani,Azerbaijanis,Azeri,Azeris|Baku
Bahrain|Bahraini,Bahrainis|Manama
Bangladesh|Bangladeshi,Bangladeshis|Dhaka
Belarus|Belarusian,Belarusians|Minsk
Belgium|Belgian,Belgians|Brussels
Bolivia|Bolivian,Bolivians|La Paz
Bosnia|Bosnian,Bosnians|Sarajevo
Brazil|Brazilian,Brazilians|Brasilia
Bulgaria|Bulgarian,Bulgarians|Sofia
Burma,Myanmar|Burmese|Rangoon,Yangon,Naypyidaw
Burundi|Burundian,Burundians|Bujumbura
Cambodia,Kampuchea|Cambodian,Cambodians,Kampuchean|Phnom Penh
Cameroon|Cameroonian,Cameroonians|Yaounde
Canada|Canadian,Canadians|Ottawa
Chad|Chadian,Chadians|N'Djamena
Chechnya|Chechen,Chechens|Grozny
Chile|Chilean,Chileans|Santiago
China|Chinese|Beijing
Colombia|Colombian,Colombians|Bogota
Congo,DRC|Congolese|Kinshasa,Brazzaville
Croatia|Croatian,Croatians,Croat,Croats|Zagreb
Cuba|Cuban,Cubans|Havana
Cyprus|Cypriot,Cypriots|Nicosia
Czech Republic,Czechia,Czechoslovakia|Czech,Czechs,Czechoslovak|Prague
Denmark|Danish,Danes|Copenhagen
Ecuador|Ecuadorian,Ecuadorians|Quito
Egypt|Egyptian,Egyptians|Cairo
Eritrea|Eritrean,Eritreans|Asmara
Estonia|Estonian,Estonians|Tallinn
Ethiopia|Ethiopian,Ethiopians|Addis Ababa
Finland|Finnish,Finns|Helsinki
France|French|Paris,Elysee
Georgia|Georgian,Georgians|Tbilisi
Germany|German,Germans|Berlin,Bonn
Ghana|Ghanaian,Ghanaians|Accra
Greece|Greek,Greeks|Athens
Guinea|Guinean,Guineans|Conakry
Haiti|Haitian,Haitians|Port-au-Prince
Hungary|Hungarian,Hungarians|Budapest
India|Indian,Indians|New Delhi,Delhi
Indonesia|Indonesian,Indonesians|Jakarta
Iran|Iranian,Iranians|Tehran
Iraq|Iraqi,Iraqis|Baghdad
Ireland|Irish|Dublin
Israel|Israeli,Israelis|Jerusalem,Tel Aviv
Italy|Italian,Italians|Rome
Ivory Coast,Cote d'Ivoire|Ivorian,Ivorians|Abidjan,Yamoussoukro
Japan|Japanese|Tokyo
Jordan|Jordanian,Jordanians|Amman
Kazakhstan|Kazakh,Kazakhs|Astana,Almaty
Kenya|Kenyan,Kenyans|Nairobi
Kosovo|Kosovar,Kosovars|Pristina
Kuwait|Kuwaiti,Kuwaitis|Kuwait City
Kyrgyzstan|Kyrgyz|Bishkek
Laos|Laotian,Laotians|Vientiane
Latvia|Latvian,Latvians|Riga
Lebanon|Lebanese|Beirut
Liberia|Liberian,Liberians|Monrovia
Libya|Libyan,Libyans|Tripoli
Lithuania|Lithuanian,Lithuanians|Vilnius
Macedonia,North Macedonia|Macedonian,Macedonians|Skopje
Malaysia|Malaysian,Malaysians|Kuala Lumpur
Mali|Malian,Malians|Bamako
Mexico|Mexican,Mexicans|Mexico City
Moldova|Moldovan,Moldovans|Chisinau
Mongolia|Mongolian,Mongolians|Ulan Bator,Ulaanbaatar
Montenegro|Montenegrin,Montenegrins|Podgorica
Morocco|Moroccan,Moroccans|Rabat
Mozambique|Mozambican,Mozambicans|Maputo
Nepal|Nepalese,Nepali|Kathmandu,Khatmandu
Netherlands,Holland|Dutch|Amsterdam,The Hague
New Zealand|New Zealander,New Zealanders|Wellington
Nicaragua|Nicaraguan,Nicaraguans|Managua
Niger|Nigerien|Niamey
Nigeria|Nigerian,Nigerians|Abuja,Lagos
North Korea|North Korean,North Koreans|Pyongyang
Norway|Norwegian,Norwegians|Oslo
Oman|Omani,Omanis|Muscat
Pakistan|Pakistani,Pakistanis|Islamabad
Palestine,Palestinian territories,Gaza,West Bank|Palestinian,Palestinians|Ramallah
Panama|Panamanian,Panamanians|Panama City
Peru|Peruvian,Peruvians|Lima
Philippines|Filipino,Filipinos,Philippine|Manila
Poland|Polish,Poles|Warsaw
Portugal|Portuguese|Lisbon
Qatar|Qatari,Qataris|Doha
Romania|Romanian,Romanians|Bucharest
Russia,Soviet Union,USSR|Russian,Russians,Soviet,Soviets|Moscow,Kremlin
Rwanda|Rwandan,Rwandans|Kigali
Saudi Arabia|Saudi,Saudis|Riyadh
Senegal|Senegalese|Dakar
Serbia,Yugoslavia|Serbian,Serbians,Serb,Serbs,Yugoslav|Belgrade
Sierra Leone|Sierra Leonean,Sierra Leoneans|Freetown
Slovakia|Slovak,Slovaks|Bratislava
Slovenia|Slovenian,Slovenians,Slovene|Ljubljana
Somalia|Somali,Somalis|Mogadishu
South Africa|South African,South Africans|Pretoria
South Korea|South Korean,South Koreans|Seoul
South Sudan|South Sudanese|Juba
Spain|Spanish,Spaniards|Madrid
Sri Lanka|Sri Lankan,Sri Lankans|Colombo
Sudan|Sudanese|Khartoum
Sweden|Swedish,Swedes|Stockholm
Switzerland|Swiss|Bern
Syria|Syrian,Syrians|Damascus
Taiwan|Taiwanese|Taipei
Tajikistan|Tajik,Tajiks|Dushanbe
Tanzania|Tanzanian,Tanzanians|Dodoma,Dar es Salaam
Thailand|Thai|Bangkok
Tunisia|Tunisian,Tunisians|Tunis
Turkey,Turkiye|Turkish,Turks|Ankara
Turkmenistan|Turkmen|Ashgabat
Uganda|Ugandan,Ugandans|Kampala
Ukraine|Ukrainian,Ukrainians|Kyiv,Kiev
United Arab Emirates,UAE|Emirati,Emiratis|Abu Dhabi
United Kingdom,UK,Britain,Great Britain|British,Briton,Britons|London,Downing Street,Whitehall
United States,US,U.S.,USA,America|American,Americans|Washington,White House,Pentagon
Uzbekistan|Uzbek,Uzbeks|Tashkent
Venezuela|Venezuelan,Venezuelans|Caracas
Vietnam|Vietnamese|Hanoi
Yemen|Yemeni,Yemenis|Sanaa
Zambia|Zambian,Zambians|Lusaka
Zimbabwe|Zimbabwean,Zimbabweans|Harare
"""


def _states() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in _STATE_TABLE.strip().splitlines():
        fields = [field.split(",") for field in row.split("|")]
        key = fields[0][0]
        for field in fields:
            for name in field:
                names[name.strip()] = key
    return names


# Every name, demonym and capital of a state -> the state's first name.
STATES: dict[str, str] = _states()
# The capitals and seats of power alone: "Moscow announced" is the Russian government speaking; in a list of
# actors they are places unless they stand for the state.
CAPITALS = frozenset(
    name.strip() for row in _STATE_TABLE.strip().splitlines() for name in row.split("|")[2].split(",") if name.strip()
)

# Each state's adjective (its first demonym: "Italian", "Danish") -> the state's first name.
DEMONYMS: dict[str, str] = {
    row.split("|")[1].split(",")[0].strip(): row.split("|")[0].split(",")[0]
    for row in _STATE_TABLE.strip().splitlines()
}

# Adjectives of regions and nations without a state in the table: an actor only before an actor noun.
REGIONAL_ADJECTIVES = frozenset(
    """European Asian African Arab Latin Western Eastern Northern Southern Scandinavian Nordic Caribbean
    Scottish Welsh English Catalan Basque Kurdish Flemish Balkan Baltic Gulf Pacific Atlantic""".split()
)

# Capitalised words that name no actor: holidays and seasons, diseases, and words that open a sentence.
NOT_ACTOR_NAMES = frozenset(
    """Christmas Xmas Easter Ramadan Eid Hanukkah Diwali Thanksgiving Halloween Hogmanay Passover Lent
    Advent Boxing Valentine New_Year New_Year's Aids HIV Sars Ebola Alzheimer Alzheimer's Parkinson
    Parkinson's Malaria Tuberculosis Covid Every Each Some Many Most More Much Few Several All Any Such
    Other Another Only Even Just Still Yet Now Then Here There Instead Indeed Thus Yes No Not Almost
    Nearly Perhaps Maybe Already Again Overall Elsewhere Excluding Including Asked Speaking Shares Sales
    You Your Let Please Thanks Like Unlike Among Between Within Around Across Through During Since Until
    Whether Although Though Because Unless Whatever Whoever Whichever Wherever Whenever Anyway Anything
    Everything Nothing Something Everyone Everybody Someone Somebody Nobody Anyone Anybody""".replace("_", " ").split()
)

# The last word of a law, a document, a plan or an event: "Hunting Act", "White Paper", "Budget".
NOT_ACTOR_HEADS = frozenset(
    """Act Acts Bill Bills Paper Papers Directive Treaty Convention Charter Protocol Manifesto Report
    Review Constitution Budget Budgets Agenda Strategy Plan Order Regulations Code Statute Amendment
    Resolution Summit Day Week Eve Cup Open Championship Championships Games Olympics Awards Prize
    Festival Show""".split()
)

# Abbreviations in capitals that name no actor: units, titles, screens, diseases, times of day.
NOT_ACTOR_ACRONYMS = frozenset(
    """TV GDP GNP CEO CFO COO PC DVD CD MP MEP AM PM GMT BST UTC EST PST OK UFO HIV AIDS SARS BSE VAT IPO ID
    USB SMS DJ IT FM AGM PR HQ IQ RAM CPU GPS LCD HD PDA PIN ATM UV NB PS AD BC OBE MBE CBE QC FAQ DNA MRI
    ICT ISP PVR HDTV DSL ADSL CCTV SUV MPV RPG FPS DS PSP LP EP VIP NGO CV PhD MBA GCSE GCSEs II III IV VI
    VII VIII IX XI XII XIV XV AC DC AG SA NV BV PLC LLC LTD""".split()
)

# News outlets and agencies: the sources an article cites, not actors in its story.
NEWS_OUTLETS = frozenset(
    """BBC Reuters AP AFP Associated_Press Agence_France-Presse Agence_France_Presse CNN Sky_News Al_Jazeera
    Al-Jazeera ITN Xinhua Interfax Itar-Tass Tass Kyodo Press_Association Dow_Jones Dow_Jones_Newswires
    Newsnight Financial_Times FT Guardian Observer Daily_Telegraph Telegraph Sunday_Times New_York_Times
    Washington_Post Wall_Street_Journal Mail_on_Sunday Daily_Mail Mirror Daily_Mirror Economist Le_Monde
    Der_Spiegel Spiegel Fox_News NBC CBS MSNBC NPR Channel_4_News Bloomberg_News Yonhap Ria_Novosti
    Ria-Novosti Anatolia""".replace("_", " ").split()
)
# The first words of names that are an outlet whatever follows: "BBC News Online", "Reuters Television".
NEWS_PREFIXES = frozenset("BBC Reuters CNN AFP ITN Xinhua Interfax Itar-Tass Kyodo Yonhap".split())

# CAMEO GOV/LEG/JUD-like institutions: these act for a state.
GOVERNMENT_NOUNS = frozenset(
    name.replace("_", " ")
    for name in """government governments administration regime junta cabinet ministry ministries minister ministers
    president presidents premier chancellor parliament parliaments congress senate legislature authorities
    officials diplomats embassy embassies envoy ambassador state_department foreign_office kremlin pentagon
    leadership""".split()
)

# CAMEO MIL/COP/REB/INS/SEP and similar: people who carry arms for a state or a movement.
FORCE_NOUNS = frozenset(
    name.replace("_", " ")
    for name in """army armies troops troop soldiers soldier military militaries navy navies marines air_force forces
    militia militias militiamen militants militant rebels rebel insurgents insurgent guerrillas guerrilla
    guerillas gunmen gunman paramilitaries paramilitary jihadists jihadist terrorists terrorist separatists
    separatist fighters mercenaries mercenary commandos commando reservists conscripts peacekeepers
    peacekeeping security_forces border_guards border_police border_patrol battalion battalions brigade
    brigades regiment
    regiments infantry garrison extremists bombers servicemen sailors airmen warlord warlords settlers""".split()
)

# Police act as a security force (CAMEO COP) only against political targets or beside other actors.
POLICE_NOUNS = frozenset("police policeman policemen gendarmes gendarmerie".split())

# Who is on the receiving end of repression: a sign the police act politically.
POLITICAL_TARGETS = frozenset(
    """protesters protestors demonstrators demonstration demonstrations rally rallies opposition activists
    dissidents journalists students strikers marchers crowd crowds refugees civilians""".split()
)

# Weapons and platforms: their presence marks a military context on its own.
WEAPON_NOUNS = frozenset(
    name.replace("_", " ")
    for name in """tanks artillery missiles missile rockets mortars mortar drones warplanes warplane warships
    warship gunships gunship helicopter_gunships army_bulldozers fighter_jets bombs bomb explosives grenades
    howitzers air_defences air_defence air_defenses air_defense armoured_vehicles armored_vehicles
    nuclear_weapons weapons rifles machetes landmines Katyusha Katyushas""".split()
)

# International and regional bodies acting on security (CAMEO IGO).
INTERNATIONAL = frozenset(
    name.replace("_", " ")
    for name in """NATO Nato UN U.N. United_Nations Security_Council EU European_Union European_Community
    African_Union Arab_League OSCE ASEAN IAEA Warsaw_Pact""".split()
)

# Named armed movements (CAMEO REB/INS/SEP/UAF); multi-word names are joined by underscores.
ARMED_GROUPS = frozenset(
    name.replace("_", " ")
    for name in """Hamas Hezbollah Hizbollah Taliban al-Qaeda al-Qaida Qaeda Islamic_State ISIS ISIL Daesh
    IRA ETA PKK FARC ELN LTTE Tamil_Tigers Wagner Houthis Houthi al-Shabab Shabab Boko_Haram Peshmerga
    Janjaweed KLA Fatah Islamic_Jihad Mujahideen mujahideen Hizbul Lashkar Jaish Abu_Sayyaf
    Khmer_Rouge Sandinistas Contras""".split()
)
