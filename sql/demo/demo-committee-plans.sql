-- Demo, issue 20: HSN's nämndplan (verksamhetsplan 2025): its delmål under the regionplan's mål, with indicators and målvärden (seed 003).
-- Runs after demo-plan.sql, in the same transaction (see DemoPlanLoader).

-- HSN's nämndplan: seed 003 is Hälso- och sjukvårdsnämndens "Verksamhetsplan 2025 (2026-2027)", which "bygger på regionplan
-- 2025–2027, med dess långsiktiga målsättningar och mål" and "upprättas för tre år". No adoption record: the seed names
-- no meeting or §, and the demo invents none here.
insert into committee_plan (plan_version_id, committee_id, name, start_year, end_year) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from committee where area_id = '0022' and code = 'HSN'),
    'Verksamhetsplan 2025 (2026–2027)', 2025, 2027);

-- Delmål under the mål each indicator serves in the demo (demo-plan.sql): listade patienter under 2.1 (tillgänglig vård),
-- kostnad per DRG-poäng under 2.2 (kunskapsbaserad, trygg och säker vård).
insert into sub_goal (committee_plan_id, goal_id, code, name, description, sort_order) values (
    (select cp.id from committee_plan cp join committee c on c.id = cp.committee_id
        where c.area_id = '0022' and c.code = 'HSN' and cp.name = 'Verksamhetsplan 2025 (2026–2027)'),
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.1'),
    'HSN-2.1.1', 'Listade patienter per allmänspecialist i primärvården 1 100 sett över tid',
    'HSN verksamhetsplan 2025 (2026–2027) §3.3.1: "Ambitionen är att Region Västernorrland ska verka för att minska antalet listade patienter per allmänspecialist i primärvården, till 1100 sett över tid. Uppdraget till förvaltningen är att tillsammans med vårdval arbeta fram en gemensam åtgärdsplan för att realisera riktvärdet antalet listade patienter."',
    1);
insert into sub_goal (committee_plan_id, goal_id, code, name, description, sort_order) values (
    (select cp.id from committee_plan cp join committee c on c.id = cp.committee_id
        where c.area_id = '0022' and c.code = 'HSN' and cp.name = 'Verksamhetsplan 2025 (2026–2027)'),
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.2'),
    'HSN-2.2.1', 'Kostnad per DRG-poäng högst 7,5 % över riket 2027',
    'HSN verksamhetsplan 2025 (2026–2027) §4.1: "Enligt Regionplanen skall kostnaden per DRG-poäng vid planperiodens slut (2027) förbättras avsevärt och nämndens målsättning är att det uppgår till högst 7,5 procent över snittet i riket för jämförbara sjukhus."',
    2);

insert into sub_goal_indicator (sub_goal_id, indicator_id, sort_order) values (
    (select s.id from sub_goal s join committee_plan cp on cp.id = s.committee_plan_id join committee c on c.id = cp.committee_id
        where c.area_id = '0022' and c.code = 'HSN' and s.code = 'HSN-2.1.1'),
    (select id from indicator where area_id = '0022' and code = 'LISTADE_PER_ALLMANSPECIALIST'), 1);
insert into sub_goal_indicator (sub_goal_id, indicator_id, sort_order) values (
    (select s.id from sub_goal s join committee_plan cp on cp.id = s.committee_plan_id join committee c on c.id = cp.committee_id
        where c.area_id = '0022' and c.code = 'HSN' and s.code = 'HSN-2.2.1'),
    (select id from indicator where area_id = '0022' and code = 'DRG_AVVIKELSE_RIKET'), 1);

-- The nämndplan's målvärden (target rows with the plan's committee_plan_id, beside the regionplan's own). Seed 003 gives
-- the end points: 1 100 "sett över tid" (laid on the period's last year) and "högst 7,5 procent över snittet i riket"
-- at "planperiodens slut (2027)". The seed gives no yearly path, so the nämnd's målvärden are 2027's only; the years
-- before are judged against the regionplan's (exempel) path.
insert into target_value (plan_version_id, committee_plan_id, indicator_id, year, gender, value, provenance, is_example)
select cp.plan_version_id, cp.id, (select id from indicator where area_id = '0022' and code = 'LISTADE_PER_ALLMANSPECIALIST'), 2027, null, 1100,
       'HSN verksamhetsplan 2025 (2026–2027) §3.3.1 ("till 1100 sett över tid", här lagt på planperiodens sista år)', false
from committee_plan cp join committee c on c.id = cp.committee_id
where c.area_id = '0022' and c.code = 'HSN' and cp.name = 'Verksamhetsplan 2025 (2026–2027)';
insert into target_value (plan_version_id, committee_plan_id, indicator_id, year, gender, value, provenance, is_example)
select cp.plan_version_id, cp.id, (select id from indicator where area_id = '0022' and code = 'DRG_AVVIKELSE_RIKET'), 2027, null, 7.5,
       'HSN verksamhetsplan 2025 (2026–2027) §4.1 ("högst 7,5 procent över snittet i riket för jämförbara sjukhus", vid planperiodens slut 2027)', false
from committee_plan cp join committee c on c.id = cp.committee_id
where c.area_id = '0022' and c.code = 'HSN' and cp.name = 'Verksamhetsplan 2025 (2026–2027)';
