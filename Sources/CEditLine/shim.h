// libedit (Debian: libedit-dev). Its variadic el_set/history cannot be called from Swift;
// the EditLineShim target wraps the calls joule needs.
#include <stdio.h>
#include <histedit.h>
