// Module Learn.
