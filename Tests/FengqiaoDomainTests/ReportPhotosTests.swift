import FengqiaoDomain
import Foundation
import XCTest

final class ReportPhotosTests: XCTestCase {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 1, count: 100)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 2, count: 100)
    static let webp = Data("RIFF".utf8) + Data([0, 0, 0, 0]) + Data("WEBP".utf8) + Data(repeating: 3, count: 100)

    private func codes(_ photos: [ReportPhoto]) -> [String] {
        do {
            _ = try ReportPhotos.check(photos)
            XCTFail("expected a validation error")
            return []
        } catch {
            guard case .validation(let errors) = error else { XCTFail("\(error)"); return [] }
            XCTAssertTrue(errors.allSatisfy { $0.field == "photos" })
            return errors.map(\.code)
        }
    }

    func testJPEGPNGAndWebPAreJudgedByContent() throws {
        let types = try ReportPhotos.check([
            ReportPhoto(data: Self.jpeg, filename: "a.png"), ReportPhoto(data: Self.png), ReportPhoto(data: Self.webp),
        ])
        XCTAssertEqual(types, [.jpeg, .png, .webp])
    }

    func testDisguisedTooLargeAndTooManyPhotosAreRefused() {
        let pdf = ReportPhoto(data: Data("%PDF-1.7\n".utf8), filename: "photo.jpg")
        let exe = ReportPhoto(data: Data([0x4D, 0x5A, 0x90, 0x00, 0x03]), filename: "photo.jpg")
        XCTAssertEqual(codes([ReportPhoto(data: Self.jpeg), pdf, exe]), ["unsupported_type", "unsupported_type"])
        let big = ReportPhoto(data: Self.jpeg + Data(count: ReportPhotos.maxBytes))
        XCTAssertEqual(codes([big]), ["too_large"])
        XCTAssertEqual(codes(Array(repeating: ReportPhoto(data: Self.jpeg), count: ReportPhotos.limit + 1)), ["too_many"])
        XCTAssertEqual(codes([ReportPhoto(data: Data(), filename: "empty.jpg")]), ["required"])
    }

    func testTheMessageNamesThePhotoByItsPlace() {
        do {
            _ = try ReportPhotos.check([ReportPhoto(data: Self.jpeg), ReportPhoto(data: Data("hello".utf8))])
        } catch {
            XCTAssertTrue(error.message.hasPrefix("第2张照片:"), error.message)
            return
        }
        XCTFail("expected a validation error")
    }
}
