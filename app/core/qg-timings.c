/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "qg-timings.h"

static gboolean
timings_enabled (void)
{
  static gsize enabled;

  if (g_once_init_enter (&enabled))
    {
      static const GDebugKey keys[] = { { "timings", 1 } };
      const char *value = g_getenv ("QUOTEGRAPH_DEBUG");
      guint flags = value ? g_parse_debug_string (value, keys, G_N_ELEMENTS (keys)) : 0;

      g_once_init_leave (&enabled, flags ? 2 : 1);
    }
  return enabled == 2;
}

gint64
qg_timings_now (void)
{
  return g_get_monotonic_time ();
}

/* The process's peak resident memory, in bytes (VmHWM), or 0. */
static guint64
peak_memory (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "\nVmHWM:");
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10) * 1024;
}

void
qg_timings_phase (const char *phase,
                  gint64      since)
{
  if (!timings_enabled ())
    return;
  /* One write a line: phases end in more than one thread. */
  {
    struct rusage children = { 0 };
    g_autofree char *line = NULL;

    /* The layout worker's own peak, kept by the kernel once it has ended. */
    getrusage (RUSAGE_CHILDREN, &children);
    line = g_strdup_printf ("quotegraph: timings: %-16s %9.1f ms   peak %.1f MB, "
                            "layout worker's %.1f MB\n",
                            phase, (qg_timings_now () - since) / 1000.0,
                            peak_memory () / 1e6, children.ru_maxrss * 1024 / 1e6);

    fputs (line, stderr);
  }
}
