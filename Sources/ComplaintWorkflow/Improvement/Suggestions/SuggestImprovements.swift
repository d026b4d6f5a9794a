public import ComplaintPolicy
public import Foundation

/// The suggestions to record now (pure; DOMAIN.md §7 suggestions): `recurringRootCause` first,
/// then `kpiBelowTarget`, each in a deterministic order.
///
/// - `recurringRootCause` (when enabled): per root-cause class and category, scanning the closed
///   complaints in closing order (then id), `count` complaints whose closing times lie within
///   `days` × 24 h of the latest of them, i.e. in `(latest − days × 24 h, latest]`. Each complaint
///   is evidence of at most one suggestion per class and category, so a further suggestion needs
///   `count` complaints not yet suggested.
/// - `kpiBelowTarget` (when enabled): per KPI with a `kpiTargets` value, `periods` consecutive
///   months whose figure misses the target in the KPI's direction. A null figure breaks a run.
///   Each month is evidence of at most one suggestion per KPI.
///
/// `existing` holds the suggestions already recorded (the stream's events); their evidence is not
/// used again, and every suggestion's command id (`suggestion:<suggestionId>`) is a function of its
/// rule and evidence, so nothing is suggested twice.
public func suggestImprovements(
    policy: ServicePolicy, facts: SuggestionFacts, existing: [ImprovementSuggested], now: Date
) -> [SuggestedImprovement] {
    let known = Set(existing.map(\.suggestionId))
    let found = SuggestionRules.recurringRootCause(policy: policy, facts: facts.closedComplaints, existing: existing, now: now)
        + SuggestionRules.kpiBelowTarget(policy: policy, figures: facts.monthlyKPIs, existing: existing, now: now)
    return found.filter { !known.contains($0.suggestion.suggestionId) }
}

enum SuggestionRules {
    private struct Group: Hashable, Comparable {
        var causeClass: CauseClass
        var category: Category
        static func < (lhs: Group, rhs: Group) -> Bool {
            (lhs.causeClass.rawValue, lhs.category.rawValue) < (rhs.causeClass.rawValue, rhs.category.rawValue)
        }
    }

    static func recurringRootCause(
        policy: ServicePolicy, facts: [ClosedComplaintFact], existing: [ImprovementSuggested], now: Date
    ) -> [SuggestedImprovement] {
        let setting = policy.setting(.recurringRootCause)
        guard setting.enabled, setting.count >= 1, setting.days >= 1 else { return [] }
        var used: [Group: Set<String>] = [:]
        for suggestion in existing where suggestion.rule == .recurringRootCause {
            guard let causeClass = suggestion.figures.causeClass, let category = suggestion.figures.category else { continue }
            used[Group(causeClass: causeClass, category: category), default: []].formUnion(suggestion.evidence)
        }
        var groups: [Group: [String: ClosedComplaintFact]] = [:]
        for fact in facts {
            let group = Group(causeClass: fact.causeClass, category: fact.category)
            guard used[group]?.contains(fact.complaintId) != true else { continue }
            if let earlier = groups[group]?[fact.complaintId], earlier.closedAt <= fact.closedAt { continue }
            groups[group, default: [:]][fact.complaintId] = fact
        }
        let span = TimeInterval(setting.days) * 86_400
        var result: [SuggestedImprovement] = []
        for group in groups.keys.sorted() {
            let ordered = groups[group]!.values.sorted { lhs, rhs in
                lhs.closedAt != rhs.closedAt
                    ? lhs.closedAt < rhs.closedAt : Array(lhs.complaintId.utf8).lexicographicallyPrecedes(rhs.complaintId.utf8)
            }
            var window: [ClosedComplaintFact] = []
            for fact in ordered {
                window.append(fact)
                window.removeAll { $0.closedAt <= fact.closedAt.addingTimeInterval(-span) }
                guard window.count >= setting.count else { continue }
                let evidence = window.map(\.complaintId)
                let id = "recurringRootCause:\(group.causeClass.rawValue):\(group.category.rawValue):\(fingerprint(evidence))"
                let figures = SuggestionFigures(
                    causeClass: group.causeClass, category: group.category, count: evidence.count, days: setting.days,
                    firstClosedAt: window.first?.closedAt, lastClosedAt: fact.closedAt)
                let reason = "\(evidence.count) complaints closed with root cause \(group.causeClass.rawValue) in \(group.category.rawValue) within \(setting.days) days"
                result.append(SuggestedImprovement(
                    ImprovementSuggested(suggestionId: id, rule: .recurringRootCause, evidence: evidence, figures: figures), reason: reason, now: now))
                window = []
            }
        }
        return result
    }

    static func kpiBelowTarget(
        policy: ServicePolicy, figures: [MonthlyKPIFigure], existing: [ImprovementSuggested], now: Date
    ) -> [SuggestedImprovement] {
        let setting = policy.setting(.kpiBelowTarget)
        guard setting.enabled, setting.periods >= 1 else { return [] }
        var used: [KPI: Set<String>] = [:]
        for suggestion in existing where suggestion.rule == .kpiBelowTarget {
            guard let kpi = suggestion.figures.kpi else { continue }
            used[kpi, default: []].formUnion(suggestion.evidence)
        }
        var result: [SuggestedImprovement] = []
        for kpi in KPI.allCases {
            guard let target = policy.kpiTargets[kpi] else { continue }
            var byMonth: [ReportingMonth: Double?] = [:]
            for figure in figures where figure.kpi == kpi && byMonth[figure.month] == nil {
                byMonth[figure.month] = .some(figure.value.flatMap { $0.isFinite ? $0 : nil })
            }
            var run: [(month: ReportingMonth, value: Double)] = []
            for month in byMonth.keys.sorted() {
                guard let value = byMonth[month]!, !kpi.direction.reaches(value, target: target),
                    used[kpi]?.contains(month.description) != true
                else {
                    run = []
                    continue
                }
                if let last = run.last, last.month.next != month { run = [] }
                run.append((month, value))
                guard run.count >= setting.periods else { continue }
                let evidence = run.map(\.month.description)
                let id = "kpiBelowTarget:\(kpi.rawValue):\(evidence.first!)..\(evidence.last!)"
                let reason = "\(kpi.rawValue) missed its target \(target) for \(run.count) consecutive months"
                result.append(SuggestedImprovement(
                    ImprovementSuggested(
                        suggestionId: id, rule: .kpiBelowTarget, evidence: evidence,
                        figures: SuggestionFigures(kpi: kpi, target: target, values: run.map(\.value))),
                    reason: reason, now: now))
                run = []
            }
        }
        return result
    }

    /// 16 hex digits of FNV-1a (64 bit) over the sorted ids, each followed by a NUL byte.
    static func fingerprint(_ ids: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for id in ids.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
            for byte in Array(id.utf8) + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
