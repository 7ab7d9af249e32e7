-- Agent knowledge (ADR 0016): entries copied from the creator's files, owned by the agent instead of a user. An entry
-- has exactly one owner; deleting the agent deletes its knowledge. The creator's own entries are never shared.
alter table entries alter column user_id drop not null;
alter table entries add column agent_id uuid references agents (id) on delete cascade;
alter table entries add constraint entries_one_owner check ((user_id is null) <> (agent_id is null));
create index entries_by_agent on entries (agent_id, file_path) where agent_id is not null;

-- the files the agent was given (its knowledge is the copy of their entries made when the agent was last saved)
alter table agents add column knowledge_files text[] not null default '{}';

-- Keyword postings and mentioned dates keep one owner key: the user, or the agent for its knowledge (neither column
-- has a foreign key; an agent's rows go with its entries).
create or replace function entry_terms_on_insert() returns trigger
    language plpgsql as
$$
begin
    insert into entry_terms (user_id, lexeme, file_type, impact, entry_id)
    select p.* from inserted_entries e,
                    entry_postings(coalesce(e.user_id, e.agent_id), e.file_type, e.id, e.search_vector) p;
    return null;
end
$$;

create or replace function entry_terms_on_update() returns trigger
    language plpgsql as
$$
begin
    delete from entry_terms where entry_id = old.id;
    insert into entry_terms (user_id, lexeme, file_type, impact, entry_id)
    select p.* from entry_postings(coalesce(new.user_id, new.agent_id), new.file_type, new.id, new.search_vector) p;
    return null;
end
$$;
