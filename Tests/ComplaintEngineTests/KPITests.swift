import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// An instant written in the policy's time zone (Asia/Shanghai).
func shanghai(_ local: String) -> Date {
    ISO8601DateFormatter().date(from: local + "+08:00")!
}

/// A small portfolio driven through the real engine (standard policy, manual clock), whose KPIs
/// are worked out by hand in the tests below.
///
/// Week of Monday 2026-03-02 (all Asia/Shanghai):
/// - C-A (cust-1, phone, logistics): ack after 30 min; owner agent-7 in logistics-desk; result
///   communicated 10:00 (1 working hour used), accepted 11:00; satisfaction 5 at 12:00 (follow-up on
///   time), closed resolved, satisfaction 3 at 12:30. First-contact resolution.
/// - C-B (cust-2, email, productQuality): the acknowledgement breaches at 11:10 (escalation to level
///   2), ack at 11:30 (140 min); owner agent-8 in quality, transferred to after-sales/agent-9;
///   communicated 12:00 (170 min), rejected 13:00, communicated 14:00 (230 min), accepted 14:30;
///   closed resolved 15:00 without a follow-up (follow-up late), reopened 16:00 (resolution instance 2
///   open).
/// - C-C (cust-1, phone, logistics): ack after 40 min, withdrawn 10:30 (resolution void).
/// - C-E (cust-1, phone, logistics): ack after 30 min; classified after C-A and C-C, so a repeat;
///   no owner; its resolution clock breaches on Wednesday 09:40 (fired by a progress note at 10:00),
///   escalating it.
/// Week of Monday 2026-03-09:
/// - C-D (cust-4, phone, logistics): ack after 5 min, escalated by hand.
/// Interactions: phone 100 and email 50 for 03-02; phone 40 for 03-01…03-02 (not inside week 1);
/// phone 200 for 03-09.
final class KPIHistory {
    let store: Store
    let clock: ManualClock
    private(set) var engine: ComplaintEngine
    private var counter = 0
    /// Called after every command of the history (time-travel tests take snapshots with it).
    private let afterEachCommand: ((ComplaintEngine) throws -> Void)?

    private init(store: Store, clock: ManualClock, engine: ComplaintEngine, afterEachCommand: ((ComplaintEngine) throws -> Void)?) {
        self.store = store
        self.clock = clock
        self.engine = engine
        self.afterEachCommand = afterEachCommand
    }

    /// Opens a fresh store and plays the history into it, calling `afterEachCommand` after every
    /// command.
    static func make(afterEachCommand: ((ComplaintEngine) throws -> Void)? = nil) async throws -> KPIHistory {
        let store = Store()
        let clock = ManualClock(shanghai("2026-03-02T09:00:00"))
        let history = KPIHistory(
            store: store, clock: clock, engine: try await open(store, clock), afterEachCommand: afterEachCommand)
        do {
            try await history.play()
        } catch {
            history.finish()
            throw error
        }
        return history
    }

    private static func open(_ store: Store, _ clock: ManualClock, policy: ServicePolicy = .standard) async throws -> ComplaintEngine {
        try await ComplaintEngine.open(directory: store.path, configuration: .init(policy: policy, clock: clock))
    }

    /// Closes the engine and opens it again on the same store, with `policy`.
    func restart(policy: ServicePolicy = .standard) async throws {
        engine.close()
        engine = try await Self.open(store, clock, policy: policy)
    }

    func finish() {
        engine.close()
        store.remove()
    }

    func run(_ stream: String, at local: String, _ command: WorkflowCommand, as actor: Actor = agent) async throws {
        clock.set(shanghai(local))
        counter += 1
        try await engine.handle(CommandEnvelope(commandId: "k\(counter)", streamId: stream, actor: actor, command: command))
        try afterEachCommand?(engine)
    }

