extension ServicePolicy {
    /// Checks every value and range of the policy.
    ///
    /// - Throws: ``PolicyValidationError`` naming the first offending field path, e.g.
    ///   `clocks.resolution.warnAt` or `escalation.highImpact.toLevel`.
    public func validate() throws(PolicyValidationError) {
        guard !name.isEmpty else { throw PolicyValidationError(field: "name", reason: "must not be empty") }
        guard !version.isEmpty else { throw PolicyValidationError(field: "version", reason: "must not be empty") }
        for clock in ClockName.allCases {
            guard let policy = clocks[clock] else {
                throw PolicyValidationError(field: "clocks.\(clock.rawValue)", reason: "missing")
            }
            try Self.validate(policy, at: "clocks.\(clock.rawValue)")
        }
        for problemClass in ProblemClass.allCases {
            for clock in ClockName.allCases {
                guard let policy = clocksByProblemClass[problemClass]?[clock] else { continue }
                let path = "clocksByProblemClass.\(problemClass.rawValue).\(clock.rawValue)"
                try Self.validate(policy, at: path)
                // A reclassification re-targets a running clock but cannot change what it counts.
                try Self.require(
                    policy.calendar == clocks[clock]?.calendar, "\(path).calendar",
                    "must equal clocks.\(clock.rawValue).calendar (a reclassification cannot change a running clock's calendar)")
            }
        }
        for rule in RuleKey.allCases {
            guard let setting = escalation[rule] else {
                throw PolicyValidationError(field: "escalation.\(rule.rawValue)", reason: "missing")
            }
            if let level = setting.toLevel, !(0...5).contains(level) {
                throw PolicyValidationError(field: "escalation.\(rule.rawValue).toLevel", reason: "\(level) is outside 0...5")
            }
            guard (0...5).contains(setting.increment) else {
                throw PolicyValidationError(field: "escalation.\(rule.rawValue).increment", reason: "\(setting.increment) is outside 0...5")
            }
        }
        try Self.require(approvalCompensationLimit >= 0, "approval.compensationLimit", "must not be negative")
        try Self.require(highAmount >= 0, "highAmount", "must not be negative")
        try Self.require(reopenWindowDays >= 0, "reopenWindowDays", "must not be negative")
        try Self.require(unreachableAttempts >= 1, "unreachableAttempts", "must be at least 1")
        try Self.require(repeatRule.count >= 1, "repeat.count", "must be at least 1")
        try Self.require(repeatRule.days >= 1, "repeat.days", "must be at least 1")
        try Self.require((1...5).contains(satisfactionThreshold), "satisfactionThreshold", "must be within 1...5")
        try Self.require(warnAt > 0 && warnAt < 1, "warnAt", "must be strictly between 0 and 1")
        for category in Category.defaults where !categories.contains(category) {
            throw PolicyValidationError(field: "categories", reason: "the default category '\(category)' is missing")
        }
        try Self.require(Set(categories).count == categories.count, "categories", "a category appears twice")
        for rule in SuggestionRuleKey.allCases {
            guard let setting = suggestions[rule] else {
                throw PolicyValidationError(field: "suggestions.\(rule.rawValue)", reason: "missing")
            }
            let path = "suggestions.\(rule.rawValue)"
            try Self.require(setting.count >= 1, "\(path).count", "must be at least 1")
            try Self.require(setting.days >= 1, "\(path).days", "must be at least 1")
            try Self.require(setting.periods >= 1, "\(path).periods", "must be at least 1")
        }
        for kpi in KPI.allCases {
            guard let target = kpiTargets[kpi] else { continue }
            let path = "kpiTargets.\(kpi.rawValue)"
            try Self.require(target.isFinite && target >= 0, path, "must be a finite number ≥ 0")
            try Self.require(!kpi.isRate || target <= 1, path, "a rate target must be within 0...1")
        }
    }

    private static func validate(_ policy: ClockPolicy, at path: String) throws(PolicyValidationError) {
        try require(policy.target > 0, "\(path).target", "must be positive")
        try require(policy.warnAt > 0 && policy.warnAt < 1, "\(path).warnAt", "must be strictly between 0 and 1")
    }

    private static func require(_ condition: Bool, _ field: String, _ reason: String) throws(PolicyValidationError) {
        guard condition else { throw PolicyValidationError(field: field, reason: reason) }
    }
}
