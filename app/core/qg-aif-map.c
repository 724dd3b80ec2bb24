/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-aif-map"

#include "config.h"

#include <string.h>

#include "qg-aif.h"
#include "qg-graph.h"
#include "qg-label.h"

/* What a viewer makes of an AIF graph (qg-aif.c reads it): the map drawn
 * as a Graphviz digraph, what a details panel says of a node, and the
 * article a reading pane shows with each locution's and proposition's
 * place in it. docs/format-notes.md ("AIF", "Drawing") has the rules. */

/* Text boxes are wrapped at about this many characters a line: a
 * proposition of a sentence or two makes a box some three lines tall. */
#define TEXT_COLUMNS 32

/* One table: the DOT and whoever draws a chip of a type read it. For a
 * white background, in the tones of GNOME's palette, light fills under
 * darker outlines and text. */
static const QgAifStyle styles[] = {
  [QG_AIF_NODE_I] = { "aif-i", "box", "rounded,filled", "#dbe9f8", "#3d6fa8", "#1c3553" },
  [QG_AIF_NODE_L] = { "aif-l", "box", "filled", "#fbf3d0", "#b59a3c", "#4a3f17" },
  [QG_AIF_NODE_RA] = { "aif-ra", "ellipse", "filled", "#d8f0dc", "#2f8a4a", "#1d5a30" },
  [QG_AIF_NODE_CA] = { "aif-ca", "ellipse", "filled", "#f8dcdc", "#c0392b", "#7a1f17" },
  [QG_AIF_NODE_MA] = { "aif-ma", "ellipse", "filled", "#fde6cc", "#c86a10", "#6e3a06" },
  [QG_AIF_NODE_PA] = { "aif-pa", "ellipse", "filled", "#eadff3", "#8446a8", "#4c2563" },
  [QG_AIF_NODE_TA] = { "aif-ta", "ellipse", "filled", "#e9e9e7", "#77767b", "#3d3846" },
  [QG_AIF_NODE_YA] = { "aif-ya", "ellipse", "filled", "#e0e6ee", "#56708f", "#2c3d52" },
  [QG_AIF_NODE_OTHER] = { "aif-other", "ellipse", "filled", "#ececec", "#8a8a8a", "#3d3d3d" },
};

/* Edges that touch no S-node, and the outline of nothing in particular. */
#define EDGE_COLOR "#77767b"

const QgAifStyle *
qg_aif_node_type_style (QgAifNodeType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (styles), &styles[QG_AIF_NODE_OTHER]);
  return &styles[type];
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                   */

/* @text on one line: every run of white space one space, none at the
 * ends, so that the wrapping decides the lines. */
static char *
one_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* @value, already escaped for Graphviz's escString, as a quoted DOT
 * string: only a quote needs a backslash more, since the escaping doubled
 * every backslash (none can end the string or swallow a line break); a
 * line break of a label becomes "\n", Graphviz's centred one. */
static void
append_quoted (GString    *out,
               const char *value,
               gboolean    label)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append (out, "\\\"");
      else if (*p == '\n' && label)
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* @name="@text", as Graphviz reads a label (escaped once) or a tooltip
 * (escaped twice, qg-graph.c says why). */
static void
append_attribute (GString    *out,
                  const char *name,
                  const char *text)
{
  gboolean label = strcmp (name, "label") == 0;
  g_autofree char *escaped = label ? qg_graphviz_escape_label (text)
                                   : qg_graphviz_escape_tooltip (text);

  g_string_append_printf (out, ", %s=", name);
  append_quoted (out, escaped, label);
}

/* What a node's box says: an I- or L-node's text, wrapped (cut as every
 * label on a map is, qg-label.h); an S-node's type. */
static char *
node_label (const QgAifNode *node)
{
  g_autofree char *line = NULL;

  if (qg_aif_node_type_is_scheme (node->type))
    return qg_label_fit_legend (node->type_name);
  line = one_line (node->text);
  return qg_label_fit (line, TEXT_COLUMNS);
}

static void
append_node (GString         *out,
             guint            i,
             const QgAifNode *node)
{
  const QgAifStyle *style = qg_aif_node_type_style (node->type);
  gboolean scheme = qg_aif_node_type_is_scheme (node->type);
  g_autofree char *label = node_label (node);

  g_string_append_printf (out, "  n%u [id=\"n%u\", class=\"%s\", shape=%s, style=\"%s\", "
                          "fillcolor=\"%s\", color=\"%s\", fontcolor=\"%s\"", i, i,
                          style->css_class, style->shape, style->style, style->fill,
                          style->stroke, style->text);
  if (scheme)
    g_string_append (out, ", fontsize=9, margin=\"0.06,0.02\", width=0.4, height=0.25");
  else if (node->type == QG_AIF_NODE_L)
    g_string_append (out, ", penwidth=0.6");
  append_attribute (out, "label", label);
  /* The whole text, as written; an S-node without one says its type. */
  append_attribute (out, "tooltip", node->text[0] != '\0' ? node->text : node->type_name);
  g_string_append (out, "];\n");
}

