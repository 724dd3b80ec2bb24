/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qg-article-draft.h"

G_BEGIN_DECLS

/* The dialog that starts a new map from an article: its text, pasted or
 * read from a text file or a saved web page (reduced to its text), then
 * its title, source and date, filled from the page's metadata where it
 * has them. Create is sensitive once there is a text and a title, and the
 * date, if any, is one FORMAT.md takes (else the reason is shown under
 * it). A file that cannot be read is said in the dialog, with its name
 * and the place.
 *
 * Create emits "create" with the article, then closes the dialog; the
 * dialog builds nothing. The window makes the map in one call:
 *
 *   static void
 *   create_cb (QgNewMapDialog *dialog, QgArticleDraft *draft, QgWindow *self)
 *   {
 *     g_autoptr(GError) error = NULL;
 *     g_autoptr(QgDocument) document =
 *       qg_document_new_for_article (draft->text, draft->length, draft->title,
 *                                    draft->source, draft->published, &error);
 *     …
 *   }
 *
 *   dialog = qg_new_map_dialog_show (GTK_WINDOW (self), file, display_name);
 *   g_signal_connect_object (dialog, "create", G_CALLBACK (create_cb), self, 0);
 *
 * The draft's text is exactly the text in the dialog; the title is
 * trimmed of white space at its ends, and so are the source and the date,
 * NULL when they are empty. Draft the Map, on unless the person turns it
 * off, says whether the map is to be drafted (qg-drafter.h) or start
 * empty: qg_new_map_dialog_get_draft_map (), read in the handler. */

#define QG_TYPE_NEW_MAP_DIALOG (qg_new_map_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QgNewMapDialog, qg_new_map_dialog, QG, NEW_MAP_DIALOG, AdwWindow)

/* Modal, over @parent (or NULL). */
QgNewMapDialog *qg_new_map_dialog_new        (GtkWindow      *parent);
/* Reads @file into the dialog, as Choose File… does; errors name it
 * @display_name (NULL: its name as GIO shows it). */
void            qg_new_map_dialog_read_file  (QgNewMapDialog *self,
                                              GFile          *file,
                                              const char     *display_name);
/* Whether the person wants the map drafted (Draft the Map). */
gboolean        qg_new_map_dialog_get_draft_map (QgNewMapDialog *self);
/* Whether a file is being read. */
gboolean        qg_new_map_dialog_is_reading (QgNewMapDialog *self);
/* A new dialog over @parent, reading @file if not NULL, presented. */
QgNewMapDialog *qg_new_map_dialog_show       (GtkWindow      *parent,
                                              GFile          *file,
                                              const char     *display_name);

G_END_DECLS
