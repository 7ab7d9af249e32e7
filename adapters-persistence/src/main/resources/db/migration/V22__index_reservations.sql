-- Room reserved in a user's index by uploads still being indexed, so that concurrent uploads cannot pass the total
-- indexed size limit together. A reservation is given back when its upload is done; one whose upload died stops
-- counting after a few hours and is purged with the usage counters.

create table index_reservations (
    user_id     uuid         not null references users (id) on delete cascade,
    upload_id   varchar(100) not null,
    bytes       bigint       not null check (bytes >= 0),
    reserved_at timestamptz  not null,
    primary key (user_id, upload_id)
);
create index index_reservations_time_idx on index_reservations (reserved_at);
