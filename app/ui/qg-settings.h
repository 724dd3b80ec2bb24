/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The application's settings. Where its schema is not installed (the
 * program run from a build tree), the one compiled into the program is
 * used, its settings kept in memory for as long as the program runs, with
 * one warning: the program never aborts for want of it. */
GSettings *qg_settings_new (void);

G_END_DECLS
