/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-facet.h"
#include "qg-graph.h"
#include "qg-ui-resources.h"
#include "qg-kinds.h"
#include "qg-settings.h"
#include "qg-timings.h"
#include "qg-window-private.h"

G_DEFINE_FINAL_TYPE (QgWindow, qg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LAYOUT_ENGINE,
  PROP_SELECTION,
  PROP_SHOW_LEGEND,
  PROP_SHOW_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

QgWindow *
qg_window_new (GtkApplication *application,
               const char     *layout,
               const char     *select)
{
  QgWindow *self = g_object_new (QG_TYPE_WINDOW, "application", application, NULL);

  self->engine = g_strdup (layout);
  self->pending_selection = g_strdup (select);
  return self;
}

QgGraphView *
qg_window_get_graph_view (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);
  return self->graph_view;
}

QgDocument *
qg_window_get_document (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);
  return self->document;
}

QgSourcePanel *
qg_window_get_source_panel (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);
  return self->source_panel;
}

QgArticleView *
qg_window_get_article_view (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);
  return self->article_view;
}

QgFilter *
qg_window_get_filter (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);
  return self->filter;
}

/* Whether a document is being read, laid out or exported. */
gboolean
qg_window_is_busy (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), FALSE);
  return self->loading != NULL || self->laying_out != NULL || self->exporting > 0
         || self->editing != NULL || self->saving > 0 || self->drafting != NULL
         || self->drawing_loading != NULL;
}

const char *
qg_window_get_layout_engine (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);
  return self->engine;
}

void
qg_window_present_error (QgWindow   *self,
                         const char *heading,
                         const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* The selection: the view's, followed by the panel                          */

/* The panel's new page goes back to where the person was reading once it
 * is measured tall enough for it: an idle callback could come first, on a
 * busy machine, and find the page still empty. A page that stays shorter
 * is scrolled as far as it goes, after a few frames. */
#define PANEL_SCROLL_FRAMES 30

static gboolean
restore_panel_scroll (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  QgWindow *self = user_data;
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (self->panel_scroller);
  gboolean measured = gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll)
                      >= self->panel_scroll;

  if (!measured && ++self->panel_scroll_frames < PANEL_SCROLL_FRAMES)
    return G_SOURCE_CONTINUE;
  self->panel_scroll_tick = 0;
  gtk_adjustment_set_value (scroll, self->panel_scroll);
  return G_SOURCE_REMOVE;
}

static void
stop_restoring_panel_scroll (QgWindow *self)
{
  if (self->panel_scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->panel_scroller), self->panel_scroll_tick);
  self->panel_scroll_tick = 0;
}

static void
update_panel (QgWindow *self)
{
  const char *id = qg_graph_view_get_selection (self->graph_view);
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (self->panel_scroller);
  gboolean same = id != NULL && g_strcmp0 (id, self->panel_id) == 0;

  /* The same selection after an edit stays where the person was reading
   * (once the new page is measured); a new one is read from its heading. */
  if (!same)
    self->panel_scroll = 0;
  /* Made anew twice before it is measured: the place read is the first's. */
  else if (self->panel_scroll_tick == 0)
    self->panel_scroll = gtk_adjustment_get_value (scroll);
  g_free (self->panel_id);
  self->panel_id = g_strdup (id);
  qg_source_panel_show (self->source_panel, id,
                        id != NULL && qg_graph_view_is_hidden (self->graph_view, id));
  gtk_adjustment_set_value (scroll, 0);
  stop_restoring_panel_scroll (self);
  if (self->panel_scroll > 0)
    {
      self->panel_scroll_frames = 0;
      self->panel_scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->panel_scroller),
                                                              restore_panel_scroll, self, NULL);
    }
}

