/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A DOT file of 1,000 nodes in clusters drawn by `quotegraph --export`,
 * beside Graphviz's own `dot -Tsvg` on the same file; and, given
 * bench-open and xdot-render.py, the same file opened in the window: the
 * time to its first frame, the main loop's longest stall meanwhile, and
 * a frame of it fitted, beside xdot.py's frame of Graphviz's xdot of it.
 * A benchmark: it prints what it measures and asserts nothing of time.
 *
 * bench-dot QUOTEGRAPH [BENCH-OPEN XDOT-RENDER.PY] */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-stats.h"

#define ROUNDS 3
#define N_NODES 1000
#define PER_CLUSTER 50

/* Clusters of 50 nodes, each node led to the next two of its cluster and,
 * now and then, to one of the next cluster: a hierarchy with crossings. */
static GString *
make_graph (void)
{
  GString *dot = g_string_new ("digraph bench {\n  node [shape=box, style=filled, "
                               "fillcolor=lightyellow];\n");

  for (guint c = 0; c < N_NODES / PER_CLUSTER; c++)
    {
      g_string_append_printf (dot, "  subgraph cluster_%u {\n    label=\"Cluster %u\";\n", c, c);
      for (guint i = c * PER_CLUSTER; i < (c + 1) * PER_CLUSTER; i++)
        g_string_append_printf (dot, "    n%u [label=\"Node %u\"];\n", i, i);
      g_string_append (dot, "  }\n");
    }
  for (guint i = 0; i < N_NODES; i++)
    {
      guint base = i / PER_CLUSTER * PER_CLUSTER;

      for (guint k = 1; k <= 2; k++)
        if (i + k < base + PER_CLUSTER)
          g_string_append_printf (dot, "  n%u -> n%u;\n", i, i + k);
      if (i % 17 == 0 && base + PER_CLUSTER < N_NODES)
        g_string_append_printf (dot, "  n%u -> n%u [color=red];\n", i,
                                base + PER_CLUSTER + i % PER_CLUSTER);
    }
  g_string_append (dot, "}\n");
  return dot;
}

static double
seconds_of (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  if (error != NULL || !g_spawn_check_wait_status (status, NULL))
    {
      fprintf (stderr, "bench-dot: %s failed\n", argv[0]);
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

/* @argv's output, or exits saying it failed; under xvfb-run when there is
 * no display. */
static char *
output_of (const char * const *argv)
{
  g_autoptr(GPtrArray) command = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_ptr_array_add (command, (char *) "xvfb-run");
      g_ptr_array_add (command, (char *) "-a");
      g_ptr_array_add (command, (char *) "-s");
      g_ptr_array_add (command, (char *) "-screen 0 1920x1200x24");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (command, (char *) argv[i]);
  g_ptr_array_add (command, NULL);
  if (!g_spawn_sync (NULL, (char **) command->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                     NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    {
      fprintf (stderr, "bench-dot: %s failed\n", argv[0]);
      exit (1);
    }
  return out;
}

/* The value of "key=value" in @output, or "?". */
static char *
value_of (const char *output,
          const char *key)
{
  g_auto(GStrv) words = g_strsplit_set (output, " \n", -1);
  gsize length = strlen (key);

  for (guint i = 0; words[i] != NULL; i++)
    if (strncmp (words[i], key, length) == 0 && words[i][length] == '=')
      return g_strdup (words[i] + length + 1);
  return g_strdup ("?");
}

static void
window_figures (const char *bench_open,
                const char *xdot_render,
                const char *dir,
                const char *gv)
{
  g_autofree char *xdot = g_build_filename (dir, "bench.xdot", NULL);
  g_autofree char *ours = NULL;
  g_autofree char *xdot_text = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *to_map = NULL;
  g_autofree char *stall = NULL;
  g_autofree char *frame = NULL;
  g_autofree char *their_frame = NULL;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  ours = output_of ((const char *[]) { bench_open, "--dot", "--size", "1366x768", gv, NULL });
  xdot_text = output_of ((const char *[]) { "dot", "-Txdot", gv, NULL });
  if (!g_file_set_contents (xdot, xdot_text, -1, NULL))
    exit (1);
  theirs = output_of ((const char *[]) { "/usr/bin/python3", xdot_render, "--frames", "10",
                                         "--size", "1366x768", xdot, NULL });
  g_unlink (xdot);
  to_map = value_of (ours, "ms_to_map");
  stall = value_of (ours, "longest_stall_ms");
  frame = value_of (ours, "frame_ms");
  their_frame = value_of (theirs, "ms_per_frame");
  printf ("In the window (1366x768, fitted):\n");
  printf ("  open to first frame          %7s ms (longest stall %s ms)\n", to_map, stall);
  printf ("  one frame                    %7s ms\n", frame);
  printf ("  xdot.py, one frame           %7s ms\n", their_frame);
}

int
main (int   argc,
      char *argv[])
{
  const char *quotegraph = argc > 1 ? argv[1] : g_getenv ("QUOTEGRAPH");
  g_autofree char *dir = g_dir_make_tmp ("qg-bench-dot-XXXXXX", NULL);
  g_autofree char *gv = g_build_filename (dir, "bench.gv", NULL);
  g_autofree char *ours = g_build_filename (dir, "ours.svg", NULL);
  g_autoptr(GString) dot = make_graph ();
  double ours_s[ROUNDS], dot_s[ROUNDS];

  if (quotegraph == NULL || dir == NULL || !g_file_set_contents (gv, dot->str, dot->len, NULL))
    {
      fprintf (stderr, "bench-dot: give the quotegraph program\n");
      return 1;
    }
  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *export[] = { quotegraph, "--export", ours, gv, NULL };
      const char *reference[] = { "dot", "-Tsvg", gv, NULL };

      ours_s[round] = seconds_of (export);
      dot_s[round] = seconds_of (reference);
    }
  qsort (ours_s, ROUNDS, sizeof (double), bench_compare_doubles);
  qsort (dot_s, ROUNDS, sizeof (double), bench_compare_doubles);
  printf ("DOT of %u nodes in %u clusters (%.0f KB), median of %u:\n", N_NODES,
          N_NODES / PER_CLUSTER, dot->len / 1e3, ROUNDS);
  printf ("  quotegraph --export OUT.svg  %7.3f s\n", ours_s[ROUNDS / 2]);
  printf ("  dot -Tsvg                    %7.3f s\n", dot_s[ROUNDS / 2]);
  if (argc > 3)
    window_figures (argv[2], argv[3], dir, gv);
  g_unlink (ours);
  g_unlink (gv);
  g_rmdir (dir);
  return 0;
}
