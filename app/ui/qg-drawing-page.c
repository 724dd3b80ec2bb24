/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-drawing-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qg-drawing-page.h"

/* A list of more rows than this ends with how many are left out. */
#define MAX_ROWS 60

struct _QgDrawingPage
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  AdwStatusPage *status_page;
  GtkPaned      *paned;
  QgDrawingView *view;
  GtkBox        *details;
  GtkLabel      *zoom_label;
  GtkWidget     *text_scroller;
  GtkTextView   *text_view;
  GtkTextTag    *highlight_tag;
  GtkTextTag    *words_tag;

  QgDrawing     *drawing;
  QgAifGraph    *aif;
  gint          *node_of_aif;   /* per AIF node, its drawing node or -1 */
  gint          *aif_of_node;   /* per drawing node, its AIF node or -1 */
  char          *article;       /* the AIF map's text, as shown */
  gsize          article_len;
  QgAifSpan     *spans;         /* where each node's words are in it */
  guint          n_spans;
  gboolean       highlighted;
  gsize          highlight_start;
  gsize          highlight_end;
  guint          zoom_idle;
  guint          target;        /* of the row activated, until the idle goes to it */
  guint          target_idle;
};

G_DEFINE_FINAL_TYPE (QgDrawingPage, qg_drawing_page, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------------ */
/* The details pane                                                          */

static void
clear_details (QgDrawingPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details))) != NULL)
    gtk_box_remove (self->details, child);
}

static GtkWidget *
add_label (QgDrawingPage *self,
           const char    *text,
           const char    *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (self->details, label);
  return label;
}

static void
add_heading (QgDrawingPage *self,
             const char    *title,
             const char    *kind)
{
  GtkWidget *label = add_label (self, title, "title-3");

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (kind != NULL)
    gtk_widget_add_css_class (add_label (self, kind, "dim-label"), "caption");
}

/* A titled list of rows; returns the list, to add rows to. */
static GtkListBox *
add_section (QgDrawingPage *self,
             const char    *title)
{
  GtkWidget *heading = add_label (self, title, "heading");
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_selectable (GTK_LABEL (heading), FALSE);
  gtk_widget_set_margin_top (heading, 12);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  gtk_box_append (self->details, list);
  return GTK_LIST_BOX (list);
}

static G_DEFINE_QUARK (qg-drawing-page-target, target)

/* A row of a name (small, dim) over its text; @target: the node (kind,
 * index + 1) it leads to when activated, or 0. */
static void
add_row (GtkListBox *list,
         const char *name,
         const char *text,
         QgItemKind  target_kind,
         guint       target)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (text);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  if (name != NULL)
    {
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), value);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (target_kind != QG_ITEM_NONE)
    {
      g_object_set_qdata (G_OBJECT (row), target_quark (),
                          GUINT_TO_POINTER ((target_kind << 28) | (target + 1)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Translators: the tooltip of a row that leads to a node or an edge. */
      gtk_widget_set_tooltip_text (row, _("Show on the graph"));
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
    }
  gtk_list_box_append (list, row);
}

static gboolean
go_to_target (gpointer data)
{
  QgDrawingPage *self = data;
  guint target = self->target;

  self->target_idle = 0;
  self->target = 0;
  /* The row goes with the details it was in: the keys go to the graph,
   * where the selection is now. */
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  if (target != 0)
    qg_drawing_view_select (self->view, target >> 28, (target & 0x0fffffff) - 1);
  return G_SOURCE_REMOVE;
}

/* The selection changes once the click is over: the details it makes
 * anew take the row away. */
static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  QgDrawingPage *self)
{
  self->target = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row), target_quark ()));
  if (self->target != 0 && self->target_idle == 0)
    self->target_idle = g_idle_add (go_to_target, self);
}

static GtkListBox *
add_target_section (QgDrawingPage *self,
                    const char    *title)
{
  GtkListBox *list = add_section (self, title);

  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), self);
  return list;
}

static void
add_attributes (QgDrawingPage       *self,
                const char * const  *attributes)
{
  GtkListBox *list;

  if (attributes == NULL || attributes[0] == NULL)
    return;
  list = add_section (self, _("Attributes"));
  for (guint i = 0; attributes[i] != NULL; i += 2)
    add_row (list, attributes[i], attributes[i + 1], QG_ITEM_NONE, 0);
}

static void
add_more_row (GtkListBox *list,
              guint       n_more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                        "and %u more", n_more), n_more);

  add_row (list, NULL, text, QG_ITEM_NONE, 0);
}

