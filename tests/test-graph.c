/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "qg-document.h"
#include "qg-export.h"
#include "qg-graph.h"
#include "qg-graph-private.h"
#include "qg-kinds.h"
#include "qg-test-utils.h"

/* ------------------------------------------------------------------------ */
/* A small SVG reader: the node and edge groups Graphviz writes              */

typedef struct
{
  char    *id;
  char    *klass;
  char    *tooltip;   /* xlink:title of the group's link, unescaped by the XML parser */
  GString *text;      /* its <text> lines joined by spaces */
  char    *title;     /* its <title>, what a browser shows over what the link leaves out */
} SvgObject;

typedef struct
{
  GHashTable *objects;      /* id → SvgObject */
  SvgObject  *current;
  guint       depth;        /* <g> depth inside the current object */
  gboolean    in_text;
  guint       n_text_lines;
  GPtrArray  *elements;     /* every element name seen */
  GHashTable *ids;          /* every id attribute seen */
  char       *title;
  char       *desc;
  guint       n_legends;    /* groups of class "legend" */
  GString    *legend_text;
  gboolean    in_legend;
  char       *width;        /* the root's size and viewBox, as written */
  char       *height;
  char       *view_box;
  GString    *drawing;      /* what is drawn, in order: see svg_start */
} Svg;

static void
svg_object_free (SvgObject *o)
{
  g_free (o->id);
  g_free (o->klass);
  g_free (o->tooltip);
  g_free (o->title);
  g_string_free (o->text, TRUE);
  g_free (o);
}

static const char *
attr (const char **names,
      const char **values,
      const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
svg_start (GMarkupParseContext *context,
           const char          *element,
           const char         **names,
           const char         **values,
           gpointer             user_data,
           GError             **error)
{
  Svg *svg = user_data;

  g_ptr_array_add (svg->elements, g_strdup (element));
  for (guint i = 0; names[i]; i++)
    {
      g_assert_false (g_str_has_prefix (names[i], "on")); /* no event attributes, ever */
      if (strcmp (names[i], "id") == 0 && !g_hash_table_add (svg->ids, g_strdup (values[i])))
        g_error ("two elements have the id \"%s\"", values[i]);
    }

  /* The drawing: every shape, text and link with all its attributes, and
   * the groups of nodes and edges by id. Titles, descriptions, the root's
   * size, the names of link groups and the classes of groups are left
   * out: they are what the export changes, and are checked on their own. */
  if (strcmp (element, "svg") == 0 && svg->view_box == NULL)
    {
      svg->width = g_strdup (attr (names, values, "width"));
      svg->height = g_strdup (attr (names, values, "height"));
      svg->view_box = g_strdup (attr (names, values, "viewBox"));
      g_string_append_printf (svg->drawing, "<svg viewBox=%s>\n", svg->view_box);
    }
  else if (strcmp (element, "g") == 0)
    {
      const char *transform = attr (names, values, "transform");

      if (attr (names, values, "class") != NULL)
        g_string_append_printf (svg->drawing, "<g id=%s transform=%s>\n",
                                attr (names, values, "id"), transform ? transform : "");
    }
  else if (strcmp (element, "title") != 0 && strcmp (element, "desc") != 0)
    {
      g_string_append_printf (svg->drawing, "<%s", element);
      for (guint i = 0; names[i]; i++)
        g_string_append_printf (svg->drawing, " %s=%s", names[i], values[i]);
      g_string_append (svg->drawing, ">\n");
    }

  if (strcmp (element, "g") == 0)
    {
      const char *klass = attr (names, values, "class");

      if (g_strcmp0 (klass, "legend") == 0)
        {
          svg->n_legends++;
          svg->in_legend = TRUE;
        }

      if (svg->current != NULL)
        svg->depth++;
      else if (klass && (g_str_has_prefix (klass, "node") || g_str_has_prefix (klass, "edge")))
        {
          SvgObject *o = g_new0 (SvgObject, 1);

          o->id = g_strdup (attr (names, values, "id"));
          o->klass = g_strdup (klass);
          o->text = g_string_new (NULL);
          g_assert_false (g_hash_table_contains (svg->objects, o->id));
          g_hash_table_insert (svg->objects, o->id, o);
          svg->current = o;
          svg->depth = 0;
        }
    }
  else if (strcmp (element, "a") == 0 && svg->current != NULL)
    {
      g_free (svg->current->tooltip);
      svg->current->tooltip = g_strdup (attr (names, values, "xlink:title"));
    }
  else if (strcmp (element, "text") == 0 && svg->current != NULL)
    {
      svg->in_text = TRUE;
      if (svg->current->text->len > 0)
        g_string_append_c (svg->current->text, ' ');
    }
}

static void
svg_end (GMarkupParseContext *context,
         const char          *element,
         gpointer             user_data,
         GError             **error)
{
  Svg *svg = user_data;

  if (strcmp (element, "g") == 0 && svg->in_legend && svg->current == NULL)
    svg->in_legend = FALSE;
  if (strcmp (element, "g") == 0 && svg->current != NULL)
    {
      if (svg->depth == 0)
        svg->current = NULL;
      else
        svg->depth--;
    }
  else if (strcmp (element, "text") == 0)
    svg->in_text = FALSE;
}

static void
svg_text (GMarkupParseContext *context,
          const char          *text,
          gsize                len,
          gpointer             user_data,
          GError             **error)
{
  Svg *svg = user_data;
  const char *element = g_markup_parse_context_get_element (context);

  if (element && strcmp (element, "text") == 0)
    g_string_append_printf (svg->drawing, "%.*s\n", (int) len, text);

  if (svg->in_text && svg->current != NULL)
    g_string_append_len (svg->current->text, text, len);
  else if (element && strcmp (element, "title") == 0 && svg->current != NULL)
    {
      g_free (svg->current->title);
      svg->current->title = g_strndup (text, len);
    }
  else if (element && strcmp (element, "title") == 0 && svg->current == NULL && !svg->title)
    svg->title = g_strndup (text, len);
  else if (element && strcmp (element, "desc") == 0 && !svg->desc)
    svg->desc = g_strndup (text, len);
  else if (element && strcmp (element, "text") == 0 && svg->in_legend)
    g_string_append_printf (svg->legend_text, "%.*s|", (int) len, text);
}

static void
svg_free (Svg *svg)
{
  g_hash_table_unref (svg->objects);
  g_ptr_array_unref (svg->elements);
  g_hash_table_unref (svg->ids);
  g_free (svg->title);
  g_free (svg->desc);
  g_string_free (svg->legend_text, TRUE);
  g_free (svg->width);
  g_free (svg->height);
  g_free (svg->view_box);
  g_string_free (svg->drawing, TRUE);
  g_free (svg);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Svg, svg_free)

static Svg *
svg_parse (const char *data,
           gsize       length)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  Svg *svg = g_new0 (Svg, 1);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  svg->objects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) svg_object_free);
  svg->elements = g_ptr_array_new_with_free_func (g_free);
  svg->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  svg->legend_text = g_string_new (NULL);
  svg->drawing = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, svg, NULL);
  g_markup_parse_context_parse (context, data, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  return svg;
}

