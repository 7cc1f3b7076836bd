-- Demo plan: Region Västernorrland, Regionplan 2025–2027 (see /work/shared/demo-plan.md).
-- Plain PostgreSQL 15 INSERT statements. The loader runs the whole file in one transaction.
-- Rows are found by natural keys (area id, committee code, plan name, version name, goal and indicator codes).
-- Every reference is a scalar subselect, so a misspelt key gives a NOT NULL violation instead of a silently lost row.
-- Figures marked exempel are invented demo values (target.is_example = true). The others quote the seeds:
--   seed 000 = Regionplan 2025–2027, seed 003 = HSN verksamhetsplan 2025 (2026–2027).

-- Areas: riket and the 21 regions, with Kolada ids. The area catalogue (migration V0022) has them already; these rows
-- stay so the plan reads whole, and add nothing where the catalogue did.
insert into area (id, name, short_name, kind, sort_order) values
    ('0000', 'Riket', 'Riket', 'country', 0),
    ('0001', 'Region Stockholm', 'Stockholm', 'region', 1),
    ('0003', 'Region Uppsala', 'Uppsala', 'region', 2),
    ('0004', 'Region Sörmland', 'Sörmland', 'region', 3),
    ('0005', 'Region Östergötland', 'Östergötland', 'region', 4),
    ('0006', 'Region Jönköpings län', 'Jönköpings län', 'region', 5),
    ('0007', 'Region Kronoberg', 'Kronoberg', 'region', 6),
    ('0008', 'Region Kalmar län', 'Kalmar län', 'region', 7),
    ('0009', 'Region Gotland', 'Gotland', 'region', 8),
    ('0010', 'Region Blekinge', 'Blekinge', 'region', 9),
    ('0012', 'Region Skåne', 'Skåne', 'region', 10),
    ('0013', 'Region Halland', 'Halland', 'region', 11),
    ('0014', 'Västra Götalandsregionen', 'Västra Götaland', 'region', 12),
    ('0017', 'Region Värmland', 'Värmland', 'region', 13),
    ('0018', 'Region Örebro län', 'Örebro län', 'region', 14),
    ('0019', 'Region Västmanland', 'Västmanland', 'region', 15),
    ('0020', 'Region Dalarna', 'Dalarna', 'region', 16),
    ('0021', 'Region Gävleborg', 'Gävleborg', 'region', 17),
    ('0022', 'Region Västernorrland', 'Västernorrland', 'region', 18),
    ('0023', 'Region Jämtland Härjedalen', 'Jämtland Härjedalen', 'region', 19),
    ('0024', 'Region Västerbotten', 'Västerbotten', 'region', 20),
    ('0025', 'Region Norrbotten', 'Norrbotten', 'region', 21)
on conflict (id) do nothing;

-- Nämnder and styrelse of Region Västernorrland.
insert into committee (area_id, code, name) values
    ('0022', 'RS', 'Regionstyrelsen'),
    ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden'),
    ('0022', 'RUN', 'Regionala utvecklingsnämnden');

-- The plan and its adopted version.
insert into plan (area_id, name, vision, start_year, end_year, is_demo) values
    ('0022', 'Regionplan 2025–2027', 'Liv, hälsa och hållbar utveckling', 2025, 2027, true);

-- The adoption record is an example (exempel): the meeting date and § are invented, marked in the § text as the demo
-- marks its invented målvärden.
insert into plan_version (plan_id, name, kind, author, is_current, decided_by, decided_on, decision_section, current_from) values
    ((select id from plan where area_id = '0022' and name = 'Regionplan 2025–2027'), 'Fastställd plan', 'adopted', 'Regionfullmäktige', true,
     'Regionfullmäktige', '2024-11-27', '§ 150 (exempel)', '2025-01-01');

-- Målområden (seed 000 figur 1 and chapter 3) and the economy group beside them.
insert into goal_area (plan_version_id, code, name, description, kind, sort_order) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    '1', 'Ett attraktivt Västernorrland med hållbar utveckling',
    'Regionplan 2025–2027 §3.1: "Region Västernorrland ska, som regionalt utvecklingsansvarig aktör, samordna, genomföra, medfinansiera och följa upp såväl övergripande utvecklingsfrågor som mer specifika sakområdespolitiska uppdrag."',
    'goal_area', 1);
insert into goal_area (plan_version_id, code, name, description, kind, sort_order) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    '2', 'Region Västernorrland utvecklar arbetet för en god, jämlik och nära vård',
    'Regionplan 2025–2027 §3.2: "Målområdet omfattar hälso- och sjukvård samt tandvård som är jämlik, kunskapsbaserad, säker, ändamålsenlig och ges i rimlig tid."',
    'goal_area', 2);
