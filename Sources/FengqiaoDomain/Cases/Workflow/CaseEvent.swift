import Foundation

/// One entry of a case's append-only history: what happened (`payload`, stored under `type`), who
/// caused it and when. `CaseSnapshot.apply` folds events into the projection.
public struct CaseEvent: Sendable, Hashable, Codable {
    public var payload: Payload
    public var actor: CaseEventActor
    public var at: Date

    public init(_ payload: Payload, actor: CaseEventActor, at: Date) {
        self.payload = payload
        self.actor = actor
        self.at = at
    }

    /// The stable type code stored in the database (`accepted`, `dispatched`, `signed_for` …).
    public var type: String { payload.type }

    /// The first event of every case: reported through `channel`. The tier starts at the grid.
    public static func reported(
        kind: CaseKind, channel: Channel, urgency: Urgency = .normal, areaCode: AreaCode, gridCode: AreaCode?,
        trackingCode: TrackingCode?, by actor: CaseActor, at: Date
    ) -> CaseEvent {
        CaseEvent(
            .reported(kind: kind, channel: channel, urgency: urgency, areaCode: areaCode.rawValue,
                      gridCode: gridCode?.rawValue, trackingCode: trackingCode?.rawValue),
            actor: CaseEventActor(actor), at: at)
    }
}
