/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Making a map in the window, by real input through the X server: a
 * selection of the article becomes a quote or an entity, two entities are
 * connected, every edit is undone and redone, and the map is saved, closed
 * and opened again with its edits. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qg-application.h"
#include "qg-entity-chooser.h"
#include "qg-entity-dialog.h"
#include "qg-history.h"
#include "qg-new-map-dialog.h"
#include "qg-quote-dialog.h"
#include "qg-recovery.h"
#include "qg-relation-dialog.h"
#include "qg-ui-test.h"
#include "qg-window-private.h"

static QgDocument *
current_document (QgWindow *window)
{
  return qg_window_get_document (window);
}

static gboolean
shown_chooser (gpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  qg_test_collect_if (data, qg_test_is_shown_of_type,
                      GSIZE_TO_POINTER (QG_TYPE_ENTITY_CHOOSER), found);
  return found->len == 1;
}

/* Where the article's byte @byte is in the article view, scrolled into
 * view: the left edge of its character, half way down its line. */
static void
article_point (QgWindow *window,
               gsize     byte,
               int      *x,
               int      *y)
{
  GtkTextView *article = GTK_TEXT_VIEW (qg_window_get_article_view (window));
  const char *text = qg_document_get_text (current_document (window), NULL);
  GtkTextIter iter;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (article), &iter,
                                      g_utf8_pointer_to_offset (text, text + byte));
  gtk_text_view_get_iter_location (article, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (article, GTK_TEXT_WINDOW_WIDGET, rect.x,
                                         rect.y + rect.height / 2, x, y);
}

/* Selects @passage of the article with the mouse, as a person would: a
 * press just inside its first character, a drag, a release just inside
 * its last. Returns its byte range. */
static void
select_passage (QgWindow   *window,
                const char *passage,
                gsize      *start,
                gsize      *end)
{
  GtkTextView *article = GTK_TEXT_VIEW (qg_window_get_article_view (window));
  const char *text = qg_document_get_text (current_document (window), NULL);
  const char *found = strstr (text, passage);
  GtkTextIter iter;
  g_autofree char *sx = NULL, *sy = NULL, *ex = NULL, *ey = NULL;
  g_autofree char *xid = NULL;
  int x0, y0, x1, y1;

  g_assert_nonnull (found);
  *start = found - text;
  *end = *start + strlen (passage);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (article), &iter,
                                      g_utf8_pointer_to_offset (text, found));
  {
    GtkTextMark *mark = gtk_text_buffer_create_mark (gtk_text_view_get_buffer (article), NULL,
                                                     &iter, TRUE);
    QgTestScrollWait wait = { article, &iter };
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    /* Scrolled to, and again each half second until it shows: a text view
     * drops a scroll asked for while it is still measuring its lines. */
    while (!qg_test_iter_visible (&wait))
      {
        gint64 again = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        gtk_text_view_scroll_to_mark (article, mark, 0.2, TRUE, 0, 0.3);
        while (!qg_test_iter_visible (&wait) && g_get_monotonic_time () < again)
          {
            g_main_context_iteration (NULL, FALSE);
            g_usleep (1000);
          }
      }
    gtk_text_buffer_delete_mark (gtk_text_view_get_buffer (article), mark);
  }
  /* The view scrolls, and measures the lines it passes, over several
   * frames: the passage is where it is once two frames agree. */
  article_point (window, *start, &x0, &y0);
  for (int same = 0; same < 2;)
    {
      int x, y;

      qg_test_wait_frames (GTK_WIDGET (article));
      article_point (window, *start, &x, &y);
      same = x == x0 && y == y0 ? same + 1 : 0;
      x0 = x;
      y0 = y;
    }
  article_point (window, *end, &x1, &y1);
  qg_test_surface_point (GTK_WIDGET (article), x0 + 1, y0, &sx, &sy);
  qg_test_surface_point (GTK_WIDGET (article), x1 - 1, y1, &ex, &ey);
  xid = qg_test_xid (GTK_WIDGET (article));
  qg_test_xdotool (GTK_WIDGET (article),
                   (const char *[]) { "mousemove", "--window", xid, sx, sy, "mousedown", "1",
                                      "mousemove", "--window", xid, ex, ey, "mouseup", "1",
                                      NULL });
  qg_test_wait_frames (GTK_WIDGET (article));
  /* What the mouse selected is the passage, or the test is wrong. */
  {
    GtkTextIter a, b;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (article),
                                                         &a, &b));
    selected = gtk_text_iter_get_text (&a, &b);
    g_assert_cmpstr (selected, ==, passage);
  }
}

static const QgQuote *
quote_at (QgDocument *doc,
          gsize       start,
          gsize       end)
{
  for (guint i = 0; i < qg_document_get_n_quotes (doc); i++)
    {
      const QgQuote *quote = qg_document_get_quote (doc, i);

      if (quote->start == start && quote->end == end)
        return quote;
    }
  return NULL;
}

static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "close")
         && gtk_widget_get_mapped (widget);
}

/* The title bar's close button, clicked. */
static void
click_close_button (QgWindow *window)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (window), is_close_button, NULL, found);
  g_assert_cmpuint (found->len, ==, 1);
  qg_test_click_widget (g_ptr_array_index (found, 0));
}

