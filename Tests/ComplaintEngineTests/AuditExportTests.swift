import ComplaintEngine
import ComplaintPolicy
import ComplaintPrivacy
import ComplaintWorkflow
import Crypto
import EventLog
import Foundation
import Testing

/// Checks exported JSON lines the way an outsider would: from the exported fields alone, following
/// `Specs/log-format.md`, with no help from the engine.
enum ExportChecker {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func lines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw Failure(description: "not an object: \(line)")
            }
            return object
        }
    }

    /// The record's body bytes rebuilt from the line's fields.
    static func body(_ line: [String: Any]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        func integer<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.bigEndian) { bytes += $0 } }
        func number(_ key: String) throws -> Int64 {
            guard let value = line[key] as? NSNumber else { throw Failure(description: "\(key) is missing") }
            return value.int64Value
        }
        func text(_ key: String, in object: [String: Any]? = nil) throws -> String {
            let value = (object ?? line)[key]
            if value == nil || value is NSNull { return "" }
            guard let string = value as? String else { throw Failure(description: "\(key) is not a string") }
            return string
        }
        func str16(_ value: String) {
            integer(UInt16(value.utf8.count))
            bytes += value.utf8
        }
        func bytes32(_ key: String) throws {
            guard let data = Data(base64Encoded: try text(key)) else { throw Failure(description: "\(key) is not base64") }
            integer(UInt32(data.count))
            bytes += data
        }
        integer(UInt8(try number("format")))
        integer(UInt64(try number("position")))
        integer(UInt64(try number("streamVersion")))
        integer(try microseconds(try text("recordedAt")))
        integer(try microseconds(try text("occurredAt")))
        integer(UInt16(try number("schemaVersion")))
        bytes += try hex(try text("eventId").replacingOccurrences(of: "-", with: ""))
        for key in ["stream", "streamKind", "type", "commandId", "correlationId", "causationId"] { str16(try text(key)) }
        guard let actor = line["actor"] as? [String: Any] else { throw Failure(description: "actor is missing") }
        str16(try text("id", in: actor))
        str16(try text("role", in: actor))
        try bytes32("metadata")
        try bytes32("payload")
        return bytes
    }

    /// Verifies each line's hash and, for consecutive positions, the links between lines.
    /// Returns the last line's hash.
    @discardableResult
    static func verify(_ lines: [[String: Any]], chained: Bool) throws -> String {
        var previousLine: (position: Int64, hash: String)?
        for line in lines {
            let position = (line["position"] as? NSNumber)?.int64Value ?? 0
            guard let previous = line["previousHash"] as? String, let hash = line["hash"] as? String else {
                throw Failure(description: "position \(position): hashes are missing")
            }
            var hasher = SHA256()
            hasher.update(data: try hex(previous))
            hasher.update(data: try body(line))
            let computed = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            guard computed == hash else { throw Failure(description: "position \(position): hash mismatch") }
            if chained {
                let expected = previousLine.map(\.hash) ?? (position == 1 ? String(repeating: "0", count: 64) : previous)
                guard previous == expected, previousLine.map({ $0.position + 1 == position }) ?? true else {
                    throw Failure(description: "position \(position): broken link")
                }
            }
            previousLine = (position, hash)
        }
        return previousLine?.hash ?? String(repeating: "0", count: 64)
    }

    static func hex(_ text: String) throws -> [UInt8] {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { throw Failure(description: "odd hex \(text)") }
        return try stride(from: 0, to: digits.count, by: 2).map { index in
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else {
                throw Failure(description: "bad hex \(text)")
            }
            return byte
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` → microseconds since 1970 (H. Hinnant's `days_from_civil`).
    static func microseconds(_ text: String) throws -> Int64 {
        let parts = text.split(whereSeparator: { "-T:.Z".contains($0) }).map { Int64($0) }
        guard parts.count == 7, parts.allSatisfy({ $0 != nil }), text.hasSuffix("Z") else {
            throw Failure(description: "not an exported instant: \(text)")
        }
        let (year, month, day) = (parts[0]! - (parts[1]! <= 2 ? 1 : 0), parts[1]!, parts[2]!)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return ((days * 24 + parts[3]!) * 60 + parts[4]!) * 60_000_000 + parts[5]! * 1_000_000 + parts[6]!
    }
}

struct StringOutput: TextOutputStream {
    var text = ""
    mutating func write(_ string: String) { text += string }
}

@Suite struct AuditExportTests {
    @Test func everyExportedLineRebuildsItsRecordsHashAndTheLinesChainToTheHead() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await runAuditScenario(engine, clock)
        try await engine.handle(CommandEnvelope(
            commandId: "c7", streamId: "C-1", actor: Actor(id: "agent-7", role: .agent), correlationId: "corr-1", causationId: "cause-1",
            command: .recordProgress(RecordProgress(note: "called the courier \"Zhang\"\n\tline two", customerNotified: false))))

        var output = StringOutput()
        let count = try engine.exportAudit(to: &output)
        let lines = try ExportChecker.lines(output.text)
        let head = try engine.log.chainHead()
        #expect(count == lines.count && UInt64(count) == head.position)
        #expect(try ExportChecker.verify(lines, chained: true) == head.hash.hex)

        let received = try #require(lines.first { $0["type"] as? String == "ComplaintReceived" && $0["stream"] as? String == "C-1" })
        let data = try #require(received["data"] as? [String: Any])
        #expect((data["customer"] as? [String: Any])?["name"] as? String == "Li Lei")
        #expect(data["description"] as? String == "Parcel arrived damaged and soaked")
        #expect(received["policyVersion"] as? String == "standard-1")
        #expect(received["recordedAt"] as? String == "2026-03-02T01:00:00.000000Z")
        let breach = try #require(lines.first { $0["type"] as? String == "SlaBreached" })
        #expect(breach["rule"] as? String == "slaBreach")
        #expect(breach["occurredAt"] as? String == "2026-03-02T03:00:00.000000Z")
        #expect(breach["recordedAt"] as? String == "2026-03-02T04:00:00.000000Z")
        let progress = try #require(lines.last)
        #expect(progress["correlationId"] as? String == "corr-1" && progress["causationId"] as? String == "cause-1")
        #expect((progress["data"] as? [String: Any])?["note"] as? String == "called the courier \"Zhang\"\n\tline two")
        let policy = try #require(lines.first)
        #expect(policy["type"] as? String == "PolicyActivated" && policy["commandId"] is NSNull)
        #expect(((policy["data"] as? [String: Any])?["policy"] as? [String: Any])?["version"] as? String == "standard-1")

        // A range by position chains too, from the record before it; a complaint's lines each verify.
        var middle = StringOutput()
        #expect(try engine.exportAudit(from: 4, through: 7, to: &middle) == 4)
        let range = try ExportChecker.lines(middle.text)
        #expect(range.map { ($0["position"] as? NSNumber)?.intValue } == [4, 5, 6, 7])
        #expect(range.first?["previousHash"] as? String == lines[2]["hash"] as? String)
        try ExportChecker.verify(range, chained: true)
        var complaint = StringOutput()
        #expect(try engine.exportAudit(complaint: "C-1", to: &complaint) == 9)
        let complaintLines = try ExportChecker.lines(complaint.text)
        #expect(complaintLines.allSatisfy { $0["stream"] as? String == "C-1" })
        try ExportChecker.verify(complaintLines, chained: false)

        // The file variants write the same bytes.
        let path = store.path + "/export.jsonl"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let file = try #require(FileHandle(forWritingAtPath: path))
        try engine.exportAudit(complaint: "C-1", to: file)
        try file.close()
        #expect(FileManager.default.contents(atPath: path) == Data(complaint.text.utf8))
    }

    @Test func afterAnErasureTheExportShowsErasedFieldsStillVerifiesAndHoldsNoPlaintext() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        var engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        try await runAuditScenario(engine, clock)
        var before = StringOutput()
        try engine.exportAudit(complaint: "C-1", to: &before)
        #expect(auditSecrets.allSatisfy { before.text.contains($0) }, "the export reveals personal fields while the key exists")
        let trailBefore = try engine.auditTrail(complaint: "C-1")
        try await engine.handle(auditForget)
        engine.close()
        // DOMAIN.md §8: ForgetCustomer destroys the key. The engine does not do it yet (see
        // `theEngineDestroysTheKeyWhenItRecordsTheErasure`), so the test does what it should.
        let keys = try CustomerKeyStore(
            path: store.path + "/customer-keys", masterKey: try MasterKey.loadOrCreate(at: store.path + "/master.key"))
        #expect(try keys.forget("cust-9"))
        engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }

        var output = StringOutput()
        try engine.exportAudit(to: &output)
        let lines = try ExportChecker.lines(output.text)
        #expect(try ExportChecker.verify(lines, chained: true) == (try engine.log.chainHead().hash.hex))
        for secret in auditSecrets {
            #expect(!output.text.contains(secret), "\(secret) is in the export")
            #expect(!output.text.contains(Data(secret.utf8).base64EncodedString()), "\(secret) is in the export as base64")
            #expect(!output.text.contains(Data(secret.utf8).map { String(format: "%02x", $0) }.joined()), "\(secret) as hex")
        }
        let received = try #require(lines.first { $0["type"] as? String == "ComplaintReceived" && $0["stream"] as? String == "C-1" })
        let data = try #require(received["data"] as? [String: Any])
        let customer = try #require(data["customer"] as? [String: Any])
        #expect(customer["id"] as? String == "cust-9")
        #expect(customer["name"] as? String == "[erased]" && customer["phone"] as? String == "[erased]")
        #expect(customer["email"] as? String == "[erased]")
        #expect(data["description"] as? String == "[erased]" && data["remedySought"] as? String == "[erased]")
        // The other customer's complaint still reads in clear.
        let other = try #require(lines.first { $0["stream"] as? String == "C-2" })
        #expect((other["data"] as? [String: Any])?["description"] as? String == "Wrong size delivered")
        let forgotten = try #require(lines.last)
        #expect(forgotten["type"] as? String == "CustomerForgotten" && forgotten["stream"] as? String == "customer:cust-9")

        // The audit trail never held personal data: it reads the same, and the log verifies.
        #expect(try engine.auditTrail(complaint: "C-1") == trailBefore)
        #expect(try engine.auditTrail(actor: "dpo-1").map(\.eventType) == ["CustomerForgotten"])
        #expect(try engine.log.verify().isIntact)
        var events: [LoggedEvent] = []
        for try await event in engine.events(from: 2) {
            events.append(event)
            if event.position == (try engine.log.headPosition()) { break }
        }
        guard case .complaintReceived(let receipt)? = events.first?.decided.event else {
            Issue.record("the feed does not start with the receipt")
            return
        }
        #expect(receipt.customer.name == "[erased]" && receipt.description == "[erased]")
    }

    @Test func theEngineDestroysTheKeyWhenItRecordsTheErasure() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await runAuditScenario(engine, clock)
        try await engine.handle(auditForget)
        var output = StringOutput()
        try engine.exportAudit(complaint: "C-1", to: &output)
        for secret in auditSecrets {
            #expect(!output.text.contains(secret), "\(secret) is still readable after ForgetCustomer")
        }
        #expect(output.text.contains("[erased]"))
    }
}

let auditSecrets = ["Li Lei", "13800000000", "lilei@example.cn", "Parcel arrived damaged and soaked", "full refund"]
let auditForget = envelope(
    "forget", .forgetCustomer(ForgetCustomer(customerId: "cust-9")), as: Actor(id: "dpo-1", role: .dataProtectionOfficer),
    stream: "customer:cust-9")
