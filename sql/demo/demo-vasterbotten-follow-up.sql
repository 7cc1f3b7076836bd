-- Demo: how Region Västerbotten follows up its plan (seed 001, Regionplan 2024–2027 med budget 2025). Runs after
-- demo-vasterbotten.sql in the same transaction (DemoPlanLoader); every row is found with the organisation (area 0024).
--
-- 1. The follow-up rule of bilaga 2 (§6.2, "Uppföljning"): the nämnder follow up fullmäktige's mål in the delårsrapport (a prognos
--    for the year's end) and in the årsredovisning (an assessment: uppfyllts, delvis uppfyllts or inte uppfyllts). The
--    budget year 2025 has both, open: delårsrapport 2025 ('interim') and årsredovisning 2025 ('annual').
-- 2. The thirteen riktade uppdrag of §3.4's table, in the seed's words (not examples), given by Regionfullmäktige (no
--    giving nämnd) to the nämnder, styrelser and beredningar the table names, for the budget year 2025. "Alla nämnder och
--    styrelser" is the six nämnder and styrelser. The seed ties no uppdrag to a mål; the mål each is placed under is
--    ours, chosen where the uppdrag evidently serves it (the tjänsteresor uppdrag is mål F.4 word for word), and left out
--    where none does.
-- 3. Example follow-ups (exempel) in the delårsrapport 2025, with the prognos of when each is done, so Västerbotten's
--    uppdrag pages show how a follow-up reads. None closes an uppdrag.

insert into report_period (plan_version_id, year, kind, created_by)
select v.id, 2025, r.kind, 'demo'
from plan_version v join plan p on p.id = v.plan_id
cross join (values ('interim'), ('annual')) as r (kind)
where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025';

insert into assignment (plan_version_id, code, text, given_by_committee_id, goal_id, start_date, end_date, is_example, sort_order)
select v.id, x.code, x.text, null,
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = v.id and g.code = x.goal_code),
    date '2025-01-01', date '2025-12-31', false, x.sort_order
from plan_version v
join plan p on p.id = v.plan_id
join (values
    ('RU-1', 1, 'F.1', 'Ta fram konsekvensunderlag och förslag på åtgärder för att minska personalkostnaden motsvarande 250 miljoner kronor'),
    ('RU-2', 2, '5', 'Minska hyrberoendet'),
    ('RU-3', 3, '4', 'Identifiera och initiera ett fokusarbete för att förbättra tillgängligheten vid valda enheter'),
    ('RU-4', 4, '4', 'Utifrån kloka kliniska val och dess struktur genomföra prioriteringar för minskad vårdkonsumtion'),
    ('RU-5', 5, null, 'Stärka vår ledning och styrning genom identifierade delaktiviteter 2025'),
    ('RU-6', 6, '4', 'Genomför prioriterade åtgärder som syftar till att stärka omställningen till nära vård'),
    ('RU-7', 7, 'F.4', 'Minska kostnader för tjänsteresor i Region Västerbotten med 15 procent i jämförelse med år 2023'),
    ('RU-8', 8, '3', 'Beskriva kommunernas största utmaningar och möjligheter inom regional utveckling och hållbar tillväxt, utifrån den regionala utvecklingsstrategin'),
    ('RU-9', 9, '6', 'Hämta in synpunkter på vad västerbottningen vill förbättra när det gäller Region Västerbottens hållbarhetsarbete utifrån Agenda 2030'),
    ('RU-10', 10, '5', 'Lyfta goda exempel på hur avtalssamverkan mellan kommuner och mellan kommuner och regioner kan förbättra kompetensförsörjningen'),
    ('RU-11', 11, '5', 'Undersöka hur arbetsgivare kan attrahera sin befintliga personal att jobba kvar på sin arbetsplats även efter pensionsåldern'),
    ('RU-12', 12, '5', 'Presentera goda exempel på arbete inom jämställdhet, jämlikhet och antidiskriminering som kan bidra till kompetensförsörjningen'),
    ('RU-13', 13, '5', 'Undersöka vilka aktörer som är drivande i kompetensförsörjningsarbetet på olika nivåer i Sverige')
) as x (code, sort_order, goal_code, text) on true
where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025';

