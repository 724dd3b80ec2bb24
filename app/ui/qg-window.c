/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-article-view.h"
#include "qg-document.h"
#include "qg-export.h"
#include "qg-graph-view.h"
#include "qg-source-panel.h"
#include "qg-graph.h"
#include "qg-kinds.h"
#include "qg-ui-resources.h"
#include "qg-window.h"

struct _QgWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *loading;
  GCancellable         *laying_out;
  QgDocument           *document;
  QgDocument           *loaded;          /* read, its sources being found */
  char                 *engine;          /* NULL: chosen by the document's size */
  char                 *pending_selection;
  gboolean              show_legend;
  gboolean              show_sources;
  guint                 zoom_label_idle;
  QgSources            *sources;

  /* The search: matching ids in order, and the one last gone to. */
  GPtrArray            *matches;
  int                   match;

  /* The filters: kinds and stances not shown. */
  GHashTable           *hidden_kinds;
  gboolean              hidden_stances[3];

  /* Export: the dialog while it is open, writes under way, and the folder
   * last written to. */
  GtkFileChooserNative *export_dialog;
  guint                 exporting;
  GFile                *export_folder;

  AdwToastOverlay      *toasts;
  AdwWindowTitle       *window_title;
  AdwStatusPage        *status_page;
  GtkStack             *stack;
  QgGraphView          *graph_view;
  GtkLabel             *layout_label;
  GtkSpinner           *layout_spinner;
  GtkWidget            *layout_progress;
  GtkLabel             *layout_progress_label;
  GtkLabel             *zoom_label;
  GtkFlowBox           *legend;
  GtkRevealer          *legend_revealer;
  GtkWidget            *side;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count;
  GtkToggleButton      *search_button;
  GtkBox               *filter_box;
  QgSourcePanel        *source_panel;
  QgArticleView        *article_view;
};

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

/* Whether a document is being read, laid out or exported. */
gboolean
qg_window_is_busy (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), FALSE);
  return self->loading != NULL || self->laying_out != NULL || self->exporting > 0;
}

const char *
qg_window_get_layout_engine (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);
  return self->engine;
}

/* ------------------------------------------------------------------------ */
/* The legend                                                                */

/* The nine styled kinds, in the legend's order. */
static const char *const known_kinds[] = {
  "person", "agency", "government", "company", "retailer", "media", "group", "country", "event",
};

static void
draw_kind_swatch (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  const char *kind = user_data;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  g_autofree char *fill_name = g_strdup_printf ("qg_%s_fill", kind);
  g_autofree char *stroke_name = g_strdup_printf ("qg_%s_stroke", kind);
  GdkRGBA fill, stroke;

  if (!gtk_style_context_lookup_color (context, fill_name, &fill))
    gtk_style_context_lookup_color (context, "qg_other_fill", &fill);
  if (!gtk_style_context_lookup_color (context, stroke_name, &stroke))
    gtk_style_context_lookup_color (context, "qg_other_stroke", &stroke);

  cairo_rectangle (cr, 1.5, 1.5, width - 3, height - 3);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &stroke);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_stance_swatch (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  QgStance stance = GPOINTER_TO_INT (user_data);
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  g_autofree char *name = g_strdup_printf ("qg_%s", qg_stance_to_string (stance));
  GdkRGBA color;

  gtk_style_context_lookup_color (context, name, &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2);
  if (stance == QG_STANCE_NEUTRAL)
    cairo_set_dash (cr, (double[]) { 4, 2 }, 2, 0);
  cairo_move_to (cr, 1, height / 2.0);
  cairo_line_to (cr, width - 5, height / 2.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, width - 1, height / 2.0);
  cairo_line_to (cr, width - 7, height / 2.0 - 4);
  cairo_line_to (cr, width - 7, height / 2.0 + 4);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static GtkWidget *
add_legend_row (QgWindow              *self,
                GtkDrawingAreaDrawFunc  draw,
                gpointer                data,
                GDestroyNotify          destroy,
                const char             *label)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_widget_add_css_class (swatch, "legend-swatch");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw, data, destroy);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), text);
  gtk_widget_set_tooltip_text (row, _("Click to hide or show"));
  gtk_flow_box_append (self->legend, row);
  return row;
}

