// The joule executable: the REPL and the command line.
//
//     joule                      # the prompt (or a script read from a pipe)
//     joule run train.joule      # run scripts and notebooks
JouleCommand.main()
