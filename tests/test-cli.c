/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "qg-aif.h"
#include "qg-graph.h"
#include "qg-test-utils.h"


/* Runs the built quotegraph with no display at all, as a headless server or
 * CI would, after @setup (if any) in the child; returns its exit status. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_in (Run                  *run,
        const char           *cwd,
        const char           *display,
        GSpawnChildSetupFunc  setup,
        const char          **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("QUOTEGRAPH"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "DISPLAY");
  if (display != NULL)
    envp = g_environ_setenv (envp, "DISPLAY", display, TRUE);

  memset (run, 0, sizeof *run);
  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, setup, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d; stderr: %s", run->status, run->err);
}

#define RUN(run, ...) run_in (run, NULL, NULL, NULL, (const char *[]) { __VA_ARGS__, NULL })

static char *
broken_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "broken", NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* The root element of @svg, from "<svg" to its ">". */
static char *
svg_root (const char *svg)
{
  const char *open = strstr (svg, "<svg ");
  const char *close = open ? strchr (open, '>') : NULL;

  g_assert_nonnull (close);
  return g_strndup (open, close + 1 - open);
}

/* The value of the attribute @name of @element, or NULL. */
static char *
attribute (const char *element,
           const char *name)
{
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);
  const char *value = strstr (element, needle);
  const char *close = value ? strchr (value + strlen (needle), '"') : NULL;

  if (close == NULL)
    return NULL;
  value += strlen (needle);
  return g_strndup (value, close - value);
}

/* What is drawn, in the lines Graphviz writes: every shape and text, and
 * every link from its "<a" on (the group around it is one the export
 * leaves unnamed). Titles, the description and the root are what the
 * export changes, and are checked on their own. */
static char *
drawing (const char *svg,
         guint      *n_lines)
{
  static const char * const drawn[] = {
    "<polygon ", "<polyline ", "<path ", "<ellipse ", "<text ", "<image ",
  };
  g_auto(GStrv) lines = g_strsplit (svg, "\n", -1);
  GString *out = g_string_new (NULL);

  *n_lines = 0;
  for (guint i = 0; lines[i]; i++)
    {
      const char *link = strstr (lines[i], "<a xlink:");
      gboolean shown = link != NULL;

      for (guint k = 0; k < G_N_ELEMENTS (drawn) && !shown; k++)
        shown = g_str_has_prefix (lines[i], drawn[k]);
      if (shown)
        {
          g_string_append_printf (out, "%s\n", link ? link : lines[i]);
          (*n_lines)++;
        }
    }
  return g_string_free (out, FALSE);
}

static void
test_check_bundled (void)
{
  g_auto(Run) run;

  RUN (&run, "--check");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "kaspersky-us-ban.json: valid: 28 entities, "));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_check_needs_no_display (void)
{
  g_auto(Run) run;

  /* A display that does not exist: opening it would fail. */
  run_in (&run, NULL, ":4242", NULL, (const char *[]) { "--check", NULL });
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_in (&run, NULL, ":4242", NULL, (const char *[]) { "--export", "/dev/null/x.gv", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.err, "display"));
}

