-- The text-to-image models administrators configured (Khoj's text-to-image model settings), keys sealed (ADR 8), and
-- each user's choice among them (Khoj's per-user text-to-image setting).

create table image_models (
    id             bigint       generated always as identity primary key,
    name           varchar(200) not null unique,
    friendly_name  varchar(200) not null,
    kind           varchar(20)  not null check (kind in ('OPENAI', 'GOOGLE', 'REPLICATE')),
    api_url        text,
    api_key_sealed text,
    price_tier     varchar(20)  not null default 'FREE' check (price_tier in ('FREE', 'STANDARD')),
    created_at     timestamptz  not null default now()
);

create table user_image_models (
    user_id  uuid   primary key references users (id) on delete cascade,
    model_id bigint not null references image_models (id) on delete cascade
);