/* What a screen reader says of the map: what is selected, and what it is. */
static void
update_accessible_map (QgWindow *self)
{
  const char *id = qg_graph_view_get_selection (self->graph_view);
  g_autofree char *label = NULL;
  gint entity = self->document != NULL && id != NULL
                ? qg_document_find_entity (self->document, id) : -1;
  gint relation = self->document != NULL && id != NULL
                  ? qg_document_find_relation (self->document, id) : -1;

  if (entity >= 0)
    {
      const QgEntity *e = qg_document_get_entity (self->document, entity);
      g_autofree char *kind = qg_kind_display_name (e->kind);

      /* Translators: what a screen reader says of the map: "Map, Kaspersky
       * Lab, company, selected". */
      label = g_strdup_printf (_("Map, %s, %s, selected"), e->name, kind);
    }
  else if (relation >= 0)
    {
      g_autofree char *sentence = qg_document_relation_sentence (self->document, relation);

      /* Translators: %s is a relation's sentence. */
      label = g_strdup_printf (_("Map, relation: %s, selected"), sentence);
    }
  else
    label = g_strdup (_("Map"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->graph_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
selection_changed_cb (QgWindow *self)
{
  update_panel (self);
  qg_element_list_set_selection (self->element_list,
                                 qg_graph_view_get_selection (self->graph_view));
  update_accessible_map (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/* Selects an element named in the panel, the article or a search, and
 * brings it into view on the map, at @min_zoom at least. */
void
qg_window_select_and_show (QgWindow   *self,
                           const char *id,
                           double      min_zoom)
{
  if (qg_graph_view_set_selection (self->graph_view, id))
    qg_graph_view_center_on_selection (self->graph_view, min_zoom, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Filters and search: what the map hides and what it marks                  */

void
qg_window_apply_filters (QgWindow *self)
{
  g_autofree guint8 *entities = NULL;
  g_autofree guint8 *relations = NULL;

  if (self->document == NULL)
    return;
  qg_filter_apply (self->filter, self->document, &entities, &relations);
  qg_graph_view_set_hidden (self->graph_view, entities, relations);
  update_panel (self);
}

static void
matches_changed_cb (QgWindow *self)
{
  const guint8 *entities, *relations;

  if (self->document == NULL)
    return;
  qg_search_bar_get_matches (self->search_bar, &entities, &relations);
  qg_graph_view_set_matches (self->graph_view, entities, relations);
  qg_window_update_actions (self);
}

/* Closing the search gives the keys back to the map, so that the next
 * Escape clears the selection. */
static void
search_mode_cb (QgWindow *self)
{
  if (!qg_search_bar_get_search_mode (self->search_bar)
      && gtk_widget_get_mapped (GTK_WIDGET (self->graph_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

/* ------------------------------------------------------------------------ */
/* Layout                                                                    */

static void
show_engine (QgWindow *self)
{
  const char *label = qg_graph_engine_label (self->engine);

  gtk_label_set_label (self->layout_label, label);
  gtk_label_set_label (self->narrow_layout_label, label);
}

/* The map takes the keys from the start: the zoom keys the shortcuts
 * window promises work before anything is clicked. */
static void
focus_the_map (QgWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
    gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

/* Milliseconds since the document on its way began to be read. */
static double
since_open (QgWindow *self)
{
  return (g_get_monotonic_time () - self->opened_at) / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                QgWindow      *self)
{
  g_debug ("map drawn at %.0f ms", since_open (self));
  qg_timings_phase ("first frame", self->layout_applied_at);
  qg_timings_phase ("open to frame", self->opened_at);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
}

/* The debug log says when the first map is on screen. */
static void
log_first_frame (QgWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

/* The map of the document on screen gets its layout. */
static void finish_showing     (QgWindow *self);
static void forget_next_layout (QgWindow *self);

static void
apply_layout (QgWindow *self,
              QgLayout *layout)
{
  gboolean first = qg_graph_view_get_layout (self->graph_view) == NULL;

  /* What waited of the document comes first; a layout that waited for
   * its turn is older than this one. */
  finish_showing (self);
  forget_next_layout (self);
  self->layout_applied_at = qg_timings_now ();
  qg_graph_view_set_layout (self->graph_view, layout, !first);
  if (first)
    log_first_frame (self);
  gtk_stack_set_visible_child_name (self->stack, "map");

  if (self->pending_selection != NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->pending_selection);

      if (qg_graph_view_set_selection (self->graph_view, id))
        qg_graph_view_center_on_selection (self->graph_view, 0, FALSE);
      else
        {
          g_autofree char *message = g_strdup_printf (_("No entity or relation “%s” in this "
                                                        "map"), id);
          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
        }
    }
  /* A new version of the map leaves the keys where they were. */
  if (first && !self->reloading)
    focus_the_map (self);
  qg_window_update_actions (self);
}

static void show_new_version   (QgWindow   *self,
                                QgSources  *sources);
static void new_version_failed (QgWindow   *self,
                                const char *errors);

/* The layout's note on the map says how long it has taken so far:
 * Graphviz tells nothing of how far it has come. */
static gboolean
layout_tick (gpointer user_data)
{
  QgWindow *self = user_data;
  guint seconds = (guint) ((g_get_monotonic_time () - self->layout_started) / G_USEC_PER_SEC);
  g_autofree char *message = NULL;

  /* Translators: "Laying out with Large Graphs (sfdp)… 12 s" */
  message = g_strdup_printf (_("Laying out with %s… %u s"), qg_graph_engine_label (self->engine),
                             seconds);
  gtk_label_set_label (self->layout_progress_label, message);
  return G_SOURCE_CONTINUE;
}

static void
layout_ended (QgWindow *self)
{
  g_clear_handle_id (&self->layout_tick_id, g_source_remove);
  gtk_spinner_stop (self->layout_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->layout_spinner), FALSE);
  gtk_widget_set_visible (self->layout_progress, FALSE);
}

/* Stop: the layout's worker ends at once, and what is on screen stays. */
void
qg_window_stop_layout (QgWindow *self)
{
  g_autoptr(QgDocument) document = NULL;

  if (self->laying_out == NULL)
    return;
  g_cancellable_cancel (self->laying_out);
  g_clear_object (&self->laying_out);
  document = g_steal_pointer (&self->laying_out_for);
  layout_ended (self);

  if (self->reloading && document == self->loaded)
    new_version_failed (self, _("Its layout was stopped"));
  else if (qg_graph_view_get_layout (self->graph_view) == NULL)
    {
      adw_status_page_set_title (self->status_page, _("Layout Stopped"));
      adw_status_page_set_description (self->status_page,
                                       _("Choose a layout from the menu at the top to lay the "
                                         "map out."));
    }
  else
    {
      const char *shown = qg_layout_get_engine (qg_graph_view_get_layout (self->graph_view));

      /* The menu says the engine of the map on screen again. */
      if (g_strcmp0 (shown, self->engine) != 0)
        {
          g_free (self->engine);
          self->engine = g_strdup (shown);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_ENGINE]);
          show_engine (self);
        }
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_("Layout stopped; the map on screen is as it "
                                                    "was")));
    }
  qg_window_update_actions (self);
}

static void
layout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout_finish (result, &error);
  g_autoptr(QgDocument) document = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->laying_out);
  document = g_steal_pointer (&self->laying_out_for);
  layout_ended (self);

  if (layout == NULL)
    {
      if (self->reloading && document == self->loaded)
        new_version_failed (self, error->message);
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      qg_window_update_actions (self);
      return;
    }

  g_debug ("laid out with %s at %.0f ms", self->engine, since_open (self));
  /* Laid out while its sources were still being found: it waits for
   * them, and the document on screen stays as it is. */
  if (document != self->document)
    {
      if (document == self->loaded)
        {
          g_clear_pointer (&self->pending_layout, qg_layout_unref);
          self->pending_layout = g_steal_pointer (&layout);
          /* A new version waited for its layout to take the old one's place. */
          if (self->reloading && self->pending_sources != NULL)
            {
              g_autoptr(QgSources) sources = g_steal_pointer (&self->pending_sources);

              show_new_version (self, sources);
            }
        }
      return;
    }
  apply_layout (self, layout);
}

/* Lays @document out with the window's engine, in a thread; a newer
 * request replaces an older one. */
static void
request_layout_of (QgWindow   *self,
                   QgDocument *document)
{
  g_autofree char *message = NULL;

  g_cancellable_cancel (self->laying_out);
  g_clear_object (&self->laying_out);
  g_clear_pointer (&self->pending_layout, qg_layout_unref);
  self->laying_out = g_cancellable_new ();
  g_set_object (&self->laying_out_for, document);

  if (self->engine == NULL)
    {
      g_autofree char *preferred = g_settings_get_string (self->settings, "layout-engine");

      self->engine = g_strdup (qg_graph_engine_is_valid (preferred) ? preferred
                                                                   : qg_graph_engine_for (document));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_ENGINE]);
    }
  show_engine (self);
  /* Laid out again after a layout was stopped before the first map. */
  if (qg_graph_view_get_layout (self->graph_view) == NULL && document == self->document)
    {
      adw_status_page_set_title (self->status_page, _("Laying Out the Map…"));
      adw_status_page_set_description (self->status_page, NULL);
    }
  /* Translators: "Laying out with Hierarchical (dot)…" */
  message = g_strdup_printf (_("Laying out with %s…"), qg_graph_engine_label (self->engine));
  gtk_label_set_label (self->layout_progress_label, message);
  gtk_widget_set_visible (self->layout_progress, TRUE);
  self->layout_started = g_get_monotonic_time ();
  g_clear_handle_id (&self->layout_tick_id, g_source_remove);
  self->layout_tick_id = g_timeout_add_seconds (1, layout_tick, self);
  /* Shown only while it spins: idle, its room is the title's. */
  gtk_widget_set_visible (GTK_WIDGET (self->layout_spinner), TRUE);
  gtk_spinner_start (self->layout_spinner);
  qg_graph_compute_layout_async (document, self->engine, self->laying_out, layout_cb,
                                 g_object_ref (self));
  qg_window_update_actions (self);
}

static void
request_layout (QgWindow *self)
{
  if (self->document != NULL)
    request_layout_of (self, self->document);
}

static void
set_layout_engine (QgWindow   *self,
                   const char *engine)
{
  if (g_strcmp0 (engine, self->engine) == 0 || !qg_graph_engine_is_valid (engine))
    return;
  g_free (self->engine);
  self->engine = g_strdup (engine);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_ENGINE]);
  /* A slow engine for this map says so: the map on screen stays while it
   * works, and Stop, beside its progress, ends it. */
  if (self->document != NULL)
    {
      g_autofree char *warning = qg_graph_engine_warning (engine, self->document);

      if (warning != NULL)
        {
          AdwToast *toast = adw_toast_new (warning);

          adw_toast_set_timeout (toast, 8);
          adw_toast_set_button_label (toast, _("_Stop"));
          adw_toast_set_action_name (toast, "win.stop-layout");
          adw_toast_overlay_add_toast (self->toasts, toast);
        }
    }
  /* An edit on its way to the screen is laid out again, with this engine. */
  if (!qg_window_relayout_edit (self))
    request_layout (self);
}

static void
label_size_changed_cb (QgWindow *self)
{
  qg_graph_view_set_name_pixels (self->graph_view,
                                 g_settings_get_int (self->settings, "label-size"));
}

/* A new default layout applies at once, to the map on screen too. */
static void
preferred_engine_changed_cb (QgWindow *self)
{
  g_autofree char *preferred = g_settings_get_string (self->settings, "layout-engine");

  if (qg_graph_engine_is_valid (preferred))
    set_layout_engine (self, preferred);
}

/* The engines by the names people know them by, from the core's list. */
static GMenuModel *
layout_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (const char * const *engine = qg_graph_engines (); *engine; engine++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (qg_graph_engine_label (*engine), NULL);

      g_menu_item_set_action_and_target (item, "win.layout", "s", *engine);
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, _("Layout"), G_MENU_MODEL (section));
  return G_MENU_MODEL (menu);
}

