/// Every migration, in order. Append new ones at the end; never edit or reorder landed ones.
public enum Migrations {
    public static let all: [Migration] = [
        M001Foundation.migration,
        M002Identity.migration,
        M003GovernanceMap.migration,
        M004AccessHardening.migration,
        M005CaseEngine.migration,
        M006CaseLadderAndGrids.migration,
        M007NotificationDelivery.migration,
        M008CameraAlerts.migration,
        M009HotlineImport.migration,
        M010CaseIntake.migration,
        M011MediationRegistry.migration,
        M012MediationCases.migration,
        M013Petitions.migration,
        M014MediationOutcomes.migration,
        M015CaseListIndexes.migration,
        M016CaseRollups.migration,
        M017CaseSearch.migration,
        M019RiskWarnings.migration,
        M020WorklistIndexes.migration,
        M021Reports.migration,
        M022PortalNotices.migration,
        M023FieldWork.migration,
        M024Webhooks.migration,
        M027SatisfactionSurveys.migration,
    ]
}
