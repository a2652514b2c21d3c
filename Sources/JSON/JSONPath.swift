/// JSON paths as every message of the service writes them: `$`, then `.name`
/// for a field and `[i]` for an array position (`$.closures[0].from`).
public enum JSONPath {
    /// One step of a path.
    public enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public static func text(_ components: [Component]) -> String {
        var text = "$"
        for component in components {
            switch component {
            case .key(let name): text += "." + name
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The path of a `Decoder`'s coding path.
    public static func text(_ codingPath: [any CodingKey]) -> String {
        text(codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) })
    }
}
