/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A strict RFC 8259 syntax check that runs before json-glib builds a tree:
 * it bounds the nesting depth (json-glib recurses without a limit), rejects
 * what json-glib would silently accept or mangle (comments, \u0000, lone
 * surrogates) and locates every syntax error by line and column. */
gboolean    qg_json_check_syntax (const char  *data,
                                  gsize        length,
                                  guint        max_depth,
                                  guint       *line,
                                  guint       *column,
                                  char       **message);

/* Finds the line on which the value at each of @paths starts. Paths are
 * written as in error messages: "relations[3].target", "" for the root.
 * Returns a table path → line (GUINT_TO_POINTER); paths not found are absent. */
GHashTable *qg_json_locate_paths (const char         *data,
                                  gsize               length,
                                  const char * const *paths,
                                  guint               n_paths);

/* g_utf8_validate() with a fast path for ASCII, which is most of any
 * document; NUL is invalid. On failure *invalid points at the bad byte. */
gboolean    qg_utf8_validate     (const char  *data,
                                  gsize        length,
                                  const char **invalid);

/* The 1-based line and column (in characters) of @at in @text. */
void        qg_text_position     (const char  *text,
                                  const char  *at,
                                  guint       *line,
                                  guint       *column);

G_END_DECLS
