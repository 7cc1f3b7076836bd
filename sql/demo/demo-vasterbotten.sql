-- Demo plan of a second organisation: Region Västerbotten, Regionplan 2024–2027 med budget 2025 (seed 001).
-- Plain PostgreSQL 15 INSERT statements, run by the loader after the other demo files in the same transaction.
-- As in demo-plan.sql, rows are found by natural keys, always with the organisation (area 0024): committee codes and
-- indicator codes may be the same as Region Västernorrland's (0022), and their ids differ.
-- Texts quote the seed (regionmål, förväntat utfall, finansiella mål, riktade uppdrag); målvärden the seed does not give
-- are marked exempel (target.is_example). The example outcomes are in outcomes-vasterbotten.csv.

-- The six nämnder and styrelser the seed names (§2.3 and bilaga 1).
insert into committee (area_id, code, name) values
    ('0024', 'RS', 'Regionstyrelsen'),
    ('0024', 'HSN', 'Hälso- och sjukvårdsnämnden'),
    ('0024', 'RUN', 'Regionala utvecklingsnämnden'),
    ('0024', 'FHS', 'Folkhögskolestyrelsen'),
    ('0024', 'PN', 'Patientnämnden'),
    ('0024', 'KLN', 'Krisledningsnämnden');

-- Fullmäktige's three beredningar, which §3.4 gives riktade uppdrag of their own (demo-vasterbotten-follow-up.sql); they
-- follow them up as a nämnd does, in a report of their own.
insert into committee (area_id, code, name) values
    ('0024', 'BSRU', 'Beredningen för samverkan och regional utveckling'),
    ('0024', 'DEMB', 'Demokratiberedningen'),
    ('0024', 'BKF', 'Beredningen för kompetensförsörjning');

-- The plan (vision from §2.2) and its adopted version. The seed gives no meeting date or §: they are examples, marked
-- in the § text as demo-plan.sql marks its invented adoption record.
insert into plan (area_id, name, vision, start_year, end_year, is_demo) values
    ('0024', 'Regionplan 2024–2027', 'Från fjäll till kust skapar vi gemensamt en attraktiv region med goda livsvillkor för alla.', 2024, 2027, true);
insert into plan_version (plan_id, name, kind, author, is_current, decided_by, decided_on, decision_section, current_from) values
    ((select p.id from plan p where p.area_id = '0024' and p.name = 'Regionplan 2024–2027'), 'Regionplan 2024–2027 med budget 2025', 'adopted', 'Regionfullmäktige', true,
     'Regionfullmäktige', '2024-11-26', '§ 118 (exempel)', '2025-01-01');

-- The seven regionmål (§3.2) as one group, and the finansiella mål (§3.3) beside them.
insert into goal_area (plan_version_id, code, name, description, kind, sort_order) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
    'R', 'Regionmål',
    'Regionplan 2024–2027 §2.2: "Den politiska styrningen mot visionen och de två huvuduppdragen sker genom sju regionmål som fullmäktige fastställt. Inom varje mål har fullmäktige prioriterat förflyttningar för perioden 2024–2027."',
    'goal_area', 1);
