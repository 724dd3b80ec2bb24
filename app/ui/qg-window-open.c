/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-application.h"
#include "qg-window-private.h"

/* How files come to a window: the Open dialog, a drop, the recent files.
 * Each goes through the application, which tells a map from an article
 * and presents the window that shows a file already. */

void
qg_window_open_file (QgWindow   *self,
                     GFile      *file,
                     const char *display_name)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_return_if_fail (QG_IS_WINDOW (self));
  g_return_if_fail (QG_IS_APPLICATION (app));

  qg_application_open_file (QG_APPLICATION (app), file, display_name, self);
}

gboolean
qg_window_holds_file (QgWindow *self,
                      GFile    *file)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document != NULL && qg_document_get_file (self->document) != NULL
      && g_file_equal (qg_document_get_file (self->document), file))
    return TRUE;
  /* On its way, but not as a new version of the one shown. */
  return self->loading != NULL && !self->reloading && self->opening != NULL
         && g_file_equal (self->opening, file);
}

/* TODO: true once the document has edits that are not saved; editing
 * does not exist yet. Everything that would replace the document asks
 * this first. */
gboolean
qg_window_get_modified (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), FALSE);
  return FALSE;
}

void
qg_window_show_open_error (QgWindow   *self,
                           GFile      *file,
                           const char *display_name,
                           const char *errors)
{
  g_return_if_fail (QG_IS_WINDOW (self));

  qg_window_set_opening (self, file, display_name);
  qg_window_show_load_error (self, errors);
  qg_window_update_actions (self);
}
