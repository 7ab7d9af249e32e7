-- Files an upload refused (damaged, encrypted, a zip bomb, too large to read), with the reason, so the user can see
-- why a file never appeared (issue 25 item 10). One row per user and name, the latest refusal; the application keeps
-- the newest 100 per user and drops a row once the file is indexed or deleted. Names are unique through their md5:
-- a long path would not fit a b-tree entry.

create table refused_files (
    user_id    uuid         not null references users (id) on delete cascade,
    file_name  text         not null,
    reason     varchar(500) not null,
    refused_at timestamptz  not null
);

create unique index refused_files_one_per_name on refused_files (user_id, md5(file_name));
create index refused_files_recent on refused_files (user_id, refused_at desc);
