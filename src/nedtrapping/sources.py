"""The public sources the rule sets cite, one :class:`Citation` each.

Why: a source is named once, here, and every fact points at it (with its own
section), so a corrected link or date is corrected everywhere.

Each citation carries the date of the version it quotes (``published``; for a page
that is rewritten in place, such as helsedirektoratet.no, the version is named in
the document title too) and, where the words were checked against the public
page, the source's own words (``quote``), verbatim — typos included. A fact citing
a source at a section (``SOURCE.at(section, quote=...)``) quotes the words at that
place. The docs' sources table (``docs/reference/sources.rst``) lists every one.
"""

from __future__ import annotations

import datetime as _dt

from nedtrapping.provenance import Citation

__all__ = [
    "DECK",
    "TF_21",
    "RUSF_20",
    "RUSF_17",
    "RUSF_22A",
    "RUSF_22B",
    "VOL_19",
    "SAL_17",
    "HDIR_21",
    "HDIR_24",
    "NORD_22",
    "AGD_21",
    "MR_21R",
    "MR_23",
    "VL_23",
    "OV_23",
    "INN_24",
    "ROG_24",
    "NAV_22",
    "LSB_22",
    "HDIR_LSB_23",
    "INN_21",
    "KORUS_21",
    "KORUS_STO_21",
    "OV_21",
    "MR_22",
    "NORD_PS_22",
    "OV_PS_22",
    "AGD_PS_23",
    "AGD_FL_22",
    "TRL_FL_22",
    "LIBRARY",
    "ALL_SOURCES",
]

