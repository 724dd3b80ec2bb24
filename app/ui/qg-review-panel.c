/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-review-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-action-button.h"
#include "qg-draft-item.h"
#include "qg-review-panel.h"

struct _QgReviewPanel
{
  GtkWidget   parent_instance;

  GListStore *items;          /* QgDraftItem, in review order */
  GtkWidget  *scroller;
  GtkLabel   *count_label;
  GtkWidget  *accept_all_button;
  GtkWidget  *reject_all_button;
  GtkWidget  *headings[3];    /* by QgDraftKind */
  GtkListBox *lists[3];
};

G_DEFINE_FINAL_TYPE (QgReviewPanel, qg_review_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_DRAFTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
qg_review_panel_new (void)
{
  return g_object_new (QG_TYPE_REVIEW_PANEL, NULL);
}

guint
qg_review_panel_get_n_drafts (QgReviewPanel *self)
{
  g_return_val_if_fail (QG_IS_REVIEW_PANEL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */

static GtkWidget *
row_button (const char *icon,
            const char *label,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = qg_icon_action_button_new (icon, label, action, target);

  gtk_widget_add_css_class (button, "circular");
  return button;
}

static GtkWidget *
row_label (const char *text,
           int         lines,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A few lines of it: the panel, a click away, has it whole. */
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  QgDraftItem *item = object;
  const char *id = qg_draft_item_get_id (item);
  const char * const ids[] = { id, NULL };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), row_label (qg_draft_item_get_title (item), 3, "draft-title"));
  if (qg_draft_item_get_detail (item) != NULL)
    gtk_box_append (GTK_BOX (text), row_label (qg_draft_item_get_detail (item), 2, "caption"));
  if (qg_draft_item_get_note (item) != NULL)
    {
      GtkWidget *note = row_label (qg_draft_item_get_note (item), 3, "caption");

      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (text), note);
    }

  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons),
                  row_button ("object-select-symbolic", _("Accept"), "win.accept-drafts",
                              g_variant_new_strv (ids, -1)));
  gtk_box_append (GTK_BOX (buttons),
                  row_button ("window-close-symbolic", _("Reject"), "win.reject-drafts",
                              g_variant_new_strv (ids, -1)));
  gtk_box_append (GTK_BOX (buttons),
                  row_button ("document-edit-symbolic", _("Edit…"), "win.edit-item",
                              g_variant_new_string (id)));

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_add_css_class (box, "draft-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  qg_draft_item_get_title (item), -1);
  /* Which draft a row shows, for its activation, the keys and the tests. */
  g_object_set_data_full (G_OBJECT (row), "draft-item", g_object_ref (item), g_object_unref);
  return row;
}

/* A row shows its item on the map (a quote in the article too). */
static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  QgReviewPanel *self)
{
  QgDraftItem *item = g_object_get_data (G_OBJECT (row), "draft-item");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.select", "s", qg_draft_item_get_id (item));
}

static gboolean
is_of_kind (gpointer item,
            gpointer user_data)
{
  return qg_draft_item_get_kind (item) == (QgDraftKind) GPOINTER_TO_UINT (user_data);
}

/* ------------------------------------------------------------------------ */
/* Following the document                                                    */

/* The row that shows @item, in whichever list. */
static GtkWidget *
row_of (QgReviewPanel *self,
        QgDraftItem   *item)
{
  GtkListBox *list = self->lists[qg_draft_item_get_kind (item)];

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "draft-item") == (gpointer) item)
      return row;
  return NULL;
}

/* The item whose row holds the keys, if one does. */
static QgDraftItem *
focused_item (QgReviewPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || !gtk_widget_is_ancestor (row, GTK_WIDGET (self)))
    return NULL;
  return g_object_get_data (G_OBJECT (row), "draft-item");
}

static void
update_header (QgReviewPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u draft to review",
                                                         "%u drafts to review", n), n);
  GVariant *target;

  gtk_label_set_label (self->count_label, count);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QgDraftItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_strv_builder_add (ids, qg_draft_item_get_id (item));
    }
  all = g_strv_builder_end (ids);
  /* One edit for them all, undone as one. */
  target = g_variant_ref_sink (g_variant_new_strv ((const char * const *) all, -1));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->accept_all_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reject_all_button), target);
  g_variant_unref (target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->accept_all_button),
                                  n > 0 ? "win.accept-drafts" : NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reject_all_button),
                                  n > 0 ? "win.reject-drafts" : NULL);
  gtk_widget_set_sensitive (self->accept_all_button, n > 0);
  gtk_widget_set_sensitive (self->reject_all_button, n > 0);

  for (QgDraftKind kind = 0; kind < G_N_ELEMENTS (self->lists); kind++)
    {
      gboolean any = gtk_list_box_get_row_at_index (self->lists[kind], 0) != NULL;

      gtk_widget_set_visible (self->headings[kind], any);
      gtk_widget_set_visible (GTK_WIDGET (self->lists[kind]), any);
    }
}

