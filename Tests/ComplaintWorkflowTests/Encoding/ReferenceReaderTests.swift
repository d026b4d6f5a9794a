import BinaryCoding
import Foundation
import TestChildProcess
import Testing
@testable import ComplaintWorkflow

/// Runs `Specs/golden/read_golden.py`, a reader written from `Specs/event-encoding.md` alone, over the
/// golden files, and compares what it reads with the Swift value trees of the samples.
@Suite("Golden payloads read by the reference reader")
struct GoldenReferenceReaderTests {
    /// Whether `python3` runs here. Under CI (`CI=true`) its absence fails the test.
    static let pythonReady: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "pass"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? launching({ try probe.run() })) != nil else { return false }
        return probe.waitForExit() == .exited(0)
    }()

    /// A tree as the reader prints it: timestamps as `{"$ts": micros}`, bytes as `{"$bytes": hex}`.
    static func json(_ value: BinaryValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let flag): flag
        case .int(let number): number
        case .uint(let number): number
        case .double(let number): number
        case .string(let text): text
        case .bytes(let bytes): ["$bytes": bytes.map { String(format: "%02x", $0) }.joined()]
        case .timestamp(let micros): ["$ts": micros]
        case .array(let items): items.map(json)
        case .map(let fields): fields.mapValues(json)
        }
    }

    static func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    @Test func referenceReaderReadsEveryGoldenPayloadAsTheSwiftTree() throws {
        guard !GoldenFiles.regenerating else { return }
        try #require(Self.pythonReady || ProcessInfo.processInfo.environment["CI"] != "true", "python3 is required under CI")
        guard Self.pythonReady else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", GoldenFiles.directory.appendingPathComponent("read_golden.py").path, "--json", GoldenFiles.directory.path]
        let pipes = try launch(process, piping: .output, .errors)
        let (output, errors) = (pipes[0], pipes[1])
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        #expect(process.waitForExit() == .exited(0), "\(String(decoding: stderr, as: UTF8.self))")

        var read: [String: String] = [:]
        for line in String(decoding: stdout, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), line.hasSuffix("}") else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(line[line.index(after: space)...].utf8), options: [])
            read[String(line[..<space])] = try Self.canonical(object)
        }
        var expected: [String: String] = [:]
        for type in EventType.allCases {
            expected[GoldenFiles.fileName(of: type)] = try Self.canonical(Self.json(try EventCodec().tree(of: EventSamples.sample(of: type))))
        }
        for historic in HistoricGolden.all {
            expected[historic.fileName] = try Self.canonical(Self.json(historic.tree))
        }
        #expect(Set(read.keys) == Set(expected.keys))
        for (name, json) in expected {
            #expect(read[name] == json, "\(name)")
        }
    }
}
