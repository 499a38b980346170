#ifndef JOULE_EDITLINE_SHIM_H
#define JOULE_EDITLINE_SHIM_H
// Non-variadic wrappers over libedit's el_set and history (filled in by the REPL work).
#include <stdio.h>
#include <histedit.h>
#endif
