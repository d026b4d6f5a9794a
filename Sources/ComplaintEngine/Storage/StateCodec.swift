import BinaryCoding
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// A hand-written, positional binary codec for the per-complaint values the projections store on
/// every commit (``ComplaintState``, ``ComplaintFacts``): the generic `Codable` path through
/// `BinaryEncoder`/`BinaryDecoder` built a keyed value tree per value and dominated the write path
/// and rebuilds. Equal values always give equal bytes (clocks in clock order), so a rebuild writes
/// exactly what the incremental updates wrote.
///
/// Layout: a format byte (``format``), then the fields in declaration order. Integers are LEB128
/// varints (signed ones zigzag), instants whole microseconds since 1970 (zigzag varint, rounded as
/// `BinaryCoding` rounds them), strings a varint length and UTF-8, enums their raw value as a
/// string, optionals a presence byte (0/1) before the value, doubles 8 bytes big-endian IEEE 754.
/// The rarely set nested values (`SeverityFactors`, `SpecialGroup`) are a varint length and a
/// `BinaryEncoder` document.
enum StateCodec {
    static let format: UInt8 = 0xC1

    // MARK: ComplaintState

    static func encode(_ state: ComplaintState, into out: inout ByteSink) throws {
        out.u8(format)
        out.raw(state.status)
        out.int(state.escalationLevel)
        out.optionalRaw(state.severity)
        out.optionalRaw(state.assessedSeverity)
        out.optionalRaw(state.urgency)
        out.int(state.customerImportance)
        out.optionalRaw(state.category)
        out.optionalRaw(state.problemClass)
        out.raw(state.source)
        out.raw(state.channel)
        out.string(state.customerId)
        out.optionalString(state.owner)
        out.optionalString(state.department)
        out.bool(state.acknowledged)
        out.optionalRaw(state.authenticity)
        out.int(state.reopenCount)
        out.int(state.rejectionCount)
        out.count(state.repeatOf.count)
        for id in state.repeatOf { out.string(id) }
        out.date(state.receivedAt)
        out.optionalRaw(state.closedReason)
        let clocks = state.clocks.values.sorted { $0.name < $1.name }
        out.count(clocks.count)
        for clock in clocks { encode(clock, into: &out) }
        out.optionalString(state.tracker)
        try out.optionalDocument(state.factors)
        if let amount = state.amountInvolved {
            out.bool(true)
            out.int(amount.amount)
            out.string(amount.currency)
        } else {
            out.bool(false)
        }
        out.optionalRaw(state.emotion)
        try out.optionalDocument(state.specialGroup)
        out.optionalRaw(state.requiredApprover)
        out.bool(state.implemented)
        out.int(state.failedContactAttempts)
        out.optionalDate(state.latestAcceptanceAt)
        out.bool(state.transferredToOtherDepartment)
    }

    static func encode(_ state: ComplaintState) throws -> [UInt8] {
        var out = ByteSink(capacity: 320)
        try encode(state, into: &out)
        return out.bytes
    }

