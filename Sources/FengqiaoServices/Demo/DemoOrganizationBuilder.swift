/// Organisations of the grids (企业, 个体工商户, 社会组织, 物业公司, 农民专业合作社) with valid, unique
/// unified social credit codes.
struct DemoOrganizationBuilder {
    let atlas: DemoAtlas
    let scale: DemoScale
    let nowMs: Int64

    /// Kinds of organisation; the raw value is stored in `organizations.kind`.
    enum Kind: String, CaseIterable, Sendable {
        case enterprise, soleTrader, socialOrganization, propertyManagement, cooperative

        var chineseName: String {
            switch self {
            case .enterprise: "企业"
            case .soleTrader: "个体工商户"
            case .socialOrganization: "社会组织"
            case .propertyManagement: "物业公司"
            case .cooperative: "农民专业合作社"
            }
        }

        var creditPrefix: String {
            switch self {
            case .enterprise, .propertyManagement: "91"
            case .soleTrader: "92"
            case .cooperative: "93"
            case .socialOrganization: "52"
            }
        }
    }

    struct Output: Sendable {
        var statements: [String] = []
        var names: [String] = []
        /// Ids (index + 1) of each kind per township, for respondents of cases.
        var byTownship: [[Kind: [Int]]] = []
    }

    func build(seed: UInt64) throws -> Output {
        var random = DemoRandom(seed: seed, stream: "organizations")
        let addresses = DemoAddresses(atlas: atlas)
        let grids = atlas.grids.prefix(atlas.ordinaryGridCount)
        let total = Int(scale.organizationsPerGrid * Double(grids.count))
        let perGrid = DemoApportion.split(total, weights: grids.map(\.activity))
        var out = Output(byTownship: Array(repeating: [:], count: atlas.townships.count))
        var codes: Set<String> = []
        var names: Set<String> = []
        var buffer = DemoSQLBuffer(table: "organizations", columns: Self.columns)
        for (g, grid) in grids.enumerated() {
            let urban = atlas.townships[grid.township].kind == .subdistrict
            let county = atlas.counties[grid.county]
            for _ in 0..<perGrid[g] {
                let kind: Kind =
                    urban
                    ? [.enterprise, .soleTrader, .socialOrganization, .propertyManagement][
                        random.weightedIndex([30, 50, 8, 12])]
                    : [.enterprise, .soleTrader, .socialOrganization, .cooperative][
                        random.weightedIndex([25, 50, 10, 15])]
                var name = ""
                for attempt in 0..<8 {
                    name = self.name(kind, grid: grid, county: county.name, &random)
                    // Rarely all draws are taken: name the branch after its village.
                    if attempt == 7 { name += "（\(atlas.villages[grid.village].name)）" }
                    if names.insert(name).inserted { break }
                }
                var code: String
                repeat {
                    code = DemoIdentifiers.creditCode(typePrefix: kind.creditPrefix, division: county.prefix, &random)
                } while !codes.insert(code).inserted
                let id = out.names.count + 1
                buffer.beginRow()
                buffer.add(id)
                buffer.add(name)
                buffer.add(kind.rawValue)
                buffer.add(code)
                buffer.add(grid.code)
                buffer.add(addresses.home(inGrid: g, &random))
                buffer.add(nowMs - Int64(random.int(60...2_000)) * 86_400_000)
                buffer.endRow()
                out.names.append(name)
                out.byTownship[grid.township][kind, default: []].append(id)
            }
        }
        out.statements = try buffer.finish()
        return out
    }

    static let columns = ["id", "name", "kind", "credit_code", "grid_code", "address", "created_at"]

    private func name(_ kind: Kind, grid: DemoAtlas.Grid, county: String, _ random: inout DemoRandom) -> String {
        let brand = random.pick(Self.brandCharacters) + random.pick(Self.brandCharacters)
        switch kind {
        case .enterprise: return "包头市" + brand + random.pick(Self.industries) + "有限公司"
        case .propertyManagement: return "包头市" + brand + random.pick(["物业服务有限公司", "物业管理有限公司"])
        case .soleTrader:
            let owner = random.chance(0.4) ? "老" + random.pick(Self.ownerSurnames) + "家" : brand
            return county + owner + random.pick(Self.shops)
        case .socialOrganization: return atlas.villages[grid.village].name + random.pick(Self.associations)
        case .cooperative:
            return county + atlas.villages[grid.village].name + random.pick(Self.farming) + "专业合作社"
        }
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
    /// Characters of trade names (字号), two at a time: 鑫达, 瑞丰, 恒通 ….
    private static let brandCharacters = words(
        """
        鑫 达 华 宇 瑞 丰 恒 通 金 鼎 宏 远 北 方 德 润 中 盛 天 泽 源 诚 信 佳 美 万 汇 蒙 鹿 城 钢 联 宝 晟 盈 鸿 \
        运 嘉 益 博 兴 元 泰 昌 利 民 顺 亿 广 聚 正 和 昊 能 永 安 荣 祥 福 隆 骏 腾 凯 欣 富 星 辉 锦 峰 众
        """)
    private static let industries = words(
        "稀土材料 机械制造 建筑工程 商贸 物流 餐饮管理 装饰工程 农牧业开发 电子科技 新能源 劳务服务 汽车服务 钢结构 环保科技 保安服务 房地产开发 供热 食品")
    private static let ownerSurnames = words("王 李 张 刘 陈 杨 赵 郭 高 马 白 郝 乔 贾 田")
    private static let shops = words(
        "面馆 烧麦馆 羊杂碎店 超市 便利店 五金店 理发店 水果店 药店 手机维修店 干洗店 烟酒店 蔬菜店 肉铺 快递驿站 汽修店 烧烤店 奶茶店 文具店 蒙餐馆")
    private static let associations = words("老年协会 志愿服务队 红白理事会 文体协会 义警队 巾帼志愿服务队 平安志愿者协会 邻里互助会")
    private static let farming = words("肉羊养殖 奶牛养殖 蔬菜种植 玉米种植 葵花种植 设施农业 马铃薯种植")
}
