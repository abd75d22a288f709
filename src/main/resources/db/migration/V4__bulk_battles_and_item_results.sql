-- Issue 14: battles kept whole (for exports and for telling a re-sent battle from a different one with the
-- same id), models of an arena in a dictionary so a battle row stays small, and item-level results.

-- The models of an arena, numbered once: a battle row holds two integers instead of two names.
create table arena_model (
    id       integer generated always as identity primary key,
    arena_id bigint not null references arena (id) on delete cascade,
    name     varchar(200) not null,
    constraint arena_model_name_unique unique (arena_id, name)
);

-- A battle's content beside its id (model_a, model_b: arena_model ids in the order the battle was given;
-- outcome: 0 = A wins, 1 = B wins, 2 = tie). seq orders the battles as they arrived. Battles appended before
-- this migration have no content (nulls): they are counted, compared with nothing, exported without names.
-- No foreign key from model_a/model_b to arena_model: the store writes both in one transaction, and a key
-- check per row would slow million-battle uploads for no gain (an arena's models are deleted with it).
alter table arena_battle
    add column model_a integer,
    add column model_b integer,
    add column outcome smallint check (outcome between 0 and 2),
    add column seq bigint generated always as identity (cache 1000);

-- Without the foreign key to arena: its check locks the arena row once per inserted battle (FOR KEY SHARE),
-- which dominated a million-battle upload. The store holds the arena row locked for the whole append and
-- deletes an arena's battles with it.
alter table arena_battle drop constraint arena_battle_arena_id_fkey;