/* The kinds and stances present in the document, and no others. */
static void
update_legend (QgWindow *self)
{
  g_autoptr(GPtrArray) other_kinds = g_ptr_array_new ();
  gboolean kinds[G_N_ELEMENTS (known_kinds)] = { FALSE };
  gboolean stances[3] = { FALSE };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_flow_box_remove (self->legend, child);
  if (self->document == NULL)
    return;

  for (guint i = 0; i < qg_document_get_n_entities (self->document); i++)
    {
      const char *kind = qg_document_get_entity (self->document, i)->kind;
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (known_kinds); k++)
        if (g_str_equal (kind, known_kinds[k]))
          known = kinds[k] = TRUE;
      if (!known && !g_ptr_array_find_with_equal_func (other_kinds, kind, g_str_equal, NULL))
        g_ptr_array_add (other_kinds, (gpointer) kind);
    }
  for (guint i = 0; i < qg_document_get_n_relations (self->document); i++)
    stances[qg_document_get_relation (self->document, i)->stance] = TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (known_kinds); k++)
    if (kinds[k])
      {
        g_autofree char *label = qg_kind_display_name (known_kinds[k]);

        g_object_set_data_full (G_OBJECT (add_legend_row (self, draw_kind_swatch,
                                                          (gpointer) known_kinds[k], NULL,
                                                          label)),
                                "kind", g_strdup (known_kinds[k]), g_free);
      }
  /* Other kinds share the neutral style, and are listed by their own name. */
  for (guint i = 0; i < other_kinds->len; i++)
    g_object_set_data_full (G_OBJECT (add_legend_row (self, draw_kind_swatch, g_strdup ("other"),
                                                      g_free, g_ptr_array_index (other_kinds, i))),
                            "kind", g_strdup (g_ptr_array_index (other_kinds, i)), g_free);

  if (stances[0] || stances[1] || stances[2])
    {
      static const char *stance_labels[] = { N_("Neutral"), N_("Supports"), N_("Opposes") };
      static const QgStance order[] = { QG_STANCE_SUPPORT, QG_STANCE_OPPOSE, QG_STANCE_NEUTRAL };

      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        if (stances[order[i]])
          g_object_set_data (G_OBJECT (add_legend_row (self, draw_stance_swatch,
                                                       GINT_TO_POINTER (order[i]), NULL,
                                                       _(stance_labels[order[i]]))),
                             "stance", GINT_TO_POINTER (order[i] + 1));
    }
}

/* ------------------------------------------------------------------------ */
/* Sources: the panel and the article                                        */

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

static void
update_panel (QgWindow *self)
{
  const char *id = qg_graph_view_get_selection (self->graph_view);

  qg_source_panel_show (self->source_panel, id,
                        id != NULL && qg_graph_view_is_hidden (self->graph_view, id));
}

/* Selects an element named in the panel, the article or a search, and
 * brings it into view on the map. */
static void
select_and_show (QgWindow   *self,
                 const char *id)
{
  if (qg_graph_view_set_selection (self->graph_view, id))
    qg_graph_view_center_on_selection (self->graph_view, TRUE);
}

static void
show_quote_cb (QgWindow *self,
               guint     quote)
{
  if (!self->show_sources)
    g_object_set (self, "show-sources", TRUE, NULL);
  qg_article_view_show_quote (self->article_view, quote);
}

static void
copied_cb (QgWindow   *self,
           const char *citation)
{
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new (_("Copied the quote with its citation")));
}

/* ------------------------------------------------------------------------ */
/* Search                                                                    */

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static void
add_match (QgWindow   *self,
           GHashTable *seen,
           const char *id)
{
  if (g_hash_table_add (seen, (gpointer) id))
    g_ptr_array_add (self->matches, (gpointer) id);
}

/* Entities by name or alias, relations by label, and for quotes, what
 * they back and who says them; in the order of the map, entities first. */