/* What the main menu's Undo (0) or Redo (1) item says. */
static char *
edit_menu_label (QgWindow *window,
                 int       index)
{
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (window->edit_menu), index,
                                                  G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

/* A selection, the Add Quote shortcut, a speaker typed in the chooser and
 * Enter: the quote is that span, said by that entity. Undo takes it away,
 * Redo brings it back. */
static void
test_add_quote_from_a_selection (void)
{
  QgDocument *held = NULL;
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  GtkWidget *article = GTK_WIDGET (qg_window_get_article_view (window));
  guint n_quotes = qg_document_get_n_quotes (current_document (window));
  const QgQuote *quote;
  gsize start, end;
  gint speaker;

  held = qg_test_hold (window);
  g_assert_false (qg_test_title_marked (window));
  select_passage (window, "But it hasn't given up.", &start, &end);
  g_assert_null (quote_at (current_document (window), start, end));
  qg_test_keys (article, "ctrl+shift+q");
  qg_test_wait_for (shown_chooser, article, "the speaker to be asked for");
  qg_test_type (article, "kaspersky lab");
  qg_test_keys (article, "Return");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);

  g_assert_cmpuint (qg_document_get_n_quotes (current_document (window)), ==, n_quotes + 1);
  quote = quote_at (current_document (window), start, end);
  g_assert_nonnull (quote);
  g_assert_cmpstr (quote->text, ==, "But it hasn't given up.");
  speaker = qg_document_find_entity (current_document (window), "kaspersky-lab");
  g_assert_cmpint (quote->speaker, ==, speaker);
  g_assert_true (qg_test_title_marked (window));
  /* The speaker is selected, and the panel shows what it says. */
  g_assert_cmpstr (qg_graph_view_get_selection (qg_window_get_graph_view (window)), ==,
                   "kaspersky-lab");
  /* The menu names what Undo would take away, and Redo has nothing. */
  {
    g_autofree char *undo = edit_menu_label (window, 0);
    g_autofree char *redo = edit_menu_label (window, 1);

    g_assert_cmpstr (undo, ==, "_Undo Add Quote");
    g_assert_cmpstr (redo, ==, "_Redo");
  }

  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+z");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);
  g_assert_cmpuint (qg_document_get_n_quotes (current_document (window)), ==, n_quotes);
  g_assert_null (quote_at (current_document (window), start, end));
  g_assert_false (qg_test_title_marked (window));
  {
    g_autofree char *undo = edit_menu_label (window, 0);
    g_autofree char *redo = edit_menu_label (window, 1);

    g_assert_cmpstr (undo, ==, "_Undo");
    g_assert_cmpstr (redo, ==, "_Redo Add Quote");
  }

  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+shift+z");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);
  g_assert_nonnull (quote_at (current_document (window), start, end));
  g_assert_true (qg_test_title_marked (window));

  /* Closing with the change unsaved asks first; Escape is Cancel. */
  click_close_button (window);
  qg_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Save Changes?");
  qg_test_keys (GTK_WIDGET (window), "Escape");
  qg_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the question to be answered");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_clear_object (&held);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The bubble over a selection: Add Entity opens the dialog with the name
 * filled in; Enter adds it, and the map selects it. */
static void
test_add_entity_from_the_bubble (void)
{
  QgDocument *held = NULL;
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  GtkWidget *article = GTK_WIDGET (qg_window_get_article_view (window));
  guint n_entities = qg_document_get_n_entities (current_document (window));
  GtkWidget *button;
  GtkWindow *dialog;
  const char *selected;
  gint found;
  gsize start, end;

  held = qg_test_hold (window);
  select_passage (window, "Acting Secretary of Homeland Security", &start, &end);
  qg_test_wait_frames (article);
  button = qg_test_find_labelled (article, GTK_TYPE_BUTTON, "Add _Entity…");
  g_assert_nonnull (button);
  qg_test_wait_frames (button);
  qg_test_click_widget (button);
  dialog = qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog");
  {
    g_autofree char *name = qg_entity_dialog_get_name (QG_ENTITY_DIALOG (dialog));

    g_assert_cmpstr (name, ==, "Acting Secretary of Homeland Security");
  }
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_for_no_toplevel (QG_TYPE_ENTITY_DIALOG, "the dialog to close");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);

  g_assert_cmpuint (qg_document_get_n_entities (current_document (window)), ==, n_entities + 1);
  selected = qg_graph_view_get_selection (qg_window_get_graph_view (window));
  g_assert_nonnull (selected);
  found = qg_document_find_entity (current_document (window), selected);
  g_assert_cmpint (found, >=, 0);
  g_assert_cmpstr (qg_document_get_entity (current_document (window), found)->name, ==,
                   "Acting Secretary of Homeland Security");
  /* A new node on the map. */
  g_assert_cmpuint (qg_layout_get_n_nodes (qg_graph_view_get_layout (
                      qg_window_get_graph_view (window))), ==, n_entities + 1);
  /* Its page says how to give it a relation, which it has none of yet. */
  g_assert_nonnull (qg_test_find_labelled (GTK_WIDGET (qg_window_get_source_panel (window)),
                                          GTK_TYPE_LABEL,
                                          "None yet. Choose Connect To… to relate it to another "
                                          "entity, with a quote from the article."));

  g_clear_object (&held);
  gtk_window_destroy (GTK_WINDOW (window));
}


/* Where a node's middle is on screen now. */
static void
node_on_screen (QgWindow   *window,
                const char *id,
                double     *x,
                double     *y)
{
  QgGraphView *view = qg_window_get_graph_view (window);
  QgViewport *viewport = qg_graph_view_get_viewport (view);
  const QgItem *node = qg_layout_get_node (qg_graph_view_get_layout (view),
                                           qg_document_find_entity (current_document (window),
                                                                    id));
  double ox, oy, zoom = qg_viewport_get_zoom (viewport);

  qg_viewport_get_offset (viewport, &ox, &oy);
  *x = node->cx * zoom + ox;
  *y = node->cy * zoom + oy;
}

/* Clicks the one button of @dialog labelled @label, once the dialog is
 * laid out, so that the click lands on the button it is meant for. */
static void
answer (GtkWindow  *dialog,
        const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  qg_test_wait_frames (GTK_WIDGET (dialog));
  qg_test_wait_frames (GTK_WIDGET (dialog));
  qg_test_collect_if (GTK_WIDGET (dialog), qg_test_is_shown_button_labelled, label, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  qg_test_click_widget (g_ptr_array_index (buttons, 0));
}

static void
click_node (QgWindow   *window,
            const char *id)
{
  double x, y;

  node_on_screen (window, id, &x, &y);
  qg_test_click (GTK_WIDGET (qg_window_get_graph_view (window)), x, y);
  qg_test_wait_for_selection (qg_window_get_graph_view (window), id);
  qg_test_wait_frames (GTK_WIDGET (window));
}

static GtkWidget *
panel_of (QgWindow *window)
{
  return GTK_WIDGET (qg_window_get_source_panel (window));
}

static gboolean
is_mapped_check (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget);
}

/* Connect To… in the panel of a node clicked on the map, the other end
 * typed in the chooser, the label typed and a quote checked in the
 * dialog, and Add: the relation is on the map, selected. */
static void
test_connect_two_entities (void)
{
  QgDocument *held = NULL;
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  guint n_relations = qg_document_get_n_relations (current_document (window));
  GtkWidget *button;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_auto(GStrv) evidence = NULL;
  const QgRelation *relation;
  gint found;

  held = qg_test_hold (window);
  click_node (window, "reuters");
  button = qg_test_find_labelled (panel_of (window), GTK_TYPE_MENU_BUTTON, "_Connect To…");
  g_assert_nonnull (button);
  qg_test_click_widget (button);
  qg_test_wait_for (shown_chooser, panel_of (window), "the other end to be asked for");
  qg_test_wait_frames (button);
  /* Each name whole, the longest of the map's too. */
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    qg_test_collect_if (panel_of (window), qg_test_is_shown_label,
                        "Department of Homeland Security", names);
    g_assert_cmpuint (names->len, ==, 1);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (names->pdata[0])));
  }
  qg_test_type (button, "newegg");
  qg_test_keys (button, "Return");

  dialog = qg_test_wait_for_toplevel (QG_TYPE_RELATION_DIALOG, "the relation dialog");
  g_assert_cmpstr (qg_relation_dialog_get_target_id (QG_RELATION_DIALOG (dialog)), ==, "newegg");
  /* Add waits for a label, then for a quote, and the dialog says so. */
  qg_test_wait_for_shown_label (GTK_WIDGET (dialog), "A label is needed, as in “From Label To”.");
  qg_test_type (GTK_WIDGET (dialog), "asked");
  qg_test_wait_for_shown_label (GTK_WIDGET (dialog), "Check at least one quote that bears it "
                                "out: no relation goes without one.");
  qg_test_collect_if (GTK_WIDGET (dialog), is_mapped_check, NULL, checks);
  g_assert_cmpuint (checks->len, >, 0);
  qg_test_click_widget (g_ptr_array_index (checks, 0));
  qg_test_wait_frames (GTK_WIDGET (dialog));
  g_assert_cmpuint (qg_test_count_shown_labels (GTK_WIDGET (dialog), "Check at least one quote "
                                                "that bears it out: no relation goes without one."),
                    ==, 0);
  evidence = qg_relation_dialog_get_evidence (QG_RELATION_DIALOG (dialog));
  g_assert_cmpuint (g_strv_length (evidence), ==, 1);
  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add"));
  qg_test_wait_for_no_toplevel (QG_TYPE_RELATION_DIALOG, "the dialog to close");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);

  g_assert_cmpuint (qg_document_get_n_relations (current_document (window)), ==, n_relations + 1);
  found = qg_document_find_relation (current_document (window),
                                     qg_graph_view_get_selection (qg_window_get_graph_view (window)));
  g_assert_cmpint (found, >=, 0);
  relation = qg_document_get_relation (current_document (window), found);
  g_assert_cmpstr (qg_document_get_entity (current_document (window), relation->source)->id, ==,
                   "reuters");
  g_assert_cmpstr (qg_document_get_entity (current_document (window), relation->target)->id, ==,
                   "newegg");
  g_assert_cmpstr (relation->label, ==, "asked");
  g_assert_cmpuint (relation->n_evidence, ==, 1);
  g_assert_cmpstr (qg_document_get_quote (current_document (window), relation->evidence[0])->id,
                   ==, evidence[0]);
  g_clear_object (&held);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Delete… says what goes with the entity, and Delete takes them all;
 * Undo brings them back. */