insert into goal_area (plan_version_id, code, name, description, kind, sort_order) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    '3', 'Vi skapar mervärde för befolkningen genom vår verksamhet',
    'Regionplan 2025–2027 §3.3: "Målområdet omfattar Region Västernorrlands interna uppdrag. Regionen ska vara en attraktiv arbetsgivare för medarbetare och chefer liksom för framtidens medarbetare, samt ha långsiktigt hållbara och effektiva processer – exempelvis inom ekonomi, organisationskultur, utvecklat ledar- och medarbetarskap samt digitalisering."',
    'goal_area', 3);
insert into goal_area (plan_version_id, code, name, description, kind, sort_order) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    'E', 'Ekonomin är en förutsättning',
    'God ekonomisk hushållning, visas som en egen grupp bredvid målområdena. Regionplan 2025–2027 §1.2: "Förutom dessa är ekonomin en förutsättning." Regionplan 2025–2027 §4.1: "Region Västernorrlands finansiella mål är en ekonomi i balans över tid."',
    'prerequisite', 4);

-- Mål with their owning nämnd.
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and ga.code = '1'),
    '1.1', 'Vi agerar som en sammanhållande kraft för en hållbar samhällsutveckling',
    'Regionplan 2025–2027 §3.1.1: "Region Västernorrland är en viktig aktör i samhällsbyggandet och kan genom regional utvecklingsplanering skapa möjligheter för andra att agera när det behövs."',
    (select id from committee where area_id = '0022' and code = 'RUN'), 1);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and ga.code = '1'),
    '1.2', 'Vi främjar förutsättningarna för god och jämlik folkhälsa i Västernorrland',
    'Regionplan 2025–2027 §3.1.2: "Hälsa är en grundläggande del av våra mänskliga rättigheter. Folkhälsoläget i länet är fortsatt utmanande." Hälso- och sjukvårdsnämnden bidrar till målet.',
    (select id from committee where area_id = '0022' and code = 'RUN'), 2);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and ga.code = '2'),
    '2.1', 'Vi erbjuder vård som utgår från individens behov och är tillgänglig',
    'Regionplan 2025–2027 §3.2.1: "En hög tillgänglighet till hälso- och sjukvård och tandvård är en förutsättning för att kunna möta befolkningens behov och en viktig nyckel till en god och jämlik hälsa bland invånarna."',
    (select id from committee where area_id = '0022' and code = 'HSN'), 1);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and ga.code = '2'),
    '2.2', 'Vi bedriver kunskapsbaserad, trygg och säker hälso- och sjukvård samt tandvård',
    'Regionplan 2025–2027 §3.2.2: "Hälso- och sjukvården ska bygga på vetenskap och beprövad erfarenhet och utformas för att möta den enskilde individens behov på bästa möjliga sätt."',
    (select id from committee where area_id = '0022' and code = 'HSN'), 2);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and ga.code = '3'),
    '3.1', 'Vi erbjuder attraktiva arbetsplatser för medarbetare och chefer',
    'Regionplan 2025–2027 §3.3.1: "Region Västernorrlands verksamhet ska bedrivas på ett hållbart sätt. Medarbetarna ska erbjudas ett långsiktigt hållbart arbetsliv."',
    (select id from committee where area_id = '0022' and code = 'RS'), 1);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and ga.code = '3'),
    '3.2', 'Vi främjar samarbete, innovation och utveckling',
    'Regionplan 2025–2027 §3.3.2: "Invånare och medarbetare ska bjudas in till dialog och involveras för nytänkande, innovation och utveckling."',
    (select id from committee where area_id = '0022' and code = 'RS'), 2);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and ga.code = 'E'),
    'E.1', 'God ekonomisk hushållning',
    'Regionplan 2025–2027 §1.3: "Med god ekonomisk hushållning menas att verksamheten är ändamålsenlig och kostnadseffektiv med en finansiering som långsiktigt garanterar verksamheten."',
    (select id from committee where area_id = '0022' and code = 'RS'), 1);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and ga.code = 'E'),
    'E.2', 'Hälso- och sjukvårdens ekonomi är i balans vid utgången av 2027',
    'Regionplan 2025–2027 §4.4.1: "Den ekonomiska planen bygger fortsatt på att hälso- och sjukvården reducerar sitt underskott från 2024 års prognosticerade nivå om ca -570 miljoner till 0 år 2027." HSN verksamhetsplan 2025 (2026–2027) §4.1: "Det ekonomiska målet för planperioden 2025–2027 är att ekonomin är i balans vid utgången av 2027."',
    (select id from committee where area_id = '0022' and code = 'HSN'), 2);

-- Hälso- och sjukvårdsnämnden contributes to mål 1.2 without owning it.
insert into goal_contributor (goal_id, committee_id) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '1.2'),
    (select id from committee where area_id = '0022' and code = 'HSN'));