/* An edge takes the colour of the S-node it leaves or enters, so that a
 * support reads green from premise to conclusion and an attack red. */
static const char *
edge_color (QgAifGraph *graph,
            guint       k)
{
  const QgAifNode *from = &graph->nodes[graph->edges[k].from];
  const QgAifNode *to = &graph->nodes[graph->edges[k].to];

  if (qg_aif_node_type_is_scheme (from->type))
    return qg_aif_node_type_style (from->type)->stroke;
  if (qg_aif_node_type_is_scheme (to->type))
    return qg_aif_node_type_style (to->type)->stroke;
  return EDGE_COLOR;
}

char *
qg_aif_graph_to_dot (QgAifGraph *graph)
{
  GString *out;

  g_return_val_if_fail (graph != NULL, NULL);

  out = g_string_sized_new (256 + 160 * graph->n_nodes + 48 * graph->n_edges);
  /* Premises above what they support, as OVA draws them; the desktop's
   * sans-serif, which fontconfig finds everywhere, for small text that
   * reads on screen. */
  g_string_append (out, "digraph aif {\n"
                        "  graph [layout=dot, rankdir=TB, nodesep=0.3, ranksep=0.35];\n"
                        "  node [fontname=\"sans\", fontsize=11, margin=\"0.12,0.06\"];\n"
                        "  edge [arrowsize=0.7, penwidth=1.1];\n");
  for (guint i = 0; i < graph->n_nodes; i++)
    append_node (out, i, &graph->nodes[i]);
  for (guint k = 0; k < graph->n_edges; k++)
    g_string_append_printf (out, "  n%u -> n%u [id=\"e%u\", color=\"%s\"];\n",
                            graph->edges[k].from, graph->edges[k].to, k, edge_color (graph, k));
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
/* What a details panel says of a node                                       */

static void
append_once (GArray *nodes,
             guint   node)
{
  for (guint i = 0; i < nodes->len; i++)
    if (g_array_index (nodes, guint, i) == node)
      return;
  g_array_append_val (nodes, node);
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static guint *
steal_nodes (GArray *nodes,
             guint  *n_nodes)
{
  *n_nodes = nodes->len;
  if (nodes->len == 0)
    {
      g_array_free (nodes, TRUE);
      return NULL;
    }
  return (guint *) g_array_free (nodes, FALSE);
}

guint *
qg_aif_graph_asserting_locutions (QgAifGraph *graph,
                                  guint       inode,
                                  guint      *n_locutions)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (graph != NULL && inode < graph->n_nodes && n_locutions != NULL, NULL);

  /* L → YA → I as OVA and AIFdb draw it; files in the wild also have a
   * YA's edges the other way round, which says the same. */
  for (guint k = 0; k < graph->n_edges; k++)
    {
      const QgAifEdge *e = &graph->edges[k];
      guint ya = e->to == inode ? e->from : e->from == inode ? e->to : G_MAXUINT;

      if (ya == G_MAXUINT || ya == inode || graph->nodes[ya].type != QG_AIF_NODE_YA)
        continue;
      for (guint m = 0; m < graph->n_edges; m++)
        {
          const QgAifEdge *f = &graph->edges[m];
          guint l = f->to == ya ? f->from : f->from == ya ? f->to : G_MAXUINT;

          if (l != G_MAXUINT && graph->nodes[l].type == QG_AIF_NODE_L)
            append_once (found, l);
        }
    }
  g_array_sort (found, compare_nodes);
  return steal_nodes (found, n_locutions);
}

static void
link_clear (gpointer data)
{
  QgAifLink *link = data;

  g_clear_pointer (&link->others, g_free);
}

/* The S-nodes at the other end of @node's edges, @node at the end @into
 * says; for each, the nodes on the far side of it. */
static GArray *
links (QgAifGraph *graph,
       guint       node,
       gboolean    into)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (QgAifLink));
  g_autoptr(GArray) schemes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_set_clear_func (out, link_clear);
  for (guint k = 0; k < graph->n_edges; k++)
    {
      const QgAifEdge *e = &graph->edges[k];
      guint s = into ? e->from : e->to;

      if ((into ? e->to : e->from) == node && qg_aif_node_type_is_scheme (graph->nodes[s].type))
        append_once (schemes, s);
    }
  for (guint i = 0; i < schemes->len; i++)
    {
      guint s = g_array_index (schemes, guint, i);
      GArray *others = g_array_new (FALSE, FALSE, sizeof (guint));
      QgAifLink link = { s, graph->nodes[s].type, NULL, 0 };

      /* Into @node: what goes into the scheme (its premises, its
       * attackers). Out of @node: where the scheme goes (what it backs). */
      for (guint k = 0; k < graph->n_edges; k++)
        {
          const QgAifEdge *e = &graph->edges[k];

          if (into && e->to == s)
            append_once (others, e->from);
          else if (!into && e->from == s)
            append_once (others, e->to);
        }
      link.others = steal_nodes (others, &link.n_others);
      g_array_append_val (out, link);
    }
  return out;
}

