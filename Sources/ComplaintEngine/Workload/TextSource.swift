import SeededRandom

/// Deterministic free text for the workload: a SplitMix64 stream seeded by the workload's seed and a
/// complaint (or customer) number, so any complaint can be generated on its own.
struct TextSource {
    private var generator: SplitMix64

    init(seed: UInt64, complaint: Int) {
        generator = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(complaint)) &* 0xBF58_476D_1CE4_E5B9)
        _ = next()
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { generator.next() }

    /// A number in `range`.
    mutating func number(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ choices: [T]) -> T { choices[number(in: 0...(choices.count - 1))] }

    /// A customer's name.
    mutating func name() -> String {
        "\(pick(Self.surnames)) \(pick(Self.givenNames))"
    }

    /// A complaint description of 60–200 characters.
    mutating func description() -> String {
        let length = number(in: 60...200)
        var text = ""
        while text.count < length {
            let sentence = "\(pick(Self.openings)) \(pick(Self.subjects)) \(pick(Self.problems)). "
            text += sentence
        }
        if text.count > length { text = String(text.prefix(length)) }
        while text.last == " " { text.removeLast() }
        while text.count < 60 { text += "." }
        return text
    }

    static let surnames = ["Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"]
    static let givenNames = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jie", "Tao", "Ming", "Xia"]
    static let openings = ["Yesterday", "Last week", "This morning", "Twice now", "After waiting ten days", "Again"]
    static let subjects = [
        "the parcel", "the courier", "the refund", "the phone I bought", "the hotline agent", "the app",
        "the invoice", "the replacement", "the store manager", "the washing machine",
    ]
    static let problems = [
        "arrived damaged and soaked", "never showed up", "charged me twice", "stopped working after a day",
        "was rude and hung up", "lost my order history", "showed the wrong amount", "was the wrong model",
        "ignored my messages", "made a loud noise and smelled of smoke",
    ]
}
