import FengqiaoDomain
import Foundation

extension AccessOracle {
    /// Satisfaction surveys (满意度调查), for people only: whoever assesses, sees assessment or takes calls sees the
    /// rounds whose area meets their jurisdiction; assessors make rounds (a township outside is "not found");
    /// the centre's operators (`acceptCases`) reveal a number and record a call (the first operator inside
    /// closes the world's number, so later calls are 409). A round or number outside is "not found".
    static let surveyEntries: [String: Entry] = {
        let viewers = Rule.personAny([.assess, .viewAssessment, .acceptCases])
        let operators = Rule.personAny([.acceptCases])
        return [
            "GET /surveys": Entry(rule: viewers),
            "POST /surveys": Entry(rule: .personAny([.assess]), object: .township, body: .form(
                "areaCode={township}&year=2026&period=5&source=residents&perTownship=1")),
            "GET /surveys/{id}": Entry(rule: viewers, object: .surveyRound),
            "GET /surveys/{id}/calls": Entry(rule: operators, object: .surveyRound),
            "POST /surveys/{id}/calls/{item}/reveal": Entry(rule: operators, object: .surveyRound, body: .form("")),
            "POST /surveys/{id}/calls/{item}": Entry(rule: operators, object: .surveyRound, body: .form("outcome=refused")),
        ]
    }()
}
