"""Readers of positions: tables (CSV, tab-separated text, a worksheet, a DataFrame) and workbooks.

:mod:`nedtrapping.readers.table` reads any table of positions — the columns, Norwegian number
formats, the cells of a salary cost and the scheme's own options — and reports every bad
cell; :mod:`nedtrapping.readers.workbook` gives it the rows of an ``.xlsx`` sheet.
"""
