import FengqiaoDomain
import Foundation

/// A public notice as pages show it: to staff with its state, to residents only while published and current.
public struct PublicNotice: Sendable, Equatable {
    public var id: Int64
    public var areaCode: String
    public var areaName: String
    public var title: String
    public var body: String
    public var state: NoticeState
    public var publishDay: String
    public var expiryDay: String?
    public var createdBy: String
}
