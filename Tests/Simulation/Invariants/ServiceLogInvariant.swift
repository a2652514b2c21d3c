/// The service logs no error: a refusal a use case does not declare, or
/// any other failure it reports as needing someone to look, is a defect.
/// A failure the simulation injected (a commit failing) is expected and
/// not counted.
final class ServiceLogInvariant: Invariant {
    let name = "service.no_error_logged"

    func check(_ c: StepCheck) throws -> [String] {
        c.center.takeErrorLines().filter { !$0.contains("(injected)") }.map { "logged: \($0)" }
    }
}
