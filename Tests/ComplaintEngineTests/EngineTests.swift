import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

let monday9 = ISO8601DateFormatter().date(from: "2026-03-02T09:00:00+08:00")!
let agent = Actor(id: "agent-1", role: .agent)
let supervisor = Actor(id: "sup-1", role: .supervisor)

/// A fresh store directory, removed afterwards.
struct Store {
    let path = NSTemporaryDirectory() + "engine-\(UUID().uuidString)"
    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Every byte of every file of the store.
    func allBytes() -> [UInt8] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.flatMap { Array(FileManager.default.contents(atPath: path + "/" + $0) ?? Data()) }
    }
}

func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let bytes = Array(needle.utf8)
    guard haystack.count >= bytes.count else { return false }
    return (0...(haystack.count - bytes.count)).contains { haystack[$0..<($0 + bytes.count)].elementsEqual(bytes) }
}

let receive = WorkflowCommand.receiveComplaint(ReceiveComplaint(
    customer: CustomerDetails(id: "cust-9", name: "Li Lei", phone: "13800000000", email: "lilei@example.cn"),
    channel: .phone, description: "Parcel arrived damaged and soaked", remedySought: "full refund"))

func envelope(_ id: String, _ command: WorkflowCommand, as actor: Actor = agent, stream: String = "C-1", expectedVersion: Int? = nil) -> CommandEnvelope {
    CommandEnvelope(commandId: id, streamId: stream, actor: actor, expectedVersion: expectedVersion, command: command)
}

@Suite struct EngineTests {
    @Test func aCommandIsDecidedRecordedAndVisibleWhenHandleReturns() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        let events = try await engine.handle(envelope("c1", receive))
        #expect(events.map(\.decided.event.typeName) == ["ComplaintReceived"])
        #expect(events.first?.stream == "C-1" && events.first?.streamVersion == 1)
        guard case .complaintReceived(let received)? = events.first?.decided.event else {
            Issue.record("not a receipt")
            return
        }
        #expect(received.customer.name == "Li Lei")
        let state = try #require(try engine.complaint("C-1"))
        #expect(state.status == .received)
        #expect(state.customerId == "cust-9")
        #expect(state.receivedAt == monday9)