/* ------------------------------------------------------------------------ */
/* Documents                                                                 */

/* The panels that read the document's text: the sources, the article,
 * the search. */
static void
show_text_beside_map (QgWindow   *self,
                      QgDocument *document,
                      QgSources  *sources)
{
  qg_source_panel_set_document (self->source_panel, document, sources);
  qg_article_view_set_document (self->article_view, document, sources);
  qg_search_bar_set_document (self->search_bar, document, sources);
}

/* And those of its kinds and elements: the legend, the filters, the
 * review, the list. */
static void
show_facets_beside_map (QgWindow   *self,
                        QgDocument *document)
{
  g_autoptr(GListModel) facets = qg_facet_list_new (document, self->filter);

  /* An edit seldom brings a new kind or stance: then the legend and the
   * filters keep their rows (rebuilding them was most of the 20 ms an
   * edit of a 1,000-entity map kept the main loop). */
  if (self->facets == NULL || !qg_facet_list_equal (self->facets, facets))
    {
      g_set_object (&self->facets, facets);
      qg_legend_set_model (self->legend, self->facets);
      qg_filter_popover_set_model (self->filter_popover, self->facets);
      qg_filter_popover_set_model (self->narrow_filter_popover, self->facets);
    }
  qg_review_panel_set_document (self->review_panel, document);
  qg_element_list_set_document (self->element_list, document);
  qg_element_list_set_selection (self->element_list,
                                 qg_graph_view_get_selection (self->graph_view));
  update_accessible_map (self);
  qg_window_review_follow (self);
}