-- The receivers as the table's "Riktas till" column names them, in its order.
insert into assignment_receiver (assignment_id, committee_id, level, sort_order)
select a.id, c.id, 'committee', x.sort_order
from (values
    ('RU-1', 'RS', 0), ('RU-1', 'HSN', 1), ('RU-1', 'RUN', 2), ('RU-1', 'FHS', 3), ('RU-1', 'PN', 4), ('RU-1', 'KLN', 5),
    ('RU-2', 'HSN', 0), ('RU-2', 'RS', 1),
    ('RU-3', 'HSN', 0), ('RU-3', 'RS', 1),
    ('RU-4', 'HSN', 0),
    ('RU-5', 'HSN', 0), ('RU-5', 'RS', 1), ('RU-5', 'RUN', 2), ('RU-5', 'FHS', 3),
    ('RU-6', 'HSN', 0), ('RU-6', 'RS', 1),
    ('RU-7', 'RS', 0), ('RU-7', 'HSN', 1), ('RU-7', 'RUN', 2), ('RU-7', 'FHS', 3), ('RU-7', 'PN', 4), ('RU-7', 'KLN', 5),
    ('RU-8', 'BSRU', 0),
    ('RU-9', 'DEMB', 0),
    ('RU-10', 'BKF', 0), ('RU-11', 'BKF', 0), ('RU-12', 'BKF', 0), ('RU-13', 'BKF', 0)
) as x (code, committee_code, sort_order)
join committee c on c.area_id = '0024' and c.code = x.committee_code
join assignment a on a.code = x.code
join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
where p.area_id = '0024' and p.name = 'Regionplan 2024–2027';

-- The uppdrag that has a measure of its own: tjänsteresor against 2023.
insert into assignment_indicator (assignment_id, indicator_id)
select a.id, i.id
from assignment a join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
join indicator i on i.area_id = p.area_id and i.code = 'TJANSTERESOR_FORANDRING'
where p.area_id = '0024' and a.code = 'RU-7';

-- 3. Example follow-ups in the delårsrapport 2025 (the receivers' reports there are created here, open, as reading the
--    period would create them).
insert into committee_report (report_period_id, committee_id)
select rp.id, c.id
from report_period rp
join plan_version v on v.id = rp.plan_version_id join plan p on p.id = v.plan_id
join committee c on c.area_id = p.area_id and c.code in ('HSN', 'RS', 'BKF')
where p.area_id = '0024' and rp.year = 2025 and rp.kind = 'interim'
on conflict do nothing;

insert into assignment_follow_up (assignment_id, committee_id, report_period_id, status, comment, expected_completion, is_example, updated_by)
select a.id, c.id, rp.id, x.status, x.comment, x.expected, true, 'demo'
from (values
    ('RU-1', 'HSN', 'in_progress', 'Exempel: konsekvensunderlaget är klart för vårdnära service; förslagen på åtgärder läggs fram i oktober.', date '2025-12-31'),
    ('RU-2', 'HSN', 'in_progress', 'Exempel: hyrläkarna inom psykiatrin är ersatta med egen personal; inom primärvården i inlandet fortsätter beroendet.', date '2025-12-31'),
    ('RU-3', 'RS', 'in_progress', 'Exempel: fokusenheter är valda inom ortopedi och ögonsjukvård; mätningen av väntetider startar i september.', date '2025-12-31'),
    ('RU-7', 'HSN', 'in_progress', 'Exempel: resor ersätts med digitala möten där det går; kostnaden per augusti är 9 procent lägre än 2023.', date '2025-12-31'),
    ('RU-11', 'BKF', 'not_started', 'Exempel: beredningen tar upp uppdraget under hösten.', date '2025-12-31')
) as x (code, committee_code, status, comment, expected)
join committee c on c.area_id = '0024' and c.code = x.committee_code
join assignment a on a.code = x.code
join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
join report_period rp on rp.plan_version_id = v.id and rp.year = 2025 and rp.kind = 'interim'
where p.area_id = '0024';
