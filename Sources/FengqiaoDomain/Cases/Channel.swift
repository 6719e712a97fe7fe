import Foundation

/// Where a case came from (来源渠道).
public enum Channel: String, Sendable, Codable, CaseIterable {
    case walkIn, phone, letter, gridWorker, snapshot, qrCode, hotline12345, aiCamera, fiveColorBag, web
    /// Filed by an Open311 GeoReport v2 client (an app or a city's 311 system) with an API key.
    case open311

    public var chineseName: String {
        switch self {
        case .walkIn: "来访"
        case .phone: "来电"
        case .letter: "来信"
        case .gridWorker: "网格上报"
        case .snapshot: "随手拍"
        case .qrCode: "码上解纷"
        case .hotline12345: "12345热线"
        case .aiCamera: "AI视频预警"
        case .fiveColorBag: "五色袋"
        case .web: "网上反映"
        case .open311: "Open311接口"
        }
    }

    /// Channels a resident can use without an account.
    public var isPublic: Bool { [.qrCode, .fiveColorBag, .web, .snapshot].contains(self) }
}
