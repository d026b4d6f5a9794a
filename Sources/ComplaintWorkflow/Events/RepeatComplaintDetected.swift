/// `RepeatComplaintDetected`: the customer's earlier complaints that make this one a repeat.
public struct RepeatComplaintDetected: Hashable, Sendable, Codable {
    /// The earlier complaint ids, oldest first.
    public var repeatOf: [String]

    /// Creates the event data.
    public init(repeatOf: [String]) { self.repeatOf = repeatOf }
}
