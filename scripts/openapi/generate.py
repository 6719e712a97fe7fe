#!/usr/bin/env python3
"""Writes Sources/FengqiaoWeb/Resources/openapi/openapi.json, the OpenAPI 3.1 description of every
`/api/v1` route, which the server answers at `GET /api/openapi.json`.

Edit the route table below (one `op(...)` per registered route) and run `python3 scripts/openapi/generate.py`;
`--check` exits 1 when the checked-in document differs (the e2e API test runs it). The Swift test
OpenAPIDocumentTests fails when a registered `/api/v1` route is missing here or a described one does not exist.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources/FengqiaoWeb/Resources/openapi/openapi.json"
# Request bodies: the fields of the Swift submission types the handlers decode (bodies.json, one entry per type).
BODIES = json.loads((Path(__file__).resolve().parent / "bodies.json").read_text(encoding="utf-8"))
# Answers: the fields of the Swift view types (responses.json; optional fields are left out when empty).
VIEWS = json.loads((Path(__file__).resolve().parent / "responses.json").read_text(encoding="utf-8"))

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def arr(items): return {"type": "array", "items": items}
def nullable(t): return {"type": [t, "null"]}
STR, INT, NUM, BOOL = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
DATE = {"type": "string", "format": "date-time"}
OBJ = {"type": "object"}
def obj(required: dict, optional: dict | None = None):
    props = dict(required)
    props.update(optional or {})
    schema = {"type": "object", "properties": props}
    if required:
        schema["required"] = sorted(required)
    return schema

# --- Schemas -------------------------------------------------------------------------------------
SCHEMAS = {
    "Problem": obj(
        {"type": STR, "title": STR, "status": {"type": "integer", "minimum": 400, "maximum": 599}, "detail": STR, "code": STR},
        {"requestId": STR, "errors": arr(ref("FieldError"))}) | {
        "description": "RFC 9457 problem details with Fengqiao's stable machine `code`; `errors` lists the offending "
                       "fields (Chinese messages) of a 422."},
    "FieldError": obj({"field": STR, "code": STR, "message": STR}),
    "Cursor": {"type": ["string", "null"], "description": "Opaque keyset cursor of the next page; null on the last page. "
               "Pass it back unchanged as `cursor`; a tampered cursor answers 422 `validation_failed`."},
    "CaseWorklistItem": obj(
        {"number": STR, "state": STR, "stateName": STR, "kind": STR, "category": STR, "channel": STR, "urgency": STR,
         "areaCode": STR, "reportedAt": DATE, "updatedAt": DATE, "clockStatus": STR, "supervision": STR,
         "categoryName": STR},
        {"gridCode": STR, "dueAt": DATE, "leadDepartmentId": INT, "leadDepartment": STR}),
    "CaseWorklistPage": obj({"cases": arr(ref("CaseWorklistItem")), "next": ref("Cursor")}),
    "CaseView": obj(
        {"number": STR, "state": STR, "stateName": STR, "kind": STR, "category": STR, "urgency": STR, "tier": STR,
         "tierName": STR, "version": INT, "areaCode": STR, "description": STR, "parties": arr(OBJ),
         "assisting": arr(OBJ), "returned": BOOL, "workable": BOOL, "timeline": arr(OBJ)},
        {"gridCode": STR, "contactName": STR, "contactPhone": STR, "amountInvolved": INT, "lead": OBJ,
         "deadline": DATE, "pendingExtension": DATE, "reply": STR, "satisfaction": STR, "satisfactionName": STR,
         "attachments": arr(OBJ), "duplicates": arr(OBJ), "clocks": arr(OBJ), "whistles": arr(OBJ),
         "supervisions": arr(OBJ), "intake": OBJ}),
    "CaseOpening": {"type": "object", "properties": {
        "channel": STR, "kind": STR, "category": STR, "urgency": STR, "description": STR, "address": STR,
        "latitude": NUM, "longitude": NUM, "gridCode": STR, "contactName": STR, "contactPhone": STR,
        "peopleInvolved": INT, "amountInvolved": INT, "reportedAt": DATE,
        "parties": arr({"type": "object", "properties": {"side": STR, "kind": STR, "name": STR, "phone": STR}})}},
    "CaseCommand": {"type": "object", "description": "The command's fields; which ones a command needs is in "
                    "docs (e.g. `dispatch`: lead, assisting, deadline; `reject`: reason). An empty body is an empty command.",
                    "properties": {
        "kind": STR, "category": STR, "urgency": STR, "tier": STR, "slaPreset": STR, "reason": STR, "channel": STR,
        "into": STR, "result": STR, "evidence": arr(STR), "lead": INT, "assisting": arr(INT), "deadline": DATE,
        "overrideReason": STR, "ruling": STR, "outcome": STR, "note": STR, "departments": arr(INT),
        "checkInDue": DATE, "department": INT, "until": DATE, "isPublic": BOOL, "waivedAssisting": arr(INT),
        "pass": BOOL, "reply": STR, "satisfaction": STR, "responseDue": DATE, "number": INT, "response": STR}},
    "Person": obj(
        {"id": INT, "name": STR, "gender": STR, "birthYear": INT, "idNumberMasked": STR, "gridCode": STR,
         "address": STR, "tags": arr(STR)},
        {"phoneMasked": STR, "relation": STR}) | {"description": "A resident; identity number and phone masked."},
    "PeoplePage": obj({"people": arr(ref("Person"))}, {"next": ref("Cursor")}),
    "Revealed": obj({"idNumber": STR}, {"phone": STR}),
    "ResidentSubmission": {"type": "object", "properties": {
        "name": STR, "idNumber": STR, "phone": STR, "gridCode": STR, "address": STR, "relation": STR, "tags": arr(STR)}},
    "PetitionSummary": obj(
        {"id": INT, "caseNumber": STR, "form": STR, "formName": STR, "state": STR, "stateName": STR, "receivedAt": DATE,
         "petitioner": STR, "persons": INT, "collective": BOOL, "repeated": BOOL, "category": STR, "excerpt": STR,
         "overdue": BOOL},
        {"deadline": DATE, "deadlineName": STR, "clockStatus": STR, "clockStatusName": STR}),
    "PetitionPage": obj({"petitions": arr(ref("PetitionSummary")), "counts": OBJ, "overdue": INT}, {"next": ref("Cursor")}),
    "MediationCaseListItem": obj(
        {"number": STR, "caseNumber": STR, "state": STR, "stateName": STR, "specialtyName": STR, "areaCode": STR,
         "amountYuan": STR, "openedAt": DATE},
        {"areaName": STR, "organizationName": STR, "mediatorId": INT, "mediatorName": STR, "nextSession": DATE}),
    "MediationCaseList": obj({"mediations": arr(ref("MediationCaseListItem"))}),
    "MediationCasePage": obj({"mediations": arr(ref("MediationCaseListItem")), "next": ref("Cursor")}),
    "AreaNode": obj({"code": STR, "name": STR, "level": STR, "squareMetres": NUM}, {"gridKind": STR}),
    "AreaOverview": obj({"area": ref("AreaNode"), "breadcrumbs": arr(ref("AreaNode")), "openCases": INT,
                         "children": arr(OBJ), "departments": arr(OBJ)}, {"center": OBJ}),
    "Grid": obj({"area": ref("AreaNode"), "breadcrumbs": arr(ref("AreaNode")), "posts": arr(OBJ),
                 "staffingFindings": arr(OBJ), "counts": {"type": "object", "additionalProperties": INT},
                 "microGrids": arr(ref("AreaNode")), "openCases": INT}),
    "ImportReport": {"type": "object", "description": "What an import applied, or (422) why it applied nothing."},
    **BODIES,
    **VIEWS,
    "PublicReport": {"type": "object", "properties": {"kind": STR, "category": STR, "description": STR, "address": STR,
                     "contactName": STR, "contactPhone": STR, "latitude": NUM, "longitude": NUM}},
    "GridReport": {"type": "object", "properties": {"kind": STR, "category": STR, "urgency": STR, "description": STR,
                   "address": STR, "latitude": NUM, "longitude": NUM, "peopleInvolved": INT, "resolvedOnSite": BOOL,
                   "photos": arr({"type": "object", "properties": {"name": STR, "content": STR}})}},
    "AreaRename": {"type": "object", "properties": {"name": STR, "aliases": arr(STR), "effectiveOn": {"type": "string", "format": "date"}}},
    "AreaBoundary": {"type": "object", "properties": {"boundary": OBJ, "effectiveOn": {"type": "string", "format": "date"}, "acceptGaps": BOOL}},
    "AreaChild": {"type": "object", "properties": {"name": STR, "gridKind": STR, "boundary": OBJ,
                  "effectiveOn": {"type": "string", "format": "date"}, "acceptGaps": BOOL}},
    "AreaSplit": {"type": "object", "properties": {"parts": arr({"type": "object", "properties": {"name": STR, "boundary": OBJ}}),
                  "effectiveOn": {"type": "string", "format": "date"}}},
    "AreaMove": {"type": "object", "properties": {"parentCode": STR, "effectiveOn": {"type": "string", "format": "date"}, "acceptGaps": BOOL}},
    "AreaMerge": {"type": "object", "properties": {"codes": arr(STR), "name": STR, "effectiveOn": {"type": "string", "format": "date"}}},
}

# Examples (the demo county's codes): what a client sends, and what schemathesis tries first.
GRID = "150207001001001"
EXAMPLES = {
    "CaseOpening": {"channel": "walkIn", "kind": "dispute", "urgency": "normal", "description": "楼上漏水,协商未果",
                    "gridCode": GRID, "contactName": "王芳", "contactPhone": "13800138000"},
    "CaseCommand": {},
    "ResidentSubmission": {"name": "王芳", "idNumber": "150207198001011014", "phone": "13912345678", "gridCode": GRID,
                           "address": "阳光花园1栋101", "tags": ["独居老人"]},
    "PetitionSubmission": {"form": "visit", "persons": "1", "petitioners": [{"name": "张伟", "idNumber": "150207198001011022"}],
                           "description": "拖欠农民工工资三个月,要求用工单位支付", "category": "dispute.unpaidWages",
                           "gridCode": GRID, "respondentOrgan": "某建筑公司"},
    "MediationOpeningSubmission": {"specialty": "邻里", "facts": "楼上漏水导致楼下受损,协商未果", "amountFen": 50000,
                                   "areaCode": GRID, "organizationId": 1,
                                   "parties": [{"side": "applicant", "name": "李明", "phone": "13812345678"},
                                               {"side": "respondent", "name": "赵刚"}]},
    "MediationPartySubmission": {"side": "respondent", "name": "钱多多", "phone": "13912345678"},
    "MediationSessionSubmission": {"at": "2026-12-01T09:00:00+08:00", "place": "村调委会", "attendees": "双方当事人"},
    "PublicReport": {"kind": "safetyHazard", "category": "电动车楼道充电", "description": "三单元楼道里每天晚上都有电动车充电",
                     "address": "沙河街道康乐小区3号楼", "contactPhone": "13812345678"},
    "PetitionReplySubmission": {"reply": "已责成用工单位于十日内支付", "channel": "当面"},
    "PetitionDecisionSubmission": {"decision": "accept", "noticeChannel": "当面"},
}
for name, example in EXAMPLES.items():
    SCHEMAS[name] = {**SCHEMAS[name], "examples": [example]}

# --- Parameters ----------------------------------------------------------------------------------
def q(name, schema=None, description=None, required=False):
    p = {"name": name, "in": "query", "required": required, "schema": schema or STR}
    if description:
        p["description"] = description
    return p

CURSOR = q("cursor", STR, "The previous page's `next`.")
LIMIT = q("limit", {"type": "integer", "minimum": 1, "maximum": 500}, "Page size (default 50).")
IF_MATCH = {"name": "If-Match", "in": "header", "required": False, "schema": {"type": "string", "pattern": '^(W/)?"?[0-9]{1,9}"?$'},
            "description": 'The case version the command was decided on (`"3"`); 409 when it moved on.'}
IDEMPOTENCY = {"name": "Idempotency-Key", "in": "header", "required": False,
               "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{8,64}$"},
               "description": "Replaying a key answers the first result instead of acting twice."}
CASE_FILTERS = [q(n) for n in ("state", "kind", "channel", "urgency", "reportedFrom", "reportedTo", "category", "area",
                               "grid", "department", "overdue", "supervised", "sort", "direction", "closed",
                               "closedOnTime", "rated", "satisfied", "resolved", "resolvedVillage", "lead", "risk")]
PATH_SCHEMAS = {"number": STR, "id": {"type": "integer", "minimum": 1}, "code": {"type": "string", "pattern": "^[0-9]{2,20}$"},
                "year": {"type": "integer", "minimum": 2000, "maximum": 2100}}

CASE_COMMANDS = ["accept", "add-progress", "approve-extension", "check-in", "close", "deny-extension", "dispatch",
                 "escalate", "feedback", "merge", "record-attempt", "reject", "request-extension", "resolve-on-site",
                 "respond-to-supervision", "return", "revisit", "rule-on-return", "sign-for", "split", "supervise",
                 "verify", "whistle", "withdraw"]

# --- Operations ----------------------------------------------------------------------------------
OPS: list[dict] = []

def op(method, path, summary, tag, *, query=(), headers=(), body=None, body_type="application/json", ok=None,
       ok_schema=None, ok_type="application/json", public=False, problem_json_422=False):
    OPS.append(dict(method=method, path=path, summary=summary, tag=tag, query=list(query), headers=list(headers),
                    body=body, body_type=body_type, ok=ok, ok_schema=ok_schema, ok_type=ok_type, public=public,
                    problem_json_422=problem_json_422))

# Cases and their transitions
op("post", "/api/v1/cases", "登记案件", "cases", headers=[IDEMPOTENCY], body=ref("CaseOpening"), ok=["201", "200"], ok_schema=ref("CaseView"))
op("get", "/api/v1/cases", "案件工作清单(键集分页)", "cases",
   query=[q("list", {"type": "string", "enum": ["mine", "department", "overdue", "verification", "revisit", "all"]}),
          CURSOR, LIMIT] + CASE_FILTERS, ok_schema=ref("CaseWorklistPage"))
op("get", "/api/v1/cases/counts", "各工作清单的案件数", "cases")
op("get", "/api/v1/cases/ladder", "调解阶梯:各层级化解占比", "cases", query=[q("from"), q("to"), q("area")])
op("get", "/api/v1/cases/{number}", "案件详情(含版本号 ETag)", "cases", ok_schema=ref("CaseView"))
# What each command needs, as the example of its body (department ids are the demo's).
COMMAND_EXAMPLES = {
    "reject": {"reason": "不属于受理范围", "channel": "phone"}, "merge": {"into": "150207-2026-000001"},
    "resolve-on-site": {"result": "现场调解,双方达成一致"}, "dispatch": {"lead": 4, "assisting": [13]},
    "return": {"reason": "不属于本部门职责"}, "rule-on-return": {"ruling": "uphold"}, "escalate": {"reason": "村级调解未果"},
    "record-attempt": {"outcome": "failed", "note": "双方分歧较大"}, "whistle": {"departments": [4, 13]},
    "check-in": {"department": 4}, "request-extension": {"until": "2026-12-31T09:00:00Z", "reason": "需要补充材料"},
    "deny-extension": {"reason": "期限足够"}, "add-progress": {"note": "已约谈双方", "isPublic": True},
    "feedback": {"result": "已修复漏水"}, "verify": {"pass": True}, "close": {"reply": "已办结", "channel": "phone"},
    "revisit": {"satisfaction": "satisfied", "channel": "phone"}, "supervise": {"kind": "reminder", "note": "请加快办理"},
    "respond-to-supervision": {"number": 1, "response": "已加快办理"}, "withdraw": {"reason": "当事人撤回"},
}
for command in CASE_COMMANDS:
    op("post", f"/api/v1/cases/{{number}}/{command}", f"案件流转命令 {command}", "case transitions",
       headers=[IF_MATCH, IDEMPOTENCY], body={**ref("CaseCommand"), "examples": [COMMAND_EXAMPLES.get(command, {})]},
       ok_schema=ref("CaseView"))
op("post", "/api/v1/cases/duplicates", "登记前查重", "cases", query=[q("days", {"type": "integer", "minimum": 1, "maximum": 365})],
   body=ref("CaseOpening"))
op("get", "/api/v1/cases/{number}/duplicates", "疑似重复案件", "cases", query=[q("days", {"type": "integer", "minimum": 1, "maximum": 365})])
op("post", "/api/v1/cases/{number}/attachments", "上传附件(multipart,字段 file)", "cases",
   body={"type": "object", "properties": {"file": {"type": "string", "contentMediaType": "application/octet-stream"}}},
   body_type="multipart/form-data", ok=["201"])
op("get", "/api/v1/cases/{number}/attachments", "案件附件", "cases", ok_schema={})
op("get", "/api/v1/cases/{number}/attachments/{attachment}", "下载附件", "cases", ok_type="application/octet-stream", ok_schema={})
op("post", "/api/v1/cases/{number}/mediation", "案件转调解", "mediation", body=ref("MediationOpeningSubmission"), ok=["201"], ok_schema=ref("MediationCaseView"))
op("get", "/api/v1/cases/{number}/mediations", "案件的调解", "mediation", ok_schema=ref("MediationCaseList"))
op("get", "/api/v1/case-categories", "案件分类树", "cases", ok_schema={})
op("post", "/api/v1/case-categories", "新增分类", "cases", body=ref("CaseCategoryNew"), ok=["201"])
op("put", "/api/v1/case-categories/{category}", "修改分类", "cases", body=ref("CaseCategoryChange"))
op("patch", "/api/v1/case-categories/{category}", "修改分类(部分)", "cases", body=ref("CaseCategoryChange"))
op("post", "/api/v1/grid-reports", "网格员上报(JSON 或 multipart)", "cases", headers=[IDEMPOTENCY], body=ref("GridReport"), ok=["201"], ok_schema=ref("CaseView"))
op("post", "/api/v1/hotline/batches", "导入12345工单批次", "cases", query=[q("filename"), q("profile")],
   body={"type": "string"}, body_type="text/csv", ok=["200", "201"], problem_json_422=True)
op("post", "/api/v1/reports", "群众上报(公开,限流)", "public", body=ref("PublicReport"), ok=["201", "200"], public=True)
op("get", "/api/v1/reports/{trackingCode}", "查询上报进度(公开)", "public", public=True)

# Areas and grids
op("get", "/api/v1/areas/{code}", "区域概况", "areas", ok_schema=ref("AreaOverview"))
op("get", "/api/v1/areas/{code}/history", "区划变更记录", "areas", ok_schema={})
op("get", "/api/v1/areas/{code}/staffing", "网格配备情况", "areas")
op("post", "/api/v1/areas/{code}/rename", "区域更名", "areas", body=ref("AreaRename"), ok=["204"])
op("put", "/api/v1/areas/{code}/boundary", "修改边界", "areas", body=ref("AreaBoundary"), ok=["204"])
op("post", "/api/v1/areas/{code}/children", "新增下级区域", "areas", body=ref("AreaChild"), ok=["201"])
op("post", "/api/v1/areas/{code}/split", "拆分网格", "areas", body=ref("AreaSplit"), ok=["201"])
op("post", "/api/v1/areas/{code}/move", "调整隶属", "areas", body=ref("AreaMove"), ok=["201"])
op("post", "/api/v1/areas/merge", "合并区域", "areas", body=ref("AreaMerge"), ok=["201"])
op("put", "/api/v1/areas/{code}/center", "综治中心信息", "areas", body=ref("Center"), ok=["204"])
op("post", "/api/v1/areas/{code}/departments", "入驻部门", "areas", body=ref("Department"), ok=["201"])
op("put", "/api/v1/departments/{id}/stationing", "部门入驻方式", "areas", body=ref("Department"), ok=["204"])
op("post", "/api/v1/departments/{id}/roster", "部门值班表", "areas", body=ref("Roster"), ok=["200", "201"])
op("get", "/api/v1/grids/{code}", "网格详情", "areas", ok_schema=ref("Grid"))
op("get", "/api/v1/grids", "辖区内的网格(键集分页)", "areas", query=[q("area", PATH_SCHEMAS["code"]), CURSOR, LIMIT],
   ok_schema=obj({"grids": arr(ref("AreaNode")), "next": ref("Cursor")}))
op("post", "/api/v1/grids/{code}/posts", "任命网格员", "areas",
   body={"type": "object", "properties": {"post": STR, "username": STR}}, ok=["201"], ok_schema=ref("Grid"))
op("delete", "/api/v1/grids/{code}/posts/{post}/{accountId}", "撤销任命", "areas", ok=["204"])
op("get", "/api/v1/locate", "按坐标定位网格", "areas",
   query=[q("lat", {"type": "number", "minimum": -90, "maximum": 90}, required=True),
          q("lon", {"type": "number", "minimum": -180, "maximum": 180}, required=True)], ok_schema=arr(ref("AreaNode")))
op("post", "/api/v1/imports/areas", "导入区划(CSV/XLSX)", "areas", query=[q("filename"), q("allOrNothing")],
   body={"type": "string"}, body_type="text/csv", ok_schema=ref("ImportReport"), problem_json_422=True)

# Residents (masked) and base data
op("get", "/api/v1/people", "人员(脱敏,键集分页)", "residents", query=[q("area"), q("q"), CURSOR, LIMIT], ok_schema=ref("PeoplePage"))
op("post", "/api/v1/people", "登记人员", "residents", body=ref("ResidentSubmission"), ok=["201"], ok_schema=ref("Person"))
op("get", "/api/v1/people/{id}", "人员详情(脱敏)", "residents", ok_schema=ref("Person"))
op("put", "/api/v1/people/{id}", "修改人员", "residents", body=ref("ResidentSubmission"), ok_schema=ref("Person"))
op("post", "/api/v1/people/{id}/reveal", "查看完整身份证号和电话(审计)", "residents", ok_schema=ref("Revealed"))
op("post", "/api/v1/imports/people", "导入人员", "residents", query=[q("filename"), q("allOrNothing")],
   body={"type": "string"}, body_type="text/csv", ok_schema=ref("ImportReport"), problem_json_422=True)
op("post", "/api/v1/imports/organizations", "导入组织", "base data", query=[q("filename"), q("allOrNothing")],
   body={"type": "string"}, body_type="text/csv", ok_schema=ref("ImportReport"), problem_json_422=True)
op("get", "/api/v1/exports/{list}", "导出名单(people.xlsx 等)", "base data", query=[q("area")],
   ok_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ok_schema={})
op("post", "/api/v1/organizations", "登记组织", "base data", body=ref("OrganizationSubmission"), ok=["201"])
op("get", "/api/v1/organizations", "查询组织", "base data", query=[q("q")])
op("get", "/api/v1/organizations/{id}", "组织详情", "base data")
op("post", "/api/v1/places", "登记场所", "base data", body=ref("SiteSubmission"), ok=["201"])
op("post", "/api/v1/things", "登记物品", "base data", body=ref("SiteSubmission"), ok=["201"])
op("get", "/api/v1/places", "查询场所", "base data", query=[q("q")])
op("get", "/api/v1/search", "全局搜索", "base data", query=[q("q")])

# Mediation
op("get", "/api/v1/mediation/cases", "调解案件(键集分页)", "mediation", query=[q("state"), CURSOR, LIMIT],
   ok_schema=ref("MediationCasePage"))
op("post", "/api/v1/mediation/cases", "受理调解", "mediation", body=ref("MediationOpeningSubmission"), ok=["201"],
   ok_schema=ref("MediationCaseView"))
op("get", "/api/v1/mediation/cases/{number}", "调解详情", "mediation", ok_schema=ref("MediationCaseView"))
op("get", "/api/v1/mediation/cases/{number}/suggestions", "推荐调解员", "mediation", query=[q("language")])
op("post", "/api/v1/mediation/cases/{number}/mediator", "指派调解员", "mediation", body=ref("MediatorAssignment"), ok_schema=ref("MediationCaseView"))
op("post", "/api/v1/mediation/cases/{number}/withdraw", "撤回调解", "mediation", body=ref("MediationWithdrawal"), ok_schema=ref("MediationCaseView"))
op("post", "/api/v1/mediation/cases/{number}/parties", "增加当事人", "mediation", body=ref("MediationPartySubmission"), ok=["201"])
op("post", "/api/v1/mediation/cases/{number}/sessions", "安排调解会", "mediation", body=ref("MediationSessionSubmission"), ok=["201"])
op("post", "/api/v1/mediation/cases/{number}/sessions/{session}/outcome", "记录调解会结果", "mediation", body=ref("MediationSessionSubmission"))
op("post", "/api/v1/mediation/cases/{number}/referrals", "联动移交", "mediation", body=ref("MediationReferralSubmission"), ok=["201"])
op("post", "/api/v1/mediation/cases/{number}/referrals/{id}", "更新移交", "mediation", body=ref("MediationReferralUpdate"))
op("get", "/api/v1/mediation/cases/{number}/outcome", "调解结果", "mediation")
op("get", "/api/v1/mediation/cases/{number}/agreement.pdf", "调解协议书 PDF", "mediation", ok_type="application/pdf", ok_schema={})
op("get", "/api/v1/mediation/cases/{number}/confirmation/package.zip", "司法确认材料包", "mediation", ok_type="application/zip", ok_schema={})
op("post", "/api/v1/mediation/cases/{number}/conclusion", "调解结案", "mediation", body=ref("MediationConclusionSubmission"), ok=["200", "201"])
op("post", "/api/v1/mediation/cases/{number}/agreement/signed-copy", "上传签字协议", "mediation", body=OBJ, ok=["200", "201"])
op("post", "/api/v1/mediation/cases/{number}/agreement/performance", "协议履行情况", "mediation", body=ref("AgreementPerformanceSubmission"), ok=["200", "201"])
op("post", "/api/v1/mediation/cases/{number}/confirmation", "申请司法确认", "mediation", body=ref("ConfirmationHandOffSubmission"), ok=["200", "201"])
op("post", "/api/v1/mediation/cases/{number}/confirmation/ruling", "司法确认裁定", "mediation", body=ref("ConfirmationRulingSubmission"), ok=["200", "201"])
op("get", "/api/v1/mediation/organizations", "调解组织", "mediation",
   ok_schema=obj({"organizations": arr(ref("MediationOrganizationView"))}))
op("post", "/api/v1/mediation/organizations", "新增调解组织", "mediation", body=ref("MediationOrganizationSubmission"), ok=["201"],
   ok_schema=ref("MediationOrganizationView"))
op("post", "/api/v1/mediation/organizations/{id}", "修改调解组织", "mediation", body=ref("MediationOrganizationSubmission"),
   ok_schema=ref("MediationOrganizationView"))
op("get", "/api/v1/mediation/mediators", "调解员", "mediation", ok_schema=obj({"mediators": arr(ref("MediatorView"))}))
op("post", "/api/v1/mediation/mediators", "新增调解员", "mediation", body=ref("MediatorSubmission"), ok=["201"], ok_schema=ref("MediatorView"))
op("post", "/api/v1/mediation/mediators/{id}", "修改调解员", "mediation", body=ref("MediatorSubmission"), ok_schema=ref("MediatorView"))
op("get", "/api/v1/mediation/suggestions", "按专长推荐调解员", "mediation", query=[q("specialty"), q("area"), q("language")])

# Petitions
op("get", "/api/v1/petitions", "信访件(键集分页)", "petitions",
   query=[q("form"), q("state"), q("overdue"), q("collective"), q("repeat"), q("area"), CURSOR, LIMIT],
   ok_schema=ref("PetitionPage"))
op("post", "/api/v1/petitions", "登记信访件", "petitions", body=ref("PetitionSubmission"), ok=["201"], ok_schema=ref("PetitionView"))
op("get", "/api/v1/petitions/{id}", "信访件详情(脱敏)", "petitions", ok_schema=ref("PetitionView"))
op("post", "/api/v1/petitions/{id}/reveal", "查看信访人完整信息(审计)", "petitions",
   ok_schema=arr(obj({"name": STR, "idNumber": STR, "position": INT}, {"phone": STR})))
op("post", "/api/v1/petitions/{id}/decision", "受理/不予受理", "petitions", body=ref("PetitionDecisionSubmission"), ok_schema=ref("PetitionView"))
op("post", "/api/v1/petitions/{id}/extension", "申请延期", "petitions", body=ref("PetitionExtensionSubmission"))
op("post", "/api/v1/petitions/{id}/extension/approve", "批准延期", "petitions")
op("post", "/api/v1/petitions/{id}/extension/deny", "驳回延期", "petitions", body=ref("PetitionExtensionSubmission"))
op("post", "/api/v1/petitions/{id}/reply", "答复意见", "petitions", body=ref("PetitionReplySubmission"), ok_schema=ref("PetitionView"))
for step in ("review", "review/opinion", "re-review", "re-review/opinion"):
    op("post", f"/api/v1/petitions/{{id}}/{step}", f"复查复核 {step}", "petitions", body=ref("PetitionReviewSubmission"))
op("get", "/api/v1/petitions/{id}/documents/{document}", "信访文书 PDF", "petitions", ok_type="application/pdf", ok_schema={})

# The rest of the centre's API
op("get", "/api/v1/calendar", "节假日日历", "settings")
op("get", "/api/v1/calendar/{year}", "某年节假日", "settings")
op("put", "/api/v1/calendar/{year}", "保存某年节假日", "settings", body=ref("HolidaySchedule"))
op("post", "/api/v1/camera-alerts", "视频告警接入", "alerts", body=ref("CameraAlertSubmission"), ok=["201", "200"])
op("get", "/api/v1/camera-alerts", "告警队列", "alerts", query=[q("state"), q("before")])
op("get", "/api/v1/camera-alerts/{id}", "告警详情", "alerts")
op("post", "/api/v1/camera-alerts/{id}/confirm", "确认告警", "alerts")
op("post", "/api/v1/camera-alerts/{id}/dismiss", "排除告警", "alerts", body=ref("AlertDismissal"))
op("get", "/api/v1/cameras", "摄像头", "alerts")
op("get", "/api/v1/dashboard", "驾驶舱", "figures", query=[q("area"), q("day")])
op("get", "/api/v1/figures", "统计报表", "figures", query=[q("area"), q("from"), q("to")])
op("get", "/api/v1/figures/items", "统计明细", "figures", query=[q("figure"), q("area"), q("from"), q("to")])
op("get", "/api/v1/inbox", "站内消息", "notifications", query=[CURSOR, LIMIT, q("unread", {"type": "string", "enum": ["0", "1"]})])
op("get", "/api/v1/warnings", "风险预警", "risk", query=[q("state"), q("level"), q("rule"), q("area"), q("before")])
op("get", "/api/v1/warnings/{number}", "预警详情", "risk")
op("post", "/api/v1/warnings/{number}/assign", "指派预警", "risk", body=ref("WarningAssignment"))
op("post", "/api/v1/warnings/{number}/start", "开始处置", "risk")
op("post", "/api/v1/warnings/{number}/close", "关闭预警", "risk", body=ref("WarningClosing"))
op("get", "/api/v1/work-reports", "工作日报", "reports", query=[q("kind"), q("before")])
op("get", "/api/v1/work-reports/{number}", "日报详情", "reports")


# --- Assembly ------------------------------------------------------------------------------------
def problem_response(description, json_too=False):
    content = {"application/problem+json": {"schema": ref("Problem")}}
    if json_too:
        content["application/json"] = {"schema": ref("ImportReport")}
    return {"description": description, "content": content}

def operation_id(method, path):
    words = re.sub(r"[{}]", "", path.removeprefix("/api/v1/")).replace(".", "-")
    parts = re.split(r"[/-]", words)
    return method + "".join(p[:1].upper() + p[1:] for p in parts if p)

def build() -> dict:
    paths: dict = {}
    for o in OPS:
        method, path = o["method"], o["path"]
        params = []
        for name in re.findall(r"{([^}]+)}", path):
            params.append({"name": name, "in": "path", "required": True, "schema": PATH_SCHEMAS.get(name, STR)})
        params += o["query"] + o["headers"]
        ok_codes = o["ok"] or (["200"] if method != "delete" else ["204"])
        responses = {}
        for code in ok_codes:
            if code == "204":
                responses[code] = {"description": "完成,无内容"}
            else:
                schema = o["ok_schema"] if o["ok_schema"] is not None else OBJ
                responses[code] = {"description": "成功", "content": {o["ok_type"]: {"schema": schema}}}
        responses["4XX"] = problem_response("请求有误、未登录、无权、不存在、冲突、需修改或过于频繁(problem+json)",
                                            json_too=o["problem_json_422"])
        operation = {"operationId": operation_id(method, path), "summary": o["summary"], "tags": [o["tag"]],
                     "responses": responses}
        if params:
            operation["parameters"] = params
        if o["body"] is not None:
            operation["requestBody"] = {"required": o["body"] != OBJ and "CaseCommand" not in o["body"].get("$ref", ""),
                                        "content": {o["body_type"]: {"schema": o["body"]}}}
        if o["public"]:
            operation["security"] = [{}]
        paths.setdefault(path, {})[method] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": "枫桥 Fengqiao API", "version": "1",
                 "description": "The JSON API of a grassroots social-governance centre. Authenticate with "
                                "`Authorization: Bearer fq_…` (an API token, see `fengqiao token create` or /admin/tokens), "
                                "limited to its scopes and area; or with the signed-in session cookie (state-changing "
                                "requests then need the CSRF token). Errors are `application/problem+json` (RFC 9457) with "
                                "a stable `code`; lists are keyset-paged with an opaque `cursor`. Objects outside the caller's "
                                "jurisdiction answer 404."},
        "servers": [{"url": "/"}],
        "security": [{"bearerToken": []}, {"sessionCookie": []}],
        "tags": [{"name": t} for t in sorted({o["tag"] for o in OPS})],
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "bearerToken": {"type": "http", "scheme": "bearer", "bearerFormat": "fq_ API token"},
                "sessionCookie": {"type": "apiKey", "in": "cookie", "name": "fq_session"},
            },
        },
    }

def main() -> int:
    text = json.dumps(build(), ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python3 scripts/openapi/generate.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(OPS)} operations)")
    return 0

if __name__ == "__main__":
    sys.exit(main())