static void
test_check_broken_prints_every_error (void)
{
  g_autofree char *dir = broken_dir ();
  g_autofree char *err_path = g_build_filename (dir, "several-errors.err", NULL);
  g_autofree char *expected = read_file (err_path);
  g_auto(Run) run;

  /* The file is named as typed. */
  run_in (&run, dir, NULL, NULL, (const char *[]) { "--check", "several-errors.json", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_empty_map (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "empty.svg", NULL);
  g_autofree char *svg = NULL;
  g_auto(Run) run;

  run_in (&run, valid, NULL, NULL, (const char *[]) { "--check", "empty-map.json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "empty-map.json: valid: 0 entities, 0 quotes, 0 relations; "
                                "every quote found in the article\n");
  run_clear (&run);
  run_in (&run, valid, NULL, NULL, (const char *[]) { "--export", out, "empty-map.json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  svg = read_file (out);
  g_assert_nonnull (strstr (svg, "<title>A map being started</title>"));
  g_assert_null (strstr (svg, "class=\"node"));
  remove_tree (dir);
}

/* An AIF map is told apart and checked by the AIF reader: counted when it
 * is valid, its errors located when not. */
static void
test_check_aif (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "aif", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken", NULL);
  g_autofree char *err_path = g_build_filename (broken, "edge-missing-node.err", NULL);
  g_autofree char *expected = read_file (err_path);
  g_auto(Run) run;

  run_in (&run, dir, NULL, NULL, (const char *[]) { "--check", "aifdb-nodeset.json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "aifdb-nodeset.json: valid AIF: nodes 16 (I 5, L 2, S 9), "
                                "edges 17, participants 2\n");
  run_clear (&run);
  run_in (&run, dir, NULL, NULL, (const char *[]) { "--check", "ova3-wrapped.json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "ova3-wrapped.json: valid AIF: nodes 5 "));
  run_clear (&run);
  run_in (&run, broken, NULL, NULL, (const char *[]) { "--check", "edge-missing-node.json", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_check_syntax_error (void)
{
  g_autofree char *dir = broken_dir ();
  g_auto(Run) run;

  run_in (&run, dir, NULL, NULL, (const char *[]) { "--check", "syntax-unexpected.json", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==,
                   "syntax-unexpected.json:3:15: error: unexpected character ']' (expected a "
                   "value)\n");
}

static void
test_export_svg (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *svg = NULL;
  g_auto(Run) run;

  RUN (&run, "--export", out);
  g_assert_cmpint (run.status, ==, 0);
  svg = read_file (out);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  /* A root that scales to its container, its height from Graphviz's viewBox. */
  {
    g_autofree char *root = svg_root (svg);
    g_autofree char *width = attribute (root, "width");
    g_autofree char *height = attribute (root, "height");
    g_autofree char *view_box = attribute (root, "viewBox");

    g_assert_cmpstr (width, ==, "100%");
    g_assert_null (height);
    g_assert_nonnull (view_box);
    g_assert_true (g_str_has_prefix (view_box, "0.00 0.00 "));
  }
  g_assert_nonnull (strstr (svg, "<g id=\"dhs\" class=\"node agency\">"));
  g_assert_nonnull (strstr (svg, "class=\"edge oppose\""));
  g_assert_nonnull (strstr (svg, "Rob Joyce: &quot;Under Russian law that company must "
                                 "collaborate with the FSB&quot;"));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* A DOT file is counted by cgraph: nodes, edges and clusters; a broken
 * one gives the located error beside it, and exit 1. */
static void
test_check_dot (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "dot", NULL);
  g_autofree char *err_path = g_build_filename (dir, "syntax.err", NULL);
  g_autofree char *expected = read_file (err_path);
  static const char * const cases[][2] = {
    { "clusters.gv", "clusters.gv: valid DOT: 5 nodes, 5 edges, 3 clusters\n" },
    { "undirected.gv", "undirected.gv: valid DOT: 4 nodes, 4 edges, 0 clusters\n" },
    { "latin1.gv", "latin1.gv: valid DOT: 2 nodes, 1 edges, 0 clusters\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run;

      run_in (&run, dir, NULL, NULL, (const char *[]) { "--check", cases[i][0], NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, cases[i][1]);
      g_assert_cmpstr (run.err, ==, "");
    }
  {
    g_auto(Run) run;

    run_in (&run, dir, NULL, NULL, (const char *[]) { "--check", "syntax.gv", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
    g_assert_cmpstr (run.out, ==, "");
  }
}

/* --export of @path to a PNG and, laid out by @pdf_engine, a PDF in @dir:
 * Graphviz's renderers write both. */
static void
assert_png_and_pdf (const char *dir,
                    const char *path,
                    const char *pdf_engine)
{
  g_autofree char *png = g_build_filename (dir, "graph.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "graph.pdf", NULL);
  g_autofree char *png_data = NULL;
  g_autofree char *pdf_data = NULL;
  g_auto(Run) run;

  RUN (&run, "--export", png, path);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  RUN (&run, "--export", pdf, "--layout", pdf_engine, path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &png_data, NULL, NULL));
  g_assert_true (g_file_get_contents (pdf, &pdf_data, NULL, NULL));
  g_assert_true (g_str_has_prefix (png_data, "\x89PNG"));
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));
}

/* --export draws a DOT file as `dot -Tsvg` does, in a fresh process byte
 * for byte; PNG and PDF come from Graphviz's renderers too; a broken file
 * writes nothing. */
static void
test_export_dot (void)
{
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", "dot", NULL);
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "graph.svg", NULL);
  static const char * const names[] = { "clusters.gv", "undirected.gv", "latin1.gv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data, names[i], NULL);
      g_autofree char *theirs = qg_test_dot_svg (path, NULL);
      g_autofree char *ours = NULL;
      g_auto(Run) run;

      RUN (&run, "--export", out, path);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      ours = read_file (out);
      g_assert_cmpuint (qg_test_count (ours, "<g id=\"node"), >, 0);
      g_assert_cmpuint (qg_test_count (ours, "class=\"node\""), ==,
                        qg_test_count (theirs, "class=\"node\""));
      g_assert_cmpuint (qg_test_count (ours, "class=\"edge\""), ==,
                        qg_test_count (theirs, "class=\"edge\""));
      g_assert_cmpstr (ours, ==, theirs);
    }
  {
    g_autofree char *path = g_build_filename (data, "clusters.gv", NULL);

    assert_png_and_pdf (dir, path, "circo");
  }
  {
    g_autofree char *path = g_build_filename (data, "syntax.gv", NULL);
    g_autofree char *broken = g_build_filename (dir, "broken.svg", NULL);
    g_auto(Run) run;

    RUN (&run, "--export", broken, path);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_suffix (run.err, "syntax.gv:3: error: syntax error near ';'\n"));
    g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));
    run_clear (&run);
    RUN (&run, "--export", broken, "--layout", "nope", path);
    g_assert_cmpint (run.status, ==, 2);
  }
  remove_tree (dir);
}

/* --export draws an AIF map as the window lays it out: a node group for
 * each AIF node and an edge group for each AIF edge; .gv writes that DOT,
 * .aif.json the AIF again, normalised; PNG and PDF are Graphviz's; a
 * broken map writes nothing and says where it is broken. */
static void
test_export_aif_map (void)
{
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", "aif", NULL);
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *gv_path = g_build_filename (dir, "map.gv", NULL);
  g_autofree char *aif_path = g_build_filename (dir, "map.aif.json", NULL);
  static const char * const names[] = {
    "aifdb-nodeset.json", "ova3-wrapped.json", "xaif-text-object.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) copy_file = g_file_new_for_path (aif_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(QgAifGraph) graph = qg_aif_graph_load (file, NULL, NULL, &error);
      g_autoptr(QgAifGraph) copy = NULL;
      g_autofree char *expected_dot = qg_aif_graph_to_dot (graph);
      g_autofree char *expected_aif = qg_aif_graph_write (graph, NULL);
      g_autofree char *svg = NULL;
      g_autofree char *gv = NULL;
      g_autofree char *aif = NULL;
      g_auto(Run) run;
      g_auto(Run) run_gv;
      g_auto(Run) run_aif;

      g_assert_no_error (error);
      RUN (&run, "--export", svg_path, path);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      svg = read_file (svg_path);
      g_assert_cmpuint (qg_test_count (svg, "<g id=\"n"), ==, graph->n_nodes);
      g_assert_cmpuint (qg_test_count (svg, "class=\"node "), ==, graph->n_nodes);
      g_assert_cmpuint (qg_test_count (svg, "<g id=\"e"), ==, graph->n_edges);
      g_assert_cmpuint (qg_test_count (svg, "class=\"edge\""), ==, graph->n_edges);

      RUN (&run_gv, "--export", gv_path, path);
      g_assert_cmpint (run_gv.status, ==, 0);
      gv = read_file (gv_path);
      g_assert_cmpstr (gv, ==, expected_dot);

      RUN (&run_aif, "--export", aif_path, path);
      g_assert_cmpint (run_aif.status, ==, 0);
      aif = read_file (aif_path);
      g_assert_cmpstr (aif, ==, expected_aif);
      copy = qg_aif_graph_load (copy_file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (copy->n_nodes, ==, graph->n_nodes);
      g_assert_cmpuint (copy->n_edges, ==, graph->n_edges);
      g_assert_cmpuint (copy->n_locutions, ==, graph->n_locutions);
      g_assert_cmpuint (copy->n_participants, ==, graph->n_participants);
      g_assert_cmpuint (copy->text_len, ==, graph->text_len);
    }
  {
    g_autofree char *path = g_build_filename (data, "aifdb-nodeset.json", NULL);

    assert_png_and_pdf (dir, path, "dot");
  }
  {
    g_autofree char *broken = g_build_filename (data, "broken", NULL);
    g_autofree char *out = g_build_filename (dir, "broken.svg", NULL);
    g_auto(Run) run;

    run_in (&run, broken, NULL, NULL,
            (const char *[]) { "--export", out, "edge-missing-node.json", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "edge-missing-node.json:9: edges[1].toID: unknown node \"99\"\n");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  remove_tree (dir);
}

/* --export OUT.aif.json writes the map as AIF, which the AIF reader reads
 * back with a proposition for each quote and each relation. */
static void
test_export_aif (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "small.aif.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgAifGraph) graph = NULL;
  g_auto(Run) run;

  run_in (&run, valid, NULL, NULL, (const char *[]) { "--export", out, "small.json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  graph = qg_aif_graph_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  /* small.json: 4 quotes, each said by someone, and 3 relations. */
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_I), ==, 4 + 3);
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_L), ==, 4);
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_CA), ==, 1);
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_RA), ==, 2);
  g_assert_cmpuint (graph->n_participants, ==, 3);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* An export marks each drafted entity and relation (class "draft" on its
 * group), and --without-drafts leaves them out, their quotes with them,
 * the description counting only the rest. */
static void
test_export_without_drafts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *marked = g_build_filename (dir, "marked.svg", NULL);
  g_autofree char *checked = g_build_filename (dir, "checked.svg", NULL);
  g_autofree char *document = g_test_build_filename (G_TEST_DIST, "data", "drafts.json", NULL);
  g_autofree char *svg = NULL;
  g_auto(Run) run;
  g_auto(Run) again;

  RUN (&run, "--export", marked, document);
  g_assert_cmpint (run.status, ==, 0);
  svg = read_file (marked);
  /* Ann Lee, Bob Ray, Eastbrook and their two relations. */
  g_assert_cmpuint (qg_test_count (svg, " draft\">"), ==, 5);
  g_assert_nonnull (strstr (svg, "<g id=\"eastbrook\" class=\"node group draft\">"));
  g_assert_nonnull (strstr (svg, "<g id=\"northfield&#45;united\" class=\"node group\">"));
  g_assert_nonnull (strstr (svg, "): 5 entities and 3 relations,"));
  g_clear_pointer (&svg, g_free);

  RUN (&again, "--export", checked, "--without-drafts", document);
  g_assert_cmpint (again.status, ==, 0);
  svg = read_file (checked);
  g_assert_null (strstr (svg, "draft"));
  g_assert_null (strstr (svg, "Ann Lee"));
  g_assert_null (strstr (svg, "the referee had a good day"));
  g_assert_nonnull (strstr (svg, "<g id=\"carla&#45;diaz\" class=\"node person\">"));
  g_assert_nonnull (strstr (svg, "): 2 entities and 1 relations,"));
  remove_tree (dir);
}

/* The same picture: the same shapes, texts and links, in order, and
 * Graphviz's viewBox in a root that scales to its container. @theirs is
 * Graphviz's own SVG. */
static void
assert_same_picture (const char *ours,
                     const char *theirs)
{
  guint n_ours, n_theirs;
  g_autofree char *our_drawing = drawing (ours, &n_ours);
  g_autofree char *their_drawing = drawing (theirs, &n_theirs);
  g_autofree char *our_root = svg_root (ours);
  g_autofree char *their_root = svg_root (theirs);
  g_autofree char *our_view_box = attribute (our_root, "viewBox");
  g_autofree char *their_view_box = attribute (their_root, "viewBox");
  g_autofree char *our_width = attribute (our_root, "width");
  g_autofree char *our_height = attribute (our_root, "height");

  /* At least a shape and a text for each of 28 entities and 42 relations. */
  g_assert_cmpuint (n_theirs, >, 2 * (28 + 42));
  g_assert_cmpuint (n_ours, ==, n_theirs);
  g_assert_true (strcmp (our_drawing, their_drawing) == 0);
  g_assert_nonnull (their_view_box);
  g_assert_cmpstr (our_view_box, ==, their_view_box);
  g_assert_cmpstr (our_width, ==, "100%");
  g_assert_null (our_height);
}

/* What `dot -Tsvg` draws of @gv. */
/* What this process draws of the graph the export laid out, after every
 * engine before it and wherever its memory lands; the graph is the .gv's
 * text, byte for byte. */
static char *
graph_svg (QgDocument *doc,
           const char *engine,
           const char *gv)
{
  QgGraphOptions options = { .engine = engine, .legend = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = qg_graph_new_full (doc, &options, &error);
  g_autoptr(GBytes) dot = NULL;
  g_autofree char *text = read_file (gv);
  gsize length;
  const char *data;

  g_assert_no_error (error);
  dot = qg_graph_to_dot (graph);
  data = g_bytes_get_data (dot, &length);
  g_assert_cmpmem (data, length, text, strlen (text));
  return qg_test_render_svg (graph);
}

/* The exported SVG, one process per export as the command runs, is what
 * Graphviz draws of the exported .gv, by every engine: this process,
 * having laid out every engine before, and `dot -Tsvg`. But for fdp, whose
 * map in Graphviz 2.42 depends on where memory lands in the process that
 * lays it out: Quotegraph makes it land in order, `dot` leaves it to
 * chance, and a few of its runs in a hundred draw another map
 * (docs/format-notes.md says why). */
static void
test_same_picture_every_engine (void)
{
  static const char * const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi" };
  g_autoptr(QgDocument) doc = qg_test_load ("../../data/kaspersky", "kaspersky-us-ban.json");
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autofree char *gv = g_strdup_printf ("%s/map-%s.gv", dir, engines[i]);
      g_autofree char *svg = g_strdup_printf ("%s/map-%s.svg", dir, engines[i]);
      g_autofree char *ours = NULL;
      g_autofree char *here = NULL;
      g_autofree char *layout = g_strdup_printf ("layout=%s", engines[i]);
      g_auto(Run) a;
      g_auto(Run) b;

      g_test_message ("engine %s", engines[i]);
      RUN (&a, "--export", gv, "--layout", engines[i]);
      g_assert_cmpint (a.status, ==, 0);
      RUN (&b, "--layout", engines[i], "--export", svg);
      g_assert_cmpint (b.status, ==, 0);
      {
        g_autofree char *text = read_file (gv);
        g_assert_nonnull (strstr (text, layout));
      }

      ours = read_file (svg);
      here = graph_svg (doc, engines[i], gv);
      assert_same_picture (ours, here);
      if (strcmp (engines[i], "fdp") != 0)
        {
          g_autofree char *theirs = qg_test_dot_svg (gv, NULL);

          assert_same_picture (ours, theirs);
        }
      /* With the title, the description and the legend's class that the
       * export adds. */
      g_assert_nonnull (strstr (ours, ">\n<title>Kaspersky: US government removes Russian "
                                      "security software</title>\n<desc>Map of "));
      g_assert_cmpuint (qg_test_count (ours, "<title>"), ==, qg_test_count (here, "<title>") + 1);
      g_assert_cmpuint (qg_test_count (ours, "<desc>"), ==, 1);
      g_assert_nonnull (strstr (here, " class=\"node legend\">"));
      g_assert_null (strstr (ours, " class=\"node legend\">"));
      g_assert_cmpuint (qg_test_count (ours, " class=\"legend\">"), ==, 1);
    }
  remove_tree (dir);
}

/* Exports the bundled map to @out, which must fail: one line on stderr that
 * names @out as given, and says why in the words of @reason. */
static void
assert_export_fails (const char           *out,
                     GSpawnChildSetupFunc  setup,
                     const char           *reason)
{
  g_autofree char *expected = g_strdup_printf ("%s: could not write the map: %s\n", out, reason);
  g_auto(Run) run;

  run_in (&run, NULL, NULL, setup, (const char *[]) { "--export", out, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_bad_document_writes_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *doc = g_test_build_filename (G_TEST_DIST, "data", "broken",
                                                "relation-source-unknown.json", NULL);
  g_autofree char *kept = NULL;
  g_auto(Run) run;

  RUN (&run, "--export", out, doc);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "relations[0].source: unknown entity \"amce\""));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* An earlier export of the same name is left as it was. */
  g_file_set_contents (out, "earlier", -1, NULL);
  run_clear (&run);
  RUN (&run, "--export", out, doc);
  g_assert_cmpint (run.status, ==, 1);
  kept = read_file (out);
  g_assert_cmpstr (kept, ==, "earlier");
  remove_tree (dir);
}

static void
test_unwritable_output_leaves_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.svg", NULL);

  /* The output name is taken by a folder: the rename fails at the end. */
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  assert_export_fails (blocker, NULL, "a folder already has that name");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpuint (count_entries (blocker), ==, 0);

  assert_export_fails (missing, NULL, "that folder does not exist");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* In the child, before the program starts: files may grow to 8 KiB, and a
 * write beyond fails with EFBIG rather than killing the program with
 * SIGXFSZ (an ignored signal stays ignored through exec). Root is held to
 * it too. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { .rlim_cur = 8192, .rlim_max = 8192 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
test_failed_write_keeps_the_earlier_file (void)
{
  static const char earlier[] = "<svg><!-- an earlier export --></svg>\n";
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (out, earlier, -1, NULL));
  /* The map (some 300 KB) is written, and fails, past 8 KiB: one line,
   * about that file, in the system's words. */
  assert_export_fails (out, limit_file_size, g_strerror (EFBIG));

  g_file_get_contents (out, &kept, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (kept, length, earlier, strlen (earlier));
  /* Nor is the temporary file left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* @length characters in all: "aaa…a.svg". */
static char *
long_name (guint length)
{
  g_autofree char *stem = g_strnfill (length - strlen (".svg"), 'a');

  return g_strconcat (stem, ".svg", NULL);
}

/* A name as long as a file system takes (255 bytes) is written; the
 * temporary file beside it has a short name of its own. Any failure names
 * the file asked for, never the temporary one. */
static void
test_export_long_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *name = long_name (255);
  g_autofree char *out = g_build_filename (dir, name, NULL);
  g_autofree char *svg = NULL;
  g_auto(Run) run;

  RUN (&run, "--export", out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  svg = read_file (out);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* A write that fails past 8 KiB: the message is about that file alone.
   * (GLib's own g_file_set_contents cannot write that name.) */
  {
    FILE *earlier = fopen (out, "w");

    g_assert_nonnull (earlier);
    g_assert_cmpint (fputs ("earlier", earlier), >=, 0);
    g_assert_cmpint (fclose (earlier), ==, 0);
  }
  assert_export_fails (out, limit_file_size, g_strerror (EFBIG));
  g_clear_pointer (&svg, g_free);
  svg = read_file (out);
  g_assert_cmpstr (svg, ==, "earlier");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* One byte more is a name no file system here takes. */
  {
    g_autofree char *too_long = long_name (256);
    g_autofree char *too_long_out = g_build_filename (dir, too_long, NULL);

    assert_export_fails (too_long_out, NULL, "the name is longer than the file system allows");
    g_assert_cmpuint (count_entries (dir), ==, 1);
  }
  remove_tree (dir);
}

/* A file where the path wants a folder is named as a file, not as a
 * missing folder: nobody, not even root, writes there. */
static void
test_export_into_a_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *inside = g_build_filename (notes, "map.svg", NULL);
  g_autofree char *deeper = g_build_filename (notes, "maps", "map.svg", NULL);
  g_autofree char *reason = g_strdup_printf ("“%s” is a file, not a folder", notes);
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (notes, "notes", -1, NULL));
  assert_export_fails (inside, NULL, reason);
  assert_export_fails (deeper, NULL, reason);
  kept = read_file (notes);
  g_assert_cmpstr (kept, ==, "notes");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
assert_link (const char *link,
             const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *read = g_file_read_link (link, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, target);
}

/* Exporting onto a symbolic link writes the file it points to, through a
 * temporary file beside that file, and keeps the link, as editors do. */
static void
test_export_onto_a_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *maps = g_build_filename (dir, "maps", NULL);
  g_autofree char *real = g_build_filename (maps, "real.svg", NULL);
  g_autofree char *link = g_build_filename (dir, "link.svg", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.svg", NULL);
  g_autofree char *dangling = g_build_filename (dir, "new.svg", NULL);
  g_autofree char *dangling_target = g_build_filename (maps, "new-real.svg", NULL);
  g_autofree char *svg = NULL;

  g_assert_cmpint (g_mkdir (maps, 0700), ==, 0);
  g_assert_true (g_file_set_contents (real, "earlier", -1, NULL));
  g_assert_cmpint (symlink ("maps/real.svg", link), ==, 0);
  /* A link to a link, by its full path. */
  g_assert_cmpint (symlink (link, chain), ==, 0);
  g_assert_cmpint (symlink ("maps/new-real.svg", dangling), ==, 0);

  /* A write that fails leaves the file, the links and the folders as they
   * were, and names the link as given. */
  assert_export_fails (link, limit_file_size, g_strerror (EFBIG));
  svg = read_file (real);
  g_assert_cmpstr (svg, ==, "earlier");
  g_clear_pointer (&svg, g_free);
  assert_link (link, "maps/real.svg");
  g_assert_cmpuint (count_entries (dir), ==, 4);
  g_assert_cmpuint (count_entries (maps), ==, 1);

  for (guint i = 0; i < 2; i++)
    {
      const char *out = i == 0 ? link : chain;
      g_auto(Run) run;

      RUN (&run, "--export", out);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      assert_link (link, "maps/real.svg");
      assert_link (chain, link);
      svg = read_file (real);
      g_assert_true (g_str_has_prefix (svg, "<?xml"));
      g_clear_pointer (&svg, g_free);
      g_assert_cmpuint (count_entries (dir), ==, 4);
      g_assert_cmpuint (count_entries (maps), ==, 1);
    }

  /* A link to a file that is not there yet: the file is made. */
  {
    g_auto(Run) run;

    RUN (&run, "--export", dangling);
    g_assert_cmpint (run.status, ==, 0);
    assert_link (dangling, "maps/new-real.svg");
    svg = read_file (dangling_target);
    g_assert_true (g_str_has_prefix (svg, "<?xml"));
    g_assert_cmpuint (count_entries (dir), ==, 4);
    g_assert_cmpuint (count_entries (maps), ==, 2);
  }
  remove_tree (dir);
}

static void
test_usage_errors (void)
{
  static const struct { const char *args[5]; const char *message; } cases[] = {
    { { "--export", "map.jpeg" },
      "quotegraph: map.jpeg: unknown export format (use one of .svg, .png, .pdf, .gv, .dot, "
      ".aif.json)\n" },
    { { "--export", "map.svg", "--layout", "spring" },
      "quotegraph: unknown layout engine \"spring\" (use one of dot, neato, fdp, sfdp, circo, "
      "twopi)\n" },
    { { "--check", "--export", "map.svg" },
      "quotegraph: --check and --export cannot be used together\n" },
    { { "--without-drafts", "map.json" },
      "quotegraph: --without-drafts is an option of --export\n" },
    { { "--check", "a.json", "b.json" }, "quotegraph: give at most one FILE\n" },
    { { "--export", "map.svg", "a.json", "b.json" }, "quotegraph: give at most one FILE\n" },
    { { "-o", "map.json" }, "quotegraph: --output is only used with --draft\n" },
    { { "--draft", "a.txt", "--check" },
      "quotegraph: --draft cannot be used with --check or --export\n" },
    { { "--draft", "a.txt", "--export", "map.svg" },
      "quotegraph: --draft cannot be used with --check or --export\n" },
    { { "--draft", "a.txt", "b.txt" }, "quotegraph: --draft takes one ARTICLE and no other FILE\n" },
    { { "--draft" }, NULL },
    { { "--frobnicate" }, NULL },
    { { "--export" }, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run;

      run_in (&run, NULL, NULL, NULL, (const char **) cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      if (cases[i].message)
        g_assert_cmpstr (run.err, ==, cases[i].message);
      else
        g_assert_true (g_str_has_prefix (run.err, "quotegraph: "));
      g_assert_false (g_file_test ("map.svg", G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test ("map.json", G_FILE_TEST_EXISTS));
    }
}

/* ------------------------------------------------------------------------ */
/* --draft                                                                   */

static char *
court_article (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "draft", "court.txt", NULL);
}

/* The "article" object of the JSON --draft wrote, which must be a
 * document's. */
static JsonObject *
drafted_article (JsonParser *parser,
                 const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "quotegraph/1");
  return json_object_get_object_member (root, "article");
}

/* Written where --check can read it, the draft is a valid document. */
static void
assert_draft_checks (const char *dir,
                     const char *json)
{
  g_autofree char *map = g_build_filename (dir, "drafted.json", NULL);
  g_auto(Run) run;

  g_assert_true (g_file_set_contents (map, json, -1, NULL));
  run_in (&run, dir, NULL, NULL, (const char *[]) { "--check", "drafted.json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "drafted.json: valid: "));
  g_unlink (map);
}

/* A text article is drafted to standard output, with no display, its text
 * kept byte for byte and its first line for a title. */
static void
test_draft_to_stdout (void)
{
  g_autofree char *path = court_article ();
  g_autofree char *text = read_file (path);
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *article;
  g_auto(Run) run;

  run_in (&run, NULL, ":4242", NULL, (const char *[]) { "--draft", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  article = drafted_article (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (article, "title"), ==,
                   "Tenants sue Northfield Housing Authority over mold at Carver Street");
  g_assert_cmpstr (json_object_get_string_member (article, "text"), ==, text);
  g_assert_false (json_object_has_member (article, "text_file"));
  assert_draft_checks (dir, run.out);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);
}

/* -o writes the same bytes to a file, whole or not at all, and says
 * nothing; a file that cannot be written is named with the reason. */
static void
test_draft_output (void)
{
  g_autofree char *path = court_article ();
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "map.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.json", NULL);
  g_autofree char *expected_error = g_strdup_printf ("%s: could not write the map: that folder "
                                                     "does not exist\n", missing);
  g_autofree char *written = NULL;
  g_auto(Run) to_stdout;

  RUN (&to_stdout, "--draft", path);
  g_assert_cmpint (to_stdout.status, ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_auto(Run) run;

      RUN (&run, "--draft", path, i == 0 ? "-o" : "--output", out);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, "");
      g_clear_pointer (&written, g_free);
      written = read_file (out);
      g_assert_cmpstr (written, ==, to_stdout.out);
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }

  {
    g_auto(Run) run;

    RUN (&run, "--draft", path, "-o", missing);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected_error);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpuint (count_entries (dir), ==, 1);
  }
  remove_tree (dir);
}

/* A web page is reduced to its article, with the page's title, site and
 * date. */
static void
test_draft_html (void)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>Council backs the repairs | Northfield Courier</title>"
    "<meta property=\"og:site_name\" content=\"Northfield Courier\">"
    "<meta property=\"article:published_time\" content=\"2024-03-14T09:30:00-05:00\">"
    "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>Council backs the "
    "repairs</h1><p>&ldquo;We will find the money,&rdquo; said Mayor Gordon Pell.</p>"
    "</article><footer>&copy; Northfield Courier</footer></body></html>\n";
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.html", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *article;
  g_auto(Run) run;

  g_assert_true (g_file_set_contents (path, page, -1, NULL));
  RUN (&run, "--draft", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  article = drafted_article (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (article, "title"), ==,
                   "Council backs the repairs");
  g_assert_cmpstr (json_object_get_string_member (article, "source"), ==, "Northfield Courier");
  g_assert_cmpstr (json_object_get_string_member (article, "published"), ==, "2024-03-14");
  g_assert_cmpstr (json_object_get_string_member (article, "text"), ==,
                   "Council backs the repairs\n\n“We will find the money,” said Mayor Gordon "
                   "Pell.");
  assert_draft_checks (dir, run.out);
  remove_tree (dir);
}

/* What --draft titles an article that gives no title: a text's first
 * line when it reads as a headline, else the file's name. */
static void
test_draft_title (void)
{
  g_autofree char *paragraph = g_strnfill (201, 'a');
  const struct { const char *name; const char *contents; const char *title; } cases[] = {
    { "headline.txt", "\n  Seagrass is shrinking  \r\n\nThe meadows are going.\n",
      "Seagrass is shrinking" },
    { "one-paragraph.txt", paragraph, "one-paragraph" },
    { "no-title.html", "<!DOCTYPE html><html><body><p>Only a paragraph.</p></body></html>",
      "no-title" },
  };
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto(Run) run;

      g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
      RUN (&run, "--draft", path);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (json_object_get_string_member (drafted_article (parser, run.out), "title"),
                       ==, cases[i].title);
    }
  remove_tree (dir);
}

/* An article that cannot be read is named as typed, with the reason, and
 * nothing is written. */
static void
test_draft_bad_article (void)
{
  const struct { const char *name; const char *error; } cases[] = {
    { "missing.txt", "missing.txt: cannot read the file: no such file\n" },
    { "latin1.txt", "latin1.txt:2:8: not UTF-8 (byte 0xE9); save the article as UTF-8 and "
                    "choose it again\n" },
  };
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-XXXXXX", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "latin1.txt", NULL);

  g_assert_true (g_file_set_contents (latin1, "A headline\nThe caf\xe9 is open.\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint to_file = 0; to_file < 2; to_file++)
      {
        const char *args[] = { "--draft", cases[i].name, "-o", "map.json", NULL };
        g_auto(Run) run;

        if (!to_file)
          args[2] = NULL;
        run_in (&run, dir, NULL, NULL, args);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_cmpstr (run.err, ==, cases[i].error);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_cmpuint (count_entries (dir), ==, 1);
      }
  remove_tree (dir);
}

static void
test_version (void)
{
  g_auto(Run) run;

  RUN (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "quotegraph " PACKAGE_VERSION "\n");
}

/* The second export of a map is drawn from the cache of layouts, to the
 * byte; --no-cache reads and writes none. A layout worker that crashes
 * is an error that says so, and writes nothing. */
static void
test_export_cache (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-cli-cache-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *layouts = g_build_filename (cache, "quotegraph", "layouts", NULL);
  g_autofree char *first = g_build_filename (dir, "first.svg", NULL);
  g_autofree char *second = g_build_filename (dir, "second.svg", NULL);
  g_autofree char *crashed = g_build_filename (dir, "crashed.svg", NULL);
  g_autofree char *crash = g_test_build_filename (G_TEST_DIST, "data", "workers", "crash.sh",
                                                  NULL);
  g_autofree char *saved_cache = g_strdup (g_getenv ("XDG_CACHE_HOME"));
  g_autofree char *saved_worker = g_strdup (g_getenv ("QUOTEGRAPH_LAYOUT_WORKER"));
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  {
    g_auto(Run) run;

    RUN (&run, "--no-cache", "--export", first);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_false (g_file_test (layouts, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run;

    RUN (&run, "--export", second);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (count_entries (layouts), ==, 1);
  }
  a = read_file (first);
  b = read_file (second);
  g_assert_cmpstr (a, ==, b);

  /* From the cache: no worker is needed, and none that works is there. */
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", crash, TRUE);
  {
    g_auto(Run) run;
    g_autofree char *c = NULL;

    g_unlink (second);
    RUN (&run, "--export", second);
    g_assert_cmpint (run.status, ==, 0);
    c = read_file (second);
    g_assert_cmpstr (a, ==, c);
  }
  {
    g_auto(Run) run;

    RUN (&run, "--no-cache", "--export", crashed);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "crashed.svg: Graphviz crashed during the dot layout"));
    g_assert_false (g_file_test (crashed, G_FILE_TEST_EXISTS));
  }
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", saved_worker, TRUE);

  /* QUOTEGRAPH_DEBUG=timings says how long each phase took, and no
   * more than that on standard error. */
  g_setenv ("QUOTEGRAPH_DEBUG", "timings", TRUE);
  {
    g_auto(Run) run;
    static const char * const phases[] = { "parse", "read", "verify", "load", "graph", "layout",
                                           "export" };
    g_auto(GStrv) lines = NULL;

    RUN (&run, "--no-cache", "--export", first);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (run.err, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (phases) + 1);
    for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
      {
        g_autofree char *start = g_strdup_printf ("quotegraph: timings: %s ", phases[i]);

        g_assert_true (g_str_has_prefix (lines[i], start));
        g_assert_nonnull (strstr (lines[i], " ms   peak "));
      }
  }
  g_unsetenv ("QUOTEGRAPH_DEBUG");
  g_setenv ("XDG_CACHE_HOME", saved_cache, TRUE);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("QUOTEGRAPH"));

  g_test_add_func ("/quotegraph/cli/check-bundled", test_check_bundled);
  g_test_add_func ("/quotegraph/cli/check-needs-no-display", test_check_needs_no_display);
  g_test_add_func ("/quotegraph/cli/check-broken-prints-every-error",
                   test_check_broken_prints_every_error);
  g_test_add_func ("/quotegraph/cli/check-syntax-error", test_check_syntax_error);
  g_test_add_func ("/quotegraph/cli/check-aif", test_check_aif);
  g_test_add_func ("/quotegraph/cli/check-dot", test_check_dot);
  g_test_add_func ("/quotegraph/cli/export-dot", test_export_dot);
  g_test_add_func ("/quotegraph/cli/export-aif-map", test_export_aif_map);
  g_test_add_func ("/quotegraph/cli/empty-map", test_empty_map);
  g_test_add_func ("/quotegraph/cli/export-svg", test_export_svg);
  g_test_add_func ("/quotegraph/cli/export-without-drafts", test_export_without_drafts);
  g_test_add_func ("/quotegraph/cli/export-aif", test_export_aif);
  g_test_add_func ("/quotegraph/cli/same-picture-every-engine", test_same_picture_every_engine);
  g_test_add_func ("/quotegraph/cli/bad-document-writes-nothing",
                   test_bad_document_writes_nothing);
  g_test_add_func ("/quotegraph/cli/unwritable-output-leaves-nothing",
                   test_unwritable_output_leaves_nothing);
  g_test_add_func ("/quotegraph/cli/failed-write-keeps-the-earlier-file",
                   test_failed_write_keeps_the_earlier_file);
  g_test_add_func ("/quotegraph/cli/export-long-name", test_export_long_name);
  g_test_add_func ("/quotegraph/cli/export-into-a-file", test_export_into_a_file);
  g_test_add_func ("/quotegraph/cli/export-onto-a-symlink", test_export_onto_a_symlink);
  g_test_add_func ("/quotegraph/cli/draft-to-stdout", test_draft_to_stdout);
  g_test_add_func ("/quotegraph/cli/draft-output", test_draft_output);
  g_test_add_func ("/quotegraph/cli/draft-html", test_draft_html);
  g_test_add_func ("/quotegraph/cli/draft-title", test_draft_title);
  g_test_add_func ("/quotegraph/cli/draft-bad-article", test_draft_bad_article);
  g_test_add_func ("/quotegraph/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/quotegraph/cli/version", test_version);
  g_test_add_func ("/quotegraph/cli/export-cache", test_export_cache);

  return g_test_run ();
}
