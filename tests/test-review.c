/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reviewing a draft in the window, by real input through the X server:
 * the drafted items listed beside the sources, each accepted, rejected
 * (and the rejection undone) or edited, all of them accepted at once, the
 * map saved and read back without a mark; a new map drafted from an
 * article pasted into the New Map dialog; Draft Again. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qg-draft-item.h"
#include "qg-drafter.h"
#include "qg-entity-dialog.h"
#include "qg-history.h"
#include "qg-new-map-dialog.h"
#include "qg-test-utils.h"
#include "qg-ui-test.h"
#include "qg-window-private.h"

/* The article of issue 11's test: two quotes, one before its attribution,
 * one after, and a speaker described by an appositive. */
#define MATCH_ARTICLE "Ann Lee said: \"We won the match.\" Later, \"It was hard,\" said Bob " \
                      "Ray, the coach of Northfield United."

static QgDocument *
current_document (QgWindow *window)
{
  return qg_window_get_document (window);
}

/* A copy of tests/data/drafts.json in a new folder; its path. */
static char *
copy_drafts (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "drafts.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  return qg_test_scratch_file ("drafts.json", contents, length);
}

/* ------------------------------------------------------------------------ */
/* The review list                                                           */

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  id)
{
  QgDraftItem *item = g_object_get_data (G_OBJECT (widget), "draft-item");

  return GTK_IS_LIST_BOX_ROW (widget) && item != NULL
         && g_str_equal (qg_draft_item_get_id (item), id);
}

/* The review list's row of @id, or NULL. */
static GtkWidget *
find_row (QgWindow   *window,
          const char *id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (window->review_panel), is_row_of, id, rows);
  g_assert_cmpuint (rows->len, <=, 1);
  return rows->len == 1 ? g_ptr_array_index (rows, 0) : NULL;
}

typedef struct
{
  GtkWidget *widget;
  GtkWidget *viewport;
} InView;

/* Whether @widget is all inside @viewport's visible part. */
static gboolean
in_view (gpointer data)
{
  InView *w = data;
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (w->widget, w->viewport, &bounds))
    return FALSE;
  return gtk_widget_get_mapped (w->widget) && bounds.origin.y >= 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (w->viewport);
}

/* @widget of the review list, scrolled into view: the focus given to it,
 * as the keys would, brings it there. */
static GtkWidget *
scrolled_to (GtkWidget *widget)
{
  InView wait = { widget, NULL };

  g_assert_nonnull (widget);
  wait.viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  g_assert_nonnull (wait.viewport);
  gtk_widget_grab_focus (widget);
  qg_test_wait_for (in_view, &wait, "the review list to scroll to it");
  qg_test_wait_frames (widget);
  return widget;
}

static GtkWidget *
shown_row (QgWindow   *window,
           const char *id)
{
  return scrolled_to (find_row (window, id));
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A real click on the button of @id's row with @tooltip ("Accept",
 * "Reject", "Edit…"). */
