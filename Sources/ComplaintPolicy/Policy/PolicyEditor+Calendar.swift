/// The `calendar.*` override keys: parts are collected and the calendar is rebuilt once in `finish()`.
extension PolicyEditor {
    mutating func editCalendar(key: String, value: PolicyValue, field: String) throws(PolicyValidationError) {
        calendarTouched = true
        switch key {
        case "timeZone":
            timeZone = try value.string(at: field)
        case "workingHours":
            var hours: [Weekday: [WorkingInterval]] = [:]
            for (name, intervals) in try value.map(at: field).sorted(by: { $0.key < $1.key }) {
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
            for (text, intervals) in try value.map(at: field).sorted(by: { $0.key < $1.key }) {
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
}
