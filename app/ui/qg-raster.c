/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-raster"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qg-raster.h"

QgPaint
qg_paint_from_rgba (double red,
                    double green,
                    double blue,
                    double alpha)
{
  QgPaint paint;
  double a = CLAMP (alpha, 0, 1);

  paint.a = (guint) (a * 255 + 0.5);
  paint.r = (guint) (CLAMP (red, 0, 1) * a * 255 + 0.5);
  paint.g = (guint) (CLAMP (green, 0, 1) * a * 255 + 0.5);
  paint.b = (guint) (CLAMP (blue, 0, 1) * a * 255 + 0.5);
  paint.packed = (paint.a << 24) | (paint.r << 16) | (paint.g << 8) | paint.b;
  return paint;
}

/* Each of the four 8-bit channels of @x times @a / 255, two at a time. */
static inline guint32
scale_channels (guint32 x,
                guint   a)
{
  guint32 rb = (x & 0x00ff00ffu) * a + 0x00800080u;
  guint32 ag = ((x >> 8) & 0x00ff00ffu) * a + 0x00800080u;

  rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
  ag = (ag + ((ag >> 8) & 0x00ff00ffu)) & 0xff00ff00u;
  return rb | ag;
}

/* src over dst, premultiplied, with @coverage (0–255) of the paint. No
 * channel can overflow: premultiplied components never exceed alpha. */
static inline void
blend (guint32       *pixel,
       const QgPaint *paint,
       guint          coverage)
{
  guint32 src = coverage >= 255 ? paint->packed : scale_channels (paint->packed, coverage);

  *pixel = src + scale_channels (*pixel, 255 - (src >> 24));
}

/* Clips the segment to the raster (plus a pixel), Liang–Barsky. */
static gboolean
clip_line (const QgRaster *raster,
           double         *x0,
           double         *y0,
           double         *x1,
           double         *y1)
{
  double t0 = 0, t1 = 1;
  double dx = *x1 - *x0, dy = *y1 - *y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x0 + 1, raster->width - *x0, *y0 + 1, raster->height - *y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      {
        double r = q[i] / p[i];

        if (p[i] < 0)
          t0 = MAX (t0, r);
        else
          t1 = MIN (t1, r);
      }
      if (t0 > t1)
        return FALSE;
    }
  *x1 = *x0 + t1 * dx;
  *y1 = *y0 + t1 * dy;
  *x0 = *x0 + t0 * dx;
  *y0 = *y0 + t0 * dy;
  return TRUE;
}

void
qg_raster_line (QgRaster      *raster,
                double         x0,
                double         y0,
                double         x1,
                double         y1,
                const QgPaint *paint)
{
  gboolean steep;
  double dx, dy, gradient;

  if (!clip_line (raster, &x0, &y0, &x1, &y1))
    return;

  /* Pixel centres are at half coordinates. */
  x0 -= 0.5;
  y0 -= 0.5;
  x1 -= 0.5;
  y1 -= 0.5;

  steep = fabs (y1 - y0) > fabs (x1 - x0);
  if (steep)
    {
      double t;
      t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }
  if (x0 > x1)
    {
      double t;
      t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
    }
  dx = x1 - x0;
  dy = y1 - y0;
  gradient = dx > 1e-9 ? dy / dx : 0;

  {
    /* Clipped coordinates are at least -1.5: shifting by 2 keeps the
     * integer part of a cast a floor. The minor coordinate steps in 16.16
     * fixed point. */
    int x_start = (int) (x0 + 2.5) - 2;
    int x_end = (int) (x1 + 2.5) - 2;
    gint64 fy = (gint64) ((y0 + gradient * (x_start - x0) + 2) * 65536);
    gint64 step = (gint64) (gradient * 65536);
    int minor_limit = steep ? raster->width : raster->height;
    int major_limit = steep ? raster->height : raster->width;
    guint32 *base = (guint32 *) (gpointer) raster->data;
    int stride = raster->stride / 4;

    x_start = MAX (x_start, 0);
    if (x_start != (int) (x0 + 2.5) - 2)
      fy += step * (x_start - ((int) (x0 + 2.5) - 2));
    x_end = MIN (x_end, major_limit - 1);

    for (int x = x_start; x <= x_end; x++, fy += step)
      {
        int iy = (int) (fy >> 16) - 2;
        guint f = (guint) ((fy >> 8) & 0xff);

        if (steep)
          {
            guint32 *row = base + x * stride;

            if ((guint) iy < (guint) minor_limit)
              blend (row + iy, paint, 255 - f);
            if ((guint) (iy + 1) < (guint) minor_limit && f != 0)
              blend (row + iy + 1, paint, f);
          }
        else
          {
            if ((guint) iy < (guint) minor_limit)
              blend (base + iy * stride + x, paint, 255 - f);
            if ((guint) (iy + 1) < (guint) minor_limit && f != 0)
              blend (base + (iy + 1) * stride + x, paint, f);
          }
      }
  }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
qg_raster_fill_polygon (QgRaster      *raster,
                        const double  *pts,
                        int            n,
                        const QgPaint *paint)
{
  double ymin = G_MAXDOUBLE, ymax = -G_MAXDOUBLE;
  double xs[64];
  int y_start, y_end;

  if (n < 3)
    return;
  for (int i = 0; i < n; i++)
    {
      ymin = MIN (ymin, pts[2 * i + 1]);
      ymax = MAX (ymax, pts[2 * i + 1]);
    }
  y_start = MAX (0, (int) ceil (ymin - 0.5));
  y_end = MIN (raster->height - 1, (int) floor (ymax - 0.5));

  for (int y = y_start; y <= y_end; y++)
    {
      double sy = y + 0.5;
      int k = 0;
      guint32 *row = (guint32 *) (gpointer) (raster->data + y * raster->stride);

      for (int i = 0, j = n - 1; i < n && k < (int) G_N_ELEMENTS (xs); j = i++)
        {
          double ya = pts[2 * i + 1], yb = pts[2 * j + 1];

          if ((ya > sy) != (yb > sy))
            xs[k++] = pts[2 * i] + (sy - ya) * (pts[2 * j] - pts[2 * i]) / (yb - ya);
        }
      if (k > 8)
        qsort (xs, k, sizeof (double), compare_doubles);
      else
        for (int a = 1; a < k; a++)
          for (int b = a; b > 0 && xs[b - 1] > xs[b]; b--)
            {
              double t = xs[b];
              xs[b] = xs[b - 1];
              xs[b - 1] = t;
            }
      for (int i = 0; i + 1 < k; i += 2)
        {
          int x_start = MAX (0, (int) ceil (xs[i] - 0.5));
          int x_end = MIN (raster->width - 1, (int) floor (xs[i + 1] - 0.5));

          for (int x = x_start; x <= x_end; x++)
            blend (row + x, paint, 255);
        }
    }
}

void
qg_raster_fill_rectangle (QgRaster      *raster,
                          double         x,
                          double         y,
                          double         width,
                          double         height,
                          const QgPaint *paint)
{
  double pts[8] = { x, y, x + width, y, x + width, y + height, x, y + height };

  /* Thinner than a pixel: a line, so that it does not vanish. */
  if (height < 1)
    {
      QgPaint faint = *paint;

      faint.packed = scale_channels (paint->packed, (guint) (MAX (height, 0.25) * 255));
      qg_raster_line (raster, x, y + height / 2, x + width, y + height / 2, &faint);
      return;
    }
  qg_raster_fill_polygon (raster, pts, 4, paint);
}
