import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// 12345 work orders in batches on SQLite and PostgreSQL: cases through the engine, idempotent by
/// work-order number, CSV/XLSX/JSON, the profiles and the type table, and who may import.
final class HotlineImportTests: XCTestCase {
    func testTheSameFileTwiceCreatesNoDuplicatesAndAChangedOrderIsReportedNotOverwritten() async throws {
        try await TestDatabases.each { db in
            let f = try await HotlineFixture.make(db)
            let file = HotlineFixture.csv(HotlineFixture.orders)
            let first = try await f.run(file)
            XCTAssertEqual([first.rows, first.created, first.alreadyImported, first.changed, first.failed], [2, 2, 0, 0, 0],
                           "\(db.kind) \(first.problems)")
            XCTAssertTrue(first.applied)
            XCTAssertEqual(first.format, "csv")
            XCTAssertEqual(first.items.map(\.outcome), ["created", "created"])

            // The case as the engine files it: 12345 channel, reported at the call time, phone sealed and masked, placed by the address.
            let noise = try await f.caseRecord(first.items.first?.caseNumber)
            XCTAssertEqual(noise.channel, "hotline12345")
            XCTAssertEqual(noise.reportedAt, HotlineTime.parse("2026-11-20 09:15:00")?.millisecondsSince1970)
            XCTAssertEqual(noise.contactName, "张三")
            XCTAssertEqual(noise.contactPhoneMasked, "138****5678")
            let sealed = try XCTUnwrap(noise.contactPhoneCipher)
            XCTAssertFalse(sealed.contains("13812345678"))
            XCTAssertEqual(try f.platform.cipher.open(sealed), "13812345678")
            XCTAssertEqual(noise.gridCode, SampleAreas.grid, "the address names the grid")
            XCTAssertEqual([noise.kind, noise.category], ["urbanManagement", "噪音扰民"], "a type that is a category")
            XCTAssertEqual(noise.description, "楼上装修噪音扰民已持续一周")
            let heating = try await f.caseRecord(first.items.last?.caseNumber)
            XCTAssertEqual(heating.areaCode, SampleAreas.village, "the address names the community only")
            XCTAssertEqual(heating.contactPhoneMasked, "0472-***3456")
            let events = try await db.read { sql in try await CaseRepository(sql).events(caseId: noise.id ?? 0) }
            XCTAssertEqual(events.map(\.type), ["reported"])

            let again = try await f.run(file)
            XCTAssertEqual([again.rows, again.created, again.alreadyImported, again.changed, again.failed], [2, 0, 2, 0, 0])
            XCTAssertEqual(again.items.map(\.outcome), ["already_imported", "already_imported"])
            XCTAssertEqual(again.items.map(\.caseNumber), first.items.map(\.caseNumber))
            XCTAssertEqual(again.problems, [])
            let cases = try await f.count("cases")
            let links = try await f.count("hotline_work_orders")
            let batches = try await f.count("hotline_batches")
            XCTAssertEqual([cases, links, batches], [2, 2, 2])

            var changedRows = HotlineFixture.orders
            changedRows[0][4] = "楼上装修噪音扰民已持续两周,夜间也施工"
            let changed = try await f.run(HotlineFixture.csv(changedRows))
            XCTAssertEqual([changed.created, changed.alreadyImported, changed.changed, changed.failed], [0, 1, 1, 0])
            let problem = try XCTUnwrap(changed.problems.first)
            XCTAssertEqual([problem.row, problem.column, problem.field, problem.code],
                           [2, "A", "workOrderNumber", "changed_after_import"] as [AnyHashable?])
            XCTAssertTrue(problem.message.contains(noise.number), problem.message)
            let kept = try await f.caseRecord(noise.number)
            XCTAssertEqual(kept.description, "楼上装修噪音扰民已持续一周", "not overwritten")
            let casesAfter = try await f.count("cases")
            XCTAssertEqual(casesAfter, 2)

            let audit = try await db.read { sql in
                try await sql.select().column("action").column("summary").from("audit_log").where("action", .equal, "hotline.import")
                    .orderBy("id").all().map { try $0.decode(column: "summary", as: String.self) }
            }
            XCTAssertEqual(audit.count, 3)
            XCTAssertTrue(audit.first?.contains(#""created":2"#) ?? false, "\(audit)")
        }
    }

    func testTwoImportsOfTheSameFileAtOnceCreateEachOrderOnce() async throws {
        try await TestDatabases.each { db in
            let f = try await HotlineFixture.make(db)
            let rows = (1...12).map { n in ["C\(n)"] + HotlineFixture.orders[n % 2].dropFirst() }
            let file = HotlineFixture.csv(rows)
            async let a = f.run(file)
            async let b = f.run(file)
            let (first, second) = try await (a, b)
            XCTAssertEqual(first.created + second.created, 12, "\(db.kind)")
            XCTAssertEqual(first.alreadyImported + second.alreadyImported, 12)
            XCTAssertEqual(first.problems + second.problems, [])
            let cases = try await f.count("cases")
            let links = try await f.count("hotline_work_orders")
            XCTAssertEqual([cases, links], [12, 12])
        }
    }

    func testXLSXAndJSONBatchesAndTheirOrdersAreTheSameOrdersAsInCSV() async throws {
        try await TestDatabases.each { db in
            let f = try await HotlineFixture.make(db)
            _ = try await f.run(HotlineFixture.csv(HotlineFixture.orders))
            let workbook = try XLSXWriter.write(sheetName: "工单", header: HotlineFixture.header, rows: HotlineFixture.orders)
            let xlsx = try await f.run(workbook, "orders.xlsx")
            XCTAssertEqual(xlsx.format, "xlsx")
            XCTAssertEqual([xlsx.created, xlsx.alreadyImported], [0, 2], "the same orders in another format \(xlsx.problems)")

            let newOrder = try await f.run(
                try XLSXWriter.write(sheetName: "工单", header: HotlineFixture.header, rows: [
                    ["GD20261122003", "2026-11-22 08:00", "王五", "139 0000 1111", "路灯损坏夜间无法照明存在安全隐患", "康乐社区第1网格", "安全隐患", ""],
                ]), "more.xlsx")
            XCTAssertEqual(newOrder.created, 1, "\(newOrder.problems)")

            // JSON: code-name keys, a number for the phone, an object with workOrders; the same order as the CSV is not new.
            let json = """
                {"workOrders": [
                  {"workOrderNumber": "GD20261122004", "calledAt": "2026-11-22T07:30:00+08:00", "requester": "赵六",
                   "phone": 13700001111, "content": "垃圾清运不及时小区门口堆满垃圾", "address": "康乐社区第1网格",
                   "requestType": "垃圾清运", "deadline": "2026-11-29 18:00"},
                  {"工单编号": "GD20261120001", "来电时间": "2026-11-20 09:15:00", "诉求人": "张三", "电话": "13812345678",
                   "诉求内容": "楼上装修噪音扰民已持续一周", "地址": "沙河街道康乐社区第1网格阳光花园3栋", "诉求类型": "噪音扰民",
                   "办结时限": "2026-11-27 17:00"}
                ]}
                """
            let fromJSON = try await f.run(Data(json.utf8), "batch.json")
            XCTAssertEqual(fromJSON.format, "json")
            XCTAssertEqual([fromJSON.rows, fromJSON.created, fromJSON.alreadyImported], [2, 1, 1], "\(fromJSON.problems)")
            let garbage = try await f.caseRecord(fromJSON.items.first?.caseNumber)
            XCTAssertEqual(garbage.contactPhoneMasked, "137****1111")
            XCTAssertEqual(garbage.reportedAt, HotlineTime.parse("2026-11-22 07:30")?.millisecondsSince1970)

            // A bare array with a bad item: the item is a row error named by its position and key.
            let array = #"[{"workOrderNumber": "GD5", "calledAt": "2026-11-22 07:30", "content": "短"}, 42]"#
            let bad = try await f.run(Data(array.utf8), "orders.json")
            XCTAssertEqual(bad.created, 0)
            XCTAssertEqual(Set(bad.problems.map { "\($0.row ?? 0)/\($0.column ?? "-")/\($0.code)" }),
                           ["1/content/too_short", "1/-/unknown_type", "2/-/not_an_object"])
            let cases = try await f.count("cases")
            XCTAssertEqual(cases, 4)
        }
    }

    func testEveryBadCellIsARowErrorAndTheGoodRowsAreImported() async throws {
        try await TestDatabases.each { db in
            let f = try await HotlineFixture.make(db)
            let good = HotlineFixture.orders[0]
            func row(_ change: (inout [String]) -> Void) -> [String] {
                var r = good
                change(&r)
                return r
            }
            let rows: [[String]] = [
                row { $0[0] = "" },                                     // 2: no number
                row { $0[0] = "B3"; $0[1] = "昨天上午" },                  // 3: bad time
                row { $0[0] = "B4"; $0[3] = "12345" },                   // 4: bad phone
                row { $0[0] = "B5"; $0[4] = " " },                       // 5: empty content
                row { $0[0] = "B6"; $0[6] = "外星人入侵" },                 // 6: unknown type, no fallback
                row { $0[0] = "B7"; $0[7] = "下周" },                     // 7: bad deadline
                row { $0[0] = "B8"; $0[7] = "2026-11-19 08:00" },        // 8: deadline before the call
                row { $0[0] = "B9" },                                    // 9: good
                row { $0[0] = "B9"; $0[4] = "另一条内容但编号重复了" },        // 10: number repeated in the file
                row { $0[0] = "B11"; $0[1] = "2026-11-24 08:00" },       // 11: called in the future
                row { $0[0] = "B12"; $0[5] = "麻池镇某村" },               // 12: not in the importer's jurisdiction
                row { $0[0] = "B13"; $0[4] = "吵" },                      // 13: content too short for a case
                row { $0[0] = "B 14" },                                  // 14: a number with a space
            ]
            let village = try XCTUnwrap(AreaCode(SampleAreas.village))
            let desk = HotlineFixture.caller(.intakeOperator, village, id: 3, name: "village-desk")
            let report = try await f.run(HotlineFixture.csv(rows), as: desk)
            XCTAssertEqual([report.rows, report.created, report.failed], [13, 1, 12], "\(report.problems)")
            XCTAssertEqual(report.items.map(\.workOrderNumber), ["B9"])
            let found = report.problems.map { "\($0.row ?? 0) \($0.column ?? "-") \($0.field) \($0.code)" }
            XCTAssertEqual(found, [
                "2 A workOrderNumber required",
                "3 B calledAt invalid_format",
                "4 D phone invalid_format",
                "5 E content required",
                "6 G requestType unknown_type",
                "7 H deadline invalid_format",
                "8 H deadline before_call",
                "10 A workOrderNumber duplicate_in_file",
                "11 B calledAt in_future",
                "12 F address outside_jurisdiction",
                "13 E content too_short",
                "14 A workOrderNumber invalid_format",
            ])
            XCTAssertTrue(report.problems.allSatisfy { $0.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
            XCTAssertEqual(report.problems.first { $0.row == 10 }?.message, "与第9行的工单编号重复")
            let cases = try await f.count("cases")
            XCTAssertEqual(cases, 1)

            // The error report as a download, CSV and XLSX, read back.
            let batch = try XCTUnwrap(report.batchId)
            let batches = HotlineBatches(platform: f.platform)
            let csv = try await batches.errorReport(id: batch, format: .csv, caller: desk)
            let table = try SheetReader.read(data: csv.data, filename: csv.filename)
            XCTAssertEqual(table.header, ["行", "列", "字段", "代码", "问题"])
            XCTAssertEqual(table.rows.count, 12)
            XCTAssertEqual(table.rows.first?.cells, ["2", "A", "工单编号", "required", "缺少工单编号"])
            let xlsx = try await batches.errorReport(id: batch, format: .xlsx, caller: desk)
            XCTAssertEqual(try SheetReader.read(data: xlsx.data, filename: xlsx.filename).rows.count, 12)
            XCTAssertTrue(xlsx.filename.hasSuffix(".xlsx"))
            let listed = try await batches.recent(caller: desk)
            XCTAssertEqual(listed.map(\.problemCount), [12])
            XCTAssertEqual(listed.first?.failed, 12)
            // Another township's desk sees neither the batch nor its report.
            let other = HotlineFixture.caller(.intakeOperator, try XCTUnwrap(AreaCode("150207002000")), id: 4, name: "other")
            let hidden = try await batches.recent(caller: other)
            XCTAssertEqual(hidden, [])
            do {
                _ = try await batches.errorReport(id: batch, format: .csv, caller: other)
                XCTFail("a batch outside the jurisdiction reads as missing")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "not_found")
            }

            // With a fallback, the unknown type files as it says.
            try await HotlineSettings(platform: f.platform).save(
                try HotlineTypeMapping.parse(lines: "", fallback: "城市管理/占道经营"), caller: desk)
            let retried = try await f.run(HotlineFixture.csv([rows[4]]), as: desk)
            XCTAssertEqual(retried.created, 1, "\(retried.problems)")
            let filed = try await f.caseRecord(retried.items.first?.caseNumber)
            XCTAssertEqual([filed.kind, filed.category], ["urbanManagement", "占道经营"])
        }
    }

    func testAFileWithoutARequiredColumnIsRefusedWholeAndOversizedFilesAreRefused() async throws {
        try await TestDatabases.each { db in
            let f = try await HotlineFixture.make(db)
            let header = Array(HotlineFixture.header.dropFirst())
            let report = try await f.run(HotlineFixture.csv(HotlineFixture.orders.map { Array($0.dropFirst()) }, header: header))
            XCTAssertFalse(report.applied)
            XCTAssertNil(report.batchId)
            XCTAssertEqual(report.problems.map(\.code), ["missing_column"])
            XCTAssertTrue(report.problems.first?.message.hasPrefix("缺少“工单编号”列") ?? false)
            let nothing = try await [f.count("cases"), f.count("hotline_batches")]
            XCTAssertEqual(nothing, [0, 0])

            let many = (0...HotlineImport.maximumRows).map { n in ["N\(n)"] + HotlineFixture.orders[0].dropFirst() }
            do {
                _ = try await f.run(HotlineFixture.csv(many))
                XCTFail("more rows than a batch may have")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.code), ["too_large"])
            }
            do {
                _ = try await f.run(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), "orders.csv")
                XCTFail("an image named .csv is refused by its bytes")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.code), ["unsupported_type"])
            }
            do {
                _ = try await f.run(Data("{\"workOrders\": 5}".utf8), "orders.json")
                XCTFail("JSON of the wrong shape")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.code), ["malformed_json"])
            }
        }
    }

    func testAProfileMapsOtherHeadersAndTheTypeTableFilesTypes() async throws {
        try await TestDatabases.each { db in
            let f = try await HotlineFixture.make(db)
            let settings = HotlineSettings(platform: f.platform)
            var names: [HotlineField: String] = [:]
            for field in HotlineField.allCases { names[field] = "" }
            names[.workOrderNumber] = "gdbh"
            names[.calledAt] = "ldsj"
            names[.content] = "sqnr、内容"
            names[.address] = "dz"
            names[.requestType] = "lx"
            names[.deadline] = "bjsx"
            let profile = try HotlineColumnMapping.validated(name: "省平台", names: names)
            try await settings.save(profile, caller: f.desk)
            try await settings.save(try HotlineTypeMapping.parse(lines: "供热=民生服务/供暖问题\n# 注释\n乱停车=违规停车", fallback: ""),
                                    caller: f.desk)
            let file = HotlineFixture.csv([["P1", "2026-11-22 10:00", "暖气片不热已经三天了", "康乐社区第1网格", "供热", "2026-11-30"]],
                                          header: ["gdbh", "ldsj", "内容", "dz", "lx", "bjsx"])
            let report = try await f.run(file, profile: "省平台")
            XCTAssertEqual(report.created, 1, "\(report.problems)")
            XCTAssertEqual(report.profile, "省平台")
            let filed = try await f.caseRecord(report.items.first?.caseNumber)
            XCTAssertEqual([filed.kind, filed.category], ["livelihood", "供暖问题"])
            // The standard profile does not know these headers.
            let standard = try await f.run(file)
            XCTAssertEqual(standard.problems.map(\.code), ["missing_column", "missing_column", "missing_column"])
            do {
                _ = try await f.run(file, profile: "没有这个方案")
                XCTFail("an unknown profile")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.field), ["profile"])
            }
            let listed = try await settings.profiles(caller: f.desk)
            XCTAssertEqual(listed.map(\.name), ["默认", "省平台"])
            let audit = try await db.read { sql in
                try await sql.select().column("action").from("audit_log").where("action", .like, "hotline.%").orderBy("id").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            XCTAssertEqual(audit, ["hotline.profile_save", "hotline.types_save", "hotline.import"], "a refused file writes nothing")

            // Bad profiles and bad tables are field errors.
            do {
                _ = try HotlineColumnMapping.validated(name: "", names: [.workOrderNumber: "编号", .calledAt: "编号"])
                XCTFail("no name, a name used twice, required fields without names")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(Set(errors.map { "\($0.field) \($0.code)" }),
                               ["name required", "names.calledAt duplicate", "names.content required"])
            }
            do {
                _ = try HotlineTypeMapping.parse(lines: "供热\n供热=不存在的分类\n噪音=噪音扰民\n噪音=城市管理", fallback: "火星")
                XCTFail("bad lines and a bad fallback")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.code), ["invalid_format", "invalid_choice", "duplicate", "invalid_choice"])
                XCTAssertEqual(errors.first?.message, "第1行应写成“诉求类型=事件类型/事项分类”")
            }
        }
    }

    func testOnlyTheHotlineDeskMayImportAndAMachineNeedsBothScopes() async throws {
        try await TestDatabases.each { db in
            let f = try await HotlineFixture.make(db)
            let township = try XCTUnwrap(AreaCode(SampleAreas.township))
            let file = HotlineFixture.csv(HotlineFixture.orders)
            for role in [Role.gridLeader, .systemAdmin, .gridWorker, .leader] {
                do {
                    _ = try await f.run(file, as: HotlineFixture.caller(role, township, id: 5, name: "x"))
                    XCTFail("\(role) may not import work orders")
                } catch let error as DomainError {
                    XCTAssertEqual(error.code, "forbidden", "\(role)")
                }
            }
            let importOnly = Staff.machine(tokenID: 7, name: "热线", scopes: [.importData], jurisdiction: Jurisdiction(root: township))
            do {
                _ = try await f.run(file, as: Caller(staff: importOnly, ip: "test"))
                XCTFail("a token without cases.report")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "forbidden")
            }
            let machine = Staff.machine(tokenID: 8, name: "热线", scopes: [.importData, .casesReport],
                                        jurisdiction: Jurisdiction(root: township))
            let report = try await f.run(file, as: Caller(staff: machine, ip: "test"))
            XCTAssertEqual(report.created, 2, "\(report.problems)")
            let record = try await f.caseRecord(report.items.first?.caseNumber)
            let actor = try await db.read { sql in
                try await sql.select().column("actor").from("audit_log").where("action", .equal, "hotline.import").first()?
                    .decode(column: "actor", as: String.self)
            }
            XCTAssertEqual(actor, "token:热线")
            let events = try await db.read { sql in try CaseEventCodec.events(try await CaseRepository(sql).events(caseId: record.id ?? 0)) }
            XCTAssertEqual(events.first?.actor.kind, .system, "a machine's report is the system's")
            XCTAssertEqual(events.first?.actor.name, "token:热线")
        }
    }
}
