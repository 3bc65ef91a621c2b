#!/usr/bin/env python3
"""standin-manifest.py MANIFEST OUTPUT --runtime ID --sdk ID --runtime-version BRANCH
                        [--drop MODULE]...

Writes OUTPUT: the real Flatpak manifest MANIFEST with its runtime, SDK and runtime version
swapped for the stand-in's and the modules the stand-in already carries (--drop) left out.
Nothing else changes: after writing, the result is read back and compared with the original
with those edits undone, and any other difference is an error. OUTPUT must sit in the same
directory as MANIFEST, so that relative source paths (the app's `"path": ".."`) still name
the same place.

Exit status: 0 written, 1 the manifest does not have what the edits expect, 2 usage."""
import argparse
import copy
import json
import os
import sys


def swap(manifest, runtime, sdk, version, drop):
    out = copy.deepcopy(manifest)
    out["runtime"] = runtime
    out["sdk"] = sdk
    out["runtime-version"] = version
    out["modules"] = [m for m in out["modules"]
                      if not (isinstance(m, dict) and m.get("name") in drop)]
    return out


def differences(real, standin, drop):
    """What differs between the two beyond the allowed edits, as sentences."""
    problems = []
    keys = set(real) | set(standin)
    for key in sorted(keys - {"runtime", "sdk", "runtime-version", "modules"}):
        if real.get(key) != standin.get(key):
            problems.append(f"{key} differs")
    kept = [m for m in real.get("modules", [])
            if not (isinstance(m, dict) and m.get("name") in drop)]
    if kept != standin.get("modules"):
        problems.append("the kept modules differ from the real manifest's")
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("manifest")
    p.add_argument("output")
    p.add_argument("--runtime", required=True)
    p.add_argument("--sdk", required=True)
    p.add_argument("--runtime-version", required=True)
    p.add_argument("--drop", action="append", default=[], metavar="MODULE")
    a = p.parse_args()

    if os.path.dirname(os.path.abspath(a.output)) != os.path.dirname(os.path.abspath(a.manifest)):
        print(f"standin-manifest: {a.output} must be in the same directory as {a.manifest}, "
              "or its relative source paths would move", file=sys.stderr)
        return 2

    with open(a.manifest, encoding="utf-8") as f:
        real = json.load(f)

    names = [m.get("name") for m in real.get("modules", []) if isinstance(m, dict)]
    missing = [d for d in a.drop if d not in names]
    if missing:
        print(f"standin-manifest: {a.manifest} has no module named {', '.join(missing)}: "
              "the stand-in's list of modules it carries is out of date", file=sys.stderr)
        return 1
    for key in ("runtime", "sdk", "runtime-version", "modules"):
        if key not in real:
            print(f"standin-manifest: {a.manifest} has no {key!r}", file=sys.stderr)
            return 1

    standin = swap(real, a.runtime, a.sdk, a.runtime_version, set(a.drop))
    if not standin["modules"]:
        print("standin-manifest: no module left to build", file=sys.stderr)
        return 1

    tmp = a.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(standin, f, indent=4)
        f.write("\n")
    os.replace(tmp, a.output)

    with open(a.output, encoding="utf-8") as f:
        written = json.load(f)
    problems = differences(real, written, set(a.drop))
    for key, want in (("runtime", a.runtime), ("sdk", a.sdk), ("runtime-version", a.runtime_version)):
        if written.get(key) != want:
            problems.append(f"{key} is {written.get(key)!r}, expected {want!r}")
    if problems:
        for problem in problems:
            print(f"standin-manifest: {a.output}: {problem}", file=sys.stderr)
        return 1

    print(f"standin-manifest: {a.output}: {a.manifest} on {a.runtime}//{a.runtime_version}, "
          f"without {', '.join(a.drop) or 'no module'}; building {', '.join(m['name'] for m in written['modules'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
