import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The status of imported work orders going back to the hotline, on SQLite and PostgreSQL: the work
/// order's deadline as the dispatch deadline, one webhook message per state change of an imported case
/// (and none for other cases), and the export file.
final class HotlineStatusTests: XCTestCase {
    func testAnImportedCaseReportsEveryStateChangeAndTheExportShowsItsOutcome() async throws {
        try await TestDatabases.each { db in
            let f = try await HotlineFixture.make(db)
            let report = try await f.run(HotlineFixture.csv(HotlineFixture.orders))
            let number = try XCTUnwrap(report.items.first?.caseNumber)
            let other = try XCTUnwrap(report.items.last?.caseNumber)
            // A case registered at the desk, not imported: its changes go nowhere.
            let walkIn = try await CaseEngine(platform: f.platform).open(
                CaseOpening(channel: "hotline12345", kind: "dispute", description: "邻居装修噪音扰民", gridCode: SampleAreas.grid),
                caller: f.desk).number
            _ = try await f.perform(.accept, walkIn)

            _ = try await f.perform(.accept, number)
            var body = CaseCommandBody()
            body.lead = f.department
            let dispatched = try await f.perform(.dispatch, number, body: body)
            let deadline = try XCTUnwrap(HotlineTime.parse("2026-11-27 17:00"))
            let events = try await db.read { sql in
                try CaseEventCodec.events(try await CaseRepository(sql).events(caseId: try await CaseRepository(sql).find(number: number)?.id ?? 0))
            }
            guard case .dispatched(let order) = events.last?.payload else { return XCTFail("\(events.map(\.type))") }
            XCTAssertEqual(order.deadline, deadline, "the work order's 办结时限 is the handling deadline")
            XCTAssertEqual(order.overrideReason, "按12345工单办结时限")
            XCTAssertEqual(dispatched.state, "dispatched")

            _ = try await f.perform(.signFor, number, as: f.handler)
            var feedback = CaseCommandBody()
            feedback.result = "已约谈施工方,调整施工时间"
            feedback.evidence = ["photo-1"]
            _ = try await f.perform(.feedback, number, body: feedback, as: f.handler)
            var verify = CaseCommandBody()
            verify.pass = true
            _ = try await f.perform(.verify, number, body: verify)
            f.clock.advance(minutes: 60)
            var close = CaseCommandBody()
            close.reply = "已协调施工方夜间停工"
            close.channel = "phone"
            _ = try await f.perform(.close, number, body: close)
            let closedAt = f.clock.now()
            f.clock.advance(minutes: 60)
            var revisit = CaseCommandBody()
            revisit.satisfaction = "satisfied"
            revisit.channel = "phone"
            _ = try await f.perform(.revisit, number, body: revisit)

            // A dispatcher's own deadline wins over the work order's.
            _ = try await f.perform(.accept, other)
            var named = CaseCommandBody()
            named.lead = f.department
            named.deadline = f.clock.now().addingTimeInterval(3 * 86_400)
            named.overrideReason = "领导批示三天内办结"
            _ = try await f.perform(.dispatch, other, body: named)

            let rows = try await f.webhookRows()
            let states = try rows.map { row -> [String] in
                let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(row.payload.utf8)) as? [String: Any])
                return [json["workOrderNumber"] as? String ?? "", json["state"] as? String ?? ""]
            }
            XCTAssertEqual(states, [
                ["GD20261120001", "accepted"], ["GD20261120001", "dispatched"], ["GD20261120001", "inProgress"],
                ["GD20261120001", "handled"], ["GD20261120001", "verified"], ["GD20261120001", "closed"],
                ["GD20261120001", "archived"], ["GD20261121002", "accepted"], ["GD20261121002", "dispatched"],
            ], "one message per state change of an imported case, none for the desk's own case")
            XCTAssertEqual(Set(rows.map(\.recipient)), ["webhook:hotline12345"])
            let last = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rows[6].payload.utf8)) as? [String: Any])
            XCTAssertEqual(last["caseNumber"] as? String, number)
            XCTAssertEqual(last["satisfaction"] as? String, "satisfied")
            XCTAssertEqual(last["result"] as? String, "已协调施工方夜间停工")
            XCTAssertEqual(last["finishedAt"] as? String, HotlineTime.text(closedAt).replacingOccurrences(of: " ", with: "T") + "+08:00")
            XCTAssertEqual(last["event"] as? String, "case.status_changed")

            let export = HotlineStatusExport(platform: f.platform)
            let lines = try await export.rows(from: "2026-11-20", to: "2026-11-21", caller: f.desk)
            XCTAssertEqual(lines, [
                ["GD20261120001", number, "已归档", "已协调施工方夜间停工", HotlineTime.text(closedAt), "满意", "2026-11-20 09:15:00",
                 "2026-11-27 17:00:00"],
                ["GD20261121002", other, "已派遣", "", "", "", "2026-11-21 14:02:00", "2026-11-28 23:59:59"],
            ])
            let onlyFirstDay = try await export.rows(from: "2026-11-20", to: "2026-11-20", caller: f.desk)
            XCTAssertEqual(onlyFirstDay.map { $0[0] }, ["GD20261120001"])
            let file = try await export.file(from: "2026-11-20", to: "2026-11-21", format: .xlsx, caller: f.desk)
            let table = try SheetReader.read(data: file.data, filename: file.filename)
            XCTAssertEqual(table.header, HotlineStatusExport.header)
            XCTAssertEqual(table.rows.map(\.cells), lines)
            let csv = try await export.file(from: "2026-11-20", to: "2026-11-21", format: .csv, caller: f.desk)
            XCTAssertEqual(try SheetReader.read(data: csv.data, filename: csv.filename).rows.count, 2)
            let audited = try await db.read { try await $0.countRows(in: "audit_log", where: ("action", "hotline.status_export")) }
            XCTAssertEqual(audited, 2)

            // Another township sees none of it; bad ranges are field errors.
            let outside = HotlineFixture.caller(.dispatcher, try XCTUnwrap(AreaCode("150207002000")), id: 6, name: "mc")
            let none = try await export.rows(from: "2026-11-20", to: "2026-11-21", caller: outside)
            XCTAssertEqual(none, [])
            for (from, to, field) in [("2026-11-21", "2026-11-20", "to"), ("", "2026-11-20", "from"), ("2025-01-01", "2026-11-20", "to")] {
                do {
                    _ = try await export.rows(from: from, to: to, caller: f.desk)
                    XCTFail("\(from)…\(to)")
                } catch DomainError.validation(let errors) {
                    XCTAssertEqual(errors.map(\.field), [field])
                }
            }
            do {
                _ = try await export.rows(from: "2026-11-20", to: "2026-11-21", caller: f.handler)
                XCTFail("a department handler is not the hotline desk")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "forbidden")
            }
        }
    }
}
