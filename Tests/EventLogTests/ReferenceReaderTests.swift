import ComplaintLMDB
import EventLog
import Foundation
import TestChildProcess
import Testing

/// Runs `Specs/reference/verify_log.py` — a reader written from `Specs/log-format.md` alone, in
/// Python with the PyPI `lmdb` binding — against logs this code wrote. If the document and the code
/// drift apart, this fails.
@Suite struct ReferenceReaderTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Specs/reference/verify_log.py").path

    /// Whether python3 with `lmdb` is here. Under CI the test script installs it, so its absence fails.
    static let pythonReady: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import lmdb"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? launching({ try probe.run() })) != nil else { return false }
        return probe.waitForExit() == .exited(0)
    }()

    static func runReader(_ arguments: [String]) throws -> (status: Int32, lines: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        process.standardError = FileHandle.nullDevice
        let output = try launch(process, piping: .output)[0]
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let status: Int32 = switch process.waitForExit() {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
        return (status, String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func theReferenceReaderReadsEveryFieldAndVerifiesTheChain() async throws {
        try #require(Self.pythonReady || ProcessInfo.processInfo.environment["CI"] != "true",
                     "python3 with the lmdb module is required under CI")
        guard Self.pythonReady else { return }
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(directory: directory.path)
        _ = try await log.append(AppendRequest(commandID: "cmd-一", stream: "C-1", kind: "complaint", events: [
            ProposedEvent(type: "ComplaintReceived", schemaVersion: 3, actor: EventActor(id: "张三", role: "agent"),
                          occurredAt: Date(timeIntervalSince1970: 1_700_000_000.5), correlationID: "corr", causationID: "cause",
                          payload: Array("数据".utf8) + [0, 255], metadata: [1, 2, 3]),
            ProposedEvent(type: "Empty", actor: EventActor(id: "system", role: "system"), payload: []),
        ]))
        _ = try await log.append(AppendRequest(streams: [
            StreamAppend(stream: "C-2", kind: "complaint", events: [event("Big", String(repeating: "x", count: 70_000))]),
            StreamAppend(stream: "C-1", kind: "complaint", events: [event("Third")]),
        ]))
        let swiftEvents = try log.read(from: 1)
        let head = try log.chainHead()
        log.close()

        let dump = try Self.runReader([directory.path, "--dump"])
        #expect(dump.status == 0)
        #expect(dump.lines.last == "intact \(swiftEvents.count) \(head.position):\(head.hash.hex)")
        let objects = try dump.lines.dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == swiftEvents.count)
        for (object, event) in zip(objects, swiftEvents) {
            #expect(object["position"] as? Int == Int(event.position))
            #expect(object["stream"] as? String == event.stream)
            #expect(object["streamKind"] as? String == event.streamKind)
            #expect(object["streamVersion"] as? Int == Int(event.streamVersion))
            #expect(object["type"] as? String == event.type)
            #expect(object["schemaVersion"] as? Int == Int(event.schemaVersion))
            #expect((object["eventId"] as? String)?.lowercased() == event.id.uuidString.lowercased())
            #expect(object["commandId"] as? String == event.commandID)
            #expect(object["correlationId"] as? String == event.correlationID)
            #expect(object["causationId"] as? String == event.causationID)
            let actor = object["actor"] as? [String: Any]
            #expect(actor?["id"] as? String == event.actor.id && actor?["role"] as? String == event.actor.role)
            #expect(object["recordedAt"] as? Int == Int((event.recordedAt.timeIntervalSince1970 * 1e6).rounded()))
            #expect(object["occurredAt"] as? Int == Int((event.occurredAt.timeIntervalSince1970 * 1e6).rounded()))
            #expect(object["payloadHex"] as? String == Self.hex(event.payload))
            #expect(object["metadataHex"] as? String == Self.hex(event.metadata))
            #expect(object["previousHash"] as? String == event.previousHash.hex)
            #expect(object["hash"] as? String == event.hash.hex)
        }

        let stream = try Self.runReader([directory.path, "--stream", "C-1"])
        #expect(stream.lines.first == "[1, 2, 4]")

        // Change one payload byte with the raw LMDB API: the reference reader names the position.
        let environment = try Environment.open(directory: directory.path, configuration: EnvironmentConfiguration(databases: [DatabaseSpec("events")]))
        try environment.write { txn in
            let key = withUnsafeBytes(of: UInt64(3).bigEndian) { Array($0) }
            var record = try #require(try txn.get(in: environment.database("events"), key: key))
            record[record.count - 100] ^= 0x20
            try txn.put(in: environment.database("events"), key: key, value: record)
        }
        environment.close()
        let broken = try Self.runReader([directory.path])
        #expect(broken.status == 1)
        #expect(broken.lines.last == "broken 3 hash-mismatch")
    }
}
