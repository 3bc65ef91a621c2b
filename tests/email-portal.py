#!/usr/bin/python3
# email-portal.py — a stand-in for the desktop's Email portal, for tests (issue 16)
#
# Owns org.freedesktop.portal.Desktop on the session bus (DBUS_SESSION_BUS_ADDRESS)
# and answers org.freedesktop.portal.Email.ComposeEmail the way xdg-desktop-portal
# does: the reply is a Request object path, /org/freedesktop/portal/desktop/request/
# <caller's unique name without ':' and with '.' as '_'>/<handle_token>, exported
# with Close(), and the answer comes later as that object's Response signal, sent to
# the caller alone (libportal subscribes without a match rule, so a broadcast would
# never reach it).
#
# Every call is recorded in --record DIR: call-N.json (the caller, the parent
# window, every option, and for each attachment_fds descriptor whether it was
# O_PATH or opened for reading, as xdg-desktop-portal requires, the path it names
# and its size) and call-N-attachment-I.bin, the bytes
# read through the descriptor as the real portal reads them (/proc/self/fd/N). The
# JSON is written, by rename, before the Response goes out. A Close() is recorded
# as call-N.closed.
#
#   --mode answer     Response 0: the mail app has the message
#   --mode cancel     Response 1: the user closed the portal's dialog
#   --mode fail       Response 2: no mail app could take it
#   --mode silent     the call is taken, no Response ever comes
#   --mode refuse     ComposeEmail returns an error (an attachment the portal rejects)
#   --mode no-email   the name is owned but there is no Email interface, like
#                     xdg-desktop-portal without an email backend
#
# Prints "READY" on standard output once it owns the name; exits with status 3 if
# the name is taken.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import fcntl
import json
import os
import stat
import sys

from gi.repository import Gio, GLib

BUS_NAME = "org.freedesktop.portal.Desktop"
OBJECT_PATH = "/org/freedesktop/portal/desktop"
REQUEST_PREFIX = OBJECT_PATH + "/request/"

EMAIL_XML = """
<node>
  <interface name="org.freedesktop.portal.Email">
    <method name="ComposeEmail">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""

REQUEST_XML = """
<node>
  <interface name="org.freedesktop.portal.Request">
    <method name="Close"/>
    <signal name="Response">
      <arg type="u" name="response"/>
      <arg type="a{sv}" name="results"/>
    </signal>
  </interface>
</node>
"""

RESPONSES = {"answer": 0, "cancel": 1, "fail": 2}


def write_atomically(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.rename(tmp, path)


def plain(value):
    """A GVariant's unpacked value, made JSON-friendly."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