static void
test_delete_says_what_goes (void)
{
  QgDocument *held = NULL;
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *before = g_object_ref (current_document (window));
  gint reuters = qg_document_find_entity (before, "reuters");
  guint n_relations;
  GtkWindow *dialog;
  g_autofree char *expected = NULL;

  held = qg_test_hold (window);
  qg_document_get_entity_relations (before, reuters, &n_relations);
  g_assert_cmpuint (n_relations, >, 0);
  click_node (window, "reuters");
  qg_test_click_widget (qg_test_find_labelled (panel_of (window), GTK_TYPE_BUTTON, "_Delete…"));
  dialog = qg_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the question");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Delete “Reuters”?");
  expected = g_strdup_printf (n_relations == 1 ? "%u relation is deleted with it."
                                               : "%u relations are deleted with it.",
                              n_relations);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), expected));
  answer (GTK_WINDOW (dialog), "_Delete");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);

  g_assert_cmpint (qg_document_find_entity (current_document (window), "reuters"), ==, -1);
  g_assert_cmpuint (qg_document_get_n_relations (current_document (window)), ==,
                    qg_document_get_n_relations (before) - n_relations);
  /* The toast says what went, with Undo. */
  qg_test_wait_for_shown_label (GTK_WIDGET (window), "Entity deleted");
  g_assert_null (qg_graph_view_get_selection (qg_window_get_graph_view (window)));

  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+z");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);
  g_assert_cmpint (qg_document_find_entity (current_document (window), "reuters"), >=, 0);
  g_assert_cmpuint (qg_document_get_n_relations (current_document (window)), ==,
                    qg_document_get_n_relations (before));
  g_object_unref (before);
  g_clear_object (&held);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the dialog's Save (or Add) may be pressed. */
