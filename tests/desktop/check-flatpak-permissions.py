#!/usr/bin/env python3
"""check-flatpak-permissions.py MANIFEST PERMISSIONS — the installed app's sandbox is exactly
what the manifest's finish-args ask for: no more, no less.

PERMISSIONS is the output of `flatpak info --show-permissions APP` (a key file: [Context],
[Session Bus Policy], [System Bus Policy], [Environment]). It is read back into finish-args
form (`--share=ipc`, `--talk-name=…`) and compared, as sets, with the manifest's."""
import configparser
import json
import sys

# [Context] keys and the finish-arg each entry came from.
CONTEXT = {
    "shared": "--share",
    "sockets": "--socket",
    "devices": "--device",
    "features": "--allow",
    "filesystems": "--filesystem",
    "persistent": "--persist",
}
BUS_POLICY = {
    "Session Bus Policy": {"talk": "--talk-name", "own": "--own-name", "see": "--see-name"},
    "System Bus Policy": {"talk": "--system-talk-name", "own": "--system-own-name",
                          "see": "--system-see-name"},
}


def granted(text):
    """The finish-args that the permissions key file grants, and anything unreadable."""
    kf = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    kf.optionxform = str
    kf.read_string(text)
    args, unknown = set(), []
    for section in kf.sections():
        for key, value in kf.items(section):
            if section == "Context" and key in CONTEXT:
                for item in filter(None, value.split(";")):
                    # A negated entry ("!x11") is flatpak's record of a --nosocket etc.
                    if item.startswith("!"):
                        args.add(CONTEXT[key].replace("--", "--no", 1) + "=" + item[1:])
                    else:
                        args.add(f"{CONTEXT[key]}={item}")
            elif section in BUS_POLICY and value in BUS_POLICY[section]:
                args.add(f"{BUS_POLICY[section][value]}={key}")
            elif section == "Environment":
                args.add(f"--env={key}={value}")
            else:
                unknown.append(f"[{section}] {key}={value}")
    return args, unknown


def main():
    manifest_path, permissions_path = sys.argv[1], sys.argv[2]
    with open(manifest_path, encoding="utf-8") as f:
        wanted = set(json.load(f).get("finish-args", []))
    # Flatpak records --socket=fallback-x11 as x11 and fallback-x11 together (and drops x11 at
    # run time when there is a Wayland socket), so the grant of x11 is the manifest's.
    if "--socket=fallback-x11" in wanted:
        wanted.add("--socket=x11")
    with open(permissions_path, encoding="utf-8") as f:
        text = f.read()
    have, unknown = granted(text)

    problems = [f"granted but not in the manifest: {a}" for a in sorted(have - wanted)]
    problems += [f"in the manifest but not granted: {a}" for a in sorted(wanted - have)]
    problems += [f"a permission this check cannot read back: {u}" for u in unknown]
    for p in problems:
        print(f"FAIL: permissions: {p}", file=sys.stderr)
    if problems:
        print(text, file=sys.stderr)
        return 1
    print(f"ok: the sandbox grants exactly the manifest's finish-args: {' '.join(sorted(have))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
