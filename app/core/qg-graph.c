/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph"

#include "config.h"

#include <glib/gi18n.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <string.h>

#include "qg-article-index.h"
#include "qg-graph.h"

struct _QgGraph
{
  Agraph_t *graph;
  GBytes   *dot;       /* the DOT text that graph was read from */
  char     *engine;
  gboolean  laid_out;
};

G_DEFINE_QUARK (qg-graph-error-quark, qg_graph_error)

/* cgraph and gvc keep global state: one caller at a time. */
static GMutex graphviz_lock;

/* One context for the whole process, never freed: Graphviz 2.43's pango
 * plugin caches a pointer to the last font name, which lives in the
 * context; freeing a context and laying out with a new one reads freed
 * memory (AddressSanitizer shows it). Caller holds the lock. */
static GVC_t *
shared_context (void)
{
  static GVC_t *gvc;

  if (gvc == NULL)
    gvc = gvContext ();
  return gvc;
}

static const char * const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };

/* Above this size dot's layered layout gets slow and hard to read. */
#define DOT_MAX_ENTITIES  150
#define DOT_MAX_RELATIONS 400

/* Names and labels longer than this are wrapped at spaces. */
#define WRAP_COLUMNS 22

/* Quotes listed in one node's tooltip at most. */
#define NODE_TOOLTIP_QUOTES 10

typedef struct
{
  const char *kind;
  const char *shape;
  const char *style;
  const char *fill;
  const char *stroke;
} KindStyle;

static const KindStyle kind_styles[] = {
  { "person",     "ellipse",   "filled",                "#dbe8fb", "#1c71d8" },
  { "agency",     "box",       "rounded,filled",        "#fdf0c4", "#c88800" },
  { "government", "house",     "filled",                "#fde2cc", "#c64600" },
  { "company",    "box",       "filled",                "#d5f2dc", "#26a269" },
  { "retailer",   "component", "filled",                "#d1f0ec", "#0f7b6c" },
  { "media",      "note",      "filled",                "#eadcf6", "#813d9c" },
  { "group",      "ellipse",   "filled,dashed",         "#ececec", "#5e5c64" },
  { "country",    "octagon",   "filled",                "#fbdede", "#c01c28" },
  { "event",      "hexagon",   "filled",                "#fff4c2", "#986a44" },
};
static const KindStyle other_style =
  { NULL, "box", "rounded,filled,dashed", "#f3f3f3", "#77767b" };

typedef struct
{
  const char *color;
  const char *style;
  const char *penwidth;
} StanceStyle;

static const StanceStyle stance_styles[] = {
  [QG_STANCE_NEUTRAL] = { "#77767b", "dashed", "1.2" },
  [QG_STANCE_SUPPORT] = { "#26a269", "solid",  "1.6" },
  [QG_STANCE_OPPOSE]  = { "#c01c28", "solid",  "1.6" },
};

const char * const *
qg_layout_engines (void)
{
  return engines;
}

gboolean
qg_layout_engine_is_valid (const char *engine)
{
  return engine != NULL && g_strv_contains (engines, engine);
}

const char *
qg_layout_engine_for (QgDocument *document)
{
  if (qg_document_get_n_entities (document) <= DOT_MAX_ENTITIES
      && qg_document_get_n_relations (document) <= DOT_MAX_RELATIONS)
    return "dot";
  return "sfdp";
}

/* ------------------------------------------------------------------------ */
/* Escaping: every string handed to Graphviz comes out literally              */

static void
append_safe_char (GString    *out,
                  const char *p,
                  const char *backslash)
{
  guchar c = (guchar) *p;

  if (c == '\\')
    g_string_append (out, backslash);
  else if (c == '&')
    /* Graphviz decodes entities in labels and tooltips, so a literal '&'
     * must itself be written as an entity. */
    g_string_append (out, "&amp;");
  else if (c == '\t')
    g_string_append_c (out, ' ');
  else if (c == '\r')
    ; /* a CR before a newline says nothing more */
  else if (c < 0x20 && c != '\n')
    /* XML cannot carry other control characters: show that one was there. */
    g_string_append (out, "\xEF\xBF\xBD");
  else
    g_string_append_c (out, (char) c);
}

