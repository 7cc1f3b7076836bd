using System.Security.Claims;
using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Reports;
using Indicators.Web.Reports;
using Indicators.Web.Security;

namespace Indicators.Web.Tests.Reports;

/// <summary>The goal form's handling of a save's result, and who may edit a report.</summary>
public class GoalFormTests
{
    static readonly DateTimeOffset Now = new(2026, 9, 20, 12, 2, 0, TimeSpan.Zero);

    [Fact]
    public void A_refused_save_keeps_the_users_text_shows_whose_text_stands_in_the_way_and_makes_the_stored_texts_the_original()
    {
        var form = GoalForm.From(GoalTexts.Empty);
        form.Analysis = "Bos analys";
        var theirs = new GoalTexts(null, "", "Alvas analys", "", 1, "alva", Now);

        form.Apply(new SaveResult<GoalTexts>(theirs, [new TextConflict("Analysis", "Analys", "Alvas analys", "alva", Now)]), Now);

        Assert.Equal("Bos analys", form.Analysis);
        Assert.Equal(theirs, form.Original);
        Assert.Equal("Alvas analys", Assert.Single(form.Conflicts).Theirs);
        Assert.Null(form.SavedAt);
        // The next save sends what is stored now as its original, so the store sees an edit made knowing their text.
        Assert.Equal(new GoalTexts(null, "", "Bos analys", "", 1), form.ToTexts());
    }

    [Fact]
    public void After_a_refused_save_the_fields_this_user_left_alone_show_the_stored_texts_so_the_next_save_cannot_put_old_text_back()
    {
        var form = GoalForm.From(GoalTexts.Empty);
        form.Analysis = "Bos analys";
        // Alva wrote both the analysis (the conflict) and the actions, which Bo never touched.
        var theirs = new GoalTexts(GoalAssessment.Met, "", "Alvas analys", "Alvas åtgärder", 1, "alva", Now);

        form.Apply(new SaveResult<GoalTexts>(theirs, [new TextConflict("Analysis", "Analys", "Alvas analys", "alva", Now)]), Now);

        Assert.Equal(("Bos analys", "Alvas åtgärder", GoalAssessment.Met), (form.Analysis, form.Actions, form.Assessed));
        Assert.Equal(new GoalTexts(GoalAssessment.Met, "", "Bos analys", "Alvas åtgärder", 1), form.ToTexts());
    }

    [Fact]
    public void A_save_that_went_through_takes_the_stored_texts_and_says_when()
    {
        var form = GoalForm.From(GoalTexts.Empty);
        form.Assessed = GoalAssessment.NotMet;
        form.Motivation = "Väntetiderna är för långa.";
        var stored = new GoalTexts(GoalAssessment.NotMet, "Väntetiderna är för långa.", "", "", 1, "hsn", Now);

        form.Apply(new SaveResult<GoalTexts>(stored, []), Now);

        Assert.Empty(form.Conflicts);
        Assert.Equal(Now, form.SavedAt);
        Assert.Equal(stored, form.Original);
        Assert.Equal("Sparat kl 14:02", $"Sparat kl {ReportTexts.Clock(form.SavedAt!.Value)}");
    }

    [Theory]
    [InlineData("Motivation", "Motivation")]
    [InlineData("Goals[12].Motivation", "Motivation")]
    [InlineData("Goals[12].Assessed", "Assessed")]
    [InlineData("analysis", "Analysis")]
    [InlineData("", "")]
    [InlineData("Comment", "")]
    public void The_stores_field_paths_land_on_the_forms_fields(string path, string field) =>
        Assert.Equal(field, GoalForm.ToForm(new FieldError(path, "x")).Field);

    static ClaimsPrincipal User(string role, params int[] committees) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, role), .. committees.Select(c => new Claim(Roles.CommitteeClaim, c.ToString(System.Globalization.CultureInfo.InvariantCulture)))], "test"));

    [Fact]
    public void A_nämnd_user_edits_only_its_own_nämnds_report_by_committee_id_analysts_and_administrators_any_and_ledning_none()
    {
        const int hsn = 3, rs = 4, hsnOfAnotherOrganisation = 9;
        Assert.True(ReportAccess.MayEdit(User(Roles.Committee, hsn), hsn));
        Assert.False(ReportAccess.MayEdit(User(Roles.Committee, rs), hsn));
        Assert.False(ReportAccess.MayEdit(User(Roles.Committee, hsn), hsnOfAnotherOrganisation));
        Assert.False(ReportAccess.MayEdit(User(Roles.Committee), hsn));
        Assert.True(ReportAccess.MayEdit(User(Roles.Analyst), hsn));
        Assert.True(ReportAccess.MayEdit(User(Roles.Administrator), hsn));
        Assert.False(ReportAccess.MayEdit(User(Roles.Management), hsn));
        Assert.False(ReportAccess.MayEdit(User(Roles.Management, hsn), hsn));
        Assert.False(ReportAccess.MayCreatePeriods(User(Roles.Committee, hsn)));
        Assert.True(ReportAccess.MayCreatePeriods(User(Roles.Analyst)));
        // A claim that is no id (an old code-valued claim) grants nothing.
        Assert.False(ReportAccess.MayEdit(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Committee), new Claim(Roles.CommitteeClaim, "HSN")], "test")), hsn));
    }
}
