import Foundation

extension HolidaySchedule {
    /// 2025, from 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, issued 2024-11-12),
    /// which also follows the revised 全国年节及纪念日放假办法 (two more days: 除夕 and 5月2日).
    public static let official2025 = HolidaySchedule(
        year: 2025,
        holidays: [
            official("元旦", 2025, (1, 1), (1, 1)),
            official("春节", 2025, (1, 28), (2, 4), makeUp: [(1, 26), (2, 8)]),
            official("清明节", 2025, (4, 4), (4, 6)),
            official("劳动节", 2025, (5, 1), (5, 5), makeUp: [(4, 27)]),
            official("端午节", 2025, (5, 31), (6, 2)),
            official("国庆节、中秋节", 2025, (10, 1), (10, 8), makeUp: [(9, 28), (10, 11)]),
        ],
        source: Source(
            title: "国务院办公厅关于2025年部分节假日安排的通知",
            documentNumber: "国办发明电〔2024〕12号",
            issued: CivilDate(year: 2024, month: 11, day: 12),
            text: """
                一、元旦:1月1日(周三)放假1天,不调休。
                二、春节:1月28日(周二)至2月4日(周二)放假调休,共8天。1月26日(周日)、2月8日(周六)上班。
                三、清明节:4月4日(周五)至6日(周日)放假,共3天。
                四、劳动节:5月1日(周四)至5日(周一)放假调休,共5天。4月27日(周日)上班。
                五、端午节:5月31日(周六)至6月2日(周一)放假,共3天。
                六、国庆节、中秋节:10月1日(周三)至8日(周三)放假调休,共8天。9月28日(周日)、10月11日(周六)上班。
                """))

    /// 2026, from 国务院办公厅关于2026年部分节假日安排的通知 (issued 2025-11-04).
    public static let official2026 = HolidaySchedule(
        year: 2026,
        holidays: [
            official("元旦", 2026, (1, 1), (1, 3), makeUp: [(1, 4)]),
            official("春节", 2026, (2, 15), (2, 23), makeUp: [(2, 14), (2, 28)]),
            official("清明节", 2026, (4, 4), (4, 6)),
            official("劳动节", 2026, (5, 1), (5, 5), makeUp: [(5, 9)]),
            official("端午节", 2026, (6, 19), (6, 21)),
            official("中秋节", 2026, (9, 25), (9, 27)),
            official("国庆节", 2026, (10, 1), (10, 7), makeUp: [(9, 20), (10, 10)]),
        ],
        source: Source(
            title: "国务院办公厅关于2026年部分节假日安排的通知",
            issued: CivilDate(year: 2025, month: 11, day: 4),
            text: """
                一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。
                二、春节:2月15日(周日)至23日(周一)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。
                三、清明节:4月4日(周六)至6日(周一)放假,共3天。
                四、劳动节:5月1日(周五)至5日(周二)放假调休,共5天。5月9日(周六)上班。
                五、端午节:6月19日(周五)至21日(周日)放假,共3天。
                六、中秋节:9月25日(周五)至27日(周日)放假,共3天。
                七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天。9月20日(周日)、10月10日(周六)上班。
                """))

    /// The schedules the platform ships, oldest first.
    public static let official: [HolidaySchedule] = [official2025, official2026]

    /// A holiday of a shipped schedule. The days are literals checked by the tests, so a day that does
    /// not exist cannot reach here; the fallback (1 January) only keeps the code free of force-unwraps.
    private static func official(
        _ name: String, _ year: Int, _ first: (Int, Int), _ last: (Int, Int), makeUp: [(Int, Int)] = []
    ) -> Holiday {
        func day(_ monthDay: (Int, Int)) -> CivilDate {
            CivilDate(year: year, month: monthDay.0, day: monthDay.1) ?? CivilDate(dayNumber: 0)
        }
        return Holiday(name: name, firstDay: day(first), lastDay: day(last), makeUpWorkdays: makeUp.map(day))
    }
}
