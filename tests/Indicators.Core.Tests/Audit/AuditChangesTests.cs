using Indicators.Core.Audit;

namespace Indicators.Core.Tests.Audit;

public class AuditChangesTests
{
    [Fact]
    public void Only_the_changed_fields_are_listed_with_Swedish_names_and_values()
    {
        var changes = AuditChanges.Of(
            """{"State": "open", "Version": 3, "CommitteeName": "HSN"}""",
            """{"State": "under_review", "Version": 4, "CommitteeName": "HSN"}""");

        Assert.Equal(
            [new AuditChange("Status", "öppen", "under granskning"), new AuditChange("Version", "3", "4")],
            changes);
    }

    [Fact]
    public void Booleans_nulls_numbers_and_times_read_in_Swedish()
    {
        var changes = AuditChanges.Of(
            """{"isActive": true, "Value": 92.0, "BandMin": null, "SubmittedAt": "2026-12-05T17:53:04.123+00:00"}""",
            """{"isActive": false, "Value": 93.5, "BandMin": 1.25, "SubmittedAt": null}""");

        Assert.Equal(
            [
                new AuditChange("Aktiv", "ja", "nej"),
                new AuditChange("Värde", "92,0", "93,5"),
                new AuditChange("Intervall från", "–", "1,25"),
                new AuditChange("Inlämnad", "2026-12-05 18:53", "–"),
            ],
            changes);
    }

    [Fact]
    public void Roles_as_the_user_writers_record_them_read_in_Swedish_with_their_nämnd_code()
    {
        // UserRoleWriter records a committee's role as "Namnd:HSN#3" (code and id: codes repeat across organisations).
        var changes = AuditChanges.Of("""{"roles": ["Analytiker"]}""", """{"roles": ["Granskare", "Granskare:HSN#3", "Namnd:HSN#3"]}""");

        Assert.Equal([new AuditChange("Roller", "Analytiker", "Granskare, Granskare (HSN), Nämnd (HSN)")], changes);
    }

    [Fact]
    public void A_created_thing_shows_its_values_and_leaves_out_what_is_empty()
    {
        var changes = AuditChanges.Of(null, """{"userName": "nora", "displayName": "Nora Nämnd", "email": null, "roles": ["Namnd (HSN)", "Administrator"]}""");

        Assert.Equal(
            [
                new AuditChange("Användarnamn", "–", "nora"),
                new AuditChange("Namn", "–", "Nora Nämnd"),
                new AuditChange("Roller", "–", "Nämnd (HSN), Administratör"),
            ],
            changes);
    }

    [Fact]
    public void Nested_objects_and_lists_of_objects_are_flattened_by_name()
    {
        var changes = AuditChanges.Of(
            """{"State": "under_review", "Goals": [{"Code": "1.1", "Suggested": "met", "Assessed": null}, {"Code": "1.2", "Suggested": "not_met", "Assessed": "partly_met"}]}""",
            """{"State": "finalised", "Goals": [{"Code": "1.2", "Suggested": "not_met", "Assessed": "not_met"}, {"Code": "1.1", "Suggested": "met", "Assessed": null}], "Source": {"Name": "Kolada", "Enabled": false}}""");

        Assert.Equal(
            [
                new AuditChange("Status", "under granskning", "fastställd"),
                new AuditChange("Mål 1.2 › Bedömning", "delvis uppfyllt", "ej uppfyllt"),
                new AuditChange("Källa › Namn", "–", "Kolada"),
                new AuditChange("Källa › Aktiv", "–", "nej"),
            ],
            changes);
    }

    [Fact]
    public void Unknown_fields_and_codes_show_as_they_are_and_no_states_give_no_rows()
    {
        Assert.Equal([new AuditChange("Frobnication", "–", "wibble")], AuditChanges.Of("{}", """{"Frobnication": "wibble"}"""));
        Assert.Empty(AuditChanges.Of(null, null));
        Assert.Equal("frobnicate", AuditNames.Action("frobnicate"));
        Assert.Equal("Lämnade in", AuditNames.Action("submit"));
        Assert.Equal("Nämndens rapport", AuditNames.Entity("committee_report"));
    }

    [Fact]
    public void Reasons_sources_and_a_plan_import_s_list_of_changes_read_in_Swedish()
    {
        var changes = AuditChanges.Of(null, """{"source": "oidc", "reason": "no-role", "Changes": [{"Action": "create", "Entity": "goal", "Key": "Plan / 1.1"}]}""");

        Assert.Equal(
            [
                new AuditChange("Källa", "–", "extern inloggning (OpenID Connect)"),
                new AuditChange("Skäl", "–", "ingen roll"),
                new AuditChange("Ändringar 1 › Händelse", "–", "Skapade"),
                new AuditChange("Ändringar 1 › Objekt", "–", "Mål"),
                new AuditChange("Ändringar 1 › Nyckel", "–", "Plan / 1.1"),
            ],
            changes);
    }
}