/* The edges of a DOT node, in and out, each leading to itself. */
static void
add_connections (QgDrawingPage *self,
                 guint          node)
{
  GtkListBox *list = NULL;
  guint shown = 0, more = 0;

  for (guint i = 0; i < qg_drawing_get_n_edges (self->drawing); i++)
    {
      if (qg_drawing_get_edge_tail (self->drawing, i) != node
          && qg_drawing_get_edge_head (self->drawing, i) != node)
        continue;
      if (list == NULL)
        list = add_target_section (self, _("Edges"));
      if (shown++ < MAX_ROWS)
        add_row (list, NULL, qg_drawing_get_edge_name (self->drawing, i), QG_ITEM_EDGE, i);
      else
        more++;
    }
  if (more > 0)
    add_more_row (list, more);
}

static void
describe_graph (QgDrawingPage *self)
{
  g_autofree char *counts = NULL;
  const char * const *attributes = qg_drawing_get_graph_attributes (self->drawing);
  const char *label = qg_drawing_lookup (attributes, "label");
  guint nodes = qg_drawing_get_n_nodes (self->drawing);
  guint edges = qg_drawing_get_n_edges (self->drawing);
  guint clusters = qg_drawing_get_n_clusters (self->drawing) - 1;
  g_autofree char *n_nodes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node",
                                                           "%u nodes", nodes), nodes);
  g_autofree char *n_edges = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u edge",
                                                           "%u edges", edges), edges);
  g_autofree char *n_clusters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cluster",
                                                              "%u clusters", clusters),
                                                 clusters);

  /* Translators: "12 nodes, 20 edges, 3 clusters". */
  counts = g_strdup_printf (_("%s, %s, %s"), n_nodes, n_edges, n_clusters);
  add_heading (self, label != NULL && *label != '\0' && *label != '<' ? label
                     : qg_drawing_is_directed (self->drawing) ? _("Directed Graph") : _("Graph"),
               counts);
  add_label (self, _("Click a node or an edge to see what the file says of it."), "dim-label");
  add_attributes (self, attributes);
}

static void
describe_dot (QgDrawingPage *self,
              QgItemKind     kind,
              guint          index)
{
  if (kind == QG_ITEM_NODE)
    {
      add_heading (self, qg_drawing_get_node_name (self->drawing, index), _("Node"));
      add_attributes (self, qg_drawing_get_node_attributes (self->drawing, index));
      add_connections (self, index);
    }
  else
    {
      GtkListBox *ends;

      add_heading (self, qg_drawing_get_edge_name (self->drawing, index), _("Edge"));
      ends = add_target_section (self, _("Ends"));
      add_row (ends, _("From"),
               qg_drawing_get_node_name (self->drawing, qg_drawing_get_edge_tail (self->drawing,
                                                                                    index)),
               QG_ITEM_NODE, qg_drawing_get_edge_tail (self->drawing, index));
      add_row (ends, _("To"),
               qg_drawing_get_node_name (self->drawing, qg_drawing_get_edge_head (self->drawing,
                                                                                    index)),
               QG_ITEM_NODE, qg_drawing_get_edge_head (self->drawing, index));
      add_attributes (self, qg_drawing_get_edge_attributes (self->drawing, index));
    }
}

/* ------------------------------------------------------------------------ */
/* AIF                                                                       */

static const char *
aif_type_label (QgAifGraph *aif,
                guint       node)
{
  switch (aif->nodes[node].type)
    {
    case QG_AIF_NODE_I:
      return _("Proposition");
    case QG_AIF_NODE_L:
      return _("Locution");
    case QG_AIF_NODE_RA:
      return _("Inference (RA)");
    case QG_AIF_NODE_CA:
      return _("Conflict (CA)");
    case QG_AIF_NODE_MA:
      return _("Rephrase (MA)");
    case QG_AIF_NODE_PA:
      return _("Preference (PA)");
    case QG_AIF_NODE_TA:
      return _("Transition (TA)");
    case QG_AIF_NODE_YA:
      return _("Illocution (YA)");
    case QG_AIF_NODE_OTHER:
    default:
      return aif->nodes[node].type_name;
    }
}

/* What a link of @type says of the node it joins, seen from that node:
 * into it ("Supported by") or out of it ("Supports"). */
