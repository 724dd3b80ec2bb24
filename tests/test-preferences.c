/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences, opened by their key and changed by real clicks: each is
 * written to the settings and applies at once to the window on screen. */
#include "config.h"

#include "qg-preferences-window.h"
#include "qg-settings.h"
#include "qg-ui-test.h"

static gboolean
preferences_shown (gpointer data)
{
  GtkWidget *window = qg_test_find_toplevel (QG_TYPE_PREFERENCES_WINDOW);

  return window != NULL && gtk_widget_get_mapped (window);
}

static gboolean
legend_hidden (gpointer data)
{
  gboolean shown = TRUE;

  g_object_get (data, "show-legend", &shown, NULL);
  return !shown;
}

static gboolean
is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
engine_is_neato (gpointer data)
{
  return g_strcmp0 (qg_window_get_layout_engine (data), "neato") == 0
         && !qg_window_is_busy (data);
}

static gboolean
export_unfiltered (gpointer data)
{
  return !g_settings_get_boolean (data, "export-filtered");
}

static gboolean
drafts_left_out (gpointer data)
{
  g_autofree char *value = g_settings_get_string (data, "export-drafts");

  return g_strcmp0 (value, "left-out") == 0;
}

static gboolean
names_larger (gpointer data)
{
  return qg_graph_view_get_name_pixels (qg_window_get_graph_view (data)) == 20;
}

/* The item of an open combo row's list, by its words. */
static GtkWidget *
list_item (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  qg_test_collect_if (root, qg_test_is_label, text, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_ancestor (label, GTK_TYPE_POPOVER) != NULL && gtk_widget_get_mapped (label))
        return label;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} ItemWait;

static gboolean
item_shown (gpointer data)
{
  ItemWait *wait = data;

  return list_item (wait->root, wait->text) != NULL;
}

/* Opens @row's list with a click and clicks @text in it, once the list
 * has come to rest: clicked as it is first shown, on a busy machine, the
 * click can land where the item is not yet. */
static void
choose (GtkWidget  *root,
        GtkWidget  *row,
        const char *text)
{
  ItemWait wait = { root, text };

  qg_test_click_widget (row);
  qg_test_wait_for (item_shown, &wait, text);
  qg_test_wait_settled (list_item (root, text));
  qg_test_click_widget (list_item (root, text));
}

static void
test_preferences_apply (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autoptr(GSettings) settings = qg_settings_new ();
  GtkWidget *preferences;

  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  qg_test_keys (GTK_WIDGET (window), "ctrl+comma");
  qg_test_wait_for (preferences_shown, NULL, "the Preferences");
  preferences = qg_test_find_toplevel (QG_TYPE_PREFERENCES_WINDOW);
  qg_test_wait_frames (preferences);

  /* The legend's switch: the window hides its legend. */
  qg_test_click_widget (qg_test_find_labelled (preferences, ADW_TYPE_ACTION_ROW,
                                               "Show the Le_gend"));
  qg_test_wait_for (legend_hidden, window, "the legend to go");
  g_assert_false (g_settings_get_boolean (settings, "show-legend"));

  /* The style: dark, at once. */
  choose (preferences, qg_test_find_labelled (preferences, ADW_TYPE_COMBO_ROW, "_Style"), "Dark");
  qg_test_wait_for (is_dark, NULL, "the dark style");
  {
    g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (scheme, ==, "dark");
  }

  /* The default layout: the map on screen is laid out again with it. */
  choose (preferences, qg_test_find_labelled (preferences, ADW_TYPE_COMBO_ROW, "Default _Layout"),
          "Spring (neato)");
  qg_test_wait_for (engine_is_neato, window, "the neato layout");
  {
    g_autofree char *engine = g_settings_get_string (settings, "layout-engine");

    g_assert_cmpstr (engine, ==, "neato");
  }

  /* Larger names on the map, at once. */
  g_assert_cmpfloat (qg_graph_view_get_name_pixels (qg_window_get_graph_view (window)), ==, 13);
  choose (preferences, qg_test_find_labelled (preferences, ADW_TYPE_COMBO_ROW, "Label Si_ze"),
          "Larger");
  qg_test_wait_for (names_larger, window, "the larger names");
  g_assert_cmpint (g_settings_get_int (settings, "label-size"), ==, 20);

  /* What exports propose. */
  qg_test_click_widget (qg_test_find_labelled (preferences, ADW_TYPE_ACTION_ROW,
                                               "Only What the _Filters Show"));
  qg_test_wait_for (export_unfiltered, settings, "the export setting");
  choose (preferences, qg_test_find_labelled (preferences, ADW_TYPE_COMBO_ROW, "_Drafts"),
          "Left Out");
  qg_test_wait_for (drafts_left_out, settings, "the drafts setting");

  /* Opened again, the window shows what was chosen. */
  gtk_window_destroy (GTK_WINDOW (preferences));
  qg_test_keys (GTK_WIDGET (window), "ctrl+comma");
  qg_test_wait_for (preferences_shown, NULL, "the Preferences again");
  preferences = qg_test_find_toplevel (QG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (qg_test_find_labelled (preferences, ADW_TYPE_COMBO_ROW, "Default _Layout"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (qg_test_find_labelled (
                      preferences, ADW_TYPE_COMBO_ROW, "_Style"))), ==, 2);

  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "layout-engine");
  g_settings_reset (settings, "show-legend");
  g_settings_reset (settings, "label-size");
  g_settings_reset (settings, "export-filtered");
  g_settings_reset (settings, "export-drafts");
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!qg_test_init_ui (&argc, &argv))
    return 0;
  g_test_add_func ("/quotegraph/preferences/apply", test_preferences_apply);
  return g_test_run ();
}