GArray *
qg_aif_graph_links_into (QgAifGraph *graph,
                         guint       node)
{
  g_return_val_if_fail (graph != NULL && node < graph->n_nodes, NULL);
  return links (graph, node, TRUE);
}

GArray *
qg_aif_graph_links_from (QgAifGraph *graph,
                         guint       node)
{
  g_return_val_if_fail (graph != NULL && node < graph->n_nodes, NULL);
  return links (graph, node, FALSE);
}

/* A name before a colon is a speaker's if it is as long as a name runs
 * and on one line; written "Name: words", also if it is a few words, not
 * a question or an exclamation, which a locution may begin with. */
#define SPEAKER_MAX_BYTES 80
#define SPEAKER_MAX_WORDS 6

/* Where the speaker's name ends and the words begin in @text, written
 * "Speaker : words" as OVA writes it, or "Speaker: words". */
static gboolean
split_speaker (const char *text,
               gsize      *name_end,
               gsize      *words_start)
{
  const char *spaced = strstr (text, " : ");
  const char *colon = spaced ? spaced : strstr (text, ": ");
  const char *start = text;
  guint words = 1;

  if (colon == NULL)
    {
      /* "Speaker:" and nothing said. */
      gsize length = strlen (text);

      if (length == 0 || text[length - 1] != ':')
        return FALSE;
      colon = text + length - 1;
    }
  while (g_ascii_isspace (*start))
    start++;
  if (colon <= start || colon - text > SPEAKER_MAX_BYTES)
    return FALSE;
  for (const char *p = start; p < colon; p++)
    {
      if (*p == '\n' || (!spaced && (*p == '?' || *p == '!')))
        return FALSE;
      words += *p == ' ' && p[1] != ' ';
    }
  if (!spaced && words > SPEAKER_MAX_WORDS)
    return FALSE;
  *name_end = colon - text;
  *words_start = (colon - text) + (spaced ? 3 : colon[1] == ' ' ? 2 : 1);
  return TRUE;
}

/* The participant's name, "Firstname Surname", or NULL when it has none. */
static char *
participant_name (QgAifGraph *graph,
                  gint        participant)
{
  const QgAifParticipant *p;
  char *name;

  if (participant < 0 || (guint) participant >= graph->n_participants)
    return NULL;
  p = &graph->participants[participant];
  name = g_strstrip (g_strjoin (" ", p->firstname, p->surname, NULL));
  if (name[0] != '\0')
    return name;
  g_free (name);
  return NULL;
}

char *
qg_aif_graph_speaker (QgAifGraph *graph,
                      guint       node)
{
  const QgAifNode *n;
  char *name;
  gsize name_end, words_start;

  g_return_val_if_fail (graph != NULL && node < graph->n_nodes, NULL);

  n = &graph->nodes[node];
  if (n->type != QG_AIF_NODE_L)
    return NULL;
  name = participant_name (graph, n->participant);
  if (name != NULL)
    return name;
  if (!split_speaker (n->text, &name_end, &words_start))
    return NULL;
  return g_strstrip (g_strndup (n->text, name_end));
}

char *
qg_aif_graph_words (QgAifGraph *graph,
                    guint       node)
{
  const QgAifNode *n;
  gsize name_end, words_start;

  g_return_val_if_fail (graph != NULL && node < graph->n_nodes, NULL);

  n = &graph->nodes[node];
  if (n->type == QG_AIF_NODE_L && split_speaker (n->text, &name_end, &words_start))
    return g_strstrip (g_strdup (n->text + words_start));
  return g_strstrip (g_strdup (n->text));
}

/* ------------------------------------------------------------------------ */
/* The article, and where each node's words are in it                        */

/* The L-nodes in the order they were said: those of the locutions, in the
 * locutions' order, then the others in the order of the nodes. */
