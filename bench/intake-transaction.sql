-- One intake transaction exactly as the API sent it (POST /api/v1/cases, bench/bench-settings.ts CASE_BODY),
-- captured by `npm run bench:capture`: do not edit by hand, recapture. Parameters are inlined as literals;
-- :sN_* variables come from earlier answers (\gset), :ref_* variables are seeded rows resolved by
-- bench/intake-transaction.references.json in the database the bench runs against.

START TRANSACTION;

SELECT nextval('case_no_seq') AS seq, now() AS now \gset s1_

INSERT INTO cases (case_no, status, kind, category_id, channel, priority, title, description, address, lat, lng,
                            street_id, community_id, grid_id, caller_name_sealed, caller_phone_sealed, caller_phone_hash,
                            confidential, created_by_id, received_at, updated_at)
         VALUES ('XG20261129:s1_seq', 'received', 'complaint', ':ref_categories_heating_no_heat', 'phone', 'normal', '暖气不热', '家里暖气不热，室温只有12度，老人孩子受不了', '白云街道云峰社区5号楼2单元', '38.908793', '121.602056', ':ref_streets_baiyun', ':ref_communities_baiyun_01', ':ref_grids_baiyun_01_g1', 'v1:YbGpejdic6Qzh+TF:hpdRywfM/stILqNZMatVCw==:UY2KlROX', 'v1:1EbAE2R4mLGiz2nH:0VA+B2tJupmL2i9+65sElg==:QiXiyMqJdQV7SY4=', '90ecc9ef9d6c2978aa3d6c8d9a6a0e69202d379bffc4d8848c4c474157653c81', 'false', ':ref_users_operator', ':s1_now', ':s1_now')
         RETURNING id \gset s2_

INSERT INTO case_events (case_id, type, actor_id, actor_name, actor_role, from_status, to_status, note, data)
     VALUES (':s2_id', 'received', ':ref_users_operator', '话务员 王丽', 'operator', NULL, 'received', NULL, '{"channel":"phone","caseNo":"XG20261129:s1_seq"}'::jsonb) RETURNING id::text AS id;

INSERT INTO "outbox"("id", "queue", "job_name", "job_id", "action", "payload", "run_at", "created_at", "published_at", "attempts", "last_error") VALUES (DEFAULT, 'stats', 'project-case-stats', 'project-case-stats.:s2_id.e2', DEFAULT, '{"caseId":":s2_id","eventId":"2"}', NULL, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "action", "created_at", "attempts";

SELECT pg_notify('hotline_outbox', '');

INSERT INTO "outbox"("id", "queue", "job_name", "job_id", "action", "payload", "run_at", "created_at", "published_at", "attempts", "last_error") VALUES (DEFAULT, 'dispatch', 'route-case', 'route-case.:s2_id.v1', DEFAULT, '{"caseId":":s2_id","version":1}', NULL, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "action", "created_at", "attempts";

SELECT pg_notify('hotline_outbox', '');

COMMIT;
