/// Settings print without their secrets: service groups and error reports describe what they hold (at
/// debug level, the whole job runner), and the SMTP password, the SMS gateway's headers and its URL (which
/// may carry a key) must never reach a log.
extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SMTPSettings(host: \(host), port: \(port), from: \(from), auth: \(username == nil ? "none" : "PLAIN, password redacted"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["summary": description]) }
}

extension SMSGatewaySettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SMSGatewaySettings(method: \(method), url: redacted, headers: \(headers.count) redacted, timeout: \(timeout))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["summary": description]) }
}
