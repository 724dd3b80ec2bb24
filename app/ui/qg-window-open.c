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

/* Of several files given at once, the first opens in this window, the
 * others each in one of its own. */
static void
open_in_turn (QgWindow *self,
              GFile    *file,
              guint     index)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (index == 0)
    qg_window_open_file (self, file, NULL);
  else
    qg_application_open_file (QG_APPLICATION (app), file, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* The Open dialog                                                           */

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  QgWindow        *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->open_dialog);
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      open_in_turn (self, file, i);
    }
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types && mime_types[i]; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes && suffixes[i]; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* The filters only narrow what is listed: what a file is, is told by its
 * content once chosen. */
void
qg_window_open_with_dialog (QgWindow *self)
{
  static const char * const map_types[] = { "application/json", NULL };
  static const char * const map_suffixes[] = { "json", NULL };
  static const char * const article_types[] = { "text/plain", "text/html", NULL };
  static const char * const article_suffixes[] = { "txt", "text", "html", "htm", NULL };
  static const char * const all_types[] = { "application/json", "text/plain", "text/html", NULL };
  static const char * const all_suffixes[] = { "json", "txt", "text", "html", "htm", NULL };
  GtkFileChooser *chooser;
  GFile *shown;

  if (self->open_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_dialog));
      return;
    }
  self->open_dialog = gtk_file_chooser_native_new (_("Open a Map or an Article"),
                                                   GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                   _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->open_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_dialog), TRUE);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  add_filter (chooser, _("Maps and Articles"), all_types, all_suffixes);
  add_filter (chooser, _("Quotegraph Maps"), map_types, map_suffixes);
  add_filter (chooser, _("Articles (Text or HTML)"), article_types, article_suffixes);
  {
    g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

    gtk_file_filter_set_name (all, _("All Files"));
    gtk_file_filter_add_pattern (all, "*");
    gtk_file_chooser_add_filter (chooser, all);
  }
  /* Beside the map on screen, where its neighbours are. */
  shown = self->document ? qg_document_get_file (self->document) : NULL;
  if (shown != NULL && g_file_is_native (shown))
    {
      g_autoptr(GFile) folder = g_file_get_parent (shown);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  g_signal_connect (self->open_dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_dialog));
}

/* ------------------------------------------------------------------------ */
/* Drops                                                                     */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         QgWindow      *self)
{
  guint index = 0;

  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    open_in_turn (self, l->data, index++);
  return index > 0;
}

/* ------------------------------------------------------------------------ */

void
qg_window_open_init (QgWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  /* Anywhere on the window: the map, the sources, the failure page. */
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
qg_window_open_dispose (QgWindow *self)
{
  if (self->open_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_dialog));
  g_clear_object (&self->open_dialog);
}

/* ------------------------------------------------------------------------ */

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
