/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small software rasteriser for the map seen from afar: thousands of
 * one-pixel lines and small shapes, where cairo's general path machinery
 * spends most of its time on setting up each shape. Pixels are
 * premultiplied ARGB32, as cairo and GdkMemoryTexture use them. */

typedef struct
{
  guint8 *data;
  int     width;
  int     height;
  int     stride;
} QgRaster;

typedef struct
{
  /* Premultiplied, 0–255, and packed as a pixel. */
  guint   a, r, g, b;
  guint32 packed;
} QgPaint;

QgPaint qg_paint_from_rgba       (double          red,
                                  double          green,
                                  double          blue,
                                  double          alpha);

/* An antialiased line one pixel wide (Xiaolin Wu's). */
void    qg_raster_line           (QgRaster       *raster,
                                  double          x0,
                                  double          y0,
                                  double          x1,
                                  double          y1,
                                  const QgPaint  *paint);
/* A polygon, even-odd, sampled at pixel centres. */
void    qg_raster_fill_polygon   (QgRaster       *raster,
                                  const double   *points,
                                  int             n_points,
                                  const QgPaint  *paint);
void    qg_raster_fill_rectangle (QgRaster       *raster,
                                  double          x,
                                  double          y,
                                  double          width,
                                  double          height,
                                  const QgPaint  *paint);

G_END_DECLS