-- The 20 indicators of demo-plan.md. Owner = the owner of the indicator's goal.
-- 1. Medicinsk bedömning inom 3 dagar i primärvården, andel
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'N79173', 'Medicinsk bedömning inom 3 dagar i primärvården, andel',
    'Andel av patienterna i primärvården som fått en medicinsk bedömning av legitimerad hälso- och sjukvårdspersonal inom 3 dagar (vårdgarantin). Gränsen är 3 dagar sedan 1 juli 2022, tidigare 7 dagar. Regionplan 2025–2027 §3.2.1: "En hög tillgänglighet till hälso- och sjukvård och tandvård är en förutsättning för att kunna möta befolkningens behov och en viktig nyckel till en god och jämlik hälsa bland invånarna."',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 5, 'absolute',
    0.5, 'Kolada N79173 (Väntetider i vården via SKR), årsvärde', 'N79173', true);
-- 2. Telefonsamtal till primärvården besvarade samma dag, andel
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'N79179', 'Telefonsamtal till primärvården besvarade samma dag, andel',
    'Andel av telefonsamtalen till primärvården som besvarades samma dag (vårdgarantins kontakt samma dag). Årsvärdet är ett medelvärde av årets månader. Ny mätmetod från 2024, vilket ger ett brott i serien. Regioner som bytt journalsystem kan vara streckade hos källan ett enskilt år.',
    '%', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 3, 'absolute',
    0.5, 'Kolada N79179 (Väntetider i vården via SKR), årsvärde', 'N79179', true);
-- 3. Genomförd första kontakt i specialiserad vård inom 90 dagar, andel
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'N79222', 'Genomförd första kontakt i specialiserad vård inom 90 dagar, andel',
    'Andel av de genomförda första kontakterna i den specialiserade vården som skedde inom 90 dagar (vårdgarantin). HSN verksamhetsplan 2025 (2026–2027) §3.2.1: "Vårdkapaciteten behöver stärkas för att öka tillgängligheten och uppfylla de nationella riktvärdena."',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 5, 'absolute',
    0.5, 'Kolada N79222 (Väntetider i vården via SKR), årsvärde', 'N79222', true);
-- 4. Genomförd operation/åtgärd inom 90 dagar, andel
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'N79224', 'Genomförd operation/åtgärd inom 90 dagar, andel',
    'Andel av de genomförda operationerna och åtgärderna i den specialiserade vården som skedde inom 90 dagar från beslut (vårdgarantin). HSN verksamhetsplan 2025 (2026–2027) §3.2.1: "Hälso- och sjukvården har god kvalitet och högt förtroende men står inför utmaningar som långa vårdköer och bristande tillgänglighet."',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 5, 'absolute',
    0.5, 'Kolada N79224 (Väntetider i vården via SKR), årsvärde', 'N79224', true);
-- 5. Väntande högst 90 dagar till första kontakt i specialiserad vård, andel
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'N79221', 'Väntande högst 90 dagar till första kontakt i specialiserad vård, andel',
    'Andel av dem som väntar på en första kontakt i den specialiserade vården som har väntat högst 90 dagar (ett mått på kön vid mättillfället). Regionplan 2025–2027 §3.2.1: "Detta för att bidra till förbättrad tillgänglighet till jämlik vård genom minskade köer och väntetider samt en ökad kostnadseffektivitet i verksamheterna."',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 5, 'absolute',
    0.5, 'Kolada N79221 (Väntetider i vården via SKR), årsvärde', 'N79221', true);
-- 6. Genomförda första besök inom 90 dagar, barn- och ungdomspsykiatri, andel
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'U72552', 'Genomförda första besök inom 90 dagar, barn- och ungdomspsykiatri, andel',
    'Andel av de genomförda första besöken inom barn- och ungdomspsykiatrin (BUP) som skedde inom 90 dagar. Regionplan 2025–2027 §3.2.1: "Bland annat behöver första-linjen fortsatt stärkas, i syfte att förebygga och motverka negativ utveckling av psykisk ohälsa hos barn och ungdomar." Sjukvårdspartiets alternativa regionplan, mål 2.3: "Väntetiderna inom barn- och ungdomspsykiatrin ska kortas."',
    '%', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 5, 'absolute',
    0.5, 'Kolada U72552 (Väntetider i vården via SKR), årsvärde', 'U72552', true);
-- 7. Listade patienter per allmänspecialist i primärvården
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'LISTADE_PER_ALLMANSPECIALIST', 'Listade patienter per allmänspecialist i primärvården',
    'Antal listade patienter per heltidsarbetande specialist i allmänmedicin i primärvården, vid månadens slut. Regionplan 2025–2027 §3.2.1: "Ambitionen är att Region Västernorrland ska verka för att minska antalet listade patienter per allmänspecialist i primärvården, till 1 100 sett över tid. En åtgärdsplan bör tas fram för att realisera riktvärdet för antalet listade patienter." HSN verksamhetsplan 2025 (2026–2027) §3.3.1 upprepar riktvärdet 1100 och uppdrar åt förvaltningen att ta fram åtgärdsplanen tillsammans med vårdval.',
    'antal', 0, 'lower', 'month', 'rate',
    false, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 0.05, 'relative',
    10, 'Fil från vårdvalssystemet, månadsvis (antal listade patienter per heltidsarbetande allmänspecialist)', null, true);
