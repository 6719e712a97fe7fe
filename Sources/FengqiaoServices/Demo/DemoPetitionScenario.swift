import FengqiaoDomain
import Foundation

/// One petition of the demo: who, what, when it came in, and what happened to it after (in days after the
/// receipt), so that the list shows every form and state, collective visits, repeats and overdue clocks.
struct DemoPetitionScenario: Sendable {
    enum Step: Sendable {
        case decide(PetitionDecision)
        /// Dispatch, sign-for, feedback and verification of the engine case.
        case handle
        /// Dispatch and sign-for only: the department is working on it.
        case dispatch
        case requestExtension(days: Int)
        case approveExtension
        case reply
        case requestReview
        case reviewOpinion(PetitionReviewResult)
        case requestReReview
        case reReviewOpinion(PetitionReviewResult)
    }

    var form: PetitionForm
    var persons: Int
    /// Name and the sequence of a 公民身份号码 (the same sequence is the same person: a repeat petition).
    var petitioners: [(name: String, person: Int)]
    var description: String
    var category: String
    var organ: String?
    var receivedDaysAgo: Double
    var steps: [(afterDays: Double, step: Step)]

    /// Every scenario, oldest receipt last.
    static let all: [DemoPetitionScenario] = [
        .init(form: .visit, persons: 8, petitioners: [("高建军", 1), ("刘桂兰", 2), ("马国庆", 3)],
              description: "某建筑工地拖欠28名农民工工资共计56万元,多次讨要未果,请求督促支付", category: "dispute.unpaidWages",
              organ: "某建筑劳务有限公司", receivedDaysAgo: 2, steps: []),
        .init(form: .visit, persons: 1, petitioners: [("高建军", 1)], description: "再次反映工地拖欠工资问题,要求尽快答复",
              category: "dispute.unpaidWages", organ: "某建筑劳务有限公司", receivedDaysAgo: 1, steps: []),
        .init(form: .letter, persons: 1, petitioners: [("赵玉梅", 4)],
              description: "来信反映征地补偿款标准低于周边村组,请求重新核定", category: "dispute.landAcquisition",
              organ: "镇人民政府", receivedDaysAgo: 30, steps: []),
        .init(form: .call, persons: 1, petitioners: [("孙志刚", 5)], description: "来电反映小区供暖温度长期不达标,要求供热公司整改",
              category: "livelihood.heating", organ: "市热力公司", receivedDaysAgo: 45, steps: [(6, .decide(.decline))]),
        .init(form: .online, persons: 1, petitioners: [("李秀英", 6)],
              description: "网上反映物业公司擅自提高物业费并停用电梯,要求查处", category: "dispute.property", organ: "某物业服务有限公司",
              receivedDaysAgo: 60, steps: [(5, .decide(.accept)), (20, .handle), (30, .reply)]),
        .init(form: .visit, persons: 1, petitioners: [("李秀英", 6)], description: "就物业费上涨问题再次来访,同一事项已在办理",
              category: "dispute.property", organ: "某物业服务有限公司", receivedDaysAgo: 20, steps: [(3, .decide(.refuseRepeat))]),
        .init(form: .visit, persons: 6, petitioners: [("王海军", 7), ("周凤英", 8)],
              description: "村民集体反映养殖场粪污直排河道,影响饮水安全", category: "dispute.landGrassland", organ: "某养殖合作社",
              receivedDaysAgo: 70, steps: [(4, .decide(.accept)), (6, .dispatch), (50, .requestExtension(days: 20)),
                                            (51, .approveExtension)]),
        .init(form: .letter, persons: 1, petitioners: [("陈立新", 9)], description: "来信反映养老保险缴费年限认定有误,要求更正",
              category: "livelihood.socialInsurance", organ: "区社会保险事业中心", receivedDaysAgo: 140,
              steps: [(7, .decide(.accept)), (8, .dispatch)]),
        .init(form: .visit, persons: 2, petitioners: [("杨淑华", 10), ("杨文斌", 11)],
              description: "反映拆迁安置房迟迟未交付,要求明确交房时间", category: "dispute.landAcquisition", organ: "区住房和城乡建设局",
              receivedDaysAgo: 110, steps: [(5, .decide(.accept)), (60, .handle), (70, .reply), (80, .requestReview)]),
        .init(form: .call, persons: 1, petitioners: [("郭永平", 12)], description: "来电反映用人单位解除劳动合同未支付经济补偿",
              category: "dispute.unpaidWages", organ: "某商贸有限公司", receivedDaysAgo: 170,
              steps: [(3, .decide(.accept)), (40, .handle), (50, .reply), (60, .requestReview), (80, .reviewOpinion(.upheld)),
                      (90, .requestReReview), (100, .reReviewOpinion(.upheld))]),
        .init(form: .online, persons: 1, petitioners: [("韩桂芝", 13)], description: "网上反映社区日间照料中心长期关闭,老人无处活动",
              category: "livelihood.elderlyCare", organ: "社区居委会", receivedDaysAgo: 10, steps: [(2, .decide(.accept))]),
        .init(form: .visit, persons: 5, petitioners: [("冯德胜", 14), ("冯德旺", 15)],
              description: "五户村民反映宅基地确权面积与实际不符,要求重新测量", category: "dispute.landGrassland",
              organ: "镇自然资源所", receivedDaysAgo: 15, steps: [(8, .decide(.accept))]),
    ]
}
