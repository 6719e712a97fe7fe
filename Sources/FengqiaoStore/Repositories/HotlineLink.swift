import Foundation

/// A linked work order's content hash and the number and place of its case.
public struct HotlineLink: Sendable, Hashable, Codable {
    public var workOrderNumber: String
    public var contentHash: String
    public var caseId: Int64
    public var caseNumber: String
    public var areaCode: String
    public var gridCode: String?
}
