-- Demo: Sjukvårdspartiet's alternative regionplan for Region Västernorrland (seed 002) as a version of Regionplan
-- 2025–2027: kind 'proposal', not adopted and not current, so every page keeps showing the adopted version by default.
-- Runs after demo-plan.sql (and the nämnd files) in the loader's transaction; same conventions as demo-plan.sql: natural
-- keys and scalar subselects, so a misspelt key gives a NOT NULL violation instead of a silently lost row.
-- Målområden and mål are worded as in the seed (the mål headings without their trailing full stop); descriptions quote
-- the seed. Indicators are the adopted plan's where they evidently serve a mål, plus three new ones for the seed's
-- economics. Målvärden that quote the seed say so in their provenance (is_example = false); the others are invented
-- demo values marked exempel (is_example = true). The proposal has no report periods, uppdrag or åtgärdsplaner.

insert into plan_version (plan_id, name, kind, author, is_current) values
    ((select id from plan where area_id = '0022' and name = 'Regionplan 2025–2027'), 'Sjukvårdspartiets förslag', 'proposal',
     'Sjukvårdspartiet', false);

-- Målområden (seed 002 chapter 1) and the economy (chapter 2) as a group beside them.
insert into goal_area (plan_version_id, code, name, description, kind, sort_order)
select (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Sjukvårdspartiets förslag'),
    x.code, x.name, x.description, x.kind, x.sort_order
from (values
    ('1', 'Ett attraktivt Västernorrland med hållbar utveckling',
     'Sjukvårdspartiets alternativa regionplan, målområde 1: "Region Västernorrland ska vara en hållbar och attraktiv region med jämlik tillgång till vård, utbildning, kultur och kollektivtrafik i hela länet. Fokus ligger på regional tillväxt, stärkt folkhälsa och effektiv infrastruktur."',
     'goal_area', 1),
    ('2', 'Region Västernorrland utvecklar arbetet för en god, jämlik och nära vård',
     'Sjukvårdspartiets alternativa regionplan, målområde 2: "Region Västernorrland ska erbjuda en tillgänglig, sammanhållen och behovsanpassad vård i hela länet." och "Alla tre akutsjukhus ska erbjuda basal akutvård dygnet runt."',
     'goal_area', 2),
    ('3', 'Vi skapar mervärde för befolkningen genom vår verksamhet',
     'Sjukvårdspartiets alternativa regionplan, målområde 3: "Region Västernorrland ska vara en attraktiv arbetsgivare med hållbar kompetensförsörjning, god arbetsmiljö och långsiktig personalpolitik." och "Ekonomin ska vara i balans genom kostnadskontroll, effektiv styrning och kloka prioriteringar."',
     'goal_area', 3),
    ('E', 'Ekonomi',
     'Förslagets kapitel 2 Ekonomi, visas som en egen grupp bredvid målområdena. Sjukvårdspartiets alternativa regionplan §2.1 Ekonomiska mål: "Region Västernorrland styrs av principen om god ekonomisk hushållning enligt kommunallagen."',
     'prerequisite', 4)
) as x (code, name, description, kind, sort_order);

-- Mål: the nine of seed 002 chapter 1 and two economic ones (§2.1 and §2.3.5), each with the nämnd that would own it
-- as in the adopted plan (the seed names no owners).
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order)
select (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Sjukvårdspartiets förslag'
          and ga.code = x.area_code),
    x.code, x.name, x.description, (select id from committee where area_id = '0022' and code = x.owner), x.sort_order