-- 8. Kostnad per DRG-poäng, sluten somatisk vård, avvikelse mot riket
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'DRG_AVVIKELSE_RIKET', 'Kostnad per DRG-poäng, sluten somatisk vård, avvikelse mot riket',
    'Hur många procent regionens kostnad per DRG-poäng i den slutna somatiska vården ligger över rikets snitt. Regionplan 2025–2027 §4.1: "Vad gäller kostnadsnivån inom vården, är kostnaden för produktionen av vård, mätt per DRG-poäng det centrala, och nivån måste förbättras avsevärt från nuvarande nivå." HSN verksamhetsplan 2025 (2026–2027) §4.1: "Enligt Regionplanen skall kostnaden per DRG-poäng vid planperiodens slut (2027) förbättras avsevärt och nämndens målsättning är att det uppgår till högst 7,5 procent över snittet i riket för jämförbara sjukhus."',
    '%', 1, 'lower', 'year', 'rate',
    false, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 3, 'absolute',
    0.5, 'Fil, härledd ur Kolada U79066 (kostnad per producerad DRG-poäng, sluten somatisk sjukhusvård): regionens värde i procent över rikets', null, true);
-- 9. Sjukvårdsrelaterad åtgärdbar dödlighet
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'N79190', 'Sjukvårdsrelaterad åtgärdbar dödlighet',
    'Antal dödsfall per 100 000 invånare i dödsorsaker som hade kunnat undvikas med snabb och effektiv hälso- och sjukvård (åldersstandardiserat, rullande medelvärde). Ett övergripande mått på vårdens kvalitet. Målvärdena är exempel nära rikets nivå.',
    'per 100 000 inv', 1, 'lower', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 0.05, 'relative',
    1, 'Kolada N79190 (Socialstyrelsen, dödsorsaksregistret), årsvärde', 'N79190', true);
-- 10. Förtroende för vårdcentralerna, andel
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'U71458', 'Förtroende för vårdcentralerna, andel',
    'Andel av invånarna som har mycket eller ganska stort förtroende för vårdcentralerna, enligt Hälso- och sjukvårdsbarometern. HSN verksamhetsplan 2025 (2026–2027) §3.2.1: "Hälso- och sjukvården har god kvalitet och högt förtroende men står inför utmaningar som långa vårdköer och bristande tillgänglighet."',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 3, 'absolute',
    0.5, 'Kolada U71458 (Hälso- och sjukvårdsbarometern, SKR), årsvärde', 'U71458', true);
-- 11. Andel vuxna med fetma
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'FETMA_ANDEL', 'Andel vuxna med fetma',
    'Andel av befolkningen 16–84 år med fetma (BMI 30 eller högre, självrapporterad längd och vikt) enligt Hälsa på lika villkor. Enkäten genomförs vartannat år. Regionplan 2025–2027 §2.3.2: "Generellt sett är hälsan god, dock är hälsoläget utmanande genom att ojämlikheten ökar och en fortsatt negativ hälsoutveckling syns, exempelvis gällande övervikt och fetma, psykosomatiska besvär samt stressrelaterad problematik."',
    '%', 1, 'lower', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'RUN'), '0022', 1, 'absolute',
    0.5, 'Fil från Folkhälsomyndighetens nationella folkhälsoenkät Hälsa på lika villkor (vartannat år, 16–84 år)', null, true);
-- 12. Folkmängd
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'FOLKMANGD', 'Folkmängd',
    'Antal invånare i Västernorrlands län. Följs utan målvärde: utvecklingen visas mot tidigare år och mot jämförelseregionerna. Regionplan 2025–2027 §4.2.2: "Befolkning 1/11 året före budgetåret 243 334 242 343 242 000 242 200 243 000" (kolumnerna 2023–2027, det vill säga 1 november 2022 och 2023 samt prognos). Regionplan 2025–2027 §2.3.1: "SCB:s senaste befolkningsprognos visar att länets befolkning kan minska med 12 000 personer till 2040." Obs: planens siffror avser 1 november, SCB:s årstabell 31 december.',
    'antal', 0, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'RUN'), '0022', null, null,
    100, 'SCB PxWeb, tabell TAB638 (Folkmängden efter region, civilstånd, ålder och kön), region 22, ContentsCode BE0101N1', null, true);
-- 13. Kostnad för inhyrd personal i % av egna personalkostnader
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'HYRPERSONAL_ANDEL', 'Kostnad för inhyrd personal i % av egna personalkostnader',
    'Kostnaden för inhyrd personal (bemanningsföretag) i procent av kostnaden för egen personal, per månad. Regionernas gemensamma nationella mål är att hyrkostnaden ska vara högst två procent av de egna personalkostnaderna. Regionplan 2025–2027, förord: "Arbetet med att minska beroendet av inhyrd personal har alltjämt största prioritet och utvecklingen under 2024 är positiv."',
    '%', 1, 'lower', 'month', 'rate',
    false, (select id from committee where area_id = '0022' and code = 'RS'), '0022', 1, 'absolute',
    0.2, 'Fil från ekonomisystemet, månadsvis (kostnad för inhyrd personal / kostnad för egen personal)', null, true);