void
qg_window_show_beside_map (QgWindow   *self,
                           QgDocument *document,
                           QgSources  *sources)
{
  g_clear_handle_id (&self->facets_idle, g_source_remove);
  show_text_beside_map (self, document, sources);
  show_facets_beside_map (self, document);
}

static gboolean apply_next_layout (gpointer user_data);

static gboolean
show_facets_cb (gpointer user_data)
{
  QgWindow *self = user_data;

  self->facets_idle = 0;
  show_facets_beside_map (self, self->document);
  /* And the map, after the frame that draws them. */
  if (self->next_layout != NULL)
    self->next_layout_idle = g_idle_add (apply_next_layout, self);
  return G_SOURCE_REMOVE;
}

/* What waits of a new document's panels is shown now: its map is about
 * to be, and they go with it. */
static void
finish_showing (QgWindow *self)
{
  if (self->facets_idle == 0)
    return;
  g_clear_handle_id (&self->facets_idle, g_source_remove);
  show_facets_beside_map (self, self->document);
}

static gboolean
apply_next_layout (gpointer user_data)
{
  QgWindow *self = user_data;
  g_autoptr(QgLayout) layout = g_steal_pointer (&self->next_layout);

  self->next_layout_idle = 0;
  apply_layout (self, layout);
  return G_SOURCE_REMOVE;
}

static void
forget_next_layout (QgWindow *self)
{
  g_clear_handle_id (&self->next_layout_idle, g_source_remove);
  g_clear_pointer (&self->next_layout, qg_layout_unref);
}

