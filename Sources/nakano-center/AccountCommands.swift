import CenterService
import Foundation

/// `nakano-center account create|reset|disable|enable`: the people who sign
/// in to the pages as staff, planners and admins (docs/SECURITY.md).
/// Members make their own accounts with a sign-up code from the front desk.
enum AccountCommands {
    static func run(_ command: String, options: Options, service: CenterService) async {
        let signIn = service.signIn
        guard let login = options.value("login") else { fail("--login is required\n\n\(usage)", code: 2) }
        let actor = "cli:\(NSUserName())"
        do {
            switch command {
            case "account create":
                guard let text = options.value("role"), let role = Role(rawValue: text), role != .member else {
                    fail("--role must be one of staff, planner, admin (members sign up with a code)\n\n\(usage)", code: 2)
                }
                let account = try await signIn.createAccount(login: login, role: role, password: PasswordInput.read(), by: actor)
                print("account \(account.id) created: \(account.login) (\(role.rawValue))")
            case "account reset":
                let account = try await signIn.resetPassword(login: login, password: PasswordInput.read(), by: actor)
                print("password of \(account.login) changed; its sessions are signed out")
            case "account disable", "account enable":
                let disable = command == "account disable"
                let changed = try await signIn.setDisabled(login: login, disable, by: actor)
                print("\(login) \(changed ? "" : "was already ")\(disable ? "disabled; its sessions are signed out" : "enabled")")
            default:
                fail("unknown command \"\(command)\"\n\n\(usage)", code: 2)
            }
        } catch let error as any ServiceErrorProtocol where error.refusal != nil {
            fail("\(command): \(error)", code: 2)
        } catch {
            fail("\(command) failed: \(error)")
        }
    }
}