static void
search_changed_cb (QgWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint8 *entities = NULL;
  g_autofree guint8 *relations = NULL;
  QgDocument *doc = self->document;
  guint n_entities, n_relations;

  g_ptr_array_set_size (self->matches, 0);
  self->match = -1;
  if (doc == NULL || needle[0] == '\0')
    {
      qg_graph_view_set_matches (self->graph_view, NULL, NULL);
      gtk_label_set_label (self->search_count, "");
      return;
    }

  n_entities = qg_document_get_n_entities (doc);
  n_relations = qg_document_get_n_relations (doc);
  entities = g_new0 (guint8, MAX (n_entities, 1));
  relations = g_new0 (guint8, MAX (n_relations, 1));

  for (guint e = 0; e < n_entities; e++)
    {
      const QgEntity *entity = qg_document_get_entity (doc, e);
      gboolean hit = contains_folded (entity->name, needle);

      for (guint a = 0; !hit && entity->aliases[a]; a++)
        hit = contains_folded (entity->aliases[a], needle);
      entities[e] = hit;
    }
  for (guint r = 0; r < n_relations; r++)
    relations[r] = contains_folded (qg_document_get_relation (doc, r)->label, needle);
  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    {
      const QgQuote *quote = qg_document_get_quote (doc, q);
      guint n;
      const guint *backed;

      if (!contains_folded (quote->text, needle))
        continue;
      backed = qg_sources_relations_of_quote (self->sources, q, &n);
      for (guint i = 0; i < n; i++)
        relations[backed[i]] = TRUE;
      if (quote->speaker >= 0)
        entities[quote->speaker] = TRUE;
    }

  /* Entities as Tab goes through them, then relations. */
  for (guint e = 0; e < n_entities; e++)
    if (entities[e])
      add_match (self, seen, qg_document_get_entity (doc, e)->id);
  for (guint r = 0; r < n_relations; r++)
    if (relations[r])
      add_match (self, seen, qg_document_get_relation (doc, r)->id);

  qg_graph_view_set_matches (self->graph_view, entities, relations);
  if (self->matches->len == 0)
    gtk_label_set_label (self->search_count, _("No matches"));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match",
                                                             "%u matches", self->matches->len),
                                                self->matches->len);
      gtk_label_set_label (self->search_count, count);
    }
}

static void
go_to_match (QgWindow *self,
             int       step)
{
  g_autofree char *position = NULL;

  if (self->matches->len == 0)
    return;
  if (self->match < 0)
    self->match = step > 0 ? 0 : (int) self->matches->len - 1;
  else
    self->match = (self->match + step + (int) self->matches->len) % (int) self->matches->len;
  select_and_show (self, g_ptr_array_index (self->matches, self->match));
  /* Translators: the search's place among its matches: "2 of 5" */
  position = g_strdup_printf (_("%d of %u"), self->match + 1, self->matches->len);
  gtk_label_set_label (self->search_count, position);
}

static void
go_to_match_next (QgWindow *self)
{
  go_to_match (self, 1);
}

static void
go_to_match_previous (QgWindow *self)
{
  go_to_match (self, -1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);

  if (g_str_equal (action_name, "win.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    go_to_match (self, g_str_equal (action_name, "win.find-next") ? 1 : -1);
}

static void
search_mode_cb (QgWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      qg_graph_view_set_matches (self->graph_view, NULL, NULL);
    }
}

static gboolean
search_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               QgWindow              *self)
{
  /* Enter goes to the next match, Shift+Enter to the previous one. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      go_to_match (self, -1);
      return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                   */

/* What the filters hide, as one flag per entity and per relation; returns
 * whether they hide anything. */
static gboolean
filter_flags (QgWindow  *self,
              guint8   **entities_out,
              guint8   **relations_out)
{
  QgDocument *doc = self->document;
  guint n_entities = qg_document_get_n_entities (doc);
  guint n_relations = qg_document_get_n_relations (doc);
  guint8 *entities = g_new0 (guint8, MAX (n_entities, 1));
  guint8 *relations = g_new0 (guint8, MAX (n_relations, 1));
  gboolean any = FALSE;

  for (guint e = 0; e < n_entities; e++)
    {
      entities[e] = g_hash_table_contains (self->hidden_kinds,
                                           qg_document_get_entity (doc, e)->kind);
      any |= entities[e];
    }
  /* An edge goes with either end, and with its stance. */
  for (guint r = 0; r < n_relations; r++)
    {
      const QgRelation *relation = qg_document_get_relation (doc, r);

      relations[r] = self->hidden_stances[relation->stance] || entities[relation->source]
                     || entities[relation->target];
      any |= relations[r];
    }
  *entities_out = entities;
  *relations_out = relations;
  return any;
}

static void
apply_filters (QgWindow *self)
{
  g_autofree guint8 *entities = NULL;
  g_autofree guint8 *relations = NULL;

  filter_flags (self, &entities, &relations);
  qg_graph_view_set_hidden (self->graph_view, entities, relations);
  update_panel (self);
}

/* The legend is a way to the filters: a click on a kind or a stance
 * hides it or shows it again. */
static void
legend_activated_cb (GtkFlowBox      *box,
                     GtkFlowBoxChild *child,
                     QgWindow        *self)
{
  GtkWidget *row = gtk_flow_box_child_get_child (child);
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  int stance = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "stance")) - 1;

  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box)); check;
       check = gtk_widget_get_next_sibling (check))
    {
      const char *check_kind = g_object_get_data (G_OBJECT (check), "kind");
      gboolean is_stance = GTK_IS_CHECK_BUTTON (check) && check_kind == NULL;

      if ((kind != NULL && g_strcmp0 (check_kind, kind) == 0)
          || (kind == NULL && is_stance
              && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "stance")) == stance))
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
          if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
            gtk_widget_remove_css_class (row, "dim-label");
          else
            gtk_widget_add_css_class (row, "dim-label");
          return;
        }
    }
}

