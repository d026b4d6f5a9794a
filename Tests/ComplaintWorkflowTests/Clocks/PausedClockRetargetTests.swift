import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// DOMAIN.md §4: "a (re)classification re-targets the open clocks from their start and fires at
/// once whatever is then due". A paused clock is open: when a re-classification lowers the target
/// of the paused resolution clock (`awaitingCustomer`) below its used time, its breach fires at the
/// re-classification (found by the random lifecycle walk).
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
        #expect(fired.contains(.resolution))
        harness.advance(by: 3600)
        try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: false, reason: "no")), as: Actors.customer)
        let late = tick(harness.complaint, until: harness.now, streamId: "C-1", policy: harness.policy)
        #expect(late.isEmpty, "timers left unfired after the rejection: \(late.map(\.event.typeName))")
        // They are at least not stamped before what was recorded already.
        let stream = harness.recorded + late
        #expect(zip(stream, stream.dropFirst()).allSatisfy { $0.occurredAt <= $1.occurredAt })
    }
}
