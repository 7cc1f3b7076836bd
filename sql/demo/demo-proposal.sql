-- Placeholder of issue 21 (filled by its part): kept so the loader's file list is stable.
select 1;
