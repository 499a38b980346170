// Module Plot.
