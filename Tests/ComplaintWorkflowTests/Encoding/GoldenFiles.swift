import Foundation
@testable import ComplaintWorkflow

/// The committed golden payloads under `Specs/golden/` (base64 of the payload bytes, one line).
///
/// With the environment variable `REGENERATE_GOLDEN=1` the golden tests write the files (and
/// `Specs/event-schema.md`) instead of checking them; see `Specs/golden/README.md`.
enum GoldenFiles {
    /// The package root, found from this file's path (`Tests/ComplaintWorkflowTests/Encoding/`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Encoding
        .deletingLastPathComponent()  // ComplaintWorkflowTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Specs/golden/`.
    static let directory = packageRoot.appendingPathComponent("Specs/golden", isDirectory: true)

    /// Whether this run rewrites the golden files instead of checking them.
    static var regenerating: Bool { ProcessInfo.processInfo.environment["REGENERATE_GOLDEN"] == "1" }

    /// The golden file of `type` at its current schema version.
    static func fileName(of type: EventType) -> String { "\(type.typeName).v\(type.schemaVersion).b64" }

    /// The payload bytes of the golden file `name`.
    static func read(_ name: String) throws -> [UInt8] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw GoldenFileError(name: name, reason: "is not base64")
        }
        return Array(data)
    }

    /// The golden file `name`, or while regenerating (when it may be being rewritten) `fresh`.
    static func readUnlessRegenerating(_ name: String, else fresh: [UInt8]) throws -> [UInt8] {
        regenerating ? fresh : try read(name)
    }

    /// Writes `bytes` as the golden file `name`.
    static func write(_ bytes: [UInt8], to name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data((Data(bytes).base64EncodedString() + "\n").utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
    }

    /// The names of the `.b64` files in the directory.
    static func committedNames() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".b64") })
    }
}

/// A golden file that cannot be read.
struct GoldenFileError: Error, CustomStringConvertible {
    var name: String
    var reason: String
    var description: String { "\(name) \(reason)" }
}