static SvgObject *
svg_object (Svg        *svg,
            const char *id)
{
  SvgObject *o = g_hash_table_lookup (svg->objects, id);

  if (o == NULL)
    g_error ("no SVG object with id \"%s\"", id);
  return o;
}

/* ------------------------------------------------------------------------ */

static QgDocument *
load_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load_from_data (json, strlen (json), NULL, "test.json", NULL,
                                                &error);

  g_assert_no_error (error);
  return doc;
}

static GBytes *
render (QgDocument *doc,
        const char *engine,
        const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = qg_graph_new (doc, engine, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  g_assert_true (qg_graph_layout (graph, &error));
  g_assert_no_error (error);
  bytes = qg_graph_render (graph, format, &error);
  g_assert_no_error (error);
  return bytes;
}

/* What `dot -Tsvg` draws of @gv, a Graphviz program of its own. */
static char *
dot_to_svg (GBytes *gv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) dot = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                 | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                                 &error, "dot", "-Tsvg", NULL);
  g_autoptr(GBytes) out = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate (dot, gv, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (dot));
  return g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
}

static char *export_to_string (QgDocument            *doc,
                               const QgExportOptions *options,
                               QgExportFormat         format,
                               const char            *name,
                               gsize                 *length);

static Svg *
render_svg (QgDocument *doc,
            const char *engine)
{
  g_autoptr(GBytes) bytes = render (doc, engine, "svg");
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return svg_parse (data, len);
}

static void
test_escape_functions (void)
{
  g_autofree char *label = qg_graphviz_escape_label ("a\\N&b\t\x01" "c\r\nd");
  g_autofree char *tooltip = qg_graphviz_escape_tooltip ("a\\N&b\t\x01" "c\r\nd");

  /* a, the backslash twice, N, & as an entity, the tab a space, U+FFFD for
   * the control character, c, the CR dropped before the LF, d. */
  g_assert_cmpmem (label, strlen (label),
                   "a" "\\\\" "N" "&amp;" "b" " " "\xEF\xBF\xBD" "c" "\n" "d", 17);
  /* The same, with the backslash four times. */
  g_assert_cmpmem (tooltip, strlen (tooltip),
                   "a" "\\\\\\\\" "N" "&amp;" "b" " " "\xEF\xBF\xBD" "c" "\n" "d", 19);
}

static void
test_default_engine_by_size (void)
{
  g_autoptr(QgDocument) small = qg_test_load_small ();
  g_autoptr(GString) json = g_string_new ("{\"format\": \"quotegraph/1\", \"article\": "
                                          "{\"title\": \"T\", \"text\": \"x\"}, \"entities\": [");
  g_autoptr(QgDocument) large = NULL;

  for (guint i = 0; i < 151; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"E\", \"kind\": \"person\"}",
                            i ? ", " : "", i);
  g_string_append (json, "], \"quotes\": [], \"relations\": []}");
  large = load_from_json (json->str);

  g_assert_cmpstr (qg_graph_engine_for (small), ==, "dot");
  g_assert_cmpstr (qg_graph_engine_for (large), ==, "sfdp");
}

/* An engine that takes minutes for a map that size says so before it
 * starts; the one chosen by size never does, up to 5,000 entities. */
static void
test_slow_engine_warning (void)
{
  static const guint sizes[] = { 3, 150, 151, 1000, 5000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(QgDocument) doc = qg_test_load_map (sizes[i], sizes[i]);
      g_autofree char *chosen = qg_graph_engine_warning (qg_graph_engine_for (doc), doc);
      g_autofree char *dot = qg_graph_engine_warning ("dot", doc);
      g_autofree char *expected = g_strdup_printf ("Hierarchical (dot) may take minutes for a "
                                                   "map of %u entities", sizes[i]);

      g_assert_null (chosen);
      if (sizes[i] <= 150)
        g_assert_null (dot);
      else
        g_assert_cmpstr (dot, ==, expected);
    }
  {
    g_autoptr(QgDocument) doc = qg_test_load_map (1000, 2000);
    g_autofree char *circo = qg_graph_engine_warning ("circo", doc);
    g_autofree char *sfdp = qg_graph_engine_warning ("sfdp", doc);

    g_assert_nonnull (circo);
    g_assert_null (sfdp);
  }
}

static void
test_unknown_engine (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = qg_graph_new (doc, "spring", &error);

  g_assert_null (graph);
  g_assert_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_ENGINE);
  g_assert_cmpstr (error->message, ==, "unknown layout engine \"spring\" (use one of dot, neato, "
                                       "fdp, sfdp, circo, twopi)");
}

static void
test_svg_of_small_document (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(Svg) svg = render_svg (doc, "dot");
  SvgObject *o;

  /* Ids are the document's, classes carry the kind and the stance. */
  g_assert_cmpuint (g_hash_table_size (svg->objects), ==, 6);
  o = svg_object (svg, "acme");
  g_assert_cmpstr (o->klass, ==, "node company");
  g_assert_cmpstr (o->text->str, ==, "Acme Corp");
  o = svg_object (svg, "agency");
  g_assert_cmpstr (o->klass, ==, "node agency");
  o = svg_object (svg, "cafe");
  g_assert_cmpstr (o->klass, ==, "node guild other-kind");
  g_assert_cmpstr (o->text->str, ==, "Café owners in Zürich");

  o = svg_object (svg, "acme-defies");
  g_assert_cmpstr (o->klass, ==, "edge oppose");
  g_assert_cmpstr (o->text->str, ==, "defies");
  /* The tooltip carries every piece of evidence, as the article has it. */
  g_assert_cmpstr (o->tooltip, ==,
                   "Acme Corp defies The Agency (oppose)\n\n"
                   "Acme Corp: \"will not comply\"\n\n"
                   "Acme Corp: \"will not comply\"");
  o = svg_object (svg, "agency-demands");
  g_assert_cmpstr (o->klass, ==, "edge neutral");
  g_assert_cmpstr (o->tooltip, ==,
                   "The Agency demands compliance from Acme Corp (neutral)\n\n"
                   "The Agency: \"We expect compliance\"");
  o = svg_object (svg, "cafe-silent");
  g_assert_cmpstr (o->tooltip, ==,
                   "Café owners in Zürich keep their counsel Café owners in Zürich (neutral)\n\n"
                   "Café owners in Zürich: \"“no comment”\"");

  /* A node's tooltip: what it is, what it says. */
  o = svg_object (svg, "acme");
  g_assert_true (g_str_has_prefix (o->tooltip, "Acme Corp (company)\n"
                                               "A company that will not comply\n\n"
                                               "Acme Corp: \"will not comply\""));
}

