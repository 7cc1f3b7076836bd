-- Demo, issue 20: uppdrag. Runs after demo-plan.sql (and demo-committee-plans.sql), in the same transaction (DemoPlanLoader).
--
-- 1. Hälso- och sjukvårdsnämndens uppdrag till förvaltningen, quoted from its Verksamhetsplan 2025 (seed 003): every
--    bullet after "Uppdraget från nämnden till förvaltningen under planperioden är;" (§3.1.2, 3.2.1, 3.2.2, 3.3.1, 3.3.2) and
--    after "… ge förvaltningen i uppdrag:" (§4.1), without the markdown asterisks, each under the regionplan's mål its
--    section follows up (3.1.2 → 1.2, 3.2.1 → 2.1, 3.2.2 → 2.2, 3.3.1 → 3.1, 3.3.2 → 3.2, 4.1 → E.1). Given by HSN, received
--    by HSN at the level förvaltning, for the plan period 2025–2027. These are the seed's own words (not examples); three
--    bullets of §3.2.2 keep the seed's spelling "utarbeta", whose last three letters are Cyrillic in the source document.
-- 2. Two riktade uppdrag from Regionfullmäktige to HSN and RS, modelled on Region Västerbotten's table (seed 001 §3.4),
--    marked as examples: Västernorrland's own regionplan has no such table.
-- 3. Example follow-ups (exempel) in the årsrapport 2025, so the uppdrag pages and the 2025 reports show how a
--    follow-up reads; the delårsrapport 2026 is left for the nämnder to fill in. None closes an uppdrag.

insert into assignment (plan_version_id, code, text, given_by_committee_id, goal_id, start_date, end_date, is_example, sort_order)
select v.id, 'HSN-' || x.goal_code || '-' || x.n, x.text, hsn.id, g.id, date '2025-01-01', date '2027-12-31', false, x.sort_order
from plan_version v
join plan p on p.id = v.plan_id
join committee hsn on hsn.area_id = p.area_id and hsn.code = 'HSN'
join (values
    ('1.2', 1, 1, 'att stärka profilen och inriktning för den fortsatta utvecklingen genom att fastställa och verka enligt den gemensamma strategin tillsammans med den regionala utvecklingsförvaltningen och länets kommuner.'),
    ('2.1', 1, 2, 'att uppnå en sammanhållen hälso- och sjukvårdsorganisation där primärvården ska vara navet i hälso- och sjukvården, och med befolkningens behov som utgångspunkt skapa flexibla lösningar för att möta omställningen mot God och Nära vård.'),
    ('2.1', 2, 3, 'att en personcentrerad och sammanhållen vård drivs effektivt och i syfte att öka tillgängligheten. Härmed tryggas invånarnas behov av hälso- och sjukvård och i förlängningen en god och jämlik hälsa.'),
    ('2.1', 3, 4, 'att införa ''En väg in'' för barn och unga med psykisk ohälsa.'),
    ('2.1', 4, 5, 'att fortsätta stärka flexibla insatser som stärker barn och ungas tandhälsa genom friskhuset och samtidigt prioritera vuxna med behov av tandvård.'),
    ('2.1', 5, 6, 'att fastställa och verka enligt en förvaltningsspecifik strategi för samhällsviktig verksamhet i kris och i krig.'),
    ('2.2', 1, 7, 'att Kunskapsstyrningen integreras än mer i linjeorganisationens verksamhetsutveckling.'),
    ('2.2', 2, 8, 'utarbeta lednings- och styrningsprinciper samt strukturer för egenkontroll.'),
    ('2.2', 3, 9, 'verkställa strategin utredningar och riskanalyser.'),
    ('2.2', 4, 10, 'utarbeta en omvårdnadsstrategi.'),
    ('2.2', 5, 11, 'utarbeta en handlingsplan för arbetet med vårdrelaterade infektioner.'),
    ('3.1', 1, 12, 'att erbjuda och skapa goda förutsättningar för utvecklings- och karriärmöjligheter samt en lärande miljö med möjlighet till kontinuerlig kompetensutveckling, forskning och utbildning både på egen hand och i samverkan med andra, inte minst akademien och andra lärosäten.'),
    ('3.1', 2, 13, 'att uppdra till förvaltningen att tillsammans med vårdval arbeta fram en gemensam åtgärdsplan för att realisera riktvärdet antalet listade patienter per allmänspecialist i primärvården.'),
    ('3.1', 3, 14, 'att stärka en långsiktig kompetensförsörjning med stöd av den redan politiskt beslutade satsningen "Kompetensförsörjningspaket" som pågår under åren 2024-2026'),
    ('3.2', 1, 15, 'att verka för ny teknik och lösningar som ger invånaren tillgång till sin egen hälsoinformation via digitala tjänster.'),
    ('3.2', 2, 16, 'att främja en hållbar utveckling och god organisationskultur.'),
    ('E.1', 1, 17, 'att bedriva kostnadseffektiva verksamheter som optimeras och prioriteras utifrån tilldelad totalkostnadsram.'),
    ('E.1', 2, 18, 'att beslut fattas på underlag med finansiering och konsekvensbeskrivning.'),
    ('E.1', 3, 19, 'att ekonomiska resurser för nya behov och strategiska satsningar måste tillgodoses genom effektiviseringar och omfördelning av befintliga medel.'),
    ('E.1', 4, 20, 'att styra verksamhetens omfattning till att klara kostnad per DRG poäng vid periodens slut att uppgå till högst 7,5 procent över snittet i riket för jämförbara sjukhus')
) as x (goal_code, n, sort_order, text) on true
join goal_area ga on ga.plan_version_id = v.id
join goal g on g.goal_area_id = ga.id and g.code = x.goal_code
where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan';

