/// Applies override leaves to a policy, collecting calendar parts to rebuild the calendar once.
struct PolicyEditor {
    var policy: ServicePolicy
    var timeZone: String
    var workingHours: [Weekday: [WorkingInterval]]
    var holidays: Set<CalendarDate>
    var extraWorkingDays: [CalendarDate: [WorkingInterval]]
    var calendarTouched = false
    /// Target keys written with days, checked against the clock's final calendar.
    private var targetsInDays: [(field: String, problemClass: ProblemClass?, clock: ClockName)] = []

    init(policy: ServicePolicy) {
        self.policy = policy
        timeZone = policy.calendar.timeZoneIdentifier
        workingHours = policy.calendar.workingHours
        holidays = policy.calendar.holidays
        extraWorkingDays = policy.calendar.extraWorkingDays
    }

    mutating func apply(_ leaf: OverrideLeaf) throws(PolicyValidationError) {
        let path = leaf.path, value = leaf.value, field = leaf.field
        switch path.first {
        case "name" where path.count == 1: policy.name = try value.string(at: field)
        case "version" where path.count == 1: policy.version = try value.string(at: field)
        case "clocks" where path.count == 3:
            let clock = try Self.parse(path[1], at: "clocks", ClockName.parse)
            var clockPolicy = policy.clocks[clock] ?? ClockPolicy(target: 3600, calendar: .elapsed, warnAt: policy.warnAt)
            try edit(&clockPolicy, key: path[2], value: value, field: field, problemClass: nil, clock: clock)
            policy.clocks[clock] = clockPolicy
        case "clocksByProblemClass" where path.count == 4:
            let problemClass = try Self.parse(path[1], at: "clocksByProblemClass", ProblemClass.parse)
            let clock = try Self.parse(path[2], at: "clocksByProblemClass.\(path[1])", ClockName.parse)
            var perClass = policy.clocksByProblemClass[problemClass] ?? [:]
            var clockPolicy = perClass[clock] ?? policy.clocks[clock]
                ?? ClockPolicy(target: 3600, calendar: .elapsed, warnAt: policy.warnAt)
            try edit(&clockPolicy, key: path[3], value: value, field: field, problemClass: problemClass, clock: clock)
            perClass[clock] = clockPolicy
            policy.clocksByProblemClass[problemClass] = perClass
        case "escalation" where path.count == 3:
            let rule = try Self.parse(path[1], at: "escalation", RuleKey.parse)
            var setting = policy.escalation[rule] ?? EscalationRuleSetting()
            switch path[2] {
            case "enabled": setting.enabled = try value.bool(at: field)
            case "toLevel": setting.toLevel = value == .null ? nil : try value.integer(at: field, in: 0...5)
            case "increment": setting.increment = try value.integer(at: field, in: 0...5)
            default: throw Self.unknown(field)
            }
            policy.escalation[rule] = setting
        case "approval" where path == ["approval", "compensationLimit"]:
            policy.approvalCompensationLimit = try value.integer(at: field, in: 0...Int.max)
        case "highAmount" where path.count == 1: policy.highAmount = try value.integer(at: field, in: 0...Int.max)
        case "reopenWindowDays" where path.count == 1:
            policy.reopenWindowDays = try value.integer(at: field, in: 0...36_500)
        case "unreachableAttempts" where path.count == 1:
            policy.unreachableAttempts = try value.integer(at: field, in: 1...1000)
        case "repeat" where path.count == 2:
            switch path[1] {
            case "enabled": policy.repeatRule.enabled = try value.bool(at: field)
            case "count": policy.repeatRule.count = try value.integer(at: field, in: 1...1000)
            case "days": policy.repeatRule.days = try value.integer(at: field, in: 1...36_500)
            default: throw Self.unknown(field)
            }
        case "satisfactionThreshold" where path.count == 1:
            policy.satisfactionThreshold = try value.integer(at: field, in: 1...5)
        case "warnAt" where path.count == 1:
            let warnAt = try Self.fraction(value, at: field)
            policy.warnAt = warnAt
            for clock in policy.clocks.keys { policy.clocks[clock]?.warnAt = warnAt }
            for problemClass in policy.clocksByProblemClass.keys {
                for clock in policy.clocksByProblemClass[problemClass]!.keys {
                    policy.clocksByProblemClass[problemClass]![clock]!.warnAt = warnAt
                }
            }
        case "categories" where path.count == 1:
            var categories = policy.categories
            for (index, item) in try value.list(at: field).enumerated() {
                let category = try item.parsed(at: "\(field)[\(index)]", Category.parse)
                if !categories.contains(category) { categories.append(category) }
            }
            policy.categories = categories
        case "calendar" where path.count == 2:
            try editCalendar(key: path[1], value: value, field: field)
        case "suggestions" where path.count == 3:
            let rule = try Self.parse(path[1], at: "suggestions", SuggestionRuleKey.parse)
            var setting = policy.suggestions[rule] ?? SuggestionRuleSetting()
            switch path[2] {
            case "enabled": setting.enabled = try value.bool(at: field)
            case "count": setting.count = try value.integer(at: field, in: 1...100_000)
            case "days": setting.days = try value.integer(at: field, in: 1...36_500)
            case "periods": setting.periods = try value.integer(at: field, in: 1...1200)
            default: throw Self.unknown(field)
            }
            policy.suggestions[rule] = setting
        case "kpiTargets" where path.count == 2:
            let kpi = try Self.parse(path[1], at: "kpiTargets", KPI.parse)
            policy.kpiTargets[kpi] = value == .null ? nil : try value.number(at: field)
        default:
            throw Self.unknown(field)
        }
    }

