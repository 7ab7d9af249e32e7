-- Keyword postings: one row per (entry, stemmed word) holding that word's BM25 weight in the entry, kept in step with
-- entries by triggers. Ordered per owner and word by weight, so the keyword ranker reads each query word's best entries
-- from the index alone instead of reading and scoring thousands of rows' tsvectors.
--
-- impact = tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / 128)), k1 = 1.2, b = 0.75: tf is how often the word occurs in
-- the entry's compiled text, len the entry's word count after stop words (chunks hold at most 256 words, 128 is
-- their typical length). The ranker multiplies it by the word's inverse document frequency at query time.

create table entry_terms (
    user_id   uuid        not null,
    lexeme    text        not null,
    file_type varchar(16) not null,
    impact    real        not null,
    entry_id  uuid        not null references entries (id) on delete cascade
);

-- the ranker's scan: a word's entries for one owner, best first; file_type is there so a type filter stays index-only
create index entry_terms_by_impact on entry_terms (user_id, lexeme, impact desc) include (entry_id, file_type);
-- cascade deletes, and the scoring of the entries a filtered search selected
create index entry_terms_by_entry on entry_terms (entry_id, lexeme) include (impact);

-- one entry's postings
create function entry_postings(owner uuid, type varchar, entry uuid, words tsvector)
    returns table (user_id uuid, lexeme text, file_type varchar, impact real, entry_id uuid)
    language sql immutable parallel safe as
$$
select owner, t.lexeme, type, (t.tf * 2.2 / (t.tf + 1.2 * (0.25 + 0.75 * l.len / 128.0)))::real, entry
from (select u.lexeme, coalesce(cardinality(u.positions), 1) as tf from unnest(words) u) t,
     (select coalesce(sum(coalesce(cardinality(u.positions), 1)), 0) as len from unnest(words) u) l
$$;

create function entry_terms_on_insert() returns trigger
    language plpgsql as
$$
begin
    insert into entry_terms (user_id, lexeme, file_type, impact, entry_id)
    select p.* from inserted_entries e, entry_postings(e.user_id, e.file_type, e.id, e.search_vector) p;
    return null;
end
$$;

create trigger entries_postings_on_insert
    after insert on entries
    referencing new table as inserted_entries
    for each statement execute function entry_terms_on_insert();

-- entries are written once (only their embedding is ever updated); should their text, type or owner change, their
-- postings follow
create function entry_terms_on_update() returns trigger
    language plpgsql as
$$
begin
    delete from entry_terms where entry_id = old.id;
    insert into entry_terms (user_id, lexeme, file_type, impact, entry_id)
    select p.* from entry_postings(new.user_id, new.file_type, new.id, new.search_vector) p;
    return null;
end
$$;

create trigger entries_postings_on_update
    after update of compiled, file_type, user_id on entries
    for each row execute function entry_terms_on_update();

-- what was indexed before this migration
insert into entry_terms (user_id, lexeme, file_type, impact, entry_id)
select p.* from entries e, entry_postings(e.user_id, e.file_type, e.id, e.search_vector) p;