static void
filter_toggled_cb (GtkCheckButton *check,
                   QgWindow       *self)
{
  const char *kind = g_object_get_data (G_OBJECT (check), "kind");
  gboolean shown = gtk_check_button_get_active (check);

  if (kind != NULL)
    {
      if (shown)
        g_hash_table_remove (self->hidden_kinds, kind);
      else
        g_hash_table_add (self->hidden_kinds, g_strdup (kind));
    }
  else
    self->hidden_stances[GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "stance"))] = !shown;
  apply_filters (self);
}

static void
add_filter (QgWindow   *self,
            const char *label,
            const char *kind,
            int         stance)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  if (kind != NULL)
    g_object_set_data_full (G_OBJECT (check), "kind", g_strdup (kind), g_free);
  else
    g_object_set_data (G_OBJECT (check), "stance", GINT_TO_POINTER (stance));
  g_signal_connect (check, "toggled", G_CALLBACK (filter_toggled_cb), self);
  gtk_box_append (self->filter_box, check);
}

/* A check button for every kind and stance in the document. */
static void
update_filters (QgWindow *self)
{
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean stances[3] = { FALSE };
  GtkWidget *child, *heading;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box))) != NULL)
    gtk_box_remove (self->filter_box, child);
  g_hash_table_remove_all (self->hidden_kinds);
  memset (self->hidden_stances, 0, sizeof self->hidden_stances);

  heading = gtk_label_new (_("Show Kinds"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (self->filter_box, heading);
  for (guint e = 0; e < qg_document_get_n_entities (self->document); e++)
    {
      const char *kind = qg_document_get_entity (self->document, e)->kind;

      if (g_hash_table_add (kinds, (gpointer) kind))
        {
          g_autofree char *label = qg_kind_display_name (kind);

          add_filter (self, label, kind, 0);
        }
    }
  for (guint r = 0; r < qg_document_get_n_relations (self->document); r++)
    stances[qg_document_get_relation (self->document, r)->stance] = TRUE;

  heading = gtk_label_new (_("Show Stances"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (heading, 8);
  gtk_box_append (self->filter_box, heading);
  if (stances[QG_STANCE_SUPPORT])
    add_filter (self, _("Supports"), NULL, QG_STANCE_SUPPORT);
  if (stances[QG_STANCE_OPPOSE])
    add_filter (self, _("Opposes"), NULL, QG_STANCE_OPPOSE);
  if (stances[QG_STANCE_NEUTRAL])
    add_filter (self, _("Neutral"), NULL, QG_STANCE_NEUTRAL);
}

/* ------------------------------------------------------------------------ */
/* Layout                                                                    */

static void
layout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout_finish (result, &error);
  gboolean first;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->laying_out);
  gtk_spinner_stop (self->layout_spinner);
  gtk_widget_set_visible (self->layout_progress, FALSE);

  if (layout == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  first = qg_graph_view_get_layout (self->graph_view) == NULL;
  qg_graph_view_set_layout (self->graph_view, layout, !first);
  gtk_stack_set_visible_child_name (self->stack, "map");

  if (self->pending_selection != NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->pending_selection);

      if (qg_graph_view_set_selection (self->graph_view, id))
        qg_graph_view_center_on_selection (self->graph_view, FALSE);
      else
        {
          g_autofree char *message = g_strdup_printf (_("No entity or relation “%s” in this "
                                                        "map"), id);
          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
        }
    }
  if (first)
    gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

static void
request_layout (QgWindow *self)
{
  g_autofree char *message = NULL;

  if (self->document == NULL)
    return;

  /* A newer request replaces an older one. */
  g_cancellable_cancel (self->laying_out);
  g_clear_object (&self->laying_out);
  self->laying_out = g_cancellable_new ();

  gtk_label_set_label (self->layout_label, self->engine);
  message = g_strdup_printf (_("Laying out with %s…"), self->engine);
  gtk_label_set_label (self->layout_progress_label, message);
  gtk_widget_set_visible (self->layout_progress, TRUE);
  gtk_spinner_start (self->layout_spinner);
  qg_graph_compute_layout_async (self->document, self->engine, self->laying_out, layout_cb,
                           g_object_ref (self));
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
  request_layout (self);
}

/* ------------------------------------------------------------------------ */
/* Documents                                                                 */

static void
show_document (QgWindow   *self,
               QgDocument *document,
               QgSources  *sources)
{
  const char *source = qg_document_get_source (document);

  g_set_object (&self->document, document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-to", TRUE);
  adw_window_title_set_title (self->window_title, qg_document_get_title (document));
  adw_window_title_set_subtitle (self->window_title, source ? source : "");
  gtk_window_set_title (GTK_WINDOW (self), qg_document_get_title (document));

  qg_graph_view_set_document (self->graph_view, document);
  g_clear_pointer (&self->sources, qg_sources_unref);
  self->sources = sources;
  qg_source_panel_set_document (self->source_panel, document, self->sources);
  qg_article_view_set_document (self->article_view, document, self->sources);
  update_legend (self);
  update_filters (self);
  search_changed_cb (self);
  if (qg_graph_view_get_layout (self->graph_view) == NULL)
    {
      g_autofree char *counts = g_strdup_printf (_("%u entities and %u relations; every quote "
                                                   "was found in the article."),
                                                 qg_document_get_n_entities (document),
                                                 qg_document_get_n_relations (document));

      adw_status_page_set_title (self->status_page, _("Laying Out the Map…"));
      adw_status_page_set_description (self->status_page, counts);
    }

  if (self->engine == NULL)
    {
      self->engine = g_strdup (qg_graph_engine_for (document));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_ENGINE]);
    }
  request_layout (self);
}

static void
present_error (QgWindow   *self,
               const char *heading,
               const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (QgWindow     *self,
            const GError *error)
{
  present_error (self, _("The Document Could Not Be Opened"), error->message);
  if (self->document == NULL)
    {
      adw_status_page_set_title (self->status_page, _("No Document"));
      adw_status_page_set_description (self->status_page, NULL);
    }
}

static void
sources_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  QgSources *sources = qg_sources_new_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_autoptr(QgDocument) document = g_steal_pointer (&self->loaded);

  g_clear_object (&self->loading);
  show_document (self, document, sources);
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
  if (document == NULL)
    {
      g_clear_object (&self->loading);
      show_error (self, error);
      return;
    }
  /* Its mentions are found in a thread too, before it is shown. */
  g_set_object (&self->loaded, document);
  qg_sources_new_async (document, self->loading, sources_cb, g_object_ref (self));
}

void
qg_window_open (QgWindow   *self,
                GFile      *file,
                const char *display_name)
{
  g_return_if_fail (QG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  qg_document_load_async (file, display_name, self->loading, load_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------ */
/* Export                                                                    */

typedef struct
{
  QgDocument     *document;
  char           *engine;
  guint8         *hidden_entities;   /* NULL: the whole map */
  guint8         *hidden_relations;
  QgExportFormat  format;
  int             dpi;
  GFile          *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->document);
  g_free (job->engine);
  g_free (job->hidden_entities);
  g_free (job->hidden_relations);
  g_clear_object (&job->file);
  g_free (job);
}

/* Runs in a thread: Graphviz is serialised by the core, and the document
 * is never changed once loaded. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  QgExportOptions options = {
    .engine = job->engine,
    .dpi = job->dpi,
    .hidden_entities = job->hidden_entities,
    .hidden_relations = job->hidden_relations,
  };
  GError *error = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (job->file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s: Quotegraph can only export to a folder on this computer"),
                               uri);
      return;
    }
  if (!qg_export_to_file (job->document, &options, job->format, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The toast of a written file has two ways to it: the file itself, and
 * the folder with the file picked out. */
static AdwToast *
exported_toast (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), display);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *folder = gtk_button_new_with_mnemonic (_("Show in _Folder"));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (folder, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "win.show-in-folder");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (folder), "s", uri);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), folder);
  adw_toast_set_custom_title (toast, box);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  return toast;
}

