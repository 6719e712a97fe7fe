/// Name stems for the demo's villages, communities, compounds, roads and special grids: plausible
/// for 包头 (some Mongolian-derived), never a list of real addresses.
enum DemoPlaceNames {
    /// 社区 stems (社区 is appended).
    static let communities = words(
        """
        康乐 幸福 和平 阳光 友谊 团结 建设 光明 富强 民主 文明 和谐 金桥 青山 锦绣 星光 翠苑 新城 春光 丽景 \
        华苑 佳园 兴业 绿洲 御景 滨河 银河 福源 安居 朝阳 公园 胜利 健康 长安 长青 兴胜 南苑 东方 西园 钢城 \
        稀土 鹿城 阿尔丁 赛罕 富林 民族 少先 工业 文化 体育 园林 松石 凯旋 馨园 丰产 怡园 和顺 吉祥 如意 万青 \
        金地 融丰 天福 广源 汇通 瑞德 嘉禾 裕民 中山 北方 紫薇 丁香 玫瑰 百合 牡丹 芳草 清泉 润泽 金辉 宝翠 \
        泰和 永安 永和 永乐 常青 乐园 梦园 欣园 雅园 荣和 世纪 新世纪 时代 盛世 繁荣 振华 育才 书香 科技 电厂 \
        铁西 铁南 站北 民航 九原 西河 南湖 北湖 青年 西脑包 二里半 乔家 工农 建华 巴彦塔拉 赛音道 兵工 一机 二机 北重 \
        林荫 鞍山 前进 沼潭 白云 昆北 黄河 哈屯 赛汗 萨如拉 白音 阿吉奈 巴音 希望 春晖 金泰 枫林 丰景 海德 河畔 \
        景泰 华丰 昌盛 光华 红星 东风 迎宾 宏达 景苑 绿茵 富康 祥和 康城 新都 西城 东城 北城 南城 龙湖 锦华
        """)

    /// 村 stems (村 is appended).
    static let villages = words(
        """
        前进 新建 红旗 毛其来 哈林格尔 麻池 讨合气 打拉亥 沙尔沁 什大股 三艾道 张四圪堵 王二圪堵 刘宝窑子 大城西 \
        小巴拉盖 西园 东园 南滩 留宝窑子 宏图 新光 全巴图 乌兰计 古城湾 后营子 前营子 二道沙河 三道沙河 新河 \
        南海子 什拉门更 哈业胡同 合成 民丰 丰收 五星 八一 新民 兴旺 富民 永丰 永盛 腾飞 德胜 光辉 双河 三合 \
        四合 五合 大树湾 郝家营子 王家营子 张家营子 赵家圪旦 白家圪旦 马家店 薛家湾 刘家圪堵 黑麻板 东兴 西壕口 \
        壕赖沟 阿都赖 召湾 边墙壕 海岱 柳树湾 圐圙补隆 大雁滩 小召子 二十四顷地 陶思浩 留宝 阿善沟门
        """)

    /// 嘎查 stems (嘎查 is appended).
    static let gachas = words(
        """
        阿嘎如泰 巴音 乌兰 宝力格 哈达图 额尔登 查干 伊和 巴彦 呼和 阿拉坦 希热 乌力吉 图门 锡林 敖包 赛罕塔拉
        """)

    /// Stems of residential compounds (a suffix such as 小区 or 花园 is appended).
    static let compoundStems = words(
        """
        阳光 金地 万和 富丽 景苑 丽都 龙湖 锦华 华府 御园 祥和 康城 明珠 金域 世纪 凯旋 馨港 银河 春晖 和美 \
        枫林 怡景 碧水 蓝天 紫荆 翡翠 尚城 天鹅 鹿苑 北梁 青山 绿都 九郡 巨力 星光 东方 海德 保利 万科 融创 \
        中海 奥林 兴盛 福润 西河 瑞祥 朝阳 幸福 胜利 民馨 建华 富强 钢铁 稀土 赛音 友谊 团结 少先 锦林 恒泰
        """)

    static let compoundSuffixes = ["小区", "花园", "家园", "嘉苑", "新村", "华庭", "雅居", "公寓", "名苑", "佳园"]

    /// Road names of the towns; each township picks a few.
    static let roads = words(
        """
        钢铁大街 阿尔丁大街 建设路 民族东路 兵工路 少先路 友谊大街 团结大街 林荫路 富强路 白云路 青年路 文化路 \
        迎宾道 巴彦塔拉大街 东河路 南门外大街 和平路 财神庙街 环城路 沼潭路 市府东路 包钢道 民族西路 黄河大街 \
        建华路 万青路 工业路 幸福路 劳动路 健康路 光明路 九原路 新光路 赛汗路 沙河大街 萨如拉路 哈林格尔路 \
        麻池路 稀土大街 滨河路 阳光路 纬三路 经三路 银河大街 呼得木林大街 阿吉奈道 奥林匹克大道
        """)

    /// Names of 园区 grids.
    static let parks = words(
        """
        装备制造产业园 稀土新材料产业园 现代物流园 农畜产品加工园 光伏产业园 金创总部经济园 铝业循环经济园 \
        电商创业园 铁路物流园 煤化工产业园
        """)

    /// Names of 商圈 grids.
    static let businessDistricts = words(
        """
        万达广场商圈 银河广场商圈 王府井商圈 吾悦广场商圈 东河老街商圈 步行街商圈 正翔国际商圈 九原万达商圈 \
        维多利商圈 包百商圈 友谊商圈 青年路商圈
        """)

    /// Names of 学校 grids (a prefix such as the township short name is added).
    static let schools = words(
        """
        第一中学 第二中学 第三中学 实验中学 第一小学 第二小学 实验小学 蒙古族学校 职业技术学校 中心学校
        """)

    /// Names of 医院 grids.
    static let hospitals = words(
        """
        人民医院 中医医院 蒙医医院 妇幼保健院 社区卫生服务中心 中心卫生院 第三医院 第四医院
        """)

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
}
