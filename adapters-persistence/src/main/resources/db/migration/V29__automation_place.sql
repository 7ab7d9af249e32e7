-- Where the owner was when they made an automation (their client's city, region and country): each run's answer and
-- its web searches are for that place, as the chat turn that made it would have been.
alter table automations add column city text, add column region text, add column country text;