class StandIn:
    def __init__(self, mode, record, connection):
        self.mode = mode
        self.record = record
        self.connection = connection
        self.calls = 0
        email = Gio.DBusNodeInfo.new_for_xml(EMAIL_XML).interfaces[0]
        self.request_info = Gio.DBusNodeInfo.new_for_xml(REQUEST_XML).interfaces[0]
        if mode != "no-email":
            connection.register_object(OBJECT_PATH, email, self.on_email_call,
                                       self.on_get_property, None)

    def on_get_property(self, connection, sender, path, interface, name):
        if name == "version":
            return GLib.Variant("u", 4)
        return None

    def read_attachments(self, invocation, options, number):
        """Reads each attachment_fds descriptor as xdg-desktop-portal does, and
        says whether it would take it: an O_PATH descriptor, or a regular file
        opened for reading (not write-only)."""
        fds = options.get("attachment_fds", [])
        fd_list = invocation.get_message().get_unix_fd_list()
        attachments = []
        for i, index in enumerate(fds):
            fd = fd_list.get(index)
            try:
                flags = fcntl.fcntl(fd, fcntl.F_GETFL)
                proc = "/proc/self/fd/%d" % fd
                o_path = (flags & os.O_PATH) == os.O_PATH
                access = {os.O_RDONLY: "read", os.O_WRONLY: "write",
                          os.O_RDWR: "read-write"}.get(flags & os.O_ACCMODE, "?")
                regular = stat.S_ISREG(os.fstat(fd).st_mode)
                entry = {
                    "flags": flags,
                    "o_path": o_path,
                    "access": "path" if o_path else access,
                    "regular": regular,
                    "accepted": regular and (o_path or access in ("read", "read-write")),
                    "path": os.readlink(proc),
                }
                # The path behind the descriptor, opened for reading.
                with open(proc, "rb") as f:
                    data = f.read()
                name = "call-%d-attachment-%d.bin" % (number, i)
                write_atomically(os.path.join(self.record, name), data)
                entry["size"] = len(data)
                entry["file"] = name
                attachments.append(entry)
            finally:
                os.close(fd)
        return attachments

    def on_email_call(self, connection, sender, path, interface, method, parameters, invocation):
        if method != "ComposeEmail":
            invocation.return_dbus_error("org.freedesktop.DBus.Error.UnknownMethod", method)
            return

        self.calls += 1
        number = self.calls
        parent_window, options = parameters.unpack()
        token = options.get("handle_token", "t%d" % number)
        handle = REQUEST_PREFIX + sender[1:].replace(".", "_") + "/" + token

        record = {
            "sender": sender,
            "parent_window": parent_window,
            "options": {k: plain(v) for k, v in options.items() if k != "attachment_fds"},
            "attachments": self.read_attachments(invocation, options, number),
            "handle": handle,
            "mode": self.mode,
        }
        write_atomically(os.path.join(self.record, "call-%d.json" % number),
                         json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8"))

        # What xdg-desktop-portal answers to a descriptor it cannot use.
        if self.mode == "refuse" or not all(a["accepted"] for a in record["attachments"]):
            invocation.return_dbus_error("org.freedesktop.portal.Error.InvalidArgument",
                                         "Invalid attachment fd passed")
            return

        registration = [0]

        def on_request_call(conn, sender_, path_, interface_, method_, params_, invocation_):
            if method_ == "Close":
                write_atomically(os.path.join(self.record, "call-%d.closed" % number), b"")
                conn.unregister_object(registration[0])
                invocation_.return_value(None)
            else:
                invocation_.return_dbus_error("org.freedesktop.DBus.Error.UnknownMethod", method_)

        registration[0] = connection.register_object(handle, self.request_info,
                                                     on_request_call, None, None)
        invocation.return_value(GLib.Variant("(o)", (handle,)))

        if self.mode in RESPONSES:
            def respond():
                connection.emit_signal(sender, handle, "org.freedesktop.portal.Request",
                                       "Response",
                                       GLib.Variant("(ua{sv})", (RESPONSES[self.mode], {})))
                connection.unregister_object(registration[0])
                return GLib.SOURCE_REMOVE
            # After the method's reply, as the real portal answers once the mail
            # app's window is up.
            GLib.timeout_add(50, respond)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", default="answer",
                        choices=["answer", "cancel", "fail", "silent", "refuse", "no-email"])
    parser.add_argument("--record", required=True)
    args = parser.parse_args()

    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    stand_in = StandIn(args.mode, args.record, connection)
    loop = GLib.MainLoop()

    owned = [False]

    def acquired(conn, name):
        owned[0] = True
        print("READY", flush=True)

    def lost(conn, name):
        if owned[0]:
            # The bus went away: the test is over.
            os._exit(0)
        print("email-portal.py: %s is owned by someone else" % BUS_NAME, file=sys.stderr,
              flush=True)
        os._exit(3)

    Gio.bus_own_name_on_connection(connection, BUS_NAME, Gio.BusNameOwnerFlags.DO_NOT_QUEUE,
                                   acquired, lost)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, 15, loop.quit)
    loop.run()
    del stand_in


if __name__ == "__main__":
    main()
