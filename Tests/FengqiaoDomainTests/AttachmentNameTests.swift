import FengqiaoDomain
import XCTest

/// The names attachments are listed and downloaded under.
final class AttachmentNameTests: XCTestCase {
    func testAttachmentNames() {
        XCTAssertEqual(AttachmentName.named("C:\\fakepath\\现场照片.JPG", type: .jpeg), "现场照片.JPG")
        XCTAssertEqual(AttachmentName.named("../../etc/passwd", type: .pdf), "passwd.pdf")
        XCTAssertEqual(AttachmentName.named("合同.exe", type: .jpeg), "合同.exe.jpg")
        XCTAssertEqual(AttachmentName.named(nil, type: .png), "附件.png")
        XCTAssertEqual(AttachmentName.named("  \u{0}\u{202E}\"<>.webp  ", type: .webp), "webp.webp")
        XCTAssertEqual(AttachmentName.named(".hidden", type: .pdf), "hidden.pdf")
        let long = AttachmentName.named(String(repeating: "长", count: 300) + ".pdf", type: .pdf)
        XCTAssertEqual(long.count, AttachmentName.maximumLength)
        XCTAssertTrue(long.hasSuffix(".pdf"))
    }
}
