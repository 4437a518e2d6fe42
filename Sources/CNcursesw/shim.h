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
#include <string.h>
#include <ncursesw/ncurses.h>

static inline int qn_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// Starts curses on the process's own terminal; NULL (instead of exiting, as initscr does) when it cannot.
static inline SCREEN *qn_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline int qn_key_f(int n) { return KEY_F(n); }

static inline int qn_attr_set(WINDOW *win, attr_t attrs, short pair) { return wattr_set(win, attrs, pair, NULL); }
static inline int qn_mvaddnwstr(WINDOW *win, int y, int x, const wchar_t *text, int n) {
    return mvwaddnwstr(win, y, x, text, n);
}

static inline mmask_t qn_mouse_all(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t qn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t qn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t qn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t qn_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t qn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t qn_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}

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