/* The string Graphviz would show, given what is in the document. */
static const char *nasty[] = {
  "\"]; evil [label=\"pwn",
  "<script>alert(1)</script>",
  "\\N \\G \\E \\L \\T \\H \\n \\l \\r \\\\ end\\",
  "AT&T &amp; &#38; &lt;",
  "{braces} | <port> pipes",
};

/* The same strings as the .gv must carry them in a label, written out by
 * hand: an escString, in which a backslash is written twice, and a '&'
 * as "&amp;", since Graphviz decodes entities. */
static const char *nasty_as_labels[] = {
  "\"]; evil [label=\"pwn",
  "<script>alert(1)</script>",
  "\\\\N \\\\G \\\\E \\\\L \\\\T \\\\H \\\\n \\\\l \\\\r \\\\\\\\ end\\\\",
  "AT&amp;T &amp;amp; &amp;#38; &amp;lt;",
  "{braces} | <port> pipes",
};

static void
test_strings_come_out_literally (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) article = g_string_new ("Article: ");
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(Svg) svg = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GError) error = NULL;
  Agraph_t *reread;

  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    g_string_append_printf (article, "%s. ", nasty[i]);

  g_string_append (json, "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"text\": ");
  {
    g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), article->str);
    g_autofree char *s = json_to_string (node, FALSE);
    g_string_append (json, s);
  }
  g_string_append (json, "}, \"entities\": [");
  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), nasty[i]);
      g_autofree char *s = json_to_string (node, FALSE);
      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": %s, \"kind\": %s}",
                              i ? ", " : "", i, s, s);
    }
  g_string_append (json, "], \"quotes\": [");
  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), nasty[i]);
      g_autofree char *s = json_to_string (node, FALSE);
      g_string_append_printf (json, "%s{\"id\": \"q%u\", \"speaker\": \"e%u\", \"text\": %s}",
                              i ? ", " : "", i, i, s);
    }
  g_string_append (json, "], \"relations\": [");
  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), nasty[i]);
      g_autofree char *s = json_to_string (node, FALSE);
      g_string_append_printf (json, "%s{\"id\": \"r%u\", \"source\": \"e%u\", \"target\": \"e%u\", "
                              "\"label\": %s, \"evidence\": [\"q%u\"]}",
                              i ? ", " : "", i, i, (guint) ((i + 1) % G_N_ELEMENTS (nasty)), s, i);
    }
  g_string_append (json, "]}");
  doc = load_from_json (json->str);

  svg = render_svg (doc, "dot");
  for (guint i = 0; i < svg->elements->len; i++)
    g_assert_cmpstr (g_ptr_array_index (svg->elements, i), !=, "script");

  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    {
      g_autofree char *node_id = g_strdup_printf ("e%u", i);
      g_autofree char *edge_id = g_strdup_printf ("r%u", i);
      g_autofree char *quoted = g_strdup_printf ("%s: \"%s\"", nasty[i], nasty[i]);
      SvgObject *node = svg_object (svg, node_id);
      SvgObject *edge = svg_object (svg, edge_id);

      g_test_message ("string %u: %s", i, nasty[i]);
      /* Wrapping turns spaces into line breaks; the SVG lines joined by spaces
       * give back the name exactly. */
      g_assert_cmpstr (node->text->str, ==, nasty[i]);
      g_assert_cmpstr (edge->text->str, ==, nasty[i]);
      g_assert_true (g_str_has_prefix (node->tooltip, nasty[i]));
      g_assert_nonnull (strstr (node->tooltip, quoted));
      g_assert_nonnull (strstr (edge->tooltip, quoted));
      /* Kinds become one safe class token at most. */
      g_assert_true (g_str_has_prefix (node->klass, "node "));
      g_assert_null (strchr (node->klass, '<'));
      g_assert_null (strchr (node->klass, '"'));
    }

  /* The SVG export, which copies each tooltip into its group's title, lets
   * nothing out either. */
  {
    gsize length;
    g_autofree char *text = export_to_string (doc, &(QgExportOptions) { .engine = "dot" },
                                              QG_EXPORT_SVG, "nasty.svg", &length);
    g_autoptr(Svg) exported = svg_parse (text, length);

    for (guint i = 0; i < exported->elements->len; i++)
      g_assert_cmpstr (g_ptr_array_index (exported->elements, i), !=, "script");
    for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
      {
        g_autofree char *node_id = g_strdup_printf ("e%u", i);
        g_autofree char *edge_id = g_strdup_printf ("r%u", i);
        SvgObject *node = svg_object (exported, node_id);
        SvgObject *edge = svg_object (exported, edge_id);

        g_assert_true (g_str_has_prefix (node->title, nasty[i]));
        g_assert_cmpstr (node->title, ==, node->tooltip);
        g_assert_cmpstr (edge->title, ==, edge->tooltip);
      }
  }

  /* The DOT export reads back with the strings escaped as written above,
   * and Graphviz, drawing it, shows them as the document has them. */
  {
    g_autoptr(QgGraph) graph = qg_graph_new (doc, "dot", &error);
    g_assert_no_error (error);
    dot = qg_graph_to_dot (graph);
  }
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot));
    reread = agmemread (text);
  }
  g_assert_nonnull (reread);
  g_assert_cmpint (agnnodes (reread), ==, G_N_ELEMENTS (nasty));
  g_assert_cmpint (agnedges (reread), ==, G_N_ELEMENTS (nasty));
  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    {
      g_autofree char *node_id = g_strdup_printf ("e%u", i);
      Agnode_t *n = agnode (reread, node_id, FALSE);
      g_autoptr(GString) unwrapped = NULL;

      g_assert_nonnull (n);
      unwrapped = g_string_new (agget (n, (char *) "label"));
      g_string_replace (unwrapped, "\n", " ", 0);
      g_assert_cmpstr (unwrapped->str, ==, nasty_as_labels[i]);
    }
  agclose (reread);
  {
    g_autofree char *text = dot_to_svg (dot);
    g_autoptr(Svg) drawn = svg_parse (text, strlen (text));

    for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
      {
        g_autofree char *node_id = g_strdup_printf ("e%u", i);
        g_autofree char *edge_id = g_strdup_printf ("r%u", i);
        g_autofree char *quoted = g_strdup_printf ("%s: \"%s\"", nasty[i], nasty[i]);

        g_assert_cmpstr (svg_object (drawn, node_id)->text->str, ==, nasty[i]);
        g_assert_cmpstr (svg_object (drawn, edge_id)->text->str, ==, nasty[i]);
        g_assert_true (g_str_has_prefix (svg_object (drawn, node_id)->tooltip, nasty[i]));
        g_assert_nonnull (strstr (svg_object (drawn, edge_id)->tooltip, quoted));
      }
  }
}