-- 14. Medarbetare per chef
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'MEDARBETARE_PER_CHEF', 'Medarbetare per chef',
    'Genomsnittligt antal medarbetare per chef med personalansvar. Regionplan 2025–2027 §3.3.1: "Det är därför viktigt att Region Västernorrland har ett strävanstak gällande antalet medarbetare per chef." HSN verksamhetsplan 2025 (2026–2027) §4.2.4 avsätter medel för "Färre medarbetare per chef" (5, 15, 30 och 50 mnkr 2024–2027).',
    'antal', 0, 'lower', 'year', 'rate',
    false, (select id from committee where area_id = '0022' and code = 'RS'), '0022', 0.05, 'relative',
    1, 'Fil från HR-systemet, årsvärde (antal tillsvidareanställda medarbetare per chef med personalansvar)', null, true);
-- 15. Sjukfrånvaro bland medarbetare
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'SJUKFRANVARO', 'Sjukfrånvaro bland medarbetare',
    'Sjukfrånvaro i procent av de anställdas ordinarie arbetstid, per månad, för kvinnor, män och totalt. Regionplan 2025–2027 §3.3.1: "Region Västernorrlands verksamhet ska bedrivas på ett hållbart sätt. Medarbetarna ska erbjudas ett långsiktigt hållbart arbetsliv."',
    '%', 1, 'lower', 'month', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'RS'), '0022', 0.5, 'absolute',
    0.2, 'Fil från HR-systemet, månadsvis', null, true);
-- 16. Andel vårdkontakter via digitala kanaler
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'DIGITALA_KONTAKTER_ANDEL', 'Andel vårdkontakter via digitala kanaler',
    'Andel av patienternas vårdkontakter som skedde via digitala kanaler (video, chatt, digitala formulär och 1177-tjänster). HSN verksamhetsplan 2025 (2026–2027) §3.3.2: "Den digitala vägen in ska vara enkel och bli vår mest använda kanal in i vården."',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0022' and code = 'RS'), '0022', 3, 'absolute',
    0.5, 'Fil från vårdens besöksstatistik, årsvärde (digitala vårdkontakter / alla vårdkontakter)', null, true);
-- 17. Årets resultat, Region Västernorrland
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'ARETS_RESULTAT', 'Årets resultat, Region Västernorrland',
    'Regionens årets resultat i miljoner kronor enligt resultaträkningen. Regionplan 2025–2027 §4.4.1, tabellen Resultatutveckling: "Årets resultat -396 -717 -335 159 274" (utfall 2023, prognos 2024, budget 2025, plan 2026 och plan 2027).',
    'mnkr', 0, 'higher', 'year', 'sum',
    false, (select id from committee where area_id = '0022' and code = 'RS'), '0022', 50, 'absolute',
    10, 'Fil från ekonomisystemet (årsredovisning, delårsrapport med helårsprognos)', null, true);
-- 18. Soliditet
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'SOLIDITET', 'Soliditet',
    'Eget kapital i procent av de totala tillgångarna. Regionplan 2025–2027 §4.4.10: "Soliditet är ett nyckeltal som anger hur stor del av organisationens totala tillgångar som har finansierats med eget kapital." och "Soliditeten 2023 uppgick till drygt 22 procent, en försämring från c.a 31 procent år 2022. De negativa resultaten under åren 2024 och 2025 innebär att soliditeten ytterligare försämras till som lägst knappt 12 procent 2025. En återhämtning sker därefter i takt med att resultaten förbättras och soliditeten stärks till c.a 16 procent år 2027."',
    '%', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0022' and code = 'RS'), '0022', 2, 'absolute',
    0.5, 'Fil från ekonomisystemet (balansräkningen: eget kapital i procent av totala tillgångar)', null, true);
-- 19. Hälso- och sjukvårdsnämndens resultat mot ram
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'HSN_RESULTAT_MOT_RAM', 'Hälso- och sjukvårdsnämndens resultat mot ram',
    'Hälso- och sjukvårdsnämndens ekonomiska resultat mot tilldelad ram i miljoner kronor (negativt värde = underskott). HSN verksamhetsplan 2025 (2026–2027) §4.2.2, tabellen Ekonomisk ram: "Utgångspunkt/resultat -600 -570 -345 -95" och "Underskott -570 -345 -95 0" (ram 2024–2027). HSN verksamhetsplan 2025 (2026–2027) §4.1: "Det ekonomiska målet för planperioden 2025–2027 är att ekonomin är i balans vid utgången av 2027."',
    'mnkr', 0, 'higher', 'year', 'sum',
    false, (select id from committee where area_id = '0022' and code = 'HSN'), '0022', 50, 'absolute',
    10, 'Fil från ekonomisystemet (nämndens resultat mot tilldelad ekonomisk ram)', null, true);
