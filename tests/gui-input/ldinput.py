"""ldinput — drive the real License Dashboard with real X input, read it back through AT-SPI.

A gui-input test starts the built program as a user would (`license-dashboard --sample`, or a
report file), moves the pointer and presses keys through the X server (xdotool, which sends
XTEST events: GTK cannot tell them from a person's hands), and reads what happened from the
accessibility tree the program publishes on the session's accessibility bus (GTK_A11Y=atspi).
So pointer picking, gestures, keyboard focus and tooltips are tested the way they break.

Run each test through tests/gui-run.sh, which gives it an Xvfb display and a D-Bus session of
its own; the program inherits both. A test script looks like:

    import ldinput
    with ldinput.App() as app:                   # starts --sample, waits for the dashboard
        button = app.find(name="Reset view", role=Atspi.Role.PUSH_BUTTON)
        app.click(*app.center(button))
        app.wait_for(lambda: ..., "the map to move back")

Waits poll with generous deadlines (seconds) that only a hang reaches; nothing here measures
or asserts a duration.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi


def skip(reason):
    """Tells meson (TAP, exit status 77) that this test cannot run here, and why."""
    print(f"1..0 # SKIP {reason}", flush=True)
    sys.exit(77)


try:
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi  # noqa: E402
except (ValueError, ImportError):
    skip("AT-SPI's introspection data is missing (apt install gir1.2-atspi-2.0)")

# How long a test waits for anything before it calls it a hang.
DEADLINE = float(os.environ.get("LD_INPUT_DEADLINE", "30"))
# The pause between polls; the interval between the steps of a drag.
POLL = 0.1

Role = Atspi.Role
State = Atspi.StateType


class InputError(AssertionError):
    """A test's expectation failed; the message says what was awaited and what was seen."""


def require_tools():
    """Skips the test when the display or xdotool is missing."""
    if not os.environ.get("DISPLAY"):
        skip("no X display (run it through tests/gui-run.sh)")
    if shutil.which("xdotool") is None:
        skip("xdotool is not installed (apt install xdotool)")


# ---- waiting ----------------------------------------------------------------------

def wait_for(predicate, what, timeout=DEADLINE):
    """Polls predicate() until it returns something true, and returns that. Raises InputError
    naming @what when the deadline passes; exceptions from AT-SPI while the tree changes under
    us count as "not yet"."""
    end = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except gi.repository.GLib.Error as e:  # the object went away while we read it
            last_error = e
        if time.monotonic() > end:
            detail = f" (last error: {last_error})" if last_error else ""
            raise InputError(f"waited {timeout:.0f} s for {what}{detail}")
        time.sleep(POLL)


# ---- the accessibility tree ----------------------------------------------------------

def children(acc):
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        if child is not None:
            yield child


def states(acc):
    return acc.get_state_set()


def has_state(acc, state):
    return acc.get_state_set().contains(state)


def has_area(acc):
    """Whether @acc takes room in the window: GTK 4.8 sets no "showing" state on widgets,
    and the pages of a stack not shown, or a closed revealer's child, stay "visible" with a
    size of 0 × 0. Objects with no extents at all (a GtkStackPage) are looked through."""
    if acc.get_component_iface() is None:
        return True
    e = acc.get_extents(Atspi.CoordType.WINDOW)
    return e.width > 0 and e.height > 0


def walk(root, showing_only=True):
    """Every accessible under @root, depth first; with showing_only, skips the subtrees of
    widgets hidden or taking no room (a stack's other pages, a closed filter group)."""
    stack = [root]
    while stack:
        acc = stack.pop()
        yield acc
        kids = list(children(acc))
        if showing_only:
            kids = [k for k in kids if has_state(k, State.VISIBLE) and has_area(k)]
        stack.extend(reversed(kids))


def matches(acc, name=None, role=None, name_prefix=None, name_contains=None):
    if role is not None and acc.get_role() != role:
        return False
    n = acc.get_name() or ""
    if name is not None and n != name:
        return False
    if name_prefix is not None and not n.startswith(name_prefix):
        return False
    if name_contains is not None and name_contains not in n:
        return False
    return True


def describe(acc):
    try:
        return f'{acc.get_role_name()} "{acc.get_name()}"'
    except gi.repository.GLib.Error:
        return "(gone)"


# ---- xdotool -----------------------------------------------------------------------

