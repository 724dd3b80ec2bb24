/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-drawing"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qg-drawing.h"

typedef struct
{
  const char  *name;
  guint        tail;        /* edges */
  guint        head;
  const char **attributes;  /* in `strings`, NULL-terminated */
} Item;

struct _QgDrawing
{
  gboolean      directed;
  Item         *nodes;
  guint         n_nodes;
  Item         *edges;
  guint         n_edges;
  guint         n_clusters;
  const char  **graph_attributes;
  GHashTable   *node_by_name;  /* name → index + 1 */
  QgLayout     *layout;
  GStringChunk *strings;
  GPtrArray    *vectors;       /* the attribute vectors, to free */
};

G_DEFINE_BOXED_TYPE (QgDrawing, qg_drawing, qg_drawing_ref, qg_drawing_unref)

static const char *empty_attributes[] = { NULL };

static void
qg_drawing_free (QgDrawing *self)
{
  g_free (self->nodes);
  g_free (self->edges);
  g_hash_table_unref (self->node_by_name);
  g_clear_pointer (&self->layout, qg_layout_unref);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->vectors);
}

QgDrawing *
qg_drawing_ref (QgDrawing *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
qg_drawing_unref (QgDrawing *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) qg_drawing_free);
}

QgDrawing *
qg_drawing_new (gboolean directed,
                guint    n_nodes,
                guint    n_edges,
                guint    n_clusters)
{
  QgDrawing *self = g_atomic_rc_box_new0 (QgDrawing);

  self->directed = directed;
  self->n_nodes = n_nodes;
  self->n_edges = n_edges;
  self->n_clusters = n_clusters;
  self->nodes = g_new0 (Item, MAX (n_nodes, 1));
  self->edges = g_new0 (Item, MAX (n_edges, 1));
  self->node_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_string_chunk_new (4096);
  self->vectors = g_ptr_array_new_with_free_func (g_free);
  self->graph_attributes = empty_attributes;
  for (guint i = 0; i < n_nodes; i++)
    self->nodes[i].attributes = empty_attributes;
  for (guint i = 0; i < n_edges; i++)
    self->edges[i].attributes = empty_attributes;
  return self;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const char * const *) a)[0], ((const char * const *) b)[0]);
}

/* Pairs sorted by name, so that a panel lists them where a person looks. */
static const char **
copy_attributes (QgDrawing *self,
                 GPtrArray *attributes)
{
  const char **vector;
  guint n;

  if (attributes == NULL || attributes->len < 2)
    return empty_attributes;
  n = attributes->len / 2;
  vector = g_new0 (const char *, 2 * n + 1);
  for (guint i = 0; i < 2 * n; i++)
    vector[i] = g_string_chunk_insert_const (self->strings, g_ptr_array_index (attributes, i));
  qsort (vector, n, 2 * sizeof (char *), compare_names);
  g_ptr_array_add (self->vectors, vector);
  return vector;
}

void
qg_drawing_set_node (QgDrawing  *self,
                     guint       node,
                     const char *name,
                     GPtrArray  *attributes)
{
  g_return_if_fail (node < self->n_nodes);

  self->nodes[node].name = g_string_chunk_insert_const (self->strings, name);
  self->nodes[node].attributes = copy_attributes (self, attributes);
  if (!g_hash_table_contains (self->node_by_name, self->nodes[node].name))
    g_hash_table_insert (self->node_by_name, (gpointer) self->nodes[node].name,
                         GUINT_TO_POINTER (node + 1));
}

void
qg_drawing_set_edge (QgDrawing *self,
                     guint      edge,
                     guint      tail,
                     guint      head,
                     GPtrArray *attributes)
{
  g_autofree char *name = NULL;

  g_return_if_fail (edge < self->n_edges && tail < self->n_nodes && head < self->n_nodes);

  name = g_strdup_printf ("%s %s %s", self->nodes[tail].name ? self->nodes[tail].name : "",
                          self->directed ? "->" : "--",
                          self->nodes[head].name ? self->nodes[head].name : "");
  self->edges[edge].name = g_string_chunk_insert (self->strings, name);
  self->edges[edge].tail = tail;
  self->edges[edge].head = head;
  self->edges[edge].attributes = copy_attributes (self, attributes);
}

void
qg_drawing_set_graph_attributes (QgDrawing *self,
                                 GPtrArray *attributes)
{
  self->graph_attributes = copy_attributes (self, attributes);
}

void
qg_drawing_set_layout (QgDrawing *self,
                       QgLayout  *layout)
{
  g_clear_pointer (&self->layout, qg_layout_unref);
  self->layout = layout;
}

QgLayout *
qg_drawing_get_layout (QgDrawing *self)
{
  return self->layout;
}

gboolean
qg_drawing_is_directed (QgDrawing *self)
{
  return self->directed;
}

guint
qg_drawing_get_n_nodes (QgDrawing *self)
{
  return self->n_nodes;
}

guint
qg_drawing_get_n_edges (QgDrawing *self)
{
  return self->n_edges;
}

guint
qg_drawing_get_n_clusters (QgDrawing *self)
{
  return self->n_clusters;
}

const char *
qg_drawing_get_node_name (QgDrawing *self,
                          guint      node)
{
  g_return_val_if_fail (node < self->n_nodes, NULL);
  return self->nodes[node].name ? self->nodes[node].name : "";
}

gint
qg_drawing_find_node (QgDrawing  *self,
                      const char *name)
{
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->node_by_name, name)) - 1;
}

const char *
qg_drawing_get_edge_name (QgDrawing *self,
                          guint      edge)
{
  g_return_val_if_fail (edge < self->n_edges, NULL);
  return self->edges[edge].name ? self->edges[edge].name : "";
}

guint
qg_drawing_get_edge_tail (QgDrawing *self,
                          guint      edge)
{
  g_return_val_if_fail (edge < self->n_edges, 0);
  return self->edges[edge].tail;
}

guint
qg_drawing_get_edge_head (QgDrawing *self,
                          guint      edge)
{
  g_return_val_if_fail (edge < self->n_edges, 0);
  return self->edges[edge].head;
}

const char * const *
qg_drawing_get_node_attributes (QgDrawing *self,
                                guint      node)
{
  g_return_val_if_fail (node < self->n_nodes, empty_attributes);
  return self->nodes[node].attributes;
}

const char * const *
qg_drawing_get_edge_attributes (QgDrawing *self,
                                guint      edge)
{
  g_return_val_if_fail (edge < self->n_edges, empty_attributes);
  return self->edges[edge].attributes;
}

const char * const *
qg_drawing_get_graph_attributes (QgDrawing *self)
{
  return self->graph_attributes;
}

const char *
qg_drawing_lookup (const char * const *attributes,
                   const char         *name)
{
  for (guint i = 0; attributes != NULL && attributes[i] != NULL; i += 2)
    if (strcmp (attributes[i], name) == 0)
      return attributes[i + 1];
  return NULL;
}
