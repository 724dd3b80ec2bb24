/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#include "qg-thread.h"

/* Nice enough that the main loop wins each time both are ready, not so
 * nice that the work starves on a busy machine. */
#define BACKGROUND_NICE 10

void
qg_thread_give_way (void)
{
#ifdef __linux__
  /* On Linux each thread has a niceness of its own (POSIX would make it
   * the whole process's: then nothing is done). A thread of GLib's pool
   * stays niced for the tasks it runs later: all of them are background
   * work too. */
  id_t thread = (id_t) syscall (SYS_gettid);
  int nice;

  errno = 0;
  nice = getpriority (PRIO_PROCESS, thread);
  if (errno == 0 && nice < BACKGROUND_NICE)
    (void) setpriority (PRIO_PROCESS, thread, BACKGROUND_NICE);
#endif
}

gboolean
qg_thread_start_beside (const char  *name,
                        GThreadFunc  func,
                        gpointer     data)
{
  GThread *thread = g_thread_try_new (name, func, data, NULL);

  if (thread == NULL)
    return FALSE;
  g_thread_unref (thread);
  return TRUE;
}
