import CalendarValues
import CenterAPI
import CenterDomain
import CenterService
import Foundation
import HTTPServer
import Operations

let usage = """
    nakano-center — bookings and operations of the Nakano Ward Industry Promotion Center

    usage:
      nakano-center [serve] [--host 127.0.0.1] [--port 8080] [--database data/center.sqlite]
                            [--config-dir Config] [--schedules-dir schedules] [--synchronous full|normal]
                            [--no-supervise]
      nakano-center check-config [--config-dir Config] [--schedules-dir schedules]
      nakano-center check-database [--database data/center.sqlite]
      nakano-center backup PATH [--database data/center.sqlite]
      nakano-center restore PATH [--database data/center.sqlite]
      nakano-center token create --role admin|staff|planner|member --name NAME
                                 [--registration ID] [--expires 2027-03-31T23:59:59+09:00] [--database PATH]
      nakano-center token revoke --id ID [--database PATH]

    serve runs the server under a supervisor that restarts it if it dies; --no-supervise runs it alone
    (for systemd and tests). One server per database: a second exits at once. backup copies the live
    database consistently while it serves; restore refuses while a server runs. See docs/OPERATIONS.md.

    Every option may also come from the environment as NAKANO_<OPTION> (e.g. NAKANO_PORT=9000).
    """

func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

let options: Options
do {
    options = try Options(CommandLine.arguments)
} catch {
    fail("\(error)\n\n\(usage)", code: 2)
}
if options.wantsHelp || options.command == "help" {
    print(usage)
    exit(0)
}

let configDirectory = options.value("config-dir", default: "Config")
let schedulesDirectory = options.value("schedules-dir", default: "schedules")
let databasePath = options.value("database", default: "data/center.sqlite")

func loadSettings() -> CenterSettings {
    do {
        return try SettingsLoader.load(configDirectory: configDirectory, schedulesDirectory: schedulesDirectory)
    } catch {
        fail("configuration error:\n\(error)", code: WorkerExit.doNotRestart)
    }
}

func openService(_ settings: CenterSettings, log: ServiceLog = .discard) async -> CenterService {
    let synchronous = options.value("synchronous", default: "full")
    guard synchronous == "full" || synchronous == "normal" else { fail("--synchronous must be full or normal", code: 2) }
    do {
        let store = try CenterStore.open(path: databasePath, synchronousFull: synchronous == "full")
        return try await CenterService.start(settings: settings, store: store, clock: SystemClock(), log: log)
    } catch {
        fail("cannot open the database at \(databasePath): \(error)")
    }
}

switch options.command {
case "check-config":
    let settings = loadSettings()
    print("configuration OK: \(settings.summary)")

case "token create":
    guard let roleText = options.value("role"), let role = Role(rawValue: roleText) else {
        fail("--role must be one of admin, staff, planner, member\n\n\(usage)", code: 2)
    }
    guard let name = options.value("name") else { fail("--name is required\n\n\(usage)", code: 2) }
    var registration: Int64?
    if let text = options.value("registration") {
        guard let id = Int64(text), InputRange.id.contains(id) else { fail("--registration must be a registration id such as 12, got \"\(text.prefix(100))\"", code: 2) }
        registration = id
    }
    var expires: Instant?
    if let text = options.value("expires") {
        do throws(DateInput.Refusal) {
            expires = try DateInput.instant(text)
        } catch .malformed(let message) {
            fail("--expires: \(message)", code: 2)
        } catch .outOfRange(let range) {
            fail("--expires \(range.message)", code: 2)
        }
    }
    let service = await openService(loadSettings())
    do {
        let (token, record) = try await service.accounts.mintToken(role: role, name: name, registrationID: registration,
                                                          expiresAt: expires, by: "cli:\(NSUserName())")
        print("token \(record.id) (\(role.rawValue), \(name)) — shown once, keep it safe:")
        print(token.secret)
    } catch {
        fail("cannot create the token: \(error)")
    }
    service.close()

case "token revoke":
    guard let text = options.value("id") else { fail("--id is required\n\n\(usage)", code: 2) }
    guard let id = Int64(text), id > 0 else { fail("--id must be a token id (a positive integer), got \"\(text.prefix(100))\"", code: 2) }
    let service = await openService(loadSettings())
    do {
        try await service.accounts.revokeToken(id: id, by: "cli:\(NSUserName())")
        print("token \(id) revoked")
    } catch {
        fail("cannot revoke token \(id): \(error)")
    }
    service.close()

case "check-database":
    DatabaseCommands.check(databasePath: databasePath, settings: loadSettings())

case "backup", "restore":
    guard let path = options.operands.first else { fail("\(options.command) needs a PATH\n\n\(usage)", code: 2) }
    if options.command == "backup" {
        DatabaseCommands.backup(databasePath: databasePath, to: path)
    } else {
        DatabaseCommands.restore(databasePath: databasePath, from: path)
    }

case "serve":
    let listen = Serve.listenConfiguration(options)
    let settings = loadSettings()
    if options.flag("no-supervise") {
        await Serve.worker(configuration: listen, settings: settings, databasePath: databasePath, open: openService)
    } else {
        Supervise.run(options: options, databasePath: databasePath)
    }

default:
    fail("unknown command \"\(options.command)\"\n\n\(usage)", code: 2)
}
