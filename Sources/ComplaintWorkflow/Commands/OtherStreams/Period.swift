public import Foundation

/// A half-open time range `[from, to)`.
public struct Period: Hashable, Sendable, Codable {
    /// Inclusive start.
    public var from: Date
    /// Exclusive end.
    public var to: Date

    /// Creates a period.
    public init(from: Date, to: Date) {
        self.from = from
        self.to = to
    }
}
