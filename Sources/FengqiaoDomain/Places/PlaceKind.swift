import Foundation

/// The kind of a place on the grid (地). Key places (重点场所) — where crowds, risk or vulnerable people
/// gather — are patrolled; the others are the ordinary fabric of the grid that cases are filed against.
public enum PlaceKind: String, Sendable, Codable, ChineseNamedKind {
    // Key places.
    case school, hospital, shoppingMall, gasStation, entertainmentVenue, rentalHousingCluster
    case nineSmallPlaces, farmersMarket, religiousSite, other
    case kindergarten, clinic, internetCafe, hotel, elderlyCare, constructionSite
    // Ordinary places.
    case residentialCompound, shop, rentalHousing, courierStation, industrialPark, villageCommittee, farm, warehouse

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
        case .kindergarten: "幼儿园"
        case .clinic: "诊所"
        case .internetCafe: "网吧"
        case .hotel: "宾馆"
        case .elderlyCare: "养老院"
        case .constructionSite: "建筑工地"
        case .residentialCompound: "小区"
        case .shop: "商铺"
        case .rentalHousing: "出租屋"
        case .courierStation: "快递网点"
        case .industrialPark: "园区"
        case .villageCommittee: "村委会"
        case .farm: "养殖场"
        case .warehouse: "仓库"
        }
    }

    public var aliases: [String] {
        switch self {
        case .hospital: ["卫生院"]
        case .shoppingMall: ["商超", "超市"]
        case .gasStation: ["加油加气站"]
        case .entertainmentVenue: ["歌舞娱乐场所"]
        case .nineSmallPlaces: ["小场所"]
        case .farmersMarket: ["菜市场"]
        case .residentialCompound: ["住宅小区"]
        case .elderlyCare: ["养老机构"]
        case .villageCommittee: ["村(居)委会"]
        default: []
        }
    }

    /// Key places (重点场所) are patrolled and counted apart; ordinary places have no layer.
    public var category: BaseDataCategory? {
        switch self {
        case .residentialCompound, .shop, .rentalHousing, .courierStation, .industrialPark, .villageCommittee, .farm,
            .warehouse:
            nil
        default: .keyPlace
        }
    }
}
