-- Issue 14: a million evaluation rows in seconds. Each evaluation row paid five foreign-key checks (model,
-- benchmark, workspace, and the two (id, workspace_id) pairs of V3), each a query and a row lock per inserted
-- row: measured, more than half of a bulk import's database time. They are replaced by the same guarantees
-- checked once per statement over the statement's rows (set-based):
--  * every inserted evaluation's model and benchmark exist in the evaluation's own workspace, and are locked
--    FOR KEY SHARE as a foreign-key check locks them, so a concurrent delete waits for the import to end;
--  * an evaluation's model, benchmark and workspace never change (the upsert only rewrites values);
--  * deleting a model or benchmark deletes its evaluations (the cascade), and a model's or benchmark's
--    id or workspace cannot change while evaluations refer to it.
-- A workspace's deletion still cascades to its models and benchmarks (their keys stay), and from them to the
-- evaluations. The indexes stay: the identity key (model-led, serves model deletes), (benchmark_id, metric)
-- for selections and benchmark deletes, (workspace_id, id) for listing, public_id for reads by id.

alter table evaluation
    drop constraint evaluation_model_id_fkey,
    drop constraint evaluation_benchmark_id_fkey,
    drop constraint evaluation_workspace_id_fkey,
    drop constraint evaluation_model_workspace,
    drop constraint evaluation_benchmark_workspace;

create function evaluation_check_keys() returns trigger language plpgsql as $$
declare
    wanted bigint;
    locked bigint;
    missing record;
begin
    select count(*) into wanted from (select distinct model_id, workspace_id from new_rows) k;
    select count(*) into locked from (select 1 from model m
        where (m.id, m.workspace_id) in (select model_id, workspace_id from new_rows) for key share of m) x;
    if locked < wanted then
        select n.model_id, n.workspace_id into missing from new_rows n
         where not exists (select from model m where m.id = n.model_id and m.workspace_id = n.workspace_id) limit 1;
        raise foreign_key_violation using message = format(
            'evaluation names model %s, which is not in its workspace %s', missing.model_id, missing.workspace_id),
            constraint = 'evaluation_model_workspace';
    end if;
    select count(*) into wanted from (select distinct benchmark_id, workspace_id from new_rows) k;
    select count(*) into locked from (select 1 from benchmark b
        where (b.id, b.workspace_id) in (select benchmark_id, workspace_id from new_rows) for key share of b) x;
    if locked < wanted then
        select n.benchmark_id, n.workspace_id into missing from new_rows n
         where not exists (select from benchmark b where b.id = n.benchmark_id and b.workspace_id = n.workspace_id)
         limit 1;
        raise foreign_key_violation using message = format(
            'evaluation names benchmark %s, which is not in its workspace %s', missing.benchmark_id,
            missing.workspace_id), constraint = 'evaluation_benchmark_workspace';
    end if;
    return null;
end $$;
create trigger evaluation_keys after insert on evaluation referencing new table as new_rows
    for each statement execute function evaluation_check_keys();

-- fires only for an UPDATE that sets one of these columns (ON CONFLICT DO UPDATE sets none of them)
create function evaluation_keys_fixed() returns trigger language plpgsql as $$
begin
    if (new.model_id, new.benchmark_id, new.workspace_id) is distinct from (old.model_id, old.benchmark_id, old.workspace_id) then
        raise foreign_key_violation using message = 'an evaluation''s model, benchmark and workspace do not change';
    end if;
    return new;
end $$;
create trigger evaluation_keys_fixed before update of model_id, benchmark_id, workspace_id on evaluation
    for each row execute function evaluation_keys_fixed();

create function model_delete_evaluations() returns trigger language plpgsql as $$
begin
    delete from evaluation e using gone g where e.model_id = g.id;
    return null;
end $$;
create trigger model_delete_evaluations after delete on model referencing old table as gone
    for each statement execute function model_delete_evaluations();

create function benchmark_delete_evaluations() returns trigger language plpgsql as $$
begin
    delete from evaluation e using gone g where e.benchmark_id = g.id;
    return null;
end $$;
create trigger benchmark_delete_evaluations after delete on benchmark referencing old table as gone
    for each statement execute function benchmark_delete_evaluations();

create function model_keys_referenced() returns trigger language plpgsql as $$
begin
    if (new.id, new.workspace_id) is distinct from (old.id, old.workspace_id)
            and exists (select from evaluation e where e.model_id = old.id) then
        raise foreign_key_violation using message = format('model %s has evaluations: its id and workspace stay', old.id);
    end if;
    return new;
end $$;
create trigger model_keys_referenced before update of id, workspace_id on model
    for each row execute function model_keys_referenced();

create function benchmark_keys_referenced() returns trigger language plpgsql as $$
begin
    if (new.id, new.workspace_id) is distinct from (old.id, old.workspace_id)
            and exists (select from evaluation e where e.benchmark_id = old.id) then
        raise foreign_key_violation using message = format('benchmark %s has evaluations: its id and workspace stay', old.id);
    end if;
    return new;
end $$;
create trigger benchmark_keys_referenced before update of id, workspace_id on benchmark
    for each row execute function benchmark_keys_referenced();

-- Public ids of new evaluations are time-ordered (the UUID version 7 layout of RFC 9562: 48 bits of Unix
-- milliseconds, then random bits; 70 of them here, so ids stay unguessable): a million new ids go to the right
-- edge of the public_id index instead of a million random pages of it.
create function evaluation_public_id() returns uuid language sql volatile parallel safe as $$
    select encode(overlay(uuid_send(gen_random_uuid())
        placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) || '\x70'::bytea
        from 1 for 7), 'hex')::uuid
$$;
alter table evaluation alter column public_id set default evaluation_public_id();
