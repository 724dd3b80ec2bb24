/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A DOT file of 1,000 nodes in clusters drawn by `quotegraph --export`,
 * beside Graphviz's own `dot -Tsvg` on the same file. A benchmark: it
 * prints what it measures and asserts nothing of time. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

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
  g_unlink (ours);
  g_unlink (gv);
  g_rmdir (dir);
  return 0;
}
