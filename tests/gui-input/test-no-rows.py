#!/usr/bin/env python3
"""A report with no readable row (issue 12, items 9 and 14): the window says so where the
cards would be, and Show Skipped Rows — clicked with the real pointer — lists every bad
row, each named "Line N, column C: …" for a screen reader. Read back through AT-SPI.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role  # noqa: E402

BAD_CSV = ("CustomerName,CustomerCountryCode,ActivationDate,ProductId,PlanName,"
           "LicensesAssigned,LicensesProvisioned\n"
           "Fabrikam,FR,someday,app,Gold,1,2\n"
           "Northwind,US,2026-04-01,app,Gold,-1,2\n"
           "Tailspin,US,2026-04-01,app,Gold,1,two\n")

folder = tempfile.mkdtemp(prefix="ld-no-rows-")
path = os.path.join(folder, "licenses.csv")
with open(path, "w") as f:
    f.write(BAD_CSV)


def test_no_rows_page_and_skipped_rows(app):
    """The status page's title and the file's name; no card figure on screen; Show
    Skipped Rows opens the list of the three rows."""
    app.find(role=Role.LABEL, name="This Report Has No Rows")
    app.find(role=Role.LABEL, name_prefix="“licenses.csv” has a header, and none of its 3 rows")
    assert not app.find_all(name_contains="0.00%"), "a 0.00% figure on screen"
    assert not app.find_all(name_contains="No data in this range"), "a card on screen"

    button = app.find(role=Role.PUSH_BUTTON, name="Show Skipped Rows")
    x, y = app.center(button)
    ldinput.move(x - 30, y + 30)
    ldinput.click(x, y)

    def skipped_window():
        for top in ldinput.children(app.app):
            if top.get_name() == "Skipped Rows" and ldinput.has_state(top, ldinput.State.SHOWING):
                return top
        return None
    window = ldinput.wait_for(skipped_window, "the Skipped Rows window")
    expected = ["Line 2, column 3: ActivationDate \"someday\" is not a date",
                "Line 3, column 6: LicensesAssigned \"-1\" is negative",
                "Line 4, column 7: LicensesProvisioned \"two\" is not a number"]

    def rows():
        found = [a.get_name() for a in ldinput.walk(window, showing_only=False)
                 if a.get_role() == Role.LIST_ITEM]
        return found if len(found) == len(expected) else None
    names = ldinput.wait_for(rows, "the skipped rows' list items")
    for name, want in zip(names, expected):
        assert name.startswith(want), (name, want)
        # The advice is said once above the list, not in every row.
        assert "download the report again" not in name, name
    advice = [a for a in ldinput.walk(window, showing_only=False)
              if a.get_role() == Role.LABEL and a.get_name() == "Correct the cell, or download the report again."]
    assert len(advice) == 1, advice


if __name__ == "__main__":
    try:
        ldinput.main([test_no_rows_page_and_skipped_rows], app_args=[path],
                     ready_name="This Report Has No Rows")
    finally:
        os.unlink(path)
        os.rmdir(folder)
