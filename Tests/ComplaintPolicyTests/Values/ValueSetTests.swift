import Foundation
import Testing
@testable import ComplaintPolicy

/// Round-trips every member of a closed set through `parse` and JSON.
private func roundTrips<Value: ClosedValueSet>(_ type: Value.Type) throws -> Bool {
    for value in Value.allCases {
        guard try Value.parse(value.rawValue) == value else { return false }
        let data = try JSONEncoder().encode([value])
        guard try JSONDecoder().decode([Value].self, from: data) == [value] else { return false }
    }
    return true
}

@Suite("Closed value sets")
struct ValueSetTests {
    @Test func everyMemberRoundTrips() throws {
        #expect(try roundTrips(Channel.self))
        #expect(try roundTrips(ProblemClass.self))
        #expect(try roundTrips(Emotion.self))
        #expect(try roundTrips(ComplaintSource.self))
        #expect(try roundTrips(VerificationMethod.self))
        #expect(try roundTrips(ImpactScope.self))
        #expect(try roundTrips(Responsibility.self))
        #expect(try roundTrips(AuthenticityOutcome.self))
        #expect(try roundTrips(Severity.self))
        #expect(try roundTrips(Urgency.self))
        #expect(try roundTrips(Remedy.self))
        #expect(try roundTrips(CauseClass.self))
        #expect(try roundTrips(AnalysisMethod.self))
        #expect(try roundTrips(ClosureReason.self))
        #expect(try roundTrips(SatisfactionMethod.self))
        #expect(try roundTrips(ImprovementTrigger.self))
        #expect(try roundTrips(ActionType.self))
        #expect(try roundTrips(KPI.self))
        #expect(try roundTrips(Role.self))
        #expect(try roundTrips(ClockName.self))
        #expect(try roundTrips(RuleKey.self))
        #expect(try roundTrips(SuggestionRuleKey.self))
        #expect(try roundTrips(ClockPhase.self))
        #expect(try roundTrips(ClockOutcome.self))
    }

    @Test(arguments: ["fax", "Phone", "", "phone "])
    func unknownChannelIsRefusedNamingSetAndValue(raw: String) {
        #expect(throws: PolicyValueError.self) { try Channel.parse(raw) }
        do {
            _ = try Channel.parse(raw)
        } catch {
            #expect(error.field == "channel")
            #expect(error.reason.contains("'\(raw)'"))
            #expect(error.reason.contains("onlineChat"))
        }
    }

    @Test func decodingAnUnknownRawValueFails() {
        let data = Data(#"["general","catastrophic"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Severity].self, from: data) }
    }

    @Test func sourceUsesTheKeywordNames() throws {
        #expect(ComplaintSource.internal.rawValue == "internal")
        #expect(try ComplaintSource.parse("external") == .external)
    }

    @Test func outboundOnlyChannels() {
        #expect(Channel.allCases.filter { !$0.isInbound } == [.sms, .appPush])
        #expect(Channel.inbound.count == 7)
    }

    @Test func severityOrderAndRaise() {
        #expect(Severity.general < .serious && Severity.serious < .critical)
        #expect(Severity.general.raisedOneStep == .serious)
        #expect(Severity.serious.raisedOneStep == .critical)
        #expect(Severity.critical.raisedOneStep == .critical)
    }

    @Test func clockNamesSortInTimerTieBreakOrder() {
        #expect([ClockName.followUp, .acknowledgement, .resolution].sorted() == [.acknowledgement, .resolution, .followUp])
    }

    @Test func kpiDirections() {
        let lower: Set<KPI> = [
            .complaintRate, .transferRate, .reopenRate, .escalationRate, .repeatComplaintRate,
            .meanAcknowledgementMinutes, .meanResolutionWorkingHours,
        ]
        for kpi in KPI.allCases {
            #expect(kpi.direction == (lower.contains(kpi) ? .lower : .higher), "\(kpi)")
        }
        #expect(KPI.allCases.count == 13)
        #expect(KPIDirection.lower.reaches(0.1, target: 0.2))
        #expect(!KPIDirection.higher.reaches(0.1, target: 0.2))
        #expect(KPIDirection.higher.improves(0.3, on: 0.2))
        #expect(!KPIDirection.lower.improves(0.2, on: 0.2))
    }

    @Test func ruleKeys() {
        #expect(RuleKey.allCases.count == 12)
        #expect(SuggestionRuleKey.allCases.map(\.rawValue) == ["recurringRootCause", "kpiBelowTarget"])
    }
}
