// The C side of RouterLab's ncurses backend: wide-character API switched on, and static inline
// wrappers for the globals and function-like macros that Swift 6 cannot import.
#ifndef ROUTERLAB_CNCURSESW_SHIM_H
#define ROUTERLAB_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

#endif