/* Labels are escStrings: "\N" is the node name, "\n" a line break, and
 * "\\" a backslash. */
char *
qg_graphviz_escape_label (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p; p++)
    append_safe_char (out, p, "\\\\");
  return g_string_free (out, FALSE);
}

/* Tooltips are unescaped twice by Graphviz 2.42/2.43 (once when read as an
 * escString, once when the object's name is substituted), so a backslash
 * needs four. The tests prove it on the SVG. */
char *
qg_graphviz_escape_tooltip (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p; p++)
    append_safe_char (out, p, "\\\\\\\\");
  return g_string_free (out, FALSE);
}

/* Breaks long names at the spaces nearest to equal parts, so that nodes stay
 * compact and no line is left with a lone word. */
static char *
wrap (const char *text)
{
  glong length = g_utf8_strlen (text, -1);
  glong lines = (length + WRAP_COLUMNS - 1) / WRAP_COLUMNS;
  g_autoptr(GArray) spaces = NULL;
  GString *out;
  glong previous = -1;
  guint next_break = 0;
  glong column = 0;

  if (lines <= 1 || strchr (text, '\n') != NULL)
    return g_strdup (text);

  spaces = g_array_new (FALSE, FALSE, sizeof (glong));
  for (const char *p = text; *p; p = g_utf8_next_char (p), column++)
    if (*p == ' ')
      g_array_append_val (spaces, column);

  /* For each break, the space nearest its ideal place after the last break. */
  {
    g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (glong));

    for (glong k = 1; k < lines; k++)
      {
        glong ideal = k * length / lines;
        glong best = -1;

        for (guint i = 0; i < spaces->len; i++)
          {
            glong at = g_array_index (spaces, glong, i);
            if (at > previous && (best < 0 || ABS (at - ideal) < ABS (best - ideal)))
              best = at;
          }
        if (best < 0)
          break;
        g_array_append_val (breaks, best);
        previous = best;
      }

    out = g_string_new (NULL);
    column = 0;
    for (const char *p = text; *p; p = g_utf8_next_char (p), column++)
      {
        if (next_break < breaks->len && column == g_array_index (breaks, glong, next_break))
          {
            g_string_append_c (out, '\n');
            next_break++;
            continue;
          }
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      }
  }
  return g_string_free (out, FALSE);
}

static char *
css_class_for_kind (const char *kind)
{
  static const char * const reserved[] = { "node", "edge", "graph", "cluster", "legend", NULL };
  GString *out = g_string_new (NULL);

  for (const char *p = kind; *p; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0 || g_ascii_isdigit (out->str[0]) || g_strv_contains (reserved, out->str))
    g_string_prepend (out, "kind-");
  if (!qg_kind_is_known (kind))
    g_string_append (out, " other-kind");
  return g_string_free (out, FALSE);
}

static const KindStyle *
style_for_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_styles); i++)
    if (strcmp (kind, kind_styles[i].kind) == 0)
      return &kind_styles[i];
  return &other_style;
}

static void
append_quote (GString       *out,
              QgDocument    *doc,
              const QgQuote *quote)
{
  const char *text = qg_document_get_text (doc, NULL);

  if (out->len > 0)
    g_string_append (out, "\n\n");
  if (quote->speaker >= 0)
    g_string_append_printf (out, "%s: ", qg_document_get_entity (doc, quote->speaker)->name);
  /* The article's own characters, with each white-space run shown as one
   * space (runs are equivalent in FORMAT.md, and Graphviz would otherwise
   * write a run as no-break spaces). */
  g_string_append_c (out, '"');
  for (gsize i = quote->start; i < quote->end; i++)
    {
      if (!qg_article_is_space (text[i]))
        g_string_append_c (out, text[i]);
      else if (i == quote->start || !qg_article_is_space (text[i - 1]))
        g_string_append_c (out, ' ');
    }
  g_string_append_c (out, '"');
}