static GArray *
reading_order (QgAifGraph *graph)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *taken = g_new0 (guint8, graph->n_nodes);

  for (guint i = 0; i < graph->n_locutions; i++)
    {
      guint l = graph->locutions[i].node;

      if (graph->nodes[l].type == QG_AIF_NODE_L && !taken[l])
        {
          taken[l] = TRUE;
          g_array_append_val (order, l);
        }
    }
  for (guint i = 0; i < graph->n_nodes; i++)
    if (graph->nodes[i].type == QG_AIF_NODE_L && !taken[i])
      g_array_append_val (order, i);
  return order;
}

/* An article made of its locutions: "Speaker: words", a paragraph each,
 * each locution's words placed where they were written. */
static char *
compose_article (QgAifGraph *graph,
                 GArray     *order,
                 GArray     *spans,
                 gsize      *length)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < order->len; i++)
    {
      guint l = g_array_index (order, guint, i);
      g_autofree char *speaker = qg_aif_graph_speaker (graph, l);
      g_autofree char *words = qg_aif_graph_words (graph, l);
      QgAifSpan span = { l, 0, 0 };

      if (out->len > 0)
        g_string_append (out, "\n\n");
      if (speaker != NULL)
        g_string_append_printf (out, "%s: ", speaker);
      span.start = out->len;
      g_string_append (out, words);
      span.end = out->len;
      if (span.end > span.start)
        g_array_append_val (spans, span);
    }
  *length = out->len;
  return g_string_free (out, FALSE);
}

/* The article as searched when exact matching fails: each run of white
 * space one space, curly quotes straight; with, for each of its bytes,
 * where the character it comes from starts and ends in the article. */
typedef struct
{
  const char *text;
  gsize       length;
  GString    *loose;
  GArray     *starts;  /* gsize */
  GArray     *ends;    /* gsize */
} Haystack;

static gunichar
straight_quote (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return '"';
    default:
      return c;
    }
}

/* @text made loose, and if @starts, where each byte of it comes from. */
static GString *
loosen (const char *text,
        gsize       length,
        GArray     *starts,
        GArray     *ends)
{
  GString *out = g_string_sized_new (length);
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize at = p - text, after = g_utf8_next_char (p) - text;
      gsize before = out->len;

      if (g_unichar_isspace (c))
        {
          /* A run of white space is the one space it began. */
          if (out->len > 0 && out->str[out->len - 1] == ' ')
            {
              if (ends != NULL)
                g_array_index (ends, gsize, ends->len - 1) = after;
              continue;
            }
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, straight_quote (c));
      for (gsize b = before; starts != NULL && b < out->len; b++)
        {
          g_array_append_val (starts, at);
          g_array_append_val (ends, after);
        }
    }
  return out;
}

static void
haystack_init (Haystack   *h,
               const char *text,
               gsize       length)
{
  h->text = text;
  h->length = length;
  h->loose = NULL;
  h->starts = h->ends = NULL;
}

/* Made loose the first time a search needs it. */
static void
haystack_loosen (Haystack *h)
{
  if (h->loose != NULL)
    return;
  h->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), h->length);
  h->ends = g_array_sized_new (FALSE, FALSE, sizeof (gsize), h->length);
  h->loose = loosen (h->text, h->length, h->starts, h->ends);
}

static void
haystack_clear (Haystack *h)
{
  if (h->loose != NULL)
    g_string_free (h->loose, TRUE);
  g_clear_pointer (&h->starts, g_array_unref);
  g_clear_pointer (&h->ends, g_array_unref);
}

/* The first @needle in @text at or after @from, or -1; a NUL in @text is
 * a byte like another. */
static gssize
find_bytes (const char *text,
            gsize       length,
            gsize       from,
            const char *needle,
            gsize       needle_length)
{
  for (gsize at = from; needle_length > 0 && at + needle_length <= length; at++)
    {
      const char *p = memchr (text + at, needle[0], length - needle_length + 1 - at);

      if (p == NULL)
        return -1;
      at = p - text;
      if (memcmp (p, needle, needle_length) == 0)
        return (gssize) at;
    }
  return -1;
}

/* @words in the article from @from on, as written, else loosely; the span
 * is the article's own bytes. */