DECK = Citation(
    # The seed has no title page and names no county: the document is named by who presented it (a
    # Statsforvalter; the slides do not say which) and its date, not by a title the slides do not have.
    # Each slide is cited by its own heading (``DECK.at(...)``).
    document="Statsforvalteren (county not named in the deck): lysark om tilskudd til kommunene, 27.01.2022",
    section="lysark «Tilskudd til kommunalt rusarbeid avvikles!»",
    url=None,
    published=_dt.date(2022, 1, 27),
    tag="DECK",
    quote="Tilskudd til kommunalt rusarbeid avvikles!",
)
TF_21 = Citation(
    document="Statsforvalteren i Troms og Finnmark: Tilskudd til kommunalt rusarbeid (restmidler 2021)",
    section=None,
    url="https://www.statsforvalteren.no/troms-finnmark/tilskudd/2021/10/tilskudd-til-kommunalt-rusarbeid/",
    published=_dt.date(2021, 9, 3),
    tag="TF-21",
    quote="Kommunene kan nå søke om nasjonale restmidler fra tilskuddsordningen kommunalt rusarbeid innen "
          "18. oktober 2021. Beløpet er om lag 76 mill. kroner.",
)
RUSF_20 = Citation(
    document="Rusfeltet: En halv milliard i tilskudd til kommunalt rusarbeid",
    url="https://rusfeltet.no/arkiv/en-halv-milliard-i-tilskudd-til-kommunalt-rusarbeid",
    tag="RUSF-20",
)
RUSF_17 = Citation(
    document="Rusfeltet: Opptrapping er prisgitt kommunenes prioriteringer",
    url="https://rusfeltet.no/nyhetsarkiv/opptrapping-er-prisgitt-kommunenes-prioriteringer-article1530-28.html",
    tag="RUSF-17",
)
RUSF_22A = Citation(
    document="Rusfeltet: Tilskuddsordningen kommunalt rusarbeid endres",
    url="https://rusfeltet.no/arkiv/tilskuddsordningen-kommunalt-rusarbeid-endres",
    tag="RUSF-22a",
)
RUSF_22B = Citation(
    document="Rusfeltet: Kommunalt rusarbeid — ny tilskuddsordning fra 2022",
    url="https://rusfeltet.no/arkiv/kommunalt-rusarbeid-ny-tilskuddsordning-fra-2022",
    tag="RUSF-22b",
)
VOL_19 = Citation(
    document="Vesterålen Online: Flere midler til Øksnes kommune",
    url="https://www.vol.no/nyheter/notiser/2019/05/20/Flere-midler-til-%C3%98ksnes-kommune-19075006.ece",
    published=_dt.date(2019, 5, 20),
    tag="VOL-19",
    quote="Fylkesmannen gir et tilskudd på inntil kr 660 000,- til ettervernkonsulent år 2 med kr 550 000,- og "
          "erfaringskonsulent år 2 med kr 110 000,-.",
)
SAL_17 = Citation(
    document="Folkebladet: Fikk midler til én russtilling (Salangen)",
    url="http://www.folkebladet.no/nyheter/2017/05/01/Fikk-midler-til-%C3%A9n-russtilling-14662481.ece",
    published=_dt.date(2017, 5, 1),
    tag="SAL-17",
    quote="Salangen kommune får 660.000 kroner i tilskudd innrettet mot kommunalt rusarbeid. [...] Midlene skal "
          "gå til ett årsverk ved psykiatritjenesten.",
)
HDIR_21 = Citation(
    # helsedirektoratet.no/tilskudd/kommunalt-rusarbeid is rewritten in place; today it describes the new
    # scheme. The version quoted is the one for the 2021 call (søknadsfrist 10. februar 2021); the copy read
    # shows no page date of its own.
    document="Helsedirektoratet: Kommunalt rusarbeid (versjonen for 2021, søknadsfrist 10. februar 2021)",
    url="https://www.helsedirektoratet.no/tilskudd/kommunalt-rusarbeid",
    tag="HDIR-21",
    quote="Tilskuddsordningen fikk i 2017 ny innretning, og det legges til rette for en mer systematisk "
          "kapasitetsbygging enn tidligere. Dette innebærer en tidsbegrenset tilskuddsperiode på inntil fire (4) "
          "år med en årlig reduksjon av tilskuddsbeløp",
)
HDIR_24 = Citation(
    # The same address, in its version for the 2024 transitional call (søknadsfrist 01. februar 2024), linked
    # from ROG-24 (published 12.10.2023) and INN-24 (20.10.2023); the copy read shows no page date of its own.
    document="Helsedirektoratet: Kommunalt rusarbeid – overgangsordning (versjonen for 2024, "
             "søknadsfrist 01. februar 2024)",
    url="https://www.helsedirektoratet.no/tilskudd/kommunalt-rusarbeid",
    tag="HDIR-24",
    quote="Beløp: 200 000 000 kr [...] Oppgitt beløp er kun et anslag og kan bli korrigert senere.",
)
NORD_22 = Citation(
    document="Statsforvalteren i Nordland: Kommunalt rusarbeid — overgangsordning (tilskuddskalender 2022)",
    url="https://www.statsforvalteren.no/nb/Nordland/Tilskuddskalender/2022/02/kommunalt-rusarbeid---overgangsordninger/",
    published=_dt.date(2022, 1, 28),
    tag="NORD-22",
    quote="Søknadsfrist: 15. februar 2022 23:59 [...] Hvem kan søke: Kommuner som mottok tilskudd i 2021 "
          "Rapporteringsfrist: 1. februar 2023 23:59",
)
AGD_21 = Citation(
    document="Statsforvalteren i Agder: Ekstrautlysning — tilskudd kommunalt rusarbeid 2021",
    url="https://www.statsforvalteren.no/nb/agder/helse-omsorg-og-sosialtjenester/Tilskudd--helse-sosial-og-omsorg/ekstrautlysning--tilskudd-kommunalt-rusarbeid-2021/",
    published=_dt.date(2021, 9, 1),
    tag="AGD-21",
    quote="Søknadsfrist er 1. oktober 2021",
)
MR_21R = Citation(
    document="Statsforvaltaren i Møre og Romsdal: Restmidlar tilskot kommunalt rusarbeid (2021)",
    url="https://www.statsforvalteren.no/nn/More-og-Romsdal/Tilskot/2021/09/retsmidler-tilskudd-kommunalt-rusarbeid/",
    published=_dt.date(2021, 8, 13),
    tag="MR-21R",
    quote="Statsforvaltaren i Møre og Romsdal har framleis 4,8 millionar i tilskotsmidlar til fordeling til "
          "kommunalt rusarbeid. i tillegg er det lyst ut 76 millonatr nasjsonalt.",
)
MR_23 = Citation(
    document="Statsforvaltaren i Møre og Romsdal: Tilskot kommunalt rusarbeid — overgangsordning (2023)",
    url="https://www.statsforvalteren.no/nb/More-og-Romsdal/Tilskot/2023/02/tilskot-kommunalt-rusarbeid-overgangsordning/",
    published=_dt.date(2022, 11, 21),
    tag="MR-23",
    quote="For 2023 innvilga beløp for 100% stillingkr 330 000 uavhengig av kor mange år dei har vore med i "
          "tilskotsordninga.",
)
VL_23 = Citation(
    document="Statsforvaltaren i Vestland: Tilskot til kommunalt rusarbeid 2023 — overgangsordning "
             "(oppdatert 26.01.2023)",
    url="https://www.statsforvalteren.no/nn/vestland/tilskot/2023/02/tilskot-til-kommunalt-rusarbeid-2023---overgangsordning/",
    published=_dt.date(2022, 11, 21),
    tag="VL-23",
    quote="Det er ikkje mogeleg å søke om tilskot til nye stillingar.",
)
OV_23 = Citation(
    document="Statsforvalteren i Oslo og Viken: Kommunalt rusarbeid — overgangsordning (2023)",
    url="https://www.statsforvalteren.no/oslo-og-viken/tilskudd/2023/02/kommunalt-rusarbeid---overgangsordning/",
    published=_dt.date(2022, 11, 25),
    tag="OV-23",
    quote="Kun kommuner som mottok tilskudd over ordningen i 2021 kan søke.",
)
INN_24 = Citation(
    document="Statsforvalteren i Innlandet: Kunngjøring av tilskudd til kommunalt rusarbeid — overgangsordning for 2024",
    url="https://www.statsforvalteren.no/nb/innlandet/tilskudd/2024/02/kunngjoring-av-tilskudd-til-kommunalt-rusarbeid--overgangsordning-for-2024/",
    published=_dt.date(2023, 10, 20),
    tag="INN-24",
    quote="For 2024 gis det kr 330 000 (inkl. kompetansemidler) for en 100 % stilling.",
)
ROG_24 = Citation(
    document="Statsforvalteren i Rogaland: Tilskudd til kommunalt rusarbeid — overgangsordning for 2024",
    url="https://www.statsforvalteren.no/rogaland/tilskot/2024/02/tilskudd-til-kommunalt-rusarbeid---overgangsordning-for-2024/",
    published=_dt.date(2023, 10, 12),
    tag="ROG-24",
    quote="Rapporteringsfrist: 1. februar 2025",
)
NAV_22 = Citation(
    document="Statsforvalteren i Nordland: Tilskudd til utvikling av sosiale tjenester i NAV-kontoret for 2022",
    url="https://www.statsforvalteren.no/nb/Nordland/Tilskuddskalender/2022/02/tilskudd-til-utvikling-av-sosiale-tjenester-i-nav-kontoret-for-2022/",
    published=_dt.date(2022, 1, 24),
    tag="NAV-22",
    quote="Tidsperiode: Tilskudd gis primært for ett år fra oppstartsdato, men det kan gis i inntil tre år til "
          "samme tiltak.",
)
LSB_22 = Citation(
    document="Statsforvalteren i Nordland: Tilbud til voksne med behov for langvarig oppfølging og sammensatte tjenester",
    url="https://www.statsforvalteren.no/nn/Nordland/Tilskuddskalender/2022/03/tilbud-til-voksne-med-behov-for-langvarig-oppfolging-og-sammensatte-tjenester",
    tag="LSB-22",
)
HDIR_LSB_23 = Citation(
    document="Helsedirektoratet: Tilbud til voksne med behov for langvarig oppfølging og sammensatte tjenester "
             "(versjonen sist faglig oppdatert 10.02.2023)",
    url="https://www.helsedirektoratet.no/tilskudd/tilbud-til-voksne-med-langvarige-og-sammensatte-tjenestebehov",
    published=_dt.date(2023, 2, 10),
    tag="HDIR-LSB-23",
    quote="Rapporteringsfrist for 2022: 01. april 2023",
)
INN_21 = Citation(
    document="Statsforvalteren i Innlandet: Tilskudd til kommunalt rusarbeid 2021",
    section="Søknads- og rapporteringsfrister",
    url="https://www.statsforvalteren.no/nn/innlandet/helse-omsorg-og-sosialtenester/psykisk-helse-og-rus/tilskudd-til-kommunalt-rusarbeid-2021/",
    published=_dt.date(2020, 11, 11),
    tag="INN-21",
    quote="Søknadsfrist er 10.02.2021",
)
KORUS_21 = Citation(
    document="KORUS Sør: Søk tilskudd til kommunalt rusarbeid",
    url="https://www.korus-sor.no/aktuelt/sok-tilskudd-til-kommunalt-rusarbeid/",
    published=_dt.date(2020, 11, 13),
    tag="KORUS-21",
    quote="Helsedirektoratet lyser ut 455 millioner kroner til kommunalt rusarbeid. [...] Søknadsfrist er "
          "10. februar 2021.",
)
KORUS_STO_21 = Citation(
    # The one source that gives another date for the 2021 ordinary round; kept as a conflict, not used.
    document="KORUS (St. Olavs hospital): Midler til kommunalt rusarbeid",
    url="https://stolav.no/korus/midler-til-kommunalt-rusarbeid",
    tag="KORUS-STO-21",
    quote="Søknad sendes Fylkesmannen innen 21. februar.",
)
OV_21 = Citation(
    document="Statsforvalteren i Oslo og Viken: Kommunalt rusarbeid (2. gangs utlysning 2021)",
    url="https://www.statsforvalteren.no/ostfold-buskerud-oslo-og-akershus/tilskudd/2021/10/kommunalt-rusarbeid",
    published=_dt.date(2021, 9, 3),
    tag="OV-21",
)
MR_22 = Citation(
    document="Statsforvaltaren i Møre og Romsdal: Kommunalt kompetanse og innovasjonstilskot (2022)",
    section="Søknadsfrist: 8. april 2022",
    url="https://www.statsforvalteren.no/nb/More-og-Romsdal/Tilskot/2022/04/kommunalt-kompetanse-og-innovasjonstilskot/",
    published=_dt.date(2022, 2, 16),
    tag="MR-22",
)
NORD_PS_22 = Citation(
    document="Statsforvalteren i Nordland: Prosjektskjønnsmidler 2022",
    section="Søknadsfrist: 25. februar 2022",
    url="https://www.statsforvalteren.no/nb/Nordland/Tilskuddskalender/2022/02/prosjektskjonnsmidler-2022/",
    published=_dt.date(2022, 1, 26),
    tag="NORD-PS-22",
    quote="Søknadsfrist: 25. februar 2022",
)
OV_PS_22 = Citation(
    document="Statsforvalteren i Oslo og Viken: Utlysning av prosjektskjønnsmidler for 2022",
    section="Søknadsfrist: 31. mars 2022",
    url="https://www.statsforvalteren.no/nn/oslo-og-viken/tilskudd/2022/03/utlysning-av-prosjektskjonnsmidler-for-2022/",
    published=_dt.date(2022, 2, 16),
    tag="OV-PS-22",
    quote="Søknadsfrist: 31. mars 2022",
)
AGD_PS_23 = Citation(
    # Shows what a «1. november» deadline for prosjektskjønn is: the call for the following year's money.
    document="Statsforvalteren i Agder: Prosjektskjønn 2023",
    url="https://www.statsforvalteren.no/nb/agder/Kommunal-styring/Kommunal-fornying/prosjektskjonn-20232/",
    published=_dt.date(2022, 9, 14),
    tag="AGD-PS-23",
    quote="Vi inviterer med dette kommunene til å søke om støtte til nye prosjekter i 2023 og evt. til "
          "videreføring av igangsatte prosjekt. Søknadsfristen er satt til 01.11.2022",
)
AGD_FL_22 = Citation(
    document="Agder fylkeskommune: Tilskudd for 2022 til etablering og videreutvikling av kommunale frisklivs-, "
             "lærings- og mestringstilbud",
    section="Søknad og rapportering",
    url="https://agderfk.no/vare-tjenester/folkehelse-levekar-og-likestilling/folkehelse/etablering-og-utvikling-av-kommunale-frisklivs-larings-og-mestringstilbud/",
    tag="AGD-FL-22",
    quote="Søknadsfrist for 2022 er 23. mars.",
)
TRL_FL_22 = Citation(
    document="Trøndelag fylkeskommune: Tilskudd til friskliv, læring og mestring (2022)",
    section="Søknadsfrist",
    url="https://www.trondelagfylke.no/vare-tjenester/folkehelse-idrett-frivillighet/folkehelse/statstilskudd-til-etablering-og-utvikling-av-kommunale-frisklivs--larings--og-mestringstilbud/",
    tag="TRL-FL-22",
    quote="Søknadsfristen er 1. april 2022.",
)
LIBRARY = Citation(
    document="nedtrapping: assumptions made where the sources are silent",
    section="docs/explanation/assumptions",
    tag="LIB",
)

ALL_SOURCES: tuple[Citation, ...] = (
    DECK, TF_21, RUSF_20, RUSF_17, RUSF_22A, RUSF_22B, VOL_19, SAL_17, HDIR_21, HDIR_24,
    NORD_22, AGD_21, MR_21R, MR_23, VL_23, OV_23, INN_24, ROG_24, NAV_22, LSB_22, HDIR_LSB_23, INN_21,
    KORUS_21, KORUS_STO_21, OV_21, MR_22, NORD_PS_22, OV_PS_22, AGD_PS_23, AGD_FL_22, TRL_FL_22, LIBRARY,
)
