-- What an indicator counts (issue 16): an indicator whose unit is "antal" may name its counted noun, so its values read
-- "241 610 invånare" rather than "241 610 antal". Optional; plural form, as it follows a number. Shown only for "antal".
alter table indicator add column counted_noun text
    check (counted_noun is null or (length(counted_noun) between 1 and 40 and counted_noun = btrim(counted_noun)));

-- The demo plan's counts, in a database that loaded it before this column existed (a new one gets them from the demo).
update indicator set counted_noun = 'invånare' where is_demo and code = 'FOLKMANGD' and unit = 'antal';
update indicator set counted_noun = 'patienter' where is_demo and code = 'LISTADE_PER_ALLMANSPECIALIST' and unit = 'antal';
update indicator set counted_noun = 'medarbetare' where is_demo and code = 'MEDARBETARE_PER_CHEF' and unit = 'antal';
