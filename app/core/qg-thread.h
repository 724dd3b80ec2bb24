/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called by work that runs beside the window (a load, a layout, an
 * export, in a thread or in the layout worker): it gives way to the main
 * loop and to the display server, so that on a machine of two cores the
 * frames come first. Lasts for the rest of the thread's life. */
void qg_thread_give_way (void);

/* Runs @func (@data) in a thread of its own, which ends with it: work
 * that nothing waits for, such as freeing what is no longer shown. FALSE
 * if no thread could be had; then nothing is done, and the caller does
 * the work itself. */
gboolean qg_thread_start_beside (const char  *name,
                                 GThreadFunc  func,
                                 gpointer     data);

G_END_DECLS