static char *
node_tooltip (QgDocument *doc,
              guint       index)
{
  const QgEntity *entity = qg_document_get_entity (doc, index);
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autofree gboolean *listed = g_new0 (gboolean, qg_document_get_n_quotes (doc) + 1);
  guint n_listed = 0;
  guint n_more = 0;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s (%s)", entity->name, entity->kind);
  if (entity->description != NULL)
    g_string_append_printf (out, "\n%s", entity->description);

  /* What it says, then the evidence of what it does. */
  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    if (qg_document_get_quote (doc, q)->speaker == (gint) index)
      {
        if (n_listed++ < NODE_TOOLTIP_QUOTES)
          append_quote (quotes, doc, qg_document_get_quote (doc, q));
        else
          n_more++;
        listed[q] = TRUE;
      }
  for (guint r = 0; r < qg_document_get_n_relations (doc); r++)
    {
      const QgRelation *rel = qg_document_get_relation (doc, r);

      if (rel->source != (gint) index)
        continue;
      for (guint e = 0; e < rel->n_evidence; e++)
        if (!listed[rel->evidence[e]])
          {
            listed[rel->evidence[e]] = TRUE;
            if (n_listed++ < NODE_TOOLTIP_QUOTES)
              append_quote (quotes, doc, qg_document_get_quote (doc, rel->evidence[e]));
            else
              n_more++;
          }
    }

  if (quotes->len > 0)
    g_string_append_printf (out, "\n\n%s", quotes->str);
  if (n_more > 0)
    {
      g_string_append (out, "\n\n");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "and %u more quote",
                                                "and %u more quotes", n_more), n_more);
    }
  return g_string_free (out, FALSE);
}

static char *
edge_tooltip (QgDocument *doc,
              guint       index)
{
  const QgRelation *rel = qg_document_get_relation (doc, index);
  g_autoptr(GString) quotes = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s %s %s (%s)",
                          qg_document_get_entity (doc, rel->source)->name, rel->label,
                          qg_document_get_entity (doc, rel->target)->name,
                          qg_stance_to_string (rel->stance));
  for (guint e = 0; e < rel->n_evidence; e++)
    append_quote (quotes, doc, qg_document_get_quote (doc, rel->evidence[e]));
  g_string_append_printf (out, "\n\n%s", quotes->str);
  return g_string_free (out, FALSE);
}

/* agxset copies the value into cgraph's string pool. */
static void
set_attr (void       *object,
          Agsym_t    *sym,
          const char *value)
{
  agxset (object, sym, (char *) value);
}

static void
set_escaped (void       *object,
             Agsym_t    *sym,
             const char *value,
             gboolean    tooltip)
{
  g_autofree char *escaped = tooltip ? qg_graphviz_escape_tooltip (value)
                                     : qg_graphviz_escape_label (value);
  set_attr (object, sym, escaped);
}

static Agsym_t *
declare (Agraph_t   *g,
         int         kind,
         const char *name,
         const char *value)
{
  return agattr (g, kind, (char *) name, (char *) value);
}

static void
declare_graph_style (Agraph_t   *g,
                     const char *engine)
{
  declare (g, AGRAPH, "layout", engine);
  declare (g, AGRAPH, "fontname", "Helvetica");
  if (strcmp (engine, "dot") == 0)
    {
      declare (g, AGRAPH, "rankdir", "LR");
      declare (g, AGRAPH, "nodesep", "0.3");
      declare (g, AGRAPH, "ranksep", "0.6");
    }
  else
    {
      declare (g, AGRAPH, "overlap", "false");
      if (strcmp (engine, "neato") == 0 || strcmp (engine, "fdp") == 0)
        declare (g, AGRAPH, "splines", "true");
      if (strcmp (engine, "neato") == 0)
        declare (g, AGRAPH, "sep", "+8");
    }
}

