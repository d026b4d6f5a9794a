import Foundation

/// A fresh directory for one measurement, removed by ``remove()``.
public struct ScratchDirectory: Sendable {
    public let path: String

    /// Creates `<base>/<label>-<uuid>`; `base` defaults to the system temp folder.
    public init(_ label: String, base: String? = nil) throws {
        let root = base ?? NSTemporaryDirectory()
        let name = label.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        path = (root.hasSuffix("/") ? root : root + "/") + "logbench-\(String(name))-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A subdirectory path (not created: `EventLog.open` / `Environment.open` create it).
    public func child(_ name: String) -> String { path + "/" + name }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
