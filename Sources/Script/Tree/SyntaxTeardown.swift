/// Releases syntax trees without recursion.
///
///     var roots: [Node] = [program]
///     program = nil
///     SyntaxTeardown.release(&roots)
///
/// A tree released the ordinary way frees a node, whose release frees its children, and so
/// on: one nested call per level. `1 + 1 + ... + 1` with 200,000 terms is a left-leaning
/// chain 200,000 levels deep, which overflows an 8 MiB thread stack (a notebook's syntax
/// check, the prompt's, a closure freed with the session). Here every node is first held
/// by a flat list, parents before children; dropping the list front to back then frees
/// each node while its children are still held by the list, so no release nests.
enum SyntaxTeardown {
  /// Releases `roots` (emptying it). A node still referenced elsewhere (a closure's body)
  /// stays alive with its subtree whole; it is only visited.
  static func release(_ roots: inout [Node]) {
    guard !roots.isEmpty else { return }
    var order = roots
    roots = []
    var i = 0
    while i < order.count {
      order.append(contentsOf: order[i].children)
      i += 1
    }
    // Front to back: each node's parent has gone before it, so it dies holding children
    // that the list still keeps.
    for k in order.indices { order[k] = Node.placeholder }
  }
}
