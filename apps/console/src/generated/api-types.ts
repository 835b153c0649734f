/**
 * GENERATED from the API's OpenAPI document by `npm run gen:client` (openapi-typescript): do not edit.
 * The API's DTOs and @ApiProperty decorators are the source; test/unit/console-client.spec.ts fails
 * when this file no longer matches them.
 */
export type paths = {
  '/api/v1/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AddressesController_search'];
    put?: never;
    post: operations['AddressesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/addresses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AddressesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['AddressesController_update'];
    trace?: never;
  };
  '/api/v1/addresses/{id}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AddressesController_retire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CategoriesAdminController_list'];
    put?: never;
    post: operations['CategoriesAdminController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/categories/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['CategoriesAdminController_update'];
    trace?: never;
  };
  '/api/v1/admin/categories/{code}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CategoriesAdminController_retire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DepartmentsAdminController_list'];
    put?: never;
    post: operations['DepartmentsAdminController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/departments/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['DepartmentsAdminController_update'];
    trace?: never;
  };
  '/api/v1/admin/departments/{code}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['DepartmentsAdminController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/departments/{code}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['DepartmentsAdminController_retire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/knowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['KnowledgeAdminController_list'];
    put?: never;
    post: operations['KnowledgeAdminController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/knowledge/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['KnowledgeAdminController_update'];
    trace?: never;
  };
  '/api/v1/admin/knowledge/{code}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['KnowledgeAdminController_retire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/routing-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RoutingRulesAdminController_current'];
    put: operations['RoutingRulesAdminController_save'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/routing-rules/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RoutingRulesAdminController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/routing-rules/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RoutingRulesAdminController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/routing-rules/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RoutingRulesAdminController_version'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/routing-rules/versions/{version}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RoutingRulesAdminController_rollback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuditController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_secondStep'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_logoutAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SecondFactorController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/second-factor/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SecondFactorController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/second-factor/enrolment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SecondFactorController_enrol'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/deadline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CalendarController_deadline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CalendarNoticesController_list'];
    put?: never;
    post: operations['CalendarNoticesController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/overrides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SlaAdminController_overrides'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/overrides/{date}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['SlaAdminController_saveOverride'];
    post?: never;
    delete: operations['SlaAdminController_deleteOverride'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CalendarController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/callers/{phone}/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CallersController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CasesController_list'];
    put?: never;
    post: operations['CasesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CasesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CaseActionsController_actions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_callback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/callback-attempt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_callbackAttempt'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/direct-answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_directAnswer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/dispatch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_dispatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CasesController_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/extension-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CaseWorkController_ofCase'];
    put?: never;
    post: operations['CaseActionsController_requestExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/extension-requests/{rid}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_approveExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/extension-requests/{rid}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_rejectExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/lead-review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_leadReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/place': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CasePlacingController_place'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_progress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/reject-return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_rejectReturn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_reply'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_returnCase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CasesController_reveal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_review'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/supervise': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_supervise'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_suspend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/suspension-decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_decideSuspension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/urge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CaseActionsController_urge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReferenceController_categories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReferenceController_departments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/departments/{code}/review-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReviewSettingsController_get'];
    put: operations['ReviewSettingsController_set'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/departments/{code}/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DepartmentWebhooksController_get'];
    put: operations['DepartmentWebhooksController_set'];
    post?: never;
    delete: operations['DepartmentWebhooksController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EnterprisesController_list'];
    put?: never;
    post: operations['EnterprisesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises/{uscc}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EnterprisesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['EnterprisesController_update'];
    trace?: never;
  };
  '/api/v1/enterprises/{uscc}/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EnterprisesController_casesOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises/request-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EnterprisesController_requestTypes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/extension-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CaseWorkController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/grids': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReferenceController_grids'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/knowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['KnowledgeController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NotificationsController_read'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/open311/clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Open311ClientsController_list'];
    put?: never;
    post: operations['Open311ClientsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/open311/clients/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['Open311ClientsController_update'];
    trace?: never;
  };
  '/api/v1/open311/clients/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Open311ClientsController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/open311/clients/{id}/rotate-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Open311ClientsController_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/public/cases/{caseNo}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CaseStatusController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue-board/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['QueueBoardController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/returns/by-department': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CaseWorkController_returns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/settings/security': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SecuritySettingsController_read'];
    put: operations['SecuritySettingsController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sla/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SlaAdminController_policies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sla/policies/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['SlaAdminController_save'];
    post?: never;
    delete: operations['SlaAdminController_retire'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/handling-time': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatsController_handlingTime'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/hotspots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatsController_hotspots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/ranking-weights': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatsController_weights'];
    put: operations['StatsController_setWeights'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/rankings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatsController_rankings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatsController_rates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/rates/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatsController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/repeats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatsController_repeats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/trends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatsController_trends'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/suspensions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CaseWorkController_suspensions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/upstream/{platform}/category-map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UpstreamSupervisionController_mappings'];
    put: operations['UpstreamSupervisionController_putMapping'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/upstream/{platform}/category-map/{mappingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['UpstreamSupervisionController_removeMapping'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/upstream/{platform}/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UpstreamSupervisionController_deadLetters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/upstream/{platform}/dead-letters/{orderNo}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UpstreamSupervisionController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/upstream/{platform}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UpstreamInboundController_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/upstream/{platform}/orders/{orderNo}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UpstreamSupervisionController_order'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/upstream/{platform}/orders/{orderNo}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UpstreamInboundController_decide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/upstream/{platform}/orders/{orderNo}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UpstreamSupervisionController_returnOrder'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_list'];
    put?: never;
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_read'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/v1/users/{id}/second-factor/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UsersController_resetSecondFactor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/sign-ins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_signIns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/details': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_details'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    AddressDto: {
      community: components['schemas']['CodeNameDto'];
      grid: components['schemas']['CodeNameDto'];
      /** Format: uuid */
      id: string;
      /** @example 锦绣小区5号楼 */
      label: string;
      /** @description WGS-84 */
      lat: number;
      /** @description WGS-84 */
      lng: number;
      street: components['schemas']['CodeNameDto'];
    };
    AddressPageDto: {
      items: components['schemas']['AddressDto'][];
    };
    AdminAddressDto: {
      aliases: string[];
      code: string;
      community: components['schemas']['CodeNameDto'];
      /** Format: date-time */
      editedAt: string | null;
      grid: components['schemas']['CodeNameDto'];
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'roadNumber' | 'compound' | 'building' | 'unit' | 'place';
      /** @example 锦绣小区5号楼 */
      label: string;
      /** @description WGS-84 */
      lat: number;
      /** @description WGS-84 */
      lng: number;
      /** Format: uuid */
      parentId: string | null;
      /** Format: date-time */
      retiredAt: string | null;
      street: components['schemas']['CodeNameDto'];
    };
    AdminKnowledgeEntryDto: {
      /** @description false once retired */
      active: boolean;
      answer: string;
      /** @example heating.no-heat */
      categoryCode: string;
      /**
       * Format: date-time
       * @description last change by the centre
       */
      editedAt: string | null;
      id: string;
      keywords: string[];
      question: string;
      /** @description direct answers given with this entry */
      useCount: number;
    };
    AllowedActionsDto: {
      actions: (
        | 'dispatch'
        | 'accept'
        | 'return'
        | 'rejectReturn'
        | 'requestExtension'
        | 'approveExtension'
        | 'rejectExtension'
        | 'progress'
        | 'reply'
        | 'leadReview'
        | 'review'
        | 'directAnswer'
        | 'callback'
        | 'callbackAttempt'
        | 'close'
        | 'merge'
        | 'supervise'
        | 'urge'
        | 'assign'
        | 'reopen'
        | 'followUp'
        | 'suspend'
        | 'decideSuspension'
        | 'resume'
      )[];
    };
    AssignDto: {
      /** Format: uuid */
      userId: string;
    };
    AuditPageDto: {
      items: components['schemas']['AuditRecordDto'][];
      page: number;
      pageSize: number;
      total: number;
    };
    AuditRecordDto: {
      action: string;
      actorId: string | null;
      actorRole: string | null;
      actorUsername: string;
      address: string | null;
      after: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      at: string;
      before: {
        [key: string]: unknown;
      } | null;
      entity: string;
      entityId: string;
      id: string;
      requestId: string | null;
    };
    AuthUserDto: {
      departmentCode: string | null;
      /** Format: uuid */
      departmentId: string | null;
      displayName: string;
      /** @description the grids a grid worker serves */
      gridCodes: string[];
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      role: 'admin' | 'operator' | 'dispatcher' | 'departmentStaff' | 'departmentLead' | 'supervisor' | 'gridWorker';
      username: string;
    };
    CalendarNoticeRecordDto: {
      daysOff: components['schemas']['NoticeDayDto'][];
      /** Format: date-time */
      importedAt: string;
      /** @description username */
      importedBy: string | null;
      workingDays: components['schemas']['NoticeDayDto'][];
      year: number;
    };
    CalendarStatusDto: {
      lawYears: number[];
      /** @description the last year with an official arrangement */
      officialThrough: number;
      predictedYears: number[];
      /** @description why it is degraded; null when ok */
      reason: string | null;
      /**
       * @description degraded while deadlines reach a year without an official arrangement
       * @enum {string}
       */
      status: 'ok' | 'degraded';
      /** @example Asia/Shanghai */
      timeZone: string;
      /**
       * @description today in the district's zone
       * @example 2026-11-22
       */
      today: string;
      years: components['schemas']['CalendarYearStateDto'][];
    };
    CalendarYearStateDto: {
      /** @enum {string} */
      source: 'official' | 'predicted' | 'law';
      year: number;
    };
    CallbackDto: {
      note?: string;
      /** @enum {string} */
      satisfaction: 'satisfied' | 'basicallySatisfied' | 'unsatisfied';
      solved: boolean;
    };
    CaseCallerDto: {
      /**
       * @description how the callback (回访) can reach the citizen: phone; e-mail (an Open311 report without a phone); none (closed without a callback)
       * @enum {string}
       */
      callbackBy: 'phone' | 'email' | 'none';
      name: string;
      /** @description masked (138****5678) unless the viewer may see it in full; null when the caller left no phone (an e-mail-only Open311 report) */
      phone: string | null;
      /** @enum {string} */
      visibility: 'full' | 'masked';
    };
    CaseCountersDto: {
      extensions: number;
      reopens: number;
      returns: number;
      urges: number;
    };
    CaseEventActorDto: {
      /**
       * Format: uuid
       * @description null for the system
       */
      id: string | null;
      name: string;
      role: string;
    };
    CaseEventDto: {
      actor: components['schemas']['CaseEventActorDto'];
      /** Format: date-time */
      at: string;
      data: {
        [key: string]: unknown;
      };
      /** @enum {string|null} */
      fromStatus:
        | 'received'
        | 'dispatched'
        | 'returned'
        | 'accepted'
        | 'awaitingLeadApproval'
        | 'awaitingCentreReview'
        | 'replied'
        | 'reopened'
        | 'closed'
        | 'merged'
        | null;
      id: string;
      note: string | null;
      /** @enum {string} */
      toStatus:
        | 'received'
        | 'dispatched'
        | 'returned'
        | 'accepted'
        | 'awaitingLeadApproval'
        | 'awaitingCentreReview'
        | 'replied'
        | 'reopened'
        | 'closed'
        | 'merged';
      type: string;
    };
    CasePageDto: {
      items: components['schemas']['CaseViewDto'][];
      page: number;
      pageSize: number;
      total: number;
    };
    CaseRefDto: {
      caseNo: string;
      /** Format: uuid */
      id: string;
    };
    CaseViewDto: {
      address: string;
      /** Format: uuid */
      assigneeId: string | null;
      assistingDepartments: components['schemas']['DepartmentRefDto'][];
      /** @description null where the viewer may not see the caller */
      caller: components['schemas']['CaseCallerDto'] | null;
      /** @example XG20261122000123 */
      caseNo: string;
      category: components['schemas']['CodeNameDto'] | null;
      /** @enum {string} */
      channel: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
      community: components['schemas']['CodeNameDto'] | null;
      confidential: boolean;
      counters: components['schemas']['CaseCountersDto'];
      description: string;
      /** Format: date-time */
      dispatchedAt: string | null;
      /** @description 重办 / follow-up: the closed case this one follows up (intake followUpOf) */
      followUpOf: components['schemas']['CaseRefDto'] | null;
      grid: components['schemas']['CodeNameDto'] | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
      lat: number | null;
      leadDepartment: components['schemas']['DepartmentRefDto'] | null;
      lng: number | null;
      /** @description duplicates merged into this case */
      mergedCases: components['schemas']['CaseRefDto'][];
      /**
       * Format: uuid
       * @description the case this one was merged into
       */
      mergedIntoId: string | null;
      /** @enum {string} */
      priority: 'normal' | 'urgent' | 'emergency';
      /** Format: date-time */
      receivedAt: string;
      /** @description the reply (办结) or the direct answer */
      result: string | null;
      sla: components['schemas']['SlaViewDto'];
      /** @enum {string} */
      status:
        | 'received'
        | 'dispatched'
        | 'returned'
        | 'accepted'
        | 'awaitingLeadApproval'
        | 'awaitingCentreReview'
        | 'replied'
        | 'reopened'
        | 'closed'
        | 'merged';
      street: components['schemas']['CodeNameDto'] | null;
      /** @enum {string|null} */
      supervisionLevel: 'normal' | 'yellow' | 'red' | null;
      title: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description optimistic lock: every change raises it */
      version: number;
    };
    CategoryAdminDto: {
      active: boolean;
      /** @description cases filed under it */
      cases: number;
      code: string;
      name: string;
      nameEn: string;
      parentCode: string | null;
      /** @description root first, own code last */
      path: string[];
    };
    CategoryNodeDto: {
      children: components['schemas']['CategoryNodeDto'][];
      /** @example heating.no-heat */
      code: string;
      name: string;
      nameEn: string;
    };
    ChangePasswordDto: {
      /** @description the password now */
      current: string;
      /** @description 10–128 characters, not containing the username, not a known weak password */
      new: string;
    };
    CodeNameDto: {
      code: string;
      name: string;
    };
    CreateAddressDto: {
      /**
       * @description other names callers use (an old name)
       * @example [
       *       "云峰新村5号楼"
       *     ]
       */
      aliases?: string[];
      /**
       * @description a stable code (made up when left out)
       * @example adm-jinxiu-5
       */
      code?: string;
      /** @description the grid the point must lie in; left out, the grid is the one the point lies in */
      gridCode?: string;
      /** @enum {string} */
      kind: 'roadNumber' | 'compound' | 'building' | 'unit' | 'place';
      /**
       * @description as callers say it; a door ends with 号, a building with 号楼
       * @example 锦绣小区5号楼
       */
      label: string;
      /** @description WGS-84; with lng, inside the district */
      lat: number;
      /** @description WGS-84 */
      lng: number;
      /**
       * Format: uuid
       * @description the live entry it belongs to (a building’s compound)
       */
      parentId?: string;
    };
    CreateCaseDto: {
      /** @description what the caller said; required unless addressId is given. Without addressId, coordinates or communityCode it is placed only when it names one door (road + number) or building (compound + building) of the register exactly; otherwise 400 AddressNotPlaced with `candidates`, unless placeLater is true */
      address?: string;
      /**
       * Format: uuid
       * @description 标准地址: an id of GET /api/v1/addresses; the case takes its label, point and grid
       */
      addressId?: string;
      callerName: string;
      /** @example 13812345678 */
      callerPhone: string;
      /** @example heating.no-heat */
      categoryCode: string;
      /** @enum {string} */
      channel: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
      /**
       * @description places a case without coordinates
       * @example baiyun-01
       */
      communityCode?: string;
      confidential: boolean;
      /**
       * @description the system of lat/lng: gcj02 (高德, 腾讯, 微信) and bd09 (百度) are converted to WGS-84, which is what is stored
       * @default wgs84
       * @enum {string}
       */
      coordinateSystem: 'wgs84' | 'gcj02' | 'bd09';
      description: string;
      /**
       * @description 直接答复 on the call: the operator answers the consultation as it is taken in, in one transaction; the case is never routed. Allowed as for POST /api/v1/cases/{id}/direct-answer (operators, consultations): 403 or 409 otherwise, with nothing created.
       * @example 供暖期为11月1日至次年4月1日
       */
      directAnswer?: string;
      /**
       * @description 企业诉求: the registered enterprise's 统一社会信用代码; required for kind enterpriseRequest
       * @example 91210203MA0YR8N31R
       */
      enterpriseUscc?: string;
      /**
       * Format: uuid
       * @description 重办 / follow-up: the closed case this call is about again. Allowed as a follow-up of that case is (operators and supervisors, within REPEAT_CALL_WINDOW_DAYS of its closing): 400 for an unknown case, 403 or 409 otherwise, with nothing created. The case records `followedUp` in its history and counts as repeat-called.
       */
      followUpOf?: string;
      /** @enum {string} */
      kind: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
      /** @description latitude (WGS-84 unless coordinateSystem says otherwise); must be inside the district */
      lat?: number;
      /** @description longitude (WGS-84 unless coordinateSystem says otherwise); must be inside the district */
      lng?: number;
      /** @description take the case in without a grid (待定位: a dispatcher places it) when the address text names no single register entry */
      placeLater?: boolean;
      /** @enum {string} */
      priority: 'normal' | 'urgent' | 'emergency';
      title: string;
    };
    CreateCategoryDto: {
      /** @example city-appearance.shared-bikes */
      code: string;
      /** @example 文化和旅游局 */
      name: string;
      /** @example Culture and Tourism Bureau */
      nameEn: string;
      /** @description the group it goes under; absent or null: the top level (on an edit, null moves it there) */
      parentCode?: string | null;
      /** @description acknowledge that no rule routes it (or what the move leaves): its cases go to the dispatchers on purpose */
      toDispatcher?: boolean;
    };
    CreateDepartmentDto: {
      /** @example culture */
      code: string;
      /** @example 文化和旅游局 */
      name: string;
      /** @example Culture and Tourism Bureau */
      nameEn: string;
      /** @enum {string} */
      type: 'bureau' | 'street';
    };
    CreateEnterpriseDto: {
      /** @example 李经理 */
      contactName: string;
      /** @example 13912345678 */
      contactPhone: string;
      /** @enum {string} */
      industry:
        | 'agriculture'
        | 'manufacturing'
        | 'utilities'
        | 'construction'
        | 'wholesaleRetail'
        | 'transportLogistics'
        | 'hospitality'
        | 'informationTechnology'
        | 'finance'
        | 'realEstate'
        | 'leasingBusinessServices'
        | 'scienceTechnology'
        | 'residentServices'
        | 'education'
        | 'health'
        | 'cultureSports'
        | 'other';
      /** @example 大连西岗示范科技有限公司 */
      name: string;
      /** @description 包联领导 / 服务专员: the user told of the enterprise's requests */
      responsibleUserId?: string;
      /**
       * @description street (街道) code
       * @example baiyun
       */
      streetCode?: string;
      /**
       * @description 统一社会信用代码 (GB 32100-2015, check character verified)
       * @example 91210203MA0YR8N31R
       */
      uscc: string;
    };
    CreateKnowledgeEntryDto: {
      /** @example 西岗区供暖期为每年11月1日至次年4月1日。 */
      answer: string;
      /**
       * @description an active category code
       * @example heating.no-heat
       */
      categoryCode: string;
      /**
       * @description the entry’s id, lower-case letters, digits and dashes
       * @example kb-heating-season
       */
      code: string;
      /**
       * @description words a caller says about it
       * @example [
       *       "供暖期",
       *       "什么时候供暖"
       *     ]
       */
      keywords: string[];
      /** @example 供暖期是什么时候？ */
      question: string;
    };
    CreateOpen311ClientDto: {
      /**
       * @description names the channel of its cases (open311:<code>)
       * @example wechat-city
       */
      code: string;
      /** @example 城市服务小程序 */
      name: string;
      /**
       * @description POST requests a minute with this key
       * @default 60
       */
      rateLimitPerMinute: number;
    };
    CreateUserDto: {
      /** @description required for departmentStaff and departmentLead, absent otherwise */
      departmentCode?: string;
      /** @example 供热办公室承办人二 */
      displayName: string;
      /** @description the grids a grid worker serves (grid workers only) */
      gridCodes?: string[];
      /** @description 10–128 characters, not containing the username, not a known weak password; the user must change it at the first sign-in */
      password: string;
      /** @enum {string} */
      role: 'admin' | 'operator' | 'dispatcher' | 'departmentStaff' | 'departmentLead' | 'supervisor' | 'gridWorker';
      /** @example staff-heating-2 */
      username: string;
    };
    DayStateDto: {
      note?: string;
      /** @enum {string} */
      source: 'override' | 'official' | 'predicted' | 'law' | 'weekday';
      working: boolean;
    };
    DeadlinePreviewResultDto: {
      /** @enum {string} */
      calendar: 'official' | 'predicted' | 'law';
      /** Format: date-time */
      deadline: string;
    };
    DecisionOutcomeDto: {
      /** @description false: this seq was applied before, nothing changed now */
      applied: boolean;
      caseStatus: string;
      orderNo: string;
      seq: number;
    };
    DepartmentAdminDto: {
      active: boolean;
      activeUsers: number;
      code: string;
      id: string;
      /** @description the department it was merged into */
      mergedInto: string | null;
      name: string;
      nameEn: string;
      /** @description open cases it leads or assists */
      openCases: number;
      /** Format: date-time */
      retiredAt: string | null;
      /** @description routing rules that name it */
      ruleCodes: string[];
      /** @enum {string} */
      type: 'bureau' | 'street';
    };
    DepartmentDto: {
      code: string;
      /** Format: uuid */
      id: string;
      name: string;
      nameEn: string;
      type: string;
    };
    DepartmentRefDto: {
      code: string;
      /** Format: uuid */
      id: string;
      name: string;
    };
    DepartmentReturnsDto: {
      department: components['schemas']['CodeNameDto'];
      /** @description of which were dispatched again */
      redispatched: number;
      /** @description of which dispatchers rejected */
      rejected: number;
      /** @description returns (退单) the department made in the period */
      returns: number;
      /** @description still waiting for a dispatcher's decision */
      waiting: number;
    };
    DirectAnswerDto: {
      /** @example 供暖期为11月1日至次年4月1日 */
      answer: string;
      /**
       * @description the knowledge-base entry answered with (counted)
       * @example kb-heating-season
       */
      knowledgeEntryId?: string;
    };
    DispatchCaseDto: {
      /**
       * @example [
       *       "street-baiyun"
       *     ]
       */
      assistingDepartmentCodes?: string[];
      /** @example heating */
      leadDepartmentCode: string;
    };
    EmptyActionDto: Record<string, never>;
    ExtensionDecisionDto: {
      note?: string;
    };
    ExtensionRequestDto: {
      /** @example 3 */
      days: number;
      /** @example 需协调燃气公司，时间较长 */
      reason: string;
    };
    ExtensionRequestViewDto: {
      /** Format: uuid */
      caseId: string;
      caseNo: string;
      /** @description working days asked for */
      days: number;
      /** Format: date-time */
      decidedAt: string | null;
      decidedBy: string | null;
      decisionNote: string | null;
      /** Format: uuid */
      id: string;
      reason: string;
      /** Format: date-time */
      requestedAt: string;
      /** @description the requester's display name */
      requestedBy: string | null;
      /** @enum {string} */
      status: 'pending' | 'approved' | 'rejected';
    };
    FieldProblemDto: {
      field: string;
      reason: string;
    };
    GridDto: {
      code: string;
      community: components['schemas']['PlaceDto'];
      geometry: components['schemas']['GridGeometryDto'];
      name: string;
      street: components['schemas']['PlaceDto'];
    };
    GridGeometryDto: {
      /** @description GeoJSON coordinates: rings of [longitude, latitude] (WGS 84) */
      coordinates: unknown[];
      /** @enum {string} */
      type: 'Polygon' | 'MultiPolygon';
    };
    GroupKeyDto: {
      /** @description the code to drill down with; '_none' for cases without this key */
      code: string;
      name: string;
    };
    HolidayOverrideDto: {
      note?: string;
      /** @description true: a working day (e.g. a district duty day); false: a day off */
      working: boolean;
    };
    HolidayOverrideRecordDto: {
      /** @example 2026-10-10 */
      date: string;
      note: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description true: a working day; false: a day off */
      working: boolean;
    };
    ImportNoticeDto: {
      /** @description The notice as published: 国务院办公厅关于YYYY年部分节假日安排的通知, its numbered items (一、元旦：…) */
      text: string;
    };
    KnowledgeEntryDto: {
      answer: string;
      /** @example heating.no-heat */
      categoryCode: string;
      id: string;
      keywords: string[];
      question: string;
    };
    LeadReviewDto: {
      /** @enum {string} */
      decision: 'approve' | 'return';
      /** @description required when the decision is return */
      note?: string;
    };
    LoginDto: {
      /** @example hotline365 */
      password: string;
      /** @example operator */
      username: string;
    };
    MergeDepartmentDto: {
      /**
       * @description the department that takes over its open cases, users and rules
       * @example housing
       */
      into: string;
      /**
       * @description why, for the audit trail
       * @example 机构改革撤销
       */
      reason: string;
    };
    MergeDto: {
      /** Format: uuid */
      targetCaseId: string;
    };
    NoteDto: {
      /** @example 已联系供热站检修 */
      note: string;
    };
    NoticeDayChangeDto: {
      after: components['schemas']['DayStateDto'];
      before: components['schemas']['DayStateDto'];
      date: string;
    };
    NoticeDayDto: {
      /** @example 2027-02-05 */
      date: string;
      /** @example 春节 */
      holiday: string;
    };
    NoticeImportResultDto: {
      /** @description false for a dry run */
      applied: boolean;
      /** @description days whose working state the notice changes */
      changes: components['schemas']['NoticeDayChangeDto'][];
      daysOff: components['schemas']['NoticeDayDto'][];
      /** @description running stage deadlines the import moved (a dry run: would move) */
      movedDeadlines: number;
      workingDays: components['schemas']['NoticeDayDto'][];
      year: number;
    };
    Object: Record<string, never>;
    OptionalNoteDto: {
      note?: string;
    };
    OrderDeadlinesDto: {
      /**
       * Format: date-time
       * @description the city's accept deadline (签收时限), ISO 8601
       */
      accept?: string;
      /**
       * Format: date-time
       * @description the city's reply deadline (办结时限), ISO 8601
       */
      reply?: string;
    };
    OrderTakenDto: {
      /** Format: uuid */
      caseId: string;
      /** @example XG20261129000001 */
      caseNo: string;
    };
    PlaceCaseDto: {
      /**
       * Format: uuid
       * @description an id of GET /api/v1/addresses
       */
      addressId?: string;
      /**
       * @default wgs84
       * @enum {string}
       */
      coordinateSystem: 'wgs84' | 'gcj02' | 'bd09';
      /** @description with lng, instead of addressId (a point picked on the map) */
      lat?: number;
      lng?: number;
    };
    PlaceDto: {
      code: string;
      name: string;
    };
    PreviewRuleSetDto: {
      /** @description categories left to the dispatchers on purpose (a group covers its sub-categories) */
      dispatcherCategories: string[];
      rules: components['schemas']['RoutingRuleDto'][];
      sample?: components['schemas']['PreviewSampleDto'];
    };
    PreviewSampleDto: {
      /** @example city-appearance.street-vending */
      categoryCode: string;
      gridCode?: string;
      /** @example complaint */
      kind: string;
      streetCode?: string;
      /** @description title and description, searched for keywords */
      text?: string;
    };
    PutCategoryMappingDto: {
      /** @example city-appearance.street-vending */
      categoryCode: string;
      /** @example 城市管理>占道经营 */
      cityCategory: string;
      /** @enum {string} */
      kind: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
    };
    RankedRowDto: {
      acceptedOnTime: number;
      calledBack: number;
      closed: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      completionRate: number | null;
      directAnswered: number;
      dispatched: number;
      extended: number;
      key: components['schemas']['GroupKeyDto'];
      merged: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      onTimeRate: number | null;
      overdueNow: number;
      rank: number;
      received: number;
      reopened: number;
      repeatCalled: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      repeatRate: number | null;
      replied: number;
      repliedOnTime: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      resolutionRate: number | null;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      responseRate: number | null;
      returned: number;
      reviewReturned: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      satisfactionRate: number | null;
      satisfied: number;
      /** @description the admin's weighted score of the rates */
      score: number | null;
      solved: number;
    };
    RankingsReportDto: {
      /** @enum {string} */
      by: 'department' | 'street';
      /** @description the filters applied (a lead: their department) */
      filters: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      generatedAt: string;
      period: components['schemas']['StatsPeriodDto'];
      rows: components['schemas']['RankedRowDto'][];
      /**
       * @description the daily rollup, or the per-case facts
       * @enum {string}
       */
      source: 'rollup' | 'facts';
      /** @description weight per rate */
      weights: {
        [key: string]: number;
      };
    };
    RankingWeightsDto: {
      completionRate: number;
      onTimeRate: number;
      resolutionRate: number;
      responseRate: number;
      satisfactionRate: number;
    };
    RateRowDto: {
      acceptedOnTime: number;
      calledBack: number;
      closed: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      completionRate: number | null;
      directAnswered: number;
      dispatched: number;
      extended: number;
      key: components['schemas']['GroupKeyDto'];
      merged: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      onTimeRate: number | null;
      overdueNow: number;
      received: number;
      reopened: number;
      repeatCalled: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      repeatRate: number | null;
      replied: number;
      repliedOnTime: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      resolutionRate: number | null;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      responseRate: number | null;
      returned: number;
      reviewReturned: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      satisfactionRate: number | null;
      satisfied: number;
      solved: number;
    };
    RatesReportDto: {
      categoryLevel: number | null;
      /** @description the filters applied (a lead: their department) */
      filters: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      generatedAt: string;
      groupBy: string;
      period: components['schemas']['StatsPeriodDto'];
      rows: components['schemas']['RateRowDto'][];
      /**
       * @description the daily rollup, or the per-case facts
       * @enum {string}
       */
      source: 'rollup' | 'facts';
      total: components['schemas']['RateRowDto'];
    };
    ReasonDto: {
      /** @example 不属于本单位职责 */
      reason: string;
    };
    RecentChangesDto: {
      /** @description the first 200 of them, newest first */
      cases: components['schemas']['RouteChangeDto'][];
      /** @description how many would go elsewhere */
      changed: number;
      /** @description cases received since then that were replayed */
      examined: number;
      /** Format: date-time */
      since: string;
    };
    ReplyDto: {
      /** @example 已修复管道，室温恢复到20度 */
      result: string;
    };
    RetireAddressDto: {
      /** @example 楼栋已拆除 */
      reason?: string;
    };
    RetireDepartmentDto: {
      /**
       * @description why, for the audit trail
       * @example 机构改革撤销
       */
      reason: string;
    };
    RetireKnowledgeEntryDto: {
      /** @example 政策已调整 */
      reason?: string;
    };
    ReturnOrderDto: {
      /** @description why the order is not the district's to handle */
      reason: string;
    };
    RevealCallerDto: {
      /**
       * @description why the caller is needed in full; kept in the audit trail
       * @example 先行联系市民核实现场情况
       */
      reason: string;
    };
    RevealedCallerDto: {
      caseNo: string;
      name: string;
      phone: string | null;
    };
    ReviewDto: {
      /** @enum {string} */
      decision: 'pass' | 'return';
      /** @description required when the decision is return */
      note?: string;
    };
    ReviewSettingsDto: {
      centreReview: boolean;
      /** @example housing */
      department: string;
      leadApproval: boolean;
    };
    RollbackDto: {
      /** @example 回退：新规则误派 */
      reason: string;
    };
    RouteChangeDto: {
      caseNo: string;
      categoryCode: string | null;
      /** @description null: a dispatcher */
      current: components['schemas']['RoutingDecisionDto'] | null;
      /** @description null: a dispatcher */
      proposed: components['schemas']['RoutingDecisionDto'] | null;
    };
    RoutingDecisionDto: {
      assistingDepartmentCodes: string[];
      explanation: string;
      leadDepartmentCode: string;
      ruleCode: string;
      score: number;
    };
    RoutingRuleDto: {
      assistingDepartmentCodes?: string[];
      categoryCode?: string | null;
      /** @example R52 */
      code: string;
      gridCode?: string | null;
      keywords?: string[];
      kind?: string | null;
      /** @example city-mgmt */
      leadDepartmentCode: string;
      note?: string;
      streetCode?: string | null;
    };
    RuleSetPreviewDto: {
      /** @description what saving this set would be refused for */
      problems: components['schemas']['FieldProblemDto'][];
      recent: components['schemas']['RecentChangesDto'];
      sample: components['schemas']['SampleRoutesDto'] | null;
      unroutedCategories: string[];
    };
    RuleSetVersionDto: {
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      dispatcherCategories: string[];
      reason: string;
      /** @description the version this one restored */
      rolledBackFrom: number | null;
      rules: components['schemas']['StoredRuleDto'][];
      version: number;
    };
    SampleRoutesDto: {
      /** @description null: a dispatcher */
      current: components['schemas']['RoutingDecisionDto'] | null;
      /** @description null: a dispatcher */
      proposed: components['schemas']['RoutingDecisionDto'] | null;
    };
    SaveRuleSetDto: {
      /** @description categories left to the dispatchers on purpose (a group covers its sub-categories) */
      dispatcherCategories: string[];
      /**
       * @description why, kept with the version
       * @example 香炉礁街道占道经营改由城管主办
       */
      reason: string;
      rules: components['schemas']['RoutingRuleDto'][];
    };
    SecondFactorChallengeDto: {
      /** @description send it back with the code to POST /api/v1/auth/login/second-factor */
      challengeToken: string;
      /** @description seconds the challenge stays valid */
      expiresIn: number;
      /** @enum {boolean} */
      secondFactorRequired: true;
    };
    SecondFactorCodeDto: {
      /** @example 123456 */
      code: string;
    };
    SecondFactorEnabledDto: {
      /** @description the bearer token for the Authorization header */
      accessToken: string;
      /** @description true: choose a new password first (POST /api/v1/auth/password); until then other routes answer 403 PasswordChangeRequired */
      mustChangePassword: boolean;
      /** @description one-time recovery codes, shown only now */
      recoveryCodes: string[];
      /** @enum {string} */
      tokenType: 'Bearer';
      user: components['schemas']['AuthUserDto'];
    };
    SecondFactorLoginDto: {
      challengeToken: string;
      /** @example 123456 */
      code?: string;
      /**
       * @description one of the recovery codes, instead of a code; each works once
       * @example k7qm-2x9d-ab
       */
      recoveryCode?: string;
    };
    SecondFactorOfferDto: {
      /** @description otpauth:// URI: the data of the QR code an app scans */
      otpauthUri: string;
      /** @description Base32, for typing into an app by hand */
      secret: string;
    };
    SecondFactorStatusDto: {
      enabled: boolean;
      recoveryCodesLeft: number;
      /** @description the user’s role must sign in with a second factor (SECOND_FACTOR_REQUIRED_ROLES) */
      required: boolean;
    };
    SecuritySettingsDto: {
      /** @description a session with no request for this many seconds ends (401 SessionIdle), on every client */
      idleTimeoutSeconds: number;
    };
    SetReviewSettingsDto: {
      /** @description every reply then waits for the centre's review (中心审核, supervisors) before the callback */
      centreReview: boolean;
      /** @description every reply first waits for the department lead's approval (部门负责人审核) */
      leadApproval: boolean;
    };
    SetWebhookDto: {
      /** @description shared secret for the HMAC-SHA256 signature; never shown again */
      secret: string;
      /** @example https://heating.example.gov.cn/hotline365/notifications */
      url: string;
    };
    SignedInDto: {
      /** @description the bearer token for the Authorization header */
      accessToken: string;
      /** @description true: choose a new password first (POST /api/v1/auth/password); until then other routes answer 403 PasswordChangeRequired */
      mustChangePassword: boolean;
      /** @enum {string} */
      tokenType: 'Bearer';
      user: components['schemas']['AuthUserDto'];
    };
    SignInPageDto: {
      items: components['schemas']['SignInRecordDto'][];
      page: number;
      pageSize: number;
      total: number;
    };
    SignInRecordDto: {
      address: string | null;
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      outcome: 'success' | 'failure';
      userAgent: string | null;
    };
    SlaDeadlineDto: {
      /** Format: date-time */
      breachedAt: string | null;
      /** @enum {string|null} */
      calendar: 'official' | 'predicted' | 'law' | null;
      /** Format: date-time */
      deadline: string;
      /** Format: date-time */
      endedAt: string | null;
      policyCode: string;
      /** @description the event that started the stage or moved its deadline */
      reason: string;
      /** @enum {string} */
      stage: 'accept' | 'reply' | 'leadReview' | 'centreReview' | 'callback';
      /** Format: date-time */
      startedAt: string;
      /** @enum {string|null} */
      unit: 'minutes' | 'workingHours' | 'workingDays' | null;
      /** Format: date-time */
      warnAt: string;
    };
    SlaLimitDto: {
      amount: number;
      /** @enum {string} */
      unit: 'minutes' | 'workingHours' | 'workingDays';
    };
    SlaPolicyDefinitionDto: {
      accept?: components['schemas']['SlaLimitDto'];
      callback?: components['schemas']['SlaLimitDto'];
      code?: string;
      /** @enum {string} */
      countFrom?: 'stageStart' | 'nextDayMidnight';
      match?: components['schemas']['SlaPolicyMatchDto'];
      maxExtensionDays?: number;
      maxExtensions?: number;
      name?: string;
      notes?: string;
      reply?: components['schemas']['SlaLimitDto'];
      returnWindow?: components['schemas']['SlaLimitDto'];
      warningRatio?: number;
    };
    SlaPolicyMatchDto: {
      /** @example heating.no-heat */
      categoryCode?: string;
      /** @enum {string} */
      kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
      /** @enum {string} */
      priority?: 'normal' | 'urgent' | 'emergency';
    };
    SlaPolicyRecordDto: {
      /** @description false once retired */
      active: boolean;
      code: string;
      definition: components['schemas']['SlaPolicyDefinitionDto'];
      name: string;
      /** Format: date-time */
      updatedAt: string;
    };
    SlaViewDto: {
      /**
       * @description where the deadline's days came from
       * @enum {string|null}
       */
      calendar: 'official' | 'predicted' | 'law' | null;
      /** Format: date-time */
      deadline: string | null;
      deadlines: components['schemas']['SlaDeadlineDto'][];
      /** @description time left in the stage's own unit, negative when overdue */
      minutesLeft: number | null;
      /** @enum {string|null} */
      stage: 'accept' | 'reply' | 'leadReview' | 'centreReview' | 'callback' | null;
      /** @enum {string} */
      state: 'normal' | 'warning' | 'overdue';
      /** @description 挂起: the stage clock is stopped (no deadline runs until it resumes) */
      suspended: boolean;
      /** @enum {string|null} */
      unit: 'minutes' | 'workingHours' | 'workingDays' | null;
      /** Format: date-time */
      warnAt: string | null;
      /** @description working minutes to the running deadline, negative past it */
      workingMinutesLeft: number | null;
    };
    StatsPeriodDto: {
      /** Format: date-time */
      from: string | null;
      /** Format: date-time */
      to: string | null;
    };
    StoredRuleDto: {
      assistingDepartmentCodes: string[];
      categoryCode: string | null;
      code: string;
      gridCode: string | null;
      keywords: string[];
      kind: string | null;
      leadDepartmentCode: string;
      note: string;
      streetCode: string | null;
    };
    SuperviseDto: {
      /** @enum {string} */
      level: 'normal' | 'yellow' | 'red';
      note?: string;
    };
    SuspendDto: {
      /** @example 当事双方已诉至法院，待判决后处理 */
      note: string;
      /** @enum {string} */
      reason: 'citizenUnreachable' | 'awaitingThirdParty' | 'beforeCourt';
    };
    SuspensionDecisionDto: {
      /** @enum {string} */
      decision: 'approve' | 'refuse';
      note?: string;
    };
    SuspensionDto: {
      /** Format: uuid */
      caseId: string;
      caseNo: string;
      decidedBy: string | null;
      decisionNote: string | null;
      /** Format: uuid */
      id: string;
      note: string;
      /** @enum {string} */
      reason: 'citizenUnreachable' | 'awaitingThirdParty' | 'beforeCourt';
      /** Format: date-time */
      requestedAt: string;
      /** @description the requester's display name */
      requestedBy: string | null;
      /**
       * Format: date-time
       * @description the policy's maximum: resumes by itself then
       */
      resumeBy: string | null;
      /** @enum {string|null} */
      resumeCause: 'department' | 'supervisor' | 'maximum' | null;
      /** Format: date-time */
      resumedAt: string | null;
      /**
       * @description the stage whose clock the request is about
       * @enum {string}
       */
      stage: 'accept' | 'reply' | 'leadReview' | 'centreReview' | 'callback';
      /** @enum {string} */
      status: 'pending' | 'refused' | 'active' | 'ended' | 'lapsed';
      /**
       * Format: date-time
       * @description when the clock stopped
       */
      suspendedAt: string | null;
    };
    TrendChangeDto: {
      /** @description relative change from the period before */
      acceptedOnTime: number | null;
      /** @description relative change from the period before */
      calledBack: number | null;
      /** @description relative change from the period before */
      closed: number | null;
      /** @description change from the period before */
      completionRate: number | null;
      /** @description relative change from the period before */
      directAnswered: number | null;
      /** @description relative change from the period before */
      dispatched: number | null;
      /** @description relative change from the period before */
      extended: number | null;
      /** @description relative change from the period before */
      merged: number | null;
      /** @description change from the period before */
      onTimeRate: number | null;
      /** @description relative change from the period before */
      received: number | null;
      /** @description relative change from the period before */
      reopened: number | null;
      /** @description relative change from the period before */
      repeatCalled: number | null;
      /** @description change from the period before */
      repeatRate: number | null;
      /** @description relative change from the period before */
      replied: number | null;
      /** @description relative change from the period before */
      repliedOnTime: number | null;
      /** @description change from the period before */
      resolutionRate: number | null;
      /** @description change from the period before */
      responseRate: number | null;
      /** @description relative change from the period before */
      returned: number | null;
      /** @description relative change from the period before */
      reviewReturned: number | null;
      /** @description change from the period before */
      satisfactionRate: number | null;
      /** @description relative change from the period before */
      satisfied: number | null;
      /** @description relative change from the period before */
      solved: number | null;
    };
    TrendPointDto: {
      acceptedOnTime: number;
      calledBack: number;
      /** @description null for the first period */
      change: components['schemas']['TrendChangeDto'] | null;
      closed: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      completionRate: number | null;
      directAnswered: number;
      dispatched: number;
      extended: number;
      merged: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      onTimeRate: number | null;
      /**
       * @description the first day of the period
       * @example 2026-11-01
       */
      period: string;
      received: number;
      reopened: number;
      repeatCalled: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      repeatRate: number | null;
      replied: number;
      repliedOnTime: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      resolutionRate: number | null;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      responseRate: number | null;
      returned: number;
      reviewReturned: number;
      /** @description a fraction 0–1; null where its denominator is 0 (no case to judge) */
      satisfactionRate: number | null;
      satisfied: number;
      solved: number;
    };
    TrendsReportDto: {
      /** @description the filters applied (a lead: their department) */
      filters: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      generatedAt: string;
      /** @enum {string} */
      interval: 'day' | 'week' | 'month' | 'quarter' | 'year';
      period: components['schemas']['StatsPeriodDto'];
      series: components['schemas']['TrendPointDto'][];
      /**
       * @description the daily rollup, or the per-case facts
       * @enum {string}
       */
      source: 'rollup' | 'facts';
    };
    UpdateAddressDto: {
      /**
       * @description other names callers use (an old name)
       * @example [
       *       "云峰新村5号楼"
       *     ]
       */
      aliases?: string[];
      /** @description the grid the point must lie in; left out, the grid is the one the point lies in */
      gridCode?: string;
      /** @enum {string} */
      kind?: 'roadNumber' | 'compound' | 'building' | 'unit' | 'place';
      /**
       * @description as callers say it; a door ends with 号, a building with 号楼
       * @example 锦绣小区5号楼
       */
      label?: string;
      /** @description WGS-84; with lng, inside the district */
      lat?: number;
      /** @description WGS-84 */
      lng?: number;
    };
    UpdateCategoryDto: {
      /** @example 文化和旅游局 */
      name?: string;
      /** @example Culture and Tourism Bureau */
      nameEn?: string;
      /** @description the group it goes under; absent or null: the top level (on an edit, null moves it there) */
      parentCode?: string | null;
      /** @description acknowledge that no rule routes it (or what the move leaves): its cases go to the dispatchers on purpose */
      toDispatcher?: boolean;
    };
    UpdateDepartmentDto: {
      /** @example 文化和旅游局 */
      name?: string;
      /** @example Culture and Tourism Bureau */
      nameEn?: string;
      /** @enum {string} */
      type?: 'bureau' | 'street';
    };
    UpdateEnterpriseDto: {
      contactName?: string;
      contactPhone?: string;
      /** @enum {string} */
      industry?:
        | 'agriculture'
        | 'manufacturing'
        | 'utilities'
        | 'construction'
        | 'wholesaleRetail'
        | 'transportLogistics'
        | 'hospitality'
        | 'informationTechnology'
        | 'finance'
        | 'realEstate'
        | 'leasingBusinessServices'
        | 'scienceTechnology'
        | 'residentServices'
        | 'education'
        | 'health'
        | 'cultureSports'
        | 'other';
      name?: string;
      /** @description null removes the responsible person */
      responsibleUserId?: Record<string, never> | null;
      streetCode?: string;
    };
    UpdateKnowledgeEntryDto: {
      /** @example 西岗区供暖期为每年11月1日至次年4月1日。 */
      answer?: string;
      /**
       * @description an active category code
       * @example heating.no-heat
       */
      categoryCode?: string;
      /**
       * @description words a caller says about it
       * @example [
       *       "供暖期",
       *       "什么时候供暖"
       *     ]
       */
      keywords?: string[];
      /** @example 供暖期是什么时候？ */
      question?: string;
    };
    UpdateOpen311ClientDto: {
      name?: string;
      rateLimitPerMinute?: number;
    };
    UpdateUserDto: {
      /** @description false disables the user: every session ends at once */
      active?: boolean;
      departmentCode?: string | null;
      displayName?: string;
      gridCodes?: string[];
      /** @description a reset by the admin: 10–128 characters, not containing the username, not a known weak password; the user must change it at the next sign-in */
      password?: string;
      /** @enum {string} */
      role?: 'admin' | 'operator' | 'dispatcher' | 'departmentStaff' | 'departmentLead' | 'supervisor' | 'gridWorker';
      username?: string;
    };
    UpstreamDeadLetterDto: {
      /** Format: uuid */
      caseId: string;
      caseNo: string;
      /** Format: date-time */
      deadAt: string;
      orderNo: string;
      /** @description reports not yet acknowledged by the city */
      pendingReports: number;
      reason: string | null;
    };
    UpstreamDeadLetterMarkDto: {
      /** Format: date-time */
      at: string;
      reason: string | null;
    };
    UpstreamDeadlinesDto: {
      /** Format: date-time */
      accept: string | null;
      /** Format: date-time */
      reply: string | null;
    };
    UpstreamDecisionDto: {
      /** @description returnDecided: the city takes the order back */
      accepted?: boolean;
      /** @description extensionDecided */
      approved?: boolean;
      /**
       * Format: date-time
       * @description when the city decided, ISO 8601
       */
      at: string;
      /** @description extensionDecided: the days the city granted */
      days?: number;
      note?: string;
      /** @description recalled (撤单): why */
      reason?: string;
      /**
       * @description calledBack
       * @enum {string}
       */
      satisfaction?: 'satisfied' | 'basicallySatisfied' | 'unsatisfied';
      /** @description the city's sequence number of its decisions on this order; each applied once */
      seq: number;
      /** @description calledBack: the problem itself was solved */
      solved?: boolean;
      /** @enum {string} */
      type: 'returnDecided' | 'extensionDecided' | 'urged' | 'recalled' | 'calledBack';
    };
    UpstreamDecisionViewDto: {
      /** Format: date-time */
      appliedAt: string;
      /** Format: date-time */
      at: string;
      /** @description the decision's own fields */
      body: {
        [key: string]: unknown;
      };
      seq: number;
      /** @example extensionDecided */
      type: string;
    };
    UpstreamOrderCaseDto: {
      caseNo: string;
      channel: string;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      slaDeadline: string | null;
      slaStage: string | null;
      status: string;
    };
    UpstreamOrderDto: {
      /** @description placed as any address; one that names no single register entry waits for a dispatcher */
      address: string;
      callerName: string;
      /** @example 13812345678 */
      callerPhone: string;
      /**
       * @description the city's category text, mapped to ours by the admin-editable table
       * @example 城市管理>占道经营
       */
      category: string;
      deadlines: components['schemas']['OrderDeadlinesDto'];
      description: string;
      /** @description WGS-84 latitude; with lng, places the case */
      lat?: number;
      /** @description WGS-84 longitude */
      lng?: number;
      /** @example DL12345-20261129-0001 */
      orderNo: string;
      /**
       * Format: date-time
       * @description when the city took the call, ISO 8601
       */
      receivedAt: string;
      title: string;
    };
    UpstreamOrderViewDto: {
      case: components['schemas']['UpstreamOrderCaseDto'];
      cityCategory: string;
      deadLetter: components['schemas']['UpstreamDeadLetterMarkDto'] | null;
      deadlines: components['schemas']['UpstreamDeadlinesDto'];
      decisions: components['schemas']['UpstreamDecisionViewDto'][];
      /** @description false: the city's category had no mapping; the order waits for dispatch */
      mapped: boolean;
      orderNo: string;
      /** @example 12345 */
      platform: string;
      /** Format: date-time */
      receivedAt: string;
      reports: components['schemas']['UpstreamReportDto'][];
    };
    UpstreamReportDto: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      /** @description the last failed delivery's error */
      lastError: string | null;
      seq: number;
      /** @enum {string} */
      state: 'delivered' | 'pending' | 'deadLettered';
      /** @example accepted */
      type: string;
    };
    UserDto: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      departmentCode: string | null;
      departmentName: string | null;
      displayName: string;
      gridCodes: string[];
      /** Format: uuid */
      id: string;
      /** @description the user must choose a new password at the next sign-in */
      mustChangePassword: boolean;
      /** Format: date-time */
      passwordChangedAt: string | null;
      /** @enum {string} */
      role: 'admin' | 'operator' | 'dispatcher' | 'departmentStaff' | 'departmentLead' | 'supervisor' | 'gridWorker';
      /** @description a second factor (TOTP) is on; an admin can reset it */
      secondFactorEnabled: boolean;
      username: string;
    };
    UserPageDto: {
      items: components['schemas']['UserDto'][];
      page: number;
      pageSize: number;
      total: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  AddressesController_search: {
    parameters: {
      query: {
        limit?: components['schemas']['Object'];
        /** @description the caller's words: parts of the address in any order, aliases, pinyin initials */
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddressPageDto'];
        };
      };
    };
  };
  AddressesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAddressDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminAddressDto'];
        };
      };
    };
  };
  AddressesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminAddressDto'];
        };
      };
    };
  };
  AddressesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAddressDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminAddressDto'];
        };
      };
    };
  };
  AddressesController_retire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RetireAddressDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminAddressDto'];
        };
      };
    };
  };
  CategoriesAdminController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryAdminDto'][];
        };
      };
    };
  };
  CategoriesAdminController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCategoryDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryAdminDto'];
        };
      };
    };
  };
  CategoriesAdminController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCategoryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryAdminDto'];
        };
      };
    };
  };
  CategoriesAdminController_retire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryAdminDto'];
        };
      };
    };
  };
  DepartmentsAdminController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentAdminDto'][];
        };
      };
    };
  };
  DepartmentsAdminController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDepartmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentAdminDto'];
        };
      };
    };
  };
  DepartmentsAdminController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateDepartmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentAdminDto'];
        };
      };
    };
  };
  DepartmentsAdminController_merge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeDepartmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentAdminDto'];
        };
      };
    };
  };
  DepartmentsAdminController_retire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RetireDepartmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentAdminDto'];
        };
      };
    };
  };
  KnowledgeAdminController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminKnowledgeEntryDto'][];
        };
      };
    };
  };
  KnowledgeAdminController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateKnowledgeEntryDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminKnowledgeEntryDto'];
        };
      };
    };
  };
  KnowledgeAdminController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateKnowledgeEntryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminKnowledgeEntryDto'];
        };
      };
    };
  };
  KnowledgeAdminController_retire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RetireKnowledgeEntryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminKnowledgeEntryDto'];
        };
      };
    };
  };
  RoutingRulesAdminController_current: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleSetVersionDto'];
        };
      };
    };
  };
  RoutingRulesAdminController_save: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveRuleSetDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleSetVersionDto'];
        };
      };
    };
  };
  RoutingRulesAdminController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreviewRuleSetDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleSetPreviewDto'];
        };
      };
    };
  };
  RoutingRulesAdminController_versions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleSetVersionDto'][];
        };
      };
    };
  };
  RoutingRulesAdminController_version: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleSetVersionDto'];
        };
      };
    };
  };
  RoutingRulesAdminController_rollback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RollbackDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleSetVersionDto'];
        };
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        action?: string;
        /** @description the actor’s username (system:seed for the seeds) */
        actor?: string;
        entity?:
          | 'user'
          | 'slaPolicy'
          | 'holidayOverride'
          | 'calendarNotice'
          | 'departmentWebhook'
          | 'departmentReviewSettings'
          | 'open311Client'
          | 'upstreamCategoryMap'
          | 'department'
          | 'category'
          | 'routingRule'
          | 'routingRuleSet'
          | 'address'
          | 'securitySettings'
          | 'enterprise'
          | 'knowledgeEntry'
          | 'caseCaller'
          | 'personalDataExport';
        /** @description the changed thing’s id (a user’s id, a policy’s code, a date …) */
        entityId?: string;
        /** @description at or after (ISO 8601) */
        from?: string;
        page?: components['schemas']['Object'];
        pageSize?: components['schemas']['Object'];
        /** @description before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPageDto'];
        };
      };
    };
  };
  AuditController_export: {
    parameters: {
      query?: {
        action?: string;
        /** @description the actor’s username (system:seed for the seeds) */
        actor?: string;
        entity?:
          | 'user'
          | 'slaPolicy'
          | 'holidayOverride'
          | 'calendarNotice'
          | 'departmentWebhook'
          | 'departmentReviewSettings'
          | 'open311Client'
          | 'upstreamCategoryMap'
          | 'department'
          | 'category'
          | 'routingRule'
          | 'routingRuleSet'
          | 'address'
          | 'securitySettings'
          | 'enterprise'
          | 'knowledgeEntry'
          | 'caseCaller'
          | 'personalDataExport';
        /** @description the changed thing’s id (a user’s id, a policy’s code, a date …) */
        entityId?: string;
        /** @description at or after (ISO 8601) */
        from?: string;
        /** @description before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header: {
        'user-agent': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedInDto'] | components['schemas']['SecondFactorChallengeDto'];
        };
      };
    };
  };
  AuthController_secondStep: {
    parameters: {
      query?: never;
      header: {
        'user-agent': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SecondFactorLoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedInDto'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_logoutAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthUserDto'];
        };
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedInDto'];
        };
      };
    };
  };
  SecondFactorController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondFactorStatusDto'];
        };
      };
    };
  };
  SecondFactorController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SecondFactorCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondFactorEnabledDto'];
        };
      };
    };
  };
  SecondFactorController_enrol: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondFactorOfferDto'];
        };
      };
    };
  };
  CalendarController_deadline: {
    parameters: {
      query: {
        /** @description how much time; whole numbers for workingDays */
        amount: number;
        /** @description start instant, ISO 8601 with offset */
        start: string;
        unit: 'minutes' | 'workingHours' | 'workingDays';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeadlinePreviewResultDto'];
        };
      };
    };
  };
  CalendarNoticesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarNoticeRecordDto'][];
        };
      };
    };
  };
  CalendarNoticesController_import: {
    parameters: {
      query?: {
        /** @description true: read and compare only, store nothing */
        dryRun?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ImportNoticeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NoticeImportResultDto'];
        };
      };
    };
  };
  SlaAdminController_overrides: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HolidayOverrideRecordDto'][];
        };
      };
    };
  };
  SlaAdminController_saveOverride: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        date: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HolidayOverrideDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HolidayOverrideRecordDto'];
        };
      };
    };
  };
  SlaAdminController_deleteOverride: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CalendarController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarStatusDto'];
        };
      };
    };
  };
  CallersController_history: {
    parameters: {
      query?: {
        page?: components['schemas']['Object'];
        pageSize?: components['schemas']['Object'];
      };
      header?: never;
      path: {
        phone: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CasePageDto'];
        };
      };
    };
  };
  CasesController_list: {
    parameters: {
      query?: {
        /** @description category code at any level */
        category?: string;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code */
        department?: string;
        /** @description drill-down: only the cases behind this statistics figure; with the same filters as GET /api/v1/stats/rates, exactly the cases it counted */
        figure?:
          | 'received'
          | 'dispatched'
          | 'acceptedOnTime'
          | 'replied'
          | 'repliedOnTime'
          | 'calledBack'
          | 'satisfied'
          | 'solved'
          | 'returned'
          | 'reopened'
          | 'extended'
          | 'merged'
          | 'directAnswered'
          | 'reviewReturned'
          | 'closed'
          | 'repeatCalled'
          | 'overdueNow';
        /** @description received at or after (ISO 8601) */
        from?: string;
        grid?: string;
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        page?: components['schemas']['Object'];
        pageSize?: components['schemas']['Object'];
        /** @description cases whose current stage is past its warning time / its deadline */
        sla?: 'warning' | 'overdue';
        /** @description comma-separated statuses */
        status?: string[];
        street?: string;
        /** @description case number, or words in title, description or address */
        text?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CasePageDto'];
        };
      };
    };
  };
  CasesController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description any unique string per submit (1–100 printable characters) */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCaseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseViewDto'];
        };
      };
    };
  };
  CasesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseViewDto'];
        };
      };
    };
  };
  CaseActionsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmptyActionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_actions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AllowedActionsDto'];
        };
      };
    };
  };
  CaseActionsController_assign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_callback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CallbackDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_callbackAttempt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OptionalNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_directAnswer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DirectAnswerDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_dispatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DispatchCaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CasesController_events: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseEventDto'][];
        };
      };
    };
  };
  CaseWorkController_ofCase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionRequestViewDto'][];
        };
      };
    };
  };
  CaseActionsController_requestExtension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtensionRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_approveExtension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        rid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtensionDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_rejectExtension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        rid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtensionDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_leadReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LeadReviewDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_merge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CasePlacingController_place: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlaceCaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseViewDto'];
        };
      };
    };
  };
  CaseActionsController_progress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_rejectReturn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OptionalNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_reopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_reply: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReplyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_resume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OptionalNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_returnCase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CasesController_reveal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RevealCallerDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevealedCallerDto'];
        };
      };
    };
  };
  CaseActionsController_review: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_supervise: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SuperviseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_suspend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SuspendDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_decideSuspension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SuspensionDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseActionsController_urge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OptionalNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceController_categories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryNodeDto'][];
        };
      };
    };
  };
  ReferenceController_departments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentDto'][];
        };
      };
    };
  };
  ReviewSettingsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewSettingsDto'];
        };
      };
    };
  };
  ReviewSettingsController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetReviewSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewSettingsDto'];
        };
      };
    };
  };
  DepartmentWebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DepartmentWebhooksController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DepartmentWebhooksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EnterprisesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EnterprisesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEnterpriseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EnterprisesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EnterprisesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        uscc: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateEnterpriseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EnterprisesController_casesOf: {
    parameters: {
      query?: {
        /** @description category code at any level */
        category?: string;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code */
        department?: string;
        /** @description drill-down: only the cases behind this statistics figure; with the same filters as GET /api/v1/stats/rates, exactly the cases it counted */
        figure?:
          | 'received'
          | 'dispatched'
          | 'acceptedOnTime'
          | 'replied'
          | 'repliedOnTime'
          | 'calledBack'
          | 'satisfied'
          | 'solved'
          | 'returned'
          | 'reopened'
          | 'extended'
          | 'merged'
          | 'directAnswered'
          | 'reviewReturned'
          | 'closed'
          | 'repeatCalled'
          | 'overdueNow';
        /** @description received at or after (ISO 8601) */
        from?: string;
        grid?: string;
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        page?: components['schemas']['Object'];
        pageSize?: components['schemas']['Object'];
        /** @description cases whose current stage is past its warning time / its deadline */
        sla?: 'warning' | 'overdue';
        /** @description comma-separated statuses */
        status?: string[];
        street?: string;
        /** @description case number, or words in title, description or address */
        text?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path: {
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EnterprisesController_requestTypes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseWorkController_list: {
    parameters: {
      query?: {
        limit?: components['schemas']['Object'];
        status?: 'pending' | 'approved' | 'rejected';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionRequestViewDto'][];
        };
      };
    };
  };
  ReferenceController_grids: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GridDto'][];
        };
      };
    };
  };
  KnowledgeController_search: {
    parameters: {
      query?: {
        /** @description category code at any level */
        category?: string;
        /** @description the caller's words */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnowledgeEntryDto'][];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        page?: components['schemas']['Object'];
        pageSize?: components['schemas']['Object'];
        /** @description only notifications nobody has read yet */
        unread?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  NotificationsController_read: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Open311ClientsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Open311ClientsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOpen311ClientDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Open311ClientsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOpen311ClientDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Open311ClientsController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Open311ClientsController_rotate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseStatusController_get: {
    parameters: {
      query?: {
        /** @description the whole phone number instead (required for a confidential case) */
        phone?: unknown;
        /** @description the last four digits of the phone given when the case was logged */
        phoneLast4?: unknown;
      };
      header?: never;
      path: {
        caseNo: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  QueueBoardController_open: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Set-Cookie: hotline_queue_board=…; Path=/admin/queues; HttpOnly; SameSite=Strict */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CaseWorkController_returns: {
    parameters: {
      query?: {
        /** @description from (inclusive, ISO 8601); default 30 days before `to` */
        from?: string;
        /** @description to (exclusive, ISO 8601); default now */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentReturnsDto'][];
        };
      };
    };
  };
  SecuritySettingsController_read: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecuritySettingsDto'];
        };
      };
    };
  };
  SecuritySettingsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SecuritySettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecuritySettingsDto'];
        };
      };
    };
  };
  SlaAdminController_policies: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlaPolicyRecordDto'][];
        };
      };
    };
  };
  SlaAdminController_save: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlaPolicyRecordDto'];
        };
      };
    };
  };
  SlaAdminController_retire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlaPolicyRecordDto'];
        };
      };
    };
  };
  StatsController_handlingTime: {
    parameters: {
      query: {
        /** @description category code at any level */
        category?: string;
        categoryLevel?: number;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code, or '_none' (not dispatched) */
        department?: string;
        /** @description received at or after (ISO 8601); a district midnight lets the rollup answer */
        from?: string;
        grid?: string;
        groupBy: 'department' | 'street' | 'community' | 'grid' | 'category' | 'kind' | 'channel';
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        street?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatsController_hotspots: {
    parameters: {
      query?: {
        by?: 'grid' | 'category';
        /** @description category code at any level */
        category?: string;
        categoryLevel?: number;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code, or '_none' (not dispatched) */
        department?: string;
        /** @description received at or after (ISO 8601); a district midnight lets the rollup answer */
        from?: string;
        grid?: string;
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        limit?: components['schemas']['Object'];
        street?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatsController_weights: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatsController_setWeights: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RankingWeightsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatsController_rankings: {
    parameters: {
      query?: {
        by?: 'department' | 'street';
        /** @description category code at any level */
        category?: string;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code, or '_none' (not dispatched) */
        department?: string;
        /** @description received at or after (ISO 8601); a district midnight lets the rollup answer */
        from?: string;
        grid?: string;
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        street?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RankingsReportDto'];
        };
      };
    };
  };
  StatsController_rates: {
    parameters: {
      query: {
        /** @description category code at any level */
        category?: string;
        /** @description with groupBy=category: the level to roll up to (1 = top); leaf categories when absent */
        categoryLevel?: number;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code, or '_none' (not dispatched) */
        department?: string;
        /** @description received at or after (ISO 8601); a district midnight lets the rollup answer */
        from?: string;
        grid?: string;
        groupBy: 'department' | 'street' | 'community' | 'grid' | 'category' | 'kind' | 'channel';
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        street?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RatesReportDto'];
        };
      };
    };
  };
  StatsController_export: {
    parameters: {
      query: {
        /** @description category code at any level */
        category?: string;
        /** @description with groupBy=category: the level to roll up to (1 = top); leaf categories when absent */
        categoryLevel?: number;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code, or '_none' (not dispatched) */
        department?: string;
        format: 'csv' | 'xlsx';
        /** @description received at or after (ISO 8601); a district midnight lets the rollup answer */
        from?: string;
        grid?: string;
        groupBy: 'department' | 'street' | 'community' | 'grid' | 'category' | 'kind' | 'channel';
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        street?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatsController_repeats: {
    parameters: {
      query?: {
        by?: 'caller' | 'address';
        /** @description category code at any level */
        category?: string;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code, or '_none' (not dispatched) */
        department?: string;
        /** @description received at or after (ISO 8601); a district midnight lets the rollup answer */
        from?: string;
        grid?: string;
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        limit?: components['schemas']['Object'];
        min?: components['schemas']['Object'];
        street?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatsController_trends: {
    parameters: {
      query?: {
        /** @description category code at any level */
        category?: string;
        channel?: 'phone' | 'app' | 'web' | 'wechat' | 'gridPatrol' | 'transfer12345' | 'minxin' | 'enterprisePortal' | 'open311';
        community?: string;
        /** @description lead department code, or '_none' (not dispatched) */
        department?: string;
        /** @description received at or after (ISO 8601); a district midnight lets the rollup answer */
        from?: string;
        grid?: string;
        interval?: 'day' | 'week' | 'month' | 'quarter' | 'year';
        kind?: 'complaint' | 'help' | 'consultation' | 'suggestion' | 'report' | 'praise' | 'enterpriseRequest';
        street?: string;
        /** @description received before (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrendsReportDto'];
        };
      };
    };
  };
  CaseWorkController_suspensions: {
    parameters: {
      query?: {
        limit?: components['schemas']['Object'];
        status?: 'pending' | 'refused' | 'active' | 'ended' | 'lapsed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SuspensionDto'][];
        };
      };
    };
  };
  UpstreamSupervisionController_mappings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        platform: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the city's category texts and the category and kind each maps to */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UpstreamSupervisionController_putMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        platform: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutCategoryMappingDto'];
      };
    };
    responses: {
      /** @description the row as stored (created or changed; audited) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UpstreamSupervisionController_removeMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mappingId: string;
        platform: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UpstreamSupervisionController_deadLetters: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        platform: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description orders whose reports kept failing, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpstreamDeadLetterDto'][];
        };
      };
    };
  };
  UpstreamSupervisionController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orderNo: string;
        platform: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the order after the retry was queued */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpstreamOrderViewDto'];
        };
      };
    };
  };
  UpstreamInboundController_receive: {
    parameters: {
      query?: never;
      header: {
        /** @description sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"> */
        'X-Upstream-Signature': string;
        /** @description Unix time in seconds; ±5 minutes */
        'X-Upstream-Timestamp': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpstreamOrderDto'];
      };
    };
    responses: {
      /** @description an order taken in before: its case */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderTakenDto'];
        };
      };
      /** @description a new order */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderTakenDto'];
        };
      };
    };
  };
  UpstreamSupervisionController_order: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orderNo: string;
        platform: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the order, its case, and every report and decision with its delivery state */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpstreamOrderViewDto'];
        };
      };
    };
  };
  UpstreamInboundController_decide: {
    parameters: {
      query?: never;
      header: {
        /** @description sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"> */
        'X-Upstream-Signature': string;
        /** @description Unix time in seconds; ±5 minutes */
        'X-Upstream-Timestamp': string;
      };
      path: {
        orderNo: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpstreamDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DecisionOutcomeDto'];
        };
      };
    };
  };
  UpstreamSupervisionController_returnOrder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orderNo: string;
        platform: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReturnOrderDto'];
      };
    };
    responses: {
      /** @description the order, with its returned report */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpstreamOrderViewDto'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        /** @description true: active users only; false: disabled ones only */
        active?: boolean;
        /** @description department code */
        department?: string;
        page?: components['schemas']['Object'];
        pageSize?: components['schemas']['Object'];
        role?: 'admin' | 'operator' | 'dispatcher' | 'departmentStaff' | 'departmentLead' | 'supervisor' | 'gridWorker';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserPageDto'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
    };
  };
  UsersController_read: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
    };
  };
  UsersController_resetSecondFactor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_signIns: {
    parameters: {
      query?: {
        page?: components['schemas']['Object'];
        pageSize?: components['schemas']['Object'];
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInPageDto'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_details: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