def xdotool(*args):
    """Runs xdotool; its output, as text. A hang past the deadline is an error."""
    return subprocess.run(["xdotool", *map(str, args)], check=True, capture_output=True,
                          text=True, timeout=DEADLINE).stdout


def pointer():
    """Where the pointer is on the screen, (x, y)."""
    fields = dict(f.split(":", 1) for f in xdotool("getmouselocation").split())
    return int(fields["x"]), int(fields["y"])


def move(x, y):
    """Moves the pointer to screen (x, y) and waits until the server says it is there
    (xdotool's --sync waits for a move, so it would wait forever for none)."""
    x, y = round(x), round(y)
    if pointer() == (x, y):
        # A hand arrives from somewhere: a window started under a resting pointer has
        # had no motion and does not know what is under it, and drops a click there.
        xdotool("mousemove", "--sync", x + 1, y)
    xdotool("mousemove", "--sync", x, y)


def click(x, y, button=1):
    move(x, y)
    xdotool("click", button)


def drag(x0, y0, x1, y1, steps=12, button=1):
    """Presses at (x0, y0), moves in @steps steps to (x1, y1), rests, releases: a person's
    careful drag. The rest before the release leaves no speed for a kinetic swipe to carry
    on with, so what was under (x0, y0) ends under (x1, y1)."""
    move(x0, y0)
    xdotool("mousedown", button)
    for i in range(1, steps + 1):
        time.sleep(POLL / 2)
        move(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps)
    time.sleep(0.4)
    xdotool("mouseup", button)


def key(*names):
    """Presses and releases each X keysym name in turn ("Tab", "shift+Tab", "Left", "plus")."""
    xdotool("key", "--delay", "60", *names)


def scroll(x, y, down=True, clicks=1):
    """Turns the wheel over (x, y): button 5 scrolls down, 4 up."""
    move(x, y)
    xdotool("click", "--repeat", clicks, "--delay", "60", 5 if down else 4)


# ---- the program -------------------------------------------------------------------