static gboolean
save_sensitive (GtkWindow *dialog)
{
  GtkWidget *button = gtk_window_get_default_widget (dialog);

  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
save_is_sensitive (gpointer dialog)
{
  return save_sensitive (dialog);
}

static gboolean
save_is_insensitive (gpointer dialog)
{
  return !save_sensitive (dialog);
}

/* A name already on the map is said beneath the name, by its name or by
 * another of its names, as it is typed; the entity edited is not another. */
static void
test_name_already_on_the_map (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  GtkWindow *dialog;
  g_autoptr(GPtrArray) edits = g_ptr_array_new ();

  qg_test_click_widget (qg_test_find_labelled (panel_of (window), GTK_TYPE_BUTTON,
                                               "_Add Entity…"));
  dialog = qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog");
  qg_test_type (GTK_WIDGET (dialog), "best buy");
  qg_test_wait_for_shown_label (GTK_WIDGET (dialog), "“Best Buy” (Retailer) is on the map already.");
  qg_test_keys (GTK_WIDGET (dialog), "ctrl+a");
  qg_test_type (GTK_WIDGET (dialog), "DUKE");
  qg_test_wait_for_shown_label (GTK_WIDGET (dialog),
                                "“Duke” is another name of Elaine Duke (Person), on the map "
                                "already.");
  qg_test_type (GTK_WIDGET (dialog), " Ellington");
  qg_test_wait_frames (GTK_WIDGET (dialog));
  g_assert_cmpuint (qg_test_count_shown_labels (GTK_WIDGET (dialog),
                                                "“Duke” is another name of Elaine Duke (Person), "
                                                "on the map already."), ==, 0);
  /* Said, not refused: two people may share a name. */
  g_assert_true (gtk_widget_get_sensitive (qg_test_find_labelled (GTK_WIDGET (dialog),
                                                                  GTK_TYPE_BUTTON, "_Add")));
  qg_test_keys (GTK_WIDGET (dialog), "Escape");
  qg_test_wait_for_no_toplevel (QG_TYPE_ENTITY_DIALOG, "the dialog to close");

  click_node (window, "best-buy");
  qg_test_collect_if (panel_of (window), qg_test_is_shown_button_labelled, "_Edit…", edits);
  g_assert_cmpuint (edits->len, ==, 1);
  qg_test_click_widget (g_ptr_array_index (edits, 0));
  dialog = qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog");
  qg_test_wait_frames (GTK_WIDGET (dialog));
  /* Nothing to save until something is changed. */
  g_assert_false (save_sensitive (dialog));
  qg_test_keys (GTK_WIDGET (dialog), "ctrl+a");
  qg_test_type (GTK_WIDGET (dialog), "amazon");
  qg_test_wait_for_shown_label (GTK_WIDGET (dialog), "“Amazon” (Retailer) is on the map already.");
  g_assert_true (save_sensitive (dialog));
  /* Its own name again: no other is named so, and nothing is changed. */
  qg_test_keys (GTK_WIDGET (dialog), "ctrl+a");
  qg_test_type (GTK_WIDGET (dialog), "Best Buy");
  qg_test_wait_for (save_is_insensitive, dialog, "nothing changed again");
  g_assert_cmpuint (qg_test_count_shown_labels (GTK_WIDGET (dialog),
                                                "“Amazon” (Retailer) is on the map already."),
                    ==, 0);
  g_assert_cmpuint (qg_test_count_shown_labels (GTK_WIDGET (dialog),
                                                "“Best Buy” (Retailer) is on the map already."),
                    ==, 0);
  qg_test_keys (GTK_WIDGET (dialog), "Escape");
  qg_test_wait_for_no_toplevel (QG_TYPE_ENTITY_DIALOG, "the dialog to close");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window on @file (the example map if NULL), given an entity named
 * @name from the panel's Add Entity…, by real clicks and keys. */
static QgWindow *
window_with_an_entity (GFile      *file,
                       const char *name)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgDocument *held = qg_test_hold (window);
  GtkWindow *dialog;

  qg_test_click_widget (qg_test_find_labelled (panel_of (window), GTK_TYPE_BUTTON,
                                               "_Add Entity…"));
  dialog = qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog");
  qg_test_type (GTK_WIDGET (dialog), name);
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_for_no_toplevel (QG_TYPE_ENTITY_DIALOG, "the dialog to close");
  qg_test_wait_for_edit_from (window, held);
  return window;
}

/* The same on a copy of the small map at @path. */
static QgWindow *
copy_with_an_entity (const char *path,
                     const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "valid", "small.json",
                                                   NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return window_with_an_entity (file, name);
}

static gboolean
has_entity_named (QgDocument *doc,
                  const char *name)
{
  for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
    if (g_str_equal (qg_document_get_entity (doc, i)->name, name))
      return TRUE;
  return FALSE;
}

/* An entity added from the panel, Ctrl+S, the window closed and the file
 * opened again: the entity is there, and the title unmarked. */
static void
test_save_close_reopen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = copy_with_an_entity (path, "Ada Lovelace");

  g_assert_true (qg_test_title_marked (window));
  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+s");
  qg_test_wait_for (qg_test_not_busy, window, "the map to be saved");
  g_assert_false (qg_test_title_marked (window));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"name\": \"Ada Lovelace\""));
  gtk_window_destroy (GTK_WINDOW (window));

  window = qg_test_open_window (NULL, NULL, file);
  g_assert_true (has_entity_named (current_document (window), "Ada Lovelace"));
  g_assert_false (qg_test_title_marked (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
is_mapped_button_tooltip (GtkWidget     *widget,
                          gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The first shown button with @tooltip in @root. */
static GtkWidget *
first_with_tooltip (GtkWidget  *root,
                    const char *tooltip)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  qg_test_collect_if (root, is_mapped_button_tooltip, tooltip, found);
  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

static const QgQuote *
quote_by_id (QgDocument *doc,
             const char *id)
{
  gint found = qg_document_find_quote (doc, id);

  g_assert_cmpint (found, >=, 0);
  return qg_document_get_quote (doc, found);
}

/* A quote's edit button in the panel: its speaker chosen again and a
 * note written, in the dialog, by real clicks and keys. */
/* No edit being made in a thread. */
static gboolean
edit_made (gpointer data)
{
  QgWindow *window = data;

  return window->applying == NULL && !qg_window_is_busy (window);
}

static void
test_edit_a_quote (void)
{
  QgDocument *held = NULL;
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  GtkWindow *dialog;
  GtkWidget *speaker;
  const QgQuote *quote;

  held = qg_test_hold (window);
  click_node (window, "best-buy");
  /* As it was opened, there is nothing to save; a change there is, and
   * none again once it is undone in the field. */
  qg_test_click_widget (first_with_tooltip (panel_of (window), "Edit the Quote"));
  dialog = qg_test_wait_for_toplevel (QG_TYPE_QUOTE_DIALOG, "the quote dialog");
  qg_test_wait_frames (GTK_WIDGET (dialog));
  g_assert_false (save_sensitive (dialog));
  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                               "Note, such as why the speaker is inferred"));
  qg_test_keys (GTK_WIDGET (dialog), "End");
  qg_test_type (GTK_WIDGET (dialog), "!");
  qg_test_wait_for (save_is_sensitive, dialog, "Save once the note is changed");
  qg_test_keys (GTK_WIDGET (dialog), "BackSpace");
  qg_test_wait_for (save_is_insensitive, dialog, "no Save once the change is undone");
  qg_test_keys (GTK_WIDGET (dialog), "Escape");
  qg_test_wait_for_no_toplevel (QG_TYPE_QUOTE_DIALOG, "the dialog to close");
  qg_test_wait_for (edit_made, window, "no edit to be made");
  g_assert_true (current_document (window) == held);
  g_assert_false (qg_test_title_marked (window));

  qg_test_click_widget (first_with_tooltip (panel_of (window), "Edit the Quote"));
  dialog = qg_test_wait_for_toplevel (QG_TYPE_QUOTE_DIALOG, "the quote dialog");
  g_assert_cmpstr (qg_quote_dialog_get_quote_id (QG_QUOTE_DIALOG (dialog)), ==, "bestbuy-stops");
  g_assert_cmpstr (qg_quote_dialog_get_speaker_id (QG_QUOTE_DIALOG (dialog)), ==, "best-buy");

  speaker = GTK_WIDGET (qg_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_MENU_BUTTON,
                                               "Best Buy"));
  g_assert_nonnull (speaker);
  qg_test_click_widget (speaker);
  qg_test_wait_for (shown_chooser, dialog, "the speaker to be asked for");
  qg_test_type (GTK_WIDGET (dialog), "amazon");
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_frames (GTK_WIDGET (dialog));
  g_assert_cmpstr (qg_quote_dialog_get_speaker_id (QG_QUOTE_DIALOG (dialog)), ==, "amazon");

  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                               "Note, such as why the speaker is inferred"));
  qg_test_keys (GTK_WIDGET (dialog), "ctrl+a");
  qg_test_type (GTK_WIDGET (dialog), "Said to Reuters");
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_for_no_toplevel (QG_TYPE_QUOTE_DIALOG, "the dialog to close");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);

  quote = quote_by_id (current_document (window), "bestbuy-stops");
  g_assert_cmpint (quote->speaker, ==, qg_document_find_entity (current_document (window),
                                                                "amazon"));
  g_assert_cmpstr (quote->note, ==, "Said to Reuters");
  /* The text of a quote is the article's, and stays. */
  g_assert_cmpstr (quote->text, ==, quote_by_id (held, "bestbuy-stops")->text);

  /* Read further down the panel, then undo: the same entity's page is
   * made anew and stays where the person was reading. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (panel_of (window), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    double read_to;

    for (int i = 0; i < 3; i++)
      qg_test_wheel (scroller, gtk_widget_get_width (scroller) / 2.0, 40, 5, NULL);
    qg_test_wait_frames (scroller);
    read_to = gtk_adjustment_get_value (scroll);
    g_assert_cmpfloat (read_to, >, 0);
    g_clear_object (&held);
    held = qg_test_hold (window);
    qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+z");
    qg_test_wait_for_edit_from (window, held);
    held = qg_test_hold (window);
    g_assert_cmpstr (qg_graph_view_get_selection (qg_window_get_graph_view (window)), ==,
                     "best-buy");
    qg_test_wait_frames (scroller);
    g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (scroll), read_to, 2.0);
  }
  g_clear_object (&held);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Merge…: the entity chosen goes into the one shown, its name one of
 * the kept one's other names, its relations the kept one's. */