insert into goal_area (plan_version_id, code, name, description, kind, sort_order) values (
    (select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
    'F', 'Finansiella mål',
    'Regionplan 2024–2027 §3.3: "Det övergripande målet för Region Västerbotten är att skapa en långsiktig hållbar ekonomi där ekonomiska överskott tillsammans med hög måluppfyllelse i verksamheten säkerställer att regionens invånare erhåller tjänster av hög kvalitet och tillgänglighet idag och i framtiden."',
    'prerequisite', 2);

-- Regionmål: name as the seed's heading, description its förväntat utfall. The seed directs each mål to several nämnder;
-- the first it names owns the mål, the others contribute.
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'R'),
    '1', 'Trygga uppväxtvillkor',
    E'Förväntat utfall:\n- Fler barn och unga har en god hälsa\n- Fler barn och unga får tillgång till kultur, idrott och föreningsliv.\n- Fler vårdnadshavare får verktyg och förutsättningar för att känna sig stärkta i sitt föräldraskap.\n- Fler barn och unga växer upp i en trygg miljö fri från våld.\n- Barn och unga upplever att deras perspektiv tas till vara.',
    (select id from committee where area_id = '0024' and code = 'HSN'), 1);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'R'),
    '2', 'Goda levnadsvillkor',
    E'Förväntat utfall:\n- Alla invånare i Västerbotten har goda förutsättningar att efter förmåga ta ansvar för sin hälsa och sitt välmående.\n- En väl fungerande samverkan med länets kommuner utifrån befolkningens behov.\n- Hälsofrämjande insatser är tydligt prioriterade och ska bidra till att minska den ojämlika hälsan i befolkningen.\n- Våldsutsatta upplever ett bra stöd i mötet med Region Västerbotten.\n- Stärka vår förmåga vid höjd beredskap och krig.',
    (select id from committee where area_id = '0024' and code = 'HSN'), 2);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'R'),
    '3', 'Ett attraktivt och hållbart Västerbotten',
    E'Förväntat utfall:\n- Fler västerbottningar stannar i länet och fler människor från Sverige och andra länder besöker och flyttar till Västerbotten. Länets invånare, företag och föreningar bidrar till en hållbar utveckling i Västerbotten.\n- Region Västerbotten fortsätter vara en drivande, progressiv, proaktiv och innovativ aktör och partner som verkar för en hållbar utveckling i hela Västerbotten.\n- Vi är en föregångare i den gröna omställningen och driver cirkulär ekonomi och hållbar resurshushållning inom industri, mobilitet och turism.\n- Region Västerbotten utvecklar sin roll som förebild för ett rikt föreningsliv och en hög mellanmänsklig tillit mellan länets invånare.\n- Region Västerbotten bidrar till att synliggöra och tillvarata de nationella minoriteterna samer, judar, romer, sverigefinnar och tornedalingars rättigheter inom befintliga och nya strukturer.\n- Region Västerbotten bidrar till en jämställd och jämlik samhällsutveckling fri från diskriminering.\n- Resandet med kollektivtrafiken ökar.',
    (select id from committee where area_id = '0024' and code = 'HSN'), 3);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'R'),
    '4', 'Tillgänglig vård med god kvalitet och kontinuitet',
    E'Förväntat utfall:\n- Patienten upplever god hälsa och en hälso- och sjukvård som är personcentrerad och sömlös.\n- Primärvården är stärkt i sin roll som första kontakt och samordnare av vården.\n- Vi kommunicerar på ett enkelt och begripligt sätt utifrån individens behov och där invånarna får information på ett sätt som de kan ta till sig.\n- Region Västerbotten uppfyller vårdgarantin\n- 1177 är en tillgänglig och trygg startpunkt för invånarna i kontakten med vården. Vi erbjuder kontaktvägar utifrån behov med digital kontakt till alla och fysiska besök när det behövs.\n- Patienten är delaktig och väl informerad om den egna vården.\n- Kvinnor i Västerbotten upplever god och tillgänglig kvinnosjukvård och förlossningsvård i hela länet.',
    (select id from committee where area_id = '0024' and code = 'HSN'), 4);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'R'),
    '5', 'Goda arbetsplatser och attraktiva arbetsgivare',
    E'Förväntat utfall:\n- Vi har hälsofrämjande arbetsplatser där medarbetare ges möjlighet till inflytande och delaktighet.\n- Vi har stärkta förutsättningar att behålla erfaren personal, minskat personalomsättning och därigenom ökat kontinuiteten\n- Vi erbjuder attraktiva anställningsformer.\n- Chefer upplever att de har goda förutsättningar att leda\n- Skillnader mellan kvinnor och män i lön, hälsa och arbetstid har minskat.\n- Medarbetarna har goda möjligheter till kompetensutveckling, karriärmöjligheter och vidareutbildning.',
    (select id from committee where area_id = '0024' and code = 'HSN'), 5);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'R'),
    '6', 'En hållbar miljö- och klimatregion',
    E'Förväntat utfall:\n- Regionen har ett etablerat miljö-, klimat-, och hållbarhetsarbete där det är lätt att göra rätt och där resultatet kontinuerligt följs upp i en miljöredovisning.\n- Regionen har en god samverkan med andra aktörer som främjar det interna miljö-, klimat- och hållbarhetsarbetet.\n- Region har minskat sina klimatpåverkande utsläpp.\n- Regionen har minskat användningen av miljö- och hälsofarliga ämnen.\n- Regionen har en effektiv och cirkulär resursanvändning.\n- Regionen har ökat andelen inköpta ekologiska och närproducerade livsmedel.\n- Regionen gynnar den biologiska mångfalden genom att ta hänsyn till den i sitt arbete.',
    (select id from committee where area_id = '0024' and code = 'HSN'), 6);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'R'),
    '7', 'Stärk forskning, utbildning och innovation',
    E'Förväntat utfall:\n- Norrlands universitetssjukhus har stärkts som ett kunskapscentrum för forskare nationellt och internationellt.\n- Regionen skapar och vårdar attraktiva forsknings- och utbildningsmiljöer som är tätt knutna till kliniker där den kliniska forskningen växer.\n- Region Västerbotten erbjuder goda möjligheter till verksamhetsförlagd utbildning med hög kvalitet.\n- Vi har utvecklat den kliniska forskningen inom primärvård och tandvård.\n- Region Västerbotten upplevs som en attraktiv samarbetspartner för innovation.\n- Samarbetet inom Norra regionsjukvårdsförbundet har stärkts.',
    (select id from committee where area_id = '0024' and code = 'HSN'), 7);