    /// Rebuilds the calendar if touched, checks day-written business targets, validates.
    func finish() throws(PolicyValidationError) -> ServicePolicy {
        var result = policy
        if calendarTouched {
            result.calendar = try BusinessCalendar(
                timeZone: timeZone, workingHours: workingHours, holidays: holidays, extraWorkingDays: extraWorkingDays)
        }
        for written in targetsInDays {
            let clockPolicy = written.problemClass.map { result.clocksByProblemClass[$0]?[written.clock] }
                ?? result.clocks[written.clock]
            if clockPolicy?.calendar == .business {
                throw PolicyValidationError(
                    field: written.field,
                    reason: "a business-calendar target is written in working hours and minutes, never in days")
            }
        }
        try result.validate()
        return result
    }

    private mutating func edit(
        _ clockPolicy: inout ClockPolicy, key: String, value: PolicyValue, field: String,
        problemClass: ProblemClass?, clock: ClockName
    ) throws(PolicyValidationError) {
        switch key {
        case "target":
            let text = try value.string(at: field)
            do {
                clockPolicy.target = try DurationText.parse(text)
                if try DurationText.usesDays(text) { targetsInDays.append((field, problemClass, clock)) }
            } catch {
                throw PolicyValidationError(field: field, error)
            }
            guard clockPolicy.target > 0 else { throw PolicyValidationError(field: field, reason: "must be positive") }
        case "calendar": clockPolicy.calendar = try value.parsed(at: field, ClockCalendarKind.parse)
        case "warnAt": clockPolicy.warnAt = try Self.fraction(value, at: field)
        default: throw Self.unknown(field)
        }
    }

    private static func fraction(_ value: PolicyValue, at field: String) throws(PolicyValidationError) -> Double {
        let fraction = try value.number(at: field)
        guard fraction > 0, fraction < 1 else {
            throw PolicyValidationError(field: field, reason: "\(fraction) must be strictly between 0 and 1")
        }
        return fraction
    }

    static func parse<Value>(
        _ key: String, at parent: String, _ parse: (String) throws(PolicyValueError) -> Value
    ) throws(PolicyValidationError) -> Value {
        do {
            return try parse(key)
        } catch {
            throw PolicyValidationError(field: "\(parent).\(key)", error)
        }
    }

    static func unknown(_ field: String) -> PolicyValidationError {
        PolicyValidationError(field: field, reason: "unknown key")
    }
}