static void
test_merge_two_entities (void)
{
  QgDocument *held = NULL;
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *before = g_object_ref (current_document (window));
  guint n_amazon, n_newegg;
  const QgEntity *amazon;
  gboolean named = FALSE;
  GtkWidget *button;

  held = qg_test_hold (window);
  qg_document_get_entity_relations (before, qg_document_find_entity (before, "amazon"),
                                    &n_amazon);
  qg_document_get_entity_relations (before, qg_document_find_entity (before, "newegg"),
                                    &n_newegg);
  click_node (window, "amazon");
  button = qg_test_find_labelled (panel_of (window), GTK_TYPE_MENU_BUTTON, "_Merge…");
  qg_test_click_widget (button);
  qg_test_wait_for (shown_chooser, panel_of (window), "the other entity to be asked for");
  qg_test_type (button, "newegg");
  qg_test_keys (button, "Return");
  qg_test_wait_for_edit_from (window, held);
  held = qg_test_hold (window);

  g_assert_cmpint (qg_document_find_entity (current_document (window), "newegg"), ==, -1);
  amazon = qg_document_get_entity (current_document (window),
                                   qg_document_find_entity (current_document (window), "amazon"));
  for (guint i = 0; amazon->aliases[i] != NULL; i++)
    named |= g_str_equal (amazon->aliases[i], "Newegg");
  g_assert_true (named);
  {
    guint n;

    qg_document_get_entity_relations (current_document (window),
                                      qg_document_find_entity (current_document (window),
                                                               "amazon"), &n);
    /* Newegg's two relations say what Amazon's say: they are joined. */
    g_assert_cmpuint (n_newegg, ==, 2);
    g_assert_cmpuint (n, ==, n_amazon);
  }
  g_assert_cmpstr (qg_graph_view_get_selection (qg_window_get_graph_view (window)), ==, "amazon");
  g_object_unref (before);
  g_clear_object (&held);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_mapped_text_view (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
draft_turned_off (gpointer dialog)
{
  return !qg_new_map_dialog_get_draft_map (dialog);
}

/* Ctrl+N, an article typed, a title, Draft the Map turned off, Create: a
 * new window on a map of exactly that text and nothing else, marked
 * unsaved, which invites the first entity; a name selected in its article
 * becomes one. */
static void
test_new_map_from_an_article (void)
{
  static const char article[] = "The mayor said \"We will build the bridge.\" "
                                "Critics called the plan reckless.";
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgWindow *made;
  QgDocument *held;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  QgTestOtherWait wait = { window, NULL };
  gsize length, start, end;

  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+n");
  dialog = qg_test_wait_for_toplevel (QG_TYPE_NEW_MAP_DIALOG, "the New Map dialog");
  qg_test_collect_if (GTK_WIDGET (dialog), is_mapped_text_view, NULL, views);
  g_assert_cmpuint (views->len, ==, 1);
  qg_test_click_widget (g_ptr_array_index (views, 0));
  qg_test_type (GTK_WIDGET (dialog), article);
  /* Tab goes on from the article to its title, as in any form. */
  qg_test_keys (GTK_WIDGET (dialog), "Tab");
  qg_test_type (GTK_WIDGET (dialog), "Bridge plan");
  {
    g_autoptr(GPtrArray) switches = g_ptr_array_new ();

    qg_test_collect_if (GTK_WIDGET (dialog), qg_test_is_shown_of_type,
                        GSIZE_TO_POINTER (GTK_TYPE_SWITCH),
                        switches);
    g_assert_cmpuint (switches->len, ==, 1);
    g_assert_true (gtk_switch_get_active (g_ptr_array_index (switches, 0)));
    qg_test_click_widget (g_ptr_array_index (switches, 0));
    qg_test_wait_for (draft_turned_off, dialog, "Draft the Map to be off");
  }
  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate"));
  qg_test_wait_for (qg_test_other_window_ready, &wait, "the new map's window");
  made = wait.found;
  qg_graph_view_finish_animations (qg_window_get_graph_view (made));
  qg_test_wait_frames (GTK_WIDGET (made));

  g_assert_cmpstr (qg_document_get_text (current_document (made), &length), ==, article);
  g_assert_cmpuint (length, ==, strlen (article));
  g_assert_cmpstr (qg_document_get_title (current_document (made)), ==, "Bridge plan");
  g_assert_cmpuint (qg_document_get_n_entities (current_document (made)), ==, 0);
  g_assert_null (qg_window_get_file (made));
  g_assert_true (qg_test_title_marked (made));
  /* The window that asked still shows its own map. */
  g_assert_cmpuint (qg_document_get_n_entities (current_document (window)), >, 0);
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    qg_test_collect_if (GTK_WIDGET (made), qg_test_is_shown_of_type,
                        GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE), pages);
    g_assert_cmpuint (pages->len, ==, 1);
    g_assert_cmpstr (adw_status_page_get_title (g_ptr_array_index (pages, 0)), ==,
                     "Start the Map");
  }

  held = qg_test_hold (made);
  select_passage (made, "The mayor", &start, &end);
  qg_test_keys (GTK_WIDGET (qg_window_get_article_view (made)), "ctrl+shift+e");
  dialog = qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog");
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_for_no_toplevel (QG_TYPE_ENTITY_DIALOG, "the dialog to close");
  qg_test_wait_for_edit_from (made, held);
  g_assert_cmpuint (qg_document_get_n_entities (current_document (made)), ==, 1);
  g_assert_cmpstr (qg_document_get_entity (current_document (made), 0)->name, ==, "The mayor");
  /* The invitation has done its work. */
  g_assert_null (qg_test_find_labelled (GTK_WIDGET (made), ADW_TYPE_STATUS_PAGE,
                                        "Start the Map"));

  gtk_window_destroy (GTK_WINDOW (made));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A folder of recovery copies of a test's own, in place of the build's
 * (QG_RECOVERY_DIR), which is put back for the tests after it. */
typedef struct
{
  char *dir;           /* the test's folder */
  char *copies;        /* in it: QG_RECOVERY_DIR while the test runs */
  char *build_copies;  /* meson's, or NULL */
} RecoveryFolder;

static RecoveryFolder *
recovery_folder_new (void)
{
  RecoveryFolder *folder = g_new0 (RecoveryFolder, 1);

  folder->build_copies = g_strdup (g_getenv ("QG_RECOVERY_DIR"));
  folder->dir = g_dir_make_tmp ("quotegraph-edit-XXXXXX", NULL);
  folder->copies = g_build_filename (folder->dir, "recovery", NULL);
  g_setenv ("QG_RECOVERY_DIR", folder->copies, TRUE);
  return folder;
}

static void
recovery_folder_free (RecoveryFolder *folder)
{
  g_rmdir (folder->copies);
  g_rmdir (folder->dir);
  if (folder->build_copies != NULL)
    g_setenv ("QG_RECOVERY_DIR", folder->build_copies, TRUE);
  else
    g_unsetenv ("QG_RECOVERY_DIR");
  g_free (folder->dir);
  g_free (folder->copies);
  g_free (folder->build_copies);
  g_free (folder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecoveryFolder, recovery_folder_free)

static gboolean
has_recovery_copy (gpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (data, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      return TRUE;
  return FALSE;
}

typedef struct
{
  QgWindow   *window;
  const char *copies;
} CopyWait;

/* A copy on disk, and no write of one still under way. */
static gboolean
copy_written (gpointer data)
{
  CopyWait *wait = data;

  return has_recovery_copy ((gpointer) wait->copies) && wait->window->recovery_writes == 0;
}

static gboolean
no_recovery_copy (gpointer data)
{
  return !has_recovery_copy (data);
}

/* Unsaved work is copied aside after a while; the program's next start
 * (as if after a crash) offers the copy, Recover opens it with its
 * changes unsaved, and Save writes them over the file it came from. */
static void
test_recover_after_a_crash (void)
{
  g_autoptr(RecoveryFolder) recovery = recovery_folder_new ();
  g_autofree char *path = g_build_filename (recovery->dir, "map.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) orphans = NULL;
  QgWindow *window;
  GtkWindow *dialog;
  QgTestOtherWait wait = { NULL, NULL };

  g_setenv ("QG_RECOVERY_SECONDS", "1", TRUE);
  window = copy_with_an_entity (path, "Grace Hopper");
  {
    CopyWait copy_wait = { window, recovery->copies };

    qg_test_wait_for (copy_written, &copy_wait, "a recovery copy of the unsaved change");
  }

  /* The window's process runs: its copy is not offered. */
  orphans = qg_recovery_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  /* A crash leaves the copy, with no window and no process (a closed
   * window removes its copy: it is put back, from another boot). */
  {
    g_autoptr(GDir) folder = g_dir_open (recovery->copies, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gsize));
    const char *name;

    while ((name = g_dir_read_name (folder)) != NULL)
      {
        g_autofree char *file_path = g_build_filename (recovery->copies, name, NULL);
        char *data = NULL;
        gsize size;

        g_assert_true (g_file_get_contents (file_path, &data, &size, NULL));
        if (g_str_has_suffix (name, ".ini"))
          {
            g_autoptr(GKeyFile) keys = g_key_file_new ();

            g_assert_true (g_key_file_load_from_data (keys, data, size, G_KEY_FILE_NONE, NULL));
            g_key_file_set_string (keys, "Recovery", "Boot", "another boot");
            g_free (data);
            data = g_key_file_to_data (keys, &size, NULL);
          }
        g_ptr_array_add (names, g_steal_pointer (&file_path));
        g_ptr_array_add (kept, data);
        g_array_append_val (sizes, size);
      }
    g_assert_cmpuint (names->len, ==, 2);
    gtk_window_destroy (GTK_WINDOW (window));
    g_assert_false (has_recovery_copy (recovery->copies));
    for (guint i = 0; i < names->len; i++)
      g_assert_true (g_file_set_contents (g_ptr_array_index (names, i),
                                          g_ptr_array_index (kept, i),
                                          g_array_index (sizes, gsize, i), NULL));
  }

  g_assert_true (qg_application_offer_recovery (QG_APPLICATION (qg_test_app), NULL));
  dialog = qg_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the offer to recover");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "map.json"));
  answer (GTK_WINDOW (dialog), "_Recover");
  qg_test_wait_for (qg_test_other_window_ready, &wait, "the recovered map's window");
  window = wait.found;
  g_assert_true (has_entity_named (current_document (window), "Grace Hopper"));
  g_assert_true (qg_test_title_marked (window));
  g_assert_true (g_file_equal (qg_window_get_file (window), file));

  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+s");
  qg_test_wait_for (qg_test_not_busy, window, "the map to be saved");
  g_assert_false (qg_test_title_marked (window));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"name\": \"Grace Hopper\""));
  /* Saved, the copy is no longer needed. */
  qg_test_wait_for (no_recovery_copy, recovery->copies, "the recovery copy to go");
  gtk_window_destroy (GTK_WINDOW (window));

  g_unsetenv ("QG_RECOVERY_SECONDS");
  g_unlink (path);

}

/* The example map has no file of its own, and names its article by a
 * path from its folder in the program: its recovery copy carries the
 * article's text, since Recover, with no folder to look in, could not
 * find it (it said "the document was not read from a file", and the work
 * could not be recovered). */
static void
test_recover_the_example_map (void)
{
  g_autoptr(RecoveryFolder) recovery = recovery_folder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) recovered = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autofree char *contents = NULL;
  QgWindow *window;
  const char *name, *text, *recovered_text;
  gsize length, text_length, recovered_length;

  g_setenv ("QG_RECOVERY_SECONDS", "1", TRUE);
  window = window_with_an_entity (NULL, "Grace Hopper");
  {
    CopyWait copy_wait = { window, recovery->copies };

    qg_test_wait_for (copy_written, &copy_wait, "a recovery copy of the unsaved change");
  }

  folder = g_dir_open (recovery->copies, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL && !g_str_has_suffix (name, ".json"))
    ;
  g_assert_nonnull (name);
  {
    g_autofree char *path = g_build_filename (recovery->copies, name, NULL);

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  }
  /* Read as Recover reads a copy of a map with no file. */
  recovered = qg_document_load_from_data (contents, length, NULL, "a new map", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_entity_named (recovered, "Grace Hopper"));
  text = qg_document_get_text (current_document (window), &text_length);
  recovered_text = qg_document_get_text (recovered, &recovered_length);
  g_assert_cmpuint (recovered_length, ==, text_length);
  g_assert_true (memcmp (recovered_text, text, text_length) == 0);

  gtk_window_destroy (GTK_WINDOW (window));
  qg_test_wait_for (no_recovery_copy, recovery->copies, "the recovery copy to go");
  g_unsetenv ("QG_RECOVERY_SECONDS");

}

