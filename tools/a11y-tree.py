#!/usr/bin/python3
# Walks the AT-SPI tree of the running license-dashboard (see a11y-tree.sh).
import pyatspi, sys, time
def find_app(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app and app.name and name in app.name:
            return app
    return None
app = None
for i in range(40):
    app = find_app("license-dashboard")
    if app: break
    time.sleep(0.5)
if not app:
    print("no app"); sys.exit(1)
unnamed = []
def walk(node, depth):
    try:
        role = node.getRoleName()
        name = node.name
        desc = node.description
    except Exception as e:
        return
    interactive = role in ("push button","toggle button","check box","radio button","text","entry","combo box","menu button","slider","spin button","list item","table","tree table","link")
    line = "%s%s name=%r" % ("  "*depth, role, name)
    if desc: line += " desc=%r" % desc[:140]
    if depth < 30 and (role not in ("filler","panel") or name or desc):
        print(line)
    if interactive and not name:
        unnamed.append("%s (%s)" % (role, "/".join([])) )
    for i in range(node.childCount):
        try:
            walk(node.getChildAtIndex(i), depth+1)
        except Exception:
            pass
walk(app, 0)
print("UNNAMED interactive:", len(unnamed))
