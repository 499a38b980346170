#ifndef JOULE_GNUPLOT_BRIDGE_H
#define JOULE_GNUPLOT_BRIDGE_H
// C interface over gnuplot-iostream, called from Swift (filled in by the plotting work).
#ifdef __cplusplus
extern "C" {
#endif
#ifdef __cplusplus
}
#endif
#endif
