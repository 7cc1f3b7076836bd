using System.Text;
using Indicators.Data.PlanCode;
using Indicators.Web.Security;

namespace Indicators.Web.PlanCode;

/// <summary>Plan as code on the web: a plan's YAML document as a download (the import is the page <c>/planer/import</c>).</summary>
public static class PlanCodeEndpoints
{
    public static IEndpointRouteBuilder MapPlanCode(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/planer/{planId:int}/export", ExportAsync).RequireAuthorization(Policies.Analyse)
            .WithMetadata(new OwnedByAttribute(Indicators.Data.Organisations.OwnedKind.Plan, "planId"));
        return routes;
    }

    static async Task<IResult> ExportAsync(int planId, PlanExporter exporter, CancellationToken cancellationToken)
    {
        if (await exporter.ReadAsync(planId, cancellationToken) is not { } document)
        {
            return TypedResults.NotFound();
        }

        // UTF-8 without a byte order mark, so the file diffs cleanly in version control.
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(PlanExporter.ToYaml(document));
        return TypedResults.File(bytes, "text/yaml; charset=utf-8", FileName(document.Plan.Name));
    }

    /// <summary>"plan-Regionplan 2025–2027.yaml": the plan's name, less characters no file system takes.</summary>
    public static string FileName(string planName)
    {
        ArgumentNullException.ThrowIfNull(planName);
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(planName.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim();
        return $"plan-{(safe.Length == 0 ? "plan" : safe)}.yaml";
    }
}
