/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-graph-private.h"

/* A layout as text: what Graphviz wrote on the graph as it laid it out
 * and drew it to xdot (the bounding box, every node's place, every
 * edge's label place, and the drawing of each), the strings that the
 * layout and the drawing are read from (qg-graph-geometry.c). The layout
 * worker writes it (quotegraph-layout.c), the cache keeps it
 * (qg-layout-cache.c), and a graph read from the same DOT text reads it
 * back: cgraph reads the same text into the same order of nodes, edges
 * and subgraphs, so the strings come in that order, with no names.
 *
 *   quotegraph-places/1 NODES EDGES CLUSTERS\n
 *   then, each string as LENGTH:BYTES\n, in this order:
 *   the graph:      bb _draw_ _ldraw_
 *   each cluster:   _draw_ _ldraw_        (qg_graph_for_each_cluster's order)
 *   each node:      pos _draw_ _ldraw_
 *   each edge:      lp _draw_ _hdraw_ _tdraw_ _ldraw_ _hldraw_ _tldraw_
 *
 * What it reads comes from another process or from a file: every count
 * and length is checked, and a string holds no NUL. */

#define PLACES_MAGIC "quotegraph-places/1"

static const char * const graph_names[] = { "bb", "_draw_", "_ldraw_", NULL };
static const char * const cluster_names[] = { "_draw_", "_ldraw_", NULL };
static const char * const node_names[] = { "pos", "_draw_", "_ldraw_", NULL };
static const char * const edge_names[] = {
  "lp", "_draw_", "_hdraw_", "_tdraw_", "_ldraw_", "_hldraw_", "_tldraw_", NULL,
};

struct _QgPlaces
{
  char       *text;      /* the strings, each ended with a NUL in place */
  GHashTable *objects;   /* Agraph_t, Agnode_t or Agedge_t → const char ** */
  GPtrArray  *values;    /* the arrays, freed with the places */
};

static const char * const *
names_for (int kind)
{
  switch (kind)
    {
    case AGRAPH:
      return graph_names;
    case AGNODE:
      return node_names;
    default:
      return edge_names;
    }
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return strcmp (agnameof (*(Agraph_t **) a), agnameof (*(Agraph_t **) b));
}

static void
collect_clusters (Agraph_t  *g,
                  GPtrArray *out)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();

  for (Agraph_t *sub = agfstsubg (g); sub; sub = agnxtsubg (sub))
    g_ptr_array_add (children, sub);
  g_ptr_array_sort (children, by_name);
  for (guint i = 0; i < children->len; i++)
    {
      Agraph_t *sub = children->pdata[i];

      if (strncmp (agnameof (sub), "cluster", 7) == 0)
        g_ptr_array_add (out, sub);
      collect_clusters (sub, out);
    }
}

/* The clusters after the background, parents before their children, as
 * Graphviz draws them; siblings by name. cgraph keeps a graph's
 * subgraphs in the order of their ids, which for a named subgraph is
 * the address of its name in memory: another order in another process,
 * where names are the same (and unique among siblings). */
GPtrArray *
qg_graph_clusters_in_order (Agraph_t *g)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_clusters (g, out);
  return out;
}

static void
append_string (GString    *out,
               const char *value)
{
  gsize length = value ? strlen (value) : 0;

  g_string_append_printf (out, "%" G_GSIZE_FORMAT ":", length);
  if (length > 0)
    g_string_append_len (out, value, length);
  g_string_append_c (out, '\n');
}

static void
append_object (GString           *out,
               void              *object,
               const char * const *names)
{
  for (guint i = 0; names[i]; i++)
    append_string (out, agget (object, (char *) names[i]));
}

GBytes *
qg_graph_write_places (QgGraph *self)
{
  Agraph_t *g = self->graph;
  g_autoptr(GPtrArray) clusters = NULL;
  GString *out;

  g_return_val_if_fail (self->laid_out, NULL);

  qg_graphviz_lock ();
  qg_graph_attach_xdot (g);
  clusters = qg_graph_clusters_in_order (g);
  out = g_string_new (NULL);
  g_string_append_printf (out, PLACES_MAGIC " %d %d %u\n", agnnodes (g), agnedges (g),
                          clusters->len);
  append_object (out, g, graph_names);
  for (guint i = 0; i < clusters->len; i++)
    append_object (out, clusters->pdata[i], cluster_names);
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    append_object (out, n, node_names);
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
      append_object (out, e, edge_names);
  qg_graphviz_unlock ();
  return g_string_free_to_bytes (out);
}

