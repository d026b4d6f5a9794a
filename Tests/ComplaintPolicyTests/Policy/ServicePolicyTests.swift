import Foundation
import Testing
@testable import ComplaintPolicy

@Suite("Service policy presets")
struct ServicePolicyPresetTests {
    @Test func standardCarriesTheContractValues() throws {
        let policy = ServicePolicy.standard
        #expect(policy.clocks[.acknowledgement] == ClockPolicy(target: 7200, calendar: .elapsed, warnAt: 0.8))
        #expect(policy.clocks[.resolution] == ClockPolicy(target: 18 * 3600, calendar: .business, warnAt: 0.8))
        #expect(policy.clocks[.followUp] == ClockPolicy(target: 24 * 3600, calendar: .elapsed, warnAt: 0.8))
        #expect(policy.approvalCompensationLimit == 100_000)
        #expect(policy.highAmount == 1_000_000)
        #expect(policy.reopenWindowDays == 30)
        #expect(policy.unreachableAttempts == 3)
        #expect(policy.repeatRule == RepeatRule(enabled: true, count: 2, days: 30))
        #expect(policy.satisfactionThreshold == 4)
        #expect(policy.categories == Category.defaults)
        #expect(policy.calendar == .standard)
        #expect(policy.suggestions[.recurringRootCause] == SuggestionRuleSetting(enabled: true, count: 5, days: 30, periods: 2))
        #expect(Set(policy.escalation.keys) == Set(RuleKey.allCases))
        #expect(policy.escalation[.highImpact]?.toLevel == 4)
        try policy.validate()
        try ServicePolicy.category2025.validate()
    }

    @Test(arguments: [
        (ProblemClass?.none, Int64(72), Int64(120)), (.basic, 24, 48), (.process, 48, 72), (.complex, 72, 120), (.special, 24, 48),
    ] as [(ProblemClass?, Int64, Int64)])
    func category2025TargetsByProblemClass(problemClass: ProblemClass?, acknowledgementHours: Int64, resolutionHours: Int64) {
        let policy = ServicePolicy.category2025
        #expect(policy.clockPolicy(.acknowledgement, problemClass: problemClass) == ClockPolicy(target: acknowledgementHours * 3600, calendar: .elapsed))
        #expect(policy.clockPolicy(.resolution, problemClass: problemClass) == ClockPolicy(target: resolutionHours * 3600, calendar: .elapsed))
        #expect(policy.clockPolicy(.followUp, problemClass: problemClass) == ClockPolicy(target: 24 * 3600, calendar: .elapsed))
    }

    @Test func standardIgnoresProblemClass() {
        for problemClass in ProblemClass.allCases {
            #expect(ServicePolicy.standard.clockPolicy(.resolution, problemClass: problemClass)?.calendar == .business)
        }
    }

    @Test func presetsByName() throws {
        #expect(try ServicePolicy.preset(named: "standard") == .standard)
        #expect(try ServicePolicy.preset(named: "category2025") == .category2025)
        #expect(throws: PolicyValidationError.self) { try ServicePolicy.preset(named: "lenient") }
    }

    @Test func escalationLevels() {
        let atLeastTwo = EscalationRuleSetting(toLevel: 2)
        #expect([0, 1, 2, 3].map(atLeastTwo.resultingLevel(from:)) == [2, 2, 2, 3])
        let stepUp = EscalationRuleSetting(increment: 1)
        #expect([0, 4, 5].map(stepUp.resultingLevel(from:)) == [1, 5, 5])
        let stepAtLeastTwo = EscalationRuleSetting(toLevel: 2, increment: 1)
        #expect([0, 1, 2, 5].map(stepAtLeastTwo.resultingLevel(from:)) == [2, 2, 3, 5])
        #expect(EscalationRuleSetting(enabled: false, toLevel: 4).resultingLevel(from: 1) == 1)
        #expect(!ServicePolicy.standard.setting(.slaBreach).escalates)
    }

    @Test func warningThresholds() {
        #expect(ClockPolicy(target: 7200, calendar: .elapsed, warnAt: 0.8).warningThreshold == 5760)
        #expect(ClockPolicy(target: 64_800, calendar: .business, warnAt: 0.8).warningThreshold == 51_840)
        #expect(ClockPolicy(target: 10, calendar: .elapsed, warnAt: 0.33).warningThreshold == 4)
    }
}
