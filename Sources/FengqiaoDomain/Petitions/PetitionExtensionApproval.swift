import Foundation

/// Who may approve or refuse a request to extend a petition's handling limit. 《信访工作条例》 asks for the
/// approval of the organ's head (经本机关负责人批准); here:
/// - never the person who asked (`self_approval`);
/// - a holder of `superviseCases` (a leader or the centre's dispatcher: the organ's head) whose jurisdiction
///   contains the requester's, i.e. at the requester's tier or above;
/// - a holder of `receivePetitions` only from a higher tier (a petition office above the requester's);
/// - both must see the petition (the services answer 404 otherwise).
public enum PetitionExtensionApproval {
    /// Throws `conflict` when `approver` may not decide the request of account `requesterID`, who worked
    /// for `requesterArea` when asking; `forbidden` without either permission.
    public static func check(approver: Staff, requesterID: Int64, requesterArea: AreaCode) throws(DomainError) {
        guard !approver.isMachine, approver.may(.superviseCases) || approver.may(.receivePetitions) else {
            throw .forbidden(permission: .superviseCases)
        }
        guard approver.accountID != requesterID else {
            throw .conflict(code: "self_approval", message: "延期申请须由他人审批,不能审批本人提出的申请")
        }
        let contains = approver.jurisdiction.contains(requesterArea)
        let higher = approver.jurisdiction.level < requesterArea.level
        guard contains, approver.may(.superviseCases) || higher else {
            throw .conflict(code: "approver_tier",
                            message: "延期须由本级领导(督办权限)或上级信访工作机构审批")
        }
    }
}
