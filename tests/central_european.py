"""Short news items in Polish, Czech and Western European languages about fictional places, for the codepage tests."""

from __future__ import annotations

__all__ = ["CZECH", "ENGLISH_NAMING", "POLISH", "WESTERN"]

POLISH = [
    "Rada gminy Kołowice zdecydowała w poniedziałek o zamknięciu starego mostu na rzece Ślęzce. Wójt Jadwiga "
    "Żurańska powiedziała, że remont potrwa co najmniej sześć tygodni. Mieszkańcy będą musieli jeździć objazdem "
    "przez Wierzbno.",
    "Powódź w dolinie Mszanki odcięła w niedzielę linię kolejową między Ostrzeszowem Małym a Łąkami. Inżynierowie "
    "spodziewają się, że pociągi wrócą na tory w piątek. Do tego czasu kursują autobusy zastępcze.",
    "Port w Zatoce Białej został ponownie otwarty po trzech tygodniach napraw. Kapitan portu Michał Szczęsny "
    "zapowiedział, że promy na wyspę Głuchą będą pływać według rozkładu zimowego aż do marca. Rybacy czekali na "
    "nabrzeżu od świtu.",
    "Szpital powiatowy w Dębowej Woli otrzymał nowy tomograf komputerowy. Dyrektor placówki przyznał, że "
    "urządzenie skróci kolejki o połowę. Pierwsze badania zaplanowano na przyszły czwartek.",
    "Mieszkańcy osiedla Źródlana skarżą się na hałas z pobliskiej żwirowni. Według pomiarów gminy poziom dźwięku "
    "przekracza normę nocą. Właściciel zakładu obiecał zbudować ekran akustyczny jeszcze w tym roku.",
    "Policja w Grążynie zatrzymała dwóch mężczyzn podejrzanych o kradzież miedzianych przewodów. Straty "
    "oszacowano na czterdzieści tysięcy złotych. Sąd zdecyduje o areszcie w środę.",
]

CZECH = [
    "Zastupitelstvo obce Lhotka nad Řečicí v pondělí rozhodlo o uzavření starého mostu. Starostka Věra Křížová "
    "řekla, že oprava potrvá nejméně šest týdnů. Obyvatelé budou muset jezdit objížďkou přes Dubňany.",
    "Povodeň v údolí Třešňovky v neděli přerušila železniční trať mezi Ostrovem a Žabinou. Technici očekávají, "
    "že vlaky se vrátí v pátek. Do té doby jezdí náhradní autobusy.",
    "Přístav v Bílé zátoce byl znovu otevřen po třech týdnech oprav. Kapitán přístavu Tomáš Čermák oznámil, že "
    "trajekty na ostrov Hluchý budou plout podle zimního jízdního řádu až do března. Rybáři čekali na nábřeží "
    "od úsvitu.",
    "Okresní nemocnice v Dubové Lhotě získala nový počítačový tomograf. Ředitel nemocnice uvedl, že přístroj "
    "zkrátí čekací doby na polovinu. První vyšetření jsou naplánována na příští čtvrtek.",
    "Obyvatelé sídliště Pramenná si stěžují na hluk z nedaleké štěrkovny. Podle měření obce hladina zvuku v noci "
    "překračuje normu. Majitel provozu slíbil postavit protihlukovou stěnu ještě letos.",
    "Policie v Ďáblově zadržela dva muže podezřelé z krádeže měděných kabelů. Škoda byla odhadnuta na čtyřicet "
    "tisíc korun. O vazbě rozhodne soud ve středu.",
]

