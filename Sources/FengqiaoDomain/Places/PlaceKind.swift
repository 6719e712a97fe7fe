import Foundation

/// The kind of a key place (重点场所) on the grid: where crowds, risk or vulnerable people gather.
public enum PlaceKind: String, Sendable, Codable, ChineseNamedKind {
    case school, hospital, shoppingMall, gasStation, entertainmentVenue, rentalHousingCluster
    case nineSmallPlaces, farmersMarket, religiousSite, other

    public static let kindLabel = "场所类型"

    public var chineseName: String {
        switch self {
        case .school: "学校"
        case .hospital: "医院"
        case .shoppingMall: "商场"
        case .gasStation: "加油站"
        case .entertainmentVenue: "娱乐场所"
        case .rentalHousingCluster: "出租屋集中区"
        case .nineSmallPlaces: "九小场所"
        case .farmersMarket: "农贸市场"
        case .religiousSite: "宗教场所"
        case .other: "其他"
        }
    }

    public var aliases: [String] {
        switch self {
        case .school: ["幼儿园"]
        case .hospital: ["卫生院", "诊所"]
        case .shoppingMall: ["商超", "超市"]
        case .gasStation: ["加油加气站"]
        case .entertainmentVenue: ["歌舞娱乐场所", "网吧"]
        case .nineSmallPlaces: ["小场所"]
        case .farmersMarket: ["菜市场"]
        default: []
        }
    }

    /// Every place kind is a key place; the property exists so places and things share one layer API.
    public var category: BaseDataCategory { .keyPlace }
}
