#!/usr/bin/env python3
"""Send by Email in the real window (issue 16): a card's menu and the main menu, clicked with
the real pointer, put a new message through the Email portal; with no portal, a toast says so
and its button saves the PDF.

The portal is tests/email-portal.py, started on this test's session bus before the program
(libadwaita asks the same bus name for its settings at start-up, and would otherwise start
the real xdg-desktop-portal, where one is installed). It records each ComposeEmail call with
the bytes behind the attachment's descriptor; the test compares them with what the same menu's
Save as PDF… (or the main menu's Export Dashboard…) then saves, through GTK's save dialog.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PORTAL = os.path.join(HERE, "..", "email-portal.py")

# The bundled sample's default view: the last 6 months up to its latest activation date.
RANGE_FILE = "2026-06_2026-11"
RANGE_SUBJECT = "Jun–Nov 2026"
RANGE_BODY = "Jun 2026 – Nov 2026"


class Portal:
    """The stand-in Email portal, recording into a folder of its own."""

    def __init__(self, mode="answer"):
        self.record = tempfile.mkdtemp(prefix="ld-email-record-")
        self.process = subprocess.Popen(["/usr/bin/python3", PORTAL, "--mode", mode,
                                         "--record", self.record],
                                        stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if line != "READY":
            raise ldinput.InputError(f"the stand-in portal did not start (said {line!r})")

    def call(self, number=1):
        """The recorded ComposeEmail call @number, waiting for it."""
        path = os.path.join(self.record, f"call-{number}.json")
        ldinput.wait_for(lambda: os.path.exists(path), f"ComposeEmail call {number}")
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def attachment(self, entry):
        with open(os.path.join(self.record, entry["file"]), "rb") as f:
            return f.read()

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=ldinput.DEADLINE)
        shutil.rmtree(self.record, ignore_errors=True)


def save_in_dialog(app, title, name):
    """Waits for GTK's save dialog @title (there is no file chooser portal here), presses
    Return in its name field, and returns the bytes saved under @name in the program's
    working folder: the name the dialog offered. (GTK 4.8 gives AT-SPI no text of the
    field, so the file's name is what shows the offer.)"""
    dialog = ldinput.wait_for(lambda: next(iter([a for a in ldinput.children(app.app)
                                                 if a.get_name() == title]), None),
                              f"the {title} dialog")
    ldinput.wait_for(lambda: next(iter([a for a in ldinput.walk(dialog)
                                        if a.get_role() == Role.TEXT
                                        and ldinput.has_state(a, ldinput.State.FOCUSED)]), None),
                     "the dialog's name field to have the focus")
    ldinput.key("Return")
    path = os.path.join(os.getcwd(), name)
    ldinput.wait_for(lambda: os.path.exists(path), f"{path} to be saved")
    # (The "Saved …" toast lasts 5 s, shorter than a walk of the tree may take on a slow
    # machine: the file is the proof.)
    with open(path, "rb") as f:
        return f.read()


def log_call(call, attachment):
    """The recorded call, in the test's log (the note of issue 16 quotes it)."""
    print(f"# ComposeEmail from {call['sender']}, parent window {call['parent_window']}")
    print(f"#   subject: {call['options']['subject']}")
    for line in call["options"]["body"].splitlines():
        print(f"#   body: {line}")
    print(f"#   attachment: {os.path.basename(attachment['path'])}, {attachment['size']} bytes, "
          f"{attachment['access']} descriptor")


def popover_center(app, item):
    """Where @item of an open popover menu is on the screen. GTK 4.8 reports a popover's
    extents in the popover's own surface, which is an X window of its own: its place comes
    from the X server (the window of the program's as large as the popover)."""
    popover = item
    while popover is not None and popover.get_role() != Role.MENU:
        popover = popover.get_parent()
    if popover is None:
        raise ldinput.InputError(f"{ldinput.describe(item)} is in no popover")
    p = popover.get_extents(ldinput.Atspi.CoordType.WINDOW)
    e = item.get_extents(ldinput.Atspi.CoordType.WINDOW)
    for xid in ldinput.xdotool("search", "--onlyvisible", "--pid", app.process.pid).split():
        out = ldinput.xdotool("getwindowgeometry", "--shell", xid)
        g = dict(line.split("=", 1) for line in out.split())
        if (int(g["WIDTH"]), int(g["HEIGHT"])) == (p.width, p.height):
            return (int(g["X"]) + e.x - p.x + e.width / 2, int(g["Y"]) + e.y - p.y + e.height / 2)
    raise ldinput.InputError(f"no X window for the popover of {ldinput.describe(item)}")


def click_menu_item(app, button_name, item_prefix):
    """Opens the menu button @button_name with the pointer and clicks its item @item_prefix."""
    button = app.find(name=button_name)
    app.scroll_into_view(button)
    # The pointer comes in from a little way off, as a hand does: GTK 4.8 under X11 takes
    # no click on a button until the pointer has moved over the window again after a
    # popover closed under it.
    x, y = app.center(button)
    ldinput.move(x - 30, y + 30)
    time.sleep(ldinput.POLL * 3)
    ldinput.click(x, y)
    item = app.find(role=Role.MENU_ITEM, name_prefix=item_prefix)
    ldinput.click(*ldinput.wait_for(lambda: popover_center(app, item), "the popover on screen"))


def toast_text(app, text):
    return app.find(name=text, role=Role.LABEL)


def check_card_message(portal, call):
    options = call["options"]
    assert options["subject"] == f"License report: Customers, {RANGE_SUBJECT}", options["subject"]
    body = options["body"].splitlines()
    assert body[0] == (f"The attached customers-{RANGE_FILE}.pdf shows the Customers card "
                       "of the License report."), body[0]
    assert body[2].startswith("Report: "), body
    assert body[3].startswith("Data through "), body
    assert body[4] == f"Range: {RANGE_BODY}", body
    assert body[5] == "No filters", body
    assert options["handle_token"] and call["handle"].endswith("/" + options["handle_token"])
    assert call["parent_window"].startswith("x11:"), call["parent_window"]

    attachments = call["attachments"]
    assert len(attachments) == 1, attachments
    entry = attachments[0]
    assert entry["accepted"], entry
    assert os.path.basename(entry["path"]) == f"customers-{RANGE_FILE}.pdf", entry["path"]
    return entry


def test_card_sends_its_pdf(app, portal):
    """Customers menu › Send by Email…: the portal gets the card's PDF, subject and body;
    the PDF is the one Customers menu › Save as PDF… then saves."""
    click_menu_item(app, "Customers menu", "Send by Email")
    call = portal.call(1)
    entry = check_card_message(portal, call)
    log_call(call, entry)
    pdf = portal.attachment(entry)
    assert pdf.startswith(b"%PDF-"), pdf[:16]

    click_menu_item(app, "Customers menu", "Save as PDF")
    saved = save_in_dialog(app, "Save as PDF", f"customers-{RANGE_FILE}.pdf")
    assert pdf == saved, "the attachment is not what Save as PDF writes"


def test_dashboard_sends_the_report(app, portal):
    """Main Menu › Send Dashboard by Email…: the whole dashboard as the PDF report."""
    click_menu_item(app, "Main Menu", "Send Dashboard by Email")
    call = portal.call(1)
    options = call["options"]
    assert options["subject"] == f"License report: Dashboard, {RANGE_SUBJECT}", options["subject"]
    assert options["body"].startswith(f"The attached dashboard-{RANGE_FILE}.pdf shows every card"), \
        options["body"]
    entry = call["attachments"][0]
    assert entry["accepted"] and os.path.basename(entry["path"]) == f"dashboard-{RANGE_FILE}.pdf"
    log_call(call, entry)
    pdf = portal.attachment(entry)

    click_menu_item(app, "Main Menu", "Export Dashboard")
    saved = save_in_dialog(app, "Export Dashboard", f"dashboard-{RANGE_FILE}.pdf")
    assert pdf == saved, "the attachment is not what Export Dashboard writes"


def test_no_portal_offers_the_pdf(app, portal):
    """No Email portal: a toast says so, and its Save PDF… button saves the card's PDF."""
    assert portal is None
    click_menu_item(app, "Licenses menu", "Send by Email")
    toast_text(app, "No mail app can be reached from here")
    button = app.find(name_contains="Save PDF", role=Role.PUSH_BUTTON)
    ldinput.click(*app.center(button))
    kept = save_in_dialog(app, "Save as PDF", f"licenses-{RANGE_FILE}.pdf")
    assert kept.startswith(b"%PDF-"), kept[:16]

    # What the message would have carried is what Save as PDF writes.
    os.rename(f"licenses-{RANGE_FILE}.pdf", "kept.pdf")
    click_menu_item(app, "Licenses menu", "Save as PDF")
    saved = save_in_dialog(app, "Save as PDF", f"licenses-{RANGE_FILE}.pdf")
    assert kept == saved, "the kept PDF is not what Save as PDF writes"


def run(tests):
    """ldinput.main, with the stand-in portal started before each program (or none)."""
    ldinput.require_tools()
    script = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    only = sys.argv[1:]
    tests = [(t, mode) for t, mode in tests if not only or t.__name__ in only]
    print(f"1..{len(tests)}", flush=True)
    failed = 0
    home = os.getcwd()
    # PDFs carry their creation date: a fixed one (the reproducible-builds convention,
    # which the program honours) makes two of them comparable byte for byte.
    os.environ["SOURCE_DATE_EPOCH"] = "1796083200"
    for number, (test, mode) in enumerate(tests, 1):
        name = test.__name__
        work = tempfile.mkdtemp(prefix="ld-email-work-")
        portal = None
        try:
            # The program saves into its working folder when nothing else is remembered.
            os.chdir(work)
            portal = Portal(mode) if mode else None
            with ldinput.App() as app:
                try:
                    test(app, portal)
                except BaseException:
                    out = os.environ.get("LD_INPUT_ARTIFACTS", home)
                    ldinput.screenshot(os.path.join(out, f"{script}-{name}.png"))
                    raise
            print(f"ok {number} - {name}", flush=True)
        except Exception as e:  # noqa: BLE001 — every failure is reported, the rest still run
            failed += 1
            for line in traceback.format_exc().splitlines():
                print(f"# {line}", flush=True)
            print(f"not ok {number} - {name}: {e}", flush=True)
        finally:
            if portal is not None:
                portal.close()
            os.chdir(home)
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    # The test without a portal goes last: the program's first question on the bus may start
    # the real xdg-desktop-portal, which would then own the name the stand-in needs.
    run([
        (test_card_sends_its_pdf, "answer"),
        (test_dashboard_sends_the_report, "answer"),
        (test_no_portal_offers_the_pdf, None),
    ])