-- 20. Resultat i % av skatteintäkter och generella statsbidrag
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0022', 'N63016', 'Resultat i % av skatteintäkter och generella statsbidrag',
    'Årets resultat i procent av skatteintäkter och generella statsbidrag och utjämning. Målvärdena är exempel beräknade ur Regionplan 2025–2027 §4.4.1: årets resultat delat med skatteintäkter plus generella statsbidrag och utjämning, till exempel 2025: -335 / (7 166 + 2 805) ≈ -3,4 %.',
    '%', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0022' and code = 'RS'), '0022', 0.5, 'absolute',
    0.2, 'Kolada N63016 (räkenskapssammandraget, SCB), årsvärde', 'N63016', true);

-- Indicator → mål.
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.1'),
    (select id from indicator where area_id = '0022' and code = 'N79173'), 1);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.1'),
    (select id from indicator where area_id = '0022' and code = 'N79179'), 2);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.1'),
    (select id from indicator where area_id = '0022' and code = 'N79222'), 3);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.1'),
    (select id from indicator where area_id = '0022' and code = 'N79224'), 4);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.1'),
    (select id from indicator where area_id = '0022' and code = 'N79221'), 5);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.1'),
    (select id from indicator where area_id = '0022' and code = 'U72552'), 6);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.1'),
    (select id from indicator where area_id = '0022' and code = 'LISTADE_PER_ALLMANSPECIALIST'), 7);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.2'),
    (select id from indicator where area_id = '0022' and code = 'DRG_AVVIKELSE_RIKET'), 1);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.2'),
    (select id from indicator where area_id = '0022' and code = 'N79190'), 2);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '2.2'),
    (select id from indicator where area_id = '0022' and code = 'U71458'), 3);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '1.2'),
    (select id from indicator where area_id = '0022' and code = 'FETMA_ANDEL'), 1);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '1.1'),
    (select id from indicator where area_id = '0022' and code = 'FOLKMANGD'), 1);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '3.1'),
    (select id from indicator where area_id = '0022' and code = 'HYRPERSONAL_ANDEL'), 1);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '3.1'),
    (select id from indicator where area_id = '0022' and code = 'MEDARBETARE_PER_CHEF'), 2);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '3.1'),
    (select id from indicator where area_id = '0022' and code = 'SJUKFRANVARO'), 3);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = '3.2'),
    (select id from indicator where area_id = '0022' and code = 'DIGITALA_KONTAKTER_ANDEL'), 1);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = 'E.1'),
    (select id from indicator where area_id = '0022' and code = 'ARETS_RESULTAT'), 1);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = 'E.1'),
    (select id from indicator where area_id = '0022' and code = 'SOLIDITET'), 2);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = 'E.2'),
    (select id from indicator where area_id = '0022' and code = 'HSN_RESULTAT_MOT_RAM'), 1);
insert into goal_indicator (goal_id, indicator_id, sort_order) values (
    (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan' and g.code = 'E.1'),
    (select id from indicator where area_id = '0022' and code = 'N63016'), 3);

-- Comparison areas: riket, Norra sjukvårdsregionen (0023, 0024, 0025), Gävleborg and Dalarna for Kolada and PxWeb
-- indicators. Of the file indicators only Hälsa på lika villkor (fetma) has a riket figure.
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'N79173'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'N79173'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'N79173'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'N79173'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'N79173'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'N79173'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'N79179'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'N79179'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'N79179'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'N79179'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'N79179'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'N79179'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'N79222'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'N79222'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'N79222'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'N79222'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'N79222'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'N79222'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'N79224'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'N79224'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'N79224'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'N79224'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'N79224'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'N79224'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'N79221'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'N79221'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'N79221'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'N79221'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'N79221'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'N79221'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'U72552'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'U72552'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'U72552'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'U72552'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'U72552'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'U72552'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'N79190'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'N79190'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'N79190'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'N79190'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'N79190'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'N79190'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'U71458'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'U71458'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'U71458'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'U71458'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'U71458'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'U71458'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'FETMA_ANDEL'), '0000');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'FOLKMANGD'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'FOLKMANGD'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'FOLKMANGD'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'FOLKMANGD'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'FOLKMANGD'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'FOLKMANGD'), '0020');
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0022' and code = 'N63016'), '0000'),
    ((select id from indicator where area_id = '0022' and code = 'N63016'), '0023'),
    ((select id from indicator where area_id = '0022' and code = 'N63016'), '0024'),
    ((select id from indicator where area_id = '0022' and code = 'N63016'), '0025'),
    ((select id from indicator where area_id = '0022' and code = 'N63016'), '0021'),
    ((select id from indicator where area_id = '0022' and code = 'N63016'), '0020');

