import FengqiaoDomain
import Foundation

/// The JSON body the hotline platform receives for one status change.
struct HotlineStatusMessage: Codable, Equatable {
    var event: String
    var workOrderNumber: String
    var caseNumber: String
    var state: String
    var stateName: String
    var previousState: String
    var result: String?
    var finishedAt: String?
    var satisfaction: String?
    var satisfactionName: String?
    var changedAt: String
    var version: Int

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// ISO 8601 in Beijing time, `2026-11-23T10:00:00+08:00`.
    static func time(_ date: Date) -> String {
        HotlineTime.text(date).replacingOccurrences(of: " ", with: "T") + "+08:00"
    }
}
