import FengqiaoStore
import XCTest

final class DatabaseLocationTests: XCTestCase {
    func testSQLitePathsAreRelativeOrAbsolute() throws {
        XCTAssertEqual(try DatabaseLocation(url: "sqlite://./data/fengqiao.sqlite"), .sqlite(path: "./data/fengqiao.sqlite"))
        XCTAssertEqual(try DatabaseLocation(url: "sqlite:///var/lib/fengqiao/db.sqlite"), .sqlite(path: "/var/lib/fengqiao/db.sqlite"))
    }

    func testPostgresURLsAreParsed() throws {
        let location = try DatabaseLocation(url: "postgres://fq:s%40cret@db.example:6543/fengqiao?sslmode=require")
        guard case .postgres(let s) = location else { return XCTFail("\(location)") }
        XCTAssertEqual(s.host, "db.example")
        XCTAssertEqual(s.port, 6543)
        XCTAssertEqual(s.username, "fq")
        XCTAssertEqual(s.password, "s@cret")
        XCTAssertEqual(s.database, "fengqiao")
        XCTAssertTrue(s.requireTLS)
        XCTAssertEqual(location.redacted, "postgres://fq@db.example:6543/fengqiao", "no password in logs")
        guard case .postgres(let d) = try DatabaseLocation(url: "postgresql://fq@localhost/fengqiao") else { return XCTFail() }
        XCTAssertEqual(d.port, 5432)
        XCTAssertFalse(d.requireTLS)
    }

    func testBadURLsSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("mysql://x", "sqlite:// 或 postgres://"),
            ("sqlite://", "文件路径"),
            ("sqlite:///tmp/", "文件路径"),
            ("postgres://db.example/fengqiao", "用户名"),
            ("postgres://fq@db.example", "数据库名"),
            ("postgres://fq@/fengqiao", "主机名"),
            ("postgres://fq@db.example/fengqiao?timeout=3", "不支持的参数"),
        ]
        for (url, expected) in cases {
            XCTAssertThrowsError(try DatabaseLocation(url: url), url) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(url): \(error)")
            }
        }
    }
}
