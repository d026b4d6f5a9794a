import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Queues")
struct QueueMembershipTests {
    func queues(_ harness: Harness) -> [String] {
        queueMembership(harness.complaint, complaintId: harness.streamId, policy: harness.policy).queues.map(\.rawValue)
    }

    @Test func membershipFollowsTheLifecycle() throws {
        #expect(queues(Stage.received.harness()) == ["level:0", "unassigned"])
        #expect(queues(Stage.assigned.harness()) == ["level:0", "owner:owner-1"])
        #expect(queues(Stage.awaitingApproval.harness()) == ["awaitingApproval", "level:0", "owner:owner-1"])
        #expect(queues(Stage.awaitingCustomer.harness()) == ["awaitingCustomer", "level:0", "owner:owner-1"])
        #expect(queues(Stage.resolved.harness()) == ["followUp", "level:0", "owner:owner-1"])
        var visited = Stage.resolved.harness()
        try visited.send(.recordReturnVisit(RecordReturnVisit(outcome: "fine", satisfied: true)), as: Actors.agent)
        #expect(queues(visited) == ["level:0", "owner:owner-1"])
    }

    @Test func closedComplaintsAreInNoQueue() {
        #expect(queues(Stage.closedResolved.harness()).isEmpty)
        #expect(queues(Stage.closedWithdrawn.harness()).isEmpty)
    }

    @Test func breachedUntilTheClockStops() throws {
        var harness = Stage.received.harness()
        harness.advance(by: 3 * 3600)
        #expect(queues(harness) == ["breached", "level:2", "unassigned"])
        try harness.send(.acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), as: Actors.agent)
        #expect(queues(harness) == ["level:2", "unassigned"])
    }

    /// Builds a complaint received at `minutes` after the start, assessed as given.
    func complaint(
        _ id: String, minutes: Double = 0, severity: Severity? = nil, urgency: Urgency = .normal, importance: Int = 0,
        policy: ServicePolicy = .standard, acknowledged: Bool = false
    ) -> QueueSortKey {
        var harness = Harness(policy: policy)
        harness.streamId = id
        harness.now = monday9.addingTimeInterval(minutes * 60)
        try! harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        if let severity {
            try! harness.send(.assessSeverity(AssessSeverity(severity: severity, urgency: urgency, customerImportance: importance)), as: Actors.agent)
        }
        if acknowledged {
            try! harness.send(.acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), as: Actors.agent)
        }
        return queueMembership(harness.complaint, complaintId: id, policy: policy).sortKey
    }

    @Test func sortOrder() {
        var noClocks = ServicePolicy.standard
        noClocks.clocks = [:]
        let keys = [
            complaint("A-critical", minutes: 50, severity: .critical),
            complaint("B-serious-urgent", minutes: 40, severity: .serious, urgency: .urgent),
            complaint("C-serious-important", minutes: 30, severity: .serious, importance: 3),
            complaint("D-serious", minutes: 20, severity: .serious, importance: 0),
            complaint("G-unassessed-earliest-due", minutes: 1),
            complaint("E-general-earlier-due", minutes: 10, severity: .general),
            complaint("F-general-later-due", minutes: 5, severity: .general, acknowledged: true),
            complaint("H-no-clock", minutes: 0, severity: .general, policy: noClocks),
            complaint("I-no-clock-same-time", minutes: 0, severity: .general, policy: noClocks),
        ]
        #expect(keys.shuffled().sorted().map(\.id) == keys.map(\.id))
    }

    @Test func idBreaksTiesByUTF8Bytes() {
        let a = complaint("C-10")
        let b = complaint("C-9")
        let c = complaint("c-1")
        #expect([c, b, a].sorted().map(\.id) == ["C-10", "C-9", "c-1"])
    }
}
