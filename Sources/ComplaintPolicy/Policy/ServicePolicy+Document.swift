extension ServicePolicy {
    /// The full policy as a document: every field under its override key name, so that loading
    /// the document gives back an equal policy (`Specs/policy.md`, "File format").
    public var document: PolicyValue {
        func clock(_ policy: ClockPolicy) -> PolicyValue {
            [
                "target": .string(DurationText.format(policy.target)),
                "calendar": .string(policy.calendar.rawValue),
                "warnAt": .number(policy.warnAt),
            ]
        }
        func clocks(_ map: [ClockName: ClockPolicy]) -> PolicyValue {
            .map(Dictionary(uniqueKeysWithValues: map.map { ($0.key.rawValue, clock($0.value)) }))
        }
        func intervals(_ list: [WorkingInterval]) -> PolicyValue {
            .list(list.map { ["start": .string($0.start.description), "end": .string($0.end.description)] })
        }
        let escalationDocument = escalation.map { rule, setting -> (String, PolicyValue) in
            (rule.rawValue, [
                "enabled": .bool(setting.enabled),
                "toLevel": setting.toLevel.map { PolicyValue.integer(Int64($0)) } ?? .null,
                "increment": .integer(Int64(setting.increment)),
            ])
        }
        let suggestionDocument = suggestions.map { rule, setting -> (String, PolicyValue) in
            (rule.rawValue, [
                "enabled": .bool(setting.enabled), "count": .integer(Int64(setting.count)),
                "days": .integer(Int64(setting.days)), "periods": .integer(Int64(setting.periods)),
            ])
        }
        let calendarDocument: PolicyValue = [
            "timeZone": .string(calendar.timeZoneIdentifier),
            "workingHours": .map(Dictionary(uniqueKeysWithValues: calendar.workingHours.map { ($0.key.rawValue, intervals($0.value)) })),
            "holidays": .list(calendar.holidays.sorted().map { .string($0.description) }),
            "extraWorkingDays": .map(Dictionary(uniqueKeysWithValues: calendar.extraWorkingDays.map { ($0.key.description, intervals($0.value)) })),
        ]
        return [
            "name": .string(name),
            "version": .string(version),
            "clocks": clocks(self.clocks),
            "clocksByProblemClass": .map(Dictionary(uniqueKeysWithValues: clocksByProblemClass.map { ($0.key.rawValue, clocks($0.value)) })),
            "escalation": .map(Dictionary(uniqueKeysWithValues: escalationDocument)),
            "approval": ["compensationLimit": .integer(Int64(approvalCompensationLimit))],
            "highAmount": .integer(Int64(highAmount)),
            "reopenWindowDays": .integer(Int64(reopenWindowDays)),
            "unreachableAttempts": .integer(Int64(unreachableAttempts)),
            "repeat": [
                "enabled": .bool(repeatRule.enabled), "count": .integer(Int64(repeatRule.count)),
                "days": .integer(Int64(repeatRule.days)),
            ],
            "satisfactionThreshold": .integer(Int64(satisfactionThreshold)),
            "warnAt": .number(warnAt),
            "categories": .list(categories.map { .string($0.rawValue) }),
            "calendar": calendarDocument,
            "suggestions": .map(Dictionary(uniqueKeysWithValues: suggestionDocument)),
            "kpiTargets": .map(Dictionary(uniqueKeysWithValues: kpiTargets.map { ($0.key.rawValue, PolicyValue.number($0.value)) })),
        ]
    }

    /// The canonical JSON of ``document``: sorted keys, no whitespace. Equal policies give equal
    /// bytes, and ``load(json:)`` of the bytes gives back an equal policy; the engine hashes and
    /// logs these bytes (`PolicyActivated`).
    public func canonicalBytes() -> [UInt8] {
        CanonicalJSON.bytes(of: document)
    }
}