    private func receive(_ stream: String, at local: String, customer: String, channel: Channel) async throws {
        try await run(stream, at: local, .receiveComplaint(ReceiveComplaint(
            customer: CustomerDetails(id: customer), channel: channel, description: "complaint \(stream)")))
    }

    private func triage(_ stream: String, at local: String, _ category: Category) async throws {
        try await run(stream, at: local, .classifyComplaint(ClassifyComplaint(category: category)))
        try await run(stream, at: local, .assessSeverity(AssessSeverity(severity: .general, urgency: .normal)))
    }

    private func resolve(_ stream: String, at local: String) async throws {
        try await run(stream, at: local, .proposeResolution(ProposeResolution(
            remedies: [.apology], responsibility: .company, actionPlan: "fix it",
            dueAt: shanghai("2026-03-06T18:00:00"))), as: supervisor)
        try await run(stream, at: local, .implementResolution(ImplementResolution(actionsDone: "fixed")), as: supervisor)
    }

    private func communicate(_ stream: String, at local: String) async throws {
        try await run(stream, at: local, .communicateResult(CommunicateResult(
            channel: .phone, rootCauseExplained: true, apologyGiven: true, recourseInformed: true)), as: supervisor)
    }

    private func interactions(_ channel: Channel, _ count: Int, from: String, to: String) async throws {
        try await run("interactions-2026-03", at: "2026-03-09T12:00:00", .recordInteractions(RecordInteractions(
            channel: channel, count: count, period: Period(from: shanghai(from), to: shanghai(to)))))
    }

    private func play() async throws {
        try await receive("C-A", at: "2026-03-02T09:00:00", customer: "cust-1", channel: .phone)
        try await receive("C-B", at: "2026-03-02T09:10:00", customer: "cust-2", channel: .email)
        try await receive("C-C", at: "2026-03-02T09:20:00", customer: "cust-1", channel: .phone)
        try await run("C-A", at: "2026-03-02T09:30:00", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)))
        try await triage("C-A", at: "2026-03-02T09:30:00", .logistics)
        try await run("C-A", at: "2026-03-02T09:30:00", .assignComplaint(AssignComplaint(owner: "agent-7", department: "logistics-desk")), as: supervisor)
        try await run("C-A", at: "2026-03-02T09:30:00", .startInvestigation(StartInvestigation()), as: supervisor)
        try await resolve("C-A", at: "2026-03-02T09:30:00")
        try await receive("C-E", at: "2026-03-02T09:40:00", customer: "cust-1", channel: .phone)
        try await communicate("C-A", at: "2026-03-02T10:00:00")
        try await run("C-C", at: "2026-03-02T10:00:00", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)))
        try await triage("C-C", at: "2026-03-02T10:00:00", .logistics)
        try await run("C-E", at: "2026-03-02T10:10:00", .acknowledgeComplaint(AcknowledgeComplaint(channel: .sms)))
        try await triage("C-E", at: "2026-03-02T10:10:00", .logistics)
        try await run("C-C", at: "2026-03-02T10:30:00", .withdrawComplaint(WithdrawComplaint()))
        try await run("C-A", at: "2026-03-02T11:00:00", .recordCustomerResponse(RecordCustomerResponse(accepted: true)))
        try await run("C-B", at: "2026-03-02T11:30:00", .acknowledgeComplaint(AcknowledgeComplaint(channel: .email)))
        try await triage("C-B", at: "2026-03-02T11:30:00", .productQuality)
        try await run("C-B", at: "2026-03-02T11:30:00", .assignComplaint(AssignComplaint(owner: "agent-8", department: "quality")), as: supervisor)
        try await run("C-B", at: "2026-03-02T11:30:00", .transferComplaint(TransferComplaint(
            toDepartment: "after-sales", toOwner: "agent-9", reason: "a repair case")), as: supervisor)
        try await run("C-B", at: "2026-03-02T11:30:00", .startInvestigation(StartInvestigation()), as: supervisor)
        try await resolve("C-B", at: "2026-03-02T11:30:00")
        try await run("C-A", at: "2026-03-02T12:00:00", .recordSatisfaction(RecordSatisfaction(score: 5, method: .phone)))
        try await run("C-A", at: "2026-03-02T12:00:00", .closeComplaint(CloseComplaint(reason: .resolved)), as: supervisor)
        try await communicate("C-B", at: "2026-03-02T12:00:00")
        try await run("C-A", at: "2026-03-02T12:30:00", .recordSatisfaction(RecordSatisfaction(score: 3, method: .questionnaire)))
        try await run("C-B", at: "2026-03-02T13:00:00", .recordCustomerResponse(RecordCustomerResponse(accepted: false, reason: "still broken")))
        try await resolve("C-B", at: "2026-03-02T13:00:00")
        try await communicate("C-B", at: "2026-03-02T14:00:00")
        try await run("C-B", at: "2026-03-02T14:30:00", .recordCustomerResponse(RecordCustomerResponse(accepted: true)))
        try await run("C-B", at: "2026-03-02T15:00:00", .closeComplaint(CloseComplaint(reason: .resolved)), as: supervisor)
        try await run("C-B", at: "2026-03-02T16:00:00", .reopenComplaint(ReopenComplaint(reason: "broke again")))
        try await run("C-E", at: "2026-03-04T10:00:00", .recordProgress(RecordProgress(note: "waiting for the carrier", customerNotified: false)), as: supervisor)
        try await receive("C-D", at: "2026-03-09T09:00:00", customer: "cust-4", channel: .phone)
        try await run("C-D", at: "2026-03-09T09:05:00", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)))
        try await triage("C-D", at: "2026-03-09T09:05:00", .logistics)
        try await run("C-D", at: "2026-03-09T09:10:00", .escalateComplaint(EscalateComplaint(toLevel: 1, reason: "VIP")))
        try await interactions(.phone, 100, from: "2026-03-02T00:00:00", to: "2026-03-03T00:00:00")
        try await interactions(.email, 50, from: "2026-03-02T00:00:00", to: "2026-03-03T00:00:00")
        try await interactions(.phone, 40, from: "2026-03-01T00:00:00", to: "2026-03-03T00:00:00")
        try await interactions(.phone, 200, from: "2026-03-09T00:00:00", to: "2026-03-10T00:00:00")
    }
}

