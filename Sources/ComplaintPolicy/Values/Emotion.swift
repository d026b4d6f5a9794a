/// The customer's emotional state as recorded at intake (complaint-process.md §3.9, 003 §3.3).
public enum Emotion: String, ClosedValueSet {
    /// Calm.
    case calm
    /// Dissatisfied (不滿).
    case dissatisfied
    /// Disappointed (失望).
    case disappointed
    /// Angry (憤怒); triggers the `highImpact` rule.
    case angry
    /// Anxious (焦慮).
    case anxious

    /// The value-set name used in errors.
    public static let valueSetName = "emotion"
}
