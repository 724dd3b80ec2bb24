/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qg-document.h"
#include "qg-dot.h"
#include "qg-test-utils.h"

static char *
dot_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "dot", name, NULL);
}

static QgGraph *
load_dot (const char  *name,
          const char  *engine,
          GError     **error)
{
  g_autofree char *path = dot_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return qg_dot_load (file, name, engine, NULL, error);
}

static char *
dot_svg (const char *name,
         const char *engine)
{
  g_autofree char *path = dot_path (name);

  return qg_test_dot_svg (path, engine);
}

/* Ours, exported through qg_dot_export_to_file. */
static char *
our_svg (const char *name,
         const char *engine)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-dot-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = load_dot (name, engine, &error);
  char *svg = NULL;

  g_assert_no_error (error);
  g_assert_true (qg_dot_export_to_file (graph, name, QG_EXPORT_SVG, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_unlink (out);
  g_rmdir (dir);
  return svg;
}

static void
assert_counts (const char *name,
               guint       nodes,
               guint       edges,
               guint       clusters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = load_dot (name, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (qg_graph_get_n_entities (graph), ==, nodes);
  g_assert_cmpuint (qg_graph_get_n_relations (graph), ==, edges);
  g_assert_cmpuint (qg_graph_get_n_clusters (graph), ==, clusters);
}

/* Nodes, edges and clusters (nested ones too) as cgraph reads them. */
static void
test_counts (void)
{
  assert_counts ("clusters.gv", 5, 5, 3);
  assert_counts ("undirected.gv", 4, 4, 0);
  assert_counts ("latin1.gv", 2, 1, 0);
}

/* The drawing is Graphviz's own: the same nodes, edges and clusters as
 * `dot -Tsvg` draws, with the file's own layout engine. */
static void
test_svg_as_dot_draws (void)
{
  static const char * const names[] = { "clusters.gv", "undirected.gv", "latin1.gv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *ours = our_svg (names[i], NULL);
      g_autofree char *theirs = dot_svg (names[i], NULL);

      g_test_message ("%s", names[i]);
      g_assert_cmpuint (qg_test_count (ours, "<g id=\"node"), >, 0);
      g_assert_cmpuint (qg_test_count (ours, "class=\"node\""), ==,
                        qg_test_count (theirs, "class=\"node\""));
      g_assert_cmpuint (qg_test_count (ours, "class=\"edge\""), ==,
                        qg_test_count (theirs, "class=\"edge\""));
      g_assert_cmpuint (qg_test_count (ours, "class=\"cluster\""), ==,
                        qg_test_count (theirs, "class=\"cluster\""));
    }
}

/* An engine asked for is used over the graph's own "layout". */
static void
test_engine_asked_for (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) own = load_dot ("undirected.gv", NULL, &error);
  g_autoptr(QgGraph) asked = load_dot ("undirected.gv", "circo", &error);
  g_autoptr(QgGraph) bad = NULL;
  g_autofree char *ours = our_svg ("clusters.gv", "circo");
  g_autofree char *theirs = dot_svg ("clusters.gv", "circo");

  g_assert_no_error (error);
  g_assert_cmpstr (qg_graph_get_engine (own), ==, "neato");
  g_assert_cmpstr (qg_graph_get_engine (asked), ==, "circo");
  /* circo draws no clusters, and dot would. */
  g_assert_cmpuint (qg_test_count (ours, "class=\"cluster\""), ==, 0);
  g_assert_cmpuint (qg_test_count (theirs, "class=\"cluster\""), ==, 0);
  g_assert_cmpuint (qg_test_count (ours, "class=\"node\""), ==,
                    qg_test_count (theirs, "class=\"node\""));

  bad = qg_dot_load_from_data ("digraph { layout=nope; a }", 26, "x.gv", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_ENGINE);
  g_assert_true (g_str_has_prefix (error->message, "x.gv: unknown layout engine \"nope\""));
}

/* cgraph converts a Latin-1 file's labels to UTF-8, as `dot` does. */
static void
test_latin1 (void)
{
  g_autofree char *svg = our_svg ("latin1.gv", NULL);

  g_assert_true (g_utf8_validate (svg, -1, NULL));
  g_assert_nonnull (strstr (svg, ">Caf\xC3\xA9 cr\xC3\xA8me</text>"));
  g_assert_nonnull (strstr (svg, ">na\xC3\xAFve</text>"));
  g_assert_nonnull (strstr (svg, ">\xC3\xA0 la</text>"));
}

/* Each broken file of tests/data/dot gives the error beside it. */
static void
test_syntax_error (void)
{
  g_autofree char *err_path = dot_path ("syntax.err");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = load_dot ("syntax.gv", NULL, &error);

  g_assert_true (g_file_get_contents (err_path, &expected, NULL, NULL));
  g_strchomp (expected);
  g_assert_null (graph);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Broken text of every kind is refused with a located error, and the
 * next graph reads as if none had come before: cgraph's parser is left
 * clean. Nothing goes to stderr (the subprocess checks). */
static void
test_broken_text (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "digraph {\n a -> \n", "b.gv:3: error: syntax error" },
    { "graph { a -- b; }\n}\n", NULL },
    { "digraph {\n\n  a [label=<<b>x</b>];\n  b [label=<x<y>];\n}",
      "b.gv:5: error: syntax error scanning a HTML string" },
    { "digraph { a -> b [label=\"open }\n", "b.gv:1: error: syntax error" },
    { "", "b.gv: error: Graphviz could not read the graph" },
    { "digraph { a\0 -> b }", "b.gv:1: error: a NUL byte, which DOT text cannot hold" },
  };

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GError) error = NULL;
          gsize length = i == 5 ? 19 : strlen (cases[i].text);
          g_autoptr(QgGraph) graph = qg_dot_load_from_data (cases[i].text, length, "b.gv", NULL,
                                                            &error);
          g_autoptr(QgGraph) next = qg_dot_load_from_data ("graph { x -- y }", 16, "n.gv", NULL,
                                                           NULL);

          g_test_message ("case %u: %s", i, error ? error->message : "(none)");
          g_assert_nonnull (next);
          g_assert_cmpuint (qg_graph_get_n_entities (next), ==, 2);
          if (cases[i].message == NULL)
            {
              /* cgraph reads the first graph; what follows it is not read. */
              g_assert_no_error (error);
              continue;
            }
          g_assert_null (graph);
          g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_SYNTAX);
          g_assert_true (g_str_has_prefix (error->message, cases[i].message));
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* A file that cannot be read says so, as a document's would. */
/* The first op of @item of @kind, of @op_kind and styled, or NULL. */
static const QgOp *
first_op (QgLayout     *layout,
          const QgItem *item,
          QgOpKind      kind)
{
  for (guint i = 0; i < item->n_ops + item->n_texts; i++)
    {
      const QgOp *op = qg_layout_get_op (layout, (i < item->n_ops ? item->first_op + i
                                                  : item->first_text + i - item->n_ops));

      g_assert_true (op->styled);
      if (op->kind == kind)
        return op;
    }
  return NULL;
}

