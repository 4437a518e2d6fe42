// The one door to ncurses. SwiftPM drops pkg-config -D flags, so the wide-character API is switched on here,
// and the macros and globals Swift cannot import (stdscr, LINES, COLS, A_*, getmaxyx) are wrapped.
#ifndef QNREAD_CNCURSESW_SHIM_H
#define QNREAD_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *qn_stdscr(void) { return stdscr; }
static inline int qn_lines(void) { return LINES; }
static inline int qn_cols(void) { return COLS; }
static inline int qn_colors(void) { return COLORS; }
static inline int qn_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t qn_a_normal(void) { return A_NORMAL; }
static inline attr_t qn_a_bold(void) { return A_BOLD; }
static inline attr_t qn_a_dim(void) { return A_DIM; }
static inline attr_t qn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t qn_a_reverse(void) { return A_REVERSE; }
static inline attr_t qn_a_italic(void) { return A_ITALIC; }
static inline attr_t qn_a_standout(void) { return A_STANDOUT; }

#endif
