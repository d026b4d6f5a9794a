import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// Commands on the open complaint of a customer who was forgotten (DOMAIN.md §8): personal data can
/// no longer be sealed for them, so a command carrying any is refused (`customerForgotten`, naming
/// the field) and records nothing; the same command without the personal field is decided as usual.
@Suite struct ForgottenCustomerTests {
    typealias F = QueueFixture
    static let dpo = Actor(id: "dpo-1", role: .dataProtectionOfficer)
    /// `QueueFixture.receive`'s customer of complaint `C-1`.
    static let customer = "cust-C-1"

    /// An engine with complaint `C-1` classified, assessed and waiting for the customer's response.
    static func engineAwaitingCustomer(_ store: Store) async throws -> ComplaintEngine {
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: ManualClock(monday9)))
        try await F.receive(engine, "C-1")
        try await F.assess(engine, "C-1", .general, .normal)
        try await F.bringToCustomer(engine, "C-1")
        return engine
    }

    static func forget(_ engine: ComplaintEngine) async throws {
        try await engine.handle(envelope(
            "forget", .forgetCustomer(ForgetCustomer(customerId: customer)), as: dpo, stream: "customer:\(customer)"))
    }

    /// The workflow refusal `handle` throws, or `nil` (recording an issue) when it accepts or fails otherwise.
    static func refusal(_ handle: () async throws(EngineError) -> Void) async -> WorkflowError? {
        do {
            try await handle()
            Issue.record("the command was accepted")
        } catch {
            guard case .refused(let refusal) = error else {
                Issue.record("not a refusal: \(error)")
                return nil
            }
            return refusal
        }
        return nil
    }

    @Test func aRejectionReasonIsRefusedAndARejectionWithoutOneIsRecorded() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await Self.engineAwaitingCustomer(store)
        defer { engine.close() }
        try await Self.forget(engine)
        let head = try engine.log.headPosition()

        let rejectWithReason = envelope("reject-1", .recordCustomerResponse(RecordCustomerResponse(accepted: false, reason: "still broken")))
        let refused = try #require(await Self.refusal { () throws(EngineError) in try await engine.handle(rejectWithReason) })
        #expect(refused.code == .customerForgotten)
        #expect(refused.field == "reason")
        #expect(refused.reason.contains("'\(Self.customer)'") && refused.reason.contains("CustomerRejected.reason"))
        #expect(try engine.log.headPosition() == head)
        #expect(try engine.complaint("C-1")?.status == .awaitingCustomer)

        // In an atomic batch: the whole batch is refused, naming the command, and nothing is recorded.
        let progress = envelope("progress-1", .recordProgress(RecordProgress(note: "called back", customerNotified: true)), as: F.owner)
        let batch = try #require(await Self.refusal { () throws(EngineError) in
            try await engine.handle(batch: [progress, envelope("reject-2", rejectWithReason.command)])
        })
        #expect(batch.code == .customerForgotten && batch.field == "reason")
        #expect(batch.reason.hasPrefix("batch command 1 (reject-2): "))
        #expect(try engine.log.headPosition() == head)

        // Without the personal field nothing needs the destroyed key.
        let events = try await engine.handle(envelope("reject-3", .recordCustomerResponse(RecordCustomerResponse(accepted: false))))
        #expect(events.first?.decided.event == .customerRejected(RecordCustomerResponse(accepted: false)))
        let state = try #require(try engine.complaint("C-1"))
        #expect(state.status == .investigating && state.rejectionCount == 1)
        #expect(try engine.log.verify().isIntact)
    }

    @Test func aSatisfactionCommentIsRefusedAndAScoreWithoutOneIsRecorded() async throws {
        let store = Store()
        defer { store.remove() }
        let engine = try await Self.engineAwaitingCustomer(store)
        defer { engine.close() }
        try await engine.handle(envelope("accept", .recordCustomerResponse(RecordCustomerResponse(accepted: true))))
        try await Self.forget(engine)
        let head = try engine.log.headPosition()

        let commented = envelope("score-1", .recordSatisfaction(RecordSatisfaction(score: 2, method: .phone, comment: "rude on the phone")))
        let refused = try #require(await Self.refusal { () throws(EngineError) in try await engine.handle(commented) })
        #expect(refused.code == .customerForgotten && refused.field == "comment")
        #expect(refused.reason.contains("SatisfactionRecorded.comment"))
        #expect(try engine.log.headPosition() == head)

        let scored = try await engine.handle(envelope("score-2", .recordSatisfaction(RecordSatisfaction(score: 2, method: .phone))))
        #expect(scored.map(\.decided.event.typeName) == ["SatisfactionRecorded"])
        #expect(try engine.complaint("C-1")?.status == .resolved)
    }
}