class App:
    """The real program, started under the test's display and bus.

    @args: the program's arguments (default: the bundled sample report). The binary comes
    from LD_DASHBOARD_BIN (meson's test environment) or build/license-dashboard.
    """

    def __init__(self, args=("--sample",), ready_name="World map of provisioned licenses"):
        require_tools()
        self.binary = os.environ.get("LD_DASHBOARD_BIN") or os.path.join(
            os.path.dirname(__file__), "..", "..", "build", "license-dashboard")
        self.args = list(args)
        self.ready_name = ready_name
        self.process = None
        self.log = None
        self._groups = {}
        self.app = None
        self.window = None
        self.xid = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def start(self):
        # The X server answers before the program tries it.
        wait_for(lambda: subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True,
                                        timeout=DEADLINE).returncode == 0,
                 f"the X display {os.environ.get('DISPLAY')} to answer")
        env = dict(os.environ)
        env["GTK_A11Y"] = "atspi"
        env.pop("NO_AT_BRIDGE", None)
        # The program's messages go to a file, replayed into the test's log when it ends,
        # and quoted when it dies early.
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen([self.binary, *self.args], env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.app = wait_for(self._find_app, f"{self.binary} on the accessibility bus")
        self.window = wait_for(self._find_window, "the program's window")
        self.xid = wait_for(self._find_xid, "the program's X window")
        # No window manager under Xvfb: give the window the keyboard ourselves, as clicking
        # on it would under a real desktop.
        xdotool("windowfocus", "--sync", self.xid)
        if self.ready_name:
            self.find(name=self.ready_name)

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=DEADLINE)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        output = self.output()
        if output:
            sys.stderr.write(output)
        if self.log is not None:
            self.log.close()
            self.log = None

    def output(self):
        """What the program wrote to stdout and stderr so far."""
        if self.log is None:
            return ""
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def _check_alive(self):
        if self.process.poll() is not None:
            last = self.output().strip().splitlines()[-1:] or ["(no output)"]
            raise InputError(f"the program exited with status {self.process.returncode}: {last[0]}")

    def _find_app(self):
        self._check_alive()
        desktop = Atspi.get_desktop(0)
        for acc in children(desktop):
            try:
                if acc.get_process_id() == self.process.pid and acc.get_child_count() > 0:
                    return acc
            except gi.repository.GLib.Error:
                continue
        return None

    def _find_window(self):
        self._check_alive()
        for acc in children(self.app):
            if acc.get_role() == Role.FRAME and has_state(acc, State.SHOWING):
                return acc
        return None

    def _find_xid(self):
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                             capture_output=True, text=True, timeout=DEADLINE).stdout.split()
        return out[0] if out else None

    # -- finding things --

    def find_all(self, root=None, showing_only=True, **criteria):
        """Every accessible under @root (default: the window) matching name=, role=,
        name_prefix= or name_contains=."""
        self._check_alive()
        return [a for a in walk(root or self.window, showing_only) if matches(a, **criteria)]

    def find(self, root=None, timeout=DEADLINE, showing_only=True, **criteria):
        """The first accessible matching @criteria, waiting until one is shown."""
        def look():
            found = self.find_all(root, showing_only, **criteria)
            return found[0] if found else None
        what = ", ".join(f"{k}={v!r}" for k, v in criteria.items())
        return wait_for(look, f"an accessible with {what}", timeout)

    def tooltip(self):
        """The text of the tooltip shown now, or None. GTK puts its tooltip window in the
        tree under the window it belongs to (a "GtkTooltipWindow" filler), visible while it
        is shown; its labels hold the text."""
        for top in children(self.app):
            for acc in children(top):
                if acc.get_name() == "GtkTooltipWindow" and has_state(acc, State.VISIBLE):
                    texts = [a.get_name() for a in walk(acc, showing_only=False)
                             if a.get_role() == Role.LABEL and a.get_name()]
                    if texts:
                        return "\n".join(texts)
        return None

    def hover(self, x, y, want=lambda text: text is not None, what="a tooltip"):
        """Rests the pointer on (x, y), arriving from a few pixels away as a hand does, and
        waits for a tooltip for which want(text) holds; returns its text. The pointer is
        brought in again now and then, since GTK asks for a tooltip only when it moves."""
        def look():
            move(x + 6, y + 6)
            move(x, y)
            end = time.monotonic() + 3
            while time.monotonic() < end:
                text = self.tooltip()
                if want(text):
                    return text or True
                time.sleep(POLL)
            return None
        found = wait_for(look, f"{what} at ({x:.0f}, {y:.0f})")
        return found if isinstance(found, str) else None

    def focused(self):
        """The accessible holding the keyboard focus, or None."""
        for acc in walk(self.window):
            if has_state(acc, State.FOCUSED):
                return acc
        return None

    # -- where things are on the screen --

    def window_origin(self):
        """Where the window's (0, 0), as AT-SPI reports extents, lies on the screen.

        GTK 4 reports extents relative to its window widget ("screen coordinates not
        supported": it does not know where a window manager put it). The X window around
        it is larger by the client-side decoration's margin (a resize border, or a shadow
        under a compositor), an equal band on every side here, so the widget sits at the X
        window's origin plus half the difference in size."""
        out = xdotool("getwindowgeometry", "--shell", self.xid)
        geometry = dict(line.split("=", 1) for line in out.split())
        frame = self.window.get_extents(Atspi.CoordType.WINDOW)
        return (int(geometry["X"]) + (int(geometry["WIDTH"]) - frame.width) // 2,
                int(geometry["Y"]) + (int(geometry["HEIGHT"]) - frame.height) // 2)

    def extents(self, acc):
        """(x, y, width, height) of @acc on the screen."""
        e = acc.get_extents(Atspi.CoordType.WINDOW)
        ox, oy = self.window_origin()
        return e.x + ox, e.y + oy, e.width, e.height

    def center(self, acc):
        x, y, w, h = self.extents(acc)
        return x + w / 2, y + h / 2

    def scroll_into_view(self, acc):
        """Turns the wheel until @acc lies wholly inside every scroll pane around it, the
        outermost first (a table's own pane must be on the screen before the wheel can
        reach it). The pointer rests on each pane's right edge, over its scroll bar, so
        the wheel reaches no child that would take it (the map zooms)."""
        panes = []
        parent = acc.get_parent()
        while parent is not None:
            if parent.get_role() == Role.SCROLL_PANE:
                panes.insert(0, parent)
            parent = parent.get_parent()
        for i, pane in enumerate(panes):
            self._scroll_inside(panes[i + 1] if i + 1 < len(panes) else acc, pane)

    def _scroll_inside(self, acc, pane):
        def inside():
            px, py, pw, ph = self.extents(pane)
            x, y, w, h = self.extents(acc)
            if y < py:
                scroll(px + pw - 4, py + ph / 2, down=False)
                return False
            if y + h > py + ph:
                scroll(px + pw - 4, py + ph / 2, down=True)
                return False
            return True
        wait_for(inside, f"{describe(acc)} to scroll into view")
        # Let a kinetic scroll come to rest: the position must hold still.
        last = [None]

        def still():
            now = self.extents(acc)
            if now == last[0]:
                return True
            last[0] = now
            time.sleep(0.3)
            return False
        wait_for(still, f"{describe(acc)} to stop moving")

    # -- the dashboard's own widgets --

    def filter_group(self, title):
        """The sidebar's expander button of the filter group @title ("Country/region");
        its name gains ", N selected" while values are ticked. Found once, then kept:
        a walk of the whole window takes a while."""
        def usable(button):
            try:
                n = button.get_name()
                return n == title or n.startswith(title + ", ")
            except gi.repository.GLib.Error:
                return False

        cached = self._groups.get(title)
        if cached is not None and usable(cached):
            return cached

        def look():
            for b in self.find_all(role=Role.PUSH_BUTTON, name_prefix=title):
                if usable(b):
                    return b
            return None
        self._groups[title] = wait_for(look, f"the {title} filter group")
        return self._groups[title]

    def n_selected(self, title):
        """How many values the filter group @title has ticked, from its accessible name."""
        name = self.filter_group(title).get_name()
        if name == title:
            return 0
        return int(name[len(title) + 2:].split()[0])

    def checked_options(self, title):
        """The labels of the ticked options of the filter group @title, read from its check
        boxes (opening the group first, through its accessible action, if it is closed).
        Options are named "<label>, <N> licenses"; the label is returned. The list view
        makes rows for the options on screen and some way around them: enough for the
        sample's 30 countries; a longer list wants its search entry first."""
        button = self.filter_group(title)
        if not has_state(button, State.EXPANDED):
            button.do_action(0)
            wait_for(lambda: has_state(self.filter_group(title), State.EXPANDED),
                     f"the {title} group to open")
        key = title + " values"
        values = self._groups.get(key)
        try:
            fresh = values is not None and values.get_name() == key
        except gi.repository.GLib.Error:
            fresh = False
        if not fresh:
            values = self._groups[key] = self.find(role=Role.LIST, name=key)
        boxes = wait_for(lambda: self.find_all(values, showing_only=False, role=Role.CHECK_BOX),
                         f"the {title} options")
        return sorted(b.get_name().rsplit(", ", 1)[0] for b in boxes
                      if has_state(b, State.CHECKED))


# ---- running tests -------------------------------------------------------------------

def screenshot(path):
    """Saves the whole screen as a PNG (ImageMagick's import), if it is installed."""
    if shutil.which("import") is None:
        return False
    return subprocess.run(["import", "-window", "root", path], timeout=DEADLINE).returncode == 0


def main(tests, app_args=("--sample",), ready_name="World map of provisioned licenses"):
    """Runs each test function with a freshly started program, reporting TAP for meson.

    A test is a function taking an App. On a failure the screen is saved next to the test
    log (LD_INPUT_ARTIFACTS, else the working directory) as <script>-<test>.png."""
    require_tools()
    script = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    only = sys.argv[1:]  # names of the tests to run, for working on one
    tests = [t for t in tests if not only or t.__name__ in only]
    print(f"1..{len(tests)}", flush=True)
    failed = 0
    for number, test in enumerate(tests, 1):
        name = test.__name__
        try:
            with App(app_args, ready_name=ready_name) as app:
                try:
                    test(app)
                except BaseException:
                    out = os.environ.get("LD_INPUT_ARTIFACTS", os.getcwd())
                    screenshot(os.path.join(out, f"{script}-{name}.png"))
                    raise
            print(f"ok {number} - {name}", flush=True)
        except Exception as e:  # noqa: BLE001 — every failure is reported, the rest still run
            failed += 1
            import traceback
            for line in traceback.format_exc().splitlines():
                print(f"# {line}", flush=True)
            print(f"not ok {number} - {name}: {e}", flush=True)
    sys.exit(1 if failed else 0)
