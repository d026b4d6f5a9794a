import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// The SLA examples of DOMAIN.md §4 that `TimerTests` does not already pin down: the resolution
/// clock across a weekend and a holiday, the follow-up clock's warning and breach, and every
/// `category2025` problem class. (The 2 h acknowledgement with its warning at 1 h 36 min is
/// `TimerTests.acknowledgementWarningBreachAndEscalation`.)
@Suite("SLA examples")
struct SLAExampleTests {
    /// `standard` with Monday 2026-03-09 as a holiday.
    static func policyWithHoliday() throws -> ServicePolicy {
        var policy = ServicePolicy.standard
        let standard = BusinessCalendar.standard
        policy.calendar = try BusinessCalendar(
            timeZone: standard.timeZoneIdentifier, workingHours: standard.workingHours, holidays: [try CalendarDate.parse("2026-03-09")])
        return policy
    }

    /// Received Thursday 14:00: 4 h Thursday, 9 h Friday, weekend, Monday holiday, 5 h Tuesday →
    /// the 18 working hours (2 business days) are used up Tuesday 14:00; the warning at 80 %
    /// (14 h 24 min) is Tuesday 10:24.
    @Test func resolutionAcrossAWeekendAndAHoliday() throws {
        let policy = try Self.policyWithHoliday()
        var harness = Harness(policy: policy)
        harness.now = instant("2026-03-05T14:00:00+08:00")
        try harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        try harness.send(.acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), as: Actors.agent)
        let resolution = try #require(harness.complaint.clocks[.resolution])
        #expect(resolution.dueAt(calendar: policy.calendar) == instant("2026-03-10T14:00:00+08:00"))
        // Nothing fires over the weekend and the holiday.
        #expect(harness.advance(to: instant("2026-03-10T09:00:00+08:00")).isEmpty)
        let events = harness.advance(to: instant("2026-03-10T18:00:00+08:00"))
        #expect(timeline(events) == ["SlaWarningRaised:resolution@Tue 10:24", "SlaBreached:resolution@Tue 14:00", "ComplaintEscalated:2@Tue 14:00"])
        guard case .slaBreached(let breach)? = events.dropFirst().first?.event else {
            Issue.record("no breach")
            return
        }
        #expect(breach.usedMinutes == 18 * 60)
        #expect(breach.dueAt == instant("2026-03-10T14:00:00+08:00"))
        // Without the holiday the same clock is due on Monday 14:00.
        var plain = Harness()
        plain.now = instant("2026-03-05T14:00:00+08:00")
        try plain.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        #expect(plain.complaint.clocks[.resolution]?.dueAt(calendar: plain.policy.calendar) == instant("2026-03-09T14:00:00+08:00"))
    }

    /// The follow-up clock: 24 h elapsed from acceptance, warning at 19 h 12 min, breach at 24 h,
    /// and a follow-up breach escalates nothing.
    @Test func followUpWarnsAndBreachesOnElapsedTime() throws {
        var harness = Stage.awaitingCustomer.harness()
        harness.advance(to: instant("2026-03-02T12:00:00+08:00"))
        try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: true)), as: Actors.customer)
        let level = harness.complaint.escalationLevel
        let events = harness.advance(to: instant("2026-03-04T12:00:00+08:00"))
        #expect(timeline(events) == ["SlaWarningRaised:followUp@Tue 07:12", "SlaBreached:followUp@Tue 12:00"])
        #expect(harness.complaint.escalationLevel == level)
        #expect(harness.complaint.clocks[.followUp]?.outcome == .late)
        // A return visit a second before the due time is on time.
        var onTime = Stage.awaitingCustomer.harness()
        onTime.advance(to: instant("2026-03-02T12:00:00+08:00"))
        try onTime.send(.recordCustomerResponse(RecordCustomerResponse(accepted: true)), as: Actors.customer)
        onTime.advance(to: instant("2026-03-03T11:59:59+08:00"))
        try onTime.send(.recordReturnVisit(RecordReturnVisit(outcome: "fine", satisfied: true)), as: Actors.agent)
        #expect(onTime.complaint.clocks[.followUp]?.outcome == .onTime)
    }

    static let classTargets: [(ProblemClass?, Int, Int)] = [(.basic, 24, 48), (.process, 48, 72), (.complex, 72, 120), (.special, 24, 48), (nil, 72, 120)]

    /// `category2025` (004 §4.2.1): elapsed acknowledgement/resolution targets by problem class;
    /// unclassified (and classified without a class) complaints get the `complex` targets.
    @Test(arguments: Self.classTargets)
    func category2025TargetsPerProblemClass(_ problemClass: ProblemClass?, _ acknowledgementHours: Int, _ resolutionHours: Int) throws {
        var harness = Harness(policy: .category2025)
        try harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        try harness.send(.classifyComplaint(ClassifyComplaint(category: .logistics, problemClass: problemClass)), as: Actors.agent)
        let breaches = dueTimers(harness.complaint, policy: harness.policy).filter { $0.kind == .breach }
        #expect(breaches.map(\.clock) == [.acknowledgement, .resolution])
        #expect(breaches.map(\.dueAt) == [
            monday9.addingTimeInterval(TimeInterval(acknowledgementHours * 3600)), monday9.addingTimeInterval(TimeInterval(resolutionHours * 3600)),
        ])
        let events = harness.advance(by: TimeInterval(resolutionHours * 3600))
        let breachTimes = events.compactMap { event -> Date? in
            if case .slaBreached = event.event { return event.occurredAt }
            return nil
        }
        #expect(breachTimes == breaches.map(\.dueAt))
    }
}