static void
test_every_engine_lays_out (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  const char * const *engines = qg_graph_engines ();

  for (guint i = 0; engines[i]; i++)
    {
      g_autoptr(Svg) svg = render_svg (doc, engines[i]);

      g_test_message ("engine %s", engines[i]);
      g_assert_cmpuint (g_hash_table_size (svg->objects), ==, 6);
      g_assert_nonnull (svg_object (svg, "cafe-silent"));
    }
}

static void
test_dot_export_is_the_styled_graph (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = qg_graph_new (doc, "neato", &error);
  g_autoptr(GBytes) dot = NULL;
  g_autofree char *text = NULL;
  Agraph_t *g;
  Agnode_t *n;
  Agedge_t *e;

  g_assert_no_error (error);
  dot = qg_graph_to_dot (graph);
  text = g_strndup (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot));
  /* Before layout: no positions. */
  g_assert_null (strstr (text, "pos="));

  g = agmemread (text);
  g_assert_nonnull (g);
  g_assert_cmpstr (agget (g, (char *) "layout"), ==, "neato");
  n = agnode (g, (char *) "agency", FALSE);
  g_assert_cmpstr (agget (n, (char *) "class"), ==, "agency");
  g_assert_cmpstr (agget (n, (char *) "id"), ==, "agency");
  g_assert_cmpstr (agget (n, (char *) "shape"), ==, "box");
  e = agedge (g, agnode (g, (char *) "acme", FALSE), n, (char *) "acme-defies", FALSE);
  g_assert_nonnull (e);
  g_assert_cmpstr (agget (e, (char *) "class"), ==, "oppose");
  g_assert_cmpstr (agget (e, (char *) "color"), ==, "#c01c28");
  agclose (g);
}

/* The SVG export and `dot -Tsvg` on the exported .gv are the same picture:
 * the same shapes, texts and links, the same node and edge groups, in the
 * same place. What the export adds is checked here as a reader sees it. */
static void
assert_same_picture (QgDocument *doc,
                     const char *engine)
{
  gsize gv_length, ours_length;
  g_autofree char *gv = export_to_string (doc, &(QgExportOptions) { .engine = engine },
                                          QG_EXPORT_DOT, "map.gv", &gv_length);
  g_autofree char *ours_text = export_to_string (doc, &(QgExportOptions) { .engine = engine },
                                                 QG_EXPORT_SVG, "map.svg", &ours_length);
  g_autoptr(GBytes) gv_bytes = g_bytes_new_static (gv, gv_length);
  g_autofree char *theirs_text = dot_to_svg (gv_bytes);
  g_autoptr(Svg) ours = svg_parse (ours_text, ours_length);
  g_autoptr(Svg) theirs = svg_parse (theirs_text, strlen (theirs_text));
  GHashTableIter iter;
  SvgObject *o;

  g_test_message ("engine %s", engine);
  /* Compared whole, but without printing two large drawings on failure. */
  g_assert_cmpuint (theirs->drawing->len, >, 1000);
  if (!g_string_equal (ours->drawing, theirs->drawing))
    {
      gsize i = 0;

      while (ours->drawing->str[i] && ours->drawing->str[i] == theirs->drawing->str[i])
        i++;
      g_test_message ("%s: the drawings differ from byte %" G_GSIZE_FORMAT ": …%.80s… and "
                      "…%.80s…", engine, i, ours->drawing->str + i, theirs->drawing->str + i);
      g_test_fail ();
    }

  /* Graphviz's geometry, in a root that scales to its container. */
  g_assert_cmpstr (ours->view_box, ==, theirs->view_box);
  g_assert_true (g_str_has_suffix (theirs->width, "pt"));
  g_assert_cmpstr (ours->width, ==, "100%");
  g_assert_null (ours->height);

  /* The same nodes and edges, the legend marked as such. */
  g_assert_cmpuint (g_hash_table_size (ours->objects) + 1, ==,
                    g_hash_table_size (theirs->objects));
  g_assert_cmpuint (ours->n_legends, ==, 1);
  g_assert_cmpuint (theirs->n_legends, ==, 0);
  g_hash_table_iter_init (&iter, theirs->objects);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &o))
    if (g_strcmp0 (o->klass, "node legend") != 0)
      g_assert_cmpstr (svg_object (ours, o->id)->klass, ==, o->klass);

  /* Titled and described, and every node's and edge's title its tooltip. */
  g_assert_cmpstr (ours->title, ==, qg_document_get_title (doc));
  g_assert_true (g_str_has_prefix (ours->desc, "Map of “"));
  g_hash_table_iter_init (&iter, ours->objects);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &o))
    {
      g_assert_cmpstr (o->title, ==, o->tooltip);
      g_assert_cmpstr (o->tooltip, ==, svg_object (theirs, o->id)->tooltip);
    }
}

/* fdp and sfdp in Graphviz 2.43 keep random state from one layout to the
 * next in a process, so only the deterministic engines are compared here;
 * test-cli compares all six, one process per export, as the command runs. */
static void
test_same_picture_as_dot (void)
{
  g_autoptr(QgDocument) small = qg_test_load_small ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "kaspersky",
                                                 "kaspersky-us-ban.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) kaspersky = qg_document_load (file, "kaspersky-us-ban.json", NULL,
                                                      &error);

  g_assert_no_error (error);
  assert_same_picture (small, "dot");
  assert_same_picture (small, "neato");
  assert_same_picture (kaspersky, "dot");
  assert_same_picture (kaspersky, "circo");
  assert_same_picture (kaspersky, "twopi");
}