static const char *
link_title (QgAifNodeType type,
            gboolean      into)
{
  switch (type)
    {
    case QG_AIF_NODE_RA:
      return into ? _("Supported by") : _("Supports");
    case QG_AIF_NODE_CA:
      return into ? _("Attacked by") : _("Attacks");
    case QG_AIF_NODE_MA:
      return into ? _("Rephrase of") : _("Rephrased as");
    case QG_AIF_NODE_PA:
      return into ? _("Preferred to it") : _("Preferred to");
    case QG_AIF_NODE_TA:
      return into ? _("Comes after") : _("Comes before");
    case QG_AIF_NODE_YA:
      return into ? _("Anchored in") : _("Gives force to");
    case QG_AIF_NODE_I:
    case QG_AIF_NODE_L:
    case QG_AIF_NODE_OTHER:
    default:
      return into ? _("Linked from") : _("Linked to");
    }
}

/* A row that leads to AIF node @node: what it is over its words. */
static void
add_aif_row (QgDrawingPage *self,
             GtkListBox    *list,
             guint          node,
             const char    *name)
{
  g_autofree char *words = qg_aif_graph_words (self->aif, node);
  g_autofree char *speaker = qg_aif_graph_speaker (self->aif, node);
  gint target = self->node_of_aif[node];

  if (name == NULL)
    name = speaker != NULL ? speaker : aif_type_label (self->aif, node);
  if (words == NULL || *words == '\0')
    {
      g_free (words);
      words = g_strdup (aif_type_label (self->aif, node));
    }
  add_row (list, name, words, target >= 0 ? QG_ITEM_NODE : QG_ITEM_NONE, MAX (target, 0));
}

/* One section per kind of link, in the order they first come. */
static void
add_links (QgDrawingPage *self,
           guint          node,
           gboolean       into)
{
  g_autoptr(GArray) links = into ? qg_aif_graph_links_into (self->aif, node)
                                 : qg_aif_graph_links_from (self->aif, node);
  guint8 done[QG_AIF_NODE_OTHER + 1] = { 0 };

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      QgAifNodeType type = g_array_index (links, QgAifLink, i).type;
      GtkListBox *list;
      guint shown = 0;

      /* A proposition's locutions have a section of their own. */
      if (done[type] || (type == QG_AIF_NODE_YA && into
                         && self->aif->nodes[node].type == QG_AIF_NODE_I))
        continue;
      done[type] = TRUE;
      list = add_target_section (self, link_title (type, into));
      for (guint j = i; j < links->len; j++)
        {
          const QgAifLink *link = &g_array_index (links, QgAifLink, j);

          if (link->type != type)
            continue;
          for (guint k = 0; k < link->n_others && shown < MAX_ROWS; k++, shown++)
            add_aif_row (self, list, link->others[k], NULL);
        }
    }
}

/* An S-node's own ends: what goes into it and what it leads to. */
static void
add_scheme_ends (QgDrawingPage *self,
                 guint          node)
{
  QgAifNodeType type = self->aif->nodes[node].type;
  GtkListBox *from = NULL, *to = NULL;

  for (guint i = 0; i < self->aif->n_edges; i++)
    {
      const QgAifEdge *edge = &self->aif->edges[i];

      /* An S-node that points here (an undercut) has a section of its own. */
      if (edge->to == node && !qg_aif_node_type_is_scheme (self->aif->nodes[edge->from].type))
        {
          if (from == NULL)
            from = add_target_section (self, type == QG_AIF_NODE_RA ? _("Premises")
                                             : type == QG_AIF_NODE_CA ? _("Attacker")
                                             : _("From"));
          add_aif_row (self, from, edge->from, NULL);
        }
    }
  for (guint i = 0; i < self->aif->n_edges; i++)
    {
      const QgAifEdge *edge = &self->aif->edges[i];

      if (edge->from == node)
        {
          if (to == NULL)
            to = add_target_section (self, type == QG_AIF_NODE_RA ? _("Conclusion")
                                           : type == QG_AIF_NODE_CA ? _("Attacked")
                                           : _("To"));
          add_aif_row (self, to, edge->to, NULL);
        }
    }
}

