-- One intake transaction exactly as the API sent it (POST /api/v1/cases, bench/bench-settings.ts CASE_BODY),
-- captured by `npm run bench:capture`: do not edit by hand, recapture. Parameters are inlined as literals;
-- :sN_* variables come from earlier answers (\gset), :ref_* variables are seeded rows resolved by
-- bench/intake-transaction.references.json in the database the bench runs against.

START TRANSACTION;

SELECT nextval('case_no_seq') AS seq, now() AS now, gen_random_uuid() AS id \gset s1_

WITH created AS (
           INSERT INTO cases AS c (id, case_no, status, kind, category_id, channel, priority, title, description, address, lat, lng,
                                   street_id, community_id, grid_id, caller_name_sealed, caller_phone_sealed, caller_phone_hash,
                                   confidential, created_by_id, received_at, updated_at)
           VALUES (':s1_id', 'XG20261130:s1_seq', 'received', 'complaint', ':ref_categories_heating_no_heat', 'phone', 'normal', '暖气不热', '家里暖气不热，室温只有12度，老人孩子受不了', '白云街道云峰社区5号楼2单元', '38.908793', '121.602056', ':ref_streets_baiyun', ':ref_communities_baiyun_01', ':ref_grids_baiyun_01_g1', 'v1:3U55ZXSayS2eidNA:xMCW4df/I/wLWyh3scYyqQ==:I3W/VDvo', 'v1:0ANM6dEAZ59yiNy5:YYglPdRQSu+z1Kcu8ZnGcg==:EWTVcl0NYqjLZgI=', '90ecc9ef9d6c2978aa3d6c8d9a6a0e69202d379bffc4d8848c4c474157653c81', 'false', ':ref_users_operator', ':s1_now', ':s1_now')
           RETURNING 
  c.id, c.case_no AS "caseNo", c.version, c.status, c.kind, c.category_id AS "categoryId", c.channel, c.priority,
  c.title, c.description, c.address, c.lat, c.lng, c.street_id AS "streetId", c.community_id AS "communityId",
  c.grid_id AS "gridId", c.caller_name_sealed AS "callerNameSealed", c.caller_phone_sealed AS "callerPhoneSealed",
  c.confidential, c.lead_department_id AS "leadDepartmentId", c.assisting_department_ids AS "assistingDepartmentIds",
  c.returns_count AS "returnsCount", c.extensions_count AS "extensionsCount", c.reopens_count AS "reopensCount",
  c.urges_count AS "urgesCount", c.merged_into_id AS "mergedIntoId", c.supervision_level AS "supervisionLevel",
  c.assignee_id AS "assigneeId", c.created_by_id AS "createdById", c.received_at AS "receivedAt", c.dispatched_at AS "dispatchedAt", c.updated_at AS "updatedAt",
  c.sla_stage AS "slaStage", c.sla_deadline AS "slaDeadline", c.sla_warn_at AS "slaWarnAt",
  (SELECT json_agg(json_build_object('stage', d.stage, 'policyCode', d.policy_code, 'startedAt', d.started_at,
          'deadline', d.deadline, 'warnAt', d.warn_at, 'reason', d.reason, 'endedAt', d.ended_at, 'breachedAt', d.breached_at,
          'unit', d.unit, 'calendar', d.calendar)
          ORDER BY d.created_at, d.deadline)
     FROM case_deadlines d WHERE d.case_id = c.id) AS "slaDeadlines",
  (SELECT e.note FROM case_events e WHERE e.case_id = COALESCE(c.merged_into_id, c.id) AND e.type IN ('replied', 'directAnswered')
    ORDER BY e.id DESC LIMIT 1) AS "result",
  (SELECT json_agg(json_build_object('id', m.id, 'caseNo', m.case_no) ORDER BY m.case_no)
     FROM cases m WHERE m.merged_into_id = c.id) AS "mergedCases",
  (SELECT json_build_object('id', f.id, 'caseNo', f.case_no) FROM cases f WHERE f.id = c.follow_up_of_id) AS "followUpOf"),
         events AS (
      INSERT INTO case_events (case_id, type, actor_id, actor_name, actor_role, from_status, to_status, note, data)
      VALUES (':s1_id'::uuid, 'received', ':ref_users_operator'::uuid, '话务员 王丽', 'operator', NULL, 'received', NULL, '{"channel":"phone","caseNo":"XG20261130:s1_seq","placement":{"method":"coordinates"}}'::jsonb) RETURNING id),
    stats_intent AS (INSERT INTO outbox (queue, job_name, job_id, payload)
    SELECT 'stats', 'project-case-stats', 'project-case-stats.:s1_id.e' || (max(events.id))::text || '', jsonb_set('{"caseId":":s1_id","eventId":""}'::jsonb, '{eventId}'::text[], to_jsonb((max(events.id))::text))
      FROM events), route_intent AS (INSERT INTO outbox (queue, job_name, job_id, payload, run_at, action) VALUES ('dispatch', 'route-case', 'route-case.:s1_id.v1', '{"caseId":":s1_id","version":1}'::jsonb, NULL::timestamptz, 'add')),
         wake AS (SELECT pg_notify('hotline_outbox', ''))
         SELECT created.* FROM created, wake;

COMMIT;
