/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Layouts kept between runs, in $XDG_CACHE_HOME/quotegraph/layouts: one
 * file an entry, named by its key (a SHA-256 of exactly what determines
 * the layout, qg-graph-worker.c says what), compressed, written whole or
 * not at all, and checked when read: an entry whose checksum does not hold is
 * removed, and laid out again. At most a size cap in all; the entries
 * used least recently go first. */

/* Off: nothing read or written (--no-cache). On by default. */
void     qg_layout_cache_set_enabled   (gboolean     enabled);
gboolean qg_layout_cache_get_enabled   (void);
/* The cap on the folder's size, in bytes: 256 MiB unless set. */
void     qg_layout_cache_set_max_bytes (guint64      max_bytes);
/* The folder: $XDG_CACHE_HOME/quotegraph/layouts. */
char    *qg_layout_cache_dir           (void);

/* The entry for @key (64 hex digits), or NULL: none, disabled, or damaged
 * (then removed). A hit counts as a use. */
GBytes  *qg_layout_cache_lookup        (const char  *key);
/* Keeps @bytes for @key; what cannot be written is not, and said only
 * in debug messages: a cache is never a reason to fail. */
void     qg_layout_cache_store         (const char  *key,
                                        GBytes      *bytes);
/* Removes the entry for @key, if there is one. */
void     qg_layout_cache_forget        (const char  *key);

G_END_DECLS
