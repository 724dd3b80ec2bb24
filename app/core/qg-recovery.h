/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Recovery copies of maps with unsaved changes, so that a crash loses at
 * most the last half minute of work. Each copy is a document (ID.json) in
 * the user's state folder, $XDG_STATE_HOME/quotegraph/recovery, with a
 * key file beside it (ID.ini) that says which file it is a copy of, which
 * process keeps it and when it was written. A copy whose process is gone
 * was left by a crash: the next start offers it. */

typedef struct
{
  char      *id;
  char      *path;       /* of the copy */
  GFile     *original;   /* the file it is a copy of, or NULL for a new map */
  char      *title;      /* of the map, if it said; for a map with no file */
  GDateTime *written;
} QgRecoveryItem;

void       qg_recovery_item_free     (QgRecoveryItem *item);

/* The folder, made if need be; for tests, QG_RECOVERY_DIR overrides it. */
char      *qg_recovery_dir           (void);

/* Writes (or replaces) the copy @id of @original (or of a new map, NULL),
 * whole or not at all; @title (or NULL) names it where it has no file. */
gboolean   qg_recovery_write         (const char  *id,
                                      const char  *json,
                                      gsize        length,
                                      GFile       *original,
                                      const char  *title,
                                      GError     **error);
void       qg_recovery_discard       (const char  *id);
/* Where the copy @id is written: a document with no file of its own is
 * written as if to there (qg_document_to_json), so that an article named
 * by a path beside it is carried in whole. */
GFile     *qg_recovery_copy_file     (const char  *id);
/* A new id for a window's copies. */
char      *qg_recovery_new_id        (void);
/* The copies whose process is gone, newest first: QgRecoveryItem. */
GPtrArray *qg_recovery_find_orphans  (void);
/* Makes an orphan this process's: it is its copy now, to discard once the
 * person has saved or discarded it. */
void       qg_recovery_adopt         (QgRecoveryItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgRecoveryItem, qg_recovery_item_free)

G_END_DECLS