static void
show_document (QgWindow   *self,
               QgDocument *document,
               QgSources  *sources,
               gboolean    new_version)
{
  g_set_object (&self->document, document);
  g_clear_pointer (&self->sources, qg_sources_unref);
  self->sources = qg_sources_ref (sources);
  if (!new_version)
    {
      g_free (self->shown_name);
      self->shown_name = g_strdup (self->opening_name);
      if (qg_document_get_file (document) != NULL)
        qg_window_remember_recent (qg_document_get_file (document), "application/json");
      /* What was said or waited for of the last document's file is past. */
      qg_window_forget_changes (self);
      /* A map with drafts opens on them. */
      self->reveal_review = TRUE;
    }
  /* A version read from the file starts a history of its own. */
  qg_window_edit_reset (self, document);
  qg_window_watch_files (self);

  qg_graph_view_set_document (self->graph_view, document);
  /* A new document shows everything. */
  if (!new_version)
    qg_filter_reset (self->filter);
  /* A new document is shown over three frames, each under one frame's
   * time with 10,000 entities: its text's panels, then its legend,
   * filters and list, then its map (if laid out already). A new version
   * takes the old one's place at once. */
  forget_next_layout (self);
  if (new_version)
    qg_window_show_beside_map (self, document, sources);
  else
    {
      g_clear_handle_id (&self->facets_idle, g_source_remove);
      show_text_beside_map (self, document, sources);
      self->facets_idle = g_idle_add (show_facets_cb, self);
    }

  if (qg_graph_view_get_layout (self->graph_view) == NULL)
    {
      g_autofree char *counts = g_strdup_printf (_("%u entities and %u relations; every quote "
                                                   "was found in the article."),
                                                 qg_document_get_n_entities (document),
                                                 qg_document_get_n_relations (document));

      adw_status_page_set_title (self->status_page, _("Laying Out the Map…"));
      adw_status_page_set_description (self->status_page, counts);
    }

  /* Its layout was begun when it was read, and may be done already. */
  if (self->pending_layout != NULL && !new_version)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      self->next_layout = g_steal_pointer (&self->pending_layout);
    }
  else if (self->pending_layout != NULL)
    {
      g_autoptr(QgLayout) layout = g_steal_pointer (&self->pending_layout);

      apply_layout (self, layout);
    }
  else if (self->laying_out_for != document)
    request_layout (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "loading");
  qg_window_update_actions (self);
}

void
qg_window_update_title (QgWindow *self)
{
  QgDocument *document = self->document;
  const char *source;
  g_autofree char *title = NULL;

  if (document == NULL)
    return;
  source = qg_document_get_source (document);
  /* Translators: the title of a map with unsaved changes */
  title = qg_window_get_modified (self) ? g_strdup_printf (_("• %s"),
                                                           qg_document_get_title (document))
                                        : g_strdup (qg_document_get_title (document));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, source ? source : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
sources_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgSources) sources = qg_sources_new_finish (result, &error);
  g_autoptr(QgDocument) document = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_debug ("sources found at %.0f ms", since_open (self));
  /* A new version is shown once laid out: the old map stays till then. */
  if (self->reloading)
    {
      if (self->pending_layout != NULL)
        show_new_version (self, sources);
      else
        self->pending_sources = qg_sources_ref (sources);
      return;
    }
  document = g_steal_pointer (&self->loaded);
  g_clear_object (&self->loading);
  show_document (self, document, sources, FALSE);
  g_debug ("document shown at %.0f ms", since_open (self));
}

/* A new version of the document on screen takes its place where the
 * person was: the same part of the map at the same zoom (or the whole
 * map, if it was fitted), the same selection if it is still there, the
 * same filters. */
static void
show_new_version (QgWindow  *self,
                  QgSources *sources)
{
  QgViewport *viewport = qg_graph_view_get_viewport (self->graph_view);
  g_autoptr(QgDocument) document = g_steal_pointer (&self->loaded);
  g_autofree char *selection = g_strdup (qg_graph_view_get_selection (self->graph_view));
  gboolean fitted = qg_viewport_get_fitted (viewport);
  double zoom = qg_viewport_get_zoom (viewport);
  double width = gtk_widget_get_width (GTK_WIDGET (self->graph_view));
  double height = gtk_widget_get_height (GTK_WIDGET (self->graph_view));
  double cx, cy;

  qg_viewport_to_layout (viewport, width / 2, height / 2, &cx, &cy);
  g_clear_object (&self->loading);
  show_document (self, document, sources, TRUE);
  qg_graph_view_set_selection (self->graph_view, selection);
  if (!fitted)
    {
      qg_viewport_zoom_at (viewport, zoom / qg_viewport_get_zoom (viewport), width / 2,
                           height / 2);
      qg_viewport_center_on (viewport, cx, cy, 0, FALSE);
    }
  qg_window_apply_filters (self);
  self->reloading = FALSE;
  qg_window_hide_reload_banner (self);
  qg_window_update_actions (self);
  g_debug ("new version shown at %.0f ms", since_open (self));
}

/* The new version could not be shown: the old map stays, and a banner
 * says why. */