-- Målvärden 2025–2027 for the whole population (gender null). Folkmängd has none.
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79173'), 2025, null, 80,
    'Exempel (vårdgarantin: medicinsk bedömning inom 3 dagar)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79173'), 2026, null, 85,
    'Exempel (vårdgarantin: medicinsk bedömning inom 3 dagar)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79173'), 2027, null, 90,
    'Exempel (vårdgarantin: medicinsk bedömning inom 3 dagar)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79179'), 2025, null, 90,
    'Exempel (vårdgarantin: kontakt samma dag)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79179'), 2026, null, 92,
    'Exempel (vårdgarantin: kontakt samma dag)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79179'), 2027, null, 95,
    'Exempel (vårdgarantin: kontakt samma dag)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79222'), 2025, null, 70,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79222'), 2026, null, 75,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79222'), 2027, null, 80,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79224'), 2025, null, 65,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79224'), 2026, null, 70,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79224'), 2027, null, 75,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79221'), 2025, null, 70,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79221'), 2026, null, 75,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79221'), 2027, null, 80,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'U72552'), 2025, null, 80,
    'Exempel (den alternativa regionplanen vill korta väntetiderna inom BUP)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'U72552'), 2026, null, 85,
    'Exempel (den alternativa regionplanen vill korta väntetiderna inom BUP)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'U72552'), 2027, null, 90,
    'Exempel (den alternativa regionplanen vill korta väntetiderna inom BUP)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'LISTADE_PER_ALLMANSPECIALIST'), 2025, null, 1300,
    'Exempel (bana mot riktvärdet 1 100)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'LISTADE_PER_ALLMANSPECIALIST'), 2026, null, 1200,
    'Exempel (bana mot riktvärdet 1 100)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'LISTADE_PER_ALLMANSPECIALIST'), 2027, null, 1100,
    'Regionplan 2025–2027 §3.2.1 och HSN verksamhetsplan 2025 (2026–2027) §3.3.1 (riktvärde 1 100 "sett över tid", här lagt på planperiodens sista år)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'DRG_AVVIKELSE_RIKET'), 2025, null, 15,
    'Exempel (bana mot högst 7,5 % över riket 2027)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'DRG_AVVIKELSE_RIKET'), 2026, null, 11,
    'Exempel (bana mot högst 7,5 % över riket 2027)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'DRG_AVVIKELSE_RIKET'), 2027, null, 7.5,
    'HSN verksamhetsplan 2025 (2026–2027) §4.1 (högst 7,5 procent över snittet i riket vid planperiodens slut)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79190'), 2025, null, 64,
    'Exempel (nära rikets nivå)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79190'), 2026, null, 62,
    'Exempel (nära rikets nivå)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N79190'), 2027, null, 60,
    'Exempel (nära rikets nivå)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'U71458'), 2025, null, 60,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'U71458'), 2026, null, 62,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'U71458'), 2027, null, 65,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'FETMA_ANDEL'), 2025, null, 20,
    'Exempel (Regionplan 2025–2027 §2.3.2: negativ utveckling gällande fetma)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'FETMA_ANDEL'), 2026, null, 19.5,
    'Exempel (Regionplan 2025–2027 §2.3.2: negativ utveckling gällande fetma)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'FETMA_ANDEL'), 2027, null, 19,
    'Exempel (Regionplan 2025–2027 §2.3.2: negativ utveckling gällande fetma)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'HYRPERSONAL_ANDEL'), 2025, null, 4,
    'Exempel (bana mot nationella målet 2 %)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'HYRPERSONAL_ANDEL'), 2026, null, 3,
    'Exempel (bana mot nationella målet 2 %)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'HYRPERSONAL_ANDEL'), 2027, null, 2,
    'Nationellt mål: regionernas gemensamma mål om högst 2 % av de egna personalkostnaderna', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'MEDARBETARE_PER_CHEF'), 2025, null, 30,
    'Exempel (Regionplan 2025–2027 §3.3.1: strävanstak för antal medarbetare per chef)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'MEDARBETARE_PER_CHEF'), 2026, null, 28,
    'Exempel (Regionplan 2025–2027 §3.3.1: strävanstak för antal medarbetare per chef)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'MEDARBETARE_PER_CHEF'), 2027, null, 25,
    'Exempel (Regionplan 2025–2027 §3.3.1: strävanstak för antal medarbetare per chef)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'SJUKFRANVARO'), 2025, null, 6.5,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'SJUKFRANVARO'), 2026, null, 6,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'SJUKFRANVARO'), 2027, null, 5.5,
    'Exempel', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'DIGITALA_KONTAKTER_ANDEL'), 2025, null, 20,
    'Exempel (HSN verksamhetsplan 2025 (2026–2027) §3.3.2: den digitala vägen in)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'DIGITALA_KONTAKTER_ANDEL'), 2026, null, 25,
    'Exempel (HSN verksamhetsplan 2025 (2026–2027) §3.3.2: den digitala vägen in)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'DIGITALA_KONTAKTER_ANDEL'), 2027, null, 30,
    'Exempel (HSN verksamhetsplan 2025 (2026–2027) §3.3.2: den digitala vägen in)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'ARETS_RESULTAT'), 2025, null, -335,
    'Regionplan 2025–2027 §4.4.1 (budget 2025)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'ARETS_RESULTAT'), 2026, null, 159,
    'Regionplan 2025–2027 §4.4.1 (plan 2026)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'ARETS_RESULTAT'), 2027, null, 274,
    'Regionplan 2025–2027 §4.4.1 (plan 2027)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'SOLIDITET'), 2025, null, 12,
    'Regionplan 2025–2027 §4.4.10 (knappt 12 procent 2025)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'SOLIDITET'), 2026, null, 14,
    'Regionplan 2025–2027 §4.4.9–4.4.10 (mellan 12 % 2025 och 16 % 2027, balansräkningen för 2026 ger cirka 13,8 %)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'SOLIDITET'), 2027, null, 16,
    'Regionplan 2025–2027 §4.4.10 (c.a 16 procent 2027)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'HSN_RESULTAT_MOT_RAM'), 2025, null, -345,
    'HSN verksamhetsplan 2025 (2026–2027) §4.2.2 (underskott 2025), Regionplan 2025–2027 §4.4.1', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'HSN_RESULTAT_MOT_RAM'), 2026, null, -95,
    'HSN verksamhetsplan 2025 (2026–2027) §4.2.2 (underskott 2026)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'HSN_RESULTAT_MOT_RAM'), 2027, null, 0,
    'HSN verksamhetsplan 2025 (2026–2027) §4.2.2 och §4.1 (ekonomi i balans vid utgången av 2027)', false);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N63016'), 2025, null, -3.4,
    'Exempel, beräknat ur Regionplan 2025–2027 §4.4.1 (-335 / (7 166 + 2 805) mnkr)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N63016'), 2026, null, 1.5,
    'Exempel, beräknat ur Regionplan 2025–2027 §4.4.1 (159 / (7 399 + 2 900) mnkr)', true);
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'),
    (select id from indicator where area_id = '0022' and code = 'N63016'), 2027, null, 2.6,
    'Exempel, beräknat ur Regionplan 2025–2027 §4.4.1 (274 / (7 663 + 3 007) mnkr)', true);