static void
export_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean written = g_task_propagate_boolean (G_TASK (result), &error);

  self->exporting--;
  g_application_release (g_application_get_default ());
  /* The window was closed meanwhile: nobody to tell but the terminal. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      if (!written)
        g_warning ("%s", error->message);
      return;
    }
  if (!written)
    {
      present_error (self, _("The Map Could Not Be Exported"), error->message);
      return;
    }
  g_clear_object (&self->export_folder);
  self->export_folder = g_file_get_parent (job->file);
  adw_toast_overlay_add_toast (self->toasts, exported_toast (job->file));
}

/* What to write: the document as it is now, with the current layout
 * engine, and if @filtered, only what the filters show. */
static ExportJob *
export_job_new (QgWindow       *self,
                GFile          *file,
                QgExportFormat  format,
                gboolean        filtered,
                int             dpi)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->document = g_object_ref (self->document);
  job->engine = g_strdup (self->engine);
  job->format = format;
  job->dpi = dpi;
  job->file = g_object_ref (file);
  if (filtered && !filter_flags (self, &job->hidden_entities, &job->hidden_relations))
    {
      g_clear_pointer (&job->hidden_entities, g_free);
      g_clear_pointer (&job->hidden_relations, g_free);
    }
  return job;
}

/* Writes @job's map in a thread; takes @job. */
static void
export_map (QgWindow  *self,
            ExportJob *job)
{
  g_autoptr(GTask) task = NULL;

  /* The application stays until the file is written, even if the window
   * is closed first. */
  self->exporting++;
  g_application_hold (g_application_get_default ());
  task = g_task_new (NULL, NULL, export_cb, g_object_ref (self));
  g_task_set_source_tag (task, export_map);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* The format follows the name's extension; a name without a known one
 * takes the chosen format's. */
static GFile *
export_target (GFile          *chosen,
               QgExportFormat  chosen_format,
               QgExportFormat *format)
{
  g_autofree char *name = g_file_get_basename (chosen);
  g_autofree char *with_extension = NULL;
  g_autoptr(GFile) parent = NULL;

  *format = qg_export_format_for_path (name);
  if (*format != QG_EXPORT_UNKNOWN)
    return g_object_ref (chosen);

  *format = chosen_format != QG_EXPORT_UNKNOWN ? chosen_format : QG_EXPORT_SVG;
  parent = g_file_get_parent (chosen);
  if (parent == NULL) /* the root: the write will say what is wrong */
    return g_object_ref (chosen);
  with_extension = g_strconcat (name, qg_export_extension (*format), NULL);
  return g_file_get_child (parent, with_extension);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     QgWindow         *self)
{
  if (g_str_equal (response, "replace"))
    export_map (self, g_object_steal_data (G_OBJECT (dialog), "job"));
}

/* The dialog asked before replacing the file it was given, but not one
 * whose extension was added since. Takes @job. */
static void
confirm_and_export (QgWindow  *self,
                    ExportJob *job)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), display);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    _("A file with this name already exists. Replacing it will overwrite its contents.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "job", job, (GDestroyNotify) export_job_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    QgWindow        *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GFile) given = NULL;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  QgExportFormat chosen_format;
  QgExportFormat format;
  const char *proposed;
  const char *dpi_choice;
  gboolean filtered;
  int dpi;

  if (response != GTK_RESPONSE_ACCEPT || self->document == NULL
      || (given = gtk_file_chooser_get_file (chooser)) == NULL)
    {
      g_clear_object (&self->export_dialog);
      return;
    }

  filter = gtk_file_chooser_get_filter (chooser);
  chosen_format = filter ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "format"))
                         : QG_EXPORT_UNKNOWN;
  name = g_file_get_basename (given);
  proposed = g_object_get_data (G_OBJECT (native), "proposed-name");
  /* The proposed name, untouched, takes the format chosen: its ".svg" was
   * ours, not the person's. */
  if (g_strcmp0 (name, proposed) == 0 && chosen_format != QG_EXPORT_UNKNOWN)
    {
      g_autoptr(GFile) parent = g_file_get_parent (given);
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".svg"));

      chosen = g_file_get_child (parent, stem);
    }
  else
    chosen = g_object_ref (given);
  file = export_target (chosen, chosen_format, &format);
  /* Asking for a choice that is not there is a warning. */
  filtered = g_object_get_data (G_OBJECT (native), "offers-filtered") != NULL
             && g_strcmp0 (gtk_file_chooser_get_choice (chooser, "filtered"), "true") == 0;
  dpi_choice = gtk_file_chooser_get_choice (chooser, "dpi");
  dpi = dpi_choice ? (int) g_ascii_strtoll (dpi_choice, NULL, 10) : 0;
  g_clear_object (&self->export_dialog);

  /* The dialog asked about the file it gave, not about another. */
  if (!g_file_equal (file, given) && g_file_query_exists (file, NULL))
    confirm_and_export (self, export_job_new (self, file, format, filtered, dpi));
  else
    export_map (self, export_job_new (self, file, format, filtered, dpi));
}

