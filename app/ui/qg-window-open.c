/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-application.h"
#include "qg-file-filter.h"
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


/* The filters only narrow what is listed: what a file is, is told by its
 * content once chosen. */
void
qg_window_open_with_dialog (QgWindow *self)
{
  static const char * const map_types[] = { "application/json", NULL };
  static const char * const map_suffixes[] = { "json", NULL };
  static const char * const article_types[] = { "text/plain", "text/html", NULL };
  static const char * const article_suffixes[] = { "txt", "text", "html", "htm", NULL };
  static const char * const graph_types[] = { "text/vnd.graphviz", NULL };
  static const char * const graph_suffixes[] = { "gv", "dot", NULL };
  static const char * const all_types[] = { "application/json", "text/plain", "text/html",
                                            "text/vnd.graphviz", NULL };
  static const char * const all_suffixes[] = { "json", "txt", "text", "html", "htm", "gv", "dot",
                                               NULL };
  GtkFileChooser *chooser;
  GFile *shown;

  if (self->open_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_dialog));
      return;
    }
  self->open_dialog = gtk_file_chooser_native_new (_("Open a Map, an Article or a Graph"),
                                                   GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                   _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->open_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_dialog), TRUE);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  qg_file_chooser_add_filter (chooser, _("Maps, Articles and Graphs"), all_types, all_suffixes);
  /* AIF argument maps are JSON too. */
  qg_file_chooser_add_filter (chooser, _("Maps (Quotegraph or AIF)"), map_types, map_suffixes);
  qg_file_chooser_add_filter (chooser, _("Articles (Text or HTML)"), article_types,
                              article_suffixes);
  qg_file_chooser_add_filter (chooser, _("Graphviz Graphs"), graph_types, graph_suffixes);
  qg_file_chooser_add_filter (chooser, _("All Files"), NULL, NULL);
  /* Beside the map on screen, where its neighbours are. */
  shown = qg_window_get_file (self);
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
/* Recent files                                                              */

#define N_RECENT 10

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (tb, ta);
}

/* The maps this program opened, newest first, that are still there. */
static GPtrArray *
recent_maps (void)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GPtrArray *maps = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  for (GList *l = items; l; l = l->next)
    if (gtk_recent_info_has_application (l->data, g_get_application_name ())
        && gtk_recent_info_is_local (l->data) && gtk_recent_info_exists (l->data))
      g_ptr_array_add (maps, gtk_recent_info_ref (l->data));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (maps, newest_first);
  if (maps->len > N_RECENT)
    g_ptr_array_set_size (maps, N_RECENT);
  return maps;
}

/* A file's name, and its folder's too where another has the same name. */
static char *
recent_label (GPtrArray *maps,
              guint      index)
{
  GtkRecentInfo *info = g_ptr_array_index (maps, index);
  const char *name = gtk_recent_info_get_display_name (info);

  for (guint i = 0; i < maps->len; i++)
    if (i != index && g_strcmp0 (gtk_recent_info_get_display_name (g_ptr_array_index (maps, i)),
                                 name) == 0)
      {
        g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
        g_autoptr(GFile) folder = g_file_get_parent (file);
        g_autofree char *where = g_file_get_parse_name (folder);

        /* Translators: a recent file's name and its folder. */
        return g_strdup_printf (_("%s (%s)"), name, where);
      }
  return g_strdup (name);
}

/* Whether @menu lists @maps already, by the same labels. */
static gboolean
lists_maps (GMenuModel *menu,
            GPtrArray  *maps)
{
  if ((guint) g_menu_model_get_n_items (menu) != maps->len)
    return FALSE;
  for (guint i = 0; i < maps->len; i++)
    {
      g_autofree char *label = recent_label (maps, i);
      g_autofree char *shown = NULL;
      g_autofree char *uri = NULL;

      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &shown)
          || !g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &uri)
          || g_strcmp0 (shown, label) != 0
          || g_strcmp0 (uri, gtk_recent_info_get_uri (g_ptr_array_index (maps, i))) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The list is changed only when it is another, and in place: rebuilt,
 * the submenu would close under a person who has it open. */
static void
update_recent (QgWindow *self)
{
  g_autoptr(GPtrArray) maps = recent_maps ();
  /* After Open…, the section's first item. */
  gboolean shown = g_menu_model_get_n_items (G_MENU_MODEL (self->open_section)) > 1;

  if (lists_maps (G_MENU_MODEL (self->recent_menu), maps))
    return;
  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < maps->len; i++)
    {
      g_autofree char *label = recent_label (maps, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (g_ptr_array_index (maps, i)));
      g_menu_append_item (self->recent_menu, item);
    }
  if (maps->len == 0 && shown)
    g_menu_remove (self->open_section, 1);
  else if (maps->len > 0 && !shown)
    g_menu_append_submenu (self->open_section, _("Open _Recent"),
                           G_MENU_MODEL (self->recent_menu));
}

/* A map shown from a file of its own is offered again in Open Recent. */
void
qg_window_remember_recent (GFile      *file,
                           const char *mime_type)
{
  g_autofree char *uri = NULL;
  g_autofree char *exec = NULL;
  GtkRecentData data = { 0 };

  if (file == NULL || !g_file_is_native (file))
    return;
  uri = g_file_get_uri (file);
  exec = g_strdup_printf ("%s %%u", g_get_prgname ());
  data.mime_type = (char *) mime_type;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = exec;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
qg_window_open_recent (QgWindow   *self,
                       const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  qg_window_open_file (self, file, NULL);
}

/* ------------------------------------------------------------------------ */

void
qg_window_open_init (QgWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  /* Anywhere on the window: the map, the sources, the failure page. */
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  self->recent_menu = g_menu_new ();
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
}

void
qg_window_open_dispose (QgWindow *self)
{
  if (self->open_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_dialog));
  g_clear_object (&self->open_dialog);
  g_clear_object (&self->recent_menu);
}

/* ------------------------------------------------------------------------ */

gboolean
qg_window_holds_file (QgWindow *self,
                      GFile    *file)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (qg_window_get_file (self) != NULL
      && g_file_equal (qg_window_get_file (self), file))
    return TRUE;
  if ((self->drawing_file != NULL && g_file_equal (self->drawing_file, file))
      || (self->drawing_opening != NULL && g_file_equal (self->drawing_opening, file)))
    return TRUE;
  /* On its way, but not as a new version of the one shown. */
  return self->loading != NULL && !self->reloading && self->opening != NULL
         && g_file_equal (self->opening, file);
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
