"""In a notebook: the plan as a DataFrame, positions from pandas, and a what-if comparison.

Needs the [pandas] extra: pip install 'nedtrapping[pandas]'. Each `# %%` is a notebook cell.

Run: .venv/bin/python examples/notebook_pandas.py
"""

# %% positions from what pandas holds: numpy integers, floats, strings, NaN
import numpy as np
import pandas as pd

from nedtrapping.frames import compare, positions_from_frame
from nedtrapping.plan import plan_municipality

frame = pd.DataFrame({
    "kommune": ["Eksempel kommune"] * 3,
    "stilling": ["Ruskonsulent", "Erfaringskonsulent", "Boveileder"],
    "stillingsprosent": [100.0, np.int64(50), 100],
    "første_tilskuddsår": [2021, 2021, 2018],
    "årskostnad": [np.int64(780_000), 360_000, 700_000],
    "lønnsvekst": [3.5, 3.5, np.nan],
})
positions = positions_from_frame(frame)

# %% the plan, long format: one row per position and year, kroner as nullable integers
plan = plan_municipality(positions)
print(repr(plan))  # short; in Jupyter the plan shows as a table (plan._repr_html_)
df = plan.to_frame()
print(df.dtypes["grant"], df.dtypes["own_financing"])
print(df.pivot_table(index="position", columns="year", values="own_financing", aggfunc="sum"))
assert str(df.dtypes["grant"]) == "Int64"

# %% what if the Ruskonsulent is cut to 50 % from 2023?
cut = plan_municipality([p.with_percent_from(2023, 50) if p.position == "Ruskonsulent" else p for p in positions])
delta = compare(plan, cut, names=("i_dag", "kutt"))
print(delta[["position", "year", "grant_delta", "cost_delta", "own_financing_delta"]])
assert delta.loc[(delta.position == "Ruskonsulent") & (delta.year == 2023), "grant_delta"].item() == -165_000

# %% an explanation shows as nested lists in a notebook; its repr is one line
print(repr(plan.explain("Ruskonsulent", 2022)))