from (values
    ('1', '1.1', 'Vi erbjuder goda livsvillkor och en attraktiv livsmiljö där människor vill leva, bo och verka',
     'Sjukvårdspartiets alternativa regionplan, mål 1.1: "Västernorrland ska vara en attraktiv region att leva, bo och besöka – med goda livsvillkor, en hälsofrämjande livsmiljö och jämlik tillgång till vård i hela länet."',
     'RUN', 1),
    ('1', '1.2', 'Vi främjar hållbar tillväxt och driver på en smart regional utveckling',
     'Sjukvårdspartiets alternativa regionplan, mål 1.2: "Ett växande och hållbart näringsliv är avgörande för Västernorrlands utveckling."',
     'RUN', 2),
    ('1', '1.3', 'Vi bedriver ett aktivt arbete för ökad hälsa, tillgång till kultur och förbättrad livskvalitet för hela befolkningen',
     'Sjukvårdspartiets alternativa regionplan, mål 1.3: "En god folkhälsa är en grundläggande förutsättning för regional utveckling." och "Uppdraget till Österåsen bör därför utökas, så att de tar över ansvaret för hälsosamtalen"',
     'RUN', 3),
    ('2', '2.1', 'Vi säkerställer tillgång till nära, tillgänglig och jämlik vård i hela länet',
     'Sjukvårdspartiets alternativa regionplan, mål 2.1: "Oavsett om man bor på landsbygden eller i en stad ska man få vård av hög kvalitet utifrån behov, när man behöver den."',
     'HSN', 1),
    ('2', '2.2', 'Vi stärker primärvården och erbjuder personcentrerad vård utifrån individens behov',
     'Sjukvårdspartiets alternativa regionplan, mål 2.2: "Alla invånare ska kunna nå sin hälsocentral via telefon eller digitalt samma dag och erbjudas en tid inom tre dagar. Vid akuta behov ska man få hjälp samma dag."',
     'HSN', 2),
    ('2', '2.3', 'Vi bedriver hälsofrämjande och förebyggande vård för att bygga ett starkare Västernorrland',
     'Sjukvårdspartiets alternativa regionplan, mål 2.3: "Hälsofrämjande och sjukdomsförebyggande arbete är centralt för att minska sjuklighet, lidande och samhällskostnader." och "Väntetiderna inom barn- och ungdomspsykiatrin ska kortas."',
     'HSN', 3),
    ('3', '3.1', 'Vi är en attraktiv arbetsgivare med strategisk kompetensförsörjning och utvecklingsmöjligheter',
     'Sjukvårdspartiets alternativa regionplan, mål 3.1: "Kompetensförsörjningen är en av de mest centrala utmaningarna för Region Västernorrland, både som arbetsgivare och utvecklingsmotor i länet." och "Samarbetet med andra regioner för att minska beroendet av hyrpersonal ska fortsatt prioriteras."',
     'RS', 1),
    ('3', '3.2', 'Vi främjar en hållbar arbetsmiljö med tillit, delaktighet och nära ledarskap',
     'Sjukvårdspartiets alternativa regionplan, mål 3.2: "Region Västernorrland ska vara en attraktiv arbetsgivare där varje arbetsplats är hälsofrämjande och byggd på en ändamålsenlig organisation, nära och tillitsfullt ledarskap samt ett aktivt medarbetarskap."',
     'RS', 2),
    ('3', '3.3', 'Vi utvecklar och använder kunskap, innovation och resurser effektivt för största möjliga nytta',
     'Sjukvårdspartiets alternativa regionplan, mål 3.3: "Digitaliseringens möjligheter behöver tas till vara för att säkra kvaliteten och bidra till en jämlik vård där resurserna nyttjas effektivt."',
     'RS', 3),
    ('E', 'E.1', 'God ekonomisk hushållning och långsiktig balans',
     'Sjukvårdspartiets alternativa regionplan §2.1: "Målet är en ekonomi i balans över tid – för att säkerställa att dagens generation bär kostnaderna för den service den konsumerar, och inte övervältrar dem på framtiden." §2.1 Vårdens kostnader: "DRG-kostnaden ska sänkas."',
     'RS', 1),
    ('E', 'E.2', 'Plan för återställande av tidigare balanskravsunderskott',
     'Sjukvårdspartiets alternativa regionplan §2.3.5: "I Regionplanen kan man läsa att Region Västernorrland planerar att återställa ett balanskravsunderskott på 352 miljoner kronor under perioden 2026–2028. Återställandet bygger på en ekonomisk plan som inkluderar kostnadsminskningar inom vård och ledningsförvaltning samt en central reserv på 300 miljoner kronor årligen som buffert."',
     'RS', 2)
) as x (area_code, code, name, description, owner, sort_order);

-- Three indicators for the proposal's economics (seed 002 §2.2, §2.3.5 and §2.3.7); the adopted plan has none of them.
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo)
select '0022', x.code, x.name, x.description, x.unit, x.decimals, x.direction, 'year', 'sum',
    false, (select id from committee where area_id = '0022' and code = 'RS'), '0022', x.tolerance, x.tolerance_kind,
    x.trend_min_difference, x.source_description, null, true
