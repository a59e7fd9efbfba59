using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Scheme;

/// <summary>The scheme's settings with today's count of people monitored, for administrators.</summary>
/// <remarks>Not audited: the settings hold no personal data.</remarks>
public sealed class ShowScheme(IOffenderStore store, OffenderService offenders)
{
    public async Task<UseCaseResult<SchemeView>> ExecuteAsync(Actor actor, ShowSchemeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (OffenderAccess.Lacks(actor, Permission.ManageScheme) is { } lacks)
        {
            return lacks;
        }

        var today = offenders.Today;
        return new SchemeView(await store.GetSchemeAsync(cancellationToken), await store.CountMonitoredAsync(today, cancellationToken), today);
    }
}