        clock.advance(by: 600)
        try await engine.handle(envelope("c2", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
        try await engine.handle(envelope("c3", .classifyComplaint(ClassifyComplaint(category: .logistics))))
        try await engine.handle(envelope("c4", .assessSeverity(AssessSeverity(severity: .general, urgency: .normal))))
        try await engine.handle(envelope("c5", .assignComplaint(AssignComplaint(owner: "agent-7")), as: supervisor))
        let assigned = try #require(try engine.complaint("C-1"))
        #expect(assigned.status == .assigned)
        #expect(assigned.owner == "agent-7")
        #expect(assigned.acknowledged)
        #expect(assigned.category == .logistics)
    }

    @Test func aRetriedCommandIDReturnsTheOriginalEventsAndRecordsNothing() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        let first = try await engine.handle(envelope("c1", receive))
        let head = try engine.log.headPosition()
        let again = try await engine.handle(envelope("c1", receive))
        #expect(again == first)
        #expect(try engine.log.headPosition() == head)
        do {
            try await engine.handle(envelope("c1", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
            Issue.record("a reused command id was accepted")
        } catch {
            #expect(error.code == "validationFailed")
        }
    }

    @Test func refusalsAreTypedAndRecordNothing() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        try await engine.handle(envelope("c1", receive))
        let head = try engine.log.headPosition()
        let cases: [(CommandEnvelope, String)] = [
            (envelope("c2", receive), "streamExists"),
            (envelope("c3", .assignComplaint(AssignComplaint(owner: "x")), as: supervisor), "notClassified"),
            (envelope("c4", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), stream: "C-404"), "unknownStream"),
            (envelope("c5", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), expectedVersion: 7), "versionConflict"),
            (envelope("c6", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), as: Actor(id: "a", role: .auditor)), "notPermitted"),
        ]
        for (command, code) in cases {
            do {
                try await engine.handle(command)
                Issue.record("\(command.command.name) was accepted")
            } catch {
                #expect(error.code == code, "\(error)")
            }
        }
        #expect(try engine.log.headPosition() == head)
    }

    @Test func dueTimersFireBeforeTheNextCommandOnTheStream() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await engine.handle(envelope("c1", receive))
        clock.advance(by: 3 * 3600)
        try await engine.handle(envelope("c2", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
        let types = try engine.log.readStream("C-1").map(\.type)
        #expect(types == ["ComplaintReceived", "SlaWarningRaised", "SlaBreached", "ComplaintEscalated", "ComplaintAcknowledged"])
        let breach = try #require(try engine.log.readStream("C-1").first { $0.type == "SlaBreached" })
        #expect(breach.occurredAt == monday9.addingTimeInterval(2 * 3600))
        #expect(breach.commandID == "timer:C-1:acknowledgement:1:breach")
        #expect(try engine.complaint("C-1")?.escalationLevel == 2)
    }

    @Test func personalDataIsSealedBeforeItIsStoredAndErasedWithTheKey() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        try await engine.handle(envelope("c1", receive))
        let secrets = ["Li Lei", "13800000000", "lilei@example.cn", "Parcel arrived damaged", "full refund"]
        for secret in secrets {
            #expect(!contains(store.allBytes(), secret), "\(secret) is stored in clear")
            #expect(!contains(store.allBytes(), Data(secret.utf8).base64EncodedString()))
        }
        let dpo = Actor(id: "dpo-1", role: .dataProtectionOfficer)
        try await engine.handle(envelope("c2", .forgetCustomer(ForgetCustomer(customerId: "cust-9")), as: dpo, stream: "customer:cust-9"))
        let events = try engine.log.readStream("C-1")
        #expect(events.count == 1)
        #expect(try engine.log.verify().isIntact)
        engine.close()

        let reopened = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { reopened.close() }
        let history = try reopened.customerHistory("cust-9")
        #expect(history.standing == .forgotten)
        do {
            try await reopened.handle(envelope("c3", receive, stream: "C-2"))
            Issue.record("a forgotten customer was accepted")
        } catch {
            #expect(error.code == "customerForgotten")
        }
    }

    @Test func thePolicyIsLoggedOnceAndAgainWhenItChanges() async throws {
        let store = Store()
        defer { store.remove() }
        for policy in [ServicePolicy.standard, .standard, .category2025] {
            let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(policy: policy, clock: ManualClock(monday9)))
            engine.close()
        }
        let log = try EventLog.open(directory: store.path, configuration: .readOnly)
        defer { log.close() }
        #expect(try log.readStream("policies").map(\.type) == ["PolicyActivated", "PolicyActivated"])
    }

    @Test func stateSurvivesARestartAndARebuild() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        var engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        try await engine.handle(envelope("c1", receive))
        try await engine.handle(envelope("c2", .classifyComplaint(ClassifyComplaint(category: .logistics))))
        let before = try engine.complaint("C-1")
        engine.close()
        engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        #expect(try engine.complaint("C-1") == before)
        try engine.log.rebuildProjections()
        #expect(try engine.complaint("C-1") == before)
    }
}

@Suite struct ReadOnlyEngineTests {
    @Test func aReadOnlyEngineReadsWhatTheWriterRecordsAndRecordsNothing() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let writer = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { writer.close() }
        let reader = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock, access: .readOnly))
        defer { reader.close() }
        try await writer.handle(envelope("c1", receive))
        #expect(try reader.complaint("C-1")?.customerId == "cust-9")
        #expect(try reader.customerHistory("cust-9").standing == .known)
        clock.advance(by: 3 * 3600)
        do {
            try await reader.handle(envelope("c2", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
            Issue.record("a read-only engine recorded a command")
        } catch {
            #expect(error.code == "readOnly")
        }
        #expect(try writer.log.readStream("C-1").count == 1, "the reader fired no timers")
    }
}

@Suite struct ErasureTests {
    @Test func forgettingACustomerDestroysTheKeyAndEveryViewShowsErased() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        defer { engine.close() }
        try await engine.handle(envelope("c1", receive))
        let dpo = Actor(id: "dpo-1", role: .dataProtectionOfficer)
        let forget = envelope("c2", .forgetCustomer(ForgetCustomer(customerId: "cust-9")), as: dpo, stream: "customer:cust-9")
        try await engine.handle(forget)
        let receipt = try engine.log.readStream("C-1").first
        #expect(receipt != nil)
        var output = ExportText()
        try engine.exportAudit(complaint: "C-1", to: &output)
        #expect(output.text.contains("[erased]"))
        for secret in ["Li Lei", "13800000000", "lilei@example.cn", "Parcel arrived damaged", "full refund"] {
            #expect(!contains(store.allBytes(), secret))
            #expect(!output.text.contains(secret))
        }
        // A retry of the same erasure is a no-op that still leaves the key destroyed.
        try await engine.handle(forget)
        #expect(try engine.log.verify().isIntact)
    }
}

