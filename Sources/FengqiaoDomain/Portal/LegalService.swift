import Foundation

/// The public legal services a resident may book on the portal (公共法律服务): each becomes a case of its
/// category under 民生服务 for the legal services desk.
public enum LegalService: String, Sendable, Codable, CaseIterable {
    case legalAid, notary, lawyerConsultation

    public var chineseName: String {
        switch self {
        case .legalAid: "法律援助"
        case .notary: "公证服务"
        case .lawyerConsultation: "律师咨询"
        }
    }

    /// The case category the appointment is filed under (one of `CaseKind.livelihood.defaultCategories`).
    public var category: String { chineseName }

    /// What residents read about the service on the portal.
    public var summary: String {
        switch self {
        case .legalAid:
            "经济困难的群众,以及农民工讨薪、工伤、婚姻家庭、赡养抚养等事项,可以申请免费的法律咨询、代写法律文书和代理诉讼、仲裁。"
        case .notary:
            "继承、赠与、委托、出国(境)材料、合同协议等事项的公证,预约后由公证员说明需要准备的材料和办理流程。"
        case .lawyerConsultation:
            "值班律师和“法律明白人”为群众解答婚姻家庭、邻里、劳动、土地草场、合同等方面的法律问题,免费咨询。"
        }
    }
}
