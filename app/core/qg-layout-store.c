/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A finished layout as bytes, for the layout cache: read back, it is the
 * layout it was, without Graphviz reading the graph or its places again.
 *
 * The bytes: MAP_MAGIC, then the width, the height and the number of
 * items; each item its kind, its name (an entity's or a relation's id:
 * its index may differ in a document whose graph is the same), its
 * centre, and its ops, shapes before texts; each op its fields and its
 * points. Numbers are this machine's (a cache is of one machine); a
 * string is its length, its bytes and a NUL, or NO_STRING. What is read
 * is checked as it is read: nothing in an entry is trusted. */
#define G_LOG_DOMAIN "qg-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qg-layout.h"

#define MAP_MAGIC "quotegraph-map/1\n"
#define NO_STRING G_MAXUINT32
/* Past what any map's layout holds (in points: a map 1e9 wide would be
 * 350 km across), and past what the view can turn into a font size or
 * a line. */
#define MAX_COORDINATE 1e9
#define MAX_FONT_SIZE  1e3
#define MAX_PEN_WIDTH  1e3
/* Points of one op: a spline of Graphviz's has some dozens; 2 * this
 * and its bytes stay far inside 32 bits. */
#define MAX_OP_POINTS  (1u << 20)

enum
{
  ITEM_NODE = 1,
  ITEM_EDGE = 2,
};

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static void
put (GByteArray *out,
     const void *data,
     gsize       size)
{
  g_byte_array_append (out, data, size);
}

static void
put_u8 (GByteArray *out,
        guint8      value)
{
  put (out, &value, 1);
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  put (out, &value, sizeof value);
}

static void
put_double (GByteArray *out,
            double      value)
{
  put (out, &value, sizeof value);
}

static void
put_string (GByteArray *out,
            const char *s)
{
  if (s == NULL)
    {
      put_u32 (out, NO_STRING);
      return;
    }
  put_u32 (out, strlen (s));
  put (out, s, strlen (s) + 1);
}

static void
put_op (GByteArray   *out,
        const QgOp   *op,
        const double *points)
{
  const guint8 flags[] = { op->kind, op->filled, op->dashed, op->dotted, op->align, op->italic,
                           op->styled, op->bold, op->underline, op->strike };

  put (out, flags, sizeof flags);
  put (out, &op->pen_width, sizeof op->pen_width);
  put_double (out, op->x);
  put_double (out, op->y);
  put_double (out, op->w);
  put_double (out, op->h);
  put_string (out, op->text);
  put_string (out, op->font);
  put_u32 (out, op->stroke);
  put_u32 (out, op->fill);
  put_u32 (out, op->n_points);
  put (out, points + 2 * op->first, 2 * sizeof (double) * op->n_points);
}

typedef struct
{
  const QgItem *item;
  guint8        kind;
  const char   *name;
} Entry;

/* In the order the ops were made in: read back in this order, every op
 * and point is where it was (an item's shapes are made before its
 * texts, as qg-graph-geometry.c makes them). An item without ops starts
 * where the next one made does, and was made before it. */
static int
by_first_op (gconstpointer a,
             gconstpointer b)
{
  const Entry *x = a, *y = b;
  gboolean x_empty = x->item->n_ops + x->item->n_texts == 0;
  gboolean y_empty = y->item->n_ops + y->item->n_texts == 0;

  if (x->item->first_op != y->item->first_op)
    return x->item->first_op < y->item->first_op ? -1 : 1;
  if (x_empty != y_empty)
    return x_empty ? -1 : 1;
  return (x->kind > y->kind) - (x->kind < y->kind);
}

/* An item that was never begun is all zeros: left out, it reads back so. */
static gboolean
is_placed (const QgItem *item)
{
  return item->n_ops + item->n_texts > 0 || item->cx != 0 || item->cy != 0;
}