-- Finansiella mål (§3.3), worded as the seed; the riktat uppdrag on tjänsteresor (§3.4, to all nämnder) beside them.
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'F'),
    'F.1', 'Resultatmål',
    'Verksamhetens resultat ska uppgå till minst vad som krävs för att uppnå ett positivt balanskravsresultat samt över tid stärka den finansiella ställningen. 2025 ska verksamhetens resultat uppgå till minst 3 procent av skatteintäkter och generella statsbidrag.',
    (select id from committee where area_id = '0024' and code = 'RS'), 1);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'F'),
    'F.2', 'Soliditetsmål',
    'Soliditeten inklusive ansvarsförbindelsen ska stärkas med ett långsiktigt mål på minst 20 procent till år 2040. 2025 ska soliditet inklusive ansvarsförbindelse minst uppgå till minus 13 procent.',
    (select id from committee where area_id = '0024' and code = 'RS'), 2);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'F'),
    'F.3', 'Skuldsättningsmål',
    'Låneskulden ska över tid minska. Nyupplåning tillåts för att hantera likviditetsbehov på kort sikt, exempelvis för att finansiera tillfälligt höga investeringsutgifter. 2025 bör räntebärande låneskulden, exklusive pensionsskulden, högst uppgå till 22 procent av skatteintäkter och generella statsbidrag.',
    (select id from committee where area_id = '0024' and code = 'RS'), 3);
insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order) values (
    (select ga.id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and ga.code = 'F'),
    'F.4', 'Minska kostnader för tjänsteresor i Region Västerbotten med 15 procent i jämförelse med år 2023',
    'Riktat uppdrag från fullmäktige till alla nämnder och styrelser (Regionplan 2024–2027 med budget 2025 §3.4).',
    (select id from committee where area_id = '0024' and code = 'RS'), 4);

