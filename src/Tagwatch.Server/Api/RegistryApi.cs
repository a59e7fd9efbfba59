using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Core.Access;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>The device registry and the scheme's settings, for administrators: no personal data, no positions.</summary>
internal static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/tags", async (HttpContext http, TagwatchServices services) =>
        {
            var contacts = (await services.Ingest.ContactsAsync(http.RequestAborted)).ToDictionary(c => c.Tag);
            return Results.Ok((await services.Tags.ListAsync(http.RequestAborted)).Select(t => new
            {
                tag = t.Id.Value, protocol = t.Protocol, model = t.Model,
                last_contact = contacts.GetValueOrDefault(t.Id)?.LastContact.ToString(), battery_percent = contacts.GetValueOrDefault(t.Id)?.BatteryPercent,
            }));
        }).WithTags("Registry").RequireAuthorization(nameof(Permission.ManageTags)).WithName("ListTags");
        api.MapGet("/scheme", async (HttpContext http, TagwatchServices services) =>
        {
            var s = await services.OffenderStore.GetSchemeAsync(http.RequestAborted);
            return Results.Ok(new
            {
                name = s.Name, boroughs = s.BoroughCodes, capacity = s.Capacity, start = s.StartDate.ToString(), end = s.EndDate.ToString(),
                max_monitoring_months = s.MaxMonitoringMonths, eligible_offences = s.EligibleOffences.Select(o => o.ToString()),
                correlation_minimum_tier = s.CorrelationMinimumTier.ToString(),
            });
        })
            .WithTags("Registry").RequireAuthorization(nameof(Permission.ManageScheme)).WithName("GetScheme");
    }
}