static void
describe_aif_node (QgDrawingPage *self,
                   guint          node)
{
  const QgAifNode *aif_node = &self->aif->nodes[node];
  g_autofree char *words = qg_aif_graph_words (self->aif, node);
  g_autofree char *speaker = qg_aif_graph_speaker (self->aif, node);
  /* Translators: "Proposition · node 12", the kind of an AIF node and its id. */
  g_autofree char *kind = g_strdup_printf (_("%s · node %s"), aif_type_label (self->aif, node),
                                           aif_node->id);

  if (qg_aif_node_type_is_scheme (aif_node->type))
    {
      g_autofree char *id = g_strdup_printf (_("node %s"), aif_node->id);

      add_heading (self, aif_type_label (self->aif, node), id);
      if (words != NULL && *words != '\0')
        add_label (self, words, NULL);
      add_scheme_ends (self, node);
      /* What attacks or supports the scheme itself; its own ends are
       * above. */
      add_links (self, node, TRUE);
      return;
    }
  else
    {
      add_heading (self, words != NULL && *words != '\0' ? words : aif_type_label (self->aif, node),
                   kind);
      if (aif_node->type == QG_AIF_NODE_L)
        add_row (add_section (self, _("Speaker")), NULL,
                 speaker != NULL ? speaker : _("Not named"), QG_ITEM_NONE, 0);
      if (aif_node->type == QG_AIF_NODE_I)
        {
          guint n = 0;
          g_autofree guint *locutions = qg_aif_graph_asserting_locutions (self->aif, node, &n);
          GtkListBox *list = n > 0 ? add_target_section (self, _("Asserted by")) : NULL;

          for (guint i = 0; i < n && i < MAX_ROWS; i++)
            add_aif_row (self, list, locutions[i], NULL);
        }
    }
  add_links (self, node, TRUE);
  add_links (self, node, FALSE);
  if (aif_node->timestamp != NULL)
    add_row (add_section (self, _("Said at")), NULL, aif_node->timestamp, QG_ITEM_NONE, 0);
}

static void
describe_aif_map (QgDrawingPage *self)
{
  guint propositions = qg_aif_graph_count_type (self->aif, QG_AIF_NODE_I);
  guint locutions = qg_aif_graph_count_type (self->aif, QG_AIF_NODE_L);
  guint schemes = self->aif->n_nodes - propositions - locutions;
  g_autofree char *n_i = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u proposition",
                                                       "%u propositions", propositions),
                                          propositions);
  g_autofree char *n_l = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u locution",
                                                       "%u locutions", locutions), locutions);
  g_autofree char *n_s = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation",
                                                       "%u relations", schemes), schemes);
  /* Translators: "12 propositions, 10 locutions, 8 relations". */
  g_autofree char *counts = g_strdup_printf (_("%s, %s, %s"), n_i, n_l, n_s);

  add_heading (self, _("Argument Map"), counts);
  add_label (self, _("Click a proposition, a locution or a relation to see what it says and what "
                     "supports and attacks it."), "dim-label");
  if (self->aif->n_participants > 0)
    {
      GtkListBox *list = add_section (self, _("Participants"));

      for (guint i = 0; i < self->aif->n_participants && i < MAX_ROWS; i++)
        {
          const QgAifParticipant *p = &self->aif->participants[i];
          g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s", p->firstname, p->surname));

          add_row (list, NULL, *name != '\0' ? name : p->id, QG_ITEM_NONE, 0);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The text of an AIF map                                                    */

static void
text_iter_at (QgDrawingPage *self,
              GtkTextIter   *iter,
              gsize          offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  glong chars = g_utf8_pointer_to_offset (self->article, self->article + MIN (offset,
                                                                               self->article_len));

  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) chars);
}

static void
highlight (QgDrawingPage *self,
           gint           aif_node)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->highlight_tag, &start, &end);
  self->highlighted = FALSE;
  if (aif_node < 0 || self->article == NULL)
    return;
  for (guint i = 0; i < self->n_spans; i++)
    if (self->spans[i].node == (guint) aif_node)
      {
        self->highlighted = TRUE;
        self->highlight_start = self->spans[i].start;
        self->highlight_end = self->spans[i].end;
        text_iter_at (self, &start, self->spans[i].start);
        text_iter_at (self, &end, self->spans[i].end);
        gtk_text_buffer_apply_tag (buffer, self->highlight_tag, &start, &end);
        gtk_text_view_scroll_to_iter (self->text_view, &start, 0.1, TRUE, 0, 0.3);
        return;
      }
}

/* A click on words in the text selects their node: the shortest span
 * that holds the click, a locution's before the proposition it asserts. */
