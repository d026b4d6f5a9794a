/// The log's input limits. Each is checked before anything is written; breaking one is
/// ``EventLogError/Code/validationFailed`` naming the field.
public enum LogLimits {
    /// Stream ids: 1–128 bytes of UTF-8.
    public static let streamIDBytes = 1...128
    /// Stream kinds: 1–64 bytes of ASCII letters, digits, `-`, `_`, `:` and `.`.
    public static let streamKindBytes = 1...64
    /// Event type names: 1–128 bytes, an ASCII letter then letters, digits, `.`, `_` or `-`.
    public static let eventTypeBytes = 1...128
    /// Command, correlation, causation and actor ids: at most 128 bytes (1–128 when present).
    public static let idBytes = 1...128
    /// Actor roles: 1–64 bytes.
    public static let actorRoleBytes = 1...64
    /// Largest payload of one event: 1 MiB.
    public static let maxPayloadBytes = 1 << 20
    /// Largest metadata of one event: 64 KiB.
    public static let maxMetadataBytes = 64 << 10
    /// Largest caller fingerprint stored with a command id: 1 KiB.
    public static let maxFingerprintBytes = 1 << 10
    /// Most events in one append request.
    public static let maxEventsPerRequest = 10_000

    /// Punctuation allowed after the first letter of a stream kind: `-`, `_`, `:`, `.`.
    static let streamKindPunctuation: Set<UInt8> = [45, 95, 58, 46]
    /// Punctuation allowed after the first letter of an event type: `.`, `_`, `-`.
    static let eventTypePunctuation: Set<UInt8> = [46, 95, 45]

    static func checkID(_ value: String, field: String, required: Bool = true) throws(EventLogError) {
        let count = value.utf8.count
        if count == 0 && !required { return }
        guard idBytes.contains(count) else {
            throw .invalid(field, "must be 1–128 bytes of UTF-8 (got \(count))")
        }
    }

    static func checkName(_ value: String, field: String, bytes: ClosedRange<Int>, extra: Set<UInt8>) throws(EventLogError) {
        let utf8 = value.utf8
        guard bytes.contains(utf8.count) else {
            throw .invalid(field, "must be \(bytes.lowerBound)–\(bytes.upperBound) bytes (got \(utf8.count))")
        }
        var first = true
        for byte in utf8 {
            let letter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            let allowed = first ? letter : letter || (byte >= 48 && byte <= 57) || extra.contains(byte)
            guard allowed else {
                throw .invalid(field, "'\(value)' must start with an ASCII letter and contain only letters, digits and \(String(decoding: extra.sorted(), as: UTF8.self))")
            }
            first = false
        }
    }
}