static void
add_export_filter (GtkFileChooser *chooser,
                   const char     *name,
                   const char     *mime_type,
                   QgExportFormat  format,
                   const char     *suffix,
                   const char     *other_suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  if (other_suffix != NULL)
    gtk_file_filter_add_suffix (filter, other_suffix);
  g_object_set_data (G_OBJECT (filter), "format", GINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
  if (format == QG_EXPORT_SVG)
    gtk_file_chooser_set_filter (chooser, filter);
  g_object_unref (filter);
}

/* A file name from the article's title: no folder separators, nothing
 * unprintable, not too long. */
static char *
export_name (QgDocument *document)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = qg_document_get_title (document); *p && name->len < 120;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || !g_unichar_isprint (c))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  if (name->str[0] == '\0' || name->str[0] == '.')
    g_string_prepend (name, "map");
  return g_strconcat (name->str, ".svg", NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  g_autofree guint8 *entities = NULL;
  g_autofree guint8 *relations = NULL;
  static const char *dpi_ids[] = { "96", "192", "300", NULL };
  const char *dpi_labels[] = { _("Screen (96 dpi)"), _("Sharp (192 dpi)"),
                               _("Print (300 dpi)"), NULL };

  if (self->document == NULL)
    return;
  if (self->export_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
      return;
    }

  self->export_dialog = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self),
                                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                     _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->export_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);

  add_export_filter (chooser, _("SVG Image, with the quotes"), "image/svg+xml", QG_EXPORT_SVG,
                     "svg", NULL);
  add_export_filter (chooser, _("PNG Image"), "image/png", QG_EXPORT_PNG, "png", NULL);
  add_export_filter (chooser, _("PDF Document"), "application/pdf", QG_EXPORT_PDF, "pdf",
                     NULL);
  add_export_filter (chooser, _("Graphviz DOT Graph"), "text/vnd.graphviz", QG_EXPORT_DOT,
                     "gv", "dot");

  /* Filtering is offered only when the filters hide something. */
  if (filter_flags (self, &entities, &relations))
    {
      gtk_file_chooser_add_choice (chooser, "filtered", _("Only what the filters show"), NULL,
                                   NULL);
      gtk_file_chooser_set_choice (chooser, "filtered", "true");
      g_object_set_data (G_OBJECT (self->export_dialog), "offers-filtered", GINT_TO_POINTER (1));
    }
  gtk_file_chooser_add_choice (chooser, "dpi", _("PNG resolution"), dpi_ids,
                               (const char **) dpi_labels);
  gtk_file_chooser_set_choice (chooser, "dpi", "96");

  if (self->export_folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, self->export_folder, NULL);
  name = export_name (self->document);
  gtk_file_chooser_set_current_name (chooser, name);
  g_object_set_data_full (G_OBJECT (self->export_dialog), "proposed-name", g_strdup (name),
                          g_free);

  g_signal_connect (self->export_dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
}