static QgDocument *
load_kaspersky (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "kaspersky",
                                                 "kaspersky-us-ban.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load (file, "kaspersky-us-ban.json", NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
export_to_string (QgDocument            *doc,
                  const QgExportOptions *options,
                  QgExportFormat         format,
                  const char            *name,
                  gsize                 *length)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (qg_export_to_file (doc, options, format, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

static void
test_svg_export_carries_evidence (void)
{
  g_autoptr(QgDocument) doc = load_kaspersky ();
  gsize length;
  g_autofree char *text = export_to_string (doc, &(QgExportOptions) { .engine = "dot" },
                                            QG_EXPORT_SVG, "map.svg", &length);
  g_autoptr(Svg) svg = svg_parse (text, length);
  SvgObject *o;

  /* Named and described for what it is. */
  g_assert_cmpstr (svg->title, ==, "Kaspersky: US government removes Russian security software");
  g_assert_true (g_str_has_prefix (svg->desc, "Map of “Kaspersky: US government removes Russian "
                                              "security software” (compiled news report, "
                                              "2017-09-13): 28 entities and 42 relations"));

  /* Every entity and relation, by id, kind and stance; nothing else. */
  g_assert_cmpuint (g_hash_table_size (svg->objects), ==, 28 + 42);
  for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
    {
      const QgEntity *e = qg_document_get_entity (doc, i);
      g_autofree char *klass = g_strdup_printf ("node %s", e->kind);

      g_assert_cmpstr (svg_object (svg, e->id)->klass, ==, klass);
      g_assert_nonnull (svg_object (svg, e->id)->tooltip);
      g_assert_true (g_str_has_prefix (svg_object (svg, e->id)->tooltip, e->name));
      g_assert_cmpstr (svg_object (svg, e->id)->title, ==, svg_object (svg, e->id)->tooltip);
    }
  for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
    {
      const QgRelation *r = qg_document_get_relation (doc, i);
      g_autofree char *klass = g_strdup_printf ("edge %s", qg_stance_to_string (r->stance));

      o = svg_object (svg, r->id);
      g_assert_cmpstr (o->klass, ==, klass);
      /* Hovering the edge or its label (outside Graphviz's link, under the
       * group's title) shows every piece of evidence. */
      g_assert_cmpstr (o->title, ==, o->tooltip);
      for (guint q = 0; q < r->n_evidence; q++)
        {
          const QgQuote *quote = qg_document_get_quote (doc, r->evidence[q]);
          g_autofree char *start = g_strndup (quote->text, 40);

          g_assert_nonnull (strstr (o->tooltip, start));
        }
    }

  /* The legend, marked as such, with the kinds and stances present. */
  g_assert_cmpuint (svg->n_legends, ==, 1);
  g_assert_nonnull (strstr (svg->legend_text->str, "|Person|"));
  g_assert_nonnull (strstr (svg->legend_text->str, "|Supports|"));
  g_assert_nonnull (strstr (svg->legend_text->str, "|Neutral|"));
  g_assert_null (strstr (svg->legend_text->str, "thing"));

  /* Text is text, with a generic fallback font. */
  g_assert_nonnull (strstr (text, "font-family=\"Helvetica,sans-Serif\""));
  for (guint i = 0; i < svg->elements->len; i++)
    g_assert_cmpstr (g_ptr_array_index (svg->elements, i), !=, "script");
}

/* Graphviz names the group of each tooltip's link "a_" + the id; the
 * export leaves those unnamed, so that ids stay the document's own. */
static void
test_svg_ids_are_unique (void)
{
  g_autoptr(QgDocument) doc = load_from_json (
    "{\"format\": \"quotegraph/1\","
    " \"article\": {\"title\": \"T\", \"text\": \"We said it. They did.\"},"
    " \"entities\": [{\"id\": \"dhs\", \"name\": \"DHS\", \"kind\": \"agency\"},"
    "                {\"id\": \"a_dhs\", \"name\": \"A DHS\", \"kind\": \"agency\"}],"
    " \"quotes\": [{\"id\": \"q\", \"speaker\": \"dhs\", \"text\": \"We said it.\"}],"
    " \"relations\": [{\"id\": \"r\", \"source\": \"dhs\", \"target\": \"a_dhs\","
    "                  \"label\": \"says\", \"evidence\": [\"q\"]}]}");
  gsize length;
  g_autofree char *text = export_to_string (doc, &(QgExportOptions) { .engine = "dot" },
                                            QG_EXPORT_SVG, "ids.svg", &length);
  g_autoptr(Svg) svg = svg_parse (text, length);   /* fails on a repeated id */

  g_assert_true (g_hash_table_contains (svg->ids, "dhs"));
  g_assert_true (g_hash_table_contains (svg->ids, "a_dhs"));
  g_assert_cmpstr (svg_object (svg, "a_dhs")->klass, ==, "node agency");
  /* Graphviz's own output has the clash the export removes. */
  {
    g_autoptr(GBytes) raw = render (doc, "dot", "svg");
    gsize raw_length;
    const char *data = g_bytes_get_data (raw, &raw_length);
    g_autofree char *raw_text = g_strndup (data, raw_length);
    const char *first = strstr (raw_text, "id=\"a_dhs\"");

    g_assert_nonnull (first);
    g_assert_nonnull (strstr (first + 1, "id=\"a_dhs\""));
  }
}

/* What the SVG export adds to what Graphviz draws, exactly, on an SVG
 * written by hand in Graphviz's form. */
static void
test_finish_svg_additions (void)
{
  g_autoptr(QgDocument) doc = load_from_json (
    "{\"format\": \"quotegraph/1\","
    " \"article\": {\"title\": \"Tom & Jerry <1>\", \"source\": \"S\","
    "             \"published\": \"2017-09-13\", \"text\": \"x\"},"
    " \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}],"
    " \"quotes\": [], \"relations\": []}");
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<!-- Generated by graphviz -->\n";
  static const char namespaces[] =
    " viewBox=\"0.00 0.00 62.00 44.00\" xmlns=\"http://www.w3.org/2000/svg\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n";
  static const char graph[] =
    "<g id=\"graph0\" class=\"graph\" transform=\"translate(4 40)\">\n"
    "<title>quotegraph</title>\n"
    "<g id=\"a\" class=\"node person\">\n";
  static const char node_link[] =
    "<a xlink:title=\"A &amp; co: &quot;hi&quot;&#10;x\">\n"
    "<ellipse fill=\"none\" stroke=\"black\" cx=\"27\" cy=\"-18\" rx=\"27\" ry=\"18\"/>\n"
    "</a>\n"
    "</g>\n"
    "</g>\n"
    "<g id=\"a&#45;a\" class=\"edge neutral\">\n";
  static const char edge_link[] =
    "<a xlink:title=\"A greets A\">\n"
    "<path d=\"M1,2C3,4 5,6 7,8\"/>\n"
    "</a>\n"
    "</g>\n"
    "<text x=\"27\" y=\"-30\">greets</text>\n"
    "</g>\n";
  static const char legend_link[] =
    "<a xlink:title=\" \">\n"
    "<text x=\"0\" y=\"0\">Kinds</text>\n"
    "</a>\n"
    "</g>\n"
    "</g>\n"
    "</g>\n"
    "</svg>\n";
  g_autofree char *input = g_strconcat (
    head, "<svg width=\"62pt\" height=\"44pt\"\n", namespaces, graph,
    "<title>a</title>\n<g id=\"a_a\">", node_link,
    "<title>a&#45;&gt;a</title>\n<g id=\"a_a&#45;a\">", edge_link,
    "<g id=\"quotegraph&#45;legend\" class=\"node legend\">\n"
    "<title>quotegraph&#45;legend</title>\n<g id=\"a_quotegraph&#45;legend\">", legend_link,
    NULL);
  g_autofree char *expected = g_strconcat (
    head,
    /* The root's size gives way to its container's width. */
    "<svg width=\"100%\"\n", namespaces,
    /* The map's title and description, escaped for XML. */
    "<title>Tom &amp; Jerry &lt;1&gt;</title>\n"
    "<desc>Map of “Tom &amp; Jerry &lt;1&gt;” (S, 2017-09-13): 3 entities and 5 relations, "
    "each backed by quotes from the article. Hover a node or an edge to read them. Made with "
    "Quotegraph.</desc>\n",
    graph,
    /* Each group's title is its tooltip; link groups lose their names. */
    "<title>A &amp; co: &quot;hi&quot;&#10;x</title>\n<g>", node_link,
    "<title>A greets A</title>\n<g>", edge_link,
    /* The legend is not a node, and its blank tooltip leaves its title. */
    "<g id=\"quotegraph&#45;legend\" class=\"legend\">\n"
    "<title>quotegraph&#45;legend</title>\n<g>", legend_link,
    NULL);
  g_autofree char *finished = qg_export_finish_svg (doc, 3, 5, input, strlen (input));

  g_assert_cmpstr (finished, ==, expected);
}

/* Without a viewBox, the root's size is all that says how large the map
 * is: it stays. */
static void
test_finish_svg_keeps_a_size_without_view_box (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  static const char input[] = "<svg width=\"62pt\" height=\"44pt\">\n<g/>\n</svg>\n";
  g_autofree char *finished = qg_export_finish_svg (doc, 3, 3, input, strlen (input));

  g_assert_true (g_str_has_prefix (finished, "<svg width=\"62pt\" height=\"44pt\">\n<title>"));
  g_assert_true (g_str_has_suffix (finished, "</desc>\n<g/>\n</svg>\n"));
}

static void
test_filtered_export (void)
{
  g_autoptr(QgDocument) doc = load_kaspersky ();
  g_autofree guint8 *entities = g_new0 (guint8, qg_document_get_n_entities (doc));
  g_autofree guint8 *relations = g_new0 (guint8, qg_document_get_n_relations (doc));
  g_autofree char *text = NULL;
  g_autoptr(Svg) svg = NULL;
  gsize length;

  /* People left out, as the window's filters hide them. */
  for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
    entities[i] = g_str_equal (qg_document_get_entity (doc, i)->kind, "person");
  text = export_to_string (doc, &(QgExportOptions) { .engine = "dot",
                                                     .hidden_entities = entities,
                                                     .hidden_relations = relations },
                           QG_EXPORT_SVG, "map.svg", &length);
  svg = svg_parse (text, length);
  g_assert_false (g_hash_table_contains (svg->objects, "joyce"));
  g_assert_false (g_hash_table_contains (svg->objects, "joyce-advises-trump"));
  g_assert_true (g_hash_table_contains (svg->objects, "dhs-bans-kaspersky"));
  g_assert_null (strstr (svg->legend_text->str, "|Person|"));
  g_assert_nonnull (strstr (svg->legend_text->str, "|Agency|"));

  /* The description counts what is shown, as the groups do. */
  {
    guint n_nodes = 0, n_edges = 0;
    GHashTableIter iter;
    SvgObject *o;
    g_autofree char *counts = NULL;

    g_hash_table_iter_init (&iter, svg->objects);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &o))
      {
        n_nodes += g_str_has_prefix (o->klass, "node ");
        n_edges += g_str_has_prefix (o->klass, "edge ");
      }
    g_assert_cmpuint (n_nodes, <, qg_document_get_n_entities (doc));
    counts = g_strdup_printf ("): %u entities and %u relations,", n_nodes, n_edges);
    g_assert_nonnull (strstr (svg->desc, counts));
  }
}

/* Whether @klass, a space-separated list of classes, has @name. */
static gboolean
has_class (const char *klass,
           const char *name)
{
  g_auto(GStrv) classes = g_strsplit (klass, " ", -1);

  return g_strv_contains ((const char * const *) classes, name);
}

/* Drafts are marked in the SVG: class "draft" on each drafted entity's and
 * relation's group, "(draft)" in its title, its quotes' too; the legend
 * says what the marks mean. Checked items carry none. */
static void
test_drafts_marked_in_svg (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_drafts ();
  g_autoptr(Svg) svg = NULL;
  g_autofree char *text = NULL;
  guint n_drafts = 0;
  gsize length;

  text = export_to_string (doc, NULL, QG_EXPORT_SVG, "map.svg", &length);
  svg = svg_parse (text, length);
  for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
    {
      const QgEntity *e = qg_document_get_entity (doc, i);
      SvgObject *o = svg_object (svg, e->id);
      g_autofree char *first_line = g_strdup_printf ("%s (%s) (draft)", e->name, e->kind);

      g_assert_cmpint (has_class (o->klass, "draft"), ==, e->draft);
      g_assert_cmpint (g_str_has_prefix (o->title, first_line), ==, e->draft);
      n_drafts += e->draft;
    }
  for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
    {
      const QgRelation *r = qg_document_get_relation (doc, i);
      SvgObject *o = svg_object (svg, r->id);

      g_assert_true (has_class (o->klass, qg_stance_to_string (r->stance)));
      g_assert_cmpint (has_class (o->klass, "draft"), ==, r->draft);
      g_assert_cmpint (strstr (o->title, "(draft)\n") != NULL, ==, r->draft);
      n_drafts += r->draft;
    }
  g_assert_cmpuint (n_drafts, ==, 5);
  /* A checked speaker's drafted quote is marked where it is listed. */
  g_assert_nonnull (strstr (svg_object (svg, "carla-diaz")->title,
                            "Carla Diaz: \"the referee had a good day\" (draft)"));
  g_assert_nonnull (strstr (svg_object (svg, "carla-diaz")->title,
                            "Carla Diaz: \"Both teams played fair.\"\n"));
  g_assert_nonnull (strstr (svg->legend_text->str, "|Drafts|Not yet checked|"));
  /* Dotted, and oblique: no kind or stance is drawn so. */
  g_assert_nonnull (strstr (text, "font-style=\"oblique\""));
  g_assert_nonnull (strstr (text, "stroke-dasharray=\"1,5\""));
}

/* Left out, drafts are gone from the picture, the tooltips, the legend
 * and the counts, as what the filters hide is. */
static void
test_drafts_left_out_of_svg (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_drafts ();
  g_autoptr(Svg) svg = NULL;
  g_autofree char *text = NULL;
  gsize length;

  text = export_to_string (doc, &(QgExportOptions) { .without_drafts = TRUE }, QG_EXPORT_SVG,
                           "map.svg", &length);
  svg = svg_parse (text, length);
  for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
    {
      const QgEntity *e = qg_document_get_entity (doc, i);

      g_assert_cmpint (g_hash_table_contains (svg->objects, e->id), !=, e->draft);
    }
  for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
    {
      const QgRelation *r = qg_document_get_relation (doc, i);

      g_assert_cmpint (g_hash_table_contains (svg->objects, r->id), !=, r->draft);
    }
  g_assert_cmpuint (g_hash_table_size (svg->objects), ==, 2 + 1);
  g_assert_nonnull (strstr (svg->desc, "): 2 entities and 1 relations,"));
  g_assert_null (strstr (text, "draft"));
  g_assert_null (strstr (text, "the referee had a good day"));
  g_assert_null (strstr (svg->legend_text->str, "Drafts"));
  g_assert_null (strstr (svg->legend_text->str, "Neutral"));
}

/* The window draws what the layout says: a draft's outline or line dotted,
 * its label oblique; a checked group keeps its dashes. */
static void
test_drafts_drawn_dotted_and_oblique (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_drafts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, "dot", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
    {
      const QgEntity *e = qg_document_get_entity (doc, i);
      const QgItem *node = qg_layout_get_node (layout, i);
      const QgOp *outline = qg_layout_get_op (layout, node->first_op);

      g_assert_cmpuint (node->n_texts, >, 0);
      g_assert_cmpint (outline->dotted, ==, e->draft);
      g_assert_cmpint (outline->dashed, ==, !e->draft && g_str_equal (e->kind, "group"));
      for (guint t = 0; t < node->n_texts; t++)
        g_assert_cmpint (qg_layout_get_op (layout, node->first_text + t)->italic, ==, e->draft);
    }
  for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
    {
      const QgRelation *r = qg_document_get_relation (doc, i);
      const QgItem *edge = qg_layout_get_edge (layout, i);

      g_assert_cmpint (qg_layout_get_op (layout, edge->first_op)->dotted, ==, r->draft);
      for (guint t = 0; t < edge->n_texts; t++)
        g_assert_cmpint (qg_layout_get_op (layout, edge->first_text + t)->italic, ==, r->draft);
    }
}

static void
test_bitmap_and_pdf_exports (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  gsize png_length, big_length, pdf_length;
  g_autofree char *png = export_to_string (doc, NULL, QG_EXPORT_PNG, "map.png", &png_length);
  g_autofree char *big = export_to_string (doc, &(QgExportOptions) { .dpi = 192 }, QG_EXPORT_PNG,
                                           "map.png", &big_length);
  g_autofree char *pdf = export_to_string (doc, NULL, QG_EXPORT_PDF, "map.pdf", &pdf_length);
  guint32 width, big_width;

  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (big, 8, "\x89PNG\r\n\x1a\n", 8);
  /* The width is in the IHDR chunk, big-endian. */
  width = GUINT32_FROM_BE (*(guint32 *) (gpointer) (png + 16));
  big_width = GUINT32_FROM_BE (*(guint32 *) (gpointer) (big + 16));
  g_assert_cmpuint (width, >, 200);
  g_assert_cmpuint (big_width, >=, 2 * width - 4);
  g_assert_cmpuint (big_width, <=, 2 * width + 4);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (pdf_length, >, 2000);
}

static void
test_dot_export_reads_back_with_its_legend (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  gsize length;
  g_autofree char *text = export_to_string (doc, NULL, QG_EXPORT_DOT, "map.gv", &length);
  Agraph_t *g = agmemread (text);
  Agnode_t *legend;

  g_assert_nonnull (g);
  g_assert_cmpint (agnnodes (g), ==, 4);
  legend = agnode (g, (char *) "quotegraph-legend", FALSE);
  g_assert_nonnull (legend);
  g_assert_cmpstr (agget (legend, (char *) "class"), ==, "legend");
  g_assert_true (aghtmlstr (agget (legend, (char *) "label")));
  agclose (g);
}

/* A map being started has no entity: every engine lays it out as nothing,
 * where the window shows its invitation to begin. */
static void
test_empty_map_lays_out (void)
{
  g_autoptr(QgDocument) doc = qg_test_load ("valid", "empty-map.json");
  const char * const *engines = qg_graph_engines ();

  for (guint i = 0; engines[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, engines[i], &error);

      g_test_message ("engine %s", engines[i]);
      g_assert_no_error (error);
      g_assert_cmpuint (qg_layout_get_n_nodes (layout), ==, 0);
      g_assert_cmpuint (qg_layout_get_n_edges (layout), ==, 0);
    }
}

/* Its export is a valid, empty picture that names the article, without a
 * legend: with nothing shown, there is nothing to explain. */
static void
test_empty_map_exports (void)
{
  g_autoptr(QgDocument) doc = qg_test_load ("valid", "empty-map.json");
  gsize svg_length, dot_length, png_length, pdf_length;
  g_autofree char *svg = export_to_string (doc, NULL, QG_EXPORT_SVG, "empty.svg", &svg_length);
  g_autofree char *dot = export_to_string (doc, NULL, QG_EXPORT_DOT, "empty.gv", &dot_length);
  g_autofree char *png = export_to_string (doc, NULL, QG_EXPORT_PNG, "empty.png", &png_length);
  g_autofree char *pdf = export_to_string (doc, NULL, QG_EXPORT_PDF, "empty.pdf", &pdf_length);
  g_autoptr(Svg) parsed = svg_parse (svg, svg_length);
  Agraph_t *g = agmemread (dot);

  g_assert_cmpuint (g_hash_table_size (parsed->objects), ==, 0);
  g_assert_cmpuint (parsed->n_legends, ==, 0);
  g_assert_cmpstr (parsed->title, ==, "A map being started");
  g_assert_nonnull (strstr (parsed->desc, "0 entities and 0 relations"));
  g_assert_nonnull (g);
  g_assert_cmpint (agnnodes (g), ==, 0);
  agclose (g);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

/* A stance is told by its shape, not only its colour: an opposition ends
 * in a bar, of the length of the others' point; a support in a point. */
static void
test_stance_by_shape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) document = qg_test_load ("../../data/kaspersky", "kaspersky-us-ban.json");
  g_autoptr(QgGraph) graph = NULL;
  g_autoptr(GBytes) dot = NULL;
  const char *text;
  guint opposes = 0;

  graph = qg_graph_new (document, "dot", &error);
  g_assert_no_error (error);
  dot = qg_graph_to_dot (graph);
  text = g_bytes_get_data (dot, NULL);
  for (guint i = 0; i < qg_document_get_n_relations (document); i++)
    opposes += qg_document_get_relation (document, i)->stance == QG_STANCE_OPPOSE;
  g_assert_cmpuint (opposes, >, 0);
  g_assert_cmpuint (qg_test_count (text, "arrowhead=tee"), ==, opposes);
  g_assert_cmpstr (qg_stance_get_style (QG_STANCE_SUPPORT)->arrowhead, ==, "normal");
}