# Western European news in the same vein: the Windows-1252 readings these must keep.
WESTERN = [
    "Le conseil municipal de Valbrène a décidé lundi de fermer le vieux pont. Le maire, Hélène Mercœur, a déclaré "
    "que les travaux dureraient au moins six semaines. Les habitants passeront par Saint-Aimé-sur-Loir, où la "
    "route est déjà très chargée.",
    "¿Quién pagará la reparación? El ayuntamiento de Villaseña anunció el martes que el puerto reabrirá en marzo. "
    "La alcaldesa, Begoña Núñez, dijo que los pescadores recibirán una compensación.",
    "Il consiglio comunale di Rocca Meraviglia ha deciso lunedì di chiudere il ponte. Il sindaco ha detto che "
    "la città è pronta e che i lavori finiranno entro l'estate, perché la strada è già più sicura.",
    "A câmara de Vila Serrão anunciou na terça-feira que o porto será reaberto em março. As informações sobre "
    "as compensações para os pescadores serão publicadas em breve, disse a presidente.",
    "Byrådet i Havnø besluttede mandag at lukke den gamle bro. Borgmesteren sagde, at arbejdet vil tage mindst "
    "seks uger, og at færgen til Østerlund sejler som sædvanlig på hverdage.",
]

# English news naming one or two Central European places or people (real and fictional), for the
# codepage tests: a few foreign letters in an English text, saved in Windows-1250 or ISO-8859-2.
ENGLISH_NAMING = [
    "The textile museum in Łódź will reopen on Saturday after a two-year refit, the city council said.",
    "Dockworkers in Gdańsk voted on Tuesday to end a strike that had closed the container terminal for a week.",
    "Heavy rain flooded several villages in Śląsk overnight, and the regional fire service said two bridges "
    "had been closed as a precaution.",
    "Residents of Brno's Žižkov quarter have asked the council for a new tram stop near the market.",
    "The orchestra's winter tour begins in Kraków on 3 December and ends in Wrocław a fortnight later.",
    "A freight train derailed near Częstochowa on Monday morning; no one was hurt, the rail operator said.",
    "Police in Bielsko-Biała said the missing hikers had been found safe on Wednesday evening.",
    "The ferry from Świnoujście to the island will run twice a day through the winter, the port authority said.",
    "Brewers in České Budějovice expect a record harvest of hops this year, according to the local growers' union.",
    "The mayor of Plzeň, speaking at the opening of the new library, said the city would double its book budget.",
    "Chemical workers at a plant near Ústí nad Labem were sent home after a small leak was found on Thursday.",
    "A new bypass around Přerov is due to open in March, two years later than planned.",
    "The steelworks in Košice will cut a shift from next month because of weak demand, its owner said.",
    "Football fans travelling to Žilina for the cup final were told to leave their cars outside the city.",
    "The cathedral in Pécs has been given a grant to repair its roof, the culture ministry announced.",
    "Engineers at the car factory in Győr will work Saturdays until the end of the year to meet orders.",
    "The council of Székesfehérvár has approved a plan to plant ten thousand trees along its ring road.",
    "Fishing boats in Šibenik stayed in port on Friday as a storm moved along the coast.",
    "A cycling race from Čakovec to the Slovenian border drew more than two thousand riders this weekend.",
    "The university in Timişoara has opened a new centre for research on earthquakes.",
    "Voters in the fictional town of Łękno Dolne will choose a new mayor on Sunday, after the last one resigned.",
    "Farmers around Zábřeh nad Lhotou say the dry summer has halved their potato crop.",
    "The bus company serving Sędziszów and Kłodawa Wielka said it would add four routes in the spring.",
    "Mayor Radosław Kępiński said the bridge would be repaired before the school year starts.",
    "The firm's founder, Jiří Dvořák, told shareholders that profits had risen by a fifth.",
    "Goalkeeper Tomáš Šťastný saved two penalties as his club won the shoot-out on Sunday night.",
    "Councillor Małgorzata Wiśniewska said the swimming pool would stay open until ten o'clock in summer.",
    "The painter Ľudovít Kováč, who was born in a village near Trenčín, has died aged 84.",
    "The water company said supplies to Dąbrowa Górnicza would be restored by the evening.",
    "Ticket sales for the jazz festival in Olomouc's Hodolany district rose by a third, organisers said; the "
    "headline act, the singer Zdeňka Hořejší, sold out in an hour.",
]
