import CenterAPI
import Foundation
import HTTPServer
import JSON

/// The requests of the whole-API extremes run, derived from
/// `CenterAPI.endpoints`: for every endpoint, each path parameter, each date,
/// month, instant or number query parameter and each such field of the JSON
/// body (nested ones too) gets every extreme in turn, inside an otherwise
/// ordinary request. bench/extremes/extremes.py does the same from
/// /openapi.json against a separate process.
struct ExtremeRequests {
    enum Kind: Hashable { case date, month, instant, number }

    struct Request {
        let method: HTTPMethod
        let target: String
        let body: String?
        let access: Access
        /// What was varied, for failure messages: `query date="0001-01-01"`.
        let what: String
    }

    static let years = [1, 1899, 1900, 2200, 2201, 9999]

    static let extremes: [Kind: [String]] = {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        var dates = years.flatMap { y in [(1, 1), (1, 31), (2, 28), (2, 29), (12, 31)].map { "\(pad(y, 4))-\(pad($0.0, 2))-\(pad($0.1, 2))" } }
        dates += [1, 2028, 9999].flatMap { y in
            [(0, 1), (13, 1), (1, 0), (1, 32), (2, 30), (4, 30), (4, 31), (12, 1)].map { "\(pad(y, 4))-\(pad($0.0, 2))-\(pad($0.1, 2))" }
        }
        let months = years.flatMap { y in [0, 1, 12, 13].map { "\(pad(y, 4))-\(pad($0, 2))" } }
        let instants = years.flatMap { y in
            ["-01-01T00:00:00Z", "-01-01T00:00:00+14:00", "-12-31T23:59:59+09:00", "-12-31T23:59:59-12:00"].map { pad(y, 4) + $0 }
        }
        let numbers = ["0", "-1", "1", "12", "13", "28", "29", "30", "31", "32"] + years.map(String.init)
            + ["9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e308", "-1e308", "3.5"]
        return [.date: dates + ["", "0", "-1"], .month: months + [""],
                .instant: instants + ["2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", ""], .number: numbers + [""]]
    }()

    /// Ordinary values by parameter or field name, and ids of real objects by path.
    var names: [String: JSONValue]
    var paths: [String: String]
    let date: String, month: String, instant: String

    static let components = Dictionary(Schemas.components, uniquingKeysWith: { first, _ in first })

    /// Every request of every endpoint that takes something to vary.
    func all() -> [Request] { CenterAPI.endpoints.flatMap(requests(for:)) }

