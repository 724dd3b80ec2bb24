/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* QUOTEGRAPH_DEBUG=timings: each phase of opening or exporting a map
 * (read, parse, verify, layout, first frame, write) printed on standard
 * error as it ends, with how long it took, the process's peak memory so
 * far, and the largest peak of a layout worker that has ended:
 *
 *   quotegraph: timings: verify             12.3 ms   peak 48.2 MB, layout worker's 31.0 MB
 */

gboolean qg_timings_enabled (void);
/* Microseconds, for qg_timings_phase: g_get_monotonic_time (). */
gint64   qg_timings_now     (void);
/* Prints @phase, which began at @since, if timings are on. */
void     qg_timings_phase   (const char *phase,
                             gint64      since);
/* The process's peak resident memory, in bytes (VmHWM), or 0. */
guint64  qg_timings_peak_memory (void);

G_END_DECLS
