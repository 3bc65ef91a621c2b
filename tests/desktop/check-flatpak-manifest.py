#!/usr/bin/env python3
"""check-flatpak-manifest.py MANIFEST APP_ID — the Flatpak manifest parses as JSON and keeps
the promises the README makes: our app ID and command, the GNOME runtime, a sandbox with
no file-system access (files come through the portals) and pinned sources."""
import json
import sys


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        try:
            m = json.load(f)
        except json.JSONDecodeError as e:
            print(f"FAIL: {path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}", file=sys.stderr)
            return 1

    problems = []
    if m.get("id", m.get("app-id")) != app_id:
        problems.append(f"id is {m.get('id')!r}, expected {app_id!r}")
    if m.get("command") != "license-dashboard":
        problems.append("command is not license-dashboard")
    if m.get("runtime") != "org.gnome.Platform" or m.get("sdk") != "org.gnome.Sdk":
        problems.append("runtime/sdk are not org.gnome.Platform/org.gnome.Sdk")

    args = m.get("finish-args", [])
    for wanted in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
        if wanted not in args:
            problems.append(f"finish-args lack {wanted}")
    for a in args:
        if a.startswith("--filesystem") or a in ("--socket=x11", "--device=all", "--talk-name=org.freedesktop.Flatpak"):
            problems.append(f"finish-args widen the sandbox with {a}; files come through the portals")

    modules = m.get("modules", [])
    names = [mod.get("name") for mod in modules if isinstance(mod, dict)]
    for wanted in ("libcsv", "libshumate", "license-dashboard"):
        if wanted not in names:
            problems.append(f"no module named {wanted}")
    if names and names[-1] != "license-dashboard":
        problems.append("the app must be the last module, built on its dependencies")
    for mod in modules:
        if not isinstance(mod, dict):
            continue
        for src in mod.get("sources", []):
            if isinstance(src, dict) and src.get("type") in ("archive", "file"):
                sha = src.get("sha256", "")
                if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
                    problems.append(f"{mod.get('name')}: source {src.get('url')} has no valid sha256")

    for p in problems:
        print(f"FAIL: {path}: {p}", file=sys.stderr)
    if not problems:
        print(f"ok: {path} ({', '.join(names)})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