static gboolean
find_words (Haystack   *h,
            const char *words,
            const char *loose_words,
            gsize       from,
            gsize      *start,
            gsize      *end)
{
  gsize n = strlen (words);
  gssize at = find_bytes (h->text, h->length, from, words, n);
  gsize loose_from = 0;

  if (at >= 0)
    {
      *start = at;
      *end = at + n;
      return TRUE;
    }
  haystack_loosen (h);
  /* The first loose byte of a character at or after @from: the starts
   * only grow. */
  {
    gsize high = h->starts->len;

    while (loose_from < high)
      {
        gsize middle = loose_from + (high - loose_from) / 2;

        if (g_array_index (h->starts, gsize, middle) < from)
          loose_from = middle + 1;
        else
          high = middle;
      }
  }
  n = strlen (loose_words);
  at = find_bytes (h->loose->str, h->loose->len, loose_from, loose_words, n);
  if (at < 0)
    return FALSE;
  *start = g_array_index (h->starts, gsize, at);
  *end = g_array_index (h->ends, gsize, at + n - 1);
  return TRUE;
}

/* Places @words, preferring where reading has got to (@from), then
 * anywhere. */
static gboolean
place (Haystack   *h,
       const char *words,
       gsize       from,
       QgAifSpan  *span)
{
  g_autoptr(GString) loose = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (words));

  if (trimmed[0] == '\0')
    return FALSE;
  loose = loosen (trimmed, strlen (trimmed), NULL, NULL);
  return find_words (h, trimmed, loose->str, from, &span->start, &span->end)
         || (from > 0 && find_words (h, trimmed, loose->str, 0, &span->start, &span->end));
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const QgAifSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;
}

/* Each proposition where the locution that asserts it is, else after the
 * proposition before it: propositions come in the order they were said. */
static void
place_propositions (QgAifGraph *graph,
                    Haystack   *h,
                    GArray     *spans)
{
  g_autofree gssize *l_start = g_new (gssize, graph->n_nodes);
  gsize from = 0;

  for (guint i = 0; i < graph->n_nodes; i++)
    l_start[i] = -1;
  for (guint i = 0; i < spans->len; i++)
    {
      const QgAifSpan *s = &g_array_index (spans, QgAifSpan, i);

      l_start[s->node] = (gssize) s->start;
    }

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      g_autofree guint *said_by = NULL;
      QgAifSpan span = { i, 0, 0 };
      gssize said_at = -1;
      guint n_said = 0;

      if (graph->nodes[i].type != QG_AIF_NODE_I)
        continue;
      /* The first place it was said. */
      said_by = qg_aif_graph_asserting_locutions (graph, i, &n_said);
      for (guint k = 0; k < n_said; k++)
        if (l_start[said_by[k]] >= 0 && (said_at < 0 || l_start[said_by[k]] < said_at))
          said_at = l_start[said_by[k]];
      if (!place (h, graph->nodes[i].text, said_at >= 0 ? (gsize) said_at : from, &span))
        continue;
      g_array_append_val (spans, span);
      from = span.end;
    }
}

/* A text of white space alone, as some tools write for none, is none. */
static gboolean
has_words (const char *text,
           gsize       length)
{
  for (gsize i = 0; text != NULL && i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return TRUE;
  return FALSE;
}

char *
qg_aif_graph_article (QgAifGraph  *graph,
                      gsize       *length,
                      QgAifSpan  **spans,
                      guint       *n_spans)
{
  g_autoptr(GArray) order = NULL;
  GArray *found;
  Haystack h;
  char *article;
  gsize article_length;

  g_return_val_if_fail (graph != NULL, NULL);

  order = reading_order (graph);
  found = g_array_new (FALSE, FALSE, sizeof (QgAifSpan));
  if (has_words (graph->text, graph->text_len))
    {
      gsize from = 0;

      /* As long as the text, should it hold a NUL. */
      article_length = graph->text_len;
      article = g_malloc (article_length + 1);
      memcpy (article, graph->text, article_length);
      article[article_length] = '\0';
      haystack_init (&h, article, article_length);
      /* Each locution after the one before it, so that words said twice
       * are found where they were said each time, not both at the first. */
      for (guint i = 0; i < order->len; i++)
        {
          guint l = g_array_index (order, guint, i);
          g_autofree char *words = qg_aif_graph_words (graph, l);
          QgAifSpan span = { l, 0, 0 };

          if (!place (&h, words, from, &span))
            continue;
          g_array_append_val (found, span);
          from = span.end;
        }
    }
  else
    {
      article = compose_article (graph, order, found, &article_length);
      haystack_init (&h, article, article_length);
    }

  place_propositions (graph, &h, found);
  haystack_clear (&h);
  g_array_sort (found, compare_spans);
  if (length != NULL)
    *length = article_length;
  if (n_spans != NULL)
    *n_spans = found->len;
  if (spans != NULL)
    *spans = (QgAifSpan *) g_array_free (found, FALSE);
  else
    g_array_free (found, TRUE);
  return article;
}
