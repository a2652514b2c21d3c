import CenterDomain
import Foundation
import CalendarValues

/// One of the service's daily backups in the backup folder, named for the
/// Japan time it was taken: `center-2026-12-01T033000.sqlite`.
public struct BackupFile: Sendable, Hashable {
    public let path: String
    public let takenAt: Instant
    public let bytes: Int

    static let prefix = "center-"
    static let suffix = ".sqlite"

    /// The file name for a backup taken at `instant`.
    public static func name(at instant: Instant) -> String {
        let second = instant.japanSecondOfDay
        let time = [second / 3600, second / 60 % 60, second % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
        return prefix + instant.japanDate.description + "T" + time + suffix
    }

    /// The time a backup's file name says it was taken, nil for any other file.
    static func takenAt(name: String) -> Instant? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let stamp = name.dropFirst(prefix.count).dropLast(suffix.count)
        let parts = stamp.split(separator: "T")
        guard parts.count == 2, let date = LocalDate(String(parts[0])), parts[1].count == 6,
              let hms = Int(parts[1]), hms / 10000 < 24, hms / 100 % 100 < 60, hms % 100 < 60 else { return nil }
        return Instant(japanDate: date).adding(seconds: Int64(hms / 10000 * 3600 + hms / 100 % 100 * 60 + hms % 100))
    }

    /// The backups in `folder`, oldest first; none when it does not exist.
    public static func list(in folder: String) -> [BackupFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> BackupFile? in
            guard let takenAt = takenAt(name: name) else { return nil }
            let path = folder + "/" + name
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return BackupFile(path: path, takenAt: takenAt, bytes: size)
        }.sorted { $0.takenAt < $1.takenAt }
    }
}

/// The backup folder as `/metrics` shows it.
public struct BackupStatus: Sendable, Hashable {
    public let count: Int
    /// The newest backup, nil when there is none.
    public let newest: BackupFile?
    /// Seconds since the newest was taken, by the service's clock.
    public let newestAgeSeconds: Int64?
    /// Daily backups that failed since the start.
    public let failures: Int
}