-- The nämnder the seed directs each mål to, besides its owner.
insert into goal_contributor (goal_id, committee_id) values
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '1'),
     (select id from committee where area_id = '0024' and code = 'RS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '1'),
     (select id from committee where area_id = '0024' and code = 'RUN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '1'),
     (select id from committee where area_id = '0024' and code = 'PN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '2'),
     (select id from committee where area_id = '0024' and code = 'RS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '2'),
     (select id from committee where area_id = '0024' and code = 'RUN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '2'),
     (select id from committee where area_id = '0024' and code = 'FHS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '2'),
     (select id from committee where area_id = '0024' and code = 'PN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '3'),
     (select id from committee where area_id = '0024' and code = 'RS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '3'),
     (select id from committee where area_id = '0024' and code = 'RUN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '3'),
     (select id from committee where area_id = '0024' and code = 'FHS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '3'),
     (select id from committee where area_id = '0024' and code = 'PN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '4'),
     (select id from committee where area_id = '0024' and code = 'RS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '4'),
     (select id from committee where area_id = '0024' and code = 'PN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '5'),
     (select id from committee where area_id = '0024' and code = 'RS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '5'),
     (select id from committee where area_id = '0024' and code = 'RUN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '5'),
     (select id from committee where area_id = '0024' and code = 'FHS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '5'),
     (select id from committee where area_id = '0024' and code = 'PN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '6'),
     (select id from committee where area_id = '0024' and code = 'RS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '6'),
     (select id from committee where area_id = '0024' and code = 'RUN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '6'),
     (select id from committee where area_id = '0024' and code = 'FHS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '6'),
     (select id from committee where area_id = '0024' and code = 'PN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '7'),
     (select id from committee where area_id = '0024' and code = 'RS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '7'),
     (select id from committee where area_id = '0024' and code = 'RUN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '7'),
     (select id from committee where area_id = '0024' and code = 'FHS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '7'),
     (select id from committee where area_id = '0024' and code = 'PN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = 'F.4'),
     (select id from committee where area_id = '0024' and code = 'HSN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = 'F.4'),
     (select id from committee where area_id = '0024' and code = 'RUN')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = 'F.4'),
     (select id from committee where area_id = '0024' and code = 'FHS')),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = 'F.4'),
     (select id from committee where area_id = '0024' and code = 'PN'));

-- Indicators of Region Västerbotten (area 0024). Owner = the owner of the indicator's mål; gender-split where the outcome
-- is individual-based (§6.1, Uppföljning: "När individbaserade mätetal följs upp ska könsuppdelad statistik redovisas.").
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'U72552', 'Genomförda första besök inom 90 dagar, barn- och ungdomspsykiatri, andel',
    'Andel av de genomförda första besöken inom barn- och ungdomspsykiatrin (BUP) som skedde inom 90 dagar. Följer förväntat utfall "Fler barn och unga har en god hälsa" (regionmål 1). Målvärdena är exempel.',
    '%', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0024' and code = 'HSN'), '0024', 5, 'absolute',
    0.5, 'Kolada U72552 (Väntetider i vården via SKR), årsvärde', 'U72552', true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'FOLKMANGD', 'Folkmängd',
    'Antal invånare i Västerbottens län. Följs utan målvärde. Regionplan 2024–2027 §4.1: "I Västerbottens län bor knappt 279 000 personer i 15 kommuner." Följer förväntat utfall "Fler västerbottningar stannar i länet och fler människor från Sverige och andra länder besöker och flyttar till Västerbotten." (regionmål 3).',
    'antal', 0, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0024' and code = 'RUN'), '0024', null, null,
    100, 'SCB PxWeb, tabell TAB638 (Folkmängden efter region, civilstånd, ålder och kön), region 24, ContentsCode BE0101N1', null, true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'KOLLEKTIVTRAFIK_RESOR', 'Resor med kollektivtrafiken per invånare',
    'Antal påstigande resor med Länstrafikens buss- och tågtrafik per invånare och år. Följer förväntat utfall "Resandet med kollektivtrafiken ökar." (regionmål 3). Målvärdena är exempel.',
    'resor per invånare', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0024' and code = 'RUN'), '0024', 0.05, 'relative',
    0.2, 'Fil från Länstrafiken (resandestatistik), årsvärde', null, true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'N79173', 'Medicinsk bedömning inom 3 dagar i primärvården, andel',
    'Andel av patienterna i primärvården som fått en medicinsk bedömning av legitimerad hälso- och sjukvårdspersonal inom 3 dagar (vårdgarantin). Följer förväntat utfall "Region Västerbotten uppfyller vårdgarantin" (regionmål 4). Målvärdena är exempel.',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0024' and code = 'HSN'), '0024', 5, 'absolute',
    0.5, 'Kolada N79173 (Väntetider i vården via SKR), årsvärde', 'N79173', true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'N79222', 'Genomförd första kontakt i specialiserad vård inom 90 dagar, andel',
    'Andel av de genomförda första kontakterna i den specialiserade vården som skedde inom 90 dagar (vårdgarantin). Följer förväntat utfall "Region Västerbotten uppfyller vårdgarantin" (regionmål 4). Målvärdena är exempel.',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0024' and code = 'HSN'), '0024', 5, 'absolute',
    0.5, 'Kolada N79222 (Väntetider i vården via SKR), årsvärde', 'N79222', true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'N79224', 'Genomförd operation/åtgärd inom 90 dagar, andel',
    'Andel av de genomförda operationerna och åtgärderna i den specialiserade vården som skedde inom 90 dagar från beslut (vårdgarantin). Följer förväntat utfall "Region Västerbotten uppfyller vårdgarantin" (regionmål 4). Målvärdena är exempel.',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0024' and code = 'HSN'), '0024', 5, 'absolute',
    0.5, 'Kolada N79224 (Väntetider i vården via SKR), årsvärde', 'N79224', true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'U71458', 'Förtroende för vårdcentralerna, andel',
    'Andel av invånarna som har mycket eller ganska stort förtroende för vårdcentralerna, enligt Hälso- och sjukvårdsbarometern. Följer förväntat utfall "Primärvården är stärkt i sin roll som första kontakt och samordnare av vården." (regionmål 4). Målvärdena är exempel.',
    '%', 1, 'higher', 'year', 'rate',
    true, (select id from committee where area_id = '0024' and code = 'HSN'), '0024', 3, 'absolute',
    0.5, 'Kolada U71458 (Hälso- och sjukvårdsbarometern, SKR), årsvärde', 'U71458', true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'SJUKFRANVARO', 'Sjukfrånvaro bland medarbetare',
    'Sjukfrånvaro i procent av de anställdas ordinarie arbetstid, för kvinnor, män och totalt. Följer förväntat utfall "Skillnader mellan kvinnor och män i lön, hälsa och arbetstid har minskat." (regionmål 5). Målvärdena är exempel.',
    '%', 1, 'lower', 'year', 'rate',
    true, (select id from committee where area_id = '0024' and code = 'RS'), '0024', 0.5, 'absolute',
    0.2, 'Fil från HR-systemet, årsvärde', null, true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'EKOLOGISKA_LIVSMEDEL_ANDEL', 'Andel inköpta ekologiska livsmedel',
    'Andel ekologiska livsmedel av regionens livsmedelsinköp, i procent av inköpsvärdet. Följer förväntat utfall "Regionen har ökat andelen inköpta ekologiska och närproducerade livsmedel." (regionmål 6). Målvärdena är exempel.',
    '%', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0024' and code = 'RS'), '0024', 2, 'absolute',
    0.5, 'Fil från måltidsverksamhetens inköpsstatistik, årsvärde', null, true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'N63016', 'Resultat i % av skatteintäkter och generella statsbidrag',
    'Årets resultat i procent av skatteintäkter och generella statsbidrag och utjämning. Regionplan 2024–2027 §3.3, resultatmål: "2025 ska verksamhetens resultat uppgå till minst 3 procent av skatteintäkter och generella statsbidrag."',
    '%', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0024' and code = 'RS'), '0024', 0.5, 'absolute',
    0.2, 'Kolada N63016 (räkenskapssammandraget, SCB), årsvärde', 'N63016', true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'N63133', 'Soliditet inklusive ansvarsförbindelsen',
    'Eget kapital minus pensionsförpliktelser intjänade före 1998 (ansvarsförbindelsen), i procent av de totala tillgångarna. Regionplan 2024–2027 §3.3, soliditetsmål: "2025 ska soliditet inklusive ansvarsförbindelse minst uppgå till minus 13 procent." Det långsiktiga målet, minst 20 procent till år 2040, ligger efter planperioden och står i målets text. §5.3: "Soliditeten inklusive ansvarsförbindelsen var i början av 2024 negativ med 13 procent."',
    '%', 1, 'higher', 'year', 'rate',
    false, (select id from committee where area_id = '0024' and code = 'RS'), '0024', 2, 'absolute',
    0.5, 'Kolada N63133 (soliditet inklusive ansvarsförbindelsen, region), årsvärde', 'N63133', true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'LANESKULD_ANDEL', 'Räntebärande låneskuld i % av skatteintäkter och generella statsbidrag',
    'Räntebärande låneskuld, exklusive pensionsskulden, i procent av skatteintäkter och generella statsbidrag. Regionplan 2024–2027 §3.3, skuldsättningsmål: "2025 bör räntebärande låneskulden, exklusive pensionsskulden, högst uppgå till 22 procent av skatteintäkter och generella statsbidrag." Ingen Kolada-KPI mäter just detta; regionen räknar fram det ur balansräkningen.',
    '%', 1, 'lower', 'year', 'rate',
    false, (select id from committee where area_id = '0024' and code = 'RS'), '0024', 1, 'absolute',
    0.2, 'Fil från ekonomisystemet (balansräkningen: räntebärande lån exklusive pensionsskuld / skatteintäkter och generella statsbidrag)', null, true);
insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation,
                       gender_split, owner_committee_id, primary_area_id, tolerance, tolerance_kind,
                       trend_min_difference, source_description, kpi_id, is_demo) values (
    '0024', 'TJANSTERESOR_FORANDRING', 'Kostnad för tjänsteresor, förändring mot 2023',
    'Kostnaden för tjänsteresor i Region Västerbotten, procentuell förändring mot år 2023 (2023 = 0). Regionplan 2024–2027 med budget 2025 §3.4, riktat uppdrag till alla nämnder och styrelser: "Minska kostnader för tjänsteresor i Region Västerbotten med 15 procent i jämförelse med år 2023".',
    '%', 1, 'lower', 'year', 'rate',
    false, (select id from committee where area_id = '0024' and code = 'RS'), '0024', 2, 'absolute',
    0.5, 'Fil från ekonomisystemet (kostnad för tjänsteresor, jämförd med 2023)', null, true);
update indicator set counted_noun = 'invånare' where area_id = '0024' and code = 'FOLKMANGD';

-- Indicator → mål.
insert into goal_indicator (goal_id, indicator_id, sort_order) values
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '1'),
     (select id from indicator where area_id = '0024' and code = 'U72552'), 1),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '3'),
     (select id from indicator where area_id = '0024' and code = 'FOLKMANGD'), 1),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '3'),
     (select id from indicator where area_id = '0024' and code = 'KOLLEKTIVTRAFIK_RESOR'), 2),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '4'),
     (select id from indicator where area_id = '0024' and code = 'N79173'), 1),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '4'),
     (select id from indicator where area_id = '0024' and code = 'N79222'), 2),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '4'),
     (select id from indicator where area_id = '0024' and code = 'N79224'), 3),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '4'),
     (select id from indicator where area_id = '0024' and code = 'U71458'), 4),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '5'),
     (select id from indicator where area_id = '0024' and code = 'SJUKFRANVARO'), 1),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = '6'),
     (select id from indicator where area_id = '0024' and code = 'EKOLOGISKA_LIVSMEDEL_ANDEL'), 1),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = 'F.1'),
     (select id from indicator where area_id = '0024' and code = 'N63016'), 1),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = 'F.2'),
     (select id from indicator where area_id = '0024' and code = 'N63133'), 1),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = 'F.3'),
     (select id from indicator where area_id = '0024' and code = 'LANESKULD_ANDEL'), 1),
    ((select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
        join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025' and g.code = 'F.4'),
     (select id from indicator where area_id = '0024' and code = 'TJANSTERESOR_FORANDRING'), 1);

-- Comparison areas: riket and the other regions of Norra sjukvårdsregionen (Västernorrland 0022, Jämtland Härjedalen 0023,
-- Norrbotten 0025) for the Kolada and SCB indicators with example outcomes for them.
insert into indicator_comparison_area (indicator_id, area_id) values
    ((select id from indicator where area_id = '0024' and code = 'U72552'), '0000'),
    ((select id from indicator where area_id = '0024' and code = 'U72552'), '0022'),
    ((select id from indicator where area_id = '0024' and code = 'U72552'), '0023'),
    ((select id from indicator where area_id = '0024' and code = 'U72552'), '0025'),
    ((select id from indicator where area_id = '0024' and code = 'FOLKMANGD'), '0000'),
    ((select id from indicator where area_id = '0024' and code = 'FOLKMANGD'), '0022'),
    ((select id from indicator where area_id = '0024' and code = 'FOLKMANGD'), '0023'),
    ((select id from indicator where area_id = '0024' and code = 'FOLKMANGD'), '0025'),
    ((select id from indicator where area_id = '0024' and code = 'N79173'), '0000'),
    ((select id from indicator where area_id = '0024' and code = 'N79173'), '0022'),
    ((select id from indicator where area_id = '0024' and code = 'N79173'), '0023'),
    ((select id from indicator where area_id = '0024' and code = 'N79173'), '0025'),
    ((select id from indicator where area_id = '0024' and code = 'N79222'), '0000'),
    ((select id from indicator where area_id = '0024' and code = 'N79222'), '0022'),
    ((select id from indicator where area_id = '0024' and code = 'N79222'), '0023'),
    ((select id from indicator where area_id = '0024' and code = 'N79222'), '0025'),
    ((select id from indicator where area_id = '0024' and code = 'N79224'), '0000'),
    ((select id from indicator where area_id = '0024' and code = 'N79224'), '0022'),
    ((select id from indicator where area_id = '0024' and code = 'N79224'), '0023'),
    ((select id from indicator where area_id = '0024' and code = 'N79224'), '0025'),
    ((select id from indicator where area_id = '0024' and code = 'U71458'), '0000'),
    ((select id from indicator where area_id = '0024' and code = 'U71458'), '0022'),
    ((select id from indicator where area_id = '0024' and code = 'U71458'), '0023'),
    ((select id from indicator where area_id = '0024' and code = 'U71458'), '0025'),
    ((select id from indicator where area_id = '0024' and code = 'N63016'), '0000'),
    ((select id from indicator where area_id = '0024' and code = 'N63016'), '0022'),
    ((select id from indicator where area_id = '0024' and code = 'N63016'), '0023'),
    ((select id from indicator where area_id = '0024' and code = 'N63016'), '0025');

-- Målvärden for the whole population (gender null). The finansiella mål's are the seed's, for 2025 (budget 2025); the
-- regionmål's indicators have example målvärden 2025–2027. Folkmängd has none.
insert into target (plan_version_id, indicator_id, year, gender, value, provenance, is_example) values
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'U72552'), 2025, null, 84, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'U72552'), 2026, null, 86, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'U72552'), 2027, null, 88, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'KOLLEKTIVTRAFIK_RESOR'), 2025, null, 29, 'Exempel (förväntat utfall: resandet med kollektivtrafiken ökar)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'KOLLEKTIVTRAFIK_RESOR'), 2026, null, 30, 'Exempel (förväntat utfall: resandet med kollektivtrafiken ökar)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'KOLLEKTIVTRAFIK_RESOR'), 2027, null, 31, 'Exempel (förväntat utfall: resandet med kollektivtrafiken ökar)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79173'), 2025, null, 85, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79173'), 2026, null, 88, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79173'), 2027, null, 90, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79222'), 2025, null, 75, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79222'), 2026, null, 80, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79222'), 2027, null, 85, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79224'), 2025, null, 70, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79224'), 2026, null, 75, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N79224'), 2027, null, 80, 'Exempel (förväntat utfall: Region Västerbotten uppfyller vårdgarantin)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'U71458'), 2025, null, 65, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'U71458'), 2026, null, 67, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'U71458'), 2027, null, 70, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'SJUKFRANVARO'), 2025, null, 6.5, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'SJUKFRANVARO'), 2026, null, 6.2, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'SJUKFRANVARO'), 2027, null, 6, 'Exempel', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'EKOLOGISKA_LIVSMEDEL_ANDEL'), 2025, null, 38, 'Exempel (förväntat utfall: ökad andel ekologiska och närproducerade livsmedel)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'EKOLOGISKA_LIVSMEDEL_ANDEL'), 2026, null, 40, 'Exempel (förväntat utfall: ökad andel ekologiska och närproducerade livsmedel)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'EKOLOGISKA_LIVSMEDEL_ANDEL'), 2027, null, 42, 'Exempel (förväntat utfall: ökad andel ekologiska och närproducerade livsmedel)', true),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N63016'), 2025, null, 3, 'Regionplan 2024–2027 §3.3, resultatmål (minst 3 procent 2025)', false),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'N63133'), 2025, null, -13, 'Regionplan 2024–2027 §3.3, soliditetsmål (minst minus 13 procent 2025)', false),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'LANESKULD_ANDEL'), 2025, null, 22, 'Regionplan 2024–2027 §3.3, skuldsättningsmål (högst 22 procent 2025)', false),
    ((select v.id from plan_version v join plan p on p.id = v.plan_id
        where p.area_id = '0024' and p.name = 'Regionplan 2024–2027' and v.name = 'Regionplan 2024–2027 med budget 2025'),
     (select id from indicator where area_id = '0024' and code = 'TJANSTERESOR_FORANDRING'), 2025, null, -15, 'Regionplan 2024–2027 med budget 2025 §3.4, riktat uppdrag (minus 15 procent mot 2023)', false);

