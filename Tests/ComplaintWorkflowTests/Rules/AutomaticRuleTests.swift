import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// The automatic events (type, rule) a list of decided events holds.
func automatic(_ events: [DecidedEvent]) -> [String] {
    events.filter(\.isAutomatic).map { "\($0.event.typeName):\($0.rule!.rawValue)" }
}

func policy(switchingOff key: RuleKey) -> ServicePolicy {
    var policy = ServicePolicy.standard
    policy.escalation[key]?.enabled = false
    return policy
}

@Suite("Automatic rules")
struct AutomaticRuleTests {
    func received(policy: ServicePolicy = .standard, _ receive: ReceiveComplaint = Sample.receive) throws -> (Harness, [DecidedEvent]) {
        var harness = Harness(policy: policy)
        let events = try harness.send(.receiveComplaint(receive), as: Actors.agent)
        return (harness, events)
    }

    func assess(_ assessment: AssessSeverity, policy: ServicePolicy = .standard) throws -> (Harness, [DecidedEvent]) {
        var (harness, _) = try received(policy: policy)
        let events = try harness.send(.assessSeverity(assessment), as: Actors.agent)
        return (harness, events)
    }

    @Test func legalOrSafetyRaisesSeverity() throws {
        let (harness, events) = try assess(AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(legalOrSafety: true)))
        #expect(automatic(events) == ["SeverityRaised:legalOrSafety"])
        #expect(events.last?.event == .severityRaised(SeverityRaised(from: .general, to: .serious)))
        #expect(events.last?.actor == .system)
        #expect(harness.complaint.severity == .serious)
        #expect(harness.complaint.assessedSeverity == .general)
    }

    @Test func legalOrSafetySilentWhenAlreadySeriousOrOff() throws {
        let factors = SeverityFactors(legalOrSafety: true)
        #expect(automatic(try assess(AssessSeverity(severity: .serious, urgency: .normal, factors: factors)).1).isEmpty)
        let (off, events) = try assess(AssessSeverity(severity: .general, urgency: .normal, factors: factors), policy: policy(switchingOff: .legalOrSafety))
        #expect(automatic(events).isEmpty)
        #expect(off.complaint.severity == .general)
    }

    @Test(arguments: [(Severity.critical, Urgency.normal, true), (.serious, .urgent, true), (.serious, .normal, false), (.general, .urgent, false)])
    func severeAtAssessment(_ severity: Severity, _ urgency: Urgency, _ fires: Bool) throws {
        let (harness, events) = try assess(AssessSeverity(severity: severity, urgency: urgency))
        #expect(automatic(events) == (fires ? ["ComplaintEscalated:severeAtAssessment"] : []))
        #expect(harness.complaint.escalationLevel == (fires ? 3 : 0))
    }

    @Test func severeAtAssessmentAfterASeverityRaise() throws {
        let (harness, events) = try assess(AssessSeverity(severity: .general, urgency: .urgent, factors: SeverityFactors(legalOrSafety: true)))
        #expect(automatic(events) == ["SeverityRaised:legalOrSafety", "ComplaintEscalated:severeAtAssessment"])
        #expect(harness.complaint.escalationLevel == 3)
    }

    @Test func hardToJudge() throws {
        let assessment = AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(complexOrHardToJudge: true))
        let (harness, events) = try assess(assessment)
        #expect(automatic(events) == ["ComplaintEscalated:hardToJudge"])
        #expect(events.last?.event == .complaintEscalated(ComplaintEscalated(fromLevel: 0, toLevel: 2, reason: events.last!.reason!)))
        #expect(harness.complaint.escalationLevel == 2)
        #expect(automatic(try assess(assessment, policy: policy(switchingOff: .hardToJudge)).1).isEmpty)
    }

    @Test func hardToJudgeSilentWhenTheLevelIsHigher() throws {
        let (_, events) = try assess(
            AssessSeverity(severity: .critical, urgency: .urgent, factors: SeverityFactors(complexOrHardToJudge: true)))
        #expect(automatic(events) == ["ComplaintEscalated:severeAtAssessment"])
    }

    @Test func highImpactAtReceipt() throws {
        var angry = Sample.receive
        angry.emotion = .angry
        let (harness, events) = try received(angry)
        #expect(automatic(events) == ["ComplaintEscalated:highImpact"])
        #expect(harness.complaint.escalationLevel == 4)
        var large = Sample.receive
        large.amountInvolved = money(1_000_000)
        #expect(automatic(try received(large).1) == ["ComplaintEscalated:highImpact"])
        large.amountInvolved = money(999_999)
        #expect(automatic(try received(large).1).isEmpty)
        #expect(automatic(try received(policy: policy(switchingOff: .highImpact), angry).1).isEmpty)
    }

    @Test func highImpactReputationRiskAtAssessment() throws {
        let (harness, events) = try assess(AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(reputationRisk: true)))
        #expect(automatic(events) == ["ComplaintEscalated:highImpact"])
        #expect(harness.complaint.escalationLevel == 4)
    }

    @Test func reTargetedLevel() throws {
        var policy = ServicePolicy.standard
        policy.escalation[.hardToJudge]?.toLevel = 3
        let (harness, _) = try assess(
            AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(complexOrHardToJudge: true)), policy: policy)
        #expect(harness.complaint.escalationLevel == 3)
    }

    @Test func specialGroup() throws {
        var harness = Stage.assigned.harness()
        let events = try harness.send(.startInvestigation(StartInvestigation(specialGroup: SpecialGroup(members: ["spec-1"], departments: ["quality"]))), as: Actors.owner)
        #expect(automatic(events) == ["ComplaintEscalated:specialGroup"])
        #expect(harness.complaint.escalationLevel == 3)
        var plain = Stage.assigned.harness()
        #expect(automatic(try plain.send(.startInvestigation(StartInvestigation()), as: Actors.owner)).isEmpty)
        var off = Stage.assigned.harness(policy: policy(switchingOff: .specialGroup))
        #expect(automatic(try off.send(.startInvestigation(StartInvestigation(specialGroup: SpecialGroup(members: ["spec-1"], departments: []))), as: Actors.owner)).isEmpty)
    }

    @Test func secondRejection() throws {
        var harness = Stage.awaitingCustomer.harness()
        let reject = WorkflowCommand.recordCustomerResponse(RecordCustomerResponse(accepted: false))
        #expect(automatic(try harness.send(reject, as: Actors.customer)).isEmpty)
        try harness.send(.proposeResolution(Sample.propose()), as: Actors.owner)
        try harness.send(.implementResolution(ImplementResolution(actionsDone: "x")), as: Actors.owner)
        try harness.send(.communicateResult(Sample.communicate), as: Actors.owner)
        let second = try harness.send(reject, as: Actors.customer)
        #expect(automatic(second) == ["ComplaintEscalated:secondRejection"])
        #expect(harness.complaint.escalationLevel == 1)
        #expect(harness.complaint.rejectionCount == 2)
    }

    // MARK: Repeat complaints

    func earlier(_ count: Int, category: Category = .logistics, daysBefore: Double = 5, closedReason: ClosureReason? = nil) -> [EarlierComplaint] {
        (0..<count).map { index in
            EarlierComplaint(
                id: "C-old-\(index)", category: category, receivedAt: monday9.addingTimeInterval(-(daysBefore + Double(index)) * 86_400),
                closedReason: closedReason)
        }
    }

    func repeatHarness(_ earlier: [EarlierComplaint], policy: ServicePolicy = .standard) throws -> (Harness, [DecidedEvent]) {
        var harness = Harness(policy: policy)
        harness.earlier = earlier
        try harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        try harness.send(.classifyComplaint(Sample.classify), as: Actors.agent)
        let events = try harness.send(.assessSeverity(AssessSeverity(severity: .general, urgency: .normal)), as: Actors.agent)
        return (harness, events)
    }

    @Test func repeatComplaintDetectedAndSeverityRaised() throws {
        let (harness, events) = try repeatHarness(earlier(2))
        #expect(automatic(events) == ["RepeatComplaintDetected:repeatComplaint", "SeverityRaised:repeatComplaint"])
        #expect(harness.complaint.repeatOf == ["C-old-1", "C-old-0"])
        #expect(harness.complaint.severity == .serious)
    }

    @Test func repeatNeedsEnoughMatchingComplaints() throws {
        #expect(automatic(try repeatHarness(earlier(1)).1).isEmpty)
        #expect(automatic(try repeatHarness(earlier(2, category: .productQuality)).1).isEmpty)
        #expect(automatic(try repeatHarness(earlier(2, daysBefore: 30)).1).isEmpty)
        #expect(automatic(try repeatHarness(earlier(2, closedReason: .falseComplaint)).1).isEmpty)
        #expect(automatic(try repeatHarness(earlier(2, closedReason: .duplicate)).1).isEmpty)
        #expect(automatic(try repeatHarness(earlier(2, closedReason: .resolved)).1).count == 2)
        #expect(automatic(try repeatHarness(earlier(3), policy: policy(switchingOff: .repeatComplaint)).1).isEmpty)
    }

    @Test func repeatDetectedWhenClassificationComesLast() throws {
        var harness = Harness()
        harness.earlier = earlier(2)
        try harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        try harness.send(.assessSeverity(AssessSeverity(severity: .serious, urgency: .urgent)), as: Actors.agent)
        let events = try harness.send(.classifyComplaint(Sample.classify), as: Actors.agent)
        #expect(automatic(events) == ["RepeatComplaintDetected:repeatComplaint", "SeverityRaised:repeatComplaint"])
        #expect(harness.complaint.severity == .critical)
        let again = try harness.send(.classifyComplaint(Sample.classify), as: Actors.agent)
        #expect(automatic(again).isEmpty)
    }
}