void
qg_places_free (QgPlaces *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->objects);
  g_ptr_array_unref (self->values);
  g_free (self->text);
  g_free (self);
}

/* Reads one object's strings at *@at, ending each with a NUL. */
static gboolean
read_object (QgPlaces           *self,
             char              **at,
             const char         *end,
             void               *object,
             const char * const *names)
{
  guint n = g_strv_length ((char **) names);
  const char **values = g_new0 (const char *, n);

  g_ptr_array_add (self->values, values);
  g_hash_table_insert (self->objects, object, values);
  for (guint i = 0; i < n; i++)
    {
      char *colon;
      guint64 length;

      if (*at >= end || !g_ascii_isdigit (**at))
        return FALSE;
      length = g_ascii_strtoull (*at, &colon, 10);
      if (colon >= end || *colon != ':' || colon - *at > 12 || length >= (guint64) (end - colon))
        return FALSE;
      values[i] = colon + 1;
      if (colon[1 + length] != '\n' || memchr (colon + 1, '\0', length) != NULL)
        return FALSE;
      colon[1 + length] = '\0';
      *at = colon + 2 + length;
    }
  return TRUE;
}

QgPlaces *
qg_places_read (QgGraph  *graph,
                GBytes   *bytes,
                GError  **error)
{
  g_autoptr(GPtrArray) clusters = NULL;
  g_autofree char *header = NULL;
  QgPlaces *self;
  Agraph_t *g;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *newline;
  char *at, *end;
  gboolean ok;

  if (!qg_graph_parse (graph, error))
    return NULL;
  g = graph->graph;
  newline = length > 0 ? memchr (data, '\n', MIN (length, 100)) : NULL;
  self = g_new0 (QgPlaces, 1);
  self->objects = g_hash_table_new (NULL, NULL);
  self->values = g_ptr_array_new_with_free_func (g_free);
  self->text = g_malloc (length + 1);
  memcpy (self->text, data, length);
  self->text[length] = '\0';
  at = self->text;
  end = self->text + length;

  qg_graphviz_lock ();
  clusters = qg_graph_clusters_in_order (g);
  header = g_strdup_printf (PLACES_MAGIC " %d %d %u\n", agnnodes (g), agnedges (g),
                            clusters->len);
  ok = newline != NULL && (gsize) (newline + 1 - data) == strlen (header)
       && memcmp (data, header, strlen (header)) == 0;
  at += strlen (header);
  ok = ok && read_object (self, &at, end, g, graph_names);
  for (guint i = 0; ok && i < clusters->len; i++)
    ok = read_object (self, &at, end, clusters->pdata[i], cluster_names);
  for (Agnode_t *n = agfstnode (g); ok && n; n = agnxtnode (g, n))
    ok = read_object (self, &at, end, n, node_names);
  for (Agnode_t *n = agfstnode (g); ok && n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); ok && e; e = agnxtout (g, e))
      ok = read_object (self, &at, end, e, edge_names);
  qg_graphviz_unlock ();

  if (!ok || at != end)
    {
      g_set_error_literal (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT,
                           _("the layout came back damaged, and was not used"));
      qg_places_free (self);
      return NULL;
    }
  return self;
}

/* What Graphviz wrote as @name on @object: from the places if given,
 * else from the graph itself (laid out and drawn here). */
const char *
qg_places_get (QgPlaces   *self,
               void       *object,
               const char *name)
{
  const char **values;
  const char * const *names;

  if (self == NULL)
    return agget (object, (char *) name);
  values = g_hash_table_lookup (self->objects, object);
  if (values == NULL)
    return NULL;
  names = agobjkind (object) == AGRAPH && object != agroot (object) ? cluster_names
                                                                    : names_for (agobjkind (object));
  for (guint i = 0; names[i]; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}