from (values
    ('BALANSKRAVSUNDERSKOTT_KVAR', 'Balanskravsunderskott kvar att återställa',
     'Det balanskravsunderskott från tidigare år som återstår att återställa vid årets slut, i miljoner kronor. Sjukvårdspartiets alternativa regionplan §2.3.5: "Region Västernorrland planerar att återställa ett balanskravsunderskott på 352 miljoner kronor under perioden 2026–2028." och "Om regionen når målen i sin plan kan hela underskottet vara återställt redan 2027, inom den femårsram fullmäktige beslutat om."',
     'mnkr', 0, 'lower', 20, 'absolute', 10, 'Fil från ekonomisystemet (årsredovisningens balanskravsutredning)'),
    ('CENTRAL_RESERV', 'Central reserv som buffert i återställandeplanen',
     'Den centrala reserv som avsätts i budgeten som buffert i planen för att återställa balanskravsunderskottet, i miljoner kronor. Sjukvårdspartiets alternativa regionplan §2.2: "I Regionplanen så ingår en årlig avsättning på 300 miljoner kronor som en buffert i återställandeplanen."',
     'mnkr', 0, 'higher', 20, 'absolute', 10, 'Fil från ekonomisystemet (budget och delårsrapport)'),
    ('SJALVFINANSIERINGSGRAD', 'Självfinansieringsgrad av investeringar',
     'Hur stor del av årets investeringar som finansieras med egna medel (resultat plus avskrivningar i procent av investeringarna). Sjukvårdspartiets alternativa regionplan §2.3.7 om Regionplan 2026–2028: "Detta, i kombination med förbättrat resultat, innebär att målet om 100 % självfinansieringsgrad nås år 2027."',
     '%', 0, 'higher', 5, 'absolute', 1, 'Fil från ekonomisystemet (årsredovisning, kassaflödesanalys)')
) as x (code, name, description, unit, decimals, direction, tolerance, tolerance_kind, trend_min_difference, source_description);

-- The region's files would feed them, as they feed the adopted plan's other economy indicators.
insert into source_indicator (source_id, indicator_id)
select (select id from source where kind = 'file' and is_demo), i.id
from indicator i where i.area_id = '0022' and i.code in ('BALANSKRAVSUNDERSKOTT_KVAR', 'CENTRAL_RESERV', 'SJALVFINANSIERINGSGRAD');

