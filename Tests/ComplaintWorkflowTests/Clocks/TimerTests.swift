import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// `type:clock@local time` of SLA and escalation events, for compact expectations.
func timeline(_ events: [DecidedEvent]) -> [String] {
    let formatter = DateFormatter()
    formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
    formatter.dateFormat = "EEE HH:mm"
    formatter.locale = Locale(identifier: "en_US_POSIX")
    return events.map { event in
        let clock: String
        switch event.event {
        case .slaWarningRaised(let data), .slaBreached(let data): clock = ":\(data.clock.rawValue)"
        case .complaintEscalated(let data): clock = ":\(data.toLevel)"
        default: clock = ""
        }
        return "\(event.event.typeName)\(clock)@\(formatter.string(from: event.occurredAt))"
    }
}

@Suite("SLA timers")
struct TimerTests {
    func received(policy: ServicePolicy = .standard) -> Harness {
        var harness = Harness(policy: policy)
        try! harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        return harness
    }

    @Test func acknowledgementWarningBreachAndEscalation() {
        var harness = received()
        let events = harness.advance(by: 3 * 3600)
        #expect(timeline(events) == ["SlaWarningRaised:acknowledgement@Mon 10:36", "SlaBreached:acknowledgement@Mon 11:00", "ComplaintEscalated:2@Mon 11:00"])
        #expect(events.map(\.rule) == [.slaWarning, .slaBreach, .acknowledgementBreach])
        #expect(events.map(\.timerCommandId) == [
            "timer:C-1:acknowledgement:1:warning", "timer:C-1:acknowledgement:1:breach", "timer:C-1:acknowledgement:1:breach",
        ])
        #expect(events.allSatisfy { $0.actor == .system })
        guard case .slaBreached(let breach) = events[1].event else { Issue.record("no breach"); return }
        #expect(breach == SlaClockEvent(clock: .acknowledgement, instance: 1, dueAt: instant("2026-03-02T11:00:00+08:00"), usedMinutes: 120, policyVersion: ServicePolicy.standard.version))
        #expect(harness.complaint.escalationLevel == 2)
        #expect(harness.advance(by: 3600).isEmpty)
    }

    @Test func businessClockDueAtTheEndOfAWorkingDay() {
        var harness = received()
        let events = harness.advance(to: instant("2026-03-04T09:00:00+08:00")).filter {
            if case .complaintEscalated = $0.event { return true }
            if case .slaBreached(let data) = $0.event { return data.clock == .resolution }
            if case .slaWarningRaised(let data) = $0.event { return data.clock == .resolution }
            return false
        }
        #expect(timeline(events) == [
            "ComplaintEscalated:2@Mon 11:00", "SlaWarningRaised:resolution@Tue 14:24", "SlaBreached:resolution@Tue 18:00", "ComplaintEscalated:3@Tue 18:00",
        ])
        #expect(harness.complaint.clockFields(at: harness.now, policy: harness.policy)[.resolution]?.usedMinutes == 18 * 60)
    }

    @Test func resolutionBreachIsPlusOneAtLeastTwo() {
        var policy = ServicePolicy.standard
        policy.escalation[.acknowledgementBreach]?.enabled = false
        var harness = received(policy: policy)
        let events = harness.advance(to: instant("2026-03-03T18:00:00+08:00"))
        #expect(timeline(events).last == "ComplaintEscalated:2@Tue 18:00")
    }

    @Test func resolutionPausedWhileAwaitingCustomer() throws {
        var harness = Stage.awaitingCustomer.harness()
        #expect(harness.complaint.clocks[.resolution]?.phase == .paused)
        #expect(!dueTimers(harness.complaint, policy: harness.policy).contains { $0.clock == .resolution })
        let events = harness.advance(to: instant("2026-03-09T09:00:00+08:00"))
        #expect(!events.contains { if case .slaBreached(let data) = $0.event { data.clock == .resolution } else { false } })
        try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: false)), as: Actors.customer)
        let resumed = try #require(harness.complaint.clocks[.resolution])
        #expect(resumed.phase == .running)
        #expect(resumed.dueAt(calendar: harness.policy.calendar) == instant("2026-03-10T18:00:00+08:00"))
    }

    @Test func reopenStartsInstanceTwo() throws {
        var harness = Stage.closedResolved.harness()
        try harness.send(.reopenComplaint(ReopenComplaint(reason: "again")), as: Actors.customer)
        let timers = dueTimers(harness.complaint, policy: harness.policy)
        #expect(timers.filter { $0.clock == .resolution }.map { $0.commandId(stream: "C-1") } == [
            "timer:C-1:resolution:2:warning", "timer:C-1:resolution:2:breach",
        ])
        #expect(harness.complaint.clocks[.followUp]?.outcome == .late)
        var open = Stage.resolved.harness()
        try open.send(.reopenComplaint(ReopenComplaint(reason: "again")), as: Actors.customer)
        #expect(open.complaint.clocks[.followUp]?.phase == .cancelled)
        #expect(open.complaint.clocks[.resolution]?.instance == 2)
    }

    @Test func followUpSkippedByClosing() throws {
        var harness = Stage.resolved.harness()
        harness.advance(by: 3600)
        let events = try harness.send(.closeComplaint(CloseComplaint(reason: .resolved)), as: Actors.owner)
        #expect(events.map(\.event.type) == [.complaintClosed, .slaBreached])
        #expect(events.last?.rule == .followUpSkipped)
        #expect(events.last?.occurredAt == harness.now)
        let followUp = try #require(harness.complaint.clocks[.followUp])
        #expect(followUp.phase == .stopped)
        #expect(followUp.outcome == .late)
        #expect(harness.complaint.clocks.values.allSatisfy { !$0.phase.isOpen })
    }

    @Test func followUpAlreadyBreachedOrDoneIsNotSkippedAgain() throws {
        var breached = Stage.resolved.harness()
        let fired = breached.advance(by: 25 * 3600)
        #expect(timeline(fired).contains("SlaBreached:followUp@Tue 09:00"))
        #expect(try breached.send(.closeComplaint(CloseComplaint(reason: .resolved)), as: Actors.owner).map(\.event.type) == [.complaintClosed])
        #expect(breached.complaint.clocks[.followUp]?.phase == .stopped)
        var done = Stage.resolved.harness()
        try done.send(.recordReturnVisit(RecordReturnVisit(outcome: "happy", satisfied: true)), as: Actors.agent)
        #expect(done.complaint.clocks[.followUp]?.outcome == .onTime)
        #expect(try done.send(.closeComplaint(CloseComplaint(reason: .resolved)), as: Actors.owner).map(\.event.type) == [.complaintClosed])
        var off = Stage.resolved.harness(policy: policy(switchingOff: .followUpSkipped))
        #expect(try off.send(.closeComplaint(CloseComplaint(reason: .resolved)), as: Actors.owner).map(\.event.type) == [.complaintClosed])
        #expect(off.complaint.clocks[.followUp]?.phase == .stopped)
    }

    @Test func otherClosingsCancelEveryOpenClock() throws {
        var harness = received()
        try harness.send(.withdrawComplaint(WithdrawComplaint()), as: Actors.customer)
        #expect(harness.complaint.clocks.values.map(\.phase).allSatisfy { $0 == .cancelled })
        #expect(harness.complaint.clocks.values.map(\.outcome).allSatisfy { $0 == .void })
        #expect(dueTimers(harness.complaint, policy: harness.policy).isEmpty)
        #expect(harness.advance(by: 7 * 86_400).isEmpty)
    }

    @Test func tiesFireInClockOrderWarningBeforeBreach() {
        var policy = ServicePolicy.standard
        policy.clocks[.resolution] = ClockPolicy(target: 2 * 3600, calendar: .elapsed)
        var harness = received(policy: policy)
        let events = harness.advance(by: 2 * 3600)
        #expect(timeline(events) == [
            "SlaWarningRaised:acknowledgement@Mon 10:36", "SlaWarningRaised:resolution@Mon 10:36",
            "SlaBreached:acknowledgement@Mon 11:00", "ComplaintEscalated:2@Mon 11:00",
            "SlaBreached:resolution@Mon 11:00", "ComplaintEscalated:3@Mon 11:00",
        ])
    }

    @Test(arguments: [(TimeInterval(7200), ClockOutcome.late, true), (7199, .onTime, false)])
    func stoppedExactlyAtTheDueTimeIsLate(_ after: TimeInterval, _ outcome: ClockOutcome, _ breached: Bool) throws {
        var harness = received()
        harness.now = monday9.addingTimeInterval(after)
        let events = try harness.send(.acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), as: Actors.agent)
        #expect(events.map(\.event.type) == [.complaintAcknowledged])
        #expect(harness.recorded.contains { $0.event.type == .slaBreached } == breached)
        #expect(harness.complaint.clocks[.acknowledgement]?.outcome == outcome)
    }

    @Test func reclassificationRetargetsAndFiresAtOnce() throws {
        var harness = received(policy: .category2025)
        #expect(harness.complaint.clocks[.acknowledgement]?.target == Int64(72 * 3600))
        harness.advance(by: 30 * 3600)
        let events = try harness.send(.classifyComplaint(ClassifyComplaint(category: .logistics, problemClass: .basic)), as: Actors.agent)
        let classifiedAt = monday9.addingTimeInterval(30 * 3600)
        #expect(events.map(\.event.type) == [.complaintClassified, .slaWarningRaised, .slaBreached, .complaintEscalated])
        #expect(events.dropFirst().allSatisfy { $0.occurredAt == classifiedAt })
        #expect(events[2].timerCommandId == "timer:C-1:acknowledgement:1:breach")
        guard case .slaBreached(let breach) = events[2].event else { Issue.record("no breach"); return }
        #expect(breach.dueAt == monday9.addingTimeInterval(24 * 3600))
        #expect(harness.complaint.clocks[.resolution]?.target == Int64(48 * 3600))
        let next = dueTimers(harness.complaint, policy: harness.policy).first
        #expect(next?.clock == .resolution)
        #expect(next?.dueAt == monday9.addingTimeInterval(38.4 * 3600))
    }

    @Test func followUpClockRunsFromAcceptance() throws {
        var harness = Stage.awaitingCustomer.harness()
        harness.now = instant("2026-03-02T12:00:00+08:00")
        try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: true)), as: Actors.customer)
        let fields = harness.complaint.clockFields(at: harness.now, policy: harness.policy)
        #expect(fields[.resolution]?.phase == .stopped)
        #expect(fields[.resolution]?.outcome == .onTime)
        #expect(fields[.followUp]?.dueAt == instant("2026-03-03T12:00:00+08:00"))
        try harness.send(.recordSatisfaction(RecordSatisfaction(score: 4, method: .online)), as: Actors.customer)
        #expect(harness.complaint.clocks[.followUp]?.phase == .stopped)
    }
}
