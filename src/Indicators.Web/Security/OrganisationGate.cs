using Microsoft.AspNetCore.Authentication;
using Indicators.Data.Organisations;

namespace Indicators.Web.Security;

/// <summary>
/// The page or endpoint is reached by the id of something an organisation owns, in its route (<see cref="Parameter"/> a
/// route value) or its query string (<see cref="FromQuery"/>): <see cref="OrganisationGate"/> answers 404 to a user whose
/// organisations do not include the owner's. Razor pages: <c>@attribute [OwnedBy(OwnedKind.Indicator, "Id")]</c>;
/// minimal-API endpoints: <c>.WithMetadata(new OwnedByAttribute(...))</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class OwnedByAttribute(OwnedKind kind, string parameter) : Attribute
{
    public OwnedKind Kind { get; } = kind;

    /// <summary>The route value's name (case-insensitive), or the query-string key with <see cref="FromQuery"/>.</summary>
    public string Parameter { get; } = parameter;

    public bool FromQuery { get; init; }
}

/// <summary>
/// The page or endpoint is reached by an area id (an organisation itself), e.g. <c>?organisation=0022</c>: the gate
/// answers 404 when the user's organisations do not include it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class OrganisationInQueryAttribute(string parameter) : Attribute
{
    public string Parameter { get; } = parameter;
}

/// <summary>
/// The page or endpoint serves the whole installation (sources and their runs, the audit log, user administration,
/// Hangfire): an account limited to some organisations is refused it (403, pages: the no-access page).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class InstallationWideAttribute : Attribute;

/// <summary>
/// The page or endpoint has ids in its route or query but checks the user's organisations itself (it takes
/// <c>user.OrganisationScope()</c> and answers not found outside it), e.g. the comparison of two plan versions.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class OrganisationCheckedInsideAttribute : Attribute;

/// <summary>
/// The one gate between a user limited to some organisations (issue 21) and the pages and endpoints reached by id: after
/// authorisation, each <see cref="OwnedByAttribute"/> of the endpoint names a route or query value whose owner is read
/// (<see cref="OrganisationOwnership"/>); an owner outside the user's scope answers 404, so the thing's existence is not
/// told. A value that is not a whole number is left to the page (it says not found itself). Accounts without a limit
/// pass without a query.
/// </summary>
public static class OrganisationGate
{
    public static IApplicationBuilder UseOrganisationGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var scope = context.User.OrganisationScope();
        var endpoint = context.GetEndpoint();
        if (!scope.IsLimited || endpoint is null)
        {
            await next(context);
            return;
        }

        if (endpoint.Metadata.GetMetadata<InstallationWideAttribute>() is not null)
        {
            await context.ForbidAsync();
            return;
        }

        foreach (var organisation in endpoint.Metadata.GetOrderedMetadata<OrganisationInQueryAttribute>())
        {
            if (context.Request.Query[organisation.Parameter].ToString() is { Length: > 0 } area && !scope.Allows(area.Trim()))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        var ownership = context.RequestServices.GetRequiredService<OrganisationOwnership>();
        foreach (var owned in endpoint.Metadata.GetOrderedMetadata<OwnedByAttribute>())
        {
            var value = owned.FromQuery ? context.Request.Query[owned.Parameter].ToString() : context.Request.RouteValues[owned.Parameter]?.ToString();
            if (long.TryParse(value?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && !await ownership.AllowsAsync(scope, owned.Kind, id, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        await next(context);
    });
}