/* A locale of its own, made with localedef in a scratch folder (the
 * machine may have none but C), or NULL if it cannot be made. */
static char *
make_locale (const char *name,
             const char *source)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-locale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int status = 0;

  if (!g_spawn_sync (NULL, (char *[]) { (char *) "localedef", (char *) "-i", (char *) source,
                                        (char *) "-f", (char *) "UTF-8", path, NULL },
                     NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                     | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&dir);
}

/* Under a locale that writes "0,5" (as the window runs in German or
 * Russian), the layout is the one the C locale gives: Graphviz's numbers
 * and the xdot read back are the C locale's. */
static void
test_layout_under_a_comma_locale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) document = qg_test_load ("../../data/kaspersky", "kaspersky-us-ban.json");
  g_autoptr(QgLayout) plain = NULL;
  g_autoptr(QgLayout) german = NULL;
  g_autofree char *dir = make_locale ("de_DE.UTF-8", "de_DE");
  g_autofree char *before = g_strdup (setlocale (LC_ALL, NULL));

  if (dir == NULL)
    {
      g_test_skip ("localedef cannot make de_DE.UTF-8 (Debian's locales package)");
      return;
    }
  plain = qg_graph_compute_layout (document, "dot", &error);
  g_assert_no_error (error);

  g_setenv ("LOCPATH", dir, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  {
    char decimal[8];

    g_snprintf (decimal, sizeof decimal, "%.1f", 0.5);
    g_assert_cmpstr (decimal, ==, "0,5");
  }
  german = qg_graph_compute_layout (document, "dot", &error);
  setlocale (LC_ALL, before);
  g_unsetenv ("LOCPATH");
  g_assert_no_error (error);

  g_assert_cmpfloat (qg_layout_get_width (german), ==, qg_layout_get_width (plain));
  g_assert_cmpfloat (qg_layout_get_height (german), ==, qg_layout_get_height (plain));
  g_assert_cmpuint (qg_layout_get_n_ops (german), ==, qg_layout_get_n_ops (plain));
  for (guint i = 0; i < qg_layout_get_n_nodes (plain); i++)
    {
      g_assert_cmpfloat (qg_layout_get_node (german, i)->cx, ==,
                         qg_layout_get_node (plain, i)->cx);
      g_assert_cmpfloat (qg_layout_get_node (german, i)->x1, ==,
                         qg_layout_get_node (plain, i)->x1);
    }
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
}

