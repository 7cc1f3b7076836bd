using Indicators.Core.Formatting;
using Indicators.Core.Reports;

namespace Indicators.Web.Reports;

/// <summary>
/// The form for one åtgärd's follow-up: amounts as typed (the store parses and names a bad one under the same property
/// names), and the follow-up's version the form was loaded with.
/// </summary>
public sealed class ActionMeasureFollowUpModel
{
    public string? Realised { get; set; }

    public string? Forecast { get; set; }

    public string? Comment { get; set; }

    public int Version { get; private set; }

    public static ActionMeasureFollowUpModel From(ReportActionMeasure measure)
    {
        var model = new ActionMeasureFollowUpModel();
        model.Apply(measure);
        return model;
    }

    /// <summary>Shows what is stored now (after a save): the same instance, so the form keeps its edit context.</summary>
    public void Apply(ReportActionMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        Realised = Amount(measure.Realised);
        Forecast = Amount(measure.Forecast);
        Comment = measure.Comment;
        Version = measure.Version;
    }

    /// <summary>An amount as a Swedish form shows it: "12,5", "−3", "" for none (no thousands spaces, so it reads back as typed).</summary>
    static string Amount(decimal? value) =>
        value is { } v ? v.ToString("0.############", SwedishFormat.Culture).Replace('-', '−') : "";
}
