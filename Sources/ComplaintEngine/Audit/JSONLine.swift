import BinaryCoding
import Foundation

/// Writes one compact JSON value as text, field by field, in the order given (no reflection, no
/// `JSONEncoder`): the audit export's lines.
struct JSONLine {
    private(set) var text = ""
    /// Values written so far in each open container.
    private var counts: [Int] = []
    private var afterKey = false

    mutating func object(_ body: (inout JSONLine) throws -> Void) rethrows {
        beginValue()
        text += "{"
        counts.append(0)
        try body(&self)
        counts.removeLast()
        text += "}"
    }

    mutating func array(_ body: (inout JSONLine) throws -> Void) rethrows {
        beginValue()
        text += "["
        counts.append(0)
        try body(&self)
        counts.removeLast()
        text += "]"
    }

    mutating func key(_ name: String) {
        beginValue()
        quote(name)
        text += ":"
        afterKey = true
    }

    mutating func string(_ value: String?) {
        beginValue()
        if let value { quote(value) } else { text += "null" }
    }

    mutating func integer(_ value: (some BinaryInteger)?) {
        beginValue()
        text += value.map { "\($0)" } ?? "null"
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        text += value ? "true" : "false"
    }

    mutating func null() {
        beginValue()
        text += "null"
    }

    /// Text that is already one JSON value.
    mutating func raw(_ json: String) {
        beginValue()
        text += json
    }

    /// A binary value tree: maps as objects with keys in byte order, bytes as base64, instants as
    /// ISO 8601 text with microseconds, non-finite numbers as `null`.
    mutating func value(_ tree: BinaryValue) {
        switch tree {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): integer(number)
        case .uint(let number): integer(number)
        case .double(let number):
            if number.isFinite { raw("\(number)") } else { null() }
        case .string(let text): string(text)
        case .bytes(let bytes): string(Data(bytes).base64EncodedString())
        case .timestamp(let microseconds): string(AuditTime.iso8601(microseconds: microseconds))
        case .array(let items):
            array { json in for item in items { json.value(item) } }
        case .map(let fields):
            object { json in
                for name in fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                    json.key(name)
                    json.value(fields[name]!)
                }
            }
        }
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = counts.indices.last else { return }
        if counts[last] > 0 { text += "," }
        counts[last] += 1
    }

    private mutating func quote(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