struct ExportText: TextOutputStream {
    var text = ""
    mutating func write(_ string: String) { text += string }
}

@Suite struct ReadmeExampleTests {
    /// The README's embedding example, as written there (with a temp directory and a bounded feed).
    @Test func theReadmeExampleWorks() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await ComplaintEngine.open(directory: store.path)
        defer { engine.close() }
        try await engine.handle(CommandEnvelope(
            commandId: "web-4711", streamId: "C-1", actor: Actor(id: "agent-7", role: .agent),
            command: .receiveComplaint(ReceiveComplaint(
                customer: CustomerDetails(id: "cust-42", name: "Li Lei"), channel: .phone,
                description: "The parcel arrived damaged."))))
        #expect(try engine.complaint("C-1")?.status == .received)
        #expect(try engine.queue("unassigned").ids == ["C-1"])
        var types: [String] = []
        for try await event in engine.events(from: 1) {
            types.append(event.decided.event.typeName)
            break
        }
        #expect(types == ["ComplaintReceived"])
    }
}

@Suite struct TimeTravelTests {
    @Test func aComplaintsStateAsOfAPositionOrAnInstantReplaysItsHistory() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await engine.handle(envelope("c1", receive))
        let afterReceipt = try engine.log.headPosition()
        clock.advance(by: 600)
        try await engine.handle(envelope("c2", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
        clock.advance(by: 600)
        try await engine.handle(envelope("c3", .classifyComplaint(ClassifyComplaint(category: .logistics))))

        #expect(try engine.complaint("C-1", asOf: .position(0)) == nil)
        let first = try #require(try engine.complaint("C-1", asOf: .position(afterReceipt)))
        #expect(!first.acknowledged && first.category == nil)
        let middle = try #require(try engine.complaint("C-1", asOf: .instant(monday9.addingTimeInterval(900))))
        #expect(middle.acknowledged && middle.category == nil)
        #expect(try engine.complaint("C-1", asOf: .instant(monday9.addingTimeInterval(86_400))) == engine.complaint("C-1"))
        #expect(try engine.complaint("nope", asOf: .position(99)) == nil)
    }
}

@Suite struct QueueTimeTravelTests {
    @Test func aQueueAsOfAPointReplaysEveryComplaintAndAgreesWithTheLiveIndexAtTheHead() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        for id in ["C-1", "C-2", "C-3"] {
            try await engine.handle(envelope("\(id)-r", receive, stream: id))
            clock.advance(by: 60)
        }
        let beforeTriage = try engine.log.headPosition()
        try await engine.handle(envelope("c1-cl", .classifyComplaint(ClassifyComplaint(category: .logistics)), stream: "C-2"))
        try await engine.handle(envelope("c1-as", .assessSeverity(AssessSeverity(severity: .critical, urgency: .urgent)), stream: "C-2"))
        try await engine.handle(envelope("c3-cl", .classifyComplaint(ClassifyComplaint(category: .logistics)), stream: "C-3"))
        try await engine.handle(envelope("c3-as", .assessSeverity(AssessSeverity(severity: .general, urgency: .normal)), stream: "C-3"))
        try await engine.handle(envelope("c3-a", .assignComplaint(AssignComplaint(owner: "agent-7")), as: supervisor, stream: "C-3"))

        #expect(try engine.queueIds("unassigned", asOf: .position(beforeTriage)) == ["C-1", "C-2", "C-3"])
        #expect(try engine.queueIds("unassigned", asOf: .position(0)) == [])
        let head = try engine.log.headPosition()
        for name in ["unassigned", "owner:agent-7", "level:0", "level:3", "breached"] {
            #expect(try engine.queueIds(name, asOf: .position(head)) == engine.queueIds(name), "\(name)")
        }
        #expect(try engine.queueIds("unassigned") == ["C-2", "C-1"])
        do {
            _ = try engine.queueIds("nope", asOf: .position(head))
            Issue.record("an unknown queue was accepted")
        } catch {
            #expect(error.code == "validationFailed")
        }
    }
}
