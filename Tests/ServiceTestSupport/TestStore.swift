import CenterService
import Foundation
import TestEvents

/// The center database as the service and API tests open it: off the
/// cooperative pool, and a new one as a copy of a database migrated once per
/// test process.
///
/// Hundreds of tests each start on a database of their own. Migrating each
/// anew (every table and index of the schema, a commit and an fsync per
/// migration) costs tens of milliseconds of CPU and disk apiece, all at the
/// start of the run, where it crowds out the servers' request handlers of the
/// tests beside them; a copy of the migrated file is the same database for a
/// tenth of that. The migrations themselves are tested on their own.
public enum TestStore {
    /// Opens the database at `path` like `CenterStore.open`; where none
    /// exists yet, it starts as a copy of the migrated template, unless
    /// `fresh`: a copy shares the random secrets the migrations made
    /// (`center_secrets`), so a test about those migrates its own.
    public static func open(path: String, synchronousFull: Bool = true, fresh: Bool = false) async throws -> CenterStore {
        try await blocking {
            if !fresh, !FileManager.default.fileExists(atPath: path) {
                let template = try Template.path.get()
                let directory = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: template, toPath: path)
            }
            return try CenterStore.open(path: path, synchronousFull: synchronousFull)
        }
    }

    private enum Template {
        /// A database migrated by `CenterStore.open` and closed, so that its
        /// log is checkpointed into the one file; made on first use, removed
        /// when the process exits.
        static let path: Result<String, TemplateError> = {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-template-\(UUID().uuidString)").path
            let path = directory + "/center.sqlite"
            do {
                try CenterStore.open(path: path, synchronousFull: false).close()
            } catch {
                return .failure(TemplateError(description: "the template database could not be made: \(error)"))
            }
            guard !FileManager.default.fileExists(atPath: path + "-wal") else {
                return .failure(TemplateError(description: "the template database kept its write-ahead log after closing"))
            }
            atexit {
                guard case .success(let path) = Template.path else { return }
                try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
            }
            return .success(path)
        }()
    }

    struct TemplateError: Error, CustomStringConvertible {
        let description: String
    }
}
