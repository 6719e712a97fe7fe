import Foundation

/// One page of the alert queue, newest first; `next` is the cursor of the following page.
public struct CameraAlertPage: Sendable, Codable, Equatable {
    public var items: [CameraAlertView]
    public var next: String?
}
