"""Shared test set-up: hypothesis profiles.

* ``ci`` (the default): 50 examples per property — sized so the whole test command stays
  within a few minutes on a 2-core machine while still finding edge cases over the many runs
  CI makes (examples are random, not the same each run) — and ``deadline=None`` so a slow or
  loaded machine never fails a test on time alone.
* ``dev``: few examples, for a quick edit-test loop.
* ``thorough``: many examples, for a deliberate hunt.
* ``mutation``: what ``scripts/mutation`` runs each mutant with (see below).

Choose with ``HYPOTHESIS_PROFILE=dev pytest`` (or ``pytest --hypothesis-profile=dev``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=25, deadline=None)
# scripts/mutation: each mutant runs every test that reaches it, so fewer examples (a mutant a
# property test can catch is usually caught in the first few), the same examples for every mutant,
# and no shrinking: a failing example kills the mutant as it is (shrinking one took up to two minutes)
settings.register_profile("mutation", max_examples=10, deadline=None, derandomize=True, database=None,
                          phases=[Phase.explicit, Phase.generate],
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
