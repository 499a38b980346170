// Module Energy.
