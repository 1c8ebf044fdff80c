"""The public sources the rule sets cite, one :class:`~nedtrapping.provenance.Citation` each.

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
    "VL_21",
    "TRL_21",
    "MR_22",
    "NORD_PS_22",
    "OV_PS_22",
    "AGD_PS_23",
    "AGD_FL_22",
    "TRL_FL_22",
    "SKATT_AGA_20",
    "SKATT_ABC_21",
    "NYSS_21",
    "SKD_22",
    "REVISOR_23",
    "STICOS_23",
    "SKD_24",
    "KONTOHJELP_24",
    "KONTOHJELP_25",
    "SKATT_SONER",
    "ORSTA_AGA",
    "FTRL_23_2",
    "FERIELOVEN_10",
    "NHO_FERIE",
    "EIGERSUND_FERIE",
    "UIT_LONN_12",
    "LOSTAT_FERIE",
    "KLP_OTP",
    "KLP_MEDLEM",
    "G_21",
    "G_22",
    "G_23",
    "G_24",
    "G_25",
    "LIBRARY",
    "ALL_SOURCES",
]

DECK = Citation(
    # The seed has no title page and names no county: the document is named by who presented it (a
    # Statsforvalter; the slides do not say which) and its date, not by a title the slides do not have.
    # That name is the library's own words, in bokmål (a citation's document is text, not catalogue words).
    # Each slide is cited by its own heading (``DECK.at(...)``).
    document="Statsforvalteren (fylket er ikke nevnt i lysarkene): lysark om tilskudd til kommunene, 27.01.2022",
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
    # About the 2020 round (492,5 millioner kroner, søknadsfrist 1. mars 2020). The words were checked against
    # the copy kept at www.rusfeltet.no; the copy read shows no page date of its own.
    document="Rusfeltet: En halv milliard i tilskudd til kommunalt rusarbeid",
    url="https://www.rusfeltet.no/arkiv/en-halv-milliard-i-tilskudd-til-kommunalt-rusarbeid",
    tag="RUSF-20",
    quote="Beregningen tar utgangspunkt i 100 % stillingsressurs. Ved reduksjon i stillingsprosent, skal "
          "tilskuddet reduseres tilsvarende.",
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
    quote="Søknadsfrist er 01.oktober 2021",
)
VL_21 = Citation(
    # Vestland's own money left after the ordinary 2021 round, announced again in the spring.
    document="Statsforvaltaren i Vestland: Tilskot til kommunalt rusarbeid (ny utlysing 2021)",
    url="https://www.statsforvalteren.no/nn/vestland/tilskot/2021/05/tilskot-til-kommunalt-rusarbeid/",
    published=_dt.date(2021, 4, 28),
    tag="VL-21",
    quote="Statsforvaltaren i Vestland har att om lag 4 000 000 kroner til fordeling til kommunalt rusarbeid i "
          "2021 og lyser ut tilskotet på nytt.",
)
TRL_21 = Citation(
    # Trøndelag's call in the national residual round of 2021 (the round of TF-21 and OV-21).
    document="Statsforvalteren i Trøndelag: Tilskudd til kommunalt rusarbeid – restmidler for 2021 - 2. utlysning",
    url="https://www.statsforvalteren.no/nb/Trondelag/Tilskudd/2021/10/"
        "tilskudd-til-kommunalt-rusarbeid--restmidler-for-2021---2.-utlysning/",
    published=_dt.date(2021, 9, 6),
    tag="TRL-21",
    quote="Politisk ledelse i Helse- og omsorgsdepartementet (HOD) har besluttet at restmidler fra "
          "tilskuddsordningen kommunalt rusarbeid kap. 765.62 skal lyses ut på nytt så raskt som mulig, og under "
          "dagens regelverk",
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
# --------------------------------------------------------------------------- the cost of a position
# Sources of the cost rules (nedtrapping.costs.lonnskostnader): employer's contribution by zone and year,
# holiday pay, the holiday deduction and the base amount G. Pages that are rewritten in place (Skatteetaten's
# rate pages, Sticos, kontohjelp.no) name the version read in the document title.

SKATT_AGA_20 = Citation(
    document="Skatteetaten: Sats for arbeidsgiveravgift (versjonen for 2020)",
    url="https://www.skatteetaten.no/satser/arbeidsgiveravgift/",
    tag="SKATT-AGA-20",
    quote="Sone Ordinære næringer Landbruk og fiske I 14,1 % 14,1 % Ia* 14,1 % 10,6 % II 10,6 % 10,6 % III 6,4 % "
          "6,4 % IV 5,1 % 5,1 % IVa 7,9 % 5,1 % V 0 0 [...] * I sone 1a skal det betales arbeidsgiveravgift med en "
          "sats på 10,6 pst. inntil differansen mellom: [...] er lik fribeløpet. I 2020 er fribeløpet 500 000 "
          "kroner per foretak.",
)
SKATT_ABC_21 = Citation(
    document="Skatteetaten: Skatte-ABC 2021/22, Arbeidsgiveravgift – avgiftssatser",
    section="4.3 Fribeløpsordningen i sone Ia",
    url="https://www.skatteetaten.no/en/rettskilder/type/handboker/skatte-abc/2021-2022/"
        "arbeidsgiveravgift--avgiftssatser/A-14.029/A-14.037/",
    tag="SKATT-ABC-21",
    quote="Fribeløpet er kr 500 000 per arbeidsgiver. [...] arbeidsgivere i sone Ia kan betale arbeidsgiveravgift "
          "etter en sats på 10,6 % inntil den fordelen dette medfører har utgjort kr 500 000/250 000 for hele "
          "året, dvs. inntil differansen mellom avgift beregnet etter høyeste sats (14,1 %), og avgift beregnet "
          "etter den lavere satsen (10,6 %), overstiger kr 500 000/250 000",
)
NYSS_21 = Citation(
    document="Nyss: Foreslår redusert arbeidsgivaravgift for Sykkylven i statsbudsjettet",
    url="https://www.nyss.no/nyhende/2021/10/13/Foresl%C3%A5r-redusert-arbeidsgivaravgift-for-Sykkylven-i-"
        "statsbudsjettet-24700591.ece",
    published=_dt.date(2021, 10, 13),
    tag="NYSS-21",
    quote="Slik det er i dag, ligg Sykkylven i sone 1, den same som Ålesund, og krev 14,1 prosent i "
          "arbeidsgjevaravgift. Stranda på si side ligg i sone 2, og har 10,6 prosent.",
)
SKD_22 = Citation(
    document="Skatteetaten: SKD-melding «Arbeidsgiveravgift til folketrygden for 2022» (SKD 1/2022)",
    url="https://www.skatteetaten.no/nn/rettskilder/type/skattedirektoratets-meldinger/"
        "arbeidsgiveravgift-til-folketrygden-for-2022/",
    published=_dt.date(2022, 1, 10),
    tag="SKD-22",
    quote="EFTAs overvåkingsorgan (ESA) har godkjent ordningen med differensiert arbeidsgiveravgift for perioden "
          "2022-2027. Hovedtrekkene i den tidligere ordningen er videreført. [...] Det er foretatt mindre "
          "justeringer i satsene for enkelte kommuner og områder.",
)
REVISOR_23 = Citation(
    document="Revisorforeningen: Arbeidsgiveravgift for 2023",
    url="https://revisorforeningen.no/fag/nyheter/arbeidsgiveravgift-for-2023/",
    tag="REVISOR-23",
    quote="Det er fra 1. januar 2023 innført en ekstra arbeidsgiveravgift på 5 % for lønnsinntekter over 750 000 "
          "kroner. Dette gjelder i alle soner, også for arbeidsgivere i kommuner som i dag har 0-sats for "
          "arbeidsgiveravgift. [...] Det skal ikke beregnes ekstra arbeidsgiveravgift av andel av arbeidsgivers "
          "premiebetaling og tilskudd til kollektiv tjenestepensjonsordning som er offentlig eller som går inn "
          "under skatteloven § 6-46.",
)
STICOS_23 = Citation(
    document="Sticos: Arbeidsgiveravgift (versjonen for 2023 og 2024)",
    url="https://www.sticos.no/satser/arbeidsgiveravgift",
    tag="STICOS-23",
    quote="Følgende satser for arbeidsgiveravgift gjelder for 2023 og 2024 [...] Sone I Ia II III IV IVa V "
          "Ordinære satser 14,1 % 14,1 %* 10,6 % 6,4 % 5,1 % 7,9 % 0 % [...] *Det gjelder særskilte regler om "
          "fribeløp i sone 1a. [...] For arbeidstakere som mottar lønn og andre ytelser over 850 000 kr i 2024 "
          "(750 000 kr i 2023) fra samme arbeidsgiver i inntektsåret, skal det beregnes en ekstra "
          "arbeidsgiveravgift på 5 % av det overskytende i alle soner.",
)
SKD_24 = Citation(
    document="Skatteetaten: SKD-melding om arbeidsgiveravgift til folketrygden (versjonen for 2024)",
    url="https://www.skatteetaten.no/bedrift-og-organisasjon/arbeidsgiver/arbeidsgiveravgift/"
        "skd-melding-om-arbeidsgiveravgift-til-folketrygden/",
    tag="SKD-24",
    quote="Den ekstra arbeidsgiveravgiften på 5 %, som ble innført fra 1. januar 2023, er videreført i 2024. "
          "Innslagspunktet er imidlertid hevet fra 750 000 til 850 000 kroner fra 1. januar 2024. [...] Fra 2024 "
          "er fribeløpet for bagatellmessig støtte økt fra 500 000 til 850 000 kroner. Fribeløpsordningen "
          "gjelder for arbeidsgivere i sone Ia",
)
KONTOHJELP_24 = Citation(
    document="kontohjelp.no: Arbeidsgiveravgift (versjonen for 2024)",
    url="https://kontohjelp.no/kontering/satser/arbeidsgiveravgift",
    tag="KONTOHJELP-24",
    quote="Ekstra arbeidsgiveravgift av ytelser over kr 850 000 fom. 01.01.2024 [...] * I sone 1a skal det betales "
          "arbeidsgiveravgift med en sats på 10,6 prosent inntil differansen mellom det foretaket betaler i "
          "arbeidsgiveravgift etter denne satsen, og det foretaket vil",
)
KONTOHJELP_25 = Citation(
    # The same page, rewritten after 1 January 2025: the rate table carries no year of its own.
    document="kontohjelp.no: Arbeidsgiveravgift (versjonen etter 1. januar 2025)",
    url="https://www.kontohjelp.no/kontering/satser/arbeidsgiveravgift",
    tag="KONTOHJELP-25",
    quote="Ordinære næringer | 14,1 % | 10,6 %*/(14,1 %) | 10,6 % | 6,4 % | 5,1 % | 7,9 % | 0 % | [...] Ekstra "
          "arbeidsgiveravgift av ytelser over kr 850 000 ble avviklet fom. 01.01.2025.",
)
SKATT_SONER = Citation(
    document="Skatteetaten: Arbeidsgiveravgift – soneinndeling (versjonen med kommunekatalog 2023)",
    url="https://www.skatteetaten.no/satser/arbeidsgiveravgift-soneinndeling/",
    tag="SKATT-SONER",
    quote="Grunnet regionreformen er det ikke lenger en én til én-forhold mellom arbeidsgiveravgiftssone og "
          "kommune. Derfor inneholder tabellen 2 kolonner til høyre som viser til de gamle kommunene og de gamle "
          "kommunenummerne.",
)
ORSTA_AGA = Citation(
    document="Ørsta kommune: Arbeidsgjevaravgift",
    url="https://www.orsta.kommune.no/naring/skattar-og-avgifter/offentlege-avgifter/arbeidsgjevaravgift/",
    tag="ORSTA-AGA",
    quote="Det er den registrerte adressa til verksemda og ikkje dei kva kommune dei tilsette er busette i - som "
          "avgjer kva for ei sone ein er i.",
)
FTRL_23_2 = Citation(
    # The words were checked against a copy of Lovdata's text of the law.
    document="Lov om folketrygd (folketrygdloven) § 23-2 Arbeidsgiveravgift",
    url="https://lovdata.no/lov/1997-02-28-19/§23-2",
    tag="FTRL-23-2",
    quote="Arbeidsgiveren skal betale arbeidsgiveravgift av lønn og annen godtgjørelse for arbeid og oppdrag i og "
          "utenfor tjenesteforhold som han plikter å innrapportere. [...] Det skal betales arbeidsgiveravgift av "
          "arbeidsgiveres og det offentliges tilskott til livrente- og pensjonsordninger",
)
FERIELOVEN_10 = Citation(
    document="Lov om ferie (ferieloven) § 10 Beregning av feriepenger (Arbeidstilsynet)",
    url="https://arbeidstilsynet.no/regelverk/lover/ferieloven/iii/10/",
    tag="FERIEL-10",
    quote="Feriepenger fra arbeidsgiver beregnes på grunnlag av arbeidsvederlag som er utbetalt i "
          "opptjeningsåret. [...] Arbeidstaker har rett til feriepenger fra arbeidsgiver med 10,2 prosent av "
          "feriepengegrunnlaget (jf nr. 1). (3) (Forhøyet prosentsats for arbeidstakere over 60 år) For "
          "arbeidstaker over 60 år med rett til ekstraferie etter § 5 nr. 2 forhøyes prosentsatsen med 2,3 "
          "prosentpoeng. Feriepenger etter første ledd ytes ikke for den del av feriepengegrunnlaget som "
          "overstiger 6 ganger folketrygdens grunnbeløp. Ved beregningen skal det regnes med det grunnbeløp som "
          "gjaldt 31. desember i opptjeningsåret.",
)
NHO_FERIE = Citation(
    document="NHO: Hvor lang er ferien?",
    url="https://www.nho.no/veiledere/Ferie1/Sporsmal-og-svar-om-ferie/Hvor-lang-er-ferien/",
    published=_dt.date(2013, 10, 1),
    tag="NHO-FERIE",
    quote="Ferieloven gir rett til ferie i 25 virkedager eller fire uker og en dag, jfr. ferielovens § 5 (1). "
          "Med virkedager menes alle dager bortsett fra søndager og lovbestemte fridager. Det vil si at også "
          "lørdag er virkedag i ferielovens forstand. [...] Arbeidstaker som fyller 60 år i løpet av ferieåret, "
          "har rett til ytterligere 6 dager eller en ukes ferie, jfr. ferieloevns § 5 (2).",
)
EIGERSUND_FERIE = Citation(
    document="Eigersund kommune: Ferie – avvikling og utbetaling",
    url="https://www.eigersund.kommune.no/ferie-avvikling-og-utbetaling.6531741-597768.html",
    tag="EIGERSUND-FERIE",
    quote="I kommunal sektor utgjør ferien som hovedregel 30 virkedager (5 uker) i løpet av ferieåret "
          "(kalenderåret). [...] Feriepenger utgjør 12 % av feriepengegrunnlaget for foregående år. Ansatte over "
          "60 år med rett til ekstra ferie, får i tillegg utbetalt feriepenger med 2,3 % av "
          "feriepengegrunnlaget. Dette gjelder kun for feriepengegrunnlag opp til 6 ganger grunnbeløpet i "
          "folketrygden. [...] Samtidig trekkes alle som har fastlønn for feriefritid tilsvarende 5 uker.",
)
UIT_LONN_12 = Citation(
    document="UiT Norges arktiske universitet: Beregning av lønnsutgifter til en stilling (satser for 2012)",
    url="http://uit.no/ansatte/organisasjon/artikkel?p_menu=42425&p_document_id=117102&p_dimension_id=88210",
    tag="UIT-LONN-12",
    quote="Trekk for ferie utgjør 25 av 260 dager i året. Trekket gjøres på junilønna. Feriepenger utgjør 12 % av "
          "lønna, og beregnes av årslønn minus trekk for ferie (dvs. at man ikke opptjener feriepenger under "
          "ferien).",
)
LOSTAT_FERIE = Citation(
    document="LO Stat: Særavtale om ferie for statstjenestemenn",
    url="https://www.lostat.no/lonn-og-avtaler/lonn-og-avtaler-i-staten/saravtaler/"
        "saeravtale-om-ferie-for-statstjenestemenn",
    tag="LOSTAT-FERIE",
    quote="I feriepengene skal det gjøres fradrag for lønn for vanlig arbeidstid i fem uker, men for seks uker "
          "for arbeidstaker over 60 år med rett til ekstraferie etter ferieloven § 5 nr. 2.",
)
KLP_OTP = Citation(
    document="KLP: Offentlig tjenestepensjon hos KLP (for arbeidsgivere)",
    url="https://www.klp.no/virksomhet/pensjon/offentlig-tjenestepensjon",
    tag="KLP-OTP",
    quote="For deg som er arbeidsgiver i en kommune/fylkeskommune, helseforetak eller bedrift med offentlig "
          "tjenestepensjon. [...] På Kundeside kan du blant annet: [...] finne budsjett- og regnskapsinformasjon",
)
KLP_MEDLEM = Citation(
    document="KLP: Ditt medlemskap – offentlig tjenestepensjon",
    url="https://www.klp.no/person/pensjon/offentlig-tjenestepensjon/medlemskap",
    tag="KLP-MEDLEM",
    quote="De fleste arbeidstakere betaler et pensjonsinnskudd på opp til 2 prosent av lønn, mens arbeidsgiver "
          "betaler resten av kostnadene ved pensjonsordningen.",
)
G_21 = Citation(
    document="KPMG Verdt å vite: Grunnbeløpet",
    url="https://verdtavite.kpmg.no/grunnbeloepet/",
    tag="G-21",
    quote="Siste regulering av grunnbeløpet (G) var pr. 1. mai 2021. Grunnbeløpet er kr 106 399",
)
G_22 = Citation(
    document="Regnskap Norge: Folketrygdens grunnbeløp økes til 111 477 kroner",
    url="https://www.regnskapnorge.no/faget/artikler/lonn--personal/folketrygdens-grunnbelop-okes-til-111-477-kroner/",
    tag="G-22",
    quote="Folketrygdens grunnbeløp økes til 111 477 kroner [...] Endringen får virkning fra 1. mai 2022.",
)
G_23 = Citation(
    document="Telenor Pensjonskasse (TKP): Pensjonsordbok, Grunnbeløp",
    url="https://www.tkp.no/pensjonsordbok/grunnbelop",
    tag="G-23",
    quote="Fra 1.mai 2023 utgjør grunnbeløpet: 118 620,-.",
)
G_24 = Citation(
    document="Norges Banks pensjonskasse: Nytt grunnbeløp fra mai 2024",
    url="https://www.norges-bank.no/norges-banks-pensjonskasse/aktuelt/2024-05-23/",
    published=_dt.date(2024, 5, 23),
    tag="G-24",
    quote="Fra 1. mai er nytt grunnbeløp i folketrygden 124 028 kroner.",
)
G_25 = Citation(
    document="Finansavisen: Pensjoner økes med 3,7 prosent – grunnbeløpet i folketrygden opp 4,9 prosent",
    url="https://www.finansavisen.no/samfunn/2025/05/22/8266026/"
        "pensjoner-okes-med-3-7-prosent-grunnbelopet-i-folketrygden-opp-4-9-prosent",
    published=_dt.date(2025, 5, 22),
    tag="G-25",
    quote="Det nye grunnbeløpet i folketrygden er 130.160 kroner, noe som tilsvarer en økning på 4,94 prosent. "
          "[...] Endringen i grunnbeløpet gjelder fra 1. mai hvert år.",
)
#: The library itself, as the source of its assumptions where every public source is silent. Its title is
#: the library's own words, in bokmål (a citation's document is text, not catalogue words); its sections
#: (``LIBRARY.at(...)``) are named in bokmål too.
LIBRARY = Citation(
    document="nedtrapping: antakelser der kildene ikke sier noe",
    section="docs/explanation/assumptions",
    tag="LIB",
)

ALL_SOURCES: tuple[Citation, ...] = (
    DECK, TF_21, RUSF_20, RUSF_17, RUSF_22A, RUSF_22B, VOL_19, SAL_17, HDIR_21, HDIR_24,
    NORD_22, AGD_21, MR_21R, MR_23, VL_23, OV_23, INN_24, ROG_24, NAV_22, LSB_22, HDIR_LSB_23, INN_21,
    KORUS_21, KORUS_STO_21, OV_21, VL_21, TRL_21, MR_22, NORD_PS_22, OV_PS_22, AGD_PS_23, AGD_FL_22, TRL_FL_22,
    SKATT_AGA_20, SKATT_ABC_21, NYSS_21, SKD_22, REVISOR_23, STICOS_23, SKD_24, KONTOHJELP_24, KONTOHJELP_25,
    SKATT_SONER, ORSTA_AGA, FTRL_23_2, FERIELOVEN_10, NHO_FERIE, EIGERSUND_FERIE, UIT_LONN_12, LOSTAT_FERIE,
    KLP_OTP, KLP_MEDLEM,
    G_21, G_22, G_23, G_24, G_25, LIBRARY,
)