/* Builds the styled graph in cgraph's own form. Caller holds the lock. */
static Agraph_t *
build_graph (QgDocument *doc,
             const char *engine)
{
  Agraph_t *g = agopen ((char *) "quotegraph", Agdirected, NULL);
  Agsym_t *n_label, *n_id, *n_class, *n_tooltip, *n_shape, *n_style, *n_fill, *n_color;
  Agsym_t *e_label, *e_id, *e_class, *e_tooltip, *e_color, *e_fontcolor, *e_style, *e_pen;
  guint n_entities = qg_document_get_n_entities (doc);
  g_autofree Agnode_t **nodes = g_new0 (Agnode_t *, n_entities);

  declare_graph_style (g, engine);

  declare (g, AGNODE, "fontname", "Helvetica");
  declare (g, AGNODE, "fontsize", "11");
  declare (g, AGNODE, "margin", "0.12,0.06");
  n_shape = declare (g, AGNODE, "shape", other_style.shape);
  n_style = declare (g, AGNODE, "style", other_style.style);
  n_fill = declare (g, AGNODE, "fillcolor", other_style.fill);
  n_color = declare (g, AGNODE, "color", other_style.stroke);
  n_label = declare (g, AGNODE, "label", "");
  n_id = declare (g, AGNODE, "id", "");
  n_class = declare (g, AGNODE, "class", "");
  n_tooltip = declare (g, AGNODE, "tooltip", "");

  declare (g, AGEDGE, "fontname", "Helvetica");
  declare (g, AGEDGE, "fontsize", "9");
  declare (g, AGEDGE, "arrowsize", "0.7");
  e_color = declare (g, AGEDGE, "color", stance_styles[QG_STANCE_NEUTRAL].color);
  e_fontcolor = declare (g, AGEDGE, "fontcolor", "#3d3846");
  e_style = declare (g, AGEDGE, "style", stance_styles[QG_STANCE_NEUTRAL].style);
  e_pen = declare (g, AGEDGE, "penwidth", stance_styles[QG_STANCE_NEUTRAL].penwidth);
  e_label = declare (g, AGEDGE, "label", "");
  e_id = declare (g, AGEDGE, "id", "");
  e_class = declare (g, AGEDGE, "class", "");
  e_tooltip = declare (g, AGEDGE, "tooltip", "");

  for (guint i = 0; i < n_entities; i++)
    {
      const QgEntity *entity = qg_document_get_entity (doc, i);
      const KindStyle *style = style_for_kind (entity->kind);
      g_autofree char *wrapped = wrap (entity->name);
      g_autofree char *css = css_class_for_kind (entity->kind);
      g_autofree char *tooltip = node_tooltip (doc, i);
      Agnode_t *n = agnode (g, (char *) entity->id, TRUE);

      nodes[i] = n;
      set_escaped (n, n_label, wrapped, FALSE);
      set_attr (n, n_id, entity->id);
      set_attr (n, n_class, css);
      set_escaped (n, n_tooltip, tooltip, TRUE);
      set_attr (n, n_shape, style->shape);
      set_attr (n, n_style, style->style);
      set_attr (n, n_fill, style->fill);
      set_attr (n, n_color, style->stroke);
    }

  for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
    {
      const QgRelation *rel = qg_document_get_relation (doc, i);
      const StanceStyle *style = &stance_styles[rel->stance];
      g_autofree char *wrapped = wrap (rel->label);
      g_autofree char *tooltip = edge_tooltip (doc, i);
      Agedge_t *e = agedge (g, nodes[rel->source], nodes[rel->target], (char *) rel->id, TRUE);

      set_escaped (e, e_label, wrapped, FALSE);
      set_attr (e, e_id, rel->id);
      set_attr (e, e_class, qg_stance_to_string (rel->stance));
      set_escaped (e, e_tooltip, tooltip, TRUE);
      set_attr (e, e_color, style->color);
      set_attr (e, e_fontcolor, "#3d3846");
      set_attr (e, e_style, style->style);
      set_attr (e, e_pen, style->penwidth);
    }

  return g;
}

