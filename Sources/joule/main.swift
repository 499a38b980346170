// The joule executable: REPL and command line (built by the foundation work).
print("joule")