static void
click_row_button (QgWindow   *window,
                  const char *id,
                  const char *tooltip)
{
  GtkWidget *row = shown_row (window, id);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *button;

  qg_test_collect_if (row, is_button_with_tooltip, tooltip, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  button = g_ptr_array_index (buttons, 0);
  /* Its accessible name, for those who do not see the icon. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, tooltip);
  qg_test_click_widget (button);
}

/* A real click on the words of @id's row, away from its buttons. */
static void
click_row (QgWindow   *window,
           const char *id)
{
  GtkWidget *row = shown_row (window, id);

  qg_test_click (row, 16, gtk_widget_get_height (row) / 2.0);
}

static gboolean
review_shown (QgWindow *window)
{
  return adw_view_stack_page_get_visible (window->review_page)
         && gtk_widget_get_visible (window->side_switcher)
         && g_strcmp0 (adw_view_stack_get_visible_child_name (window->side_stack), "review") == 0;
}

static gboolean
review_gone (QgWindow *window)
{
  /* The switcher stays, for the List page. */
  return !adw_view_stack_page_get_visible (window->review_page)
         && gtk_widget_get_visible (window->side_switcher)
         && g_strcmp0 (adw_view_stack_get_visible_child_name (window->side_stack), "sources") == 0;
}

/* The count above the list, and the switcher's badge. */
static void
assert_drafts_listed (QgWindow *window,
                      guint     n)
{
  g_autofree char *count = g_strdup_printf (n == 1 ? "%u draft to review" : "%u drafts to review",
                                            n);

  g_assert_cmpuint (qg_document_count_drafts (current_document (window)), ==, n);
  g_assert_cmpuint (qg_review_panel_get_n_drafts (window->review_panel), ==, n);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (window->review_page), ==, n);
  g_assert_nonnull (qg_test_find_labelled (GTK_WIDGET (window->review_panel), GTK_TYPE_LABEL,
                                           count));
}

static gboolean
saved (gpointer data)
{
  return !qg_window_is_busy (data) && !qg_test_title_marked (data);
}

/* A map with drafts opens on them; Accept on one quote's row accepts it
 * and its speaker; Reject on another's takes it and the relation it alone
 * backed, and says so; Ctrl+Z brings them back; Accept All accepts the
 * rest in one edit, and the Review page goes; Ctrl+S writes the map
 * without a mark, and it reads back so. */
static void
test_accept_reject_undo_save (void)
{
  g_autofree char *path = copy_drafts ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(QgDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgDocument *doc = current_document (window);

  g_assert_true (review_shown (window));
  assert_drafts_listed (window, 8);
  g_assert_false (qg_test_title_marked (window));

  /* Accept: the quote, and the speaker it rests on. */
  {
    QgDocument *held = qg_test_hold (window);

    click_row_button (window, "won", "Accept");
    qg_test_wait_for_edit_from (window, held);
  }
  doc = current_document (window);
  g_assert_false (qg_test_is_draft (doc, "won"));
  g_assert_false (qg_test_is_draft (doc, "ann-lee"));
  g_assert_true (qg_test_is_draft (doc, "hard"));
  g_assert_true (qg_test_is_draft (doc, "ann-lee-northfield-united"));
  assert_drafts_listed (window, 6);
  g_assert_null (find_row (window, "won"));
  g_assert_null (find_row (window, "ann-lee"));
  g_assert_true (qg_test_title_marked (window));
  g_assert_cmpstr (qg_history_get_undo_label (window->history), ==, "Accept Draft");

  /* Reject, no question asked: the quote and the relation it backed. */
  {
    QgDocument *held = qg_test_hold (window);

    click_row_button (window, "hard", "Reject");
    qg_test_wait_for_edit_from (window, held);
  }
  doc = current_document (window);
  g_assert_cmpint (qg_document_find_quote (doc, "hard"), <, 0);
  g_assert_cmpint (qg_document_find_relation (doc, "bob-ray-northfield-united"), <, 0);
  g_assert_true (qg_test_is_draft (doc, "bob-ray"));
  assert_drafts_listed (window, 4);
  g_assert_null (qg_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  qg_test_wait_for_shown_label (GTK_WIDGET (window), "Rejected “It was hard,” and 1 relation");
  g_assert_cmpstr (qg_history_get_undo_label (window->history), ==, "Reject Draft");

  /* Undone, as any edit. */
  {
    QgDocument *held = qg_test_hold (window);

    qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+z");
    qg_test_wait_for_edit_from (window, held);
  }
  doc = current_document (window);
  g_assert_true (qg_test_is_draft (doc, "hard"));
  g_assert_true (qg_test_is_draft (doc, "bob-ray-northfield-united"));
  g_assert_false (qg_test_is_draft (doc, "won"));
  assert_drafts_listed (window, 6);
  g_assert_nonnull (find_row (window, "hard"));

  /* Accept All: one edit, and nothing left to review. */
  {
    QgDocument *held = qg_test_hold (window);

    qg_test_click_widget (scrolled_to (qg_test_find_labelled (GTK_WIDGET (window->review_panel),
                                                              GTK_TYPE_BUTTON, "_Accept All")));
    qg_test_wait_for_edit_from (window, held);
  }
  doc = current_document (window);
  g_assert_cmpuint (qg_document_count_drafts (doc), ==, 0);
  g_assert_cmpuint (qg_document_get_n_quotes (doc), ==, 4);
  g_assert_cmpuint (qg_document_get_n_relations (doc), ==, 3);
  g_assert_true (review_gone (window));
  qg_test_wait_for_shown_label (GTK_WIDGET (window), "All drafts reviewed");
  g_assert_cmpstr (qg_history_get_undo_label (window->history), ==, "Accept Drafts");

  /* Saved, and read back: the same map, without a mark. */
  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+s");
  qg_test_wait_for (saved, window, "the map to be saved");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "\"draft\""));
  reread = qg_document_load (file, "drafts.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qg_document_count_drafts (reread), ==, 0);
  qg_test_assert_same_model (reread, current_document (window));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Opened again: nothing to review. */
  window = qg_test_open_window (NULL, NULL, file);
  g_assert_true (review_gone (window));
  g_assert_cmpuint (qg_document_count_drafts (current_document (window)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  qg_test_remove_scratch (path);
}

/* A row shows its item on the map: an entity's node, and for a quote its
 * passage in the article and what it backs (its relation, else its
 * speaker). Edit… opens the item's dialog; the panel, on the Sources page,
 * says a drafted entity is a draft, and its Accept accepts it. */
typedef struct
{
  QgGraphView *view;
  const char  *id;
  gboolean     hidden;
} HiddenWait;

static gboolean
hidden_in (gpointer data)
{
  HiddenWait *wait = data;

  return qg_graph_view_is_hidden (wait->view, wait->id) == wait->hidden;
}

/* The legend says what the dotted items are, and hides them and shows
 * them again with a click, as it does a kind; what is checked stays. */
static void
test_legend_hides_drafts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "drafts.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgGraphView *view = qg_window_get_graph_view (window);
  GtkWidget *toggle = qg_test_find_labelled (GTK_WIDGET (window->legend), GTK_TYPE_TOGGLE_BUTTON,
                                             "Drafts");

  g_assert_nonnull (toggle);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_false (qg_graph_view_is_hidden (view, "ann-lee"));
  qg_test_click_widget (toggle);
  qg_test_wait_for (hidden_in, &(HiddenWait) { view, "ann-lee", TRUE }, "the drafts hidden");
  g_assert_true (qg_graph_view_is_hidden (view, "eastbrook"));
  g_assert_false (qg_graph_view_is_hidden (view, "carla-diaz"));
  g_assert_false (qg_graph_view_is_hidden (view, "northfield-united"));
  qg_test_click_widget (toggle);
  qg_test_wait_for (hidden_in, &(HiddenWait) { view, "ann-lee", FALSE }, "the drafts shown");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_rows_select_and_edit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "drafts.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgArticleView *article = qg_window_get_article_view (window);
  QgDocument *doc = current_document (window);
  const QgQuote *referee = qg_document_get_quote (doc, qg_document_find_quote (doc, "referee"));
  GtkWindow *dialog;
  gsize start, end;

  click_row (window, "bob-ray");
  qg_test_wait_for_selection (view, "bob-ray");

  /* A quote that backs no relation stands for its speaker. */
  click_row (window, "referee");
  qg_test_wait_for_selection (view, "carla-diaz");
  g_assert_true (qg_article_view_get_shown (article, &start, &end));
  g_assert_cmpuint (start, ==, referee->start);
  g_assert_cmpuint (end, ==, referee->end);
  click_row (window, "won");
  qg_test_wait_for_selection (view, "ann-lee-northfield-united");

  click_row_button (window, "eastbrook", "Edit…");
  dialog = qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog");
  g_assert_cmpstr (qg_entity_dialog_get_entity_id (QG_ENTITY_DIALOG (dialog)), ==, "eastbrook");
  qg_test_keys (GTK_WIDGET (dialog), "Escape");
  qg_test_wait_for_no_toplevel (QG_TYPE_ENTITY_DIALOG, "the dialog to close");

  /* The Sources page: the selected draft says so, and accepts. */
  click_row (window, "bob-ray");
  qg_test_wait_for_selection (view, "bob-ray");
  qg_test_click_widget (qg_test_find_labelled (window->side_switcher, GTK_TYPE_TOGGLE_BUTTON,
                                               "Sources"));
  qg_test_wait_frames (GTK_WIDGET (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "sources");
  g_assert_nonnull (qg_test_find_labelled (GTK_WIDGET (qg_window_get_source_panel (window)),
                                           GTK_TYPE_BUTTON, "_Accept"));
  {
    QgDocument *held = qg_test_hold (window);

    qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (qg_window_get_source_panel (window)),
                                                 GTK_TYPE_BUTTON, "_Accept"));
    qg_test_wait_for_edit_from (window, held);
  }
  g_assert_false (qg_test_is_draft (current_document (window), "bob-ray"));
  g_assert_cmpuint (qg_document_count_drafts (current_document (window)), ==, 7);
  g_assert_null (qg_test_find_labelled (GTK_WIDGET (qg_window_get_source_panel (window)),
                                        GTK_TYPE_BUTTON, "_Accept"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------ */
/* Drafting                                                                  */

static QgDocument *
draft_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  QgDocument *draft = qg_drafter_draft (text, -1, "Match", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return draft;
}

/* Two models the same, drafts marked alike. */
static void
assert_same_draft (QgDocument *a,
                   QgDocument *b)
{
  qg_test_assert_same_model (a, b);
  for (guint i = 0; i < qg_document_get_n_entities (a); i++)
    g_assert_cmpint (qg_document_get_entity (a, i)->draft, ==,
                     qg_document_get_entity (b, i)->draft);
  for (guint i = 0; i < qg_document_get_n_quotes (a); i++)
    g_assert_cmpint (qg_document_get_quote (a, i)->draft, ==, qg_document_get_quote (b, i)->draft);
  for (guint i = 0; i < qg_document_get_n_relations (a); i++)
    g_assert_cmpint (qg_document_get_relation (a, i)->draft, ==,
                     qg_document_get_relation (b, i)->draft);
}

/* The drafter on this branch may be its stub, which drafts nothing: the
 * tests of what the real drafter finds in MATCH_ARTICLE wait for it.
 * Merged onto the drafter, they run. */
/* A new map drafted: the window is busy, and says so, while the article
 * is drafted in a thread; then it shows the drafter's draft, unsaved. */
static void
test_new_map_shows_the_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) empty = qg_document_new_for_article (MATCH_ARTICLE, -1, "Match", NULL,
                                                             NULL, &error);
  g_autoptr(QgDocument) expected = draft_of (MATCH_ARTICLE);
  QgWindow *window = qg_window_new (GTK_APPLICATION (qg_test_app), NULL, NULL);

  g_assert_no_error (error);
  qg_window_show_new_map_drafted (window, empty);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (qg_window_is_busy (window));
  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "Drafting the Map…");
  qg_test_wait_for (qg_test_window_ready, window, "the drafted map");

  assert_same_draft (current_document (window), expected);
  g_assert_null (qg_window_get_file (window));
  g_assert_true (qg_test_title_marked (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Main Menu") == 0;
}

typedef struct
{
  QgWindow   *window;
  const char *label;
  GtkWidget  *found;
} MenuWait;

static gboolean
menu_item_shown (gpointer data)
{
  MenuWait *w = data;
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (w->window), is_main_menu_button, NULL, menus);
  g_assert_cmpuint (menus->len, ==, 1);
  qg_test_collect_if (g_ptr_array_index (menus, 0), qg_test_is_shown_label, w->label, labels);
  w->found = labels->len == 1 ? g_ptr_array_index (labels, 0) : NULL;
  return w->found != NULL;
}

/* A real click on the main menu, then on its item @label. */
static void
choose_from_main_menu (QgWindow   *window,
                       const char *label)
{
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();
  MenuWait wait = { window, label, NULL };

  qg_test_collect_if (GTK_WIDGET (window), is_main_menu_button, NULL, menus);
  g_assert_cmpuint (menus->len, ==, 1);
  qg_test_click_widget (g_ptr_array_index (menus, 0));
  qg_test_wait_for (menu_item_shown, &wait, label);
  qg_test_wait_frames (wait.found);
  qg_test_click_widget (wait.found);
}

/* Draft Again on a map that has all its draft has adds nothing, and says
 * so: no edit is made. */
static void
test_draft_again_adds_nothing_new (void)
{
  g_autoptr(QgDocument) draft = draft_of (MATCH_ARTICLE);
  QgWindow *window = qg_window_new (GTK_APPLICATION (qg_test_app), NULL, NULL);
  QgDocument *shown;

  qg_window_show_new_map (window, draft);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  qg_test_wait_for (qg_test_window_ready, window, "the map");
  shown = current_document (window);
  g_assert_false (qg_history_get_can_undo (window->history));

  choose_from_main_menu (window, "_Draft Again");
  qg_test_wait_for_shown_label (GTK_WIDGET (window), "The draft adds nothing new");
  qg_test_wait_for (qg_test_not_busy, window, "the draft");
  g_assert_true (current_document (window) == shown);
  g_assert_false (qg_history_get_can_undo (window->history));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Draft Again on a map of the article started by hand adds the draft, as
 * drafts, in one edit that one Undo takes back. */
static void
test_draft_again_adds_the_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) empty = NULL;
  g_autoptr(QgDocument) draft = NULL;
  g_autofree char *added = NULL;
  QgWindow *window;
  guint n;

  empty = qg_document_new_for_article (MATCH_ARTICLE, -1, "Match", NULL, NULL, &error);
  g_assert_no_error (error);
  draft = draft_of (MATCH_ARTICLE);
  n = qg_document_count_drafts (draft);
  window = qg_window_new (GTK_APPLICATION (qg_test_app), NULL, NULL);
  qg_window_show_new_map (window, empty);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  qg_test_wait_for (qg_test_window_ready, window, "the map");

  {
    QgDocument *held = qg_test_hold (window);

    choose_from_main_menu (window, "_Draft Again");
    qg_test_wait_for_edit_from (window, held);
  }
  added = g_strdup_printf (n == 1 ? "Added %u draft" : "Added %u drafts", n);
  qg_test_wait_for_shown_label (GTK_WIDGET (window), added);
  assert_same_draft (current_document (window), draft);
  g_assert_true (review_shown (window));
  g_assert_cmpstr (qg_history_get_undo_label (window->history), ==, "Draft Again");
  {
    QgDocument *held = qg_test_hold (window);

    qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+z");
    qg_test_wait_for_edit_from (window, held);
  }
  g_assert_cmpuint (qg_document_count_drafts (current_document (window)), ==, 0);
  g_assert_cmpuint (qg_document_get_n_quotes (current_document (window)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The quote of @doc whose text has @words, or NULL. */
static const QgQuote *
quote_with (QgDocument *doc,
            const char *words)
{
  for (guint i = 0; i < qg_document_get_n_quotes (doc); i++)
    if (strstr (qg_document_get_quote (doc, i)->text, words) != NULL)
      return qg_document_get_quote (doc, i);
  return NULL;
}

static const char *
speaker_of (QgDocument    *doc,
            const QgQuote *quote)
{
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->speaker, >=, 0);
  return qg_document_get_entity (doc, quote->speaker)->name;
}

/* Issue 11's test: New Map from Article with the article pasted, Create
 * with Draft the Map on: both quotes are there, drafts, said by Ann Lee and
 * Bob Ray. One is accepted, the other rejected, the rejection undone; the
 * map saved through the Save dialog, and opened again with its marks. */
static void
test_new_map_from_pasted_article (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "match.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *won_id = NULL;
  g_autofree char *hard_id = NULL;
  g_autofree char *ann_id = NULL;
  QgTestOtherWait wait = { NULL, NULL };
  QgWindow *window, *made;
  GtkWindow *dialog;
  GtkFileChooser *chooser;
  QgDocument *doc;

  window = qg_test_open_window (NULL, NULL, NULL);
  wait.than = window;
  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (window)), "ctrl+n");
  dialog = qg_test_wait_for_toplevel (QG_TYPE_NEW_MAP_DIALOG, "the New Map dialog");
  qg_test_collect_if (GTK_WIDGET (dialog), qg_test_is_shown_of_type,
                      GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW), views);
  g_assert_cmpuint (views->len, ==, 1);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), MATCH_ARTICLE);
  qg_test_click_widget (g_ptr_array_index (views, 0));
  qg_test_keys (GTK_WIDGET (dialog), "ctrl+v");
  qg_test_keys (GTK_WIDGET (dialog), "Tab");
  qg_test_type (GTK_WIDGET (dialog), "Match");
  g_assert_true (qg_new_map_dialog_get_draft_map (QG_NEW_MAP_DIALOG (dialog)));
  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate"));
  qg_test_wait_for (qg_test_other_window_ready, &wait, "the drafted map's window");
  made = wait.found;
  qg_graph_view_finish_animations (qg_window_get_graph_view (made));
  qg_test_wait_frames (GTK_WIDGET (made));

  /* The draft: both quotes, their speakers, everything marked. */
  doc = current_document (made);
  g_assert_cmpstr (qg_document_get_text (doc, NULL), ==, MATCH_ARTICLE);
  g_assert_cmpuint (qg_document_get_n_quotes (doc), >=, 2);
  g_assert_cmpstr (speaker_of (doc, quote_with (doc, "We won the match.")), ==, "Ann Lee");
  g_assert_cmpstr (speaker_of (doc, quote_with (doc, "It was hard")), ==, "Bob Ray");
  g_assert_cmpuint (qg_document_count_drafts (doc), ==,
                    qg_document_get_n_entities (doc) + qg_document_get_n_quotes (doc)
                    + qg_document_get_n_relations (doc));
  g_assert_true (review_shown (made));
  g_assert_true (qg_test_title_marked (made));
  won_id = g_strdup (quote_with (doc, "We won the match.")->id);
  hard_id = g_strdup (quote_with (doc, "It was hard")->id);
  ann_id = g_strdup (qg_document_get_entity (doc, quote_with (doc, "We won")->speaker)->id);

  {
    QgDocument *held = qg_test_hold (made);

    click_row_button (made, won_id, "Accept");
    qg_test_wait_for_edit_from (made, held);
  }
  g_assert_false (qg_test_is_draft (current_document (made), won_id));
  g_assert_false (qg_test_is_draft (current_document (made), ann_id));
  {
    QgDocument *held = qg_test_hold (made);

    click_row_button (made, hard_id, "Reject");
    qg_test_wait_for_edit_from (made, held);
  }
  g_assert_cmpint (qg_document_find_quote (current_document (made), hard_id), <, 0);
  {
    QgDocument *held = qg_test_hold (made);

    qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (made)), "ctrl+z");
    qg_test_wait_for_edit_from (made, held);
  }
  g_assert_true (qg_test_is_draft (current_document (made), hard_id));

  /* A new map: Ctrl+S asks where. */
  qg_test_keys (GTK_WIDGET (qg_window_get_graph_view (made)), "ctrl+s");
  qg_test_wait_for (qg_test_file_chooser_shown, NULL, "the Save dialog");
  chooser = qg_test_find_file_chooser ();
  qg_test_wait_for (qg_test_file_chooser_listed, chooser, "the Save dialog to list its folder");
  qg_test_keys (GTK_WIDGET (chooser), "ctrl+a");
  qg_test_type (GTK_WIDGET (chooser), path);
  qg_test_keys (GTK_WIDGET (chooser), "Return");
  {
    QgTestSavedWait saved_wait = { made, path };

    qg_test_wait_for (qg_test_saved_and_closed, &saved_wait, "the new map to be saved");
  }
  gtk_window_destroy (GTK_WINDOW (made));

  /* Read back: the accepted quote and its speaker checked, the other a
   * draft still. */
  made = qg_test_open_window (NULL, NULL, file);
  doc = current_document (made);
  g_assert_false (qg_test_is_draft (doc, won_id));
  g_assert_false (qg_test_is_draft (doc, ann_id));
  g_assert_true (qg_test_is_draft (doc, hard_id));
  g_assert_cmpstr (speaker_of (doc, quote_with (doc, "It was hard")), ==, "Bob Ray");
  g_assert_true (review_shown (made));
  gtk_window_destroy (GTK_WINDOW (made));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!qg_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/quotegraph/review/accept-reject-undo-save", test_accept_reject_undo_save);
  g_test_add_func ("/quotegraph/review/rows-select-and-edit", test_rows_select_and_edit);
  g_test_add_func ("/quotegraph/review/legend-hides-drafts", test_legend_hides_drafts);
  g_test_add_func ("/quotegraph/review/new-map-shows-the-draft", test_new_map_shows_the_draft);
  g_test_add_func ("/quotegraph/review/draft-again-adds-nothing-new",
                   test_draft_again_adds_nothing_new);
  g_test_add_func ("/quotegraph/review/draft-again-adds-the-draft",
                   test_draft_again_adds_the_draft);
  /* GTK's Save dialog: run by tests/meson.build as a test of its own. */
  g_test_add_func ("/quotegraph/review/dialog/new-map-from-pasted-article",
                   test_new_map_from_pasted_article);

  status = g_test_run ();
  g_clear_object (&qg_test_app);
  return status;
}