/* Caller holds the lock. */
static char *
write_dot (Agraph_t *g,
           gsize    *length)
{
  char *buffer = NULL;
  size_t size = 0;
  FILE *stream = open_memstream (&buffer, &size);

  if (stream == NULL)
    g_error ("open_memstream: %s", g_strerror (errno));
  agwrite (g, stream);
  fclose (stream);
  *length = size;
  return buffer;
}

QgGraph *
qg_graph_new (QgDocument  *document,
              const char  *engine,
              GError     **error)
{
  QgGraph *self;
  Agraph_t *built;
  char *dot;
  gsize length;

  g_return_val_if_fail (QG_IS_DOCUMENT (document), NULL);

  if (engine == NULL)
    engine = qg_layout_engine_for (document);
  if (!qg_layout_engine_is_valid (engine))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) engines);
      g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_ENGINE,
                   _("unknown layout engine \"%s\" (use one of %s)"), engine, known);
      return NULL;
    }

  g_mutex_lock (&graphviz_lock);
  built = build_graph (document, engine);
  /* The graph that is laid out is the one read back from its own DOT text,
   * so that `dot -Tsvg` on an exported .gv draws exactly the same picture. */
  dot = write_dot (built, &length);
  agclose (built);
  self = g_new0 (QgGraph, 1);
  self->engine = g_strdup (engine);
  self->graph = agmemread (dot);
  self->dot = g_bytes_new (dot, length);
  free (dot);
  g_mutex_unlock (&graphviz_lock);

  if (self->graph == NULL)
    {
      g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT,
                   _("Graphviz could not read the graph built from the document"));
      qg_graph_free (self);
      return NULL;
    }
  return self;
}

void
qg_graph_free (QgGraph *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&graphviz_lock);
  /* The order Graphviz documents: layout, then graph (the context is shared). */
  if (self->laid_out)
    gvFreeLayout (shared_context (), self->graph);
  if (self->graph != NULL)
    agclose (self->graph);
  g_mutex_unlock (&graphviz_lock);

  g_clear_pointer (&self->dot, g_bytes_unref);
  g_free (self->engine);
  g_free (self);
}

const char *
qg_graph_get_engine (QgGraph *self)
{
  return self->engine;
}

gboolean
qg_graph_layout (QgGraph  *self,
                 GError  **error)
{
  int status;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&graphviz_lock);
  if (self->laid_out)
    {
      gvFreeLayout (shared_context (), self->graph);
      self->laid_out = FALSE;
    }
  status = gvLayout (shared_context (), self->graph, self->engine);
  self->laid_out = status == 0;
  g_mutex_unlock (&graphviz_lock);

  if (status != 0)
    {
      g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT,
                   _("the %s layout failed"), self->engine);
      return FALSE;
    }
  return TRUE;
}

GBytes *
qg_graph_render (QgGraph     *self,
                 const char  *format,
                 GError     **error)
{
  char *data = NULL;
  unsigned int length = 0;
  GBytes *bytes = NULL;
  int status;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->laid_out, NULL);

  g_mutex_lock (&graphviz_lock);
  status = gvRenderData (shared_context (), self->graph, format, &data, &length);
  if (status == 0 && data != NULL)
    bytes = g_bytes_new (data, length);
  if (data != NULL)
    gvFreeRenderData (data);
  g_mutex_unlock (&graphviz_lock);

  if (bytes == NULL)
    g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_FORMAT,
                 _("Graphviz could not render the graph as %s"), format);
  return bytes;
}

GBytes *
qg_graph_to_dot (QgGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Exactly the text the laid-out graph was read from: writing the graph
   * again would reorder nodes and edges, and change the picture. */
  return g_bytes_ref (self->dot);
}
