// The C side of RouterLab's ncurses backend: wide-character API switched on, and static inline
// wrappers for the globals and function-like macros that Swift 6 cannot import.
#ifndef ROUTERLAB_CNCURSESW_SHIM_H
#define ROUTERLAB_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// XSI functions that Swift's Glibc module does not expose.
extern int wcwidth(wchar_t c);

/// Columns the C library gives a wide character in the current locale (-1: unprintable).
static inline int routerlab_wcwidth(int c) { return wcwidth((wchar_t)c); }

/// Starts ncurses on stdout/stdin with $TERM; NULL (instead of exiting) when TERM is unknown.
static inline SCREEN *routerlab_newterm(void) {
  FILE *out = fdopen(1, "w");
  FILE *in = fdopen(0, "r");
  if (out == NULL || in == NULL) return NULL;
  return newterm(NULL, out, in);
}

// Globals, read through functions because Swift 6 rejects C global variables.
static inline WINDOW *routerlab_stdscr(void) { return stdscr; }
static inline int routerlab_colors(void) { return COLORS; }
static inline int routerlab_color_pairs(void) { return COLOR_PAIRS; }

// Attribute macros.
static inline attr_t routerlab_a_normal(void) { return A_NORMAL; }
static inline attr_t routerlab_a_bold(void) { return A_BOLD; }
static inline attr_t routerlab_a_dim(void) { return A_DIM; }
static inline attr_t routerlab_a_reverse(void) { return A_REVERSE; }
static inline attr_t routerlab_a_underline(void) { return A_UNDERLINE; }

/// A terminfo string capability, or NULL when absent or not a string capability.
static inline const char *routerlab_string_cap(const char *name) {
  char *value = tigetstr((char *)name);
  if (value == NULL || value == (char *)-1) return NULL;
  return value;
}

/// Draws one cell at (y, x): `count` wide characters (a spacing one, then combining ones), with
/// attributes and an extended colour pair (which may exceed the 16-bit pair argument).
static inline int routerlab_put_cell(WINDOW *win, int y, int x, const wchar_t *text, int count,
                                     attr_t attrs, int pair) {
  wchar_t buffer[CCHARW_MAX + 1];
  if (count > CCHARW_MAX) count = CCHARW_MAX;
  for (int i = 0; i < count; i++) buffer[i] = text[i];
  buffer[count] = 0;
  cchar_t cell;
  if (setcchar(&cell, buffer, attrs, 0, &pair) != OK) return ERR;
  return mvwadd_wch(win, y, x, &cell);
}

/// Most characters a cell can hold (one spacing character plus combining characters).
static inline int routerlab_cchar_max(void) { return CCHARW_MAX; }

#endif
