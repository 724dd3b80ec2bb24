#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader finds in the window, through AT-SPI (as Accerciser
inspects it): the program is started on the Kaspersky map, and on the
accessibility bus the test finds the map (a named image of the graph),
the list of its entities and relations with their names in its rows
(once its page is opened with the switcher's List button),
the search over it, and every button, each named.

check-atspi.py QUOTEGRAPH   (under a session bus and a display)"""

import os
import subprocess
import sys
import time

import pyatspi

program = sys.argv[1]
app = subprocess.Popen([program], env=dict(os.environ, GTK_A11Y="atspi"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and child.name in ("quotegraph", "Quotegraph"):
            return child
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def named(root, name):
    return [n for n in walk(root) if n.name == name]


problems = []
try:
    deadline = time.time() + 30
    found = None
    names = set()
    while time.time() < deadline:
        found = find_app()
        if found is not None:
            names = {n.name for n in walk(found)}
            if "Find in the list of the map" in names and any(
                    name.startswith("Map") for name in names):
                break
        time.sleep(0.5)
    if found is None:
        problems.append("the program never appeared on the accessibility bus")
    else:
        for wanted in ("Find in the list of the map", "Entities and relations of the map"):
            if wanted not in names:
                problems.append(f"nothing named {wanted!r}")
        if not any(name == "Map" or name.startswith("Map,") for name in names):
            problems.append("the map has no accessible name")
        # The list's rows are made when its page is first shown: the
        # screen reader's user opens it with the switcher's "List" button.
        switch = [n for n in walk(found) if n.getRoleName() == "page tab" and n.name == "List"]
        if not switch:
            problems.append("no page tab named 'List'")
        else:
            action = switch[0].queryAction()
            action.doAction(0)
        lists = named(found, "Entities and relations of the map")
        rows = set()
        deadline = time.time() + 10
        while time.time() < deadline:
            rows = set()
            for lst in named(found, "Entities and relations of the map"):
                rows |= {n.name for n in walk(lst)}
            if "Kaspersky Lab, Company" in rows:
                break
            time.sleep(0.2)
        print(f"accessible objects: {len(names)}; the list: {len(lists)} node(s)")
        # Every button says what it does: none is nameless, or named only
        # by GTK's fallback, its type ("GtkImage", "GtkMenuButton").
        buttons = [n for n in walk(found) if n.getRoleName() in
                   ("push button", "toggle button", "menu button", "check box", "switch")]
        unnamed = [n.getRoleName() for n in buttons
                   if not n.name or n.name.startswith("Gtk") or n.name.startswith("Adw")]
        print(f"buttons: {len(buttons)}, without a name of their own: {len(unnamed)}")
        if not buttons or unnamed:
            problems.append(f"{len(unnamed)} of {len(buttons)} buttons have no name: {unnamed}")
        for wanted in ("Kaspersky Lab, Company", "Best Buy, Retailer"):
            if wanted not in rows:
                problems.append(f"the list has no row named {wanted!r}")
finally:
    app.terminate()
    try:
        app.wait(5)
    except subprocess.TimeoutExpired:
        app.kill()

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