-- Region Västerbotten's own sources (is_demo), so that a source delivers to this organisation's indicators: a source
-- finds an indicator by its code or KPI id among those linked to it, and Västernorrland's have the same codes.
insert into source (name, kind, cron, full_refresh_cron, settings, is_demo) values
    ('Kolada – Region Västerbotten', 'kolada', '0 6 * * *', '0 3 * * 0', '{"fromYear": 2019}', true),
    ('SCB – folkmängd Västerbottens län', 'pxweb', '0 7 * * 1', null,
     '{"table": "TAB638",
       "selection": {"Region": ["00", "22", "23", "24", "25"], "ContentsCode": ["BE0101N1"], "Tid": ["TOP(6)"]},
       "codelists": {"Region": "vs_RegionLän07"},
       "contents": {"BE0101N1": "FOLKMANGD"}}', true),
    ('Region Västerbottens egna filer (ekonomi, HR, kollektivtrafik, måltider)', 'file', '0 5 * * *', null,
     '{"folder": "inbox-vasterbotten", "pattern": "*.csv;*.xlsx", "mapping": {"genderColumn": "gender", "statusColumn": "status"}}', true);
insert into source_indicator (source_id, indicator_id)
select (select id from source where name = 'Kolada – Region Västerbotten'), i.id
from indicator i where i.area_id = '0024' and i.kpi_id is not null;
insert into source_indicator (source_id, indicator_id) values (
    (select id from source where name = 'SCB – folkmängd Västerbottens län'),
    (select id from indicator where area_id = '0024' and code = 'FOLKMANGD'));
insert into source_indicator (source_id, indicator_id)
select (select id from source where name = 'Region Västerbottens egna filer (ekonomi, HR, kollektivtrafik, måltider)'), i.id
from indicator i where i.area_id = '0024' and i.kpi_id is null and i.code <> 'FOLKMANGD';