/* Started with nothing to open, and a copy left by a crash: the question
 * is asked over the window the program opens, not before it, where it
 * was hidden behind the map (and answered by keys meant for the map). */
static void
test_recovery_asked_over_the_window (void)
{
  g_autoptr(RecoveryFolder) recovery = recovery_folder_new ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "valid", "small.json",
                                                   NULL);
  g_autofree char *id = qg_recovery_new_id ();
  g_autofree char *keys_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (qg_recovery_write (id, contents, length, NULL, "Acme and the Agency", &error));
  g_assert_no_error (error);
  /* Left by a process of another boot: a crash's. */
  keys_path = g_strconcat (recovery->copies, G_DIR_SEPARATOR_S, id, ".ini", NULL);
  g_assert_true (g_key_file_load_from_file (keys, keys_path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_string (keys, "Recovery", "Boot", "another boot");
  g_assert_true (g_key_file_save_to_file (keys, keys_path, NULL));

  qg_test_close_all_windows ();
  /* The program's first start in this process (the offer is made once a
   * process): no other test activates the application. */
  g_application_activate (G_APPLICATION (qg_test_app));
  dialog = qg_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the offer to recover");
  /* A map with no file is named by its title, not as "a new map". */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "\u201cAcme and the Agency\u201d"));
  windows = qg_test_app_windows ();
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_true (gtk_window_get_transient_for (dialog) == g_ptr_array_index (windows, 0));
  g_assert_true (gtk_window_get_modal (dialog));
  answer (dialog, "_Not Now");
  qg_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the question to close");

  qg_test_close_all_windows ();
  qg_recovery_discard (id);

}

/* A new map has no file: Ctrl+S asks where, proposing its title, and a
 * path typed there is where it goes, and where Save goes from then on. */
static void
test_save_a_new_map (void)
{
  static const char article[] = "Nobody said anything.";
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "quiet.json", NULL);
  g_autofree char *proposed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) made = qg_document_new_for_article (article, -1, "A quiet day", NULL,
                                                            NULL, &error);
  g_autoptr(QgDocument) saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = qg_window_new (GTK_APPLICATION (qg_test_app), NULL, NULL);
  QgTestSavedWait wait = { window, path };
  GtkFileChooser *chooser;

  g_assert_no_error (error);
  qg_window_show_new_map (window, made);
  gtk_window_present (GTK_WINDOW (window));
  qg_test_wait_for (qg_test_window_ready, window, "the new map");
  g_assert_true (qg_test_title_marked (window));

  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+s");
  qg_test_wait_for (qg_test_file_chooser_shown, NULL, "the Save dialog");
  chooser = qg_test_find_file_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  proposed = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (proposed, ==, "A quiet day.json");
  qg_test_wait_for (qg_test_file_chooser_listed, chooser, "the Save dialog to list its folder");
  qg_test_keys (GTK_WIDGET (chooser), "ctrl+a");
  qg_test_type (GTK_WIDGET (chooser), path);
  qg_test_keys (GTK_WIDGET (chooser), "Return");
  qg_test_wait_for (qg_test_saved_and_closed, &wait, "the new map to be saved");

  g_assert_true (g_file_equal (qg_window_get_file (window), file));
  saved = qg_document_load (file, "quiet.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qg_document_get_text (saved, NULL), ==, article);
  g_assert_cmpstr (qg_document_get_title (saved), ==, "A quiet day");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  QgWindow *window;
  guint     handled;
} HandledWait;