static void
new_version_failed (QgWindow   *self,
                    const char *errors)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->loaded);
  g_clear_pointer (&self->pending_sources, qg_sources_unref);
  g_clear_pointer (&self->pending_layout, qg_layout_unref);
  self->reloading = FALSE;
  qg_window_show_reload_banner (self, errors);
  qg_window_update_actions (self);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) document = qg_document_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A document that fails to load leaves the one on screen untouched. */
  if (document == NULL && self->reloading)
    {
      new_version_failed (self, error->message);
      return;
    }
  if (document == NULL)
    {
      g_clear_object (&self->loading);
      qg_window_show_load_error (self, error->message);
      qg_window_update_actions (self);
      return;
    }
  g_debug ("loaded at %.0f ms", since_open (self));
  /* Its mentions are found in a thread, before it is shown; its layout,
   * the longest part, in another at the same time. */
  g_set_object (&self->loaded, document);
  request_layout_of (self, document);
  qg_sources_new_async (document, self->loading, sources_cb, g_object_ref (self));
}

/* Whatever was on its way is dropped for what comes now. */
static void
start_loading (QgWindow *self,
               gboolean  new_version)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->loaded);
  g_clear_pointer (&self->pending_sources, qg_sources_unref);
  /* A draft of the last document is of no use to this one. */
  g_cancellable_cancel (self->drafting);
  g_clear_object (&self->drafting);
  g_clear_object (&self->drafting_for);
  self->loading = g_cancellable_new ();
  self->reloading = new_version;
  self->opened_at = g_get_monotonic_time ();
}

/* The file last asked for, which "Try Again" reads again. */
GFile *
qg_window_get_file (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);

  if (self->document == NULL)
    return NULL;
  /* Where it was last saved, or read from. */
  return self->save_file != NULL ? self->save_file : qg_document_get_file (self->document);
}

/* A new map of an article, with no file yet: shown as a document read
 * would be, and saved with Save As. */
void
qg_window_show_new_map (QgWindow   *self,
                        QgDocument *document)
{
  g_return_if_fail (QG_IS_WINDOW (self));
  g_return_if_fail (QG_IS_DOCUMENT (document));

  start_loading (self, FALSE);
  qg_window_set_opening (self, NULL, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "document");
  g_set_object (&self->loaded, document);
  request_layout_of (self, document);
  qg_sources_new_async (document, self->loading, sources_cb, g_object_ref (self));
  qg_window_update_actions (self);
}

/* A recovery copy: shown as a new map is, its changes unsaved, to be
 * saved over @original (NULL: where the person says); its copy @id is
 * this window's, until then. */
void
qg_window_show_recovered (QgWindow   *self,
                          QgDocument *document,
                          GFile      *original,
                          const char *id)
{
  g_return_if_fail (QG_IS_WINDOW (self));

  g_set_object (&self->recovered_file, original);
  g_free (self->recovered_id);
  self->recovered_id = g_strdup (id);
  qg_window_show_new_map (self, document);
}

void
qg_window_set_opening (QgWindow   *self,
                       GFile      *file,
                       const char *display_name)
{
  if (self->opening == file)
    return;
  g_set_object (&self->opening, file);
  g_free (self->opening_name);
  self->opening_name = g_strdup (display_name);
}

void
qg_window_open (QgWindow   *self,
                GFile      *file,
                const char *display_name)
{
  g_return_if_fail (QG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  qg_window_drawing_leave (self);
  start_loading (self, FALSE);
  qg_window_set_opening (self, file, display_name);
  gtk_stack_set_visible_child_name (self->main_stack, "document");
  qg_window_update_actions (self);
  qg_document_load_async (file, display_name, self->loading, load_cb, g_object_ref (self));
}

/* Reads the file of the document on screen again; its new version takes
 * the old one's place once it is laid out, or leaves it, with a banner
 * that says why. */
void
qg_window_load_new_version (QgWindow *self)
{
  GFile *file = qg_window_get_file (self);

  /* An open under way shows a newer document still. */
  if (file == NULL || (self->loading != NULL && !self->reloading))
    return;
  start_loading (self, TRUE);
  qg_window_update_actions (self);
  qg_document_load_async (file, self->shown_name, self->loading, load_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------ */
/* Tooltips                                                                  */

/* GTK 4.8 wraps a tooltip at its longest word's width when it is short
 * ("Zoom" over "Out"): the buttons' tooltips are one line of their own. */
static gboolean
one_line_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  const char *text = gtk_widget_get_tooltip_text (widget);
  GtkWidget *label;

  if (text == NULL)
    return FALSE;
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

static void
one_line_tooltips (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if ((GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child))
          && gtk_widget_get_tooltip_text (child) != NULL)
        g_signal_connect (child, "query-tooltip", G_CALLBACK (one_line_tooltip_cb), NULL);
      one_line_tooltips (child);
    }
}

/* ------------------------------------------------------------------------ */
/* Narrow and wide                                                           */

static void set_show_sources (QgWindow *self,
                              gboolean  show);
static void set_show_legend  (QgWindow *self,
                              gboolean  show);

/* Narrow, the sources cover the map when asked for, and the legend folds
 * away; wide again, both come back as the person last had them: what is
 * chosen while narrow is not kept. */
static gboolean
apply_folded (gpointer user_data)
{
  QgWindow *self = user_data;
  gboolean folded = adw_flap_get_folded (self->flap);

  self->folded_idle = 0;
  /* Narrow, the layout, filter and legend buttons go to a bar below, and
   * Open to the main menu, where it is too: the title keeps its room. */
  gtk_widget_set_visible (self->open_button, !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->layout_button), !folded);
  gtk_widget_set_visible (self->filter_button, !folded);
  gtk_widget_set_visible (self->legend_button, !folded);
  gtk_action_bar_set_revealed (self->narrow_bar, folded);
  set_show_sources (self, !folded && g_settings_get_boolean (self->settings, "show-sources"));
  set_show_legend (self, !folded && g_settings_get_boolean (self->settings, "show-legend"));
  return G_SOURCE_REMOVE;
}

