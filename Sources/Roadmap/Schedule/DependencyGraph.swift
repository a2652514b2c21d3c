/// The items' dependencies (依存関係) as a graph, to find cycles.
struct DependencyGraph: Sendable {
    private let edges: [String: [String]]
    private let order: [String]

    init(items: [RoadmapItem]) {
        var edges: [String: [String]] = [:]
        for item in items where edges[item.id] == nil {
            edges[item.id] = item.dependsOn
        }
        self.edges = edges
        self.order = items.map(\.id)
    }

    /// The first cycle found, as ids from an item back to itself
    /// (`["a", "b", "a"]`), or nil. Self-dependencies are reported elsewhere.
    func firstCycle() -> [String]? {
        var state: [String: Bool] = [:]
        var path: [String] = []

        func visit(_ id: String) -> [String]? {
            if state[id] == true { return nil }
            if state[id] == false, let start = path.firstIndex(of: id) {
                return Array(path[start...]) + [id]
            }
            state[id] = false
            path.append(id)
            for next in edges[id] ?? [] where next != id && edges[next] != nil {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[id] = true
            return nil
        }

        for id in order {
            if let cycle = visit(id) { return cycle }
        }
        return nil
    }
}