static gboolean
changes_waited_out (gpointer data)
{
  HandledWait *wait = data;

  return wait->window->changes_handled > wait->handled && !qg_window_is_busy (wait->window);
}

static gboolean
reload_question_shown (gpointer data)
{
  AdwMessageDialog *dialog = qg_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog))
         && g_strcmp0 (adw_message_dialog_get_heading (dialog), "Reload the Document?") == 0;
}

/* The file changes on disk under unsaved edits: the window asks, and
 * Keep Your Version keeps them; saved, they are the file, and the
 * window's own write asks nothing. */
static void
test_a_change_on_disk_asks_first (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  QgWindow *window = copy_with_an_entity (path, "Ada Lovelace");
  QgDocument *edited = g_object_ref (current_document (window));
  GtkWindow *dialog;
  guint handled;
  gsize length;

  /* Someone else's change to the file: another title. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  changed = g_strdup (contents);
  g_assert_nonnull (strstr (changed, "\"title\": \""));
  {
    g_autoptr(GString) text = g_string_new (changed);

    g_string_replace (text, "\"title\": \"", "\"title\": \"Changed: ", 1);
    g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  }
  qg_test_wait_for (reload_question_shown, NULL, "the question about the change on disk");
  dialog = qg_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  answer (GTK_WINDOW (dialog), "_Keep Your Version");
  qg_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the question to be answered");
  g_assert_true (current_document (window) == edited);
  g_assert_true (qg_test_title_marked (window));

  handled = window->changes_handled;
  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+s");
  qg_test_wait_for (qg_test_not_busy, window, "the map to be saved");
  g_assert_false (qg_test_title_marked (window));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"name\": \"Ada Lovelace\""));
  g_assert_null (strstr (contents, "Changed: "));
  /* Its own write, once waited out, is not a change to ask about, nor to
   * read back. */
  {
    HandledWait wait = { window, handled };

    qg_test_wait_for (changes_waited_out, &wait, "the window's own write to be waited out");
  }
  g_assert_null (qg_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (current_document (window) == edited);
  g_object_unref (edited);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  gboolean  done;
  gboolean  made;
  GError   *error;
} Applied;

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Applied *applied = user_data;

  applied->made = qg_window_apply_edit_finish (QG_WINDOW (source), result, &applied->error);
  applied->done = TRUE;
}

static gboolean
applied_done (gpointer data)
{
  return ((Applied *) data)->done;
}

/* An edit is made in a thread: meanwhile the window refuses other edits
 * and undo, and then shows the new version, the legend keeping its
 * buttons unless a kind is new; a refusal changes nothing and says why. */