/* The flap folds while it is allocated: what changes size with it waits
 * for the allocation to be over. */
static void
folded_cb (QgWindow *self)
{
  if (self->folded_idle == 0)
    self->folded_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_folded, self, NULL);
}

/* Narrow, a click beside the sources or a swipe closes them. */
static void
reveal_flap_cb (QgWindow *self)
{
  set_show_sources (self, adw_flap_get_reveal_flap (self->flap));
}

/* ------------------------------------------------------------------------ */

static gboolean
update_zoom_label (gpointer user_data)
{
  QgWindow *self = user_data;
  double zoom = qg_viewport_get_zoom (qg_graph_view_get_viewport (self->graph_view));
  g_autofree char *text = g_strdup_printf ("%.0f%%", zoom * 100);

  self->zoom_label_idle = 0;
  gtk_label_set_label (self->zoom_label, text);
  return G_SOURCE_REMOVE;
}

/* The zoom changes while the view is allocated (a fitted map refits): the
 * label, which could resize its box then, follows once that is done. */
static void
zoom_changed_cb (QgWindow *self)
{
  if (self->zoom_label_idle == 0)
    self->zoom_label_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_zoom_label, self, NULL);
}

/* What the person chose, while wide. */
static void
remember (QgWindow   *self,
          const char *key,
          gboolean    value)
{
  if (!adw_flap_get_folded (self->flap) && g_settings_get_boolean (self->settings, key) != value)
    g_settings_set_boolean (self->settings, key, value);
}

static void
set_show_sources (QgWindow *self,
                  gboolean  show)
{
  remember (self, "show-sources", show);
  if (self->show_sources == show)
    return;
  self->show_sources = show;
  adw_flap_set_reveal_flap (self->flap, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SOURCES]);
}

