-- An arena's battles in blocks instead of one row each: a block holds the battles of one upload chunk (at most
-- 50,000) in arrival order as two byte strings, so two million battles are some forty rows and a million-battle
-- upload writes a few megabytes instead of maintaining a two-million-key index (the store's BattleBlocks).
--   battle_ids: per battle, a 2-byte big-endian length then the id's UTF-8 bytes;
--   battles:    per battle, 9 bytes: model A and model B (arena_model ids, int4 big-endian, in the order the
--               battle was given), then the outcome (0 = A wins, 1 = B wins, 2 = tie); model A 0 marks a battle
--               appended before contents were kept (V4), exported without names and equal to any content.
-- Idempotency (a battle id is stored once per arena) is kept by the store: an upload loads the arena's ids under
-- the arena's row lock and writes only unseen ones. Stored without compression (storage external): the ids are
-- short and compressing them costs more time than the bytes it saves.
create table arena_battle_block (
    arena_id     bigint not null references arena (id) on delete cascade,
    workspace_id bigint not null references workspace (id) on delete cascade,
    block_no     integer not null,
    size         integer not null check (size > 0),
    battle_ids   bytea not null,
    battles      bytea not null,
    constraint arena_battle_block_pk primary key (arena_id, block_no),
    constraint arena_battle_block_size check (octet_length(battles) = 9 * size)
);
alter table arena_battle_block alter column battle_ids set storage external;
alter table arena_battle_block alter column battles set storage external;

-- existing battles, in their arrival order (seq), 50,000 to a block
insert into arena_battle_block (arena_id, workspace_id, block_no, size, battle_ids, battles)
select b.arena_id, a.workspace_id, b.block_no, count(*)::int,
       string_agg(int2send(octet_length(convert_to(b.battle_id, 'UTF8'))::int2) || convert_to(b.battle_id, 'UTF8'),
                  ''::bytea order by b.seq),
       string_agg(int4send(coalesce(b.model_a, 0)) || int4send(coalesce(b.model_b, 0))
                  || set_byte('\x00'::bytea, 0, coalesce(b.outcome, 0)), ''::bytea order by b.seq)
  from (select arena_id, battle_id, model_a, model_b, outcome, seq,
               ((row_number() over (partition by arena_id order by seq)) - 1) / 50000 as block_no
          from arena_battle) b
  join arena a on a.id = b.arena_id
 group by b.arena_id, a.workspace_id, b.block_no;

drop table arena_battle;
