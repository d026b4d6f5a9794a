import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Improvement suggestions")
struct SuggestionTests {
    static let day: TimeInterval = 86_400

    /// `n` logistics complaints closed with a processGap root cause, `spacing` days apart.
    static func closed(_ n: Int, from start: Int = 0, spacing: Double = 1, category: ComplaintPolicy.Category = .logistics, cause: CauseClass = .processGap) -> [ClosedComplaintFact] {
        (0..<n).map { index in
            ClosedComplaintFact(
                complaintId: "C-\(category.rawValue)-\(start + index)", causeClass: cause, category: category,
                closedAt: monday9.addingTimeInterval(Double(start + index) * spacing * day))
        }
    }

    static func suggest(
        _ facts: SuggestionFacts, existing: [ImprovementSuggested] = [], policy: ServicePolicy = .standard
    ) -> [SuggestedImprovement] {
        suggestImprovements(policy: policy, facts: facts, existing: existing, now: monday9.addingTimeInterval(90 * day))
    }

    @Test(arguments: [(4, 0), (5, 1), (9, 1), (10, 2)])
    func recurringRootCauseNeedsCountComplaints(_ complaints: Int, _ expected: Int) {
        let found = Self.suggest(SuggestionFacts(closedComplaints: Self.closed(complaints)))
        #expect(found.count == expected)
        #expect(found.allSatisfy { $0.suggestion.evidence.count == 5 && $0.suggestion.rule == .recurringRootCause })
    }

    @Test func recurringRootCauseNeedsThemWithinDays() {
        // Five complaints 7.5 days apart span exactly 30 days: the first falls out of (latest − 30 d, latest].
        #expect(Self.suggest(SuggestionFacts(closedComplaints: Self.closed(5, spacing: 7.5))).isEmpty)
        #expect(Self.suggest(SuggestionFacts(closedComplaints: Self.closed(5, spacing: 7.4))).count == 1)
        // The earliest five that fit, scanning in closing order.
        let found = Self.suggest(SuggestionFacts(closedComplaints: Self.closed(6, spacing: 7)))
        #expect(found.map(\.suggestion.evidence) == [(0...4).map { "C-logistics-\($0)" }])
        // One long before the others drops out of the window.
        let late = Self.suggest(SuggestionFacts(closedComplaints: Self.closed(1) + Self.closed(5, from: 8, spacing: 5)))
        #expect(late.map(\.suggestion.evidence) == [(8...12).map { "C-logistics-\($0)" }])
    }

    @Test func recurringRootCauseGroupsByClassAndCategory() {
        let mixed = Self.closed(3) + Self.closed(2, from: 3, category: .afterSales) + Self.closed(2, from: 5, cause: .staffCapability)
        #expect(Self.suggest(SuggestionFacts(closedComplaints: mixed)).isEmpty)
        let both = Self.closed(5) + Self.closed(5, category: .afterSales)
        let found = Self.suggest(SuggestionFacts(closedComplaints: both))
        #expect(found.map(\.suggestion.figures.category) == [.afterSales, .logistics])
        let figures = found[1].suggestion.figures
        #expect(figures.causeClass == .processGap && figures.count == 5 && figures.days == 30)
        #expect(figures.firstClosedAt == monday9 && figures.lastClosedAt == monday9.addingTimeInterval(4 * Self.day))
    }

    @Test func aSuggestionIsRecordedBySystemUnderADeterministicCommandId() throws {
        let facts = SuggestionFacts(closedComplaints: Self.closed(5))
        let first = Self.suggest(facts)
        let again = Self.suggest(SuggestionFacts(closedComplaints: Array(Self.closed(5).reversed())))
        #expect(first == again)
        let suggested = try #require(first.first)
        #expect(suggested.commandId == "suggestion:" + suggested.suggestion.suggestionId)
        #expect(suggested.commandId.hasPrefix("suggestion:recurringRootCause:processGap:logistics:"))
        #expect(suggested.commandId.utf8.count <= Identifier.maximumBytes)
        #expect(SuggestedImprovement.streamId == "improvement-suggestions")
        #expect(suggested.decided.actor == .system)
        #expect(suggested.decided.event.type == .improvementSuggested)
        #expect(suggested.suggestion.trigger == .recurringProblem)
        #expect(suggested.decided.reason?.isEmpty == false)
    }

    @Test func nothingIsSuggestedTwice() {
        let five = Self.closed(5)
        let recorded = Self.suggest(SuggestionFacts(closedComplaints: five)).map(\.suggestion)
        #expect(recorded.count == 1)
        // The same facts, and one more complaint: nothing new until five fresh complaints.
        #expect(Self.suggest(SuggestionFacts(closedComplaints: five), existing: recorded).isEmpty)
        #expect(Self.suggest(SuggestionFacts(closedComplaints: Self.closed(9)), existing: recorded).isEmpty)
        let fresh = Self.suggest(SuggestionFacts(closedComplaints: Self.closed(10)), existing: recorded)
        #expect(fresh.map(\.suggestion.evidence) == [(5...9).map { "C-logistics-\($0)" }])
        #expect(!recorded.map(\.suggestionId).contains(fresh[0].suggestion.suggestionId))
    }