/* Exports without a dialog: ("PATH", filtered). The format follows the
 * extension, as in the dialog; for scripts and tests. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  const char *path;
  gboolean filtered;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  QgExportFormat format;

  if (self->document == NULL)
    return;
  g_variant_get (parameter, "(&sb)", &path, &filtered);
  chosen = g_file_new_for_commandline_arg (path);
  file = export_target (chosen, QG_EXPORT_SVG, &format);
  export_map (self, export_job_new (self, file, format, filtered, 0));
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

typedef struct
{
  GtkWindow *window;
  char      *uri;
} ShowItems;

static void
show_parent_folder (GtkWindow  *window,
                    const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *parent_uri = parent ? g_file_get_uri (parent) : NULL;

  if (parent_uri != NULL)
    gtk_show_uri (window, parent_uri, GDK_CURRENT_TIME);
}

static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowItems *show = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No file manager to point at it: open the folder. */
      g_debug ("ShowItems: %s", error->message);
      show_parent_folder (show->window, show->uri);
    }
  g_object_unref (show->window);
  g_free (show->uri);
  g_free (show);
}

/* The folder with the file selected, by the file manager's D-Bus interface. */
static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  const char *uris[] = { uri, NULL };
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  ShowItems *show;

  if (bus == NULL)
    {
      show_parent_folder (GTK_WINDOW (widget), uri);
      return;
    }
  show = g_new0 (ShowItems, 1);
  show->window = g_object_ref (GTK_WINDOW (widget));
  show->uri = g_strdup (uri);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, show_items_cb, show);
}