/* The styled graph of a small map, laid out and drawn here. */
static GBytes *
small_svg (QgDocument *doc)
{
  g_autoptr(QgGraph) graph = qg_graph_new (doc, "neato", NULL);
  g_autoptr(GError) error = NULL;
  GBytes *svg;

  g_assert_true (qg_graph_layout (graph, &error));
  svg = qg_graph_render (graph, "svg", &error);
  g_assert_no_error (error);
  return svg;
}

/* A large styled graph is closed in a thread beside what comes next
 * (close_soon): its counts are its own, a map laid out while it is
 * being closed is the one laid out before it was made, and each is
 * closed, in a thread; a small one is closed at once. */
static void
test_large_graph_closed_beside (void)
{
  g_autoptr(QgDocument) small = qg_test_load_map (8, 12);
  g_autoptr(QgDocument) large = qg_test_load_map (15000, 15000);
  g_autoptr(GBytes) before = small_svg (small);
  g_autoptr(GBytes) after = NULL;
  guint closed = qg_graph_get_n_closed_beside ();
  gint64 deadline;

  for (guint round = 0; round < 2; round++)
    {
      QgGraphOptions options = { .engine = "sfdp", .without_tooltips = TRUE };
      g_autoptr(QgGraph) graph = qg_graph_new_full (large, &options, NULL);
      g_autoptr(GBytes) dot = qg_graph_to_dot (graph);
      g_autofree char *text = g_strndup (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot));

      g_assert_cmpuint (qg_graph_get_n_entities (graph), ==, 15000);
      g_assert_cmpuint (qg_graph_get_n_relations (graph), ==, 15000);
      g_assert_cmpuint (qg_test_count (text, "[key="), ==, 15000);
    }
  after = small_svg (small);
  g_assert_true (g_bytes_equal (before, after));
  /* Both closed, in their threads, within a minute at the most. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (qg_graph_get_n_closed_beside () < closed + 2 && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  g_assert_cmpuint (qg_graph_get_n_closed_beside (), ==, closed + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/graph/escape-functions", test_escape_functions);
  g_test_add_func ("/quotegraph/graph/stance-by-shape", test_stance_by_shape);
  g_test_add_func ("/quotegraph/graph/layout-under-a-comma-locale",
                   test_layout_under_a_comma_locale);
  g_test_add_func ("/quotegraph/graph/default-engine-by-size", test_default_engine_by_size);
  g_test_add_func ("/quotegraph/graph/unknown-engine", test_unknown_engine);
  g_test_add_func ("/quotegraph/graph/slow-engine-warning", test_slow_engine_warning);
  g_test_add_func ("/quotegraph/graph/svg-of-small-document", test_svg_of_small_document);
  g_test_add_func ("/quotegraph/graph/strings-come-out-literally",
                   test_strings_come_out_literally);
  g_test_add_func ("/quotegraph/graph/every-engine-lays-out", test_every_engine_lays_out);
  g_test_add_func ("/quotegraph/graph/dot-export-is-the-styled-graph",
                   test_dot_export_is_the_styled_graph);
  g_test_add_func ("/quotegraph/graph/same-picture-as-dot", test_same_picture_as_dot);
  g_test_add_func ("/quotegraph/export/svg-carries-evidence", test_svg_export_carries_evidence);
  g_test_add_func ("/quotegraph/export/svg-ids-are-unique", test_svg_ids_are_unique);
  g_test_add_func ("/quotegraph/export/finish-svg-additions", test_finish_svg_additions);
  g_test_add_func ("/quotegraph/export/finish-svg-keeps-a-size-without-view-box",
                   test_finish_svg_keeps_a_size_without_view_box);
  g_test_add_func ("/quotegraph/export/filtered", test_filtered_export);
  g_test_add_func ("/quotegraph/export/bitmap-and-pdf", test_bitmap_and_pdf_exports);
  g_test_add_func ("/quotegraph/export/drafts-marked", test_drafts_marked_in_svg);
  g_test_add_func ("/quotegraph/export/drafts-left-out", test_drafts_left_out_of_svg);
  g_test_add_func ("/quotegraph/graph/drafts-dotted-and-oblique",
                   test_drafts_drawn_dotted_and_oblique);
  g_test_add_func ("/quotegraph/graph/empty-map-lays-out", test_empty_map_lays_out);
  g_test_add_func ("/quotegraph/graph/large-graph-closed-beside", test_large_graph_closed_beside);
  g_test_add_func ("/quotegraph/export/empty-map", test_empty_map_exports);
  g_test_add_func ("/quotegraph/export/dot-reads-back-with-its-legend",
                   test_dot_export_reads_back_with_its_legend);

  return g_test_run ();
}
