import Foundation

/// The command line: a subcommand, `--name value` options and flags.
/// Environment variables `NAKANO_<NAME>` (upper case, `-` as `_`) stand in
/// for options that are not given.
struct Options {
    let command: String
    private var values: [String: String] = [:]

    init(_ arguments: [String]) throws {
        var rest = arguments.dropFirst()
        var command = "serve"
        if let first = rest.first, !first.hasPrefix("-") {
            command = first
            rest = rest.dropFirst()
            if (command == "token"), let sub = rest.first, !sub.hasPrefix("-") {
                command += " " + sub
                rest = rest.dropFirst()
            }
        }
        self.command = command
        var iterator = rest.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else { throw UsageError("unexpected argument \"\(argument)\"") }
            let name = String(argument.dropFirst(2))
            if let eq = name.firstIndex(of: "=") {
                values[String(name[..<eq])] = String(name[name.index(after: eq)...])
            } else if name == "help" {
                values["help"] = "true"
            } else {
                guard let value = iterator.next() else { throw UsageError("option --\(name) needs a value") }
                values[name] = value
            }
        }
    }

    /// The option's value, else its environment variable, else nil.
    func value(_ name: String) -> String? {
        if let v = values[name] { return v }
        let key = "NAKANO_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
        if let v = ProcessInfo.processInfo.environment[key], !v.isEmpty { return v }
        return nil
    }

    /// The option's value, else its environment variable, else `fallback`.
    func value(_ name: String, default fallback: String) -> String { value(name) ?? fallback }

    var wantsHelp: Bool { values["help"] != nil }
}

/// A command line that cannot be run; printed with the usage text.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
