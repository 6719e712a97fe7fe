import FengqiaoDomain
import Foundation

/// A mediation case in a list: its state, who mediates it and when they meet next.
public struct MediationCaseListItem: Sendable, Codable, Equatable {
    public var number: String
    public var caseNumber: String
    public var state: String
    public var stateName: String
    public var specialtyName: String
    public var areaCode: String
    public var areaName: String?
    public var organizationName: String?
    public var mediatorId: Int64?
    public var mediatorName: String?
    public var amountYuan: String
    public var openedAt: Date
    public var nextSession: Date?
}