/* ------------------------------------------------------------------------ */

static gboolean
update_zoom_label (gpointer user_data)
{
  QgWindow *self = user_data;
  g_autofree char *text = g_strdup_printf ("%.0f%%",
                                           qg_graph_view_get_zoom (self->graph_view) * 100);

  self->zoom_label_idle = 0;
  gtk_label_set_label (self->zoom_label, text);
  return G_SOURCE_REMOVE;
}

/* The zoom changes while the view is allocated (a fitted map refits): the
 * label, which would resize the header bar then, follows once it is done. */
static void
zoom_changed_cb (QgWindow *self)
{
  if (self->zoom_label_idle == 0)
    self->zoom_label_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_zoom_label, self, NULL);
}

/* The window's selection is the view's; the panel follows it. */
static void
selection_changed_cb (QgWindow *self)
{
  update_panel (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    qg_graph_view_zoom_by (self->graph_view, 1.25);
  else if (g_str_equal (action_name, "win.zoom-out"))
    qg_graph_view_zoom_by (self->graph_view, 1 / 1.25);
  else if (g_str_equal (action_name, "win.zoom-reset"))
    qg_graph_view_zoom_reset (self->graph_view);
  else
    qg_graph_view_zoom_fit (self->graph_view, TRUE);
}

static gboolean
qg_window_close_request (GtkWindow *window)
{
  QgWindow *self = QG_WINDOW (window);
  int width, height;

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
      if (self->show_legend != g_value_get_boolean (value))
        {
          self->show_legend = g_value_get_boolean (value);
          gtk_revealer_set_reveal_child (self->legend_revealer, self->show_legend);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_SOURCES:
      if (self->show_sources != g_value_get_boolean (value))
        {
          self->show_sources = g_value_get_boolean (value);
          gtk_widget_set_visible (self->side, self->show_sources);
          g_object_notify_by_pspec (object, pspec);
        }
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
  g_clear_object (&self->document);
  g_clear_object (&self->loaded);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->zoom_label_idle, g_source_remove);
  g_clear_pointer (&self->sources, qg_sources_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_kinds, g_hash_table_unref);
  if (self->export_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
  g_clear_object (&self->export_dialog);
  g_clear_object (&self->export_folder);

  G_OBJECT_CLASS (qg_window_parent_class)->dispose (object);
}

static void
qg_window_finalize (GObject *object)
{
  QgWindow *self = QG_WINDOW (object);

  g_free (self->engine);
  g_free (self->pending_selection);

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
  g_type_ensure (QG_TYPE_GRAPH_VIEW);
  g_type_ensure (QG_TYPE_SOURCE_PANEL);
  g_type_ensure (QG_TYPE_ARTICLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/quotegraph/Quotegraph/ui/qg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QgWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_spinner);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_progress);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, layout_progress_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, legend_revealer);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, side);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, search_count);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, filter_box);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, source_panel);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, article_view);

  gtk_widget_class_install_property_action (widget_class, "win.layout", "layout-engine");
  gtk_widget_class_install_property_action (widget_class, "win.show-legend", "show-legend");
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sources", "show-sources");
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "(sb)", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s",
                                   show_in_folder_action);
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

static void
qg_window_init (QgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-to", FALSE);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "show-legend", self, "show-legend", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (self->graph_view, "notify::zoom", G_CALLBACK (zoom_changed_cb),
                            self);
  g_signal_connect_swapped (self->graph_view, "notify::selection",
                            G_CALLBACK (selection_changed_cb), self);

  self->matches = g_ptr_array_new ();
  self->match = -1;
  self->hidden_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_settings_bind (self->settings, "show-sources", self, "show-sources",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->source_panel, "select", G_CALLBACK (select_and_show), self);
  g_signal_connect_swapped (self->source_panel, "show-quote", G_CALLBACK (show_quote_cb), self);
  g_signal_connect_swapped (self->source_panel, "copied", G_CALLBACK (copied_cb), self);
  g_signal_connect_swapped (self->article_view, "select", G_CALLBACK (select_and_show), self);
  g_signal_connect (self->legend, "child-activated", G_CALLBACK (legend_activated_cb), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->graph_view));
  g_object_bind_property (self->search_bar, "search-mode-enabled", self->search_button,
                          "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (go_to_match_next), self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (go_to_match_next),
                            self);
  g_signal_connect_swapped (self->search_entry, "previous-match",
                            G_CALLBACK (go_to_match_previous), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
}
