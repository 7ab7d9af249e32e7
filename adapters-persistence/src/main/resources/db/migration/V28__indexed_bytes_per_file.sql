-- The size of each file's indexed text (its chunks' compiled text in bytes), kept with the file's record, so a user's
-- indexed size is a sum over one row per file. It was summed over every entry's text, read out of TOAST: about 0.4 s
-- at 100,000 entries, on every upload (the index-space check) and every size request.
alter table indexed_files add column indexed_bytes bigint not null default 0;

update indexed_files f
set indexed_bytes = s.bytes
from (select user_id, file_path, sum(octet_length(compiled)) as bytes
      from entries
      where user_id is not null
      group by user_id, file_path) s
where s.user_id = f.user_id and s.file_path = f.file_name;
