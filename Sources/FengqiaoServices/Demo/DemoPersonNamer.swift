/// Plausible personal names: common surnames weighted by frequency, given names of one or two
/// characters that suit the person's sex and generation, and Mongolian names for some people
/// (most in 苏木/嘎查), which carry no Han surname.
struct DemoPersonNamer: Sendable {
    private let surnames: [String]
    private let cumulative: [Double]

    init() {
        // Roughly the 2020 census order; weights fall off with rank.
        let ranked = """
            王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 唐 许 韩 邓 冯 曹 彭 曾 肖 田 董 \
            潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 韦 贾 夏 付 方 邹 熊 白 \
            孟 秦 邱 侯 江 尹 薛 闫 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 莫 孔 向 常 乔 云 包 奇
            """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        surnames = ranked
        var total = 0.0
        cumulative = ranked.indices.map { rank in
            total += 1 / Double(rank + 8)
            return total
        }
    }

    /// A name for someone of the given sex born in `birthYear`; `mongolianShare` is the chance of a Mongolian name.
    func name(male: Bool, birthYear: Int, mongolianShare: Double, _ random: inout DemoRandom) -> String {
        name(male: male, birthYear: birthYear, mongolianShare: mongolianShare, surname: nil, &random).name
    }

    /// A name as above, with the family's `surname` when one is given (children of a household);
    /// also returns the surname used, nil for a Mongolian name, which has none.
    func name(
        male: Bool, birthYear: Int, mongolianShare: Double, surname given: String?, _ random: inout DemoRandom
    ) -> (name: String, surname: String?) {
        if random.chance(mongolianShare) {
            return (random.pick(male ? Self.mongolianMale : Self.mongolianFemale), nil)
        }
        let surname = given ?? surnames[surnameIndex(&random)]
        let era = birthYear < 1965 ? 0 : birthYear < 1990 ? 1 : 2
        if random.chance(0.45) {
            let pool = male ? Self.maleNames[era] : Self.femaleNames[era]
            return (surname + random.pick(pool), surname)
        }
        let chars = male ? Self.maleChars : Self.femaleChars
        let single = random.chance(era == 1 ? 0.45 : 0.25)
        return (surname + random.pick(chars) + (single ? "" : random.pick(chars)), surname)
    }

    private func surnameIndex(_ random: inout DemoRandom) -> Int {
        let x = random.unit() * (cumulative.last ?? 1)
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    private static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    private static let maleChars = split(
        """
        伟 刚 勇 毅 俊 峰 强 军 平 保 东 文 辉 力 明 永 健 世 广 志 义 兴 良 海 山 仁 波 宁 贵 福 生 龙 元 全 国 胜 学 \
        祥 才 发 武 新 利 清 飞 彬 富 顺 信 子 杰 涛 昌 成 康 星 光 天 达 安 岩 中 茂 进 林 有 坚 和 博 诚 先 敬 振 \
        壮 思 群 豪 心 邦 承 乐 功 松 善 厚 庆 磊 民 友 裕 河 哲 江 超 浩 亮 政 谦 奇 翰 朗 宏 言 鸣 朋 斌 栋 维 启 \
        克 翔 旭 鹏 泽 晨 辰 建 家 树 德 行 泰 盛 雄 钧 冠 腾 航 宇 轩 睿
        """)

    private static let femaleChars = split(
        """
        秀 娟 英 华 慧 巧 美 娜 静 淑 惠 珠 翠 雅 芝 玉 萍 红 娥 玲 芬 芳 燕 彩 春 菊 兰 凤 洁 梅 琳 素 云 莲 真 环 \
        雪 荣 爱 霞 香 月 媛 艳 瑞 佳 嘉 琼 勤 珍 贞 莉 桂 叶 璐 琦 晶 妍 茜 秋 珊 莎 锦 青 倩 婷 婉 娴 瑾 颖 露 瑶 \
        怡 雁 蓓 仪 荷 丹 蓉 君 琴 蕊 薇 菁 梦 岚 婕 馨 韵 艺 咏 澜 悦 昭 冰 爽 茗 羽 希 宁 欣 晓 欢 枫 芸 菲 涵 萱
        """)

    /// Whole given names typical of each generation: born before 1965, 1965–1989, from 1990.
    private static let maleNames = [
        split("建国 建华 国庆 志强 卫东 红军 德胜 振华 国强 建军 玉林 福山 长生 保国 永祥 文革 跃进 树林 凤山 金贵"),
        split("伟 磊 勇 军 杰 涛 斌 强 鹏 海峰 志刚 晓东 建伟 永刚 立新 海涛 红兵 文斌 宏伟 俊峰"),
        split("浩 宇 子轩 浩然 宇航 俊杰 博文 天宇 一鸣 梓豪 皓轩 宇轩 子墨 思远 嘉豪 明哲 雨泽 晨阳 子涵 睿"),
    ]
    private static let femaleNames = [
        split("桂兰 秀英 淑珍 玉兰 凤英 秀兰 桂英 翠花 淑兰 桂芳 玉珍 秀珍 凤兰 桂珍 淑英 玉梅 秀芳 金花 春花 兰英"),
        split("丽 静 敏 燕 艳 娟 霞 丽娜 晓燕 海燕 红梅 丽华 晓丽 雪梅 春燕 美玲 丽萍 晓霞 小红 玉洁"),
        split("欣怡 梓涵 雨萱 诗琪 佳怡 思雨 婧 萱 可馨 雨桐 梦瑶 紫涵 一诺 语嫣 心怡 欣妍 子琪 佳琪 若曦 雅琪"),
    ]
    private static let mongolianMale = split("巴特尔 额尔敦 苏和 阿拉坦 那仁 宝音 朝鲁 孟和 巴图 达来 乌力吉 布和 特木尔 格日乐图 额尔德尼")
    private static let mongolianFemale = split("乌云 其其格 斯琴 萨仁 图雅 敖登 高娃 娜仁花 塔娜 格日勒 萨日娜 乌兰 阿拉腾花 托娅 琪琪格")
}
