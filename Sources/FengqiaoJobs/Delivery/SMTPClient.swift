import Foundation
import NIOCore
import NIOPosix

/// A minimal SMTP client (RFC 5321) on SwiftNIO: EHLO (HELO when EHLO is refused), AUTH PLAIN when
/// credentials are set and the server offers it, MAIL FROM, RCPT TO, DATA. One connection per message;
/// the whole conversation is bounded by the settings' timeout.
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) { self.settings = settings }

    /// Sends `message` to `message.to`.
    public func send(_ message: MailMessage) async throws {
        let settings = settings
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(Int64(min(settings.timeout, 30))))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let underlying = channel.channel
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var conversation = Conversation(lines: inbound.makeAsyncIterator(), outbound: outbound)
                    try await conversation.run(message, settings: settings)
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(settings.timeout))
                throw SMTPError.timedOut
            }
            defer { group.cancelAll() }
            do {
                try await group.next()
            } catch {
                underlying.close(promise: nil)
                throw error
            }
        }
    }

    /// One SMTP session over a connected channel.
    struct Conversation {
        var lines: NIOAsyncChannelInboundStream<String>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

        mutating func run(_ message: MailMessage, settings: SMTPSettings) async throws {
            try await expect(220, "连接")
            var (code, extensions) = try await command("EHLO \(settings.heloName)")
            if code != 250 {
                (code, extensions) = try await command("HELO \(settings.heloName)")
                guard code == 250 else { throw SMTPError.rejected(step: "HELO", code: code, text: extensions.last ?? "") }
            }
            if let username = settings.username, let password = settings.password {
                let offers = extensions.contains { line in
                    let words = line.uppercased().split(separator: " ")
                    return words.first == "AUTH" && words.contains("PLAIN")
                }
                guard offers else { throw SMTPError.protocolViolation("服务器不支持 AUTH PLAIN") }
                let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                let (authCode, text) = try await command("AUTH PLAIN \(token)")
                // The reply may echo nothing secret, but say only the code.
                guard authCode == 235 else { throw SMTPError.rejected(step: "AUTH", code: authCode, text: text.last ?? "") }
            }
            try await step("MAIL FROM:<\(message.from)>", expecting: 250, "MAIL FROM")
            try await step("RCPT TO:<\(message.to)>", expecting: 250, "RCPT TO", alsoAccepting: 251)
            try await step("DATA", expecting: 354, "DATA")
            try await outbound.write(ByteBuffer(string: MailMessage.dotStuffed(message.rendered) + ".\r\n"))
            try await expect(250, "邮件内容")
            try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }

        mutating func step(_ line: String, expecting code: Int, _ name: String, alsoAccepting other: Int? = nil) async throws {
            let (got, text) = try await command(line)
            guard got == code || got == other else { throw SMTPError.rejected(step: name, code: got, text: text.last ?? "") }
        }

        mutating func command(_ line: String) async throws -> (Int, [String]) {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
            return try await reply()
        }

        mutating func expect(_ code: Int, _ name: String) async throws {
            let (got, text) = try await reply()
            guard got == code else { throw SMTPError.rejected(step: name, code: got, text: text.last ?? "") }
        }

        /// One reply, possibly of several lines (`250-…` … `250 …`): its code and the text of each line.
        mutating func reply() async throws -> (Int, [String]) {
            var texts: [String] = []
            while true {
                guard let line = try await lines.next() else { throw SMTPError.closed }
                let bytes = Array(line.utf8)
                guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
                    throw SMTPError.protocolViolation("“\(line.prefix(40))”")
                }
                texts.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
                if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return (code, texts) }
                guard bytes[3] == UInt8(ascii: "-"), texts.count < 100 else {
                    throw SMTPError.protocolViolation("“\(line.prefix(40))”")
                }
            }
        }
    }
}
