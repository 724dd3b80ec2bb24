/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-legend"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-facet.h"
#include "qg-legend.h"
#include "qg-swatch.h"

struct _QgLegend
{
  GtkWidget   parent_instance;

  GListModel *model;
  GtkFlowBox *flow_box;
};

G_DEFINE_FINAL_TYPE (QgLegend, qg_legend, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A shown facet's toggle is active; a hidden one's is not, and looks it. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  QgFacet *facet = item;
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (qg_facet_get_label (facet));

  gtk_box_append (GTK_BOX (box), qg_swatch_new (facet));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "facet");
  /* A tooltip given to a widget that is visible (as a new one is) asks
   * the X server where the pointer is, a round trip that waits for the
   * server to finish drawing the last frame; given to one that is not,
   * it asks nothing. */
  gtk_widget_set_visible (button, FALSE);
  gtk_widget_set_tooltip_text (button, _("Show or hide on the map"));
  gtk_widget_set_visible (button, TRUE);
  /* Named by its words, as a screen reader reads the legend. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  g_object_bind_property (facet, "hidden", button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE
                          | G_BINDING_INVERT_BOOLEAN);
  return button;
}

void
qg_legend_set_model (QgLegend   *self,
                     GListModel *model)
{
  g_return_if_fail (QG_IS_LEGEND (self));

  if (!g_set_object (&self->model, model))
    return;
  gtk_flow_box_bind_model (self->flow_box, model, create_row, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
qg_legend_get_model (QgLegend *self)
{
  g_return_val_if_fail (QG_IS_LEGEND (self), NULL);
  return self->model;
}

static void
qg_legend_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  QgLegend *self = QG_LEGEND (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_legend_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  QgLegend *self = QG_LEGEND (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      qg_legend_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_legend_dispose (GObject *object)
{
  QgLegend *self = QG_LEGEND (object);

  if (self->flow_box != NULL)
    gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_LEGEND);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (qg_legend_parent_class)->dispose (object);
}

static void
qg_legend_class_init (QgLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = qg_legend_get_property;
  object_class->set_property = qg_legend_set_property;
  object_class->dispose = qg_legend_dispose;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/qg-legend.ui");
  gtk_widget_class_bind_template_child (widget_class, QgLegend, flow_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "legend");
}

static void
qg_legend_init (QgLegend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
