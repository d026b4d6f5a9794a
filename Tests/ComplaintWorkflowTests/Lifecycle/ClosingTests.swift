import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Closing, reopening and the closing preconditions")
struct ClosingTests {
    @Test func resolvedNeedsStatusResolved() {
        var harness = Stage.awaitingCustomer.harness()
        let error = harness.refusal(.closeComplaint(CloseComplaint(reason: .resolved)), as: Actors.owner)
        #expect(error?.code == .invalidTransition)
        #expect(error?.rule == "resolvedBeforeClosing")
    }

    @Test func unreachableNeedsEnoughFailedAttemptsSinceTheResult() throws {
        var harness = Stage.awaitingCustomer.harness()
        let failed = WorkflowCommand.recordProgress(RecordProgress(note: "no answer", customerNotified: true, customerReached: false))
        try harness.send(failed, as: Actors.owner)
        try harness.send(failed, as: Actors.owner)
        try harness.send(.recordProgress(RecordProgress(note: "emailed", customerNotified: true)), as: Actors.owner)
        #expect(harness.refusal(.closeComplaint(CloseComplaint(reason: .unreachable)), as: Actors.owner)?.code == .notEnoughContactAttempts)
        try harness.send(failed, as: Actors.owner)
        let events = try harness.send(.closeComplaint(CloseComplaint(reason: .unreachable)), as: Actors.owner)
        #expect(events.map(\.event.type) == [.complaintClosed])
        #expect(harness.complaint.closedReason == .unreachable)
        #expect(harness.complaint.clocks.values.allSatisfy { !$0.phase.isOpen })
    }

    @Test func attemptsBeforeTheResultDoNotCount() throws {
        var harness = Stage.implemented.harness()
        let failed = WorkflowCommand.recordProgress(RecordProgress(note: "no answer", customerNotified: true, customerReached: false))
        for _ in 0..<3 { try harness.send(failed, as: Actors.owner) }
        try harness.send(.communicateResult(Sample.communicate), as: Actors.owner)
        #expect(harness.refusal(.closeComplaint(CloseComplaint(reason: .unreachable)), as: Actors.owner)?.code == .notEnoughContactAttempts)
    }

    @Test func duplicateNeedsAnExistingComplaint() {
        var harness = Stage.received.harness()
        let close = WorkflowCommand.closeComplaint(CloseComplaint(reason: .duplicate, duplicateOf: "C-0"))
        #expect(harness.refusal(close, as: Actors.supervisor)?.code == .unknownStream)
        #expect(harness.refusal(.closeComplaint(CloseComplaint(reason: .duplicate)), as: Actors.supervisor)?.field == "duplicateOf")
        harness.duplicateOfExists = true
        #expect(harness.refusal(close, as: Actors.supervisor) == nil)
        #expect(harness.complaint.closedReason == .duplicate)
    }

    @Test func closeRefusesTheReasonsOfOtherCommands() {
        var harness = Stage.received.harness()
        let error = harness.refusal(.closeComplaint(CloseComplaint(reason: .withdrawn)), as: Actors.supervisor)
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "reason")
    }

    @Test func rejectAsFalseNeedsAFalseOutcome() throws {
        var harness = Stage.received.harness()
        #expect(harness.refusal(.rejectAsFalse(RejectAsFalse(note: "x")), as: Actors.supervisor)?.code == .authenticityNotFalse)
        try harness.send(.verifyAuthenticity(VerifyAuthenticity(outcome: .falseMisunderstanding, complete: true, methods: [.factCheck])), as: Actors.agent)
        try harness.send(.rejectAsFalse(RejectAsFalse(note: "misread the order")), as: Actors.supervisor)
        #expect(harness.complaint.closedReason == .falseComplaint)
    }

    @Test func reopenWithinTheWindowStartsANewResolutionInstance() throws {
        var harness = Stage.closedResolved.harness()
        harness.advance(by: 29 * 86_400)
        let events = try harness.send(.reopenComplaint(ReopenComplaint(reason: "broke again")), as: Actors.customer)
        #expect(events.map(\.event.type) == [.complaintReopened])
        #expect(harness.complaint.status == .investigating)
        #expect(harness.complaint.reopenCount == 1)
        #expect(harness.complaint.owner == "owner-1")
        #expect(harness.complaint.clocks[.resolution]?.instance == 2)
        #expect(harness.complaint.clocks[.resolution]?.phase == .running)
    }

    @Test func reopenAfterTheWindowIsRefused() {
        var harness = Stage.resolved.harness()
        harness.advance(by: 30 * 86_400 + 1)
        #expect(harness.refusal(.reopenComplaint(ReopenComplaint(reason: "late")), as: Actors.customer)?.code == .reopenWindowExpired)
    }

    @Test func customerRejectionReturnsToInvestigation() throws {
        var harness = Stage.awaitingCustomer.harness()
        let events = try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: false, reason: "not enough")), as: Actors.customer)
        #expect(events.map(\.event.type) == [.customerRejected])
        #expect(harness.complaint.status == .investigating)
        #expect(harness.complaint.rejectionCount == 1)
        #expect(harness.complaint.clocks[.resolution]?.phase == .running)
    }

    @Test func transferSetsOwnerAndDepartment() throws {
        var harness = Stage.assigned.harness()
        try harness.send(.transferComplaint(TransferComplaint(toDepartment: "quality", toOwner: "spec-9", reason: "defect")), as: Actors.specialist)
        #expect(harness.complaint.owner == "spec-9")
        #expect(harness.complaint.department == "quality")
        #expect(harness.complaint.transferredToOtherDepartment)
        #expect(harness.complaint.status == .assigned)
    }
}

@Suite("Reopening a closed complaint")
struct ReopenClosedTests {
    @Test func reopeningClearsTheClosedReason() throws {
        var harness = Stage.closedResolved.harness()
        try harness.send(.reopenComplaint(ReopenComplaint(reason: "again")), as: Actors.agent)
        #expect(harness.complaint.closedReason == nil)
        #expect(harness.complaint.isOpen)
        #expect(!queueMembership(harness.complaint, complaintId: "C-1", policy: harness.policy).queues.isEmpty)
    }
}
