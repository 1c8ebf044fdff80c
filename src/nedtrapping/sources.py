"""The public sources the rule sets cite, one :class:`Citation` each.

Why: a source is named once, here, and every fact points at it (with its own
section), so a corrected link or date is corrected everywhere.
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
    "HDIR_21",
    "HDIR_24",
    "NORD_22",
    "AGD_21",
    "MR_23",
    "VL_23",
    "OV_23",
    "INN_24",
    "NAV_22",
    "LSB_22",
    "INN_21",
    "KORUS_21",
    "OV_21",
    "MR_22",
    "NORD_PS_22",
    "LIBRARY",
    "ALL_SOURCES",
]

DECK = Citation(
    # The seed has no title page: the document is named by who presented it and its date, not by a
    # title the slides do not have. Each slide is cited by its own heading (``DECK.at(...)``).
    document="Statsforvalteren i Troms og Finnmark: lysark om tilskudd til kommunene, 27.01.2022",
    section="lysark «Tilskudd til kommunalt rusarbeid avvikles!»",
    url=None,
    published=_dt.date(2022, 1, 27),
    tag="DECK",
)
TF_21 = Citation(
    document="Statsforvalteren i Troms og Finnmark: Tilskudd til kommunalt rusarbeid (restmidler 2021)",
    section=None,
    url="https://www.statsforvalteren.no/troms-finnmark/",
    published=_dt.date(2021, 9, 3),
    tag="TF-21",
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
)
HDIR_21 = Citation(
    document="Helsedirektoratet: Tilskudd til kommunalt rusarbeid (versjon 2021)",
    url="https://www.helsedirektoratet.no/tilskudd/kommunalt-rusarbeid",
    tag="HDIR-21",
)
HDIR_24 = Citation(
    document="Helsedirektoratet: Tilskudd til kommunalt rusarbeid (versjon 2024)",
    url="https://www.helsedirektoratet.no/tilskudd/kommunalt-rusarbeid",
    tag="HDIR-24",
)
NORD_22 = Citation(
    document="Statsforvalteren i Nordland: Kommunalt rusarbeid — overgangsordninger (tilskuddskalender 2022)",
    url="https://www.statsforvalteren.no/nb/Nordland/Tilskuddskalender/2022/02/kommunalt-rusarbeid---overgangsordninger/",
    tag="NORD-22",
)
AGD_21 = Citation(
    document="Statsforvalteren i Agder: Ekstrautlysning — tilskudd kommunalt rusarbeid 2021",
    url="https://www.statsforvalteren.no/nb/agder/helse-omsorg-og-sosialtjenester/Tilskudd--helse-sosial-og-omsorg/ekstrautlysning--tilskudd-kommunalt-rusarbeid-2021/",
    published=_dt.date(2021, 9, 1),
    tag="AGD-21",
)
MR_23 = Citation(
    document="Statsforvalteren i Møre og Romsdal: Tilskot kommunalt rusarbeid — overgangsordning (2023)",
    url="https://www.statsforvalteren.no/nb/More-og-Romsdal/Tilskot/2023/02/tilskot-kommunalt-rusarbeid-overgangsordning/",
    tag="MR-23",
)
VL_23 = Citation(
    document="Statsforvaltaren i Vestland: Tilskot til kommunalt rusarbeid 2023 — overgangsordning",
    url="https://www.statsforvalteren.no/nn/vestland/tilskot/2023/02/tilskot-til-kommunalt-rusarbeid-2023---overgangsordning/",
    tag="VL-23",
)
OV_23 = Citation(
    document="Statsforvalteren i Oslo og Viken: Kommunalt rusarbeid — overgangsordning (2023)",
    url="https://www.statsforvalteren.no/oslo-og-viken/tilskudd/2023/02/kommunalt-rusarbeid---overgangsordning/",
    tag="OV-23",
)
INN_24 = Citation(
    document="Statsforvalteren i Innlandet: Kunngjøring av tilskudd til kommunalt rusarbeid — overgangsordning for 2024",
    url="https://www.statsforvalteren.no/nb/innlandet/tilskudd/2024/02/kunngjoring-av-tilskudd-til-kommunalt-rusarbeid--overgangsordning-for-2024/",
    tag="INN-24",
)
NAV_22 = Citation(
    document="Statsforvalteren i Nordland: Tilskudd til utvikling av sosiale tjenester i NAV-kontoret for 2022",
    url="https://www.statsforvalteren.no/nb/Nordland/Tilskuddskalender/2022/02/tilskudd-til-utvikling-av-sosiale-tjenester-i-nav-kontoret-for-2022/",
    tag="NAV-22",
)
LSB_22 = Citation(
    document="Statsforvalteren i Nordland: Tilbud til voksne med behov for langvarig oppfølging og sammensatte tjenester",
    url="https://www.statsforvalteren.no/nn/Nordland/Tilskuddskalender/2022/03/tilbud-til-voksne-med-behov-for-langvarig-oppfolging-og-sammensatte-tjenester",
    tag="LSB-22",
)
INN_21 = Citation(
    document="Statsforvalteren i Innlandet: Tilskudd til kommunalt rusarbeid 2021",
    section="Søknads- og rapporteringsfrister",
    url="https://www.statsforvalteren.no/nn/innlandet/helse-omsorg-og-sosialtenester/psykisk-helse-og-rus/tilskudd-til-kommunalt-rusarbeid-2021/",
    published=_dt.date(2020, 11, 11),
    tag="INN-21",
)
KORUS_21 = Citation(
    document="KORUS Sør: Søk tilskudd til kommunalt rusarbeid",
    url="https://www.korus-sor.no/aktuelt/sok-tilskudd-til-kommunalt-rusarbeid/",
    published=_dt.date(2020, 11, 13),
    tag="KORUS-21",
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
)
LIBRARY = Citation(
    document="nedtrapping: assumptions made where the sources are silent",
    section="docs/explanation/assumptions",
    tag="LIB",
)

ALL_SOURCES: tuple[Citation, ...] = (
    DECK, TF_21, RUSF_20, RUSF_17, RUSF_22A, RUSF_22B, VOL_19, HDIR_21, HDIR_24,
    NORD_22, AGD_21, MR_23, VL_23, OV_23, INN_24, NAV_22, LSB_22, INN_21, KORUS_21, OV_21,
    MR_22, NORD_PS_22, LIBRARY,
)
