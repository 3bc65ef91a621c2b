/* ld-loader-private.h — the loader's knobs, for tests and the benchmark
 *
 * Only tests and bench/ include this: the application loads with the defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-loader.h"

G_BEGIN_DECLS

typedef struct {
  gsize          chunk_size;     /* bytes read at a time; 0: 256 KiB */
  guint          n_threads;      /* threads parsing; 0: one per processor, at most 8 */
  guint64        min_part_size;  /* the smallest part a file is cut into; 0: 8 MiB */
  /* Cut every file here instead (file offsets, ascending): each cut moves to the
   * first line start at or after it, whatever that line holds — inside a quoted
   * field too, which is what the tests of the loader's guesses need. */
  const guint64 *splits;
  guint          n_splits;
  /* Split lines with the portable code, not SIMD: tests check both read alike. */
  gboolean       portable_scan;
  /* Intern every cell on its own, not runs of cells at once (ld-report-builder.c). */
  gboolean       no_spans;
} LdLoadOptions;

LdReport *ld_loader_load_files_with_options (GFile *const         *files,
                                             guint                 n_files,
                                             const LdLoadOptions  *options,
                                             GCancellable         *cancellable,
                                             LdProgressFunc        progress,
                                             gpointer              user_data,
                                             GError              **error);

/* Several reports in memory, read as one (SPEC §7). */
LdReport *ld_loader_load_datas_with_options (const char *const   *datas,
                                             const gsize         *lens,
                                             const char *const   *display_names,
                                             guint                n_files,
                                             const LdLoadOptions *options,
                                             GError             **error);

G_END_DECLS
