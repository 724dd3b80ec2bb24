/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* QUOTEGRAPH_DEBUG=timings: each phase of opening or exporting a map
 * (parse, read, verify, load, layout, read layout, first frame, open to
 * frame; for --export, export) printed on standard
 * error as it ends, with how long it took, the process's peak memory so
 * far, and the largest peak of a layout worker that has ended:
 *
 *   quotegraph: timings: verify             12.3 ms   peak 48.2 MB, layout worker's 31.0 MB
 */

/* Microseconds, for qg_timings_phase: g_get_monotonic_time (). */
gint64   qg_timings_now     (void);
/* Prints @phase, which began at @since, if timings are on. */
void     qg_timings_phase   (const char *phase,
                             gint64      since);

G_END_DECLS
