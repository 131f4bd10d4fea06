"""Counted nouns a figure may stand before ("50,000 troops"): the word list of ``figures``."""

from __future__ import annotations

__all__ = ["CASUALTY_VERBS", "CURRENCY_WORDS", "MONEY_VERB_NOUNS", "UNITS"]

# currencies written out after a number ("120.7m euros", "30bn baht", "40 pence")
CURRENCY_WORDS = frozenset(
    """dollars pounds euros yen yuan rupees roubles rubles francs rupiah won baht rand lira kroner kronor krona
    pesos shekels dinars ringgit cents pence""".split()
)

# what an amount of money is, named by the verb that spends, earns or asks it: "the film took (£5m)" is its
# takings, "agreed to invest (242m pesos)" an investment; each verb's forms share the noun
_MONEY_VERBS = {
    "takings": "take takes took taking",
    "earnings": "earn earns earned earning",
    "payment": "pay pays paid paying",
    "spending": "spend spends spent spending",
    "savings": "save saves saved saving",
    "losses": "lose loses lost losing",
    "investment": "invest invests invested investing",
    "cost": "cost costs costing",
    "debt": "owe owes owed owing",
    "borrowing": "borrow borrows borrowed borrowing",
    "loans": "lend lends lent lending",
    "sales": "sell sells sold selling",
    "funds raised": "raise raises raised raising",
    "offer": "offer offers offered offering",
    "pledge": "pledge pledges pledged pledging",
    "donation": "donate donates donated donating",
    "grant": "grant grants granted granting",
    "award": "award awards awarded awarding",
    "fine": "fine fines fined fining",
    "charge": "charge charges charged charging",
    "bid": "bid bids bidding",
    "winnings": "win wins won winning",
    "compensation": "compensate compensates compensated",
    "funding": "fund funds funded funding",
    "budget": "budget budgets budgeted budgeting",
}
MONEY_VERB_NOUNS = {form: noun for noun, forms in _MONEY_VERBS.items() for form in forms.split()}

# who a verb of harm counts: "rocket attacks injure (19)" counts the injured, "killing (12)" the killed
CASUALTY_VERBS = {
    form: noun
    for noun, forms in {
        "killed": "kill kills killed killing",
        "injured": "injure injures injured injuring hurt hurts hurting",
        "wounded": "wound wounds wounded wounding",
    }.items()
    for form in forms.split()
}

UNITS = frozenset(
    [
        "troops",
        "soldiers",
        "servicemen",
        "personnel",
        "forces",
        "fighters",
        "militants",
        "rebels",
        "people",
        "civilians",
        "refugees",
        "residents",
        "children",
        "women",
        "men",
        "casualties",
        "deaths",
        "dead",
        "wounded",
        "injured",
        "prisoners",
        "hostages",
        "tanks",
        "drones",
        "missiles",
        "rockets",
        "aircraft",
        "jets",
        "planes",
        "helicopters",
        "ships",
        "vessels",
        "warships",
        "boats",
        "artillery",
        "guns",
        "shells",
        "weapons",
        "warheads",
        "vehicles",
        "trains",
        "battalions",
        "brigades",
        "divisions",
        "units",
        "regiments",
        "miles",
        "kilometres",
        "kilometers",
        "km",
        "metres",
        "meters",
        "acres",
        "hectares",
        "tonnes",
        "tons",
        "barrels",
        "dollars",
        "pounds",
        "euros",
        "votes",
        "seats",
        "jobs",
        "workers",
        "members",
        "mps",
        "voters",
        "migrants",
        "asylum-seekers",
        "students",
        "patients",
        "doctors",
        "nurses",
        "police",
        "officers",
        "days",
        "weeks",
        "months",
        "hours",
        "minutes",
        "years",
        "times",
        "countries",
        "nations",
        "states",
        "cases",
    ]
)