static void
set_show_legend (QgWindow *self,
                 gboolean  show)
{
  remember (self, "show-legend", show);
  if (self->show_legend == show)
    return;
  self->show_legend = show;
  gtk_revealer_set_reveal_child (self->legend_revealer, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

static gboolean
qg_window_close_request (GtkWindow *window)
{
  QgWindow *self = QG_WINDOW (window);
  int width, height;

  /* An edit being made is a change too: the window closes once it is
   * made, asking first what to do with it. */
  if (self->applying != NULL)
    {
      self->close_after_edit = TRUE;
      return TRUE;
    }
  if (!qg_window_confirm_close (self))
    return TRUE;
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (qg_window_parent_class)->close_request (window);
}

static void
qg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  QgWindow *self = QG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT_ENGINE:
      g_value_set_string (value, self->engine ? self->engine : "");
      break;
    case PROP_SELECTION:
      g_value_set_string (value, qg_graph_view_get_selection (self->graph_view));
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_SHOW_SOURCES:
      g_value_set_boolean (value, self->show_sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  QgWindow *self = QG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT_ENGINE:
      set_layout_engine (self, g_value_get_string (value));
      break;
    case PROP_SELECTION:
      qg_graph_view_set_selection (self->graph_view, g_value_get_string (value));
      break;
    case PROP_SHOW_LEGEND:
      set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_SOURCES:
      set_show_sources (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_window_dispose (GObject *object)
{
  QgWindow *self = QG_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_cancellable_cancel (self->laying_out);
  g_clear_object (&self->laying_out);
  g_clear_object (&self->laying_out_for);
  g_clear_handle_id (&self->layout_tick_id, g_source_remove);
  g_clear_pointer (&self->pending_layout, qg_layout_unref);
  forget_next_layout (self);
  g_clear_handle_id (&self->facets_idle, g_source_remove);
  g_clear_pointer (&self->pending_sources, qg_sources_unref);
  qg_window_reload_dispose (self);
  g_clear_object (&self->document);
  g_clear_object (&self->loaded);
  g_clear_object (&self->opening);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->zoom_label_idle, g_source_remove);
  g_clear_handle_id (&self->folded_idle, g_source_remove);
  stop_restoring_panel_scroll (self);
  g_clear_pointer (&self->sources, qg_sources_unref);
  qg_window_export_dispose (self);
  qg_window_edit_dispose (self);
  qg_window_save_dispose (self);
  qg_window_open_dispose (self);
  qg_window_review_dispose (self);
  qg_window_drawing_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_WINDOW);
  g_clear_object (&self->facets);
  g_clear_object (&self->filter);
  g_clear_object (&self->edit_menu);
  g_clear_object (&self->recovered_file);

  G_OBJECT_CLASS (qg_window_parent_class)->dispose (object);
}

static void
qg_window_finalize (GObject *object)
{
  QgWindow *self = QG_WINDOW (object);

  g_free (self->panel_id);
  g_free (self->engine);
  g_free (self->recovered_id);
  g_free (self->opening_name);
  g_free (self->shown_name);
  g_free (self->pending_selection);

  qg_window_export_finalize (self);
  G_OBJECT_CLASS (qg_window_parent_class)->finalize (object);
}

static void
qg_window_class_init (QgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = qg_window_get_property;
  object_class->set_property = qg_window_set_property;
  object_class->dispose = qg_window_dispose;
  object_class->finalize = qg_window_finalize;
  window_class->close_request = qg_window_close_request;

  properties[PROP_LAYOUT_ENGINE] =
    g_param_spec_string ("layout-engine", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SOURCES] =
    g_param_spec_boolean ("show-sources", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource keeps it linked in from the static library,
   * which registers it. */
  g_assert (qg_ui_get_resource () != NULL);
  g_type_ensure (QG_TYPE_ELEMENT_LIST);
  g_type_ensure (QG_TYPE_GRAPH_VIEW);
  g_type_ensure (QG_TYPE_SOURCE_PANEL);
  g_type_ensure (QG_TYPE_ARTICLE_VIEW);
  g_type_ensure (QG_TYPE_LEGEND);
  g_type_ensure (QG_TYPE_FILTER_POPOVER);
  g_type_ensure (QG_TYPE_SEARCH_BAR);
  g_type_ensure (QG_TYPE_REVIEW_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/qg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QgWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, open_section);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, reload_banner);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, reload_banner_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, element_list);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, failure_errors);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_button);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, narrow_filter_button);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, legend_button);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, narrow_bar);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, narrow_layout_button);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, narrow_layout_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_spinner);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_progress);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, export_progress);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, export_progress_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_progress_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, zoom_controls);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, legend_revealer);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, narrow_filter_popover);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, panel_scroller);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, source_panel);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, side_switcher);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, review_panel);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, empty_page);

  qg_window_class_init_actions (widget_class);
  qg_window_class_init_edit (widget_class);
  qg_window_class_init_save (widget_class);
  qg_window_class_init_review (widget_class);
}

static void
qg_window_init (QgWindow *self)
{
  g_autoptr(GMenuModel) layouts = layout_menu ();
  QgViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));
  qg_graph_view_set_obscuring (self->graph_view, self->zoom_controls);
  one_line_tooltips (GTK_WIDGET (self));
  /* Undo and Redo after opening and saving, named after what they would do. */
  self->edit_menu = g_menu_new ();
  g_menu_insert_section (self->primary_menu, 3, NULL, G_MENU_MODEL (self->edit_menu));
  self->filter = qg_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (qg_window_apply_filters), self,
                           G_CONNECT_SWAPPED);
  qg_element_list_set_filter (self->element_list, self->filter);
  gtk_menu_button_set_menu_model (self->layout_button, layouts);
  gtk_menu_button_set_menu_model (self->narrow_layout_button, layouts);
  /* Until a document's size picks an engine. */
  gtk_label_set_label (self->layout_label, _("Layout"));
  gtk_label_set_label (self->narrow_layout_label, _("Layout"));

  /* The map's zoom actions serve the window's buttons too. */
  viewport = qg_graph_view_get_viewport (self->graph_view);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "zoom",
                                  qg_viewport_get_actions (viewport));
  g_signal_connect_object (viewport, "notify::zoom", G_CALLBACK (zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->graph_view, "notify::selection",
                            G_CALLBACK (selection_changed_cb), self);

  self->settings = qg_settings_new ();
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Written by the setters, and only while wide. */
  g_signal_connect_swapped (self->settings, "changed::layout-engine",
                            G_CALLBACK (preferred_engine_changed_cb), self);
  g_signal_connect_swapped (self->settings, "changed::label-size",
                            G_CALLBACK (label_size_changed_cb), self);
  label_size_changed_cb (self);
  g_settings_bind (self->settings, "show-legend", self, "show-legend", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-sources", self, "show-sources", G_SETTINGS_BIND_GET);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (reveal_flap_cb),
                            self);

  qg_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->graph_view));
  g_signal_connect_swapped (self->search_bar, "notify::n-matches",
                            G_CALLBACK (matches_changed_cb), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);
  g_signal_connect_swapped (self->graph_view, "map", G_CALLBACK (focus_the_map), self);
  qg_window_open_init (self);
  qg_window_review_init (self);
  qg_window_drawing_init (self);
  qg_window_update_actions (self);
}
