/// The personal fields of each event's data (DOMAIN.md §8): the engine encrypts them with the
/// customer's key before hashing and storing, and views show `"[erased]"` once the key is gone.
public enum PersonalFields {
    /// Dotted field paths of `type`'s data that hold personal data; empty when none.
    public static func of(_ type: EventType) -> [String] {
        switch type {
        case .complaintReceived:
            ["customer.name", "customer.phone", "customer.email", "description", "attachments", "followUpExpectation", "remedySought"]
        case .satisfactionRecorded:
            ["comment"]
        case .customerRejected:
            ["reason"]
        default:
            []
        }
    }
}
