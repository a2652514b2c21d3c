import Foundation

/// The command line: a subcommand, `--name value` options and flags.
/// Environment variables `NAKANO_<NAME>` (upper case, `-` as `_`) stand in
/// for options that are not given.
struct Options {
    let command: String
    private var values: [String: String] = [:]
    /// Positional arguments after the command (`backup PATH`).
    private(set) var operands: [String] = []
    /// The options as given, for handing on to a worker process.
    private(set) var optionArguments: [String] = []

    /// Options that take no value.
    static let flags: Set<String> = ["help", "no-supervise"]
    /// Commands that take one positional argument.
    static let commandsWithOperand: Set<String> = ["backup", "restore"]

    init(_ arguments: [String]) throws {
        var rest = arguments.dropFirst()
        var command = "serve"
        if let first = rest.first, !first.hasPrefix("-") {
            command = first
            rest = rest.dropFirst()
            if command == "token" || command == "account", let sub = rest.first, !sub.hasPrefix("-") {
                command += " " + sub
                rest = rest.dropFirst()
            }
        }
        self.command = command
        var iterator = rest.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else {
                guard Self.commandsWithOperand.contains(command), operands.isEmpty else {
                    throw UsageError("unexpected argument \"\(argument)\"")
                }
                operands.append(argument)
                continue
            }
            let name = String(argument.dropFirst(2))
            optionArguments.append(argument)
            if let eq = name.firstIndex(of: "=") {
                values[String(name[..<eq])] = String(name[name.index(after: eq)...])
            } else if Self.flags.contains(name) {
                values[name] = "true"
            } else {
                guard let value = iterator.next() else { throw UsageError("option --\(name) needs a value") }
                values[name] = value
                optionArguments.append(value)
            }
        }
    }

    /// Whether flag `name` is given, or its environment variable is `1` or `true`.
    func flag(_ name: String) -> Bool {
        if values[name] != nil { return true }
        let key = "NAKANO_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
        return ["1", "true"].contains(ProcessInfo.processInfo.environment[key]?.lowercased() ?? "")
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
