import FengqiaoDomain
import Foundation
import XCTest

/// Reading 12345 work orders: the times platforms write, each cell's check, the type table and profiles.
final class HotlineWorkOrderTests: XCTestCase {
    /// 2026-03-01 08:30:00 in Beijing.
    let morning = Date(timeIntervalSince1970: 1_772_325_000)

    func testTimesInTheFormatsPlatformsWrite() throws {
        for text in ["2026-03-01 08:30:00", "2026-03-01 08:30", "2026/3/1 8:30", "2026年3月1日 8时30分", "20260301083000",
                     "202603010830", "2026-03-01T08:30:00", "2026-03-01T08:30:00+08:00", "2026-03-01T00:30:00Z",
                     "2026-03-01T08:30:00.000+08:00", " 2026-03-01 08:30 "] {
            XCTAssertEqual(HotlineTime.parse(text), morning, text)
        }
        let midnight = morning.addingTimeInterval(-(8 * 3600 + 30 * 60))
        XCTAssertEqual(HotlineTime.parse("2026-03-01"), midnight)
        XCTAssertEqual(HotlineTime.parse("20260301"), midnight)
        XCTAssertEqual(HotlineTime.parse("2026-03-01", endOfDay: true), midnight.addingTimeInterval(86_399))
        for bad in ["", "昨天上午", "2026-02-30 08:00", "2026-03-01 24:00", "2026-03-01 08:61", "1999-12-31 08:00",
                    "2026-03", "08:30", "2026-03-01 08", "2026-03-01T08:30:00+99:00", "2026-03-01 08:30:00 extra"] {
            XCTAssertNil(HotlineTime.parse(bad), bad)
        }
        XCTAssertEqual(HotlineTime.text(morning), "2026-03-01 08:30:00")
    }

    func testEachCellIsCheckedAndNamed() throws {
        func errors(_ values: [HotlineField: String]) -> [String] {
            guard case .failure(.validation(let fields)) = HotlineWorkOrderSubmission(values: values).validate() else { return [] }
            return fields.map { "\($0.field) \($0.code)" }
        }
        let good: [HotlineField: String] = [
            .workOrderNumber: "GD-1", .calledAt: "2026-03-01 08:30", .requester: "张三", .phone: "+86 138 1234 5678",
            .content: "噪音扰民", .address: "某路", .requestType: "噪音扰民", .deadline: "2026-03-05",
        ]
        guard case .success(let order) = HotlineWorkOrderSubmission(values: good).validate() else { return XCTFail() }
        XCTAssertEqual(order.phone?.rawValue, "13812345678")
        XCTAssertEqual(order.calledAt, morning)
        XCTAssertEqual(order.deadline, HotlineTime.parse("2026-03-05 23:59:59"))
        XCTAssertEqual(errors([:]), ["workOrderNumber required", "calledAt required", "content required"])
        var bad = good
        bad[.workOrderNumber] = String(repeating: "9", count: 65)
        bad[.calledAt] = "三月一日"
        bad[.phone] = "110"
        bad[.requestType] = String(repeating: "类", count: 41)
        bad[.deadline] = "下周"
        XCTAssertEqual(errors(bad), ["workOrderNumber too_long", "calledAt invalid_format", "phone invalid_format",
                                     "requestType too_long", "deadline invalid_format"])
        bad = good
        bad[.workOrderNumber] = "GD 1"
        bad[.deadline] = "2026-02-28"
        XCTAssertEqual(errors(bad), ["workOrderNumber invalid_format", "deadline before_call"])
        var changed = good
        changed[.content] = "噪音扰民,夜里也有"
        guard case .success(let other) = HotlineWorkOrderSubmission(values: changed).validate() else { return XCTFail() }
        XCTAssertNotEqual(order.canonicalText, other.canonicalText)
        var respaced = good
        respaced[.content] = " 噪音扰民 "
        respaced[.phone] = "13812345678"
        guard case .success(let same) = HotlineWorkOrderSubmission(values: respaced).validate() else { return XCTFail() }
        XCTAssertEqual(order.canonicalText, same.canonicalText, "spacing and phone formatting are not a change")
    }

    func testTypesFileByTableCategoryKindOrFallback() throws {
        let mapping = try HotlineTypeMapping.parse(lines: "供热 = 民生服务/供暖问题\n乱停车=违规停车\n\n# 备注\n咨询=policyInquiry",
                                                   fallback: "意见建议")
        XCTAssertEqual(mapping.target(for: "供热"), .init(kind: .livelihood, category: "供暖问题"))
        XCTAssertEqual(mapping.target(for: "乱停车"), .init(kind: .urbanManagement, category: "违规停车"))
        XCTAssertEqual(mapping.target(for: "咨询"), .init(kind: .policyInquiry, category: "社保政策"))
        XCTAssertEqual(mapping.target(for: "噪音扰民"), .init(kind: .urbanManagement, category: "噪音扰民"), "a category by itself")
        XCTAssertEqual(mapping.target(for: "矛盾纠纷"), .init(kind: .dispute, category: "邻里纠纷"), "a kind by itself")
        XCTAssertEqual(mapping.target(for: "外星人"), .init(kind: .suggestion, category: "社区建设"), "the fallback")
        XCTAssertEqual(mapping.target(for: nil), .init(kind: .suggestion, category: "社区建设"))
        XCTAssertNil(HotlineTypeMapping().target(for: "外星人"))
        XCTAssertNil(HotlineTypeMapping.target(named: "民生服务/噪音扰民"), "a category of another kind")
        XCTAssertEqual(mapping.lines, "乱停车=城市管理/违规停车\n供热=民生服务/供暖问题\n咨询=政策咨询/社保政策")
    }

    func testTheStandardProfileNamesTheHotlineHeaders() throws {
        XCTAssertEqual(HotlineField.allCases.map { HotlineColumnMapping.standard.names(for: $0).first },
                       ["工单编号", "来电时间", "诉求人", "电话", "诉求内容", "地址", "诉求类型", "办结时限"])
        let profile = try HotlineColumnMapping.validated(name: " 省平台 ", names: [
            .workOrderNumber: "gdbh, 编号", .calledAt: "ldsj;ldsj", .content: "内容、sqnr",
        ])
        XCTAssertEqual(profile.name, "省平台")
        XCTAssertEqual(profile.names(for: .workOrderNumber), ["gdbh", "编号"])
        XCTAssertEqual(profile.names(for: .calledAt), ["ldsj"])
        XCTAssertEqual(profile.text(for: .content), "内容、sqnr")
        XCTAssertEqual(profile.names(for: .phone), [])
    }
}
