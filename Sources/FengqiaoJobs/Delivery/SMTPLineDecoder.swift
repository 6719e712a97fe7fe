import NIOCore

/// Splits what the server sends into lines (CRLF or LF, terminator dropped); a line longer than
/// `limit` bytes is an error rather than unbounded memory.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String
    let limit = 4096

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > limit { throw SMTPError.protocolViolation("应答行过长") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard var line = buffer.readString(length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// What went wrong talking to the mail server, in words fit for `last_error`.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered `code` where another was expected (`step` says to what).
    case rejected(step: String, code: Int, text: String)
    case protocolViolation(String)
    case closed
    case timedOut

    public var description: String {
        switch self {
        case .rejected(let step, let code, let text): "邮件服务器拒绝 \(step):\(code) \(text.prefix(120))"
        case .protocolViolation(let what): "邮件服务器应答无效:\(what)"
        case .closed: "邮件服务器断开了连接"
        case .timedOut: "邮件服务器超时"
        }
    }
}
