import Foundation

/// The fields of a 12345 hotline work order (工单) as the hotline platform sends them.
public enum HotlineField: String, Sendable, Codable, CaseIterable {
    case workOrderNumber, calledAt, requester, phone, content, address, requestType, deadline

    /// The column header of the standard file, as 12345 platforms name it.
    public var chineseName: String {
        switch self {
        case .workOrderNumber: "工单编号"
        case .calledAt: "来电时间"
        case .requester: "诉求人"
        case .phone: "电话"
        case .content: "诉求内容"
        case .address: "地址"
        case .requestType: "诉求类型"
        case .deadline: "办结时限"
        }
    }

    /// Whether a file must have a column for it: without a number, a call time and the matter itself a
    /// work order cannot become a case.
    public var isRequired: Bool { [.workOrderNumber, .calledAt, .content].contains(self) }

    /// The headers and JSON keys the standard profile accepts: the Chinese header, the code name (for
    /// JSON) and a few names other hotline platforms use.
    public var standardNames: [String] {
        let others: [String] = switch self {
        case .workOrderNumber: ["工单号"]
        case .calledAt: ["受理时间"]
        case .requester: ["来电人"]
        case .phone: ["联系电话", "来电号码"]
        case .content: ["工单内容"]
        case .address: ["事发地址"]
        case .requestType: ["工单类型"]
        case .deadline: ["办理时限"]
        }
        return [chineseName, rawValue] + others
    }
}
