-- Issue 14: item-level results (model x item x score, optional subject, several samples per item), stored
-- compactly. A benchmark's items are numbered once in a dictionary (one row per benchmark: the item keys and
-- their subjects as arrays, index = position); a (benchmark, model, sample) series is one row whose scores
-- are a packed array of float64 little-endian (8 bytes per item, NaN = not scored) aligned with that
-- dictionary. 10 M cells (100 models x 100,000 items) are 100 series rows and one dictionary row, not 10 M rows.
create table item_catalog (
    benchmark_id bigint primary key,
    workspace_id bigint not null,
    item_keys    text[] not null,
    subjects     text[] not null,
    updated_at   timestamptz not null default now(),
    constraint item_catalog_same_length check (cardinality(item_keys) = cardinality(subjects)),
    constraint item_catalog_benchmark foreign key (benchmark_id, workspace_id)
        references benchmark (id, workspace_id) on delete cascade
);

create table item_result (
    id           bigint generated always as identity primary key,
    workspace_id bigint not null,
    benchmark_id bigint not null,
    model_id     bigint not null,
    sample       integer not null check (sample >= 0),
    scored       integer not null check (scored >= 0),
    scores       bytea not null check (length(scores) % 8 = 0),
    created_at   timestamptz not null default now(),
    constraint item_result_series unique (benchmark_id, model_id, sample),
    constraint item_result_catalog foreign key (benchmark_id) references item_catalog (benchmark_id) on delete cascade,
    constraint item_result_benchmark foreign key (benchmark_id, workspace_id)
        references benchmark (id, workspace_id) on delete cascade,
    constraint item_result_model foreign key (model_id, workspace_id)
        references model (id, workspace_id) on delete cascade
);
-- a model's deletion finds its series
create index item_result_model_idx on item_result (model_id);
-- float64 scores hardly compress (0/1 scores would, but pglz on megabytes costs more than it saves here):
-- stored out of line without compression
alter table item_result alter column scores set storage external;
