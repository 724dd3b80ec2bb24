/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-graph.h"
#include "qg-preferences-window.h"
#include "qg-settings.h"

struct _QgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwComboRow          *style_row;
  AdwComboRow          *layout_row;
  AdwComboRow          *label_row;
  AdwComboRow          *drafts_row;
  GtkSwitch            *filtered_switch;
  GtkSwitch            *legend_switch;
  GtkSwitch            *sources_switch;
};

G_DEFINE_FINAL_TYPE (QgPreferencesWindow, qg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the style row's items, and of the label size row's. */
static const char * const schemes[] = { "default", "light", "dark" };
static const int label_sizes[] = { 11, 13, 16, 20 };
static const char * const drafts[] = { "marked", "left-out" };

AdwColorScheme
qg_preferences_color_scheme (const char *setting)
{
  if (g_strcmp0 (setting, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (setting, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;
  return ADW_COLOR_SCHEME_DEFAULT;
}

static void
style_selected_cb (QgPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (selected < G_N_ELEMENTS (schemes))
    g_settings_set_string (self->settings, "color-scheme", schemes[selected]);
}

static void
drafts_selected_cb (QgPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->drafts_row);

  if (selected < G_N_ELEMENTS (drafts))
    g_settings_set_string (self->settings, "export-drafts", drafts[selected]);
}

static void
label_selected_cb (QgPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->label_row);

  if (selected < G_N_ELEMENTS (label_sizes))
    g_settings_set_int (self->settings, "label-size", label_sizes[selected]);
}

/* Item 0 is "chosen by size", then the engines in their order. */
static void
layout_selected_cb (QgPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);
  const char * const *engines = qg_graph_engines ();

  if (selected == 0)
    g_settings_set_string (self->settings, "layout-engine", "");
  else if (selected <= g_strv_length ((char **) engines))
    g_settings_set_string (self->settings, "layout-engine", engines[selected - 1]);
}

static void
show_settings (QgPreferencesWindow *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  g_autofree char *engine = g_settings_get_string (self->settings, "layout-engine");
  g_autofree char *drafts_shown = g_settings_get_string (self->settings, "export-drafts");
  const char * const *engines = qg_graph_engines ();
  guint layout = 0;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (strcmp (scheme, schemes[i]) == 0)
      adw_combo_row_set_selected (self->style_row, i);
  for (guint i = 0; engines[i] != NULL; i++)
    if (strcmp (engine, engines[i]) == 0)
      layout = i + 1;
  adw_combo_row_set_selected (self->layout_row, layout);
  adw_combo_row_set_selected (self->drafts_row, strcmp (drafts_shown, drafts[1]) == 0);
  /* The nearest of the sizes offered to the one set. */
  {
    int size = g_settings_get_int (self->settings, "label-size");
    guint nearest = 0;

    for (guint i = 1; i < G_N_ELEMENTS (label_sizes); i++)
      if (ABS (label_sizes[i] - size) < ABS (label_sizes[nearest] - size))
        nearest = i;
    adw_combo_row_set_selected (self->label_row, nearest);
  }
}

static void
qg_preferences_window_dispose (GObject *object)
{
  QgPreferencesWindow *self = QG_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (qg_preferences_window_parent_class)->dispose (object);
}

static void
qg_preferences_window_class_init (QgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/quotegraph/Quotegraph/ui/qg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QgPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, QgPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, QgPreferencesWindow, label_row);
  gtk_widget_class_bind_template_child (widget_class, QgPreferencesWindow, drafts_row);
  gtk_widget_class_bind_template_child (widget_class, QgPreferencesWindow, filtered_switch);
  gtk_widget_class_bind_template_child (widget_class, QgPreferencesWindow, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, QgPreferencesWindow, sources_switch);
}

static void
qg_preferences_window_init (QgPreferencesWindow *self)
{
  g_autoptr(GtkStringList) layouts = gtk_string_list_new (NULL);
  const char * const *engines = qg_graph_engines ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = qg_settings_new ();

  gtk_string_list_append (layouts, _("By Size"));
  for (guint i = 0; engines[i] != NULL; i++)
    gtk_string_list_append (layouts, qg_graph_engine_label (engines[i]));
  adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (layouts));

  show_settings (self);
  g_signal_connect_swapped (self->style_row, "notify::selected", G_CALLBACK (style_selected_cb),
                            self);
  g_signal_connect_swapped (self->layout_row, "notify::selected",
                            G_CALLBACK (layout_selected_cb), self);
  g_signal_connect_swapped (self->label_row, "notify::selected", G_CALLBACK (label_selected_cb),
                            self);
  g_signal_connect_swapped (self->drafts_row, "notify::selected",
                            G_CALLBACK (drafts_selected_cb), self);
  g_settings_bind (self->settings, "export-filtered", self->filtered_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-legend", self->legend_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-sources", self->sources_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
qg_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (QG_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