insert into assignment_receiver (assignment_id, committee_id, level)
select a.id, a.given_by_committee_id, 'administration'
from assignment a join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
where p.area_id = '0022' and a.code like 'HSN-%';

insert into assignment (plan_version_id, code, text, given_by_committee_id, goal_id, start_date, end_date, is_example, sort_order)
select v.id, x.code, x.text, null, g.id, x.start_date, x.end_date, true, x.sort_order
from plan_version v
join plan p on p.id = v.plan_id
join (values
    ('RF-2025-1', 'Minska hyrberoendet', '3.1', date '2025-01-01', date '2026-12-31', 101),
    ('RF-2025-2', 'Identifiera och initiera ett fokusarbete för att förbättra tillgängligheten vid valda enheter', '2.1', date '2025-01-01', date '2025-12-31', 102)
) as x (code, text, goal_code, start_date, end_date, sort_order) on true
join goal_area ga on ga.plan_version_id = v.id
join goal g on g.goal_area_id = ga.id and g.code = x.goal_code
where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan';

insert into assignment_receiver (assignment_id, committee_id, level, sort_order)
select a.id, c.id, 'committee', case c.code when 'HSN' then 0 else 1 end
from assignment a join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
join committee c on c.area_id = p.area_id and c.code in ('HSN', 'RS')
where p.area_id = '0022' and a.code in ('RF-2025-1', 'RF-2025-2');

insert into assignment_indicator (assignment_id, indicator_id)
select a.id, i.id
from assignment a join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
join indicator i on i.area_id = p.area_id and i.code = 'HYRPERSONAL_ANDEL'
where p.area_id = '0022' and a.code = 'RF-2025-1';

-- 3. Example follow-ups in the årsrapport 2025 (the nämnder's reports there are created here, open, as reading the
--    period would create them).
insert into committee_report (report_period_id, committee_id)
select rp.id, c.id
from report_period rp
join plan_version v on v.id = rp.plan_version_id join plan p on p.id = v.plan_id
join committee c on c.area_id = p.area_id and c.code in ('HSN', 'RS')
where p.area_id = '0022' and rp.year = 2025 and rp.kind = 'annual'
on conflict do nothing;

insert into assignment_follow_up (assignment_id, committee_id, report_period_id, status, comment, expected_completion, is_example, updated_by)
select a.id, c.id, rp.id, x.status, x.comment, x.expected, true, 'demo'
from (values
    ('RF-2025-1', 'HSN', 'in_progress', 'Exempel: bemanningsenheten är inrättad och avtal om egen bemanningspool tecknat; andelen hyrd personal minskar men inte i den takt planen anger.', date '2026-12-31'),
    ('RF-2025-2', 'RS', 'in_progress', 'Exempel: fokusenheter är valda inom ortopedi och ögonsjukvård; arbetet har försenats av bemanningsläget.', date '2026-06-30'),
    ('HSN-2.1-3', 'HSN', 'in_progress', 'Exempel: ''En väg in'' är öppen för barn och unga i två av länets kommuner.', date '2026-12-31'),
    ('HSN-2.2-3', 'HSN', 'in_progress', 'Exempel: riskanalyser är gjorda för akutflödet; utredningarna fortsätter 2026.', null),
    ('HSN-3.1-2', 'HSN', 'not_started', 'Exempel: arbetet med åtgärdsplanen startar efter vårdvalets översyn.', date '2027-06-30')
) as x (code, committee_code, status, comment, expected)
join assignment a on a.code = x.code
join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
join committee c on c.area_id = p.area_id and c.code = x.committee_code
join report_period rp on rp.plan_version_id = v.id and rp.year = 2025 and rp.kind = 'annual'
where p.area_id = '0022';
