-- Granskare (issue 19): reviews a nämnd's submitted report, returns it or finalises it. Scoped to one nämnd (its
-- secretary) or, without a committee, to every nämnd (the controller function). A Nämnd role still needs its
-- committee; the other roles never have one.
insert into app_role (name, description) values
    ('Granskare', 'Läser allt; granskar inlämnade rapporter och fastställer dem');

alter table user_role drop constraint user_role_check;
alter table user_role add constraint user_role_committee_scope check (
    case role
        when 'Namnd' then committee_id is not null
        when 'Granskare' then true
        else committee_id is null
    end);
