// Module Tune.
