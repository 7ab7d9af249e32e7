-- Vectors stay in their row. pgvector stores a vector EXTERNAL: a 384-dimension vector (1.5 kB) beside an entry's
-- compressed texts pushes the row past PostgreSQL's 2 kB toasting target, and the vector, the largest value, went to
-- the TOAST table. Every distance the search computes from the row (the results, the keyword-only candidates, an
-- exact scan of a small owner's entries, ADR 36) then costs a TOAST index lookup. MAIN keeps the vector inline and
-- moves the texts out first, which the search reads only for the results it returns.
-- Rows written before this migration keep their layout until they are rewritten (a re-index, or VACUUM FULL).
alter table entries alter column embedding set storage main;
