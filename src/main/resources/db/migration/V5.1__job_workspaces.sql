-- Jobs belong to a workspace like every stored resource (V3 gave the older tables theirs): the submitter's.
-- Existing jobs move into the default workspace. A sub-version of V5, the jobs migration it extends.
alter table job add column workspace_id bigint references workspace (id) on delete cascade;
update job set workspace_id = (select id from workspace where name = 'default');
alter table job alter column workspace_id set not null;
create index job_workspace on job (workspace_id, created_at);
