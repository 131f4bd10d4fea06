"""Short news items in Polish, Czech and Western European languages about fictional places, for the codepage tests."""

from __future__ import annotations

__all__ = ["CZECH", "POLISH", "WESTERN"]

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
