extension ServicePolicy {
    /// A copy of the policy with `overrides` applied, then validated.
    ///
    /// Keys are the names of DOMAIN.md §4 (see `Specs/policy.md`): `version`, `name`,
    /// `clocks.<clock>.{target, calendar, warnAt}`, `clocksByProblemClass.<class>.<clock>.{…}`,
    /// `escalation.<ruleKey>.{enabled, toLevel, increment}`, `approval.compensationLimit`, `highAmount`,
    /// `reopenWindowDays`, `unreachableAttempts`, `repeat.{enabled, count, days}`,
    /// `satisfactionThreshold`, `warnAt`, `categories`, `calendar.{timeZone, workingHours, holidays,
    /// extraWorkingDays}`, `suggestions.<ruleKey>.{enabled, count, days, periods}`, `kpiTargets.<kpi>`.
    /// A key may be dotted (`clocks.resolution.target: 24h`) or nested (`clocks: {resolution: {…}}`).
    /// The global `warnAt` applies first and sets every clock's `warnAt`; a clock's own `warnAt`
    /// wins over it. `categories` adds to the defaults. `calendar.workingHours`, `holidays` and
    /// `extraWorkingDays` each replace the whole previous value. `kpiTargets.<kpi>: null` removes a target.
    ///
    /// - Throws: ``PolicyValidationError`` naming the field path for an unknown key, a wrong type, a
    ///   value out of range, a bad time zone, or a business clock target written in days.
    public func applying(overrides: PolicyValue) throws(PolicyValidationError) -> ServicePolicy {
        var leaves: [OverrideLeaf] = []
        try OverrideLeaf.collect(overrides, path: [], into: &leaves)
        var editor = PolicyEditor(policy: self)
        let global = leaves.filter { $0.path == ["warnAt"] }
        for leaf in global + leaves.filter({ $0.path != ["warnAt"] }) {
            try editor.apply(leaf)
        }
        return try editor.finish()
    }

    /// ``applying(overrides:)`` with the overrides given as a mapping of keys to values.
    public func applying(overrides: [String: PolicyValue]) throws(PolicyValidationError) -> ServicePolicy {
        try applying(overrides: .map(overrides))
    }
}