void
qg_review_panel_set_document (QgReviewPanel *self,
                              QgDocument    *document)
{
  g_autoptr(GPtrArray) items = NULL;
  GListModel *model;
  guint n_old, n_new, prefix = 0, suffix = 0;
  QgDraftItem *focused;
  gint focused_at = -1;

  g_return_if_fail (QG_IS_REVIEW_PANEL (self));

  items = document != NULL ? qg_draft_items_of (document)
                           : g_ptr_array_new_with_free_func (g_object_unref);
  model = G_LIST_MODEL (self->items);
  n_old = g_list_model_get_n_items (model);
  n_new = items->len;

  /* Only what changed is made anew: an accepted draft's row goes, the
   * others stay as they were, scrolled where they were. */
  while (prefix < MIN (n_old, n_new))
    {
      g_autoptr(QgDraftItem) old = g_list_model_get_item (model, prefix);

      if (!qg_draft_item_equal (old, g_ptr_array_index (items, prefix)))
        break;
      prefix++;
    }
  while (suffix < MIN (n_old, n_new) - prefix)
    {
      g_autoptr(QgDraftItem) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!qg_draft_item_equal (old, g_ptr_array_index (items, n_new - 1 - suffix)))
        break;
      suffix++;
    }
  if (prefix == n_old && prefix == n_new)
    return;

  /* A row with the keys that goes hands them to the row after it: the next
   * draft to review. (GTK 4.8 would ask the removed button later whether
   * it holds the focus.) */
  focused = focused_item (self);
  if (focused != NULL)
    for (guint i = prefix; i < n_old - suffix; i++)
      {
        g_autoptr(QgDraftItem) old = g_list_model_get_item (model, i);

        if (old == focused)
          {
            focused_at = prefix;
            gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);
            break;
          }
      }

  g_list_store_splice (self->items, prefix, n_old - prefix - suffix,
                       items->pdata + prefix, n_new - prefix - suffix);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DRAFTS]);

  if (focused_at >= 0 && n_new > 0)
    {
      g_autoptr(QgDraftItem) next = g_list_model_get_item (model, MIN ((guint) focused_at,
                                                                       n_new - 1));
      GtkWidget *row = row_of (self, next);

      if (row != NULL)
        gtk_widget_grab_focus (row);
    }
}

static void
qg_review_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QgReviewPanel *self = QG_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_N_DRAFTS:
      g_value_set_uint (value, qg_review_panel_get_n_drafts (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_review_panel_dispose (GObject *object)
{
  QgReviewPanel *self = QG_REVIEW_PANEL (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    if (self->lists[i] != NULL)
      gtk_list_box_bind_model (self->lists[i], NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_REVIEW_PANEL);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (qg_review_panel_parent_class)->dispose (object);
}

static void
qg_review_panel_class_init (QgReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = qg_review_panel_get_property;
  object_class->dispose = qg_review_panel_dispose;

  properties[PROP_N_DRAFTS] =
    g_param_spec_uint ("n-drafts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewpanel");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/"
                                               "qg-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, QgReviewPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, QgReviewPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, QgReviewPanel, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, QgReviewPanel, reject_all_button);
  gtk_widget_class_bind_template_child_full (widget_class, "entities_heading", FALSE,
                                             G_STRUCT_OFFSET (QgReviewPanel,
                                                              headings[QG_DRAFT_ENTITY]));
  gtk_widget_class_bind_template_child_full (widget_class, "quotes_heading", FALSE,
                                             G_STRUCT_OFFSET (QgReviewPanel,
                                                              headings[QG_DRAFT_QUOTE]));
  gtk_widget_class_bind_template_child_full (widget_class, "relations_heading", FALSE,
                                             G_STRUCT_OFFSET (QgReviewPanel,
                                                              headings[QG_DRAFT_RELATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "entities", FALSE,
                                             G_STRUCT_OFFSET (QgReviewPanel,
                                                              lists[QG_DRAFT_ENTITY]));
  gtk_widget_class_bind_template_child_full (widget_class, "quotes", FALSE,
                                             G_STRUCT_OFFSET (QgReviewPanel,
                                                              lists[QG_DRAFT_QUOTE]));
  gtk_widget_class_bind_template_child_full (widget_class, "relations", FALSE,
                                             G_STRUCT_OFFSET (QgReviewPanel,
                                                              lists[QG_DRAFT_RELATION]));
}

static void
qg_review_panel_init (QgReviewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (QG_TYPE_DRAFT_ITEM);
  /* One list a kind, each a view of the one list of drafts. */
  for (QgDraftKind kind = 0; kind < G_N_ELEMENTS (self->lists); kind++)
    {
      GtkCustomFilter *filter = gtk_custom_filter_new (is_of_kind, GUINT_TO_POINTER (kind), NULL);
      g_autoptr(GtkFilterListModel) only = gtk_filter_list_model_new (
        G_LIST_MODEL (g_object_ref (self->items)), GTK_FILTER (filter));

      gtk_list_box_bind_model (self->lists[kind], G_LIST_MODEL (only), create_row, NULL, NULL);
      g_signal_connect (self->lists[kind], "row-activated", G_CALLBACK (row_activated_cb), self);
    }
  update_header (self);
}