    func requests(for endpoint: Endpoint) -> [Request] {
        let pathNames = endpoint.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
        let basePath = Dictionary(uniqueKeysWithValues: pathNames.map { ($0, pathValue(endpoint, $0)) })
        var baseQuery: [(String, String)] = endpoint.parameters.filter(\.required).map { ($0.name, text(value($0.name, $0.schema))) }
        baseQuery.sort { $0.0 < $1.0 }
        let bodyBase = endpoint.requestBody.map { body($0) }
        func request(path: [String: String] = basePath, query: [(String, String)] = baseQuery, body: String? = nil,
                     _ what: String) -> Request {
            var target = endpoint.path
            for (name, value) in path { target = target.replacingOccurrences(of: "{\(name)}", with: Self.escape(value)) }
            if !query.isEmpty { target += "?" + query.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&") }
            let text = body ?? bodyBase.map { String(decoding: $0.serialized(), as: UTF8.self) }
                ?? (endpoint.method == .POST || endpoint.method == .PATCH ? "{}" : nil)
            return Request(method: endpoint.method, target: target, body: text, access: endpoint.access, what: what)
        }
        func replacing(_ query: [(String, String)], _ names: Set<String>, with value: String) -> [(String, String)] {
            query.filter { !names.contains($0.0) } + names.sorted().map { ($0, value) }
        }

        var out: [Request] = []
        // A path id of 1 would name the fixtures' own objects (token 1 is the admin's).
        for name in pathNames {
            for value in Self.extremes[.number, default: []] where value != "1" {
                var path = basePath
                path[name] = value
                out.append(request(path: path, "path \(name)=\"\(value)\""))
            }
        }
        var calendar: [Kind: Set<String>] = [:]
        for parameter in endpoint.parameters {
            guard let kind = kind(parameter.schema) else { continue }
            if kind != .number { calendar[kind, default: []].insert(parameter.name) }
            for value in Self.extremes[kind, default: []] {
                out.append(request(query: replacing(baseQuery, [parameter.name], with: value), "query \(parameter.name)=\"\(value)\""))
            }
        }
        for (kind, names) in calendar where names.count > 1 {
            for value in Self.extremes[kind, default: []] {
                out.append(request(query: replacing(baseQuery, names, with: value), "query \(names.sorted())=\"\(value)\""))
            }
        }
        if let schema = endpoint.requestBody, let base = bodyBase {
            let fields = leaves(schema)
            for (field, kind) in fields {
                for value in Self.extremes[kind, default: []] {
                    let raw = kind == .number && !value.isEmpty
                    let placed = place(value: raw ? .string(Self.rawMarker) : .string(value), at: field[...], in: base, schema: schema)
                    var text = String(decoding: placed.serialized(), as: UTF8.self)
                    if raw { text = text.replacingOccurrences(of: "\"\(Self.rawMarker)\"", with: value) }
                    out.append(request(body: text, "body \(Self.describe(field))=\(raw ? value : "\"\(value)\"")"))
                }
            }
            for kind in [Kind.date, .month, .instant] {
                let same = fields.filter { $0.1 == kind }.map(\.0)
                guard same.count > 1 else { continue }
                for value in Self.extremes[kind, default: []] {
                    let placed = same.reduce(base) { body, field in place(value: .string(value), at: field[...], in: body, schema: schema) }
                    out.append(request(body: String(decoding: placed.serialized(), as: UTF8.self), "body every \(kind) field=\"\(value)\""))
                }
            }
        }
        return out
    }

    // MARK: - Schemas

    enum Step: Hashable { case key(String), index }

    static let rawMarker = "\u{1}raw"

    func resolve(_ schema: JSONValue) -> JSONValue {
        var schema = schema
        while case .string(let ref)? = schema["$ref"], let name = ref.split(separator: "/").last,
              let target = Self.components[String(name)] {
            schema = target
        }
        return schema
    }

    func kind(_ schema: JSONValue) -> Kind? {
        let schema = resolve(schema)
        if case .array(let options)? = schema["oneOf"] { return options.lazy.compactMap(kind).first }
        switch (schema["type"], schema["format"], schema["pattern"]) {
        case (.string("integer")?, _, _), (.string("number")?, _, _): return .number
        case (.string("string")?, .string("date")?, _): return .date
        case (.string("string")?, .string("date-time")?, _): return .instant
        case (.string("string")?, _, .string("^[0-9]{4}-[0-9]{2}$")?): return .month
        default: return nil
        }
    }

    func leaves(_ schema: JSONValue, depth: Int = 0) -> [([Step], Kind)] {
        let schema = resolve(schema)
        guard depth < 5 else { return [] }
        if let kind = kind(schema) { return [([], kind)] }
        if case .array(let options)? = schema["oneOf"] { return options.flatMap { leaves($0, depth: depth + 1) } }
        if schema["type"] == "array", let items = schema["items"] {
            return leaves(items, depth: depth + 1).map { ([.index] + $0.0, $0.1) }
        }
        guard case .object(let properties)? = schema["properties"] else { return [] }
        return properties.flatMap { name, field in leaves(field, depth: depth + 1).map { ([.key(name)] + $0.0, $0.1) } }
    }

    func place(value: JSONValue, at path: ArraySlice<Step>, in body: JSONValue, schema: JSONValue) -> JSONValue {
        guard let step = path.first else { return value }
        let schema = resolve(schema)
        switch step {
        case .index:
            let items = schema["items"] ?? [:]
            let element: JSONValue
            if case .array(let list) = body, let first = list.first { element = first } else { element = self.value("", items) }
            return .array([place(value: value, at: path.dropFirst(), in: element, schema: items)])
        case .key(let name):
            let field = schema["properties"]?[name] ?? [:]
            var pairs: [(String, JSONValue)] = []
            if case .object(let existing) = body { pairs = existing }
            let current = pairs.first { $0.0 == name }?.1 ?? self.value(name, field)
            let placed = place(value: value, at: path.dropFirst(), in: current, schema: field)
            if let index = pairs.firstIndex(where: { $0.0 == name }) { pairs[index].1 = placed } else { pairs.append((name, placed)) }
            return .object(pairs)
        }
    }

    /// An ordinary value for a parameter or field: the fixtures' own where named, else one the schema allows.
    func value(_ name: String, _ schema: JSONValue) -> JSONValue {
        if let named = names[name] { return named }
        let schema = resolve(schema)
        if case .array(let options)? = schema["oneOf"], let first = options.first(where: { $0["type"] != "null" }) {
            return value(name, first)
        }
        if case .array(let values)? = schema["enum"], let first = values.first { return first }
        switch kind(schema) {
        case .date?: return .string(date)
        case .month?: return .string(month)
        case .instant?: return .string(instant)
        case .number?: return schema["minimum"] ?? 1
        case nil: break
        }
        if schema["type"] == "boolean" { return false }
        if schema["type"] == "array" { return [value(name, schema["items"] ?? [:])] }
        if schema["properties"] != nil { return body(schema) }
        return "extremes"
    }

    /// An object with its required fields and every field the fixtures name.
    func body(_ schema: JSONValue) -> JSONValue {
        let schema = resolve(schema)
        var required: Set<String> = []
        if case .array(let list)? = schema["required"] {
            required = Set(list.compactMap { if case .string(let s) = $0 { s } else { nil } })
        }
        guard case .object(let properties)? = schema["properties"] else { return [:] }
        return .object(properties.filter { required.contains($0.0) || names[$0.0] != nil }.map { ($0.0, value($0.0, $0.1)) })
    }

    /// A path parameter's ordinary value: the object `paths` names for the
    /// method and path, or for a path starting like it, else 1.
    func pathValue(_ endpoint: Endpoint, _ name: String) -> String {
        if let exact = paths["\(endpoint.method.rawValue) \(endpoint.path)"] { return exact }
        return paths.first { key, _ in
            key.hasPrefix("/") && key.hasSuffix("{\(name)}") && endpoint.path.hasPrefix(key.prefix { $0 != "{" })
        }?.value ?? "1"
    }

    func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .int(let n): String(n)
        case .bool(let b): String(b)
        default: String(decoding: value.serialized(), as: UTF8.self)
        }
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }

    static func describe(_ path: [Step]) -> String {
        path.map { if case .key(let k) = $0 { k } else { "[0]" } }.joined(separator: ".")
    }
}
