/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-cli.h"
#include "qg-window-private.h"

/* The window's actions, one callback each. The zoom actions are the
 * viewport's own, inserted as the "zoom" group. */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  qg_search_bar_start (QG_WINDOW (widget)->search_bar);
}

/* A search result is shown at a zoom where it and its neighbours read. */
static void
go_to_match (QgWindow *self,
             int       step)
{
  const char *id = qg_search_bar_step (self->search_bar, step);

  if (id != NULL)
    qg_window_select_and_show (self, id, QG_GRAPH_VIEW_READING_ZOOM);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  go_to_match (QG_WINDOW (widget), 1);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  go_to_match (QG_WINDOW (widget), -1);
}

static gboolean
quote_in_range (QgWindow *self,
                guint     quote)
{
  return self->document != NULL && quote < qg_document_get_n_quotes (self->document);
}

static void
show_quote (QgWindow *self,
            guint     quote)
{
  if (!self->show_sources)
    g_object_set (self, "show-sources", TRUE, NULL);
  qg_article_view_show_quote (self->article_view, quote);
}

/* What a quote stands for on the map, as a click on its passage in the
 * article picks it: the first relation it backs, else its speaker. */
static const char *
quote_on_map (QgWindow *self,
              guint     quote)
{
  guint n;
  const guint *relations = qg_sources_relations_of_quote (self->sources, quote, &n);
  gint speaker = qg_document_get_quote (self->document, quote)->speaker;

  if (n > 0)
    return qg_document_get_relation (self->document, relations[0])->id;
  return speaker >= 0 ? qg_document_get_entity (self->document, speaker)->id : NULL;
}

/* An entity or relation named in the panel, the article or the review
 * list; a quote is shown in the article, and what it backs on the map. */
static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  gint quote = self->document != NULL ? qg_document_find_quote (self->document, id) : -1;

  if (quote >= 0)
    {
      show_quote (self, quote);
      id = quote_on_map (self, quote);
    }
  if (id != NULL)
    qg_window_select_and_show (self, id, 0);
}

static void
show_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  guint quote = g_variant_get_uint32 (parameter);

  if (quote_in_range (self, quote))
    show_quote (self, quote);
}

static void
copy_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  guint quote = g_variant_get_uint32 (parameter);
  g_autofree char *citation = NULL;

  if (!quote_in_range (self, quote))
    return;
  citation = qg_document_quote_citation (self->document, quote);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation);
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new (_("Copied the quote with its citation")));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  qg_window_open_with_dialog (QG_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  qg_window_open_recent (QG_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  qg_window_export_with_dialog (QG_WINDOW (widget));
}

/* Exports without a dialog: ("PATH", filtered). The format follows the
 * extension, as in the dialog; for scripts and tests. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *path;
  gboolean filtered;

  g_variant_get (parameter, "(&sb)", &path, &filtered);
  qg_window_export_to_path (QG_WINDOW (widget), path, filtered);
}

static void
stop_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  qg_window_stop_exports (QG_WINDOW (widget));
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  qg_window_show_in_folder (QG_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The file that could not be opened, read again (fixed, perhaps). */
static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);

  if (self->opening != NULL)
    qg_window_open_file (self, self->opening, self->opening_name);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  qg_window_reload (QG_WINDOW (widget));
}

static void
show_reload_errors_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  qg_window_show_reload_errors (QG_WINDOW (widget));
}

static void
dismiss_banner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  qg_window_hide_reload_banner (QG_WINDOW (widget));
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GFile) file = qg_bundled_document ();

  qg_window_open (QG_WINDOW (widget), file, "kaspersky-us-ban.json");
}

static void
stop_layout_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  qg_window_stop_layout (QG_WINDOW (widget));
}

/* What needs a document, and what needs its map on screen, is off
 * without one. The zoom actions are the viewport's: on when it has a map
 * to show. */
void
qg_window_update_actions (QgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean document = self->document != NULL;
  gboolean map = document && qg_graph_view_get_layout (self->graph_view) != NULL;
  gboolean matches = map && qg_search_bar_get_n_matches (self->search_bar) > 0;

  gtk_widget_action_set_enabled (widget, "win.export", document);
  gtk_widget_action_set_enabled (widget, "win.export-to", document);
  gtk_widget_action_set_enabled (widget, "win.layout", document);
  gtk_widget_action_set_enabled (widget, "win.stop-layout", self->laying_out != NULL);
  gtk_widget_action_set_enabled (widget, "win.find", map);
  gtk_widget_action_set_enabled (widget, "win.find-next", matches);
  gtk_widget_action_set_enabled (widget, "win.find-previous", matches);
  gtk_widget_action_set_enabled (widget, "win.select", map);
  gtk_widget_action_set_enabled (widget, "win.show-quote", document);
  gtk_widget_action_set_enabled (widget, "win.copy-quote", document);
  gtk_widget_action_set_enabled (widget, "win.retry", !document && self->opening != NULL
                                                      && self->loading == NULL);
  /* The bundled map is no file to read again. */
  gtk_widget_action_set_enabled (widget, "win.reload",
                                 document && qg_window_get_file (self) != NULL
                                 && g_file_is_native (qg_window_get_file (self)));
  gtk_widget_action_set_enabled (widget, "win.show-reload-errors", self->reload_errors != NULL);
  gtk_widget_set_sensitive (self->filter_button, document);
  gtk_widget_set_sensitive (self->narrow_filter_button, document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_bar), map);
  gtk_widget_set_sensitive (self->search_button, map);
  gtk_widget_set_sensitive (self->legend_button, document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->layout_button), document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->narrow_layout_button), document);
  if (!map && qg_search_bar_get_search_mode (self->search_bar))
    g_object_set (self->search_bar, "search-mode-enabled", FALSE, NULL);
  /* A map with nothing on it yet has nothing to zoom. */
  gtk_widget_set_visible (self->zoom_controls,
                          map && qg_document_get_n_entities (self->document) > 0);
  gtk_widget_set_visible (self->empty_page,
                          map && qg_document_get_n_entities (self->document) == 0);
  qg_window_edit_update_actions (self);
  qg_window_review_update_actions (self);
}

void
qg_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.layout", "layout-engine");
  gtk_widget_class_install_property_action (widget_class, "win.show-legend", "show-legend");
  gtk_widget_class_install_property_action (widget_class, "win.show-sources", "show-sources");
  gtk_widget_class_install_action (widget_class, "win.stop-layout", NULL, stop_layout_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL,
                                   find_previous_action);
  gtk_widget_class_install_action (widget_class, "win.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "win.show-quote", "u", show_quote_action);
  gtk_widget_class_install_action (widget_class, "win.copy-quote", "u", copy_quote_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "(sb)", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.stop-export", NULL, stop_export_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-reload-errors", NULL,
                                   show_reload_errors_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-reload-banner", NULL,
                                   dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s",
                                   show_in_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.show-legend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sources", NULL);
}
