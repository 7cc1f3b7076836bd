using System.Collections.Frozen;
using Indicators.Core.Formatting;

namespace Indicators.Core.Audit;

/// <summary>
/// The Swedish names the audit log is read by: of each action ("submit" → "Lämnade in") and object ("committee_report"
/// → "Nämndens rapport") the code records, of the fields in the recorded states ("State" → "Status") and of coded values
/// ("under_review" → "under granskning"). One table for the page and the CSV. A code without a name shows as the code
/// itself, so an entry is never hidden; <c>AuditCodeNamesTests</c> fails when the source records a code this table lacks.
/// </summary>
public static class AuditNames
{
    static readonly FrozenDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["create"] = "Skapade",
        ["update"] = "Ändrade",
        ["delete"] = "Tog bort",
        ["copy"] = "Kopierade",
        ["import"] = "Importerade",
        ["link"] = "Kopplade",
        ["disable"] = "Stängde av",
        ["run"] = "Startade körning",
        ["retry"] = "Körde om",
        ["upload"] = "Laddade upp",
        ["submit"] = "Lämnade in",
        ["reopen"] = "Öppnade igen",
        ["finalise"] = "Fastställde",
        ["return"] = "Returnerade",
        ["decide"] = "Registrerade beslut",
        ["comment"] = "Kommenterade",
        ["revise"] = "Reviderade",
        ["adjust"] = "Justerade",
        ["adopt"] = "Fastställde",
        ["sign-in"] = "Loggade in",
        ["sign-in-failed"] = "Misslyckad inloggning",
        ["sign-out"] = "Loggade ut",
        ["end"] = "Avslutade",
        ["password-change"] = "Bytte lösenord",
        ["password-reset"] = "Återställde lösenord",
        ["roles"] = "Ändrade roller",
        ["role-change"] = "Ändrade roller",
        ["deactivate"] = "Inaktiverade",
        ["reactivate"] = "Återaktiverade",
        ["activate"] = "Aktiverade",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    static readonly FrozenDictionary<string, string> Entities = new Dictionary<string, string>
    {
        ["action_plan"] = "Åtgärdsplan",
        ["action_plan_year"] = "År i åtgärdsplan",
        ["action_measure"] = "Åtgärd",
        ["action_measure_effect"] = "Åtgärdens planerade effekt",
        ["area"] = "Område",
        ["area_group"] = "Jämförelsegrupp",
        ["assignment"] = "Uppdrag",
        ["assignment_indicator"] = "Uppdragets indikator",
        ["assignment_receiver"] = "Uppdragets mottagare",
        ["committee"] = "Nämnd",
        ["committee_report"] = "Nämndens rapport",
        ["committee_plan"] = "Nämndplan",
        ["comparison_match"] = "Matchning av mål i jämförelse",
        ["sub_goal"] = "Delmål",
        ["region_report"] = "Regionens rapport",
        ["report_decision"] = "Beslut om rapport",
        ["review_comment"] = "Granskningskommentar",
        ["goal"] = "Mål",
        ["goal_area"] = "Målområde",
        ["goal_assessment"] = "Bedömning av mål",
        ["goal_rule"] = "Bedömningsregel",
        ["indicator"] = "Indikator",
        ["indicator_comment"] = "Kommentar till indikator",
        ["assignment_follow_up"] = "Uppföljning av uppdrag",
        ["action_measure_follow_up"] = "Uppföljning av åtgärd",
        ["plan"] = "Plan",
        ["plan_version"] = "Planversion",
        ["plan_revision"] = "Revidering av plan",
        ["report_period"] = "Rapportperiod",
        ["source"] = "Källa",
        ["source_file"] = "Källfil",
        ["subscription"] = "Bevakning",
        ["target"] = "Målvärde",
        ["target_adjustment"] = "Justering av målvärde",
        ["user"] = "Användare",
        ["user_role"] = "Användarroll",
        ["user_session"] = "Inloggningssession",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Field names of the recorded states, matched without regard to case ("State", "state", "isActive").</summary>
    static readonly FrozenDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["Id"] = "Id",
        ["State"] = "Status",
        ["Version"] = "Version",
        ["Name"] = "Namn",
        ["ShortName"] = "Kortnamn",
        ["Code"] = "Kod",
        ["Kind"] = "Typ",
        ["Description"] = "Beskrivning",
        ["Vision"] = "Vision",
        ["AreaId"] = "Område",
        ["Area"] = "Område",
        ["StartYear"] = "Första år",
        ["EndYear"] = "Sista år",
        ["PlanId"] = "Plan",
        ["Plan"] = "Plan",
        ["PlanName"] = "Plan",
        ["PlanVersionId"] = "Planversion",
        ["Author"] = "Upphovsperson",
        ["DecidedOn"] = "Beslutsdatum",
        ["IsCurrent"] = "Gällande",
        ["GoalAreaId"] = "Målområde",
        ["GoalAreaCode"] = "Målområde",
        ["OwnerCommitteeCode"] = "Ansvarig nämnd",
        ["OwnerCommittee"] = "Ansvarig nämnd",
        ["ContributorCodes"] = "Bidragande nämnder",
        ["SortOrder"] = "Ordning",
        ["IndicatorCodes"] = "Indikatorer",
        ["Indicators"] = "Indikatorer",
        ["Indicator"] = "Indikator",
        ["Members"] = "Medlemmar",
        ["Organisation"] = "Organisation",
        ["Unit"] = "Enhet",
        ["Decimals"] = "Decimaler",
        ["Direction"] = "Riktning",
        ["Frequency"] = "Frekvens",
        ["Aggregation"] = "Sammanvägning",
        ["GenderSplit"] = "Uppdelad på kön",
        ["Gender"] = "Kön",
        ["Tolerance"] = "Tolerans",
        ["ToleranceKind"] = "Typ av tolerans",
        ["TrendMinDifference"] = "Minsta skillnad för trend",
        ["SourceDescription"] = "Källa (beskrivning)",
        ["KpiId"] = "Kolada-KPI",
        ["PrimaryArea"] = "Huvudområde",
        ["ComparisonAreas"] = "Jämförelseområden",
        ["Goals"] = "Mål",
        ["Goal"] = "Mål",
        ["GoalCode"] = "Mål",
        ["CommitteePlan"] = "Nämndplan",
        ["DecidedBy"] = "Beslutande organ",
        ["DecisionSection"] = "Paragraf",
        ["Targets"] = "Målvärden",
        ["DeletedSubGoalCodes"] = "Borttagna delmål",
        ["CountedNoun"] = "Vad som räknas",
        ["Year"] = "År",
        ["Value"] = "Värde",
        ["BandMin"] = "Intervall från",
        ["BandMax"] = "Intervall till",
        ["Provenance"] = "Ursprung",
        ["IsExample"] = "Exempelvärde",
        ["Reason"] = "Skäl",
        ["Weights"] = "Vikter",
        ["Weight"] = "Vikt",
        ["MetShare"] = "Andel för uppfyllt",
        ["NotMetShare"] = "Andel för ej uppfyllt",
        ["Cron"] = "Schema",
        ["FullRefreshCron"] = "Schema för full hämtning",
        ["TimeZone"] = "Tidszon",
        ["Enabled"] = "Aktiv",
        ["Settings"] = "Inställningar",
        ["Source"] = "Källa",
        ["SourceId"] = "Källa",
        ["FileName"] = "Filnamn",
        ["Origin"] = "Ursprung",
        ["QuarantinedAt"] = "I karantän sedan",
        ["ReadAnywayAt"] = "Läst ändå",
        ["ReadAnywayBy"] = "Läst ändå av",
        ["DiscardedAt"] = "Kasserad",
        ["DiscardedBy"] = "Kasserad av",
        ["IngestedAt"] = "Inläst",
        ["Size"] = "Storlek (byte)",
        ["FileId"] = "Fil",
        ["JobId"] = "Jobb",
        ["FailedRunId"] = "Misslyckad körning",
        ["CommitteeId"] = "Nämnd",
        ["CommitteeName"] = "Nämnd",
        ["CommitteeCode"] = "Nämnd",
        ["Committee"] = "Nämnd",
        ["SubmittedAt"] = "Inlämnad",
        ["SubmittedBy"] = "Inlämnad av",
        ["FinalisedAt"] = "Fastställd",
        ["FinalisedBy"] = "Fastställd av",
        ["AssessedGoals"] = "Bedömda mål",
        ["Suggested"] = "Föreslagen bedömning",
        ["Assessed"] = "Bedömning",
        ["Assessment"] = "Bedömning",
        ["Motivation"] = "Motivering",
        ["Comment"] = "Kommentar",
        ["ExpectedCompletion"] = "Beräknas klart",
        ["Realised"] = "Utfall hittills",
        ["Forecast"] = "Prognos",
        ["Measure"] = "Åtgärd",
        ["Text"] = "Text",
        ["GivenBy"] = "Givet av",
        ["StartDate"] = "Startdatum",
        ["EndDate"] = "Slutdatum",
        ["Level"] = "Nivå",
        ["Assignment"] = "Uppdrag",
        ["AssignmentId"] = "Uppdrag",
        ["IndicatorId"] = "Indikator",
        ["Body"] = "Beslutande organ",
        ["MeetingDate"] = "Sammanträdesdatum",
        ["Paragraph"] = "Paragraf",
        ["Protocol"] = "Protokoll",
        ["UserName"] = "Användarnamn",
        ["DisplayName"] = "Namn",
        ["Email"] = "E-post",
        ["IsActive"] = "Aktiv",
        ["Roles"] = "Roller",
        ["Organisations"] = "Begränsad till organisationer",
        ["Role"] = "Roll",
        ["Sessions"] = "Sessioner",
        ["Failures"] = "Misslyckade försök",
        ["Attempts"] = "Försök",
        ["RemoteIp"] = "IP-adress",
        ["TargetKind"] = "Bevakar",
        ["TargetId"] = "Bevakat id",
        ["Events"] = "Händelser",
        ["ByEmail"] = "Via e-post",
        ["HasWebhook"] = "Via webhook",
        ["Digest"] = "Daglig sammanfattning",
        ["Created"] = "Skapade",
        ["Updated"] = "Ändrade",
        ["Removed"] = "Borttagna",
        ["Unchanged"] = "Oförändrade",
        ["DryRun"] = "Provkörning",
        ["ValidFrom"] = "Gäller från",
        ["Adoption"] = "Beslut",
        ["Analysis"] = "Analys",
        ["Actions"] = "Åtgärder",
        ["Format"] = "Format",
        ["Changes"] = "Ändringar",
        ["Action"] = "Händelse",
        ["Entity"] = "Objekt",
        ["Key"] = "Nyckel",
        ["LockedOut"] = "Kontot spärrat",
        ["UserNames"] = "Användarnamn",
        ["Reasons"] = "Skäl",
        ["ActionPlanId"] = "Åtgärdsplan",
        ["ActionPlan"] = "Åtgärdsplan",
        ["ActionMeasure"] = "Åtgärd",
        ["MeasureId"] = "Åtgärd",
        ["Frame"] = "Ekonomisk ram",
        ["StartingResult"] = "Utgångspunkt/resultat",
        ["RequiredEffect"] = "Krav på effekt (uppdrag)",
        ["Planned"] = "Planerad effekt",
        ["Effects"] = "Planerade effekter",
        ["DeletedMeasures"] = "Borttagna åtgärder",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Coded values, by the field they occur in (a code such as "open" means something only in its field).</summary>
    static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Values = new Dictionary<string, FrozenDictionary<string, string>>
    {
        ["State"] = Codes(("open", "öppen"), ("under_review", "under granskning"), ("returned", "returnerad"), ("finalised", "fastställd")),
        ["Suggested"] = Assessments(),
        ["Status"] = Codes(
            ("not_started", "ej påbörjat"), ("in_progress", "pågår"), ("done", "genomfört"), ("partly_done", "delvis genomfört"),
            ("not_done", "ej genomfört"), ("cancelled", "avbrutet")),
        ["Assessed"] = Assessments(),
        ["Assessment"] = Assessments(),
        ["Direction"] = Codes(("higher", "högre är bättre"), ("lower", "lägre är bättre"), ("band", "inom intervall")),
        ["Frequency"] = Codes(("year", "år"), ("tertial", "tertial"), ("quarter", "kvartal"), ("month", "månad")),
        ["Gender"] = Codes(("T", "totalt"), ("K", "kvinnor"), ("M", "män")),
        ["Reason"] = Codes(
            ("signed-out", "utloggad"), ("password-changed", "lösenordet byttes"), ("deactivated", "kontot inaktiverades"),
            ("idle-timeout", "inaktiv för länge"), ("absolute-lifetime", "sessionens längsta tid gick ut"), ("unknown-user", "okänt användarnamn"),
            ("no-role", "ingen roll"), ("inactive", "kontot är inaktiverat"), ("name-taken", "användarnamnet är upptaget"),
            ("ambiguous-committee", "nämnden är tvetydig"), ("access_denied", "nekad av inloggningstjänsten")),
        ["Source"] = Codes(("local", "lösenord"), ("oidc", "extern inloggning (OpenID Connect)")),
        ["ToleranceKind"] = Codes(("absolute", "absolut"), ("relative", "relativ")),
        ["Kind"] = Codes(
            ("adopted", "beslutad"), ("draft", "utkast"), ("proposal", "alternativt förslag"), ("interim", "delårsrapport"), ("annual", "årsrapport"),
            ("kolada", "Kolada"), ("pxweb", "SCB PxWeb"), ("file", "fil"), ("region", "region"), ("municipality", "kommun"), ("country", "riket")),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>"Lämnade in" for "submit"; an unknown code as it is.</summary>
    public static string Action(string code) => Actions.GetValueOrDefault(code, code);

    /// <summary>"Nämndens rapport" for "committee_report"; an unknown code as it is.</summary>
    public static string Entity(string code) => Entities.GetValueOrDefault(code, code);

    /// <summary>"Status" for "State" or "state"; an unknown field as it is.</summary>
    public static string Field(string name) => Fields.GetValueOrDefault(name, name);

    public static bool HasAction(string code) => Actions.ContainsKey(code);

    public static bool HasEntity(string code) => Entities.ContainsKey(code);

    /// <summary>A coded value in Swedish where its field has codes ("under_review" in State → "under granskning"); else null.</summary>
    public static string? Value(string field, string code)
    {
        if (Values.TryGetValue(field, out var codes) && codes.TryGetValue(code, out var name))
        {
            return name;
        }

        // A plan import lists its changes by action and object code.
        if (field.Equals("Action", StringComparison.OrdinalIgnoreCase) || field.Equals("Entity", StringComparison.OrdinalIgnoreCase))
        {
            return Actions.GetValueOrDefault(code) ?? Entities.GetValueOrDefault(code);
        }

        // Roles are recorded as "Namnd:HSN#3" (older entries "Namnd (HSN)"), "Administrator".
        if (field.Equals("Roles", StringComparison.OrdinalIgnoreCase) || field.Equals("Role", StringComparison.OrdinalIgnoreCase))
        {
            return RoleNames.Recorded(code);
        }

        return null;
    }

    static FrozenDictionary<string, string> Assessments() =>
        Codes(("met", "uppfyllt"), ("partly_met", "delvis uppfyllt"), ("not_met", "ej uppfyllt"), ("not_assessable", "kan ej bedömas"));

    static FrozenDictionary<string, string> Codes(params (string Code, string Name)[] codes) =>
        codes.ToFrozenDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
}
