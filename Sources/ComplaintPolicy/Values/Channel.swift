/// A contact channel of a complaint or a message (DOMAIN.md §1; complaint-process.md §3.7).
///
/// The first seven channels carry complaints in; ``sms`` and ``appPush`` are outbound only
/// (acknowledgements and result notices).
public enum Channel: String, ClosedValueSet {
    /// Telephone hotline (電話熱線).
    case phone
    /// Online customer-service chat (在線客服).
    case onlineChat
    /// E-mail.
    case email
    /// Social media (社交媒體).
    case socialMedia
    /// The company's own app (企業APP).
    case companyApp
    /// A physical store or service desk (線下門店, 實體服務臺).
    case inStore
    /// A third-party platform (第三方平臺).
    case thirdPartyPlatform
    /// Text message; outbound only.
    case sms
    /// App push notification; outbound only.
    case appPush

    /// The value-set name used in errors.
    public static let valueSetName = "channel"

    /// Whether a complaint can arrive on this channel (`sms` and `appPush` are outbound-only).
    public var isInbound: Bool {
        switch self {
        case .sms, .appPush: false
        default: true
        }
    }

    /// The channels a complaint can be received on.
    public static let inbound: [Channel] = allCases.filter(\.isInbound)
}