    @Test func disabledRulesSuggestNothing() {
        var policy = ServicePolicy.standard
        policy.suggestions[.recurringRootCause]?.enabled = false
        policy.suggestions[.kpiBelowTarget] = nil
        let facts = SuggestionFacts(
            closedComplaints: Self.closed(5),
            monthlyKPIs: [1, 2].map { MonthlyKPIFigure(kpi: .satisfactionRate, month: ReportingMonth(year: 2026, month: $0), value: 0.5) })
        #expect(Self.suggest(facts, policy: policy).isEmpty)
        #expect(Self.suggest(facts).count == 2)
    }

    @Test func policyThresholdsApply() {
        var policy = ServicePolicy.standard
        policy.suggestions[.recurringRootCause] = SuggestionRuleSetting(count: 3, days: 2)
        #expect(Self.suggest(SuggestionFacts(closedComplaints: Self.closed(3, spacing: 0.9)), policy: policy).count == 1)
        #expect(Self.suggest(SuggestionFacts(closedComplaints: Self.closed(3, spacing: 1)), policy: policy).isEmpty)
    }

    static func months(_ kpi: KPI, _ values: [Double?], startingAt month: Int = 1) -> [MonthlyKPIFigure] {
        values.enumerated().map { MonthlyKPIFigure(kpi: kpi, month: ReportingMonth(year: 2025, month: month).advanced(by: $0.offset), value: $0.element) }
    }

    @Test(arguments: [
        ([0.85] as [Double?], [[String]]()),
        ([0.85, 0.88], [["2025-01", "2025-02"]]),
        ([0.85, 0.95, 0.88], []),
        ([0.85, nil, 0.88], []),
        ([0.95, 0.85, 0.88, 0.8], [["2025-02", "2025-03"]]),
        ([0.85, 0.88, 0.8, 0.7], [["2025-01", "2025-02"], ["2025-03", "2025-04"]]),
        ([0.9, 0.9], []),
    ])
    func kpiBelowTargetHigherIsBetter(_ values: [Double?], _ expected: [[String]]) {
        // standard: satisfactionRate target 0.9, periods 2.
        let found = Self.suggest(SuggestionFacts(monthlyKPIs: Self.months(.satisfactionRate, values)))
        #expect(found.map(\.suggestion.evidence) == expected)
        #expect(found.allSatisfy { $0.suggestion.figures.kpi == .satisfactionRate && $0.suggestion.figures.target == 0.9 })
    }

    @Test func kpiBelowTargetLowerIsBetterAndAcrossTheYear() throws {
        var policy = ServicePolicy.standard
        policy.kpiTargets[.reopenRate] = 0.05
        let figures = Self.months(.reopenRate, [0.04, 0.06, 0.07], startingAt: 11)
        let found = Self.suggest(SuggestionFacts(monthlyKPIs: figures), policy: policy)
        let suggestion = try #require(found.first).suggestion
        #expect(found.count == 1)
        #expect(suggestion.evidence == ["2025-12", "2026-01"])
        #expect(suggestion.figures.values == [0.06, 0.07])
        #expect(suggestion.suggestionId == "kpiBelowTarget:reopenRate:2025-12..2026-01")
        #expect(suggestion.trigger == .kpiBelowTarget)
        // No target, no suggestion.
        #expect(Self.suggest(SuggestionFacts(monthlyKPIs: figures)).isEmpty)
    }

    @Test func kpiMonthsAreNotSuggestedTwice() {
        let two = Self.months(.resolutionRate, [0.5, 0.6])
        let recorded = Self.suggest(SuggestionFacts(monthlyKPIs: two)).map(\.suggestion)
        #expect(recorded.count == 1)
        #expect(Self.suggest(SuggestionFacts(monthlyKPIs: two), existing: recorded).isEmpty)
        #expect(Self.suggest(SuggestionFacts(monthlyKPIs: Self.months(.resolutionRate, [0.5, 0.6, 0.7])), existing: recorded).isEmpty)
        let four = Self.suggest(SuggestionFacts(monthlyKPIs: Self.months(.resolutionRate, [0.5, 0.6, 0.7, 0.8])), existing: recorded)
        #expect(four.map(\.suggestion.evidence) == [["2025-03", "2025-04"]])
    }

    @Test func monthsInThePolicysTimeZone() {
        let calendar = ServicePolicy.standard.calendar
        // 31 Jan 2026 23:30 in Shanghai is 15:30 UTC: still January there.
        let lateJanuary = instant("2026-01-31T23:30:00+08:00")
        let month = ReportingMonth(containing: lateJanuary, in: calendar)
        #expect(month.description == "2026-01")
        #expect(month.window(in: calendar) == Period(from: instant("2026-01-01T00:00:00+08:00"), to: instant("2026-02-01T00:00:00+08:00")))
        #expect(ReportingMonth(containing: instant("2026-02-01T00:00:00+08:00"), in: calendar) == month.next)
        #expect(ReportingMonth(year: 2025, month: 12).next.description == "2026-01")
    }

    @Test func suggestionDataRoundTrips() throws {
        let all = Self.suggest(SuggestionFacts(closedComplaints: Self.closed(5), monthlyKPIs: Self.months(.satisfactionRate, [0.5, 0.6])))
        #expect(all.map(\.suggestion.rule) == [.recurringRootCause, .kpiBelowTarget])
        let codec = EventCodec()
        for suggested in all {
            let event = suggested.decided.event
            #expect(try codec.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, payload: codec.encode(event)) == event)
        }
    }
}

extension ReportingMonth {
    func advanced(by months: Int) -> ReportingMonth {
        var month = self
        for _ in 0..<months { month = month.next }
        return month
    }
}
