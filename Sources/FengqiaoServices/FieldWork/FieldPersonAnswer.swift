import Foundation

/// What a quick update of a resident keeps for a retry: the person, read again when answering.
struct FieldPersonAnswer: Sendable, Codable, Equatable {
    var id: Int64
}