static void
text_clicked_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 QgDrawingPage   *self)
{
  GtkTextIter iter;
  int bx, by;
  gsize offset, best_length = G_MAXSIZE;
  gint best = -1;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (self->article == NULL || !gtk_text_iter_equal (&start, &end))
    return;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x,
                                         (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;
  offset = g_utf8_offset_to_pointer (self->article, gtk_text_iter_get_offset (&iter))
           - self->article;
  for (guint i = 0; i < self->n_spans; i++)
    {
      const QgAifSpan *span = &self->spans[i];
      gsize length = span->end - span->start;

      if (offset < span->start || offset >= span->end || self->node_of_aif[span->node] < 0)
        continue;
      if (length < best_length
          || (length == best_length && self->aif->nodes[span->node].type == QG_AIF_NODE_L))
        {
          best = (gint) span->node;
          best_length = length;
        }
    }
  if (best >= 0)
    qg_drawing_view_select (self->view, QG_ITEM_NODE, self->node_of_aif[best]);
}

static void
show_article (QgDrawingPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  g_clear_pointer (&self->article, g_free);
  g_clear_pointer (&self->spans, g_free);
  self->n_spans = 0;
  self->article_len = 0;
  self->highlighted = FALSE;
  if (self->aif != NULL)
    self->article = qg_aif_graph_article (self->aif, &self->article_len, &self->spans,
                                          &self->n_spans);
  gtk_text_buffer_set_text (buffer, self->article ? self->article : "", -1);
  gtk_widget_set_visible (self->text_scroller, self->article != NULL && self->article_len > 0);
  for (guint i = 0; i < self->n_spans; i++)
    {
      text_iter_at (self, &start, self->spans[i].start);
      text_iter_at (self, &end, self->spans[i].end);
      if (self->aif->nodes[self->spans[i].node].type == QG_AIF_NODE_L)
        gtk_text_buffer_apply_tag (buffer, self->words_tag, &start, &end);
    }
}

/* ------------------------------------------------------------------------ */

static void
selection_changed_cb (QgDrawingPage *self)
{
  guint index = 0;
  QgItemKind kind = qg_drawing_view_get_selection (self->view, &index);
  gint aif_node = -1;

  clear_details (self);
  if (self->drawing == NULL)
    return;
  if (kind == QG_ITEM_NODE && self->aif != NULL)
    aif_node = self->aif_of_node[index];
  if (aif_node >= 0)
    describe_aif_node (self, aif_node);
  else if (kind != QG_ITEM_NONE)
    describe_dot (self, kind, index);
  else if (self->aif != NULL)
    describe_aif_map (self);
  else
    describe_graph (self);
  highlight (self, aif_node);
}

static gboolean
update_zoom_label (gpointer data)
{
  QgDrawingPage *self = data;
  double zoom = qg_viewport_get_zoom (qg_drawing_view_get_viewport (self->view));
  g_autofree char *text = g_strdup_printf ("%.0f%%", zoom * 100);

  self->zoom_idle = 0;
  gtk_label_set_label (self->zoom_label, text);
  return G_SOURCE_REMOVE;
}

/* The zoom changes while the view is allocated: the label follows after. */
static void
zoom_changed_cb (QgDrawingPage *self)
{
  if (self->zoom_idle == 0)
    self->zoom_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_zoom_label, self, NULL);
}

static void
forget (QgDrawingPage *self)
{
  g_clear_pointer (&self->drawing, qg_drawing_unref);
  g_clear_pointer (&self->aif, qg_aif_graph_free);
  g_clear_pointer (&self->node_of_aif, g_free);
  g_clear_pointer (&self->aif_of_node, g_free);
}

static void
qg_drawing_page_dispose (GObject *object)
{
  QgDrawingPage *self = QG_DRAWING_PAGE (object);

  g_clear_handle_id (&self->zoom_idle, g_source_remove);
  g_clear_handle_id (&self->target_idle, g_source_remove);
  forget (self);
  g_clear_pointer (&self->article, g_free);
  g_clear_pointer (&self->spans, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_DRAWING_PAGE);
  G_OBJECT_CLASS (qg_drawing_page_parent_class)->dispose (object);
}

