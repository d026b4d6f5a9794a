/// The escalation ladder of DOMAIN.md §5: 0 front line … 5 senior management. A level never
/// decreases; "level ≥ n" raises a lower level to exactly n; "+1" adds one, capped at 5.
public enum EscalationLevel {
    /// Every level.
    public static let range = 0...5
    /// The top of the ladder.
    public static let maximum = 5

    /// What each level means (003 §3.2, §4.2, §4.3, §6.1; the numbering is policy).
    public static let names: [Int: String] = [
        0: "front line (服務人員)",
        1: "owner / designated person (專人)",
        2: "superior (上級)",
        3: "special group (專項小組)",
        4: "senior manager (高級管理人員)",
        5: "senior management (公司高層)",
    ]
}
