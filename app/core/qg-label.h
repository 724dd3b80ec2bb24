/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the map draws of a name, a relation's label or a kind in a legend:
 * at most this many characters and lines, "…" ending what was left out.
 * The tooltips and the window's sources panel have the whole string, and
 * a document may hold any length: this bounds only what is drawn.
 *
 * Graphviz 2.42 counts a label's lines in 16 bits (a label of 32,769 lines
 * crashes it), and its time and memory grow with a label's length. The
 * longest official names of agencies run to about 100 characters
 * ("Federal Service for Supervision of Communications, Information
 * Technology and Mass Media", 88): 200 hold twice that. Twelve lines of
 * names wrapped at 15 columns hold some 170 characters, in a node about
 * 2.2 inches tall; they bound names with line breaks of their own. */
#define QG_LABEL_MAX_CHARS 200
#define QG_LABEL_MAX_LINES 12

/* A kind in a legend, the export's or the window's, is one line of at
 * most this many characters, "…" included. Kinds name a category in a
 * word or a few ("non-governmental organization" has 29 characters); the
 * window's legend is as wide as its longest entry, and at 200 characters
 * a kind made the window wider than a 1600-pixel screen. */
#define QG_LEGEND_MAX_CHARS 40

/* @text (UTF-8) as the map draws it: cut to QG_LABEL_MAX_CHARS characters
 * between two characters (an accent stays with its letter), wrapped at
 * the spaces nearest to lines of @columns characters if @columns > 0 and
 * @text has no line breaks of its own, and cut to QG_LABEL_MAX_LINES
 * lines. */
char *qg_label_fit        (const char *text,
                           glong       columns);
/* @text as a legend shows it: its line breaks and tabs as spaces, cut to
 * QG_LEGEND_MAX_CHARS characters as qg_label_fit () cuts. */
char *qg_label_fit_legend (const char *text);

G_END_DECLS
