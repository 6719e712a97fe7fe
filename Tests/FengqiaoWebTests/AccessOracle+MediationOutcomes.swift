import FengqiaoDomain
import Foundation

extension AccessOracle {
    /// The outcomes of mediations: whoever sees cases reads the outcome and downloads the documents;
    /// `mediate` concludes and follows up. The world's mediation is open without an agreement, so after
    /// authorisation the follow-ups answer 409 (no agreement), and the first conclusion closes it.
    static let mediationOutcomeEntries: [String: Entry] = [
        "GET /api/v1/mediation/cases/{number}/outcome": needs(.viewCases, .mediationCase),
        "POST /api/v1/mediation/cases/{number}/conclusion": needs(.mediate, .mediationCase, body: .json(
            #"{"outcome":"failed","route":"litigation","note":"矩阵调解不成"}"#)),
        "GET /api/v1/mediation/cases/{number}/agreement.pdf": needs(.viewCases, .mediationCase),
        "POST /api/v1/mediation/cases/{number}/agreement/signed-copy": needs(.mediate, .mediationCase, body: .multipart([
            ("file", "照片"), ("signedOn", "2026-11-23"),
        ])),
        "POST /api/v1/mediation/cases/{number}/agreement/performance": needs(.mediate, .mediationCase, body: .json(
            #"{"state":"performed"}"#)),
        "POST /api/v1/mediation/cases/{number}/confirmation": needs(.mediate, .mediationCase, body: .json(
            #"{"court":"九原区人民法院"}"#)),
        "POST /api/v1/mediation/cases/{number}/confirmation/ruling": needs(.mediate, .mediationCase, body: .json(
            #"{"result":"confirmed","day":"2026-11-23"}"#)),
        "GET /api/v1/mediation/cases/{number}/confirmation/package.zip": needs(.viewCases, .mediationCase),
        "POST /mediation/cases/{number}/conclusion": needs(.mediate, .mediationCase, body: .form(
            "outcome=failed&route=litigation&note=矩阵调解不成")),
        "GET /mediation/cases/{number}/agreement.pdf": needs(.viewCases, .mediationCase),
        "POST /mediation/cases/{number}/agreement/signed-copy": needs(.mediate, .mediationCase, body: .multipart([
            ("file", "照片"), ("signedOn", "2026-11-23"),
        ])),
        "POST /mediation/cases/{number}/agreement/performance": needs(.mediate, .mediationCase, body: .form("state=performed")),
        "POST /mediation/cases/{number}/confirmation": needs(.mediate, .mediationCase, body: .form("court=九原区人民法院")),
        "POST /mediation/cases/{number}/confirmation/ruling": needs(.mediate, .mediationCase, body: .form(
            "result=confirmed&day=2026-11-23")),
        "GET /mediation/cases/{number}/confirmation/package.zip": needs(.viewCases, .mediationCase),
    ]
}