let week1 = try! TimeWindow(from: shanghai("2026-03-02T00:00:00"), to: shanghai("2026-03-09T00:00:00"))
let week2 = try! TimeWindow(from: shanghai("2026-03-09T00:00:00"), to: shanghai("2026-03-16T00:00:00"))

/// Checks a figure's numerator, denominator and value (`nil` expected: no value).
func expectFigure(
    _ report: KPIReport, _ kpi: KPI, _ numerator: Double, _ denominator: Int, _ value: Double?,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let figure = report[kpi]
    #expect(abs(figure.numerator - numerator) < 1e-9, "\(kpi) numerator \(figure.numerator)", sourceLocation: sourceLocation)
    #expect(figure.denominator == denominator, "\(kpi) denominator \(figure.denominator)", sourceLocation: sourceLocation)
    switch (figure.value, value) {
    case (nil, nil): break
    case (let found?, let expected?):
        #expect(abs(found - expected) < 1e-9, "\(kpi) value \(found), expected \(expected)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(kpi) value \(String(describing: figure.value)), expected \(String(describing: value))", sourceLocation: sourceLocation)
    }
}

@Suite struct KPITests {
    @Test func theHistoryIsWhatTheFiguresAssume() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let engine = history.engine
        #expect(try engine.complaint("C-A")?.closedReason == .resolved)
        let b = try #require(try engine.complaint("C-B"))
        #expect(b.status == .investigating && b.reopenCount == 1 && b.owner == "agent-9" && b.department == "after-sales")
        #expect(b.clocks[.resolution]?.instance == 2)
        #expect(b.escalationLevel == 2)
        #expect(try engine.complaint("C-C")?.closedReason == .withdrawn)
        let e = try #require(try engine.complaint("C-E"))
        #expect(e.repeatOf == ["C-A", "C-C"])
        #expect(e.clocks[.resolution]?.outcome == .late)
        #expect(e.escalationLevel == 2)
    }

    @Test func everyKPIOverTheFirstWeek() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let report = try history.engine.kpis(in: week1)
        #expect(report.figures.count == KPI.allCases.count)
        // Received: C-A, C-B, C-C, C-E.
        expectFigure(report, .resolutionRate, 1, 4, 0.25)                 // C-A (C-B was reopened)
        expectFigure(report, .complaintRate, 4, 150, 4.0 / 150)           // phone 100 + email 50
        expectFigure(report, .transferRate, 1, 4, 0.25)                   // C-B
        expectFigure(report, .acknowledgementOnTimeRate, 3, 4, 0.75)      // C-B late
        expectFigure(report, .resolutionOnTimeRate, 2, 3, 2.0 / 3)        // A, B#1 on time; E late; B#2 open; C void
        expectFigure(report, .followUpOnTimeRate, 1, 2, 0.5)              // A on time; B skipped by closing
        expectFigure(report, .meanAcknowledgementMinutes, 240, 4, 60)     // 30 + 140 + 40 + 30
        expectFigure(report, .meanResolutionWorkingHours, 290.0 / 60, 2, 290.0 / 120)  // A 60 min, B#1 230 min
        expectFigure(report, .reopenRate, 1, 2, 0.5)                      // C-B of C-A, C-B
        expectFigure(report, .escalationRate, 2, 4, 0.5)                  // C-B (ack breach), C-E (resolution breach)
        expectFigure(report, .satisfactionRate, 1, 2, 0.5)                // scores 5 and 3, threshold 4
        expectFigure(report, .repeatComplaintRate, 1, 4, 0.25)            // C-E
        expectFigure(report, .firstContactResolutionRate, 1, 2, 0.5)      // C-A; C-B transferred, escalated, rejected
        #expect(try history.engine.kpis(from: week1.from, to: week1.to) == report)
    }

    @Test func slicesByCategoryChannelOwnerAndDepartment() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let engine = history.engine

        let logistics = try engine.kpis(in: week1, where: KPISlice(category: .logistics))   // A, C, E
        expectFigure(logistics, .resolutionRate, 1, 3, 1.0 / 3)
        expectFigure(logistics, .transferRate, 0, 3, 0)
        expectFigure(logistics, .acknowledgementOnTimeRate, 3, 3, 1)
        expectFigure(logistics, .resolutionOnTimeRate, 1, 2, 0.5)
        expectFigure(logistics, .meanAcknowledgementMinutes, 100, 3, 100.0 / 3)
        expectFigure(logistics, .reopenRate, 0, 1, 0)
        expectFigure(logistics, .repeatComplaintRate, 1, 3, 1.0 / 3)
        expectFigure(logistics, .complaintRate, 0, 0, nil)                 // not sliceable by category

        let email = try engine.kpis(in: week1, where: KPISlice(channel: .email))            // B
        expectFigure(email, .complaintRate, 1, 50, 0.02)
        expectFigure(email, .resolutionRate, 0, 1, 0)
        expectFigure(email, .transferRate, 1, 1, 1)
        expectFigure(email, .followUpOnTimeRate, 0, 1, 0)
        expectFigure(email, .satisfactionRate, 0, 0, nil)

        let phone = try engine.kpis(in: week1, where: KPISlice(channel: .phone))            // A, C, E
        expectFigure(phone, .complaintRate, 3, 100, 0.03)
        expectFigure(phone, .escalationRate, 1, 3, 1.0 / 3)

        let agent7 = try engine.kpis(in: week1, where: KPISlice(owner: "agent-7"))          // A
        expectFigure(agent7, .resolutionRate, 1, 1, 1)
        expectFigure(agent7, .firstContactResolutionRate, 1, 1, 1)
        expectFigure(agent7, .satisfactionRate, 1, 2, 0.5)
        expectFigure(agent7, .meanResolutionWorkingHours, 1, 1, 1)

        // The latest owner and department count: C-B belongs to agent-9 in after-sales now.
        let agent8 = try engine.kpis(in: week1, where: KPISlice(owner: "agent-8"))
        for kpi in KPI.allCases { #expect(agent8.value(kpi) == nil, "\(kpi)") }
        let afterSales = try engine.kpis(in: week1, where: KPISlice(owner: "agent-9", department: "after-sales"))
        expectFigure(afterSales, .reopenRate, 1, 1, 1)
        expectFigure(afterSales, .resolutionOnTimeRate, 1, 1, 1)
        expectFigure(afterSales, .meanAcknowledgementMinutes, 140, 1, 140)
        let desk = try engine.kpis(in: week1, where: KPISlice(department: "logistics-desk"))   // A
        expectFigure(desk, .followUpOnTimeRate, 1, 1, 1)
        expectFigure(desk, .complaintRate, 0, 0, nil)
        expectFigure(try engine.kpis(in: week1, where: KPISlice(department: "quality")), .resolutionRate, 0, 0, nil)
        let both = try engine.kpis(in: week1, where: KPISlice(category: .logistics, channel: .email))
        expectFigure(both, .resolutionRate, 0, 0, nil)
    }

    @Test func aComplaintCountsOnlyInTheWindowOfItsReceipt() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let engine = history.engine
        // C-D alone: received on 03-09, so not in week 1; nothing resolved yet, so those figures are null.
        let second = try engine.kpis(in: week2)
        expectFigure(second, .resolutionRate, 0, 1, 0)
        expectFigure(second, .complaintRate, 1, 200, 0.005)
        expectFigure(second, .acknowledgementOnTimeRate, 1, 1, 1)
        expectFigure(second, .meanAcknowledgementMinutes, 5, 1, 5)
        expectFigure(second, .escalationRate, 1, 1, 1)                     // by hand
        for kpi in [KPI.resolutionOnTimeRate, .followUpOnTimeRate, .meanResolutionWorkingHours, .reopenRate,
                    .satisfactionRate, .firstContactResolutionRate] {
            expectFigure(second, kpi, 0, 0, nil)
        }
        // Half-open: C-C, received at 09:20, is outside [09:00, 09:20).
        let early = try engine.kpis(from: shanghai("2026-03-02T09:00:00"), to: shanghai("2026-03-02T09:20:00"))
        expectFigure(early, .acknowledgementOnTimeRate, 1, 2, 0.5)         // C-A, C-B
        expectFigure(early, .resolutionRate, 1, 2, 0.5)
        expectFigure(early, .complaintRate, 2, 0, nil)                     // no interaction period inside
        // Later events (C-E's breach on Wednesday) count in the window of receipt, not of the event.
        let wednesday = try engine.kpis(from: shanghai("2026-03-04T00:00:00"), to: shanghai("2026-03-05T00:00:00"))
        expectFigure(wednesday, .resolutionOnTimeRate, 0, 0, nil)
        expectFigure(wednesday, .escalationRate, 0, 0, nil)
        // An empty window and a reversed one.
        let empty = try engine.kpis(from: week1.from, to: week1.from)
        for kpi in KPI.allCases { #expect(empty.value(kpi) == nil) }
        #expect(throws: EngineError.self) { try engine.kpis(from: week1.to, to: week1.from) }
    }

    @Test func groupedByChannelAndWeek() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let rows = try history.engine.kpis(by: .channel, period: .week, from: week1.from, to: week2.to)
        #expect(rows.map(\.value) == ["email", "phone", "phone"])
        #expect(rows.map(\.period) == [week1, week1, week2])
        expectFigure(rows[0].report, .complaintRate, 1, 50, 0.02)
        expectFigure(rows[1].report, .complaintRate, 3, 100, 0.03)
        expectFigure(rows[1].report, .resolutionOnTimeRate, 1, 2, 0.5)
        expectFigure(rows[2].report, .complaintRate, 1, 200, 0.005)
        #expect(rows[1].report == (try history.engine.kpis(in: week1, where: KPISlice(channel: .phone))))
    }

    @Test func groupedByCategoryAndOwnerPerDayAndMonth() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let engine = history.engine
        let days = try engine.kpis(by: .category, period: .day, from: week1.from, to: week2.to)
        let monday = try TimeWindow(from: shanghai("2026-03-02T00:00:00"), to: shanghai("2026-03-03T00:00:00"))
        let nextMonday = try TimeWindow(from: shanghai("2026-03-09T00:00:00"), to: shanghai("2026-03-10T00:00:00"))
        #expect(days.map(\.value) == ["logistics", "productQuality", "logistics"])
        #expect(days.map(\.period) == [monday, monday, nextMonday])
        expectFigure(days[0].report, .resolutionRate, 1, 3, 1.0 / 3)
        expectFigure(days[0].report, .complaintRate, 0, 0, nil)
        expectFigure(days[1].report, .firstContactResolutionRate, 0, 1, 0)

        // Owners: C-C, C-D and C-E have none and are in no row; the month is clipped to the range.
        let months = try engine.kpis(by: .owner, period: .month, from: week1.from, to: week2.to)
        #expect(months.map(\.value) == ["agent-7", "agent-9"])
        #expect(months.allSatisfy { $0.period == (try! TimeWindow(from: week1.from, to: week2.to)) })
        expectFigure(months[1].report, .reopenRate, 1, 1, 1)
        let month = try engine.kpis(by: .department, period: .month, from: shanghai("2026-03-01T00:00:00"), to: shanghai("2026-04-01T00:00:00"))
        #expect(month.map(\.value) == ["after-sales", "logistics-desk"])
    }

    @Test func aRebuildAndARestartLeaveEveryFigureUnchanged() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let engine = history.engine
        let dump = try engine.log.dumpProjection("kpi")
        #expect(dump.count == 5 * 2 + 4)                      // facts and state of 5 complaints, 4 interaction counts
        let slices = [KPISlice.all, KPISlice(category: .logistics), KPISlice(channel: .phone), KPISlice(owner: "agent-9")]
        let before = try slices.flatMap { slice in [try engine.kpis(in: week1, where: slice), try engine.kpis(in: week2, where: slice)] }
        let rows = try engine.kpis(by: .channel, period: .day, from: week1.from, to: week2.to)

        try engine.log.rebuildProjections()
        #expect(try engine.log.dumpProjection("kpi").elementsEqual(dump) { $0.key == $1.key && $0.value == $1.value })
        #expect(try slices.flatMap { slice in [try engine.kpis(in: week1, where: slice), try engine.kpis(in: week2, where: slice)] } == before)
        #expect(try engine.kpis(by: .channel, period: .day, from: week1.from, to: week2.to) == rows)

        try engine.log.rebuildProjections(["kpi"])
        #expect(try engine.log.dumpProjection("kpi").elementsEqual(dump) { $0.key == $1.key && $0.value == $1.value })

        try await history.restart()
        #expect(try history.engine.log.dumpProjection("kpi").elementsEqual(dump) { $0.key == $1.key && $0.value == $1.value })
        #expect(try history.engine.kpis(in: week1) == before[0])
    }
    @Test func everythingRecordedSoFar() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let report = try history.engine.kpis()
        expectFigure(report, .resolutionRate, 1, 5, 0.2)
        expectFigure(report, .complaintRate, 5, 390, 5.0 / 390)            // every interaction count
        expectFigure(report, .escalationRate, 3, 5, 0.6)
        expectFigure(report, .meanAcknowledgementMinutes, 245, 5, 49)
        let phone = try history.engine.kpis(where: KPISlice(channel: .phone))
        expectFigure(phone, .complaintRate, 4, 340, 4.0 / 340)
    }

    @Test func anErasureAndARebuildLeaveTheFiguresAsTheyWere() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let dump = try history.engine.log.dumpProjection("kpi")
        let report = try history.engine.kpis(in: week1)
        try await history.run(
            StreamKind.customerStreamId("cust-2"), at: "2026-03-10T09:00:00",
            .forgetCustomer(ForgetCustomer(customerId: "cust-2")), as: Actor(id: "dpo-1", role: .dataProtectionOfficer))
        try history.engine.log.rebuildProjections(["kpi"])
        #expect(try history.engine.log.dumpProjection("kpi").elementsEqual(dump) { $0.key == $1.key && $0.value == $1.value })
        #expect(try history.engine.kpis(in: week1) == report)
    }

    @Test func resolutionHoursAreMeasuredInTheClocksOwnCalendar() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(shanghai("2026-03-02T09:00:00"))
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(policy: .category2025, clock: clock))
        defer { engine.close() }
        var counter = 0
        func run(_ local: String, _ command: WorkflowCommand, as actor: Actor = supervisor) async throws {
            clock.set(shanghai(local))
            counter += 1
            try await engine.handle(CommandEnvelope(commandId: "c\(counter)", streamId: "C-9", actor: actor, command: command))
        }
        try await run("2026-03-02T09:00:00", .receiveComplaint(ReceiveComplaint(
            customer: CustomerDetails(id: "cust-9"), channel: .companyApp, description: "app crashes")), as: agent)
        try await run("2026-03-02T09:10:00", .acknowledgeComplaint(AcknowledgeComplaint(channel: .appPush)))
        try await run("2026-03-02T09:10:00", .classifyComplaint(ClassifyComplaint(category: .systemTech, problemClass: .basic)))
        try await run("2026-03-02T09:10:00", .assessSeverity(AssessSeverity(severity: .general, urgency: .normal)))
        try await run("2026-03-02T09:10:00", .assignComplaint(AssignComplaint(owner: "agent-3", department: "it")))
        try await run("2026-03-02T09:10:00", .startInvestigation(StartInvestigation()))
        try await run("2026-03-02T09:10:00", .proposeResolution(ProposeResolution(
            remedies: [.repair], responsibility: .company, actionPlan: "patch", dueAt: shanghai("2026-03-03T09:00:00"))))
        try await run("2026-03-02T09:10:00", .implementResolution(ImplementResolution(actionsDone: "patched")))
        try await run("2026-03-03T09:00:00", .communicateResult(CommunicateResult(
            channel: .appPush, rootCauseExplained: true, apologyGiven: true, recourseInformed: false)))
        try await run("2026-03-03T10:00:00", .recordCustomerResponse(RecordCustomerResponse(accepted: true)), as: agent)
        // 24 elapsed hours (basic: 48 h target), not the 9 working hours of the standard calendar.
        let report = try engine.kpis(in: week1)
        expectFigure(report, .meanResolutionWorkingHours, 24, 1, 24)
        expectFigure(report, .resolutionOnTimeRate, 1, 1, 1)
        expectFigure(report, .meanAcknowledgementMinutes, 10, 1, 10)
        expectFigure(report, .firstContactResolutionRate, 1, 1, 1)
        expectFigure(report, .followUpOnTimeRate, 0, 0, nil)                // still open
    }
    @Test func theSatisfactionThresholdIsThePolicyOfTheQueryingEngine() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        expectFigure(try history.engine.kpis(in: week1), .satisfactionRate, 1, 2, 0.5)     // scores 5 and 3
        var lenient = ServicePolicy.standard
        lenient.satisfactionThreshold = 3
        try await history.restart(policy: lenient)
        expectFigure(try history.engine.kpis(in: week1), .satisfactionRate, 2, 2, 1)
    }
}
