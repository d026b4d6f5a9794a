/// A method used to verify a complaint's authenticity (complaint-process.md §3.8, 003 §3.1).
public enum VerificationMethod: String, ClosedValueSet {
    /// Understanding the background and history (理解投訴背景).
    case background
    /// Checking the facts (核實信息的準確性).
    case factCheck
    /// Discerning motive and emotion (辨別投訴動機和情緒).
    case motiveAndEmotion
    /// Cross-checking on several channels (多渠道驗證).
    case multiChannel
    /// Applying expert knowledge (專業知識的運用).
    case expertise

    /// The value-set name used in errors.
    public static let valueSetName = "verificationMethod"
}
