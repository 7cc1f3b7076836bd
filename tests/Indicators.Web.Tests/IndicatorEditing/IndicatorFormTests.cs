using System.Linq.Expressions;
using Bunit;
using Indicators.Core.Plans;
using Indicators.Data.Indicators;
using Indicators.Web.Components.Editing;
using Indicators.Web.IndicatorEditing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Indicators.Web.Tests.IndicatorEditing;

public class IndicatorFormTests
{
    static IndicatorForm BandForm(params TargetRow[] rows) => new()
    {
        Code = "B1", Name = "Beläggning", Unit = "%", Direction = Direction.WithinBand, Frequency = "year", PrimaryAreaId = "0022",
        Versions = [new VersionForm { PlanVersionId = 7, Label = "Regionplan, Fastställd plan", StartYear = 2025, EndYear = 2027, Targets = [.. rows] }],
    };

    [Fact]
    public void Only_filled_rows_are_sent_and_a_band_sends_its_limits_not_a_value_left_in_a_hidden_input()
    {
        var form = BandForm(
            new TargetRow { Year = 2025 },
            new TargetRow { Year = 2026, Value = 90m, BandMin = 85m, BandMax = 95m },
            new TargetRow { Year = 2027, Gender = "K" });

        var (edit, _) = form.ToEdit();

        var sent = Assert.Single(Assert.Single(edit.Versions).Targets);
        Assert.Equal(new TargetDraft(2026, null, null, 85m, 95m, null, null, null, false), sent);
        Assert.Equal(7, edit.Versions[0].PlanVersionId);
    }

    [Fact]
    public void What_a_count_counts_goes_from_the_stored_indicator_to_the_form_and_back_and_a_blank_one_is_none()
    {
        var stored = new StoredIndicator(1, "v1", "0022",
            BandForm().ToEdit().Edit.Indicator with { Unit = "antal", Direction = Direction.HigherIsBetter, CountedNoun = "invånare" }, [], []);
        var form = IndicatorForm.From(stored);
        Assert.Equal("invånare", form.CountedNoun);
        Assert.Equal("invånare", form.ToEdit().Edit.Indicator.CountedNoun);

        form.CountedNoun = "  ";
        Assert.Null(form.ToEdit().Edit.Indicator.CountedNoun);
    }

    [Fact]
    public void A_filled_row_for_women_is_sent_after_the_gender_split_is_turned_off_so_the_editor_names_it()
    {
        var form = BandForm(new TargetRow { Year = 2026, Gender = "K", BandMin = 80m, BandMax = 90m });
        var (edit, toForm) = form.ToEdit();

        var errors = TargetDraft.ValidateAll(edit.Versions[0].Targets, 2025, 2027, form.Direction, form.GenderSplit, "Versions[0].Targets");

        Assert.Equal("Versions[0].Targets[0].Gender", toForm(Assert.Single(errors)).Field);
    }

    [Fact]
    public void The_rows_of_a_plan_version_are_one_per_year_and_gender_filled_from_the_stored_targets()
    {
        var form = new IndicatorForm { Organisation = "0022" };
        var version = new PlanVersionChoice(7, "0022", "Regionplan 2025–2027", "Fastställd plan", true, 2025, 2027, []);

        form.SetVersions([version], [new VersionTargets(7, [new TargetDraft(2026, "K", 84m, null, null, null, null, "Plan", true)])]);

        var rows = Assert.Single(form.Versions).Targets;
        Assert.Equal(9, rows.Count);
        var women2026 = Assert.Single(rows, r => r.Year == 2026 && r.Gender == "K");
        Assert.Equal((84m, "Plan", true), (women2026.Value, women2026.Provenance, women2026.IsExample));
        Assert.All(rows.Where(r => r != women2026), r => Assert.True(r.IsEmpty));
    }

    [Fact]
    public void ServerValidation_puts_an_error_on_a_sent_target_beside_the_input_of_its_row()
    {
        // The first row is empty and not sent, so the editor's Targets[0] is the form's row 1.
        var form = BandForm(new TargetRow { Year = 2025 }, new TargetRow { Year = 2026, BandMin = 9m, BandMax = 3m });
        var (edit, toForm) = form.ToEdit();
        var errors = TargetDraft.ValidateAll(edit.Versions[0].Targets, 2025, 2027, form.Direction, false, "Versions[0].Targets");
        Assert.Equal("Versions[0].Targets[0].BandMin", Assert.Single(errors).Field);
        using var context = new BunitContext();
        ServerValidation? server = null;

        var cut = context.Render<EditForm>(p => p
            .Add(f => f.Model, form)
            .Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => builder =>
            {
                builder.OpenComponent<ServerValidation>(0);
                builder.AddComponentReferenceCapture(1, r => server = (ServerValidation)r);
                builder.CloseComponent();
                for (var i = 0; i < form.Versions[0].Targets.Count; i++)
                {
                    var row = form.Versions[0].Targets[i];
                    builder.OpenElement(10, "div");
                    builder.AddAttribute(11, "id", $"row-{i}");
                    builder.OpenComponent<ValidationMessage<decimal?>>(12);
                    builder.AddAttribute(13, "For", (Expression<Func<decimal?>>)(() => row.BandMin));
                    builder.CloseComponent();
                    builder.CloseElement();
                }
            })));
        cut.InvokeAsync(() => server!.Show(errors.Select(toForm)));

        Assert.Equal("Intervallets lägsta värde (9) är större än dess högsta (3) för 2026.", cut.Find("#row-1 .validation-message").TextContent);
        Assert.Empty(cut.FindAll("#row-0 .validation-message"));
    }
}
