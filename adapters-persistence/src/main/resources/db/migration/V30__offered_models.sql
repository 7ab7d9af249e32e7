-- The model names an OpenAI-compatible server's own list offered when the server seeded it from the environment: a
-- later start adds only the names it offers anew, so a model an administrator deleted is not brought back. Existing
-- APIs start from the models they have.
alter table ai_model_apis add column offered_models text[] not null default '{}';

update ai_model_apis a
set offered_models = coalesce((select array_agg(m.name order by m.name) from chat_models m
                               where m.ai_model_api_id = a.id), '{}');
