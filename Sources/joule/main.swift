import Foundation

// The joule executable: the REPL and the command line.
//
//     joule                      # the prompt (or a script read from a pipe)
//     joule run train.joule      # run scripts and notebooks

// Line-buffered even into a pipe, so `joule run train.joule | tee log` shows progress as it
// happens and output interleaves with errors on stderr in the order it was made.
setvbuf(stdout, nil, _IOLBF, 0)
JouleCommand.main()
