-- The page readers an administrator configured, as Khoj's web-scraper settings: tried from the lowest priority up.
-- A vendor's API key is stored sealed (AES-GCM, ADR 8), never in clear.

create table web_scrapers (
    id             uuid         primary key,
    name           varchar(200) not null unique,
    kind           varchar(20)  not null check (kind in ('FIRECRAWL', 'OLOSTEP', 'EXA', 'DIRECT')),
    api_url        text,
    api_key_sealed text,
    priority       integer      not null unique check (priority >= 0),
    updated_at     timestamptz  not null default now()
);
