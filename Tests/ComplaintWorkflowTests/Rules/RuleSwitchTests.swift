import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// A scenario that triggers one rule: what it records under `policy`.
struct RuleScenario: CustomStringConvertible, Sendable {
    var key: RuleKey
    var run: @Sendable (ServicePolicy) throws -> [DecidedEvent]

    var description: String { key.rawValue }

    static func afterReceipt(_ policy: ServicePolicy, _ steps: (inout Harness) throws -> [DecidedEvent]) throws -> [DecidedEvent] {
        var harness = Harness(policy: policy)
        try harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        return try steps(&harness)
    }

    static let all: [RuleScenario] = [
        RuleScenario(key: .legalOrSafety) { policy in
            try afterReceipt(policy) { try $0.send(.assessSeverity(AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(legalOrSafety: true))), as: Actors.agent) }
        },
        RuleScenario(key: .repeatComplaint) { policy in
            var harness = Harness(policy: policy)
            harness.earlier = (1...2).map { EarlierComplaint(id: "C-0\($0)", category: .logistics, receivedAt: monday9.addingTimeInterval(-Double($0) * 86_400)) }
            try harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
            try harness.send(.classifyComplaint(Sample.classify), as: Actors.agent)
            return try harness.send(.assessSeverity(Sample.assess), as: Actors.agent)
        },
        RuleScenario(key: .acknowledgementBreach) { policy in try afterReceipt(policy) { $0.advance(by: 3 * 3600) } },
        RuleScenario(key: .resolutionBreach) { policy in try afterReceipt(policy) { $0.advance(by: 3 * 86_400) } },
        RuleScenario(key: .severeAtAssessment) { policy in
            try afterReceipt(policy) { try $0.send(.assessSeverity(AssessSeverity(severity: .critical, urgency: .normal)), as: Actors.agent) }
        },
        RuleScenario(key: .hardToJudge) { policy in
            try afterReceipt(policy) { try $0.send(.assessSeverity(AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(complexOrHardToJudge: true))), as: Actors.agent) }
        },
        RuleScenario(key: .highImpact) { policy in
            try afterReceipt(policy) { try $0.send(.assessSeverity(AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(reputationRisk: true))), as: Actors.agent) }
        },
        RuleScenario(key: .specialGroup) { policy in
            var harness = Stage.assigned.harness(policy: policy)
            return try harness.send(.startInvestigation(StartInvestigation(specialGroup: SpecialGroup(members: ["spec-1"], departments: ["quality"]))), as: Actors.owner)
        },
        RuleScenario(key: .secondRejection) { policy in
            var harness = Stage.awaitingCustomer.harness(policy: policy)
            try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: false)), as: Actors.customer)
            try harness.send(.proposeResolution(Sample.propose()), as: Actors.owner)
            try harness.send(.implementResolution(ImplementResolution(actionsDone: "x")), as: Actors.owner)
            try harness.send(.communicateResult(Sample.communicate), as: Actors.owner)
            return try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: false)), as: Actors.customer)
        },
        RuleScenario(key: .followUpSkipped) { policy in
            var harness = Stage.resolved.harness(policy: policy)
            return try harness.send(.closeComplaint(CloseComplaint(reason: .resolved)), as: Actors.owner)
        },
    ]
}

@Suite("Rule switches")
struct RuleSwitchTests {
    @Test(arguments: RuleScenario.all)
    func firesUnderStandard(_ scenario: RuleScenario) throws {
        let events = try scenario.run(.standard)
        #expect(events.contains { $0.rule == scenario.key })
        #expect(events.filter { $0.rule == scenario.key }.allSatisfy { $0.actor == .system && $0.reason?.isEmpty == false })
    }

    @Test(arguments: RuleScenario.all)
    func silentWhenSwitchedOff(_ scenario: RuleScenario) throws {
        let events = try scenario.run(policy(switchingOff: scenario.key))
        #expect(!events.contains { $0.rule == scenario.key })
    }

    @Test func everyRuleKeyOfSection5HasAScenario() {
        let covered = Set(RuleScenario.all.map(\.key))
        #expect(Set(AutomaticRules.all.map(\.key)).isSubset(of: covered))
        #expect(covered.contains(.followUpSkipped))
    }

    @Test func acknowledgementBreachSilentWhenTheLevelIsHigher() {
        var angry = Sample.receive
        angry.emotion = .angry
        var harness = Harness()
        try! harness.send(.receiveComplaint(angry), as: Actors.agent)
        let events = harness.advance(by: 3 * 3600)
        #expect(events.map(\.event.type) == [.slaWarningRaised, .slaBreached])
        #expect(harness.complaint.escalationLevel == 4)
    }

    @Test func resolutionBreachAddsOneAboveTwo() {
        var angry = Sample.receive
        angry.emotion = .angry
        var harness = Harness()
        try! harness.send(.receiveComplaint(angry), as: Actors.agent)
        harness.advance(by: 3 * 86_400)
        #expect(harness.complaint.escalationLevel == 5)
    }
}