GBytes *
qg_layout_write (QgLayout   *self,
                 QgDocument *document)
{
  g_autoptr(GArray) entries = NULL;
  const double *points = qg_layout_get_points (self);
  GByteArray *out;

  g_return_val_if_fail (qg_layout_get_n_nodes (self) == qg_document_get_n_entities (document),
                        NULL);
  g_return_val_if_fail (qg_layout_get_n_edges (self) == qg_document_get_n_relations (document),
                        NULL);

  entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  out = g_byte_array_new ();
  for (guint i = 0; i < qg_layout_get_n_nodes (self); i++)
    {
      Entry entry = { qg_layout_get_node (self, i), ITEM_NODE,
                      qg_document_get_entity (document, i)->id };

      if (is_placed (entry.item))
        g_array_append_val (entries, entry);
    }
  for (guint i = 0; i < qg_layout_get_n_edges (self); i++)
    {
      Entry entry = { qg_layout_get_edge (self, i), ITEM_EDGE,
                      qg_document_get_relation (document, i)->id };

      if (is_placed (entry.item))
        g_array_append_val (entries, entry);
    }
  g_array_sort (entries, by_first_op);

  put (out, MAP_MAGIC, strlen (MAP_MAGIC));
  put_double (out, qg_layout_get_width (self));
  put_double (out, qg_layout_get_height (self));
  put_u32 (out, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      const QgItem *item = entry->item;

      put_u8 (out, entry->kind);
      put_string (out, entry->name);
      put_double (out, item->cx);
      put_double (out, item->cy);
      put_u32 (out, item->n_ops);
      put_u32 (out, item->n_texts);
      for (guint k = 0; k < item->n_ops; k++)
        put_op (out, qg_layout_get_op (self, item->first_op + k), points);
      for (guint k = 0; k < item->n_texts; k++)
        put_op (out, qg_layout_get_op (self, item->first_text + k), points);
    }
  return g_byte_array_free_to_bytes (out);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

typedef struct
{
  const guint8 *at;
  const guint8 *end;
  gboolean      ok;   /* FALSE from the first thing that did not hold */
} Reader;

static const guint8 *
take (Reader *r,
      gsize   size)
{
  const guint8 *at = r->at;

  if (!r->ok || (gsize) (r->end - r->at) < size)
    {
      r->ok = FALSE;
      return NULL;
    }
  r->at += size;
  return at;
}

static guint8
take_u8 (Reader *r)
{
  const guint8 *at = take (r, 1);

  return at != NULL ? *at : 0;
}

/* @size bytes into @out, or zeros past the end. */
static void
take_into (Reader *r,
           void   *out,
           gsize   size)
{
  const guint8 *at = take (r, size);

  if (at != NULL)
    memcpy (out, at, size);
  else
    memset (out, 0, size);
}

static guint32
take_u32 (Reader *r)
{
  guint32 value;

  take_into (r, &value, sizeof value);
  return value;
}

/* Finite and within MAX_COORDINATE, as everything Graphviz places is. */
static double
take_double (Reader *r)
{
  double value;

  take_into (r, &value, sizeof value);
  if (!isfinite (value) || fabs (value) > MAX_COORDINATE)
    r->ok = FALSE;
  return r->ok ? value : 0;
}

/* Points into the entry: a NUL ends it where its length says, and it is
 * valid UTF-8. */
static const char *
take_string (Reader *r)
{
  guint32 length = take_u32 (r);
  const guint8 *at;

  if (!r->ok || length == NO_STRING)
    return NULL;
  at = take (r, (gsize) length + 1);
  if (at == NULL)
    return NULL;
  if (at[length] != '\0' || memchr (at, '\0', length) != NULL
      || !g_utf8_validate ((const char *) at, length, NULL))
    {
      r->ok = FALSE;
      return NULL;
    }
  return (const char *) at;
}

/* The op, and its points in @points (grown to hold them). */
static gboolean
take_op (Reader *r,
         QgOp   *op,
         GArray *points)
{
  const guint8 *flags;
  const guint8 *values;
  gsize size;

  memset (op, 0, sizeof *op);
  flags = take (r, 10);
  take_into (r, &op->pen_width, sizeof op->pen_width);
  if (flags == NULL || !r->ok)
    return FALSE;
  op->kind = flags[0];
  op->filled = flags[1];
  op->dashed = flags[2];
  op->dotted = flags[3];
  op->align = flags[4];
  op->italic = flags[5];
  op->styled = flags[6];
  op->bold = flags[7];
  op->underline = flags[8];
  op->strike = flags[9];
  op->x = take_double (r);
  op->y = take_double (r);
  op->w = take_double (r);
  op->h = take_double (r);
  op->text = take_string (r);
  op->font = take_string (r);
  op->stroke = take_u32 (r);
  op->fill = take_u32 (r);
  op->n_points = take_u32 (r);
  if (!r->ok || op->kind > QG_OP_TEXT || op->align > QG_ALIGN_RIGHT
      || !(op->pen_width >= 0 && op->pen_width <= MAX_PEN_WIDTH)
      || (op->kind == QG_OP_TEXT) != (op->text != NULL)
      || (op->kind == QG_OP_TEXT && !(op->h >= 0 && op->h <= MAX_FONT_SIZE)))
    return FALSE;
  /* No more points than one op has, nor than the bytes left could hold. */
  if (op->n_points > MAX_OP_POINTS || op->n_points > (gsize) (r->end - r->at) / (2 * sizeof (double)))
    return FALSE;
  size = 2 * sizeof (double) * op->n_points;
  values = take (r, size);
  if (values == NULL)
    return FALSE;
  g_array_set_size (points, 2 * op->n_points);
  if (size > 0)
    memcpy (points->data, values, size);
  for (guint i = 0; i < 2 * op->n_points; i++)
    {
      double value = g_array_index (points, double, i);

      if (!isfinite (value) || fabs (value) > MAX_COORDINATE)
        return FALSE;
    }
  return TRUE;
}

QgLayout *
qg_layout_read (GBytes     *bytes,
                const char *engine,
                QgDocument *document)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  /* No bytes may be no pointer: nothing is added to it. */
  Reader r = { data, data != NULL ? data + length : NULL, data != NULL };
  guint n_entities = qg_document_get_n_entities (document);
  guint n_relations = qg_document_get_n_relations (document);
  g_autoptr(QgLayoutBuilder) builder = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree guint8 *seen_nodes = g_new0 (guint8, MAX (n_entities, 1));
  g_autofree guint8 *seen_edges = g_new0 (guint8, MAX (n_relations, 1));
  const guint8 *magic;
  double width, height;
  guint32 n_items;

  magic = take (&r, strlen (MAP_MAGIC));
  if (magic == NULL || memcmp (magic, MAP_MAGIC, strlen (MAP_MAGIC)) != 0)
    return NULL;
  width = take_double (&r);
  height = take_double (&r);
  n_items = take_u32 (&r);
  if (!r.ok || width < 0 || height < 0 || n_items > (gsize) n_entities + n_relations)
    return NULL;

  builder = qg_layout_builder_new (engine, n_entities, n_relations, width, height);
  for (guint32 i = 0; i < n_items; i++)
    {
      guint8 kind = take_u8 (&r);
      const char *name = take_string (&r);
      double cx = take_double (&r);
      double cy = take_double (&r);
      guint32 n_ops = take_u32 (&r);
      guint32 n_texts = take_u32 (&r);
      gint index;
      guint8 *seen;

      if (!r.ok || name == NULL || (kind != ITEM_NODE && kind != ITEM_EDGE))
        return NULL;
      index = kind == ITEM_NODE ? qg_document_find_entity (document, name)
                                : qg_document_find_relation (document, name);
      if (index < 0)
        return NULL;
      /* Each item once: a second would leave the first's ops behind. */
      seen = kind == ITEM_NODE ? &seen_nodes[index] : &seen_edges[index];
      if (*seen)
        return NULL;
      *seen = TRUE;
      /* An op is more than a byte: counts past the bytes left are lies. */
      if ((guint64) n_ops + n_texts > (guint64) (r.end - r.at))
        return NULL;
      qg_layout_builder_begin (builder, kind == ITEM_NODE ? QG_ITEM_NODE : QG_ITEM_EDGE,
                               (guint) index, cx, cy);
      for (guint64 k = 0; k < (guint64) n_ops + n_texts; k++)
        {
          QgOp op;

          if (!take_op (&r, &op, points))
            return NULL;
          qg_layout_builder_add (builder, &op, (const double *) (gpointer) points->data,
                                 k >= n_ops);
        }
    }
  if (r.at != r.end)
    return NULL;
  return qg_layout_builder_end (g_steal_pointer (&builder));
}
