import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// DOMAIN.md §4: "a (re)classification re-targets the open clocks from their start and fires at
/// once whatever is then due". A paused clock is open.
///
/// Known issue (found by the random lifecycle walk, not fixed here: `Sources/` is not this
/// branch's): when a re-classification lowers the target of the *paused* resolution clock
/// (`awaitingCustomer`) below its used time, nothing fires, because `dueTimers` skips paused
/// clocks. Until the customer answers, the complaint shows no breach of its resolution clock. When
/// the customer rejects the result, the clock resumes already overdue, and the decision still
/// fires nothing: the warning and breach are left for the next `tick`, which records them after
/// the rejection and stamped with its time instead of the re-classification's.
@Suite("Paused clock re-targeting")
struct PausedClockRetargetTests {
    @Test func reclassifyingAPausedOverdueClockFiresAtOnce() throws {
        var harness = Stage.implemented.harness(policy: .category2025)
        // 50 h into the complex targets (72 h / 120 h): nothing due yet.
        #expect(harness.advance(by: 50 * 3600).isEmpty)
        try harness.send(.communicateResult(Sample.communicate), as: Actors.owner)
        #expect(harness.complaint.clocks[.resolution]?.phase == .paused)
        harness.advance(by: 3600)
        // `basic`: acknowledgement 24 h, resolution 48 h. Both are now used up.
        let classified = try harness.send(.classifyComplaint(ClassifyComplaint(category: .logistics, problemClass: .basic)), as: Actors.agent)
        let fired = classified.compactMap { event -> ClockName? in
            if case .slaBreached(let data) = event.event { return data.clock }
            return nil
        }
        #expect(fired.contains(.acknowledgement))
        withKnownIssue("the paused resolution clock's breach is not fired by the re-classification") {
            #expect(fired.contains(.resolution))
        }
        harness.advance(by: 3600)
        try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: false, reason: "no")), as: Actors.customer)
        let late = tick(harness.complaint, until: harness.now, streamId: "C-1", policy: harness.policy)
        withKnownIssue("the resumed clock is overdue and its timers are left for the next tick") {
            #expect(late.isEmpty, "timers left unfired after the rejection: \(late.map(\.event.typeName))")
        }
        // They are at least not stamped before what was recorded already.
        let stream = harness.recorded + late
        #expect(zip(stream, stream.dropFirst()).allSatisfy { $0.occurredAt <= $1.occurredAt })
    }
}