    static func decodeState(_ input: inout ByteSource) throws -> ComplaintState {
        guard try input.u8() == format else { throw ByteSource.corrupted("unknown complaint state format") }
        let status: ComplaintStatus = try input.raw()
        let escalationLevel = try input.int()
        let severity: Severity? = try input.optionalRaw()
        let assessedSeverity: Severity? = try input.optionalRaw()
        let urgency: Urgency? = try input.optionalRaw()
        let customerImportance = try input.int()
        let category: ComplaintPolicy.Category? = try input.optionalRaw()
        let problemClass: ProblemClass? = try input.optionalRaw()
        let source: ComplaintSource = try input.raw()
        let channel: Channel = try input.raw()
        let customerId = try input.string()
        var state = ComplaintState(
            received: ReceiveComplaint(
                customer: CustomerDetails(id: customerId, name: "", phone: nil, email: nil), channel: channel, description: ""),
            at: Date(timeIntervalSince1970: 0))
        state.status = status
        state.escalationLevel = escalationLevel
        state.severity = severity
        state.assessedSeverity = assessedSeverity
        state.urgency = urgency
        state.customerImportance = customerImportance
        state.category = category
        state.problemClass = problemClass
        state.source = source
        state.owner = try input.optionalString()
        state.department = try input.optionalString()
        state.acknowledged = try input.bool()
        state.authenticity = try input.optionalRaw()
        state.reopenCount = try input.int()
        state.rejectionCount = try input.int()
        state.repeatOf = try (0..<input.count()).map { _ in try input.string() }
        state.receivedAt = try input.date()
        state.closedReason = try input.optionalRaw()
        var clocks: [ClockName: SLAClock] = [:]
        for _ in 0..<(try input.count()) {
            let clock = try decodeClock(&input)
            clocks[clock.name] = clock
        }
        state.clocks = clocks
        state.tracker = try input.optionalString()
        state.factors = try input.optionalDocument(SeverityFactors.self)
        if try input.bool() {
            let amount = try input.int()
            let currency = try input.string()
            do {
                state.amountInvolved = try Money(amount: amount, currency: currency)
            } catch {
                throw ByteSource.corrupted("stored amount is invalid")
            }
        } else {
            state.amountInvolved = nil
        }
        state.emotion = try input.optionalRaw()
        state.specialGroup = try input.optionalDocument(SpecialGroup.self)
        state.requiredApprover = try input.optionalRaw()
        state.implemented = try input.bool()
        state.failedContactAttempts = try input.int()
        state.latestAcceptanceAt = try input.optionalDate()
        state.transferredToOtherDepartment = try input.bool()
        return state
    }

    static func decodeState(_ bytes: some Collection<UInt8>) throws -> ComplaintState {
        let array = Array(bytes)
        return try array.withUnsafeBytes { buffer in
            var input = ByteSource(buffer)
            return try decodeState(&input)
        }
    }

    static func encode(_ clock: SLAClock, into out: inout ByteSink) {
        out.raw(clock.name)
        out.int(clock.instance)
        out.int64(clock.target)
        out.raw(clock.calendarKind)
        out.double(clock.warnAt)
        out.raw(clock.phase)
        out.int64(clock.usedSeconds)
        out.optionalDate(clock.runningSince)
        out.date(clock.startedAt)
        out.optionalDate(clock.warnedAt)
        out.optionalDate(clock.breachedAt)
        out.optionalDate(clock.stoppedAt)
    }

    static func decodeClock(_ input: inout ByteSource) throws -> SLAClock {
        SLAClock(
            restoring: try input.raw(), instance: try input.int(), target: try input.int64(), calendarKind: try input.raw(),
            warnAt: try input.double(), phase: try input.raw(), usedSeconds: try input.int64(),
            runningSince: try input.optionalDate(), startedAt: try input.date(), warnedAt: try input.optionalDate(),
            breachedAt: try input.optionalDate(), stoppedAt: try input.optionalDate())
    }

    // MARK: ComplaintFacts

    static func encode(_ facts: ComplaintFacts) -> [UInt8] {
        var out = ByteSink(capacity: 160)
        out.u8(format)
        out.date(facts.receivedAt)
        out.raw(facts.channel)
        out.optionalRaw(facts.category)
        out.optionalString(facts.owner)
        out.optionalString(facts.department)
        out.bool(facts.resolvedEver)
        out.optionalRaw(facts.closedReason)
        out.bool(facts.transferred)
        out.bool(facts.escalated)
        out.bool(facts.reopened)
        out.bool(facts.repeatDetected)
        out.u8(facts.firstContactResolved.map { $0 ? 2 : 1 } ?? 0)
        if let seconds = facts.acknowledgementSeconds {
            out.bool(true)
            out.double(seconds)
        } else {
            out.bool(false)
        }
        out.count(facts.clocks.count)
        for clock in facts.clocks {
            out.raw(clock.clock)
            out.int(clock.instance)
            out.raw(clock.phase)
            out.raw(clock.outcome)
            out.int64(clock.usedSeconds)
        }
        out.count(facts.scores.count)
        for score in facts.scores { out.int(score) }
        return out.bytes
    }