static void
test_edit_made_beside (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *before = qg_window_get_edited_document (window);
  guint n = qg_document_get_n_entities (before);
  Applied refused = { 0 }, first = { 0 }, second = { 0 }, meanwhile = { 0 };
  g_autoptr(QgEdit) nameless = qg_edit_new_add_entity (" ", "person");
  g_autoptr(QgEdit) newcomer = qg_edit_new_add_entity ("A newcomer", "person");
  g_autoptr(QgEdit) another = qg_edit_new_add_entity ("Another", "planet");
  g_autoptr(GError) error = NULL;
  GtkWidget *legend;

  qg_window_apply_edit_async (window, nameless, NULL, applied_cb, &refused);
  qg_test_wait_for (applied_done, &refused, "the refusal");
  g_assert_false (refused.made);
  g_assert_error (refused.error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (refused.error->message, ==, "An entity needs a name");
  g_assert_true (qg_window_get_edited_document (window) == before);

  /* A person more: the legend keeps its buttons, as no kind is new. */
  legend = qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "Person");
  g_assert_nonnull (legend);
  qg_window_apply_edit_async (window, newcomer, NULL, applied_cb, &first);
  qg_test_wait_for (applied_done, &first, "the first edit");
  g_assert_true (first.made);
  g_assert_cmpuint (qg_document_get_n_entities (qg_window_get_edited_document (window)), ==, n + 1);
  qg_test_wait_for (qg_test_window_ready, window, "the edited map");
  g_assert_true (qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "Person")
                 == legend);
  /* Idle, the window asks for an entity when told to. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entity", "s", "");
  gtk_window_destroy (qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog"));
  qg_test_wait_for_no_toplevel (QG_TYPE_ENTITY_DIALOG, "the dialog to close");

  qg_window_apply_edit_async (window, another, NULL, applied_cb, &second);
  /* Under way: nothing else edits the document it is made from, nor
   * undoes it; another edit is refused. */
  g_assert_false (second.done);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entity", "s", "");
  g_assert_null (qg_test_find_toplevel (QG_TYPE_ENTITY_DIALOG));
  g_assert_false (qg_window_apply_edit (window, another, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  qg_window_apply_edit_async (window, another, NULL, applied_cb, &meanwhile);
  qg_test_wait_for (applied_done, &meanwhile, "the edit asked for meanwhile");
  g_assert_false (meanwhile.made);
  g_assert_error (meanwhile.error, G_IO_ERROR, G_IO_ERROR_PENDING);

  qg_test_wait_for (applied_done, &second, "the second edit");
  g_assert_true (second.made);
  g_assert_no_error (second.error);
  g_assert_cmpuint (qg_document_get_n_entities (qg_window_get_edited_document (window)), ==, n + 2);
  g_assert_null (qg_test_find_toplevel (QG_TYPE_ENTITY_DIALOG));
  /* A kind new to the map: the legend shows it. */
  qg_test_wait_for (qg_test_window_ready, window, "the edited map");
  g_assert_nonnull (qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "Planet"));
  g_assert_true (qg_test_title_marked (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (qg_document_get_n_entities (qg_window_get_edited_document (window)), ==, n + 1);
  g_clear_error (&refused.error);
  g_clear_error (&meanwhile.error);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closed while an edit is being made, the window waits for it, then asks
 * what to do with the changes; destroyed, it drops the edit. */
static void
test_close_while_an_edit_is_made (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  Applied made = { 0 }, dropped = { 0 };
  g_autoptr(QgEdit) newcomer = qg_edit_new_add_entity ("A newcomer", "person");
  GtkWindow *question;

  qg_window_apply_edit_async (window, newcomer, NULL, applied_cb, &made);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  qg_test_wait_for (applied_done, &made, "the edit");
  g_assert_true (made.made);
  question = qg_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the question about the changes");
  g_assert_true (gtk_window_get_transient_for (question) == GTK_WINDOW (window));
  /* The window closes once the question is gone, not while it answers. */
  answer (question, "_Discard");
  qg_test_wait_for_no_toplevel (QG_TYPE_WINDOW, "the window to close");

  window = qg_test_open_window (NULL, NULL, NULL);
  qg_window_apply_edit_async (window, newcomer, NULL, applied_cb, &dropped);
  gtk_window_destroy (GTK_WINDOW (window));
  qg_test_wait_for (applied_done, &dropped, "the edit to be dropped");
  g_assert_false (dropped.made);
  g_assert_no_error (dropped.error);
}

/* The zoom a key asked for, under way or done. */
static gboolean
zoomed_in (gpointer data)
{
  return !qg_viewport_get_fitted (data);
}

/* With neato, an edit keeps every entity where it was on screen (pinned
 * in the new layout, and the view following the map's new corner); the
 * new entity finds a place around them. */
static void
test_neato_keeps_the_map_in_place (void)
{
  static const char * const ids[] = { "reuters", "dhs", "kaspersky-lab", "russia" };
  QgWindow *window = qg_test_open_window ("neato", NULL, NULL);
  QgDocument *held;
  GtkWindow *dialog;
  double before[G_N_ELEMENTS (ids)][2];

  /* Closer than the whole map, which an edit would show whole again. The
   * key reaches the window after xdotool ends: measured before the zoom
   * had played out, the places were the ones of a view passing by. */
  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "plus");
  qg_test_wait_for (zoomed_in, qg_graph_view_get_viewport (qg_window_get_graph_view (window)),
                    "the zoom");
  qg_graph_view_finish_animations (qg_window_get_graph_view (window));
  qg_test_wait_frames (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    node_on_screen (window, ids[i], &before[i][0], &before[i][1]);

  held = qg_test_hold (window);
  qg_test_click_widget (qg_test_find_labelled (panel_of (window), GTK_TYPE_BUTTON,
                                               "_Add Entity…"));
  dialog = qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog");
  qg_test_type (GTK_WIDGET (dialog), "A newcomer");
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_for_edit_from (window, held);
  g_assert_cmpstr (qg_window_get_layout_engine (window), ==, "neato");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      double x, y;

      node_on_screen (window, ids[i], &x, &y);
      g_test_message ("%s: (%.1f, %.1f) → (%.1f, %.1f)", ids[i], before[i][0], before[i][1], x,
                      y);
      /* Graphviz keeps the place it was given; a name's box may grow or
       * shrink by a point or two around it. */
      g_assert_cmpfloat_with_epsilon (x, before[i][0], 4.0);
      g_assert_cmpfloat_with_epsilon (y, before[i][1], 4.0);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_relation_link (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && gtk_widget_has_css_class (widget, "relation-link");
}

static gboolean
relation_selected (gpointer data)
{
  const char *id = qg_graph_view_get_selection (qg_window_get_graph_view (data));

  return id != NULL && qg_document_find_relation (current_document (data), id) >= 0;
}

/* A relation's Edit…: both ends, the label and the stance can change. */
static void
test_edit_a_relation (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *held;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autofree char *id = NULL;
  const QgRelation *relation;
  GtkWindow *dialog;
  GtkWidget *from;

  click_node (window, "best-buy");
  qg_test_collect_if (panel_of (window), is_relation_link, NULL, links);
  g_assert_cmpuint (links->len, >, 0);
  /* Reached as with Tab, and pressed with Enter. */
  gtk_widget_grab_focus (g_ptr_array_index (links, 0));
  qg_test_wait_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_has_focus (g_ptr_array_index (links, 0)));
  qg_test_keys (GTK_WIDGET (window), "Return");
  qg_test_wait_for (relation_selected, window, "a relation to be selected");
  qg_test_wait_frames (GTK_WIDGET (window));
  id = g_strdup (qg_graph_view_get_selection (qg_window_get_graph_view (window)));
  g_assert_cmpint (qg_document_find_relation (current_document (window), id), >=, 0);

  held = qg_test_hold (window);
  {
    g_autoptr(GPtrArray) edits = g_ptr_array_new ();

    qg_test_collect_if (panel_of (window), qg_test_is_shown_button_labelled, "_Edit…", edits);
    g_assert_cmpuint (edits->len, ==, 1);
    qg_test_click_widget (g_ptr_array_index (edits, 0));
  }
  dialog = qg_test_wait_for_toplevel (QG_TYPE_RELATION_DIALOG, "the relation dialog");
  g_assert_cmpstr (qg_relation_dialog_get_relation_id (QG_RELATION_DIALOG (dialog)), ==, id);
  /* Nothing to save until something is changed. */
  qg_test_wait_frames (GTK_WIDGET (dialog));
  g_assert_false (save_sensitive (dialog));
  /* The From row's button, which names the relation's source. */
  {
    GtkWidget *row = qg_test_find_labelled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "From");
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    g_assert_nonnull (row);
    qg_test_collect_if (row, qg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON), buttons);
    g_assert_cmpuint (buttons->len, ==, 1);
    from = g_ptr_array_index (buttons, 0);
  }
  qg_test_click_widget (from);
  qg_test_wait_for (shown_chooser, dialog, "the other entity to be asked for");
  qg_test_type (GTK_WIDGET (dialog), "newegg");
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_frames (GTK_WIDGET (dialog));
  g_assert_cmpstr (qg_relation_dialog_get_source_id (QG_RELATION_DIALOG (dialog)), ==, "newegg");
  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                               "Label, as in “From Label To”"));
  qg_test_keys (GTK_WIDGET (dialog), "ctrl+a");
  qg_test_type (GTK_WIDGET (dialog), "also stops selling");
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_for_no_toplevel (QG_TYPE_RELATION_DIALOG, "the dialog to close");
  qg_test_wait_for_edit_from (window, held);

  relation = qg_document_get_relation (current_document (window),
                                       qg_document_find_relation (current_document (window), id));
  g_assert_cmpstr (qg_document_get_entity (current_document (window), relation->source)->id, ==,
                   "newegg");
  g_assert_cmpstr (relation->label, ==, "also stops selling");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!qg_test_init_ui (&argc, &argv))
    return 0;
  g_test_add_func ("/quotegraph/edit/add-quote-from-a-selection", test_add_quote_from_a_selection);
  g_test_add_func ("/quotegraph/edit/add-entity-from-the-bubble", test_add_entity_from_the_bubble);
  g_test_add_func ("/quotegraph/edit/name-already-on-the-map", test_name_already_on_the_map);
  g_test_add_func ("/quotegraph/edit/connect-two-entities", test_connect_two_entities);
  g_test_add_func ("/quotegraph/edit/delete-says-what-goes", test_delete_says_what_goes);
  g_test_add_func ("/quotegraph/edit/save-close-reopen", test_save_close_reopen);
  g_test_add_func ("/quotegraph/edit/edit-a-quote", test_edit_a_quote);
  g_test_add_func ("/quotegraph/edit/merge-two-entities", test_merge_two_entities);
  g_test_add_func ("/quotegraph/edit/edit-a-relation", test_edit_a_relation);
  g_test_add_func ("/quotegraph/edit/new-map-from-an-article", test_new_map_from_an_article);
  g_test_add_func ("/quotegraph/edit/recover-after-a-crash", test_recover_after_a_crash);
  g_test_add_func ("/quotegraph/edit/recover-the-example-map", test_recover_the_example_map);
  g_test_add_func ("/quotegraph/edit/recovery-asked-over-the-window",
                   test_recovery_asked_over_the_window);
  g_test_add_func ("/quotegraph/edit/edit-made-beside", test_edit_made_beside);
  g_test_add_func ("/quotegraph/edit/close-while-an-edit-is-made",
                   test_close_while_an_edit_is_made);
  g_test_add_func ("/quotegraph/edit/neato-keeps-the-map-in-place",
                   test_neato_keeps_the_map_in_place);
  g_test_add_func ("/quotegraph/edit/a-change-on-disk-asks-first",
                   test_a_change_on_disk_asks_first);
  /* GTK's file dialog, below /quotegraph/edit/dialog/: run by itself. */
  g_test_add_func ("/quotegraph/edit/dialog/save-a-new-map", test_save_a_new_map);
  return g_test_run ();
}