static void
qg_drawing_page_class_init (QgDrawingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_drawing_page_dispose;

  g_type_ensure (QG_TYPE_DRAWING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/qg-drawing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QgDrawingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, QgDrawingPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, QgDrawingPage, paned);
  gtk_widget_class_bind_template_child (widget_class, QgDrawingPage, view);
  gtk_widget_class_bind_template_child (widget_class, QgDrawingPage, details);
  gtk_widget_class_bind_template_child (widget_class, QgDrawingPage, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, QgDrawingPage, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, QgDrawingPage, text_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qg_drawing_page_init (QgDrawingPage *self)
{
  GtkTextBuffer *buffer;
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->highlight_tag = gtk_text_buffer_create_tag (buffer, "highlight", "background-rgba",
                                                    &(GdkRGBA) { 0.21, 0.52, 0.89, 0.3 }, NULL);
  self->words_tag = gtk_text_buffer_create_tag (buffer, "words", "underline",
                                                PANGO_UNDERLINE_SINGLE, NULL);
  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (text_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (gesture));
  g_signal_connect_swapped (self->view, "selection-changed", G_CALLBACK (selection_changed_cb),
                            self);
  g_signal_connect_object (qg_drawing_view_get_viewport (self->view), "notify::zoom",
                           G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
qg_drawing_page_new (void)
{
  return g_object_new (QG_TYPE_DRAWING_PAGE, NULL);
}

void
qg_drawing_page_show_loading (QgDrawingPage *self,
                              const char    *display_name)
{
  g_autofree char *title = NULL;

  g_return_if_fail (QG_IS_DRAWING_PAGE (self));

  /* Translators: %s is a file's name. */
  title = g_strdup_printf (_("Laying Out “%s”…"), display_name);
  adw_status_page_set_title (self->status_page, title);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
qg_drawing_page_set_drawing (QgDrawingPage *self,
                             QgDrawing     *drawing,
                             QgAifGraph    *aif)
{
  g_return_if_fail (QG_IS_DRAWING_PAGE (self));
  g_return_if_fail (drawing != NULL);

  forget (self);
  self->drawing = qg_drawing_ref (drawing);
  self->aif = aif;
  if (aif != NULL)
    {
      guint n = qg_drawing_get_n_nodes (drawing);

      self->node_of_aif = g_new (gint, MAX (aif->n_nodes, 1));
      self->aif_of_node = g_new (gint, MAX (n, 1));
      for (guint i = 0; i < aif->n_nodes; i++)
        self->node_of_aif[i] = -1;
      /* qg_aif_graph_to_dot names node i "n<i>". */
      for (guint i = 0; i < n; i++)
        {
          const char *name = qg_drawing_get_node_name (drawing, i);
          guint64 number;

          self->aif_of_node[i] = -1;
          if (name[0] == 'n' && g_ascii_string_to_unsigned (name + 1, 10, 0, aif->n_nodes - 1,
                                                            &number, NULL))
            {
              self->aif_of_node[i] = (gint) number;
              self->node_of_aif[number] = (gint) i;
            }
        }
    }
  show_article (self);
  gtk_stack_set_visible_child_name (self->stack, "drawing");
  qg_drawing_view_set_drawing (self->view, drawing);
  /* set_drawing tells of the cleared selection; the details follow it. */
  selection_changed_cb (self);
}

void
qg_drawing_page_clear (QgDrawingPage *self)
{
  g_return_if_fail (QG_IS_DRAWING_PAGE (self));

  qg_drawing_view_set_drawing (self->view, NULL);
  forget (self);
  show_article (self);
  clear_details (self);
}

QgDrawingView *
qg_drawing_page_get_view (QgDrawingPage *self)
{
  g_return_val_if_fail (QG_IS_DRAWING_PAGE (self), NULL);
  return self->view;
}

QgAifGraph *
qg_drawing_page_get_aif (QgDrawingPage *self)
{
  g_return_val_if_fail (QG_IS_DRAWING_PAGE (self), NULL);
  return self->aif;
}

gint
qg_drawing_page_node_for_aif (QgDrawingPage *self,
                              guint          aif_node)
{
  g_return_val_if_fail (QG_IS_DRAWING_PAGE (self), -1);
  if (self->aif == NULL || aif_node >= self->aif->n_nodes)
    return -1;
  return self->node_of_aif[aif_node];
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
qg_drawing_page_get_details (QgDrawingPage *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (QG_IS_DRAWING_PAGE (self), NULL);
  collect_text (GTK_WIDGET (self->details), text);
  return g_string_free (text, FALSE);
}

gboolean
qg_drawing_page_get_highlight (QgDrawingPage *self,
                               gsize         *start,
                               gsize         *end)
{
  g_return_val_if_fail (QG_IS_DRAWING_PAGE (self), FALSE);
  if (!self->highlighted)
    return FALSE;
  *start = self->highlight_start;
  *end = self->highlight_end;
  return TRUE;
}

GtkTextView *
qg_drawing_page_get_text_view (QgDrawingPage *self)
{
  g_return_val_if_fail (QG_IS_DRAWING_PAGE (self), NULL);
  return self->text_view;
}
