/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-facet"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-facet.h"

struct _QgFacet
{
  GObject   parent_instance;

  QgFilter *filter;
  char     *label;
  char     *kind;
  int       stance;
  gboolean  drafts;   /* the drafts' facet: no kind, no stance */
  gboolean  hidden;   /* as last seen in the filter */
};

G_DEFINE_FINAL_TYPE (QgFacet, qg_facet, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
qg_facet_get_label (QgFacet *self)
{
  g_return_val_if_fail (QG_IS_FACET (self), NULL);
  return self->label;
}

const char *
qg_facet_get_kind (QgFacet *self)
{
  g_return_val_if_fail (QG_IS_FACET (self), NULL);
  return self->kind;
}

QgKind
qg_facet_get_style_kind (QgFacet *self)
{
  g_return_val_if_fail (QG_IS_FACET (self), QG_KIND_OTHER);
  return self->kind ? qg_kind_from_string (self->kind) : QG_KIND_OTHER;
}

int
qg_facet_get_stance (QgFacet *self)
{
  g_return_val_if_fail (QG_IS_FACET (self), -1);
  return self->stance;
}

gboolean
qg_facet_is_drafts (QgFacet *self)
{
  g_return_val_if_fail (QG_IS_FACET (self), FALSE);
  return self->drafts;
}

static gboolean
filter_hides (QgFacet *self)
{
  if (self->drafts)
    return qg_filter_get_drafts_hidden (self->filter);
  return self->kind ? qg_filter_get_kind_hidden (self->filter, self->kind)
                    : qg_filter_get_stance_hidden (self->filter, self->stance);
}

gboolean
qg_facet_get_hidden (QgFacet *self)
{
  g_return_val_if_fail (QG_IS_FACET (self), FALSE);
  return filter_hides (self);
}

void
qg_facet_set_hidden (QgFacet  *self,
                     gboolean  hidden)
{
  g_return_if_fail (QG_IS_FACET (self));

  if (self->drafts)
    qg_filter_set_drafts_hidden (self->filter, hidden);
  else if (self->kind)
    qg_filter_set_kind_hidden (self->filter, self->kind, hidden);
  else
    qg_filter_set_stance_hidden (self->filter, self->stance, hidden);
}

static void
filter_changed_cb (QgFacet *self)
{
  gboolean hidden = filter_hides (self);

  if (hidden != self->hidden)
    {
      self->hidden = hidden;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
    }
}

static QgFacet *
facet_new (QgFilter   *filter,
           const char *label,
           const char *kind,
           int         stance,
           gboolean    drafts)
{
  QgFacet *self = g_object_new (QG_TYPE_FACET, NULL);

  self->filter = g_object_ref (filter);
  self->label = g_strdup (label);
  self->kind = g_strdup (kind);
  self->stance = stance;
  self->drafts = drafts;
  self->hidden = filter_hides (self);
  g_signal_connect_object (filter, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

GListModel *
qg_facet_list_new (QgDocument *document,
                   QgFilter   *filter)
{
  GListStore *store = g_list_store_new (QG_TYPE_FACET);
  g_autoptr(GPtrArray) kinds = qg_kinds_present (document, NULL);
  gboolean present[3];
  guint n_order;
  const QgStance *order = qg_stance_legend_order (&n_order);

  for (guint i = 0; i < kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      g_autofree char *label = qg_kind_legend_name (kind);
      g_autoptr(QgFacet) facet = facet_new (filter, label, kind, -1, FALSE);

      g_list_store_append (store, facet);
    }
  qg_stances_present (document, NULL, present);
  for (guint i = 0; i < n_order; i++)
    if (present[order[i]])
      {
        g_autoptr(QgFacet) facet = facet_new (filter, qg_stance_display_name (order[i]), NULL,
                                              order[i], FALSE);

        g_list_store_append (store, facet);
      }
  /* Drafts are dotted on the map: the legend says so, and hides them. */
  if (qg_document_count_drafts (document) > 0)
    {
      g_autoptr(QgFacet) facet = facet_new (filter, _("Drafts"), NULL, -1, TRUE);

      g_list_store_append (store, facet);
    }
  return G_LIST_MODEL (store);
}

static void
qg_facet_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  QgFacet *self = QG_FACET (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_HIDDEN:
      g_value_set_boolean (value, qg_facet_get_hidden (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_facet_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  QgFacet *self = QG_FACET (object);

  switch (prop_id)
    {
    case PROP_HIDDEN:
      qg_facet_set_hidden (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_facet_dispose (GObject *object)
{
  QgFacet *self = QG_FACET (object);

  g_clear_object (&self->filter);

  G_OBJECT_CLASS (qg_facet_parent_class)->dispose (object);
}

static void
qg_facet_finalize (GObject *object)
{
  QgFacet *self = QG_FACET (object);

  g_free (self->label);
  g_free (self->kind);

  G_OBJECT_CLASS (qg_facet_parent_class)->finalize (object);
}

static void
qg_facet_class_init (QgFacetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = qg_facet_get_property;
  object_class->set_property = qg_facet_set_property;
  object_class->dispose = qg_facet_dispose;
  object_class->finalize = qg_facet_finalize;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qg_facet_init (QgFacet *self)
{
  self->stance = -1;
}

gboolean
qg_facet_list_equal (GListModel *a,
                     GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QgFacet) x = g_list_model_get_item (a, i);
      g_autoptr(QgFacet) y = g_list_model_get_item (b, i);

      if (x->filter != y->filter || x->stance != y->stance || x->drafts != y->drafts
          || g_strcmp0 (x->label, y->label) != 0 || g_strcmp0 (x->kind, y->kind) != 0)
        return FALSE;
    }
  return TRUE;
}