-- Indicator → mål. The adopted plan's indicators where they evidently serve the proposal's mål (mål 1.2 has none).
insert into goal_indicator (goal_id, indicator_id, sort_order)
select (select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Sjukvårdspartiets förslag' and g.code = x.goal),
    (select id from indicator where area_id = '0022' and code = x.indicator), x.sort_order
from (values
    ('1.1', 'FOLKMANGD', 1),
    ('1.3', 'FETMA_ANDEL', 1),
    ('2.1', 'N79222', 1),
    ('2.1', 'N79224', 2),
    ('2.1', 'N79221', 3),
    ('2.1', 'N79190', 4),
    ('2.2', 'N79179', 1),
    ('2.2', 'N79173', 2),
    ('2.2', 'LISTADE_PER_ALLMANSPECIALIST', 3),
    ('2.2', 'U71458', 4),
    ('2.3', 'U72552', 1),
    ('3.1', 'HYRPERSONAL_ANDEL', 1),
    ('3.2', 'SJUKFRANVARO', 1),
    ('3.3', 'DIGITALA_KONTAKTER_ANDEL', 1),
    ('E.1', 'DRG_AVVIKELSE_RIKET', 1),
    ('E.1', 'SJALVFINANSIERINGSGRAD', 2),
    ('E.2', 'BALANSKRAVSUNDERSKOTT_KVAR', 1),
    ('E.2', 'CENTRAL_RESERV', 2),
    ('E.2', 'ARETS_RESULTAT', 3)
) as x (goal, indicator, sort_order);

-- Målvärden for the whole population (gender null). Folkmängd has none, as in the adopted plan; the seed's figures
-- outside the plan's years (2028, the 17,3 mnkr for hyrpersonal 2024) have no målvärde.
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example)
select (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Sjukvårdspartiets förslag'),
    (select id from indicator where area_id = '0022' and code = x.indicator), x.year, null, x.value, x.provenance, x.is_example
from (values
    ('N79222', 2025, 70::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79222', 2026, 75::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79222', 2027, 80::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79224', 2025, 65::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79224', 2026, 70::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79224', 2027, 75::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79221', 2025, 70::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79221', 2026, 75::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79221', 2027, 80::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79190', 2025, 64::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79190', 2026, 62::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79190', 2027, 60::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79179', 2025, 90::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79179', 2026, 100::numeric, 'Sjukvårdspartiets alternativa regionplan, mål 2.2: "Alla invånare ska kunna nå sin hälsocentral via telefon eller digitalt samma dag" (alla = 100 %, från budgetåret 2026)', false),
    ('N79179', 2027, 100::numeric, 'Sjukvårdspartiets alternativa regionplan, mål 2.2: "Alla invånare ska kunna nå sin hälsocentral via telefon eller digitalt samma dag" (alla = 100 %)', false),
    ('N79173', 2025, 80::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('N79173', 2026, 100::numeric, 'Sjukvårdspartiets alternativa regionplan, mål 2.2: "Alla invånare ska kunna nå sin hälsocentral via telefon eller digitalt samma dag och erbjudas en tid inom tre dagar." (alla = 100 %, från budgetåret 2026)', false),
    ('N79173', 2027, 100::numeric, 'Sjukvårdspartiets alternativa regionplan, mål 2.2: "Alla invånare ska kunna nå sin hälsocentral via telefon eller digitalt samma dag och erbjudas en tid inom tre dagar." (alla = 100 %)', false),
    ('LISTADE_PER_ALLMANSPECIALIST', 2025, 1300::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('LISTADE_PER_ALLMANSPECIALIST', 2026, 1200::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('LISTADE_PER_ALLMANSPECIALIST', 2027, 1100::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('U71458', 2025, 60::numeric, 'Exempel', true),
    ('U71458', 2026, 65::numeric, 'Exempel (förslaget: en kraftfull satsning på primärvården)', true),
    ('U71458', 2027, 70::numeric, 'Exempel (förslaget: en kraftfull satsning på primärvården)', true),
    ('U72552', 2025, 80::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('U72552', 2026, 90::numeric, 'Exempel (mål 2.3: "Väntetiderna inom barn- och ungdomspsykiatrin ska kortas.")', true),
    ('U72552', 2027, 95::numeric, 'Exempel (mål 2.3: "Väntetiderna inom barn- och ungdomspsykiatrin ska kortas.")', true),
    ('FETMA_ANDEL', 2025, 20::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('FETMA_ANDEL', 2026, 19.5::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('FETMA_ANDEL', 2027, 19::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('HYRPERSONAL_ANDEL', 2025, 4::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('HYRPERSONAL_ANDEL', 2026, 3::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('HYRPERSONAL_ANDEL', 2027, 2::numeric, 'Nationellt mål: regionernas gemensamma mål om högst 2 % av de egna personalkostnaderna', false),
    ('SJUKFRANVARO', 2025, 6.5::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('SJUKFRANVARO', 2026, 6::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('SJUKFRANVARO', 2027, 5.5::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('DIGITALA_KONTAKTER_ANDEL', 2025, 20::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('DIGITALA_KONTAKTER_ANDEL', 2026, 25::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('DIGITALA_KONTAKTER_ANDEL', 2027, 30::numeric, 'Exempel (som i den fastställda planen; förslaget anger ingen siffra)', true),
    ('DRG_AVVIKELSE_RIKET', 2025, 15::numeric, 'Exempel (§2.1: "DRG-kostnaden ska sänkas.")', true),
    ('DRG_AVVIKELSE_RIKET', 2026, 11::numeric, 'Exempel (§2.1: "DRG-kostnaden ska sänkas.")', true),
    ('DRG_AVVIKELSE_RIKET', 2027, 7.5::numeric, 'Exempel (§2.1: "DRG-kostnaden ska sänkas.")', true),
    ('SJALVFINANSIERINGSGRAD', 2027, 100::numeric, 'Sjukvårdspartiets alternativa regionplan §2.3.7: "målet om 100 % självfinansieringsgrad nås år 2027"', false),
    ('BALANSKRAVSUNDERSKOTT_KVAR', 2025, 352::numeric, 'Sjukvårdspartiets alternativa regionplan §2.3.5: "återställa ett balanskravsunderskott på 352 miljoner kronor under perioden 2026–2028" (kvar att återställa när 2026 börjar; 2025 ger "inget ytterligare återställningskrav")', false),
    ('BALANSKRAVSUNDERSKOTT_KVAR', 2026, 176::numeric, 'Exempel (halva vägen mellan 352 mnkr 2025 och 0 mnkr 2027)', true),
    ('BALANSKRAVSUNDERSKOTT_KVAR', 2027, 0::numeric, 'Sjukvårdspartiets alternativa regionplan §2.3.5: "Om regionen når målen i sin plan kan hela underskottet vara återställt redan 2027"', false),
    ('CENTRAL_RESERV', 2026, 300::numeric, 'Sjukvårdspartiets alternativa regionplan §2.3.5: "en central reserv på 300 miljoner kronor årligen som buffert"', false),
    ('CENTRAL_RESERV', 2027, 300::numeric, 'Sjukvårdspartiets alternativa regionplan §2.3.5: "en central reserv på 300 miljoner kronor årligen som buffert"', false),
    ('ARETS_RESULTAT', 2025, -159::numeric, 'Sjukvårdspartiets alternativa regionplan §2.3.5: "Det negativa resultatet för 2025, prognostiserat till -159 miljoner kronor, täcks av regionens resultatutjämningsreserv (RuR)" (prognos, här som målvärde)', false),
    ('ARETS_RESULTAT', 2026, 176::numeric, 'Exempel (så mycket återställs 2026 om hela underskottet på 352 mnkr är återställt 2027)', true),
    ('ARETS_RESULTAT', 2027, 176::numeric, 'Exempel (så mycket återställs 2027 om hela underskottet på 352 mnkr är återställt 2027)', true)
) as x (indicator, year, value, provenance, is_example);