    static func decodeFacts(_ bytes: some Collection<UInt8>) throws -> ComplaintFacts {
        let array = Array(bytes)
        return try array.withUnsafeBytes { buffer in
            var input = ByteSource(buffer)
            guard try input.u8() == format else { throw ByteSource.corrupted("unknown complaint facts format") }
            var facts = ComplaintFacts(receivedAt: try input.date(), channel: try input.raw())
            facts.category = try input.optionalRaw()
            facts.owner = try input.optionalString()
            facts.department = try input.optionalString()
            facts.resolvedEver = try input.bool()
            facts.closedReason = try input.optionalRaw()
            facts.transferred = try input.bool()
            facts.escalated = try input.bool()
            facts.reopened = try input.bool()
            facts.repeatDetected = try input.bool()
            switch try input.u8() {
            case 0: facts.firstContactResolved = nil
            case 1: facts.firstContactResolved = false
            case 2: facts.firstContactResolved = true
            default: throw ByteSource.corrupted("bad firstContactResolved")
            }
            facts.acknowledgementSeconds = try input.bool() ? try input.double() : nil
            facts.clocks = try (0..<input.count()).map { _ in
                ClockInstanceFacts(
                    clock: try input.raw(), instance: try input.int(), phase: try input.raw(), outcome: try input.raw(),
                    usedSeconds: try input.int64())
            }
            facts.scores = try (0..<input.count()).map { _ in try input.int() }
            return facts
        }
    }
}

/// Appends the codec's primitives to a byte array.
struct ByteSink {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int64(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    mutating func int(_ value: Int) { int64(Int64(value)) }
    mutating func count(_ value: Int) { varint(UInt64(value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        if let value {
            bytes.append(1)
            string(value)
        } else {
            bytes.append(0)
        }
    }

    mutating func raw<T: RawRepresentable<String>>(_ value: T) { string(value.rawValue) }

    mutating func optionalRaw<T: RawRepresentable<String>>(_ value: T?) { optionalString(value?.rawValue) }

    /// Whole microseconds since 1970, rounded as `BinaryCoding` rounds instants.
    mutating func date(_ value: Date) { int64(Int64((value.timeIntervalSince1970 * 1_000_000).rounded())) }

    mutating func optionalDate(_ value: Date?) {
        if let value {
            bytes.append(1)
            date(value)
        } else {
            bytes.append(0)
        }
    }

    mutating func optionalDocument<T: Encodable>(_ value: T?) throws {
        guard let value else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        let document = try BinaryEncoder().encode(value)
        count(document.count)
        bytes.append(contentsOf: document)
    }
}

/// Reads the codec's primitives from bytes.
struct ByteSource {
    let buffer: UnsafeRawBufferPointer
    var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    static func corrupted(_ reason: String) -> EventLogError {
        EventLogError(.storageCorrupted, "stored projection value is malformed: \(reason)")
    }

    mutating func u8() throws -> UInt8 {
        guard offset < buffer.count else { throw Self.corrupted("truncated") }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64 else { throw Self.corrupted("varint too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int64() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func int() throws -> Int { Int(try int64()) }

    mutating func count() throws -> Int {
        let value = try varint()
        guard value <= UInt64(buffer.count - offset) else { throw Self.corrupted("count past the end") }
        return Int(value)
    }

    mutating func bool() throws -> Bool {
        switch try u8() {
        case 0: false
        case 1: true
        default: throw Self.corrupted("bad flag")
        }
    }

    mutating func double() throws -> Double {
        guard offset + 8 <= buffer.count else { throw Self.corrupted("truncated") }
        var bits: UInt64 = 0
        for index in offset..<(offset + 8) { bits = bits << 8 | UInt64(buffer[index]) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func raw<T: RawRepresentable<String>>() throws -> T {
        let text = try string()
        guard let value = T(rawValue: text) else { throw Self.corrupted("unknown value \(text)") }
        return value
    }

    mutating func optionalRaw<T: RawRepresentable<String>>() throws -> T? { try bool() ? try raw() as T : nil }

    mutating func date() throws -> Date { Date(timeIntervalSince1970: Double(try int64()) / 1_000_000) }

    mutating func optionalDate() throws -> Date? { try bool() ? try date() : nil }

    mutating func optionalDocument<T: Decodable>(_ type: T.Type) throws -> T? {
        guard try bool() else { return nil }
        let length = try count()
        defer { offset += length }
        return try BinaryDecoder().decode(type, from: Array(UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + length)])))
    }
}
