/// Typed reads of a ``PolicyValue`` at a field path, failing with ``PolicyValidationError``.
extension PolicyValue {
    func string(at field: String) throws(PolicyValidationError) -> String {
        guard case .string(let value) = self else { throw wrongType(field, expected: "string") }
        return value
    }

    func bool(at field: String) throws(PolicyValidationError) -> Bool {
        guard case .bool(let value) = self else { throw wrongType(field, expected: "bool") }
        return value
    }

    func integer(at field: String, in range: ClosedRange<Int>) throws(PolicyValidationError) -> Int {
        let whole: Int64
        switch self {
        case .integer(let value): whole = value
        case .number(let value) where value.rounded() == value && abs(value) < 9e15: whole = Int64(value)
        default: throw wrongType(field, expected: "integer")
        }
        guard whole >= Int64(range.lowerBound), whole <= Int64(range.upperBound) else {
            throw PolicyValidationError(field: field, reason: "\(whole) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return Int(whole)
    }

    func number(at field: String) throws(PolicyValidationError) -> Double {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: throw wrongType(field, expected: "number")
        }
    }

    func list(at field: String) throws(PolicyValidationError) -> [PolicyValue] {
        guard case .list(let value) = self else { throw wrongType(field, expected: "list") }
        return value
    }

    func map(at field: String) throws(PolicyValidationError) -> [String: PolicyValue] {
        guard case .map(let value) = self else { throw wrongType(field, expected: "map") }
        return value
    }

    /// Parses a string value with a value-set parser, re-anchoring its error at `field`.
    func parsed<Value>(
        at field: String, _ parse: (String) throws(PolicyValueError) -> Value
    ) throws(PolicyValidationError) -> Value {
        let text = try string(at: field)
        do {
            return try parse(text)
        } catch {
            throw PolicyValidationError(field: field, error)
        }
    }

    private func wrongType(_ field: String, expected: String) -> PolicyValidationError {
        PolicyValidationError(field: field, reason: "expected \(expected), got \(kind)")
    }
}
