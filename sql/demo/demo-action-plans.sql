-- Demo, issue 20: HSN's economic action plan 2025–2027 with seed 003 §4.2.2–4.2.3's figures (amounts in mnkr, as the
-- seed writes them; the åtgärder's names as written there, "Hyroberonde vård" is the seed's spelling).
-- Runs after demo-plan.sql, in the same transaction (see DemoPlanLoader). Nothing here is invented, so nothing is
-- marked exempel; the follow-ups per report period are written in the nämnd's report.

insert into action_plan (plan_version_id, committee_id, name, description, unit, sort_order) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from committee where area_id = '0022' and code = 'HSN'),
    'Ekonomisk handlingsplan 2025–2027',
    'HSN verksamhetsplan 2025 (2026–2027) §4.2.2–4.2.3: "Utgångspunkten inför budget 2025 är att det samlade resultatet visar på ett underskott på ca -570 miljoner kronor (mnkr). […] Det ekonomiska målet för planperioden 2025–2027 är att ekonomin är i balans vid utgången av 2027."',
    'mnkr', 1);

-- §4.2.2 Ekonomisk ram: Ram, Utgångspunkt/resultat and Åtgärder handlingsplan per year, 2024 included as the seed does.
insert into action_plan_year (action_plan_id, year, frame, starting_result, required_effect)
select a.id, y.year, y.frame, y.starting_result, y.required_effect
from action_plan a
join committee c on c.id = a.committee_id and c.area_id = '0022' and c.code = 'HSN'
cross join (values
    (2024, 6653, -600, 30),
    (2025, 6894, -570, 225),
    (2026, 6999, -345, 250),
    (2027, 7217, -95, 95)) as y (year, frame, starting_result, required_effect)
where a.name = 'Ekonomisk handlingsplan 2025–2027';

-- §4.2.3 Åtgärdsområden, in the seed's order.
insert into action_measure (action_plan_id, name, sort_order)
select a.id, m.name, m.sort_order
from action_plan a
join committee c on c.id = a.committee_id and c.area_id = '0022' and c.code = 'HSN'
cross join (values
    ('Hyroberonde vård', 1),
    ('Effektivare bemanningsplanering', 2),
    ('Strukturförändringar inkl utredning sjukhusstruktur', 3),
    ('Läkemedel', 4),
    ('Effektivare administration', 5),
    ('Köpt vård', 6),
    ('Smarta Inköp', 7)) as m (name, sort_order)
where a.name = 'Ekonomisk handlingsplan 2025–2027';

-- Budget 2025, 2026 and 2027 per åtgärd; Effektivare administration plans for 2025 only, as in the seed.
insert into action_measure_effect (measure_id, year, planned)
select m.id, e.year, e.planned
from action_measure m
join action_plan a on a.id = m.action_plan_id and a.name = 'Ekonomisk handlingsplan 2025–2027'
join committee c on c.id = a.committee_id and c.area_id = '0022' and c.code = 'HSN'
join (values
    ('Hyroberonde vård', 2025, 70), ('Hyroberonde vård', 2026, 50), ('Hyroberonde vård', 2027, 30),
    ('Effektivare bemanningsplanering', 2025, 20), ('Effektivare bemanningsplanering', 2026, 40), ('Effektivare bemanningsplanering', 2027, 40),
    ('Strukturförändringar inkl utredning sjukhusstruktur', 2025, 25), ('Strukturförändringar inkl utredning sjukhusstruktur', 2026, 65),
    ('Strukturförändringar inkl utredning sjukhusstruktur', 2027, 85),
    ('Läkemedel', 2025, 25), ('Läkemedel', 2026, 25), ('Läkemedel', 2027, 25),
    ('Effektivare administration', 2025, 15),
    ('Köpt vård', 2025, 50), ('Köpt vård', 2026, 30), ('Köpt vård', 2027, 15),
    ('Smarta Inköp', 2025, 35), ('Smarta Inköp', 2026, 25), ('Smarta Inköp', 2027, 20)) as e (name, year, planned)
    on e.name = m.name;

-- Example follow-up (exempel) in the årsrapport 2025: each åtgärd's realised effect for the year, below the plan as the
-- seed warns ("besparingspotentialen i framtagna förslag från verksamheterna överskattas"). HSN's report there is
-- created here, open, as reading the period would create it.
insert into committee_report (report_period_id, committee_id)
select rp.id, c.id
from report_period rp
join plan_version v on v.id = rp.plan_version_id join plan p on p.id = v.plan_id
join committee c on c.area_id = p.area_id and c.code = 'HSN'
where p.area_id = '0022' and rp.year = 2025 and rp.kind = 'annual'
on conflict do nothing;

insert into action_measure_follow_up (measure_id, report_period_id, committee_id, realised, forecast, comment, is_example, updated_by)
select m.id, rp.id, a.committee_id, f.realised, f.realised, f.comment, true, 'demo'
from action_measure m
join action_plan a on a.id = m.action_plan_id and a.name = 'Ekonomisk handlingsplan 2025–2027'
join committee c on c.id = a.committee_id and c.area_id = '0022' and c.code = 'HSN'
join report_period rp on rp.plan_version_id = a.plan_version_id and rp.year = 2025 and rp.kind = 'annual'
join (values
    ('Hyroberonde vård', 45, 'Exempel: färre hyrläkare från hösten, men hyrsjuksköterskor i sommar.'),
    ('Effektivare bemanningsplanering', 12, 'Exempel: schemaläggningsverktyget infört i hälften av verksamheterna.'),
    ('Strukturförändringar inkl utredning sjukhusstruktur', 10, 'Exempel: utredningen klar i december; effekterna kommer 2026–2027.'),
    ('Läkemedel', 28, 'Exempel: byte till biosimilarer gav mer än planerat.'),
    ('Effektivare administration', 15, 'Exempel: enligt plan.'),
    ('Köpt vård', 30, 'Exempel: fler remisser till egen regi, men köpt vård inom psykiatrin ökade.'),
    ('Smarta Inköp', 36, 'Exempel: nytt avtal för förbrukningsmaterial.')) as f (name, realised, comment)
    on f.name = m.name;