-- What the counts count, so their values read "241 610 invånare" rather than "241 610 antal".
update indicator set counted_noun = 'invånare' where area_id = '0022' and code = 'FOLKMANGD';
update indicator set counted_noun = 'patienter' where area_id = '0022' and code = 'LISTADE_PER_ALLMANSPECIALIST';
update indicator set counted_noun = 'medarbetare' where area_id = '0022' and code = 'MEDARBETARE_PER_CHEF';

-- Sources (demo-plan.md, column Source). Times are Europe/Stockholm. Without internet the Kolada and SCB runs fail
-- with a Swedish message and leave the example outcomes as they are; the file source reads what is dropped into the
-- watched folder "inbox", relative to the app's data folder (.data/inbox by default), or uploaded in the UI.
insert into source (name, kind, cron, full_refresh_cron, settings, is_demo) values
    ('Kolada – väntetider, förtroende, dödlighet och ekonomi', 'kolada', '0 6 * * *', '0 3 * * 0',
     '{"fromYear": 2019}', true),
    ('SCB – folkmängd per län', 'pxweb', '0 7 * * 1', null,
     '{"table": "TAB638",
       "selection": {"Region": ["00", "20", "21", "22", "23", "24", "25"], "ContentsCode": ["BE0101N1"], "Tid": ["TOP(6)"]},
       "codelists": {"Region": "vs_RegionLän07"},
       "contents": {"BE0101N1": "FOLKMANGD"}}', true),
    ('Regionens egna filer (vårdval, ekonomi, HR, folkhälsoenkät)', 'file', '0 5 * * *', null,
     '{"folder": "inbox", "pattern": "*.csv;*.xlsx", "mapping": {"genderColumn": "gender", "statusColumn": "status"}}', true);

-- Kolada feeds the indicators with a KPI id; SCB feeds folkmängd; the region's files feed the rest.
insert into source_indicator (source_id, indicator_id)
select (select id from source where kind = 'kolada' and is_demo), i.id
from indicator i where i.area_id = '0022' and i.kpi_id is not null;
insert into source_indicator (source_id, indicator_id) values (
    (select id from source where kind = 'pxweb' and is_demo),
    (select id from indicator where area_id = '0022' and code = 'FOLKMANGD'));
insert into source_indicator (source_id, indicator_id)
select (select id from source where kind = 'file' and is_demo), i.id
from indicator i where i.area_id = '0022' and i.kpi_id is null and i.code <> 'FOLKMANGD';

-- Report periods (issue 8): the adopted plan's årsrapport 2025 and delårsrapport 2026, each nämnd's report open. The
-- nämnder's reports are created when the periods are first read (ReportQueries.EnsureCommitteeReportsSql).
insert into report_period (plan_version_id, year, kind, created_by)
select v.id, r.year, r.kind, 'demo'
from plan_version v join plan p on p.id = v.plan_id
cross join (values (2025::smallint, 'annual'), (2026::smallint, 'interim')) as r (year, kind)
where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan';
