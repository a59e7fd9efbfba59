using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Tests;

namespace Tagwatch.Application.Tests.Tags;

/// <summary>Tags handed back and exchanged: the wearing period ends, or ends as another begins, without rewriting whose a fix is.</summary>
public sealed class ReturnAndSwapTests : IAsyncLifetime
{
    private const string Old = "359881030000041";
    private const string New = "359881030000042";
    private static readonly Actor Admin = Actor.Unscoped("ada", Role.Administrator);
    private static readonly Instant Fitted = Instant.FromUtc(2019, 3, 1, 9, 0);
    private static readonly CancellationToken None = CancellationToken.None;

    private UseCaseHost _host = null!;

    private string _person = "";

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        _person = (await _host.Get<OffenderService>().EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2020, 3, 1), "Sam"))).Offender!.Reference.ToString();
        await _host.Get<RegisterTag>().ExecuteAsync(Admin, new RegisterTagRequest(Old, "gt06"), None);
        await _host.Get<RegisterTag>().ExecuteAsync(Admin, new RegisterTagRequest(New, "gt06"), None);
        await _host.Get<AssignTag>().ExecuteAsync(Admin, new AssignTagRequest(Old, _person, Fitted), None);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Return_EndsTheOpenWearingPeriod_ListsTheTagAsFree_AndIsAuditedOnThePerson()
    {
        var listedWorn = (await _host.Get<ListTags>().ExecuteAsync(Admin, new ListTagsRequest(), None)).Value.Single(t => t.Id.Value == Old);
        var off = Fitted + Duration.FromDays(2);

        var result = await _host.Get<ReturnTag>().ExecuteAsync(Admin, new ReturnTagRequest(Old, off), None);

        Assert.Equal((OffenderReference.Parse(_person), (Instant?)Fitted), (listedWorn.Wearer!.Value, listedWorn.WornSince));
        Assert.Equal(new TagReturned(TagId.Parse(Old), OffenderReference.Parse(_person), Fitted, off), result.Value);
        var period = Assert.Single(await _host.Get<ITagDirectory>().AssignmentsAsync());
        Assert.Equal((Fitted, (Instant?)off), (period.From, period.To));
        Assert.Null((await _host.Get<ListTags>().ExecuteAsync(Admin, new ListTagsRequest(), None)).Value.Single(t => t.Id.Value == Old).Wearer);
        var audited = (await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeRecord)))[^1];
        Assert.Equal(("offender", _person, $"tag {Old} returned at {off}"), (audited.Event.SubjectType, audited.Event.SubjectId, audited.Event.Data));
    }

    [Fact]
    public async Task Return_OfAFreeOrUnknownTag_OrOverStoredFixes_IsRefused()
    {
        await StoreFixesAsync(Old, Fitted + Duration.FromHours(3));

        var overFixes = await _host.Get<ReturnTag>().ExecuteAsync(Admin, new ReturnTagRequest(Old, Fitted + Duration.FromHours(2)), None);
        var beforeFitting = await _host.Get<ReturnTag>().ExecuteAsync(Admin, new ReturnTagRequest(Old, Fitted - Duration.FromHours(1)), None);
        var free = await _host.Get<ReturnTag>().ExecuteAsync(Admin, new ReturnTagRequest(New, Fitted + Duration.FromDays(1)), None);
        var unknown = await _host.Get<ReturnTag>().ExecuteAsync(Admin, new ReturnTagRequest("359881030000049"), None);
        var garbled = await _host.Get<ReturnTag>().ExecuteAsync(Admin, new ReturnTagRequest("#"), None);
        var officer = await _host.Get<ReturnTag>().ExecuteAsync(Actor.Unscoped("pat", Role.ProbationOfficer), new ReturnTagRequest(Old), None);

        Assert.Equal(FailureKind.Conflict, overFixes.Failure?.Kind);
        Assert.Contains("fixes stored", overFixes.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.Conflict, beforeFitting.Failure?.Kind);
        Assert.Equal(FailureKind.Conflict, free.Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, unknown.Failure?.Kind);
        Assert.Equal("id", garbled.Failure?.Field);
        Assert.Equal(FailureKind.Forbidden, officer.Failure?.Kind);
        Assert.Null(Assert.Single(await _host.Get<ITagDirectory>().AssignmentsAsync()).To);
    }

    [Fact]
    public async Task Swap_EndsTheOldTagAsTheNewOneGoesOnAtTheSameInstant_AndIsAudited()
    {
        var at = Fitted + Duration.FromDays(1);

        var result = await _host.Get<SwapTag>().ExecuteAsync(Admin, new SwapTagRequest(Old, New, at), None);

        Assert.Equal(new TagSwapped(TagId.Parse(Old), TagId.Parse(New), OffenderReference.Parse(_person), at), result.Value);
        var periods = await _host.Get<ITagDirectory>().AssignmentsAsync();
        Assert.Equal((Fitted, (Instant?)at), periods.Single(p => p.Tag.Value == Old) is var o ? (o.From, o.To) : default);
        Assert.Equal((at, (Instant?)null), periods.Single(p => p.Tag.Value == New) is var n ? (n.From, n.To) : default);
        Assert.Equal(periods[0].Offender, periods[1].Offender);
        var audited = (await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeRecord)))[^1];
        Assert.Equal((_person, $"tag {Old} swapped for tag {New} at {at}"), (audited.Event.SubjectId, audited.Event.Data));
    }

    [Fact]
    public async Task Swap_ToAWornUnknownOrSameTag_OrFromAFreeOne_OrOverStoredFixes_IsRefused()
    {
        string other = (await _host.Get<OffenderService>().EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2020, 3, 1), "Alex"))).Offender!.Reference.ToString();
        const string third = "359881030000043";
        await _host.Get<RegisterTag>().ExecuteAsync(Admin, new RegisterTagRequest(third, "gt06"), None);
        await _host.Get<AssignTag>().ExecuteAsync(Admin, new AssignTagRequest(third, other, Fitted), None);
        var at = Fitted + Duration.FromDays(1);

        var wornByOther = await _host.Get<SwapTag>().ExecuteAsync(Admin, new SwapTagRequest(Old, third, at), None);
        var unknown = await _host.Get<SwapTag>().ExecuteAsync(Admin, new SwapTagRequest(Old, "359881030000049", at), None);
        var same = await _host.Get<SwapTag>().ExecuteAsync(Admin, new SwapTagRequest(Old, Old, at), None);
        var fromFree = await _host.Get<SwapTag>().ExecuteAsync(Admin, new SwapTagRequest(New, Old, at), None);
        await StoreFixesAsync(Old, at + Duration.FromHours(1));
        var overFixes = await _host.Get<SwapTag>().ExecuteAsync(Admin, new SwapTagRequest(Old, New, at), None);

        Assert.Equal(FailureKind.Conflict, wornByOther.Failure?.Kind);
        Assert.Equal(("new_tag", FailureKind.Invalid), (unknown.Failure?.Field, unknown.Failure?.Kind));
        Assert.Equal("new_tag", same.Failure?.Field);
        Assert.Equal(FailureKind.Conflict, fromFree.Failure?.Kind);
        Assert.Equal(FailureKind.Conflict, overFixes.Failure?.Kind);
        Assert.Equal(2, (await _host.Get<ITagDirectory>().AssignmentsAsync()).Count(a => a.To is null));
    }

    private Task StoreFixesAsync(string tag, Instant at) => _host.Get<IFixStore>().AppendAsync(new Dictionary<TagId, List<Fix>>
    {
        [TagId.Parse(tag)] = [Fix.Create(at, at, new GeoPoint(51.45, -0.10), 6)],
    });
}
