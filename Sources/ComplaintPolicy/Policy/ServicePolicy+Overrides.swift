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

/// One override key resolved to a path of segments and the value to set there.
struct OverrideLeaf {
    let path: [String]
    let value: PolicyValue

    var field: String { path.joined(separator: ".") }

    /// Paths whose value is itself a mapping and must not be split further.
    private static let mapValued: Set<[String]> = [["calendar", "workingHours"], ["calendar", "extraWorkingDays"]]

    /// Splits dotted keys and descends nested mappings until a leaf key.
    static func collect(_ value: PolicyValue, path: [String], into leaves: inout [OverrideLeaf]) throws(PolicyValidationError) {
        guard case .map(let entries) = value, !mapValued.contains(path) else {
            guard !path.isEmpty else {
                throw PolicyValidationError(field: "", reason: "overrides must be a map, got \(value.kind)")
            }
            leaves.append(OverrideLeaf(path: path, value: value))
            return
        }
        for key in entries.keys.sorted() {
            let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !segments.contains(where: \.isEmpty) else {
                throw PolicyValidationError(field: (path + [key]).joined(separator: "."), reason: "empty key segment")
            }
            try collect(entries[key]!, path: path + segments, into: &leaves)
        }
    }
}

/// Applies override leaves to a policy, collecting calendar parts to rebuild the calendar once.
struct PolicyEditor {
    var policy: ServicePolicy
    private var timeZone: String
    private var workingHours: [Weekday: [WorkingInterval]]
    private var holidays: Set<CalendarDate>
    private var extraWorkingDays: [CalendarDate: [WorkingInterval]]
    private var calendarTouched = false
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

    private mutating func editCalendar(key: String, value: PolicyValue, field: String) throws(PolicyValidationError) {
        calendarTouched = true
        switch key {
        case "timeZone":
            timeZone = try value.string(at: field)
        case "workingHours":
            var hours: [Weekday: [WorkingInterval]] = [:]
            for (name, intervals) in try value.map(at: field) {
                let weekday = try Self.parse(name, at: field, Weekday.parse)
                hours[weekday] = try Self.intervals(intervals, at: "\(field).\(name)")
            }
            workingHours = hours
        case "holidays":
            var dates: Set<CalendarDate> = []
            for (index, item) in try value.list(at: field).enumerated() {
                dates.insert(try item.parsed(at: "\(field)[\(index)]", CalendarDate.parse))
            }
            holidays = dates
        case "extraWorkingDays":
            var days: [CalendarDate: [WorkingInterval]] = [:]
            for (text, intervals) in try value.map(at: field) {
                let date = try Self.parse(text, at: field, CalendarDate.parse)
                days[date] = try Self.intervals(intervals, at: "\(field).\(text)")
            }
            extraWorkingDays = days
        default:
            throw Self.unknown(field)
        }
    }

    /// Reads a list of `{start, end}` mappings or `"HH:MM-HH:MM"` strings; `null` is an empty list.
    private static func intervals(_ value: PolicyValue, at field: String) throws(PolicyValidationError) -> [WorkingInterval] {
        if value == .null { return [] }
        var result: [WorkingInterval] = []
        for (index, item) in try value.list(at: field).enumerated() {
            let itemField = "\(field)[\(index)]"
            do {
                switch item {
                case .string(let text):
                    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
                    guard parts.count == 2 else {
                        throw PolicyValueError(field: "interval", reason: "'\(text)' is not HH:MM-HH:MM")
                    }
                    result.append(try WorkingInterval(String(parts[0]), String(parts[1])))
                case .map(let entries):
                    if let extra = Set(entries.keys).subtracting(["start", "end"]).sorted().first {
                        throw PolicyValidationError(field: "\(itemField).\(extra)", reason: "unknown key")
                    }
                    let start = try (entries["start"] ?? .null).string(at: "\(itemField).start")
                    let end = try (entries["end"] ?? .null).string(at: "\(itemField).end")
                    result.append(try WorkingInterval(start, end))
                default:
                    throw PolicyValidationError(field: itemField, reason: "expected {start, end} or HH:MM-HH:MM, got \(item.kind)")
                }
            } catch let error as PolicyValidationError {
                throw error
            } catch let error as PolicyValueError {
                throw PolicyValidationError(field: itemField, error)
            } catch {
                throw PolicyValidationError(field: itemField, reason: "\(error)")
            }
        }
        do {
            return try WorkingInterval.normalised(result)
        } catch {
            throw PolicyValidationError(field: field, error)
        }
    }

    private static func fraction(_ value: PolicyValue, at field: String) throws(PolicyValidationError) -> Double {
        let fraction = try value.number(at: field)
        guard fraction > 0, fraction < 1 else {
            throw PolicyValidationError(field: field, reason: "\(fraction) must be strictly between 0 and 1")
        }
        return fraction
    }

    private static func parse<Value>(
        _ key: String, at parent: String, _ parse: (String) throws(PolicyValueError) -> Value
    ) throws(PolicyValidationError) -> Value {
        do {
            return try parse(key)
        } catch {
            throw PolicyValidationError(field: "\(parent).\(key)", error)
        }
    }

    private static func unknown(_ field: String) -> PolicyValidationError {
        PolicyValidationError(field: field, reason: "unknown key")
    }
}
