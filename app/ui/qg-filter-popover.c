/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-filter-popover"

#include "config.h"

#include "qg-facet.h"
#include "qg-filter-popover.h"
#include "qg-swatch.h"

struct _QgFilterPopover
{
  GtkPopover  parent_instance;

  GListModel *model;
  GtkListBox *kinds;
  GtkListBox *stances;
  GtkWidget  *stances_heading;
};

G_DEFINE_FINAL_TYPE (QgFilterPopover, qg_filter_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  QgFacet *facet = item;
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (box), qg_swatch_new (facet));
  gtk_box_append (GTK_BOX (box), gtk_label_new (qg_facet_get_label (facet)));
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  qg_facet_get_label (facet), -1);
  g_object_bind_property (facet, "hidden", check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE
                          | G_BINDING_INVERT_BOOLEAN);
  return check;
}

static gboolean
is_kind (gpointer item,
         gpointer user_data)
{
  return (qg_facet_get_stance (item) < 0) == GPOINTER_TO_INT (user_data);
}

static GListModel *
only (GListModel *model,
      gboolean    kinds)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (is_kind, GINT_TO_POINTER (kinds), NULL);

  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (model), GTK_FILTER (filter)));
}

void
qg_filter_popover_set_model (QgFilterPopover *self,
                             GListModel      *model)
{
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GListModel) stances = NULL;

  g_return_if_fail (QG_IS_FILTER_POPOVER (self));

  if (!g_set_object (&self->model, model))
    return;
  if (model != NULL)
    {
      kinds = only (model, TRUE);
      stances = only (model, FALSE);
    }
  gtk_list_box_bind_model (self->kinds, kinds, create_row, NULL, NULL);
  gtk_list_box_bind_model (self->stances, stances, create_row, NULL, NULL);
  gtk_widget_set_visible (self->stances_heading,
                          stances != NULL && g_list_model_get_n_items (stances) > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
qg_filter_popover_get_model (QgFilterPopover *self)
{
  g_return_val_if_fail (QG_IS_FILTER_POPOVER (self), NULL);
  return self->model;
}

static void
qg_filter_popover_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QgFilterPopover *self = QG_FILTER_POPOVER (object);

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
qg_filter_popover_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QgFilterPopover *self = QG_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      qg_filter_popover_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_filter_popover_dispose (GObject *object)
{
  QgFilterPopover *self = QG_FILTER_POPOVER (object);

  if (self->kinds != NULL)
    {
      gtk_list_box_bind_model (self->kinds, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->stances, NULL, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_FILTER_POPOVER);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (qg_filter_popover_parent_class)->dispose (object);
}

static void
qg_filter_popover_class_init (QgFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = qg_filter_popover_get_property;
  object_class->set_property = qg_filter_popover_set_property;
  object_class->dispose = qg_filter_popover_dispose;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/quotegraph/Quotegraph/ui/qg-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, QgFilterPopover, kinds);
  gtk_widget_class_bind_template_child (widget_class, QgFilterPopover, stances);
  gtk_widget_class_bind_template_child (widget_class, QgFilterPopover, stances_heading);
}

static void
qg_filter_popover_init (QgFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