/* What the window draws and lists: Graphviz's own colours, fonts and
 * clusters, and the attributes each node and edge is given in the file. */
static void
test_drawing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = load_dot ("clusters.gv", NULL, &error);
  g_autoptr(QgDrawing) drawing = NULL;
  QgLayout *layout;
  gint copy, check, wire;
  const QgOp *op;
  gboolean found_ok = FALSE;

  g_assert_no_error (error);
  g_assert_true (qg_graph_layout (graph, &error));
  g_assert_no_error (error);
  drawing = qg_graph_get_drawing (graph);
  layout = qg_drawing_get_layout (drawing);

  g_assert_cmpuint (qg_drawing_get_n_nodes (drawing), ==, 5);
  g_assert_cmpuint (qg_drawing_get_n_edges (drawing), ==, 5);
  /* The background and three clusters, nested one included. */
  g_assert_cmpuint (qg_drawing_get_n_clusters (drawing), ==, 4);
  g_assert_cmpuint (qg_layout_get_n_clusters (layout), ==, 4);
  g_assert_true (qg_drawing_is_directed (drawing));

  op = first_op (layout, qg_layout_get_cluster (layout, 0), QG_OP_POLYGON);
  g_assert_nonnull (op);
  g_assert_true (op->filled);
  g_assert_cmphex (op->fill, ==, 0xfafafaff);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpuint (qg_layout_get_cluster (layout, i)->n_texts, ==, 1);

  copy = qg_drawing_find_node (drawing, "copy");
  check = qg_drawing_find_node (drawing, "check");
  wire = qg_drawing_find_node (drawing, "wire");
  g_assert_cmpint (copy, >=, 0);
  g_assert_cmpint (check, >=, 0);
  g_assert_cmpstr (qg_drawing_lookup (qg_drawing_get_node_attributes (drawing, copy), "label"),
                   ==, "Copy edit");
  g_assert_cmpstr (qg_drawing_lookup (qg_drawing_get_node_attributes (drawing, copy), "color"),
                   ==, "red");
  /* What a default of the file's gives it, too. */
  g_assert_cmpstr (qg_drawing_lookup (qg_drawing_get_node_attributes (drawing, wire), "shape"),
                   ==, "box");
  /* Only what the file says: no position, no drawing of Graphviz's. */
  g_assert_null (qg_drawing_lookup (qg_drawing_get_node_attributes (drawing, copy), "pos"));
  g_assert_null (qg_drawing_lookup (qg_drawing_get_node_attributes (drawing, copy), "_draw_"));
  op = first_op (layout, qg_layout_get_node (layout, copy), QG_OP_BEZIER);
  g_assert_nonnull (op);
  g_assert_cmphex (op->stroke, ==, 0xff0000ff);
  g_assert_cmpfloat (op->pen_width, ==, 2);
  op = first_op (layout, qg_layout_get_node (layout, wire), QG_OP_TEXT);
  g_assert_nonnull (op);
  g_assert_cmpstr (op->text, ==, "Wire copy");
  g_assert_cmpstr (op->font, ==, "Times-Roman");  /* the graph's fontname is not the nodes' */
  /* The HTML-like label's bold and italic lines. */
  op = first_op (layout, qg_layout_get_node (layout, check), QG_OP_TEXT);
  g_assert_nonnull (op);
  g_assert_cmpstr (op->text, ==, "Check");
  g_assert_true (op->bold);

  for (guint i = 0; i < qg_drawing_get_n_edges (drawing); i++)
    {
      const QgItem *item = qg_layout_get_edge (layout, i);

      g_assert_cmpuint (item->n_ops, >=, 2);  /* a spline and an arrowhead */
      if (g_strcmp0 (qg_drawing_get_edge_name (drawing, i), "check -> copy") == 0)
        {
          g_assert_cmpuint (qg_drawing_get_edge_tail (drawing, i), ==, check);
          g_assert_cmpuint (qg_drawing_get_edge_head (drawing, i), ==, copy);
          g_assert_cmpstr (qg_drawing_lookup (qg_drawing_get_edge_attributes (drawing, i),
                                              "arrowhead"), ==, "vee");
          g_assert_cmpstr (first_op (layout, item, QG_OP_TEXT)->text, ==, "ok");
          found_ok = TRUE;
        }
    }
  g_assert_true (found_ok);
  g_assert_cmpstr (qg_drawing_lookup (qg_drawing_get_graph_attributes (drawing), "fontname"),
                   ==, "Helvetica");

  /* A click on a node finds it. */
  {
    const QgItem *node = qg_layout_get_node (layout, copy);
    guint index = G_MAXUINT;

    g_assert_cmpint (qg_layout_hit (layout, node->cx, node->cy, 2, &index), ==, QG_ITEM_NODE);
    g_assert_cmpuint (index, ==, copy);
  }
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = load_dot ("no-such.gv", NULL, &error);

  g_assert_null (graph);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "no-such.gv: cannot read the file: no such file");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/dot/counts", test_counts);
  g_test_add_func ("/quotegraph/dot/svg-as-dot-draws", test_svg_as_dot_draws);
  g_test_add_func ("/quotegraph/dot/engine-asked-for", test_engine_asked_for);
  g_test_add_func ("/quotegraph/dot/latin1", test_latin1);
  g_test_add_func ("/quotegraph/dot/syntax-error", test_syntax_error);
  g_test_add_func ("/quotegraph/dot/broken-text", test_broken_text);
  g_test_add_func ("/quotegraph/dot/unreadable", test_unreadable);
  g_test_add_func ("/quotegraph/dot/drawing", test_drawing);
  return g_test_run ();
}
