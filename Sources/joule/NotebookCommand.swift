/// `joule run x.jnb` and `joule export`: the bridge from the command line to the Notebook module.
/// STUB: the notebook work fills these in. Returns the process exit code.
func runNotebook(path: String) -> Int32 { 70 }
func exportNotebook(path: String, format: String, to directory: String?) -> Int32 { 70 }
