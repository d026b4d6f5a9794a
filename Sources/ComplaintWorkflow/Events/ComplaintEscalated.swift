/// `ComplaintEscalated`: the level moved from `fromLevel` to `toLevel` (manual or automatic).
public struct ComplaintEscalated: Hashable, Sendable, Codable {
    /// The level before.
    public var fromLevel: Int
    /// The level after.
    public var toLevel: Int
    /// Why.
    public var reason: String

    /// Creates the event data.
    public init(fromLevel: Int, toLevel: Int, reason: String) {
        self.fromLevel = fromLevel
        self.toLevel = toLevel
        self.reason = reason
    }
}
