"""The rules a position's cost is built from (the salary-cost rules: holiday pay, the employer's
contribution, pension), one module per set of rules; their rule sets are registered like a scheme's."""
